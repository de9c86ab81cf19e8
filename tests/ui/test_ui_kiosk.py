"""The clinic kiosk: no way out for patients, a rate-limited staff PIN, idle wipe, Finish wipes, QR code."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widget import Widget
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Button, Static

from app_steps import (
    KIOSK_PIN, FakeClock, answer_button, answer_until, conversation, current_id, frame_text,
    leave_the_months_or_years_re_ask, screen_text, start, text_of, type_answer, until,
)
from chatbot.cli import main
from chatbot.content import ContentPack
from chatbot.settings import Settings
from chatbot.ui.app import STAFF_EXIT_KEY, TrialbotApp, run_app
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.idle import IdleScreen
from chatbot.ui.screens.pin import PinScreen
from chatbot.models import Outcome
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen
from chatbot.ui.widgets.choice_button import ChoiceButton

MakeKiosk = Callable[..., TrialbotApp]


ESCAPE_KEYS = [
    "ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p", "ctrl+d", "ctrl+s", "ctrl+x", "ctrl+v", "ctrl+w", "ctrl+l",
    "ctrl+backspace", "alt+f4", "alt+tab", "ctrl+alt+delete", "super+q", "tab", "shift+tab",
    *(f"f{n}" for n in range(1, 13)),
]


@pytest.mark.parametrize("key", ESCAPE_KEYS)
async def test_quit_suspend_copy_and_palette_keys_leave_the_kiosk_as_it_was(make_kiosk: MakeKiosk, key: str) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        screen = app.screen
        await pilot.press(key)
        await pilot.press(key)
        assert app.is_running and app.return_code is None
        assert app.screen is screen and current_id(app) == "sex"


async def test_escape_only_goes_back_a_question(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        screen = app.screen
        await pilot.press("escape", "escape")
        assert app.is_running and app.screen is screen and current_id(app) == "age"


async def test_escape_at_the_months_or_years_re_ask_stays_in_the_conversation(make_kiosk: MakeKiosk) -> None:
    """Esc there leaves the re-ask only (not a question): pressed again and again, it never leaves the screen."""
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await leave_the_months_or_years_re_ask(pilot)
        screen = app.screen
        assert current_id(app) == "treatment_months" and not screen.query(".unit-choice")
        await pilot.press(*["escape"] * 30)
        assert app.is_running and app.screen is screen and current_id(app) == "age"


async def test_the_kiosk_binds_no_quit_or_palette_anywhere(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        actions = {binding.action for _node, binding, enabled, _tip in app.screen.active_bindings.values() if enabled}
        assert not actions & {"quit", "app.quit", "command_palette", "suspend_process", "screen.copy_text", "copy"}
        assert app.ENABLE_COMMAND_PALETTE is False and app.ALLOW_SELECT is False


async def test_the_staff_key_and_the_right_pin_close_the_kiosk(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press(STAFF_EXIT_KEY)
        assert isinstance(app.screen, PinScreen)
        await pilot.press(*KIOSK_PIN, "enter")
    assert app.return_code == 0 and not app.is_running


async def test_cancelling_the_pin_returns_to_the_same_screen(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        screen = app.screen
        await pilot.press(STAFF_EXIT_KEY, "escape")
        assert app.screen is screen and app.is_running


async def test_wrong_pins_lock_the_exit_for_a_while(make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await pilot.press(STAFF_EXIT_KEY)
        for _ in range(3):
            await pilot.press(*"0000", "enter")
        assert pack.text("ui_pin_locked", "en", seconds=30) in screen_text(app.screen)
        await pilot.press(*KIOSK_PIN, "enter")  # the right PIN is refused while locked
        assert app.is_running and isinstance(app.screen, PinScreen)
        clock.advance(10)
        app.screen.count_down()  # what its one-second timer does: it said "wait 30 seconds" for ever
        assert pack.text("ui_pin_locked", "en", seconds=20) in screen_text(app.screen)
        clock.advance(21)
        app.screen.count_down()
        assert str(app.screen.query_one("#pin-problem", Static).content) == ""  # tries count again
        await pilot.press(*KIOSK_PIN, "enter")
    assert app.return_code == 0


async def test_idle_warns_then_wipes_every_answer(make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        conversation = app.screen
        clock.advance(121)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, IdleScreen)
        assert pack.text("ui_idle_body", "en", seconds=19) in screen_text(app.screen)
        shown = frame_text(app)  # what the next person, walking up to the kiosk, sees meanwhile
        assert "still there" in shown
        assert pack.question("feet_symptoms").text["en"] not in shown and "Pain in my feet" not in shown
        clock.advance(20)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.screen_stack == [app.screen]
        assert app.session.screening.answers == [] and app.session.screening.current().id == "age"  # type: ignore[union-attr]
        assert not conversation.is_attached and list(conversation.query("Bubble, Transcript")) == []
        assert "52" not in screen_text(app.screen)


async def warned_after_one_answer(pilot: Pilot[int], clock: FakeClock, *, started: bool = False) -> IdleScreen:
    """Start (unless `started`), answer the age, and leave the kiosk until it asks "Are you still there?"."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    if not started:
        await start(pilot)
    await type_answer(pilot, "52")
    clock.advance(125)
    await app.idle_tick()
    await pilot.pause()
    warning = app.screen
    assert isinstance(warning, IdleScreen)
    return warning


