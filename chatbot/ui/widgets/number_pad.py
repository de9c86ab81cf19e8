"""On-screen number keys for number and time questions, so no keyboard typing is needed."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button


class NumberPad(VerticalGroup):
    """Digits 0-9, Delete, unit words, and Send. Posts `NumberPad.Pressed` with what was pressed."""

    parks = True
    """Hidden, not removed, while the questions have no pad (see `Area`): it has fourteen buttons to mount."""

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
        """The units this question takes; the others' keys are hidden."""

    def take(self, new: Widget) -> bool:
        """Show the new pad's words and units (see `Area`); False if it has other unit keys."""
        assert isinstance(new, NumberPad)
        if [unit for unit, _ in new.units] != [unit for unit, _ in self.units]:
            return False
        labels = [("delete", new.delete_label), *new.units, ("send", new.send_label)]
        for key, word in labels:
            button = self.query_one(f"#pad-{key}", Button)
            if button.label != Content(word):
                button.label = Content(word)
        self.delete_label, self.send_label, self.units = new.delete_label, new.send_label, new.units
        self.shown_units = new.shown_units
        for unit, _ in self.units:
            self.query_one(f"#pad-{unit}", Button).display = unit in self.shown_units
        return True

    def compose(self) -> ComposeResult:
        with HorizontalGroup(classes="pad-digits"):
            for digit in "1234567890":
                yield Button(digit, id=f"pad-{digit}", compact=True, classes="pad-digit")
        with HorizontalGroup(classes="pad-words"):
            yield Button(Content(self.delete_label), id="pad-delete", compact=True)
            for unit, word in self.units:
                key = Button(Content(word), id=f"pad-{unit}", compact=True)
                key.display = unit in self.shown_units
                yield key
            yield Button(Content(self.send_label), id="pad-send", compact=True, variant="primary")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        key = (event.button.id or "").removeprefix("pad-")
        words = dict(self.units)
        self.post_message(self.Pressed(key, words.get(key, key if key.isdigit() else "")))
