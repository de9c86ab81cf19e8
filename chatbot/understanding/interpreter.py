"""The Understanding: typed text in, an Interpretation (value, confidence, reason, suggestions) out.

The order matters: the whole answer is looked up first; then it is read phrase by phrase, deciding
negations and hedges before anything else; only an answer with no known word at all is compared
fuzzily with the known phrases, and even then it must be close to one answer and clearly closer to it
than to any other. Everything else is UNCLEAR, with the closest answers as suggestions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..content import ContentPack
from ..engine import AnswerValue
from ..models import UNSURE, Question, QuestionKind, WordsFile
from .answers import SUGGESTIONS, ChoiceFacts, Decision, Halves, decide_choice, decide_yes_no
from .meaning import Interpretation, SaidAs, Status, Unclear
from .numbers import Amount, read_age, read_duration
from .text import BREAK, has_mark, has_short_year, is_cjk, join, said_as_question, tokens, tokens_and_parted
from .vocabulary import (
    Kind,
    Meaning,
    Phrasebook,
    Piece,
    amount_phrasebook,
    answer_phrasebook,
    dated,
    holds,
    phrase,
    unclear_words,
)

FUZZY_CUTOFF = 88.0
"""How close (0-100) an answer with no known word must be to a known phrase to be taken as it."""
FUZZY_MARGIN = 10.0
"""How much closer it must be to that answer than to any other answer."""
SUGGEST_CUTOFF = 60.0
"""How close (0-100) an unclear answer that named no answer must come to a known phrase for the closest
answers to be offered. Below it the closeness is chance ("both" and "nothing" share three letters), and a
re-ask that offers "None of these" to "about 3 years" would lead the person, not help them: every answer
is shown instead."""


@dataclass(frozen=True)
class _Question:
    """Everything worked out once for one question in one language."""

    question: Question
    book: Phrasebook
    exact: dict[str, Interpretation]
    facts: ChoiceFacts | None
    values: frozenset[str]
    """The values a suggestion may take."""
    plain_words: frozenset[str] = frozenset()
    """Small words that say nothing ("the", "my", "的")."""
    negators: frozenset[str] = frozenset()
    """Single words that turn an answer round ("not", "没"): a whole answer that differs from a known one by
    such a word is not that answer, however alike the two look."""
    key_negators: dict[str, frozenset[str]] = field(default_factory=dict)
    """The negators in each whole answer phrase (`book.answer_keys`)."""
    subjects: frozenset[str] = frozenset()
    """The words a person starts a sentence about themselves with: the first words of the affirmations
    that have more than one ("i" of "i have", "我" of "我有")."""
    yes_words: frozenset[str] = frozenset()
    """The one-word yeses to any question ("yes", 是, 有): a question's own yes that ends in one ("医生说是") says
    what something is, and what follows it must be read."""
    slips: frozenset[str] = frozenset()
    """Characters typed for a negation by its sound (`WordsFile.sound_slips`)."""
    count_words: frozenset[str] = frozenset()
    """The first words of the units of time ("months", "个" of "个月") and of what a number counts (`WordsFile.counted`:
    "toes"): "3 months pregnant" starts with a time, "2 toes removed" with a count, not with a number key."""
    murmurs: frozenset[str] = frozenset()
    """Sounds that are a yes only on their own (`WordsFile.murmurs`), as the phrasebook joins them."""
    murmur_words: frozenset[str] = frozenset()
    """Every word of the murmurs: an answer with none of them at either end has none (the quick test)."""
    ago: frozenset[str] = frozenset()
    """Words that put an amount of time before now (`WordsFile.ago`), as the phrasebook joins them."""
    ago_words: frozenset[str] = frozenset()
    """Every word of those: an answer with none of them says no time ago (the quick test)."""
    once: frozenset[str] = frozenset()
    """This question's yes words that say it happened, and no more (`once` in the words file), joined."""
    halves: Halves = ()
    """The words of each of the two things a yes/no question asks at once (`halves` in the words file)."""
    number_sounds: frozenset[str] = frozenset()
    """Small words that sound like a digit (`NumberWords.sound_alike`): beside a number they may be part of it."""
    together: frozenset[str] = frozenset()
    """The others this question asks about too (`together` in the words file: "wife", 老婆), joined, where the words
    file lists the words that join the person to them (`joining`); else none."""
    joining: frozenset[str] = frozenset()
    """Those words ("and", 和, 跟), as tokens."""
    ongoing: tuple[tuple[str, ...], ...] = ()
    """Words that may say it still goes on ("now", "since", 现在, 又: `WordsFile.ongoing`), as phrases."""
    others: frozenset[str] = frozenset()
    """Other people ("my mother", 我妈: `WordsFile.others`), joined, at a number or time question: their words make an
    amount vague, and an answer that names one is about that person ("my mother is 50"), said so in the re-ask."""

    def like_a_number(self, token: str) -> bool:
        """Whether an unknown word beside a number may be part of it, misspelt (a small word never is)."""
        return token in self.number_sounds or (token not in self.plain_words and self.book.like_a_number(token))


