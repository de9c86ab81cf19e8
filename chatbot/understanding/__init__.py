"""Understand a typed answer: understood when clear, unclear (with the closest options) when not.

Never guesses: an answer that could mean two things is UNCLEAR, and the app asks again. The words live
in the content pack (`content/words/<lang>.toml`); this package only knows how answers are put together.

- `text`: typed text to tokens (NFKC, no control characters, lower case, Chinese character by character)
- `vocabulary`: the phrases of each question in each language, and reading tokens into phrases
- `answers`: yes / no / not sure and choices, with negations and hedges decided first
- `numbers`: ages and durations ("forty-five", "a year and a half", "两年半")
- `interpreter`: the Understanding that puts these together
- `meaning`: what an answer was understood as (Interpretation, Status), and why it gave none (Unclear)

`Understanding` is imported on first use (PEP 562): the app's first screens never need it, and it
brings rapidfuzz and the word tables with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .meaning import Interpretation, Status, Unclear

if TYPE_CHECKING:
    from .interpreter import Understanding
    from .text import normalise

__all__ = ["Interpretation", "Status", "Unclear", "Understanding", "normalise"]


def __getattr__(name: str) -> object:
    if name == "Understanding":
        from .interpreter import Understanding

        return Understanding
    if name == "normalise":  # its patterns are compiled on import
        from .text import normalise

        return normalise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
