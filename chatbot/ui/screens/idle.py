"""Kiosk: "Are you still there?" with a countdown before the answers are wiped.

Only "I am still here" keeps the answers. Any key used to: someone new at the kiosk, touching a key, saw the
last person's answers. The safe choice comes first: "Start again for someone new" is 1 and has the focus (Enter),
and "I am still here" is 2. With "I am still here" first, a polite newcomer pressed the big first button and saw
the last person's answers."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from ..messages import StartAgain
from ..session import Session
from ..widgets.action_bar import ActionBar
from .dialog import DialogScreen


class IdleScreen(DialogScreen[None]):
    """The app updates the countdown (`show_seconds`), and wipes the answers when time is up. Other keys, clicks
    and mouse moves do not count while it shows (`TrialbotApp.on_event`), and Escape does nothing."""

    AUTO_FOCUS = "#clear"
    """Enter starts again for someone new, as 1 does: Enter is what a newcomer presses, not knowing the screen."""

    def __init__(self, session: Session, seconds: int) -> None:
        super().__init__(session)
        self.seconds = seconds

    def body(self) -> ComposeResult:
        t = self.session.t
        yield Static(Content(t("ui_idle_heading")), classes="heading")
        yield Static(Content(t("ui_idle_body", seconds=self.seconds)), id="countdown")
        yield Static(Content(t("ui_idle_newcomer", clear=t("ui_idle_clear"))), id="idle-newcomer")
        kiosk_lang = self.app.default_lang  # type: ignore[attr-defined]
        if kiosk_lang != self.session.lang:
            # The kiosk's own language too: the last person chose another, and someone new who reads only the
            # kiosk's language did not know which button was theirs.
            line = self.session.pack.text("ui_idle_newcomer_key", kiosk_lang, number=1)
            yield Static(Content(line), id="idle-newcomer-kiosk")
        yield ActionBar([("clear", t("ui_idle_clear")), ("still-here", t("ui_idle_still_here"))], id="idle-actions")

    def show_seconds(self, seconds: int) -> None:
        """Update the countdown."""
        if seconds != self.seconds:
            self.seconds = seconds
            self.query_one("#countdown", Static).update(Content(self.session.t("ui_idle_body", seconds=seconds)))

    @on(Button.Pressed, "#still-here")
    def _still_here(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.post_message(StartAgain())