class Understanding:
    """Interprets typed answers for one content pack, in every language that has a words file."""

    def __init__(self, pack: ContentPack, today: dt.date | None = None) -> None:
        self.pack = pack
        self.today = today = today or dt.date.today()
        """The day answers are read on: a year said, and "last year", are read by it."""
        self.year = today.year
        """The year that a year said in an answer is compared with ("pregnant in 2010" was long ago)."""
        self.into_the_year = today.month - 1 + (today.day - 1) / calendar.monthrange(today.year, today.month)[1]
        """How many months of this year have gone by: last year ended that long ago."""
        # Prepared on first use, once per (language, question): the app starts without paying for
        # questions nobody answers by typing.
        self._questions: dict[tuple[str, str], _Question] = {}
        self._amounts: dict[str, Phrasebook] = {}
        self._chinese = {lang: any(map(is_cjk, "".join(words.answers.get("yes", [])))) for lang, words in pack.words.items()}
        """Whether the words of each language are written in Chinese characters (its yes words are)."""

    def _is_chinese(self, lang: str) -> bool:
        return self._chinese.get(lang, False)

    def _reach(self, question: Question) -> int:
        """How many years before this one the window of a question that reaches back a time goes into: 1 from January
        to March for "the last 3 months", when last year, or a year said, may be inside it (see `dated`)."""
        if question.within_months is None:
            return 0
        return math.ceil(max(0.0, question.within_months - self.into_the_year) / 12)

    def prepare(self, question: Question, lang: str) -> None:
        """Get ready to read answers to `question` in `lang` (5-20 ms, once), before the first one comes."""
        self._prepared(question, lang)

    def _prepared(self, question: Question, lang: str) -> _Question | None:
        prepared = self._questions.get((lang, question.id))
        if prepared is None:
            words = self.pack.words.get(lang)
            if words is None or question.id not in self.pack.question_index:
                return None
            if lang not in self._amounts:
                self._amounts[lang] = amount_phrasebook(words)
            own_unclear = dated(unclear_words(question, words), self.year, self._reach(question))
            amounts = amount_phrasebook(words, own_unclear) if own_unclear else self._amounts[lang]
            prepared = self._prepare(question, words, lang, amounts)
            self._questions[(lang, question.id)] = prepared
        return prepared

    def _prepare(self, question: Question, words: WordsFile, lang: str, amounts: Phrasebook) -> _Question:
        exact: dict[str, Interpretation] = {}
        plain_words = frozenset(t for text in words.fillers for t in phrase(text))
        if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
            if question.allow_unsure:
                unsure = Interpretation(Status.UNDERSTOOD, UNSURE, 1.0, "not sure")
                exact = {join(phrase(text)): unsure for text in words.answers.get("unsure", [])}
            return _Question(
                question, amounts, exact, None, frozenset(), plain_words, number_sounds=frozenset(words.numbers.sound_alike),
                others=frozenset(join(phrase(text)) for text in words.others),
            )
        book = answer_phrasebook(question, words, lang, self.year, self._reach(question))
        subjects = frozenset(key[0] for key in map(phrase, words.affirmations) if len(key) > 1)
        facts = None
        if question.kind is not QuestionKind.YES_NO:
            # A draft language may have words but no messages yet: its first no word stands in for its No button.
            plain_no = self.pack.messages["answer_no"].get(lang) or next(iter(words.answers.get("no", [])), "")
            facts = ChoiceFacts.of(question, book, lang, words, subjects, plain_no)
        for key, meaning in book.answer_keys.items():
            value = _exact_value(question, meaning)
            if value is not None:
                exact[key] = Interpretation(Status.UNDERSTOOD, value, 1.0, f'"{key}" is a known answer')
        turning = [*words.negations, *words.answers.get("no", []), *words.answers.get("none", [])]
        negators = frozenset(key[0] for key in map(phrase, turning) if len(key) == 1)
        key_negators = {key: negators.intersection(phrase(key)) for key in book.answer_keys}
        values = frozenset(question.answer_values())
        yes_words = frozenset(key[0] for key in map(phrase, words.answers.get("yes", [])) if len(key) == 1)
        count_words = frozenset(key[0] for key in map(phrase, [*words.units, *words.counted]) if key)
        murmurs = frozenset(join(phrase(text)) for text in words.murmurs)
        ago = frozenset(join(phrase(text)) for text in words.ago)
        once = frozenset(join(phrase(text)) for text in words.questions.get(question.id, {}).get("once", []))
        own = words.questions.get(question.id, {})
        halves = tuple(tuple(phrase(text) for text in words.topics.get(topic, [])) for topic in own.get("halves", []))
        joining = _words_of(own.get("joining", []))
        together = frozenset(join(phrase(text)) for text in own.get("together", [])) if joining else frozenset()
        return _Question(
            question, book, exact, facts, values, plain_words, negators, key_negators, subjects, yes_words,
            frozenset(words.sound_slips), count_words, murmurs, _words_of(words.murmurs), ago, _words_of(words.ago),
            once, halves, together=together, joining=joining, ongoing=tuple(phrase(text) for text in words.ongoing),
        )

    def interpret(self, question: Question, text: str, lang: str) -> Interpretation:
        """Interpret `text` as an answer to `question` in language `lang` (ValueError for an unknown language).

        Chinese typed on a screen whose words have none is read with the Chinese words: the English words
        skip what they do not know, so "50多" (fifty-something) was read as 50, and "没有" (no) was unclear."""
        meaning = self._interpret(question, text, lang)
        other = self._other_reading(question, text, lang)
        if other is not None:
            meaning = _both(other, meaning)
        if meaning.status is Status.UNDERSTOOD:
            # Checked on the text as typed: `tokens` keeps neither. "yes?" is a question back, not a yes; a
            # picture or sign ("有👎", "yes ✗", "≤6 months") may say the opposite of the words, and is not read.
            if said_as_question(text):
                return _checked(question, meaning, "said as a question")
            if has_mark(text):
                return _checked(question, meaning, "a sign or picture that is not read")
            if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION) and has_short_year(text):
                return _checked(question, meaning, "a year written short ('78) is not an amount")
        return meaning

    def _other_reading(self, question: Question, text: str, lang: str) -> Interpretation | None:
        """Letters typed on a screen in Chinese, read with the words of a language written in letters, if
        those know a word of it ("no problem", "B12 and ALA", "5 months"); None otherwise.

        The Chinese words know a few English words and pinyin ("no", "ok", "meiyou"), not English: "no
        problem" to "Can you come to every visit?" was read from its "no", a no that ends the screening."""
        if not self._is_chinese(lang) or any(map(is_cjk, text)) or not any(map(str.isalpha, text)):
            return None  # Chinese, or no letters at all ("52"): the Chinese words read it
        found = tokens(text)
        if not found:
            return None
        for other in (lang for lang in self.pack.words if not self._is_chinese(lang)):
            prepared = self._prepared(question, other)
            if prepared is not None and any(
                p.meaning is not None and p.meaning.kind not in _SAYS_NOTHING for p in prepared.book.read(found)
            ):
                return self._interpret(question, text, other)
        return None

    def _interpret(self, question: Question, text: str, lang: str) -> Interpretation:
        if self._prepared(question, lang) is None:
            raise ValueError(f'no words for language "{lang}" or no question "{question.id}"')
        both = tokens_and_parted(text)
        if both is None:
            return Interpretation(Status.UNCLEAR, None, 0.0, "too long to read as one answer")
        found, parted = both
        meaning = self._read(question, found, lang)
        if parted is None:
            return meaning
        # A space between Chinese characters may part two things said ("手没有 脚麻": hands no, feet numb), or
        # be only a space ("不 知道", "没 戒掉"). Read both ways; when they differ, the answer is asked again.
        return _same_both_ways(question, meaning, self._read(question, parted, lang))

    def _read(self, question: Question, found: list[str], lang: str) -> Interpretation:
        if not self._is_chinese(lang) and any(map(is_cjk, found)):
            lang = next((other for other in self.pack.words if self._is_chinese(other)), lang)
        prepared = self._prepared(question, lang)
        assert prepared is not None
        said = join(found)
        if not said:
            return Interpretation(Status.UNCLEAR, None, 0.0, "empty answer")
        known = prepared.exact.get(said)
        if known is not None and not _no_apart(prepared, found):
            return known
        if question.within_months is not None and not prepared.ago_words.isdisjoint(found):
            timed = _time_ago(prepared, self._amounts[lang], found, question.within_months)
            if timed is not None and timed.near is None:
                return timed
            if timed is not None:
                return _at_the_window(_read_words(prepared, said, found), timed)
        return _read_words(prepared, said, found)


