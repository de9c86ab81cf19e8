"""Every question a patient reads is at Flesch-Kincaid grade 8 or below (English)."""

from __future__ import annotations

import pytest

from chatbot import readability
from chatbot.content import ContentPack


def test_every_question_is_at_grade_8_or_below(pack: ContentPack) -> None:
    if not readability.available():
        pytest.fail("textstat is a test dependency: pip install -e '.[test]'")
    too_hard = {
        where: round(readability.grade(text), 1)
        for where, text, is_question in readability.patient_texts(pack)
        if is_question and readability.grade(text) > readability.QUESTION_GRADE_LIMIT
    }
    assert too_hard == {}


def test_a_hard_sentence_is_caught() -> None:
    hard = "Participants demonstrating contraindications to intramuscular administration of investigational cellular products are ineligible."
    assert readability.grade(hard) > readability.QUESTION_GRADE_LIMIT
