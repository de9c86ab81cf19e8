"""An error nothing handled: the person sees an apology, never a traceback with their answers in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The app started headless with the first screen broken by an error whose frame holds an answer, as a
# summary being saved holds the person's answers.
BROKEN_START = """
import sys
from chatbot.content import load_content
from chatbot.settings import Settings
from chatbot.ui.app import TrialbotApp, run_app
from chatbot.ui.screens import welcome

def compose(self):
    answer = "MY-ANSWER-52"
    raise RuntimeError(f"cannot show {answer}")
    yield

welcome.WelcomeScreen.compose = compose
TrialbotApp.run = lambda self, _run=TrialbotApp.run: _run(self, headless=True, size=(80, 24))
sys.exit(run_app(load_content(None), Settings(), lang="en"))
"""


def start_broken(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRIALBOT_CACHE": "off", **environment}
    return subprocess.run(
        [sys.executable, "-c", BROKEN_START], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_an_error_shows_an_apology_and_where_it_happened_but_no_answer_and_exits_1() -> None:
    done = start_broken(TRIALBOT_TRACEBACK="")
    shown = " ".join((done.stdout + done.stderr).split())  # as the terminal's width wrapped it
    assert done.returncode == 1  # a staff exit is 0: a kiosk's restart loop can tell them apart
    assert "please ask the staff for help" in shown.lower() and "请找工作人员帮忙" in shown
    assert "For staff: RuntimeError at <string>, line 10." in shown
    assert "MY-ANSWER-52" not in shown and "Traceback" not in shown


def test_a_developer_can_ask_for_the_whole_traceback() -> None:
    done = start_broken(TRIALBOT_TRACEBACK="1")
    assert done.returncode == 1
    assert "Traceback" in done.stdout + done.stderr
