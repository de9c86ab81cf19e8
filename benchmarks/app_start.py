"""The app measured against the floor: start-up time and peak memory, and per-answer latency.

`measure("bare" | "trialbot")` starts a fresh Python process that runs the app headless to its first
question (the bare app: to its first frame) and exits. It returns the time from spawning the process to
that question (or frame) being on screen, the child's CPU time and its peak resident memory (see
`peak_memory_kib`). Both ends are read from CLOCK_MONOTONIC, one clock for every process on the
machine, so the child can say when its first question was shown; the interpreter's shutdown after that
is not start-up and is not counted (it takes about 0.1 s for the bare app and 0.2 s for trialbot, which
has more modules to tear down). Run as a script with `--child KIND`, this file is that child.

Both children read compiled bytecode, as on any machine after the first run: pip compiles Textual's
modules when it installs them, but this project is installed editable, and a machine that sets
PYTHONDONTWRITEBYTECODE would compile every trialbot module from source on every start. So the
children keep their bytecode in one temporary folder for the whole run (PYTHONPYCACHEPREFIX), and
`warm_up()` runs each kind once, untimed, to fill it. The validated content pack is kept there too
(TRIALBOT_CACHE, see chatbot/content_cache.py), as the app keeps it on any machine after its first
start. Nothing is written into the project or the home folder.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class StartUp:
    seconds: float
    """Wall time from spawning the child to its first question (or frame) on screen."""
    cpu_seconds: float
    """The child's user + system CPU time: steadier than wall time when other work shares the machine."""
    peak_kib: int


KINDS = ("bare", "trialbot")
TERMINAL = (80, 24)
"""The size both kinds start at. Told it, a headless app starts as in a real terminal, whose size is known
before the first frame. Not told, Textual takes rich's default console (80x25) until the headless
driver reports 80x24, and lays the first screen out and paints it again at the new size: work no real
start does, and more of it the more widgets a screen has."""


@functools.cache
def _scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """One folder for the children's bytecode and validated content pack, removed when this process exits."""
    return tempfile.TemporaryDirectory(prefix="trialbot-bench-")


def _child_environment() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = _scratch_folder().name
    environment["TRIALBOT_CACHE"] = str(Path(_scratch_folder().name) / "content")
    return environment


def warm_up() -> None:
    """Run each kind once, untimed, so every module it imports is compiled to bytecode before timing."""
    for kind in KINDS:
        measure(kind)


def measure(kind: str) -> StartUp:
    """Spawn a child that starts `kind` headless to its first question (or frame), and time it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    spawned = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", kind],
        check=True, capture_output=True, text=True, env=_child_environment(),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return StartUp((report["shown_ns"] - spawned) / 1e9, cpu, report["peak_kib"])


_shown_ns: list[int] = []


def _shown() -> None:
    """The first question (or frame) is on screen: note when."""
    _shown_ns.append(time.clock_gettime_ns(time.CLOCK_MONOTONIC))


def _run_bare_to_first_frame() -> None:
    from bare_app import BareApp

    class TimedBareApp(BareApp):
        def exit(self, *args: object, **kwargs: object) -> None:
            _shown()  # BareApp exits right after its first refresh
            super().exit(*args, **kwargs)  # type: ignore[arg-type]

    TimedBareApp().run(headless=True, size=TERMINAL)


def _run_trialbot_to_first_question() -> None:
    from chatbot import garbage
    from chatbot.content_cache import load_content_cached
    from chatbot.settings import Settings

    garbage.pause_for_start_up()  # as `chatbot.cli.main` does before it loads the content for the app
    from chatbot.ui.app import TrialbotApp
    from chatbot.ui.messages import StartConversation
    from chatbot.ui.screens.conversation import ConversationScreen

    app = TrialbotApp(load_content_cached(None), Settings(), lang="en")  # as `main` loads it for the app

    def shown_then_exit() -> None:
        _shown()
        app.exit()

    async def first_question(pilot: object) -> None:
        app.post_message(StartConversation())
        while not isinstance(app.screen, ConversationScreen):
            await asyncio.sleep(0)
        # After this refresh the question, its hint and its buttons are laid out on the screen.
        app.call_after_refresh(shown_then_exit)

    app.run(headless=True, size=TERMINAL, auto_pilot=first_question)  # type: ignore[arg-type]


def peak_memory_kib() -> int:
    """This process's own peak resident memory, in KiB.

    Linux counts into `getrusage(...).ru_maxrss` the memory of the parent at the moment it started this
    process (Python starts it with vfork: until exec, both share the parent's memory, and exec keeps
    that high-water mark). A parent that had loaded 40 MiB would make every child look at least that
    big. /proc/self/status's VmHWM is the high-water mark of this program alone, since exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # elsewhere: the best the platform has


def _child(kind: str) -> None:
    if kind == "bare":
        _run_bare_to_first_frame()
    else:
        _run_trialbot_to_first_question()
    print(json.dumps({"shown_ns": _shown_ns[0], "peak_kib": peak_memory_kib()}))


@dataclass(frozen=True)
class Answer:
    """One timed answer: the question answered, how long until what came next was on screen, and what came."""

    question: str
    seconds: float
    opened: str | None
    """The screen the answer opened ("SummaryScreen", "RuledOutScreen"), or None: the next question."""


