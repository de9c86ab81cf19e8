"""A number key held down, or pressed twice by a numb finger, answers one question, not several."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual import events
from textual.pilot import Pilot

from app_steps import FakeClock, answer_until, current_id, start, type_answer, until
from chatbot.ui.app import TrialbotApp
from chatbot.ui.held_keys import REPEAT_SECONDS, SETTLE_SECONDS, TICK_AGAIN_SECONDS, HeldKeys
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.ruled_out import RuledOutScreen
from chatbot.ui.screens.save import SaveScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.widgets.answer_input import AnswerInput
from chatbot.ui.widgets.number_pad import NumberPad

MakeApp = Callable[..., TrialbotApp]
FIRST_REPEAT = 0.66
"""A held key's first repeat comes this long after the press (the longest common default)."""
REPEAT = 0.035
"""Then one every this many seconds."""


def test_keys_wait_a_moment_after_something_new_and_a_held_key_keeps_waiting_until_let_go() -> None:
    clock = FakeClock()
    keys = HeldKeys(clock)
    assert keys.may_press()  # nothing new yet
    keys.moved_on()
    clock.advance(FIRST_REPEAT)
    assert not keys.may_press()  # the first repeat of the key that moved on
    for _ in range(40):  # held well past SETTLE_SECONDS: every repeat is held back
        clock.advance(REPEAT)
        assert not keys.may_press()
    clock.advance(REPEAT_SECONDS)  # let go: the next press counts
    assert keys.may_press()


def test_a_press_that_comes_too_soon_does_nothing_and_pressing_again_works() -> None:
    clock = FakeClock()
    keys = HeldKeys(clock)
    keys.moved_on()
    clock.advance(SETTLE_SECONDS / 2)
    assert not keys.may_press()
    clock.advance(SETTLE_SECONDS / 2)  # a second press, a moment later
    assert keys.may_press()


def test_a_tick_box_pressed_twice_or_held_ticks_once_and_another_box_ticks_at_once() -> None:
    """Pressed twice, a tick box ticked and unticked; held, an even number of repeats left it empty."""
    clock = FakeClock()
    keys = HeldKeys(clock)
    assert keys.may_tick("pain")
    clock.advance(0.5)  # pressed again by a finger that did not feel the first press
    assert not keys.may_tick("pain")
    assert keys.may_tick("numbness")  # another answer: at once
    for _ in range(30):  # held down: every repeat is held back
        clock.advance(REPEAT)
        assert not keys.may_tick("numbness")
    clock.advance(TICK_AGAIN_SECONDS)  # let go, and pressed again on purpose: it unticks
    assert keys.may_tick("numbness")
    scripted = HeldKeys(clock, settle_seconds=0.0)  # scripted players and most tests: no waiting
    assert scripted.may_tick("pain") and scripted.may_tick("pain")


def test_no_wait_at_all_when_turned_off() -> None:
    clock = FakeClock()
    keys = HeldKeys(clock, settle_seconds=0.0)
    keys.moved_on()
    assert keys.may_press()


async def hold(pilot: Pilot[int], clock: FakeClock, key: str) -> None:
    """Hold `key` down after it was pressed once: its first repeat, then fifteen more."""
    clock.advance(FIRST_REPEAT)
    await pilot.press(key)
    for _ in range(15):
        clock.advance(REPEAT)
        await pilot.press(key)


