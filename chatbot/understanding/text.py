"""From typed text to tokens: what a person typed, made comparable with the words in the content pack.

Unicode NFKC (full-width digits and letters become plain ones), accents and invisible characters dropped,
terminal escape sequences and control characters removed, lower case, apostrophes dropped ("don't" is
"dont"), punctuation kept only as a break between parts of an answer. Chinese has no spaces, so every
Chinese character is a token of its own; phrases are matched character by character, and a traditional
character is read as its simplified one.
"""

from __future__ import annotations

import re
import unicodedata

from .traditional import SIMPLIFIED

BREAK = ","
"""The token that stands for punctuation or a line break: the end of one part of an answer."""

MAX_CHARACTERS = 2000
"""Longer text is not read at all: no answer to one question is that long, and it keeps the work bounded."""
MAX_TOKENS = 80
"""An answer with more words than this is too long to read reliably: it is asked again."""

# Escape sequences (CSI like "\x1b[2J", OSC like "\x1b]0;title\x07", and two-character ones) go as a whole,
# so nothing of them is read as an answer ("\x1b[2J" is not the number 2).
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
_CJK = (
    "\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_TOKEN = re.compile(
    # Words and Chinese characters first: most tokens are one, and the regex engine tries the alternatives in turn.
    # No other alternative starts with a letter or a Chinese character, so the order changes no match.
    rf"[^\W\d_{_CJK}]+"  # a word in any other script
    rf"|[{_CJK}]"  # one Chinese character
    rf"|(?<![\w.])-\d+(?:\.\d+)?"  # a negative number: "-5" (but not the dash in "45-50")
    r"|\d+o(?![a-z])"  # a letter o for a zero ("5o", "4O"): not a number, so not 5 (lower case by now)
    rf"|\d+(?:\.\d+)?"  # a number: "45", "1.5"
    r"|(?<![\w.])\.\d+"  # a number with no 0 before its point: ".5" (it was a break, then 5: ".5 years" was 60 months)
    r"|\+ ?/? ?-(?![\d.])"  # plus or minus ("+/-", "+-"), read as "±": it was a "+" (more than) and a break
    r"|[+~±<>%]"  # words of their own: "50+" is more than 50, "~45" about 45, "<6" under 6, "60%" (see the words files)
    r"|[,;.!?\n()\[\]{}/|:，。；！？、…：（）【】「」『』《》]"  # a break between parts of the answer
    r"|(?<=\s)-(?=\s)|[\u2013\u2014]"  # a dash set apart ("no - better", "no – better"): a break too, as a comma is
)
_CJK_CHARACTER = re.compile(rf"[{_CJK}]")
_FIRST_CJK = _CJK[0]
_MARK = re.compile(
    "[\u00d7\u00f7"  # × ÷
    "\u2190-\u245f"  # arrows, mathematical signs (√ ≤ ≥ ≈ ∞), technical signs
    "\u2500-\u2bff"  # boxes, shapes (○ ●), symbols (☑ ☒), dingbats (✓ ✔ ✗ ❌), more arrows and signs (⭕)
    "\u3297\u3299\U0001f000-\U0001faff]"  # ㊗ ㊙, emoji (👍 👎 🙅 🤔 😊)
)
_SIGN_WORDS = "+~±<>%"
_SAME_AS = str.maketrans(SIMPLIFIED | {"冇": "没", "哒": "了", "噠": "了"})
"""Characters read as others, so that every words-file phrase written with those reads them too: traditional
ones as simplified ("長不好" as "长不好", see `traditional`), Wuhan's (and Cantonese's) 冇 as 没, and Wuhan's 哒
at the end of a phrase as 了."""
_QUESTION_MARKS = "?？﹖‽⁇⁈⁉¿"
_TRAILING = " \t\r\n!！.。)）"  # "no (?)" ends in a question mark too
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cs"})

_ASCII_TABLE = {code: None for code in range(32)} | {
    ord("\t"): " ",
    ord("\n"): "\n",
    ord("\r"): "\n",
    0x7F: None,
    ord("'"): None,
    ord("`"): None,
}
_APOSTROPHES = {ord(c): None for c in "\u2018\u2019\u02bc\u00b4\u2032"}
_READ_AS = _SAME_AS | _APOSTROPHES
"""`_SAME_AS` and no apostrophes, in one pass over the text (a translation never reads its own output, so one
table does what the two did one after the other)."""
_CLEAN_ALREADY = re.compile(r"[\n\x20-\x26\x28-\x5f\x61-\x7e\u3001\u3002\u3008-\u3011\u3400-\u4dbf\u4e00-\u9fff]*")
"""Text made only of these, once NFKC and `_READ_AS` are done, needs nothing more but lower case: printable ASCII
but for the apostrophes and the control characters `_ASCII_TABLE` drops, Chinese characters, and Chinese
punctuation. None of them decomposes, is of a dropped category, or composes with what stands before it (a test
checks this against unicodedata), so the decomposing, the character by character filter and the composing,
which were half the time taken to read a Chinese answer, are skipped and change nothing."""


