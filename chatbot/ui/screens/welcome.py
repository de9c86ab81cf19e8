"""The first screen: what this is and is not, privacy, language, Start."""

from __future__ import annotations

import math

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from ...summary import status_notice
from ..breakpoints import KeysWaitWhenTooSmall, fit
from ..keys import FOCUS_KEYS, SCROLL_KEYS
from ..messages import ChooseLanguage, ShowAbout, StartConversation
from ..session import Session
from ..widgets.action_bar import ActionBar, press_numbered
from ..widgets.key_bar import KeyBar
from ..widgets.too_small import TooSmall
from .scrolling import ScrollsBody

SECONDS_PER_QUESTION = 15
"""A generous reading-and-answering time per question, for the "about N minutes" estimate."""


class WelcomeScreen(KeysWaitWhenTooSmall, ScrollsBody, Screen[None], inherit_bindings=False):
    """Welcome: 1 (or Enter) starts, 2 opens About the study, 3 and up choose a language."""

    BINDINGS = [
        *FOCUS_KEYS,
        Binding("1", "press(1)", "ui_key_start"),
        Binding("2", "press(2)", "ui_key_about"),
        *(Binding(str(n), f"press({n})", show=False) for n in range(3, 10)),
        # Enter is the key many people press first. A button Tab has reached takes it itself.
        Binding("enter", "press(1)", show=False),
        *SCROLL_KEYS,
    ]
    BODY = "welcome-body"
    # Nothing has the keyboard at first: Enter is the screen's (it ignores a held key), and the first Tab
    # goes to Start.
    AUTO_FOCUS = None

    def __init__(self, session: Session) -> None:
        super().__init__()
        fit(self)
        self.session = session

    def compose(self) -> ComposeResult:
        t = self.session.t
        questions = self.session.screening.progress()[1]
        minutes = math.ceil(questions * SECONDS_PER_QUESTION / 60)
        yield TooSmall(self.session)
        with HorizontalGroup(classes="topbar"):
            yield Static(Content(t("ui_app_title")), id="title")
            if len(self.session.languages) > 1:
                # In the top bar, where any screen shows it first: below the welcome text, at 80x24 in the
                # kiosk, 中文 was below the fold, and someone who reads only Chinese saw no Chinese at all.
                languages = [(f"lang-{lang}", self.session.language_name(lang)) for lang in self.session.languages]
                yield ActionBar(languages, first=3, current=f"lang-{self.session.lang}", id="languages")
        with VerticalScroll(id="welcome-body", can_focus=False), VerticalGroup(classes="column"):
            yield Static(Content(t("ui_welcome_heading")), classes="heading")
            yield Static(Content(self.session.pack.trial.brief_title[self.session.lang]), classes="subheading")
            yield Static(Content(t("ui_welcome_what", questions=questions, minutes=minutes)))
            notice = status_notice(self.session.pack, self.session.settings.current_date(), self.session.lang)
            if notice is not None:
                yield Static(Content(notice), classes="important", id="status-notice")
            yield Static(Content(t("ui_welcome_not")), classes="important")
            privacy = "ui_welcome_privacy_kiosk" if self.session.kiosk else "ui_welcome_privacy"
            yield Static(Content(t(privacy)))
            yield Static(Content(t("ui_welcome_keys")), classes="hint")
            yield ActionBar([("start", t("ui_start")), ("about", t("ui_about_button"))], id="welcome-actions")
        yield KeyBar(self.session)

    @property
    def focus_chain(self) -> list[Widget]:
        """Textual's order (top to bottom), with the languages last: the first Tab goes to Start."""
        chain = super().focus_chain
        languages = [widget for widget in chain if widget.parent is not None and widget.parent.id == "languages"]
        return [widget for widget in chain if widget not in languages] + languages

    def action_press(self, number: int) -> None:
        """Press the button with this number (start, about, then the languages)."""
        if not self.session.held_keys.may_press():
            return  # the key that closed the screen before, still held (see held_keys.py)
        press_numbered(self, number)

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.post_message(StartConversation())

    @on(Button.Pressed, "#about")
    def _about(self) -> None:
        self.post_message(ShowAbout())

    @on(Button.Pressed, "#languages Button")
    def _language(self, event: Button.Pressed) -> None:
        self.post_message(ChooseLanguage((event.button.id or "").removeprefix("lang-")))
