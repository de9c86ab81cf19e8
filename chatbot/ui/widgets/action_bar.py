"""A row of numbered buttons ("1  Start", "2  About the study") that number keys can press."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Button
from textual.widgets.button import ButtonVariant


def with_key(key: int | str | None, label: str) -> Content:
    """A button label with its key in front ("1  Start", "b  Back"), as literal text."""
    return Content(label if key is None else f"{key}  {label}")


class KeyButton(Button):
    """A compact button with the key that presses it in front of its label (`with_key`).

    Its styles are worked out once, when it is mounted. Textual applies the whole stylesheet to a widget
    each time its classes change, on screen or not, and Button's constructor changes them three times
    (variant, compact, flat): made while the app runs, a compact button took about 1 ms, against 0.1 ms
    now. Every button here is made while the app runs: with a screen, or for an answer (see `Area`).
    """

    def __init__(
        self,
        key: int | str | None,
        label: str,
        *,
        id: str | None = None,
        classes: str | None = None,
        variant: ButtonVariant = "default",
        disabled: bool = False,
    ) -> None:
        super().__init__(with_key(key, label), variant, id=id, classes=classes, disabled=disabled, compact=True)

    def update_node_styles(self, animate: bool = True) -> None:
        if self.parent is not None:  # mounted: not only made
            super().update_node_styles(animate)


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
            yield KeyButton(key, label, id=button_id, classes=classes)

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
