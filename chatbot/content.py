"""Load and validate the content pack (`content/`): one clear error per broken file, or a ready pack."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .literal import markdown_literal, printable
from .models import (
    UNSURE,
    YEARS,
    CriteriaFile,
    Criterion,
    MessagesFile,
    Question,
    QuestionKind,
    QuestionsFile,
    Trial,
    TrialFile,
    WordsFile,
)
from .schema import PATTERN_MEANINGS

if TYPE_CHECKING:
    import jinja2
    import pydantic

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
TEMPLATES = ("summary.txt.j2", "summary.md.j2")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::[^{}]*)?\}")
"""A {placeholder} of a message, by name; a date's may say how it is written ({today:%Y年%m月%d日})."""

M = TypeVar("M")


class ContentError(Exception):
    """A content or settings file is broken. `str()` is one line: file, place, what is wrong."""

    def __init__(self, path: Path | str, place: str, problem: str) -> None:
        self.path = str(path)
        self.place = place
        self.problem = problem
        where = f"{self.path}: {place}: " if place else f"{self.path}: "
        super().__init__(f"{where}{problem}")


@dataclass(frozen=True)
class ContentPack:
    """The whole trial as validated data."""

    directory: Path
    languages: tuple[str, ...]
    trial: Trial
    criteria: dict[str, Criterion]
    questions: tuple[Question, ...]
    messages: dict[str, dict[str, str]]
    status_meanings: dict[str, dict[str, str]]
    """By language, then status: what a record's status means (messages files, `status_meanings`)."""
    words: dict[str, WordsFile]
    template_dir: Path = field(repr=False)
    question_index: dict[str, Question] = field(repr=False)
    informing: dict[str, tuple[str, ...]] = field(repr=False)
    """criterion id -> ids of the questions whose answers inform it, in order."""
    conditional_questions: tuple[Question, ...] = field(repr=False)
    """The questions asked only when an earlier answer makes them relevant."""
    conditions: frozenset[str] = field(repr=False)
    """The ids of the questions whose answers decide whether a later question is asked."""

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The summary templates, compiled (`load_content` compiles them at once, to check them)."""
        return _load_templates(self.template_dir)

    def __getstate__(self) -> dict[str, Any]:
        """What a pickled pack keeps (content_cache.py): the data, not the compiled templates."""
        state = dict(self.__dict__)
        state.pop("templates", None)
        return state

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError if there is none)."""
        return self.question_index[question_id]

    def text(self, key: str, lang: str, **values: object) -> str:
        """The message `key` in `lang`, with its {placeholders} filled in."""
        template = self.messages[key][lang]
        return template.format(**values) if values else template

    def questions_for(self, criterion_id: str) -> list[Question]:
        """The questions whose answers inform this criterion."""
        return [self.question_index[q] for q in self.informing[criterion_id]]


def read_toml(path: Path) -> dict[str, Any]:
    """Parse one TOML file, turning any failure into a ContentError."""
    import tomllib  # only here: a start that reads the pack from its cache parses no file (content_cache.py)

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(path, "", "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "", f"not valid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path, "", f"cannot be read: {error}") from None


_MESSAGES = {
    "missing_argument": "Field required",
    "unexpected_keyword_argument": "Extra inputs are not permitted",
}
"""pydantic's words for a dataclass's fields, put as it puts them for any other object's."""


def parse(model: type[M], data: dict[str, Any], path: Path) -> M:
    """Validate `data` against `model` (a dataclass, see schema.py), reporting the first problem with its
    place in the file."""
    from pydantic import ValidationError  # only here: see schema.py

    try:
        return _validator(model).validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        message = _MESSAGES.get(first["type"], first["msg"])
        if first["type"] == "string_pattern_mismatch":
            means = PATTERN_MEANINGS.get(first["ctx"]["pattern"])
            message = f"Should be {means}" if means else message
        raise ContentError(path, _place(first["loc"], data), message) from None


@cache
def _validator(model: type[M]) -> pydantic.TypeAdapter[M]:
    """pydantic's validator for `model`, built the first time a file of that model is read."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _place(loc: tuple[int | str, ...], data: Any) -> str:
    """Render a pydantic location as `questions[3] (id "age").rules[0].criterion`."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{step}]"]
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                parts[-1] += f' (id "{node["id"]}")'
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "top level"


