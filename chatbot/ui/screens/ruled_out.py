"""The moment an answer clearly rules the person out: say so gently, and let them choose what next."""

from __future__ import annotations

from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from ..session import Session
from ..widgets.action_bar import ActionBar
from .dialog import DialogScreen


class RuledOutChoice(StrEnum):
    SEE_RESULT = "see-result"
    GO_ON = "go-on"
    CHANGE = "change-answer"


class RuledOutScreen(DialogScreen[RuledOutChoice]):
    """Why this answer does not fit (the criteria's own kind words), then: result now, go on, or change."""

    def __init__(self, session: Session, criteria: list[str]) -> None:
        super().__init__(session)
        self.criteria = criteria

    def body(self) -> ComposeResult:
        t, lang, pack = self.session.t, self.session.lang, self.session.pack
        yield Static(Content(t("ruled_out_now")), classes="heading")
        for criterion_id in self.criteria:
            yield Static(Content(f"• {pack.criteria[criterion_id].not_met[lang]}"), classes="reason")
        yield Static(Content(t("ui_ruled_out_choice")))
        yield ActionBar(
            [
                (RuledOutChoice.SEE_RESULT, t("ui_see_result")),
                (RuledOutChoice.GO_ON, t("ui_go_on")),
                (RuledOutChoice.CHANGE, t("ui_change_this_answer")),
            ],
            id="ruled-out-actions",
        )

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(RuledOutChoice(event.button.id))
