"""Save the summary: ask where, never replace a file without asking, say clearly what happened."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Input, Static

from ...literal import printable
from ..summary_file import resolve, write_summary
from ..widgets.action_bar import ActionBar
from ..widgets.answer_input import AnswerInput
from .confirm import ConfirmScreen
from .dialog import DialogScreen


class SaveScreen(DialogScreen[Path | None]):
    """Dismissed with the path written, or None when the person cancels."""

    def body(self) -> ComposeResult:
        t = self.session.t
        suggested = f"~/trialbot-summary-{self.session.settings.current_date().isoformat()}.txt"
        yield Static(Content(t("ui_save_heading")), classes="heading")
        yield Static(Content(t("ui_save_where")))
        yield AnswerInput(value=suggested, id="save-path", select_on_focus=False)
        yield Static("", id="save-problem", classes="warning")
        actions = [("save-ok", t("ui_save_ok")), ("cancel", t("ui_cancel"))]
        yield ActionBar(actions, keys=["enter", "esc"], id="save-actions")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save-ok")
    @on(Input.Submitted, "#save-path")
    def _save(self) -> None:
        typed = self.query_one("#save-path", Input).value
        if not typed.strip():
            self._problem(self.session.t("ui_save_no_name"))
            return
        path = resolve(typed)
        if path.is_dir():  # it was "There is already a file called ... Replace it?", then "Is a directory"
            self._problem(self.session.t("ui_save_folder", path=printable(str(path))))
            return
        try:
            self._write(path, replace=False)
        except FileExistsError:
            t = self.session.t
            question = ConfirmScreen(
                self.session, t("ui_save_exists", path=printable(str(path))), t("ui_save_replace"), t("ui_save_keep")
            )
            self.app.push_screen(question, lambda yes: self._replace(path) if yes else None)

    def _replace(self, path: Path) -> None:
        self._write(path, replace=True)

    def _write(self, path: Path, *, replace: bool) -> None:
        """Write, and close with the path; a problem (no such folder, no permission) is shown instead."""
        session = self.session
        try:
            write_summary(session.screening, session.understanding, session.settings, session.lang, path, replace=replace)
        except FileExistsError:
            raise
        except OSError as error:
            problem = error.strerror or str(error)
            self._problem(session.t("ui_save_failed", path=printable(str(path)), problem=problem))
            return
        self.dismiss(path)

    def _problem(self, text: str) -> None:
        self.query_one("#save-problem", Static).update(Content(text))
