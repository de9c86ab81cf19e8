"""One layout pass per change (chatbot/ui/one_pass.py), and what still needs a second pass gets one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App, ComposeResult
from textual.pilot import Pilot
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


class NestedScreen(Screen[None]):
    """Groups inside groups, as the conversation's answers sit inside its areas: mounted level by level."""

    def compose(self) -> ComposeResult:
        # Not focusable, as the conversation's is: focus would style everything inside it again.
        with VerticalScroll(id="chat", can_focus=False), VerticalGroup(id="outer"), VerticalGroup(id="inner"):
            yield from (Static(f"item {n}", classes="item") for n in range(6))


@asynccontextmanager
async def _after_pushing() -> AsyncIterator[tuple[Pilot[None], list[Screen[object]]]]:
    """A running app after a new nested screen was pushed and the app settled; that screen's layout passes."""
    one_pass.install()
    app: App[None] = App()
    async with app.run_test(size=(30, HEIGHT)) as pilot:
        await pilot.pause()
        screen = NestedScreen()
        passes: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(app, passes.append)
        app.push_screen(screen)
        for _ in range(5):
            await pilot.pause()
        yield pilot, passes


async def test_a_new_screen_is_not_laid_out_again_for_requests_its_first_pass_answered() -> None:
    async with _after_pushing() as (pilot, passes):
        app = pilot.app
        # 3 without `_on_layout` and `_screen_resized` (the widgets' own requests, sent before the first
        # pass, and the Resize that pass sends the screen). The second is Textual's, once it is mounted.
        assert len(passes) == 2
        assert [w.region.y for w in app.screen.query(".item")] == list(range(6))
        assert {w.region.width for w in app.screen.query(".item")} == {30}


async def test_a_new_size_is_still_laid_out() -> None:
    async with _after_pushing() as (pilot, passes):
        before = len(passes)
        await pilot.resize_terminal(24, HEIGHT)
        for _ in range(5):
            await pilot.pause()
        assert len(passes) > before
        assert {w.region.width for w in pilot.app.screen.query(".item")} == {24}


async def test_a_new_screen_is_styled_once() -> None:
    one_pass.install()
    app: App[None] = App()
    async with app.run_test(size=(30, HEIGHT)) as pilot:
        styled: list[str] = []
        apply = app.stylesheet.apply

        def counting(node: object, **kwargs: object) -> None:
            if "item" in getattr(node, "classes", ()):
                styled.append(str(node))
            apply(node, **kwargs)  # type: ignore[arg-type]

        app.stylesheet.apply = counting  # type: ignore[method-assign]
        await app.push_screen(NestedScreen())
        for _ in range(5):
            await pilot.pause()
        assert len(styled) == 6  # each item once, as it was mounted (Textual alone: twice)
        assert {w.region.width for w in app.screen.query(".item")} == {30}
        assert app.screen.query(".item").first().styles.color == app.screen.styles.color  # styled, inherited
