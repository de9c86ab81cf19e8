"""Chinese lines break between characters, not only at spaces (chatbot/ui/cjk_wrap.py)."""

from __future__ import annotations

import pytest
from textual.content import Content

from chatbot.ui import cjk_wrap

WELCOME = "我会一个一个地问您大约 22 个简单的问题，大约需要 6 分钟。回答完后，您会知道自己是否可能符合这项研究的条件。"
STATUS = "研究的登记记录上写的状态是 UNKNOWN（未知），没有人说明它现在是不是还在招人。这份记录最后一次更新是在 2022-08-19。"


@pytest.fixture(autouse=True)
def installed() -> None:
    cjk_wrap.install()  # as the app does


def lines(text: str, width: int) -> list[str]:
    return [line.plain for line in Content(text).wrap(width)]


def test_a_chinese_line_is_filled_before_it_breaks() -> None:
    # Before, everything after "6 " went down whole: "……大约需要 6" then "分钟。回答完后，……".
    assert lines(WELCOME, 76) == [
        "我会一个一个地问您大约 22 个简单的问题，大约需要 6 分钟。回答完后，您会知道",
        "自己是否可能符合这项研究的条件。",
    ]
    # Before: "研究的登记记录上写的状态是" alone, then the rest from "UNKNOWN".
    assert lines(STATUS, 76)[0] == "研究的登记记录上写的状态是 UNKNOWN（未知），没有人说明它现在是不是还在招人。"


@pytest.mark.parametrize("width", range(12, 80))
def test_no_line_starts_with_closing_punctuation_and_no_number_is_cut(width: int) -> None:
    for text, whole in ((WELCOME, ("22",)), (STATUS, ("UNKNOWN", "2022-08-19"))):
        wrapped = lines(text, width)
        assert "".join(wrapped).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
        assert all(Content(line).cell_length <= width for line in wrapped)
        assert not any(line[0] in "，。、；：？！）》」』】〕〉”’…" for line in wrapped), wrapped
        assert not any(line[-1] in "（《「『【〔〈“‘" for line in wrapped), wrapped
        assert all(any(word in line for line in wrapped) for word in whole), wrapped


def test_a_line_without_chinese_is_split_as_rich_splits_it() -> None:
    text = "Stem cells from umbilical cords, for diabetic nerve pain (in the feet)."
    assert list(cjk_wrap.words(text)) == list(cjk_wrap._rich_words(text))
    assert lines(text, 20) == ["Stem cells from", "umbilical cords, for", "diabetic nerve pain", "(in the feet)."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Opening punctuation goes with the character after it, closing with the one before, spaces after.
        ("（未知），好 B12。", ["（未", "知），", "好 ", "B12。"]),
        ("  “中”", ["  “中”"]),
        # Opening punctuation with nothing after it: the last of it that is Chinese is the character.
        ("《“ 中", ["《", "“ ", "中"]),
        ("中“‘", ["中", "“", "‘"]),  # none of it is Chinese: each is a word of its own
        ("中 … ”", ["中 ", "… ", "”"]),  # closing punctuation with nothing before it
        ("中\u3000文 ", ["中\u3000", "文 "]),  # the ideographic space is a space
        ("中   ", ["中   "]),
    ],
)
def test_a_chinese_line_is_split_into_characters_with_their_punctuation(text: str, expected: list[str]) -> None:
    split = list(cjk_wrap.words(text))
    assert [word for _start, _end, word in split] == expected
    assert all(text[start:end] == word for start, end, word in split)
