"""A key held down, or pressed twice by a finger that cannot feel it, answers one question, not several.

A terminal sends a held key again and again: after a first pause (at most about two thirds of a second
with common systems' default settings), then 25 to 33 times a second. It never says which presses are
repeats. Held on "2", the app answered "A man", then "type 1 diabetes" (answer 2 then), then chose an
option of the "this study may not be right for you" message that was there to make the person stop and
read, then "No".

So when something new is on screen (a question, a message, another screen), number keys that would press
an answer wait `SETTLE_SECONDS`, and each key held back holds back the next for `REPEAT_SECONDS` more: a
held key does nothing more until it is let go. Nobody reads a new question that fast; a key pressed too
soon does nothing, and pressing it again works. The answer box types nothing into itself meanwhile while
it is empty (Start held down filled the age box with "11111111"); once something is typed, every key
counts. The PIN and file-name boxes never wait.

No Textual here: the clock is injected, so tests move time forward instead of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

SETTLE_SECONDS = 0.8
"""Longer than a held key's first pause with common systems' default settings (0.25 to 0.66 s)."""
REPEAT_SECONDS = 0.2
"""Longer than the gap between a held key's repeats (30 to 40 ms), shorter than pressing again on purpose."""
TICK_AGAIN_SECONDS = 1.0
"""How long after a tick the same answer's tick box does not take it back: pressed twice, or held, it
ticked and unticked (an even number of presses left it empty). Another answer's box ticks at once."""


@dataclass
class HeldKeys:
    """When number keys may press answers. `settle_seconds=0`: always (scripted players, most tests)."""

    clock: Callable[[], float] = time.monotonic
    settle_seconds: float = SETTLE_SECONDS
    quiet_until: float = float("-inf")
    last_tick: tuple[object, float] = (None, float("-inf"))
    """The tick box last changed, and until when the same box ignores another press."""

    def moved_on(self) -> None:
        """Something new is on screen: hold number keys back for a moment."""
        self.quiet_until = self.clock() + self.settle_seconds

    def may_tick(self, box: object) -> bool:
        """May a press change tick box `box` now? Not right after it changed: each press held back holds
        back the next (a held key's repeats); another box always may. Turned off with `settle_seconds=0`."""
        if not self.settle_seconds:
            return True
        now = self.clock()
        last, until = self.last_tick
        if last == box and now < until:
            self.last_tick = (box, max(until, now + REPEAT_SECONDS))
            return False
        self.last_tick = (box, now + TICK_AGAIN_SECONDS)
        return True

    def may_press(self) -> bool:
        """May a number key press an answer now? One held back holds back the ones right after it."""
        now = self.clock()
        if now < self.quiet_until:
            self.quiet_until = max(self.quiet_until, now + REPEAT_SECONDS)
            return False
        return True
