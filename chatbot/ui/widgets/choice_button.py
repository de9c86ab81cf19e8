"""An answer button: one choice (or yes / no / not sure), numbered, optionally a toggle."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Button

from .action_bar import with_key


class ChoiceButton(Button):
    """Pressing it answers `value`; in a choose-all-that-fit question it toggles instead."""

    def __init__(self, value: str, number: int | None, label: str, *, toggle: bool = False, chosen: bool = False) -> None:
        super().__init__(
            self._label(number, label, toggle, chosen), id=f"choice-{value}", compact=True,
            classes="-chosen" if chosen else None,
        )
        self.value = value
        self.number = number
        self.text = label
        self.toggle = toggle
        # No press flash: the answer button is replaced at once (or shows its tick), which says enough.
        self.active_effect_duration = 0

    @staticmethod
    def _label(number: int | None, label: str, toggle: bool, chosen: bool) -> Content:
        mark = ("[✓] " if chosen else "[ ] ") if toggle else ""
        return with_key(number, f"{mark}{label}")

    def set_chosen(self, chosen: bool) -> None:
        """Show the toggle as chosen ("[✓]") or not ("[ ]")."""
        self.label = self._label(self.number, self.text, self.toggle, chosen)
        self.set_class(chosen, "-chosen")
