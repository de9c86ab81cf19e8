"""The person's own words, set right: on one line at the right, or, longer than a line, a block at the right
whose lines are set left.

Set right line by line, a long answer (or the reading of five symptoms) was a stack of ragged lines, hard
for poor eyes to follow. The transcript and the unclear try under the current question both show the
person's words this way, so they look the same wherever they appear.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.content import Content
from textual.css.types import TextAlign
from textual.strip import Strip
from textual.style import Style
from textual.css.styles import RulesMap
from textual.visual import RenderOptions, Visual

_SET_LEFT: dict[str, TextAlign] = {"text_align": "left"}


@dataclass(frozen=True, eq=False)
class RightBlock(Visual):
    """`content` at the right of its width: a block of three quarters of the width when longer than a line."""

    content: Content

    def _block(self, width: int) -> int:
        """How wide the block of text is, in a width of `width` cells."""
        length = self.content.cell_length
        return length if length <= width else max(1, width * 3 // 4)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        """The lines of the block, each `width` cells (one line, if the content is empty)."""
        block = self._block(width)
        inner = RenderOptions(options.get_style, _SET_LEFT, options.selection, options.selection_style, options.post_style)
        lines = self.content.render_strips(block, None, style, inner) or [Strip([])]
        indent = Segment(" " * (width - block), style.rich_style)
        return [Strip([indent, *line.extend_cell_length(block, style.rich_style)]) for line in lines]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return max(1, self.content.get_height(_SET_LEFT, self._block(width)))
