"""The conversation: the transcript, the current question with its answer buttons, typing, Why, Back.

The transcript is drawn from the engine's answers each time, so Back, a changed answer or a new
language can never leave it out of step with what the engine holds.
"""

from __future__ import annotations

import asyncio
import gc
import re
from dataclasses import dataclass, replace
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Region
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from ... import garbage
from ...engine import AnswerValue, Given, pressed_value
from ...literal import excerpt, printable
from ...models import UNSURE, Question, QuestionKind
from ...reask import reask_message, told_before
from ...summary import (
    UNIT_WORDS, answer_as_read, answer_label, button_labels, pressed_words, time_in, words_add_something,
)
from ...understanding import Interpretation, Status
from ..breakpoints import KeysWaitWhenTooSmall, fit, too_small
from ..keys import FOCUS_KEYS, SCROLL_KEYS, key_span, number_keys
from ..messages import ChooseLanguage, ShowAbout
from ..session import Session
from ..widgets.action_bar import KeyButton, with_key
from ..widgets.answer_input import AnswerInput
from ..widgets.area import Area, parking
from ..widgets.bubble import Bubble
from ..widgets.chat import Chat
from ..widgets.choice_button import ChoiceButton
from ..widgets.key_bar import KeyBar
from ..widgets.number_pad import NumberPad
from ..widgets.too_small import TooSmall
from ..widgets.transcript import Exchange, Transcript
from .scrolling import ScrollsBody

if TYPE_CHECKING:
    from .ruled_out import RuledOutChoice

_TYPED_NUMBERS = (QuestionKind.NUMBER, QuestionKind.DURATION)
_BARE_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_PAD_UNITS = ("months", "years")
"""The units a time is typed in on the number pad, and offered in after a bare number."""

COLLECT_AFTER_SECONDS = 0.5
"""How long after a question is shown its screen collects garbage (see `_collect_garbage_after_frame`)."""


@dataclass(frozen=True)
class _Try:
    """A typed try that gave no answer. Its re-ask is worded from it in the language on screen."""

    said: str
    meaning: Interpretation
    """How it was read."""
    offered: bool
    """The closest answers were offered as buttons."""
    told: bool
    """The person had been told what its re-ask explains, at an earlier try (see `told_before`): said short.
    Kept with the try, so that the first one keeps its full line after a new language."""


@dataclass
class _Word:
    """A number key that pressed an answer, and the keys held back right after it."""

    question_id: str
    typed: str
    earlier: Given | None
    """The answer the press replaced (the person came back to change it), which counts again if it is taken back."""
    pressed: bool = False
    """The press was handled with nothing typed after it yet: it answers the question."""
    moved_on: bool = False
    """The answer was taken and the next question shown: from now on the keys held back are noted."""
    taken_back: bool = False
    """A character after it showed a word, on the "may not be right for you" message: it is being closed,
    and what is typed meanwhile is kept for the word."""
    sent: bool = False
    """Enter sent the word before the press was handled (all in one burst): the key went with it, and the
    press answers nothing."""

    def began_a_word(self, typed_after: str) -> bool:
        """Whether the key began a word rather than pressed an answer: something was typed after it
        (`typed_after`), or other digits came with it ("21"). The same key again and nothing more ("11") is
        a key that bounced, or a shaky finger: one press."""
        return bool(typed_after) or len(set(self.typed)) > 1


