"""The conversation so far: each answered question and the person's answer, drawn as lines that are kept.

The transcript grows by one question and one answer with every answer, and was one `Bubble` widget per
message: by the twentieth answer, forty widgets that Textual measured, placed and drew again each time,
most of an answer's time (see benchmarks/latency.py). Here it is one widget that draws its own lines
(Textual's line API), made once per message and width: an answer adds the lines of two messages.

The lines look as the bubbles did (styled through the component classes): a question has
a thick bar on its left and a blank line above it, the person's words are set right with a bar on their
right, and the text between has one space of padding on each side. Under typed words, muted and set
right, what they were read as. Words or a reading longer than a line are a block at the right, their
lines set left (`RightBlock`). Text is always literal: never
markup, control characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widget import Widget

from ...literal import printable
from ..right_block import RightBlock

_EDGE = "█"  # the glyph of Textual's "thick" border, on the side of a message
_PADDING = 1


@dataclass(frozen=True)
class Exchange:
    """One answered question: its text, the person's words, and what they stand for (`key`)."""

    key: object
    """Equal for an exchange that shows the same: a redraw keeps its lines."""
    question: str
    said: str
    read: str = ""
    """What typed words were read as ("I understood: Yes"), under them; "" for a press."""


class Transcript(Widget):
    """Every answered question and its answer, oldest first. `show` gives it the exchanges to show."""

    COMPONENT_CLASSES = {
        "transcript--question", "transcript--said", "transcript--question-edge", "transcript--said-edge", "transcript--read",
    }

    # As app.tcss styles a Bubble (the kiosk adds a margin above the person's words there too).
    DEFAULT_CSS = """
    Transcript {
        height: auto;
        width: 100%;
    }
    Transcript > .transcript--question {
        margin-top: 1;
    }
    Transcript > .transcript--question-edge {
        color: $primary;
    }
    Transcript > .transcript--said {
        color: $text;
    }
    Transcript > .transcript--said-edge {
        color: $success;
    }
    Transcript > .transcript--read {
        color: $text-muted;
    }
    """

    def __init__(self, exchanges: Sequence[Exchange] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.exchanges: list[Exchange] = list(exchanges)
        self._drawn: list[list[Strip]] = []
        """The lines of each exchange shown so far, at `_width` (the others are drawn when asked for)."""
        self._width = 0
        self._lines: list[Strip] | None = None

    @property
    def said(self) -> list[str]:
        """The person's answers shown, as they are shown (control characters made visible)."""
        return [printable(exchange.said) for exchange in self.exchanges]

    @property
    def messages(self) -> list[str]:
        """Every message shown, in order (a question, its answer, what typed words were read as, ...), as shown."""
        return [
            printable(text) for exchange in self.exchanges for text in (exchange.question, exchange.said, exchange.read) if text
        ]

    def show(self, exchanges: Sequence[Exchange]) -> None:
        """Show `exchanges`: the lines of the unchanged start are kept, the rest drawn anew."""
        same = 0
        while same < min(len(exchanges), len(self.exchanges)) and exchanges[same].key == self.exchanges[same].key:
            same += 1
        if same == len(exchanges) == len(self.exchanges):
            return
        self.exchanges = list(exchanges)
        del self._drawn[same:]
        self._lines = None
        self.refresh(layout=True)

    # --- drawing ---------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()

    def _forget(self) -> None:
        self._drawn, self._lines = [], None

    def lines(self, width: int) -> list[Strip]:
        """Every line of the transcript at `width` cells."""
        if width != self._width:
            self._forget()
            self._width = width
        if self._lines is None:
            for exchange in self.exchanges[len(self._drawn) :]:
                self._drawn.append(self._exchange_lines(exchange, width))
            self._lines = [line for lines in self._drawn for line in lines]
        return self._lines

    @property
    def read(self) -> list[str]:
        """What each answer was read as, as shown ("" for a press)."""
        return [printable(exchange.read) for exchange in self.exchanges]

    def _exchange_lines(self, exchange: Exchange, width: int) -> list[Strip]:
        return [
            *self._message(exchange.question, width, person=False),
            *self._message(exchange.said, width, person=True),
            *(self._reading(exchange.read, width) if exchange.read else []),
        ]

    def _reading(self, text: str, width: int) -> list[Strip]:
        """What the words above were read as: set right under them, muted, with no bar (the app says it)."""
        style = self.get_visual_style("transcript--read")
        room = max(1, width - 1 - 2 * _PADDING)
        pad, edge = Segment(" " * _PADDING, style.rich_style), Segment(" " * (_PADDING + 1), style.rich_style)
        return [Strip([pad, *line, edge], width) for line in self._set_right(text, room, style)]

    def _message(self, text: str, width: int, *, person: bool) -> list[Strip]:
        """One message: a blank line above it (its margin), then its text with a bar on one side."""
        part = "transcript--said" if person else "transcript--question"
        styles = self.get_component_styles(part)
        style = self.get_visual_style(part)
        edge = Segment(_EDGE, self.get_visual_style(f"{part}-edge").rich_style)
        room = max(1, width - 1 - 2 * _PADDING)
        text_lines = self._set_right(text, room, style) if person else self._set_left(text, room, style)
        pad = Segment(" " * _PADDING, style.rich_style)
        lines = [Strip([pad, *line, pad, edge] if person else [edge, pad, *line, pad], width) for line in text_lines]
        blank = Strip.blank(width, self.visual_style.rich_style)
        return [blank] * styles.margin.top + lines

    def _set_left(self, text: str, room: int, style: Style) -> list[Strip]:
        """`text` in lines of `room` cells, set left."""
        lines = self._wrapped(Content(printable(text)), room, style)
        return [line.extend_cell_length(room, style.rich_style) for line in lines]

    def _set_right(self, text: str, room: int, style: Style) -> list[Strip]:
        """`text` at the right of lines of `room` cells, as the person's words are set everywhere (`RightBlock`)."""
        options = RenderOptions(self._get_style, {})  # type: ignore[arg-type]
        return RightBlock(Content(printable(text))).render_strips(room, None, style, options)

    def _wrapped(self, content: Content, width: int, style: Style) -> list[Strip]:
        """`content` wrapped to `width` cells and set left (one line, if empty)."""
        options = RenderOptions(self._get_style, {"text_align": "left"})  # type: ignore[arg-type]
        return content.render_strips(width, None, style, options) or [Strip([])]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.lines(width)
        return lines[y] if y < len(lines) else Strip.blank(width, self.visual_style.rich_style)
