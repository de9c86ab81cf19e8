"""Kiosk staff exit: the PIN, checked by a rate-limited guard. Dismissed with True when it is right."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
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
        t = self.session.t
        if result is PinResult.LOCKED:
            problem = t("ui_pin_locked", seconds=self.guard.seconds_locked())
        else:
            problem = t("ui_pin_wrong")
        self.query_one("#pin-problem", Static).update(Content(problem))