def _read_words(prepared: _Question, said: str, found: list[str]) -> Interpretation:
    """The answer read word by word, as an amount, a yes or a no, or choices."""
    question = prepared.question
    pieces = prepared.book.read(found)
    if found[0] in prepared.murmur_words or found[-1] in prepared.murmur_words or (
        len(found) > 1 and found[-2] in prepared.murmur_words
    ):
        pieces = _without_murmurs(pieces, prepared.murmurs)
    if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
        read = read_age if question.kind is QuestionKind.NUMBER else read_duration
        meaning = _amount(question, read(pieces, prepared.like_a_number))
        if meaning.status is Status.UNCLEAR and meaning.why_unclear is Unclear.PLAIN and any(
            join(piece.tokens) in prepared.others for piece in pieces
        ):
            # "my mother is 50", "她吃了两年": the re-ask said "not one exact age" to someone typing for her
            return replace(meaning, about_others=True)
        return meaning
    if prepared.facts is None:
        decision = decide_yes_no(
            pieces, question, prepared.plain_words, prepared.subjects, prepared.yes_words, prepared.slips,
            prepared.halves,
        )
        if decision.value == "yes" and prepared.together and _partners_wish(prepared, pieces):
            # "老婆想要二胎" (my wife wants a second child): what the partner wants, not what the two of them plan.
            # It was a yes. ("我和老婆想要二胎", "老婆和我都想要" are their plan together.)
            decision = Decision(None, "the wish of the one named, said alone", closest=False)
    else:
        decision = decide_choice(pieces, prepared.facts)
    return _conclude(prepared, said, pieces, _with_keys(decision, _number_keys(prepared, pieces)))


