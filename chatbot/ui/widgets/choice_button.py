"""An answer button: one choice (or yes / no / not sure), numbered, optionally a toggle."""

from __future__ import annotations

from typing import Self

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button

from .action_bar import with_key


class ChoiceButton(Button):
    """Pressing it answers `value` to question `question`; in a choose-all-that-fit question it toggles instead.

    Its id is its place among the answers (`choice-1`, `choice-2`, ...), not its answer: the conversation
    keeps the button in that place from one question to the next and changes what it shows (see `Area`),
    which costs far less than removing it and mounting another. So a press says which question, and
    which answer, the button showed when it was pressed.
    """

    parks = True
    """Hidden, not removed, while the questions have fewer answers (see `Area`): mounting it again costs more."""

    class Pressed(Button.Pressed):
        """Answer `value` was pressed while the button showed question `question_id`."""

        def __init__(self, button: ChoiceButton, question_id: str, value: str) -> None:
            super().__init__(button)
            self.question_id = question_id
            self.value = value

    def __init__(
        self,
        value: str,
        number: int | None,
        label: str,
        *,
        question: str,
        place: int,
        toggle: bool = False,
        chosen: bool = False,
    ) -> None:
        super().__init__(
            self._label(number, label, toggle, chosen), id=f"choice-{place}", compact=True,
            classes="-chosen" if chosen else None,
        )
        self.value = value
        self.number = number
        self.text = label
        self.question = question
        self.toggle = toggle
        # No press flash: the answer button is replaced at once (or shows its tick), which says enough.
        self.active_effect_duration = 0

    def update_node_styles(self, animate: bool = True) -> None:
        # Button's constructor sets three classes, and each would apply the whole stylesheet to a button
        # that is not on screen yet; its styles are worked out when it is mounted.
        if self.parent is not None:
            super().update_node_styles(animate)

    @staticmethod
    def _label(number: int | None, label: str, toggle: bool, chosen: bool) -> Content:
        mark = ("[✓] " if chosen else "[ ] ") if toggle else ""
        return with_key(number, f"{mark}{label}")

    def press(self) -> Self:
        """Post `ChoiceButton.Pressed` for the question shown now (answer buttons have no press flash)."""
        if not self.disabled and self.display:
            self.post_message(self.Pressed(self, self.question, self.value))
        return self

    def take(self, new: Widget) -> bool:
        """Show the answer in this place for another question: its value, number, label, toggle and tick."""
        assert isinstance(new, ChoiceButton)
        self.value, self.number, self.text = new.value, new.number, new.text
        self.question, self.toggle = new.question, new.toggle
        if self.label != new.label:
            self.label = new.label
        self.set_classes(new.classes)
        return True

    def park(self) -> None:
        """Hidden until a question has an answer in this place: meanwhile it stands for no answer."""
        self.value, self.number, self.question = "", None, ""

    def set_chosen(self, chosen: bool) -> None:
        """Show the toggle as chosen ("[✓]") or not ("[ ]")."""
        self.label = self._label(self.number, self.text, self.toggle, chosen)
        self.set_class(chosen, "-chosen")
