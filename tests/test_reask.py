"""The re-ask after a try that gave no answer: a refusal and a question back were understood, and get a kind line
of their own, not "Sorry, I did not understand"."""

from __future__ import annotations

import asyncio

import pytest

from chatbot.content import ContentPack
from chatbot.engine import Screening
from chatbot.reask import reask_message, told_before
from chatbot.replay import HeadlessDriver
from chatbot.understanding import Interpretation, Status, Unclear, Understanding

REFUSALS = [("I'd rather not say", "en"), ("不想说", "zh"), ("不便透露", "zh"), ("no comment", "en")]
QUESTIONS_BACK = [
    ("what is HIV?", "en"), ("艾滋病是什么", "zh"), ("what does that mean", "en"), ("是什么意思", "zh"),
    # asking why the question is asked: "Why do we ask this?" answers it
    ("why do you need to know", "en"), ("为什么要问这个", "zh"),
    # not understanding the question: 不明白 was the answer "Not sure"
    ("I don't understand", "en"), ("不明白", "zh"), ("听不懂", "zh"), ("what are those", "en"), ("啥子意思", "zh"),
]
EVERY_KIND = ["age", "diabetes_type", "feet_symptoms", "treatment_months", "hiv", "alcohol_drugs"]
"""A number, a choice, a choose-all, a time and a yes/no question, and a choice with a plain "Not sure"."""


@pytest.mark.parametrize("question", EVERY_KIND)
@pytest.mark.parametrize(("text", "lang"), REFUSALS)
def test_a_refusal_is_understood_as_a_refusal_at_every_kind_of_question(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.status, meaning.why_unclear) == (Status.UNCLEAR, Unclear.REFUSAL)


@pytest.mark.parametrize("question", EVERY_KIND)
@pytest.mark.parametrize(("text", "lang"), QUESTIONS_BACK)
def test_a_question_back_is_understood_as_one_at_every_kind_of_question(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.status, meaning.why_unclear) == (Status.UNCLEAR, Unclear.ASKING_BACK)


