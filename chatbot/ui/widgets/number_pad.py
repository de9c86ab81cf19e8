"""On-screen number keys for number and time questions, so no keyboard typing is needed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button


class NumberPad(VerticalGroup):
    """Digits 0-9, Delete, optional unit words, and Send. Posts `NumberPad.Pressed` with what was pressed."""

    class Pressed(Message):
        """A pad key: a digit "0"-"9", "delete", "send", or a unit word to add to the answer."""

        def __init__(self, key: str, text: str = "") -> None:
            super().__init__()
            self.key = key
            self.text = text

    def __init__(self, *, delete: str, send: str, units: list[tuple[str, str]]) -> None:
        super().__init__(id="number-pad")
        self.delete_label = delete
        self.send_label = send
        self.units = units
        """(unit id, word) pairs, e.g. ("months", "months"): pressing one adds the word to the answer."""

    def take(self, new: Widget) -> bool:
        """Kept only if the new pad has the same keys (see `Area`)."""
        assert isinstance(new, NumberPad)
        return (new.delete_label, new.send_label, new.units) == (self.delete_label, self.send_label, self.units)

    def compose(self) -> ComposeResult:
        with HorizontalGroup(classes="pad-digits"):
            for digit in "1234567890":
                yield Button(digit, id=f"pad-{digit}", compact=True, classes="pad-digit")
        with HorizontalGroup(classes="pad-words"):
            yield Button(Content(self.delete_label), id="pad-delete", compact=True)
            for unit, word in self.units:
                yield Button(Content(word), id=f"pad-{unit}", compact=True)
            yield Button(Content(self.send_label), id="pad-send", compact=True, variant="primary")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        key = (event.button.id or "").removeprefix("pad-")
        words = dict(self.units)
        self.post_message(self.Pressed(key, words.get(key, key if key.isdigit() else "")))
