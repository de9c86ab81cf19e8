"""The app measured against the floor: start-up time and peak memory, and per-answer latency.

`measure("bare" | "trialbot")` starts a fresh Python process that runs the app headless to its first
question (the bare app: to its first frame) and exits; it returns the wall time from spawning the
process to its exit, and the child's peak RSS. Run as a script with `--child KIND`, this file is that
child.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class StartUp:
    seconds: float
    maxrss_kib: int


def measure(kind: str) -> StartUp:
    """Spawn a child that starts `kind` headless to its first question (or frame), and time it."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", kind], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    return StartUp(seconds, json.loads(done.stdout.strip().splitlines()[-1])["maxrss_kib"])


def _run_trialbot_to_first_question() -> None:
    from chatbot.content import load_content
    from chatbot.settings import Settings
    from chatbot.ui.app import TrialbotApp
    from chatbot.ui.messages import StartConversation
    from chatbot.ui.screens.conversation import ConversationScreen

    app = TrialbotApp(load_content(None), Settings(), lang="en")

    async def first_question(pilot: object) -> None:
        app.post_message(StartConversation())
        while not isinstance(app.screen, ConversationScreen):
            await asyncio.sleep(0)
        app.call_after_refresh(app.exit)

    app.run(headless=True, auto_pilot=first_question)  # type: ignore[arg-type]


def _child(kind: str) -> None:
    if kind == "bare":
        from bare_app import BareApp

        BareApp().run(headless=True)
    else:
        _run_trialbot_to_first_question()
    print(json.dumps({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def answer_latencies() -> list[float]:
    """Seconds from submitting each answer (the last click, or Enter) to the next screen being shown,
    replaying every scripted dialog through the real app with Pilot."""
    from chatbot.content import load_content
    from chatbot.dialogs import load_dialog
    from chatbot.replay import converse
    from chatbot.settings import Settings
    from chatbot.ui.app import TrialbotApp
    from chatbot.ui.drive import REPLAY_SIZE, AppDriver
    from chatbot.understanding import Understanding

    pack = load_content(None)
    understanding = Understanding(pack)
    latencies: list[float] = []

    class TimedDriver(AppDriver):
        submitted: float | None = None

        async def asked(self):  # type: ignore[no-untyped-def]
            question = await super().asked()
            if self.submitted is not None:
                latencies.append(time.perf_counter() - self.submitted)
                self.submitted = None
            return question

    async def run_all() -> None:
        for path in sorted((HERE.parent / "dialogs").glob("*.toml")):
            dialog = load_dialog(path)
            app = TrialbotApp(pack, Settings(), lang=dialog.language, understanding=understanding)
            async with app.run_test(headless=True, size=REPLAY_SIZE) as pilot:
                driver = TimedDriver(app, pilot)
                press, click = pilot.press, pilot.click

                async def timed_press(*keys: str) -> None:
                    # Typing is the person's time; the wait starts when they press Enter.
                    await press(*keys[:-1])
                    driver.submitted = time.perf_counter()
                    await press(*keys[-1:])

                async def timed_click(*args: object, **kwargs: object) -> bool:
                    driver.submitted = time.perf_counter()
                    return await click(*args, **kwargs)  # type: ignore[arg-type]

                pilot.press = timed_press  # type: ignore[method-assign]
                pilot.click = timed_click  # type: ignore[method-assign]
                await driver.start()
                driver.submitted = None
                await converse(dialog, driver)

    asyncio.run(run_all())
    return latencies


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(HERE))
        _child(sys.argv[2])
    else:
        for kind in ("bare", "trialbot"):
            print(kind, measure(kind))