def content_root(directory: Path | str | None = None) -> Path:
    """The content pack's folder: `directory`, else $TRIALBOT_CONTENT, else the project's content/."""
    return Path(directory or os.environ.get("TRIALBOT_CONTENT") or DEFAULT_CONTENT_DIR)


def load_content(directory: Path | str | None = None) -> ContentPack:
    """Load, validate and cross-check the content pack; raise ContentError on the first problem."""
    root = content_root(directory)
    trial_path = root / "trial.toml"
    trial_file = parse(TrialFile, read_toml(trial_path), trial_path)
    languages = tuple(trial_file.languages)
    allowed = languages + tuple(trial_file.draft_languages)

    criteria_path = root / "criteria.toml"
    criteria_file = parse(CriteriaFile, read_toml(criteria_path), criteria_path)
    questions_path = root / "questions.toml"
    questions_file = parse(QuestionsFile, read_toml(questions_path), questions_path)
    messages: dict[str, dict[str, str]] = {}
    status_meanings: dict[str, dict[str, str]] = {}
    defined_in: dict[str, str] = {}
    for messages_path in sorted((root / "messages").glob("*.toml")):
        messages_file = parse(MessagesFile, read_toml(messages_path), messages_path)
        for key in messages_file.messages:
            if key in defined_in:
                raise ContentError(messages_path, f"messages.{key}", f"also defined in {defined_in[key]}")
            defined_in[key] = messages_path.name
        _check_translations(messages_path, asdict(messages_file), languages, allowed)
        messages.update(messages_file.messages)
        for lang, meanings in messages_file.status_meanings.items():
            if lang not in allowed:
                raise ContentError(messages_path, f"status_meanings.{lang}", "a language not listed in trial.toml")
            status_meanings.setdefault(lang, {}).update(meanings)
    if not messages:
        raise ContentError(root / "messages", "", "no messages files (*.toml) found")
    _check_messages_used(root / "messages", messages, defined_in)
    words = {}
    for lang in allowed:
        words_path = root / "words" / f"{lang}.toml"
        if lang in languages or words_path.exists():
            words[lang] = parse(WordsFile, read_toml(words_path), words_path)

    criteria = _unique(criteria_file.criteria, criteria_path, "criteria")
    questions = tuple(_unique(questions_file.questions, questions_path, "questions").values())
    _check_translations(trial_path, asdict(trial_file), languages, allowed)
    _check_translations(criteria_path, asdict(criteria_file), languages, allowed)
    _check_translations(questions_path, asdict(questions_file), languages, allowed)
    _check_questions(questions_path, questions, criteria)
    _check_ticked_labels(questions_path, questions, messages["list_separator"])
    for lang, mark in messages["answers_separator"].items():
        if mark.strip() == messages["list_separator"].get(lang, "").strip():
            why = "the same mark as list_separator: the answers to two questions would read as more answers ticked"
            raise ContentError(root / "messages", f"messages.answers_separator.{lang}", why)
    _check_age_rules(questions_path, questions, trial_file.trial)
    _check_coverage(criteria_path, criteria, questions)
    for lang, words_file in words.items():
        _check_words(root / "words" / f"{lang}.toml", words_file, questions)

    pack = ContentPack(
        directory=root,
        languages=languages,
        trial=trial_file.trial,
        criteria=criteria,
        questions=questions,
        messages=messages,
        status_meanings=status_meanings,
        words=words,
        template_dir=root / "templates",
        question_index={q.id: q for q in questions},
        informing={c: tuple(q.id for q in questions if any(r.criterion == c for r in q.rules)) for c in criteria},
        conditional_questions=tuple(q for q in questions if q.ask_if is not None),
        conditions=frozenset(q.ask_if.question for q in questions if q.ask_if is not None),
    )
    pack.templates  # noqa: B018 - compiled now: a template error stops the program here, not at someone's summary
    return pack


