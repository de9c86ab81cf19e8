"""The content pack: complete and faithful to the record, and every kind of broken file is caught."""

from __future__ import annotations

import dataclasses
import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from chatbot.content import ContentError, ContentPack, load_content
from chatbot.models import CriterionKind

ROOT = Path(__file__).resolve().parent.parent

RECORD = (ROOT / "seeds" / "NCT05507697.txt").read_text(encoding="utf-8")


def test_the_project_copy_of_the_record_is_the_shared_seed() -> None:
    shared = ROOT.parent / "shared" / "seeds" / "NCT05507697.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert shared.read_text(encoding="utf-8") == RECORD


def test_every_criterion_of_the_record_is_in_the_pack(pack: ContentPack) -> None:
    kinds = [c.kind for c in pack.criteria.values()]
    assert kinds.count(CriterionKind.INCLUSION) == 5
    assert kinds.count(CriterionKind.EXCLUSION) == 11
    assert kinds.count(CriterionKind.BASIC) == 3
    section = RECORD[RECORD.index("Inclusion Criteria") : RECORD.index("Sponsors")]
    bullets = [line[2:] for line in section.splitlines() if line.startswith("* ")]
    assert len(bullets) == 16
    sources = {c.source for c in pack.criteria.values()}
    assert set(bullets) <= sources


def test_every_source_is_verbatim_from_the_record(pack: ContentPack) -> None:
    for criterion in pack.criteria.values():
        assert criterion.source in RECORD, criterion.id


def test_every_criterion_is_informed_by_a_question(pack: ContentPack) -> None:
    for criterion_id in pack.criteria:
        assert pack.questions_for(criterion_id), criterion_id


def test_trial_facts_match_the_record(pack: ContentPack) -> None:
    trial = pack.trial
    for fact in (trial.nct_id, trial.status, str(trial.last_updated), str(trial.start_date),
                 str(trial.completion_date), trial.official_title, trial.site.record_name):
        assert fact in RECORD
    assert f"{trial.enrollment} participants" in RECORD
    assert f"{trial.follow_up_weeks} weeks" in RECORD
    assert f"{trial.minimum_age} Years" in RECORD and f"{trial.maximum_age} Years" in RECORD
    for related in trial.related_trials:
        assert related.nct_id in RECORD and related.title in RECORD
    for sponsor in trial.sponsors:
        assert sponsor in RECORD


def test_no_contact_detail_is_invented_in_the_content(pack: ContentPack) -> None:
    everything = "\n".join(p.read_text(encoding="utf-8") for p in pack.directory.rglob("*") if p.is_file())
    assert not re.search(r"\+?\d[\d\s-]{7,}\d", everything.replace("2022-", "").replace("2024-", "")), "phone number?"
    assert not re.search(r"[\w.]+@[\w.]+\.\w+", everything), "email address?"


