"""Which answer to change: each answer so far, by its question's short name ("Age: 52 years"), one numbered
button a row, opened from the summary.

A page has as many rows as there are number keys (nine); 0 (the "Next page" button), PageDown and PageUp
turn the pages. A full conversation has over twenty answers: one long list would give the later rows no
key, and the person would have to reach them with Tab or a mouse.
"""

from __future__ import annotations

import math

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Static

from ...summary import short_answers
from ..breakpoints import KeysWaitWhenTooSmall, fit
from ..keys import FOCUS_KEYS, SCROLL_KEYS, number_keys
from ..session import Session
from ..widgets.action_bar import ActionBar, press_numbered
from ..widgets.key_bar import KeyBar
from ..widgets.too_small import TooSmall
from .once import ClosesOnce
from .scrolling import ScrollsBody

PAGE = 9
"""Rows a page: one for each number key from 1 to 9 (0 turns the page)."""
_ROW = "change-"
"""The start of a row's id; the rest is its question's id."""


class ChangeAnswerScreen(KeysWaitWhenTooSmall, ScrollsBody, ClosesOnce, Screen[str | None], inherit_bindings=False):
    """Dismissed with the id of the question to ask again, or None (Escape: back to the summary)."""

    BINDINGS = [
        *FOCUS_KEYS,
        *number_keys("press", description="ui_key_choose"),
        # Their buttons show these keys: in the key bar as well, two keys for one button puzzled people.
        Binding("0", "next_page", show=False),
        Binding("pagedown", "turn(1)", show=False),
        Binding("pageup", "turn(-1)", show=False),
        Binding("escape", "close", show=False),
        # Page Up and Page Down turn the pages; the arrows, Home and End scroll a page taller than the view.
        *(key for key in SCROLL_KEYS if key.key not in ("pageup", "pagedown")),
    ]
    BODY = "change-body"

    page: reactive[int] = reactive(0, recompose=True)

    def __init__(self, session: Session) -> None:
        super().__init__()
        fit(self)
        self.session = session
        self.answers: list[tuple[str, str]] = []
        """(question id, "Age: 52 years"), in the language on screen."""

    @property
    def pages(self) -> int:
        """How many pages the answers take (one, with no answers)."""
        return max(1, math.ceil(len(self.answers) / PAGE))

    def _rows(self) -> list[tuple[str, str]]:
        """The rows of the page on screen."""
        return self.answers[self.page * PAGE : (self.page + 1) * PAGE]

    def compose(self) -> ComposeResult:
        t = self.session.t
        session = self.session
        self.answers = short_answers(session.screening, session.understanding, session.lang)
        yield TooSmall(self.session)
        with HorizontalGroup(classes="topbar"):
            yield Static(Content(t("ui_change_button")), id="title")
            if self.pages > 1:
                yield Static(Content(t("ui_page", current=self.page + 1, total=self.pages)), id="progress")
        with VerticalScroll(id="change-body", can_focus=False), VerticalGroup(classes="column"):
            yield Static(Content(t("ui_change_which")), classes="heading")
            yield ActionBar([(f"{_ROW}{question_id}", label) for question_id, label in self._rows()], id="change-rows")
        actions = [("close", t("ui_back_to_summary"))]
        keys = ["esc"]
        if self.pages > 1:
            last = self.page == self.pages - 1
            actions.insert(0, ("next-page", t("ui_first_page" if last else "ui_next_page")))
            keys.insert(0, "0")
        yield ActionBar(actions, keys=keys, id="change-actions")
        yield KeyBar(self.session)

    def key_display(self, binding: Binding) -> str | None:
        """The number keys of the rows on this page, for the key bar: "1-4" on a page of four."""
        if not binding.action.startswith("press("):
            return None
        rows = len(self._rows())
        return "1" if rows == 1 else f"1-{rows}"

    def key_words(self, binding: Binding) -> str | None:
        """Every key here says what its description says."""
        return None

    def action_press(self, number: int) -> None:
        if self.session.held_keys.may_press():  # not the key that opened it, still held (see held_keys.py)
            press_numbered(self, number)

    # A key held down turns one page (see held_keys.py), and the number keys then wait for the new page to
    # be read: what they pick is on it.

    def action_next_page(self) -> None:
        """0: the next page; from the last, the first again (its button says so)."""
        if self.session.held_keys.may_press():
            self._next_page()

    def action_turn(self, pages: int) -> None:
        """Page Down and Page Up: the next or the page before, if there is one."""
        page = min(max(self.page + pages, 0), self.pages - 1)
        if page != self.page and self.session.held_keys.may_press():
            self._show(page)

    @on(Button.Pressed, "#next-page")
    def _next_page(self) -> None:
        self._show((self.page + 1) % self.pages)

    def _show(self, page: int) -> None:
        self.page = page
        self.session.held_keys.moved_on()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#change-rows Button")
    def _picked(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix(_ROW))

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
