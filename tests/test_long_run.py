"""Many conversations in one process do not make memory grow (the full 10,000 run is a benchmark)."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from pathlib import Path

from chatbot.content import ContentPack
from chatbot.dialogs import load_dialog
from chatbot.replay import HeadlessDriver, converse
from chatbot.understanding import Understanding

DIALOGS = sorted((Path(__file__).resolve().parent.parent / "dialogs").glob("*.toml"))


def test_memory_stays_flat_over_many_conversations(pack: ContentPack) -> None:
    understanding = Understanding(pack)
    dialogs = [load_dialog(path) for path in DIALOGS]

    async def conversations(count: int) -> None:
        for index in range(count):
            dialog = dialogs[index % len(dialogs)]
            await converse(dialog, HeadlessDriver(pack, understanding, dialog.language))

    asyncio.run(conversations(200))  # warm caches first
    gc.collect()
    tracemalloc.start()
    try:
        asyncio.run(conversations(300))
        gc.collect()
        after_first, _ = tracemalloc.get_traced_memory()
        asyncio.run(conversations(1200))
        gc.collect()
        after_more, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Four times as many conversations may not cost more than a few kilobytes of kept memory.
    assert after_more - after_first < 64 * 1024
