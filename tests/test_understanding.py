"""Understanding typed answers: the labelled set's accuracy and flips, the hard cases, and the command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import runpy
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from chatbot.cli import main
from chatbot.content import ContentError, ContentPack, load_content
from chatbot.engine import Screening
from chatbot.models import UNSURE
from chatbot.understanding import Interpretation, Status, Understanding, normalise
from chatbot.understanding.text import tokens

ROOT = Path(__file__).resolve().parent.parent


# The labelled set's own loader and scoring, so the tests judge answers exactly as the report does.
measure = SimpleNamespace(**runpy.run_path(str(ROOT / "tests" / "answers" / "measure.py")))


@pytest.fixture(scope="module")
def report(pack: ContentPack) -> Any:
    return measure.measure(pack)


def read(understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str = "en") -> Interpretation:
    return understanding.interpret(pack.question(question), text, lang)


def value(understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str = "en") -> object:
    """What an answer was understood as, in the labels' terms ("unclear", a value, a sorted list)."""
    return measure.reading(read(understanding, pack, question, text, lang))


# The labelled set ---------------------------------------------------------------------------------


def test_the_words_of_every_answer_button_typed_are_that_answer(understanding: Understanding, pack: ContentPack) -> None:
    """Someone who types what a button says (说过, "A woman", 参加过) gets that button's answer."""
    from chatbot.summary import button_labels

    checked = 0
    for question in pack.questions:
        for lang in pack.languages:
            for answer in question.answer_values():
                label = button_labels(pack, question, [answer], lang)
                expected = frozenset({answer}) if question.kind.value == "multi" else answer
                assert understanding.interpret(question, label, lang).value == expected, (lang, question.id, label)
                checked += 1
    assert checked > 150
    assert button_labels(pack, pack.question("doctor_said_neuropathy"), ["no"], "zh") == "没说过"
    assert button_labels(pack, pack.question("doctor_said_neuropathy"), ["no"], "en") == "No"


def test_the_labelled_set_is_large_and_covers_every_question_in_both_languages() -> None:
    cases = measure.load_cases()
    assert len(cases) >= 600
    pack = load_content(ROOT / "content")
    for lang in ("en", "zh"):
        asked = {c.question for c in cases if c.lang == lang}
        assert asked == {q.id for q in pack.questions}, lang


def test_the_labelled_set_is_understood_at_least_97_percent(report: Any) -> None:
    assert report.accuracy >= 0.97, report.text()


def test_the_labelled_set_has_no_dangerous_flip(report: Any) -> None:
    flips = [f"{o.case.lang}:{o.case.line} {o.case.text!r} -> {measure.reading(o.meaning)!r}" for o in report.flips]
    assert flips == []


def test_a_flip_is_told_apart_from_a_mere_mistake() -> None:
    assert measure.dangerous("yes", "no")
    assert measure.dangerous("unclear", "yes")
    assert measure.dangerous(UNSURE, "no")
    assert measure.dangerous(6, 18.0)
    assert measure.dangerous(["pain"], ["none"])
    assert not measure.dangerous("yes", "unclear")
    assert not measure.dangerous("unclear", UNSURE)
    assert not measure.dangerous(45, "out_of_range")


# Hard answers, read as a careful person would ---------------------------------------------------------

NEGATIONS_AND_HEDGES = [
    ("en", "hiv", "not sure", UNSURE),
    ("en", "hiv", "no idea", UNSURE),
    ("en", "hiv", "I don't know", UNSURE),
    ("en", "cell_allergy", "not really", "no"),
    ("en", "hiv", "I don't have HIV", "no"),
    ("en", "hiv", "never tested positive", "no"),
    ("en", "pregnant_or_breastfeeding", "I'm not pregnant", "no"),
    ("en", "baby_plan", "we have not decided", UNSURE),
    ("en", "hiv", "yes and no", "unclear"),
    ("en", "hiv", "yes I'm not sure", "unclear"),
    ("en", "hiv", "maybe yes", "unclear"),
    ("en", "hiv", "probably not", "unclear"),
    ("en", "visits", "I can if someone drives me", "unclear"),
    ("en", "hiv", "i dont now", "unclear"),
    ("zh", "hiv", "是", "yes"),
    ("zh", "hiv", "嗯", "yes"),
    ("zh", "hiv", "没有", "no"),
    ("zh", "hiv", "不是", "no"),
    ("zh", "hiv", "否", "no"),
    ("zh", "hiv", "不知道", UNSURE),
    ("zh", "hiv", "记不清了", UNSURE),
    ("zh", "hiv", "可能", UNSURE),
    ("zh", "hiv", "可能有", "unclear"),
    ("zh", "hiv", "有也没有", "unclear"),
    ("zh", "cell_allergy", "应该没有", "unclear"),
    ("zh", "symptoms_after_diabetes", "记不得了", UNSURE),
    ("zh", "other_conditions", "没有脑梗", "unclear"),
    ("zh", "other_conditions", "有脑梗，没有化疗", ["stroke"]),
    ("zh", "diabetes_type", "不是2型", "unclear"),
    ("zh", "diabetes_type", "不是2型，是1型", "type1"),
    ("zh", "nerve_medicines", "除了依帕司他都吃过", ["lipoic_acid", "methylcobalamin"]),
]
LOOSE_NAMES = [
    ("en", "nerve_medicines", "thioctic acid", ["lipoic_acid"]),
    ("en", "nerve_medicines", "ALA", ["lipoic_acid"]),
    ("en", "nerve_medicines", "mecobalamin", ["methylcobalamin"]),
    ("en", "nerve_medicines", "vitamin B12", "unclear"),  # not always methylcobalamin: asked again, offering it
    ("en", "nerve_medicines", "eparlestat", ["epalrestat"]),
    ("en", "nerve_medicines", "lipoic acid and epalrestat", ["epalrestat", "lipoic_acid"]),
    ("en", "nerve_medicines", "all three", ["epalrestat", "lipoic_acid", "methylcobalamin"]),
    ("en", "nerve_medicines", "none of these", ["none"]),
    ("en", "nerve_medicines", "lipoic acid and none", "unclear"),
    ("en", "nerve_medicines", "lipoic acid and some vitamin", "unclear"),
    ("en", "other_conditions", "stroke", ["stroke"]),
    ("en", "other_conditions", "kidney failure", ["kidneys"]),
    ("en", "other_conditions", "slipped disc", ["spine"]),
    ("en", "other_conditions", "chemo", ["chemotherapy"]),
    ("en", "other_conditions", "stroke but no chemo", ["stroke"]),
    ("en", "diabetes_type", "no", "no_diabetes"),
    ("en", "diabetes_type", "yes", "unclear"),
    ("en", "cancer_or_blood_disease", "my mother had cancer", "unclear"),
    ("en", "treatment_helped", "no better", "no_better"),
    ("zh", "nerve_medicines", "硫辛酸", ["lipoic_acid"]),
    ("zh", "nerve_medicines", "甲钴胺", ["methylcobalamin"]),
    ("zh", "nerve_medicines", "依帕司他", ["epalrestat"]),
    ("zh", "nerve_medicines", "依怕司他", ["epalrestat"]),
    ("zh", "other_conditions", "脑梗", ["stroke"]),
    ("zh", "other_conditions", "腰椎间盘突出", ["spine"]),
    ("zh", "other_conditions", "化疗", ["chemotherapy"]),
    ("zh", "other_conditions", "肾功能不全", ["kidneys"]),
    ("zh", "feet_symptoms", "没劲", ["weakness"]),
    ("zh", "feet_symptoms", "走路不稳", ["unsteady"]),
]

AGES_AND_DURATIONS = [  # durations in months
    ("en", "age", "45", 45),
    ("en", "age", "I'm 45", 45),
    ("en", "age", "45 y'o", 45),  # an apostrophe inside a word is no year
    ("en", "age", "forty-five", 45),
    ("en", "age", "45 years old", 45),
    ("en", "age", "age 40", 40),
    ("zh", "age", "四十五岁", 45),
    ("zh", "age", "45岁", 45),
    ("en", "age", "about 45", "unclear"),
    ("en", "age", "45 or 46", "unclear"),
    ("en", "age", "4 5", "unclear"),
    ("en", "age", "450", "out_of_range"),
    ("en", "age", "-5", "out_of_range"),
    ("en", "age", "a hundred and fifty", "out_of_range"),
    ("en", "treatment_months", "6 months", 6),
    ("en", "treatment_months", "two years", 24),
    ("en", "treatment_months", "a year and a half", 18),
    ("en", "treatment_months", "18 months", 18),
    ("en", "treatment_months", "half a year", 6),
    ("en", "treatment_months", "3 yrs", 36),
    ("en", "treatment_months", "1.5 years", 18),
    ("en", "treatment_months", "1 year and 6 months", 18),
    ("zh", "treatment_months", "两年", 24),
    ("zh", "treatment_months", "半年", 6),
    ("zh", "treatment_months", "一年半", 18),
    ("zh", "treatment_months", "6个月", 6),
    ("zh", "treatment_months", "三个月", 3),
    ("zh", "treatment_months", "两个半月", 2.5),
    ("zh", "treatment_months", "一年零三个月", 15),
    ("en", "treatment_months", "not sure", UNSURE),
    ("zh", "treatment_months", "不知道", UNSURE),
    ("en", "treatment_months", "18", "unclear"),
    ("en", "treatment_months", "2 or 3 years", "unclear"),
    ("zh", "treatment_months", "两三年", "unclear"),
    # The least it can be: it answers "at least 6 months?" when it is 6 or more, and is kept as that least.
    ("en", "treatment_months", "more than a year", 12),
    ("en", "treatment_months", "a year or more", 12),
    ("zh", "treatment_months", "一年多", 12),
    ("zh", "treatment_months", "超过半年", 6),
    ("en", "treatment_months", "more than 3 months", "unclear"),  # 4 months, or 10?
    ("zh", "treatment_months", "一个多月", "unclear"),
    ("en", "treatment_months", "over a year ago", "unclear"),
    # Shorter than the time said: "差一点半年" (just short of half a year) was read as one and a half years.
    ("zh", "treatment_months", "差一点半年", "unclear"),
    ("zh", "treatment_months", "小半年", "unclear"),
    ("zh", "treatment_months", "不满一年", "unclear"),
    ("en", "treatment_months", "going on 6 months", "unclear"),
    # An age is one number: the study ends at 55, and "50 something" may be 58.
    ("en", "age", "over 50", "unclear"),
    ("en", "age", "50 something", "unclear"),
    ("en", "age", "in my 50s", "unclear"),
    ("en", "age", "fifty odd", "unclear"),
    ("zh", "age", "五十多岁", "unclear"),
    ("zh", "age", "50多", "unclear"),
    # An age to come, or counted the traditional way (虚岁: a year or two more), is not the age now: 55 is in.
    ("en", "age", "I will be 56 in march", "unclear"),
    ("zh", "age", "明年56", "unclear"),
    ("zh", "age", "虚岁56", "unclear"),
    # about so much, near the 6 months the study needs: "about six months", "probably 5 months" were 6 and 5
    ("en", "treatment_months", "about six months", "unclear"),
    ("en", "treatment_months", "probably 5 months", "unclear"),
    ("zh", "treatment_months", "半年左右", "unclear"),
    ("en", "treatment_months", "about 2 years", 24),  # 18 to 30 months: all past 6
    ("en", "treatment_months", "around 4 months", 4),  # 3 to 5: all short of it
    # the least itself only about so much: were "6 months or longer", meeting the 6 (5 and a bit would not)
    ("en", "treatment_months", "about 6 months or more", "unclear"),
    ("en", "treatment_months", "6 months or more I think", "unclear"),
    ("zh", "treatment_months", "大概半年多", "unclear"),
    ("en", "treatment_months", "about 2 years or more", 24),  # far past it
]


