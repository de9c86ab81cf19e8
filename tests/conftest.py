"""Shared fixtures: the real content pack (loaded once), settings and the understanding of answers on a fixed date,
and a temporary content cache."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatbot.content import ContentPack, load_content
from chatbot.settings import Settings
from chatbot.understanding import Understanding

ROOT = Path(__file__).resolve().parent.parent
FIXED_TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests (and the programs they start) keep the validated content pack in a temporary folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRIALBOT_CACHE", str(tmp_path_factory.mktemp("trialbot-cache")))
        yield


@pytest.fixture(scope="session")
def pack() -> ContentPack:
    return load_content(ROOT / "content")


@pytest.fixture
def settings() -> Settings:
    return Settings(today=FIXED_TODAY)


@pytest.fixture
def understanding(pack: ContentPack) -> Understanding:
    """On the fixed date: "last year" is read by it, and from January to March the readings differ."""
    return Understanding(pack, FIXED_TODAY)