def answer_turns() -> list[Answer]:
    """Every answer of every scripted dialog replayed through the real app, timed, in the order given.

    An answer is timed from submitting it (a button pressed, or Enter in the text box) until the frame
    that shows what comes next has been painted.

    Pilot's own clicks wait for the process to look idle in 20 ms steps, so they cannot time this: the
    answer is submitted as a click or Enter submits it (`Button.press()`, `Input.action_submit()`). The
    clock stops when the first frame is painted after every message the answer caused has been handled
    (the next question laid out, or the ruled-out or summary screen mounted), encoded into the bytes a
    terminal would be sent, which headless Textual skips. The frame is painted as soon as it is due, not
    on Textual's next screen tick (at most 1/60 s later in a real terminal). What the app does while the
    person reads the question (it collects garbage `COLLECT_AFTER_SECONDS` after the frame; here at
    once) is done before each answer, and not counted.

    The answer has been handled when no task of the app can run: every widget waits for its next
    message (the event loop has nothing ready). Asking each widget, as Pilot does (a callback posted to
    every one, then awaited), costs 3-4 ms with the 50 widgets of a conversation, and those were inside
    the timed window. Checked when this changed: after every timed answer of eight dialogs, two of
    Pilot's waits found no frame still to paint and no layout, repaint or callback left.

    Each dialog runs in a task of its own: Pilot's clicks leave the app's screens in the running task's
    context, which would keep every earlier app alive and make each garbage collection slower than in
    any real run."""
    import textual.screen
    from textual import events
    from textual._compositor import CompositorUpdate
    from textual.widgets import Button, Input

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
        handled: float | None = None
        """When the app had handled every message the submitted answer caused, once it has."""
        shown: float | None = None
        """When the first frame after that was painted."""

        def watch_frames(self) -> None:
            """Note the first frame painted once the answer is handled, encoded as a terminal driver would."""
            display = self.app._display

            def painted(screen: object, update: object) -> None:
                display(screen, update)  # type: ignore[arg-type]
                if isinstance(update, CompositorUpdate):
                    update.render_segments(self.app.console)
                    if self.handled is not None and self.shown is None:
                        self.shown = time.perf_counter()

            self.app._display = painted  # type: ignore[method-assign]

        async def settled(self) -> None:
            """Wait until the app has nothing left to do, painting each frame as soon as it is due."""
            loop = asyncio.get_running_loop()
            while True:
                await asyncio.sleep(0)
                if loop._ready:  # type: ignore[attr-defined]
                    # Some task of the app (a widget's message loop, a handler it awaits) can run: the
                    # answer is still being handled. When none can, each one waits for a message or a
                    # timer, and the widgets' timers (a button's press flash) are not the answer's work.
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

        async def timed(self, question: Question, submit: object) -> None:
            await self.read()
            self.handled = self.shown = None
            start = time.perf_counter()
            result = submit()  # type: ignore[operator]
            if asyncio.iscoroutine(result):
                await result
            await self.settled()
            assert self.handled is not None
            screen = self.app.screen
            opened = None if isinstance(screen, conversation.ConversationScreen) else type(screen).__name__
            turns.append(Answer(question.id, (self.shown or self.handled) - start, opened))

        async def read(self) -> None:
            """The person reads the question before answering: the app collects garbage meanwhile, untimed."""
            await self.settled()  # what an untimed step (closing a dialog) left to paint
            # Until the collection has run: it waits for the frame before it starts its own short wait.
            while isinstance(screen := self.app.screen, conversation.ConversationScreen) and screen.collection_due:
                await self.pilot.pause()

        async def press(self, question: Question, values: list[str]) -> Turn:
            screen = self._conversation()

            def button(value: str) -> ChoiceButton | None:
                return next((button for button in screen.query(ChoiceButton) if button.value == value), None)

            if not all(button(value) for value in values):
                await self.timed(question, screen.query_one("#show-all", Button).press)
            for value in values:
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
            await self.settled()
            await self.timed(question, box.action_submit)
            return self._turn(screen, question, text)

    async def replay(path: Path) -> None:
        dialog = load_dialog(path)
        app = TrialbotApp(pack, Settings(), lang=dialog.language)
        async with app.run_test(headless=True, size=REPLAY_SIZE) as pilot:
            driver = TimedDriver(app, pilot)
            driver.watch_frames()
            await driver.start()
            await driver.settled()
            await converse(dialog, driver)

    async def run_all() -> None:
        for path in sorted((HERE.parent / "dialogs").glob("*.toml")):
            await asyncio.create_task(replay(path))

    # Frames are painted by `settled`, as soon as they are due; Textual's own screen tick would paint
    # others in between, at moments that depend only on when the tick falls.
    tick, reading = textual.screen.UPDATE_PERIOD, conversation.COLLECT_AFTER_SECONDS
    textual.screen.UPDATE_PERIOD = 3600.0
    conversation.COLLECT_AFTER_SECONDS = 0.001  # a moment: `read` lets it run between answers (0 would stop the timer)
    try:
        asyncio.run(run_all())
    finally:
        textual.screen.UPDATE_PERIOD, conversation.COLLECT_AFTER_SECONDS = tick, reading
    return turns


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(HERE))
        _child(sys.argv[2])
    else:
        warm_up()
        for kind in KINDS:
            print(kind, measure(kind))
