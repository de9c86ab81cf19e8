"""The summary is honest: the status warning, only real contact lines, literal user text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from chatbot.content import ContentPack
from chatbot.engine import Given, Screening
from chatbot.settings import ClinicContact, Settings
from chatbot.summary import (
    answer_label, render_summary, rows, short_answers, status_lines, status_notice, words_add_something,
)
from chatbot.understanding import Understanding

from test_engine import answer_all  # noqa: E402  (tests/ is on sys.path under pytest's rootdir)


@pytest.fixture
def finished(pack: ContentPack) -> Screening:
    return answer_all(Screening(pack))


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_status_warning_switches_on_after_the_completion_date(
    pack: ContentPack, understanding: Understanding, finished: Screening, fmt: str
) -> None:
    passed = pack.text("summary_status_passed", "en")
    not_passed = pack.text("summary_status_not_passed", "en")
    after = render_summary(finished, understanding, Settings(today=dt.date(2024, 6, 1)), "en", fmt)  # type: ignore[arg-type]
    on_the_day = render_summary(finished, understanding, Settings(today=dt.date(2024, 5, 31)), "en", fmt)  # type: ignore[arg-type]
    assert passed in after and not_passed not in after
    assert not_passed in on_the_day and passed not in on_the_day


def test_status_is_always_said_with_its_dates(finished: Screening, understanding: Understanding, settings: Settings) -> None:
    text = render_summary(finished, understanding, settings, "en", "txt")
    assert "UNKNOWN" in text and "2022-08-19" in text and "2024-05-31" in text


UNKNOWN_LINES = {
    "en": "The study's record gives its status as UNKNOWN (nobody has said if it is still taking people). The record "
    "was last updated on 2022-08-19. The study was expected to end on 2024-05-31.",
    "zh": "研究的登记记录上写的状态是 UNKNOWN（未知，上面没有写明现在还招不招人）。这份记录最后一次更新是在 2022年08月19日。"
    "研究原来预计在 2024年05月31日 结束。",
}
"""The status line for this record, in full."""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_status_line_for_this_record(pack: ContentPack, lang: str) -> None:
    assert status_lines(pack, dt.date(2024, 5, 1), lang)[0] == UNKNOWN_LINES[lang]


@pytest.mark.parametrize(
    ("status", "en", "zh"),
    [
        ("RECRUITING", "RECRUITING (taking people).", "RECRUITING（正在招人）。"),
        ("COMPLETED", "COMPLETED (finished).", "COMPLETED（已经结束）。"),
        ("WITHHELD", "WITHHELD.", "WITHHELD。"),
    ],
)
def test_the_status_line_says_only_what_its_status_means(pack: ContentPack, status: str, en: str, zh: str) -> None:
    """The line said "nobody has said if it is still taking people" whatever the status was, which was true
    only of UNKNOWN: of a RECRUITING record it would have been a fact made up. What a status means comes with
    that status from the content, and a status the content gives no meaning for (WITHHELD) is shown alone."""
    changed = dataclasses.replace(pack, trial=dataclasses.replace(pack.trial, status=status))
    today = dt.date(2024, 5, 1)
    english, chinese = status_lines(changed, today, "en")[0], status_lines(changed, today, "zh")[0]
    assert f"gives its status as {en} The record" in english
    assert f"状态是 {zh}这份记录" in chinese
    assert "nobody has said" not in english and "没有写明" not in chinese


def test_possible_match_never_says_eligible(finished: Screening, understanding: Understanding, settings: Settings) -> None:
    text = render_summary(finished, understanding, settings, "en", "txt")
    assert "You may be a match" in text
    assert not re.search(r"\beligible\b", text, re.IGNORECASE)


def test_no_contact_line_appears_that_is_not_in_the_record_or_settings(
    finished: Screening, understanding: Understanding, settings: Settings
) -> None:
    text = render_summary(finished, understanding, settings, "en", "md")
    without_ids_and_dates = re.sub(r"NCT\d+|\d{4}-\d{2}-\d{2}", "", text)
    assert not re.search(r"\+?\d[\d ()-]{6,}\d", without_ids_and_dates), "a phone-like number appeared"
    assert "@" not in text
    assert "https://clinicaltrials.gov/study/NCT05507697" in text
    assert "gives no phone number" in text
    assert "Contact details from this clinic" not in text


def test_clinic_contact_lines_appear_only_when_set(finished: Screening, understanding: Understanding) -> None:
    contact = ClinicContact(name="Endocrinology research office", phone="027-0000 0000")
    text = render_summary(finished, understanding, Settings(today=dt.date(2026, 11, 24), contact=contact), "en", "txt")
    assert "Contact details from this clinic" in text
    assert "Endocrinology research office" in text and "027-0000 0000" in text


def test_not_eligible_summary_says_why_in_kind_words(pack: ContentPack, understanding: Understanding, settings: Settings) -> None:
    screening = answer_all(Screening(pack), hiv="yes")
    text = render_summary(screening, understanding, settings, "en", "txt")
    assert pack.text("outcome_not_eligible", "en") in text
    assert pack.criteria["hiv"].not_met["en"] in text


def test_the_persons_own_words_are_shown_literally(pack: ContentPack, understanding: Understanding, settings: Settings) -> None:
    screening = Screening(pack)
    screening.answer("age", 50.0, "[bold]50[/] {{ 7*7 }} \x1b[2J")
    txt = render_summary(screening, understanding, settings, "en", "txt")
    md = render_summary(screening, understanding, settings, "en", "md")
    assert "[bold]50[/] {{ 7*7 }} \\x1b[2J" in txt
    assert "\x1b" not in txt and "\x1b" not in md
    assert r"\[bold\]50\[/\] \{\{ 7\*7 \}\} \\x1b\[2J" in md


def test_every_dialog_summary_renders_in_every_language(
    pack: ContentPack, understanding: Understanding, finished: Screening, settings: Settings
) -> None:
    for lang in pack.languages:
        for fmt in ("txt", "md"):
            assert pack.trial.nct_id in render_summary(finished, understanding, settings, lang, fmt)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "said", "expected"),
    [
        ("en", "I'm 47", '47 years ("I\'m 47")'),
        ("en", "47", "47 years"),
        ("zh", "我四十七岁", "47 岁（“我四十七岁”）"),
        ("zh", "47岁", "47 岁"),
    ],
)
def test_an_answer_shows_the_persons_words_only_when_they_add_something(
    pack: ContentPack, understanding: Understanding, lang: str, said: str, expected: str
) -> None:
    screening = Screening(pack)
    screening.answer("age", 47.0, said)
    [row] = [r for r in rows(screening, understanding, lang) if r.criterion_id == "age"]
    assert row.answers == (expected,)


@pytest.mark.parametrize(
    ("lang", "question_id", "said", "expected"),
    [
        ("zh", "treatment_months", "两年多了", "用了多久：至少 2 年（24 个月）（“两年多了”）"),
        ("en", "treatment_months", "more than two years", 'How long: at least 2 years (24 months) ("more than two years")'),
        ("en", "treatment_months", "2 years", "How long: 2 years (24 months)"),  # the words are in it already
        ("zh", "treatment_months", "6周", "用了多久：6 周（大约 1.3 个月）"),
        ("zh", "treatment_months", "两年", "用了多久：2 年（24 个月）（“两年”）"),
        ("en", "treatment_months", "not sure", "How long: Not sure"),
        ("zh", "treatment_months", "不知道", "用了多久：不确定（“不知道”）"),
        ("en", "age", "forty seven", '47 years ("forty seven")'),
        ("zh", "feet_symptoms", "疼和麻", "症状：脚或腿疼；脚发木、发麻（像踩在棉花上）（“疼和麻”）"),
    ],
)
def test_a_summary_row_reads_an_answer_back_as_the_conversation_did(
    pack: ContentPack, understanding: Understanding, settings: Settings, lang: str, question_id: str, said: str,
    expected: str,
) -> None:
    """"两年多了" was read back as "至少 2 年（24 个月）", and the summary said "24 个月（“两年多了”）": the person
    could not tell which reading counted. The saved file says it as the screen does."""
    question = pack.question(question_id)
    screening = Screening(pack)
    screening.answer("nerve_medicines", frozenset({"epalrestat"}), "")  # so that the time is asked
    screening.answer(question_id, understanding.interpret(question, said, lang).value, said)  # type: ignore[arg-type]
    assert expected in [answer for row in rows(screening, understanding, lang) for answer in row.answers]
    assert expected in render_summary(screening, understanding, settings, lang, "txt")


@pytest.mark.parametrize(
    ("lang", "value", "tried", "expected"),
    [
        ("en", frozenset({"unsure"}), "a cut on my heel thats slow to heal", 'Not sure (typed first: "a cut on my heel thats slow to heal")'),
        ("zh", frozenset({"none"}), "以前脚上有个口子，现在好了", "都没有（之前输入的是：“以前脚上有个口子，现在好了”）"),
        ("en", frozenset({"none"}), "", "None of these"),  # pressed with nothing typed before
    ],
)
def test_an_answer_pressed_after_words_that_gave_none_keeps_them(
    pack: ContentPack, understanding: Understanding, settings: Settings, lang: str, value: frozenset[str], tried: str,
    expected: str,
) -> None:
    """"a cut on my heel thats slow to heal" was asked again, the person pressed "Not sure", and the study team saw
    "Not sure" alone: what was typed may be a sore the study does not take, and is theirs to ask about."""
    screening = Screening(pack)
    screening.answer("foot_problems", value, "", tried)
    [row] = [r for r in rows(screening, understanding, lang) if r.criterion_id == "foot_ulcer"]
    assert row.answers == (expected,)
    assert expected in render_summary(screening, understanding, settings, lang, "txt")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", ("Consent form: Yes", "Visits for 2 years: No")), ("zh", ("知情同意书：可以", "2年复查：做不到"))],
)
def test_a_row_with_the_answers_to_several_questions_names_each(
    pack: ContentPack, understanding: Understanding, lang: str, expected: tuple[str, ...]
) -> None:
    # It showed "Yes" and "No", and nobody could tell which answered what. A row of one question names none.
    screening = Screening(pack)
    screening.answer("consent", "yes", "")
    screening.answer("visits", "no", "")
    [row] = [r for r in rows(screening, understanding, lang) if r.criterion_id == "consent"]
    assert row.answers == expected
    screening.answer("sex", "woman", "")
    [sex] = [r for r in rows(screening, understanding, lang) if r.criterion_id == "sex"]
    assert sex.answers == (pack.question("sex").choice("woman").label[lang],)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", [("age", "Age: 52 years"), ("sex", "Woman or man: A man"), ("treatment_months", "How long: 24 months")]),
        ("zh", [("age", "年龄：52 岁"), ("sex", "性别：男"), ("treatment_months", "用了多久：24 个月")]),
    ],
)
def test_the_answers_to_change_are_listed_by_short_name_in_question_order(
    pack: ContentPack, understanding: Understanding, lang: str, expected: list[tuple[str, str]]
) -> None:
    screening = Screening(pack)
    screening.answer("sex", "man", "")
    screening.answer("age", 52.0, "fifty-two")  # what it was read as, not the words: the list is short
    screening.answer("nerve_medicines", frozenset({"epalrestat"}), "")
    screening.answer("treatment_months", 24.0, "")
    listed = short_answers(screening, understanding, lang)
    assert [listed[0], listed[1], listed[3]] == expected
    screening.answer("nerve_medicines", frozenset({"none"}), "")  # the time no longer applies, nor is listed
    listed = short_answers(screening, understanding, lang)
    assert [question_id for question_id, _ in listed] == ["age", "sex", "nerve_medicines"]


@pytest.mark.parametrize(
    ("lang", "said", "shown"),
    [
        ("en", "2 years", "How long: 2 years (24 months)"),
        ("zh", "两年", "用了多久：2 年（24 个月）"),
        ("en", "6 weeks", "How long: 6 weeks (about 1.3 months)"),  # 1.38 months, cut as everywhere
        ("zh", "6周", "用了多久：6 周（大约 1.3 个月）"),
        ("en", "more than a year", "How long: at least 1 year (12 months)"),
        ("en", "18 months", "How long: 18 months"),
    ],
)
def test_a_time_to_change_is_listed_as_the_conversation_read_it_back(
    pack: ContentPack, understanding: Understanding, lang: str, said: str, shown: str
) -> None:
    """"How long: 24 months" for "2 years" made the person look for their answer, and doubt it was theirs."""
    question = pack.question("treatment_months")
    screening = Screening(pack)
    screening.answer("nerve_medicines", frozenset({"epalrestat"}), "")
    screening.answer("treatment_months", understanding.interpret(question, said, lang).value, said)  # type: ignore[arg-type]
    assert dict(short_answers(screening, understanding, lang))["treatment_months"] == shown


def test_the_first_screen_says_when_the_study_may_no_longer_take_people(pack: ContentPack) -> None:
    """Before anyone spends minutes answering: the end date has passed, or the record does not say it recruits."""
    ended = "This study was due to end on 2024-05-31. It may no longer take new people."
    stale = "The study's record was last updated on 2022-08-19. Ask the hospital if it still takes people."
    assert status_notice(pack, dt.date(2024, 5, 31), "en") == stale  # UNKNOWN: not said to be recruiting
    assert status_notice(pack, dt.date(2024, 6, 1), "en") == f"{ended}\n{stale}"  # both hold: both are said
    recruiting = dataclasses.replace(pack, trial=dataclasses.replace(pack.trial, status="RECRUITING"))
    assert status_notice(recruiting, dt.date(2024, 5, 31), "en") is None
    assert status_notice(recruiting, dt.date(2024, 6, 1), "en") == ended
    assert "2024年05月31日" in (status_notice(pack, dt.date(2024, 6, 1), "zh") or "")  # as Chinese writes a date


@pytest.mark.parametrize(("value", "shown"), [(6.0008, "6 months"), (5.96, "5.9 months"), (2.5, "2.5 months"), (18.0, "18 months")])
def test_a_time_is_shown_with_one_decimal_at_most_and_never_rounded_up(pack: ContentPack, value: float, shown: str) -> None:
    # "26 weeks" is 6.0008 months and was shown so; 5.96 shown as "6" would seem to meet "at least 6 months".
    question = pack.question("treatment_months")
    assert answer_label(pack, question, Given("treatment_months", value, ""), "en") == shown


@pytest.mark.parametrize(
    ("said", "label", "adds"),
    [
        ("", "Yes", False),  # a press
        ("yes", "Yes", False),
        ("都没有", "都没有", False),
        ("52", "52 years", False),
        ("1.5", "1.5 years", False),
        ("5", "52 years", True),  # not the number
        ("m", "A man", True),  # a part of the label is a reading, shown
        ("hands", "Any of these in my hands too", True),
        ("没", "没查出过", True),
        ("type 2", "Yes, type 2 diabetes", True),
    ],
)
def test_typed_words_add_something_unless_they_are_the_label_or_its_number(said: str, label: str, adds: bool) -> None:
    assert words_add_something(said, label) is adds


@pytest.mark.parametrize(("months", "shown"), [(1, "1 month"), (2, "2 months"), (1.5, "1.5 months"), (12, "12 months")])
def test_a_time_of_one_month_is_said_in_the_singular(pack: ContentPack, months: float, shown: str) -> None:
    question = pack.question("treatment_months")
    assert answer_label(pack, question, Given("treatment_months", months, ""), "en") == shown


def test_answers_ticked_are_told_apart_when_an_answer_holds_a_mark_of_its_own(pack: ContentPack) -> None:
    """"脚发木、发麻（像踩在棉花上）、像针扎、像蚂蚁爬" could be two answers or four: Chinese joins them with "；"."""
    question = pack.question_index["feet_symptoms"]
    given = Given("feet_symptoms", frozenset({"numbness", "tingling"}), "")
    assert answer_label(pack, question, given, "zh") == "脚发木、发麻（像踩在棉花上）；像针扎、像蚂蚁爬"
    assert answer_label(pack, question, given, "en") == "Numb feet (they feel dead or asleep), Tingling (pins and needles)"
