"""Reading level of patient-facing English: Flesch-Kincaid grade, from textstat when installed."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from .content import ContentPack

QUESTION_GRADE_LIMIT = 8.0


@cache
def _textstat() -> Any | None:
    try:
        import textstat
    except ImportError:
        return None
    textstat.set_lang("en_US")
    return textstat


def available() -> bool:
    """Whether the readability library (a test/dev dependency) is installed."""
    return _textstat() is not None


def grade(text: str) -> float:
    """Flesch-Kincaid grade of `text` (requires textstat)."""
    library = _textstat()
    if library is None:
        raise RuntimeError("textstat is not installed")
    return float(library.flesch_kincaid_grade(text))


def patient_texts(pack: ContentPack, lang: str = "en") -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_question_text) for every patient-facing text in `lang`."""
    for question in pack.questions:
        # The hint is read together with the question, so they are graded as one passage.
        hint = f" {question.hint[lang]}" if question.hint else ""
        yield f"question {question.id}", question.text[lang] + hint, True
        yield f"question {question.id} why", question.why[lang], True
        for choice in question.choices:
            yield f"question {question.id} choice {choice.id}", choice.label[lang], False
    for criterion in pack.criteria.values():
        yield f"criterion {criterion.id} why", criterion.why[lang], False
        yield f"criterion {criterion.id} not met", criterion.not_met[lang], False
    for key, text in pack.messages.items():
        yield f"message {key}", text[lang], False
