"""Deciding a yes/no or choice answer from its pieces: negations and hedges first, and never a guess.

An answer is read part by part (parts are split by punctuation and by words like "but"). A negation
turns around what follows it in its part ("not pregnant", "没有脑梗", "no stroke and no chemo"); a hedge
("probably", "应该") makes a yes or a no unclear; "not sure" with a yes or a no is unclear too. Anything
that leaves two readings open is unclear, so the app asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..models import UNSURE, Question, QuestionKind, WordsFile
from .text import BREAK, is_cjk, join
from .meaning import Unclear
from .vocabulary import ASKING, QUESTIONS_BACK, RHETORICAL, Kind, Meaning, Phrasebook, Piece, holds, phrase, why_unclear


@dataclass(frozen=True)
class Decision:
    """What the pieces of an answer add up to."""

    value: str | frozenset[str] | None
    """The answer, or None when it is unclear."""
    reason: str
    heard: tuple[str, ...] = ()
    """Answer values the text mentioned, best first: the closest options when it is unclear."""
    found_words: bool = True
    """False when not one known word was found (then a fuzzy match may still help)."""
    hedged: bool = False
    """A word like "probably" or "应该" made it unclear: the person is not sure, so "not sure" is one of
    the closest options too, beside what they leaned to."""
    closest: bool = True
    """False when only `heard` may be offered: the answers that merely sound like the text could contradict
    it (a bare "有", yes, to a choose-all question is close to "没有", none)."""
    about_others: bool = False
    """Unclear because it speaks of someone else ("my husband is positive"): the re-ask says whom we ask about."""
    why_unclear: Unclear = Unclear.PLAIN
    """Unclear because the answer refuses to say ("I'd rather not say"), or a part of it asks a question back ("what
    is that": it leans to nothing); the re-ask says so (see `Unclear`)."""


def _parts(pieces: list[Piece]) -> list[list[Piece]]:
    parts: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.meaning is not None and piece.meaning.kind is Kind.BREAK:
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(piece)
    return [part for part in parts if part]


def _said(piece: Piece) -> str:
    return "".join(piece.tokens) if all(is_cjk(t) for t in piece.tokens) else " ".join(piece.tokens)


SUGGESTIONS = 3
"""The most answers a re-ask offers ("Did you mean ...?"), besides "Show all the answers"."""
_NEAR_MISS = 75.0
"""A left-over word this like (0-100) a word of a choice may be that choice, misspelt beyond correcting."""
_NEAR_MISS_LENGTH = 5
_NEAR = 2
"""A negation turns a word about knowing around only this close to it ("don't really know")."""
_SILENT = frozenset({Kind.NEUTRAL, Kind.BREAK, Kind.OTHERS, Kind.AFFIRMATION})
_CONDITIONS = frozenset({Kind.UNCLEAR, Kind.AMBIGUOUS, Kind.HEDGE})
"""Words that leave an answer unclear wherever they stand, in a part about someone else too."""

Halves = tuple[tuple[tuple[str, ...], ...], ...]
"""The words (as phrases) of each thing a question asks about at once: "pregnant" and "breastfeeding"."""


def decide_yes_no(
    pieces: list[Piece],
    question: Question,
    plain_words: frozenset[str],
    subjects: frozenset[str] = frozenset(),
    yes_words: frozenset[str] = frozenset(),
    slips: frozenset[str] = frozenset(),
    halves: Halves = (),
) -> Decision:
    """Yes, no or not sure, from an answer to a yes/no question (`plain_words`: words that say nothing;
    `subjects`: the words a person starts a sentence about themselves with, "I", "we", "我"; `yes_words`: the
    one-word yeses to any question, "yes", 是, 有; `slips`: characters typed for a negation by its sound;
    `halves`: the words of each of the two things a question asks about at once, see `_one_half_each`)."""
    values: list[str] = []
    said: list[tuple[list[Piece], list[str]]] = []  # each part read, and the values it gave
    found_words = False
    about_others = False
    whom = False  # a part that only names someone else, last: "yes, my wife" (not "no, but my sister was")
    theirs = False  # a part about someone else says this question's own yes ("my wife is pregnant")
    named: str | None = None  # what the question asks about, named in a part with no "no" in it
    asked: Decision | None = None  # a part that asks a question back (see `_yes_no_part`)
    for part in _parts(pieces):
        if any(map(_is_others, part)):
            # "my wife is pregnant", "我老公是阳性": what is said of someone else is no answer for the person
            # ("no, but my sister was in one" is still their own no). A condition stays one, whoever it
            # names ("yes, but my husband has to agree first").
            condition = next(filter(_is_condition, part), None)
            if condition is not None:
                return Decision(
                    None, f'"{_said(condition)}" leaves this answer unclear', closest=False,
                    why_unclear=why_unclear(condition.meaning),
                )
            about_others = True
            only_whom = all(_only_whom(p, plain_words) for p in part)
            whom = whom or (_is_others(part[-1]) and only_whom)
            their_yes = all(_only_whom(p, plain_words) or _bare_yes(p) for p in part)
            # "yes, my daughter is pregnant", "有，我儿子打算要孩子": what answers this question is said of someone
            # else, and the yes beside it may be about them too. So may "yes, my wife did", "是，我老公是":
            # nothing but who, and a word that stands for the question's yes ("did", "is", 是).
            theirs = theirs or their_yes or any(_own_yes(p) for p in part)
            continue
        outcome = _yes_no_part(part, plain_words, subjects, yes_words, question.agreement, slips)
        named = named or _named_unturned(part, "no")
        found_words = found_words or any(p.meaning is not None and p.meaning.kind not in _SILENT for p in part)
        if isinstance(outcome, Decision) and outcome.why_unclear is Unclear.ASKING_BACK:
            asked = asked or outcome  # "查出过阳性，什么是病毒载量": the other parts may give an answer
            continue
        if isinstance(outcome, Decision):
            return outcome
        if halves and outcome == ["no"] and _turned_across_halves(part, halves):
            # "没怀孕在喂奶", "not pregnant and breastfeeding": one "not" was read as turning both halves round.
            # It may turn only the first, and the person be breastfeeding. It was a no.
            return Decision(None, "a negation that may turn one half of the question or both", ("no", "yes"))
        said.append((part, outcome))
        values += [v for v in outcome if v not in values]
    if asked is not None:
        # A question back beside an answer in another part: "not sure" alone would steer someone who said yes.
        return Decision(None, asked.reason, closest=False, why_unclear=Unclear.ASKING_BACK) if values else asked
    if halves and sorted(values) == ["no", "yes"] and _one_half_each(said, halves):
        # "没怀孕，在给孩子喂奶", "not pregnant, but still breastfeeding": the no is said of one half of the
        # question, the yes of the other, and a yes to either half is a yes. It was asked again.
        values = ["yes"]
    if not values:
        if about_others:
            # Not "Did you mean yes?" after "my husband is positive": every answer is shown instead.
            return Decision(None, "this answer is about someone else", closest=False, about_others=True)
        return Decision(None, "no yes, no or not sure found", found_words=found_words)
    if whom or (theirs and values == ["yes"]):
        # "yes, my wife", "是的，我老公": the yes or no is said of the one named, not of the person.
        return Decision(None, "this answer names someone else", closest=False, about_others=True)
    if len(values) > 1:
        return Decision(None, f"both {' and '.join(values)} in one answer", tuple(values))
    value = values[0]
    if value == "no" and named is not None:
        # "没有，就是一个药物试验", "no, just a study": the no answers one part of the answer, and another names what the
        # question asks about, as at a choice question ("no cancer, but a blood disease"). It was a no. Every answer
        # is shown: offering the no would lead the person back to it.
        return Decision(None, f'"{named}" is named apart from the no', closest=False)
    unread = _unread_after_contrast(pieces, plain_words) if question.agreement or value == "no" else None
    if unread is not None:
        # "yes but my knees are bad", "yes, but it is far" to "Can you come to every visit?": a yes with a
        # condition we cannot read may not be a yes. It was one. And a no with a "but" we cannot read may hide
        # a yes to another part of the question: "not pregnant but I do breast feed" was a no.
        return Decision(None, f'"{unread}" after a "but", which we cannot read', (value,), closest=False)
    if value == "yes" and any(p.meaning is not None and p.meaning.kind is Kind.NOT_NOW for p in pieces):
        # "pregnant 3 months ago", "一年前怀孕": a yes said of a time gone by may be over now.
        return Decision(None, "a yes said of a time gone by", ("yes", "no"))
    if value == UNSURE and not question.allow_unsure:
        return Decision(None, '"not sure" is not an answer to this question')
    return Decision(value, f"read as {value}")


def _half(piece: Piece, halves: Halves) -> int | None:
    """Which half of the question a question's own answer word is about, if it holds the words of exactly one:
    "给孩子喂奶" holds 喂奶 (breastfeeding); "feeding my baby" holds none (not known)."""
    tokens = piece.tokens
    found = {
        at for at, words in enumerate(halves)
        if holds(tokens, words)
    }
    return found.pop() if len(found) == 1 else None


def _half_of_part(part: list[Piece], halves: Halves) -> int | None:
    """The one half a part of the answer speaks of: every own answer word in it holds that half's words, and
    a yes or no for any question ("没", "no") only turns such a word round after it ("没怀孕"). A bare "没有" or
    "yes" may be said of either half, or of both: None."""
    found: set[int | None] = set()
    for at, piece in enumerate(part):
        meaning = piece.meaning
        if meaning is None or meaning.kind is not Kind.ANSWER:
            continue
        if meaning.generic:
            turns = meaning.value == "no" and meaning.negates and any(
                p.meaning is not None and p.meaning.kind is Kind.ANSWER and not p.meaning.generic for p in part[at + 1 :]
            )
            if not turns:
                return None
            continue
        found.add(_half(piece, halves))
    return found.pop() if len(found) == 1 else None


def _one_half_each(said: list[tuple[list[Piece], list[str]]], halves: Halves) -> bool:
    """Whether the answer is a no to one half of a question that asks two things at once and a yes to the
    other ("not pregnant, but breastfeeding"): each part gives one value, about one half, and the no and the
    yes are about different halves. "没有，喂奶" (the no may be said of both), "not pregnant, pregnant" are not."""
    by_value: dict[str, set[int]] = {}
    for part, outcome in said:
        if not outcome:
            continue
        half = _half_of_part(part, halves)
        if len(outcome) != 1 or half is None:
            return False
        by_value.setdefault(outcome[0], set()).add(half)
    no, yes = by_value.get("no", set()), by_value.get("yes", set())
    return len(no) == 1 and len(yes) == 1 and no != yes


def _turned_across_halves(part: list[Piece], halves: Halves) -> bool:
    """Whether one negation in a part turns round two own yes words that are not both about one half of the
    question ("没怀孕在喂奶", "没怀孕还在喂奶", "not pregnant and breastfeeding"): it may turn only the first. A
    second negation turns the second itself ("没怀孕也没喂奶", "not pregnant nor breastfeeding"); a phrase the
    words list whole ("not pregnant or breastfeeding") is one word."""
    turned: list[int | None] | None = None  # the halves of the own yes words the last negation turned
    for piece in part:
        meaning = piece.meaning
        if meaning is None:
            continue
        if meaning.kind is Kind.NEGATION or (meaning.negates and meaning.generic):
            turned = []
        elif turned is not None and meaning.kind is Kind.ANSWER and not meaning.generic and meaning.value == "yes":
            turned.append(_half(piece, halves))
            if len(turned) > 1 and (None in turned or len(set(turned)) > 1):
                return True
    return False


def _unread_after_contrast(pieces: list[Piece], plain_words: frozenset[str]) -> str | None:
    """The first word we do not know after a contrast ("but", "但是") that follows an answer, if there is one.
    ("我住在北京，不过可以坐高铁来": the contrast comes before the yes, and the yes settles it.)"""
    return _after_contrast(pieces, lambda word: word not in plain_words and not word[0].isdigit())


def _after_contrast(pieces: list[Piece], counts: Callable[[str], bool]) -> str | None:
    """The first word we do not read, after a contrast that follows an answer, that `counts`, if there is one."""
    answered = contrasted = False
    for piece in pieces:
        meaning = piece.meaning
        if meaning is None:
            word = piece.tokens[0]
            if contrasted and counts(word):
                return word
        elif meaning.kind is Kind.BREAK:
            # A contrast keeps its words; a comma does not.
            contrasted = contrasted or (answered and piece.tokens != (BREAK,))
        elif meaning.kind is Kind.ANSWER:
            answered = True
    return None


def _is_condition(piece: Piece) -> bool:
    return piece.meaning is not None and piece.meaning.kind in _CONDITIONS


def _is_others(piece: Piece) -> bool:
    return piece.meaning is not None and piece.meaning.kind is Kind.OTHERS


def _own_yes(piece: Piece) -> bool:
    """A word that answers yes to this question only ("pregnant", "打算要"), not a yes to any question."""
    meaning = piece.meaning
    return meaning is not None and meaning.kind is Kind.ANSWER and meaning.value == "yes" and not meaning.generic


def _bare_yes(piece: Piece) -> bool:
    """A yes to any question ("yes", 有, 是), not a question's own yes word."""
    meaning = piece.meaning
    return meaning is not None and meaning.kind is Kind.ANSWER and meaning.value == "yes" and meaning.generic


def _only_whom(piece: Piece, plain_words: frozenset[str]) -> bool:
    """A piece that only says who: someone else ("wife", "我老公"), or a word that says nothing ("my", "的")."""
    if piece.meaning is None:
        return piece.tokens[0] in plain_words
    return piece.meaning.kind in (Kind.OTHERS, Kind.NEUTRAL)


def _yes_no_part(
    part: list[Piece],
    plain_words: frozenset[str],
    subjects: frozenset[str],
    yes_words: frozenset[str],
    agreement: bool = False,
    slips: frozenset[str] = frozenset(),
) -> list[str] | Decision:
    """The values one part of a yes/no answer gives, or an unclear Decision (`agreement`: see
    `Question.agreement`)."""
    strong: list[str] = []
    plain_yes = False  # "pregnant": a yes unless turned around
    affirmation = negated = unsure = False
    hedge: str | None = None
    leanings: set[object] = set()  # the hedges' values: a question back (ASKING, ASKING_WHY), RHETORICAL, "yes"
    waiting = False  # a negation waits for the yes it turns around
    by_no = False  # what waits is a no-word ("no"), not a negation ("not"): "I am", "I have" after it end the wait
    restarted = False  # and then what the person says of themselves counts beside that no
    content: str | None = None  # the first word we do not know
    number = False  # a number: "I'm 45" is an age, not a yes
    negation_at: list[int] = []
    knowing_at: list[int] = []
    turning = False  # what waits is a negation of any word ("not", "不"), not a question's own no
    turned: str | None = None  # the first word we do not know that such a negation turns around
    for at, piece in enumerate(part):
        meaning = piece.meaning
        if by_no and piece.tokens[0] in subjects:
            # "no I tested positive", "no we are trying", "no I was in one": the no answers something else;
            # what the person then says of themselves is their own, and the answer says both. It was a no.
            waiting = by_no = False
            restarted = True
        if meaning is None:
            word = piece.tokens[0]
            if waiting and turning and turned is None and word not in plain_words and not word[0].isdigit():
                turned = word
            if content is None and word not in plain_words and not word[0].isdigit():
                content = word
            number = number or word[0].isdigit()
            continue
        kind = meaning.kind
        if kind is Kind.NEGATION or (meaning.negates and meaning.generic):
            negation_at.append(at)
        if content is not None and (kind is Kind.NEGATION or (meaning.negates and meaning.generic)):
            # "my test did not show it", "记不得了": the negation may belong to words we do not know.
            return Decision(None, f'"{_said(piece)}" after "{content}" may not be a plain no')
        if kind is Kind.ANSWER:
            before = part[at - 1] if at else None
            bare_yes = _bare_yes(piece)
            if (bare_yes and before is not None and before.meaning is None
                    and (is_cjk(before.tokens[0]) or (is_cjk(piece.tokens[0]) and before.tokens[0].isalpha()))):
                # "梅有", "眉有": a slip of 没有 (no) typed by its sound. A character we do not know, right
                # before a bare 有 or 是, may turn it around; so may letters left from pinyin ("m有", "b是").
                return Decision(None, f'"{_said(before)}" before "{_said(piece)}" may change it', closest=False)
            if (meaning.value == "yes" and not bare_yes and at == 1 and before is not None and before.meaning is None
                    and is_cjk(before.tokens[0]) and is_cjk(piece.tokens[0]) and before.tokens[0] not in plain_words):
                # "步怀孕", "布打算要": the same slip, starting the part, before the question's own yes word. Only
                # there: further in, a character we do not know is most often part of a word ("宝宝喂奶").
                return Decision(None, f'"{_said(before)}" before "{_said(piece)}" may change it', closest=False)
            if meaning.value == "yes" and before is not None and before.meaning is None and before.tokens[0] in slips:
                # Further in, a character that is a known slip of 不 or 没 ("从来部做过", "现在美怀孕", "医生布诊断过"):
                # it was dropped, and the answer read as the yes it turns round.
                return Decision(None, f'"{_said(before)}" before "{_said(piece)}" may change it', closest=False)
            after = [p.tokens[0] for p in part[at + 1 : at + 3] if p.meaning is None and is_cjk(p.tokens[0])]
            ends_in_yes = bare_yes or (meaning.value == "yes" and piece.tokens[-1] in yes_words)
            if (ends_in_yes and is_cjk(piece.tokens[-1]) and len(after) == 2
                    and not plain_words.issuperset(after)):
                # "是高血压" at the HIV question, "说是要两年" at the visits question, "有过敏": what is, or was
                # said to be, is something we cannot read, and may not be what the question asks. So with a
                # question's own words that end in 是: "医生说是肝病" (liver disease) was a yes to nerve damage.
                return Decision(None, f'"{_said(piece)}" what?', closest=False)
            if meaning.value == "yes":
                if waiting and not meaning.generic:
                    strong.append("no")  # "not pregnant", "never tested positive"
                elif meaning.generic:
                    strong.append("yes")
                    if waiting:
                        strong.append("no")  # "not yes" is a yes and a no at once
                else:
                    plain_yes = True
            elif meaning.value == "no":
                if waiting and not by_no and not meaning.generic and not meaning.negates:
                    # "did not start before my diabetes", "wasn't before": a negation turns round a word that
                    # answers no ("before"). It was a no; the person may mean after, or not say. Asked again.
                    return Decision(None, f'a negation before "{_said(piece)}"', closest=False)
                strong.append("no")
                if meaning.negates and not waiting:
                    waiting = by_no = True
                    turning = meaning.generic  # "not", "don't"; not a question's own "don't want to sign"
            else:
                unsure = True
        elif kind is Kind.NEGATION:
            negated = waiting = turning = True
            by_no = False
        elif kind is Kind.AFFIRMATION:
            affirmation = True
            if by_no:  # "no im pregnant" ("im" is one word): as a subject, above
                waiting = by_no = False
                restarted = True
        elif kind is Kind.KNOWING:
            knowing_at.append(at)
        elif kind is Kind.HEDGE:
            hedge = _said(piece)
            plain_yes = plain_yes or meaning.value == "yes"  # "I think so": what it leans to is offered
            leanings.add(meaning.value)
        elif kind is Kind.UNSURE:
            return Decision(None, '"not sure" is not an answer to this question')
        elif kind in (Kind.UNCLEAR, Kind.AMBIGUOUS):
            # A word that makes the answer unclear ("没断奶": not weaned yet) is not settled by what the
            # answer looks like: "没断奶" is close to "没" (no), the opposite of what it says.
            return Decision(
                None, f'"{_said(piece)}" leaves this answer unclear', closest=False, why_unclear=why_unclear(meaning)
            )
    if any(abs(k - n) <= _NEAR for k in knowing_at for n in negation_at):
        # "nobody knows", "we have not decided", "记不得": not knowing is not sure, never a no.
        # ("None that I know of" is a no: the negation is not about the knowing.)
        negated, unsure = False, True
        strong = [v for v in strong if v != "no"]
    if agreement and turned is not None and (negated or "no" in strong):
        # "I don't object", "I wouldn't hesitate", "不推辞", "不嫌弃": a "not" before a word we do not know may
        # turn round a word that says no itself. They were a no to signing or coming, ending the screening.
        return Decision(None, f'a "not" before "{turned}", which we do not know', closest=False)
    if negated and "no" not in strong:
        strong.append("no")  # "I can't", "I don't have HIV", "never been tested"
    if unsure:
        if strong:
            return Decision(None, "not sure, and also a yes or a no", tuple(dict.fromkeys([*strong, UNSURE])))
        return [UNSURE]  # "I might be pregnant", "maybe next year": hedged content is still not sure
    # "I have", "I am" are a yes on their own; before words we cannot read ("I can if someone drives me",
    # "we're thinking about it") or a number they say nothing; and "no, we have enough kids" is a no.
    # "I'm 45" (an age typed at the wrong question) was a yes to "ever had a positive HIV test?".
    affirmed = affirmation and not negated and ("no" not in strong or restarted) and content is None and not number
    values = list(dict.fromkeys([*strong, *(["yes"] if plain_yes or affirmed else [])]))
    if hedge is not None:
        # A hedge that leans to nothing ("what is that", "what is a cell product?") is offered "not sure" alone: the
        # answers its words merely look like were offered before it, a yes first.
        # A question back leans to nothing, whatever its part names: "艾滋病是什么" (what is HIV?) was offered "Yes"
        # first. (Beside an answer in another part, see `decide_yes_no`.)
        if RHETORICAL in leanings:
            # "都绝经了，哪能怀孕" (past menopause: how could I be pregnant?) was offered "Yes" first, from what it names;
            # "Not sure" alone would steer it too. It most often means the opposite of what it names: every answer.
            return Decision(None, f'"{hedge}" asks a question that means its answer', closest=False)
        offered = () if ASKING in leanings else tuple(values)
        return Decision(
            None, f'"{hedge}" makes this answer uncertain', offered, hedged=True, closest=bool(offered),
            why_unclear=Unclear.ASKING_BACK if leanings & QUESTIONS_BACK else Unclear.PLAIN,
        )
    return values


@dataclass(frozen=True)
class ChoiceFacts:
    """What the choice reading needs to know about one question, worked out once."""

    multi: bool
    plain: tuple[str, ...]
    """Choices that can be combined (a multi question's "all of them")."""
    exclusive: frozenset[str]
    yes_type: frozenset[str]
    """Choices whose label starts with a yes ("Yes, type 2 diabetes"): what a bare "yes" could mean."""
    no_type: frozenset[str]
    """Choices whose label starts with a no where a no alone answers nothing ("No better, or worse"): what a no
    said before them agrees with."""
    no_value: str | None
    """The choice a plain "no" means ("none of these" for a multi question), if any."""
    unsure: bool
    """True when the question has a "not sure" choice."""
    known: frozenset[str]
    """Every word of the question's phrasebook: a known word is not a misspelling of another."""
    telling: dict[str, str] = field(default_factory=dict)
    """Words that name one choice only ("vitamin" names methylcobalamin): left over, they make the answer unclear."""
    plain_words: frozenset[str] = frozenset()
    """Small words that never name a choice ("the", "的"): the words file's fillers."""
    subjects: frozenset[str] = frozenset()
    """The words a person starts a sentence about themselves with ("I", "我")."""
    number_words: frozenset[str] = frozenset()
    """The words of numbers ("five", "五", "十"): the words file's `numbers`."""
    named: bool = False
    """The words file names what the question asks about (`named`)."""
    named_endings: tuple[str, ...] = ()
    """Ends of words that name it (`named_endings`: "oma" of "meningioma")."""
    unfinished: tuple[tuple[str, ...], ...] = ()
    """Ends of answer words that say something else with more words after them (`unfinished`: "没有用")."""
    particles: frozenset[str] = frozenset()
    """Sounds that close a sentence and add nothing (`WordsFile.particles`: "啊", "的")."""
    place: str | None = None
    """The choice that names another place where the others are felt (`Choice.place`: the hands), if any."""
    places: tuple[tuple[str, ...], ...] = ()
    """The places the other choices are about (`places` in the words file: "feet", 脚), as phrases."""
    only: frozenset[str] = frozenset()
    """Words that make what follows them an exception (`WordsFile.only`: "just", 就是), as the phrasebook joins them."""
    well: tuple[tuple[str, ...], ...] = ()
    """Words that say those places are well (`well` in the words file: "fine", 正常), as phrases."""

    def goes_on(self, part: list[Piece], at: int) -> str | None:
        """The first word after an answer word at `at` that ends `unfinished`, if one says more than a particle or
        the same answer again ("那" in "没有用那种药"; not "没有用啊", "没有用，老样子"). A word that leaves the answer
        unclear by itself ("没有用吧") is left to do so."""
        piece = part[at]
        if piece.meaning is None or not any(piece.tokens[-len(end) :] == end for end in self.unfinished):
            return None
        for after in part[at + 1 :]:
            meaning = after.meaning
            if meaning is None and after.tokens[0] in self.particles:
                continue
            if meaning is not None and (meaning.kind in _CONDITIONS or meaning.value == piece.meaning.value):
                continue
            return _said(after)
        return None

    def names(self, word: str) -> str | None:
        """The one choice a left-over word names or nearly names ("vitamin", "epalstat"), if any."""
        choice = self.telling.get(word)
        if choice is not None or word in self.known or len(word) < _NEAR_MISS_LENGTH or not word.isalpha():
            return choice
        found = process.extractOne(word, list(self.telling), scorer=fuzz.ratio, score_cutoff=_NEAR_MISS)
        return self.telling[found[0]] if found else None

    @classmethod
    def of(
        cls, question: Question, book: Phrasebook, lang: str, words: WordsFile, subjects: frozenset[str] = frozenset(),
        plain_no: str = "",
    ) -> ChoiceFacts:
        """Work out the facts for `question` from its phrasebook (`plain_no`: the language's own "no", as the No
        button says it)."""
        # Not the first of the words file's no words: a phrase put first ("thankfully not") changed what a bare
        # negation means at every choice question ("nah" to "Which type of diabetes?" was asked again).
        no_meaning = book.entries.get(phrase(plain_no))
        no_value = no_meaning.value if no_meaning and no_meaning.kind is Kind.ANSWER else None
        generic_yes = {
            key for key, m in book.entries.items()
            if m.kind is Kind.YES or (m.kind is Kind.ANSWER and m.generic and m.value == "yes")
        }
        # A no word, not a negation: "不确定" (not sure) and "不想说" (would rather not say) start with 不, which turns
        # round what follows, and a "no" before them is no agreement.
        negations = {phrase(text) for text in words.negations}
        generic_no = {key for key, m in book.entries.items() if m.kind is Kind.NO and key not in negations}
        yes_type, no_type = (
            frozenset(
                c.id for c in question.choices
                if any(phrase(c.label.get(lang, ""))[: len(key)] == key for key in generic if key)
            )
            for generic in (generic_yes, generic_no)
        )
        owners: dict[str, set[str]] = {}
        for key, meaning in book.entries.items():
            if meaning.kind is Kind.ANSWER and not meaning.generic and isinstance(meaning.value, str):
                for token in key:
                    owners.setdefault(token, set()).add(meaning.value)
        skip = {t for text in words.fillers for t in phrase(text)}
        own = words.questions.get(question.id, {})
        telling = {t: next(iter(v)) for t, v in owners.items() if len(v) == 1 and t not in skip and not t[0].isdigit()}
        return cls(
            multi=question.kind is QuestionKind.MULTI,
            plain=tuple(c.id for c in question.choices if not c.exclusive),
            exclusive=frozenset(c.id for c in question.choices if c.exclusive),
            yes_type=yes_type,
            no_type=no_type,
            no_value=no_value if isinstance(no_value, str) else None,
            unsure=question.choice(UNSURE) is not None,
            known=book.known_words,
            telling=telling,
            plain_words=frozenset(skip),
            subjects=subjects,
            number_words=frozenset(
                token for text in (*words.numbers.values, *words.numbers.multipliers) for token in phrase(text)
            ),
            named=bool(own.get("named") or own.get("named_endings")),
            named_endings=tuple(own.get("named_endings", [])),
            unfinished=tuple(phrase(text) for text in own.get("unfinished", [])),
            particles=frozenset(token for text in words.particles for token in phrase(text)),
            place=next((choice.id for choice in question.choices if choice.place), None),
            places=tuple(phrase(text) for text in own.get("places", [])),
            well=tuple(phrase(text) for text in own.get("well", [])),
            only=frozenset(join(phrase(text)) for text in words.only),
        )


@dataclass
class _Reading:
    """What a choice answer said so far."""

    chosen: list[str] = field(default_factory=list)
    by_no: set[str] = field(default_factory=set)
    """Chosen by a no-word ("no", "none"), which could also have been a negation."""
    turned: set[str] = field(default_factory=set)
    """Choices turned around by a negation ("not type 2", "没有脑梗")."""
    bare_yes: bool = False
    lone_yes: bool = False
    """A part of the answer is a bare yes and nothing else ("有，没有"): not "就是" inside a sentence."""
    everything: bool = False
    all_apart: bool = False
    """"All" is a part of the answer on its own, and a choice is named in another ("都有，尤其晚上疼")."""
    number: bool = False
    """A number the words do not read (`_has_number`)."""
    unclear: str | None = None
    by_word: bool = False
    """`unclear` comes from a word that makes this answer unclear ("a small cut"): neither what the answer
    merely looks like ("cut" is in "cut off", an amputation) nor what its other words named is offered."""
    about_others: bool = False
    hedged: bool = False
    leanings: set[object] = field(default_factory=set)
    """The values of the hedges said: a question back ("what is", 是什么: ASKING, nothing it names is offered; "why
    do you ask": ASKING_WHY, what the answer names is offered as it was), a question that means its answer
    ("哪有的事": RHETORICAL, nothing it names is offered), "yes" ("I think so")."""
    refused: bool = False
    """A refusal to answer was said ("I'd rather not say", 不想说)."""
    found_words: bool = False
    left_over: list[str] = field(default_factory=list)
    not_listed: bool = False
    """Something none of the choices is was named (`not_listed`: "gabapentin")."""


def decide_choice(pieces: list[Piece], facts: ChoiceFacts) -> Decision:
    """A choice id (or, for a multi question, a set of them) from an answer to a choice question."""
    rest = _after_leading_no(pieces, facts)
    if rest:
        # "no, it did not help", "没有，没用": a no alone does not say which answer, but before a choice that starts
        # with a no it agrees with it. It was asked again. Before any other answer ("no, much better") the no
        # still leaves it unclear.
        agreed = _decide_choice(rest, facts)
        if agreed.value in facts.no_type:
            return agreed
        whole = _decide_choice(pieces, facts)
        if whole.value is None:
            # The no and what follows it disagree, or say nothing together: every answer is shown. "no, better"
            # was offered "No better, or worse" alone, the opposite of its second word.
            return Decision(
                None, whole.reason, hedged=whole.hedged, closest=False, about_others=whole.about_others,
                why_unclear=whole.why_unclear,
            )
        return whole
    return _decide_choice(pieces, facts)


def _after_leading_no(pieces: list[Piece], facts: ChoiceFacts) -> list[Piece]:
    """What follows a no that starts the answer and stands apart, by a break or a small word ("no, the same",
    "no it did not help"), at a question with `no_type` choices; nothing otherwise. Right before words of a choice
    ("no worse") the no may turn them round, so it does not stand apart."""
    at = 0
    while at < len(pieces) and (meaning := pieces[at].meaning) is not None and meaning.kind is Kind.NO:
        at += 1
    if not facts.no_type or at == 0 or at == len(pieces):
        return []
    after = pieces[at].meaning
    apart = after.kind is Kind.BREAK if after is not None else pieces[at].tokens[0] in facts.plain_words
    return pieces[at:] if apart else []


def _decide_choice(pieces: list[Piece], facts: ChoiceFacts) -> Decision:
    """`decide_choice`, with every word of the answer read as it stands."""
    reading = _Reading()
    alone = naming = 0  # parts that say "all" and nothing more; parts that name a choice
    others = whom = False  # parts said of someone else were set aside (see below); one only says who
    named: str | None = None  # what the question asks about, named in a part with no "no" in it
    parts = [side for whole in _parts(_all_but(pieces)) for side in _places_apart(whole, facts)]
    for part in parts:
        if any(map(_is_others, part)) and not any(_is_condition(p) for p in part):
            others, whom = True, whom or all(_only_whom(p, facts.plain_words) for p in part)
            continue
        named = named or _named_unturned(part, facts.no_value, facts.named_endings)
        naming += any(p.meaning is not None and p.meaning.kind is Kind.ANSWER and not p.meaning.negates for p in part)
        alone += _all_alone(part, facts)
        before = len(reading.chosen)
        _read_choice_part(part, facts, reading)
        if facts.place in reading.chosen[before:] and not _names_a_place(part, facts.places) and _plainly_said(part):
            # "also hands r numb", 手麻: what is said of the hands alone is their choice, not numb feet as well. Both
            # were read. ("numb feet and hands", 手脚都麻 name the feet too, and are both.) Not where the part also
            # turns or is unsure: 手麻不麻不知道 was read as the hands alone, its doubt dropped with the numbness.
            reading.chosen[before:] = [c for c in reading.chosen[before:] if c == facts.place or c in facts.exclusive]
        said = [piece.meaning for piece in part if piece.meaning is None or piece.meaning.kind not in _SILENT]
        reading.lone_yes = reading.lone_yes or (len(said) == 1 and said[0] is not None and said[0].kind is Kind.YES)
    reading.all_apart = alone > 0 and naming > 0
    reading.number = _has_number(pieces, facts)
    decision = _choice_decision(reading, facts)
    plain_no = facts.no_value is not None and decision.value in (facts.no_value, frozenset({facts.no_value}))
    if others:
        # "no, but my mother had a stroke": what is said of someone else is no answer for the person, and their
        # own plain no stands, as at a yes/no question. Anything else beside it (a choice, which the person
        # may mean of the one they named: "type 2, my mother too"), or a no beside nothing but whom ("none, my
        # wife", "my wife, no"), is asked again, with every answer shown. It was always asked again.
        if not plain_no or whom:
            return Decision(None, "this answer is about someone else", closest=False, about_others=True)
    if plain_no and named is not None:
        # "no cancer, but a blood disease", "没有，就是淋巴瘤", "没有癌症，就是血液病": the no answers one part of
        # the question, and another part of the answer names what it asks about. It was a no. Every answer is
        # shown: offering the no would lead the person back to it.
        return Decision(None, f'"{named}" is named apart from the no', closest=False)
    excepting = plain_no and facts.multi and facts.only
    excepted = next(filter(None, (_excepted(part, facts) for part in parts)), None) if excepting else None
    if excepted is not None:
        # "都没有，就是神经病" (none, just a nervous illness), "no, only gout": apart from "none of these", words we do not
        # know name what the person does have, maybe one of the choices. They were "None of these", the words dropped.
        # Every answer is shown. ("没有，谢谢", "都没有啊医生", "no, I am healthy" name nothing so, and stay none.)
        return Decision(None, f'"{excepted}", after "only" or "I have" apart from the no, may name what the person has', closest=False)
    if plain_no and facts.named:
        word = _unread_after_contrast(pieces, facts.plain_words)
        if word is not None:
            # "没有，但是淀粉样变", "no, but amyloidosis": at a question whose words name what it asks about (a
            # disease of the blood), a word we cannot read after a "but" may be one we have no word for. It was a
            # no. So is "no, but I had a cold" now asked again: the same rule as for a yes/no question.
            return Decision(None, f'"{word}" after a "but", which we cannot read', closest=False)
    if plain_no:
        word = _named_after_contrast(pieces, facts)
        if word is not None:
            # "no cancer but blood problems": what follows the "but" is a word of a choice ("blood", of "no blood
            # disease"), not read whole. It was a no.
            return Decision(None, f'"{word}" after a "but" names part of an answer', closest=False)
    return decision


def _named_unturned(part: list[Piece], no_value: str | None, endings: tuple[str, ...] = ()) -> str | None:
    """A word that names what the question asks about (`named` in the words file), in a part of the answer with
    no "no" in it to turn it round (`no_value`: the answer a plain no gives): "blood disease" in "no cancer, but a
    blood disease", 药物试验 in "没有，就是一个药物试验"; not in "没有白血病", "血液病也没有", "no cancer or blood disease"."""
    found = next((p for p in part if _names(p, endings)), None)
    if found is None or any(_says_no(p, no_value) for p in part):
        return None
    return _said(found)


def _excepted(part: list[Piece], facts: ChoiceFacts) -> str | None:
    """The first word we do not read (not a small word, a closing sound or a number) after an `only` word ("just", 就是)
    or a word that says the person has something ("有", "I have"), in a part of the answer with no "no" before it, if
    there is one: "就是神经病", "only gout", "都没有，有个疮" (none, I have a sore). After an `only` word a no is one too:
    "only non-diabetic neuropathy" is a neuropathy not from diabetes, one of the choices; after "I have" it is the
    part's own no ("no, I have not")."""
    after: str | None = None  # "only", or "has"
    for piece in part:
        if after is None:
            if _says_no(piece, facts.no_value):
                return None  # "没有，就是没有别的": the part's own no
            after = "only" if join(piece.tokens) in facts.only else "has" if _affirms(piece) else None
            continue
        if _says_no(piece, facts.no_value):
            return _said(piece) if after == "only" else None
        word = piece.tokens[0]
        if piece.meaning is None and word not in facts.plain_words and word not in facts.particles and not word[0].isdigit():
            return _said(piece)
    return None


def _affirms(piece: Piece) -> bool:
    """A word that says the person has something ("有", "I have", "got"): after a none, what follows names it."""
    meaning = piece.meaning
    return meaning is not None and (
        meaning.kind in (Kind.YES, Kind.AFFIRMATION) or (meaning.kind is Kind.ANSWER and meaning.generic and meaning.value == "yes")
    )


def _names(piece: Piece, endings: tuple[str, ...]) -> bool:
    """A `named` word, or a word we do not know with one of the `named_endings` and more before it ("meningioma",
    not "oma")."""
    if piece.meaning is not None:
        return piece.meaning.kind is Kind.NAMED
    word = piece.tokens[0]
    return any(word.endswith(end) and len(word) > len(end) + 2 for end in endings)


def _says_no(piece: Piece, no_value: str | None) -> bool:
    """A negation, a no-word, or a phrase of the question's no ("not", "没有", "no cancer", "去年参加过")."""
    meaning = piece.meaning
    if meaning is None:
        return False
    return meaning.kind in (Kind.NEGATION, Kind.NO) or meaning.negates or (
        meaning.kind is Kind.ANSWER and no_value is not None and meaning.value == no_value
    )


def _named_after_contrast(pieces: list[Piece], facts: ChoiceFacts) -> str | None:
    """The first word we do not read, after a contrast ("but", "但是") that follows an answer, that is a word of
    one of the question's choices (`ChoiceFacts.names`), if there is one. Only such words: "none, but my skin is
    very dry" stays a no (the same rule for yes/no questions, and for choice questions with `named` words, asks
    again on any word)."""
    return _after_contrast(pieces, lambda word: facts.names(word) is not None)


def _has_number(pieces: list[Piece], facts: ChoiceFacts) -> bool:
    """A number the answer's words do not read: digits ("7.2", "130"; a lone digit is a number key), or
    number words in a row ("一百五十", "七十", "twenty five")."""
    run = 0
    for piece in pieces:
        word = piece.tokens[0]
        if piece.meaning is None and _measured(word):
            return True
        run = run + 1 if piece.meaning is None and word in facts.number_words else 0
        if run > 1:
            return True
    return False


def _all_alone(part: list[Piece], facts: ChoiceFacts) -> bool:
    """A part that says "all" and nothing more: "都有", "我都有", "yes, all of them"; not "两只脚都有" (both feet
    have it) or "一直都有" (I always have it), where what comes before says what "all" is about."""
    at = next((i for i, p in enumerate(part) if p.meaning is not None and p.meaning.kind is Kind.ALL), None)
    if at is None:
        return False

    def says_nothing_more(piece: Piece, kinds: tuple[Kind, ...], words: frozenset[str]) -> bool:
        return piece.meaning.kind in kinds if piece.meaning is not None else piece.tokens[0] in words

    before = (Kind.YES, Kind.AFFIRMATION, Kind.BREAK)  # "yes, all", "I have all"
    after = (Kind.ALL, *_SILENT)  # "all of them"
    return all(says_nothing_more(p, before, facts.subjects) for p in part[:at]) and all(
        says_nothing_more(p, after, facts.plain_words) for p in part[at + 1 :]
    )


_EXCEPT = Meaning(Kind.NEGATION)


def _all_but(pieces: list[Piece]) -> list[Piece]:
    """"Everything but weakness": a contrast word between "all" and a choice means "except" (it was read as
    two answers, "all" and "weakness", and kept only the weakness). Before a negation ("all but not my
    hands") it stays a contrast, and the negation says what is left out."""
    read = list(pieces)
    for at in range(1, len(read) - 1):
        before, piece, after = read[at - 1].meaning, read[at], read[at + 1].meaning
        contrast = piece.meaning is not None and piece.meaning.kind is Kind.BREAK and piece.tokens != (BREAK,)
        choice = after is not None and after.kind is Kind.ANSWER and not after.negates
        if contrast and choice and before is not None and before.kind is Kind.ALL:
            read[at] = Piece(_EXCEPT, piece.tokens)
    return read


def _read_choice_part(part: list[Piece], facts: ChoiceFacts, reading: _Reading) -> None:
    waiting: Meaning | None = None  # a negation, waiting for the choice it turns around
    waiting_piece, waiting_at = part[0], 0
    used = False
    named: list[str] = []  # the choices just named, with no other word that means something since (so no
    # negation waits while there are any: a negation empties it, and a choice after one is turned, not named)
    beside = False  # a choice was just named: a negation now may be said of it, or of the choice after it
    between = False  # the waiting negation came right after a choice
    turned_between: Piece | None = None  # such a negation, once it turned the choice after it

    def settle() -> None:
        """A negation with nothing after it is an answer of its own: "no", "none", "I don't"."""
        if waiting is None or used:
            return
        before = part[waiting_at - 1].meaning if waiting_at else None
        if waiting.kind is Kind.NEGATION and (before is None or before.kind is not Kind.HEDGE):
            # "I can't feel my toes": a negation of something we could not read is no answer at all.
            reading.unclear = reading.unclear or f'"{" ".join(waiting_piece.tokens)}" of what?'
            return
        # Right after a hedge, a "not" is the hedged no ("I guess not", "probably not"): the hedge leaves it unclear,
        # and the question's no is offered with "not sure", as at a yes/no question. It was "not" of what?
        value = waiting.value if waiting.kind is Kind.ANSWER else facts.no_value
        if isinstance(value, str):
            reading.chosen.append(value)
            reading.by_no.add(value)
        else:
            reading.unclear = reading.unclear or '"no" does not answer this question'

    for at, piece in enumerate(part):
        meaning = piece.meaning
        if meaning is None:
            reading.left_over.extend(piece.tokens)
            if piece.tokens[0] not in facts.plain_words:
                named = []  # "甲钴胺吃过依帕司他没吃过": the 吃过 closes the first
                beside = False
            if at == 0 and len(part) > 1 and _slip_before_choice(piece, part[1], facts):
                # "步疼", "部麻", "莫疼": a slip of 不 or 没 typed by its sound, starting the answer, before a choice.
                # It was dropped, and the answer read as the choice it turns around. Only there: further in, a
                # character we do not know is most often part of a word ("脚部疼").
                reading.unclear = reading.unclear or f'"{_said(piece)}" before "{_said(part[1])}" may change it'
            continue
        kind = meaning.kind
        if kind not in _SILENT:
            reading.found_words = True
        more = facts.goes_on(part, at) if kind is Kind.ANSWER and facts.unfinished else None
        if more is not None and reading.unclear is None:
            # "没有用那种西药", "没用过别的药", "没有用太久": not "no use" but "did not take that", or not long. They
            # were "no better", the answer the study looks for. Every answer is shown: "no better" was not said.
            reading.unclear, reading.by_word = f'"{more}" after "{_said(piece)}" may change what it says', True
        if kind is Kind.ANSWER and isinstance(meaning.value, str):
            if waiting is not None and waiting.kind is Kind.ANSWER and waiting.value == meaning.value:
                reading.chosen.append(meaning.value)  # "no, I'm not diabetic": the no and the choice agree
                reading.by_no.add(meaning.value)
                used = True
            elif meaning.negates and named and _ends_part(part, at + 1, facts):
                _turn_named(named, reading)  # "依帕司他没吃过", "epalrestat no": the no comes after the choice
            elif meaning.negates:
                settle()
                waiting, waiting_piece, waiting_at, used, between = meaning, piece, at, False, beside
            elif waiting is not None:
                if between and not used:
                    turned_between = waiting_piece
                reading.turned.add(meaning.value)
                used = True  # and it goes on: "no stroke and kidney failure" turns both around
            else:
                reading.chosen.append(meaning.value)
                if facts.multi and meaning.value not in facts.exclusive:  # a list of things had, or not had
                    named.append(meaning.value)
                beside = True
                continue
        elif kind is Kind.NO and named and _ends_part(part, at + 1, facts):
            _turn_named(named, reading)
            continue
        elif kind in (Kind.NEGATION, Kind.NO):
            settle()
            waiting, waiting_piece, waiting_at, used, between = meaning, piece, at, False, beside
        elif kind in (Kind.YES, Kind.AFFIRMATION):
            if turned_between is not None:
                # "1型不是 2型是", "type 1 no type 2 yes", "疼无 麻有": a yes after the second answer says the no
                # before it was said of the first. The no turned the second, and the first was the answer.
                reading.unclear = reading.unclear or f'"{_said(turned_between)}" between two answers'
            settle()
            waiting = None
            reading.bare_yes = reading.bare_yes or kind is Kind.YES
        elif kind is Kind.ALL:
            if waiting is not None and not used:
                reading.unclear = '"not all" does not say which'
            reading.everything = True
        elif kind is Kind.KNOWING and waiting is not None and not used and (
            waiting.kind is Kind.NEGATION or (waiting.negates and at - waiting_at <= _NEAR)
        ):
            # "I don't know the names": not knowing is not sure. So is "不是很清楚" (not very clear to me): a
            # no-word right before a knowing word was a plain no, "none of these" (it ended the screening).
            waiting, used = None, False
            if facts.unsure:
                reading.chosen.append(UNSURE)
            else:
                reading.unclear = '"not sure" is not one of the choices'
        elif kind is Kind.UNSURE:
            reading.unclear = '"not sure" is not one of the choices'
        elif kind is Kind.HEDGE:
            reading.unclear = f'"{_said(piece)}" makes this answer uncertain'
            reading.hedged = True
            reading.bare_yes = reading.bare_yes or meaning.value == "yes"  # "I think so"
            reading.leanings.add(meaning.value)
        elif kind is Kind.OTHERS:
            reading.unclear = "this answer is about someone else"
            reading.about_others = True
        elif kind is Kind.NOT_LISTED:
            reading.not_listed = True
        elif kind in (Kind.UNCLEAR, Kind.AMBIGUOUS):
            reading.unclear = f'"{_said(piece)}" leaves this answer unclear'
            reading.by_word = kind is Kind.UNCLEAR
            reading.refused = reading.refused or why_unclear(meaning) is Unclear.REFUSAL
        if kind not in _SILENT or kind is Kind.AFFIRMATION:
            named = []
            beside = False
    settle()


def _plainly_said(part: list[Piece]) -> bool:
    """Whether a part of the answer says what it says with no "not" or unsure word in it ("I think my hands are numb"
    and 手麻吗 are about the hands alone too: a doubt or a question leaves them so)."""
    return not any(
        p.meaning is not None and (p.meaning.negates or p.meaning.kind in (Kind.NEGATION, Kind.UNSURE, Kind.KNOWING))
        for p in part
    )


def _places_apart(part: list[Piece], facts: ChoiceFacts) -> list[list[Piece]]:
    """A part that says one thing of the `place` choice's place and another of the question's own places, with no break
    between them ("numb hands and tingling feet", 手麻和脚疼), as the two it says: the hands' and the feet's. Each was a
    part of the answer that named the feet, and the numbness of the hands was read as numb feet too. ("numb feet and
    hands", 手脚都麻 say nothing of one place alone, and stay whole.) The words between go with the first: a character we
    do not know that starts a part may be a slip of 不 ("且" of 手麻且脚疼 was read so)."""
    if facts.place is None or not _plainly_said(part):
        return [part]
    for at in range(len(part) - 1, 0, -1):
        sides = (_place_side(part[:at], facts), _place_side(part[at:], facts))
        if None not in sides and sides[0] != sides[1]:
            return [part[:at], part[at:]]
    return [part]


def _place_side(side: list[Piece], facts: ChoiceFacts) -> bool | None:
    """Whether words say an answer of the `place` choice's place alone (True) or of the question's own places alone
    (False, also where they say those places are well: "feet fine", 脚正常); None if they name both places, neither,
    or no other answer."""
    answers = {p.meaning.value for p in side if p.meaning is not None and p.meaning.kind is Kind.ANSWER}
    if not answers - {facts.place, *facts.exclusive}:
        if answers or not facts.well:
            return None
        # "numb hands and feet fine": the part named the feet, and the numbness of the hands was numb feet too
        return False if _names_a_place(side, facts.places) and _names_a_place(side, facts.well) else None
    place, own = facts.place in answers, _names_a_place(side, facts.places)
    return place if place != own else None


def _names_a_place(part: list[Piece], places: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a part of the answer names one of `places` ("feet", 脚), in a word or inside a phrase ("numb feet")."""
    said = tuple(token for piece in part for token in piece.tokens)
    return holds(said, places)


def _ends_part(part: list[Piece], start: int, facts: ChoiceFacts) -> bool:
    """Whether nothing after `start` says anything: only small words ("的", "the") or silent ones."""
    return all(
        p.tokens[0] in facts.plain_words if p.meaning is None else p.meaning.kind in _SILENT for p in part[start:]
    )


def _turn_named(named: list[str], reading: _Reading) -> None:
    """The choices just named are turned around by a no after them, at the end of their part: "甲钴胺和硫辛酸
    吃过，依帕司他没吃过" was asked again (the 没吃过 read as "none of these", beside two medicines)."""
    for value in named:
        reading.chosen.remove(value)
        reading.turned.add(value)
    named.clear()


def _slip_before_choice(unknown: Piece, after: Piece, facts: ChoiceFacts) -> bool:
    """A Chinese character we do not know, and not a filler, right before a choice's own Chinese words."""
    meaning, word = after.meaning, unknown.tokens[0]
    return (meaning is not None and meaning.kind is Kind.ANSWER and not meaning.negates
            and is_cjk(word) and is_cjk(after.tokens[0]) and word not in facts.plain_words)


def _measured(word: str) -> bool:
    """A number that is not a lone number key ("7.2", "130"): a reading, an age or a count."""
    return word[0].isdigit() and len(word) > 1


def _choice_decision(reading: _Reading, facts: ChoiceFacts) -> Decision:
    heard = tuple(dict.fromkeys([*reading.chosen, *sorted(reading.turned)]))
    if reading.unclear:
        asked = reading.leanings & QUESTIONS_BACK
        why = Unclear.REFUSAL if reading.refused else Unclear.ASKING_BACK if asked else Unclear.PLAIN
        if reading.about_others:  # what they said of someone else is not offered back as their own answer
            return Decision(None, reading.unclear, closest=False, about_others=True, why_unclear=why)
        if reading.by_word:
            # "no drugs, but I drink a lot every day": the "no" was about something else. Offering it alone led
            # the person to it; every answer is shown, as for a yes/no answer made unclear by a word.
            return Decision(None, reading.unclear, closest=False, why_unclear=why)
        if RHETORICAL in reading.leanings:  # "哪有的事" (no such thing!) was offered "still" and "stopped": every answer
            return Decision(None, reading.unclear, closest=False, why_unclear=why)
        if ASKING in reading.leanings:
            # "什么是血液病" (what is a blood disease?) was offered "now", "past" and "not sure": what a question back
            # names is not what the person has. Where "not sure" is itself a yes ("Yes, but not sure which type"),
            # every answer is shown instead.
            if UNSURE in facts.yes_type or heard:  # "what is numbness? my hands are numb": every answer
                return Decision(None, reading.unclear, closest=False, why_unclear=why)
            return Decision(None, reading.unclear, (), hedged=True, closest=False, why_unclear=why)
        if (reading.bare_yes or (reading.hedged and UNSURE in facts.yes_type)) and not heard:
            # "I think so" to "Which type?": the answers a yes may mean are offered, not those its words look like. Too
            # many to offer, every answer is shown: "not sure" alone beside none of them was "Yes, but I am not sure
            # which type", a steer for someone who knows they have type 2. So was a hedge that names nothing
            # ("probably", 应该) where "not sure" is itself a yes: it is offered as "I think so" is.
            offered = _all_or_none(sorted(facts.yes_type))
            return Decision(
                None, reading.unclear, offered, hedged=reading.hedged and bool(offered), closest=False, why_unclear=why
            )
        return Decision(None, reading.unclear, heard, hedged=reading.hedged, why_unclear=why)
    for word in reading.left_over:
        choice = facts.names(word)
        if choice is not None and choice not in reading.chosen:
            # A word of a choice not said whole ("some vitamin"), or very like one ("epalstat"): the person
            # may mean that choice, or not. Dropping it could lose a medicine they took. One Chinese character
            # says too little to offer its choice ("高血压", high blood pressure, shares 压 with a back problem
            # that presses on nerves; "没戒掉", not quit, would be offered "no"): every answer is shown instead.
            # Two or more of its characters ("甲古胺" for 甲钴胺) are offered.
            if is_cjk(word) and sum(facts.names(other) == choice for other in reading.left_over if is_cjk(other)) < 2:
                return Decision(None, f'"{word}" looks like part of a choice', closest=False)
            return Decision(None, f'"{word}" looks like part of a choice', (choice, *heard))
    chosen = list(dict.fromkeys(reading.chosen))
    named = {c for c in chosen if c not in facts.exclusive}
    if facts.multi and reading.all_apart and named and not named.issuperset(facts.plain):
        # "都有，尤其晚上疼" (all of them, the pain worst at night), "all of them, especially the pain": it was the
        # pain alone, and the "all" was lost. An "all" said on its own may take in every answer, or only those
        # named apart from it: asked again. Said with them ("疼和麻都有", both pain and numbness), it is them;
        # said with other words ("疼，天天都有", pain, every day), it is not about the answers.
        return Decision(None, '"all", and apart from it an answer named', closest=False)
    if facts.multi and reading.everything and not [c for c in chosen if c not in facts.exclusive]:
        chosen += [c for c in facts.plain if c not in reading.turned]
    if set(chosen) & reading.turned:
        return Decision(None, "the same choice said and unsaid", heard)
    if chosen and reading.by_no.issuperset(chosen) and reading.number:
        # "没有，血糖7.2", "没有，一百五十斤", "no, sugar 7.2": a number we cannot read beside a plain no. The no
        # may answer something else (the person's reading is in the range of diabetes), and it ended the screening.
        return Decision(None, "a number we cannot read beside a no", closest=False)
    if reading.turned and reading.by_no:
        return Decision(None, 'a "no" next to a negated choice can be read two ways', heard)
    if not chosen:
        if reading.turned:
            # "Not type 1": every answer is shown; offering the one they ruled out (or one like it) would not help.
            return Decision(None, "only says what is not the case", closest=False)
        if reading.not_listed and facts.no_value is not None:
            # "gabapentin only", "只吃了加巴喷丁": a medicine that is none of the three, and no more. It was "did not
            # understand", with every answer shown. "None of these" is offered, not taken: the person may have
            # left out one of the three, and it ends the screening.
            return Decision(None, "names only what none of the choices is", (facts.no_value,), closest=False)
        if reading.bare_yes:
            return Decision(None, "a yes, but which one?", _all_or_none(sorted(facts.yes_type)), closest=False)
        return Decision(None, "no choice found", heard, found_words=reading.found_words)
    if facts.multi:
        if reading.lone_yes and all(c in facts.exclusive for c in chosen):
            # "有，没有", "no, yes": the yes (to one of them, unnamed) was dropped, and the answer read as none.
            return Decision(None, "a yes together with a no", closest=False)
        if len(chosen) > 1 and any(c in facts.exclusive for c in chosen):
            return Decision(None, "a choice that stands alone together with others", tuple(chosen))
        return Decision(frozenset(chosen), f"read as {', '.join(chosen)}")
    if len(chosen) > 1:
        return Decision(None, "more than one choice", tuple(chosen))
    if reading.bare_yes and facts.yes_type and chosen[0] not in facts.yes_type:
        return Decision(None, "a yes together with a no", _all_or_none([chosen[0], *sorted(facts.yes_type)]))
    return Decision(chosen[0], f"read as {chosen[0]}")


def _all_or_none(values: list[str]) -> tuple[str, ...]:
    """The answers a yes may mean, to offer, if a re-ask can offer them all; else none, and every answer is shown.
    "I take insulin", "有" at the diabetes type (four answers start with a yes) were offered three, and the one left
    out was "Yes, but I am not sure which type"; "no, on insulin" was offered type 1 but not type 2."""
    return tuple(values) if len(values) <= SUGGESTIONS else ()
