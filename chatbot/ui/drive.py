"""Replay scripted dialogs through the real app: click the real buttons, type in the real text box.

`AppDriver` implements the replay `Driver` protocol with Textual's Pilot, so `converse` plays a dialog
exactly as it does headless, and the results are checked by the same `check_expectations`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual import events
from textual.pilot import OutOfBounds, Pilot
from textual.widget import Widget

from ..content import ContentPack
from ..dialogs import Dialog
from ..engine import Screening
from ..models import Question, QuestionKind
from ..replay import ReplayResult, Turn, replay_with
from ..settings import Settings
from ..summary import button_labels
from ..understanding import Status, Understanding
from .app import TrialbotApp
from .screens.change_answer import PAGE, ChangeAnswerScreen
from .screens.conversation import ConversationScreen
from .screens.ruled_out import RuledOutChoice, RuledOutScreen
from .screens.summary import SummaryScreen
from .widgets.answer_input import AnswerInput
from .widgets.choice_button import ChoiceButton

REPLAY_SIZE = (100, 40)


class DriverError(Exception):
    """The app did not show what the dialog needs (a button missing, the wrong screen)."""


class AppDriver:
    """Plays the participant's side against a running app through its Pilot."""

    def __init__(self, app: TrialbotApp, pilot: Pilot[int]) -> None:
        self.app = app
        self.pilot = pilot
        # It presses the next answer's key as soon as the question is there, as nobody does: the app
        # would take it for the last key, still held down (see held_keys.py).
        app.session.held_keys.settle_seconds = 0.0

    @property
    def screening(self) -> Screening:  # type: ignore[override]
        return self.app.session.screening

    @property
    def ruled_out_pending(self) -> bool:  # type: ignore[override]
        return isinstance(self.app.screen, RuledOutScreen)

    async def start(self) -> None:
        """Press Start on the welcome screen."""
        await self._click("#start")
        self._conversation()

    async def asked(self) -> Question | None:
        # Every press and click waited for the app to settle, so the screen shows the current question.
        screen = self.app.screen
        return screen.question if isinstance(screen, ConversationScreen) else None

    async def press(self, question: Question, values: list[str]) -> Turn:
        screen = self._conversation()
        if screen.suggestions and (question.kind is QuestionKind.MULTI or values[0] not in screen.suggestions):
            await self._click("#show-all")
        for value in screen.presses_for(values):
            await self._press_button(value)
        if question.kind is QuestionKind.MULTI:
            await self.pilot.press("0")
        said = button_labels(self.screening.pack, question, values, self.app.session.lang)
        return self._turn(screen, question, said)

    async def type(self, question: Question, text: str) -> Turn:
        screen = self._conversation()
        box = screen.query_one(AnswerInput)
        if not box.has_focus:
            box.focus()
        box.clear()
        # The text arrives in one piece, as a terminal delivers a paste or an input method's Chinese;
        # a key event per character would only make the replay slower.
        self.app.post_message(events.Paste(text))
        await self.pilot.press("enter")
        return self._turn(screen, question, text)

    async def back(self, towards: str) -> None:
        if isinstance(self.app.screen, SummaryScreen):
            await self._click("#change")
            await self._change_answer(towards)
        else:
            await self._click("#back")

    async def _change_answer(self, question_id: str) -> None:
        """On the list of answers to change, click the one to `question_id`, as a person would (Back at a question
        picked there goes back to the summary); or the last one, as the engine's Back from the end has it."""
        screen = self.app.screen
        if not isinstance(screen, ChangeAnswerScreen):
            raise DriverError(f"expected the answers to change, but {type(screen).__name__} is showing")
        listed = [answered for answered, _words in screen.answers]
        page = listed.index(question_id) // PAGE if question_id in listed else screen.pages - 1
        while screen.page != page:
            await self._click("#next-page")
        row = f"#change-{question_id}" if question_id in listed else list(screen.query("#change-rows Button"))[-1]
        await self._click(row)

    async def choose_after_ruled_out(self, see_result_now: bool) -> None:
        await self._click(f"#{RuledOutChoice.SEE_RESULT if see_result_now else RuledOutChoice.GO_ON}")

    def _conversation(self) -> ConversationScreen:
        screen = self.app.screen
        if not isinstance(screen, ConversationScreen):
            raise DriverError(f"expected the conversation, but {type(screen).__name__} is showing")
        return screen

    def _turn(self, screen: ConversationScreen, question: Question, said: str) -> Turn:
        status = screen.last_status or Status.UNCLEAR
        given = self.screening.given(question.id)
        if status is Status.UNDERSTOOD and given is not None:
            return Turn(question.id, said, str(status), given.value)
        why = screen.attempts[-1].meaning.why_unclear if screen.attempts else None
        return Turn(question.id, said, str(status), why_unclear=None if why is None else str(why))

    async def _press_button(self, value: str) -> None:
        """Press the button of an answer by its number key, as a keyboard user would; click it if it has none."""
        buttons = [button for button in self.app.screen.query(ChoiceButton) if button.value == value]
        if not buttons:
            raise DriverError(f"no button for {value!r} on {type(self.app.screen).__name__}")
        if buttons[0].number is not None:
            await self.pilot.press(str(buttons[0].number))
        else:
            await self._click(buttons[0])

    async def _click(self, target: str | Widget) -> None:
        """Scroll the widget into view and click it, as a person with a mouse would."""
        screen = self.app.screen
        widgets = [target] if isinstance(target, Widget) else list(screen.query(target))
        if not widgets:
            raise DriverError(f"no {target} on {type(screen).__name__}")
        if widgets[0].region not in screen.region:
            widgets[0].scroll_visible(animate=False, immediate=True)
            await self.pilot.pause()
        try:
            reached = await self.pilot.click(widgets[0])
        except OutOfBounds:
            reached = False
        if not reached:
            raise DriverError(f"clicking {target} did not reach it")


def replay_in_app(dialogs: dict[str, Dialog], pack: ContentPack, settings: Settings) -> list[ReplayResult]:
    """Replay dialogs (keyed by their file's path) through the real app, headless, one app per dialog."""
    understanding = Understanding(pack, settings.current_date())

    @asynccontextmanager
    async def running(dialog: Dialog) -> AsyncIterator[AppDriver]:
        app = TrialbotApp(pack, settings, lang=dialog.language, understanding=understanding)
        async with app.run_test(headless=True, size=REPLAY_SIZE) as pilot:
            driver = AppDriver(app, pilot)
            await driver.start()
            yield driver

    async def run_all() -> list[ReplayResult]:
        results = []
        for path, dialog in dialogs.items():
            try:
                results.append(await replay_with(path, dialog, running))
            except DriverError as error:
                results.append(ReplayResult(path, dialog.title, problems=[f"through the app: {error}"]))
        return results

    return asyncio.run(run_all())
