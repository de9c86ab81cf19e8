"""An answer button: one choice (or yes / no / not sure), numbered, optionally a toggle."""

from __future__ import annotations

from typing import Self

from textual.widget import Widget

from .action_bar import KeyButton, with_key


class ChoiceButton(KeyButton):
    """Pressing it answers `value` to question `question`; in a choose-all-that-fit question it toggles instead.

    Its id is its place among the answers (`choice-1`, `choice-2`, ...), not its answer: the conversation
    keeps the button in that place from one question to the next and changes what it shows (see `Area`),
    which costs far less than removing it and mounting another. So a press says which question, and
    which answer, the button showed when it was pressed.
    """

    parks = True
    """Hidden, not removed, while the questions have fewer answers (see `Area`): mounting it again costs more."""

    class Pressed(KeyButton.Pressed):
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
        super().__init__(number, self._mark(toggle, chosen) + label, id=f"choice-{place}", classes="-chosen" if chosen else None)
        self.value = value
        self.number = number
        self.text = label
        self.question = question
        self.toggle = toggle
        # No press flash: the answer button is replaced at once (or shows its tick), which says enough.
        self.active_effect_duration = 0

    @staticmethod
    def _mark(toggle: bool, chosen: bool) -> str:
        return ("[✓] " if chosen else "[ ] ") if toggle else ""

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
        self.label = with_key(self.number, self._mark(self.toggle, chosen) + self.text)
        self.set_class(chosen, "-chosen")
