"""Replay scripted dialogs and check them against their expectations.

One conversation loop (`converse`) drives any `Driver`: the headless one here, or the real app
(`chatbot.ui.drive`). So a dialog means the same thing in both, and the results can be compared.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .content import ContentPack
from .dialogs import Dialog, Press, as_steps
from .engine import AnswerValue, Screening, pressed_value
from .models import Question
from .summary import button_labels
from .understanding import Status

if TYPE_CHECKING:
    from .understanding import Understanding

MAX_TURNS = 200


@dataclass(frozen=True)
class Turn:
    """One thing the participant said or pressed, and what it was understood as."""

    question: str
    said: str
    status: str
    value: Any = None
    why_unclear: str | None = None
    """For a try that gave no answer: a refusal, a question back, or plain unclear words (`Unclear`)."""

    def as_json(self) -> dict[str, Any]:
        """The turn as plain JSON data (sets as sorted lists)."""
        value = sorted(self.value) if isinstance(self.value, frozenset) else self.value
        data = {"question": self.question, "said": self.said, "status": self.status, "understood_as": value}
        return data if self.why_unclear is None else {**data, "why_unclear": self.why_unclear}


@dataclass
class ReplayResult:
    """What happened when a dialog was replayed, and what did not match its expectations."""

    path: str
    title: str
    outcome: str = ""
    verdicts: dict[str, str] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    stopped_early: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    def line(self) -> str:
        """One line for the command line: PASS or FAIL, the file, and why."""
        if self.passed:
            return f"PASS {self.path}: {self.title} -> {self.outcome}"
        return f"FAIL {self.path}: {'; '.join(self.problems)}"

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "passed": self.passed,
            "problems": self.problems,
            "outcome": self.outcome,
            "stopped_early": self.stopped_early,
            "verdicts": self.verdicts,
            "turns": [t.as_json() for t in self.turns],
        }


class Driver(Protocol):
    """What the conversation loop needs from whatever is being driven."""

    screening: Screening
    ruled_out_pending: bool
    """True right after an answer that clearly rules the person out, until they choose."""

    async def asked(self) -> Question | None: ...
    async def press(self, question: Question, values: list[str]) -> Turn: ...
    async def type(self, question: Question, text: str) -> Turn: ...
    async def back(self, towards: str) -> None:
        """One step back, on the way to question `towards` (the app's summary lists the answers: pick that one)."""
        ...

    async def choose_after_ruled_out(self, see_result_now: bool) -> None: ...


class HeadlessDriver:
    """Drives the engine directly, as the app would, without a screen."""

    def __init__(self, pack: ContentPack, understanding: Understanding, lang: str) -> None:
        self.screening = Screening(pack)
        self.understanding = understanding
        self.lang = lang
        self.ruled_out_pending = False

    async def asked(self) -> Question | None:
        return None if self.ruled_out_pending else self.screening.current()

    async def press(self, question: Question, values: list[str]) -> Turn:
        said = button_labels(self.screening.pack, question, values, self.lang)
        return self._give(question, pressed_value(question, values), said, typed="")

    async def type(self, question: Question, text: str) -> Turn:
        meaning = self.understanding.interpret(question, text, self.lang)
        if meaning.status is not Status.UNDERSTOOD or meaning.value is None:
            return Turn(question.id, text, str(meaning.status), why_unclear=str(meaning.why_unclear))
        return self._give(question, meaning.value, text, typed=text)

    def _give(self, question: Question, value: AnswerValue, said: str, typed: str) -> Turn:
        """Answer as the app does: the engine keeps typed words only (a press has none of its own)."""
        newly_failed = self.screening.answer(question.id, value, typed)
        self.ruled_out_pending = bool(newly_failed)
        return Turn(question.id, said, str(Status.UNDERSTOOD), value)

    async def back(self, towards: str) -> None:
        self.ruled_out_pending = False
        self.screening.back()

    async def choose_after_ruled_out(self, see_result_now: bool) -> None:
        self.ruled_out_pending = False


@dataclass
class _Progress:
    turns: list[Turn] = field(default_factory=list)
    reasked: set[str] = field(default_factory=set)
    stopped_early: bool = False
    problems: list[str] = field(default_factory=list)


async def converse(dialog: Dialog, driver: Driver) -> _Progress:
    """Play the participant's side of `dialog` against `driver` until the summary (or a problem)."""
    pending = {question_id: dialog.attempts(question_id) for question_id in dialog.answers}
    changes = list(dialog.changes)
    progress = _Progress()
    for _ in range(MAX_TURNS):
        question = await driver.asked()
        if question is None:
            return progress
        attempts = pending.get(question.id)
        if not attempts:
            if question.id in progress.reasked:
                progress.problems.append(f'"{question.id}" was asked again but the script has no more answers for it')
            else:
                progress.problems.append(f'the script has no answer for question "{question.id}"')
            return progress
        step = attempts.pop(0)
        if isinstance(step, Press):
            values = [step.press] if isinstance(step.press, str) else list(step.press)
            turn = await driver.press(question, values)
        else:
            turn = await driver.type(question, step)
        progress.turns.append(turn)
        if turn.status != Status.UNDERSTOOD:
            progress.reasked.add(question.id)
            continue
        if driver.ruled_out_pending:
            await driver.choose_after_ruled_out(see_result_now=dialog.stop_when_ruled_out)
            if dialog.stop_when_ruled_out:
                progress.stopped_early = True
                return progress
        for change in [c for c in changes if c.after == question.id]:
            changes.remove(change)
            if not await _back_to(driver, change.back_to):
                progress.problems.append(f'pressing Back never reached "{change.back_to}"')
                return progress
            pending[change.back_to] = as_steps(change.answer)
    progress.problems.append(f"the conversation did not end within {MAX_TURNS} turns")
    return progress


async def _back_to(driver: Driver, question_id: str) -> bool:
    for _ in range(len(driver.screening.pack.questions) + 1):
        asked = await driver.asked()
        if asked is not None and asked.id == question_id:
            return True
        await driver.back(question_id)
    return False


def check_expectations(dialog: Dialog, screening: Screening, progress: _Progress) -> list[str]:
    """Every way the conversation's result differs from what the dialog expects."""
    problems = list(progress.problems)
    pack = screening.pack
    named = [*dialog.answers, *(c.back_to for c in dialog.changes), *dialog.expect.not_asked, *dialog.expect.reasked_why]
    for question_id in named:
        if question_id not in pack.question_index:
            problems.append(f'unknown question "{question_id}"')
    for criterion_id in dialog.expect.verdicts:
        if criterion_id not in pack.criteria:
            problems.append(f'unknown criterion "{criterion_id}"')
    if problems:
        return problems
    outcome = screening.outcome()
    if outcome is not dialog.expect.outcome:
        problems.append(f"outcome is {outcome}, expected {dialog.expect.outcome}")
    verdicts = screening.verdicts()
    for criterion_id, expected in dialog.expect.verdicts.items():
        if verdicts[criterion_id] is not expected:
            problems.append(f'"{criterion_id}" is {verdicts[criterion_id]}, expected {expected}')
    asked = {turn.question for turn in progress.turns}
    for question_id in dialog.expect.not_asked:
        if question_id in asked:
            problems.append(f'"{question_id}" was asked, expected it not to be')
    for question_id in dialog.expect.reasked:
        if question_id not in progress.reasked:
            problems.append(f'"{question_id}" was not asked again, expected an unclear answer there')
    for question_id, expected_why in dialog.expect.reasked_why.items():
        tries = [turn for turn in progress.turns if turn.question == question_id and turn.status != Status.UNDERSTOOD]
        why = [turn.why_unclear for turn in tries]
        if why != expected_why:
            problems.append(f'"{question_id}" gave no answer because of {why}, expected {expected_why}')
    if progress.stopped_early != dialog.expect.stopped_early:
        problems.append(f"stopped early: {progress.stopped_early}, expected {dialog.expect.stopped_early}")
    return problems


async def replay_with(path: str, dialog: Dialog, driver_for: Any) -> ReplayResult:
    """Replay one dialog with the driver `driver_for(dialog)` gives (an async context manager)."""
    async with driver_for(dialog) as driver:
        progress = await converse(dialog, driver)
        screening = driver.screening
        return ReplayResult(
            path,
            dialog.title,
            outcome=str(screening.outcome()),
            verdicts={k: str(v) for k, v in screening.verdicts().items()},
            turns=progress.turns,
            stopped_early=progress.stopped_early,
            problems=check_expectations(dialog, screening, progress),
        )


def replay_headless(dialogs: dict[str, Dialog], pack: ContentPack, today: dt.date | None = None) -> list[ReplayResult]:
    """Replay dialogs (keyed by their file's path) against the engine directly, on `today` (the settings' date:
    "last year" is read by it), or the real one."""
    from .understanding import Understanding  # here, not at the top: the app imports this module early

    understanding = Understanding(pack, today)

    class _Headless:
        def __init__(self, dialog: Dialog) -> None:
            self.driver = HeadlessDriver(pack, understanding, dialog.language)

        async def __aenter__(self) -> HeadlessDriver:
            return self.driver

        async def __aexit__(self, *exc: object) -> None:
            return None

    async def run_all() -> list[ReplayResult]:
        return [await replay_with(path, dialog, _Headless) for path, dialog in dialogs.items()]

    return asyncio.run(run_all())