_SAYS_NOTHING = frozenset({Kind.NEUTRAL, Kind.BREAK, Kind.NAMED})
"""Pieces that say nothing by themselves: a word that only names what the question asks about ("一个药的试验",
"a drug study") leaves "两个月前参加过一个药的试验" a time ago and a yes."""


def _no_apart(prepared: _Question, found: list[str]) -> bool:
    """Whether the answer opens with a no that a break parts from the rest, at a question where such a no agrees
    with the answer after it (`ChoiceFacts.no_type`): "no, better" read whole, its break dropped, was the known
    answer "no better", the opposite of what it says. ("No, as far as I know" stays a known "none" elsewhere.)"""
    if prepared.facts is None or not prepared.facts.no_type or BREAK not in found:
        return False
    first = prepared.book.entries.get(tuple(found[: found.index(BREAK)]))
    return first is not None and first.negates


def _partners_wish(prepared: _Question, pieces: list[Piece]) -> bool:
    """Whether the question's own yes is said only right after one it asks about too (`together`: "老婆想要"), with no
    word that joins the person to them before, in its part ("我和老婆想要", "和老婆在备孕" are both of them). A yes of
    the person's own beside it ("老公想要，我也想要") is the plan of the two."""
    joined = partners = False
    before: Piece | None = None
    for piece in pieces:
        if before is not None:
            if before.meaning is not None and before.meaning.kind is Kind.BREAK:
                joined = False
            joined = joined or not prepared.joining.isdisjoint(before.tokens)
        meaning = piece.meaning
        if meaning is not None and meaning.kind is Kind.ANSWER and meaning.value == "yes" and not meaning.generic:
            if before is None or joined or join(before.tokens) not in prepared.together:
                return False
            partners = True
        before = piece
    return partners


def _words_of(texts: list[str]) -> frozenset[str]:
    return frozenset(word for text in texts for word in phrase(text))


def _time_ago(prepared: _Question, amounts: Phrasebook, found: list[str], within: float) -> Interpretation | None:
    """A time ago said at a question that reaches back `within` months, compared with it: "5 months ago" and
    "五个月前参加过" are a no, "2 weeks ago" a yes (a bare yes beside a time before the window: see `_over`). None (the answer is read as usual, and asked again) when
    the time is not one exact time ("a few months ago", "about 2 months ago"), is `within` itself, or the rest
    of the answer holds a word we do not know ("started one 5 months ago": it may still go on) or does not
    fit it ("no, 2 weeks ago")."""
    pieces = amounts.read(found)
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece.tokens))
    at = next((i for i, p in enumerate(pieces) if p.meaning is not None and join(p.tokens) in prepared.ago), None)
    if at is None:
        return None
    first = at
    while first and _part_of_an_amount(pieces[first - 1]):
        first -= 1
    amount = read_duration(pieces[first:at], lambda _token: False)
    months = amount.value
    if months is None or amount.at_least:
        return None  # not one time ("a few months ago", "more than 2 months ago")
    if abs(months - within) < _NEAR_THE_WINDOW or (amount.about and _bound_near(within, months) is not None):
        # About the window itself ("3 months ago", "13 weeks ago", "90 days ago", "about 4 months ago"): read as usual,
        # and if that is unclear, asked which side of it (see `_at_the_window`)
        return Interpretation(Status.UNCLEAR, None, 0.0, f"{months:g} months ago is at the edge of {within:g} months", near=within)
    if amount.about:
        return None  # "about 2 months ago": read as usual, and asked again
    others = [*found[: starts[first]], *found[starts[at + 1] :]]
    if months > within and holds(tuple(others), prepared.ongoing):
        return None  # "6 months ago, now in one", "im in one from 5 months ago", "五个月前参加过，现在又参加了": it may go on
    rest = prepared.book.read(others)
    if any(p.meaning is None and p.tokens[0] not in prepared.plain_words for p in rest):
        return None
    said = None
    if any(p.meaning is not None and p.meaning.kind not in _SAYS_NOTHING for p in rest):
        decision = decide_yes_no(
            rest, prepared.question, prepared.plain_words, prepared.subjects, prepared.yes_words, prepared.slips
        )
        said = decision.value
        if said not in ("yes", "no"):
            return None
    if months < within and said in (None, "yes"):
        return Interpretation(Status.UNDERSTOOD, "yes", 0.9, f"{months:g} months ago is within {within:g} months")
    answers = [p for p in rest if p.meaning is not None and p.meaning.kind is Kind.ANSWER]
    named = any(p.meaning is not None and p.meaning.kind is Kind.NAMED for p in rest)
    if months > within and all(_over(p, prepared.once) for p in answers) and (answers or not named):
        # "五个月前参加过", "I took part in one 5 months ago", "no, 5 months ago", "5 months ago"; not "五个月前参加的，
        # 还没结束" (not over yet: still in it), nor "yes, 5 months ago", "有，五个月前" (see `_over`), nor "a study 5
        # months ago" with nothing that says it is over: begun then, it may still go on, as after a bare yes
        return Interpretation(Status.UNDERSTOOD, "no", 0.9, f"{months:g} months ago is before {within:g} months")
    return None


