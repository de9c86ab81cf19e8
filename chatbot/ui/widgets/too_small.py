"""The message shown instead of a screen when the terminal is below the smallest usable size."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 18
"""Below this, buttons and questions no longer fit sensibly; app.tcss hides everything else."""


class TooSmall(Static):
    """"Please make the window bigger": every screen has one; app.tcss shows it only when too small."""

    def __init__(self, text: str) -> None:
        super().__init__(Content(text))