# A time some months ago is no answer by itself to "pregnant or breastfeeding now?" (`not_now`): "had a baby 3
# months ago" was a no (from "ago"), though she may be breastfeeding; a no beside it stands, a yes is asked again.
NOT_NOW = [
    ("en", "pregnant_or_breastfeeding", "had a baby 3 months ago", "unclear"),
    ("zh", "pregnant_or_breastfeeding", "孩子半年前生的", "unclear"),
    ("en", "pregnant_or_breastfeeding", "pregnant 3 months ago", "unclear"),
    ("zh", "pregnant_or_breastfeeding", "一年前怀孕", "unclear"),
    ("en", "pregnant_or_breastfeeding", "stopped breastfeeding 2 months ago", "no"),
    ("zh", "pregnant_or_breastfeeding", "三个月前断奶了", "no"),
    ("en", "pregnant_or_breastfeeding", "pregnant 10 years ago", "unclear"),  # long ago is a no: two readings
    ("en", "pregnant_or_breastfeeding", "no, my last baby was 15 years ago", "no"),
    ("zh", "pregnant_or_breastfeeding", "喂过母乳", "unclear"),  # has breastfed, maybe not now: it was a yes
    ("zh", "pregnant_or_breastfeeding", "从来没喂过母乳", "no"),
]
# A question's own `neutral` words say nothing there and still hedge elsewhere: "sometimes" numb is numb.
HOW_OFTEN = [
    ("en", "feet_symptoms", "pain, sometimes numbness", ["numbness", "pain"]),  # it was asked again
    ("zh", "feet_symptoms", "有时候麻，有时候疼", ["numbness", "pain"]),
    ("en", "feet_symptoms", "maybe sometimes numb", "unclear"),  # a hedge beside it still hedges
    ("en", "symptoms_after_diabetes", "sometimes", "unclear"),
    ("zh", "alcohol_drugs", "有时候", "unclear"),
]
# A no right after the choices of a list, at the end of its part, turns them round: "依帕司他没吃过" was read as
# "none of these", beside the two medicines taken, and asked again.
NO_AFTER_A_CHOICE = [
    ("zh", "nerve_medicines", "甲钴胺和硫辛酸吃过，依帕司他没吃过", ["lipoic_acid", "methylcobalamin"]),
    ("en", "nerve_medicines", "methylcobalamin yes, epalrestat no", ["methylcobalamin"]),
    ("zh", "feet_symptoms", "麻，疼没有", ["numbness"]),
    ("zh", "feet_symptoms", "疼没有", "unclear"),  # only what is not the case
    ("zh", "nerve_medicines", "甲钴胺吃过依帕司他没吃过", "unclear"),  # the 没吃过 may reach back to both
    ("en", "feet_symptoms", "numbness no pain", ["numbness"]),  # a no before a choice, as before
]

# At a choice question too, what is said of someone else is no answer, and the person's own plain no stands:
# "no, but my mother had a stroke" was asked again.
THEIR_OWN_NO = [
    ("en", "other_conditions", "no, but my mother had a stroke", ["none"]),
    ("en", "cancer_or_blood_disease", "my mom had cancer, not me", "no"),
    ("zh", "foot_problems", "我爸截肢了，我没有", ["none"]),
]
# At "In the last 3 months, have you been in any other medical study?" (`within_months = 3`) an exact time ago
# is compared with the 3 months. It was always asked again.
TIME_AGO = [
    ("en", "recent_study", "5 months ago", "no"),
    ("en", "recent_study", "no, 5 months ago", "no"),
    ("en", "recent_study", "2 weeks ago", "yes"),
    ("zh", "recent_study", "五个月前参加过", "no"),
    ("zh", "recent_study", "两个月前参加过", "yes"),
    ("en", "recent_study", "no, 2 weeks ago", "unclear"),  # the no and the time do not fit
    ("en", "recent_study", "5 months ago, still in it", "unclear"),  # still in one: not a no
    ("zh", "recent_study", "五个月前参加的，还没结束", "unclear"),
    ("en", "recent_study", "started one 5 months ago", "unclear"),  # a word we do not know: it may go on
    ("en", "recent_study", "3 months ago", "unclear"),  # the window itself
    ("en", "recent_study", "13 weeks ago", "unclear"),  # about the window
    ("en", "recent_study", "a few months ago", "unclear"),
    # a bare yes answers "in the last 3 months" as asked: the time before them may be when the study started. These
    # were a no, while "yes, years ago" and "yes, last year" were asked again
    ("en", "recent_study", "yes, 4 months ago", "unclear"),
    ("en", "recent_study", "yes 2 years ago", "unclear"),
    ("zh", "recent_study", "有，四个月前", "unclear"),
    ("zh", "recent_study", "是的，四个月前", "unclear"),
    ("en", "recent_study", "about 2 months ago", "unclear"),
    # words that only name the study (`named`) say nothing beside a time ago: these were asked again. Before the 3
    # months, only words that say it is over settle it ("took part", 参加过): a study begun 5 months ago may still go on
    ("en", "recent_study", "I was in a drug study two months ago", "yes"),
    ("en", "recent_study", "I was in a drug study five months ago", "unclear"),
    ("en", "recent_study", "a study 5 months ago", "unclear"),
    ("en", "recent_study", "I took part in a drug study five months ago", "no"),
    ("zh", "recent_study", "五个月前参加过一个药的试验", "no"),
    # words that put it at the present beside a time before the window (`ongoing`): it may still go on. These were a no
    ("en", "recent_study", "6 months ago, now in one", "unclear"),
    ("en", "recent_study", "im in one from 5 months ago", "unclear"),
    ("en", "recent_study", "took part 5 months ago and now too", "unclear"),
    ("zh", "recent_study", "五个月前参加过，现在又参加了", "unclear"),
    ("en", "recent_study", "2 weeks ago, still in it", "yes"),  # within the window, going on is a yes all the same
]
# At a yes/no question too, what it asks about named apart from a no (`named`) says it was there: "没有，就是一个药物
# 试验" (no, it was just a drug trial) was a no.
NAMED_APART_FROM_A_NO = [
    ("zh", "recent_study", "没有，就是一个药物试验", "unclear"),
    ("zh", "recent_study", "没有，就是一个研究", "unclear"),
    ("en", "recent_study", "no, just a clinical trial", "unclear"),
    ("en", "recent_study", "no, only a study", "unclear"),
    ("zh", "recent_study", "没有参加过药物试验", "no"),  # the no turns it round
    ("zh", "recent_study", "去年参加过一个降糖药的研究，最近冇", "no"),  # said with a no of its own
    ("en", "recent_study", "no clinical trials", "no"),
]
# At "pregnant or breastfeeding?" a no to one half and a yes to the other is a yes (`halves`), and nursing, 母乳
# are of the breastfeeding half: "not pregnant, but nursing", "没怀孕，母乳" were asked again (a no and a yes).
ONE_HALF_EACH = [
    ("en", "pregnant_or_breastfeeding", "not pregnant, but nursing", "yes"),
    ("zh", "pregnant_or_breastfeeding", "没怀孕，母乳", "yes"),
    ("zh", "pregnant_or_breastfeeding", "没怀孕，在喂母乳", "yes"),
    ("en", "pregnant_or_breastfeeding", "not pregnant, but lactating", "yes"),
    ("en", "pregnant_or_breastfeeding", "not pregnant, but not nursing", "no"),  # a no to both halves
    ("en", "pregnant_or_breastfeeding", "not pregnant, but stopped nursing", "no"),
    ("zh", "pregnant_or_breastfeeding", "没怀孕，没在喂母乳", "no"),
    ("zh", "pregnant_or_breastfeeding", "没怀孕，母乳停了", "no"),
    ("zh", "pregnant_or_breastfeeding", "没，母乳", "unclear"),  # the bare no may be said of both
    ("zh", "pregnant_or_breastfeeding", "没怀孕，喂过母乳", "unclear"),  # maybe not now
]
# A murmur (`murmurs`: 嗯) is a yes alone, and only a sound before or after another answer: "嗯，没有" (um, no)
# was both a yes and a no, and asked again.
MURMURS = [
    ("zh", "hiv", "嗯，没有", "no"),
    ("zh", "hiv", "没有，嗯。", "no"),
    ("zh", "consent", "嗯嗯，不同意", "no"),
    ("zh", "foot_problems", "恩，没有", ["none"]),
    ("zh", "hiv", "嗯，有", "yes"),
    ("zh", "hiv", "嗯", "yes"),
    ("zh", "hiv", "嗯，应该没有", "unclear"),  # the hedge still hedges
]

# Some drinking named is no plain no to "a problem with alcohol or drugs?", as "a little" is asked again in English:
# "喝一点酒，没吸毒" and "酒喝一点没吸毒" (the 酒喝 of `named` read first, its 一点 left unread) were a no.
DRINKING_A_LITTLE = [
    ("zh", "alcohol_drugs", "喝一点酒，没吸毒", "unclear"),
    ("zh", "alcohol_drugs", "酒喝一点没吸毒", "unclear"),
    ("zh", "alcohol_drugs", "酒喝一点，没吸毒", "unclear"),
    ("en", "alcohol_drugs", "a little", "unclear"),
    ("zh", "alcohol_drugs", "一点也不喝", "no"),
]


