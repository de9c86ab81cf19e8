"""Kiosk: "Are you still there?" with a countdown before the answers are wiped."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..keys import FOCUS_KEYS
from ..session import Session
from ..widgets.action_bar import ActionBar
from ..widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmall


class IdleScreen(ModalScreen[None], inherit_bindings=False):
    """The app updates the countdown (`show_seconds`) and closes it on any input or when time is up."""

    BINDINGS = [*FOCUS_KEYS, Binding("1", "still_here", show=False)]

    def __init__(self, session: Session, seconds: int) -> None:
        super().__init__()
        self.session = session
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        t = self.session.t
        yield TooSmall(t("ui_too_small", width=MIN_WIDTH, height=MIN_HEIGHT))
        with VerticalGroup(classes="dialog"):
            yield Static(Content(t("ui_idle_heading")), classes="heading")
            yield Static(Content(t("ui_idle_body", seconds=self.seconds)), id="countdown")
            yield ActionBar([("still-here", t("ui_idle_still_here"))], id="idle-actions")

    def show_seconds(self, seconds: int) -> None:
        """Update the countdown."""
        if seconds != self.seconds:
            self.seconds = seconds
            self.query_one("#countdown", Static).update(Content(self.session.t("ui_idle_body", seconds=seconds)))

    def action_still_here(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#still-here")
    def _still_here(self) -> None:
        self.dismiss(None)
