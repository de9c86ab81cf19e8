"""Chinese lines break between any two characters, as Chinese is set, not only at spaces.

Rich, and Textual through it, break a line only at a space: a run of Chinese with no space in it is
one "word", and a word that does not fit in what is left of a line goes down to the next line whole.
So "大约需要 6 分钟。回答完后，您会知道……" broke after the 6 and left the rest of that line empty, and the
study's status ("……状态是 UNKNOWN（未知），没有人说明……") left a line of a few characters above a full
one. For a reader who sees poorly, ragged lines like these are harder to follow.

`install` teaches Rich's word splitter (`rich._wrap.words`, used by Rich's `Text` and Textual's
`Content` alike) that in a line with Chinese in it, each Chinese character is a word of its own, with
the usual rules: closing punctuation (，。）” ...) stays with the character before it, so no line starts
with it, and opening punctuation (（“《 ...) with the character after it. A run of Latin letters or
digits ("UNKNOWN", "2024-05-31", "B12") is still one word. A line with no Chinese in it is split
exactly as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

import rich._wrap

_OPENING = "（《「『【〔〈“‘"
_CLOSING = "，。、；：？！）》」』】〕〉”’…"
_WIDE = (
    ("\u2e80", "\u2fff"),  # radicals
    ("\u3001", "\u303f"),  # Chinese punctuation (not the ideographic space, which is a space)
    ("\u3040", "\u312f"), ("\u31a0", "\u31ff"),  # kana, bopomofo
    ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"),  # Chinese characters
    ("\ufe30", "\ufe4f"), ("\uff01", "\uff60"), ("\uffe0", "\uffe6"),  # full-width forms
)
_EDGES = "".join(first + chr(ord(last) + 1) for first, last in _WIDE)
"""Where each range of `_WIDE` starts and where it has ended: a character is in one after an odd number."""


def _wide(character: str) -> bool:
    """Whether `character` is set as Chinese: a character of its own, never run together with the next."""
    return bisect_right(_EDGES, character) % 2 == 1


def _other(character: str) -> bool:
    """Whether `character` runs together with its neighbours into one word, as Latin letters and digits do."""
    return not (character.isspace() or _wide(character) or character in _OPENING or character in _CLOSING)


_rich_words = rich._wrap.words


def words(text: str) -> Iterable[tuple[int, int, str]]:
    """Each word of `text` with the spaces after it, as (start, end, word), as Rich's `words` gives."""
    if not any(_wide(character) for character in text if character >= _EDGES[0]):
        return _rich_words(text)
    return _chinese_words(text)


# The words cover the whole line but for spaces at its start. A word is: any spaces, then a Chinese
# character, or a run of other characters that are not spaces (letters, digits, "-"), with the opening
# punctuation before it and the closing punctuation after it; else any other lone character; then the
# spaces after it. A line once split this way with a regular expression, but `re` takes about 4 ms to
# compile each class of tens of thousands of characters, on every start.
def _chinese_words(text: str) -> Iterator[tuple[int, int, str]]:
    end = len(text)
    position = 0
    while position < end:
        start = position
        while position < end and text[position].isspace():
            position += 1
        if position == end:
            return
        position = _word_end(text, position)
        while position < end and text[position].isspace():
            position += 1
        yield start, position, text[start:position]


def _word_end(text: str, start: int) -> int:
    """Where the word beginning at `start` (not a space) ends, before the spaces after it."""
    end = len(text)
    position = start
    while position < end and text[position] in _OPENING:
        position += 1
    if position < end and _wide(text[position]):
        position += 1
    elif position < end and _other(text[position]):
        while position < end and _other(text[position]):
            position += 1
    else:  # the opening punctuation has nothing after it: the last of it that is Chinese is the character
        while position > start and not _wide(text[position - 1]):
            position -= 1
        if position == start:  # none is: a lone character ("“" alone, a closing "…")
            return start + 1
    while position < end and text[position] in _CLOSING:
        position += 1
    return position


def install() -> None:
    """Break Chinese lines between characters from now on, in this process (again: no change)."""
    rich._wrap.words = words  # type: ignore[assignment]