@pytest.mark.parametrize(("question", "text"), [("hiv", "purple"), ("age", "purple"), ("hiv", "yes and no")])
def test_words_that_settle_nothing_are_plainly_unclear(understanding: Understanding, pack: ContentPack, question: str, text: str) -> None:
    meaning = understanding.interpret(pack.question(question), text, "en")
    assert (meaning.status, meaning.why_unclear) == (Status.UNCLEAR, Unclear.PLAIN)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_refusal_is_told_it_is_all_right(
    understanding: Understanding, pack: ContentPack, lang: str
) -> None:
    question = pack.question("hiv")
    text = "不想说" if lang == "zh" else "I'd rather not say"
    meaning = understanding.interpret(question, text, lang)
    shown = reask_message(pack, question, text, meaning, bool(meaning.suggestions), lang)
    assert shown == pack.text("reask_refusal", lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_question_back_is_pointed_to_why_we_ask(understanding: Understanding, pack: ContentPack, lang: str) -> None:
    question = pack.question("hiv")
    text = "艾滋病是什么" if lang == "zh" else "what is HIV?"
    meaning = understanding.interpret(question, text, lang)
    shown = reask_message(pack, question, text, meaning, bool(meaning.suggestions), lang)
    assert shown == pack.text("reask_asking_back", lang, why=pack.text("ui_why_button", lang))


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [("hiv", "有，不想说", "zh"), ("hiv", "yes, but no comment", "en"), ("hiv", "I tested positive, what does that mean", "en"),
     ("alcohol_drugs", "I still drink, what does that mean", "en"), ("diabetes_type", "I'd rather not say", "en")],
)
def test_a_refusal_or_a_question_back_is_not_pointed_to_not_sure(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    """Said beside a yes, "you can choose Not sure" steered the person away from it (and at the diabetes question
    "Yes, but I am not sure which type" is a yes they did not give)."""
    meaning = understanding.interpret(pack.question(question), text, lang)
    shown = reask_message(pack, pack.question(question), text, meaning, bool(meaning.suggestions), lang)
    assert meaning.why_unclear is not Unclear.PLAIN
    assert pack.text("answer_unsure", lang) not in shown


def test_a_refusal_of_an_age_is_not_asked_for_a_number(understanding: Understanding, pack: ContentPack) -> None:
    question = pack.question("age")
    meaning = understanding.interpret(question, "不想说", "zh")
    assert reask_message(pack, question, "不想说", meaning, False, "zh") == pack.text("reask_refusal", "zh")


def test_a_headless_turn_says_why_a_try_gave_no_answer(understanding: Understanding, pack: ContentPack) -> None:
    driver = HeadlessDriver(pack, understanding, "en")
    question = pack.question("age")
    turns = [asyncio.run(driver.type(question, text)) for text in ("I'd rather not say", "what does that mean", "purple")]
    assert [turn.why_unclear for turn in turns] == ["refusal", "asking_back", "plain"]
    assert turns[0].as_json()["why_unclear"] == "refusal"


@pytest.mark.parametrize(("text", "lang", "offered"), [("I am a man, why do you ask?", "en", ("man",)), ("男的，为什么要问这个", "zh", ("man",))])
def test_asking_why_keeps_what_the_answer_named(
    understanding: Understanding, pack: ContentPack, text: str, lang: str, offered: tuple[str, ...]
) -> None:
    """Unlike "what is ...?", asking why names no thing asked about: the answer beside it is still offered."""
    meaning = understanding.interpret(pack.question("sex"), text, lang)
    assert (meaning.status, meaning.why_unclear, meaning.suggestions) == (Status.UNCLEAR, Unclear.ASKING_BACK, offered)


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [("pregnant_or_breastfeeding", "都绝经了，哪能怀孕", "zh"), ("pregnant_or_breastfeeding", "how could I be pregnant at 52", "en"),
     ("hiv", "我哪能有", "zh"), ("alcohol_drugs", "哪有的事", "zh"),
     ("doctor_said_neuropathy", "医生哪说过", "zh")],  # "when did a doctor say so?" was offered "说过" first
)
def test_a_question_that_means_its_answer_is_not_offered_what_it_names(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    """"都绝经了，哪能怀孕" (past menopause: how could I be pregnant?) was offered "Yes" first; 哪有的事 (no such thing!)
    "still" and "stopped". It most often means the opposite of what it names: every answer is shown."""
    meaning = understanding.interpret(pack.question(question), text, lang)
    assert (meaning.status, meaning.suggestions) == (Status.UNCLEAR, ())


@pytest.mark.parametrize(("text", "lang"), [("about 6 months", "en"), ("半年左右", "zh"), ("six months or so", "en")])
def test_a_rough_time_near_the_line_is_asked_which_side_of_it(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """It was told "a rough number is fine" just after giving one. The re-ask names the line it is near."""
    question = pack.question("treatment_months")
    meaning = understanding.interpret(question, text, lang)
    shown = reask_message(pack, question, text, meaning, False, lang)
    line = "6 months" if lang == "en" else "6 个月"
    assert (meaning.near, shown) == (6, pack.text("reask_duration_near", lang, said=text, line=line, unsure=pack.text("answer_unsure", lang)))


@pytest.mark.parametrize(
    ("text", "lang"),
    [("I was in a drug trial 3 months ago", "en"), ("about 3 months ago", "en"), ("13 weeks ago", "en"),
     ("三个月前参加过一个降糖药的试验", "zh"), ("有，三个月之前", "zh")],
)
def test_a_time_ago_at_the_edge_of_the_window_is_asked_which_side_of_it(
    understanding: Understanding, pack: ContentPack, text: str, lang: str
) -> None:
    """"三个月前参加过" to "in the last 3 months?" was met with "Sorry, I did not understand": it was understood, and is
    only at the edge. The re-ask names the edge and asks which side it was; nothing is guessed."""
    question = pack.question("recent_study")
    meaning = understanding.interpret(question, text, lang)
    shown = reask_message(pack, question, text, meaning, False, lang)
    line, yes, no = ("3 months", "Yes", "No") if lang == "en" else ("3 个月", "参加过", "没参加过")
    expected = pack.text("reask_window_near", lang, said=text, line=line, yes=yes, no=no, unsure=pack.text("answer_unsure", lang))
    assert (meaning.status, meaning.value, meaning.near, shown) == (Status.UNCLEAR, None, 3, expected)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("lipoic acid 2 years, epalrestat 6 months", "en"), ("甲钴胺吃了一年多，依帕司他半年", "zh"), ("半年6个月", "zh"),
     ("2 years 18 months", "en")],
)
def test_more_than_one_time_is_asked_for_one(understanding: Understanding, pack: ContentPack, text: str, lang: str) -> None:
    """Two medicines' times were told "not clear enough: how many months or years? A rough number is fine", as if no
    time had been given; the person gave two. The re-ask asks for one, and which."""
    question = pack.question("treatment_months")
    meaning = understanding.interpret(question, text, lang)
    shown = reask_message(pack, question, text, meaning, False, lang)
    assert (meaning.status, meaning.why_unclear, shown) == (
        Status.UNCLEAR, Unclear.SEVERAL, pack.text("reask_duration_several", lang, said=text)
    )


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [("age", "my mother is 50", "en"), ("age", "she is 50", "en"), ("age", "我妈五十了", "zh"),
     ("treatment_months", "she took them for 2 years", "en"), ("treatment_months", "我爸吃了两年", "zh")],
)
def test_a_number_said_of_someone_else_is_told_whom_the_question_is_about(
    understanding: Understanding, pack: ContentPack, question: str, text: str, lang: str
) -> None:
    """"my mother is 50" was told "not one exact age. Please type your age": true of nobody here. Still asked again (who
    joins is not guessed), it is told, as at every other question, that the question is about the person who may join."""
    asked = pack.question(question)
    meaning = understanding.interpret(asked, text, lang)
    shown = reask_message(pack, asked, text, meaning, False, lang)
    assert (meaning.status, meaning.about_others, shown) == (
        Status.UNCLEAR, True, pack.text("reask_about_you", lang, said=text)
    )