_NEAR_THE_WINDOW = 0.5
"""Months: a time ago this close to a question's window is about the window itself, and asked again."""


def _at_the_window(meaning: Interpretation, timed: Interpretation) -> Interpretation:
    """An answer that says a time ago at the edge of the question's window ("三个月前参加过", "3 months ago"), read
    as usual (`meaning`): if that settles nothing, the re-ask asks which side of the window it was (`near`), not
    "Sorry, I did not understand". A clear no or yes beside the time stands, as does a refusal or a question back."""
    if meaning.status is not Status.UNCLEAR or meaning.why_unclear is not Unclear.PLAIN or meaning.about_others:
        return meaning
    return replace(meaning, near=timed.near, reason=f"{meaning.reason}; {timed.reason}")


def _over(piece: Piece, once: frozenset[str]) -> bool:
    """An answer word that puts what happened wholly at the time said: a no, or a question's `once` ("参加过", "took
    part"). A bare yes is not one: it answers the question as asked, "in the last 3 months", and the time before
    them may be when the study started, still going on ("yes, 4 months ago" was a no)."""
    return piece.meaning is not None and (piece.meaning.value == "no" or join(piece.tokens) in once)


def _part_of_an_amount(piece: Piece) -> bool:
    """A number, a unit of time, or a word that joins them ("a year and a half", "两个半月")."""
    if piece.meaning is None:
        return piece.tokens[0][0].isdigit()
    return piece.meaning.kind in _AMOUNT_KINDS


_AMOUNT_KINDS = frozenset({Kind.NUMBER, Kind.MULTIPLIER, Kind.FRACTION, Kind.UNIT, Kind.ARTICLE, Kind.JOINER})


def _without_murmurs(pieces: list[Piece], murmurs: frozenset[str]) -> list[Piece]:
    """The pieces without a murmur at either end ("嗯，没有": um, no), if the rest says something; the murmur
    alone, or beside words we do not know, is still its yes ("嗯", "嗯，谢谢")."""
    if not murmurs:
        return pieces
    start, end = _murmured(pieces, murmurs), len(pieces) - _murmured(pieces[::-1], murmurs)
    rest = pieces[start:end]
    says = any(p.meaning is not None and p.meaning.kind not in _SAYS_NOTHING for p in rest)
    return rest if says and len(rest) < len(pieces) else pieces


def _murmured(pieces: list[Piece], murmurs: frozenset[str]) -> int:
    """How many pieces at the start are murmurs and the breaks between them ("嗯，嗯，"): none without a murmur."""
    count = 0
    for piece in pieces:
        if piece.meaning is None or not (piece.meaning.kind is Kind.BREAK or join(piece.tokens) in murmurs):
            break
        count += 1
    return count if any(join(p.tokens) in murmurs for p in pieces[:count] if p.meaning is not None) else 0