def _unique(items: list[Any], path: Path, section: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            raise ContentError(path, f'{section}[{index}] (id "{item.id}")', "duplicate id")
        seen[item.id] = item
    return seen


def _is_text(node: Any) -> bool:
    """A language-keyed text: a non-empty dict of short language codes to strings."""
    return (
        isinstance(node, dict)
        and bool(node)
        and all(isinstance(k, str) and len(k) == 2 and isinstance(v, str) for k, v in node.items())
    )


def _check_translations(
    path: Path, data: Any, languages: tuple[str, ...], allowed: tuple[str, ...], place: str = ""
) -> None:
    """Every text has every language (drafts optional), none empty, with the same {placeholders} in each."""
    if _is_text(data):
        missing = [lang for lang in languages if not data.get(lang, "").strip()]
        if missing:
            raise ContentError(path, place, f"no text in language {', '.join(missing)}")
        extra = sorted(set(data) - set(allowed))
        if extra:
            raise ContentError(path, place, f"text in a language not listed in trial.toml: {', '.join(extra)}")
        present = [lang for lang in allowed if lang in data]
        placeholders = {lang: sorted(set(_PLACEHOLDER.findall(data[lang]))) for lang in present}
        first = present[0]
        for lang in present[1:]:
            if placeholders[lang] != placeholders[first]:
                raise ContentError(
                    path, place,
                    f"placeholders differ: {first} has {placeholders[first]}, {lang} has {placeholders[lang]}",
                )
    elif isinstance(data, dict):
        label = f' (id "{data["id"]}")' if isinstance(data.get("id"), str) else ""
        for key, value in data.items():
            _check_translations(path, value, languages, allowed, f"{place}{label}.{key}".lstrip("."))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_translations(path, value, languages, allowed, f"{place}[{index}]")


def _check_messages_used(folder: Path, messages: dict[str, dict[str, str]], defined_in: dict[str, str]) -> None:
    """Every message the code shows is there, with no placeholder the code does not fill in (message_keys.py)."""
    from .message_keys import FILLED, PLAIN

    for key in sorted(PLAIN | set(FILLED)):
        if key not in messages:
            raise ContentError(folder, f"messages.{key}", "missing: the app shows this message")
    for key, texts in messages.items():
        if key not in PLAIN and key not in FILLED:
            continue  # a message of the author's own: nothing in the code shows it
        filled = FILLED.get(key, frozenset())
        for lang, text in texts.items():
            why = _placeholder_problem(text, filled)
            if why:
                raise ContentError(folder / defined_in[key], f"messages.{key}.{lang}", why)


def _placeholder_problem(text: str, filled: frozenset[str]) -> str | None:
    """What in `text` the code could not fill in: a placeholder it does not give, one with no name, or a
    format on anything but a date ("{value:.0f}" stopped the app: the value is already written out)."""
    import string

    from .message_keys import DATES

    can = ", ".join(f"{{{name}}}" for name in sorted(filled)) or "none"
    try:
        fields = [(name, spec, how) for _, name, spec, how in string.Formatter().parse(text) if name is not None]
    except ValueError as error:  # a lone "{" or "}"
        return f"{error} (write {{{{ or }}}} for a brace itself)"
    for name, spec, how in fields:
        if name not in filled:
            return f"{{{name}}} is never filled in here (this message can use: {can})"
        if how:
            return f"{{{name}!{how}}}: a placeholder is written as {{{name}}}"
        if spec and name not in DATES:
            return f"{{{name}:{spec}}}: only a date may say how it is written ({{{name}}} is written out already)"
        if spec and format(dt.date(2024, 5, 31), spec) == spec:  # strftime writes any other text as it is
            return f"{{{name}:{spec}}}: not a date format (write it with %Y, %m, %d)"
    return None


def _check_questions(path: Path, questions: tuple[Question, ...], criteria: dict[str, Criterion]) -> None:
    """Rules name real criteria and cover every answer; ask_if names an earlier question's answers."""
    earlier: dict[str, Question] = {}
    for index, question in enumerate(questions):
        where = f'questions[{index}] (id "{question.id}")'
        values = question.answer_values()
        numeric = question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION)
        for r_index, rule in enumerate(question.rules):
            at = f"{where}.rules[{r_index}]"
            if rule.criterion not in criteria:
                raise ContentError(path, at, f'unknown criterion "{rule.criterion}"')
            if numeric:
                if (rule.between is None) == (rule.at_least is None) or rule.verdicts:
                    raise ContentError(path, at, "a number rule needs exactly one of `between` or `at_least`")
                continue
            if rule.between is not None or rule.at_least is not None:
                raise ContentError(path, at, "`between` and `at_least` are only for number and duration questions")
            unknown = sorted(set(rule.verdicts) - set(values))
            if unknown:
                raise ContentError(path, at, f'unknown answer "{unknown[0]}" (answers are: {", ".join(values)})')
            missing = [v for v in values if v not in rule.verdicts]
            if missing:
                raise ContentError(path, at, f'no verdict for answer "{missing[0]}"')
            bad_all_of = [c for c in rule.all_of if c not in values]
            if bad_all_of:
                raise ContentError(path, at, f'unknown answer "{bad_all_of[0]}" in all_of')
            if rule.all_of and question.kind is not QuestionKind.MULTI:
                raise ContentError(path, at, "`all_of` is only for multi questions")
        if question.ask_if is not None:
            target = earlier.get(question.ask_if.question)
            if target is None:
                raise ContentError(
                    path, f"{where}.ask_if", f'"{question.ask_if.question}" is not a question asked earlier'
                )
            bad = [v for v in question.ask_if.any_of if v not in target.answer_values()]
            if bad:
                raise ContentError(path, f"{where}.ask_if", f'"{bad[0]}" is not an answer of "{target.id}"')
        if question.kind is QuestionKind.MULTI and UNSURE in values:
            choice = question.choice(UNSURE)
            if choice is not None and not choice.exclusive:
                raise ContentError(path, f"{where}.choices", '"unsure" must be exclusive in a multi question')
        earlier[question.id] = question


