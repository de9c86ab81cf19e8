"""Phrasebooks: every phrase that means something for one question in one language, and how to find them.

A phrasebook is built once per (language, question) from the content pack's words file and the choice
labels. Reading typed text is then a left-to-right scan that takes the longest known phrase at each
place; a misspelt word ("eparlestat", "yse") is first corrected to the one known word it is closest to,
and only when exactly one word is that close.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel

from ..models import UNSURE, YEARS, Question, QuestionKind, WordsFile
from .text import BREAK, is_cjk, join, tokens
from .meaning import Unclear

Phrase = tuple[str, ...]


class Kind(Enum):
    """What a phrase does in an answer."""

    ANSWER = auto()
    """An answer value: a choice id, or "yes" / "no" / "unsure"."""
    YES = auto()
    """A plain yes where the question has no choice for it ("yes" to "which type?")."""
    NO = auto()
    """A plain no where the question has no choice for it."""
    UNSURE = auto()
    """"Not sure" where the question has no choice for it."""
    ALL = auto()
    """"All of them"."""
    AFFIRMATION = auto()
    """"I have", "I am": a yes unless a negation follows."""
    NEGATION = auto()
    """"Not", "不": turns the next thing around."""
    KNOWING = auto()
    """"Know", "decided", "记得": with a negation, not sure."""
    HEDGE = auto()
    """"Probably", "应该": a yes or no said this way is not clear."""
    BREAK = auto()
    """Punctuation or "but": a new part of the answer."""
    NEUTRAL = auto()
    """Looks like a negation but is none ("非常")."""
    OTHERS = auto()
    """Someone else ("my mother")."""
    UNCLEAR = auto()
    """Makes an answer to this question unclear ("healed" for a sore that may be gone)."""
    NOT_NOW = auto()
    """A time gone by that may still reach now ("3 months ago"): no answer alone, and a yes beside it is unclear."""
    NAMED = auto()
    """Names what a choice question asks about ("blood disease", 白血病): beside a no it does not turn, unclear."""
    NOT_LISTED = auto()
    """Names something none of the choices is (gabapentin, to "which of these medicines?"): alone, unclear."""
    AMBIGUOUS = auto()
    """Two different choices use this phrase."""
    # Amounts (number and duration questions)
    NUMBER = auto()
    MULTIPLIER = auto()
    FRACTION = auto()
    ARTICLE = auto()
    JOINER = auto()
    UNIT = auto()
    APPROXIMATE = auto()
    VAGUE = auto()
    AT_LEAST = auto()


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one phrase means for one question."""

    kind: Kind
    value: str | float | tuple[str, ...] | None = None
    generic: bool = False
    """True for the words every question shares ("yes"), False for this question's own ("pregnant")."""
    negates: bool = False
    """A no-word that can also turn the next choice around ("no stroke")."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of tokens and what it means (None: no known phrase)."""

    meaning: Meaning | None
    tokens: Phrase


_BREAK_PIECE = Piece(Meaning(Kind.BREAK), (BREAK,))
_REPEATS = re.compile(r"(.)\1+")
_ANSWERING = frozenset({Kind.ANSWER, Kind.YES, Kind.NO, Kind.UNSURE})
_LONE = Meaning(Kind.UNCLEAR)
_TWO_SLIPS = 85.0
_MENDABLE = 4


ASKING = "asking"
"""The value of a hedge that asks a question back (`WordsFile.asking_back`): it leans to nothing."""
ASKING_WHY = "asking_why"
"""The value of a hedge that asks why the question is asked (`WordsFile.asking_why`): it leans where its words do."""
RHETORICAL = "rhetorical"
"""The value of a hedge that asks a question meaning its answer is plain (`WordsFile.rhetorical`): it leans to nothing."""
QUESTIONS_BACK = frozenset({ASKING, ASKING_WHY})
"""The hedges that ask a question back: their re-ask points to "Why do we ask this?" (`Unclear.ASKING_BACK`)."""
REFUSAL = "refusal"
"""The value of an unclear word that refuses to answer (`WordsFile.refusals`): the re-ask says it is all right."""


def why_unclear(meaning: Meaning | None) -> Unclear:
    """Why a word that leaves an answer unclear does: it refuses to answer, it asks a question back, or neither."""
    if meaning is not None and meaning.kind is Kind.UNCLEAR and meaning.value == REFUSAL:
        return Unclear.REFUSAL
    if meaning is not None and meaning.kind is Kind.HEDGE and meaning.value in QUESTIONS_BACK:
        return Unclear.ASKING_BACK
    return Unclear.PLAIN


