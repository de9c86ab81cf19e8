"""The content pack's schema: a frozen dataclass for every file under `content/` and each of its parts.

pydantic validates them once, at load (see `content.py`), from these types and the limits beside them
(`schema.py`); everything downstream trusts these objects. Nothing here imports pydantic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import StrEnum
from typing import Annotated, Literal

from .schema import NON_EMPTY, MoreThan, Pattern, model

Id = Annotated[
    str, Pattern(r"^[a-z][a-z0-9_]*$", "a small letter, then only small letters, digits and _ (like feet_pain)")
]
Text = dict[str, str]
"""A patient-facing text keyed by language code ("en", "zh")."""

RecordStatus = Literal[
    "RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED",
    "SUSPENDED", "TERMINATED", "WITHDRAWN", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD",
]
"""A trial record's overall status, as ClinicalTrials.gov spells it."""

UNSURE = "unsure"
"""The answer value every question uses for "not sure" / "I don't know"."""


class Verdict(StrEnum):
    """How one criterion stands for one participant."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    """The participant was not sure: only the study team can judge."""
    TO_CONFIRM = "to_confirm"
    """Consistent with the answers, but only the study team can decide it (tests, records)."""
    NOT_ASKED = "not_asked"


class Outcome(StrEnum):
    """The screening's overall result. There is deliberately no "eligible"."""

    POSSIBLE_MATCH = "possible_match"
    NOT_ELIGIBLE = "not_eligible"
    UNSURE = "unsure"
    IN_PROGRESS = "in_progress"


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    MULTI = "multi"
    NUMBER = "number"
    DURATION = "duration"


@model
class Choice:
    """One answer a question offers: its id, its label in each language."""

    id: Id
    label: Text
    exclusive: bool = False
    """In a multi-choice question, this choice cannot be combined with others ("none", "not sure")."""
    refusal: bool = False
    """This choice is itself a refusal to say ("I prefer not to say"): every refusal in the words files
    (`WordsFile.refusals`) is read as it, where elsewhere a refusal is no answer."""
    place: bool = False
    """In a multi-choice question, this choice names another place where the others are felt, not another
    answer ("Any of these in my hands too"): the answers said in a part of the answer that names it and none of
    the question's own places (`places` in the words file: feet, legs) are said of it, and only it is read."""


@model
class Rule:
    """How the answer to a question sets the verdict of one criterion."""

    criterion: Id
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    """For yes/no and choice questions: answer value (choice id, "yes", "no", "unsure") -> verdict."""
    between: tuple[float, float] | None = None
    """For number and duration questions: an inclusive range that means MET; outside means NOT_MET."""
    at_least: float | None = None
    """For number and duration questions: a lower bound that means MET; below means NOT_MET."""
    unsure: Verdict = Verdict.UNKNOWN
    """For number and duration questions: the verdict of a "not sure" answer."""
    all_of: list[str] = field(default_factory=list)
    """For multi questions: choices that must all be chosen together."""
    missing: Verdict = Verdict.UNKNOWN
    """For multi questions with `all_of`: the verdict when only some of them are chosen."""


@model
class AskIf:
    """Ask a question only when an earlier question's answer is one of `any_of`."""

    question: Id
    any_of: Annotated[list[str], NON_EMPTY]


