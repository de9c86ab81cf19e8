"""Write the saved summary: only where the person asked, owner-only (0600), never silently replacing a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Screening
from ..settings import Settings
from ..summary import Format, render_summary

if TYPE_CHECKING:
    from ..understanding import Understanding

OWNER_ONLY = 0o600


def summary_format(path: Path) -> Format:
    """Markdown for a .md (or .markdown) name, plain text otherwise."""
    return "md" if path.suffix.lower() in (".md", ".markdown") else "txt"


def resolve(typed: str) -> Path:
    """The path a person typed, with ~ expanded, made absolute so the confirmation shows exactly where."""
    return Path(typed.strip()).expanduser().absolute()


def write_summary(
    screening: Screening, understanding: Understanding, settings: Settings, lang: str, path: Path, *, replace: bool = False
) -> None:
    """Write the summary to `path` as UTF-8 with mode 0600.

    Without `replace`, an existing file makes it raise FileExistsError (O_EXCL: no race either).
    With `replace` (the person confirmed), the file is truncated and its mode set to 0600; a symbolic
    link is refused rather than followed, so a link cannot redirect the write elsewhere.
    """
    text = render_summary(screening, understanding, settings, lang, summary_format(path))
    if replace:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
    else:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    descriptor = os.open(path, flags, OWNER_ONLY)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
        if replace:
            os.fchmod(descriptor, OWNER_ONLY)
        handle.write(text)
