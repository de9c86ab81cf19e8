"""(b) per-answer latency: every scripted dialog through the real app, and the same clock on the bare app.

`answer_turns()` times each answer of every dialog. `floor()` times the bare Textual app of
`bare_app.py` doing the two kinds of thing an answer does, with the same clock: showing the next
question in place (its label and both buttons given new words) and opening another screen (one of the
bare app's own four widgets). What Textual itself needs for those is the floor under (b), as the bare
app's start is under (a).

How a step is timed (`FrameClock`): from submitting it (a button pressed, Enter in the text box) until
the first frame painted after the app has handled it (no task of the app can run) is encoded into the
bytes a terminal would be sent, which headless Textual skips. The frame is painted as soon as it is due,
not on Textual's next screen tick (at most 1/60 s later in a real terminal).

Pilot's own clicks wait for the process to look idle in 20 ms steps, so they cannot time this: the step
is submitted as a click or Enter submits it (`Button.press()`, `Input.action_submit()`). And the app
has handled the step when no task of the app can run: every widget waits for its next message (the event
loop has nothing ready). Asking each widget, as Pilot does (a callback posted to every one, then
awaited), costs 3-4 ms with the 50 widgets of a conversation, and those were inside the timed window.
Checked when this changed: after every timed answer of eight dialogs, two of Pilot's waits found no
frame still to paint and no layout, repaint or callback left.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App

HERE = Path(__file__).resolve().parent


class FrameClock:
    """Times one step of a running app, headless: from submitting it to the frame that shows its result."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.handled: float | None = None
        """When the app had handled every message the step caused, once it has."""
        self.shown: float | None = None
        """When the first frame after that was painted."""
        from textual._compositor import CompositorUpdate

        display = app._display

        def painted(screen: Any, update: Any) -> None:
            """Note the first frame painted once the step is handled, encoded as a terminal driver would."""
            display(screen, update)
            if isinstance(update, CompositorUpdate):
                update.render_segments(app.console)
                if self.handled is not None and self.shown is None:
                    self.shown = time.perf_counter()

        app._display = painted  # type: ignore[method-assign]

    async def settled(self) -> None:
        """Wait until the app has nothing left to do, painting each frame as soon as it is due."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(0)
            if loop._ready:  # type: ignore[attr-defined]
                # Some task of the app (a widget's message loop, a handler it awaits) can run: the step is
                # still being handled. When none can, each one waits for a message or a timer, and the
                # widgets' timers (a button's press flash) are not the step's work.
                continue
            screen = self.app.screen
            if self.handled is None:
                self.handled = time.perf_counter()
            if (
                screen._layout_required
                or screen._scroll_required
                or screen._repaint_required
                or screen._recompose_required
                or screen._dirty_widgets
                or screen._callbacks
            ):
                # What the next screen tick would do, done now, in the screen's own task.
                screen.call_later(screen._on_timer_update)
                continue
            return

    async def timed(self, submit: Callable[[], object]) -> float:
        """Submit a step and return the seconds until the frame showing its result was painted."""
        self.handled = self.shown = None
        start = time.perf_counter()
        result = submit()
        if asyncio.iscoroutine(result):
            await result
        await self.settled()
        assert self.handled is not None
        return (self.shown or self.handled) - start


def _frames_painted_when_due() -> Callable[[], None]:
    """Stop Textual's screen tick (`FrameClock.settled` paints each frame as soon as it is due); returns the undo.

    The tick would paint other frames in between, at moments that depend only on when it falls."""
    import textual.screen

    tick = textual.screen.UPDATE_PERIOD
    textual.screen.UPDATE_PERIOD = 3600.0

    def undo() -> None:
        textual.screen.UPDATE_PERIOD = tick

    return undo


@dataclass(frozen=True)
class Answer:
    """One timed answer: the question answered, how long until what came next was on screen, and what came."""

    question: str
    seconds: float
    opened: str | None
    """The screen the answer opened ("SummaryScreen", "RuledOutScreen"), or None: the next question."""


def answer_turns() -> list[Answer]:
    """Every answer of every scripted dialog replayed through the real app, timed, in the order given.

    What the app does while the person reads the question (it collects garbage `COLLECT_AFTER_SECONDS`
    after the frame) is done before each answer, and not counted: `read` runs the waiting collection at
    once. Its timer is kept from going off by itself: set to a moment, it went off inside the next timed
    answer whenever that answer still had work to do a moment after its first frame (one answer in twenty,
    and most of the slowest), where a person's half second of reading never puts it. So is the end of its
    start-up (a full collection, `garbage.START_UP_SECONDS` after the app is up; here at once): a person
    reads the welcome screen and the first question for longer than that, but a dialog answers within it,
    and the collection (100-250 ms in this process, which has run many apps) fell into whichever answer
    was being timed.

    Each dialog runs in a task of its own: Pilot's clicks leave the app's screens in the running task's
    context, which would keep every earlier app alive and make each garbage collection slower than in
    any real run."""
    from textual import events
    from textual.widgets import Button, Input

    from chatbot import garbage
    from chatbot.content import load_content
    from chatbot.dialogs import load_dialog
    from chatbot.models import Question, QuestionKind
    from chatbot.replay import Turn, converse
    from chatbot.settings import Settings
    from chatbot.summary import button_labels
    from chatbot.ui.app import TrialbotApp
    from chatbot.ui.drive import REPLAY_SIZE, AppDriver
    from chatbot.ui.screens import conversation
    from chatbot.ui.widgets.choice_button import ChoiceButton

    pack = load_content(None)
    turns: list[Answer] = []

    class TimedDriver(AppDriver):
        clock: FrameClock

        async def timed(self, question: Question, submit: Callable[[], object]) -> None:
            await self.read()
            seconds = await self.clock.timed(submit)
            screen = self.app.screen
            opened = None if isinstance(screen, conversation.ConversationScreen) else type(screen).__name__
            turns.append(Answer(question.id, seconds, opened))

        async def read(self) -> None:
            """The person reads the question before answering: the app collects garbage meanwhile, untimed."""
            await self.clock.settled()  # what an untimed step (closing a dialog) left to paint
            # Until the collection has run: it waits for the frame, then for the person to read.
            while isinstance(screen := self.app.screen, conversation.ConversationScreen) and screen.collection_due:
                if screen.collection is not None:  # the frame is painted: the person has read the question
                    screen.collect_garbage_now()
                else:
                    await self.pilot.pause()

        async def press(self, question: Question, values: list[str]) -> Turn:
            screen = self._conversation()

            def button(value: str) -> ChoiceButton | None:
                return next((button for button in screen.query(ChoiceButton) if button.value == value), None)

            if not all(button(value) for value in values):
                await self.timed(question, screen.query_one("#show-all", Button).press)
            for value in screen.presses_for(values):
                await self.timed(question, button(value).press)  # type: ignore[union-attr]
            if question.kind is QuestionKind.MULTI:
                await self.timed(question, screen.query_one("#done", Button).press)
            said = button_labels(pack, question, values, self.app.session.lang)
            return self._turn(screen, question, said)

        async def type(self, question: Question, text: str) -> Turn:
            screen = self._conversation()
            box = screen.query_one("#answer", Input)
            box.focus()
            box.clear()
            self.app.post_message(events.Paste(text))  # typing is the person's time, not the app's
            await self.clock.settled()
            await self.timed(question, box.action_submit)
            return self._turn(screen, question, text)

    async def replay(path: Path) -> None:
        dialog = load_dialog(path)
        app = TrialbotApp(pack, Settings(), lang=dialog.language)
        async with app.run_test(headless=True, size=REPLAY_SIZE) as pilot:
            driver = TimedDriver(app, pilot)
            driver.clock = FrameClock(app)
            await driver.start()
            while not app.started_up:  # the person is still reading the welcome screen (see above)
                await pilot.pause()
            await driver.clock.settled()
            await converse(dialog, driver)

    async def run_all() -> None:
        for path in sorted((HERE.parent / "dialogs").glob("*.toml")):
            await asyncio.create_task(replay(path))

    reading, starting = conversation.COLLECT_AFTER_SECONDS, garbage.START_UP_SECONDS
    conversation.COLLECT_AFTER_SECONDS = 3600.0  # a person who reads for ever: `read` collects instead
    garbage.START_UP_SECONDS = 0.001  # a moment: `replay` lets it run before the answers (0 would stop the timer)
    undo = _frames_painted_when_due()
    try:
        asyncio.run(run_all())
    finally:
        undo()
        conversation.COLLECT_AFTER_SECONDS, garbage.START_UP_SECONDS = reading, starting
    return turns


@dataclass(frozen=True)
class Floor:
    """The bare Textual app's times for what an answer does, in seconds."""

    next_question: list[float]
    """Its label and both buttons given new words, in place."""
    new_screen: list[float]
    """A screen of its own four widgets pushed over it."""