def _both(letters: Interpretation, chinese: Interpretation) -> Interpretation:
    """Letters read with the words of their own language, unless the Chinese words read them as another answer.

    Where the Chinese words found nothing, or the same answer, the letters' own reading stands, unclear or
    not: "not sure, maybe yes" is unclear, never the Chinese words' "yes". Two different answers are two
    readings, and the answer is asked again."""
    if (letters.status is Status.UNDERSTOOD and chinese.status is Status.UNDERSTOOD
            and letters.value != chinese.value):
        values = [v for v in (letters.value, chinese.value) if isinstance(v, str)]
        return Interpretation(Status.UNCLEAR, None, 0.0, "read two ways", tuple(values))
    return letters


def _same_both_ways(question: Question, whole: Interpretation, parted: Interpretation) -> Interpretation:
    """An answer read as typed and with its spaces between Chinese characters as breaks: one reading if both
    agree, else asked again, offering what either reading found."""
    if (whole.status, whole.value) == (parted.status, parted.value):
        return whole
    offered: list[str] = []
    for meaning in (whole, parted):
        values = meaning.value if isinstance(meaning.value, frozenset) else {meaning.value, *meaning.suggestions}
        offered += [value for value in question.answer_values() if value in values and value not in offered]
    reason = "read two ways: as typed and parted at its spaces"
    return Interpretation(Status.UNCLEAR, None, 0.0, reason, tuple(offered))


def _number_keys(prepared: _Question, pieces: list[Piece]) -> list[str]:
    """The answers that number keys typed with the words would press: "1没有", "no 2", "No.1", "没有1" (a
    Chinese input method's leftover). Only a lone digit at the start or the end of the answer, within the
    question's answers, counts, and only where it is not a part of the words (`_key_first`, `_key_last`): "3 months
    pregnant" starts with a time, "2 toes amputated" with a count, and "kidney disease stage 3", "ckd 2" end with a
    stage (they were offered answers 3 and 2, Guillain-Barré syndrome and a stroke)."""
    if not pieces or not (_lone_digit(pieces[0]) or _lone_digit(pieces[-1])):
        return []  # the usual answer, with no key at either end: nothing more to work out
    if sum(piece.meaning is None or piece.meaning.kind is not Kind.BREAK for piece in pieces) < 2:
        return []
    values = prepared.question.answer_values()
    keys = []
    # A stage or a count said with the words ("ckd 2", "stage 3") names something at a question with choices; at a
    # yes or no question a digit at the end is a key whatever comes before it: "没有啊1", "never had it 1" (1 is
    # Yes) were a no, with the key left out.
    choices = prepared.question.kind in (QuestionKind.CHOICE, QuestionKind.MULTI)
    first = _key_first(prepared, pieces[1]) if choices else pieces[1].tokens[0] not in prepared.count_words
    for at, counts in {(0, first), (len(pieces) - 1, _key_last(pieces[:-1]) if choices else True)}:
        token = pieces[at].tokens[0]
        if not _lone_digit(pieces[at]) or int(token) > len(values):
            continue
        if counts:
            keys.append(values[int(token) - 1])
    return keys


def _lone_digit(piece: Piece) -> bool:
    """Whether a piece is a digit 1-9 on its own, not a part of the words: it may be a number key."""
    token = piece.tokens[0]
    return piece.meaning is None and len(token) == 1 and "1" <= token <= "9"


def _key_first(prepared: _Question, after: Piece) -> bool:
    """Whether a number that starts the answer may be a key that began the typing ("1 man", "1没有"): not before a
    unit of time ("3 months pregnant"), what it counts ("2 toes removed") or a word we do not know ("2 toes amputated")."""
    if after.tokens[0] in prepared.count_words:
        return False
    return after.meaning is not None or after.tokens[0] in prepared.plain_words


def _key_last(before: list[Piece]) -> bool:
    """Whether a number that ends the answer may be a key pressed after the words: set apart, or after a plain yes or
    no ("no 2", "没有1", "No.1"), with words we do not know between them or not ("没有啊1", "no sir 1"). After what a
    choice names ("ckd 2", "kidney disease stage 3") it is more likely a stage, a grade or a count, said with the
    words; so it is after words we do not know alone ("stage 3")."""
    known = next((piece.meaning for piece in reversed(before) if piece.meaning is not None), None)
    if known is None:
        return False
    if known.kind in (Kind.BREAK, Kind.YES, Kind.NO, Kind.UNSURE, Kind.NEGATION):
        return True
    return known.kind is Kind.ANSWER and (known.generic or known.value in (*_NO_VALUES, UNSURE, "yes"))


_NO_VALUES = ("no", "none")
"""The answers a plain no gives: the answer "no", or "none of these"."""


def _with_keys(decision: Decision, keys: list[str]) -> Decision:
    """The decision, or unclear when a number key typed with it presses another answer ("1没有": 1 is Yes).

    A key is an answer's place in the question's full list, as on its buttons (a re-ask's few keep their
    numbers). A key that agrees settles nothing by itself: the words are read as they would be without it."""
    value = decision.value
    if value is None or not keys:
        return decision
    said = sorted(value) if isinstance(value, frozenset) else [value]
    if all(key in said for key in keys):
        return decision
    return Decision(None, "a number key and words that say different answers", tuple(dict.fromkeys([*keys, *said])))


