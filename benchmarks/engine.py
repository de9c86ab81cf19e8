"""Headless engine throughput and long-run memory: the scripted dialogs replayed without a screen.

(c) complete conversations per second on one core, and the memory kept after 10,000 conversations
in one process (the suite's `tests/test_long_run.py` is the short version of the second).
"""

from __future__ import annotations

import asyncio
import gc
import time
import tracemalloc
from pathlib import Path

from chatbot.content import ContentPack, load_content
from chatbot.dialogs import Dialog, load_dialog
from chatbot.replay import HeadlessDriver, converse
from chatbot.understanding import Understanding

DIALOGS = Path(__file__).resolve().parent.parent / "dialogs"


def load_dialogs() -> list[Dialog]:
    """Every scripted dialog of the project."""
    return [load_dialog(path) for path in sorted(DIALOGS.glob("*.toml"))]


async def _conversations(pack: ContentPack, understanding: Understanding, dialogs: list[Dialog], count: int) -> None:
    for index in range(count):
        dialog = dialogs[index % len(dialogs)]
        await converse(dialog, HeadlessDriver(pack, understanding, dialog.language))


def conversations_per_second(seconds: float = 2.0) -> float:
    """Complete scripted conversations per second, replayed headless (best of three timed rounds)."""
    pack = load_content(None)
    understanding = Understanding(pack)
    dialogs = load_dialogs()
    asyncio.run(_conversations(pack, understanding, dialogs, len(dialogs)))  # warm up
    rates = []
    for _ in range(3):
        count = 0
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds / 3:
            asyncio.run(_conversations(pack, understanding, dialogs, len(dialogs)))
            count += len(dialogs)
        rates.append(count / elapsed)
    return max(rates)


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
