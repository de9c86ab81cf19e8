"""Show what a person typed exactly as typed, and nothing more: no markup, no terminal control."""

from __future__ import annotations

import unicodedata

_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~")


def printable(text: str) -> str:
    """Replace control characters (escape sequences, NUL, bidi overrides) with visible escapes."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc" or (category == "Cf" and char not in "\u200d"):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def excerpt(text: str, limit: int = 100) -> str:
    """The start of `text`, at most `limit` characters, with "…" when something was left out."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def markdown_literal(text: str) -> str:
    """Escape `text` so Markdown shows it literally (also safe inside a table cell)."""
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in printable(text)).replace("\n", " ")
