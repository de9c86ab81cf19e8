"""The screening engine: one participant's answers, the next question, each criterion's verdict.

Pure and deterministic: no I/O, no clock, no Textual. The UI and the replay drive it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import ContentPack
from .models import UNSURE, Criterion, Outcome, Question, QuestionKind, Rule, Verdict

AnswerValue = str | float | frozenset[str]
"""A yes/no or choice id, a number (years or months), a set of choice ids, or UNSURE."""


class _Stale:
    """The cached current question must be found again."""


_STALE = _Stale()

# Worst first: combining verdicts keeps the first of these that occurs.
_SEVERITY = (Verdict.NOT_MET, Verdict.UNKNOWN, Verdict.TO_CONFIRM, Verdict.MET)


@dataclass(frozen=True)
class Given:
    """One answer: what it was understood as, and what the person typed, literally."""

    question_id: str
    value: AnswerValue
    said: str
    """Empty when the answer was pressed: the buttons' words are shown in the language of the moment."""
    tried: str = ""
    """What the person last typed at this question that gave no answer, before pressing this one, literally; empty if
    nothing. "Not sure" pressed after "a cut on my heel that is slow to heal" showed the study team "Not sure" alone."""


def worst(verdicts: list[Verdict]) -> Verdict:
    """Combine verdicts: not met beats unknown beats to-confirm beats met; none gives NOT_ASKED."""
    for verdict in _SEVERITY:
        if verdict in verdicts:
            return verdict
    return Verdict.NOT_ASKED


def rule_verdict(rule: Rule, question: Question, value: AnswerValue) -> Verdict:
    """The verdict one rule gives one answer."""
    if value == UNSURE and question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
        return rule.unsure
    if isinstance(value, float | int):
        if rule.between is not None:
            low, high = rule.between
            return Verdict.MET if low <= value <= high else Verdict.NOT_MET
        assert rule.at_least is not None
        return Verdict.MET if value >= rule.at_least else Verdict.NOT_MET
    if isinstance(value, frozenset):
        verdict = worst([rule.verdicts[choice] for choice in value])
        exclusive = any(c.exclusive for c in question.choices if c.id in value)
        if rule.all_of and not exclusive and not set(rule.all_of) <= value:
            verdict = worst([verdict, rule.missing])
        return verdict
    return rule.verdicts[value]


