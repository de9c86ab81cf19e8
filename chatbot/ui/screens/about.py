"""About the study: facts from the trial record only, in plain words, with its honest status."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...summary import status_lines
from ..breakpoints import KeysWaitWhenTooSmall, fit
from ..keys import FOCUS_KEYS, SCROLL_KEYS
from ..session import Session
from ..widgets.action_bar import ActionBar
from ..widgets.key_bar import KeyBar
from ..widgets.site_details import SiteDetails
from ..widgets.too_small import TooSmall
from .once import ClosesOnce
from .scrolling import ScrollsBody


class AboutScreen(KeysWaitWhenTooSmall, ScrollsBody, ClosesOnce, Screen[None], inherit_bindings=False):
    """Opened over any screen; 1 or Escape closes it."""

    BINDINGS = [
        *FOCUS_KEYS,
        Binding("1", "close", "ui_key_close"),
        Binding("escape", "close", show=False),
        *SCROLL_KEYS,
    ]
    BODY = "about-body"
    AUTO_FOCUS = None  # the first Tab goes to Close

    def __init__(self, session: Session) -> None:
        super().__init__()
        fit(self)
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        t, lang = session.t, session.lang
        trial = session.pack.trial
        yield TooSmall(self.session)
        yield Static(Content(t("ui_about_heading")), classes="topbar")
        with VerticalScroll(id="about-body", can_focus=False), VerticalGroup(classes="column"):
            yield Static(Content(trial.brief_title[lang]), classes="heading")
            yield Static(Content(trial.plain_purpose[lang]))
            yield Static(Content(t("summary_status_heading")), classes="heading")
            for line in status_lines(session.pack, session.settings.current_date(), lang):
                yield Static(Content(line), classes="warning")
            yield Static(Content(t("ui_about_who")), classes="heading")
            yield Static(Content(t("ui_about_who_text", min=trial.minimum_age, max=trial.maximum_age)))
            yield Static(Content(t("ui_about_groups")), classes="heading")
            yield Static(Content(trial.design[lang]))
            for arm in trial.arms:
                yield Static(Content(f"• {arm.plain[lang]}"))
            yield Static(Content(t("summary_follow_up", weeks=trial.follow_up_weeks)))
            yield Static(Content(t("ui_about_size", people=trial.enrollment, nct_id=trial.nct_id)))
            yield Static(Content(t("ui_about_where")), classes="heading")
            yield SiteDetails(session)
        yield ActionBar([("close", t("ui_close"))], id="about-actions")
        yield KeyBar(self.session)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