def floor(rounds: int = 200) -> Floor:
    """Time the bare app (`bare_app.py`) showing a next question in place, and opening a screen.

    Each step is a button press, handled as the app handles an answer, timed with the same clock at the
    same size as the dialogs; garbage is collected before each, untimed, as the app does while the
    person reads."""
    from textual import events
    from textual.screen import Screen
    from textual.widgets import Button, Label

    from bare_app import BareApp
    from chatbot.ui.drive import REPLAY_SIZE

    class Next(BareApp):
        asked = 0

        def on_mount(self, event: events.Mount) -> None:
            event.prevent_default()  # stays up: BareApp's own handler exits after the first frame

        def on_button_pressed(self, event: Button.Pressed) -> None:
            if event.button is self.query(Button).last():
                self.push_screen(Opened())
                return
            self.asked += 1
            self.query_one(Label).update(f"Question {self.asked}: have you had this for a year or more?")
            for number, button in enumerate(self.query(Button), start=1):
                button.label = f"Answer {number} to question {self.asked}"

    class Opened(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield from BareApp.compose(self)  # type: ignore[arg-type]

    async def run() -> Floor:
        app = Next()
        async with app.run_test(headless=True, size=REPLAY_SIZE):
            clock = FrameClock(app)
            await clock.settled()
            buttons = app.query(Button)
            yes, opener = buttons.first(), buttons.last()
            next_question, new_screen = [], []
            for _ in range(rounds):
                await clock.settled()
                gc.collect()
                next_question.append(await clock.timed(yes.press))
            for _ in range(rounds // 4):
                await clock.settled()
                gc.collect()
                new_screen.append(await clock.timed(opener.press))
                app.pop_screen()
            return Floor(next_question, new_screen)

    undo = _frames_painted_when_due()
    try:
        return asyncio.run(run())
    finally:
        undo()


def spread(seconds: list[float]) -> str:
    """p50 and p99, in milliseconds."""
    milliseconds = [s * 1000 for s in seconds]
    p99 = statistics.quantiles(milliseconds, n=100)[98] if len(milliseconds) > 1 else milliseconds[0]
    return f"p50 {statistics.median(milliseconds):.1f} ms, p99 {p99:.1f} ms"


if __name__ == "__main__":
    bare = floor()
    print("bare app, next question in place:", spread(bare.next_question))
    print("bare app, a screen opened:", spread(bare.new_screen))
