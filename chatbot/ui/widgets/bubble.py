"""One message in the conversation: the bot's question or reply, or what the person said."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...literal import printable


class Bubble(Static):
    """A message in the transcript. Text is always literal: never markup, control characters made visible."""

    def __init__(
        self, text: str, *, person: bool = False, classes: str = "", key: object = None, id: str | None = None
    ) -> None:
        super().__init__(Content(printable(text)), classes=f"{'-person' if person else '-bot'} {classes}".strip(), id=id)
        self.person = person
        self.key = key
        """What this bubble shows, so a redraw can keep it when nothing changed."""
