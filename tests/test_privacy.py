"""Privacy: a whole conversation, in either mode and headless, writes no file and opens no connection.

The one file the app writes by itself is the validated content pack, at start, before anyone answers.

HOME, the XDG folders, TMPDIR and the working directory point at empty temporary folders, and every
open-for-writing and every network call the interpreter makes is recorded (Python's audit hooks see them
all, whatever library makes them). Only pressing "Save summary" writes, and only the file chosen.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from textual.widgets import Input

from chatbot.cli import main
from chatbot.content import ContentPack
from chatbot.content_cache import ENV_CACHE, load_content_cached
from chatbot.dialogs import Dialog, load_dialog
from chatbot.replay import converse
from chatbot.settings import Settings
from chatbot.ui.app import TrialbotApp
from chatbot.ui.drive import REPLAY_SIZE, AppDriver
from chatbot.ui.screens.save import SaveScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen

ROOT = Path(__file__).resolve().parent.parent
DIALOGS = [
    ROOT / "dialogs" / name
    for name in ("possible_match_typed.toml", "zh_possible_match_typed.toml", "stop_early_after_clear_no.toml")
]
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "socket.sendmsg"}


@dataclass
class Watch:
    """What the interpreter was asked to write or connect to while a test watched."""

    writes: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)
    active: bool = False


WATCH = Watch()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not WATCH.active:
        return
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        # A number is a file already opened (and recorded) by name; Python caching the bytecode of a module
        # imported late is the interpreter's business, not the app's.
        if writing and isinstance(path, (str, bytes)) and not os.fsdecode(path).endswith(".pyc"):
            WATCH.writes.append(os.fsdecode(path))
    elif event in _NETWORK_EVENTS:
        WATCH.network.append(f"{event}{args!r}")


# An audit hook cannot be removed, so it is added once and does nothing unless a test is watching.
sys.addaudithook(_audit)


@dataclass
class Sandbox:
    home: Path
    work: Path
    temp: Path

    def files(self) -> list[Path]:
        """Everything under the home, working and temporary folders."""
        return sorted(path for root in (self.home, self.work, self.temp) for path in root.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """Empty home, working and temporary folders; writes and connections recorded; the network refused."""
    box = Sandbox(tmp_path / "home", tmp_path / "work", tmp_path / "tmp")
    for folder in (box.home, box.work, box.temp):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(box.home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TRIALBOT_SETTINGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMPDIR", str(box.temp))
    monkeypatch.setattr(tempfile, "tempdir", str(box.temp))
    monkeypatch.chdir(box.work)

    def refuse(*args: object, **kwargs: object) -> None:
        WATCH.network.append(f"refused{args!r}")
        raise OSError("this test has no network")

    for owner, name in [
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket.socket, "sendto"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
    ]:
        monkeypatch.setattr(owner, name, refuse)
    WATCH.writes.clear()
    WATCH.network.clear()
    WATCH.active = True
    try:
        yield box
    finally:
        WATCH.active = False


def assert_left_no_trace(box: Sandbox) -> None:
    assert_left_no_trace_but(box, [])


def assert_left_no_trace_but(box: Sandbox, files: list[Path]) -> None:
    assert box.files() == sorted(files)
    assert WATCH.writes == []
    assert WATCH.network == []


async def converse_in_app(app: TrialbotApp, dialog: Dialog) -> None:
    """Play the dialog in the running app up to its summary (for the kiosk: then press Finish)."""
    async with app.run_test(size=REPLAY_SIZE) as pilot:
        driver = AppDriver(app, pilot)
        await driver.start()
        progress = await converse(dialog, driver)
        assert progress.problems == [] and isinstance(app.screen, SummaryScreen)
        if app.kiosk:
            await pilot.click("#finish")
            assert isinstance(app.screen, WelcomeScreen)


@pytest.mark.parametrize("kiosk", [False, True], ids=["patient", "kiosk"])
@pytest.mark.parametrize("path", DIALOGS, ids=lambda path: path.stem)
async def test_a_whole_conversation_in_the_app_writes_nothing_and_connects_nowhere(
    sandbox: Sandbox, pack: ContentPack, settings: Settings, kiosk: bool, path: Path
) -> None:
    dialog = load_dialog(path)
    app = TrialbotApp(pack, replace(settings, kiosk_pin="482913"), lang=dialog.language, kiosk=kiosk)
    await converse_in_app(app, dialog)
    assert_left_no_trace(sandbox)


async def test_the_one_file_the_app_writes_by_itself_is_the_validated_content_made_before_anyone_answers(
    sandbox: Sandbox, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_CACHE)  # where a real start keeps it: ~/.cache/trialbot
    started = load_content_cached()
    folder = sandbox.home / ".cache" / "trialbot"
    [kept] = folder.glob("content-*.pickle")
    assert WATCH.writes and all(folder in (Path(path), Path(path).parent) for path in WATCH.writes)
    before = kept.read_bytes()
    WATCH.writes.clear()
    dialog = load_dialog(DIALOGS[0])
    await converse_in_app(TrialbotApp(load_content_cached(), settings, lang=dialog.language), dialog)
    assert_left_no_trace_but(sandbox, [sandbox.home / ".cache", folder, kept])
    assert kept.read_bytes() == before  # written once, at the start, from the content files alone
    assert started == load_content_cached()


@pytest.mark.parametrize("command", [["replay"], ["replay", "--json"], ["replay", "--ui"]], ids=" ".join)
def test_replaying_every_kind_of_dialog_writes_nothing_and_connects_nowhere(
    sandbox: Sandbox, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, *map(str, DIALOGS)]) == 0
    capsys.readouterr()
    assert_left_no_trace(sandbox)


async def test_saving_writes_only_the_file_the_person_chose(sandbox: Sandbox, pack: ContentPack, settings: Settings) -> None:
    dialog = load_dialog(DIALOGS[0])
    app = TrialbotApp(pack, settings, lang="en")
    async with app.run_test(size=REPLAY_SIZE) as pilot:
        driver = AppDriver(app, pilot)
        await driver.start()
        await converse(dialog, driver)
        await pilot.click("#save")
        assert isinstance(app.screen, SaveScreen)
        suggested = app.screen.query_one("#save-path", Input).value
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
    saved = sandbox.home / suggested.removeprefix("~/")
    assert sandbox.files() == [saved]
    assert WATCH.writes == [str(saved)] and WATCH.network == []
