"""A yes / no question in a dialog ("Start again?", "Replace the file?"): dismissed with True for yes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from ..session import Session
from ..widgets.action_bar import ActionBar
from .dialog import DialogScreen


class ConfirmScreen(DialogScreen[bool]):
    """The question, then "1 yes" and "2 no". Escape means no."""

    def __init__(self, session: Session, question: str, yes: str, no: str) -> None:
        super().__init__(session)
        self.question = question
        self.yes = yes
        self.no = no

    def body(self) -> ComposeResult:
        yield Static(Content(self.question), classes="heading")
        yield ActionBar([("yes", self.yes), ("no", self.no)], id="confirm-actions")

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
