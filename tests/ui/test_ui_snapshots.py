"""SVG snapshots of every screen a person meets, with the date fixed (tests/conftest.py).

Regenerate with `pytest tests/ui/test_ui_snapshots.py --snapshot-update`, and only after looking at the
new pictures (`__snapshots__/`); a changed snapshot is a changed screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot

from app_steps import FakeClock, answer_until, start, type_answer
from chatbot.content import ContentPack
from chatbot.settings import Settings
from chatbot.ui.app import TrialbotApp

Steps = Callable[[Pilot[Any]], Awaitable[None]]
SMALL = (80, 24)
LARGE = (120, 40)


def patient(pack: ContentPack, settings: Settings, lang: str = "en") -> TrialbotApp:
    return TrialbotApp(pack, settings, lang=lang, held_keys_seconds=0.0)  # the steps press keys at once


def kiosk(pack: ContentPack, settings: Settings, clock: FakeClock | None = None) -> TrialbotApp:
    kiosk_settings = replace(settings, kiosk_pin="482913")
    return TrialbotApp(pack, kiosk_settings, lang="en", kiosk=True, clock=clock or FakeClock(), held_keys_seconds=0.0)


def to_question(question_id: str) -> Steps:
    async def steps(pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer_until(pilot, stop=question_id)

    return steps


def reask(question_id: str, typed: str) -> Steps:
    async def steps(pilot: Pilot[Any]) -> None:
        await to_question(question_id)(pilot)
        await type_answer(pilot, typed)

    return steps


def to_summary(answers: dict[str, list[str]] | None = None, *, age: str = "52") -> Steps:
    async def steps(pilot: Pilot[Any]) -> None:
        await start(pilot)
        await type_answer(pilot, age)
        await answer_until(pilot, answers=answers)

    return steps


async def about(pilot: Pilot[Any]) -> None:
    await pilot.press("2")


async def change_answer(pilot: Pilot[Any]) -> None:
    await to_summary()(pilot)
    await pilot.press("2")  # Change an answer


async def ruled_out(pilot: Pilot[Any]) -> None:
    await start(pilot)
    await type_answer(pilot, "70")


async def toggles(pilot: Pilot[Any]) -> None:
    await to_question("feet_symptoms")(pilot)
    await pilot.press("1", "3")


async def not_eligible(pilot: Pilot[Any]) -> None:
    await ruled_out(pilot)
    await pilot.press("1")  # See my result now


async def nothing(pilot: Pilot[Any]) -> None:
    await pilot.pause()


PATIENT_SCREENS: dict[str, tuple[Steps, tuple[int, int]]] = {
    "welcome": (nothing, SMALL),
    "about": (about, SMALL),
    "yes_no_question": (to_question("doctor_said_neuropathy"), SMALL),
    "choice_question": (to_question("diabetes_type"), SMALL),
    "choose_all_that_fit": (toggles, SMALL),
    "number_question": (start, SMALL),
    "unclear_answer_reask": (reask("diabetes_type", "type"), SMALL),
    "ruled_out_moment": (ruled_out, SMALL),
    "summary_possible_match": (to_summary(), SMALL),
    "summary_not_eligible": (not_eligible, SMALL),
    "summary_unsure": (to_summary({"cancer_or_blood_disease": ["past"]}), SMALL),
    "summary_large": (to_summary(), LARGE),
    "change_answer": (change_answer, SMALL),
    "too_small": (nothing, (50, 15)),
}


@pytest.mark.parametrize("name", PATIENT_SCREENS)
def test_patient_screen(name: str, snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    steps, size = PATIENT_SCREENS[name]
    assert snap_compare(patient(pack, settings), terminal_size=size, run_before=steps)


CHINESE_SCREENS: dict[str, Steps] = {
    "welcome": nothing,
    "question": to_question("feet_symptoms"),
    "unclear_answer_reask": reask("diabetes_type", "紫色"),
    "summary": to_summary(),
    "change_answer": change_answer,
}


@pytest.mark.parametrize("name", CHINESE_SCREENS)
def test_chinese_screen(name: str, snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    assert snap_compare(patient(pack, settings, "zh"), terminal_size=SMALL, run_before=CHINESE_SCREENS[name])


def test_kiosk_welcome(snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    assert snap_compare(kiosk(pack, settings), terminal_size=SMALL, run_before=nothing)


def test_kiosk_question(snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    assert snap_compare(kiosk(pack, settings), terminal_size=SMALL, run_before=to_question("doctor_said_neuropathy"))


def test_kiosk_idle_warning(snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    clock = FakeClock()
    app = kiosk(pack, settings, clock)

    async def idle(pilot: Pilot[Any]) -> None:
        await to_question("sex")(pilot)
        clock.advance(settings.idle_seconds + 5)
        await app.idle_tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=idle)


def test_kiosk_summary_with_qr_code(snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    async def qr(pilot: Pilot[Any]) -> None:
        await to_summary()(pilot)
        pilot.app.screen.query_one("#qr").scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(kiosk(pack, settings), terminal_size=LARGE, run_before=qr)


def test_kiosk_reask_at_nine_answers_on_a_small_screen(snap_compare: Any, pack: ContentPack, settings: Settings) -> None:
    # The question, the words typed and the re-ask stay above the first answers; the rest is a scroll away.
    steps = reask("other_conditions", "xyzzy")
    assert snap_compare(kiosk(pack, settings), terminal_size=(60, 18), run_before=steps)
