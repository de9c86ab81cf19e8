"""The screening engine's rules: verdicts, outcome, branching, back and change, reset."""

from __future__ import annotations

import pytest

from chatbot.content import ContentPack
from chatbot.engine import Screening, worst
from chatbot.models import Outcome, Verdict

FITTING = {
    "age": 50.0,
    "sex": "man",
    "diabetes_type": "type2",
    "doctor_said_neuropathy": "yes",
    "feet_symptoms": frozenset({"pain"}),
    "symptoms_after_diabetes": "yes",
    "nerve_medicines": frozenset({"lipoic_acid", "methylcobalamin", "epalrestat"}),
    "treatment_months": 12.0,
    "treatment_helped": "no_better",
    "pregnant_or_breastfeeding": "no",
    "baby_plan": "no",
    "foot_problems": frozenset({"none"}),
    "leg_blood_flow": "no",
    "other_conditions": frozenset({"none"}),
    "cancer_or_blood_disease": "no",
    "cell_allergy": "no",
    "hiv": "no",
    "stem_cells_before": "no",
    "recent_study": "no",
    "alcohol_drugs": "no",
    "consent": "yes",
    "visits": "yes",
}


def answer_all(screening: Screening, **overrides: object) -> Screening:
    """Answer every question the engine asks, from FITTING with overrides."""
    answers = {**FITTING, **overrides}
    while (question := screening.current()) is not None:
        screening.answer(question.id, answers[question.id], str(answers[question.id]))  # type: ignore[arg-type]
    return screening


@pytest.fixture
def screening(pack: ContentPack) -> Screening:
    return Screening(pack)


def test_fitting_answers_are_a_possible_match_never_eligible(screening: Screening) -> None:
    answer_all(screening)
    assert screening.outcome() is Outcome.POSSIBLE_MATCH


def test_criteria_only_the_study_team_can_settle_stay_to_confirm(screening: Screening) -> None:
    verdicts = answer_all(screening).verdicts()
    for criterion in ("type2_diabetes", "dpn_diagnosis", "severe_neuropathy", "refractory", "leg_arteries"):
        assert verdicts[criterion] is Verdict.TO_CONFIRM, criterion
    assert verdicts["hiv"] is Verdict.MET


@pytest.mark.parametrize(("age", "verdict"), [(17.0, Verdict.NOT_MET), (18.0, Verdict.MET), (55.0, Verdict.MET), (56.0, Verdict.NOT_MET)])
def test_age_limits_are_inclusive(screening: Screening, age: float, verdict: Verdict) -> None:
    assert answer_all(screening, age=age).verdicts()["age"] is verdict


def test_a_clear_no_makes_the_outcome_not_eligible_at_once(screening: Screening) -> None:
    failed = screening.answer("age", 60.0, "60")
    assert [c.id for c in failed] == ["age"]
    assert screening.outcome() is Outcome.NOT_ELIGIBLE
    assert screening.current() is not None  # the person may still go on answering


def test_answer_returns_only_newly_failed_criteria(screening: Screening) -> None:
    screening.answer("age", 60.0, "60")
    screening.answer("sex", "man", "A man")
    assert screening.answer("diabetes_type", "type1", "type 1") == [screening.pack.criteria["type2_diabetes"]]


def test_not_sure_answers_make_the_outcome_unsure(screening: Screening) -> None:
    answer_all(screening, hiv="unsure")
    assert screening.verdicts()["hiv"] is Verdict.UNKNOWN
    assert screening.outcome() is Outcome.UNSURE


def test_not_met_outweighs_not_sure(screening: Screening) -> None:
    answer_all(screening, hiv="unsure", cell_allergy="yes")
    assert screening.outcome() is Outcome.NOT_ELIGIBLE


def test_worst_verdict_order() -> None:
    assert worst([Verdict.MET, Verdict.TO_CONFIRM]) is Verdict.TO_CONFIRM
    assert worst([Verdict.TO_CONFIRM, Verdict.UNKNOWN]) is Verdict.UNKNOWN
    assert worst([Verdict.UNKNOWN, Verdict.NOT_MET, Verdict.MET]) is Verdict.NOT_MET
    assert worst([]) is Verdict.NOT_ASKED


def test_multi_answer_takes_the_worst_choice(screening: Screening) -> None:
    answer_all(screening, foot_problems=frozenset({"ulcer", "infection"}))
    assert screening.verdicts()["foot_ulcer"] is Verdict.NOT_MET


def test_only_some_of_the_three_medicines_is_for_the_study_team(screening: Screening) -> None:
    answer_all(screening, nerve_medicines=frozenset({"lipoic_acid", "epalrestat"}))
    assert screening.verdicts()["refractory"] is Verdict.UNKNOWN


def test_less_than_six_months_of_treatment_fails(screening: Screening) -> None:
    assert answer_all(screening, treatment_months=5.0).verdicts()["refractory"] is Verdict.NOT_MET
    screening.reset()
    assert answer_all(screening, treatment_months=6.0).verdicts()["refractory"] is Verdict.TO_CONFIRM


