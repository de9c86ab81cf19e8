"""App fixtures: a patient-mode and a kiosk app with the fixed date, and a clock tests move by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from chatbot.content import ContentPack
from chatbot.settings import Settings
from app_steps import KIOSK_PIN, FakeClock
from chatbot.ui.app import TrialbotApp

@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk_settings(settings: Settings) -> Settings:
    return replace(settings, kiosk_pin=KIOSK_PIN, idle_seconds=120.0, idle_warning_seconds=20.0)


@pytest.fixture
def make_app(pack: ContentPack, settings: Settings) -> Callable[..., TrialbotApp]:
    """A patient-mode app in English (keywords go to TrialbotApp).

    Number keys are not held back after a new question (tests press the next one at once; see
    `chatbot/ui/held_keys.py` and its tests), unless `held_keys_seconds` is given."""

    def make(**options: object) -> TrialbotApp:
        options.setdefault("held_keys_seconds", 0.0)
        return TrialbotApp(pack, options.pop("settings", settings), lang=options.pop("lang", "en"), **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_kiosk(pack: ContentPack, kiosk_settings: Settings, clock: FakeClock) -> Callable[..., TrialbotApp]:
    """A kiosk app in English on the fake clock (number keys not held back, as `make_app`)."""

    def make(lang: str = "en") -> TrialbotApp:
        return TrialbotApp(pack, kiosk_settings, lang=lang, kiosk=True, clock=clock, held_keys_seconds=0.0)

    return make