def _check_ticked_labels(path: Path, questions: tuple[Question, ...], separator: dict[str, str]) -> None:
    """No answer of a choose-all question holds the mark that joins the answers ticked (`list_separator`):
    "脚发木、发麻、像针扎、像蚂蚁爬" could be two answers or four."""
    for index, question in enumerate(questions):
        if question.kind is not QuestionKind.MULTI:
            continue
        for c_index, choice in enumerate(question.choices):
            for lang, label in choice.label.items():
                mark = separator.get(lang, "").strip()
                if mark and mark in label:
                    where = f'questions[{index}] (id "{question.id}").choices[{c_index}].label.{lang}'
                    why = f'holds "{mark}", which joins the answers ticked (list_separator): one answer would read as two'
                    raise ContentError(path, where, why)


def _check_age_rules(path: Path, questions: tuple[Question, ...], trial: Trial) -> None:
    """An age range in a rule is the record's: About the study tells people `minimum_age` to `maximum_age`
    (trial.toml), and a rule that says otherwise would rule out someone About tells they may take part."""
    ages = (float(trial.minimum_age), float(trial.maximum_age))
    for index, question in enumerate(questions):
        if question.kind is not QuestionKind.NUMBER or question.unit != "years":
            continue
        for r_index, rule in enumerate(question.rules):
            if rule.at_least is not None:
                at = f'questions[{index}] (id "{question.id}").rules[{r_index}]'
                raise ContentError(path, at, "an age rule needs `between` (minimum_age and maximum_age), not `at_least`")
            if rule.between is not None and tuple(rule.between) != ages:
                raise ContentError(
                    path,
                    f'questions[{index}] (id "{question.id}").rules[{r_index}]',
                    f"the age range {rule.between[0]:g} to {rule.between[1]:g} is not "
                    f"trial.toml's minimum_age to maximum_age ({trial.minimum_age} to {trial.maximum_age})",
                )


def _check_coverage(path: Path, criteria: dict[str, Criterion], questions: tuple[Question, ...]) -> None:
    informed = {rule.criterion for q in questions for rule in q.rules}
    for index, criterion_id in enumerate(criteria):
        if criterion_id not in informed:
            raise ContentError(path, f'criteria[{index}] (id "{criterion_id}")', "no question informs this criterion")


