"""The app started against the floor: start-up time and peak memory (per-answer latency: `latency.py`).

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


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(HERE))
        _child(sys.argv[2])
    else:
        warm_up()
        for kind in KINDS:
            print(kind, measure(kind))
