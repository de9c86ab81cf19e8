"""Site settings: what a clinic fills in (its own contact lines, kiosk PIN, idle time, "today").

Read from a TOML file (`--settings FILE` or TRIALBOT_SETTINGS) with environment overrides.
Nothing here comes from the trial record, so the summary labels these lines as the clinic's.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import field
from pathlib import Path
from typing import Annotated, Literal

from .content import ContentError, parse, read_toml
from .schema import MoreThan, Pattern, model

ENV_FILE = "TRIALBOT_SETTINGS"
ENV_PIN = "TRIALBOT_KIOSK_PIN"
ENV_TODAY = "TRIALBOT_TODAY"


# A phone number as a clinic writes it: digits (a Chinese keyboard's full-width ones too) with spaces,
# brackets, dots, dashes or slashes between, a + before, an extension after ("ext. 12", "（转8021）"), and
# more than one number ("027-82211111 或 82211112"). Letters are refused: "027-8221-111O" with a letter O,
# or an email put in the phone line, would be shown to patients as the number to call.
_NUMBER = r"[(（]?[+＋]?[0-9０-９(（][0-9０-９ ()（）./\-－—–]{3,}[0-9０-９]"
_EXTENSION = r"[\s,，]*[(（]?\s*(?:(?i:ext)\.?|(?i:x)|转|轉|分机|分機)\s*[0-9０-９]{1,6}\s*[)）]?"
_ONE_PHONE = rf"{_NUMBER}(?:{_EXTENSION})?"
_PHONE = rf"^\s*{_ONE_PHONE}(?:\s*(?:或|(?i:or)|,|，|、|;|；)\s*{_ONE_PHONE})*\s*$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


@model
class ClinicContact:
    """Contact lines a clinic adds. Every field is optional: missing is shown as missing."""

    name: str | None = None
    phone: Annotated[
        str, Pattern(_PHONE, "a phone number: digits, with spaces, brackets or dashes between (027-8221 1111, +86 27 8221 1111)")
    ] | None = None
    email: Annotated[str, Pattern(_EMAIL, "an email address: name@place.cn, with nothing else")] | None = None
    address: str | None = None
    hours: str | None = None


@model
class Settings:
    """What a clinic may set (settings file or environment); every field has a safe default."""

    today: dt.date | None = None
    """Fixes "today" (tests, snapshots); unset means the real date."""
    language: Literal["en", "zh"] = "en"
    kiosk_language: Literal["en", "zh"] | None = None
    kiosk_pin: Annotated[str, Pattern(r"^[0-9]{4,12}$", "4 to 12 digits, and nothing else")] | None = None
    idle_seconds: Annotated[float, MoreThan(0)] = 120.0
    idle_warning_seconds: Annotated[float, MoreThan(0)] = 20.0
    contact: ClinicContact = field(default_factory=ClinicContact)

    def current_date(self) -> dt.date:
        """The date the summary compares the trial's dates with."""
        return self.today or dt.date.today()


def load_settings(path: Path | str | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Settings from `path` (or TRIALBOT_SETTINGS), then environment overrides; ContentError if broken."""
    env = os.environ if environ is None else environ
    chosen = path or env.get(ENV_FILE)
    data = read_toml(Path(chosen)) if chosen else {}
    source = Path(chosen) if chosen else Path("(environment)")
    if env.get(ENV_PIN):
        data["kiosk_pin"] = env[ENV_PIN]
    if env.get(ENV_TODAY):
        data["today"] = env[ENV_TODAY]
    if not data:  # the defaults are valid: checking them would only import pydantic (see schema.py)
        return Settings()
    try:
        return parse(Settings, data, source)
    except ContentError as error:
        if error.place in ("kiosk_pin", "today") and chosen is None:
            raise ContentError(f"${ENV_PIN if error.place == 'kiosk_pin' else ENV_TODAY}", "", error.problem) from None
        raise