@model
class Question:
    """One plain-language question, its kind (yes/no, choice, number, ...) and how to read the answers."""

    id: Id
    kind: QuestionKind
    text: Text
    why: Text
    hint: Text | None = None
    short: Text
    """A few words that name the question ("Consent form"), before its answer where the question itself is not
    shown: in a summary row that shows the answers to more than one question ("Consent form: Yes", "Visits for
    2 years: Yes"), and in the list of answers to change ("Age: 52 years")."""
    choices: list[Choice] = field(default_factory=list)
    labels: dict[str, Text] = field(default_factory=dict)
    """Yes/no questions: the words on an answer's button where "Yes", "No" or "Not sure" would not fit the
    question. Chinese answers 有没有……？ with 有 or 没有 and 能……吗？ with 能 or 不能, never 是 or 否."""
    unit: Literal["years", "months"] | None = None
    """Number questions: the unit of the value. Duration questions always answer in months."""
    min: float | None = None
    max: float | None = None
    allow_unsure: bool = True
    agreement: bool = False
    """Yes/no questions that ask the person to agree to something (to sign, to come): there a "not" before a
    word we do not know may be a double negative ("I don't object", "不推辞"), so the answer is asked again
    rather than read as a no, which would end the screening."""
    within_months: Annotated[float, MoreThan(0)] | None = None
    """Yes/no questions about a recent time ("In the last 3 months, ..."): how far back it reaches. A time
    ago said in the answer is compared with it: "5 months ago" is a no, "2 weeks ago" a yes."""
    ask_if: AskIf | None = None
    rules: Annotated[list[Rule], NON_EMPTY]

    def __post_init__(self) -> None:
        """The shape fits the kind (pydantic reports a ValueError here at the question's place)."""
        has_choices = self.kind in (QuestionKind.CHOICE, QuestionKind.MULTI)
        if has_choices and len(self.choices) < 2:
            raise ValueError(f"a {self.kind} question needs at least two choices")
        if not has_choices and self.choices:
            raise ValueError(f"a {self.kind} question has no choices")
        if self.labels and self.kind is not QuestionKind.YES_NO:
            raise ValueError("only a yes_no question has labels (a choice has its own label)")
        unknown = [value for value in self.labels if value not in self.answer_values()]
        if unknown:
            raise ValueError(f'a label for "{unknown[0]}", which is not an answer of this question')
        if self.agreement and self.kind is not QuestionKind.YES_NO:
            raise ValueError("only a yes_no question asks for an agreement")
        if self.within_months is not None and self.kind is not QuestionKind.YES_NO:
            raise ValueError("only a yes_no question reaches back a time (within_months)")
        if self.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
            if self.min is None or self.max is None or self.min > self.max:
                raise ValueError("a number or duration question needs min <= max")
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("two choices share an id")

    def answer_values(self) -> list[str]:
        """The values a yes/no or choice answer can take (empty for numbers and durations)."""
        if self.kind is QuestionKind.YES_NO:
            return ["yes", "no", UNSURE] if self.allow_unsure else ["yes", "no"]
        return [c.id for c in self.choices]

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with this id, if the question has one."""
        return next((c for c in self.choices if c.id == choice_id), None)


class CriterionKind(StrEnum):
    INCLUSION = "inclusion"
    EXCLUSION = "exclusion"
    BASIC = "basic"
    """Age, sex and healthy volunteers: the record's structured eligibility fields."""


@model
class Criterion:
    """One eligibility criterion of the record: its own words, and its plain-language meaning."""

    id: Id
    kind: CriterionKind
    source: Annotated[str, NON_EMPTY]
    """The record's own words, verbatim."""
    summary: Text
    """The criterion in plain words, for the summary table."""
    why: Text
    """Why the study asks this, in plain words."""
    not_met: Text
    """Kind words for when the answers clearly do not fit."""
    study_team_confirms: bool = False
    """Answers can never settle it: a fitting answer is shown as "to be confirmed by the study team"."""


@model
class CriteriaFile:
    """content/criteria.toml: every criterion of the record."""

    criteria: Annotated[list[Criterion], NON_EMPTY]


@model
class QuestionsFile:
    """content/questions.toml: the questions, in the order they are asked."""

    questions: Annotated[list[Question], NON_EMPTY]


@model
class Arm:
    """One arm of the study, as the record names it, and in plain words."""

    name: str
    kind: str
    plain: Text


@model
class RelatedTrial:
    """Another trial the record mentions, by its number and title."""

    nct_id: str
    title: str


@model
class Site:
    """Where the study runs, as the record gives it."""

    name: Text
    record_name: str
    department: Text
    city: Text


@model
class Trial:
    """Facts from the record. Nothing here may be invented: every field is in the seed file."""

    nct_id: str
    record_url: str
    official_title: str
    brief_title: Text
    plain_purpose: Text
    phase: str
    design: Text
    enrollment: int
    status: RecordStatus
    """The record's overall status, as ClinicalTrials.gov spells it: "Recruting" was taken, and shown."""
    last_updated: dt.date
    start_date: dt.date
    completion_date: dt.date
    follow_up_weeks: int
    arms: list[Arm]
    sponsors: list[str]
    site: Site
    investigator: Text
    investigator_role: Text
    related_trials: list[RelatedTrial]
    minimum_age: int
    maximum_age: int
    sex: str
    healthy_volunteers: bool


@model
class TrialFile:
    """content/trial.toml: the languages, and the facts from the record."""

    languages: Annotated[list[str], NON_EMPTY]
    """Complete languages: every text must have them."""
    draft_languages: list[str] = field(default_factory=list)
    """Languages being translated: texts may have them; the app does not offer them yet."""
    trial: Trial


