"""The on-screen number pad: one widget that draws its keys, pressed by mouse or keyboard like buttons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.content import Content
from textual.style import Style

from app_steps import click_pad, start
from chatbot.ui.app import TrialbotApp
from chatbot.ui.widgets.answer_input import AnswerInput
from chatbot.ui.widgets.number_pad import NumberPad, place_keys

MakeApp = Callable[..., TrialbotApp]
WORDS = [("delete", Content("Delete")), ("months", Content("months")), ("years", Content("years")), ("send", Content("Send"))]
DIGITS = [(digit, Content(digit)) for digit in "1234567890"]


def _rows() -> list[tuple[list[tuple[str, Content]], int, int]]:
    return [(DIGITS, 5, 1), (WORDS, 16, 2)]


def test_the_keys_sit_on_two_lines_when_they_fit() -> None:
    keys = place_keys(_rows(), 80)
    assert [key.y for key in keys] == [0] * 10 + [2] * 4
    assert [key.x for key in keys[:3]] == [0, 6, 12] and keys[10].width == 16


@pytest.mark.parametrize("width", [20, 30, 45, 59])
def test_keys_that_do_not_fit_go_on_to_the_next_line_and_never_overlap(width: int) -> None:
    keys = place_keys(_rows(), width)
    assert [key.id for key in keys] == [key_id for key_id, _ in DIGITS + WORDS]
    assert all(key.x + key.width <= width for key in keys)
    assert max(key.y for key in keys) > 2  # wrapped
    cells = [(key.y, x) for key in keys for x in range(key.x, key.x + key.width)]
    assert len(cells) == len(set(cells))
    assert all(key.y % 2 == 0 for key in keys)  # a blank line between lines of keys


def _style(pad: NumberPad, key_id: str) -> Style:
    """The style the pad draws a key in, read from what it renders."""
    key = next(key for key in pad.keys() if key.id == key_id)
    drawn = pad.render()
    line_start = sum(len(line.plain) + 1 for line in drawn.split("\n")[: key.y])
    middle = line_start + key.x + key.width // 2
    return next(span.style for span in drawn.spans if span.start <= middle < span.end)  # type: ignore[return-value]


def _look(pad: NumberPad, *extra: str) -> Style:
    return pad.get_visual_style("number-pad--key", *extra)


async def test_the_arrow_keys_move_between_keys_and_enter_presses(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        pad = app.screen.query_one(NumberPad)
        box = app.screen.query_one(AnswerInput)
        assert _style(pad, "1") == _look(pad)  # no cursor while the answer box has the keyboard
        pad.focus()
        await pilot.pause()
        assert _style(pad, "1") == _look(pad, "number-pad--key-cursor")
        await pilot.press("right", "right", "right", "enter")  # the 4
        assert box.value == "4" and box.has_focus  # a digit goes to the answer box, which takes the keyboard back
        pad.focus()
        await pilot.press("down", "left", "enter")  # Send is below the 4, Delete left of it
        assert box.value == ""
        pad.focus()
        await pilot.press("up", "enter")  # the digit above Delete: 2
        assert box.value == "2"
        pad.focus()
        await pilot.press("right", "right", "enter")  # from the 2 to the 4 (an age is 10 or more)
        assert box.value == "24"
        pad.focus()
        await pilot.press("left", "left", "left", "left", "enter")  # past the first key to the last one: Send
        assert app.session.screening.given("age").value == 24  # type: ignore[union-attr]


async def test_the_key_under_the_pointer_is_lit_and_a_pressed_key_flashes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        pad = app.screen.query_one(NumberPad)
        await pilot.hover(pad, offset=pad.key_offset("5"))
        assert _style(pad, "5") == _look(pad, "number-pad--key-hover")
        assert _style(pad, "6") == _look(pad)
        await click_pad(pilot, "7")
        assert _style(pad, "7") == _look(pad, "number-pad--key-pressed")
        assert pad.keys()[pad.cursor].id == "7"  # a click moves the keyboard cursor there too
        assert app.screen.query_one(AnswerInput).value == "7"


async def test_on_a_narrow_screen_every_key_is_drawn_and_pressed_where_it_shows(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await start(pilot)
        pad = app.screen.query_one(NumberPad)
        assert max(key.y for key in pad.keys()) > 2 and pad.size.height == max(key.y for key in pad.keys()) + 1
        assert pad.render().plain.split() == [*"1234567890", "Delete", "Send"]
        for key in ("5", "0", "send"):
            await click_pad(pilot, key)
        assert app.session.screening.given("age").value == 50  # type: ignore[union-attr]


async def test_keys_typed_in_one_burst_while_the_pad_has_the_keyboard_give_what_was_typed(make_app: MakeApp) -> None:
    # "5 2 Enter" faster than the app handles them (a quick typist, a keypad that sends them at once).
    # The 5 moves the keyboard to the answer box, but the keys that came with it were already on their
    # way to the pad: its Enter pressed the key under its cursor (the 1), and 52 became 521.
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        app.screen.query_one(NumberPad).focus()
        await pilot.pause()
        for key in ("5", "2", "enter"):
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        for _ in range(100):
            await pilot.pause()
            if app.session.screening.given("age") is not None:
                break
        given = app.session.screening.given("age")
        assert given is not None and given.value == 52, given
