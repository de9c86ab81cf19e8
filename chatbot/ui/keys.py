"""Key bindings shared by every screen.

Screens set `inherit_bindings=False`, so Textual's own copy / quit / palette keys never reach them
(the kiosk depends on it); they list exactly the keys they want, starting with these.
"""

from __future__ import annotations

from textual.binding import Binding

FOCUS_KEYS = [
    Binding("tab", "app.focus_next", show=False),
    Binding("shift+tab", "app.focus_previous", show=False),
]


def number_keys(action: str, first: int = 1, last: int = 9, description: str = "ui_key_answer") -> list[Binding]:
    """Number keys `first`..`last` calling `action(n)`; the footer shows them once, as "1-9"."""
    return [
        Binding(str(n), f"{action}({n})", description, show=n == first, key_display=f"{first}-{last}")
        for n in range(first, last + 1)
    ]