def phrase(text: str) -> Phrase:
    """A words-file entry as tokens, normalised exactly like typed text."""
    return tuple(t for t in (tokens(text) or []) if t != BREAK)


def holds(said: Phrase, parts: Iterable[Phrase]) -> bool:
    """Whether the words `said` hold one of `parts` as a run of words ("numb feet" holds "feet", 手脚都麻 holds 脚)."""
    return any(said[i : i + len(part)] == part for part in parts for i in range(len(said) - len(part) + 1))


@dataclass
class PhrasebookBuilder:
    """Collects phrases with a priority: a question's own words beat shared words, which beat grammar."""

    entries: dict[Phrase, tuple[int, Meaning]] = field(default_factory=dict)

    def add(self, texts: Iterable[str], meaning: Meaning, priority: int) -> None:
        """Add every text as a phrase; two different answers at the same priority make it ambiguous."""
        for text in texts:
            key = phrase(text)
            if not key:
                continue
            old = self.entries.get(key)
            if old is None or priority > old[0]:
                self.entries[key] = (priority, meaning)
            elif priority == old[0] and old[1] != meaning:
                self.entries[key] = (priority, _ambiguous(old[1], meaning))

    def unclear_holding(self, texts: Iterable[str]) -> None:
        """Make every phrase that holds one of `texts` ("last year" in "no, not since last year") leave the answer
        unclear, whatever it meant."""
        held = [key for key in map(phrase, texts) if key]
        for key, (priority, _) in self.entries.items():
            if holds(key, held):
                self.entries[key] = (priority, Meaning(Kind.UNCLEAR))

    def build(
        self, not_typos: Iterable[str], negators: Iterable[str] = (), endings_by_sound: Mapping[str, str] | None = None
    ) -> Phrasebook:
        """The finished, read-only phrasebook."""
        entries = {key: meaning for key, (_, meaning) in self.entries.items()}
        return Phrasebook(entries, frozenset(not_typos), frozenset(negators), endings_by_sound or {})


def _ambiguous(first: Meaning, second: Meaning) -> Meaning:
    values: list[str] = []
    for meaning in (first, second):
        if meaning.kind is Kind.AMBIGUOUS and isinstance(meaning.value, tuple):
            values.extend(meaning.value)
        elif meaning.kind is Kind.ANSWER and isinstance(meaning.value, str):
            values.append(meaning.value)
    if first.kind is Kind.ANSWER and second.kind is Kind.ANSWER and first.value == second.value:
        # Same answer, one shared and one the question's own: the question's own reading is the sharper one.
        return first if not first.generic else second
    return Meaning(Kind.AMBIGUOUS, tuple(dict.fromkeys(values)))


