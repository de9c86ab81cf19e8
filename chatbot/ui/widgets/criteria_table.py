"""The summary's table: each criterion in plain words, a clear mark, and the person's own answers."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...models import Verdict
from ...summary import Row

# Symbol and colour together: the mark is readable without colour, and the colour helps at a glance.
_MARKS = {
    Verdict.MET: ("✓", "bold green"),
    Verdict.NOT_MET: ("✗", "bold red"),
    Verdict.UNKNOWN: ("?", "bold yellow"),
    Verdict.TO_CONFIRM: ("…", "bold cyan"),
    Verdict.NOT_ASKED: ("·", "dim"),
}


class _OncePerWidth:
    """A Rich renderable drawn once for each width, then repeated.

    Textual draws a Static's Rich renderable twice for each width: once to count its lines (its height),
    then again for the lines themselves. A table of twenty rows, wrapped in three columns, is the slowest
    part of the summary to draw (about 10 ms each time).
    """

    def __init__(self, renderable: Table) -> None:
        self.renderable = renderable
        self._drawn: tuple[tuple[object, ...], list[Segment]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Not the height: Textual asks for the lines with the height it has room for, and a table draws every
        # row whatever the height (rich's Table sets it to None); the lines past it are cut off by the caller.
        key = (options.max_width, options.min_width, options.justify, options.overflow, options.no_wrap)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, list(console.render(self.renderable, options)))
        yield from self._drawn[1]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class CriteriaTable(Static):
    """A table of summary rows. Every cell is a rich Text, so answers are never read as markup."""

    def __init__(self, rows: list[Row], headings: tuple[str, str, str], no_answer: str) -> None:
        table = Table(expand=True, show_lines=True, header_style="bold")
        # "fold", not rich's "…": a long word a person typed, or Chinese (no spaces to wrap at), must be shown whole.
        table.add_column(Text(headings[0]), ratio=5, overflow="fold")
        table.add_column(Text(headings[1]), ratio=3, overflow="fold")
        table.add_column(Text(headings[2]), ratio=4, overflow="fold")
        for row in rows:
            symbol, style = _MARKS[row.verdict]
            answers = "\n".join(row.answers) if row.answers else no_answer
            table.add_row(Text(row.need), Text(f"{symbol} {row.verdict_label}", style=style), Text(answers))
        super().__init__(_OncePerWidth(table), id="criteria")