class ConversationScreen(KeysWaitWhenTooSmall, ScrollsBody, Screen[None], inherit_bindings=False):
    """One question at a time. Number keys press answers (or type digits for a number question)."""

    # Focused as the screen is made, so its first frame already shows the box ready for typing.
    AUTO_FOCUS = "#answer"

    # The answer box always has the keyboard, so letters are typed, never taken as commands. Number keys
    # and "?" act only while the box is empty (see AnswerInput.shortcuts); the rest are not printable.
    BINDINGS = [
        *FOCUS_KEYS,
        *number_keys("number"),
        # At a choose-all-that-fit question, 0 presses Done, and the key bar says so: at 60x18 Done is below
        # the answers, out of sight, and the bar said "1-5 Answer" alone. Elsewhere this one is hidden and 0
        # is a number key like the others (`check_action`).
        Binding("0", "done", "ui_key_done"),
        Binding("0", "number(0)", show=False),
        Binding("question_mark", "why", "ui_key_why", key_display="?"),
        # A Chinese keyboard types the full-width ？: it was typed into the box, and Enter gave "I did not understand ？"
        Binding("fullwidth_question_mark", "why", show=False),
        Binding("escape", "back", "ui_key_back", key_display="esc"),
        Binding("ctrl+t", "about", "ui_key_about"),
        Binding("ctrl+l", "language", "ui_key_language"),
        # These scroll the conversation; the answer box takes Home and End while it has text (a button or the
        # pad takes the arrows first).
        *SCROLL_KEYS,
    ]
    BODY = "chat"

    def __init__(self, session: Session) -> None:
        super().__init__()
        fit(self)
        self.session = session
        self.question: Question | None = None
        """The question on screen (None once every question is answered)."""
        self.attempts: list[_Try] = []
        """This question's unclear typed tries."""
        self.suggestions: tuple[str, ...] = ()
        """After an unclear try: the closest answers, offered as "Did you mean ...?" buttons."""
        self.bare_number: str | None = None
        """After a bare number for a time question ("18"): offered in months and in years (`unit_choices`)."""
        self.chosen: set[str] = set()
        """Choose-all-that-fit: the answers toggled on so far."""
        self.ticked_here = False
        """Choose-all-that-fit: a tick was pressed at this question since it came (not only the earlier answer's)."""
        self.from_summary: str | None = None
        """The question the person chose from the summary's list of answers, while it is asked: Back goes back to
        the summary. It went to the question before, and from the first (age) there was no way back but to answer."""
        self.changing: str | None = None
        """The question the person chose from the summary's list of answers, until the summary shows again: it
        says what the answer now is ("Age: 34 years"). Typed "thirty fuor" was read as 34, and nothing said so."""
        self.place_when_sized = False
        """Place the question (`_show_question`) once more when its area next has a new size: measured right
        after a redraw, a new question's area still had the size of the one before it, and at 60x18 the
        question was left out of sight. Once only, and not after the person scrolls: a later change of size
        (an answer's label wrapping) must not pull the view away from where they took it."""
        self.why_shown = False
        self._redrawing = asyncio.Lock()
        self.collection: Timer | None = None
        """The garbage collection waiting for the person to read the question, if one is waiting."""
        self.collection_due = False
        """A garbage collection is waiting: for the next frame, then (as `collection`) for the person to read."""
        self.last_status: Status | None = None
        """How the last answer went (understood, unclear, out of range); the replay driver reads it."""
        self.word: _Word | None = None
        """The answer a number key just pressed, while what is typed right after it may show that the key
        began a word ("2 months ago") rather than pressed an answer (see `word_went_on`)."""
        self.waiting: tuple[Screen[Any], Callable[[Any], Any]] | None = None
        """What an answer opened (the ruled-out message, the summary) while another screen covered this one
        (About, opened by a key that came with the answer's): shown when this screen is in front again."""

    # --- drawing ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.session.t
        self._follow_engine()
        yield TooSmall(self.session)
        with HorizontalGroup(classes="topbar"):
            yield Static(Content(t("ui_app_title")), id="title")
            yield Static(self._progress(), id="progress")
        with Chat(id="chat", can_focus=False):
            yield Transcript(self._exchanges(self._answered()), id="transcript")
            # What other questions show is mounted now, hidden (see `Area`): it is only changed when they come.
            question_hint = Static(Content(""), classes="hint", id="question-hint")
            yield Area(*self._current(spares=True), spares=[question_hint], id="current")
            # Fills the rest of a view the conversation does not: anchored to its end, a short conversation
            # still starts at the top. (A group around the conversation, at least as tall as the view, did
            # the same, but a group of auto height is laid out twice: 1-2 ms of every answer.)
            yield Static(Content(""), id="chat-rest")
        # Under the conversation's column, not at the far left of a wide screen (see #chat).
        with VerticalGroup(id="foot"):
            with HorizontalGroup(id="actions"):
                yield KeyButton("?", t("ui_why_button"), id="why")
                back = KeyButton("esc", self._back_words(), id="back", disabled=not self._can_go_back())
                # Textual ignores clicks during a button's press flash; Back is often pressed several times quickly.
                back.active_effect_duration = 0
                yield back
                yield KeyButton("^t", t("ui_about_button"), id="about")
                if len(self.session.languages) > 1:
                    yield KeyButton("^l", self.session.language_name(self.session.next_language()), id="language")
            yield AnswerInput(
                placeholder=self._placeholder(), shortcuts=self._shortcuts(), held_keys=self.session.held_keys,
                held_back=self.word_went_on, id="answer", select_on_focus=False,
            )
        yield KeyBar(self.session)

    async def redraw(self) -> None:
        """Show the engine's current state: keep the unchanged start of the transcript, rebuild the rest."""
        # Key bindings run their actions in the app's task, button handlers in this screen's: two redraws
        # can overlap, and the second must wait until the first has put its widgets in place.
        garbage.hold_while_answering()
        async with self._redrawing:
            await self._redraw()

    async def _redraw(self) -> None:
        self._follow_engine()
        answered = self._answered()
        with self.app.batch_update():
            self.query_one(Transcript).show(self._exchanges(answered))
            await self.query_one("#current", Area).show(self._current())
            progress = self.query_one("#progress", Static)
            if progress.content != self._progress():
                progress.update(self._progress())
            back = self.query_one("#back", Button)
            back.disabled, words = not self._can_go_back(), with_key("esc", self._back_words())
            if back.label != words:
                # A label is only repainted: "Back to the summary" was cut to the width of "Back" (返回小结 to 返回小).
                back.label = words
                back.refresh(layout=True)
            box = self.query_one(AnswerInput)
            box.placeholder, box.shortcuts = self._placeholder(), self._shortcuts()
        self.refresh_bindings()
        self._settle()

    def _follow_engine(self) -> None:
        """Take the engine's current question; a new question starts with no tries or Why, and a
        choose-all-that-fit question asked again (Back) with the earlier answer's ticks."""
        current = self.session.screening.current()
        if current is None or self.question is None or current.id != self.question.id:
            word = self.word
            # Only the move its own press made: any later one ends the word.
            left = self.question.id if self.question is not None else None
            self.word = word if word is not None and word.pressed and not word.moved_on and word.question_id == left else None
            if self.word is not None:
                self.word.moved_on = True
            self.attempts, self.suggestions, self.chosen, self.why_shown = [], (), set(), False
            self.ticked_here = False
            self.bare_number = None
            if current is None or current.id != self.from_summary:
                self.from_summary = None  # answered, or left: Back is Back again
            self.session.held_keys.moved_on()
            given = self.session.screening.given(current.id) if current is not None else None
            if current is not None and given is not None and isinstance(given.value, frozenset):  # choose-all
                self.chosen = set(given.value) & set(current.answer_values())
        self.question = current

    def _progress(self) -> Content:
        if self.question is None:
            return Content("")
        number, total = self.session.screening.progress()
        return Content(self.session.t("ui_progress", current=number, total=total))

    def _placeholder(self) -> str:
        typed_number = self.question is not None and self.question.kind in _TYPED_NUMBERS
        return self.session.t("ui_type_number" if typed_number else "ui_type_here")

    def _shortcuts(self) -> str:
        """The keys that press something while the answer box is empty (a number question types digits)."""
        typed_number = self.question is not None and self.question.kind in _TYPED_NUMBERS
        return "?？" if typed_number and not self.unit_choices else "1234567890?？"

    def _answered(self) -> list[Given]:
        """The answers to the questions before the current one, in order."""
        order = [q.id for q in self.session.pack.questions]
        limit = order.index(self.question.id) if self.question is not None else len(order)
        return [given for given in self.session.screening.answers if order.index(given.question_id) < limit]

    @staticmethod
    def _key(given: Given) -> tuple[str, AnswerValue, str]:
        return (given.question_id, given.value, given.said)

    def _exchanges(self, answered: list[Given]) -> list[Exchange]:
        """Each answered question, then the person's own words (a press: its buttons' words, in today's
        language), and what typed words were read as."""
        pack, lang = self.session.pack, self.session.lang
        exchanges = []
        for given in answered:
            question = pack.question(given.question_id)
            said = given.said or pressed_words(pack, question, given.value, lang)
            # Typed words say how they were read, at once: a person who meant otherwise can go back now, not
            # first find it in the summary.
            read = self._reading(question, given) if given.said else ""
            exchanges.append(Exchange(self._key(given), question.text[lang], said, read))
        return exchanges

    def _answer_lines(self, question: Question) -> tuple[str, ...]:
        """The answer just given, as the transcript shows it: the person's words (or the button's), and under
        typed words what they were read as."""
        given = self.session.screening.given(question.id)
        if given is None:
            return ()
        pack, lang = self.session.pack, self.session.lang
        said = excerpt(printable(given.said.strip())) if given.said else pressed_words(pack, question, given.value, lang)
        reading = self._reading(question, given) if given.said else ""
        return (self.session.t("ui_you_answered", answer=said), *([reading] if reading else []))

    def _reading(self, question: Question, given: Given) -> str:
        """What typed words were read as ("I understood: Yes"), or "" when they are the answer's own words."""
        label = answer_label(self.session.pack, question, given, self.session.lang)
        if not words_add_something(given.said, label):
            return ""
        return self.session.t("ui_read_as", answer=self._as_read(question, given))

    def _as_read(self, question: Question, given: Given) -> str:
        """The answer as it is read back ("2 years (24 months)"; see `answer_as_read`)."""
        session = self.session
        return answer_as_read(session.pack, session.understanding, question, given, session.lang)

    def _current(self, *, spares: bool = False) -> list[Widget]:
        """The current question and its answers; `spares`: with a parked widget for each other question's answers."""
        return [] if self.question is None else self._question(self.question, spares=spares)

    def _question(self, question: Question, *, spares: bool = False) -> list[Widget]:
        session = self.session
        t, lang = session.t, session.lang
        widgets: list[Widget] = [Bubble(question.text[lang], classes="question", id="question")]
        if question.hint:
            widgets.append(parking(Static(Content(question.hint[lang]), classes="hint", id="question-hint")))
        given = session.screening.given(question.id)
        if given is not None:
            # With the question it is about: under the re-asks of a new try, it read as what that try was taken as.
            before = t("ui_before_you_said", answer=self._as_read(question, given))
            widgets.append(Static(Content(before), classes="hint", id="before"))
        for number, tried in enumerate(self.attempts, start=1):
            reask = reask_message(session.pack, question, tried.said, tried.meaning, tried.offered, lang, tried.told)
            # A pasted page is quoted by its start: the re-ask under it must stay in sight.
            shown = excerpt(tried.said.strip())
            widgets += [Bubble(shown, person=True, id=f"tried-{number}"), Bubble(reask, classes="reask", id=f"reask-{number}")]
        widgets.append(Area(*self._answers(question), spares=self._spare_answers() if spares else (), id="answers"))
        if self.why_shown:
            widgets.append(self._why(question))
        return widgets

    def _why(self, question: Question) -> Static:
        t = self.session.t
        return Static(Content(f"{t('ui_why_heading')}{t('colon')}{question.why[self.session.lang]}"), id="why-text")

    def _answers(self, question: Question) -> list[Widget]:
        """The answer buttons: "Did you mean ...?" after an unclear try, else every answer (or the number pad)."""
        t = self.session.t
        toggle = question.kind is QuestionKind.MULTI
        if self.suggestions:
            # At a choose-all question the closest answers are ticked as the others are: "脚麻，走路有点不稳"
            # may mean two of them, and pressing one answered with that one alone, dropping the other.
            # Each keeps its number from the full list: numbered afresh, "2" was "Yes, another type" here
            # right after "2  Yes, type 2 diabetes" was seen, and a person who typed "type 2" pressed 2.
            buttons: list[Widget] = [
                ChoiceButton(
                    value, self._key_of(value), self._label(value),
                    question=question.id, place=place, toggle=toggle, chosen=value in self.chosen,
                )
                for place, value in enumerate(self.suggestions, start=1)
            ]
            buttons.append(KeyButton(self._show_all_key(), t("ui_show_all"), id="show-all"))
            return [*buttons, *self._multi_done()] if toggle else buttons
        if self.unit_choices:
            # "1  I mean 2 months", not "1  2 months": to poor eyes, "1  2 个月" was 12 months.
            return [
                KeyButton(number, t("ui_unit_choice", amount=text), id=f"unit-{number}", classes="unit-choice")
                for number, text in enumerate(self.unit_choices, start=1)
            ]
        if question.kind in _TYPED_NUMBERS:
            shown = [unit for unit, _ in self._units(question)]
            pad: list[Widget] = [
                NumberPad(delete=t("ui_pad_delete"), send=t("ui_pad_send"), units=self._pad_units(), shown_units=shown)
            ]
            unsure = ChoiceButton(UNSURE, None, self._label(UNSURE), question=question.id, place=1)
            return pad + ([unsure] if question.allow_unsure else [])
        widgets: list[Widget] = [
            ChoiceButton(
                value, self._key_of(value), self._label(value),
                question=question.id, place=place, toggle=toggle, chosen=value in self.chosen,
            )
            for place, value in enumerate(question.answer_values(), start=1)
        ]
        return [*widgets, *self._multi_done()] if toggle else widgets

    def _key_of(self, value: str) -> int | None:
        """The number key of an answer: its place in the question's full list, wherever it is shown (a re-ask's
        few answers too), so a key always means one answer at a question; none past the ninth."""
        assert self.question is not None
        number = self.question.answer_values().index(value) + 1
        return number if number <= 9 else None

    def _show_all_key(self) -> int | None:
        """The key of "Show all the answers": the first key of the number row (1-9, then 0) after the question's
        answers that Done (0, at a choose-all question) does not take. One key a question, never an answer's:
        it was the one after the few answers shown, and so the key of an answer not shown ("5  No")."""
        assert self.question is not None
        taken = len(self.question.answer_values())
        free = [*range(taken + 1, 10), *([0] if self.question.kind is not QuestionKind.MULTI else [])]
        return free[0] if free else None  # nine answers and Done: pressed by Tab and Enter, or a click

    def _multi_done(self) -> list[Widget]:
        """A choose-all question's hint and its Done button."""
        t = self.session.t
        return [
            parking(Static(Content(t("ui_multi_hint")), classes="hint", id="multi-hint")),
            parking(KeyButton(0, t("ui_done_button"), id="done", variant="primary", disabled=not self.chosen)),
        ]

    def _spare_answers(self) -> list[Widget]:
        """An answer button for each place any question has, and a choose-all-that-fit question's hint and Done."""
        places = max(len(question.answer_values()) for question in self.session.pack.questions)
        buttons: list[Widget] = [ChoiceButton("", None, "", question="", place=place) for place in range(1, places + 1)]
        return [*buttons, Static(Content(""), classes="hint", id="multi-hint"), KeyButton(None, "", id="done", variant="primary")]

    def _label(self, value: str) -> str:
        assert self.question is not None
        return button_labels(self.session.pack, self.question, [value], self.session.lang)

    def _pad_units(self) -> list[tuple[str, str]]:
        """Every unit key of the number pad (one pad serves every number and time question; see `Area`)."""
        return [(unit, self.session.t(UNIT_WORDS[unit][1])) for unit in _PAD_UNITS]

    def _units(self, question: Question) -> list[tuple[str, str]]:
        """The units a question's answer takes: months or years for a time question, none for a number."""
        return self._pad_units() if question.kind is QuestionKind.DURATION else []

    def on_mount(self) -> None:
        self._settle()

    async def recompose(self) -> None:
        async with self._redrawing:
            await super().recompose()
        self._settle()

    def _settle(self) -> None:
        """Show the newest part of the conversation, and put the keyboard where the answer goes."""
        if self.query_one("#chat", VerticalScroll).size:
            self._anchor_chat()
        else:
            # Not laid out yet (a new or rebuilt screen): Textual would anchor it to a view of height 0,
            # draw it scrolled past its end, and lay it out again. Its first frame shows the start instead.
            self.call_after_refresh(self._anchor_chat)
        self.call_after_refresh(self._show_question)
        self.place_when_sized = True
        self._collect_garbage_after_frame()
        self.query_one(AnswerInput).focus()

    def _anchor_chat(self) -> None:
        """Keep the chat scrolled to its end, in the same layout that adds to it: one frame per answer."""
        try:
            self.query_one("#chat", VerticalScroll).anchor()
        except NoMatches:  # the screen was rebuilt (a new language) or closed (a wipe) meanwhile
            pass

    def _collect_garbage_after_frame(self) -> None:
        """Collect garbage once the person has had the new question for a moment, not while they answer.

        A full collection takes longer than a frame (the widgets' drawn lines are many small objects), and
        left to itself Python starts one whenever enough objects have piled up, in the middle of someone's
        answer. So the collection waits for the frame to be painted (`call_after_refresh` can run before
        it: the widgets tell the screen what changed only when they are next idle), then for
        `COLLECT_AFTER_SECONDS` more, while the person reads. An answer given sooner puts it off again. A
        screen pushed over this one puts it off until this one is shown again.
        """
        if self.collection is not None:
            self.collection.stop()
            self.collection = None
        signal, chat = self.screen_layout_refresh_signal, self.query_one("#chat")

        def painted(_screen: Screen[object]) -> None:
            if self.is_active:  # not a layout under another screen, while that one is being shown
                signal.unsubscribe(chat)
                if self.collection is None:
                    self.collection = self.set_timer(COLLECT_AFTER_SECONDS, self._collect_garbage)

        signal.unsubscribe(chat)  # one collection, however many redraws come before the frame
        signal.subscribe(chat, painted, immediate=True)
        self.collection_due = True

    def _collect_garbage(self) -> None:
        self.collection, self.collection_due = None, False
        gc.collect()

    def collect_garbage_now(self) -> None:
        """The collection waiting for the person to read, run at once: for a reader quicker than any person
        (the benchmark), whose timer would otherwise go off in the middle of their next answer."""
        if self.collection is not None:
            self.collection.stop()
        self._collect_garbage()

    # --- keys and buttons ------------------------------------------------------------------------

    def _show_question(self) -> None:
        """If the question and its answers are taller than the view, choose what is in it. Asked for the first
        time: the question at the top. With Why shown: as much above its end as fits. After unclear tries: as
        much above the answers' end as fits, the newest re-ask at least (after a few tries the question and
        the first re-asks filled the view, and the answers were below it); where the newest re-ask and every
        answer cannot be in view together (nine at 60x18), as much above the first answer as fits, the
        question first (with the answers at the top, the question and the re-ask were out of sight)."""
        try:
            chat = self.query_one("#chat", VerticalScroll)
            current = self.query_one("#current", Area)
        except NoMatches:  # the screen was rebuilt (a new language) or closed (a wipe) meanwhile
            return
        view = chat.scrollable_content_region.height
        if current.outer_size.height <= view:
            return
        shown = [child for child in current.children if child.display]
        if not shown:
            return
        if self.attempts or self.why_shown:
            top = _first_in_view_with(shown, shown[-1], view)
            if top is shown[-1] and not self.why_shown:
                answers = shown[-1]
                first = next((child for child in answers.children if child.display), answers)
                top = _first_in_view_with(shown, first, view)
        else:
            # Asked for the first time, the question is read first: with the answers alone in view (eight of
            # them in the kiosk at 60x18) the person did not see what was asked. The rest is a scroll away.
            top = shown[0]
        chat.scroll_to_widget(top, animate=False, top=True)

    @on(Area.Resized, "#current")
    def _current_resized(self) -> None:
        """The question's area has its new size: place it now (see `place_when_sized`)."""
        if self.place_when_sized:
            self.place_when_sized = False
            self._show_question()

    def action_scroll_body(self, action: str) -> None:
        self.place_when_sized = False  # the person scrolls: the view is theirs
        super().action_scroll_body(action)

    @on(Chat.Scrolled)
    def _scrolled_by_mouse(self) -> None:
        self.place_when_sized = False  # as with the keys (`action_scroll_body`)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action == "language":
            return len(self.session.languages) > 1
        if action == "back":
            return True if self._can_go_back() else None
        if action == "done":
            done = self._done_button()
            return False if done is None else None if done.disabled else True
        return True

    def _done_button(self) -> Button | None:
        """Done, when the question asked is choose-all-that-fit (with its answers, or a re-ask's few)."""
        if self.question is None or self.question.kind is not QuestionKind.MULTI:
            return None
        return next((done for done in self.query("#done").results(Button) if done.display), None)

    def action_done(self) -> None:
        self.action_number(0)

    def key_display(self, binding: Binding) -> str | None:
        """The number keys that press an answer now, for the key bar: "1-3" at a question with three.

        "1-9" promised answers that a question of three does not have: there, 8 begins a typed answer. A re-ask's
        few answers keep their numbers, which need not follow on: there the bar says "2-4,6"."""
        if not binding.action.startswith("number(") or self.question is None:
            return None
        if self.unit_choices:
            keys = list(range(1, len(self.unit_choices) + 1))
        elif self.suggestions:
            # The few answers keep their numbers, and Show all has its own: "2-4,6" at a re-ask of five answers.
            shown = [self._key_of(value) for value in self.suggestions] + [self._show_all_key()]
            keys = [key for key in shown if key is not None]
        else:
            keys = list(range(1, min(9, len(self.question.answer_values())) + 1))
        if not keys:  # a number question: its keys type digits
            return None
        return key_span(keys)

    def key_words(self, binding: Binding) -> str | None:
        """Back at the months-or-years re-ask goes back to this question: "上一题" (the question before) said otherwise;
        at a question chosen from the summary, back to the summary."""
        if binding.action != "back" or not (self.unit_choices or self._back_to_summary()):
            return None
        return self.session.t("ui_back_to_question" if self.unit_choices else "ui_back_to_summary")

    def _back_words(self) -> str:
        """The Back button's words (see `key_words`)."""
        if self.unit_choices:
            return self.session.t("ui_back_to_question")
        return self.session.t("ui_back_to_summary_button" if self._back_to_summary() else "ui_back_button")

    def _back_to_summary(self) -> bool:
        """Whether Back goes back to the summary: this question was chosen from its list, and is still asked."""
        return self.question is not None and self.question.id == self.from_summary

    def _can_go_back(self) -> bool:
        return bool(self.unit_choices or self._back_to_summary() or self._answered())

    def action_number(self, number: int) -> None:
        """A number key: type the digit for a number question, otherwise press that answer (0 is Done)."""
        question = self.question
        if question is None:
            return
        box = self.query_one(AnswerInput)
        if self.unit_choices:
            word = self.word
            if word is not None and not word.pressed and word.question_id == question.id:
                word.typed += str(number)  # "18 months" typed here: one word, not a press of 1 (see below)
            elif buttons := list(self.query(f"#unit-{number}").results(Button)):
                # The key may begin a word, as at any question ("18 months"): it was a press of "I mean 2
                # months", and the 8 was lost. The press waits for what comes with it (`_pressed_by_a_word`).
                self.word = _Word(question.id, str(number), self.session.screening.given(question.id))
                buttons[0].press()
            else:
                box.insert_text_at_cursor(str(number))  # no answer has this key: it starts a typed answer
                box.focus()
            return
        typed = question.kind in _TYPED_NUMBERS
        # The key that answered the last question, still held down (see held_keys.py); the digits of a
        # number already being typed always count, as in the box itself.
        if not (typed and box.value) and not self.session.held_keys.may_press():
            if self.word is not None and self.word.moved_on:
                self.word.typed += str(number)  # "25 years ago": the 5 is held back, and kept for the word
            return
        if typed:
            box.insert_text_at_cursor(str(number))
            box.focus()
            return
        if number == 0 and not (self.suggestions and self._show_all_key() == 0):
            # Done is disabled until something is ticked, but the ticks of keys pressed just before it may
            # not be handled yet. So its press goes the same way theirs went (a message from its button,
            # handled after them), and `_done` does nothing when nothing is ticked.
            for done in self.query("#done").results(Button):
                if done.display:  # not parked (see `Area`): this question is choose-all-that-fit
                    done.post_message(Button.Pressed(done))
            return
        if self.suggestions and number == self._show_all_key():
            buttons = list(self.query("#show-all").results(Button))
        else:
            # At a re-ask, the number of an answer not among the few shown finds none, and is typed (below).
            buttons = [b for b in self.query(ChoiceButton) if b.number == number]
        word = self.word
        if word is not None and not word.pressed and word.question_id == question.id:
            # A second digit before the first one's press was handled: they came at once ("21 days", or
            # a key that bounced), and are one word or one press (see `_choice`). Pressed too, "21 days
            # ago" answered 2, then 1.
            word.typed += str(number)
            return
        if buttons and not buttons[0].disabled:
            if isinstance(buttons[0], ChoiceButton) and question.kind is not QuestionKind.MULTI:
                self.word = _Word(question.id, str(number), self.session.screening.given(question.id))
            elif isinstance(buttons[0], ChoiceButton):
                # A key ticks an answer that may be out of view ("None of these", the eighth, under a re-ask at
                # 60x18): it is shown, so the tick is seen. Pressed there, nothing seemed to happen, and a second
                # press took the tick away unseen.
                self.place_when_sized = False
                buttons[0].scroll_visible(animate=False)
            buttons[0].press()
        elif not buttons:
            # No answer has this number: it starts a typed answer. "52" typed here again by mistake was
            # 5 (nothing), then 2 ("A man"); now it is "52", which is asked again, never taken as answer 2.
            box.insert_text_at_cursor(str(number))
            box.focus()

    async def word_went_on(self, character: str) -> None:
        """A key the answer box held back (see held_keys.py) right after a number key answered a question.

        A letter, a space or a character then means the number key began a word: "2 months ago" typed at
        "In the last 3 months, were you in another study?" pressed 2 (No), and the rest was lost or went
        into the next question. So the answer is taken back: its question is asked again with what was
        typed in the box ("2 m", and the rest of the word follows), for Enter to send. Nobody reads the
        next question and starts a new answer that fast. A digit is kept for the word ("25 years"); the
        same key held down, with no word after it, still answers one question."""
        word = self.word
        if word is None or not word.moved_on:
            return
        if character.isdigit() or word.taken_back:
            word.typed += character
            return
        self.word = None
        word.typed += character
        await self._take_back(word)

    async def _take_back(self, word: _Word) -> None:
        """Take back the answer a number key gave, and ask its question again with the word in the box."""
        if self.session.screening.given(word.question_id) is None:
            return  # no longer asked (a later change dropped it)
        self.session.screening.withdraw(word.question_id, word.earlier)
        # At once, before anything is awaited: a press of the next question's answers handled meanwhile
        # must find its question gone (it may no longer be asked without the answer taken back).
        self._follow_engine()
        await self.redraw()
        box = self.query_one(AnswerInput)
        box.value = word.typed
        box.cursor_position = len(box.value)

    # A key binding runs its action in the app's task; Back and Why change this screen, so they are done
    # in the screen's own turn, after any answer already being handled (as a button press would be).

    def action_back(self) -> None:
        """Go back to the question before this one (its answer is kept until changed); at the months-or-years
        re-ask, back to this question as it was before the bare number."""
        self.call_later(self._back)

    def action_why(self) -> None:
        """Show or hide why this question is asked."""
        self.call_later(self._toggle_why)

    async def _back(self) -> None:
        if self.unit_choices:
            # Esc leaves what is in front of the person, as it closes a dialog or About: here the re-ask.
            # It went back a whole question, and the time typed at this one had to be found again.
            self.bare_number, self.suggestions = None, ()
            self.attempts.pop()
            await self.redraw()
        elif self._back_to_summary():
            self.from_summary = self.changing = None  # the answer stays as it was; the summary is shown again
            self._show_summary()
        elif self.session.screening.back() is not None:
            await self.redraw()

    async def _toggle_why(self) -> None:
        if self.question is None:
            return
        async with self._redrawing:
            self.why_shown = not self.why_shown
            if self.why_shown:
                await self.query_one("#current").mount(self._why(self.question))
            else:
                await self.query("#why-text").remove()
        self._settle()

    def action_about(self) -> None:
        self.post_message(ShowAbout())

    def action_language(self) -> None:
        self.post_message(ChooseLanguage(self.session.next_language()))

    @on(Button.Pressed, "#actions Button")
    async def _action_button(self, event: Button.Pressed) -> None:
        await self.run_action(event.button.id or "")

    @on(Button.Pressed, "#show-all")
    async def _show_all(self) -> None:
        self.suggestions = ()
        if self.attempts:
            # Every answer is shown now: the re-ask no longer asks "Did you mean one of these?"
            self.attempts[-1] = replace(self.attempts[-1], offered=False)
        await self.redraw()

    @on(ChoiceButton.Pressed)
    async def _choice(self, event: ChoiceButton.Pressed) -> None:
        garbage.hold_while_answering()  # a tick of a choose-all answer is shown without `redraw`
        if self.question is None or event.question_id != self.question.id:
            return  # pressed again after its question was answered: it must not answer the one that came next
        value = event.value
        if self._pressed_by_a_word():
            return
        if not self._acceptable(pressed_value(self.question, [value])):
            self.word = None
            return
        if self.question.kind is QuestionKind.MULTI:
            if not self.session.held_keys.may_tick((self.question.id, value)):
                return  # pressed again at once, or held: one tick
            self._toggle(value)
            for button in self.query(ChoiceButton):
                button.set_chosen(button.value in self.chosen)
            self.query_one("#done", Button).disabled = not self.chosen
            self.refresh_bindings()  # "0 Done" in the key bar, dimmed until something is ticked
            return
        await self._give(pressed_value(self.question, [value]))

    def _pressed_by_a_word(self) -> bool:
        """Whether the number key that pressed an answer of this question (`self.word`) began a word instead.

        The rest of a word came with the key and was typed before the press was handled ("2 months ago" sent
        at once, "2型" from an input method, "21"): the key began the word, and what was typed is put in the
        box, read as typed when Enter sends it. The same key again and nothing more ("11") is a key that
        bounced, or a shaky finger: one press. Otherwise the press counts, and the word is kept while the
        answer moves on: keys held back after it may still show a word (`word_went_on`)."""
        word, self.word = self.word, None
        if word is None or word.pressed or self.question is None or word.question_id != self.question.id:
            return False
        if word.sent:
            return True  # its word was sent with it (see `_typed`)
        box = self.query_one(AnswerInput)
        if word.began_a_word(box.value):
            box.value = word.typed + box.value
            box.cursor_position = len(box.value)
            return True
        word.pressed = True
        self.word = word
        return False

    def presses_for(self, values: list[str]) -> list[str]:
        """The answers to press, in order, so that exactly `values` are given (for scripted players).

        A choose-all-that-fit question asked again starts with the earlier answer's ticks, and pressing a
        ticked answer unticks it: those not wanted are pressed first, then the wanted ones not yet ticked."""
        question = self.question
        if question is None or question.kind is not QuestionKind.MULTI:
            return list(values)
        untick = [value for value in question.answer_values() if value in self.chosen and value not in values]
        return untick + [value for value in values if value not in self.chosen]

    def _toggle(self, value: str) -> None:
        """Toggle a choose-all-that-fit answer; "none" and "not sure" cannot go with the others."""
        assert self.question is not None
        self.ticked_here = True
        choice = self.question.choice(value)
        if value in self.chosen:
            self.chosen.discard(value)
        elif choice is not None and choice.exclusive:
            self.chosen = {value}
        else:
            exclusive = {c.id for c in self.question.choices if c.exclusive}
            self.chosen = (self.chosen - exclusive) | {value}

    @on(Button.Pressed, "#done")
    async def _done(self) -> None:
        assert self.question is not None
        values = [v for v in self.question.answer_values() if v in self.chosen]
        if values:
            await self._give(pressed_value(self.question, values))

    @on(NumberPad.Pressed)
    async def _pad(self, event: NumberPad.Pressed) -> None:
        box = self.query_one(AnswerInput)
        if event.key == "send":
            await box.action_submit()
            return
        if event.key == "delete":
            box.action_delete_left()
        elif event.text:
            box.insert_text_at_cursor(event.text if event.key.isdigit() else f" {event.text}")
        box.focus()

    @on(Input.Changed, "#answer")
    def _typing(self, event: Input.Changed) -> None:
        """Someone is typing an answer: get ready to read it once this keystroke is on screen.

        Reading the answers to a question needs its words prepared first (5-20 ms, once per question and
        language), which the first typed answer to each question waited for. Buttons need none of it."""
        question, lang = self.question, self.session.lang
        if event.value and question is not None:
            self.call_after_refresh(self.session.understanding.prepare, question, lang)

    @on(Input.Submitted, "#answer")
    async def _typed(self, event: Input.Submitted) -> None:
        if too_small(self):
            return  # the question is hidden (see KeysWaitWhenTooSmall): what was typed stays in the box
        event.input.clear()
        text, word = event.value, self.word
        if not text.strip() and word is None and (done := self._done_button()) is not None:
            # Enter in the empty box after ticking answers is Done: it did nothing, and Done may be out of sight. It
            # waits as the 0 key does (held_keys.py): a second Enter of the one that reopened this question ("Change
            # my answer") found its old ticks and pressed Done, and the answer was not changed.
            if not done.disabled and self.session.held_keys.may_press():
                done.press()
            return
        asked = self.question.id if self.question is not None else None
        if word is not None and not word.pressed and word.question_id == asked and word.began_a_word(text):
            # The number key that began this word is still on its way as a press ("1 no" and Enter at once).
            # A key and Enter alone stay a press: sent as typed, "2" at the months-or-years re-ask was asked
            # again as "2 months or 2 years?", not taken as "I mean 1 year".
            word.sent = True
            text = word.typed + text
        await self._understand(text)

    @on(Button.Pressed, ".unit-choice")
    async def _unit_choice(self, event: Button.Pressed) -> None:
        if not event.button.is_attached:
            return  # pressed again after the question was answered
        if self._pressed_by_a_word():
            return
        number = int((event.button.id or "").removeprefix("unit-"))
        await self._understand(self.unit_choices[number - 1])

    async def _understand(self, text: str) -> None:
        """A typed answer: give it to the engine if it is understood, otherwise ask again kindly."""
        if self.question is None or not text.strip():
            return
        session = self.session
        typed = session.understanding.interpret(self.question, text, session.lang)
        meaning = self._with_ticks(typed)
        if meaning.status is Status.UNDERSTOOD and meaning.value is not None:
            if self._acceptable(meaning.value):
                # Ticks and words together are shown by their answers' words, not by the typed ones alone.
                await self._give(meaning.value, text if meaning.value == typed.value else "")
                return
            meaning = Interpretation(Status.UNCLEAR, None, 0.0, "not a possible answer here")
        self.last_status = meaning.status
        values = self.question.answer_values()
        offered = set(meaning.suggestions) & set(values)
        if offered and self.question.kind is QuestionKind.MULTI:
            # With the answers ticked before offered too, but no longer ticked: a tick of "None of these" stayed
            # beside a typed "numb", and Done sent "None".
            offered |= self.chosen
            self.chosen = set()
        # In the order of the full list, so by number ("Not sure" last): each answer keeps its full list's
        # number (`_key_of`), and "4, 2, 3", closest first, had the person hunt for the key they meant.
        self.suggestions = tuple(v for v in values if v in offered)
        number = text.strip()
        bare = self.question.kind is QuestionKind.DURATION and _BARE_NUMBER.fullmatch(number)
        self.bare_number = number if bare else None
        with_buttons = bool(self.suggestions or self.unit_choices)
        self.attempts.append(_Try(text, meaning, with_buttons, told_before(session.screening, meaning)))
        await self.redraw()

    def _with_ticks(self, meaning: Interpretation) -> Interpretation:
        """A typed answer to a choose-all-that-fit question, with the answers already ticked on screen.

        Typed after ticks, "epalrestat" (the third medicine) was the whole answer: the two ticked
        medicines were dropped, and the study's "all three" rule was not met. The ticks now count too.
        Ticks beside a typed "none" or "not sure" (a number key that began "1没有") say two things, and
        are asked again, offering both.

        Only ticks pressed here count: the earlier answer's, shown again after Back, are replaced by typed
        words, as at any other question. "only pain" typed over five earlier ticks gave all five."""
        value = meaning.value
        if not self.chosen or not self.ticked_here:
            return meaning
        if meaning.status is not Status.UNDERSTOOD or not isinstance(value, frozenset):
            return meaning
        both = self.chosen | value
        assert self.question is not None
        alone = {choice.id for choice in self.question.choices if choice.exclusive}
        if len(both) > 1 and both & alone:
            order = self.question.answer_values()
            offered = [v for v in order if v in value] + [v for v in order if v in self.chosen - value]
            return Interpretation(Status.UNCLEAR, None, 0.0, "ticks and typed words that say different things", tuple(offered[:3]))
        return Interpretation(Status.UNDERSTOOD, frozenset(both), meaning.confidence, f"{meaning.reason}, with the ticks")

    @property
    def unit_choices(self) -> tuple[str, ...]:
        """The bare number in months and in years ("18 months", "18 years"), in the language on screen."""
        if self.bare_number is None or self.question is None:
            return ()
        session = self.session
        return tuple(time_in(session.pack, self.bare_number, unit, session.lang) for unit, _word in self._units(self.question))

    def _acceptable(self, value: AnswerValue) -> bool:
        assert self.question is not None
        try:
            self.session.screening.validate(self.question, value)
        except ValueError:
            return False
        return True

    # --- answering -------------------------------------------------------------------------------

    async def _give(self, value: AnswerValue, said: str = "") -> None:
        """Hand the answer to the engine, then show what comes next. `said`: what was typed (none for a press)."""
        assert self.question is not None
        question = self.question
        screening = self.session.screening
        garbage.hold_while_answering()  # what comes next may be the summary, drawn without `redraw`
        # Anything in the box was typed for this question before an answer was clicked.
        self.query_one(AnswerInput).clear()
        # A press after unclear tries keeps the last one: the study team may need what it said ("a cut on my heel").
        tried = self.attempts[-1].said if self.attempts and not said else ""
        newly_failed = screening.answer(question.id, value, said, tried)
        self.last_status = Status.UNDERSTOOD
        if not newly_failed and screening.current() is None:
            # The summary covers this screen at once: drawing the last answer here first would only
            # delay the summary. This screen is drawn again if the person comes back to it. It takes the
            # keys that follow, too (see `word_went_on`).
            self.word = None
            self._follow_engine()
            self._show_summary()
            return
        if newly_failed:
            from .ruled_out import RuledOutScreen  # the screens the first question does not show load late

            # The message covers this screen at once, so it is shown first, and the next question is drawn
            # beneath it while the person reads it. A press of this question's answers that comes
            # meanwhile (a double click) finds the next question already taken, and does nothing.
            self._follow_engine()
            screen = RuledOutScreen(
                self.session,
                [criterion.id for criterion in newly_failed],
                held_back=self._held_back_on_message,
                answer=lambda: self._answer_lines(question),
            )
            self._open(screen, lambda choice: self._after_ruled_out(question.id, choice))
            self.call_after_refresh(self._redraw_beneath)
            return
        await self.redraw()

    async def _redraw_beneath(self) -> None:
        if self.is_attached:  # not closed meanwhile (a wipe)
            await self.redraw()

    def _held_back_on_message(self, character: str) -> bool:
        """A key the "may not be right for you" message held back, right after the number key whose answer
        opened it: a digit is kept; anything else shows that the key began a word ("1 year ago" pressed
        1, Yes, at "In the last 3 months, were you in another study?"). True: close the message, and the
        answer is taken back (`_after_ruled_out`), as on the next question (`word_went_on`)."""
        word = self.word
        if word is None or not word.moved_on:
            return False
        word.typed += character
        if character.isdigit() or word.taken_back:
            return False
        word.taken_back = True
        return True

    async def _after_ruled_out(self, question_id: str, choice: RuledOutChoice | None) -> None:
        from .ruled_out import RuledOutChoice

        if not self.is_attached:
            return  # closed meanwhile (the kiosk forgot the person): what was chosen is theirs, and gone
        word, self.word = self.word, None
        if word is not None and word.taken_back:
            await self._take_back(word)
            return
        if choice is RuledOutChoice.CHANGE:
            self.session.screening.goto(question_id)
            await self.redraw()
        elif choice is RuledOutChoice.SEE_RESULT or self.session.screening.current() is None:
            self._show_summary()

    def _show_summary(self) -> None:
        from .summary import SummaryScreen

        changing, self.changing = self.changing, None
        self._open(SummaryScreen(self.session, changed=changing), self._after_summary)

    def _open(self, screen: Screen[Any], then: Callable[[Any], Any]) -> None:
        """Open what an answer led to over this screen. Where the person opened About meanwhile (its key came
        right after the answer's), About stays in front: what the answer opened is shown once About is closed.
        It was pushed over About, which stayed beneath it, out of sight, to be met again after the result."""
        if self.app.screen is self:
            self.app.push_screen(screen, then)
        else:
            self.waiting = (screen, then)

    def on_screen_resume(self) -> None:
        """In front again (About closed): show what an answer opened meanwhile."""
        if self.waiting is not None:
            screen, then = self.waiting
            self.waiting = None
            self.app.push_screen(screen, then)

    async def _after_summary(self, question_id: str | None) -> None:
        """The person chose an answer to change: ask its question again. Once it is answered, the summary
        comes back, unless the new answer brought a question not asked yet (the engine keeps the answers
        that still apply)."""
        if question_id is not None and self.is_attached and self.session.screening.given(question_id) is not None:
            self.session.screening.goto(question_id)
            self.from_summary = self.changing = question_id
            await self.redraw()


def _first_in_view_with(widgets: list[Widget], last: Widget, view: int) -> Widget:
    """The first of `widgets` (top to bottom) that fits in a view `view` lines high together with everything
    below it down to the end of `last`; `widgets[-1]` if none does."""

    def outer(widget: Widget) -> Region:
        return widget.region.grow(widget.styles.margin)  # on the screen: the same lines for every widget

    end = outer(last).bottom
    return next((widget for widget in widgets if end - outer(widget).y <= view), widgets[-1])
