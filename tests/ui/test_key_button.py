"""A KeyButton made while the app runs is styled once, when mounted, and then looks as a Button would."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.dom import DOMNode
from textual.widgets import Button

from chatbot.ui.widgets.action_bar import ActionBar, KeyButton


class Buttons(App[None]):
    def compose(self) -> ComposeResult:
        yield ActionBar([("first", "First")])


async def test_a_key_button_is_not_styled_while_it_is_made_and_is_styled_as_a_button_once_mounted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Buttons()
    async with app.run_test() as pilot:
        styled: list[DOMNode] = []
        update_styles = app.update_styles

        def counted(node: DOMNode, animate: bool = True) -> None:
            styled.append(node)
            update_styles(node, animate)

        monkeypatch.setattr(app, "update_styles", counted)
        made = KeyButton(2, "Second", id="second", variant="primary")
        assert styled == []
        plain = Button("2  Second", id="plain", variant="primary", compact=True)
        assert plain in styled  # what it saves: Textual styles a plain button as it is made
        bar = app.query_one(ActionBar)
        await bar.mount_all([made, plain])
        await pilot.pause()
        assert str(made.label) == str(plain.label) == "2  Second"
        assert made.has_class("-primary", "-textual-compact")
        assert made.styles.background == plain.styles.background
        assert made.outer_size == plain.outer_size and made.outer_size.height == 1  # compact: one line
