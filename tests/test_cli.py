"""The command line: check, replay, understand, help, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chatbot.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess, as a person would."""
    return subprocess.run(
        [sys.executable, "-m", "chatbot", *args], capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=120
    )


def test_check_lists_every_criterion_as_covered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "All 19 criteria are covered." in out
    for criterion in ("hiv", "refractory", "severe_neuropathy", "age", "healthy_volunteers"):
        assert f" {criterion} " in out


def test_replay_prints_one_line_per_dialog_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(ROOT / "dialogs" / name) for name in ("possible_match.toml", "age_17.toml")]
    assert main(["replay", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["PASS", "PASS"]
    assert lines[-1] == "2 passed, 0 failed"


def test_replay_json_has_outcome_verdicts_and_turns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "--json", str(ROOT / "dialogs" / "age_17.toml")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["outcome"] == "not_eligible"
    assert result["verdicts"]["age"] == "not_met"
    assert result["turns"][0] == {"question": "age", "said": "17", "status": "understood", "understood_as": 17.0}


def test_replay_exits_1_when_a_dialog_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "wrong.toml"
    wrong.write_text((ROOT / "dialogs" / "age_17.toml").read_text().replace('outcome = "not_eligible"', 'outcome = "possible_match"'))
    assert main(["replay", str(wrong)]) == 1
    assert capsys.readouterr().out.startswith(f"FAIL {wrong}: outcome is not_eligible, expected possible_match")


def test_understand_prints_the_interpretation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["understand", "hiv", "no"]) == 0
    meaning = json.loads(capsys.readouterr().out)
    assert meaning["value"] == "no" and meaning["status"] == "understood"


@pytest.mark.parametrize(("today", "status"), [("2027-01-10", "unclear"), ("2027-06-10", "understood")])
def test_understand_reads_last_year_by_the_settings_date(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, today: str, status: str
) -> None:
    """In January, last year may be inside "the last 3 months"; the command read it by the real date."""
    monkeypatch.setenv("TRIALBOT_TODAY", today)
    assert main(["understand", "recent_study", "no, the last one was in 2026"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == status


def test_understand_jsonl_answers_line_by_line() -> None:
    lines = '{"question": "age", "text": "45"}\n{"question": "age", "text": "450"}\nnot json\n'
    result = run("understand", "--jsonl", stdin=lines)
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["value"] == 45 and out[0]["status"] == "understood"
    assert out[1]["status"] == "out_of_range"
    assert "error" in out[2]


@pytest.mark.parametrize("command", [[], ["replay"], ["check"], ["understand"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0 and "usage: trialbot" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "fr"], "invalid choice"),
        (["replay"], "the following arguments are required"),
        (["replay", "no/such/dialog.toml"], "no/such/dialog.toml: file not found"),
        (["understand", "shoe_size", "42"], 'unknown question "shoe_size"'),
        (["--settings", "no/such/settings.toml", "check"], "file not found"),
    ],
)
def test_bad_arguments_and_missing_files_give_one_line_and_exit_2(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_content_exits_2_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "trial.toml").write_text("languages = [", encoding="utf-8")
    result = run("--content", str(tmp_path), "check")
    assert result.returncode == 2
    assert result.stderr.startswith(f"trialbot: {tmp_path / 'trial.toml'}: not valid TOML")
    assert "Traceback" not in result.stderr


def test_output_cut_short_by_its_reader_gives_no_traceback() -> None:
    """`trialbot check | head` printed two tracebacks (BrokenPipeError) once head had its lines."""
    process = subprocess.Popen(
        [sys.executable, "-m", "chatbot", "check"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the first line: every write finds the reader gone
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert errors == ""


def test_a_settings_file_with_a_wrong_type_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "settings.toml"
    bad.write_text('idle_seconds = "soon"\n', encoding="utf-8")
    result = run("--settings", str(bad), "check")
    assert result.returncode == 2
    assert f"{bad}: idle_seconds:" in result.stderr


def test_check_renders_the_summaries_and_catches_an_unknown_message_key(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    template = content / "templates" / "summary.txt.j2"
    template.write_text(template.read_text(encoding="utf-8").replace('t("summary_title")', 't("summary_titel")'), encoding="utf-8")
    result = run("--content", str(content), "check")
    assert result.returncode == 2
    assert "summary.txt.j2: language en: cannot be rendered: KeyError('summary_titel')" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # Only a clinic's settings show the contact lines, and only a ruled-out summary its reasons: `check`
        # rendered neither, and said the templates were fine.
        ("contact.phone", "contact.telephone", "has no attribute 'telephone'"),
        ('t("summary_reasons_heading")', 't("summary_reasons")', "KeyError('summary_reasons')"),
        (None, "", "summary.txt.j2: language en: renders nothing"),  # Save wrote an empty file
    ],
)
def test_check_renders_every_part_of_the_summaries(tmp_path: Path, old: str | None, new: str, expected: str) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    template = content / "templates" / "summary.txt.j2"
    text = template.read_text(encoding="utf-8")
    assert old is None or old in text
    template.write_text(text.replace(old, new) if old is not None else new, encoding="utf-8")
    result = run("--content", str(content), "check")
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_garbage_collection_waits_while_the_app_starts_and_is_on_again_after(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import chatbot.ui.app

    seen: list[bool] = []

    def run_app(*_args: object, **_kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(chatbot.ui.app, "run_app", run_app)
    assert gc.isenabled()
    assert main(["--lang", "en"]) == 0
    assert seen == [False]  # off while the content is loaded and the app starts (it turns it on itself)
    assert gc.isenabled()  # and never left off, however the app ended
    assert main(["check"]) == 0 and gc.isenabled()  # other commands leave it alone
