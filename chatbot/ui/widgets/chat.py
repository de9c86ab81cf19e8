"""The conversation's scrolling view, which says when the person scrolls it with the mouse."""

from __future__ import annotations

from textual import events, on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.scrollbar import ScrollDown, ScrollTo, ScrollUp


class Chat(VerticalScroll):
    """A `VerticalScroll` that posts `Scrolled` when the mouse scrolls it: the wheel, or its scroll bar.

    The app scrolls the chat too (to its end, to the question), so a change of `scroll_y` cannot tell the
    person's scroll from the app's; these events come from the person only."""

    class Scrolled(Message):
        """The person scrolled the chat with the mouse."""

    # Textual's own handlers of these (`_on_mouse_scroll_up`, ...) still scroll: this only says the person did.
    @on(events.MouseScrollUp)
    @on(events.MouseScrollDown)
    @on(ScrollTo)
    @on(ScrollUp)
    @on(ScrollDown)
    def _scrolled_by_mouse(self) -> None:
        self.post_message(self.Scrolled())
