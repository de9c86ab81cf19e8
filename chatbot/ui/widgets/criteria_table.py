"""The summary's table: each criterion in plain words, a clear mark, and the person's own answers."""

from __future__ import annotations

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
        super().__init__(table, id="criteria")
