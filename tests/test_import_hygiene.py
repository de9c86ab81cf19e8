"""Import hygiene: the core never imports Textual (only chatbot/ui may); the app loads late what it needs late."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from chatbot.content_cache import ENV_CACHE, load_content_cached

PACKAGE = Path(__file__).resolve().parent.parent / "chatbot"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_textual() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]
    assert core
    offenders = [str(p.relative_to(PACKAGE)) for p in core if {"textual", "rich"} & imported_modules(p)]
    assert offenders == []


def test_loading_and_screening_headless_does_not_load_textual() -> None:
    code = (
        "import sys; from chatbot import cli, content, engine, replay, summary, understanding;"
        "pack = content.load_content(); engine.Screening(pack);"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_app_shows_its_first_question_without_loading_what_only_later_screens_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Start-up time: the answer interpreter (with rapidfuzz and its compiled patterns) waits for the first
    # typed answer, the QR code library for the kiosk's summary, the dialog replayer for a replay, the
    # other screens (and their widgets) for when they are first shown, the validator, the TOML parser and
    # the tokenizer (which checks the words files) for content or settings not read from the cache (see
    # test_content_cache.py). The content comes from the cache, as on every start but the first.
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    load_content_cached()
    code = (
        "import sys, asyncio;"
        "from chatbot.content_cache import load_content_cached; from chatbot.settings import Settings;"
        "from chatbot.ui.app import TrialbotApp; from chatbot.ui.messages import StartConversation;"
        "from chatbot.ui.screens.conversation import ConversationScreen\n"
        "app = TrialbotApp(load_content_cached(), Settings(), lang='en')\n"
        "async def main():\n"
        "    async with app.run_test() as pilot:\n"
        "        app.post_message(StartConversation())\n"
        "        while not isinstance(app.screen, ConversationScreen): await pilot.pause()\n"
        "        print(app.screen.question.id, *sorted(m for m in ('rapidfuzz', 'segno', 'chatbot.replay',"
        " 'chatbot.understanding.interpreter', 'chatbot.understanding.text', 'chatbot.ui.screens.about',"
        " 'chatbot.ui.screens.idle', 'chatbot.ui.screens.pin', 'chatbot.ui.screens.ruled_out',"
        " 'chatbot.ui.screens.summary', 'chatbot.ui.widgets.criteria_table') if m in sys.modules))\n"
        "asyncio.run(main())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["age"]