class Phrasebook:
    """Phrases and their meanings for one question in one language, ready to read typed tokens."""

    def __init__(
        self,
        entries: dict[Phrase, Meaning],
        not_typos: frozenset[str],
        negators: frozenset[str] = frozenset(),
        endings_by_sound: Mapping[str, str] | None = None,
    ) -> None:
        self.entries = entries
        self.not_typos = not_typos
        self.endings_by_sound = dict(endings_by_sound or {})
        """Endings typed as they sound ("ee" for "y"): see `NumberWords.endings_by_sound`."""
        self._longest: dict[str, int] = {}
        self._longest_after: dict[tuple[str, str], int] = {}
        """The longest phrase that starts with these two words. With Chinese read character by character, one
        character (没, 有) starts phrases of many lengths, and each was looked up in turn; two rarely do."""
        for key in entries:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            if len(key) > 1:
                pair = (key[0], key[1])
                self._longest_after[pair] = max(self._longest_after.get(pair, 0), len(key))
        words = {t for key in entries for t in key if not is_cjk(t) and not t[0].isdigit() and t[0] != "-"}
        self.known_words = frozenset(words)
        candidates = sorted(w for w in words if len(w) >= 3)
        self._candidates_by_length = {
            length: [w for w in candidates if abs(len(w) - length) <= _slips(length)]
            for length in range(3, max(map(len, candidates), default=0) + 3)
        }
        """The words a misspelt word of each length may be a slip of: no more letters longer or shorter than it may
        hold slips (each letter more or less is one). The rest were compared too, and took rapidfuzz a third of
        `_closest`'s time. Each list keeps the one alphabetical order, so the closest four are the same four."""
        self._number_words = sorted(
            key[0] for key, meaning in entries.items()
            if len(key) == 1 and meaning.kind in (Kind.NUMBER, Kind.MULTIPLIER) and key[0].isascii() and key[0].isalpha()
        )
        # A choice's own Chinese phrases of four or more characters, with each character in turn left open,
        # so a one-character slip ("依怕司他" for "依帕司他") finds its phrase with a few lookups. Shorter
        # phrases are too easy to reach from another word ("心梗塞" is not "脑梗塞"): those are suggested.
        # Never a negation left open, nor one typed in its place: "我得糖尿病" is not a slip of "没得糖尿病",
        # nor "越来越好" of "越来越重" the other way round (one character apart, opposite answers). Nor a
        # character the words file lists as never a typo (`not_typos`: 好, 重, 差, 多, 少 ...): "越吃越好" was
        # mended to "越吃越重" (worse), "已经治坏了" to "已经治好了", "很久以后" to "很久以前".
        self._never_mended = negators | {word for word in not_typos if len(word) == 1 and is_cjk(word)}
        self._cjk_near: dict[str, set[Phrase]] = {}
        for key, meaning in entries.items():
            own_answer = meaning.kind is Kind.ANSWER and not meaning.generic
            if own_answer and len(key) >= _MENDABLE and all(is_cjk(t) for t in key):
                text = "".join(key)
                for i in range(len(text)):
                    if text[i] not in self._never_mended:
                        self._cjk_near.setdefault(text[:i] + "?" + text[i + 1 :], set()).add(key)
        self.answer_keys: dict[str, Meaning] = {
            join(key): meaning for key, meaning in entries.items() if meaning.kind is Kind.ANSWER
        }
        self.answer_phrases = list(self.answer_keys)
        """The keys of `answer_keys`, listed once for fuzzy matching."""
        self._by_length = sorted(range(len(self.answer_phrases)), key=lambda at: len(self.answer_phrases[at]))
        """Places in `answer_phrases`, shortest phrase first (see `answer_phrases_near`)."""
        self._lengths = [len(self.answer_phrases[at]) for at in self._by_length]

    def answer_phrases_near(self, length: int, score: float) -> list[str]:
        """The answer phrases that may come `score` close (`fuzz.ratio`, 0-100) to a text `length` characters long,
        in the order of `answer_phrases`, so that rapidfuzz ranks those it finds as before.

        The ratio is at most 200 times the shorter length over both lengths (each character the longer has over
        the shorter is an edit), so no other phrase can. Comparing those too took most of the time rapidfuzz spent."""
        shortest = math.floor(length * score / (200 - score))  # rounded outwards: one phrase too many does no harm
        longest = math.ceil(length * (200 - score) / score)
        near = self._by_length[bisect_left(self._lengths, shortest) : bisect_right(self._lengths, longest)]
        if len(near) > len(self._by_length) // 2:
            return self.answer_phrases  # picking out most of them costs more than rapidfuzz saves
        return [self.answer_phrases[at] for at in sorted(near)]

    def correct(self, token: str) -> str:
        """The known word a misspelt token stands for, or the token itself when no single word is that close."""
        if token in self.known_words or token in self.not_typos or len(token) < 3 or not token.isalpha():
            return token
        if is_cjk(token):
            return token
        # Deliberately not cached: a cache of what people typed would outlive the person at a kiosk.
        return self._closest(token)

    def like_a_number(self, token: str) -> bool:
        """Whether an unknown word may be a number word too badly misspelt to correct ("sx", "fourtie").

        Left out of an amount, it changes the number ("fifty sx" was 50, "fourtie five" was 5). Any Chinese
        character may be: a slip by sound ("五十溜" for 五十六) is spelt nothing like the number."""
        if is_cjk(token):
            return True
        if not (token.isascii() and token.isalpha()) or token in self.known_words or token in self.not_typos:
            return False
        most = 1 if len(token) <= 4 else 2
        return process.extractOne(token, self._number_words, scorer=OSA.distance, score_cutoff=most) is not None

    def _closest(self, token: str, by_sound: bool = True) -> str:
        squeezed = _REPEATS.sub(r"\1", token)  # "yesss", "nooo"
        if squeezed in self.known_words:
            return squeezed
        candidates = self._candidates_by_length.get(len(token), [])
        found = process.extract(token, candidates, scorer=OSA.distance, limit=4, score_cutoff=_slips(len(token)))
        # Short words are easy to turn into other real words ("bone" -> "none", "year" -> "yea"), so for
        # them only a swap of two letters ("yse") or one missing letter ("knw") counts as a slip.
        # Two slips only in a long word, and only when it stays very like it ("epalstat", not "undefined").
        close = [
            (word, distance)
            for word, distance, _ in found
            if (distance == 1 or fuzz.ratio(token, word) >= _TWO_SLIPS)
            and (len(word) > 4 or (len(token) < len(word) and Indel.distance(token, word) == 1)
                 or sorted(token) == sorted(word))
        ]
        if not close:
            return token
        best = min(distance for _, distance in close)
        nearest = [word for word, distance in close if distance == best]
        rivals = [word for word, distance, _ in found if distance == best]
        if by_sound:
            rivals += self._as_it_sounds(token)
        if len(nearest) == 1 and nearest[0] in self._number_words and any(
            word != nearest[0] and word in self._number_words for word in rivals
        ):
            # "sixy" is as near "six" as "sixty" (a short word is only mended by a missing letter, so "six" was
            # never a candidate): it was 60. "fiftee" is a letter short of "fifteen" and sounds like "fifty"
            # ("fourtee" like "fourty", a slip of forty): it was 15. Left as typed, it is a slip of a number,
            # and asked again.
            return token
        return nearest[0] if len(nearest) == 1 else token

    def _as_it_sounds(self, token: str) -> list[str]:
        """The known words a token sounds like, its ending typed as it sounds put back and any other slip mended
        ("fiftee": "fifty"; "fourtee": "fourty", so "forty")."""
        sounded = (
            token[: -len(typed)] + spelt
            for typed, spelt in self.endings_by_sound.items()
            if token.endswith(typed) and len(token) > len(typed)
        )
        return [word if word in self.known_words else self._closest(word, by_sound=False) for word in sounded]

    def read(self, found: list[str]) -> list[Piece]:
        """Split tokens into pieces: the longest known phrase at each place, BREAK pieces between parts."""
        if len(found) > 1 and all(len(t) == 1 and t.isascii() and t.isalpha() for t in found):
            found = ["".join(found)]  # "Y E S", "N O"
        known = self.known_words  # and words too short to correct (a Chinese character, a digit): no call
        words = [t if t in known or len(t) < 3 else self.correct(t) for t in found]
        pieces: list[Piece] = []
        i = 0
        count = len(words)
        while i < count:
            word = words[i]
            if word == BREAK:
                pieces.append(_BREAK_PIECE)
                i += 1
                continue
            longest = min(self._longest_after.get((word, words[i + 1]), 1), count - i) if i + 1 < count else 1
            for length in range(longest, 0, -1):
                key = tuple(words[i : i + length])
                meaning = self.entries.get(key)
                if meaning is not None and length == 1 and count > 1 and meaning.kind in _ANSWERING and _alone(word):
                    meaning = _LONE
                if meaning is not None:
                    later = self._answer_inside(words, i, length) if meaning.kind is Kind.AFFIRMATION else 0
                    if later:
                        # "i have leukemia": "have leukemia" says more than "i have".
                        pieces.extend(Piece(None, (w,)) for w in words[i : i + later])
                        i += later
                        break
                    pieces.append(Piece(meaning, key))  # a contrast ("but") keeps its words: see answers._all_but
                    i += length
                    break
            else:
                pieces.append(Piece(None, (word,)))
                i += 1
        return self._mend_chinese_slips(pieces) if self._cjk_near else pieces

    def _answer_inside(self, words: list[str], start: int, length: int) -> int:
        """How far into a match an answer phrase starts that reaches beyond it (0: none does)."""
        end = start + length
        for offset in range(1, length):
            at = start + offset
            for size in range(min(self._longest.get(words[at], 0), len(words) - at), end - at, -1):
                meaning = self.entries.get(tuple(words[at : at + size]))
                if meaning is not None and meaning.kind is Kind.ANSWER:
                    return offset
        return 0

    def _mend_chinese_slips(self, pieces: list[Piece]) -> list[Piece]:
        """Runs of unknown Chinese characters that are one character away from exactly one phrase."""
        mended: list[Piece] = []
        run: list[Piece] = []
        for piece in [*pieces, _BREAK_PIECE]:
            if piece.meaning is None and is_cjk(piece.tokens[0]):
                run.append(piece)
                continue
            if run:
                mended.extend(self._mend_run(run))
                run = []
            mended.append(piece)
        mended.pop()
        return mended

    def _mend_run(self, run: list[Piece]) -> list[Piece]:
        if len(run) < _MENDABLE:
            return run
        text = "".join(p.tokens[0] for p in run)
        for length in range(min(len(text), 8), _MENDABLE - 1, -1):
            for start in range(len(text) - length + 1):
                window = text[start : start + length]
                near: set[Phrase] = set()
                for i in range(length):
                    if window[i] not in self._never_mended:
                        near |= self._cjk_near.get(window[:i] + "?" + window[i + 1 :], set())
                meanings = {self.entries[key] for key in near}
                if len(meanings) == 1:
                    mended = Piece(meanings.pop(), min(near))
                    return [*self._mend_run(run[:start]), mended, *self._mend_run(run[start + length :])]
        return run


