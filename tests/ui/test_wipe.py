"""The kiosk forgets a person completely: after the idle wipe (from wherever they walked away) and after
Finish, nothing they typed or chose is in the engine, on any screen of the stack, in any text box or in any
widget's text, and the next person starts with an empty conversation in the kiosk's own language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from app_steps import FakeClock, answer_until, screen_text, start, text_of, type_answer
from chatbot.settings import Settings
from chatbot.ui.app import STAFF_EXIT_KEY, TrialbotApp
from chatbot.ui.screens.about import AboutScreen
from chatbot.ui.screens.change_answer import ChangeAnswerScreen
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.idle import IdleScreen
from chatbot.ui.screens.pin import PinScreen
from chatbot.ui.screens.ruled_out import RuledOutScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen
from chatbot.ui.widgets.bubble import Bubble
from chatbot.ui.widgets.transcript import Transcript

MakeKiosk = Callable[..., TrialbotApp]
Walkaway = Callable[[Pilot[int]], Awaitable[None]]

TYPED = ["I am 47", "Zanzibar"]
"""What the person typed: an understood age, then an unclear answer that is quoted back to them."""
UNSENT = "Kilimanjaro"


async def first_answers(pilot: Pilot[int]) -> None:
    """Start, type an age, type something unclear, then answer in Chinese (the language is theirs too)."""
    await start(pilot)
    await type_answer(pilot, TYPED[0])
    await type_answer(pilot, TYPED[1])
    await pilot.press("ctrl+l")
    assert pilot.app.session.lang == "zh"  # type: ignore[attr-defined]


async def typing(pilot: Pilot[int]) -> None:
    await first_answers(pilot)
    pilot.app.screen.query_one("#answer", Input).value = UNSENT


async def ruled_out(pilot: Pilot[int]) -> None:
    await start(pilot)
    await type_answer(pilot, "I am 70")
    assert isinstance(pilot.app.screen, RuledOutScreen)


async def summary(pilot: Pilot[int]) -> None:
    await first_answers(pilot)
    await answer_until(pilot)
    assert isinstance(pilot.app.screen, SummaryScreen)


async def change_answer(pilot: Pilot[int]) -> None:
    await summary(pilot)
    await pilot.press("1")  # Change an answer: the kiosk's summary has no Save
    assert isinstance(pilot.app.screen, ChangeAnswerScreen)


async def about(pilot: Pilot[int]) -> None:
    await first_answers(pilot)
    await pilot.press("ctrl+t")
    assert isinstance(pilot.app.screen, AboutScreen)


async def staff_pin(pilot: Pilot[int]) -> None:
    await first_answers(pilot)
    await pilot.press(STAFF_EXIT_KEY, "1", "2")
    assert isinstance(pilot.app.screen, PinScreen)


WALKAWAYS: dict[str, Walkaway] = {
    "typing": typing, "ruled_out": ruled_out, "summary": summary, "change_answer": change_answer, "about": about,
    "staff_pin": staff_pin,
}


def assert_forgotten(app: TrialbotApp, words: list[str]) -> None:
    """Nothing of the person anywhere: engine, screens, text boxes, widget texts; the kiosk's language."""
    assert app.session.screening.answers == []
    assert app.session.lang == app.default_lang
    assert [type(screen) for screen in app.screen_stack] == [WelcomeScreen]
    for screen in app.screen_stack:
        text = screen_text(screen)
        assert [word for word in words if word in text] == []
        assert [box.value for box in screen.query(Input) if box.value] == []


async def assert_next_person_starts_afresh(pilot: Pilot[int], words: list[str]) -> None:
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    await start(pilot)
    screen = app.screen
    assert isinstance(screen, ConversationScreen)
    assert screen.question is not None and screen.question.id == app.session.pack.questions[0].id
    assert [bubble for bubble in screen.query(Bubble) if bubble.person] == [] and screen.attempts == []
    assert screen.query_one(Transcript).messages == []
    assert screen.query_one("#answer", Input).value == ""
    text = screen_text(screen)
    assert [word for word in words if word in text] == []


@pytest.mark.parametrize("walkaway", WALKAWAYS.values(), ids=WALKAWAYS.keys())
async def test_the_idle_wipe_forgets_the_person_wherever_they_left(
    make_kiosk: MakeKiosk, clock: FakeClock, kiosk_settings: Settings, walkaway: Walkaway
) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await walkaway(pilot)
        left = list(app.screen_stack)
        clock.advance(kiosk_settings.idle_seconds + 1)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleScreen)
        clock.advance(kiosk_settings.idle_warning_seconds)
        await app.idle_tick()
        await pilot.pause()
        assert_forgotten(app, [*TYPED, UNSENT])
        assert [screen for screen in left[1:] if screen.is_attached] == []
        await assert_next_person_starts_afresh(pilot, [*TYPED, UNSENT])


async def test_finish_forgets_the_person(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await summary(pilot)
        await pilot.click("#finish")
        await pilot.pause()
        assert_forgotten(app, TYPED)
        await assert_next_person_starts_afresh(pilot, TYPED)



async def test_the_next_person_is_told_in_full_whom_the_questions_are_about(
    make_kiosk: MakeKiosk, clock: FakeClock, kiosk_settings: Settings
) -> None:
    """Told once, a person's later re-asks say it short; the next person at the kiosk has been told nothing."""
    app = make_kiosk()
    pack = app.session.pack

    async def relative_at(question: str, text: str) -> list[str]:
        await answer_until(pilot, stop=question)
        await type_answer(pilot, text)
        return [text_of(bubble) for bubble in app.screen.query(".reask").results(Bubble)]

    async with app.run_test() as pilot:
        await start(pilot)
        await relative_at("diabetes_type", "my mother has type 2")
        assert await relative_at("doctor_said_neuropathy", "her doctor said yes") == [
            pack.text("reask_about_you_short", "en", said="her doctor said yes")
        ]
        clock.advance(kiosk_settings.idle_seconds + kiosk_settings.idle_warning_seconds + 1)
        await app.idle_tick()
        await pilot.pause()
        await start(pilot)
        assert await relative_at("diabetes_type", "my father has type 2") == [
            pack.text("reask_about_you", "en", said="my father has type 2")
        ]


@pytest.mark.parametrize("key", ["3", "1", "2"], ids=["change-answer", "see-result", "go-on"])
async def test_a_key_that_comes_as_the_kiosk_forgets_the_person_does_nothing(
    make_kiosk: MakeKiosk, kiosk_settings: Settings, clock: FakeClock, key: str
) -> None:
    """Found by the kiosk monkey (seed 1): a number key pressed on the "may not be right for you" message
    just as the idle wipe ran ("3", Change this answer) was handled after the engine had been cleared: it
    asked the engine to go back to an age it no longer had, and the app crashed."""
    app = make_kiosk()
    async with app.run_test() as pilot:
        await ruled_out(pilot)
        clock.advance(kiosk_settings.idle_seconds + 1)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleScreen)
        app.post_message(events.Key(key, key))  # reaches the message once the warning closes, in the wipe
        clock.advance(kiosk_settings.idle_warning_seconds)
        await app.idle_tick()
        await pilot.pause()
        assert app._exception is None
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 1
        assert app.session.screening.answers == []
        await assert_next_person_starts_afresh(pilot, ["70"])