@model
class MessagesFile:
    """content/messages/*.toml: every other sentence, by its key, in each language."""

    messages: dict[Id, Text]
    status_meanings: dict[str, dict[RecordStatus, Annotated[str, NON_EMPTY]]] = field(default_factory=dict)
    """By language, then status: what a record's status means, said after it ("UNKNOWN（未知，……）"). A status
    or a language not here shows the status alone."""


@model
class NumberWords:
    """How amounts are written in words, for one language."""

    values: dict[str, float] = field(default_factory=dict)
    """Words that are a number by themselves: "five" = 5, "twenty" = 20, "五" = 5."""
    multipliers: dict[str, float] = field(default_factory=dict)
    """Words that multiply what comes before them: "hundred" = 100, "十" = 10."""
    fractions: dict[str, float] = field(default_factory=dict)
    """Parts of a unit: "half" = 0.5 ("a year and a half", "half a year", "一年半")."""
    articles: list[str] = field(default_factory=list)
    """Words that mean one just before a unit or a multiplier: "a" year, "a" hundred."""
    joiners: list[str] = field(default_factory=list)
    """Words that join the parts of one amount: "and" (a year and a half), "个" (三个月)."""
    sound_alike: list[str] = field(default_factory=list)
    """Small words that sound like a digit ("已" like 一, "是" like 四 or 十): right after a round ten ("五十已",
    voice input for 五十一) they may be its ones, misheard, though elsewhere they say nothing ("我已经五十了")."""
    endings_by_sound: dict[str, str] = field(default_factory=dict)
    """Endings typed as they sound, and the endings of number words they sound like: "ee" for the "y" of
    "fifty". A word near one number word that sounds like another ("fiftee": fifteen or fifty) is not mended."""


YEARS = {
    "{past year}": (-60, 0),
    "{this year}": (0, 1),
    "{coming year}": (1, 10),
    "{later year}": (2, 15),
}
"""The years a slot in a words-file entry stands for, counted from this year (from, up to but not
including): "in {past year}" is "in 1966" ... "in 2025" in 2026, and "in 2026" too from 2027 on. At a question
that reaches back a time (`Question.within_months`) into last year (in January, "the last 3 months"), last year is
"{this year}" there, not "{past year}": "in 2026" in January 2027 may be inside them."""


QuestionWords = Literal[
    "yes", "no", "unsure", "unclear", "neutral", "not_now", "together", "not_about", "once", "named",
    "halves", "unfinished", "named_endings", "not_listed", "places", "well", "joining",
]
"""The lists a question's own words come in (`WordsFile.questions`)."""


