"""When Python collects garbage (chatbot/garbage.py), apart from the app: an answer's hold."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from chatbot import garbage


@pytest.fixture(autouse=True)
def collections_on_after() -> Iterator[None]:
    yield
    garbage.resume()  # a failed test must not leave the rest of the suite without collections


async def test_an_answer_holds_collections_off_until_its_moment_has_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(garbage, "ANSWER_SECONDS", 3600.0)
    garbage.hold_while_answering()
    assert not gc.isenabled()
    monkeypatch.setattr(garbage, "ANSWER_SECONDS", 0.0)
    garbage.hold_while_answering()  # a second answer: the hold runs from now, not from the first
    assert not gc.isenabled()
    for _ in range(100):
        if gc.isenabled():
            break
        await asyncio.sleep(0)
    assert gc.isenabled() and garbage._answering is None


async def test_an_answer_during_the_start_up_pause_leaves_the_pause_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(garbage, "ANSWER_SECONDS", 0.0)
    garbage.pause_for_start_up()
    try:
        garbage.hold_while_answering()
        for _ in range(10):
            await asyncio.sleep(0)
        assert not gc.isenabled() and garbage._answering is None  # start_up_over turns them on, not the answer
    finally:
        garbage.resume()
    assert gc.isenabled()