def _alone(word: str) -> bool:
    """Whether a word answers only on its own: a single letter or a bare number ("n", "y", "2"). Inside other text
    ("%s%n", "1e309", "type 1 or 2") it may be anything, so the answer is asked again."""
    return (len(word) == 1 and word.isascii() and word.isalpha()) or word.isdigit()


def _slips(length: int) -> int:
    """How many slips a misspelt word of this length may hold: two only in a long word."""
    return 1 if length <= 6 else 2


def _grammar(builder: PhrasebookBuilder, words: WordsFile, priority: int) -> None:
    """The words that shape an answer in this language, whatever the question."""
    builder.add(words.negations, Meaning(Kind.NEGATION, negates=True), priority)
    builder.add(words.hedges, Meaning(Kind.HEDGE), priority)
    builder.add(words.hedged_yes, Meaning(Kind.HEDGE, "yes"), priority)
    builder.add(words.asking_back, Meaning(Kind.HEDGE, ASKING), priority)
    builder.add(words.asking_why, Meaning(Kind.HEDGE, ASKING_WHY), priority)
    builder.add(words.rhetorical, Meaning(Kind.HEDGE, RHETORICAL), priority)
    # A refusal leans to nothing: a hedge offered "not sure" (and "no", after its "not"), which steered someone who
    # would not say to an answer. It leaves the answer unclear, and every answer is shown.
    builder.add(words.refusals, Meaning(Kind.UNCLEAR, REFUSAL), priority)
    builder.add(words.knowing, Meaning(Kind.KNOWING), priority)
    builder.add(words.contrasts, Meaning(Kind.BREAK), priority)
    builder.add(words.neutral, Meaning(Kind.NEUTRAL), priority)
    builder.add(words.others, Meaning(Kind.OTHERS), priority)