@model
class WordsFile:
    """The words patients use, for one language. Every phrase is matched after normalising
    (case, width, punctuation and spacing do not matter)."""

    answers: dict[Literal["yes", "no", "unsure", "none", "all"], list[str]]
    """Words for yes / no / not sure, used by every question; "none" (none of these) and "all" (all of
    these) for questions with several choices. "no" and "none" also answer a choice with id "no" or "none"."""
    choices: dict[Id, dict[Id, list[str]]] = field(default_factory=dict)
    """question id -> choice id -> words."""
    questions: dict[Id, dict[QuestionWords, list[str]]] = field(default_factory=dict)
    """question id -> words that answer this question only ("pregnant" is a yes to the pregnancy question),
    that make its answer unclear ("healed" for a sore that may be gone), that say nothing here though they
    hedge elsewhere (`neutral`: "sometimes" numb is still numb), or, as `together`, the other people the
    question asks about too ("partner" in "are you or your partner planning a baby?"): said of anyone else
    (`others`), an answer is about someone else, and is not the person's own. `joining` (with `together`): the words
    that join the person to those ("and", 和): the question's own yes right after one of `together` with none of
    these before it in its part ("老婆想要二胎": my wife wants a second child) is their wish alone, not a plan of the
    two, and is asked again; "我和老婆想要二胎" is a yes. `not_about` names `topics`
    of other questions: their words make an answer to this one unclear, as `unclear` does.

    `not_now` (yes/no questions about now): a time gone by that may still reach now ("3 months ago", to
    "are you breastfeeding?"). Alone it is no answer; beside a no the no stands ("stopped 3 months ago");
    beside a yes ("pregnant 3 months ago") the yes may be over, and the answer is asked again.

    `once` (questions that reach back a time, `Question.within_months`): yes words that say it happened, and
    no more ("参加过", "took part"). With a time ago before the window they are a no ("五个月前参加过"); the
    other yes words, a bare "yes" too, may say it still goes on ("五个月前参加的，还没结束"; "yes, 4 months ago": begun
    then), and are asked again.

    `named` (yes/no and choice questions): words that name what the question asks about ("blood disease", 癌, 白血病,
    "drug study", 药物试验). Beside a choice or a yes that says it was there ("以前得过乳腺癌", "两个月前参加过一个药的试验")
    they add nothing; in a part of the answer with no "no" in it, beside a no said elsewhere ("no cancer, but a
    blood disease", "没有，就是淋巴瘤", "没有，就是一个药物试验"), they say it was there, and the answer is asked
    again. "没有白血病", "no cancer or blood disease", "没参加过临床试验" stay a no. `named_endings`: ends of
    words that name it ("oma": "no, just a meningioma"), for a word the words file does not know.

    `not_listed` (choice questions): words that name something none of the choices is (gabapentin, 普瑞巴林, to
    "Which of these medicines have you taken?"). Beside a choice they add nothing ("pregabalin and lipoic acid"); on
    their own ("gabapentin only", "只吃了加巴喷丁") the answer is asked again, offering the choice a plain no means
    ("None of these"), never taken as it: the person may have left the others out.

    `halves` (yes/no questions that ask two things at once: "Are you pregnant or breastfeeding?"): the two
    `topics` whose words name each thing. A no said of one and a yes of the other ("没怀孕，在给孩子喂奶", "not
    pregnant, but still breastfeeding") is a yes; a no that may be said of both ("没有，喂奶") stays unclear.

    `places` (a multi question with a `place` choice, the hands): the places its other answers are about ("feet",
    "legs", 脚, 腿). A part of the answer that names the `place` choice and none of these says its answers of that
    place alone: "hands r numb", 手麻 are the hands, not numb feet too; "numb feet and hands", 手脚都麻 are both.
    `well` (the same questions): words that say those places are well ("fine", 正常): "numb hands and feet fine",
    手麻脚正常 say the numbness of the hands alone, as "numb hands, feet fine" does.

    `unfinished` (choice questions): the ends of answer words that say something else when more words follow
    them in their part: "没有用" is no use, "没有用那种药" did not take that medicine. An answer word ending in one
    ("没有用", "对我没有用") answers only with nothing after it but `particles` ("没有用啊") or the same answer
    again; otherwise the answer is asked again."""
    agreement: dict[Literal["yes", "no", "unsure", "unclear"], list[str]] = field(default_factory=dict)
    """Words for every question that asks the person to agree (`Question.agreement`: to sign, to come): "no
    problem", "I'll pass", "没问题", "抽不出时间". A question's own words beat them."""
    topics: dict[Id, list[str]] = field(default_factory=dict)
    """topic id -> words that name it ("alcohol": "drink", "drunk", ...). "no alcohol" typed at the consent
    question answers another question, not this one; a question names such topics in `not_about`."""
    affirmations: list[str] = field(default_factory=list)
    """"I have", "I am": a yes, unless a negation follows ("I have never")."""
    wellbeing: list[str] = field(default_factory=list)
    """How the person is, not a yes or a no: "I'm OK", "挺好的". To "ever had a positive HIV test?" they were
    read as the yes of "OK" / "好"; the answer is asked again."""
    negations: list[str] = field(default_factory=list)
    """Words that turn what follows around: "not", "don't", "不", "没"."""
    knowing: list[str] = field(default_factory=list)
    """Words about knowing or deciding: after a negation they mean not sure ("nobody knows", "not decided")."""
    hedges: list[str] = field(default_factory=list)
    """Words that make a yes or a no uncertain ("probably", "I think", "应该"): the answer is asked again."""
    hedged_yes: list[str] = field(default_factory=list)
    """Hedges that lean to a yes ("I think so", "I guess so"): asked again, offering the yes and "not sure"."""
    asking_back: list[str] = field(default_factory=list)
    """A question back ("what is", 是什么, 什么是): no answer, whatever else the answer names; asked again, offering
    "not sure" alone. "What is HIV?", 艾滋病是什么 were offered "Yes" first (a yes word at the HIV question)."""
    asking_why: list[str] = field(default_factory=list)
    """Asking why the question is asked ("why do you need to know", 为什么要问): no answer; the re-ask points to "Why do
    we ask this?". Unlike `asking_back` it leaves what the answer names as it was: "I am a man, why do you ask?"
    offers "A man"."""
    rhetorical: list[str] = field(default_factory=list)
    """A question that means its answer is plain ("哪能怀孕", "哪有的事", "how could I be pregnant"): most often the
    opposite of what it names, so it leans to nothing. "都绝经了，哪能怀孕" (past menopause, how could I be pregnant)
    was offered "Yes" first; it is asked again, offering nothing it names."""
    refusals: list[str] = field(default_factory=list)
    """Words that refuse to answer ("I'd rather not say", "不想说", "不告诉你"): no answer, at any question, never a
    no; asked again with every answer shown. A choice marked `refusal` (the sex question's "I prefer not to say")
    takes them as its own words, and a question's own words beat them ("I'd rather not" to consent is a no)."""
    contrasts: list[str] = field(default_factory=list)
    """Words that start a new part of the answer: "but", "但是"."""
    neutral: list[str] = field(default_factory=list)
    """Words that look like a negation but are not one: "未来" (future), "非常" (very)."""
    others: list[str] = field(default_factory=list)
    """Other people ("my mother"): an answer about someone else is asked again."""
    fillers: list[str] = field(default_factory=list)
    """Small words that never name a choice ("the", "my", "的")."""
    not_typos: list[str] = field(default_factory=list)
    """Real words that are never read as a misspelling of a nearby known word ("now" is not "know"). A
    single Chinese character here is never taken for a slip of another in a phrase, nor another for it:
    好 and 重 one character apart say opposite things ("越吃越好" is not "越吃越重")."""
    sound_slips: list[str] = field(default_factory=list)
    """Characters typed for a negation by its sound, a wrong input-method pick ("部" for 不, "美" for 没):
    right before a yes word anywhere in an answer to a yes/no question ("从来部做过", "现在美怀孕"), they may
    turn it round, and the answer is asked again."""
    particles: list[str] = field(default_factory=list)
    """Sounds that close a sentence and add nothing to it ("啊", "呢", "了", "的"): after a question's `unfinished`
    words they leave the answer as it was."""
    only: list[str] = field(default_factory=list)
    """Words that make what follows them an exception ("just", "only", 就是): at a choose-all question, a word we do not
    know after one, in a part of the answer apart from its "none" ("都没有，就是神经病", "no, only gout"), may name one
    of the choices, and the answer is asked again."""
    murmurs: list[str] = field(default_factory=list)
    """Sounds made before or after an answer that are a yes only on their own ("嗯", "恩"): "嗯，没有" (um, no)
    is a no, and was both a yes and a no. Each is a yes word too (`answers.yes`)."""
    numbers: NumberWords = field(default_factory=NumberWords)
    units: dict[str, float] = field(default_factory=dict)
    """Units of time, in months: "year" = 12, "个月" = 1."""
    counted: list[str] = field(default_factory=list)
    """What a number before it counts ("toes", "times", "个"): "2 toes removed" starts with a count, not with a number
    key pressed as the typing began (which answers 2 would press)."""
    approximate: list[str] = field(default_factory=list)
    """"About", "大概": fine for how long, not for an age (people know their age)."""
    vague: list[str] = field(default_factory=list)
    """Words that make an amount not one number: "a few", "almost", "ago", "几"."""
    ago: list[str] = field(default_factory=list)
    """Words after an amount of time that put it before now ("2 weeks ago", "五个月前"), for questions that
    reach back a time (`Question.within_months`)."""
    ongoing: list[str] = field(default_factory=list)
    """Words that put something at the present, or make it go on ("now", "still", "since", "again", 现在, 还在, 又), for
    questions that reach back a time: beside a time before it ("6 months ago, now in one", "im in one from 5 months ago",
    "五个月前参加过，现在又参加了") the answer may say it still goes on, and is asked again. They were read as a no."""
    last_year: list[str] = field(default_factory=list)
    """Words that name last year ("last year", "去年"). At a question that reaches back a time (`Question.within_months`)
    last year ended as long ago as this year has gone on: from April on it is before "the last 3 months", and a question's
    words that hold one mean what they say ("last year", "去年参加过" are a no); before then it may be inside them
    (December), and every phrase that holds one leaves the answer unclear, as "in december" does."""
    at_least: list[str] = field(default_factory=list)
    """Words that make an amount the least it can be: "more than a year", "一年多". Such an answer settles a
    time question only when every rule of the question is met by anything that long or longer."""
    most_of: dict[str, float] = field(default_factory=dict)
    """Words that say more than a part of the time after them, and less than all of it, with that part ("大半年",
    "most of a year": more than half of one). The amount is that part, as its least ("at least 6 months"), as an
    `at_least` word makes it."""
