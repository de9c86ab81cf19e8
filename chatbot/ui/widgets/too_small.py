"""The message shown instead of a screen when the terminal is below the smallest usable size."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..session import Session

MIN_WIDTH = 60
MIN_HEIGHT = 18
"""Below this, buttons and questions no longer fit sensibly; app.tcss hides everything else."""


class TooSmall(Static):
    """"Please make the window bigger": every screen has one; app.tcss shows it only when too small."""

    def __init__(self, session: Session) -> None:
        super().__init__(Content(session.t("ui_too_small", width=MIN_WIDTH, height=MIN_HEIGHT)))