def _check_words(path: Path, words: WordsFile, questions: tuple[Question, ...]) -> None:
    by_id = {q.id: q for q in questions}
    for question_id, lists in words.questions.items():
        if question_id not in by_id:
            raise ContentError(path, f"questions.{question_id}", f'unknown question "{question_id}"')
        for kind, texts in lists.items():
            _check_year_slots(path, f"questions.{question_id}.{kind}", texts)
        if lists.get("not_now") and by_id[question_id].kind is not QuestionKind.YES_NO:
            raise ContentError(path, f"questions.{question_id}.not_now", "`not_now` is only for yes/no questions")
        if lists.get("named") and by_id[question_id].kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
            why = "`named` is only for yes/no questions and questions with choices"
            raise ContentError(path, f"questions.{question_id}.named", why)
        for kind in ("named_endings", "unfinished", "not_listed"):
            if lists.get(kind) and by_id[question_id].kind not in (QuestionKind.CHOICE, QuestionKind.MULTI):
                raise ContentError(path, f"questions.{question_id}.{kind}", f"`{kind}` is only for questions with choices")
        for kind in ("places", "well"):
            if lists.get(kind) and not any(choice.place for choice in by_id[question_id].choices):
                why = f"`{kind}` is only for a question with a choice that names another place (`place = true`)"
                raise ContentError(path, f"questions.{question_id}.{kind}", why)
        if lists.get("joining") and not lists.get("together"):
            why = "`joining` joins the person to the others of `together`: it is only for a question with `together`"
            raise ContentError(path, f"questions.{question_id}.joining", why)
        if lists.get("once") and by_id[question_id].within_months is None:
            why = "`once` is only for questions that reach back a time (`within_months` in questions.toml)"
            raise ContentError(path, f"questions.{question_id}.once", why)
        halves = lists.get("halves", [])
        if halves and (by_id[question_id].kind is not QuestionKind.YES_NO or len(set(halves)) != 2):
            why = "`halves` names two topics, of a yes/no question that asks two things at once"
            raise ContentError(path, f"questions.{question_id}.halves", why)
        for kind in ("not_about", "halves"):
            for topic in lists.get(kind, []):
                if topic not in words.topics:
                    known = ", ".join(words.topics) or "none"
                    place = f"questions.{question_id}.{kind}"
                    raise ContentError(path, place, f'unknown topic "{topic}" (topics: {known})')
    if words.agreement and not any(question.agreement for question in questions):
        why = "no question asks for an agreement (`agreement = true` in questions.toml)"
        raise ContentError(path, "agreement", why)
    for kind, texts in words.agreement.items():
        _check_year_slots(path, f"agreement.{kind}", texts)
    named = {topic for lists in words.questions.values() for topic in lists.get("not_about", [])}
    for topic, texts in words.topics.items():
        if topic not in named:
            raise ContentError(path, f"topics.{topic}", f'no question names topic "{topic}" in `not_about`')
        _check_year_slots(path, f"topics.{topic}", texts)
    _check_readable(path, {part.name: getattr(words, part.name) for part in fields(words)})
    _check_rivals(path, words)
    _check_sound_slips(path, words.sound_slips)
    yes_words = {" ".join(text.casefold().split()) for text in words.answers.get("yes", [])}
    for text in words.murmurs:
        if " ".join(text.casefold().split()) not in yes_words:
            why = f'"{text}" is not a yes word (`answers.yes`): a murmur is a yes on its own'
            raise ContentError(path, "murmurs", why)
    for question_id, choices in words.choices.items():
        question = by_id.get(question_id)
        if question is None:
            raise ContentError(path, f"choices.{question_id}", f'unknown question "{question_id}"')
        for choice_id, texts in choices.items():
            if question.choice(choice_id) is None:
                raise ContentError(path, f"choices.{question_id}.{choice_id}", f'"{question_id}" has no choice "{choice_id}"')
            _check_year_slots(path, f"choices.{question_id}.{choice_id}", texts)


