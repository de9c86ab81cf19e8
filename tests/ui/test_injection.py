"""Hostile answers typed into the real app are shown as the person typed them: in the transcript, on the
summary screen and in both saved files; never read as Textual or Rich markup, terminal control or jinja2.
After the kiosk forgets the person, none of it is left on any screen.

What a widget shows is taken from its rendered lines (what the terminal would draw), not from its data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from app_steps import answer_until, start, type_answer
from chatbot.literal import printable
from chatbot.summary import rows
from chatbot.ui.app import TrialbotApp
from chatbot.ui.screens.save import SaveScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen
from chatbot.ui.widgets.criteria_table import CriteriaTable

MakeApp = Callable[..., TrialbotApp]

HOSTILE = ["[bold red]x[/]", "[/", "[link=http://example.invalid]click[/link]", "\x1b[2J", "{{ 7*7 }}", "{% raw %}"]
UNCLEAR_AT = "sex"
"""Typed here, each hostile text is not an answer: it is quoted back in the transcript and the re-ask."""
SAID_NO_AT = dict(zip(["baby_plan", "leg_blood_flow", "cell_allergy", "hiv", "stem_cells_before", "recent_study"], HOSTILE))
"""Typed here after "no ", each is understood, so the summary repeats the person's words."""
WIDE = (140, 50)


def rendered_lines(widget: Widget) -> list[str]:
    """The lines the widget draws, as plain text (any control character would stay in it)."""
    return [strip.text for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]


def screen_drawing(screen: Screen[object]) -> str:
    """Everything the screen's text widgets draw, wrapped lines and all."""
    return "\n".join(line for widget in screen.query("Static, Button, Input, Transcript").results() for line in rendered_lines(widget))


def squashed(text: str) -> str:
    """Text without whitespace, so a line wrapped on the screen still matches."""
    return "".join(text.split())


def links_drawn(screen: Screen[object]) -> list[str]:
    """Every hyperlink the screen's text widgets would draw."""
    return [
        segment.style.link
        for widget in screen.query("Static, Button, Transcript").results()
        for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
        for segment in strip
        if segment.style is not None and segment.style.link
    ]


def table_rows(table: Widget) -> list[list[str]]:
    """The summary table's body as drawn: per row, each column's wrapped lines joined."""
    drawn: list[list[str]] = []
    lines: list[list[str]] = []
    for line in rendered_lines(table):
        if "│" in line:
            lines.append([cell.strip() for cell in line.split("│")[1:-1]])
        elif lines:
            drawn.append([" ".join(column) for column in zip(*lines)])
            lines = []
    return drawn


def markdown_unescaped(text: str) -> str:
    r"""What a Markdown reader shows for text escaped with backslashes (\[ shows as [)."""
    return re.sub(r"\\(.)", r"\1", text)


async def save_as(pilot: Pilot[int], path: Path) -> None:
    """Press Save summary, type the path, press Enter."""
    await pilot.click("#save")
    assert isinstance(pilot.app.screen, SaveScreen)
    pilot.app.screen.query_one("#save-path", Input).value = str(path)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, SummaryScreen)


async def converse_with_hostile_answers(pilot: Pilot[int]) -> None:
    """A conversation with every hostile text typed twice: once unclear, once inside an understood "no"."""
    app: TrialbotApp = pilot.app  # type: ignore[assignment]
    await start(pilot)
    await answer_until(pilot, stop=UNCLEAR_AT)
    for hostile in HOSTILE:
        await type_answer(pilot, hostile)
    drawn = squashed(screen_drawing(app.screen))
    assert [hostile for hostile in HOSTILE if squashed(printable(hostile)) not in drawn] == []
    for question_id, hostile in SAID_NO_AT.items():
        await answer_until(pilot, stop=question_id)
        await type_answer(pilot, f"no {hostile}")
        assert app.session.screening.given(question_id).value == "no"  # type: ignore[union-attr]
    drawn = squashed(screen_drawing(app.screen))
    assert [hostile for hostile in HOSTILE if squashed(printable(f"no {hostile}")) not in drawn] == []
    await answer_until(pilot)
    assert isinstance(app.screen, SummaryScreen)


async def test_hostile_answers_are_shown_literally_in_transcript_summary_and_saved_files(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    said = [printable(f"no {hostile}") for hostile in HOSTILE]
    async with app.run_test(size=WIDE) as pilot:
        await converse_with_hostile_answers(pilot)
        answers = squashed(" ".join(row[-1] for row in table_rows(app.screen.query_one(CriteriaTable))))
        assert [words for words in said if squashed(f'("{words}")') not in answers] == []
        assert "\x1b" not in screen_drawing(app.screen)
        assert not any("example.invalid" in link for link in links_drawn(app.screen))
        await save_as(pilot, tmp_path / "summary.txt")
        await save_as(pilot, tmp_path / "summary.md")
    text = (tmp_path / "summary.txt").read_text(encoding="utf-8")
    markdown = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert [words for words in said if f'("{words}")' not in text] == [] and "\x1b" not in text
    assert [words for words in said if f'("{words}")' not in markdown_unescaped(markdown)] == []
    # Escaped for Markdown: none of the person's brackets, braces or backslashes reaches a reader bare.
    assert [words for words in said if words in markdown] == [] and "\x1b" not in markdown


async def test_after_finish_the_kiosk_shows_nothing_of_the_hostile_answers(make_kiosk: MakeApp) -> None:
    app = make_kiosk()
    typed = [squashed(printable(hostile)) for hostile in HOSTILE]
    async with app.run_test(size=WIDE) as pilot:
        await converse_with_hostile_answers(pilot)
        await pilot.click("#finish")
        assert isinstance(app.screen, WelcomeScreen)
        for screen in app.screen_stack:
            drawing = squashed(screen_drawing(screen))
            assert [text for text in typed if text in drawing] == []
            assert all(box.value == "" for box in screen.query(Input))
        await start(pilot)
        drawing = squashed(screen_drawing(app.screen))
        assert [text for text in typed if text in drawing] == []


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_summary_table_cuts_nothing_off(make_app: MakeApp, lang: str) -> None:
    """Found with the link answer above: cells were cut off with "…" where a word did not fit; in Chinese,
    with no spaces to wrap at, most criteria and "to be checked by the study team" lost their ends."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        drawn = table_rows(app.screen.query_one(CriteriaTable))
        no_answer = app.session.t("summary_no_answer")
        for row, (need, result, answers) in zip(rows(app.session.screening, app.session.understanding, lang), drawn, strict=True):
            assert squashed(need) == squashed(row.need)
            assert squashed(result).endswith(squashed(row.verdict_label))
            assert squashed(answers) == squashed("".join(row.answers) or no_answer)
