"""What a typed answer was understood as: the Interpretation, and its Status.

Its own module so that screens can name these without loading the interpreter (and rapidfuzz) before
the first answer is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from ..engine import AnswerValue


SaidAs = Literal["exactly", "at_least", "about"]


class Status(StrEnum):
    UNDERSTOOD = "understood"
    UNCLEAR = "unclear"
    OUT_OF_RANGE = "out_of_range"


class Unclear(StrEnum):
    """Why an unclear answer gave no answer. A refusal and a question back were understood: they are only no
    answer, and the re-ask says so kindly, not "Sorry, I did not understand"."""

    PLAIN = "plain"
    """The words did not settle an answer."""
    REFUSAL = "refusal"
    """The person would rather not say ("I'd rather not say", "不想说": `refusals` in the words files)."""
    ASKING_BACK = "asking_back"
    """The person asked a question back ("what is HIV?", "艾滋病是什么": `asking_back` in the words files)."""
    SEVERAL = "several"
    """More than one amount was given where one is asked for ("lipoic acid 2 years, epalrestat 6 months",
    "半年6个月"): the re-ask asks for one, not for "a more exact" one."""


@dataclass(frozen=True)
class Interpretation:
    """What a typed answer was understood as, how sure, and why."""

    status: Status
    value: AnswerValue | None
    confidence: float
    reason: str
    suggestions: tuple[str, ...] = ()
    """Answer values closest to what was typed, best first, for "Did you mean ...?"."""
    inexact: bool = False
    """Unclear because the number or time given is not one exact one ("50 something", "more than 3
    months" where 6 is needed): the re-ask asks for a more exact one."""
    said_in_years: float | None = None
    """A time said in years alone ("两年", "2 years", "两年多"), in years; `value` is in months."""
    said_in_weeks: float | None = None
    """A time said in weeks alone ("6 weeks", "六周"), in weeks; `value` is in months."""
    said_as: SaidAs = "exactly"
    """How an understood time was said: as its least ("more than a year", "两年多": `value` is 12, 24) or
    as about so much ("about 2 years"); shown back with it, so "more than a year" is not read back as 12
    months on the dot."""
    about_others: bool = False
    """Unclear because it speaks of someone else ("my husband is positive", "我妈得过癌症"): the re-ask says
    that the question is about the person."""
    why_unclear: Unclear = Unclear.PLAIN
    """For an unclear answer: a refusal, a question back, or words that settle nothing (see `Unclear`)."""
    near: float | None = None
    """Unclear because a time said as about so much ("about 6 months") is near where the question's answer changes:
    that bound (6). The re-ask asks which side of it, not for "a rough number", which was just given."""