async def test_a_held_key_answers_one_question_and_does_not_pass_the_ruled_out_message(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(clock=clock, held_keys_seconds=SETTLE_SECONDS)
    async with app.run_test() as pilot:
        clock.advance(5)  # reading the welcome screen
        await start(pilot)
        await type_answer(pilot, "52")  # typing is never held back
        assert current_id(app) == "sex"
        clock.advance(3)  # reading "Are you a woman or a man?"
        await pilot.press("2")  # A man
        await hold(pilot, clock, "2")
        answers = app.session.screening.answers
        assert [(given.question_id, given.value) for given in answers] == [("age", 52.0), ("sex", "man")]
        assert current_id(app) == "diabetes_type"

        clock.advance(3)  # let go, read the next question
        await pilot.press("1")  # Yes, type 1 diabetes: not for this study
        assert isinstance(app.screen, RuledOutScreen)
        await hold(pilot, clock, "1")  # "1" on the message is "see my result now"
        assert isinstance(app.screen, RuledOutScreen)  # it waits to be read

        clock.advance(3)
        await pilot.press("3")  # Change this answer
        assert isinstance(app.screen, ConversationScreen) and current_id(app) == "diabetes_type"


async def test_the_key_of_the_last_answer_held_does_not_press_anything_on_the_summary(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(clock=clock)  # quick answers up to the last question, then keys held back
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        last = app.session.pack.questions[-1].id
        await answer_until(pilot, stop=last)
        app.session.held_keys.settle_seconds = SETTLE_SECONDS
        clock.advance(3)
        await pilot.press("1")  # Yes: the last answer opens the summary
        assert isinstance(app.screen, SummaryScreen)
        await hold(pilot, clock, "1")  # "1" on the summary opens the save dialog
        assert isinstance(app.screen, SummaryScreen)
        clock.advance(3)
        await pilot.press("1")  # pressed on purpose, it does
        assert isinstance(app.screen, SaveScreen)


async def test_start_held_down_types_nothing_into_the_first_question_and_typing_after_reading_works(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(clock=clock, held_keys_seconds=SETTLE_SECONDS)
    async with app.run_test() as pilot:
        clock.advance(5)
        await start(pilot)  # 1: Start
        await hold(pilot, clock, "1")
        box = app.screen.query_one(AnswerInput)
        assert current_id(app) == "age" and box.value == ""
        clock.advance(3)  # let go, read "How old are you?"
        await pilot.press("5", "2")  # typed at once: only the first key of an empty box waits
        assert box.value == "52"
        await pilot.press("enter")
        assert current_id(app) == "sex"


async def test_a_held_key_types_nothing_while_the_number_pad_has_the_keyboard(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(clock=clock, held_keys_seconds=SETTLE_SECONDS)
    async with app.run_test() as pilot:
        clock.advance(5)
        await start(pilot)
        pad = app.screen.query_one(NumberPad)
        pad.focus()  # Tab to the on-screen pad: number keys now reach the screen, not the box
        await pilot.pause()
        await hold(pilot, clock, "1")
        box = app.screen.query_one(AnswerInput)
        assert box.value == ""
        clock.advance(3)
        await pilot.press("5", "2")
        assert box.value == "52"


async def reading_recent_study(pilot: Pilot[int], clock: FakeClock) -> None:
    """Answer quickly up to "In the last 3 months, were you in another study?", then hold number keys back as
    the app does for a person, who reads the question."""
    await start(pilot)
    await answer_until(pilot, stop="recent_study")
    app = pilot.app
    assert isinstance(app, TrialbotApp)
    app.session.held_keys.settle_seconds = SETTLE_SECONDS
    clock.advance(3)


async def test_a_number_key_that_began_a_word_is_taken_back_and_the_word_typed_for_its_question(
    make_app: MakeApp, clock: FakeClock
) -> None:
    """"2 months ago" at "In the last 3 months, were you in another study?" pressed 2 (No), and the rest was
    held back: the person was in a study two months ago, and was taken as not. Now the 2 began a word."""
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await reading_recent_study(pilot, clock)
        await pilot.press("2", "5", *" days ago")  # typed in one go: no clock moves between the keys
        box = app.screen.query_one(AnswerInput)
        assert current_id(app) == "recent_study"
        assert box.value == "25 days ago"  # the 5 held back after the 2 is kept
        assert app.session.screening.given("recent_study") is None  # the No of key 2 is taken back
        await pilot.press("enter")
        # Read as what was typed, not as the No of key 2: 25 days ago is within the 3 months, a Yes.
        assert app.session.screening.given("recent_study").value == "yes"  # type: ignore[union-attr]


async def test_a_number_key_held_down_with_no_word_after_it_still_answers_one_question(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await reading_recent_study(pilot, clock)
        await pilot.press("2")
        await hold(pilot, clock, "2")
        given = app.session.screening.given("recent_study")
        assert given is not None and given.value == "no"
        assert current_id(app) != "recent_study" and app.screen.query_one(AnswerInput).value == ""
        clock.advance(3)  # read the next question, then type an answer to it: nothing is taken back
        await pilot.press(*"no")
        assert current_id(app) != "recent_study" and app.screen.query_one(AnswerInput).value == "no"


async def test_the_may_not_be_right_message_held_key_still_waits_to_be_read(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await reading_recent_study(pilot, clock)
        await pilot.press("1")
        await hold(pilot, clock, "1")  # no word after it: the message stays, and the answer too
        assert isinstance(app.screen, RuledOutScreen)
        assert app.session.screening.given("recent_study").value == "yes"  # type: ignore[union-attr]


async def at_the_months_or_years_re_ask(pilot: Pilot[int], clock: FakeClock) -> None:
    """Answer quickly up to the time question, type a bare "2" (months or years?), and read the re-ask."""
    await start(pilot)
    await answer_until(pilot, stop="treatment_months")
    await type_answer(pilot, "2")
    app = pilot.app
    assert isinstance(app, TrialbotApp) and app.screen.query(".unit-choice")
    app.session.held_keys.settle_seconds = SETTLE_SECONDS
    clock.advance(3)


async def test_a_time_typed_whole_at_the_months_or_years_re_ask_is_typed_not_pressed(
    make_app: MakeApp, clock: FakeClock
) -> None:
    """"18 months" typed there in one go: its 1 pressed "I mean 2 months" (too short for the study: the
    may-not-be-right message) and the 8 was lost."""
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await at_the_months_or_years_re_ask(pilot, clock)
        for character in "18 months":
            app.post_message(events.Key("space" if character == " " else character, character))
        box = app.screen.query_one(AnswerInput)
        for _ in range(20):
            await pilot.pause()
            if box.value == "18 months":
                break
        assert isinstance(app.screen, ConversationScreen) and box.value == "18 months"
        assert app.session.screening.given("treatment_months") is None
        await pilot.press("enter")
        assert app.session.screening.given("treatment_months").value == 18  # type: ignore[union-attr]


@pytest.mark.parametrize("keys", [["2", "enter"], ["2", "2", "enter"]], ids=["key", "key-that-bounced"])
@pytest.mark.parametrize(
    ("reach", "question", "answer"),
    [(reading_recent_study, "recent_study", "no"), (at_the_months_or_years_re_ask, "treatment_months", 24)],
    ids=["question", "months-or-years"],
)
async def test_a_number_key_and_enter_at_once_press_its_answer(
    make_app: MakeApp,
    clock: FakeClock,
    reach: Callable[[Pilot[int], FakeClock], Awaitable[None]],
    question: str,
    answer: object,
    keys: list[str],
) -> None:
    """2 and Enter in one burst were sent as a typed "2": asked again ("Sorry, I did not understand", or at
    the months-or-years re-ask "I mean 2 months or 2 years?") instead of pressing answer 2. Enter added no
    word to the key."""
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await reach(pilot, clock)
        for key in keys:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await until(pilot, lambda asked: asked != question)
        given = app.session.screening.given(question)
        assert given is not None and given.value == answer


@pytest.mark.parametrize(
    ("reach", "question", "typed"),
    [
        # "1 year ago" pressed 1 (Yes, in a study in the last 3 months)
        (reading_recent_study, "recent_study", "12 months ago"),
        # "18 months" pressed 1 (I mean 2 months, too short for the study)
        (at_the_months_or_years_re_ask, "treatment_months", "18 months"),
    ],
)
async def test_a_number_key_that_began_a_word_and_opened_the_may_not_be_right_message_is_taken_back_too(
    make_app: MakeApp, clock: FakeClock, reach: Callable[[Pilot[int], FakeClock], Awaitable[None]], question: str, typed: str
) -> None:
    """A word typed key by key whose first key pressed an answer: the message opened, and the rest of the
    words were held back on it. Now the message closes and the words are typed."""
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await reach(pilot, clock)
        await pilot.press(typed[0])
        assert isinstance(app.screen, RuledOutScreen)
        for key in typed[1:]:  # a typist's pace: each key a tenth of a second after the last
            clock.advance(0.1)
            await pilot.press("space" if key == " " else key)
        assert isinstance(app.screen, ConversationScreen) and current_id(app) == question
        assert app.screen.query_one(AnswerInput).value == typed
        assert app.session.screening.given(question) is None and app.session.screening.failed() == []


async def test_enter_as_done_waits_on_a_reopened_question_as_the_0_key_does(make_app: MakeApp, clock: FakeClock) -> None:
    """"Change my answer" pressed with Enter, and Enter again a moment later: the reopened question still had its
    old ticks, and the second Enter pressed Done with them, so the answer was not changed."""
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="nerve_medicines")
        app.session.held_keys.settle_seconds = SETTLE_SECONDS
        clock.advance(3)
        await pilot.press("4", "0")  # None of these: the study may not be right
        await screen_shown(pilot, RuledOutScreen)
        clock.advance(3)
        await pilot.press("3")  # Change my answer
        await screen_shown(pilot, ConversationScreen)
        assert current_id(app) == "nerve_medicines" and app.screen.chosen == {"none"}  # type: ignore[attr-defined]
        await pilot.press("enter")  # a moment later
        await pilot.pause()
        assert current_id(app) == "nerve_medicines" and isinstance(app.screen, ConversationScreen)
        clock.advance(3)  # read, then Enter: the same answer again, on purpose
        await pilot.press("enter")
        await until(pilot, lambda asked: asked != "nerve_medicines")  # the message was read: it is not shown again
        assert current_id(app) != "nerve_medicines" and app.session.screening.given("nerve_medicines").value == {"none"}  # type: ignore[union-attr]


async def screen_shown(pilot: Pilot[int], kind: type) -> None:
    """Wait (at most 20 pauses) until the screen on top is one of `kind`."""
    for _ in range(20):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause()
