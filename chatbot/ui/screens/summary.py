"""The summary: the outcome, the criteria table with the person's answers, next steps, status, contacts.

Patient mode can save it to a file; the kiosk shows a QR code of the record link instead (a shared
machine must not write anyone's answers to its disk).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from ...literal import printable
from ...models import Outcome
from ...summary import rows, short_answers, status_lines
from ..breakpoints import KeysWaitWhenTooSmall, fit
from ..keys import FOCUS_KEYS, SCROLL_KEYS
from ..messages import ChooseLanguage, ShowAbout, StartAgain
from ..session import Session
from ..widgets.action_bar import ActionBar, press_numbered
from ..widgets.criteria_table import CriteriaTable
from ..widgets.key_bar import KeyBar
from ..widgets.qr_code import QrCode
from ..widgets.site_details import SiteDetails
from ..widgets.too_small import TooSmall
from .confirm import ConfirmScreen
from .once import ClosesOnce
from .save import SaveScreen
from .scrolling import ScrollsBody


class SummaryScreen(KeysWaitWhenTooSmall, ScrollsBody, ClosesOnce, Screen[str | None], inherit_bindings=False):
    """Dismissed with the id of the question whose answer the person chose to change (`ChangeAnswerScreen`);
    Start again / Finish go to the app."""

    BINDINGS = [
        *FOCUS_KEYS,
        *(Binding(str(n), f"press({n})", show=False) for n in range(1, 5)),
        # Not in the key bar: the About button shows its number key, and two keys for it puzzled people.
        Binding("a", "about", "ui_key_about", show=False),
        # A person who switched language at a question by mistake was left with the result in it.
        Binding("ctrl+l", "language", "ui_key_language"),
        *SCROLL_KEYS,
    ]
    BODY = "summary-body"

    def __init__(self, session: Session, changed: str | None = None) -> None:
        super().__init__()
        fit(self)
        self.session = session
        self.changed = changed
        """The question whose answer was just changed: the answer is said first, as the list of answers names it
        ("Age: 34 years")."""
        self.saved_to: Path | None = None
        """Where the summary was saved: kept, not the sentence that says so, which after Ctrl+L stayed in the
        language it was saved in."""

    def compose(self) -> ComposeResult:
        session = self.session
        t, lang, pack, screening = session.t, session.lang, session.pack, session.screening
        outcome = screening.outcome()
        yield TooSmall(self.session)
        yield Static(Content(t("summary_title")), classes="topbar")
        with VerticalScroll(id="summary-body", can_focus=False), VerticalGroup(classes="column"):
            changed = self._changed()
            if changed is not None:
                yield Static(Content(t("ui_answer_changed", answer=changed)), id="changed")
            yield Static(Content(t(f"outcome_{outcome}")), id="outcome", classes=f"-{outcome}")
            yield Static(Content(t("summary_not_a_decision")), classes="important")
            failed = screening.failed()
            if failed:
                yield Static(Content(t("summary_reasons_heading")), classes="heading")
                for criterion in failed:
                    yield Static(Content(f"• {criterion.not_met[lang]}"), classes="reason")
                yield Static(Content(t("summary_change_answer")))
            if outcome is not Outcome.IN_PROGRESS:
                yield Static(Content(t("summary_next_heading")), classes="heading")
                # The kiosk saves no summary, so a possible match takes the QR code away instead.
                kiosk_match = session.kiosk and outcome is Outcome.POSSIBLE_MATCH
                yield Static(Content(t("ui_kiosk_next_possible_match") if kiosk_match else t(f"summary_next_{outcome}")))
            yield Static(Content(t("summary_status_heading")), classes="heading")
            for line in status_lines(pack, session.settings.current_date(), lang):
                yield Static(Content(line), classes="warning")
            # The details are made, laid out and drawn a frame after the verdict (see `on_mount`).
            yield VerticalGroup(id="summary-details")
        if session.kiosk:
            yield Static(Content(t("ui_kiosk_not_saved")), id="save-status")
        else:
            yield Static(Content(self._saved_line()), id="save-status")
        yield ActionBar(self._actions(), id="summary-actions")
        yield KeyBar(self.session)

    def _details(self) -> Iterator[Widget]:
        """The table of the person's answers, the study's contacts and related studies, and the date."""
        session = self.session
        t, lang, pack, screening = session.t, session.lang, session.pack, session.screening
        trial = pack.trial
        if session.kiosk:
            yield QrCode(trial.record_url)
            yield Static(Content(t("ui_qr_caption")), classes="hint")
        yield Static(Content(t("summary_table_heading")), classes="heading")
        yield CriteriaTable(
            rows(screening, session.understanding, lang),
            (t("summary_col_need"), t("summary_col_result"), t("summary_col_answer")),
            t("summary_no_answer"),
        )
        yield Static(Content(t("summary_contact_heading")), classes="heading")
        yield SiteDetails(session)
        yield Static(Content(t("summary_contact_missing")), classes="hint")
        contact = session.settings.contact
        clinic = [v for v in (contact.name, contact.phone, contact.email, contact.address, contact.hours) if v]
        if clinic:
            yield Static(Content(t("summary_clinic_contact_heading")), classes="heading")
            for value in clinic:
                yield Static(Content(printable(value)))
        yield Static(Content(t("summary_related_heading")), classes="heading")
        for related in trial.related_trials:
            yield Static(Content(f"• {related.nct_id}{t('colon')}{related.title}"))
        made = t("summary_date", today=session.settings.current_date(), nct_id=trial.nct_id)
        yield Static(Content(made), classes="hint")

    def _actions(self) -> list[tuple[str, str]]:
        t = self.session.t
        if self.session.kiosk:
            return [("change", t("ui_change_button")), ("finish", t("ui_finish")), ("about", t("ui_about_button"))]
        return [
            ("save", t("ui_save_button")),
            ("change", t("ui_change_button")),
            ("start-again", t("ui_start_again")),
            ("about", t("ui_about_button")),
        ]

    def on_mount(self) -> None:
        # The verdict first: making, laying out and drawing the table, contacts and related studies as
        # well would double the wait before the person sees it. The details follow in the next frame.
        self.call_after_refresh(self._show_details)

    async def recompose(self) -> None:
        """Draw the screen again (Ctrl+L, in the other language), its details too: `on_mount` is not called again,
        and the table of answers, the contacts and the related studies were gone after a language change."""
        await super().recompose()
        self.call_after_refresh(self._show_details)

    async def _show_details(self) -> None:
        if self.is_attached:  # not closed meanwhile (a wipe, or a key pressed at once)
            await self.query_one("#summary-details").mount_all(self._details())

    def action_press(self, number: int) -> None:
        if self.session.held_keys.may_press():  # not the key of the last answer, still held (see held_keys.py)
            press_numbered(self, number)

    def _changed(self) -> str | None:
        if self.changed is None:
            return None
        session = self.session
        lines = short_answers(session.screening, session.understanding, session.lang)
        return next((line for question_id, line in lines if question_id == self.changed), None)

    def action_about(self) -> None:
        self.post_message(ShowAbout())

    def action_language(self) -> None:
        self.post_message(ChooseLanguage(self.session.next_language()))

    @on(Button.Pressed, "#about")
    def _about(self) -> None:
        self.post_message(ShowAbout())

    @on(Button.Pressed, "#change")
    def _change(self) -> None:
        from .change_answer import ChangeAnswerScreen  # the screens the first question does not show load late

        if self.is_active:  # a double click opens one list, not a second one under Escape
            self.app.push_screen(ChangeAnswerScreen(self.session), self._chosen)

    def _chosen(self, question_id: str | None) -> None:
        if question_id is not None:
            self.dismiss(question_id)

    @on(Button.Pressed, "#finish")
    def _finish(self) -> None:
        self.post_message(StartAgain())

    @on(Button.Pressed, "#start-again")
    def _start_again(self) -> None:
        t = self.session.t
        question = ConfirmScreen(
            self.session, t("ui_start_again_question"), t("ui_start_again_yes"), t("ui_start_again_no")
        )
        self.app.push_screen(question, lambda yes: self.post_message(StartAgain()) if yes else None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.app.push_screen(SaveScreen(self.session), self._saved)

    def _saved(self, path: Path | None) -> None:
        if path is not None:
            self.saved_to = path
            self.query_one("#save-status", Static).update(Content(self._saved_line()))

    def _saved_line(self) -> str:
        """"Saved to ...", in the language shown now; "" before anything is saved."""
        if self.saved_to is None:
            return ""
        return self.session.t("ui_saved", path=printable(str(self.saved_to)))
