"""The `trialbot` command: the app (default), `replay`, `check` and `understand`.

Imports stay light here: the Textual app is imported only when it is started.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from . import garbage
from .content import ContentError, ContentPack, load_content
from .content_cache import load_content_cached
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .engine import Screening
    from .understanding import Interpretation

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with --help on every command."""
    parser = _Parser(
        prog="trialbot",
        description="Pre-screening chatbot for clinical trial NCT05507697 (stem cells for diabetic nerve pain). "
        "It helps people see if they may be a match; the study team decides.",
    )
    parser.add_argument("--kiosk", action="store_true", help="run full screen for a clinic kiosk (needs a PIN)")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the conversation (default: settings)")
    parser.add_argument("--settings", metavar="FILE", help="site settings file (default: $TRIALBOT_SETTINGS)")
    parser.add_argument("--content", metavar="DIR", help="content pack folder (default: the project's content/)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    replay = commands.add_parser("replay", help="replay scripted dialogs and check their expectations")
    replay.add_argument("files", nargs="+", metavar="FILE", help="dialog files (TOML)")
    replay.add_argument("--json", action="store_true", help="print each dialog's outcome, verdicts and turns")
    replay.add_argument("--ui", action="store_true", help="replay through the real app, headless")

    commands.add_parser("check", help="validate the content pack and show its coverage and reading level")

    understand = commands.add_parser("understand", help="show how a typed answer is understood")
    understand.add_argument("question", nargs="?", metavar="QUESTION_ID")
    understand.add_argument("text", nargs="?", metavar="TEXT")
    understand.add_argument(
        "--jsonl", action="store_true", help='read lines {"question": id, "text": ...} on stdin, write JSON lines'
    )
    # SUPPRESS keeps a `trialbot --lang zh understand ...` given before the command.
    understand.add_argument("--lang", choices=["en", "zh"], default=argparse.SUPPRESS, help="language of the answer")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    app = args.command is None
    if app:  # its first screen sooner (see garbage.py)
        garbage.pause_for_start_up()
    try:
        # The app reads the pack validated at an earlier start if nothing changed since (content_cache.py);
        # the commands, `check` above all, always validate the files themselves.
        pack = load_content_cached(args.content) if app else load_content(args.content)
        settings = load_settings(args.settings)
        if args.command == "replay":
            return _replay(pack, settings, args)
        if args.command == "check":
            return _check(pack)
        if args.command == "understand":
            return _understand(pack, settings, parser, args)
        return _run_app(pack, settings, args)
    except ContentError as error:
        print(f"trialbot: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`trialbot check | head`): a traceback, and another as Python flushed the output
        # on its way out. The standard library's advice: point the output at nothing, and exit quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        garbage.resume()


def _run_app(pack: ContentPack, settings: Settings, args: argparse.Namespace) -> int:
    from .ui.app import run_app

    default = settings.kiosk_language if args.kiosk and settings.kiosk_language else settings.language
    return run_app(pack, settings, lang=args.lang or default, kiosk=args.kiosk)


def _replay(pack: ContentPack, settings: Settings, args: argparse.Namespace) -> int:
    from .dialogs import load_dialog

    dialogs = {path: load_dialog(path) for path in args.files}
    if args.ui:
        from .ui.drive import replay_in_app

        results = replay_in_app(dialogs, pack, settings)
    else:
        from .replay import replay_headless

        results = replay_headless(dialogs, pack, settings.current_date())
    for result in results:
        print(json.dumps(result.as_json(), ensure_ascii=False) if args.json else result.line())
    if not args.json:
        passed = sum(r.passed for r in results)
        print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(r.passed for r in results) else 1


def _check(pack: ContentPack) -> int:
    from . import readability

    trial = pack.trial
    print(f"Content pack {pack.directory}: valid")
    print(f"  trial {trial.nct_id}, languages: {', '.join(pack.languages)}")
    print(f"  {len(pack.criteria)} criteria, {len(pack.questions)} questions")
    print("\nCoverage (criterion <- questions that inform it):")
    for criterion_id, criterion in pack.criteria.items():
        questions = ", ".join(q.id for q in pack.questions_for(criterion_id))
        confirm = " [study team confirms]" if criterion.study_team_confirms else ""
        print(f"  {criterion.kind:<9} {criterion_id:<20} <- {questions}{confirm}")
    print(f"\nAll {len(pack.criteria)} criteria are covered.")
    _render_every_summary(pack)

    print("\nReading level (Flesch-Kincaid grade, English):")
    if not readability.available():
        print("  not measured: textstat is missing (pip install -e '.[test]')")
        return 0
    too_hard = []
    for where, text, is_question in readability.patient_texts(pack):
        score = readability.grade(text)
        flag = ""
        if is_question and score > readability.QUESTION_GRADE_LIMIT:
            flag = f"  <- above grade {readability.QUESTION_GRADE_LIMIT:g}"
            too_hard.append(where)
        print(f"  {score:5.1f}  {where}{flag}")
    if too_hard:
        print(f"\n{len(too_hard)} question text(s) above grade {readability.QUESTION_GRADE_LIMIT:g}: {', '.join(too_hard)}")
        return 1
    print(f"\nEvery question text is at grade {readability.QUESTION_GRADE_LIMIT:g} or below.")
    return 0


def _render_every_summary(pack: ContentPack) -> None:
    """Render both summary templates in every language, so a wrong message key or placeholder shows now:
    with no answers and with an answer that rules the person out (its reasons), without and with every
    contact line a clinic can set. A template that renders nothing is an error too (an empty file saved)."""
    import jinja2

    from .engine import Screening
    from .settings import ClinicContact
    from .summary import render_summary
    from .understanding import Understanding

    understanding = Understanding(pack)
    contact = ClinicContact(name="-", phone="-", email="-", address="-", hours="-")
    for screening in (Screening(pack), _ruled_out(pack)):
        for settings in (Settings(), Settings(contact=contact)):
            for lang in pack.languages:
                for fmt in ("txt", "md"):
                    template = pack.directory / "templates" / f"summary.{fmt}.j2"
                    try:
                        rendered = render_summary(screening, understanding, settings, lang, fmt)
                    except (KeyError, IndexError, AttributeError, jinja2.TemplateError) as error:
                        raise ContentError(template, f"language {lang}", f"cannot be rendered: {error!r}") from None
                    if not rendered.strip():
                        raise ContentError(template, f"language {lang}", "renders nothing")
    print(f"Summary templates render in {', '.join(pack.languages)}.")


def _ruled_out(pack: ContentPack) -> Screening:
    """A screening with one answer that rules the person out, so the summary has reasons to show."""
    from .engine import Screening

    for question in pack.questions:
        values = question.answer_values() or [question.max, question.min]
        for value in values:
            screening = Screening(pack)
            if value is not None and screening.answer(question.id, value, ""):
                return screening
    return Screening(pack)


def _understand(pack: ContentPack, settings: Settings, parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .understanding import Understanding

    understanding = Understanding(pack, settings.current_date())  # "last year" is read by the date the app would use
    lang = args.lang or "en"
    if args.jsonl:
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                question = pack.question(item["question"])
                text = item["text"]
                line_lang = item.get("lang", lang)
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
                if line_lang not in pack.words:
                    raise ValueError(f'no words for language "{line_lang}"')
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                print(json.dumps({"line": number, "error": f"bad input line: {error}"}))
                continue
            meaning = understanding.interpret(question, text, line_lang)
            print(json.dumps(_meaning_json(meaning), ensure_ascii=False))
        return 0
    if args.question is None or args.text is None:
        parser.error("understand needs QUESTION_ID and TEXT, or --jsonl")
    if args.question not in pack.question_index:
        parser.error(f'unknown question "{args.question}"')
    meaning = understanding.interpret(pack.question(args.question), args.text, lang)
    print(json.dumps(_meaning_json(meaning), ensure_ascii=False))
    return 0


def _meaning_json(meaning: Interpretation) -> dict[str, object]:
    from .understanding import Status

    value = meaning.value
    return {
        "value": sorted(value) if isinstance(value, frozenset) else value,
        "confidence": round(meaning.confidence, 3),
        "status": str(meaning.status),
        "reason": meaning.reason,
        "suggestions": list(meaning.suggestions),
        "inexact": meaning.inexact,
        "why_unclear": str(meaning.why_unclear) if meaning.status is Status.UNCLEAR else None,
    }


if __name__ == "__main__":
    sys.exit(main())
