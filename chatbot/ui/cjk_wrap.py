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

import re
from collections.abc import Iterable

import rich._wrap

_OPENING = "（《「『【〔〈“‘"
_CLOSING = "，。、；：？！）》」』】〕〉”’…"
_WIDE = (
    "\u2e80-\u2fff"  # radicals
    "\u3001-\u303f"  # Chinese punctuation (not the ideographic space, which is a space)
    "\u3040-\u312f\u31a0-\u31ff"  # kana, bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters
    "\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"  # full-width forms
)
_CHINESE = re.compile(f"[{_WIDE}]")
# One word: a Chinese character, or a run of anything else that is not a space, each with the opening
# punctuation before it and the closing punctuation after it; any other lone character; then spaces.
# Every character that is not a space starts some word, so the words cover the whole line.
_WORD = re.compile(
    rf"\s*(?:[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}{_OPENING}{_CLOSING}]+)[{_CLOSING}]*|\S)\s*"
)

_rich_words = rich._wrap.words


def words(text: str) -> Iterable[tuple[int, int, str]]:
    """Each word of `text` with the spaces after it, as (start, end, word), as Rich's `words` gives."""
    if not _CHINESE.search(text):
        yield from _rich_words(text)
        return
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), match.group(0)


def install() -> None:
    """Break Chinese lines between characters from now on, in this process (again: no change)."""
    rich._wrap.words = words  # type: ignore[assignment]
