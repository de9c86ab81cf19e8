"""One message in the conversation: the bot's question or reply, or what the person said."""

from __future__ import annotations

from textual.content import Content
from textual.visual import Visual
from textual.widgets import Static

from ...literal import printable
from ..right_block import RightBlock


class Bubble(Static):
    """A message in the transcript. Text is always literal: never markup, control characters made visible."""

    def __init__(
        self, text: str, *, person: bool = False, classes: str = "", key: object = None, id: str | None = None
    ) -> None:
        super().__init__(Content(printable(text)), classes=f"{'-person' if person else '-bot'} {classes}".strip(), id=id)
        self.person = person
        self.key = key
        """What this bubble shows, so a redraw can keep it when nothing changed."""

    def render(self) -> Visual:
        """The person's words are set right as the transcript sets them: a long try is a block, not ragged lines."""
        visual = self.visual
        return RightBlock(visual) if self.person and isinstance(visual, Content) else visual
