"""Property-based tests: no input and no sequence of moves breaks the engine or the understanding."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbot.content import ContentPack
from chatbot.engine import AnswerValue, Screening
from chatbot.models import UNSURE, Outcome, Question, QuestionKind, Verdict
from chatbot.understanding import Status, Understanding

HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that hurts: control characters, escape sequences, NUL, right-to-left marks, emoji, combining marks.
nasty_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=10_000),
    st.sampled_from(["\x00", "\x1b[2J", "\u202eyes", "ye\u0301s", "👍", "[bold red]x[/]", "[/", "{{ 7*7 }}",
                     "{% raw %}", "9" * 400, "-5", "1e309", "NaN", "∞", "４５", "no" * 5000]),
)


def valid_value(question: Question, data: st.DataObject) -> AnswerValue:
    """A random valid answer for a question."""
    if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
        assert question.min is not None and question.max is not None
        number = data.draw(st.floats(min_value=question.min, max_value=question.max, allow_nan=False))
        return UNSURE if question.allow_unsure and data.draw(st.booleans()) else number
    values = question.answer_values()
    if question.kind is QuestionKind.MULTI:
        plain = [c.id for c in question.choices if not c.exclusive]
        exclusive = [c.id for c in question.choices if c.exclusive]
        if exclusive and data.draw(st.booleans()):
            return frozenset({data.draw(st.sampled_from(exclusive))})
        return frozenset(data.draw(st.lists(st.sampled_from(plain), min_size=1, unique=True)))
    return data.draw(st.sampled_from(values))


@HYPOTHESIS
@given(data=st.data())
def test_any_sequence_of_moves_keeps_the_engine_consistent(pack: ContentPack, data: st.DataObject) -> None:
    screening = Screening(pack)
    for _ in range(data.draw(st.integers(min_value=1, max_value=60))):
        move = data.draw(st.sampled_from(["answer", "answer", "answer", "back", "goto", "reset"]))
        question = screening.current()
        if move == "answer" and question is not None:
            screening.answer(question.id, valid_value(question, data), "said")
        elif move == "back":
            screening.back()
        elif move == "goto" and screening.answers:
            screening.goto(data.draw(st.sampled_from(screening.answers)).question_id)
        elif move == "reset":
            screening.reset()
        current = screening.current()
        if current is not None:
            assert screening.is_relevant(current)
        assert all(screening.is_relevant(pack.question(g.question_id)) for g in screening.answers)
        verdicts = screening.verdicts()
        assert set(verdicts) == set(pack.criteria)
        outcome = screening.outcome()
        assert (outcome is Outcome.NOT_ELIGIBLE) == (Verdict.NOT_MET in verdicts.values())
        position, total = screening.progress()
        assert 0 <= position <= total <= len(pack.questions)


@HYPOTHESIS
@given(text=nasty_text, data=st.data())
def test_any_text_is_understood_or_asked_again_never_an_error(
    pack: ContentPack, understanding: Understanding, text: str, data: st.DataObject
) -> None:
    question = data.draw(st.sampled_from(pack.questions))
    lang = data.draw(st.sampled_from(sorted(pack.words)))
    meaning = understanding.interpret(question, text, lang)
    assert meaning.status in set(Status)
    assert 0.0 <= meaning.confidence <= 1.0
    for suggestion in meaning.suggestions:
        assert suggestion in question.answer_values()
    if meaning.status is Status.UNDERSTOOD:
        # An understood answer is always one the engine accepts: the next state is valid.
        assert meaning.value is not None
        Screening.validate(question, meaning.value)