class Screening:
    """One participant's screening. `reset()` forgets everything they said."""

    def __init__(self, pack: ContentPack) -> None:
        self.pack = pack
        self._answers: dict[str, Given] = {}
        self._revisit: str | None = None
        self._given_verdicts: dict[tuple[str, str], Verdict] = {}
        """(question id, criterion id) -> the verdict that question's answer gives; set once per answer."""
        self._verdicts = dict.fromkeys(pack.criteria, Verdict.NOT_ASKED)
        """Every criterion's verdict, kept up to date one criterion at a time as answers change."""
        self._current: Question | None | _Stale = _STALE
        """The question to ask now, found again only after the answers or the question to revisit change."""
        self._told: set[str] = set()
        """What the person was told in full once in this conversation (see `tell_once`)."""

    # --- state -----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every answer (a new participant starts)."""
        self._answers.clear()
        self._given_verdicts.clear()
        self._revisit = None
        self._verdicts = dict.fromkeys(self.pack.criteria, Verdict.NOT_ASKED)
        self._current = _STALE
        self._told.clear()

    def tell_once(self, what: str) -> bool:
        """Note that the person is told `what` (an explanation said in full once a conversation, then short);
        True if they had been told it before. Kept through Back and a new language, forgotten with the answers."""
        told = what in self._told
        self._told.add(what)
        return told

    @property
    def answers(self) -> list[Given]:
        """The answers that count, in question order."""
        return [self._answers[q.id] for q in self.pack.questions if q.id in self._answers]

    def given(self, question_id: str) -> Given | None:
        """The answer to this question, if it was answered and still counts."""
        return self._answers.get(question_id)

    def is_relevant(self, question: Question) -> bool:
        """Whether earlier answers make this question one to ask."""
        condition = question.ask_if
        if condition is None:
            return True
        earlier = self._answers.get(condition.question)
        if earlier is None:
            return False
        chosen = earlier.value if isinstance(earlier.value, frozenset) else {earlier.value}
        return any(value in chosen for value in condition.any_of)

    def current(self) -> Question | None:
        """The question to ask now, or None when every relevant question is answered."""
        if self._revisit is not None:
            return self.pack.question(self._revisit)
        if self._current is _STALE:
            self._current = next((q for q in self.pack.questions if q.id not in self._answers and self.is_relevant(q)), None)
        return self._current

    def progress(self) -> tuple[int, int]:
        """(number of the current question, about how many questions there are) for display."""
        relevant = [q for q in self.pack.questions if self._maybe_relevant(q)]
        answered = sum(1 for q in relevant if q.id in self._answers)
        current = self.current()
        if current is None:
            return answered, len(relevant)
        position = next(i for i, q in enumerate(relevant) if q.id == current.id) + 1
        return position, len(relevant)

    def _maybe_relevant(self, question: Question) -> bool:
        condition = question.ask_if
        return condition is None or condition.question not in self._answers or self.is_relevant(question)

    # --- moves -----------------------------------------------------------------------------------

    def answer(self, question_id: str, value: AnswerValue, said: str, tried: str = "") -> list[Criterion]:
        """Record an answer (replacing any earlier one) and return the criteria it newly rules out (`tried`: see
        `Given.tried`)."""
        question = self.pack.question(question_id)
        if not self.is_relevant(question):
            raise ValueError(f'question "{question_id}" is not asked with the answers so far')
        self.validate(question, value)
        self._answers[question_id] = Given(question_id, value, said, tried)
        self._current = _STALE
        for rule in question.rules:
            self._given_verdicts[(question_id, rule.criterion)] = rule_verdict(rule, question, value)
        if self._revisit == question_id:
            self._revisit = None
        changed = {rule.criterion for rule in question.rules}
        if question_id in self.pack.conditions:  # only such an answer can make a later question irrelevant
            changed.update(self._drop_irrelevant())
        newly_failed = []
        for criterion_id in changed:
            was = self._verdicts[criterion_id]
            if self._recompute(criterion_id) is Verdict.NOT_MET and was is not Verdict.NOT_MET:
                newly_failed.append(self.pack.criteria[criterion_id])
        if len(newly_failed) > 1:
            order = list(self.pack.criteria)
            newly_failed.sort(key=lambda criterion: order.index(criterion.id))
        return newly_failed

    def back(self) -> Question | None:
        """Go back to the question before the current one; return it (None at the first question)."""
        current = self.current()
        asked = [q for q in self.pack.questions if q.id in self._answers]
        if current is not None:
            order = [q.id for q in self.pack.questions]
            asked = [q for q in asked if order.index(q.id) < order.index(current.id)]
        if not asked:
            return None
        self._revisit = asked[-1].id
        return asked[-1]

    def goto(self, question_id: str) -> Question:
        """Ask an already answered question again (to change the answer)."""
        question = self.pack.question(question_id)
        if question_id not in self._answers:
            raise ValueError(f'question "{question_id}" has not been answered yet')
        self._revisit = question_id
        return question

    def withdraw(self, question_id: str, earlier: Given | None = None) -> None:
        """Take back the answer just given to this question, which the person did not mean (a number key
        that began a typed word): `earlier`, the answer it replaced, counts again; without one, the
        question has no answer. Either way it is the question asked now."""
        question = self.pack.question(question_id)
        if question_id not in self._answers:
            raise ValueError(f'question "{question_id}" has not been answered')
        if earlier is not None:
            self.answer(question_id, earlier.value, earlier.said, earlier.tried)
        else:
            del self._answers[question_id]
            touched = set()
            for rule in question.rules:
                del self._given_verdicts[(question_id, rule.criterion)]
                touched.add(rule.criterion)
            if question_id in self.pack.conditions:
                touched.update(self._drop_irrelevant())
            for criterion_id in touched:
                self._recompute(criterion_id)
        self._revisit = question_id
        self._current = _STALE

    def _drop_irrelevant(self) -> set[str]:
        """After a change, forget answers to questions that no longer apply; return the criteria touched."""
        touched: set[str] = set()
        for question in self.pack.conditional_questions:
            if question.id in self._answers and not self.is_relevant(question):
                del self._answers[question.id]
                for rule in question.rules:
                    del self._given_verdicts[(question.id, rule.criterion)]
                    touched.add(rule.criterion)
        return touched

    def _recompute(self, criterion_id: str) -> Verdict:
        """Combine the verdicts of the answered questions that inform one criterion."""
        found = [
            verdict
            for question_id in self.pack.informing[criterion_id]
            if (verdict := self._given_verdicts.get((question_id, criterion_id))) is not None
        ]
        verdict = worst(found)
        if verdict is Verdict.MET and self.pack.criteria[criterion_id].study_team_confirms:
            verdict = Verdict.TO_CONFIRM
        self._verdicts[criterion_id] = verdict
        return verdict

    @staticmethod
    def validate(question: Question, value: AnswerValue) -> None:
        """Raise ValueError unless `value` is a possible answer to `question`."""
        kind = question.kind
        if kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
            if value == UNSURE and question.allow_unsure:
                return
            if isinstance(value, bool) or not isinstance(value, float | int):
                raise ValueError(f'"{question.id}" needs a number, not {value!r}')
            assert question.min is not None and question.max is not None
            if not question.min <= value <= question.max:
                raise ValueError(f'"{question.id}" needs a number from {question.min} to {question.max}')
        elif kind is QuestionKind.MULTI:
            if not isinstance(value, frozenset) or not value:
                raise ValueError(f'"{question.id}" needs a non-empty set of choices')
            unknown = value - set(question.answer_values())
            if unknown:
                raise ValueError(f'"{question.id}" has no choice {sorted(unknown)[0]!r}')
            if len(value) > 1 and any(c.exclusive and c.id in value for c in question.choices):
                raise ValueError(f'"{question.id}": "none" and "not sure" cannot be combined with other choices')
        elif value not in question.answer_values():
            raise ValueError(f'"{question.id}" has no answer {value!r}')

    # --- results ---------------------------------------------------------------------------------

    def verdicts(self) -> dict[str, Verdict]:
        """Every criterion's verdict from the answers so far, in the content pack's order."""
        return dict(self._verdicts)

    def failed(self) -> list[Criterion]:
        """The criteria the answers clearly do not meet."""
        return [self.pack.criteria[c] for c, v in self._verdicts.items() if v is Verdict.NOT_MET]

    def outcome(self) -> Outcome:
        """not_eligible as soon as something clearly fails; otherwise the result once all is answered."""
        verdicts = self._verdicts.values()
        if Verdict.NOT_MET in verdicts:
            return Outcome.NOT_ELIGIBLE
        if self.current() is not None:
            return Outcome.IN_PROGRESS
        if Verdict.UNKNOWN in verdicts:
            return Outcome.UNSURE
        return Outcome.POSSIBLE_MATCH


def pressed_value(question: Question, values: list[str]) -> AnswerValue:
    """The answer value that pressing these buttons gives."""
    if question.kind is QuestionKind.MULTI:
        return frozenset(values)
    if len(values) != 1:
        raise ValueError(f'"{question.id}" takes one button, not {len(values)}')
    return values[0]
