"""Closing a screen exactly once."""

from __future__ import annotations

from typing import Any, cast

from textual.await_complete import AwaitComplete
from textual.screen import Screen


class ClosesOnce:
    """Mixin for screens: `dismiss` does nothing once the screen is no longer on top.

    Textual's `dismiss` pops whatever screen is on top. Two quick presses of a closing key would otherwise
    close this screen and then the one below it (the conversation, say). A plain mixin, not a Screen
    subclass, so the screen keeps its own default styles (a dialog's ModalScreen styles).
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not cast(Screen[Any], self).is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc, no-any-return]