async def test_only_i_am_still_here_keeps_the_answers_during_the_warning(make_kiosk: MakeKiosk, clock: FakeClock) -> None:
    """Any key used to close the warning: someone new, touching a key at the kiosk, saw the last person's answers."""
    app = make_kiosk()
    async with app.run_test() as pilot:
        warning = await warned_after_one_answer(pilot, clock)
        await pilot.press("space", "a", "escape", "3")
        await pilot.hover("#countdown")
        await pilot.click("#countdown")
        await app.idle_tick()
        await pilot.pause()
        assert app.screen is warning
        await pilot.press("2")  # I am still here
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen) and current_id(app) == "sex"
        assert [given.question_id for given in app.session.screening.answers] == ["age"]


async def test_the_warning_tells_someone_new_in_the_kiosks_language_too(
    make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack
) -> None:
    """A Chinese kiosk, the last person in English: the warning was all English, and someone new who reads Chinese
    did not know which button was theirs."""
    app = make_kiosk(lang="zh")
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press("ctrl+l")  # the last person reads English
        await pilot.pause()
        warning = await warned_after_one_answer(pilot, clock, started=True)
        shown = screen_text(warning)
        assert pack.text("ui_idle_heading", "en") in shown
        assert pack.text("ui_idle_newcomer_key", "zh", number=1) in shown
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.session.screening.answers == []


