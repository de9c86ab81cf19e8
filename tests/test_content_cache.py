"""The validated content pack kept between runs (chatbot/content_cache.py): read when nothing changed,
validated again when anything did, never a way for a broken file to get through."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chatbot import content
from chatbot.content import ContentError, load_content
from chatbot.content_cache import ENV_CACHE, cache_folder, load_content_cached
from chatbot.engine import Screening
from chatbot.settings import Settings
from chatbot.summary import render_summary
from chatbot.understanding import Understanding

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the real content pack, to change."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own cache folder."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_toml(path: Path) -> dict[str, object]:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(content, "read_toml", read_toml)


def test_the_second_start_reads_the_validated_pack_without_parsing_the_files(
    copy: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_content_cached(copy)
    assert len(kept(folder)) == 1 and first == load_content(copy)
    no_parsing(monkeypatch)
    second = load_content_cached(copy)
    assert second == first and second is not first
    # Its templates are compiled on first use (saving a summary), and render as the validated pack's do.
    assert "templates" not in vars(second)
    summary = render_summary(Screening(second), Understanding(second), Settings(), "en")
    assert "NCT05507697" in summary and summary == render_summary(Screening(first), Understanding(first), Settings(), "en")


def test_a_changed_file_is_read_again_and_a_broken_one_still_stops_the_start(copy: Path, folder: Path) -> None:
    load_content_cached(copy)
    questions = copy / "questions.toml"
    questions.write_text(questions.read_text(encoding="utf-8").replace("How old are you?", "What is your age?"), encoding="utf-8")
    changed = load_content_cached(copy)
    assert changed.question("age").text["en"] == "What is your age?"
    assert len(kept(folder)) == 1  # the pack of the old content is gone
    questions.write_text(questions.read_text(encoding="utf-8") + "\n[[questions]]\nid = 3\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content_cached(copy)
    assert "questions.toml" in str(error.value)
    assert len(kept(folder)) == 1  # only a pack that passed is kept


def test_a_broken_template_still_stops_the_start(copy: Path, folder: Path) -> None:
    load_content_cached(copy)
    (copy / "templates" / "summary.txt.j2").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(ContentError, match="summary.txt.j2.*template error"):
        load_content_cached(copy)


def test_a_damaged_cache_file_is_replaced_by_a_pack_validated_again(copy: Path, folder: Path) -> None:
    load_content_cached(copy)
    [path] = kept(folder)
    path.write_bytes(b"not a pickle")
    assert load_content_cached(copy) == load_content(copy)
    with path.open("rb") as handle:
        assert isinstance(pickle.load(handle), content.ContentPack)


def test_a_cache_folder_that_cannot_be_made_is_skipped(copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_CACHE, str(blocker / "cache"))
    assert load_content_cached(copy) == load_content(copy)


def test_off_keeps_nothing(copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CACHE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() is None
    assert load_content_cached(copy) == load_content(copy)
    assert not (tmp_path / "xdg").exists()


def test_the_default_folder_follows_xdg_and_is_private(copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_CACHE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_content_cached(copy)
    folder = tmp_path / "xdg" / "trialbot"
    assert len(kept(folder)) == 1
    assert folder.stat().st_mode & 0o077 == 0  # a pickle runs code when read: nobody else may write here


def test_a_start_from_the_cache_without_settings_loads_neither_the_template_engine_nor_the_validator(
    folder: Path,
) -> None:
    load_content_cached()
    code = (
        "import sys; from chatbot.content_cache import load_content_cached; from chatbot.settings import load_settings;"
        "pack = load_content_cached(); settings = load_settings(environ={});"
        "print(len(pack.questions), settings.idle_seconds,"
        " *[m for m in ('jinja2', 'pydantic', 'chatbot.understanding.text') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["22", "120.0"]


def test_the_pack_is_kept_only_while_the_code_that_checks_it_is_unchanged() -> None:
    """A new message the code needs is listed in message_keys.py: a pack kept from before it was listed
    would start the app, which would then stop at that message."""
    import ast

    from chatbot import content_cache

    hashed = {path.resolve() for path in content_cache.code_files()}
    assert all(path.is_file() for path in hashed)
    checks = Path(content_cache.__file__).with_name("content.py")
    imported = {
        node.module for node in ast.walk(ast.parse(checks.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 1
    }
    package = checks.parent
    for module in imported - {"literal"}:  # literal.py writes text for the screen: it does not check the pack
        assert (package / (module.replace(".", "/") + ".py")).resolve() in hashed, module


def planted(folder: Path, copy: Path) -> content.ContentPack:
    """The kept pack replaced by another one, as someone else could put it there: a pack that names another study."""
    load_content_cached(copy)
    [path] = kept(folder)
    pack = load_content(copy)
    other = dataclasses.replace(pack, trial=dataclasses.replace(pack.trial, nct_id="NCT00000000"))
    path.write_bytes(pickle.dumps(other))
    return other


@pytest.mark.parametrize("shared", ["folder", "file"])
def test_a_pack_that_others_may_write_is_not_read(copy: Path, folder: Path, shared: str) -> None:
    other = planted(folder, copy)
    assert load_content_cached(copy) == other  # read while only its owner may write to it
    [path] = kept(folder)
    (folder if shared == "folder" else path).chmod(0o777 if shared == "folder" else 0o666)
    assert load_content_cached(copy).trial.nct_id == "NCT05507697"


def test_a_pack_that_belongs_to_someone_else_is_not_read(copy: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted(folder, copy)
    monkeypatch.setattr("os.getuid", lambda: folder.stat().st_uid + 1)  # the folder and file are another account's
    assert load_content_cached(copy).trial.nct_id == "NCT05507697"
