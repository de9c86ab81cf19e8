"""The floor: a bare Textual app (a label, two buttons, an input) started headless to its first frame.

Run as a script, it starts, paints once, exits, and prints its peak memory as JSON.
"""

from __future__ import annotations

import json

from textual.app import App, ComposeResult
from textual.widgets import Button, Input, Label


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Hello")
        yield Button("Yes")
        yield Button("No")
        yield Input()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run(headless=True)
    from app_start import peak_memory_kib

    print(json.dumps({"peak_kib": peak_memory_kib()}))
