"""The app's parts that need no screen: the PIN guard, the QR code, the summary file, the UI texts."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path

import pytest
import segno

from app_steps import FakeClock
from chatbot.content import ContentPack
from chatbot.engine import Screening
from chatbot.settings import Settings
from chatbot.summary import render_summary
from chatbot.ui.breakpoints import size_classes
from chatbot.ui.pin_guard import PinGuard, PinResult
from chatbot.ui.qr import QUIET_ZONE, qr_text
from chatbot.ui.summary_file import summary_format, write_summary
from chatbot.understanding import Understanding

ROOT = Path(__file__).resolve().parents[2]
UI_TEXTS = ROOT / "content" / "messages" / "ui.toml"
CODE = ROOT / "chatbot"
"""Where the app's words are used: its screens, and the core's reading back of answers (summary.py)."""


def test_three_wrong_pins_lock_for_30_seconds_then_each_lock_doubles() -> None:
    clock = FakeClock()
    guard = PinGuard("1234", clock)
    assert [guard.check("0000") for _ in range(3)] == [PinResult.WRONG, PinResult.WRONG, PinResult.LOCKED]
    assert guard.seconds_locked() == 30 and guard.check("1234") is PinResult.LOCKED
    clock.advance(30)
    assert [guard.check("0000") for _ in range(3)][-1] is PinResult.LOCKED
    assert guard.seconds_locked() == 60


def test_the_right_pin_opens_and_resets_the_count() -> None:
    guard = PinGuard("1234", FakeClock())
    guard.check("0000")
    guard.check("0000")
    assert guard.check("1234") is PinResult.RIGHT
    assert guard.check("0000") is PinResult.WRONG


def test_the_qr_code_text_holds_exactly_the_codes_modules() -> None:
    url = "https://clinicaltrials.gov/study/NCT05507697"
    expected = [[not dark for dark in row] for row in segno.make(url, error="l", boost_error=False).matrix_iter(border=QUIET_ZONE)]
    halves = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}
    decoded: list[list[bool]] = []
    for line in qr_text(url).splitlines():
        pairs = [halves[char] for char in line]
        decoded += [[top for top, _ in pairs], [bottom for _, bottom in pairs]]
    assert decoded[: len(expected)] == expected


def test_a_summary_file_is_owner_only_and_never_replaced_silently(
    pack: ContentPack, understanding: Understanding, settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "mine.txt"
    write_summary(Screening(pack), understanding, settings, "en", path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == render_summary(Screening(pack), understanding, settings, "en", "txt")
    with pytest.raises(FileExistsError):
        write_summary(Screening(pack), understanding, settings, "en", path)


def test_replacing_refuses_to_follow_a_link(
    pack: ContentPack, understanding: Understanding, settings: Settings, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("not yours", encoding="utf-8")
    link = tmp_path / "summary.txt"
    link.symlink_to(target)
    with pytest.raises(OSError):
        write_summary(Screening(pack), understanding, settings, "en", link, replace=True)
    assert target.read_text(encoding="utf-8") == "not yours"


def test_markdown_for_md_names_and_text_otherwise() -> None:
    assert [summary_format(Path(name)) for name in ("a.md", "b.MARKDOWN", "c.txt", "d")] == ["md", "md", "txt", "txt"]


def _ui_messages() -> dict[str, dict[str, str]]:
    with UI_TEXTS.open("rb") as handle:
        return tomllib.load(handle)["messages"]  # type: ignore[no-any-return]


def test_every_ui_text_is_in_english_and_chinese() -> None:
    missing = [key for key, text in _ui_messages().items() if not (text.get("en", "").strip() and text.get("zh", "").strip())]
    assert missing == []


def test_every_ui_text_is_used_and_every_used_text_exists(pack: ContentPack) -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in CODE.rglob("*.py"))
    used = set(re.findall(r"[\"'](ui_[a-z_]+)[\"']", code))
    # Language names are looked up as f"ui_language_name_{lang}".
    defined = {key for key in _ui_messages() if not key.startswith("ui_language_name_")}
    assert sorted(defined - used) == []
    assert sorted(key for key in used if key not in pack.messages) == []
    assert all(f"ui_language_name_{lang}" in pack.messages for lang in pack.languages)


@pytest.mark.parametrize(
    ("size", "classes"),
    [
        ((59, 17), {"-too-narrow", "-too-short"}),
        ((60, 18), {"-narrow", "-short"}),
        ((80, 29), {"-medium", "-short"}),
        ((99, 30), {"-medium", "-tall"}),
        ((100, 50), {"-wide", "-tall"}),
    ],
)
def test_size_classes_at_each_breakpoint(size: tuple[int, int], classes: set[str]) -> None:
    assert size_classes(*size) == classes