def _checked(question: Question, meaning: Interpretation, why: str) -> Interpretation:
    """What was understood, asked again: "Did you mean ...?" with it first, or a more exact number or time."""
    reason = f"{meaning.reason}, but {why}"
    value = meaning.value
    if question.kind in (QuestionKind.NUMBER, QuestionKind.DURATION):
        return Interpretation(Status.UNCLEAR, None, 0.0, reason, inexact=value != UNSURE)
    heard = tuple(sorted(value)) if isinstance(value, frozenset) else (str(value),)
    return Interpretation(Status.UNCLEAR, None, 0.0, reason, heard[:SUGGESTIONS])


def _exact_value(question: Question, meaning: Meaning) -> AnswerValue | None:
    """The answer a whole known phrase gives by itself, if it gives one."""
    value = meaning.value
    if not isinstance(value, str):
        return None
    if question.kind is QuestionKind.MULTI:
        return frozenset({value})
    return value


def _amount(question: Question, amount: Amount) -> Interpretation:
    if amount.unsure:
        if question.allow_unsure:
            return Interpretation(Status.UNDERSTOOD, UNSURE, 0.95, amount.reason)
        return Interpretation(Status.UNCLEAR, None, 0.0, '"not sure" is not an answer to this question')
    if amount.value is None:
        return Interpretation(
            Status.UNCLEAR, None, 0.0, amount.reason, inexact=amount.inexact, why_unclear=amount.why_unclear
        )
    assert question.min is not None and question.max is not None
    if not question.min <= amount.value <= question.max:
        bounds = f"{question.min:g}-{question.max:g}"
        return Interpretation(Status.OUT_OF_RANGE, amount.value, 0.95, f"{amount.value:g} is outside {bounds}")
    if amount.at_least and not _settled_by_least(question, amount.value):
        # "More than 3 months" when the study needs 6: it may be 4, or 10. Asked again, never a no.
        reason = f"{amount.reason}, which does not settle this question"
        return Interpretation(Status.UNCLEAR, None, 0.0, reason, inexact=True)
    near = _rule_bound_near(question, amount.value) if amount.about else None
    if near is not None:
        # "About 6 months", "probably 5 months" when the study needs 6: it may be 5, or 7. They were 6 and 5.
        reason = f"{amount.reason}, near where this question's answer changes"
        return Interpretation(Status.UNCLEAR, None, 0.0, reason, inexact=True, near=near)
    said_as: SaidAs = "at_least" if amount.at_least else "about" if amount.about else "exactly"
    return Interpretation(
        Status.UNDERSTOOD, amount.value, 0.95, amount.reason,
        said_in_years=amount.years, said_in_weeks=amount.weeks, said_as=said_as,
    )


_ABOUT = 0.25
"""How far a time said as "about" so much may be from it: "about 2 years" is 18 to 30 months."""


def _rule_bound_near(question: Question, value: float) -> float | None:
    """The bound of a rule of the question that changes its verdict between a quarter less than `value` and a
    quarter more, if one does."""
    for rule in question.rules:
        least, most = rule.between or (rule.at_least, None)
        for bound in (least, most):
            if bound is not None and _bound_near(bound, value) is not None:
                return bound
    return None


def _bound_near(bound: float, value: float) -> float | None:
    """`bound`, if it lies between a quarter less than `value` and a quarter more: "about 5 months" may be 6."""
    return bound if value * (1 - _ABOUT) < bound <= value * (1 + _ABOUT) else None


def _settled_by_least(question: Question, least: float) -> bool:
    """Whether every rule of the question gives the same verdict for `least` and for anything longer: each is
    "at least" a bound that `least` already reaches. The answer is then kept as `least`."""
    return bool(question.rules) and all(
        rule.at_least is not None and rule.between is None and least >= rule.at_least for rule in question.rules
    )


