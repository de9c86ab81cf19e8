"""Where the study happens and who leads it: only facts from the trial record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalGroup
from textual.content import Content
from textual.widgets import Static

from ..session import Session


class SiteDetails(VerticalGroup):
    """Hospital, department, city, study leader and the record's link, one labelled line each."""

    def __init__(self, session: Session) -> None:
        super().__init__(classes="site-details")
        self.session = session

    def compose(self) -> ComposeResult:
        t, lang = self.session.t, self.session.lang
        trial = self.session.pack.trial
        for label, value in (
            ("summary_contact_site", trial.site.name[lang]),
            ("summary_contact_department", trial.site.department[lang]),
            ("summary_contact_city", trial.site.city[lang]),
            ("summary_contact_investigator", f"{trial.investigator[lang]}{t('comma')}{trial.investigator_role[lang]}"),
            ("summary_contact_record", trial.record_url),
        ):
            yield Static(Content(f"{t(label)}{t('colon')}{value}"))