@pytest.mark.parametrize(
    ("lang", "question", "text", "expected"),
    [
        *NEGATIONS_AND_HEDGES, *LOOSE_NAMES, *AGES_AND_DURATIONS, *NOT_NOW, *HOW_OFTEN, *NO_AFTER_A_CHOICE, *MURMURS,
        *THEIR_OWN_NO, *TIME_AGO, *NAMED_APART_FROM_A_NO, *ONE_HALF_EACH, *DRINKING_A_LITTLE,
    ],
)
def test_hard_answers_are_read_as_a_careful_person_would(
    understanding: Understanding, pack: ContentPack, lang: str, question: str, text: str, expected: object
) -> None:
    assert value(understanding, pack, question, text, lang) == expected


@pytest.mark.parametrize(
    ("question", "text", "lang", "inexact"),
    [
        ("age", "50 something", "en", True),
        ("age", "52 or 53", "en", True),
        ("age", "五十多岁", "zh", True),
        ("age", "purple", "en", False),  # no number at all: asked for one, not for a more exact one
        ("treatment_months", "more than 3 months", "en", True),  # a least that does not settle "at least 6"
        ("treatment_months", "a few years", "en", True),
        ("treatment_months", "差一点半年", "zh", True),
        ("treatment_months", "两三年", "zh", True),
        ("treatment_months", "a while", "en", False),
        ("age", "45?", "en", True),  # said as a question: was 45
        ("age", "'78", "en", True),  # a year written short: was the age 78, past the study's 55
        ("age", "born ’78", "en", True),
        ("age", "≥50", "en", True),  # a sign that is not read: was 50
        ("treatment_months", "≤ 6 months", "en", True),  # was 6
        ("age", "5o", "en", False),  # a letter for a digit: was 5
        # A misspelt part of the number is no inexact age: "eigth" is one letter from eight and from eighth (an
        # ordinal, asked again at an age). They were "not one exact age"; they ask for the number again.
        ("age", "im fourty-eigth", "en", False),
        ("age", "五十溜", "zh", False),  # 五十六 by sound
    ],
)
def test_a_number_or_time_that_is_not_exact_enough_says_so(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, inexact: bool
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.inexact) == (Status.UNCLEAR, inexact)


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("feet_symptoms", "everything but weakness", "en", {"pain", "numbness", "tingling", "unsteady", "hands"}),
        ("nerve_medicines", "all but epalrestat", "en", {"lipoic_acid", "methylcobalamin"}),
        ("feet_symptoms", "都有但是不麻", "zh", {"pain", "tingling", "weakness", "unsteady", "hands"}),
    ],
)
def test_all_but_one_is_all_the_others_not_the_one(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: set[str]
) -> None:
    # "Everything but weakness" was read as weakness alone: "but" split it into "everything" and "weakness".
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.value) == (Status.UNDERSTOOD, frozenset(expected))


@pytest.mark.parametrize(
    ("question", "line", "error"),
    [
        ("feet_symptoms", 'not_now = ["months ago"]', "`not_now` is only for yes/no questions"),
        ("pregnant_or_breastfeeding", 'unfinished = ["no use"]', "`unfinished` is only for questions with choices"),
        ("pregnant_or_breastfeeding", 'named_endings = ["oma"]', "`named_endings` is only for questions with choices"),
        ("hiv", 'not_listed = ["gabapentin"]', "`not_listed` is only for questions with choices"),
        ("treatment_months", 'named = ["pills"]', "`named` is only for yes/no questions and questions with choices"),
    ],
)
def test_words_for_one_kind_of_question_are_refused_at_another(
    tmp_path: Path, question: str, line: str, error: str
) -> None:
    own = f"[questions.{question}]\n"
    _assert_english_words_refused(tmp_path, own, f"{own}{line}\n", error)


def _assert_english_words_refused(tmp_path: Path, old: str, new: str, error: str) -> None:
    """A copy of the content with `old` in the English words file written as `new` does not load, for `error`."""
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8")
    assert old in text
    words.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=error):
        load_content(content)


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("visits", "yes but my knees are bad", "en", "unclear"),  # it was a yes: the condition was not read
        ("consent", "yes, but I have questions", "en", "unclear"),
        ("visits", "可以，不过我要上班", "zh", "unclear"),
        ("consent", "no but thank you", "en", "no"),  # thanks say nothing
        ("visits", "我住在北京，不过可以坐高铁来", "zh", "yes"),  # the "but" comes before the yes
        ("visits", "yes but", "en", "yes"),  # nothing after it
        ("hiv", "no, but my husband is", "en", "no"),  # not a question that asks to agree
    ],
)
def test_an_agreement_with_a_but_we_cannot_read_after_it_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert measure.reading(meaning) == expected
    if expected == "unclear":
        assert meaning.suggestions == ("yes",)  # "Did you mean Yes?": what was said comes first


@pytest.mark.parametrize(("text", "lang"), [("I can't read well", "en"), ("我不识字", "zh")])
def test_not_reading_well_is_no_refusal_to_consent(understanding: Understanding, pack: ContentPack, text: str, lang: str) -> None:
    # It was a no: consent and the ability to consent "not met", and the person told the study may not suit them.
    assert value(understanding, pack, "consent", text, lang) == "unclear"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("diabetes came first", "en", "yes"),  # it was read as a no ("first"); the whole phrase is listed now
        ("first the pain, then diabetes", "en", "no"),  # "then diabetes" is listed
        ("first the diabetes, I think", "en", "unclear"),
        ("先有的糖尿病", "zh", "yes"),  # it was read as a no ("先有的"); the whole phrase is listed now
        ("先脚麻后来才查出糖尿病", "zh", "unclear"),  # a no: it was read as a yes ("后来")
    ],
)
def test_an_order_that_names_the_diabetes_too_is_never_read_from_its_order_word_alone(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: str
) -> None:
    assert value(understanding, pack, "symptoms_after_diabetes", text, lang) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [("age", "50多", "unclear"), ("hiv", "没有", "no"), ("age", "52岁", 52)])
def test_chinese_typed_on_the_english_screen_is_read_as_chinese(
    understanding: Understanding, pack: ContentPack, question: str, text: str, expected: object
) -> None:
    # The English words skipped the characters they did not know: "50多" (fifty-something) was the age 50.
    assert value(understanding, pack, question, text, "en") == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [("treatment_months", "5 months", 5), ("sex", "woman", "woman"), ("hiv", "negative", "no"), ("hiv", "meiyou", "no")],
)
def test_english_typed_on_the_chinese_screen_is_read_as_english(
    understanding: Understanding, pack: ContentPack, question: str, text: str, expected: object
) -> None:
    # Only the few English words the Chinese words know were read: "5 months" and "woman" were asked again.
    # Pinyin, which the English words do not know, is still read with the Chinese words.
    assert value(understanding, pack, question, text, "zh") == expected


def test_english_the_chinese_words_read_another_way_is_asked_again_with_both(
    understanding: Understanding, pack: ContentPack
) -> None:
    # "no idea" to "Has a doctor said diabetes hurt your nerves?" was a no from its "no", which ends the screening.
    meaning = understanding.interpret(pack.question("doctor_said_neuropathy"), "no idea", "zh")
    assert (meaning.status, set(meaning.suggestions)) == (Status.UNCLEAR, {"unsure", "no"})
    # "no problem" to "Can you come to every visit?" was a no too. The Chinese words now find "no" before a word
    # they do not know (asked again at that question: see the next test), so the English reading stands.
    assert value(understanding, pack, "visits", "no problem", "zh") == "yes"


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("consent", "I don't object", "en", "unclear"),  # was a no: "not" before a word we do not know
        ("visits", "I wouldn't hesitate", "en", "unclear"),
        ("consent", "不推辞", "zh", "unclear"),
        ("visits", "不嫌弃", "zh", "unclear"),
        ("consent", "not interested", "en", "no"),  # a refusal said plainly stays a no
        ("visits", "不想参加", "zh", "no"),
        ("hiv", "I don't object", "en", "no"),  # elsewhere a "not" keeps its no (the same words)
        ("stem_cells_before", "never had anything like that", "en", "no"),
    ],
)
def test_a_not_before_an_unknown_word_is_asked_again_where_a_no_refuses(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: str
) -> None:
    """At the questions that ask for an agreement (`agreement = true`), a "not" may turn round a word that says
    no itself ("I don't object"): read as a no, it ended the screening."""
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("I stopped breastfeeding last month", "en", "no"),  # was a yes ("breastfeeding"): ruled out
        ("I haven't stopped breastfeeding", "en", "yes"),  # was a no ("haven't" ... "breastfeeding")
        ("没断奶", "zh", "unclear"),  # not weaned yet: was a no ("没")
        ("还没断奶", "zh", "unclear"),
        ("刚断奶", "zh", "no"),
        # the other words for breastfeeding: each was a yes, or "not done nursing" a no
        ("done nursing", "en", "no"),
        ("not done nursing", "en", "yes"),
        ("母乳停了", "zh", "no"),
        ("断了母乳", "zh", "no"),
        # fed until some time, or it ended: when?
        ("母乳喂到一岁", "zh", "unclear"),
        ("哺乳期结束了", "zh", "unclear"),
        ("breastfeeding ended", "en", "unclear"),
    ],
)
def test_stopping_breastfeeding_and_not_stopping_are_told_apart(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: str
) -> None:
    meaning = read(understanding, pack, "pregnant_or_breastfeeding", text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected
    assert "no" not in meaning.suggestions or expected == "no"  # "没断奶" looks like "没": never offered "No"


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("hiv", "no problem", "en", "no"),  # was a yes: "ever had a positive HIV test?" "no problem" -> ruled out
        ("hiv", "没问题", "zh", "no"),
        ("consent", "no problem", "en", "yes"),  # where it means "that is OK", it still does
        ("visits", "没问题", "zh", "yes"),
        ("cancer_or_blood_disease", "没复发", "zh", "past"),  # no relapse: it was there (was "no", never had it)
        ("cancer_or_blood_disease", "no relapse", "en", "past"),
        ("consent", "no objection", "en", "yes"),  # was a no (from "no"): consent "not met", ruled out
        ("consent", "没意见", "zh", "yes"),
        ("symptoms_after_diabetes", "I didn't notice", "en", UNSURE),  # was a no: the nerve damage "not met"
        ("symptoms_after_diabetes", "没注意", "zh", UNSURE),
    ],
)
def test_no_problem_and_no_relapse_mean_what_they_say_to_each_question(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: str
) -> None:
    assert value(understanding, pack, question, text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [("I'm ok", "en"), ("挺好的", "zh"), ("都挺好", "zh"), ("还好", "zh")])
