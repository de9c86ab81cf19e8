"""The kiosk's staff PIN check, rate-limited: a few wrong tries lock it, each lock twice as long.

No Textual here: the clock is injected, so tests move time forward instead of sleeping.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

TRIES_BEFORE_LOCK = 3
FIRST_LOCK_SECONDS = 30.0


class PinResult(StrEnum):
    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass
class PinGuard:
    """Checks PINs against the configured one; after 3 wrong tries it refuses every try for a while."""

    pin: str
    clock: Callable[[], float]
    wrong_in_a_row: int = 0
    locks: int = 0
    locked_until: float = 0.0

    def seconds_locked(self) -> int:
        """Whole seconds until tries are accepted again (0 when not locked)."""
        left = self.locked_until - self.clock()
        return max(0, int(-(-left // 1)))

    def check(self, entered: str) -> PinResult:
        """Check one try. While locked, tries are refused without being compared or counted."""
        if self.seconds_locked():
            return PinResult.LOCKED
        # compare_digest: the time taken does not tell how much of the PIN was right.
        if hmac.compare_digest(entered.encode(), self.pin.encode()):
            self.wrong_in_a_row = 0
            self.locks = 0
            return PinResult.RIGHT
        self.wrong_in_a_row += 1
        if self.wrong_in_a_row >= TRIES_BEFORE_LOCK:
            self.locked_until = self.clock() + FIRST_LOCK_SECONDS * 2**self.locks
            self.locks += 1
            self.wrong_in_a_row = 0
            return PinResult.LOCKED
        return PinResult.WRONG
