"""A screen with a long body to read (welcome, About, summary): its keys scroll it, and it never takes focus.

If the body took the keyboard to make its arrow keys work, the first Tab would go to it, which shows no
sign of having the keyboard, and only the second Tab would reach the first button; once Tab had reached a
button, the arrow keys would no longer scroll. And a change of focus styles every widget inside the body
again (`:focus-within`): 4-5 ms more before the summary shows. So the screen has the keys itself
(`keys.SCROLL_KEYS`), and its body is made with `can_focus=False`.
"""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollsBody:
    """Mixed into a screen whose `BODY` (a `VerticalScroll`'s id) scrolls with `keys.SCROLL_KEYS`."""

    BODY: str

    def action_scroll_body(self, action: str) -> None:
        body = self.query_one(f"#{self.BODY}", VerticalScroll)  # type: ignore[attr-defined]
        getattr(body, f"action_{action}")()