def test_a_time_with_no_number_is_still_told_a_rough_one_will_do(understanding: Understanding, pack: ContentPack) -> None:
    question = pack.question("treatment_months")
    meaning = understanding.interpret(question, "a few months", "en")
    assert reask_message(pack, question, "a few months", meaning, False, "en") == pack.text("reask_duration_inexact", "en", said="a few months")


RELATIVE = [
    ("diabetes_type", "my mother has type 2", "en"), ("doctor_said_neuropathy", "her doctor said yes", "en"),
    ("hiv", "my wife does not want to say", "en"), ("doctor_said_neuropathy", "我妈妈有", "zh"), ("hiv", "我老公是阳性", "zh"),
]
"""Answers about someone else, each at its own question, as someone typing for a relative writes them."""


def _reasks(understanding: Understanding, pack: ContentPack, screening: Screening, tries: list[tuple[str, str, str]]) -> list[str]:
    """The re-ask of each try, in order, as the conversation words them for one person (`screening`)."""
    lines = []
    for question_id, text, lang in tries:
        question = pack.question(question_id)
        meaning = understanding.interpret(question, text, lang)
        told = told_before(screening, meaning)
        lines.append(reask_message(pack, question, text, meaning, bool(meaning.suggestions), lang, told))
    return lines


def test_someone_typing_for_a_relative_is_told_once_whom_the_questions_are_about(
    understanding: Understanding, pack: ContentPack
) -> None:
    """They read the same four sentences at every question. Told once, later re-asks say it short."""
    lines = _reasks(understanding, pack, Screening(pack), RELATIVE)
    expected = [pack.text("reask_about_you", "en", said=RELATIVE[0][1])] + [
        pack.text("reask_about_you_short", lang, said=text) for _question, text, lang in RELATIVE[1:]
    ]
    assert lines == expected


def test_the_next_person_is_told_in_full_again(understanding: Understanding, pack: ContentPack) -> None:
    screening = Screening(pack)
    _reasks(understanding, pack, screening, RELATIVE[:1])
    screening.reset()  # the kiosk forgets the person, or they start again
    assert _reasks(understanding, pack, screening, RELATIVE[1:2]) == [pack.text("reask_about_you", "en", said=RELATIVE[1][1])]


def test_a_refusal_about_someone_else_does_not_count_as_told(pack: ContentPack) -> None:
    """Its line says it is all right not to answer, not whom the question is about."""
    screening, question = Screening(pack), pack.question("hiv")
    refusal = Interpretation(Status.UNCLEAR, None, 0.0, "a refusal", about_others=True, why_unclear=Unclear.REFUSAL)
    told = told_before(screening, refusal)
    assert reask_message(pack, question, "she will not say", refusal, False, "en", told) == pack.text("reask_refusal", "en")
    others = Interpretation(Status.UNCLEAR, None, 0.0, "about someone else", about_others=True)
    said = "my wife is positive"
    assert reask_message(pack, question, said, others, False, "en", told_before(screening, others)) == pack.text(
        "reask_about_you", "en", said=said
    )