async def test_the_warning_in_the_kiosks_language_says_it_once(make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        warning = await warned_after_one_answer(pilot, clock)
        assert not warning.query("#idle-newcomer-kiosk")
        assert pack.text("ui_idle_newcomer_key", "zh", number=1) not in screen_text(warning)


@pytest.mark.parametrize("key", ["1", "enter"])
async def test_the_first_button_and_enter_start_again_for_someone_new(
    make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack, key: str
) -> None:
    """A reviewer: "1 I am still here" came first, and a polite newcomer who pressed it, or Enter, saw the last
    person's answers. The safe choice is now 1, and the focused button."""
    app = make_kiosk()
    async with app.run_test() as pilot:
        warning = await warned_after_one_answer(pilot, clock)
        clear = warning.query_one("#clear", Button)
        assert text_of(clear) == f"1  {pack.text('ui_idle_clear', 'en')}" and warning.focused is clear
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.screen_stack == [app.screen]
        assert app.session.screening.answers == []


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_warning_tells_someone_new_which_button_is_theirs(
    make_kiosk: MakeKiosk, clock: FakeClock, pack: ContentPack, lang: str
) -> None:
    app = make_kiosk(lang)
    async with app.run_test() as pilot:
        warning = await warned_after_one_answer(pilot, clock)
        label = pack.text("ui_idle_clear", lang)
        newcomer = pack.text("ui_idle_newcomer", lang, clear=label)
        assert label in newcomer
        assert newcomer in screen_text(warning)


async def test_the_staff_key_during_the_warning_leaves_one_warning_that_still_counts_down_and_hides_the_answers(
    make_kiosk: MakeKiosk, clock: FakeClock
) -> None:
    """A reviewer pressed the staff key while the warning showed: a second warning covered the PIN box, and the
    first, left beneath it, no longer counted down and took any key as someone being there. Another pressed keys on
    the PIN box and Esc: the warning closed on the next tick and showed the last person's answers."""
    app = make_kiosk()
    async with app.run_test() as pilot:
        warning = await warned_after_one_answer(pilot, clock)
        await pilot.press(STAFF_EXIT_KEY)
        assert isinstance(app.screen, PinScreen)
        clock.advance(1)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, PinScreen) and [s for s in app.screen_stack if isinstance(s, IdleScreen)] == [warning]
        assert text_of(warning.query_one("#countdown", Static)).startswith(
            "To keep your answers private, they will be cleared in 14 seconds"
        )
        await pilot.press("1", "2", "escape")  # keys on the PIN box, then it closes: the same warning is there again
        assert app.screen is warning and warning.focused is warning.query_one("#clear")  # Enter still clears
        await app.idle_tick()  # the keys on the PIN box did not count: the answers stay hidden
        await pilot.pause()
        assert app.screen is warning
        clock.advance(20)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.session.screening.answers == []
        assert app.idle_warning is None


async def test_an_untouched_welcome_screen_is_left_alone(make_kiosk: MakeKiosk, clock: FakeClock) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        clock.advance(1000)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_finish_wipes_everything_for_the_next_person(make_kiosk: MakeKiosk) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press("2")  # Finish
        assert isinstance(app.screen, WelcomeScreen) and app.screen_stack == [app.screen]
        assert app.session.screening.answers == [] and not summary.is_attached


async def test_the_kiosk_summary_offers_a_qr_code_and_no_saving(make_kiosk: MakeKiosk, pack: ContentPack) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        assert list(app.screen.query("#save")) == []
        assert app.screen.query_one("#qr") is not None
        assert pack.text("ui_kiosk_not_saved", "en") in screen_text(app.screen)
        assert app.theme == "trialbot-kiosk"
        # Nothing to "take with you" but the QR code: the next step says so.
        assert app.session.screening.outcome() is Outcome.POSSIBLE_MATCH
        assert pack.text("ui_kiosk_next_possible_match", "en") in screen_text(app.screen)
        assert pack.text("summary_next_possible_match", "en") not in screen_text(app.screen)


async def test_the_kiosk_needs_only_number_keys(make_kiosk: MakeKiosk, pack: ContentPack) -> None:
    app = make_kiosk()
    async with app.run_test() as pilot:
        await pilot.press("1", "5", "2", "enter")  # Start; the age question takes the digits
        assert current_id(app) == "sex"
        await answer_until(pilot, stop="treatment_months")
        await pilot.press("1", "8", "enter")  # a bare number: months or years?
        await pilot.press("1")  # 18 months
        await answer_until(pilot)
        assert pack.text("outcome_possible_match", "en") in screen_text(app.screen)


