"""Monkey test: random keys, clicks, pastes, resizes and (in the kiosk) idle time, thousands of events over
many seeds, in both modes. The app never crashes, the kiosk never exits, and after every burst the screen
is one of the app's own with something a person can use (or the "make the window bigger" notice)."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.pilot import Pilot
from textual.widgets import Button

from app_steps import NO_HARM, FakeClock, mouse, start, type_answer
from chatbot.engine import Screening, pressed_value
from chatbot.settings import Settings
from chatbot.ui import app as app_module
from chatbot.ui.app import STAFF_EXIT_KEY, TrialbotApp
from chatbot.ui.held_keys import SETTLE_SECONDS
from chatbot.ui.screens import save
from chatbot.ui.screens.about import AboutScreen
from chatbot.ui.screens.change_answer import ChangeAnswerScreen
from chatbot.ui.screens.confirm import ConfirmScreen
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.idle import IdleScreen
from chatbot.ui.screens.pin import PinScreen
from chatbot.ui.screens.ruled_out import RuledOutScreen
from chatbot.ui.screens.save import SaveScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen
from chatbot.ui.widgets.bubble import Bubble
from chatbot.ui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmall
from chatbot.understanding import Understanding

SEEDS = range(12)
EVENTS = 160
"""Per seed and mode: 3,840 events in all, in about a minute."""
BURST = 10
"""Events sent between two checks of the screen."""

APP_SCREENS = (
    WelcomeScreen, ConversationScreen, RuledOutScreen, SummaryScreen, AboutScreen, ConfirmScreen, SaveScreen,
    IdleScreen, PinScreen, ChangeAnswerScreen,
)
KEYS = [
    *string.ascii_letters, *string.digits, *string.digits, *string.punctuation, " ", "é", "中", "😀",
    "enter", "enter", "escape", "tab", "shift+tab", "backspace", "delete", "insert", "space",
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown",
    *(f"f{n}" for n in range(1, 13)), "ctrl+f4", "shift+f10",
    *(f"ctrl+{c}" for c in string.ascii_lowercase if c != "q"), "ctrl+backspace", "ctrl+left", "ctrl+right",
    "ctrl+space", "ctrl+home", "ctrl+end", "ctrl+shift+c", "ctrl+shift+v", "ctrl+alt+delete",
    *(f"alt+{c}" for c in "abcdefqxz14"), "alt+f4", "alt+tab", "alt+enter", "super+q", "shift+enter",
    STAFF_EXIT_KEY,
]
"""Every kind of key a terminal can send. Ctrl+Q quits patient mode by design, so it is left out there."""
KIOSK_KEYS = [*KEYS, "ctrl+q"]
HOSTILE_PASTES = [
    "[bold red]x[/]", "[/", "[link=http://example.invalid]click[/link]", "\x1b[2J\x1b[H", "{{ 7*7 }}",
    "{% raw %}", "\x00\x07\x08\x7f", "\u202eevil\u202c", "e\u0301\u0301\u0301", "52\n\n\nyes\r\nno",
    "9" * 400, "-1e308", "NaN", "../../../../etc/passwd", "~root/.ssh/x", "\t" * 50, "中文回答：是的",
    "𝕪𝕖𝕤", "\ud7ff\ue000\uffff", "yes " * 2000,
]


def random_text(rng: random.Random) -> str:
    """A paste of random code points (controls, combining marks, right-to-left, astral), up to 3000 long."""
    ranges = [(0, 0x1F), (0x20, 0x7E), (0x300, 0x36F), (0x590, 0x6FF), (0x2000, 0x206F), (0x4E00, 0x4FFF), (0x1F300, 0x1F6FF)]
    length = rng.choice([1, 5, 40, 3000])
    return "".join(chr(rng.randint(*rng.choice(ranges))) for _ in range(length))


@pytest.fixture(autouse=True)
def sandbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """HOME and the working folder in a temporary folder, and saving refused outside it.

    The monkey can type or paste any path into the save box; a real person could too, but a test must not
    write outside its own folder. A refusal there is what a read-only folder does: "Could not save".
    """
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    write = save.write_summary

    def write_inside(
        screening: Screening, understanding: Understanding, settings: Settings, lang: str, path: Path, *, replace: bool = False
    ) -> None:
        if not path.resolve().is_relative_to(tmp_path.resolve()):
            raise PermissionError(13, "Permission denied", str(path))
        write(screening, understanding, settings, lang, path, replace=replace)

    monkeypatch.setattr(save, "write_summary", write_inside)
    return tmp_path


def key_event(key: str) -> events.Key:
    """The Key event a terminal driver makes for `key` (a typed character or a named key)."""
    if len(key) == 1:
        # Textual's name for a typed character ("/" is "slash"), as its own terminal driver makes it.
        return events.Key(_character_to_key(key), key)
    return events.Key(key, key_to_character(key))


async def plausible_answer(pilot: Pilot[int], rng: random.Random) -> None:
    """Keys that often mean something here (an answer's number, Done, or a typed number and Enter), so
    the monkey gets past the first questions to the summary, saving, the PIN and the idle warning."""
    app = pilot.app
    if rng.random() < 0.5:
        app.post_message(key_event(rng.choice("1112233450")))
        return
    # Clearing the box goes through the key bindings, which a typed digit overtakes: let it finish first.
    app.post_message(key_event("ctrl+u"))
    await pilot.pause(0)
    for key in [*str(rng.randint(10, 70)), "enter"]:
        app.post_message(key_event(key))


async def burst(pilot: Pilot[int], rng: random.Random, keys: list[str], clock: FakeClock | None) -> None:
    """`BURST` random events, sent as fast as a terminal delivers them (no waiting between them):
    mostly keys, then clicks and scrolls, pastes, resizes and (kiosk) time passing."""
    app = pilot.app
    assert isinstance(app, TrialbotApp)
    for _ in range(BURST):
        kind = rng.choices(
            ["key", "answer", "click", "scroll", "paste", "resize", "idle"],
            # A resize lays out the whole screen again, up to 300x100: the slowest event, so the rarest.
            weights=[45, 25, 12, 3, 7, 2, 3 if clock else 0],
        )[0]
        width, height = app.size
        x, y = rng.randrange(width), rng.randrange(height)
        if kind == "key":
            app.post_message(key_event(rng.choice(keys)))
        elif kind == "answer":
            await plausible_answer(pilot, rng)
        elif kind == "click":
            for _ in range(rng.choice([1, 1, 1, 2])):
                app.post_message(mouse(events.MouseDown, x, y))
                app.post_message(mouse(events.MouseUp, x, y))
        elif kind == "scroll":
            app.post_message(mouse(rng.choice([events.MouseScrollDown, events.MouseScrollUp]), x, y, 0))
        elif kind == "paste":
            app.post_message(events.Paste(rng.choice(HOSTILE_PASTES) if rng.random() < 0.6 else random_text(rng)))
        elif kind == "resize":
            small = rng.random() < 0.3
            await pilot.resize_terminal(
                rng.randint(20, MIN_WIDTH - 1) if small else rng.randint(20, 300),
                rng.randint(8, MIN_HEIGHT - 1) if small else rng.randint(8, 100),
            )
        else:
            assert clock is not None
            await pilot.pause(0)
            clock.advance(rng.choice([5, 60, 121, 135, 141, 500]))
            await app.idle_tick()
    # Only what is queued is waited for, not for the app to go quiet: the next burst may find it still busy,
    # as a real key masher does, and no wall-clock wait decides what happens (a seed replays the same).
    await pilot.pause(0)


def usable(app: TrialbotApp) -> bool:
    """The screen is the app's own and shows something to press or type in, or the "too small" notice."""
    screen = app.screen
    if not isinstance(screen, APP_SCREENS):
        return False
    notices = list(screen.query(TooSmall).results(TooSmall))
    if not notices:
        return False  # being composed again (a new language, the kiosk forgetting someone)
    notice = notices[0]
    width, height = app.size
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return notice.display and notice.region.area > 0
    usable_widgets = [
        widget
        for widget in screen.query("*")
        if (widget.focusable or isinstance(widget, Button)) and widget.display and widget.region.area > 0
    ]
    return not notice.display and bool(usable_widgets)


async def assert_still_fine(pilot: Pilot[int], seed: int, step: int) -> None:
    app = pilot.app
    assert isinstance(app, TrialbotApp)
    assert app._exception is None, f"seed {seed}, event {step}: {app._exception!r}"
    assert app.is_running and app.return_code is None, f"seed {seed}, event {step}: the app exited"
    for _ in range(40):
        if usable(app):
            return
        await pilot.pause(0)
    raise AssertionError(f"seed {seed}, event {step}: {type(app.screen).__name__} at {app.size} is not usable")


async def monkey(app: TrialbotApp, seed: int, keys: list[str], clock: FakeClock | None = None) -> None:
    """Send `EVENTS` random events from `seed`, checking the app after every burst."""
    rng = random.Random(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        for step in range(0, EVENTS, BURST):
            await burst(pilot, rng, keys, clock)
            await assert_still_fine(pilot, seed, step + BURST)
        # Let the last burst finish: the test harness tears the screens down under any keys still queued.
        await pilot.pause()
        await assert_still_fine(pilot, seed, EVENTS)
    assert app._exception is None


MakeApp = Callable[..., TrialbotApp]


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_input_never_breaks_patient_mode(make_app: MakeApp, seed: int) -> None:
    await monkey(make_app(), seed, KEYS)


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_input_never_breaks_or_leaves_the_kiosk(
    make_kiosk: MakeApp, clock: FakeClock, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The monkey moves the clock and calls the idle check itself, so a seed replays the same way.
    monkeypatch.setattr(app_module, "IDLE_TICK_SECONDS", 10**6)
    await monkey(make_kiosk(), seed, KIOSK_KEYS, clock)


# --- what the monkey found, kept as plain regression tests -----------------------------------------


NUMBERS = {"age": 52.0, "treatment_months": 18.0}
"""The number answers (age in years, treatment time in months) of someone who may be a match."""


async def skip_to(pilot: Pilot[int], question_id: str) -> None:
    """Start, and give the engine the answers of someone who may be a match up to `question_id`, at once."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    await start(pilot)
    screening = app.session.screening
    while (question := screening.current()) is not None and question.id != question_id:
        value = NUMBERS[question.id] if question.id in NUMBERS else pressed_value(question, NO_HARM[question.id])
        screening.answer(question.id, value, str(value))
    screen = app.screen
    assert isinstance(screen, ConversationScreen)
    await screen.redraw()
    await pilot.pause()


async def press_quickly(pilot: Pilot[int], *keys: str) -> None:
    """Press keys faster than the app answers them, as a shaky finger or key bounce does."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await pilot.pause()


@pytest.mark.parametrize(
    ("question_id", "key"),
    [("sex", "1"), ("hiv", "2"), ("visits", "1")],
    ids=["next-question-lacks-that-answer", "next-question-has-that-answer", "last-question"],
)
async def test_an_answer_pressed_twice_quickly_answers_only_its_own_question(
    make_app: MakeApp, question_id: str, key: str
) -> None:
    """Found by patient seeds 0, 2, 3, 4 and 8: the second press reached the old button after the next
    question was showing, and crashed the app or answered a question the person never saw."""
    app = make_app()
    async with app.run_test() as pilot:
        await skip_to(pilot, question_id)
        await press_quickly(pilot, key, key)
        answered = [given.question_id for given in app.session.screening.answers]
        assert answered[-1] == question_id and app._exception is None


@pytest.mark.parametrize(
    ("question_id", "key", "opened"),
    [("diabetes_type", "1", RuledOutScreen), ("visits", "1", SummaryScreen)],
    ids=["ruled-out-message", "summary"],
)
@pytest.mark.parametrize("order", [("answer", "ctrl+t"), ("ctrl+t", "answer")], ids=["answer-first", "about-first"])
async def test_about_opened_with_an_answer_stays_in_front_and_the_result_shows_when_it_closes(
    make_app: MakeApp, question_id: str, key: str, opened: type, order: tuple[str, str]
) -> None:
    """Found by patient seed 7: the ruled-out message or the summary was pushed over About, which stayed beneath
    it, out of sight; the person, who had just asked for About, saw the result, and About again after it."""
    app = make_app()
    async with app.run_test() as pilot:
        await skip_to(pilot, question_id)
        await press_quickly(pilot, *(key if step == "answer" else step for step in order))
        # About in front; the result beneath it, or waiting until it closes (whichever key was handled first)
        beneath = [WelcomeScreen, ConversationScreen]
        assert [type(screen) for screen in app.screen_stack] in ([*beneath, AboutScreen], [*beneath, opened, AboutScreen])
        await pilot.press("escape")
        for _ in range(20):  # the result is opened in the conversation's own turn, once it is in front again
            if isinstance(app.screen, opened):
                break
            await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [WelcomeScreen, ConversationScreen, opened]


async def test_months_pressed_twice_quickly_answers_only_the_time_question(make_app: MakeApp) -> None:
    """Found by patient seed 1: the second press of "18 months" came after its button was gone and crashed."""
    app = make_app()
    async with app.run_test() as pilot:
        await skip_to(pilot, "treatment_months")
        await pilot.press("1", "8", "enter")
        await press_quickly(pilot, "1", "1")
        answered = [given.question_id for given in app.session.screening.answers]
        assert answered[-1] == "treatment_months" and app._exception is None


async def test_go_on_pressed_twice_quickly_keeps_the_conversation(make_app: MakeApp) -> None:
    """Found by patient seeds 1, 2 and 5: Textual's dismiss closes whatever screen is on top, so a second
    quick press closed the conversation under the ruled-out screen too (and then crashed on the last one)."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "70")
        assert isinstance(app.screen, RuledOutScreen)
        await press_quickly(pilot, "2", "2")  # Go on with the questions
        assert [type(screen) for screen in app.screen_stack] == [WelcomeScreen, ConversationScreen]


async def test_change_an_answer_pressed_twice_quickly_opens_one_list(make_app: MakeApp, clock: FakeClock) -> None:
    """The second press (a shaky finger, a key that bounced) picks no row of the list it opened, unseen."""
    app = make_app(clock=clock, held_keys_seconds=SETTLE_SECONDS)
    async with app.run_test() as pilot:
        await skip_to(pilot, "visits")
        clock.advance(1)
        await pilot.press("1")
        assert isinstance(app.screen, SummaryScreen)
        clock.advance(1)
        await press_quickly(pilot, "2", "2")  # Change an answer
        assert [type(screen) for screen in app.screen_stack] == [
            WelcomeScreen, ConversationScreen, SummaryScreen, ChangeAnswerScreen
        ]


async def test_change_an_answer_clicked_twice_quickly_opens_one_list(make_app: MakeApp) -> None:
    """A double click opened a second list under the first: Escape closed one, and the other was still there."""
    app = make_app()
    async with app.run_test() as pilot:
        await skip_to(pilot, "visits")
        await pilot.press("1")
        change = app.screen.query_one("#change", Button)
        change.press()
        change.press()
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [
            WelcomeScreen, ConversationScreen, SummaryScreen, ChangeAnswerScreen
        ]


async def test_a_press_on_text_that_a_redraw_just_removed_is_harmless(make_app: MakeApp) -> None:
    """Found by patient seeds 2 and 10: a click arriving while the conversation was being redrawn (in one
    batch, so the screen still mapped the removed text there) started a text selection on removed text, and
    Textual crashed on it. The redraw is reproduced here as it happens: removal inside a batch update."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        await type_answer(pilot, "zzz")  # not an answer: the person's words stay under the question
        said = [bubble for bubble in app.screen.query("#current Bubble").results(Bubble) if bubble.person][-1]
        x, y = said.region.offset
        with app.batch_update():
            await said.remove()
            app.post_message(mouse(events.MouseDown, x + 1, y))
            app.post_message(mouse(events.MouseUp, x + 1, y))
            await pilot.pause()
        await pilot.pause()
        assert app._exception is None and isinstance(app.screen, ConversationScreen)
