"""One layout pass per change (chatbot/ui/one_pass.py), and what still needs a second pass gets one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App, ComposeResult
from textual.containers import VerticalGroup, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from chatbot.ui import one_pass

HEIGHT = 10


class ChatApp(App[None]):
    """A scrolling column of lines, anchored to its end, as the conversation is."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="chat"):
            yield VerticalGroup(*(Static(f"line {n}") for n in range(3)), id="log")

    def on_mount(self) -> None:
        self.query_one("#chat").anchor()


@asynccontextmanager
async def _after_adding(count: int) -> AsyncIterator[tuple[ChatApp, list[Screen[object]]]]:
    """A running app after `count` lines were added at once and it settled; the layout passes that made."""
    one_pass.install()
    app = ChatApp()
    async with app.run_test(size=(30, HEIGHT)) as pilot:
        await pilot.pause()
        passes: list[Screen[object]] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, passes.append)
        with app.batch_update():  # every widget in place before the first pass, as the conversation does
            await app.query_one("#log").mount_all(Static(f"new line {n}") for n in range(count))
        for _ in range(5):  # each pause lays the screen out if anything asked for it
            await pilot.pause()
        yield app, passes


async def test_new_widgets_are_laid_out_in_one_pass() -> None:
    async with _after_adding(4) as (app, passes):
        assert len(passes) == 1  # Textual alone: a second pass, because the new lines changed size
        assert [w.region.y for w in app.query("#log Static")] == list(range(HEIGHT - 7, HEIGHT))  # anchored to the end
        assert not app.query_one("#chat").show_vertical_scrollbar


async def test_a_scroll_bar_that_comes_still_gets_its_pass_and_the_end_is_shown() -> None:
    async with _after_adding(20) as (app, passes):
        chat = app.query_one("#chat", VerticalScroll)
        assert len(passes) == 2  # the first finds the lines taller than the view; the scroll bar asks again
        assert chat.show_vertical_scrollbar
        assert app.query_one("#log").region.width == 30 - chat.styles.scrollbar_size_vertical
        assert chat.scroll_y == chat.max_scroll_y == 23 - HEIGHT  # anchored: the newest line is on screen
        last = app.query("#log Static").last()
        assert last.region.y == HEIGHT - 1 and "new line 19" in str(last.render())