# --- broken content: one clear message per kind of problem -------------------------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "bad toml": (lambda d: edit(d / "questions.toml", 'id = "age"', 'id = "age'), "questions.toml", "not valid TOML"),
    "missing field": (
        lambda d: edit(d / "questions.toml", 'text = { en = "How old are you?", zh = "您今年几周岁？" }\n', ""),
        "questions.toml", 'questions[0] (id "age").text: Field required',
    ),
    "unknown criterion in a rule": (
        lambda d: edit(d / "questions.toml", 'criterion = "hiv"', 'criterion = "hiv_status"'),
        "questions.toml", 'unknown criterion "hiv_status"',
    ),
    "unknown answer in a rule": (
        lambda d: edit(d / "questions.toml", 'verdicts = { still = "not_met"', 'verdicts = { stil = "not_met"'),
        "questions.toml", 'unknown answer "stil"',
    ),
    "answer without a verdict": (
        lambda d: edit(d / "questions.toml", 'stopped = "met", ', ""), "questions.toml", 'no verdict for answer "stopped"',
    ),
    "unknown verdict": (
        lambda d: edit(d / "questions.toml", 'still = "not_met"', 'still = "nope"'), "questions.toml", "Input should be",
    ),
    "duplicate id": (
        lambda d: edit(d / "criteria.toml", 'id = "sex"', 'id = "age"'), "criteria.toml", 'criteria[1] (id "age"): duplicate id',
    ),
    "ask_if names an unknown question": (
        lambda d: edit(d / "questions.toml", 'question = "sex", any_of', 'question = "gender", any_of'),
        "questions.toml", '"gender" is not a question asked earlier',
    ),
    "ask_if names an unknown answer": (
        lambda d: edit(d / "questions.toml", 'any_of = ["woman", "not_say"]', 'any_of = ["female"]'),
        "questions.toml", '"female" is not an answer of "sex"',
    ),
    "a language is missing": (
        lambda d: edit(d / "questions.toml", 'text = { en = "How old are you?", ', 'text = { '),
        "questions.toml", "no text in language en",
    ),
    "placeholders differ": (
        lambda d: (d / "messages" / "extra.toml").write_text(
            '[messages]\ntest_key = { en = "{weeks} weeks", zh = "{week} 周" }\n', encoding="utf-8"
        ),
        "extra.toml", "placeholders differ",
    ),
    "a message defined twice": (
        lambda d: (d / "messages" / "extra.toml").write_text('[messages]\nanswer_yes = { en = "Yes", zh = "是" }\n', encoding="utf-8"),
        "summary.toml", "messages.answer_yes: also defined in extra.toml",
    ),
    "criterion with no question": (
        lambda d: edit(d / "questions.toml", '{ criterion = "hiv", verdicts', '{ criterion = "cell_allergy", verdicts'),
        "criteria.toml", 'criteria[17] (id "hiv"): no question informs this criterion',
    ),
    "template error": (
        lambda d: edit(d / "templates" / "summary.md.j2", "{% endfor %}", "{% endfo %}"),
        "summary.md.j2", "template error",
    ),
    "words for an unknown question": (
        lambda d: (d / "words" / "en.toml").write_text(
            (d / "words" / "en.toml").read_text(encoding="utf-8") + '\n[choices.shoe_size]\nbig = ["big"]\n', encoding="utf-8"
        ),
        "en.toml", 'unknown question "shoe_size"',
    ),
    "two entries of a words list that read the same": (
        lambda d: edit(d / "words" / "zh.toml", '"可是", "只是", "然而"]', '"可是", "只是", "然而", "不過"]'),
        "zh.toml", 'contrasts: "不过" and "不過" read the same',
    ),
    "a word in two lists that each say what a whole answer is": (
        lambda d: edit(d / "words" / "zh.toml", 'asking_back = [', 'asking_back = ["应该", '),
        "zh.toml", 'asking_back: "应该" is also in `hedges`',
    ),
    "two words of a number table that read the same": (
        lambda d: edit(d / "words" / "zh.toml", '"两" = 2, ', '"两" = 2, "兩" = 2, '),
        "zh.toml", 'numbers.values: "两" and "兩" read the same',
    ),
    "two units that read the same": (
        lambda d: edit(d / "words" / "zh.toml", '"个月" = 1\n', '"个月" = 1\n"個月" = 1\n'),
        "zh.toml", 'units: "个月" and "個月" read the same',
    ),
    "an answer to tick that holds the mark that joins the answers ticked": (
        lambda d: edit(d / "questions.toml", 'zh = "像针扎、像蚂蚁爬"', 'zh = "像针扎；像蚂蚁爬"'),
        "questions.toml", 'questions[4] (id "feet_symptoms").choices[2].label.zh: holds "；"',
    ),
    "the answers of two questions joined with the mark that joins the answers ticked": (
        lambda d: edit(d / "messages" / "summary.toml", 'answers_separator = { en = "; ", zh = "。" }', 'answers_separator = { en = "; ", zh = "；" }'),
        "messages", "messages.answers_separator.zh: the same mark as list_separator",
    ),
    "missing file": (lambda d: (d / "criteria.toml").unlink(), "criteria.toml", "file not found"),
    # Each limit written beside a field's type (chatbot/schema.py), and the unknown key, once:
    "an id that is not lower_case": (
        lambda d: edit(d / "questions.toml", 'id = "sex"', 'id = "Sex"'),
        "questions.toml", "questions[1] (id \"Sex\").id: Should be a small letter, then only small letters, digits and _",
    ),
    "a question without a short name": (
        lambda d: edit(d / "questions.toml", 'short = { en = "Consent form", zh = "知情同意书" }\n', ""),
        "questions.toml", 'questions[20] (id "consent").short: Field required',
    ),
    "a time window of no months": (
        lambda d: edit(d / "questions.toml", "within_months = 3", "within_months = 0"),
        "questions.toml", "within_months: Input should be greater than 0",
    ),
    "no rules": (
        lambda d: edit(d / "questions.toml", 'rules = [{ criterion = "age", between = [18, 55] }]', "rules = []"),
        "questions.toml", 'questions[0] (id "age").rules: List should have at least 1 item',
    ),
    "an age rule that is not the record's age range": (
        lambda d: edit(d / "questions.toml", 'between = [18, 55]', "between = [18, 65]"),
        "questions.toml", 'questions[0] (id "age").rules[0]: the age range 18 to 65 is not trial.toml\'s minimum_age',
    ),
    "an age rule with no upper age": (
        lambda d: edit(d / "questions.toml", 'between = [18, 55]', "at_least = 18"),
        "questions.toml", 'questions[0] (id "age").rules[0]: an age rule needs `between`',
    ),
    "a record's age range that the age rule does not follow": (
        lambda d: edit(d / "trial.toml", "maximum_age = 55", "maximum_age = 60"),
        "questions.toml", "maximum_age (18 to 60)",
    ),
    "an empty source": (
        lambda d: edit(d / "criteria.toml", "source = '''ALL'''", "source = ''''''"),
        "criteria.toml", "criteria[1] (id \"sex\").source: String should have at least 1 character",
    ),
    "an unknown key": (
        lambda d: edit(d / "questions.toml", 'kind = "choice"', 'kind = "choice"\ncolour = "red"'),
        "questions.toml", 'questions[1] (id "sex").colour: Extra inputs are not permitted',
    ),
    "a choice question with one choice": (
        lambda d: edit(d / "questions.toml", '    { id = "man", label = { en = "A man", zh = "男" } },\n    { id = "not_say", label = { en = "I prefer not to say", zh = "不想说" }, refusal = true },\n', ""),
        "questions.toml", 'questions[1] (id "sex"): Value error, a choice question needs at least two choices',
    ),
    "agreement words with no agreement question": (
        lambda d: (
            edit(d / "questions.toml", "agreement = true\n", ""), edit(d / "questions.toml", "agreement = true\n", "")
        ),
        "en.toml", "agreement: no question asks for an agreement",
    ),
    "button words for an answer the question does not have": (
        lambda d: edit(
            d / "questions.toml", 'labels = { yes = { en = "Yes", zh = "说过" }', 'labels = { maybe = { en = "Yes", zh = "说过" }'
        ),
        "questions.toml", 'a label for "maybe", which is not an answer of this question',
    ),
    "button words in one language only": (
        lambda d: edit(d / "questions.toml", 'labels = { yes = { en = "Yes", zh = "说过" }', 'labels = { yes = { zh = "说过" }'),
        "questions.toml", 'questions[3] (id "doctor_said_neuropathy").labels.yes: no text in language en',
    ),
    "a message the app shows, renamed": (
        lambda d: edit(d / "messages" / "ui.toml", "ui_welcome_heading =", "ui_welcome_title ="),
        "messages", "messages.ui_welcome_heading: missing: the app shows this message",
    ),
    "a placeholder the app does not fill in": (
        lambda d: (
            edit(d / "messages" / "ui.toml", 'en = "This is not', 'en = "Call {phone}. This is not'),
            edit(d / "messages" / "ui.toml", 'zh = "这不是医疗建议', 'zh = "请打 {phone}。这不是医疗建议'),
        ),
        "ui.toml", "messages.ui_welcome_not.en: {phone} is never filled in here (this message can use: none)",
    ),
    "a status ClinicalTrials.gov does not have": (
        lambda d: edit(d / "trial.toml", 'status = "UNKNOWN"', 'status = "Recruting"'),
        "trial.toml", "trial.status: Input should be 'RECRUITING'",
    ),
    "a status meaning for a status ClinicalTrials.gov does not have": (
        lambda d: edit(d / "messages" / "summary.toml", 'COMPLETED = "已经结束"', 'COMPLETE = "已经结束"'),
        "summary.toml", "status_meanings.zh.COMPLETE.[key]: Input should be 'RECRUITING'",
    ),
    "status meanings in a language not listed": (
        lambda d: edit(d / "messages" / "summary.toml", "[status_meanings.zh]", "[status_meanings.fr]"),
        "summary.toml", "status_meanings.fr: a language not listed in trial.toml",
    ),
    "a format on a placeholder that is not a date": (
        lambda d: (
            edit(d / "messages" / "summary.toml", 'value_months = { en = "{value}', 'value_months = { en = "{value:.0f}'),
        ),
        "summary.toml", "messages.value_months.en: {value:.0f}: only a date may say how it is written",
    ),
    "a date format that is not one": (
        lambda d: edit(d / "messages" / "summary.toml", "{last_updated:%Y年%m月%d日}", "{last_updated:Y年m月d日}"),
        "summary.toml", "messages.summary_status_line.zh: {last_updated:Y年m月d日}: not a date format",
    ),
    "a lone brace": (
        lambda d: (
            edit(d / "messages" / "ui.toml", 'en = "This is not', 'en = "{ This is not'),
            edit(d / "messages" / "ui.toml", 'zh = "这不是医疗建议', 'zh = "{ 这不是医疗建议'),
        ),
        "ui.toml", "messages.ui_welcome_not.en: expected '}' before end of string (write {{ or }} for a brace itself)",
    ),
    "an agreement that is not a yes or no": (
        lambda d: edit(d / "questions.toml", 'kind = "choice"', 'kind = "choice"\nagreement = true'),
        "questions.toml", 'questions[1] (id "sex"): Value error, only a yes_no question asks for an agreement',
    ),
}


