"""Shared fixtures: the real content pack (loaded once) and settings with a fixed date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chatbot.content import ContentPack, load_content
from chatbot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXED_TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def pack() -> ContentPack:
    return load_content(ROOT / "content")


@pytest.fixture
def settings() -> Settings:
    return Settings(today=FIXED_TODAY)