def _conclude(prepared: _Question, said: str, pieces: list[Piece], decision: Decision) -> Interpretation:
    """Turn a decision into an Interpretation: fuzzy help when no word was known, and a cross-check."""
    question = prepared.question
    if decision.value is not None:
        value: AnswerValue = decision.value
        if question.kind is not QuestionKind.MULTI and _unknown_words(pieces):
            # Words we did not know may change the meaning ("i dont now" is "I don't know"): if the whole
            # answer is very like a different known answer, ask rather than pick.
            rival = _fuzzy(prepared, said, FUZZY_CUTOFF + 2)
            if rival and rival[0][0] != value:
                return _unclear(prepared, said, "it also looks like another answer", (rival[0][0], str(value)))
        return Interpretation(Status.UNDERSTOOD, value, 0.9, decision.reason)
    ranked = None
    if not decision.found_words:
        ranked = _fuzzy(prepared, said)
        if ranked and ranked[0][1] >= FUZZY_CUTOFF:
            best, score, key = ranked[0]
            runner_up = next((s for v, s, _ in ranked[1:] if v != best), 0.0)
            if _turned_round(prepared, said, key):
                # Every answer is shown: offering the turned-round one would lead the person to the opposite.
                return _unclear(prepared, said, f'like "{key}" but for a negation', (), closest=False)
            if score - runner_up >= FUZZY_MARGIN and _digits(said) == _digits(key):
                # Never across a different number: "type 22" is not a slip of "type 2", nor "52 type" of "2 type".
                result: AnswerValue = frozenset({best}) if question.kind is QuestionKind.MULTI else best
                reason = f"close to a known answer ({score:.0f})"
                return Interpretation(Status.UNDERSTOOD, result, round(score / 100, 3), reason)
    return _unclear(
        prepared, said, decision.reason, decision.heard,
        hedged=decision.hedged, closest=decision.closest, about_others=decision.about_others, ranked=ranked,
        why_unclear=decision.why_unclear,
    )


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _unknown_words(pieces: list[Piece]) -> bool:
    return any(p.meaning is None and not p.tokens[0][0].isdigit() for p in pieces)


_FUZZY_PHRASES = 60
"""The closest phrases looked at, for the closest answers: a few answers may have many phrases each ("type 2",
"2 type", "type ii" ...), and with 12, "type" to "Which type?" offered type 1 and 2 but no longer "another type"."""


def _fuzzy(prepared: _Question, said: str, least: float = 50.0) -> list[tuple[str, float, str]]:
    """Answer values ranked by how close the whole answer is to their phrases: (value, score, its closest phrase),
    for the phrases at least `least` close. A caller that needs only the close ones says so: the fewer phrases that
    can reach it, the less there is to compare."""
    book = prepared.book
    keys = book.answer_keys
    phrases = book.answer_phrases_near(len(said), least)
    found = process.extract(said, phrases, scorer=fuzz.ratio, processor=None, limit=_FUZZY_PHRASES, score_cutoff=least)
    ranked: dict[str, tuple[str, float, str]] = {}
    for key, score, _ in found:
        value = keys[key].value
        if isinstance(value, str) and value in prepared.values and value not in ranked:
            ranked[value] = (value, score, key)
    return list(ranked.values())


def _turned_round(prepared: _Question, said: str, key: str) -> bool:
    """Whether `said` and the known phrase `key` differ by a negation: "以上都有" is not "以上都没有" (none of
    these), and "做过检查" is not "没做过检查", however few characters apart.

    `said` is joined tokens: words apart, Chinese characters together; a negator is one word or character."""
    in_said = prepared.negators.intersection(said.split())
    in_said |= {c for c in prepared.negators.intersection(said) if is_cjk(c)}  # "没" in "没做过", not "n" in "know"
    return in_said != prepared.key_negators.get(key, frozenset())


def _unclear(
    prepared: _Question, said: str, reason: str, heard: tuple[str, ...], *,
    hedged: bool = False, closest: bool = True, about_others: bool = False,
    ranked: list[tuple[str, float, str]] | None = None, why_unclear: Unclear = Unclear.PLAIN,
) -> Interpretation:
    # The options the person named come first ("yes and no": yes, no); else (`closest`) the answers whose
    # phrases are close to the whole text. A hedged answer ("probably yes") ends with "not sure", where that
    # is an answer.
    suggestions = [v for v in dict.fromkeys(heard) if v in prepared.values]
    best = 0.0  # how like a known answer the text is; only worked out when the closest ones are offered
    if not suggestions and closest:
        # Not an answer that is like the text only but for a negation ("不可以" for "可以"): it would lead the
        # person to the opposite of what they typed. (`ranked`: `_fuzzy`'s result, if the caller has it.)
        close = _fuzzy(prepared, said) if ranked is None else ranked
        ranked = [found for found in close if not _turned_round(prepared, said, found[2])]
        best = ranked[0][1] if ranked else 0.0
        if best >= SUGGEST_CUTOFF:
            suggestions = [v for v, _, _ in ranked]
    if hedged and UNSURE in prepared.values:
        suggestions = [*[v for v in suggestions if v != UNSURE][: SUGGESTIONS - 1], UNSURE]
    confidence = round(min(best, FUZZY_CUTOFF - 1) / 100, 3)
    return Interpretation(
        Status.UNCLEAR, None, confidence, reason, tuple(suggestions[:SUGGESTIONS]), about_others=about_others,
        why_unclear=why_unclear,
    )