_SHARED_VALUE = {"yes": "yes", "no": "no", "unsure": "unsure", "none": "no"}
_PLAIN_KIND = {"yes": Kind.YES, "no": Kind.NO, "none": Kind.NO, "unsure": Kind.UNSURE}
# Shared, another question's topic, every agreement question's, question-own, choice: a choice's own words are
# the sharpest reading.
_GRAMMAR, _SHARED, _TOPIC, _AGREEMENT, _OWN, _CHOICE = 0, 1, 2, 3, 4, 5


def _answer_meaning(question: Question, word_kind: str, generic: bool) -> Meaning:
    """What the shared words for yes / no / not sure / none / all mean for this question."""
    negates = generic and word_kind in ("no", "none")  # "no stroke"; but "before" turns nothing around
    if word_kind == "all" and question.kind is not QuestionKind.MULTI:
        return Meaning(Kind.NEUTRAL)  # "all my tests were negative" is no yes
    if question.kind is QuestionKind.YES_NO:
        value = _SHARED_VALUE[word_kind]
        if value == UNSURE and not question.allow_unsure:
            return Meaning(Kind.UNSURE)
        return Meaning(Kind.ANSWER, value, generic, negates)
    if word_kind == "all":
        return Meaning(Kind.ALL)
    ids = {c.id for c in question.choices}
    # "No" answers a choice "no", or else "none of these"; "none of these" the other way round.
    order = {"yes": ["yes"], "no": ["no", "none"], "none": ["none", "no"], "unsure": [UNSURE]}[word_kind]
    target = next((choice for choice in order if choice in ids), None)
    if target is None:
        return Meaning(_PLAIN_KIND[word_kind], negates=negates)
    return Meaning(Kind.ANSWER, target, generic, negates)