def _clean(text: str) -> str:
    """NFKC, no escape sequences, no control or invisible characters, no accents, no apostrophes, lower case;
    traditional Chinese characters as simplified ones, 冇 as 没 (`_SAME_AS`)."""
    if "\x1b" in text:
        text = _ESCAPE.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_READ_AS)
        if _CLEAN_ALREADY.fullmatch(text):
            return text.casefold()
        if not text.isascii():
            # Decompose to drop accents ("yés" is "yes") and invisible marks (right-to-left overrides,
            # zero-width spaces), then compose again so Korean and other scripts stay whole.
            decomposed = unicodedata.normalize("NFKD", text)
            kept = "".join(
                c for c in decomposed if c in "\n\t\r" or unicodedata.category(c) not in _DROPPED_CATEGORIES
            )
            text = unicodedata.normalize("NFC", kept)
    return text.translate(_ASCII_TABLE).casefold()


def tokens(text: str) -> list[str] | None:
    """The tokens of `text` with BREAK between parts; None when the text is too long to read."""
    both = tokens_and_parted(text)
    return None if both is None else both[0]


def tokens_and_parted(text: str) -> tuple[list[str], list[str] | None] | None:
    """The tokens of `text` (as `tokens`), and the same with a BREAK too where a space (or a sign we drop)
    stands between two Chinese characters, or None when there is no such place; None when too long.

    Chinese is written without spaces, so one may part two things said ("手没有 脚麻"), or be only a space
    ("不 知道"): the interpreter reads both (one pass makes both)."""
    if len(text) > MAX_CHARACTERS:
        return None
    found: list[str] = []
    spaced: list[int] = []  # where in `found` a space parts two Chinese characters
    end = 0
    for match in _TOKEN.finditer(_clean(text)):
        token = match.group()
        if match.start() > end and found and is_cjk(token) and is_cjk(found[-1]):
            spaced.append(len(found))
        end = match.end()
        if len(token) > 1 and token[0] == "+":
            token = "±"
        if len(token) == 1 and not token.isalnum() and token not in _SIGN_WORDS:
            if found and found[-1] != BREAK:
                found.append(BREAK)
        else:
            found.append(token)
    if found and found[-1] == BREAK:
        found.pop()
    if len(found) > MAX_TOKENS:
        return None
    if not spaced:
        return found, None
    parted = list(found)
    for at in reversed(spaced):
        parted.insert(at, BREAK)
    return found, parted


def said_as_question(text: str) -> bool:
    """Whether the answer ends in a question mark ("yes?", "有？", "45?!", "no (?)"): a question back, or a
    doubt, not an answer."""
    end = text.strip(_TRAILING)
    return bool(end) and (end[-1] in _QUESTION_MARKS or end[0] == "¿")


def has_mark(text: str) -> bool:
    """Whether the text holds a sign or a picture (✓, ✗, √, ≤, 👍, 😊): the tokens leave them out, and they
    may say yes, no, or the opposite of the words beside them."""
    return not text.isascii() and _MARK.search(text) is not None


def has_short_year(text: str) -> bool:
    """Whether the text holds a year written short ("'78", "’03"): the tokens drop the apostrophe, and "'78"
    at the age question was the age 78."""
    return any(mark in text for mark in "'’‘`") and _SHORT_YEAR.search(text) is not None


_SHORT_YEAR = re.compile(r"(?<!\w)['’‘`]\d\d(?!\d)")


def is_cjk(token: str) -> bool:
    """True for a single Chinese (or Japanese) character token."""
    # Compared first: most tokens are words, digits or breaks, and the comparison is cheaper than the match.
    return len(token) == 1 and token >= _FIRST_CJK and _CJK_CHARACTER.match(token) is not None


def join(words: list[str] | tuple[str, ...]) -> str:
    """Tokens back to one string: a space between words, none between Chinese characters."""
    text = ""
    previous_cjk = False
    for word in words:
        if word == BREAK:
            previous_cjk = False
            continue
        cjk = is_cjk(word)
        if text and not (cjk and previous_cjk):
            text += " "
        text += word
        previous_cjk = cjk
    return text


def normalise(text: str) -> str:
    """NFKC, lower case, accents, apostrophes, punctuation and control characters gone, spaces folded.

    Chinese characters are kept (and not spaced). The same text always gives the same string, so a
    normalised answer can be looked up in a normalised vocabulary.
    """
    found = tokens(text[:MAX_CHARACTERS])
    return join(found or [])