def _check_readable(path: Path, lists: object, place: str = "") -> None:
    """Every words-file entry has something in it that can be read: "$" or "..." alone (signs and
    punctuation are dropped from answers, see understanding/text.py) would never match any answer. And no
    list has the same entry twice, nor two that read the same ("不遠" and "不远": traditional characters are
    read as simplified ones; "2xing" and "2 xing"): the copy says nothing more, and hides which comment it
    belongs to."""
    from .understanding.text import BREAK, tokens  # only when the files are checked, not on a start from cache

    if is_dataclass(lists):  # the number words: their tables and lists
        lists = {part.name: getattr(lists, part.name) for part in fields(lists)}
    if isinstance(lists, dict) and lists and not any(isinstance(value, (dict, list)) for value in lists.values()):
        lists = list(lists)  # a table of words and what each is worth ("五" = 5, "个月" = 1): its words
    if isinstance(lists, dict):
        for key, value in lists.items():
            _check_readable(path, value, f"{place}.{key}" if place else str(key))
    elif isinstance(lists, list):
        seen: set[str] = set()
        read: dict[tuple[str, ...], str] = {}
        for text in lists:
            if not isinstance(text, str):
                continue
            if (same := " ".join(text.casefold().split())) in seen:
                raise ContentError(path, place, f'"{text}" is listed twice')
            seen.add(same)
            if (reading := _reading(text)) and (first := read.setdefault(reading, text)) != text:
                why = "traditional characters read as simplified ones; case, spaces and punctuation do not count"
                raise ContentError(path, place, f'"{first}" and "{text}" read the same ({why}): keep one')
            if _LETTER_OR_DIGIT.search(text):
                continue  # a letter, a digit or a Chinese character is always read (and checking is quicker)
            if not [token for token in tokens(_SLOT.sub("2020", text)) or [] if token != BREAK]:
                raise ContentError(path, place, f'"{text}" has no word that an answer can match (signs are dropped)')


RIVALS = (
    "affirmations", "negations", "knowing", "hedges", "hedged_yes", "asking_back", "asking_why", "rhetorical",
    "refusals", "wellbeing", "neutral", "others",
)
"""The lists that each say what a whole answer is (a yes, a hedge, a question back, a refusal, about someone else):
an entry in two of them is read by whichever the understanding looks at first, and means the other nowhere.
什么意思 was a hedge and a question back, and was read as a hedge. (Other lists may share words with these: "almost"
is a hedge to a yes and makes an amount vague.)"""


def _check_rivals(path: Path, words: WordsFile) -> None:
    """No entry, as it is read, in two of the `RIVALS` lists."""
    first: dict[tuple[str, ...], str] = {}
    for name in RIVALS:
        for text in getattr(words, name):
            reading = _reading(text)
            if (other := first.setdefault(reading, name)) != name:
                raise ContentError(path, name, f'"{text}" is also in `{other}`: an answer with it is read by only one of them')


def _reading(text: str) -> tuple[str, ...]:
    """A words-file entry as an answer is read (`vocabulary.phrase`), its year slots kept as they are written."""
    from .understanding.text import BREAK, tokens

    words: list[str] = []
    for part in re.split(r"(\{[^{}]*\})", text):
        if _SLOT.fullmatch(part):
            words.append(part)
        else:
            words += [token for token in tokens(part) or [] if token != BREAK]
    return tuple(words)


def _check_sound_slips(path: Path, slips: list[str]) -> None:
    """A sound slip is one word (one Chinese character): it is compared with the single word before a yes."""
    from .understanding.text import tokens

    for text in slips:
        if len(tokens(text) or []) != 1:
            raise ContentError(path, "sound_slips", f'"{text}" is not one word: a slip stands for one "不" or "没"')


def _check_year_slots(path: Path, place: str, texts: list[str]) -> None:
    """Braces in a words-file entry are a year slot (`YEARS`), one to an entry; anything else is a mistake."""
    for text in texts:
        slots = _SLOT.findall(text)
        rest = _SLOT.sub("", text)
        if len(slots) > 1 or "{" in rest or "}" in rest or any(slot not in YEARS for slot in slots):
            known = ", ".join(f'"{slot}"' for slot in YEARS)
            raise ContentError(path, place, f'"{text}": a year is written as one of {known}')


_SLOT = re.compile(r"\{[^{}]*\}")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _load_templates(directory: Path) -> jinja2.Environment:
    """Compile every summary template now, so a template error stops the program at start."""
    import jinja2  # only here: a pack read from the cache (content_cache.py) compiles them on first use

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["printable"] = printable
    environment.filters["md"] = markdown_literal
    for name in TEMPLATES:
        try:
            environment.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise ContentError(directory / name, f"line {error.lineno}", f"template error: {error.message}") from None
        except jinja2.TemplateNotFound:
            raise ContentError(directory / name, "", "file not found") from None
    return environment
