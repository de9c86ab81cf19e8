"""Every scripted dialog replays headless with the verdicts it expects; scripts fail loudly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from chatbot.content import ContentPack, parse
from chatbot.dialogs import Dialog, load_dialog
from chatbot.replay import replay_headless

from conftest import FIXED_TODAY  # noqa: E402  (tests/ is on sys.path under pytest's rootdir)

DIALOGS = sorted((Path(__file__).resolve().parent.parent / "dialogs").glob("*.toml"))


def test_there_are_enough_dialogs() -> None:
    assert len(DIALOGS) >= 25


@pytest.mark.parametrize("path", DIALOGS, ids=[p.stem for p in DIALOGS])
def test_dialog_replays_as_expected(pack: ContentPack, path: Path) -> None:
    [result] = replay_headless({str(path): load_dialog(path)}, pack, FIXED_TODAY)  # not the day CI runs on
    assert result.problems == []


def make(**fields: object) -> Dialog:
    return parse(Dialog, {"title": "t", "answers": {}, "expect": {"outcome": "possible_match"}, **fields}, Path("t"))


def test_a_missing_answer_names_the_question(pack: ContentPack) -> None:
    [result] = replay_headless({"d": make(answers={"age": "50"})}, pack)
    assert result.problems == ['the script has no answer for question "sex"']


def test_running_out_of_attempts_after_a_reask_is_reported(pack: ContentPack) -> None:
    [result] = replay_headless({"d": make(answers={"age": "banana"})}, pack)
    assert result.problems == ['"age" was asked again but the script has no more answers for it']


def test_a_wrong_expectation_fails(pack: ContentPack) -> None:
    dialog = dataclasses.replace(load_dialog(DIALOGS[0]), expect=make().expect)
    [result] = replay_headless({"d": dialog}, pack)
    assert not result.passed
    assert "outcome is" in result.problems[0]


def test_a_broken_verdict_rule_makes_a_dialog_fail(pack: ContentPack) -> None:
    """Guard against tests that cannot fail: flip one rule and a dialog must notice."""
    hiv = pack.question("hiv")
    broken_rule = dataclasses.replace(hiv.rules[0], verdicts={"yes": "met", "no": "met", "unsure": "unknown"})
    broken = dataclasses.replace(hiv, rules=[broken_rule])
    questions = tuple(broken if q.id == "hiv" else q for q in pack.questions)
    broken_pack = dataclasses.replace(pack, questions=questions, question_index={q.id: q for q in questions})
    path = next(p for p in DIALOGS if p.stem == "exclusion_hiv")
    [result] = replay_headless({str(path): load_dialog(path)}, broken_pack)
    assert not result.passed
