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


def key_span(keys: list[int]) -> str:
    """Number keys as the key bar shows them, in the number row's order (0 after 9): runs joined by a dash,
    the rest by commas ("1-5", "2-4,6", "3,6")."""
    ordered = sorted(set(keys), key=lambda key: (key == 0, key))
    runs: list[list[int]] = []
    for key in ordered:
        if runs and key == runs[-1][-1] + 1:
            runs[-1].append(key)
        else:
            runs.append([key])
    return ",".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


SCROLL_KEYS = [
    Binding(key, f"scroll_body('{action}')", show=False)
    for key, action in (
        ("up", "scroll_up"), ("down", "scroll_down"), ("pageup", "page_up"), ("pagedown", "page_down"),
        ("home", "scroll_home"), ("end", "scroll_end"),
    )
]
"""Keys that scroll a screen's long body, whatever has the keyboard (see `screens.scrolling.ScrollsBody`)."""
