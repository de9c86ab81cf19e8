"""Numbers and durations: "45", "forty-five", "四十五岁", "a year and a half", "两年半", "6个月".

An age is one exact number of years. A duration is one or more amounts of time in falling units ("1 year
and 6 months", "一年零三个月"), converted to months. "About" is fine for a duration but not for an age;
"a few", "almost", "ago", "几" make an amount vague, and a vague amount is asked again. "More than a year",
"一年多" give the least a duration can be (`Amount.at_least`); whether that answers the question is the
question's to say (see the interpreter). An age is never a least ("over 50"). A word beside a number
that may be a misspelt part of it ("fifty sx", "五十溜") makes the amount inexact: it is never left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .text import is_cjk
from .meaning import Unclear
from .vocabulary import Kind, Piece, why_unclear

WEEK = 0.2308
"""A week in months, as the words files count one (their `[units]`): a time said in weeks alone is known by it."""
MAX_DIGITS = 6
"""A number written with more digits than this is not an age or a duration anyone means."""
_DIGITS = re.compile(r"-?(?:\d+(?:\.\d+)?|\.\d+)")  # ".5" too
_NOT_AN_AMOUNT = (Kind.NEGATION, Kind.VAGUE, Kind.UNCLEAR)
_INEXACT = (Kind.APPROXIMATE, Kind.HEDGE)
_NUMBER_WORDS = (Kind.NUMBER, Kind.MULTIPLIER)
_UNREAD = ("slip", "too_long")
"""What makes a number unread, not inexact: a misspelt part of it ("im fourty-eigth": eight, or eighth?) or too
many digits. The person is asked for the number again, not told it is "not one exact age"."""

Item = tuple[Kind | str, float]
"""("amount", value), (Kind.UNIT, months), (Kind.FRACTION, part), ("join", 0) or ("gap", 0)."""


@dataclass(frozen=True)
class Amount:
    """What a typed number or duration came to."""

    value: float | None
    """The number (an age in years, a duration in months), or None."""
    unsure: bool
    """True when the person said they do not know (and gave no number)."""
    reason: str
    at_least: bool = False
    """True when `value` is only the least it can be ("more than a year": 12, or longer)."""
    inexact: bool = False
    """True when an amount was given but is not one exact amount ("50 something", "两三年"): the person is
    asked for a more exact one, not told they gave none."""
    about: bool = False
    """True when a time was said as about so much ("about 6 months", "probably 5 months", "半年左右"): it is
    kept only where a time a quarter shorter or longer gives the same verdict."""
    years: float | None = None
    """A time said in years alone ("两年", "a year and a half", "2 years", "两年多"), in years: kept in months,
    "两年" shown back as "24 个月" looked like a mistake to someone who meant 2 years."""
    weeks: float | None = None
    """A time said in weeks alone ("6 weeks", "六周"), in weeks: "6 weeks" shown back as "1.3 months" alone
    looked like a mistake too."""
    why_unclear: Unclear = Unclear.PLAIN
    """With no amount: a refusal to say ("I'd rather not say"), a question back ("what does that mean"), or more than
    one amount ("2 years, 6 months")."""


def _why(amount: Amount, pieces: list[Piece]) -> Amount:
    """The amount, and when it is none, whether the words refused to give one or asked a question back."""
    if amount.value is not None or amount.unsure:
        return amount
    found = {why_unclear(piece.meaning) for piece in pieces}
    for why in (Unclear.REFUSAL, Unclear.ASKING_BACK):
        if why in found:
            return replace(amount, why_unclear=why)
    return amount


def _unclear(reason: str) -> Amount:
    return Amount(None, False, reason)


def _inexact(reason: str) -> Amount:
    return Amount(None, False, reason, inexact=True)


def _several(reason: str) -> Amount:
    return Amount(None, False, reason, inexact=True, why_unclear=Unclear.SEVERAL)


def _combine(parts: list[tuple[Kind, float]]) -> float | None:
    """Number words to one number ("forty five", "一百零五", "a hundred and fifty"); None if they are two."""
    total = current = 0.0
    for kind, value in parts:
        if kind is Kind.MULTIPLIER:
            current = (current or 1) * value
            if value >= 100:
                total, current = total + current, 0.0
        elif current % 10 or (current and value >= 10):
            return None  # "five five", "twenty twenty", "四五十": not one number
        else:
            current += value
    return total + current


def _said(piece: Piece) -> str:
    return " ".join(piece.tokens)


def _items(
    pieces: list[Piece], like_a_number: Callable[[str], bool]
) -> tuple[list[tuple[Kind | str, float]], dict[Kind | str, str]]:
    """Pieces as plain items, and the words that colour the whole answer (negations, hedges, "not sure")."""
    items: list[tuple[Kind | str, float]] = []
    colour: dict[Kind | str, str] = {}
    for index, piece in enumerate(pieces):
        meaning = piece.meaning
        if meaning is None:
            token = piece.tokens[0]
            if _DIGITS.fullmatch(token):
                if len(token.lstrip("-").split(".")[0]) > MAX_DIGITS:
                    colour["too_long"] = token
                else:
                    items.append(("digits", float(token)))
            else:
                items.append(("gap", 0.0))
                if _slip_of_a_number(pieces, index, like_a_number):
                    colour["slip"] = token  # "fifty sx" was 50: a part of the number may be missing
            continue
        kind = meaning.kind
        if kind in (Kind.NUMBER, Kind.MULTIPLIER, Kind.FRACTION, Kind.UNIT) and isinstance(meaning.value, float | int):
            items.append((kind, float(meaning.value)))
        elif kind in (Kind.ARTICLE, Kind.JOINER):
            items.append((kind, 0.0))
        elif kind is Kind.BREAK:
            items.append(("gap", 0.0))
        elif kind is Kind.ANSWER:
            colour["unsure"] = _said(piece)
        elif kind is Kind.AT_LEAST and isinstance(meaning.value, float | int):
            # "大半年", "most of a year": more than half of it, so half of it is the least it can be
            items.append((Kind.FRACTION, float(meaning.value)))
            colour[kind] = _said(piece)
        elif kind in (*_NOT_AN_AMOUNT, *_INEXACT, Kind.AT_LEAST):
            colour[kind] = _said(piece)
    return items, colour


def _slip_of_a_number(pieces: list[Piece], index: int, like_a_number: Callable[[str], bool]) -> bool:
    """Whether the unknown word at `index` may be a part of the number beside it, misspelt.

    A word: like a number word, beside a number word or digits ("fifty sx", "fourtie five", "fiftee 52"). A Chinese character: right after a round ten,
    where its ones would be ("五十溜", "四十舞": slips of 五十六, 四十五 by sound)."""
    token = pieces[index].tokens[0]
    before = pieces[index - 1].meaning if index > 0 else None
    if is_cjk(token):
        return before is not None and before.kind is Kind.MULTIPLIER and before.value == 10 and like_a_number(token)
    beside = [pieces[at] for at in (index - 1, index + 1) if 0 <= at < len(pieces)]
    return any(_a_number(piece) for piece in beside) and like_a_number(token)


def _a_number(piece: Piece) -> bool:
    """Whether a piece is a number: a number word, or digits ("fiftee 52", a slip left as typed, was left out)."""
    meaning = piece.meaning
    return meaning.kind in _NUMBER_WORDS if meaning is not None else bool(_DIGITS.fullmatch(piece.tokens[0]))


def _fold(items: list[tuple[Kind | str, float]]) -> list[Item] | None:
    """Number words folded into amounts; articles read as one ("a year") or dropped ("half a year")."""
    folded: list[Item] = []
    i = 0
    count = len(items)

    def kind_at(j: int) -> Kind | str | None:
        return items[j][0] if 0 <= j < count else None

    while i < count:
        kind, value = items[i]
        if kind == "digits":
            folded.append(("amount", value))
            i += 1
        elif kind in (Kind.NUMBER, Kind.MULTIPLIER) or (kind is Kind.ARTICLE and kind_at(i + 1) is Kind.MULTIPLIER):
            parts: list[tuple[Kind, float]] = []
            while i < count:
                kind, value = items[i]
                if kind is Kind.NUMBER or kind is Kind.MULTIPLIER:
                    parts.append((kind, value))
                elif kind is Kind.ARTICLE and not parts and kind_at(i + 1) is Kind.MULTIPLIER:
                    parts.append((Kind.NUMBER, 1.0))  # "a hundred"
                elif not (kind is Kind.JOINER and parts and parts[-1][0] is Kind.MULTIPLIER
                          and parts[-1][1] >= 100 and kind_at(i + 1) is Kind.NUMBER):
                    break  # only "hundred and five" joins number words with "and"
                i += 1
            number = _combine(parts)
            if number is None:
                return None
            folded.append(("amount", number))
        elif kind is Kind.ARTICLE:
            if kind_at(i + 1) is Kind.UNIT and kind_at(i - 1) is not Kind.FRACTION:
                folded.append(("amount", 1.0))  # "a year"; but "half a year" is half of one year
            i += 1
        elif kind is Kind.JOINER:
            folded.append(("join", 0.0))
            i += 1
        else:
            folded.append((kind, value))
            i += 1
    return folded


def read_age(pieces: list[Piece], like_a_number: Callable[[str], bool]) -> Amount:
    """One exact number of years ("I'm 45", "forty-five", "四十五岁").

    `like_a_number`: whether an unknown word may be a misspelt number word (see `Phrasebook.like_a_number`)."""
    return _why(_age(pieces, like_a_number), pieces)


def _age(pieces: list[Piece], like_a_number: Callable[[str], bool]) -> Amount:
    items, colour = _items(pieces, like_a_number)
    folded = _fold(items)
    if folded is None:
        return _inexact("number words that do not make one number")
    amounts = [value for kind, value in folded if kind == "amount"]
    if "unsure" in colour:
        return _unclear("not sure, and a number") if amounts else Amount(None, True, "not sure")
    for kind in (*_NOT_AN_AMOUNT, *_INEXACT, Kind.AT_LEAST, "slip", "too_long"):
        if kind in colour:
            reason = f'"{colour[kind]}" does not give one exact age'
            return _inexact(reason) if amounts and kind not in _UNREAD else _unclear(reason)
    if any(kind is Kind.FRACTION for kind, _ in folded):
        return _inexact("a part of a year")
    if any(kind is Kind.UNIT and value != 12 for kind, value in folded):
        return _unclear("an age is counted in years")
    if len(amounts) != 1:
        return _unclear("no number") if not amounts else _several("more than one number")
    if not amounts[0].is_integer():
        return _inexact("a part of a year")  # "55.5" was past 55, the study's limit: a 55-year-old was turned away
    return Amount(amounts[0], False, "a number of years")


def read_duration(pieces: list[Piece], like_a_number: Callable[[str], bool]) -> Amount:
    """An amount of time in months ("a year and a half" is 18, "两个半月" is 2.5); `like_a_number` as for an age."""
    return _why(_duration(pieces, like_a_number), pieces)


def _duration(pieces: list[Piece], like_a_number: Callable[[str], bool]) -> Amount:
    items, colour = _items(pieces, like_a_number)
    folded = _fold(items)
    if folded is None:
        return _inexact("number words that do not make one number")
    if "unsure" in colour:
        said_amount = any(kind == "amount" for kind, _ in folded)
        return _unclear("not sure, and an amount") if said_amount else Amount(None, True, "not sure")
    for kind in (*_NOT_AN_AMOUNT, "slip", "too_long"):
        if kind in colour:
            reason = f'"{colour[kind]}" does not give one amount of time'
            said_amount = any(k == "amount" or k is Kind.FRACTION or k is Kind.UNIT for k, _ in folded)
            return _inexact(reason) if said_amount and kind not in _UNREAD else _unclear(reason)
    terms: list[tuple[float, float]] = []
    amount: float | None = None
    gap = False
    for index, (kind, value) in enumerate(folded):
        if kind == "amount":
            if amount is not None or (terms and gap):
                return _several("more than one amount")
            amount = value
        elif kind is Kind.FRACTION:
            following = next((k for k, _ in folded[index + 1 :] if k != "join"), None)
            if amount is not None:
                if gap:
                    return _several("more than one amount")  # "1, half a year", "one pill, half a year": not 18
                amount += value  # "one and a half", "两个半"
            elif following is Kind.UNIT:
                amount = value  # "half a year", "半年"
            elif terms and not gap:
                terms[-1] = (terms[-1][0] + value, terms[-1][1])  # "a year and a half", "一年半"
            else:
                return _unclear("half of what?")
        elif kind is Kind.UNIT:
            if amount is None:
                return _unclear("a unit of time without a number")
            if terms and (gap or value >= terms[-1][1]):
                return _several("more than one amount")
            if terms and (terms[-1][0] < 1 or amount * value >= terms[-1][1]):
                # The same time said twice: "半年6个月" (half a year, 6 months) was 12, "一年12个月" 24, "2 years 18
                # months" 42. A smaller unit after a part of one, or as much as the unit before it, is not a part
                # of the same amount ("1 year 11 months" is; "1 year 6 months" is 18).
                return _several("more than one amount")
            terms.append((amount, value))
            amount, gap = None, False
        elif kind == "gap" and (terms or amount is not None):
            gap = True
    if amount is not None:
        return _unclear("a number without months or years")
    if not terms:
        return _unclear("no amount of time")
    months = round(sum(a * months for a, months in terms), 4)
    years, weeks = _said_in(terms, 12), _said_in(terms, WEEK)
    said_about = next((colour[kind] for kind in _INEXACT if kind in colour), None)
    if Kind.AT_LEAST in colour and said_about is None:
        reason = f'"{colour[Kind.AT_LEAST]}": {months:g} months or longer'
        return Amount(months, False, reason, at_least=True, years=years, weeks=weeks)
    if said_about is not None:
        # "about 6 months or more", "6 months or more I think", "大概半年多": the least itself is only about so much
        # (it was "6 months or longer", meeting the 6 the study needs: 5 and a bit would not)
        return Amount(months, False, f'"{said_about}" {months:g} months', about=True, years=years, weeks=weeks)
    return Amount(months, False, "an amount of time in months", years=years, weeks=weeks)


def _said_in(terms: list[tuple[float, float]], unit: float) -> float | None:
    """The time in `unit` (its length in months), if every amount of it was said in that unit; else None."""
    return sum(amount for amount, _ in terms) if all(said == unit for _, said in terms) else None
