"""Kiosk staff exit: the PIN, checked by a rate-limited guard. Dismissed with True when it is right."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static

from ..pin_guard import PinGuard, PinResult
from ..session import Session
from ..widgets.action_bar import ActionBar
from ..widgets.answer_input import AnswerInput
from .dialog import DialogScreen


class PinScreen(DialogScreen[bool]):
    """A hidden PIN box; Enter checks it. Escape or Cancel go back to the kiosk."""

    def __init__(self, session: Session, guard: PinGuard) -> None:
        super().__init__(session)
        self.guard = guard
        self.countdown: Timer | None = None
        """While the lock message is shown: moves it on each second (it said "wait 30 seconds" for ever)."""

    def body(self) -> ComposeResult:
        t = self.session.t
        yield Static(Content(t("ui_pin_heading")), classes="heading")
        yield Static(Content(t("ui_pin_prompt")))
        yield AnswerInput(password=True, restrict=r"[0-9]*", max_length=12, id="pin")
        yield Static("", id="pin-problem", classes="warning")
        yield ActionBar([("cancel", t("ui_cancel"))], keys=["esc"], id="pin-actions")

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#pin")
    def _check(self, event: Input.Submitted) -> None:
        event.input.clear()
        result = self.guard.check(event.value)
        if result is PinResult.RIGHT:
            self.dismiss(True)
            return
        if result is PinResult.LOCKED:
            if self.countdown is None:
                self.countdown = self.set_interval(1, self.count_down)
            self.count_down()
        else:
            self.query_one("#pin-problem", Static).update(Content(self.session.t("ui_pin_wrong")))

    def count_down(self) -> None:
        """The lock message follows the guard's clock: the seconds left, then nothing once tries count again."""
        seconds = self.guard.seconds_locked()
        if not seconds and self.countdown is not None:
            self.countdown.stop()
            self.countdown = None
        problem = self.session.t("ui_pin_locked", seconds=seconds) if seconds else ""
        self.query_one("#pin-problem", Static).update(Content(problem))
