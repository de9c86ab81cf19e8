"""The text box for typing an answer, without clipboard keys."""

from __future__ import annotations

from textual.widgets import Input

# Copy, cut and paste work on Textual's own clipboard; at a shared kiosk that clipboard could carry one
# person's words to the next, so these keys are simply not bound. The terminal's own paste still works.
_CLIPBOARD_ACTIONS = {"copy", "cut", "paste"}


class AnswerInput(Input, inherit_bindings=False):
    """An Input whose key bindings are Input's own, minus copy / cut / paste."""

    BINDINGS = [b for b in Input.BINDINGS if getattr(b, "action", None) not in _CLIPBOARD_ACTIONS]

    def on_mount(self) -> None:
        # Headless (tests, snapshots, `replay --ui`) nobody sees a blink: a steady cursor keeps frames the same.
        if self.app.is_headless:
            self.cursor_blink = False