def test_how_the_person_is_is_no_yes_to_a_health_question(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    # "挺好的" (I'm fine) to "ever had a positive HIV test?" was the yes of "好", and a yes there rules out.
    assert value(understanding, pack, "hiv", text, lang) == "unclear"


def test_maybe_in_chinese_is_never_a_yes(understanding: Understanding, pack: ContentPack) -> None:
    for text in ("可能", "可能吧", "可能有", "也许是", "可能是的"):
        assert value(understanding, pack, "hiv", text, "zh") in (UNSURE, "unclear"), text


@pytest.mark.parametrize("text", ["type 22", "52 type"])
def test_a_typo_is_never_read_across_a_different_number(understanding: Understanding, pack: ContentPack, text: str) -> None:
    # "type 22" was type 2: the whole answer is 92% like "type 2", and no word of it was known.
    meaning = read(understanding, pack, "diabetes_type", text)
    assert meaning.status is Status.UNCLEAR and "type2" in meaning.suggestions


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("age", "fiftee", "unclear"),  # a letter short of fifteen, and said like fifty: it was 15
        ("age", "sixtee", "unclear"),  # it was 16
        ("age", "fourtee", "unclear"),  # said like "fourty", a slip of forty: it was 14
        ("treatment_months", "sixtee months", "unclear"),
        ("age", "fifteen", 15),
        ("age", "sixteen", 16),
        ("age", "fifty", 50),
        ("age", "sixty", 60),
        ("age", "fourty five", 45),  # a slip of one number word only is still mended
        # a letter more than fifty, two from fifteen ("-ey" for the y of "fifty"): fifty, said back to the person
        ("age", "fiftey", 50),
        ("age", "sixtey", 60),
        # Beside digits, the slip was left out: "fiftee 52" was 52, "thirtee 3 months" 3 (too short for the study)
        ("age", "fiftee 52", "unclear"),
        ("age", "52 fiftee", "unclear"),
        ("treatment_months", "thirtee 3 months", "unclear"),
        ("treatment_months", "fiftee 1 year", "unclear"),
        ("age", "I am 52 years old", 52),
    ],
)
def test_a_slip_said_like_one_number_and_spelt_like_another_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, expected: object
) -> None:
    assert value(understanding, pack, question, text) == expected


def test_an_unclear_answer_comes_with_the_closest_options(understanding: Understanding, pack: ContentPack) -> None:
    meaning = read(understanding, pack, "nerve_medicines", "甲股胺", "zh")  # "甲古胺" is listed now (by voice)
    assert meaning.status is Status.UNCLEAR
    assert meaning.suggestions[0] == "methylcobalamin"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("gabapentin only", "en"), ("yes, gabapentin", "en"), ("普瑞巴林", "zh"), ("只吃了加巴喷丁", "zh")],
)
def test_only_a_medicine_none_of_the_three_is_offered_none_of_these_not_read_as_it(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    # Gabapentin and pregabalin are pain medicines, not one of the three: it was "did not understand", every answer shown.
    meaning = read(understanding, pack, "nerve_medicines", text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ("none",))


def test_a_bare_yes_to_a_which_question_suggests_the_yes_choices(
    understanding: Understanding, pack: ContentPack
) -> None:
    meaning = read(understanding, pack, "cancer_or_blood_disease", "yes")
    assert meaning.status is Status.UNCLEAR
    assert set(meaning.suggestions) == {"now", "past"}


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("hiv", "my husband is positive", "en"),  # was the person's own yes, then "Did you mean yes?"
        ("hiv", "我老公是阳性", "zh"),
        ("cancer_or_blood_disease", "我妈得过癌症", "zh"),  # was "Yes, in the past"? (the mother's)
        ("other_conditions", "my mother had a stroke", "en"),
        ("hiv", "yes, my wife", "en"),  # the yes is the wife's: was the person's own yes
        ("hiv", "是的，我老公", "zh"),
        ("cancer_or_blood_disease", "no, my wife", "en"),  # the no may be the wife's
        ("diabetes_type", "type 2, my mother too", "en"),  # a choice beside someone else's
    ],
)
def test_an_answer_about_someone_else_is_asked_again_as_one_with_nothing_of_theirs_offered(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.about_others, meaning.suggestions) == (Status.UNCLEAR, True, ())


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("feet_symptoms", "about 3 years", "en"),  # was: "None of these"?
        ("feet_symptoms", "both", "en"),  # was: "None of these"? ("both" and "nothing" share three letters)
        ("feet_symptoms", "有", "zh"),  # "I have": was "None of these"? ("有" is most of "没有")
        ("feet_symptoms", "yes", "en"),  # which ones? Every answer, to choose from, not two picked by likeness
        ("hiv", "drop table answers", "en"),  # was: "No"?
        ("diabetes_type", "not type 1", "en"),  # was: "Yes, type 1 diabetes"? the one answer they ruled out
        ("diabetes_type", "不是1型", "zh"),
        ("diabetes_type", "I take insulin", "en"),  # was: "Yes, type 2 diabetes"? (words of "non insulin dependent")
        ("diabetes_type", "on insulin", "en"),
        ("diabetes_type", "insulin dependent", "en"),
        ("diabetes_type", "打胰岛素", "zh"),  # was: three of the four yes answers, not "not sure which type"
        ("diabetes_type", "用胰岛素", "zh"),
        ("diabetes_type", "yes, I have diabetes", "en"),
        ("diabetes_type", "no, on insulin", "en"),  # was: "No", "another type", "type 1"? (not type 2)
        ("sex", "not a man", "en"),  # was: "A man"?
        ("other_conditions", "高血压", "zh"),  # high blood pressure: was "a back problem that presses on nerves"? (压)
        ("foot_problems", "a small cut", "en"),  # was: "Part of a foot or leg removed (amputation)"?
        ("alcohol_drugs", "no drugs, but I drink a lot every day", "en"),  # was: "No"? (the no was for drugs)
        ("hiv", "以上都有", "zh"),  # "all of the above": was a no, as like "以上都没有" (none of the above)
        ("hiv", "做过检查", "zh"),  # "I had the test": was a no, as like "没做过检查"
        ("pregnant_or_breastfeeding", "可以", "zh"),  # "OK": was "No"? (like "不可以")
        ("hiv", "ok", "en"),  # was a yes: "OK" agrees to something, it does not say what happened
    ],
)
def test_an_answer_like_no_answer_is_offered_every_answer_not_a_chance_one(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.value, meaning.suggestions) == (Status.UNCLEAR, None, ())


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        # each was a plain no (the person marked as fitting), or at a choose-all question "None of these"
        ("hiv", "不想说", "zh"), ("hiv", "不想回答", "zh"), ("hiv", "不方便说", "zh"), ("hiv", "不说", "zh"),
        ("hiv", "不告诉你", "zh"), ("hiv", "不能说", "zh"), ("hiv", "不敢说", "zh"), ("hiv", "不便透露", "zh"),
        ("pregnant_or_breastfeeding", "不想说", "zh"), ("alcohol_drugs", "不方便说", "zh"),
        ("other_conditions", "不想回答", "zh"), ("cancer_or_blood_disease", "不告诉你", "zh"),
        ("hiv", "not comfortable answering", "en"), ("pregnant_or_breastfeeding", "i dont want to talk about it", "en"),
        ("other_conditions", "i dont want to talk about it", "en"),
        # these were asked again offering "Not sure" (and "No" at the alcohol question): a steer, not a help
        ("hiv", "I'd rather not say", "en"), ("alcohol_drugs", "I'd rather not say", "en"), ("hiv", "no comment", "en"),
    ],
)
def test_a_refusal_to_answer_is_asked_again_offering_every_answer(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.value, meaning.suggestions) == (Status.UNCLEAR, None, ())


@pytest.mark.parametrize(
    ("text", "lang"), [("不想说", "zh"), ("不想回答", "zh"), ("不便透露", "zh"), ("not comfortable answering", "en")]
)
def test_a_refusal_is_the_answer_at_the_sex_question_that_offers_not_saying(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    assert value(understanding, pack, "sex", text, lang) == "not_say"


@pytest.mark.parametrize(
    ("question", "text", "lang", "offered"),
    [
        ("doctor_said_neuropathy", "probably yes", "en", ("yes", UNSURE)),
        ("doctor_said_neuropathy", "好像是吧", "zh", ("yes", UNSURE)),
        ("doctor_said_neuropathy", "应该是", "zh", ("yes", UNSURE)),
        ("hiv", "应该有", "zh", ("yes", UNSURE)),
        ("hiv", "应该没有", "zh", ("no", UNSURE)),
        ("cell_allergy", "大概是吧", "zh", ("yes", UNSURE)),
        ("doctor_said_neuropathy", "好像没有", "zh", ("no", UNSURE)),
        ("nerve_medicines", "probably epalrestat", "en", ("epalrestat", UNSURE)),
        ("sex", "probably a man", "en", ("man",)),  # no "not sure" among its answers
        ("symptoms_after_diabetes", "i think so", "en", ("yes", UNSURE)),  # was a yes, while "probably" was asked again
        ("recent_study", "I think so", "en", ("yes", UNSURE)),  # was a yes, which rules the person out
        ("consent", "I guess so", "en", ("yes", UNSURE)),  # was offered "not sure" alone
        ("cancer_or_blood_disease", "i do think so", "en", ("now", "past", UNSURE)),
        ("hiv", "I think not", "en", ("no", UNSURE)),  # was a plain no, while "I guess not" was asked again
        ("hiv", "think not", "en", ("no", UNSURE)),  # was offered a yes
        ("recent_study", "I think not", "en", ("no", UNSURE)),
        ("diabetes_type", "I guess not", "en", ("no_diabetes", UNSURE)),  # was offered "not sure which type" alone
        ("diabetes_type", "I think not", "en", ("no_diabetes", UNSURE)),  # was "I do not have diabetes"
        ("cancer_or_blood_disease", "I think not", "en", ("no", UNSURE)),
        ("nerve_medicines", "probably not", "en", ("none", UNSURE)),
        ("diabetes_type", "应该没有", "zh", ("no_diabetes", UNSURE)),
    ],
)
def test_a_hedged_answer_offers_what_it_leans_to_and_not_sure(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, offered: tuple[str, ...]
) -> None:
    # "Probably yes" is said by someone who is not sure: "not sure" is as close as the yes.
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.value, meaning.suggestions) == (Status.UNCLEAR, None, offered)


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("cell_allergy", "what is a cell product?", "en"),  # was: "Yes"? "Not sure"? (a yes by likeness, first)
        ("hiv", "what is that", "en"),
        ("hiv", "这是什么", "zh"),  # 是 of 是什么 was a yes
        ("stem_cells_before", "什么是干细胞", "zh"),  # 是 of 什么是 too
        ("hiv", "艾滋病是什么", "zh"),  # what is HIV? was offered "Yes" first (艾滋病 alone is a yes there)
        ("hiv", "什么是艾滋病", "zh"),
        ("cancer_or_blood_disease", "什么是血液病", "zh"),  # was offered "now", "past" and "not sure"
        ("hiv", "no doubt", "en"),  # was offered "No" (like "no"), the opposite of what it leans to
    ],
)
def test_a_question_back_or_a_hedge_that_leans_to_nothing_is_offered_not_sure_alone(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, (UNSURE,))


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("hiv", "查出过阳性，什么是病毒载量", "zh"),  # a yes, and a question: "not sure" alone would steer
        ("cancer_or_blood_disease", "what is a blood disease? I had leukemia", "en"),
        ("nerve_medicines", "what is epalrestat", "en"),  # was offered Epalrestat, the medicine asked about
        ("feet_symptoms", "what is tingling", "en"),
    ],
)
def test_a_question_back_beside_an_answer_or_naming_a_choice_is_offered_every_answer(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())


