"""Every scripted dialog, replayed through the real app (Pilot pressing its buttons, typing in its box),
ends exactly as the headless replay does: same outcome, same verdicts, same turns."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from chatbot.content import ContentPack, load_content
from chatbot.dialogs import load_dialog
from chatbot.replay import replay_headless
from chatbot.settings import Settings
from chatbot.ui.drive import replay_in_app

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = sorted((ROOT / "dialogs").glob("*.toml"))
# A Pilot step waits for the app to go quiet, so one replay leaves the CPU half idle: several at
# once finish the whole set in a fraction of the time, and each still runs alone in its own process.
WORKERS = 2 * (os.cpu_count() or 1)


@cache
def _pack() -> ContentPack:
    return load_content(ROOT / "content")


def replay_one_in_app(path: str, settings: Settings) -> dict[str, Any]:
    """Replay one dialog through the app (in a worker process) and return the result as JSON data."""
    [result] = replay_in_app({path: load_dialog(path)}, _pack(), settings)
    return result.as_json()


def test_every_dialog_ends_the_same_through_the_app_as_headless(pack: ContentPack, settings: Settings) -> None:
    paths = [str(path) for path in DIALOGS]
    headless = [r.as_json() for r in replay_headless({p: load_dialog(p) for p in paths}, pack, settings.current_date())]
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: no event loop inherited from pytest
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=spawn) as pool:
        through_app = list(pool.map(replay_one_in_app, paths, [settings] * len(paths)))
    problems = {result["path"]: result["problems"] for result in through_app if result["problems"]}
    assert problems == {}
    differences = [app["path"] for app, head in zip(through_app, headless, strict=True) if app != head]
    assert differences == []


def test_the_app_replay_notices_a_wrong_expectation(pack: ContentPack, settings: Settings) -> None:
    """Guard against a replay that cannot fail: expect the wrong outcome, and the app replay says so."""
    path = str(ROOT / "dialogs" / "exclusion_hiv.toml")
    dialog = load_dialog(path)
    wrong = replace(dialog, expect=replace(dialog.expect, outcome="possible_match"))
    [result] = replay_in_app({path: wrong}, pack, settings)
    assert result.problems == ["outcome is not_eligible, expected possible_match"]
