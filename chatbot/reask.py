"""The words that ask a question again after a typed answer gave none: what was unclear, and what would help.

A refusal ("I'd rather not say") and a question back ("what is HIV?") were understood: they are only no answer.
They are not met with "Sorry, I did not understand", but with a kind line of their own (`Unclear`). Which line
is chosen here, from what the understanding says about the answer, so the app and a test without a screen agree.
"""

from __future__ import annotations

from .content import ContentPack
from .literal import excerpt, printable
from .models import Question, QuestionKind
from .summary import format_number, time_in
from .understanding import Interpretation, Status, Unclear


def reask_message(
    pack: ContentPack, question: Question, text: str, meaning: Interpretation, offered: bool, lang: str
) -> str:
    """A kind re-ask that quotes what was typed (literally) and says what would help (`offered`: the closest
    answers are shown as buttons)."""

    def t(key: str, **values: object) -> str:
        return pack.text(key, lang, **values)

    said = excerpt(printable(text.strip()))
    if meaning.status is Status.OUT_OF_RANGE:
        assert question.min is not None and question.max is not None
        return t("reask_out_of_range", said=said, min=format_number(question.min), max=format_number(question.max))
    # Neither names "Not sure": beside a yes ("有，不想说", "I tested positive, what does that mean") that steered the
    # person away from what they said. The buttons below show "Not sure" where the question has it.
    if meaning.why_unclear is Unclear.REFUSAL:
        return t("reask_refusal")
    if meaning.why_unclear is Unclear.ASKING_BACK:
        return t("reask_asking_back", why=t("ui_why_button"))
    if meaning.about_others:
        return t("reask_about_you", said=said)
    if offered:
        return t("reask_suggest_multi" if question.kind is QuestionKind.MULTI else "reask_suggest", said=said)
    if meaning.near is not None and question.kind is QuestionKind.DURATION:
        line = time_in(pack, format_number(meaning.near), "months", lang)
        return t("reask_duration_near", said=said, line=line, unsure=t("answer_unsure"))
    if meaning.inexact:
        inexact = "reask_number_inexact" if question.kind is QuestionKind.NUMBER else "reask_duration_inexact"
        return t(inexact, said=said)
    if question.kind is QuestionKind.NUMBER:
        return t("reask_number", said=said)
    if question.kind is QuestionKind.DURATION:
        return t("reask_duration", said=said)
    return t("reask_unclear", said=said)