def test_without_a_pin_the_kiosk_refuses_to_start(pack: ContentPack, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_app(pack, Settings(), lang="en", kiosk=True) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "TRIALBOT_KIOSK_PIN" in error and "Traceback" not in error


def test_the_command_line_kiosk_without_a_pin_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TRIALBOT_KIOSK_PIN", raising=False)
    monkeypatch.delenv("TRIALBOT_SETTINGS", raising=False)
    assert main(["--kiosk"]) == 2
    assert "kiosk_pin" in capsys.readouterr().err


def _flat_buttons(app: TrialbotApp, *expected: str) -> list[str]:
    """The buttons on screen, shown, that were given no line to be drawn on (`expected`: ids among them)."""
    shown = [b for b in app.screen.query(Button) if b.display and all(a.display for a in b.ancestors_with_self if isinstance(a, Widget))]
    assert set(expected) <= {b.id for b in shown}
    return [f"{b.id or b.label}" for b in shown if b.size.height < 1]


@pytest.mark.parametrize("size", [(80, 24), (130, 40)])
@pytest.mark.parametrize("kiosk", [False, True])
async def test_every_button_has_a_line_to_be_drawn_on(
    make_app: Callable[..., TrialbotApp], make_kiosk: MakeKiosk, kiosk: bool, size: tuple[int, int]
) -> None:
    # At the kiosk, Why, Back, About and the language button were laid out 0 lines high (a margin in a
    # grid cell one line high): invisible, though their keys still worked.
    app = make_kiosk() if kiosk else make_app()
    async with app.run_test(size=size) as pilot:
        assert _flat_buttons(app) == []
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")  # a choose-all question: its Done button too
        assert isinstance(app.screen, ConversationScreen)
        assert _flat_buttons(app, "why", "back", "about", "language", "choice-1", "done") == []
        await answer_until(pilot)
        assert isinstance(app.screen, SummaryScreen) and _flat_buttons(app) == []


async def test_after_several_unclear_tries_the_newest_re_ask_and_the_answers_are_in_view(make_kiosk: MakeKiosk) -> None:
    """After three unclear tries at 80x24 (the kiosk's bigger spacing) the view showed the first re-asks
    and only the first answer button; the arrow keys did not scroll."""
    app = make_kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="sex")
        for text in ("xyz", "qqq", "zzz"):
            await type_answer(pilot, text)
        for _ in range(5):
            await pilot.pause()
        chat = app.screen.query_one("#chat", VerticalScroll)
        newest = app.screen.query_one("#reask-3")
        shown = [newest, *(button for button in app.screen.query(ChoiceButton) if button.display)]
        assert len(shown) == 4 and all(chat.region.contains_region(w.region) for w in shown)
        at = chat.scroll_offset.y
        await pilot.press("up")
        assert chat.scroll_offset.y < at  # the arrow keys scroll the conversation


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_question_with_eight_answers_fits_a_short_kiosk_screen_whole(make_kiosk: MakeKiosk, lang: str) -> None:
    """At 80x24 the line between answers pushed the question out of sight: eight answers, the hint and Done
    filled the view."""
    app = make_kiosk(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        for _ in range(5):
            await pilot.pause()
        chat = app.screen.query_one("#chat", VerticalScroll)
        shown = [app.screen.query_one("#question"), *(b for b in app.screen.query(ChoiceButton) if b.display)]
        shown.append(app.screen.query_one("#done"))
        assert len(shown) == 10 and all(chat.region.contains_region(widget.region) for widget in shown)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_question_taller_than_the_view_opens_with_the_question_in_sight(make_kiosk: MakeKiosk, lang: str) -> None:
    """At 60x18 the eight answers of feet_symptoms filled the view, and the question was above it, out of sight:
    the view was measured before the new question's area had its size."""
    app = make_kiosk(lang)
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        for _ in range(5):
            await pilot.pause()
        chat = app.screen.query_one("#chat", VerticalScroll)
        question, first = app.screen.query_one("#question"), app.screen.query(ChoiceButton).first()
        assert app.screen.query_one("#current").outer_size.height > chat.scrollable_content_region.height  # it does not fit
        assert chat.region.contains_region(question.region) and chat.region.contains_region(first.region)


@pytest.mark.parametrize(
    ("kiosk", "size", "lang"),
    [(True, (60, 18), "en"), (True, (60, 18), "zh"), (False, (60, 18), "en"), (True, (80, 24), "en")],
    ids=["kiosk-60x18", "kiosk-60x18-zh", "patient-60x18", "kiosk-80x24"],
)
async def test_after_a_re_ask_with_nine_answers_the_question_the_re_ask_and_the_first_answer_are_in_view(
    make_app: Callable[..., TrialbotApp], make_kiosk: MakeKiosk, kiosk: bool, size: tuple[int, int], lang: str
) -> None:
    """At 60x18 an unclear answer at other_conditions (nine answers and Done) scrolled to the answers alone: the
    question, what the person typed and the re-ask were above the view."""
    app = make_kiosk(lang) if kiosk else make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="other_conditions")
        await type_answer(pilot, "xyzzy")
        chat = app.screen.query_one("#chat", VerticalScroll)
        wanted = [app.screen.query_one(f"#{name}") for name in ("question", "tried-1", "reask-1", "choice-1")]
        for _ in range(20):
            await pilot.pause()
            if all(chat.region.contains_region(widget.region) for widget in wanted):
                break
        assert [widget.id for widget in wanted if not chat.region.contains_region(widget.region)] == []


