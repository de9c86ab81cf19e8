"""Scripted dialogs: a conversation as data (answers keyed by question id, and what must come out).

The same file is replayed headless (`replay.py`) and through the real app (`ui/drive.py`).
See README.md, "Writing a dialog script", for the format.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Literal

from .content import parse, read_toml
from .models import Outcome, Verdict
from .schema import model


@model
class Press:
    """Press the button(s) of these choices (answer values: choice ids, or yes / no / unsure)."""

    press: str | list[str]


Step = str | Press
"""Typed text, or pressed buttons."""


@model
class Change:
    """After answering `after`, press Back until `back_to` is asked again, and answer it anew."""

    after: str
    back_to: str
    answer: Step | list[Step]


@model
class Expect:
    """What a scripted dialog must end with: the outcome, and verdicts and questions checked."""

    outcome: Outcome
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    not_asked: list[str] = field(default_factory=list)
    reasked: list[str] = field(default_factory=list)
    """Questions that must be asked again because a typed answer was unclear."""
    reasked_why: dict[str, list[Literal["refusal", "asking_back", "plain"]]] = field(default_factory=dict)
    """Why each try at a question gave no answer, in order: a refusal, a question back, or plain unclear words (each
    has its own re-ask). A question named here must be asked again too."""
    stopped_early: bool = False


@model
class Dialog:
    """A scripted conversation: its language, the answers to give, and what it must end with."""

    title: str
    language: Literal["en", "zh"] = "en"
    stop_when_ruled_out: bool = False
    """At the first clear "no", choose "see the result now" instead of going on."""
    answers: dict[str, Step | list[Step]]
    changes: list[Change] = field(default_factory=list)
    expect: Expect

    def attempts(self, question_id: str) -> list[Step]:
        """The answers to try, in order, for a question (empty when the script has none)."""
        return as_steps(self.answers.get(question_id, []))


def as_steps(answer: Step | list[Step]) -> list[Step]:
    """One answer or several attempts, as a list of attempts."""
    return list(answer) if isinstance(answer, list) else [answer]


def load_dialog(path: Path | str) -> Dialog:
    """Read and validate one dialog file; ContentError if it is broken."""
    path = Path(path)
    return parse(Dialog, read_toml(path), path)