def test_the_list_of_messages_the_app_shows_is_the_shipped_messages(pack: ContentPack) -> None:
    """chatbot/message_keys.py names each message the code shows and what it fills in; the shipped files
    hold exactly those (a message added to the code and the files must be added to the list too)."""
    from chatbot.content import _PLACEHOLDER
    from chatbot.message_keys import FILLED, PLAIN

    assert not PLAIN & set(FILLED)
    assert set(pack.messages) == PLAIN | set(FILLED)
    for key, texts in pack.messages.items():
        assert set(_PLACEHOLDER.findall(texts["en"])) == FILLED.get(key, set()), key


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_content_gives_one_clear_message(content_copy: Path, case: str) -> None:
    breaker, filename, expected = BROKEN[case]
    breaker(content_copy)
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    message = str(caught.value)
    assert "\n" not in message
    assert filename in message
    assert expected in message


def test_the_untouched_copy_loads(content_copy: Path) -> None:
    assert load_content(content_copy).trial.nct_id == "NCT05507697"


def test_a_loaded_model_cannot_be_changed_but_can_be_copied_and_kept(pack: ContentPack) -> None:
    """Everything downstream trusts the pack: no field can be set again, added or deleted."""
    question = pack.question("age")
    for change in (lambda: setattr(question, "id", "x"), lambda: setattr(question, "new", 1), lambda: delattr(question, "id")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            change()
    assert question.id == "age" and not hasattr(question, "new")
    assert dataclasses.replace(question, min=1.0).min == 1.0 and question.min == 10.0
    assert pickle.loads(pickle.dumps(question)) == question  # the content cache keeps packs this way


def test_models_compare_and_show_their_fields_as_dataclasses_do(pack: ContentPack) -> None:
    """schema.py shares one __eq__ and __repr__ among the models instead of writing one per class."""
    choice = pack.question("sex").choices[0]
    other = dataclasses.replace(choice, exclusive=not choice.exclusive)
    assert choice == dataclasses.replace(choice) and choice != other
    assert pack.question("age") != pack.question("sex") and choice != pack.question("sex")
    assert repr(choice).startswith(f"Choice(id={choice.id!r}, label={choice.label!r}, exclusive=False")
    with pytest.raises(TypeError, match="unhashable"):
        hash(choice)