@pytest.mark.parametrize(("text", "lang"), [("什么是糖尿病", "zh"), ("what is type 2", "en")])
def test_a_question_back_where_not_sure_is_a_yes_is_offered_every_answer(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    # "Not sure" at the diabetes question is "Yes, but I am not sure which type": offered alone, it would steer.
    meaning = read(understanding, pack, "diabetes_type", text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("I live far away", "en", "unclear"),  # a worry, not a no: it was a no, which rules the person out
        ("I live in Wuhan", "en", "unclear"),  # where they live, not whether they can come: it was a yes
        ("我住在武汉", "zh", "unclear"),
        ("yes, I live in Wuhan", "en", "yes"),
        ("可以，我住在武汉", "zh", "yes"),
        ("我住在武汉，来不了", "zh", "no"),
        ("too far", "en", "no"),
    ],
)
def test_where_the_person_lives_is_no_answer_to_the_visits_question(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: str
) -> None:
    assert value(understanding, pack, "visits", text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # numbness said of the hands alone ticked "Numb feet" too
        ("feet burn at nite and legs feel weak, also hands r numb", "en", ["hands", "pain", "weakness"]),
        ("numb hands", "en", ["hands"]),
        ("手麻", "zh", ["hands"]),
        ("脚疼，手麻", "zh", ["hands", "pain"]),
        ("hands tingle", "en", ["hands"]),
        # a part that names the feet too is both
        ("numb feet and hands", "en", ["hands", "numbness"]),
        ("手脚都麻", "zh", ["hands", "numbness"]),
        ("脚麻，手也麻", "zh", ["hands", "numbness"]),
        # the hands and the feet said of apart with no break between: the numbness of the hands was numb feet too
        ("numb hands and tingling feet", "en", ["hands", "tingling"]),
        ("my hands are numb and my feet tingle", "en", ["hands", "tingling"]),
        ("pain in my feet and numb hands", "en", ["hands", "pain"]),
        ("手麻和脚疼", "zh", ["hands", "pain"]),
        ("手麻且脚疼", "zh", ["hands", "pain"]),
        ("手麻脚疼", "zh", ["hands", "pain"]),
        ("numb hands and feet", "en", ["hands", "numbness"]),  # one word said of both
        ("numb hands and numb feet", "en", ["hands", "numbness"]),
        # the feet said to be well, with no break before them: the numbness of the hands was numb feet too
        ("numb hands and feet fine", "en", ["hands"]),
        ("numb hands and my feet are ok", "en", ["hands"]),
        ("feet fine and numb hands", "en", ["hands"]),
        ("手麻脚正常", "zh", ["hands"]),
    ],
)
def test_what_is_said_of_the_hands_alone_is_the_hands_answer_not_the_feet_too(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: list[str]
) -> None:
    assert value(understanding, pack, "feet_symptoms", text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # what the partner wants, said alone, is not a plan of the two: it was a yes, the end of the screening
        ("老婆想要二胎", "zh", "unclear"),
        ("我老婆想要二胎", "zh", "unclear"),
        ("老公打算要", "zh", "unclear"),
        ("wife trying for a baby", "en", "unclear"),
        # the two of them
        ("我和老婆想要二胎", "zh", "yes"),
        ("老婆和我都想要", "zh", "yes"),
        ("和老婆在备孕", "zh", "yes"),
        ("我们打算要二胎", "zh", "yes"),
        ("my wife and I are trying", "en", "yes"),
        # the person's own yes beside the partner's
        ("老公想要，我也想要", "zh", "yes"),
        ("想要，老婆也想要", "zh", "yes"),
    ],
)
def test_the_partners_wish_alone_is_asked_again_at_the_baby_question(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: str
) -> None:
    assert value(understanding, pack, "baby_plan", text, lang) == expected


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        # what follows "just" or "only", apart from a "none", is what the person has: the words we do not know were
        # dropped, and the answer was "None of these"
        ("other_conditions", "都没有，就是神经病", "zh", "unclear"),
        ("other_conditions", "没有，只有红斑", "zh", "unclear"),
        ("other_conditions", "no, only gout", "en", "unclear"),
        ("foot_problems", "none, just a bunion", "en", "unclear"),
        # found by review: a no after "only" (a neuropathy not from diabetes is a choice), more words for "only", and what
        # follows "I have" ("都没有，有个疮": none, I have a sore). They were none.
        ("other_conditions", "no, only non-diabetic neuropathy", "en", "unclear"),
        ("other_conditions", "none, just non diabetic neuropathy", "en", "unclear"),
        ("foot_problems", "都没有，只是有个疮", "zh", "unclear"),
        ("foot_problems", "都没有，仅仅是个疮", "zh", "unclear"),
        ("other_conditions", "none, merely gout", "en", "unclear"),
        ("other_conditions", "都没有，除了高血压", "zh", "unclear"),
        ("foot_problems", "都没有，有个疮", "zh", "unclear"),
        ("foot_problems", "没有，但是脚上有个疮", "zh", "unclear"),
        ("other_conditions", "none, but I have gout", "en", "unclear"),
        ("other_conditions", "none, I have diabetes", "en", ["none"]),  # the illness everyone here has
        ("other_conditions", "都没有，有糖尿病", "zh", ["none"]),
        # nothing named so: still none
        ("other_conditions", "没有，谢谢", "zh", ["none"]),
        ("other_conditions", "都没有啊医生", "zh", ["none"]),
        ("other_conditions", "no, none of those, thanks", "en", ["none"]),
        ("other_conditions", "no, I am healthy", "en", ["none"]),
        ("other_conditions", "no, just my diabetic neuropathy", "en", ["none"]),  # the illness the study is for
        ("nerve_medicines", "none, I only take metformin", "en", ["none"]),  # known to be none of the three
    ],
)
def test_words_we_do_not_know_after_only_beside_a_none_are_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: object
) -> None:
    assert value(understanding, pack, question, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("像踩棉花", ["numbness"]),  # was "unsteady when walking": the numbness answer's own label says 像踩在棉花上
        ("踩在棉花上", ["numbness"]),
        ("踩棉花一样", ["numbness"]),
        ("腳麻，像踩棉花，晚上疼得睡不著", ["numbness", "pain"]),  # was numbness, pain and unsteady
        ("脚发麻，走路像踩棉花一样", ["numbness"]),
        ("走路不稳，像踩棉花", ["numbness", "unsteady"]),
    ],
)
def test_stepping_on_cotton_is_numbness(
    understanding: Understanding, pack: ContentPack, text: str, expected: list[str]
) -> None:
    assert value(understanding, pack, "feet_symptoms", text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "lang", "offered"),
    [
        ("vitamin b12", "en", ("methylcobalamin",)),  # was methylcobalamin, one of the three the study asks for
        ("b12 pills", "en", ("methylcobalamin",)),
        ("维生素B12", "zh", ("methylcobalamin",)),
        ("b12 and ALA", "en", ("methylcobalamin", "lipoic_acid")),
    ],
)
def test_vitamin_b12_is_asked_again_offering_methylcobalamin(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, offered: tuple[str, ...]
) -> None:
    # Plain vitamin B12 is not always methylcobalamin (甲钴胺, 弥可保), the one the study names.
    meaning = read(understanding, pack, "nerve_medicines", text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, offered)


@pytest.mark.parametrize(
    ("text", "lang"), [("methylcobalamin", "en"), ("methyl b12", "en"), ("mecobalamin", "en"), ("甲钴胺", "zh"), ("弥可保", "zh")]
)
def test_methylcobalamin_by_its_names_is_still_read(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    assert value(understanding, pack, "nerve_medicines", text, lang) == ["methylcobalamin"]


@pytest.mark.parametrize(
    ("question", "text"),
    [("cancer_or_blood_disease", "no, other"), ("leg_blood_flow", "none, other"), ("alcohol_drugs", "no, other"),
     ("sex", "female other")],
)
def test_other_beside_an_answer_is_asked_again(understanding: Understanding, pack: ContentPack, question: str, text: str) -> None:
    """"other" was made a word never mended, for the sex question: then "no, other" at the cancer question was a
    plain no, and "female other" a woman. It is unclear at the sex question only."""
    assert read(understanding, pack, question, text).status is Status.UNCLEAR


@pytest.mark.parametrize("text", ["other", "Other."])
def test_other_at_the_sex_question_is_asked_again_plainly(understanding: Understanding, pack: ContentPack, text: str) -> None:
    # It was read as "mother" (one letter off), and the re-ask said that the question is about the person.
    meaning = read(understanding, pack, "sex", text)
    assert (meaning.status, meaning.about_others, meaning.suggestions) == (Status.UNCLEAR, False, ())


@pytest.mark.parametrize(("question", "lang"), [("hiv", "zh"), ("cell_allergy", "zh")])
def test_not_knowing_what_it_is_is_not_sure_not_a_yes(
    understanding: Understanding, pack: ContentPack, question: str, lang: str
) -> None:
    # "不知道是什么" (I don't know what it is) was asked again with "是" first: 是 of 是什么 was read as a yes.
    assert value(understanding, pack, question, "不知道是什么", lang) == UNSURE


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("pregnant_or_breastfeeding", "no I am pregnant", "en"),
        ("pregnant_or_breastfeeding", "no im breastfeeding", "en"),
        ("hiv", "no I tested positive", "en"),
        ("recent_study", "no I was in one", "en"),
        ("baby_plan", "no we are trying", "en"),
        ("hiv", "没有我有", "zh"),
    ],
)
def test_a_no_then_what_the_person_says_of_themselves_is_both_not_a_no(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    # The no turned the person's own yes round ("no pregnant" is a no; "no, I am pregnant" is not).
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, set(meaning.suggestions)) == (Status.UNCLEAR, {"no", "yes"})


