"""A row of numbered buttons ("1  Start", "2  About the study") that number keys can press."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Button


def with_key(key: int | str | None, label: str) -> Content:
    """A button label with its key in front ("1  Start", "b  Back"), as literal text."""
    return Content(label if key is None else f"{key}  {label}")


class ActionBar(HorizontalGroup):
    """Buttons numbered from `first`; `press(n)` presses the one with number n, as a click would.

    Beside a text box, digits are typed (a file name, a PIN), so the buttons show the keys that work
    there instead (`keys`: "enter", "esc"), and no number presses them.

    The button whose id is `current` (the language in use) has the class `-current`."""

    def __init__(
        self,
        actions: list[tuple[str, str]],
        *,
        first: int = 1,
        keys: list[str] | None = None,
        current: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.actions = actions
        self.first = first
        self.keys = keys
        self.current = current

    def compose(self) -> ComposeResult:
        keys: list[int | str] = list(self.keys) if self.keys else list(range(self.first, self.first + len(self.actions)))
        for key, (button_id, label) in zip(keys, self.actions, strict=True):
            classes = "-current" if button_id == self.current else ""
            yield Button(with_key(key, label), id=button_id, classes=classes, compact=True)

    def press(self, number: int) -> bool:
        """Press the button numbered `number`; False if there is none (or it is not on screen yet)."""
        index = number - self.first
        if self.keys or not 0 <= index < len(self.actions):
            return False
        for button in self.query(f"#{self.actions[index][0]}").results(Button):
            if not button.disabled:
                button.press()
                return True
        return False


def press_numbered(screen: DOMNode, number: int) -> bool:
    """Press the button numbered `number` in any of the screen's action bars; False if there is none.

    A number key can come before a screen just pushed has mounted its bars (keys typed in a burst): nothing
    is pressed then, since the person has not seen the buttons yet."""
    return any(bar.press(number) for bar in screen.query(ActionBar).results(ActionBar))
