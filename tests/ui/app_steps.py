"""What a person does in the app, as Pilot steps, and what the screen shows, as plain text."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

from rich.console import Console
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Static

from chatbot.models import QuestionKind
from chatbot.ui.app import TrialbotApp
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.widgets.answer_input import AnswerInput
from chatbot.ui.widgets.choice_button import ChoiceButton
from chatbot.ui.widgets.criteria_table import CriteriaTable
from chatbot.ui.widgets.number_pad import NumberPad
from chatbot.ui.widgets.transcript import Transcript

NO_HARM = {
    "sex": ["man"],
    "diabetes_type": ["type2"],
    "doctor_said_neuropathy": ["yes"],
    "feet_symptoms": ["pain", "numbness"],
    "symptoms_after_diabetes": ["yes"],
    "nerve_medicines": ["lipoic_acid", "methylcobalamin", "epalrestat"],
    "treatment_helped": ["no_better"],
    "pregnant_or_breastfeeding": ["no"],
    "baby_plan": ["no"],
    "foot_problems": ["none"],
    "leg_blood_flow": ["no"],
    "other_conditions": ["none"],
    "cancer_or_blood_disease": ["no"],
    "cell_allergy": ["no"],
    "hiv": ["no"],
    "stem_cells_before": ["no"],
    "recent_study": ["no"],
    "alcohol_drugs": ["no"],
    "consent": ["yes"],
    "visits": ["yes"],
}
"""Button answers of someone who may be a match (numbers: see `TYPED` and `PAD`)."""
TYPED = {"age": "52"}
PAD = {"treatment_months": ["1", "8", "months", "send"]}
"""The time question is answered on the on-screen pad: the same in every language."""
KIOSK_PIN = "482913"


class FakeClock:
    """Seconds that pass only when a test says so: idle and PIN-lock tests need no sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def mouse(kind: type[events.MouseEvent], x: int, y: int, button: int = 1) -> events.MouseEvent:
    """A mouse event at screen cell (x, y), as the terminal driver sends it (the app finds the widget)."""
    return kind(None, x, y, 0, 0, button, False, False, False, screen_x=x, screen_y=y)


def conversation(app: TrialbotApp) -> ConversationScreen:
    screen = app.screen
    assert isinstance(screen, ConversationScreen), f"{type(screen).__name__} is showing"
    return screen


def current_id(app: TrialbotApp) -> str | None:
    question = conversation(app).question
    return None if question is None else question.id


async def start(pilot: Pilot[int]) -> None:
    """Press 1 (Start) on the welcome screen."""
    await pilot.press("1")
    conversation(pilot.app)  # type: ignore[arg-type]


def answer_button(app: TrialbotApp, value: str) -> ChoiceButton:
    """The answer button that shows answer `value` now (buttons are named by place, not by answer)."""
    return next(button for button in conversation(app).query(ChoiceButton) if button.value == value)


async def click_pad(pilot: Pilot[int], key: str) -> None:
    """Scroll the number pad into view, then click one of its keys ("4", "delete", "months", "send")."""
    pad = pilot.app.screen.query_one(NumberPad)
    pad.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    assert await pilot.click(pad, offset=pad.key_offset(key))


async def type_answer(pilot: Pilot[int], text: str) -> None:
    """Put the text in the answer box and press Enter (clicking the box first, as a person would)."""
    box = pilot.app.screen.query_one(AnswerInput)
    await pilot.click(box)
    box.value = text
    await pilot.press("enter")


async def press_answers(pilot: Pilot[int], values: list[str]) -> None:
    """Press the number keys of these answers (and 0, Done, for a choose-all-that-fit question)."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    question = conversation(app).question
    assert question is not None
    for value in values:
        await pilot.press(str(question.answer_values().index(value) + 1))
    if question.kind is QuestionKind.MULTI:
        await pilot.press("0")


async def answer_until(pilot: Pilot[int], stop: str | None = None, answers: dict[str, list[str]] | None = None) -> None:
    """Answer with `answers` (default: NO_HARM, TYPED) until question `stop` is asked, or the summary."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    answers = {**NO_HARM, **(answers or {})}
    for _ in range(60):
        if not isinstance(app.screen, ConversationScreen) or current_id(app) in (stop, None):
            return
        question_id = current_id(app)
        assert question_id is not None
        if question_id in PAD and question_id not in answers:
            for key in PAD[question_id]:
                await click_pad(pilot, key)
        elif question_id in TYPED and question_id not in answers:
            await type_answer(pilot, TYPED[question_id])
        else:
            await press_answers(pilot, answers[question_id])
    raise AssertionError("the conversation did not end")


async def leave_the_months_or_years_re_ask(pilot: Pilot[int]) -> None:
    """At the time question, type a bare number ("2"), which asks months or years, then press Esc; return
    once the re-ask has gone (Back is done in the screen's own turn)."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    await answer_until(pilot, stop="treatment_months")
    await type_answer(pilot, "2")
    assert app.screen.query(".unit-choice")
    await pilot.press("escape")
    for _ in range(20):
        if not app.screen.query(".unit-choice"):
            return
        await pilot.pause()


async def until(pilot: Pilot[int], asked: Callable[[str | None], bool]) -> None:
    """Wait (at most 20 pauses) until the question asked is one that `asked` accepts (an answer or Back is
    handled in the screen's own turn)."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    for _ in range(20):
        if asked(current_id(app)):
            return
        await pilot.pause()


async def answer_the_time(pilot: Pilot[int], *keys_or_words: str) -> None:
    """At the time question (treatment_months): type the first, press the keys after it (a unit choice), and
    return once the next question is asked."""
    await start(pilot)
    await answer_until(pilot, stop="treatment_months")
    await type_answer(pilot, keys_or_words[0])
    await pilot.press(*keys_or_words[1:])
    await until(pilot, lambda asked: asked != "treatment_months")


def text_of(widget: Static | Button | Transcript) -> str:
    """What a widget shows, as plain text (a rich table is rendered as the screen would)."""
    if isinstance(widget, Transcript):
        return "\n".join(widget.messages)
    shown = widget.label if isinstance(widget, Button) else widget.content
    if isinstance(shown, Content):
        return shown.plain
    if isinstance(shown, str):
        return shown
    # Wide enough that no cell wraps, so a test can find any answer whole.
    console = Console(width=1000, record=True, file=io.StringIO())
    console.print(shown)
    return console.export_text()


async def summary_table(pilot: Pilot[int]) -> str:
    """The summary's table of answers, once it is there (it is made a frame after the verdict)."""
    for _ in range(20):
        if isinstance(pilot.app.screen, SummaryScreen) and pilot.app.screen.query(CriteriaTable):
            return text_of(pilot.app.screen.query_one(CriteriaTable))
        await pilot.pause()
    raise AssertionError(f"no table of answers: {type(pilot.app.screen).__name__} is showing")


def screen_text(screen: Screen[object]) -> str:
    """Every text on a screen (its statics, bubbles, tables and buttons), one per line."""
    return "\n".join(text_of(widget) for widget in screen.query("Static, Button, Transcript").results())


def frame_text(app: TrialbotApp) -> str:
    """Every piece of text in the frame on screen, including whatever shows through from beneath a dialog."""
    return html.unescape(" ".join(re.findall(r">([^<]*)</text>", app.export_screenshot()))).replace("\xa0", " ")
