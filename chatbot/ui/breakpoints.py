"""A screen's size classes (-narrow, -medium, -wide; -short, -tall), given before its widgets are styled.

Textual gives a screen these classes on its first resize, after every widget on it has been mounted and
styled, so every widget of every new screen was styled twice (a quarter of the style work before the
first question). A screen that calls `fit(self)` when it is made has them from the start; Textual's own
resize then finds nothing to change, and still keeps them right when the window changes size.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen

from .widgets.too_small import MIN_HEIGHT, MIN_WIDTH

HORIZONTAL = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (80, "-medium"), (100, "-wide")]
"""-too-narrow / -too-short: only "please make the window bigger"; the others let rows of buttons fold."""
VERTICAL = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (30, "-tall")]


def size_classes(width: int, height: int, screen: Screen[Any] | None = None) -> set[str]:
    """The classes Textual gives a screen of this size, with the breakpoints above or the screen's own."""
    horizontal = screen.HORIZONTAL_BREAKPOINTS if screen is not None and screen.HORIZONTAL_BREAKPOINTS else HORIZONTAL
    vertical = screen.VERTICAL_BREAKPOINTS if screen is not None and screen.VERTICAL_BREAKPOINTS else VERTICAL
    return {_widest(width, horizontal), _widest(height, vertical)}


def _widest(size: int, breakpoints: list[tuple[int, str]]) -> str:
    return max((start, name) for start, name in breakpoints if size >= start)[1]


def too_small(screen: Screen[Any]) -> bool:
    """Whether "please make the window bigger" covers the screen (app.tcss hides everything else)."""
    return screen.has_class("-too-narrow") or screen.has_class("-too-short")


class KeysWaitWhenTooSmall:
    """For a screen: its keys do nothing while it is too small to show what they would press. A 1 answered
    the question hidden under "please make the window bigger", and the person never saw it. And the
    keyboard comes back to where the screen keeps it once it is big enough again: hiding the answer box
    took its focus, and what the person then typed went nowhere."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if too_small(self):  # type: ignore[arg-type]
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def on_resize(self, event: events.Resize) -> None:
        screen: Screen[Any] = self  # type: ignore[assignment]
        if not too_small(screen) and screen.focused is None and screen.AUTO_FOCUS:
            screen.call_after_refresh(_focus_first, screen, screen.AUTO_FOCUS)


def _focus_first(screen: Screen[Any], selector: str) -> None:
    """Focus the first focusable widget `selector` matches, as Textual does when a screen is first shown."""
    if screen.focused is None:
        for widget in screen.query(selector):
            if widget.focusable:
                screen.set_focus(widget)
                return


def fit(screen: Screen[Any]) -> None:
    """Give a screen made while the app runs the size classes of the app's window."""
    try:
        width, height = screen.app.size
    except RuntimeError:  # no app is running (Textual's NoActiveAppError): the first resize gives them
        return
    screen.add_class(*size_classes(width, height, screen), update=False)
