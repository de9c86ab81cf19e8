"""Measure answer understanding on the labelled answers in this folder.

Each `<lang>.jsonl` line is `{"question": id, "text": ..., "expect": ...}` where `expect` is what a careful
person would understand: "yes" / "no" / "unsure", a choice id, a list of choice ids (multi questions), a
number (months for durations; a time said as its least, "more than a year", is labelled with that least
where it settles the question), or "unclear" / "out_of_range" (a person would ask again).

A DANGEROUS FLIP is worse than a mistake: a definite answer read as a different one (yes as no, type 1 as
type 2, 6 months as 18), or an unclear or unsure answer read as a definite one. An unclear reading of a
clear answer is only a mistake: it costs a re-ask.

Run `.venv/bin/python tests/answers/measure.py` for the report; `measure()` returns it for the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chatbot.content import ContentPack, load_content
from chatbot.models import UNSURE
from chatbot.understanding import Interpretation, Status, Understanding

HERE = Path(__file__).resolve().parent
LABELLED_ON = dt.date(2026, 11, 27)
"""The day the answers that name a year were labelled against: "yes in 2030" to "planning a baby?" is far
off now and asked again, and will be next year's plan in 2029. Read as on this day, the labels hold."""
TOLERANCE = 0.01
"""Numbers closer than this are the same (durations in weeks are fractions of months)."""

Expected = str | float | list[str]


@dataclass(frozen=True)
class Case:
    """One labelled answer."""

    lang: str
    line: int
    question: str
    text: str
    expect: Expected


@dataclass(frozen=True)
class Outcome:
    """How one labelled answer was understood."""

    case: Case
    kind: str
    meaning: Interpretation
    correct: bool
    dangerous: bool


@dataclass
class Report:
    """Accuracy, confusions and dangerous flips over the labelled answers."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """The share of answers understood exactly as labelled."""
        return sum(o.correct for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mistakes(self) -> list[Outcome]:
        """Every answer not understood as labelled."""
        return [o for o in self.outcomes if not o.correct]

    @property
    def flips(self) -> list[Outcome]:
        """The dangerous mistakes."""
        return [o for o in self.outcomes if o.dangerous]

    def by_kind(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(question kind, language) -> (right, total)."""
        table: dict[tuple[str, str], tuple[int, int]] = {}
        for o in self.outcomes:
            right, total = table.get((o.kind, o.case.lang), (0, 0))
            table[(o.kind, o.case.lang)] = (right + o.correct, total + 1)
        return table

    def confusion(self) -> Counter[tuple[str, str]]:
        """(what it was, what it was read as) -> count, by category ("choice" vs "choice (other)")."""
        return Counter((category(o.case.expect), got_category(o)) for o in self.outcomes)

    def text(self) -> str:
        """The report, for people."""
        lines = [f"{len(self.outcomes)} labelled answers, accuracy {self.accuracy:.1%}, "
                 f"{len(self.flips)} dangerous flips", "", "accuracy per question kind and language:"]
        for (kind, lang), (right, total) in sorted(self.by_kind().items()):
            lines.append(f"  {kind:9} {lang}  {right:4}/{total:<4} {right / total:6.1%}")
        confusion = self.confusion()
        rows = sorted({t for t, _ in confusion})
        columns = sorted({g for _, g in confusion})
        width = max(len(c) for c in columns) + 1
        lines += ["", "confusion (rows: labelled as, columns: read as):",
                  " " * 14 + "".join(f"{c:>{width}}" for c in columns)]
        for row in rows:
            lines.append(f"  {row:12}" + "".join(f"{confusion.get((row, c), 0) or '.':>{width}}" for c in columns))
        lines += ["", f"mistakes ({len(self.mistakes)}):"]
        for o in self.mistakes:
            flag = "DANGEROUS " if o.dangerous else ""
            shown = o.case.text if len(o.case.text) <= 60 else o.case.text[:57] + "..."
            lines.append(f"  {flag}{o.case.lang}:{o.case.line} {o.case.question} {shown!r}: expected "
                         f"{o.case.expect!r}, got {reading(o.meaning)!r} ({o.meaning.reason})")
        return "\n".join(lines)


def category(expect: Expected) -> str:
    """The kind of a labelled answer: yes, no, unsure, unclear, out_of_range, choice, choices or number."""
    if isinstance(expect, list):
        return "choices"
    if isinstance(expect, int | float):
        return "number"
    return expect if expect in ("yes", "no", UNSURE, "unclear", "out_of_range") else "choice"


def reading(meaning: Interpretation) -> Expected:
    """An interpretation in the labels' own terms."""
    if meaning.status is not Status.UNDERSTOOD:
        return str(meaning.status)
    value = meaning.value
    if isinstance(value, frozenset):
        return sorted(value)
    assert value is not None
    return value


def got_category(outcome: Outcome) -> str:
    """The category of what was understood; a wrong value of the right category is "... (other)"."""
    got = category(reading(outcome.meaning))
    if not outcome.correct and got == category(outcome.case.expect) and got in ("choice", "choices", "number"):
        return f"{got} (other)"
    return got


def same(expect: Expected, got: Expected) -> bool:
    """True when what was understood is what was labelled."""
    if isinstance(expect, list):
        return isinstance(got, list) and sorted(expect) == got
    if isinstance(expect, int | float):
        return isinstance(got, int | float) and abs(expect - got) < TOLERANCE
    return expect == got


def dangerous(expect: Expected, got: Expected) -> bool:
    """A definite answer read as a different definite one, or an uncertain one read as definite."""
    if got in ("unclear", "out_of_range") or same(expect, got):
        return False
    if expect in ("unclear", UNSURE):
        return got != UNSURE
    return True


def load_cases(directory: Path = HERE) -> list[Case]:
    """Every labelled answer in `directory`, from files named `<lang>.jsonl`."""
    cases = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                item = json.loads(line)
                cases.append(Case(path.stem, number, item["question"], item["text"], item["expect"]))
    return cases


def measure(pack: ContentPack | None = None, cases: list[Case] | None = None) -> Report:
    """Understand every labelled answer and compare it with its label."""
    pack = pack or load_content()
    understanding = Understanding(pack, LABELLED_ON)
    report = Report()
    for case in cases if cases is not None else load_cases():
        question = pack.question(case.question)
        meaning = understanding.interpret(question, case.text, case.lang)
        got = reading(meaning)
        report.outcomes.append(
            Outcome(case, str(question.kind), meaning, same(case.expect, got), dangerous(case.expect, got))
        )
    return report


if __name__ == "__main__":
    result = measure()
    print(result.text())
    sys.exit(0 if not result.flips else 1)
