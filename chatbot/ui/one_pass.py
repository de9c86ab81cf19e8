"""One layout pass for each change on screen, not two.

Textual lays a screen out, then gives each widget its new size (`Widget._size_updated`). A widget whose
size or scrollable size changed stores it in `virtual_size`, a reactive that asks for a layout of its
own. So every change that adds, removes or resizes a widget (every answer: two new transcript bubbles,
a new question) is laid out twice, and the second pass finds nothing to move. In a long conversation
it costs 10-15 ms, as much as the first.

What does need another pass asks for one itself: a scroll bar that comes or goes
(`show_vertical_scrollbar` is a layout reactive), a widget whose content changes size
(`refresh(layout=True)`). Textual already stores the size without asking again after a scroll
(`Screen._refresh_layout(scroll=True)`); `install` makes every layout do the same.

Widgets built on `ScrollView` (the answer box, the criteria table) have their own `_size_updated`,
which never asks for a layout, so this changes nothing for them. Textual is pinned below 9 in
pyproject.toml: check this again when it is upgraded (tests/ui/test_ui_parts.py fails if the second pass
comes back, or if a scroll bar stops coming).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

_textual_size_updated = Widget._size_updated


def _size_updated(self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
    """Textual's own, storing the new size without asking for another layout."""
    return _textual_size_updated(self, size, virtual_size, container_size, layout=False)


def install() -> None:
    """Lay out once per change, in every app of this process (done again, it changes nothing)."""
    Widget._size_updated = _size_updated  # type: ignore[method-assign]
