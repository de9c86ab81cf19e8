"""Headless engine throughput and long-run memory: the scripted dialogs replayed without a screen.

(c) complete conversations per second on one core, and the memory kept after 10,000 conversations
in one process (the suite's `tests/test_long_run.py` is the short version of the second).
"""

from __future__ import annotations

import asyncio
import gc
import timeit
import tracemalloc
from pathlib import Path

from chatbot.content import ContentPack, load_content
from chatbot.dialogs import Dialog, load_dialog
from chatbot.replay import HeadlessDriver, converse
from chatbot.understanding import Understanding

DIALOGS = Path(__file__).resolve().parent.parent / "dialogs"
_WITH_GC = "import gc; gc.enable()"
"""timeit turns garbage collection off while it times; the app runs with it on. (Off, the rounds here ran at
1,500 conversations a second, against 2,500 with it on.)"""


def load_dialogs() -> list[Dialog]:
    """Every scripted dialog of the project."""
    return [load_dialog(path) for path in sorted(DIALOGS.glob("*.toml"))]


async def _conversations(pack: ContentPack, understanding: Understanding, dialogs: list[Dialog], count: int) -> None:
    for index in range(count):
        dialog = dialogs[index % len(dialogs)]
        await converse(dialog, HeadlessDriver(pack, understanding, dialog.language))


def conversations_per_second(seconds: float = 2.0) -> float:
    """Complete scripted conversations per second, replayed headless: the fastest of as many rounds over
    every dialog as fit in about `seconds` (`timeit`, as for (d) in understanding.py: on a shared machine
    the slower rounds are slower only because other work took the core)."""
    pack = load_content(None)
    understanding = Understanding(pack)
    dialogs = load_dialogs()

    def one_round() -> None:
        asyncio.run(_conversations(pack, understanding, dialogs, len(dialogs)))

    timer = timeit.Timer(one_round, setup=_WITH_GC)
    first = min(timer.repeat(repeat=3, number=1))  # warm up, and how long one round takes
    rounds = max(3, round(seconds / first))
    return len(dialogs) / min(first, *timer.repeat(repeat=rounds, number=1))


def long_run_memory(count: int = 10_000) -> tuple[int, int]:
    """Traced memory (bytes) kept after 1,000 and after `count` conversations in one process."""
    pack = load_content(None)
    understanding = Understanding(pack)
    dialogs = load_dialogs()
    asyncio.run(_conversations(pack, understanding, dialogs, 200))
    gc.collect()
    tracemalloc.start()
    try:
        asyncio.run(_conversations(pack, understanding, dialogs, 1_000))
        gc.collect()
        early, _ = tracemalloc.get_traced_memory()
        asyncio.run(_conversations(pack, understanding, dialogs, count - 1_000))
        gc.collect()
        late, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return early, late


if __name__ == "__main__":
    print(f"{conversations_per_second():,.0f} conversations/s")
    early, late = long_run_memory()
    print(f"memory kept: {early:,} bytes after 1,000, {late:,} bytes after 10,000 conversations")
