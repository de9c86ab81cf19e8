"""Requests the screens send up to the app: the app owns navigation between people and languages."""

from __future__ import annotations

from textual.message import Message


class StartConversation(Message):
    """The person pressed Start on the welcome screen."""


class ChooseLanguage(Message):
    """Show everything in `lang` from now on (answers are kept)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang


class ShowAbout(Message):
    """Open "About the study" on top of whatever is showing."""


class StartAgain(Message):
    """Forget this person entirely and return to the welcome screen ("Start again", "Finish")."""
