"""On-screen number keys for number and time questions, so no keyboard typing is needed.

The pad is one widget that draws its keys, not a button per key. Fourteen buttons in two rows were
seventeen widgets to mount, style, lay out and paint with the first question (about 18 ms of a 0.27 s
start), and to lay out and paint again each time a number question came back. Drawn, the keys look and
act as the buttons did: the mouse pointer lights the key under it, a click presses it with a short
flash, and from the keyboard the pad is one Tab stop whose arrow keys move between the keys and Enter or
Space presses. Keys that no longer fit on a line (a narrow terminal) go on to the next row, instead of
off the edge.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset, Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.timer import Timer
from textual.widget import Widget

DIGITS = "1234567890"
DIGIT_WIDTH = 5
"""Each digit key is this many cells wide, with `DIGIT_GAP` between keys."""
DIGIT_GAP = 1
WORD_MIN_WIDTH = 16
"""A word key (Delete, months, years, Send) is at least this wide, as a button is; `WORD_GAP` apart."""
WORD_GAP = 2
PRESS_FLASH_SECONDS = 0.2
"""How long a pressed key shows that it was pressed (as long as a button's flash)."""


class Key(NamedTuple):
    """One key where it is drawn: its id ("1", "delete", "months", "send"), its label, and its place.

    A named tuple: a dataclass would compile six functions as the app starts, for a pad drawn later."""

    id: str
    label: Content
    x: int
    y: int
    width: int

    def covers(self, offset: Offset) -> bool:
        """Is this cell (from the pad's content's top left) part of the key?"""
        return offset.y == self.y and self.x <= offset.x < self.x + self.width


def place_keys(rows: Iterable[tuple[list[tuple[str, Content]], int, int]], width: int) -> list[Key]:
    """Place rows of keys (keys, least key width, gap) in `width` cells: a key that does not fit on its
    line starts the next one, and a blank line separates the lines."""
    keys: list[Key] = []
    y = 0
    for row, least, gap in rows:
        x = 0
        for key_id, label in row:
            key_width = max(least, label.cell_length + 2)
            if x and x + key_width > width:
                x, y = 0, y + 2
            keys.append(Key(key_id, label, x, y, key_width))
            x += key_width + gap
        y += 2
    return keys


class NumberPad(Widget, can_focus=True):
    """Digits 0-9, Delete, unit words, and Send. Posts `NumberPad.Pressed` with what was pressed."""

    COMPONENT_CLASSES = {"number-pad--key", "number-pad--key-hover", "number-pad--key-cursor", "number-pad--key-pressed"}

    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("up", "move_line(-1)", show=False),
        Binding("down", "move_line(1)", show=False),
        Binding("enter", "enter", show=False),
        Binding("space", "press_cursor", show=False),
    ]

    parks = True
    """Hidden, not removed, while the questions have no pad (see `Area`): it need not be made again."""

    hover: reactive[str | None] = reactive(None)
    """The key under the mouse pointer."""
    cursor: reactive[int] = reactive(0)
    """The key the arrow keys have reached (its place among the shown keys), marked while the pad has focus."""
    pressed: reactive[str | None] = reactive(None)
    """The key just pressed, shown pressed for `PRESS_FLASH_SECONDS`."""

    typed = False
    """A digit was typed on the keyboard since the pad got it (or its cursor last moved): Enter sends."""

    class Pressed(Message):
        """A pad key: a digit "0"-"9", "delete", "send", or a unit word to add to the answer."""

        def __init__(self, key: str, text: str = "") -> None:
            super().__init__()
            self.key = key
            self.text = text

    def __init__(self, *, delete: str, send: str, units: list[tuple[str, str]], shown_units: Iterable[str] = ()) -> None:
        super().__init__(id="number-pad")
        self.delete_label = delete
        self.send_label = send
        self.units = units
        """(unit id, word) pairs, e.g. ("months", "months"): pressing one adds the word to the answer."""
        self.shown_units = frozenset(shown_units)
        """The units this question takes; the others' keys are not drawn."""
        self._placed: tuple[int, list[Key]] | None = None
        self._flash: Timer | None = None

    def take(self, new: Widget) -> bool:
        """Show the new pad's words and units (see `Area`); False if it has other unit keys."""
        assert isinstance(new, NumberPad)
        if [unit for unit, _ in new.units] != [unit for unit, _ in self.units]:
            return False
        before = self.visible_keys()
        self.delete_label, self.send_label, self.units = new.delete_label, new.send_label, new.units
        self.shown_units = new.shown_units
        self._placed = None
        self.cursor = min(self.cursor, len(self.visible_keys()) - 1)
        self.refresh(layout=self.visible_keys() != before)
        return True

    # --- drawing ---------------------------------------------------------------------------------

    def visible_keys(self) -> list[tuple[str, Content]]:
        """The keys drawn, in order: (id, label)."""
        words = [
            ("delete", self.delete_label),
            *((unit, word) for unit, word in self.units if unit in self.shown_units),
            ("send", self.send_label),
        ]
        return [(digit, Content(digit)) for digit in DIGITS] + [(key_id, Content(word)) for key_id, word in words]

    def keys(self, width: int | None = None) -> list[Key]:
        """The drawn keys, placed for `width` cells (default: the pad's own width)."""
        width = self.content_size.width if width is None else width
        if self._placed is None or self._placed[0] != width:
            shown = self.visible_keys()
            digits, words = shown[: len(DIGITS)], shown[len(DIGITS) :]
            self._placed = (width, place_keys([(digits, DIGIT_WIDTH, DIGIT_GAP), (words, WORD_MIN_WIDTH, WORD_GAP)], width))
        return self._placed[1]

    def key_offset(self, key_id: str) -> Offset:
        """The middle of a key, from the pad's top left corner (where a click presses it)."""
        key = next(key for key in self.keys() if key.id == key_id)
        left, top = self.gutter.top_left
        return Offset(left + key.x + key.width // 2, top + key.y)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(key.y for key in self.keys(width)) + 1

    def render(self) -> Content:
        keys = self.keys()
        lines: list[list[str | tuple[str, Style]]] = [[] for _ in range(keys[-1].y + 1)]
        ends = [0] * len(lines)
        for number, key in enumerate(keys):
            parts = lines[key.y]
            parts.append(" " * (key.x - ends[key.y]))
            parts.append((self._key_text(key), self._key_style(key, number)))
            ends[key.y] = key.x + key.width
        return Content("\n").join(Content.assemble(*parts) for parts in lines)

    @staticmethod
    def _key_text(key: Key) -> str:
        room = key.width - key.label.cell_length
        return " " * (room // 2) + key.label.plain + " " * (room - room // 2)

    def _key_style(self, key: Key, number: int) -> Style:
        if key.id == self.pressed:
            return self.get_visual_style("number-pad--key", "number-pad--key-pressed")
        if self.has_focus and number == self.cursor:
            return self.get_visual_style("number-pad--key", "number-pad--key-cursor")
        if key.id == self.hover:
            return self.get_visual_style("number-pad--key", "number-pad--key-hover")
        return self.get_visual_style("number-pad--key")

    # --- pointer and keys ------------------------------------------------------------------------

    def _key_at(self, event: events.MouseEvent) -> Key | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return next((key for key in self.keys() if key.covers(offset)), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event)
        self.hover = None if key is None else key.id

    def on_leave(self, event: events.Leave) -> None:
        self.hover = None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        key = self._key_at(event)
        if key is not None:
            self.cursor = self.keys().index(key)  # a click focuses the pad: its cursor is where the click was
            self.press(key.id)

    def action_move(self, step: int) -> None:
        self.typed = False
        self.cursor = (self.cursor + step) % len(self.keys())

    def action_move_line(self, step: int) -> None:
        """Up or down: the key nearest the cursor's on the line above or below (none: stay)."""
        self.typed = False
        keys = self.keys()
        here = keys[self.cursor]
        line = [number for number, key in enumerate(keys) if key.y == here.y + 2 * step]
        if line:
            middle = here.x + here.width / 2
            self.cursor = min(line, key=lambda number: abs(keys[number].x + keys[number].width / 2 - middle))

    def action_press_cursor(self) -> None:
        self.press(self.keys()[self.cursor].id)

    def action_enter(self) -> None:
        """Press the key under the cursor; after digits typed on the keyboard, send them instead.

        A digit typed while the pad has the keyboard goes to the answer box, which takes the keyboard
        back, but keys typed in the same burst ("5 2 Enter") have already come to the pad. Enter in the
        box sends, so it does here: before, it pressed the key under the pad's cursor, and 52 became 521."""
        if self.typed:
            self.post_message(self.Pressed("send"))
        else:
            self.action_press_cursor()

    def on_key(self, event: events.Key) -> None:
        # Not stopped: the screen's number keys type the digit (see ConversationScreen.action_number).
        if event.character is not None and event.character.isdigit():
            self.typed = True

    def on_focus(self) -> None:
        self.typed = False

    def press(self, key_id: str) -> None:
        """Press a key, as a click on it does."""
        if self._flash is not None:
            self._flash.stop()
        self.pressed = key_id
        self._flash = self.set_timer(PRESS_FLASH_SECONDS, self._flash_over)
        words = dict(self.units)
        self.post_message(self.Pressed(key_id, words.get(key_id, key_id if key_id.isdigit() else "")))

    def _flash_over(self) -> None:
        self.pressed = None
        self._flash = None
