"""What every dialog shares: a box in the middle of the screen, numbered buttons, Escape to cancel."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from ..breakpoints import KeysWaitWhenTooSmall, fit
from ..keys import FOCUS_KEYS
from ..session import Session
from ..widgets.action_bar import press_numbered
from ..widgets.too_small import MIN_HEIGHT, TooSmall
from .once import ClosesOnce

ResultT = TypeVar("ResultT")


class DialogScreen(KeysWaitWhenTooSmall, ClosesOnce, ModalScreen[ResultT], inherit_bindings=False):
    """A modal box whose contents come from `body()`. Number keys press its ActionBar's buttons; Escape
    calls `action_cancel`, which does nothing unless the dialog can be cancelled."""

    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-very-short"), (24, "-short"), (30, "-tall")]
    """Very short under 24 lines: a dialog's words and buttons then fit only in a tighter layout (app.tcss). At
    80x24 they fit as they are."""

    BINDINGS = [
        *FOCUS_KEYS,
        *(Binding(str(n), f"press({n})", show=False) for n in range(1, 10)),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        fit(self)
        self.session = session

    def compose(self) -> ComposeResult:
        yield TooSmall(self.session)
        with VerticalGroup(classes="dialog"):
            yield from self.body()

    def body(self) -> ComposeResult:
        """The dialog's contents."""
        raise NotImplementedError

    def on_mount(self) -> None:
        # A dialog that asks for text (a PIN, a file name) is ready for typing at once.
        for box in self.query(Input).results(Input):
            box.focus()
            break

    def action_press(self, number: int) -> None:
        if self.session.held_keys.may_press():  # not the key that opened it, still held (see held_keys.py)
            press_numbered(self, number)

    def action_cancel(self) -> None:
        """Escape, or a button with id "cancel": this dialog must be answered unless a subclass says so."""

    @on(Button.Pressed, "#cancel")
    def _cancel_button(self) -> None:
        self.action_cancel()
