"""Kiosk: "Are you still there?" with a countdown before the answers are wiped."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from ..session import Session
from ..widgets.action_bar import ActionBar
from .dialog import DialogScreen


class IdleScreen(DialogScreen[None]):
    """The app updates the countdown (`show_seconds`) and closes it on any input or when time is up."""

    def __init__(self, session: Session, seconds: int) -> None:
        super().__init__(session)
        self.seconds = seconds

    def body(self) -> ComposeResult:
        t = self.session.t
        yield Static(Content(t("ui_idle_heading")), classes="heading")
        yield Static(Content(t("ui_idle_body", seconds=self.seconds)), id="countdown")
        yield ActionBar([("still-here", t("ui_idle_still_here"))], id="idle-actions")

    def show_seconds(self, seconds: int) -> None:
        """Update the countdown."""
        if seconds != self.seconds:
            self.seconds = seconds
            self.query_one("#countdown", Static).update(Content(self.session.t("ui_idle_body", seconds=seconds)))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#still-here")
    def _still_here(self) -> None:
        self.dismiss(None)