async def test_a_key_that_ticks_an_answer_out_of_view_brings_it_into_view(make_kiosk: MakeKiosk) -> None:
    """At 60x18, under a re-ask at other_conditions, 8 ("None of these") ticked an answer below the view: nothing
    seemed to happen, and a second press took the tick away unseen."""
    app = make_kiosk()
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="other_conditions")
        await type_answer(pilot, "xyzzy")
        await until(pilot, lambda asked: bool(conversation(app).attempts))
        chat = app.screen.query_one("#chat", VerticalScroll)
        none = answer_button(app, "none")
        for _ in range(20):
            await pilot.pause()
        assert not chat.region.contains_region(none.region)  # the question and the re-ask are in view (see above)
        await pilot.press("8")
        for _ in range(20):
            await pilot.pause()
            if chat.region.contains_region(none.region):
                break
        assert chat.region.contains_region(none.region) and conversation(app).chosen == {"none"}


async def test_a_focused_language_button_stands_out_from_the_kiosk_top_bar(make_kiosk: MakeKiosk) -> None:
    """The kiosk's bar is the colour a focused button takes elsewhere: focused, 中文 vanished into it."""
    app = make_kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        button = app.screen.query_one("#lang-zh", Button)
        button.focus()
        await pilot.pause()
        bar = app.screen.query_one(".topbar")
        assert app.screen.focused is button
        assert button.styles.background != bar.styles.background
        assert button.styles.color != bar.styles.color


@pytest.mark.parametrize(("kiosk", "size"), [(False, (60, 18)), (True, (76, 24))], ids=["patient-60x18", "kiosk-76x24"])
async def test_done_can_be_scrolled_into_view_when_answers_wrap(
    make_app: Callable[..., TrialbotApp], make_kiosk: MakeKiosk, kiosk: bool, size: tuple[int, int]
) -> None:
    """An answer whose new label wraps to two lines left the question's part of the conversation a line or
    two short (chatbot/ui/one_pass.py): Done was below its end, and End, PageDown or a mouse never reached it."""
    app = make_kiosk() if kiosk else make_app()
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="other_conditions")  # after leg_blood_flow's four answers: nine, some wrap
        for _ in range(5):
            await pilot.pause()
        # The question opens in sight, the rest a scroll away.
        await pilot.press("pagedown", "pagedown", "pagedown")
        for _ in range(5):
            await pilot.pause()
        chat = app.screen.query_one("#chat", VerticalScroll)
        done = app.screen.query_one("#done", Button)
        assert any(b.size.height > 1 for b in app.screen.query(ChoiceButton) if b.display)  # the case itself
        assert chat.scroll_y == chat.max_scroll_y and chat.region.contains_region(done.region)