@pytest.mark.parametrize(
    ("question", "text", "lang", "offered"),
    [
        ("hiv", "yes?", "en", ("yes",)),
        ("hiv", "有？", "zh", ("yes",)),
        ("hiv", "没有吧？", "zh", ("no", UNSURE)),  # a hedge as well: not sure is offered too
        ("hiv", "有👎", "zh", ("yes",)),
        ("hiv", "no 👍", "en", ("no",)),
        ("hiv", "没有×", "zh", ("no",)),
        ("feet_symptoms", "pain and numbness ✓", "en", ("numbness", "pain")),
        ("hiv", "no (?)", "en", ("no",)),
        ("hiv", "¿yes", "en", ("yes",)),
    ],
)
def test_an_answer_said_as_a_question_or_with_a_sign_is_checked_not_taken(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, offered: tuple[str, ...]
) -> None:
    # "Did you mean yes?": one press to confirm, and nothing taken from a picture that may say the opposite.
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.value, meaning.suggestions) == (Status.UNCLEAR, None, offered)


# Numbers and durations ---------------------------------------------------------------------------------


def test_an_age_out_of_range_keeps_its_value_for_the_message(understanding: Understanding, pack: ContentPack) -> None:
    meaning = read(understanding, pack, "age", "450")
    assert (meaning.status, meaning.value) == (Status.OUT_OF_RANGE, 450)


def test_not_sure_is_no_age(understanding: Understanding, pack: ContentPack) -> None:
    assert read(understanding, pack, "age", "not sure").status is Status.UNCLEAR


# Hostile text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00", "\x1b[2J", "\x1b]0;owned\x07", "[bold]x[/]", "[/", "{{ 7*7 }}", "{% raw %}", "🙂",
     "\u202e", "\u200b", "%s%s%s%n", "yes " * 3000, "是" * 10_000, "9" * 400, "1e309", "NaN", "∞"],
)
def test_hostile_text_is_unclear_and_never_an_error(understanding: Understanding, pack: ContentPack, text: str) -> None:
    for question in pack.questions:
        for lang in pack.words:
            meaning = understanding.interpret(question, text, lang)
            assert meaning.status is Status.UNCLEAR, (question.id, lang)
            assert 0.0 <= meaning.confidence <= 1.0


def test_stray_control_characters_and_width_do_not_matter(understanding: Understanding, pack: ContentPack) -> None:
    assert value(understanding, pack, "hiv", "\t YES\x00 \r\n") == "yes"
    assert value(understanding, pack, "hiv", "ye\u0301s") == "yes"
    assert value(understanding, pack, "age", "４５") == 45


def test_normalising_keeps_chinese_and_drops_the_rest() -> None:
    assert normalise("  Don't KNOW!! ") == "dont know"
    assert normalise("没有，我没有糖尿病。") == "没有 我没有糖尿病"
    assert normalise("\x1b[31mNO\x1b[0m") == "no"


def test_text_the_quick_path_leaves_as_it_is_is_text_the_full_cleaning_leaves_as_it_is() -> None:
    """The characters that skip decomposing and filtering (`_CLEAN_ALREADY`) are each left as they are by it, and
    none is the second of a pair that composes into one character."""
    import unicodedata

    from chatbot.understanding.text import _ASCII_TABLE, _CLEAN_ALREADY, _DROPPED_CATEGORIES

    every = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    quick = [c for c in every if _CLEAN_ALREADY.fullmatch(c)]
    assert len(quick) > 27_000
    changed = [
        c for c in quick
        if unicodedata.normalize("NFKD", c) != c or c.translate(_ASCII_TABLE) != c
        or (c not in "\n\t\r" and unicodedata.category(c) in _DROPPED_CATEGORIES)
    ]
    composes = set()
    for c in every:
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            composes.add(chr(int(parts[1], 16)))
    assert changed == [] and composes.isdisjoint(quick)


def test_traditional_characters_are_read_as_simplified_and_simplified_text_is_left_as_it_is() -> None:
    from chatbot.understanding.traditional import SIMPLIFIED

    assert normalise("左腳有個傷口一直長不好") == "左脚有个伤口一直长不好"
    # A character simplified Chinese writes too (乾坤, 著名) is never read as another.
    written_in_simplified = [c for c in SIMPLIFIED if c.encode("gb2312", errors="replace") != b"?"]
    assert written_in_simplified == []


def test_every_understood_answer_is_one_the_engine_accepts(understanding: Understanding, pack: ContentPack) -> None:
    for case in measure.load_cases():
        question = pack.question(case.question)
        meaning = understanding.interpret(question, case.text, case.lang)
        if meaning.status is Status.UNDERSTOOD:
            assert meaning.value is not None
            Screening.validate(question, meaning.value)
        assert set(meaning.suggestions) <= set(question.answer_values())


# Languages and words files ------------------------------------------------------------------------------


def test_an_unknown_language_is_an_error(understanding: Understanding, pack: ContentPack) -> None:
    with pytest.raises(ValueError, match="fr"):
        understanding.interpret(pack.question("hiv"), "oui", "fr")


def _copy_of_content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def test_a_draft_language_with_only_a_words_file_is_understood(tmp_path: Path) -> None:
    """No choice label in French yet: the words file alone is enough, and nothing is guessed from English."""
    content = _copy_of_content(tmp_path)
    trial = content / "trial.toml"
    text = re.sub(r"^draft_languages = .*$", "", trial.read_text(encoding="utf-8"), flags=re.M)
    trial.write_text(text.replace("languages = [", 'draft_languages = ["fr"]\nlanguages = [', 1), encoding="utf-8")
    (content / "words" / "fr.toml").write_text(
        '[answers]\nyes = ["oui"]\nno = ["non"]\nunsure = ["je ne sais pas"]\n', encoding="utf-8"
    )
    pack = load_content(content)
    understanding = Understanding(pack)
    assert understanding.interpret(pack.question("hiv"), "Non", "fr").value == "no"
    assert understanding.interpret(pack.question("diabetes_type"), "type 2", "fr").status is Status.UNCLEAR


def test_words_for_an_unknown_question_are_a_content_error(tmp_path: Path) -> None:
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    words.write_text(words.read_text(encoding="utf-8") + '\n[questions.shoe_size]\nyes = ["big"]\n', encoding="utf-8")
    with pytest.raises(ContentError, match="shoe_size"):
        load_content(content)


def test_another_questions_topic_is_asked_again_where_a_question_names_it(tmp_path: Path) -> None:
    """"no cancer" at "Have you ever had a positive HIV test?" answers another question: it was a no. A topic's
    words reach the questions that name it in their `not_about` list."""
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8")
    start = text.index("not_about = [", text.index("[questions.hiv]"))
    end = text.index("]", start)
    words.write_text(text[:start] + text[start:end].replace('"cancer", ', "", 1) + text[end:], encoding="utf-8")
    without = Understanding(load_content(content))
    understanding = Understanding(load_content(ROOT / "content"))
    pack = understanding.pack
    hiv, medicines = pack.question("hiv"), pack.question("nerve_medicines")
    assert without.interpret(hiv, "no cancer", "en").value == "no"
    assert understanding.interpret(hiv, "no cancer", "en").status is Status.UNCLEAR
    assert understanding.interpret(hiv, "no, never had leukemia", "en").status is Status.UNCLEAR
    assert understanding.interpret(medicines, "no cancer", "en").status is Status.UNCLEAR
    assert understanding.interpret(pack.question("cancer_or_blood_disease"), "no cancer", "en").value == "no"


def test_a_bare_no_at_a_choice_question_does_not_hang_on_the_order_of_the_no_words(tmp_path: Path) -> None:
    """The first of the shared no words was taken as the plain no: a helper put "thankfully not" first, and
    "nah" to "Which type of diabetes?" was asked again ("no" does not answer it) instead of "no diabetes"."""
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8")
    start = text.index("\nno = [\n", text.index("[answers]")) + len("\nno = [\n")
    words.write_text(text[:start] + '    "a phrase put first",\n' + text[start:], encoding="utf-8")
    reordered = Understanding(load_content(content))
    question = reordered.pack.question("diabetes_type")
    assert reordered.interpret(question, "nah", "en").value == "no_diabetes"


def test_a_questions_own_words_beat_the_words_of_its_topics(tmp_path: Path) -> None:
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8")
    consent_yes = "[questions.consent]\nyes = [\n"
    words.write_text(text.replace(consent_yes, consent_yes + '    "travel",\n', 1), encoding="utf-8")
    consent = load_content(ROOT / "content").question("consent")
    assert Understanding(load_content(ROOT / "content")).interpret(consent, "travel", "en").status is Status.UNCLEAR
    assert Understanding(load_content(content)).interpret(consent, "travel", "en").value == "yes"


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ('    "alcohol", "drugs", ', '    "alcohols", "drugs", ', 'unknown topic "alcohols"'),
        ("[topics]\n", '[topics]\nshoes = ["shoe"]\n', 'no question names topic "shoes"'),
        ('halves = ["pregnancy", "breastfeeding"]', 'halves = ["pregnancy", "nursing"]', 'unknown topic "nursing"'),
        ('halves = ["pregnancy", "breastfeeding"]', 'halves = ["pregnancy"]', "`halves` names two topics"),
    ],
)
def test_a_topic_is_named_once_defined_and_defined_once_named(tmp_path: Path, old: str, new: str, error: str) -> None:
    _assert_english_words_refused(tmp_path, old, new, error)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("stem_cells_before", "从来部做过", "unclear"),  # never done (部 for 不): it was a yes, the end of the screening
        ("pregnant_or_breastfeeding", "现在美怀孕", "unclear"),  # not pregnant now (美 for 没): it was a yes
        ("pregnant_or_breastfeeding", "每天喂奶", "yes"),  # every day: 每 is not right before the yes word
        ("stem_cells_before", "在美国参加过", "yes"),  # 美 is not right before it either
    ],
)
def test_a_sound_slip_of_a_negation_right_before_a_yes_word_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, expected: str
) -> None:
    meaning = understanding.interpret(pack.question(question), text, "zh")
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected


