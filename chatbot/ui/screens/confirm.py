"""A yes / no question in a dialog ("Start again?", "Replace the file?"): dismissed with True for yes."""

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


class ConfirmScreen(ModalScreen[bool], inherit_bindings=False):
    """The question, then "1 yes" and "2 no". Escape means no."""

    BINDINGS = [
        *FOCUS_KEYS,
        Binding("1", "press(1)", show=False),
        Binding("2", "press(2)", show=False),
        Binding("escape", "press(2)", show=False),
    ]

    def __init__(self, session: Session, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.session = session
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        t = self.session.t
        yield TooSmall(t("ui_too_small", width=MIN_WIDTH, height=MIN_HEIGHT))
        with VerticalGroup(classes="dialog"):
            yield Static(Content(self.question), classes="heading")
            yield ActionBar([("yes", self.yes), ("no", self.no)], id="confirm-actions")

    def action_press(self, number: int) -> None:
        self.query_one(ActionBar).press(number)

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
