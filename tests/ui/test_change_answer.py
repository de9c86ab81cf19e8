"""Change an answer, from the summary: a list of every answer by its question's short name, picked by number
key on pages of nine; the question picked is asked again, and the summary comes back with the new answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Static

from app_steps import answer_until, current_id, press_answers, start, summary_table, text_of, type_answer, until
from chatbot.ui.app import TrialbotApp
from chatbot.ui.screens.change_answer import ChangeAnswerScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.widgets.key_bar import KeyBar

MakeApp = Callable[..., TrialbotApp]

FIRST_PAGE = [
    "1  Age: 52 years",
    "2  Woman or man: A man",
    "3  Diabetes: Yes, type 2 diabetes",
    "4  Doctor said nerve damage: Yes",
    "5  Symptoms: Pain in my feet or legs, Numb feet (they feel dead or asleep)",
    "6  Started with or after diabetes: Yes",
    "7  Medicines: Lipoic acid (also called thioctic acid), Methylcobalamin (a kind of vitamin B12), Epalrestat",
    "8  How long: 18 months",
    "9  Since then: No better, or worse",
]
LAST_PAGE = ["1  Alcohol or drugs: No", "2  Consent form: Yes", "3  Visits for 2 years: Yes"]


async def open_the_list(pilot: Pilot[int], typed: dict[str, str] | None = None) -> ChangeAnswerScreen:
    """Answer every question as someone who may be a match (typing the answers in `typed`), then press 2
    (Change an answer) on the summary."""
    await start(pilot)
    for question_id, words in (typed or {}).items():
        await answer_until(pilot, stop=question_id)
        await type_answer(pilot, words)
    await answer_until(pilot)
    assert isinstance(pilot.app.screen, SummaryScreen)
    await pilot.press("2")
    screen = pilot.app.screen
    assert isinstance(screen, ChangeAnswerScreen)
    return screen


def rows(screen: ChangeAnswerScreen) -> list[str]:
    return [text_of(button) for button in screen.query("#change-rows Button").results(Button)]


async def test_the_list_shows_each_answer_by_short_name_and_the_one_picked_is_asked_again(make_app: MakeApp) -> None:
    """A reviewer playing a patient pressed Esc 18 times to reach the age: Change an answer reopened the last question."""
    app = make_app()
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_the_list(pilot)
        answered = len(app.session.screening.answers)
        assert rows(screen) == FIRST_PAGE
        await pilot.press("1")
        assert current_id(app) == "age"
        assert text_of(app.screen.query_one("#before", Static)) == "Before, you answered: 52 years"
        await type_answer(pilot, "fity")
        table = await summary_table(pilot)
        assert "50 years" in table and "52 years" not in table
        assert len(app.session.screening.answers) == answered  # the others are kept
        # What "fity" was read as is said first, not only deep in the table (in the kiosk, below the QR code).
        assert text_of(app.screen.query_one("#changed", Static)) == "Your answer has been changed. Age: 50 years"


@pytest.mark.parametrize(
    ("lang", "typed", "row"),
    [("en", "26 weeks", "8  How long: 26 weeks (about 6 months)"), ("zh", "两年", "8  用了多久：2 年（24 个月）")],
)
async def test_a_time_is_listed_as_the_conversation_read_it_back(
    make_app: MakeApp, lang: str, typed: str, row: str
) -> None:
    """"How long: 24 months" to someone who said 2 years, where the conversation had said "2 years (24 months)"."""
    app = make_app(lang=lang)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_the_list(pilot, {"treatment_months": typed})
        assert rows(screen)[7] == row


async def test_later_answers_are_on_pages_that_0_page_down_and_page_up_turn(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_the_list(pilot)
        assert text_of(screen.query_one("#progress", Static)) == "Page 1 of 3"
        await pilot.press("pagedown")
        assert rows(screen)[0] == "1  Planning a baby: No"
        await pilot.press("0")
        assert rows(screen) == LAST_PAGE
        assert text_of(screen.query_one("#next-page", Button)) == "0  Back to page 1"
        await pilot.press("pagedown")  # no page after the last
        assert rows(screen) == LAST_PAGE
        await pilot.press("pageup")
        assert rows(screen)[0] == "1  Planning a baby: No"
        await pilot.press("0", "0")
        assert rows(screen) == FIRST_PAGE
        await pilot.press("pagedown", "pagedown", "2")
        assert current_id(app) == "consent"


async def test_a_page_of_nine_is_in_view_at_60x18_even_in_the_kiosk(make_kiosk: MakeApp) -> None:
    """Wrapped, the long answers (symptoms, medicines) pushed the ninth row out of sight, and 9 picked it unseen."""
    app = make_kiosk()
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot)
        await pilot.press("1")  # Change an answer: the kiosk's summary has no Save
        screen = app.screen
        assert isinstance(screen, ChangeAnswerScreen)
        await pilot.pause()
        view = screen.query_one("#change-body").region
        assert [button.region in view for button in screen.query("#change-rows Button")] == [True] * 9


async def test_escape_closes_the_list_and_the_summary_is_there_again(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_the_list(pilot)
        summary, answers = app.screen_stack[-2], app.session.screening.answers
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is summary and not screen.is_attached
        assert app.session.screening.answers == answers


async def test_an_answer_changed_so_another_question_applies_asks_it_then_shows_the_summary(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_the_list(pilot)
        await pilot.press("2")  # Woman or man: A man
        assert current_id(app) == "sex"
        await press_answers(pilot, ["woman"])
        assert current_id(app) == "pregnant_or_breastfeeding"  # asked only of a woman
        await press_answers(pilot, ["no"])
        table = await summary_table(pilot)
        assert "A woman" in table and "Pregnant or breastfeeding: No" in table
        assert text_of(app.screen.query_one("#changed", Static)) == "Your answer has been changed. Woman or man: A woman"


async def test_back_at_a_question_picked_from_the_list_goes_back_to_the_summary(make_app: MakeApp) -> None:
    """Age picked by mistake: Back was disabled at the first question, and the only way back was to answer it.
    Back now says where it goes and goes there, the answer as it was; at the next question it is Back again."""
    app = make_app()
    async with app.run_test() as pilot:
        await open_the_list(pilot)
        answers = app.session.screening.answers
        await pilot.press("1")  # Age
        back = app.screen.query_one("#back", Button)
        assert current_id(app) == "age" and not back.disabled and text_of(back) == "esc  Back"
        assert "esc Back to the summary" in text_of(app.screen.query_one(KeyBar))
        await pilot.press("escape")
        await summary_table(pilot)
        assert app.session.screening.answers == answers
        assert list(app.screen.query("#changed")) == []  # nothing was changed
        await pilot.press("2")  # Change an answer
        assert isinstance(app.screen, ChangeAnswerScreen), type(app.screen).__name__
        await pilot.press("2")  # Woman or man
        await until(pilot, lambda asked: asked == "sex")
        assert current_id(app) == "sex"
        await press_answers(pilot, ["woman"])
        assert current_id(app) == "pregnant_or_breastfeeding"  # a question the new answer brought
        assert text_of(app.screen.query_one("#back", Button)) == "esc  Back"
        await pilot.press("escape")  # the question before it, as anywhere
        await until(pilot, lambda asked: asked == "treatment_helped")
        assert current_id(app) == "treatment_helped" and text_of(app.screen.query_one("#back", Button)) == "esc  Back"


async def test_back_to_the_summary_fits_its_button_in_chinese(make_app: MakeApp) -> None:
    """"返回小结" is longer than "上一题": only repainted, the button cut it to "返回小"."""
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_the_list(pilot)
        await pilot.press("1")
        back = app.screen.query_one("#back", Button)
        assert text_of(back) == "esc  返回小结"
        await pilot.pause()
        drawn = "".join(line.text for line in back.render_lines(back.size.region))
        assert "返回小结" in drawn, drawn