@pytest.mark.parametrize(
    ("file", "old", "new", "error"),
    [
        # A time window on a question that is not yes or no.
        ("questions.toml", 'unit = "years"\n', 'unit = "years"\nwithin_months = 3\n', "within_months"),
        # `once` words turn a yes round only beside a time window: without one they would mean nothing.
        ("questions.toml", "within_months = 3\n", "", "once"),
        # `places` say where the other answers are, apart from a choice that names another place: without one, nothing
        ("questions.toml", ', place = true }', " }", "places"),
        ("words/zh.toml", 'murmurs = ["嗯", ', 'murmurs = ["嗯", "哦", ', "murmurs"),  # a murmur is a yes word
        ("words/zh.toml", 'sound_slips = ["部", ', 'sound_slips = ["部分", ', "sound_slips"),  # one character
    ],
)
def test_a_words_or_question_setting_that_cannot_work_is_a_content_error(
    tmp_path: Path, file: str, old: str, new: str, error: str
) -> None:
    content = _copy_of_content(tmp_path)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=error):
        load_content(content)


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        # Signs and punctuation are dropped from answers: such an entry can never match, and was kept silently.
        ('"$"', "no word"),
        ('"..."', "no word"),
        ('"，"', "no word"),
        # A copy says nothing more; helpers' rounds had left 80 of them.
        ('"I  Accept"', "listed twice"),  # "i accept" is there: case and spacing do not matter
    ],
)
def test_a_words_entry_that_says_nothing_is_a_content_error(tmp_path: Path, entry: str, error: str) -> None:
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8")
    consent_yes = "[questions.consent]\nyes = [\n"
    assert '"i accept"' in text.split(consent_yes, 1)[1].split("\n]", 1)[0]
    words.write_text(text.replace(consent_yes, consent_yes + f"    {entry},\n", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=f"questions.consent.yes.*{error}"):
        load_content(content)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("feet_symptoms", "步疼", "unclear"),  # a slip of 不疼 (no pain) typed by its sound: it was pain
        ("feet_symptoms", "莫麻", "unclear"),  # Wuhan 莫 (not): it was numbness
        ("feet_symptoms", "右脚疼", {"pain"}),  # which foot, not a slip
        ("feet_symptoms", "脚部疼", {"pain"}),  # further in, an unknown character is most often part of a word
    ],
)
def test_an_unknown_character_starting_a_chinese_answer_before_a_choice_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, expected: object
) -> None:
    meaning = understanding.interpret(pack.question(question), text, "zh")
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        # a stage or a count, not a number key: these were asked again offering answer 3 or 2 (Guillain-Barré
        # syndrome, a stroke, an infection)
        ("other_conditions", "kidney disease stage 3", "en", {"kidneys"}),
        ("other_conditions", "ckd 2", "en", {"kidneys"}),
        ("foot_problems", "2 toes amputated", "en", {"amputation"}),
        ("foot_problems", "2 toes removed", "en", {"amputation"}),
        # a key pressed as the typing began, or after a plain no, is still read beside the words
        ("sex", "1 man", "en", "unclear"),
        ("foot_problems", "no 2", "en", "unclear"),
        ("hiv", "没有1", "zh", "unclear"),
    ],
)
def test_a_number_that_is_part_of_the_words_is_no_number_key(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: object
) -> None:
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("diabetes_type", "没有，血糖7.2", "zh", "unclear"),  # "no, blood sugar 7.2": it was no diabetes
        ("diabetes_type", "no, my sugar was 130", "en", "unclear"),
        ("diabetes_type", "没有，一百五十斤", "zh", "unclear"),  # number words in a row, as digits
        ("diabetes_type", "没有，两年前查过", "zh", "no_diabetes"),  # one number word: checked two years ago
        ("diabetes_type", "5 no", "en", "no_diabetes"),  # a number key: its own rule (`_number_keys`)
        ("diabetes_type", "type 2 for 10 years", "en", "type2"),  # a number beside a choice it names
        ("cancer_or_blood_disease", "no", "en", "no"),
    ],
)
def test_a_number_we_cannot_read_beside_a_plain_no_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: object
) -> None:
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected
    if expected == "unclear":  # every answer is shown: the number may say the no is wrong
        assert meaning.suggestions == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不是特别清楚", {"unsure"}),  # not very clear to me: it was "none of these", the end of the screening
        ("不是太了解", {"unsure"}),
        ("不是，我记得没吃过", {"none"}),  # no; I remember I did not take them
    ],
)
def test_a_no_word_right_before_a_knowing_word_is_not_sure_at_a_choice_question(
    understanding: Understanding, pack: ContentPack, text: str, expected: object
) -> None:
    meaning = understanding.interpret(pack.question("nerve_medicines"), text, "zh")
    assert meaning.status is Status.UNDERSTOOD and meaning.value == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("no, it did not help", "en", "no_better"),  # was asked again: a no alone answers nothing here
        ("no it did not help", "en", "no_better"),
        ("nope, didn't help", "en", "no_better"),
        ("no, worse", "en", "no_better"),
        ("没有，没用", "zh", "no_better"),
        ("no", "en", "unclear"),  # a bare no does not say which answer
        ("no, not really", "en", "unclear"),
        ("no, much better", "en", "unclear"),  # the no and the answer disagree
        ("no, better", "en", "unclear"),  # was "no better", read whole with its comma dropped
        ("not. Better", "en", "unclear"),  # was "not better"
        ("no, a little better", "en", "unclear"),
        ("no worse", "en", "unclear"),  # "not worse": the no turns round what follows it
        ("no, not much better", "en", "unclear"),
        ("没有，好多了", "zh", "unclear"),
        ("不，不确定", "zh", "unclear"),  # not sure is never a no
    ],
)
def test_a_no_before_an_answer_that_starts_with_a_no_agrees_with_it(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: object
) -> None:
    assert value(understanding, pack, "treatment_helped", text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("没有用", "no_better"),  # was asked again (没有 alone, and 用 not read)
        ("有点用", "little_better"),  # was asked again (有点 read as a hedge)
        ("没有用过", "unclear"),  # never used them: no answer of how they worked
        ("没用这些药", "unclear"),  # did not take these medicines: it was "no better"
        ("没有用药", "unclear"),
    ],
)
def test_of_use_is_how_the_medicines_worked_and_used_is_whether_they_were_taken(
    understanding: Understanding, pack: ContentPack, text: str, expected: object
) -> None:
    assert value(understanding, pack, "treatment_helped", text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "lang", "months"),
    [
        ("半年6个月", "zh", None),  # half a year, 6 months: the same time said twice, it was 12
        ("一年12个月", "zh", None),  # it was 24
        ("2 years 18 months", "en", None),
        ("1 year 11 months", "en", 23.0),
        ("一年零六个月", "zh", 18.0),
        ("a year and a half", "en", 18.0),
    ],
)
def test_the_same_time_said_twice_is_not_added_up(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, months: float | None
) -> None:
    meaning = understanding.interpret(pack.question("treatment_months"), text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else None) == months


SYMPTOMS = {"pain", "numbness", "tingling", "weakness", "unsteady", "hands"}


@pytest.mark.parametrize(
    ("question", "text", "lang", "expected"),
    [
        ("feet_symptoms", "都有，尤其晚上疼", "zh", "unclear"),  # all, the pain worst at night: it was the pain alone
        ("feet_symptoms", "all of them, especially the pain", "en", "unclear"),
        ("feet_symptoms", "都有", "zh", SYMPTOMS),
        ("feet_symptoms", "疼和麻都有", "zh", {"pain", "numbness"}),  # both of those named with it
        ("feet_symptoms", "疼，两只脚都有", "zh", {"pain"}),  # pain, in both feet: "all" is about the feet
        ("nerve_medicines", "all 3, mecobalamin ala and epalrestat", "en", {"lipoic_acid", "methylcobalamin", "epalrestat"}),
    ],
)
def test_all_on_its_own_beside_a_named_answer_is_asked_again(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str, expected: object
) -> None:
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else "unclear") == expected


@pytest.mark.parametrize(("text", "lang"), [("kidneys at 60%", "en"), ("kidney function 60 %", "en")])
def test_a_percent_sign_is_read(understanding: Understanding, pack: ContentPack, text: str, lang: str) -> None:
    # "%" was dropped, and "kidneys at 60%" was kidney failure, which ends the screening.
    assert understanding.interpret(pack.question("other_conditions"), text, lang).status is Status.UNCLEAR


def test_a_misspelt_year_slot_is_a_content_error(tmp_path: Path) -> None:
    content = _copy_of_content(tmp_path)
    words = content / "words" / "en.toml"
    text = words.read_text(encoding="utf-8").replace('"in {past year}"', '"in {past years}"', 1)
    words.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="past years"):
        load_content(content)


def test_a_year_in_an_answer_is_compared_with_today(pack: ContentPack) -> None:
    # "in {past year}" is a no to "are you pregnant now?": beside a yes, the answer says both and is asked again.
    question = pack.question("pregnant_or_breastfeeding")
    this_year = Understanding(pack, dt.date(2026, 11, 27)).interpret(question, "pregnant in 2026", "en")
    two_years_on = Understanding(pack, dt.date(2028, 1, 5)).interpret(question, "pregnant in 2026", "en")
    assert (this_year.value, two_years_on.status) == ("yes", Status.UNCLEAR)


@pytest.mark.parametrize(
    ("text", "lang"),
    # "last year" and 去年 alone are asked again all year: they say when, not that it ended ("started one last year")
    [("last yr", "en"), ("in 2026", "en"), ("no, the last one was in 2026", "en"),
     ("去年参加过", "zh"), ("去年参加过一个药的试验", "zh")],
)
def test_last_year_is_inside_the_last_3_months_early_in_the_year(pack: ContentPack, text: str, lang: str) -> None:
    # "In the last 3 months, have you been in any other medical study?": from January to March last year may be
    # December, inside them (as "in december" is asked again). These were a no whatever the date.
    question = pack.question("recent_study")
    readings = {
        day: measure.reading(Understanding(pack, day).interpret(question, text, lang))
        for day in (dt.date(2027, 1, 10), dt.date(2027, 3, 31), dt.date(2027, 4, 2), dt.date(2027, 11, 27))
    }
    assert list(readings.values()) == ["unclear", "unclear", "no", "no"]


# The command line ---------------------------------------------------------------------------------------


def test_understand_one_answer_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["understand", "diabetes_type", "不是2型，是1型", "--lang", "zh"]) == 0
    meaning = json.loads(capsys.readouterr().out)
    assert (meaning["status"], meaning["value"]) == ("understood", "type1")


def test_understand_an_unclear_answer_shows_the_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["understand", "hiv", "yes and no"]) == 0
    meaning = json.loads(capsys.readouterr().out)
    assert meaning["status"] == "unclear" and meaning["value"] is None
    assert meaning["suggestions"][:2] == ["yes", "no"]