def test_no_treatment_question_for_someone_never_treated(screening: Screening) -> None:
    answer_all(screening, nerve_medicines=frozenset({"none"}))
    asked = {given.question_id for given in screening.answers}
    assert "treatment_months" not in asked and "treatment_helped" not in asked
    assert screening.verdicts()["refractory"] is Verdict.NOT_MET


def test_pregnancy_question_only_for_women_or_those_who_prefer_not_to_say(screening: Screening) -> None:
    asked_for = {}
    for sex in ("woman", "man", "not_say"):
        screening.reset()
        answer_all(screening, sex=sex)
        asked_for[sex] = screening.given("pregnant_or_breastfeeding") is not None
    assert asked_for == {"woman": True, "man": False, "not_say": True}


def test_changing_an_earlier_answer_reevaluates_everything_after_it(screening: Screening) -> None:
    answer_all(screening, sex="woman", pregnant_or_breastfeeding="yes")
    assert screening.outcome() is Outcome.NOT_ELIGIBLE
    screening.goto("sex")
    screening.answer("sex", "man", "A man")
    assert screening.given("pregnant_or_breastfeeding") is None
    assert screening.current() is None
    assert screening.outcome() is Outcome.POSSIBLE_MATCH


def test_a_changed_answer_that_makes_a_skipped_question_apply_asks_it_next(screening: Screening) -> None:
    answer_all(screening, sex="man")
    assert screening.current() is None
    screening.goto("sex")
    screening.answer("sex", "woman", "A woman")
    assert screening.current().id == "pregnant_or_breastfeeding"  # type: ignore[union-attr]
    assert screening.outcome() is Outcome.IN_PROGRESS


def test_back_goes_to_the_previous_question_and_keeps_later_answers(screening: Screening) -> None:
    screening.answer("age", 50.0, "50")
    screening.answer("sex", "man", "A man")
    assert screening.current().id == "diabetes_type"  # type: ignore[union-attr]
    assert screening.back().id == "sex"  # type: ignore[union-attr]
    assert screening.back().id == "age"  # type: ignore[union-attr]
    assert screening.back() is None  # nothing before the first question
    screening.answer("age", 51.0, "51")
    assert screening.current().id == "diabetes_type"  # type: ignore[union-attr]
    assert screening.given("sex") is not None


def test_an_answer_taken_back_leaves_its_question_unanswered_and_asked_now(screening: Screening) -> None:
    while (question := screening.current()) is not None and question.id != "recent_study":
        screening.answer(question.id, FITTING[question.id], "")  # type: ignore[arg-type]
    before = screening.verdicts()
    screening.answer("recent_study", "yes", "")  # a number key that began "1 year ago"
    assert screening.failed() != []
    screening.withdraw("recent_study")
    assert screening.given("recent_study") is None
    assert screening.current().id == "recent_study"  # type: ignore[union-attr]
    assert screening.verdicts() == before and screening.failed() == []


def test_an_answer_taken_back_brings_back_the_one_it_replaced(screening: Screening) -> None:
    answer_all(screening)
    earlier = screening.given("sex")
    screening.goto("sex")
    screening.answer("sex", "woman", "")  # a number key pressed on the way back
    screening.withdraw("sex", earlier)
    assert screening.given("sex") == earlier and screening.given("pregnant_or_breastfeeding") is None
    assert screening.current().id == "sex"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="has not been answered"):
        screening.withdraw("pregnant_or_breastfeeding")


def test_back_from_the_end_reopens_the_last_question(screening: Screening) -> None:
    answer_all(screening)
    assert screening.current() is None
    assert screening.back().id == "visits"  # type: ignore[union-attr]
    assert screening.outcome() is Outcome.IN_PROGRESS


def test_progress_counts_relevant_questions(screening: Screening) -> None:
    position, total = screening.progress()
    assert position == 1
    answer_all(screening, nerve_medicines=frozenset({"none"}), sex="man")
    done, total_after = screening.progress()
    assert done == total_after == len(screening.answers)
    assert total_after < total


def test_reset_forgets_every_answer(screening: Screening) -> None:
    answer_all(screening)
    screening.goto("age")
    screening.reset()
    assert screening.answers == []
    assert screening.current().id == "age"  # type: ignore[union-attr]
    assert set(screening.verdicts().values()) == {Verdict.NOT_ASKED}


@pytest.mark.parametrize(
    ("question_id", "value"),
    [("age", 450.0), ("age", "unsure"), ("hiv", "maybe"), ("feet_symptoms", frozenset({"none", "pain"})),
     ("feet_symptoms", frozenset()), ("sex", "robot")],
)
def test_invalid_values_are_refused(screening: Screening, question_id: str, value: object) -> None:
    if question_id != "age":
        screening.answer("age", 50.0, "50")
        screening.answer("sex", "man", "A man")
        screening.answer("diabetes_type", "type2", "type 2")
        screening.answer("doctor_said_neuropathy", "yes", "yes")
    with pytest.raises(ValueError):
        screening.answer(question_id, value, "x")  # type: ignore[arg-type]


def test_a_question_that_does_not_apply_cannot_be_answered(screening: Screening) -> None:
    with pytest.raises(ValueError, match="not asked"):
        screening.answer("treatment_months", 12.0, "12")
