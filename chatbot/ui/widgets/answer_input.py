"""The text box for typing an answer: always ready for typing, yet number keys still press answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from ..held_keys import HeldKeys

# Copy, cut and paste work on Textual's own clipboard; at a shared kiosk that clipboard could carry one
# person's words to the next, so these keys are simply not bound. The terminal's own paste still works.
_CLIPBOARD_ACTIONS = {"copy", "cut", "paste"}
_CURSOR_ENDS = {"home", "end"}


class AnswerInput(Input, inherit_bindings=False):
    """An Input without clipboard keys. While it is empty, the characters in `shortcuts` are not typed:
    they reach the screen's key bindings (press answer 2, show why we ask) instead, and so do Home and End
    (scroll the conversation to its start or end). Given `held_keys`,
    it types nothing into an empty box while they hold keys back: the key that answered the question
    before (or pressed Start), still held down, would fill the box with "1111"."""

    BINDINGS = [b for b in Input.BINDINGS if getattr(b, "action", None) not in _CLIPBOARD_ACTIONS]

    def __init__(
        self,
        *,
        shortcuts: str = "",
        held_keys: HeldKeys | None = None,
        held_back: Callable[[str], Awaitable[None]] | None = None,
        **options: object,
    ) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.shortcuts = shortcuts
        self.held_keys = held_keys
        self.held_back = held_back
        """Told of each character held back (it may show what the key before it meant), in order."""

    def on_mount(self) -> None:
        # Headless (tests, snapshots, `replay --ui`) nobody sees a blink: a steady cursor keeps frames the same.
        if self.app.is_headless:
            self.cursor_blink = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty box has no cursor to move: Home and End go on to the screen, which scrolls its body with them.
        if action in _CURSOR_ENDS and not self.value:
            return False
        return super().check_action(action, parameters)

    def _is_shortcut(self, character: str | None) -> bool:
        return not self.value and character is not None and character in self.shortcuts

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return not self._is_shortcut(character) and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if self._is_shortcut(event.character):
            # Not typed: the screen's key, run here, in the order the keys came. Left to bubble up to the
            # app, it ran after the keys that came with it were typed, and then, the box no longer empty,
            # the app gave it back to the box: "2型" arriving together (an input method's whole word) lost
            # its 2, and the box was left with "型".
            event.stop()
            event.prevent_default()
            await self._run_key(event.key, self.screen)
            return
        if not self.value and event.is_printable and self.held_keys is not None and not self.held_keys.may_press():
            event.stop()
            event.prevent_default()  # neither typed nor passed on (see held_keys.py)
            if self.held_back is not None and event.character:
                await self.held_back(event.character)
            return
        # Input types a character here, at once, but runs its bound keys (Backspace, the arrows, Enter)
        # only when the key has bubbled up to the app, after the keys that came with it were typed: "4",
        # then Backspace, 5, 2 arriving together (a busy kiosk, a paste of keys) gave 45, not 52, and
        # Enter could send the wrong number (Textual issue #6605). So this box runs its own keys here, in
        # the order they came.
        if await self._run_key(event.key, self):
            event.stop()
            event.prevent_default()

    async def _run_key(self, key: str, owner: Widget) -> bool:
        """Run what `owner` (this box, or its screen) binds to `key`, now; False if nothing took it."""
        for binding in owner._bindings.key_to_bindings.get(key, ()):
            if not binding.priority and await self.app.run_action(binding.action, owner):
                return True
        return False

    def watch_value(self, old: str, new: str) -> None:
        # Shortcuts work only while the box is empty: tell the key bar when that changes.
        if bool(old) != bool(new) and self.is_attached:
            self.screen.refresh_bindings()
