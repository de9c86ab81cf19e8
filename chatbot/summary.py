"""The end-of-screening summary: outcome, per-criterion table, status warning, contacts.

Rendered from jinja2 templates in `content/templates/`; every sentence comes from the content pack.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .content import ContentPack
from .engine import Given, Screening
from .literal import excerpt, printable
from .models import UNSURE, Outcome, Question, QuestionKind, Verdict
from .settings import Settings

if TYPE_CHECKING:
    from .understanding import Understanding

Format = Literal["txt", "md"]

UNIT_WORDS = {
    "months": ("ui_pad_month", "ui_pad_months"),
    "years": ("ui_pad_year", "ui_pad_years"),
    "weeks": ("ui_week", "ui_weeks"),
}
"""The words for each unit of time: after the number 1 ("1 month"), and after any other ("2 months")."""
_SAID_AS = {"at_least": "ui_at_least", "about": "ui_about_so_much"}
"""How a time said loosely is read back ("at least 1 year (12 months)"), by how it was said."""


@dataclass(frozen=True)
class Row:
    """One criterion in the summary table."""

    criterion_id: str
    need: str
    verdict: Verdict
    verdict_label: str
    answers: tuple[str, ...]


def format_number(value: float) -> str:
    """48.0 -> "48", 1.5 -> "1.5"; 26 weeks, 6.0008 months -> "6": one decimal at most, cut, never rounded
    up (5.96 months shown as "6" would meet "at least 6 months" on screen and not in the verdict)."""
    return f"{math.floor(value * 10 + 1e-3) / 10:g}"  # + 1e-3: 17.99996 (a sum of rounded units) is 18


def answer_label(pack: ContentPack, question: Question, given: Given, lang: str) -> str:
    """What the answer was understood as, in words ("Yes", "52 years", "Pain, Tingling")."""
    value = given.value
    if value == UNSURE and question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
        return pack.text("answer_unsure", lang)
    if question.kind is QuestionKind.YES_NO:
        return yes_no_label(pack, question, str(value), lang)
    if question.kind is QuestionKind.NUMBER:
        return pack.text(f"value_{question.unit}", lang, value=format_number(float(value)))  # type: ignore[arg-type]
    if question.kind is QuestionKind.DURATION:
        months = format_number(float(value))  # type: ignore[arg-type]
        return pack.text("value_month" if months == "1" else "value_months", lang, value=months)
    chosen = value if isinstance(value, frozenset) else {value}
    return pack.text("list_separator", lang).join(c.label[lang] for c in question.choices if c.id in chosen)


def time_in(pack: ContentPack, number: str, unit: str, lang: str) -> str:
    """A time in `unit` ("months", "years" or "weeks") as the months-or-years buttons say it: "2 years", "1 year", "2 年"."""
    one, more = UNIT_WORDS[unit]
    return f"{number} {pack.text(one if unicodedata.normalize('NFKC', number) == '1' else more, lang)}"


def answer_as_read(pack: ContentPack, understanding: Understanding, question: Question, given: Given, lang: str) -> str:
    """What an answer was understood as (`answer_label`: "Yes", "24 months"), and for a time typed in whole or
    half years or weeks, those too: "2 years (24 months)", "6 weeks (about 1.3 months)"; a time said as its least
    or as about so much says so ("at least 1 year (12 months)" for "more than a year").

    "2 年" read back as "24 个月" alone, and "6 weeks" as "1.3 months", looked like mistakes to someone who meant
    what they said. "半年" as "0.5 年" and "1.25年" as "1.2 年" would look like one too, so those are left in months."""
    label = answer_label(pack, question, given, lang)
    if question.kind is not QuestionKind.DURATION or not given.said:
        return label
    meaning = understanding.interpret(question, given.said, lang)
    if meaning.value != given.value:
        return label  # the words no longer give the answer kept (read in another language, say)
    for amount, unit, both in (
        (meaning.said_in_years, "years", "ui_years_and_months"),
        (meaning.said_in_weeks, "weeks", "ui_weeks_and_months"),
    ):
        if amount is not None and amount >= 1 and (amount * 2).is_integer():
            label = pack.text(both, lang, amount=time_in(pack, format_number(amount), unit, lang), answer=label)
    return label if meaning.said_as == "exactly" else pack.text(_SAID_AS[meaning.said_as], lang, answer=label)


def answer_with_words(pack: ContentPack, understanding: Understanding, question: Question, given: Given, lang: str) -> str:
    """The answer as the conversation read it back (`answer_as_read`), followed by the person's own words when they
    typed something it does not already say: 'at least 2 years (24 months) ("more than two years")', but
    "2 years (24 months)" for "2 years". The summary once read "24 months" where the conversation had said
    "at least 2 years (24 months)", and the person could not tell which was meant."""
    label = answer_label(pack, question, given, lang)
    read = answer_as_read(pack, understanding, question, given, lang)
    if not given.said and given.tried.strip():
        # Pressed after words that gave no answer: "Not sure" beside "a cut on my heel that is slow to heal"
        return pack.text("answer_and_tried", lang, answer=read, tried=excerpt(printable(given.tried.strip())))
    said = printable(given.said.strip())
    if not words_add_something(said, label) or (read != label and _begins_with(read, said)):
        return read
    return pack.text("answer_and_words", lang, answer=read, said=said)


def words_add_something(said: str, label: str) -> bool:
    """Whether typed words say more than the answer they were read as: not when they are its label ("yes"
    for "Yes", "都没有") or its number ("52" for "52 years"), or when nothing was typed (a button).

    Any part of the label was too much: "m" read as "A man", "hands" as "Any of these in my hands too" and
    "没" as "没查出过" were guesses of a kind, and showed no reading."""
    said, label = _squashed(said), _squashed(label)
    if not said or said == label:
        return False
    number = said.replace(".", "", 1).isdigit() and label.startswith(said)
    return not (number and not label[len(said) : len(said) + 1].isdigit())


def _begins_with(read: str, said: str) -> bool:
    """Whether a time read back begins with the words typed, whole ("2 years" in "2 years (24 months)", "6周" in
    "6 周（大约 1.3 个月）"): they are in it already."""
    read, said = _squashed(read), _squashed(said)
    return read.startswith(said) and not read[len(said) : len(said) + 1].isalnum()


def _squashed(text: str) -> str:
    """`text` without spaces, in lower case: "2 Years" and "2years" are the same words."""
    return "".join(text.split()).casefold()


def status_lines(pack: ContentPack, today: dt.date, lang: str) -> list[str]:
    """The trial's status, said honestly and compared with today's date."""
    trial = pack.trial
    line = pack.text(
        "summary_status_line", lang,
        status=status_with_meaning(pack, lang),
        last_updated=trial.last_updated,
        completion_date=trial.completion_date,
    )
    passed = today > trial.completion_date
    return [line, pack.text("summary_status_passed" if passed else "summary_status_not_passed", lang)]


def status_with_meaning(pack: ContentPack, lang: str) -> str:
    """The record's status as it spells it, with what it means where the content says so in `lang`
    ("UNKNOWN (nobody has said if it is still taking people)"): the Chinese summary once said "（未知）"
    after any status, and both languages said nobody knew if it took people, whatever the status."""
    status = pack.trial.status
    meaning = pack.status_meanings.get(lang, {}).get(status)
    return pack.text("summary_status_meaning", lang, status=status, meaning=meaning) if meaning else status


def status_notice(pack: ContentPack, today: dt.date, lang: str) -> str | None:
    """A short line or two for the first screen, before anyone spends minutes answering, when the study may
    no longer take people: its expected end has passed, its record does not say it is recruiting, or both."""
    trial = pack.trial
    lines = []
    if today > trial.completion_date:
        lines.append(pack.text("status_notice_passed", lang, completion_date=trial.completion_date))
    if trial.status != "RECRUITING":
        # Both, when both hold: a record last updated years before its end date says nothing of that end.
        lines.append(pack.text("status_notice_not_recruiting", lang, last_updated=trial.last_updated))
    return "\n".join(lines) or None


def rows(screening: Screening, understanding: Understanding, lang: str) -> list[Row]:
    """One row per criterion, with the answers that informed it, read back as the conversation read them."""
    pack = screening.pack
    verdicts = screening.verdicts()
    result = []
    for criterion_id, criterion in pack.criteria.items():
        questions = pack.questions_for(criterion_id)
        answers = tuple(
            _named(pack, q, answer_with_words(pack, understanding, q, given, lang), lang, shared=len(questions) > 1)
            for q in questions
            if (given := screening.given(q.id)) is not None
        )
        verdict = verdicts[criterion_id]
        result.append(
            Row(criterion_id, criterion.summary[lang], verdict, pack.text(f"verdict_{verdict}", lang), answers)
        )
    return result


def short_answers(screening: Screening, understanding: Understanding, lang: str) -> list[tuple[str, str]]:
    """Each answer that counts, by its question's id, after the question's short name ("Age: 52 years", "How
    long: 2 years (24 months)": read as the conversation read it back), in the order the questions are asked:
    a list to choose an answer to change from."""
    pack = screening.pack
    listed = []
    for given in screening.answers:
        question = pack.question(given.question_id)
        answer = answer_as_read(pack, understanding, question, given, lang)
        listed.append((question.id, _named(pack, question, answer, lang, shared=True)))
    return listed


def _named(pack: ContentPack, question: Question, answer: str, lang: str, *, shared: bool) -> str:
    """An answer in a row that shows the answers to several questions, after its question's short name
    ("Consent form: Yes"): which is which. Alone in its row, it is as it is."""
    return f"{question.short[lang]}{pack.text('colon', lang)}{answer}" if shared else answer


def render_summary(
    screening: Screening, understanding: Understanding, settings: Settings, lang: str, fmt: Format = "txt"
) -> str:
    """The summary as plain text or Markdown, each answer read back as the conversation read it (`understanding`)."""
    pack = screening.pack
    outcome = screening.outcome()
    today = settings.current_date()

    def t(key: str, **values: object) -> str:
        return pack.text(key, lang, **values)

    template = pack.templates.get_template(f"summary.{fmt}.j2")
    return template.render(
        t=t,
        trial=pack.trial,
        lang=lang,
        today=today,
        outcome=str(outcome),
        outcome_text=t(f"outcome_{outcome}"),
        next_step=t(f"summary_next_{outcome}") if outcome is not Outcome.IN_PROGRESS else "",
        reasons=[c.not_met[lang] for c in screening.failed()],
        rows=rows(screening, understanding, lang),
        status_lines=status_lines(pack, today, lang),
        contact=settings.contact,
    )


def pressed_words(pack: ContentPack, question: Question, value: AnswerValue, lang: str) -> str:
    """The words on the buttons that gave this answer, in `lang`, in the order the buttons stand."""
    values = [v for v in question.answer_values() if v in value] if isinstance(value, frozenset) else [str(value)]
    return button_labels(pack, question, values, lang)


def button_labels(pack: ContentPack, question: Question, values: list[str], lang: str) -> str:
    """The text on the pressed buttons, as the transcript shows it."""
    labels = []
    for value in values:
        choice = question.choice(value)
        labels.append(choice.label[lang] if choice else yes_no_label(pack, question, value, lang))
    return pack.text("list_separator", lang).join(labels)


def yes_no_label(pack: ContentPack, question: Question, value: str, lang: str) -> str:
    """The words of a yes/no answer ("yes", "no", "unsure"): the question's own (说过), else "Yes", "No", "Not sure"."""
    own = question.labels.get(value)
    return own[lang] if own else pack.text(f"answer_{value}", lang)