def test_understand_jsonl_reads_each_line_in_its_own_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        {"question": "hiv", "text": "I don't have HIV"},
        {"question": "treatment_months", "text": "一年半", "lang": "zh"},
        {"question": "nerve_medicines", "text": "all three"},
        {"question": "age", "text": "45", "lang": "fr"},
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(json.dumps(line) + "\n" for line in lines)))
    assert main(["understand", "--jsonl"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o.get("value") for o in out[:3]] == ["no", 18, ["epalrestat", "lipoic_acid", "methylcobalamin"]]
    assert {"value", "confidence", "status", "reason"} <= set(out[0])
    assert out[3] == {"line": 4, "error": 'bad input line: no words for language "fr"'}


def _strings_in(root: object) -> set[str]:
    """Every string reachable from `root` through attributes and containers."""
    seen: set[int] = set()
    found: set[str] = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif hasattr(item, "__dict__") and not isinstance(item, type):
            stack.extend(vars(item).values())
        elif hasattr(item, "__slots__"):
            stack.extend(getattr(item, slot) for slot in item.__slots__ if hasattr(item, slot))
    return found


def test_nothing_a_person_typed_is_remembered_for_the_next_person(pack: ContentPack) -> None:
    understanding = Understanding(pack)
    for question in pack.questions:
        understanding.interpret(question, "zanzibart epalrestatt", "en")
    assert not any("zanzibar" in text or "epalrestatt" in text for text in _strings_in(understanding))


@pytest.mark.parametrize(
    ("text", "lang", "months", "years"),
    [
        ("2 years", "en", 24, 2),
        ("2 年", "zh", 24, 2),  # the words of the months-or-years button
        ("２年", "zh", 24, 2),  # typed full width
        ("两年", "zh", 24, 2),
        ("一年半", "zh", 18, 1.5),
        ("a year and a half", "en", 18, 1.5),
        ("1.5 yrs", "en", 18, 1.5),
        ("18 months", "en", 18, None),  # said in months already
        ("1 year and 6 months", "en", 18, None),
        ("more than 2 years", "en", 24, 2),  # and said as its least (below)
    ],
)
def test_a_time_said_in_years_is_known_as_such(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, months: float, years: float | None
) -> None:
    """The answer is kept in months: "两年" shown back as "24 个月" looked like a mistake to someone who meant 2 years."""
    meaning = read(understanding, pack, "treatment_months", text, lang)
    assert (meaning.status, meaning.value, meaning.said_in_years) == (Status.UNDERSTOOD, months, years)


@pytest.mark.parametrize(
    ("text", "lang", "weeks"),
    [
        ("6 weeks", "en", 6),
        ("6周", "zh", 6),
        ("六个星期", "zh", 6),
        ("两个礼拜", "zh", 2),
        ("a week and a half", "en", 1.5),
        ("1 month and 2 weeks", "en", None),  # not in weeks alone
        ("2 years", "en", None),
    ],
)
def test_a_time_said_in_weeks_is_known_as_such(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, weeks: float | None
) -> None:
    """Kept in months, and read back in weeks as well: "6 weeks" shown back as "1.3 months" alone looked like a mistake.
    A week is known by its length in months, as the words files give it (numbers.WEEK)."""
    meaning = read(understanding, pack, "treatment_months", text, lang)
    assert (meaning.status, meaning.said_in_weeks) == (Status.UNDERSTOOD, weeks)


@pytest.mark.parametrize(
    ("text", "lang", "said_as"),
    [
        ("more than 2 years", "en", "at_least"),
        ("两年多", "zh", "at_least"),
        ("over 18 months", "en", "at_least"),
        ("about 2 years", "en", "about"),
        ("两年左右", "zh", "about"),
        ("2 years", "en", "exactly"),
        ("18个月", "zh", "exactly"),
        # more than half a year, and less than a whole one: 大半年 was exactly 6 months, "most of a year" 12
        ("吃了大半年", "zh", "at_least"),
        ("most of a year", "en", "at_least"),
        ("the better part of a year", "en", "at_least"),
    ],
)
def test_a_time_said_loosely_is_known_as_such(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, said_as: str
) -> None:
    """"两年多" (more than two years) was read back as "24 个月", to the month: the least it can be is kept, and
    the screen says it is a least."""
    assert read(understanding, pack, "treatment_months", text, lang).said_as == said_as


@pytest.mark.parametrize(
    ("text", "lang"),
    [*((text, "en") for text in ['nearly done nursing', 'done nursing next month', 'finished nursing in a few weeks', 'done nursing, started again last week', 'finished nursing? no, still going', 'nearly done breastfeeding']), *((text, "zh") for text in ['快断母乳了', '马上断母乳了', '白天母乳停了，晚上还喂', '母乳停了一阵，现在又喂了', '老大断了母乳，老二还在吃母乳', '白天断奶了，晚上还喂'])],
)
def test_breastfeeding_that_stops_soon_or_only_in_part_is_asked_again(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """Each was a no (from "done nursing", 断母乳, 母乳停了): the person still breastfeeds, for now or at night."""
    assert read(understanding, pack, "pregnant_or_breastfeeding", text, lang).status is Status.UNCLEAR


@pytest.mark.parametrize(("text", "lang"), [("done nursing", "en"), ("finished nursing", "en"), ("母乳停了", "zh"), ("断了母乳", "zh")])
def test_breastfeeding_that_has_stopped_is_still_a_no(understanding: Understanding, pack: ContentPack, text: str, lang: str) -> None:
    assert value(understanding, pack, "pregnant_or_breastfeeding", text, lang) == "no"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("没有用甲钴胺", None), ("没用依帕司他", None), ("没有用针", None), ("没有用多久", None),
        # any words after 没有用 in its part, not a list of them: each was "no better"
        ("没有用普瑞巴林", None), ("没有用维生素", None), ("没用b12", None), ("没有用止痛药", None),
        ("没有用太久", None), ("没有用的药", None), ("没有用那种西药", None), ("没用过别的药", None),
        ("没有用还是疼", None),  # "no use, still hurts" or "did not take (it), still hurts": asked again
        # it was no use: said before 没有用, or only a particle, punctuation or another "no better" after it
        ("甲钴胺没有用", "no_better"), ("对我没有用", "no_better"), ("吃了没有用", "no_better"),
        ("没有用啊", "no_better"), ("没有用的", "no_better"), ("没用了", "no_better"), ("没有用，还是疼", "no_better"),
        ("没有用老样子", "no_better"), ("一点都没有用", "no_better"),  # was asked again (都没有, none)
    ],
)
def test_not_taking_a_medicine_is_not_its_being_no_use(
    understanding: Understanding, pack: ContentPack, text: str, expected: str | None
) -> None:
    """没有用甲钴胺 (did not take methylcobalamin) was read as 没有用 (no use): no better, what the study looks for."""
    meaning = read(understanding, pack, "treatment_helped", text, "zh")
    assert (meaning.value if meaning.status is Status.UNDERSTOOD else None) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("没用是假的", "zh"), ("不是，没用是假的", "zh"), ("没有好转是假的", "zh"),
     ("no, nothing changed for the worse", "en"), ("nothing got worse", "en")],
)
def test_a_no_better_said_to_be_untrue_is_asked_again(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """"Saying it was no use is false" (it helped) and "nothing got worse" (the same, or better) were "no better"."""
    assert read(understanding, pack, "treatment_helped", text, lang).status is Status.UNCLEAR


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an illness we have no word for, named apart from the no: each was a plain no
        ("没有，就是戈谢病", "zh", "unclear"), ("没有，就是巨球蛋白血症", "zh", "unclear"), ("没有，就是淋巴增生", "zh", "unclear"),
        ("no, just castleman disease", "en", "unclear"), ("no, just a blood thing", "en", "unclear"),
        ("no, just a meningioma", "en", "unclear"), ("no, only a thymoma", "en", "unclear"),
        # what every person here has, or no illness at all, beside a no: still a no
        ("没有，就是脚麻", "zh", "no"), ("没有，就是糖尿病", "zh", "no"), ("没有，就是神经病变", "zh", "no"),
        ("没有，这些病都没有", "zh", "no"), ("no, just my feet hurt", "en", "no"), ("no, just diabetes", "en", "no"),
        ("no, my blood is fine", "en", "no"), ("no disease at all", "en", "no"),
    ],
)
def test_an_illness_named_apart_from_a_no_to_cancer_is_asked_again(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, expected: str
) -> None:
    assert value(understanding, pack, "cancer_or_blood_disease", text, lang) == expected


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("treatment_helped", "no, better", "en"),  # was offered "No better, or worse" alone: the opposite
        ("treatment_helped", "没有，好多了", "zh"),
        ("diabetes_type", "I think so", "en"),  # was offered "Yes, but I am not sure which type" alone
    ],
)
def test_an_answer_whose_parts_disagree_is_offered_every_answer(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = read(understanding, pack, question, text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())


@pytest.mark.parametrize(
    ("text", "lang"),
    [("probably", "en"), ("likely", "en"), ("应该", "zh"), ("好像", "zh"), ("what", "en")],
)
def test_a_hedge_that_names_no_type_is_offered_every_answer_as_i_think_so_is(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """At "Which type?" the "not sure" answer is a yes ("Yes, but I am not sure which type"): offered alone after
    "probably", it steered the person to a yes. The answers a yes may mean are too many to offer: all are shown."""
    meaning = read(understanding, pack, "diabetes_type", text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())


@pytest.mark.parametrize(("text", "lang"), [("可能", "zh"), ("也许吧", "zh"), ("可能有", "zh"), ("maybe", "en")])
def test_a_maybe_at_the_diabetes_question_doubts_the_diabetes_and_is_asked_again(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """可能 was "Yes, but I am not sure which type", a yes to diabetes; "maybe" in English was asked again."""
    assert value(understanding, pack, "diabetes_type", text, lang) == "unclear"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("no - better", ["no", ",", "better"]), ("no – better", ["no", ",", "better"]), ("no—better", ["no", ",", "better"]),
     ("no-better", ["no", "better"]), ("forty-eight", ["forty", "eight"]), ("45-50", ["45", "50"])],
)
def test_a_dash_set_apart_is_a_break_as_a_comma_is(text: str, expected: list[str]) -> None:
    """"no - better" was read whole as "no better" (the leading-no rule knew commas only); a hyphen inside a word
    ("no-better", "forty-eight") joins it as before."""
    assert tokens(text) == expected


@pytest.mark.parametrize("text", ["just a social drinker", "social drinker only", "heavy social drinker"])
def test_drinking_said_without_a_problem_is_offered_every_answer(
    understanding: Understanding, pack: ContentPack, text: str
) -> None:
    """"just a social drinker" was offered "Yes, and I still do" (which ends the screening) and "Yes, but I have stopped"
    alone: a problem the person never said. "No" was behind "Show all"."""
    meaning = understanding.interpret(pack.question("alcohol_drugs"), text, "en")
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())
