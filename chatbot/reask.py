"""The words that ask a question again after a typed answer gave none: what was unclear, and what would help.

A refusal ("I'd rather not say") and a question back ("what is HIV?") were understood: they are only no answer.
They are not met with "Sorry, I did not understand", but with a kind line of their own (`Unclear`). Which line
is chosen here, from what the understanding says about the answer, so the app and a test without a screen agree.
"""

from __future__ import annotations

from .content import ContentPack
from .engine import Screening
from .literal import excerpt, printable
from .models import Question, QuestionKind
from .summary import format_number, time_in, yes_no_label
from .understanding import Interpretation, Status, Unclear


ABOUT_YOU = "reask_about_you"
"""The line that tells someone who wrote of another person that the questions are about whoever may join."""


def told_before(screening: Screening, meaning: Interpretation) -> bool:
    """Whether this try's re-ask says what the person was already told in this conversation, and so says it
    short; notes that they have been told. Someone typing for a relative writes "she ..." at every question, and
    read the same four sentences at each."""
    return tells_about_you(meaning) and screening.tell_once(ABOUT_YOU)


def tells_about_you(meaning: Interpretation) -> bool:
    """Whether the re-ask of this try says that the question is about the person who may join: what was said is
    of someone else, and it is not a refusal, a question back or a number out of range (their lines say more)."""
    unclear_why = meaning.why_unclear in (Unclear.REFUSAL, Unclear.ASKING_BACK)
    return meaning.about_others and meaning.status is not Status.OUT_OF_RANGE and not unclear_why


def reask_message(
    pack: ContentPack, question: Question, text: str, meaning: Interpretation, offered: bool, lang: str,
    told: bool = False,
) -> str:
    """A kind re-ask that quotes what was typed (literally) and says what would help (`offered`: the closest
    answers are shown as buttons; `told`: the person was told what it explains before, see `told_before`)."""

    def t(key: str, **values: object) -> str:
        return pack.text(key, lang, **values)

    said = excerpt(printable(text.strip()))
    if tells_about_you(meaning):
        return t("reask_about_you_short" if told else ABOUT_YOU, said=said)
    if meaning.status is Status.OUT_OF_RANGE:
        assert question.min is not None and question.max is not None
        return t("reask_out_of_range", said=said, min=format_number(question.min), max=format_number(question.max))
    # Neither names "Not sure": beside a yes ("有，不想说", "I tested positive, what does that mean") that steered the
    # person away from what they said. The buttons below show "Not sure" where the question has it.
    if meaning.why_unclear is Unclear.REFUSAL:
        return t("reask_refusal")
    if meaning.why_unclear is Unclear.ASKING_BACK:
        return t("reask_asking_back", why=t("ui_why_button"))
    if offered:
        return t("reask_suggest_multi" if question.kind is QuestionKind.MULTI else "reask_suggest", said=said)
    if meaning.near is not None:
        line = time_in(pack, format_number(meaning.near), "months", lang)
        if question.kind is QuestionKind.DURATION:
            return t("reask_duration_near", said=said, line=line, unsure=t("answer_unsure"))
        if question.within_months is not None:  # "3 months ago", to "in the last 3 months?"
            # Which side, said as which button: "Was it in the last 3 months, or longer ago?" was answered "longer ago",
            # which no question's words read.
            yes, no = (yes_no_label(pack, question, value, lang) for value in ("yes", "no"))
            return t("reask_window_near", said=said, line=line, yes=yes, no=no, unsure=t("answer_unsure"))
    if meaning.why_unclear is Unclear.SEVERAL and question.kind is QuestionKind.DURATION:
        return t("reask_duration_several", said=said)
    if meaning.inexact:
        inexact = "reask_number_inexact" if question.kind is QuestionKind.NUMBER else "reask_duration_inexact"
        return t(inexact, said=said)
    if question.kind is QuestionKind.NUMBER:
        return t("reask_number", said=said)
    if question.kind is QuestionKind.DURATION:
        return t("reask_duration", said=said)
    return t("reask_unclear", said=said)
