"""The moment an answer clearly rules the person out: say so gently, and let them choose what next."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Static

from ..messages import ChooseLanguage
from ..session import Session
from ..widgets.action_bar import ActionBar, press_numbered
from ..widgets.key_bar import KeyBar
from .dialog import DialogScreen


class RuledOutChoice(StrEnum):
    SEE_RESULT = "see-result"
    GO_ON = "go-on"
    CHANGE = "change-answer"


class RuledOutScreen(DialogScreen[RuledOutChoice]):
    """Why this answer does not fit (the criteria's own kind words), then: result now, go on, or change."""

    # Shown in a key bar, as on the summary: a Chinese reader who switched to English by mistake could not
    # tell that Ctrl+L works here too, and took the message in English.
    BINDINGS = [Binding("ctrl+l", "language", "ui_key_language")]

    def __init__(
        self,
        session: Session,
        criteria: list[str],
        held_back: Callable[[str], bool] | None = None,
        answer: Callable[[], tuple[str, ...]] = tuple,
    ) -> None:
        super().__init__(session)
        self.criteria = criteria
        self.answer = answer
        """The answer that opened it, as the conversation shows it ("You answered: 6 weeks", "I understood: 1.3
        months"): "from this answer" did not say which, and the person could not see it behind the message.
        Worded when drawn: Ctrl+L draws the message again in the other language."""
        self.held_back = held_back
        """Told of each character held back while the message waits to be read (see held_keys.py): the
        number key that opened it may have begun a typed word. True: it did, and the message closes."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield KeyBar(self.session)

    def body(self) -> ComposeResult:
        t, lang, pack = self.session.t, self.session.lang, self.session.pack
        answer = self.answer()
        if answer:
            yield Static(Content("\n".join(answer)), classes="hint", id="ruled-out-answer")
        yield Static(Content(t("ruled_out_now")), classes="heading")
        for criterion_id in self.criteria:
            yield Static(Content(f"• {pack.criteria[criterion_id].not_met[lang]}"), classes="reason")
        yield Static(Content(t("ui_ruled_out_choice")), id="ruled-out-choice")
        yield ActionBar(
            [
                (RuledOutChoice.SEE_RESULT, t("ui_see_result")),
                (RuledOutChoice.GO_ON, t("ui_go_on")),
                (RuledOutChoice.CHANGE, t("ui_change_this_answer")),
            ],
            id="ruled-out-actions",
        )

    def action_language(self) -> None:
        """Ctrl+L, as at a question: a person who switched by mistake was left with this message in it."""
        self.post_message(ChooseLanguage(self.session.next_language()))

    def action_press(self, number: int) -> None:
        if self.session.held_keys.may_press():
            press_numbered(self, number)
        elif self.held_back is not None:
            self.held_back(str(number))

    def action_cancel(self) -> None:
        """Escape goes back, as at a question: to the answer that opened the message, to change it."""
        if self.session.held_keys.may_press():
            self.dismiss(RuledOutChoice.CHANGE)

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if self.held_back is None or not event.is_printable or not character or character.isdigit():
            return
        if not self.session.held_keys.may_press():
            event.stop()
            if self.held_back(character):
                self.dismiss(RuledOutChoice.CHANGE)

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(RuledOutChoice(event.button.id))
