"""The pack is complete in Simplified Chinese, and a Chinese summary shows no English sentence of ours."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest

from chatbot.content import ContentPack
from chatbot.dialogs import load_dialog
from chatbot.engine import Screening
from chatbot.replay import HeadlessDriver, converse
from chatbot.settings import ClinicContact, Settings
from chatbot.summary import Format, render_summary
from chatbot.understanding import Understanding

DIALOGS = Path(__file__).resolve().parent.parent / "dialogs"
FORMATS: tuple[Format, ...] = ("txt", "md")
_PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^{}]*)?\}")  # a date's says how it is written: {today:%Y年%m月%d日}


def texts(node: Any, place: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    """Every language-keyed text under `node` (a dumped content model), with where it sits."""
    if isinstance(node, dict) and "en" in node and all(isinstance(v, str) for v in node.values()):
        yield place, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, f"{place}.{key}")
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from texts(value, f"{place}[{index}]")


def all_texts(pack: ContentPack) -> list[tuple[str, dict[str, str]]]:
    """The texts of the whole pack: trial facts, criteria, questions and messages."""
    return [
        *texts(asdict(pack.trial), "trial"),
        *(t for c in pack.criteria.values() for t in texts(asdict(c), f"criteria.{c.id}")),
        *(t for q in pack.questions for t in texts(asdict(q), f"questions.{q.id}")),
        *texts(pack.messages, "messages"),
    ]


def screened_in_chinese(pack: ContentPack, dialog_name: str) -> Screening:
    """A screening answered by pressing Chinese buttons, as a Chinese reader would."""
    driver = HeadlessDriver(pack, Understanding(pack), "zh")
    progress = asyncio.run(converse(load_dialog(DIALOGS / f"{dialog_name}.toml"), driver))
    assert progress.problems == [], dialog_name
    return driver.screening


# Button-only dialogs (plus digits), so these tests do not depend on how typed Chinese is understood.
OUTCOMES = ("zh_possible_match", "zh_foot_ulcer", "zh_cancer_unsure")


def test_chinese_is_a_complete_language(pack: ContentPack) -> None:
    assert pack.languages == ("en", "zh")


def test_every_text_in_the_pack_has_chinese(pack: ContentPack) -> None:
    found = all_texts(pack)
    assert len(found) > 200, "the walk found too few texts to be the whole pack"
    missing = [place for place, text in found if not text.get("zh", "").strip()]
    assert missing == []


def names(text: str) -> list[str]:
    return [found.strip("{}").split(":")[0] for found in _PLACEHOLDER.findall(text)]


def test_chinese_keeps_every_placeholder(pack: ContentPack) -> None:
    differ = [
        place for place, text in all_texts(pack)
        if sorted(names(text["en"])) != sorted(names(text["zh"]))
    ]
    assert differ == []


def test_the_investigator_keeps_the_records_spelling(pack: ContentPack) -> None:
    """The record gives the name only in Latin letters; inventing characters would invent a fact."""
    assert "Shi Zhao" in pack.trial.investigator["zh"]


def english_phrases(pack: ContentPack) -> set[str]:
    """The English words of every text of ours, cut at placeholders, that a Chinese reader must not see."""
    kept_on_purpose = {pack.trial.investigator["en"]}  # the record spells the name only in Latin letters
    phrases = set()
    for _, text in all_texts(pack):
        for part in _PLACEHOLDER.split(text["en"]):
            phrase = part.strip(" .,:;()\"'")
            if re.search(r"[A-Za-z]{2}", phrase) and phrase not in kept_on_purpose:
                phrases.add(phrase)
    return phrases


def leaked(pack: ContentPack, summary: str) -> list[str]:
    """The English phrases of ours that appear in `summary`, apart from the record's own English titles."""
    trial = pack.trial
    # The record's titles are shown on purpose, labelled as the record's English: leave them out of the search.
    for title in (trial.official_title, *(r.title for r in trial.related_trials)):
        summary = summary.replace(title, "")
    return sorted(p for p in english_phrases(pack) if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", summary))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dialog_name", OUTCOMES)
def test_a_chinese_summary_has_no_english_sentence_of_ours(
    pack: ContentPack, understanding: Understanding, settings: Settings, dialog_name: str, fmt: Format
) -> None:
    summary = render_summary(screened_in_chinese(pack, dialog_name), understanding, settings, "zh", fmt)
    assert leaked(pack, summary) == []


def test_the_search_for_english_would_catch_a_leak(pack: ContentPack, understanding: Understanding, settings: Settings) -> None:
    """Guard against a test that cannot fail: in the English summary it finds our sentences."""
    summary = render_summary(screened_in_chinese(pack, "zh_possible_match"), understanding, settings, "en", "txt")
    found = leaked(pack, summary)
    assert "You may be a match for this study. Only the study team can say for sure" in found
    assert len(found) > 20


@pytest.mark.parametrize("dialog_name", OUTCOMES)
def test_the_chinese_summary_says_the_outcome_and_the_hospital(
    pack: ContentPack, understanding: Understanding, settings: Settings, dialog_name: str
) -> None:
    screening = screened_in_chinese(pack, dialog_name)
    summary = render_summary(screening, understanding, settings, "zh", "md")
    assert pack.text(f"outcome_{screening.outcome()}", "zh") in summary
    assert "武汉市中心医院" in summary and "内分泌科" in summary and "湖北省武汉市" in summary


def test_a_not_eligible_chinese_summary_gives_the_reason_in_chinese(pack: ContentPack, understanding: Understanding, settings: Settings) -> None:
    summary = render_summary(screened_in_chinese(pack, "zh_foot_ulcer"), understanding, settings, "zh", "txt")
    assert pack.criteria["foot_ulcer"].not_met["zh"] in summary


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_saved_chinese_summary_is_valid_utf8(
    pack: ContentPack, understanding: Understanding, settings: Settings, tmp_path: Path, fmt: Format
) -> None:
    contact = ClinicContact(name="内分泌科研究办公室", hours="周一至周五 8:00-17:00")
    with_contact = replace(settings, contact=contact)
    summary = render_summary(screened_in_chinese(pack, "zh_possible_match"), understanding, with_contact, "zh", fmt)
    saved = tmp_path / f"summary.{fmt}"
    saved.write_text(summary, encoding="utf-8")
    read_back = saved.read_bytes().decode("utf-8", errors="strict")
    assert read_back == summary
    assert "武汉市中心医院" in read_back and "内分泌科研究办公室" in read_back

