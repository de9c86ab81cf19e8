"""What every screen is given: the content, the site settings, one person's screening, the language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import ContentPack
from ..engine import Screening
from ..settings import Settings
from ..understanding import Understanding


@dataclass
class Session:
    """The app's state, passed down to the screens. The screening engine owns the person's answers."""

    pack: ContentPack
    settings: Settings
    understanding: Understanding
    lang: str
    kiosk: bool = False
    screening: Screening = field(init=False)

    def __post_init__(self) -> None:
        self.screening = Screening(self.pack)

    def t(self, key: str, **values: object) -> str:
        """The message `key` in the current language (from content/messages/)."""
        return self.pack.text(key, self.lang, **values)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the person can choose: only the complete ones in the content pack."""
        return self.pack.languages

    def language_name(self, lang: str) -> str:
        """A language's own name ("English", "中文"), for its button."""
        return self.t(f"ui_language_name_{lang}")