def label_phrases(label: str) -> list[str]:
    """A choice label, whole and in its parts ("Lipoic acid (also called thioctic acid)" gives both names).

    A part that is only a yes or a no ("Yes, type 2 diabetes") is left out: it names no choice by itself.
    """
    found = tokens(label) or []
    parts: list[list[str]] = [[]]
    for token in found:
        if token == BREAK:
            parts.append([])
        else:
            parts[-1].append(token)
    texts = [join(found)]
    if len(parts) > 1:
        texts += [join(part) for part in parts if part]
    return texts


def dated(texts: Iterable[str], year: int, reach: int = 0) -> list[str]:
    """Words-file entries with each year slot ("{past year}") written out as the years it stands for in `year`.

    `reach`: how many years before `year` a question's window goes into (see `YEARS`): those may be inside it, and
    are "{this year}" there."""
    written: list[str] = []
    for text in texts:
        slot = next((slot for slot in YEARS if slot in text), None)
        if slot is None:
            written.append(text)
            continue
        start, stop = YEARS[slot]
        if slot == "{past year}":
            stop -= reach
        elif slot == "{this year}":
            start -= reach
        written += [text.replace(slot, str(year + offset)) for offset in range(start, stop)]
    return written


def topic_words(question_id: str, words: WordsFile) -> list[str]:
    """The words of the topics a question is `not_about`: they name what another question asks about."""
    topics = words.questions.get(question_id, {}).get("not_about", [])
    return [text for topic in topics for text in words.topics.get(topic, [])]


def unclear_words(question: Question, words: WordsFile) -> list[str]:
    """Every word that makes an answer to a question unclear: its own `unclear` words, those of every agreement
    question if it is one, and its topic words."""
    agreement = words.agreement.get("unclear", []) if question.agreement else []
    return [*words.questions.get(question.id, {}).get("unclear", []), *agreement, *topic_words(question.id, words)]


def answer_phrasebook(question: Question, words: WordsFile, lang: str, year: int, reach: int = 0) -> Phrasebook:
    """Every phrase that means something for a yes/no, choice or multi question in language `lang`, with
    the year slots of the question's own words written out for `year`, reaching `reach` years back (see `dated`)."""
    builder = PhrasebookBuilder()
    _grammar(builder, words, _GRAMMAR)
    builder.add(words.affirmations, Meaning(Kind.AFFIRMATION), _GRAMMAR)
    builder.add(words.wellbeing, Meaning(Kind.UNCLEAR), _SHARED)
    answers = words.answers
    plain = {phrase(text) for kind in ("yes", "no", "none", "unsure") for text in answers.get(kind, [])}
    negators = {phrase(text) for kind in ("no", "none") for text in answers.get(kind, [])}
    negators |= {phrase(text) for text in words.negations}
    for word_kind, texts in words.answers.items():
        builder.add(texts, _answer_meaning(question, word_kind, generic=True), _SHARED)
    builder.add(dated(topic_words(question.id, words), year, reach), Meaning(Kind.UNCLEAR), _TOPIC)
    if question.agreement:
        _add_own(builder, question, words.agreement, negators, year, _AGREEMENT, reach)
    _add_own(builder, question, words.questions.get(question.id, {}), negators, year, _OWN, reach)
    # A yes/no question's own button words (说过, 没说过) read as that button, as a choice's label does.
    # "Yes" and "No" are the shared answer words already, and stay as they are read there.
    labels = {
        value: [label[lang]]
        for value, label in question.labels.items()
        if label.get(lang) and phrase(label[lang]) not in plain
    }
    _add_own(builder, question, labels, negators, year, _OWN, reach)
    own_words = words.choices.get(question.id, {})
    for choice in question.choices:
        label = choice.label.get(lang)
        texts = dated(own_words.get(choice.id, []), year, reach)
        if label:
            texts += [t for t in label_phrases(label) if phrase(t) not in plain or phrase(t) == phrase(label)]
        for text in texts:
            meaning = Meaning(Kind.ANSWER, choice.id, generic=False, negates=phrase(text) in negators)
            builder.add([text], meaning, _CHOICE)
        if choice.refusal:
            # Shared words, not the choice's own: a part of one left over ("绝" of 拒绝回答, in "女，已经绝经了") is no
            # sign of this choice.
            builder.add(words.refusals, Meaning(Kind.ANSWER, choice.id, generic=True), _CHOICE)
    if reach:
        # While the question's window reaches into last year (in January, "the last 3 months"), last year may be inside
        # it: "last year", "去年参加过", a no from April on, were a no in January too.
        builder.unclear_holding(words.last_year)
    return builder.build(words.not_typos, {key[0] for key in negators if len(key) == 1 and is_cjk(key[0])})


