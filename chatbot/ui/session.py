"""What every screen is given: the content, the site settings, one person's screening, the language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..content import ContentPack
from ..engine import Screening
from ..settings import Settings
from .held_keys import HeldKeys

if TYPE_CHECKING:
    from ..understanding import Understanding


@dataclass
class Session:
    """The app's state, passed down to the screens. The screening engine owns the person's answers."""

    pack: ContentPack
    settings: Settings
    lang: str
    kiosk: bool = False
    shared_understanding: Understanding | None = field(default=None, repr=False)
    """An Understanding to use (tests and replays share one); None: one is built on the first typed answer."""
    held_keys: HeldKeys = field(default_factory=HeldKeys, repr=False)
    """When number keys may press answers (a held key answers one question, not several)."""
    screening: Screening = field(init=False)

    def __post_init__(self) -> None:
        self.screening = Screening(self.pack)

    @property
    def understanding(self) -> Understanding:
        """How typed answers are read. Built when first needed: most answers are buttons, and building it
        loads rapidfuzz and the word tables, which the first screens do not need. Built again on a new day: a
        kiosk started in December and still running in January read "last year" as December's."""
        today = self.settings.current_date()
        if self.shared_understanding is None or self.shared_understanding.today != today:
            from ..understanding import Understanding

            self.shared_understanding = Understanding(self.pack, today)
        return self.shared_understanding

    def t(self, key: str, **values: object) -> str:
        """The message `key` in the current language (from content/messages/)."""
        return self.pack.text(key, self.lang, **values)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the person can choose: only the complete ones in the content pack."""
        return self.pack.languages

    def next_language(self) -> str:
        """The language Ctrl+L switches to: the next one offered, round to the first."""
        languages = self.languages
        return languages[(languages.index(self.lang) + 1) % len(languages)]

    def language_name(self, lang: str) -> str:
        """A language's own name ("English", "中文"), for its button."""
        return self.t(f"ui_language_name_{lang}")