def _add_own(
    builder: PhrasebookBuilder,
    question: Question,
    lists: Mapping[str, list[str]],
    negators: set[Phrase],
    year: int,
    priority: int,
    reach: int = 0,
) -> None:
    """A question's own words (or those of every agreement question): answers, unclear, neutral, not now, together,
    named, not listed."""
    for own_kind, own_texts in lists.items():
        if own_kind in ("not_about", "halves", "unfinished", "named_endings", "places", "well", "joining"):
            continue
        texts = dated(own_texts, year, reach)
        if own_kind == "unclear":
            builder.add(texts, Meaning(Kind.UNCLEAR), priority)
            continue
        if own_kind in ("neutral", "together"):  # "together": not someone else, for this question
            builder.add(texts, Meaning(Kind.NEUTRAL), priority)
            continue
        if own_kind == "not_now":
            builder.add(texts, Meaning(Kind.NOT_NOW), priority)
            continue
        if own_kind == "named":
            builder.add(texts, Meaning(Kind.NAMED), priority)
            continue
        if own_kind == "not_listed":
            builder.add(texts, Meaning(Kind.NOT_LISTED), priority)
            continue
        meaning = _answer_meaning(question, "yes" if own_kind == "once" else own_kind, generic=False)
        for text in texts:
            # "never tested" turns what follows around ("never tested positive"); "before" does not.
            key = phrase(text)
            negates = any(key[:n] in negators for n in range(1, len(key) + 1))
            builder.add([text], Meaning(meaning.kind, meaning.value, meaning.generic, negates), priority)


def amount_phrasebook(words: WordsFile, unclear: Iterable[str] = ()) -> Phrasebook:
    """Every phrase that means something in a number or duration answer ("forty", "years", "about"), and
    a question's own words that leave its answer unclear (they beat the shared ones: "年" after an age)."""
    builder = PhrasebookBuilder()
    builder.add(unclear, Meaning(Kind.UNCLEAR), _CHOICE)
    _grammar(builder, words, _GRAMMAR)
    builder.add(words.answers.get("unsure", []), Meaning(Kind.ANSWER, UNSURE), _OWN)
    numbers = words.numbers
    for text, value in numbers.values.items():
        builder.add([text], Meaning(Kind.NUMBER, value), _OWN)
    for text, value in numbers.multipliers.items():
        builder.add([text], Meaning(Kind.MULTIPLIER, value), _OWN)
    for text, value in numbers.fractions.items():
        builder.add([text], Meaning(Kind.FRACTION, value), _OWN)
    builder.add(numbers.articles, Meaning(Kind.ARTICLE), _OWN)
    builder.add(numbers.joiners, Meaning(Kind.JOINER), _OWN)
    for text, months in words.units.items():
        builder.add([text], Meaning(Kind.UNIT, months), _OWN)
    builder.add(words.approximate, Meaning(Kind.APPROXIMATE), _OWN)
    builder.add(words.vague, Meaning(Kind.VAGUE), _OWN)
    # A time ago is no amount of time, and a question that reaches back a time finds it whole: "五个月之前"
    # was "之" (not known) and "前", so no time stood before the 前, and it was asked again.
    builder.add(words.ago, Meaning(Kind.VAGUE), _OWN)
    builder.add(words.at_least, Meaning(Kind.AT_LEAST), _OWN)
    for text, part in words.most_of.items():
        builder.add([text], Meaning(Kind.AT_LEAST, part), _OWN)
    return builder.build(words.not_typos, endings_by_sound=numbers.endings_by_sound)
