"""Patient mode through Pilot: buttons, number keys and typing; re-asks; Back; the ruled-out moment;
the summary; saving; starting again; About; text shown literally; the small-window message."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from textual import events
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from app_steps import (
    answer_button, answer_the_time, answer_until, click_pad, conversation, current_id, frame_text,
    leave_the_months_or_years_re_ask, mouse, press_answers, screen_text, start, summary_table, text_of, type_answer, until,
)
from chatbot import garbage
from chatbot.content import ContentPack
from chatbot.models import Outcome
from chatbot.settings import Settings
from chatbot.summary import answer_label, render_summary, status_lines, yes_no_label
from chatbot.ui import breakpoints
from chatbot.ui.app import TrialbotApp
from chatbot.ui.messages import ShowAbout, StartConversation
from chatbot.ui.screens.about import AboutScreen
from chatbot.ui.screens.confirm import ConfirmScreen
from chatbot.ui.screens import conversation as conversation_module
from chatbot.ui.screens.conversation import ConversationScreen
from chatbot.ui.screens.ruled_out import RuledOutScreen
from chatbot.ui.screens.save import SaveScreen
from chatbot.ui.screens.summary import SummaryScreen
from chatbot.ui.screens.welcome import WelcomeScreen
from chatbot.ui.widgets.criteria_table import CriteriaTable
from chatbot.ui.widgets.answer_input import AnswerInput
from chatbot.ui.widgets.area import Area
from chatbot.ui.widgets.bubble import Bubble
from chatbot.ui.widgets.choice_button import ChoiceButton
from chatbot.ui.widgets.key_bar import KeyBar
from chatbot.ui.widgets.number_pad import NumberPad
from chatbot.ui.widgets.too_small import TooSmall
from chatbot.ui.widgets.transcript import Transcript

MakeApp = Callable[..., TrialbotApp]


async def test_buttons_number_keys_and_typing_lead_to_the_summary(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.click("#start")
        await type_answer(pilot, "I'm 52")
        await pilot.click(answer_button(app, "man"))
        await pilot.press("2")  # Yes, type 2 diabetes
        await type_answer(pilot, "yes")
        await answer_until(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert pack.text("outcome_possible_match", "en") in screen_text(app.screen)
        assert app.session.screening.given("age").value == 52  # type: ignore[union-attr]


async def test_enter_on_the_welcome_screen_starts_and_a_button_reached_with_tab_takes_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert current_id(app) == "age" and conversation(app).query_one(AnswerInput).value == ""
    app = make_app()
    async with app.run_test() as pilot:
        for _ in range(5):  # Tab until About the study has the keyboard
            await pilot.press("tab")
            if app.screen.focused is not None and app.screen.focused.id == "about":
                break
        assert isinstance(app.screen.focused, Button) and app.screen.focused.id == "about"
        await pilot.press("enter")
        assert isinstance(app.screen, AboutScreen)


@pytest.mark.parametrize("kiosk", [False, True], ids=["patient", "kiosk"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_welcome_screen_says_the_study_may_have_ended_and_still_fits_a_small_terminal(
    make_app: MakeApp, pack: ContentPack, lang: str, kiosk: bool
) -> None:
    """Said before the questions, not only in the summary minutes later; at 80x24 every language is in
    sight, in its own words (in the kiosk, the languages below the welcome text were below the fold)."""
    settings = Settings(today=pack.trial.completion_date.replace(year=2026), kiosk_pin="2468" if kiosk else None)
    app = make_app(settings=settings, lang=lang, kiosk=kiosk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#status-notice", Static)
        ended = pack.text("status_notice_passed", lang, completion_date=pack.trial.completion_date)
        stale = pack.text("status_notice_not_recruiting", lang, last_updated=pack.trial.last_updated)
        assert text_of(notice) == f"{ended}\n{stale}"
        assert app.screen.query_one("#welcome-body").content_region.contains_region(notice.region)
        languages = list(app.screen.query("#languages Button").results(Button))
        assert [str(button.label) for button in languages] == ["3  English", "4  中文"]
        for button in languages:
            assert button.region and app.screen.region.contains_region(button.region), button
            assert app.screen.get_widget_at(*button.region.offset)[0] is button


async def test_the_first_frame_of_the_questions_shows_the_first_question_ready_for_an_answer(make_app: MakeApp) -> None:
    """Not a chat scrolled past its end (Textual anchors a scroll view to its end using a height of 0
    before its first layout) and then a second frame; the answer box already has the keyboard."""
    app = make_app()
    frames: list[tuple[int, bool, bool]] = []
    async with app.run_test() as pilot:
        display = app._display

        def painted(screen: object, update: object) -> None:
            display(screen, update)  # type: ignore[arg-type]
            if isinstance(screen, ConversationScreen) and not frames:
                chat, question = screen.query_one("#chat"), screen.query_one("#question")
                shown = chat.region.contains_region(question.region)
                frames.append((chat.scroll_offset.y, shown, screen.query_one(AnswerInput).has_focus))

        app._display = painted  # type: ignore[method-assign]
        await start(pilot)
        await pilot.pause()
    assert frames == [(0, True, True)]


async def test_the_ruled_out_message_comes_first_and_the_next_question_is_drawn_beneath_it(make_app: MakeApp) -> None:
    """The message covers the conversation, so it is laid out and shown first; the next question is
    drawn beneath it while the person reads, and is there when they go on."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, "hiv")
        passes: list[str] = []
        beneath = conversation(app)
        beneath.screen_layout_refresh_signal.subscribe(app, lambda _: passes.append("conversation"))
        push = app.push_screen

        def pushing(screen: RuledOutScreen, *args: object, **kwargs: object) -> object:
            screen.screen_layout_refresh_signal.subscribe(app, lambda _: passes.append("dialog"))
            return push(screen, *args, **kwargs)  # type: ignore[arg-type]

        app.push_screen = pushing  # type: ignore[method-assign,assignment]
        await press_answers(pilot, ["yes"])
        await pilot.pause()
        assert isinstance(app.screen, RuledOutScreen)
        assert passes[0] == "dialog"  # before the conversation beneath is laid out
        for _ in range(10):
            await pilot.pause()
            if beneath.question is not None and beneath.query_one(Transcript).said[-1:] == ["Yes"]:
                break
        assert beneath.question is not None and beneath.question.id == "stem_cells_before"
        assert text_of(beneath.query_one("#question", Static)) == app.session.pack.question("stem_cells_before").text["en"]
        await pilot.press("2")  # Go on
        await pilot.pause()
        assert app.screen is beneath and current_id(app) == "stem_cells_before"


async def test_the_number_pad_answers_a_number_question_without_typing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        for key in ("4", "7", "send"):
            await click_pad(pilot, key)
        assert app.session.screening.given("age").value == 47  # type: ignore[union-attr]
        assert current_id(app) == "sex"


async def test_one_number_pad_serves_every_number_question_and_shows_only_that_question_s_units(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        screen = conversation(app)
        pad = screen.query_one(NumberPad)
        assert pad.display and "months" not in pad.render().plain  # age: a number, no units
        await type_answer(pilot, "52")
        assert not pad.display and not pad.region  # a yes/no question: the pad is hidden, not removed
        await answer_until(pilot, stop="treatment_months")
        assert screen.query_one(NumberPad) is pad and pad.display  # a time question: the same pad again
        assert pad.render().plain.split() == [*"1234567890", "Delete", "months", "years", "Send"]
        for key in ("1", "8", "months", "send"):
            await click_pad(pilot, key)
        assert app.session.screening.given("treatment_months").value == 18  # type: ignore[union-attr]
        assert current_id(app) == "treatment_helped" and not pad.display


async def test_nothing_is_chosen_before_the_person_chooses(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        assert isinstance(app.screen.focused, AnswerInput)
        assert not any(button.has_class("-chosen") for button in app.screen.query(ChoiceButton))


async def test_typing_goes_to_the_answer_box_and_number_keys_still_answer(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press("5", "2", "enter")
        await pilot.press(*"woman", "enter")  # letters are typed, never taken as commands
        assert app.session.screening.given("sex").value == "woman"  # type: ignore[union-attr]
        await pilot.press("2")  # an empty box: the number key presses answer 2
        assert app.session.screening.given("diabetes_type").value == "type2"  # type: ignore[union-attr]


async def test_a_number_key_past_the_answers_types_even_after_a_question_with_more_answers(make_app: MakeApp) -> None:
    """The buttons of a question with more answers are kept, hidden, for the next one that has as many
    (see widgets/area.py): hidden, they stand for no answer, so "5" here starts a typed answer."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="symptoms_after_diabetes")  # after feet_symptoms: eight answers
        screen = conversation(app)
        assert len(screen.query(ChoiceButton)) > 3 and [b.number for b in screen.query(ChoiceButton) if b.display] == [1, 2, 3]
        await pilot.press("5")
        assert screen.query_one(AnswerInput).value == "5" and current_id(app) == "symptoms_after_diabetes"
        assert app.session.screening.given("symptoms_after_diabetes") is None


async def test_keys_that_arrive_together_are_typed_in_the_order_they_came(make_app: MakeApp) -> None:
    """A busy machine reads several keys at once. Textual's Input ran Backspace and Enter after the
    characters that came with them: "4", Backspace, 5, 2, Enter sent 45 (Textual issue #6605)."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        for key, character in [("4", "4"), ("backspace", "\x7f"), ("5", "5"), ("2", "2"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))  # all at once, as a terminal read delivers them
        await pilot.pause()
        assert app.session.screening.given("age").value == 52  # type: ignore[union-attr]


async def test_an_unclear_answer_is_asked_again_with_the_closest_answers(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await type_answer(pilot, "type")
        screen = conversation(app)
        assert current_id(app) == "diabetes_type" and app.session.screening.given("diabetes_type") is None
        assert pack.text("reask_suggest", "en", said="type") in screen_text(screen)
        assert [b.value for b in screen.query(ChoiceButton) if b.display] == ["type1", "type2", "other_type"]
        await pilot.click("#show-all")
        assert [b.value for b in screen.query(ChoiceButton) if b.display] == pack.question("diabetes_type").answer_values()
        # Every answer is shown: "Did you mean one of these?" above them all read oddly
        assert text_of(screen.query_one("#reask-1", Bubble)) == pack.text("reask_unclear", "en", said="type")


async def test_a_re_ask_keeps_each_answers_number_from_the_full_list(make_app: MakeApp) -> None:
    """Numbered afresh, the re-ask's "2" was "Yes, another type", right after the person had seen "2  Yes, type 2
    diabetes" and typed "type 2": a key means one answer at a question, wherever it is shown."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await type_answer(pilot, "started as gestational, now they say type 2")
        screen = conversation(app)
        shown = [(b.number, b.value) for b in screen.query(ChoiceButton) if b.display]
        assert shown == [(2, "type2"), (3, "other_type"), (4, "unsure")]
        assert text_of(screen.query_one("#show-all", Button)).startswith("6 ")
        assert key_bar_text(app).startswith(" 2-4,6 Answer ")
        await pilot.press("2")
        await until(pilot, lambda asked: asked != "diabetes_type")
        assert app.session.screening.given("diabetes_type").value == "type2"  # type: ignore[union-attr]


async def test_at_a_re_ask_the_key_of_an_answer_not_shown_is_typed_not_pressed(make_app: MakeApp) -> None:
    """5 is "No" at the diabetes question, which rules the person out: where the re-ask does not show it, the key
    begins a typed answer, and "5" sent alone is not an answer, so every answer is shown with its number."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await type_answer(pilot, "started as gestational, now they say type 2")
        screen = conversation(app)
        await pilot.press("5")
        assert screen.query_one(AnswerInput).value == "5" and app.session.screening.given("diabetes_type") is None
        await pilot.press("enter")
        await until(pilot, lambda _asked: not screen.suggestions)
        shown = [(b.number, b.value) for b in screen.query(ChoiceButton) if b.display]
        assert shown == [(1, "type1"), (2, "type2"), (3, "other_type"), (4, "unsure"), (5, "no_diabetes")]
        assert app.session.screening.given("diabetes_type") is None


async def test_a_pasted_page_is_quoted_by_its_start_and_the_re_ask_stays_in_sight(make_app: MakeApp, pack: ContentPack) -> None:
    page = "my age is not important but here is a story " * 60
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_answer(pilot, page)
        await pilot.pause()
        screen = conversation(app)
        quoted = text_of(screen.query_one("#tried-1", Bubble))
        assert len(quoted) == 100 and quoted.endswith("…") and page.startswith(quoted[:-1])
        reask = screen.query_one("#reask-1", Bubble)
        assert text_of(reask) == pack.text("reask_number", "en", said=quoted)
        assert screen.query_one("#chat").content_region.contains_region(reask.region)


async def test_a_long_unclear_try_is_a_block_at_the_right_as_in_the_transcript(make_app: MakeApp) -> None:
    """Set right line by line, the person's words under the question were ragged lines, while the same words
    in the transcript were a block at the right with its lines set left (three quarters of the room)."""
    typed = "I am not really sure how old I am but I think I was born a long time ago in the spring"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await type_answer(pilot, typed)
        await pilot.pause()
        tried = conversation(app).query_one("#tried-1", Bubble)
        lines = [strip.text for strip in tried.render_lines(Region(0, 0, *tried.outer_size))]
        room = tried.outer_size.width - 3  # a space each side and the bar
        starts = {len(line) - len(line.lstrip()) for line in lines}
        assert len(lines) > 1 and starts == {1 + room - room * 3 // 4}
        assert " ".join(" ".join(line[:-1].split()) for line in lines) == typed


@pytest.mark.parametrize(
    ("stop", "typed", "reask"),
    [("age", "50 something", "reask_number_inexact"), ("treatment_months", "more than 3 months", "reask_duration_inexact")],
)
async def test_a_number_or_time_that_is_not_exact_enough_is_asked_for_more_exactly(
    make_app: MakeApp, pack: ContentPack, stop: str, typed: str, reask: str
) -> None:
    """Not "I did not understand ... please type a time": they gave one. Asked how long, about."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop=stop)
        await type_answer(pilot, typed)
        assert current_id(app) == stop
        assert text_of(conversation(app).query_one("#reask-1", Bubble)) == pack.text(reask, "en", said=typed)


@pytest.mark.parametrize(
    ("typed", "lang", "reask"),
    [("I'd rather not say", "en", "reask_refusal"), ("不想说", "zh", "reask_refusal"),
     ("what does that mean", "en", "reask_asking_back"), ("是什么意思", "zh", "reask_asking_back")],
)
async def test_a_refusal_or_a_question_back_is_asked_again_kindly_not_as_not_understood(
    make_app: MakeApp, pack: ContentPack, typed: str, lang: str, reask: str
) -> None:
    """It was "Sorry, I did not understand": it was understood, and is only no answer."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, typed)
        assert current_id(app) == "age"
        shown = pack.text(reask, lang, why=pack.text("ui_why_button", lang))
        assert text_of(conversation(app).query_one("#reask-1", Bubble)) == shown
        assert pack.text("reask_number", lang, said=typed) not in screen_text(app.screen)


async def test_an_age_out_of_range_is_asked_again_with_the_bounds(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "150")
        assert current_id(app) == "age"
        assert pack.text("reask_out_of_range", "en", said="150", min="10", max="120") in screen_text(app.screen)


async def test_back_returns_to_the_last_question_and_a_new_answer_replaces_the_old(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await pilot.press("escape")
        assert current_id(app) == "sex"
        assert "Before, you answered: A man" in screen_text(app.screen)
        await pilot.press("1")  # A woman
        assert app.session.screening.given("sex").value == "woman"  # type: ignore[union-attr]
        assert current_id(app) == "diabetes_type"


@pytest.mark.parametrize(("lang", "typed"), [("zh", "2型"), ("en", "2")])
async def test_a_2_typed_at_the_diabetes_question_means_type_2(make_app: MakeApp, lang: str, typed: str) -> None:
    """The 2 of "2型" (type 2) arrives first, and with the box empty it presses answer 2: which must be type 2.
    Before, answer 2 was type 1, and the person was told the study was not for them."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await pilot.press(*typed)
        assert app.session.screening.given("diabetes_type").value == "type2"  # type: ignore[union-attr]
        assert isinstance(app.screen, ConversationScreen)  # not ruled out


@pytest.mark.parametrize(
    ("question", "word", "lang", "read_as"),
    [
        ("diabetes_type", "2型", "zh", "type2"),  # type 2: Enter sends it, as typed
        ("recent_study", "2 months ago", "en", "yes"),  # was answer 2, "No": within the 3 months it asks about
        ("recent_study", "21 days ago", "en", "yes"),  # was answers 2 and 1: "No", then "Yes"
    ],
)
async def test_a_word_whose_first_key_is_an_answer_number_arriving_at_once_is_typed_not_pressed(
    make_app: MakeApp, question: str, word: str, lang: str, read_as: str
) -> None:
    """An input method sends a whole word ("2型", type 2) at once, as does a terminal for fast typing or a
    paste. Its first key pressed answer 2, and the rest, typed before the press was handled, was thrown
    away: "2 months ago" (in a study two months ago) was taken as No. (Earlier still, the 2 was lost and
    the box kept "型".) Now the word is in the box, whole, for Enter to send."""
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop=question)
        for character in word:
            app.post_message(events.Key("space" if character == " " else character, character))
        box = app.screen.query_one(AnswerInput)
        for _ in range(20):
            await pilot.pause()
            if box.value == word:
                break
        assert current_id(app) == question and box.value == word
        assert app.session.screening.given(question) is None  # nothing was answered by the 2
        await pilot.press("enter")
        assert app.session.screening.given(question).value == read_as  # type: ignore[union-attr]


async def test_a_word_sent_with_enter_in_the_same_burst_as_its_number_key_keeps_the_key(make_app: MakeApp) -> None:
    """Found in tmux: "1 no" and Enter arriving at once at "Has a doctor told you that the blood vessels in
    your legs are narrow or blocked?" (1: badly blocked) sent " no" before the 1's press was handled, and
    the 1 was lost: the answer was a plain No. The word is sent whole, and the press then answers nothing."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="leg_blood_flow")
        for key, character in [("1", "1"), ("space", " "), ("n", "n"), ("o", "o"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        for _ in range(20):
            await pilot.pause()
        assert current_id(app) == "leg_blood_flow" and app.session.screening.given("leg_blood_flow") is None
        offered = [button.value for button in app.screen.query(ChoiceButton) if button.display]
        assert offered == ["severe", "no"]  # "1 no": the key and the words say different answers
        assert '"1 no"' in screen_text(app.screen)


async def test_choose_all_that_fit_toggles_and_none_stands_alone(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await pilot.press("1", "2")
        await pilot.press("7")  # None of these: clears the others
        chosen = [b.value for b in app.screen.query(ChoiceButton) if b.has_class("-chosen")]
        assert chosen == ["none"]
        await pilot.press("0")
        assert app.session.screening.given("feet_symptoms").value == frozenset({"none"})  # type: ignore[union-attr]


async def test_a_typed_answer_counts_with_the_ticks_already_on_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="nerve_medicines")
        await pilot.press("1", "2")  # lipoic acid and methylcobalamin ticked
        await type_answer(pilot, "epalrestat")
        given = app.session.screening.given("nerve_medicines")
        assert given is not None and given.value == frozenset({"lipoic_acid", "methylcobalamin", "epalrestat"})
        assert given.said == ""  # shown by the three answers' words, not by "epalrestat" alone


async def test_a_tick_beside_a_typed_none_is_asked_again(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await pilot.press("1")  # pain ticked: a number key that began "1 none"
        await type_answer(pilot, "none")
        assert current_id(app) == "feet_symptoms" and app.session.screening.given("feet_symptoms") is None
        offered = [button.value for button in app.screen.query(ChoiceButton) if button.display]
        assert offered == ["pain", "none"]  # both, in the full list's order, and neither ticked: the person says
        assert not [b for b in app.screen.query(ChoiceButton) if b.has_class("-chosen")]


async def test_the_closest_answers_to_a_choose_all_question_are_ticked_then_sent_with_done(
    make_app: MakeApp, pack: ContentPack
) -> None:
    """"numb and maybe tingling" may mean two answers. Pressing one of those offered answered with it
    alone, and the other was dropped without a word."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await type_answer(pilot, "numb and maybe tingling")
        assert pack.text("reask_suggest_multi", "en", said="numb and maybe tingling") in screen_text(app.screen)
        offered = [button.value for button in app.screen.query(ChoiceButton) if button.display]
        assert offered == ["numbness", "tingling", "unsure"]  # in the full list's order: "Not sure" last
        await pilot.press("2", "3")  # their numbers in the full list
        assert current_id(app) == "feet_symptoms"
        chosen = [b.value for b in app.screen.query(ChoiceButton) if b.has_class("-chosen")]
        assert chosen == ["numbness", "tingling"]
        await pilot.press("0")
        assert app.session.screening.given("feet_symptoms").value == frozenset({"numbness", "tingling"})  # type: ignore[union-attr]


async def test_a_tick_made_before_an_unclear_try_is_offered_untick_and_keeps_its_number(make_app: MakeApp) -> None:
    """A tick made before the unclear try is offered with the closest answers, no longer ticked: a tick of
    "None of these" stayed beside a typed "numb", and Done sent "None". Each offered answer keeps its number:
    it was worked out from the ticks at each press, and after an untick a key pressed "Show all" instead."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await pilot.press("1")  # pain ticked
        await type_answer(pilot, "numb and maybe tingling")
        offered = [button.value for button in app.screen.query(ChoiceButton) if button.display]
        assert offered == ["pain", "numbness", "tingling", "unsure"]
        assert not [b for b in app.screen.query(ChoiceButton) if b.has_class("-chosen")]
        await pilot.press("1", "1", "3", "0")  # pain on, pain off, tingling, Done
        assert app.session.screening.given("feet_symptoms").value == frozenset({"tingling"})  # type: ignore[union-attr]


async def test_back_to_a_choose_all_question_shows_the_earlier_ticks(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await press_answers(pilot, ["pain", "tingling"])
        assert current_id(app) != "feet_symptoms"
        await pilot.press("escape")
        assert current_id(app) == "feet_symptoms"
        chosen = [b.value for b in app.screen.query(ChoiceButton) if b.has_class("-chosen")]
        assert chosen == ["pain", "tingling"]
        assert "[✓] Pain" in text_of(answer_button(app, "pain"))
        await pilot.press("3")  # tingling off: the rest of the earlier answer stays
        await pilot.press("0")
        assert app.session.screening.given("feet_symptoms").value == frozenset({"pain"})  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "typed", "expected"), [("en", "only pain", {"pain"}), ("zh", "都没有", {"none"})])
async def test_typed_words_after_back_replace_the_earlier_ticks(
    make_app: MakeApp, pack: ContentPack, lang: str, typed: str, expected: set[str]
) -> None:
    """The earlier answer's ticks, shown again after Back, were added to what was typed: "only pain" gave
    all five symptoms, and "都没有" beside them was asked again as if it were unclear."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await press_answers(pilot, ["pain", "numbness", "tingling"])
        await pilot.press("escape")
        assert current_id(app) == "feet_symptoms" and conversation(app).chosen == {"pain", "numbness", "tingling"}
        await type_answer(pilot, typed)
        given = app.session.screening.given("feet_symptoms")
        assert current_id(app) != "feet_symptoms" and given is not None and given.value == frozenset(expected)
        assert given.said == typed
        label = answer_label(pack, pack.question("feet_symptoms"), given, lang)
        read = "" if typed == label else pack.text("ui_read_as", lang, answer=label)  # 都没有 is the label itself
        assert conversation(app).query_one(Transcript).read[-1] == read and (lang == "zh") == (read == "")


async def test_an_answer_that_rules_out_says_so_and_lets_the_person_go_on(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "70")
        assert isinstance(app.screen, RuledOutScreen)
        assert pack.criteria["age"].not_met["en"] in screen_text(app.screen)
        await pilot.press("2")  # Go on with the questions
        assert current_id(app) == "sex"


async def test_escape_on_the_may_not_be_right_message_goes_back_to_the_answer(make_app: MakeApp) -> None:
    """Escape is Back everywhere; here it did nothing, and a reviewer was stuck until they found the numbers."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "70")
        assert isinstance(app.screen, RuledOutScreen)
        await pilot.press("escape")
        assert current_id(app) == "age"
        assert text_of(app.screen.query_one("#before", Static)) == "Before, you answered: 70 years"


@pytest.mark.parametrize(
    ("lang", "question", "typed", "lines"),
    [
        # In weeks as well: "I understood: 1.3 months" alone looked like a mistake to someone who said 6 weeks.
        ("en", "treatment_months", "6 weeks", ["You answered: 6 weeks", "I understood: 6 weeks (about 1.3 months)"]),
        ("zh", "treatment_months", "6周", ["您的回答：6周", "我的理解：6 周（大约 1.3 个月）"]),
        ("en", "age", "I'm seventy", ["You answered: I'm seventy", "I understood: 70 years"]),
        ("en", "age", "70", ["You answered: 70"]),  # the answer's own words: nothing more to say
        ("en", "stem_cells_before", "", ["You answered: Yes"]),  # a press: the button's words
    ],
)
async def test_the_may_not_be_right_message_quotes_the_answer(
    make_app: MakeApp, lang: str, question: str, typed: str, lines: list[str]
) -> None:
    """"From this answer, the study may not be right for you" did not say which answer, or what it was read as,
    and the message covers the conversation: "6 weeks" was only found to be 1.3 months after "Go on"."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop=question)
        if typed:
            await type_answer(pilot, typed)
        else:
            await press_answers(pilot, ["yes"])
        assert isinstance(app.screen, RuledOutScreen)
        assert text_of(app.screen.query_one("#ruled-out-answer", Static)).splitlines() == lines


async def ruled_out_by(pilot: Pilot[int], question: str, typed: str) -> RuledOutScreen:
    """Start, answer as someone who may be a match up to `question`, and type there an answer that rules them out."""
    await start(pilot)
    await answer_until(pilot, stop=question)
    await type_answer(pilot, typed)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RuledOutScreen)
    return screen


@pytest.mark.parametrize(
    ("size", "lang", "question", "typed"),
    [
        ((60, 18), "en", "treatment_months", "6 weeks"),
        ((60, 18), "zh", "treatment_months", "6周"),
        ((60, 18), "en", "consent", "nope"),  # and two reasons
        ((60, 18), "zh", "consent", "我不同意"),
        ((80, 18), "en", "treatment_months", "6 weeks"),
    ],
)
async def test_every_choice_of_the_may_not_be_right_message_is_in_sight_on_a_small_screen(
    make_app: MakeApp, pack: ContentPack, size: tuple[int, int], lang: str, question: str, typed: str
) -> None:
    """At 60x18 the answer quoted above the message pushed choices 2 and 3 out of sight, and their keys pressed
    what the person had not seen. The reasons are there whole, too."""
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await ruled_out_by(pilot, question, typed)
        dialog = screen.query_one(".dialog")
        for reason in screen.query(".reason").results(Static):
            assert dialog.content_region.contains_region(reason.region), text_of(reason)
        shown = frame_text(app)
        for button in screen.query("#ruled-out-actions Button").results(Button):
            assert dialog.content_region.contains_region(button.region), text_of(button)
        for key in ("ui_see_result", "ui_go_on", "ui_change_this_answer"):
            assert pack.text(key, lang) in shown


@pytest.mark.parametrize(
    ("size", "lang", "question", "typed"),
    [
        ((80, 24), "en", "age", "70"),
        ((80, 24), "zh", "age", "七十"),
        ((60, 18), "en", "consent", "nope"),  # two reasons: the most words
        ((60, 18), "zh", "consent", "我不同意"),
    ],
)
async def test_the_may_not_be_right_message_shows_that_ctrl_l_changes_the_language(
    make_app: MakeApp, pack: ContentPack, size: tuple[int, int], lang: str, question: str, typed: str
) -> None:
    """Ctrl+L worked there, but nothing said so: a Chinese reader who had switched to English by mistake did not
    know how to switch back. The key bar says it, as on the summary, below the message's box."""
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = await ruled_out_by(pilot, question, typed)
        keys = screen.query_one(KeyBar)
        assert text_of(keys).strip() == f"^l {pack.text('ui_key_language', lang)}"
        assert screen.region.contains_region(keys.region) and not keys.region.overlaps(screen.query_one(".dialog").region)


async def test_see_my_result_now_shows_the_summary_at_once(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "70")
        await pilot.press("1")  # See my result now
        assert isinstance(app.screen, SummaryScreen)
        assert pack.text("outcome_not_eligible", "en") in screen_text(app.screen)


async def test_change_my_answer_asks_the_same_question_again(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "70")
        await pilot.press("3")  # Change my answer
        assert current_id(app) == "age"
        await type_answer(pilot, "50")
        assert current_id(app) == "sex" and app.session.screening.failed() == []


async def test_the_summary_shows_the_answers_status_and_contacts(make_app: MakeApp, pack: ContentPack, settings: Settings) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot)
        text = screen_text(app.screen)
        for line in status_lines(pack, settings.current_date(), "en"):
            assert line in text
        assert pack.text("summary_contact_missing", "en") in text
        assert "Yes, type 2 diabetes" in text and pack.trial.record_url in text


async def test_the_summary_shows_the_verdict_and_the_status_first_and_the_details_a_frame_later(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="visits")
        summary = SummaryScreen(app.session)
        await app.push_screen(summary)
        details = summary.query_one("#summary-details")
        assert not details.children  # the first frame: the verdict, what it means, and the study's status
        first = [w for w in summary.query("#summary-body Static").results() if details not in w.ancestors]
        assert {"outcome"} <= {w.id for w in first}
        assert any("UNKNOWN" in text_of(w) for w in first)
        assert not any(isinstance(w, CriteriaTable) for w in first)
        for _ in range(20):  # the next frames
            await pilot.pause()
            if details.region.height:
                break
        assert details.region.height > 20  # then the table, contacts and related studies


async def test_the_summary_scrolls_with_the_arrow_and_page_keys_and_tab_goes_to_its_buttons(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer_until(pilot)
        body = app.screen.query_one("#summary-body", VerticalScroll)
        for _ in range(5):  # the details come a frame after the verdict
            await pilot.pause()
        assert body.max_scroll_y > 10 and body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        paged = body.scroll_y
        await pilot.press("down")
        await pilot.pause()
        assert 0 < paged < body.scroll_y
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("tab")
        assert isinstance(app.screen.focused, Button) and app.screen.focused.id == "save"
        await pilot.press("home")  # still scrolls with a button focused
        await pilot.pause()
        assert body.scroll_y == 0


async def test_home_and_end_scroll_the_conversation_while_the_answer_box_is_empty(make_app: MakeApp) -> None:
    """The answer box has the keyboard, and Home and End moved its cursor: with nothing in it they did
    nothing at all. With text in it they still move the cursor."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="treatment_months")
        chat, box = app.screen.query_one("#chat", VerticalScroll), app.screen.query_one(AnswerInput)
        await pilot.press("home")
        await pilot.pause()
        assert chat.max_scroll_y > 0 and chat.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert chat.scroll_y == chat.max_scroll_y
        await pilot.press("up", "t", "w", "o", "home")
        await pilot.pause()
        scrolled = chat.scroll_y
        assert box.value == "two" and box.cursor_position == 0 and 0 < scrolled < chat.max_scroll_y
        await pilot.press("end")
        await pilot.pause()
        assert box.cursor_position == 3 and chat.scroll_y == scrolled


async def test_a_view_the_person_scrolled_with_the_mouse_is_not_moved_by_a_placement_still_due(make_app: MakeApp) -> None:
    """The question is placed once more when its area has its new size (`place_when_sized`); PageDown
    cancelled that, but the mouse wheel did not, and the view jumped away from where the person took it."""
    app = make_app()
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")  # eight answers: taller than the view
        for _ in range(5):
            await pilot.pause()
        screen, chat = conversation(app), app.screen.query_one("#chat", VerticalScroll)
        screen.place_when_sized = True  # a placement still due (the area's new size not yet known)
        app.post_message(mouse(events.MouseScrollUp, chat.region.x + 2, chat.region.y + 2, 0))
        await pilot.pause()
        scrolled = chat.scroll_y
        area = screen.query_one("#current", Area)
        area.post_message(Area.Resized(area))
        await pilot.pause()
        assert chat.scroll_y == scrolled


@pytest.mark.parametrize(("opened_with", "body_id", "first_button"), [((), "welcome-body", "start"), (("2",), "about-body", "close")])
async def test_the_welcome_and_about_screens_scroll_with_the_arrow_keys_and_the_first_tab_reaches_a_button(
    make_app: MakeApp, opened_with: tuple[str, ...], body_id: str, first_button: str
) -> None:
    """Their bodies never take the keyboard: before, the first Tab went to the body, which shows no sign of it."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:  # small enough for both to scroll
        await pilot.press(*opened_with)
        await pilot.pause()
        body = app.screen.query_one(f"#{body_id}", VerticalScroll)
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await pilot.press("tab")
        assert isinstance(app.screen.focused, Button) and app.screen.focused.id == first_button
        await pilot.press("end")  # scrolls with a button focused
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("up")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y - 1


async def test_the_criteria_table_is_drawn_once_for_each_width(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    widths: list[int] = []
    draw = Table.__rich_console__

    def counted(table: Table, console: Console, options: ConsoleOptions) -> RenderResult:
        widths.append(options.max_width)
        return draw(table, console, options)

    monkeypatch.setattr(Table, "__rich_console__", counted)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot)
        table = app.screen.query_one(CriteriaTable)
        for _ in range(5):  # the details come a frame after the verdict
            await pilot.pause()
        assert table.region.height > 20 and len(widths) == 1  # Textual alone: its height, then its lines
        await pilot.resize_terminal(70, 30)  # narrower than the summary's column
        for _ in range(5):
            await pilot.pause()
        assert len(widths) == 2 and widths[1] < widths[0]  # drawn again, once, at its new width


async def test_on_a_wide_screen_the_conversation_keeps_to_a_centred_column(make_app: MakeApp) -> None:
    """At 200 columns the answers were shown at column 195, the questions at column 1."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await start(pilot)
        await type_answer(pilot, "48")
        await pilot.pause()
        chat, said = app.screen.query_one("#chat"), app.screen.query_one("#transcript")
        assert said.region.width <= 100
        assert abs((said.region.x - chat.region.x) - (chat.region.right - said.region.right)) <= 2


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_a_new_screen_has_its_size_classes_before_it_is_drawn(make_app: MakeApp, size: tuple[int, int]) -> None:
    every = {name for _, name in breakpoints.HORIZONTAL + breakpoints.VERTICAL}
    expected = breakpoints.size_classes(*size)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        assert app.screen.classes & every == expected
        screen = ConversationScreen(app.session)
        assert screen.classes & every == expected  # before any widget on it is styled
        await app.push_screen(screen)
        await pilot.pause()
        assert app.screen is screen and screen.classes & every == expected  # Textual's own resize agrees
        # A screen with breakpoints of its own has its own classes: "-very-short" under 24 lines.
        ruled_out = RuledOutScreen(app.session, ["age"])
        own = {name for _, name in breakpoints.HORIZONTAL + RuledOutScreen.VERTICAL_BREAKPOINTS}
        expected = breakpoints.size_classes(*size, ruled_out)
        assert ruled_out.classes & own == expected and ("-very-short" in expected) == (size[1] < 24)
        await app.push_screen(ruled_out)
        await pilot.pause()
        assert app.screen is ruled_out and ruled_out.classes & own == expected


async def test_the_last_answer_changed_from_the_summary_is_asked_with_the_conversation_before_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        await pilot.press("2")  # Change an answer
        await pilot.press("pagedown", "pagedown", "3")  # the last page's third row: Visits for 2 years
        assert current_id(app) == "visits"
        # The last answer went straight to the summary, so the conversation is drawn again on the way back:
        # the last question on screen, every earlier answer in the transcript.
        screen = conversation(app)
        visits = app.session.pack.question_index["visits"]
        assert text_of(screen.query_one("#question", Static)) == visits.text["en"]
        earlier = [given for given in app.session.screening.answers if given.question_id != "visits"]
        assert len(screen.query_one(Transcript).said) == len(earlier) > 10
        assert "Yes" in text_of(screen.query_one("#before", Static))  # what they said last time


async def _summary_of_a_short_conversation(pilot) -> None:  # type: ignore[no-untyped-def]
    await start(pilot)
    await type_answer(pilot, "70")
    await pilot.press("1")  # See my result now
    await pilot.press("1")  # Save summary
    assert isinstance(pilot.app.screen, SaveScreen)


async def _save_as(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    box = pilot.app.screen.query_one("#save-path", Input)
    box.value = str(path)
    await pilot.press("enter")


async def test_save_writes_the_summary_owner_only(make_app: MakeApp, settings: Settings, tmp_path: Path) -> None:
    app = make_app()
    path = tmp_path / "summary.md"
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, path)
        assert isinstance(app.screen, SummaryScreen)
        session = app.session
        assert path.read_text(encoding="utf-8") == render_summary(session.screening, session.understanding, settings, "en", "md")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert f"Saved to {path}" in screen_text(app.screen)


async def test_saved_to_is_said_in_the_language_chosen_after_saving(make_app: MakeApp, pack: ContentPack, tmp_path: Path) -> None:
    """After Ctrl+L the whole summary was in Chinese but "Saved to ..." under it, in English."""
    app = make_app()
    path = tmp_path / "summary.txt"
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, path)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+l")
        saved = pack.text("ui_saved", "zh", path=str(path))
        for _ in range(10):
            if saved in screen_text(app.screen):
                break
            await pilot.pause()
        assert text_of(app.screen.query_one("#save-status", Static)) == saved


async def test_ctrl_l_on_the_summary_keeps_the_table_of_answers(make_app: MakeApp, pack: ContentPack) -> None:
    """The summary came back in Chinese without its table of answers, contacts and related studies: they are
    drawn a frame after the verdict, and only when the screen was first shown."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        await summary_table(pilot)
        await pilot.press("ctrl+l")
        for _ in range(10):
            if pack.text("summary_title", "zh") in screen_text(app.screen):
                break
            await pilot.pause()
        assert pack.text("summary_col_need", "zh") in await summary_table(pilot)


async def test_save_never_replaces_a_file_without_asking(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    path = tmp_path / "summary.txt"
    path.write_text("keep me", encoding="utf-8")
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, path)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("2")  # No, keep it
        assert path.read_text(encoding="utf-8") == "keep me"


async def test_save_replaces_a_file_only_after_yes_and_makes_it_owner_only(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    path = tmp_path / "summary.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, path)
        await pilot.press("1")  # Yes, replace it
        assert path.read_text(encoding="utf-8").startswith("Your pre-screening summary")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


async def test_nothing_is_written_unless_the_person_saves(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
    assert list(tmp_path.iterdir()) == []


async def test_a_save_problem_is_explained_and_nothing_is_written(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, tmp_path / "no such folder" / "summary.txt")
        assert isinstance(app.screen, SaveScreen)
        assert "Could not save" in screen_text(app.screen)
    assert list(tmp_path.iterdir()) == []


async def test_a_folder_typed_as_the_file_name_is_said_to_be_a_folder(make_app: MakeApp, tmp_path: Path) -> None:
    """It asked "There is already a file called ... Replace it?", and then could not: "Is a directory"."""
    app = make_app()
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await _save_as(pilot, tmp_path)
        assert isinstance(app.screen, SaveScreen)
        assert app.session.t("ui_save_folder", path=str(tmp_path)) in screen_text(app.screen)
    assert list(tmp_path.iterdir()) == []


async def test_a_number_key_that_comes_before_a_dialog_has_its_buttons_presses_nothing(make_app: MakeApp) -> None:
    """A burst of keys can reach a dialog just pushed before it has mounted its buttons: it used to raise."""
    app = make_app()
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        await pilot.press("escape")
        summary = app.screen
        answers: list[bool | None] = []
        dialog = ConfirmScreen(app.session, "Replace it?", "Yes", "No")
        app.push_screen(dialog, answers.append)
        assert not dialog.query("Button")  # not composed yet
        dialog.action_press(1)  # Yes: the person has not seen it
        await pilot.pause()
        assert app.screen is dialog and app._exception is None and answers == []
        await pilot.press("1")  # once it is shown, 1 is Yes
        assert app.screen is summary and answers == [True]


async def test_digits_in_the_save_dialog_go_into_the_file_name_and_its_buttons_say_enter_and_esc(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """"1  Save" beside the file name box typed a 1 into the name: its buttons now show the keys that work there."""
    app = make_app()
    async with app.run_test() as pilot:
        await _summary_of_a_short_conversation(pilot)
        box = app.screen.query_one("#save-path", Input)
        box.value = str(tmp_path / "summary")
        box.action_end()
        await pilot.press("1", "2")
        assert box.value.endswith("summary12") and isinstance(app.screen, SaveScreen)
        assert [text_of(button) for button in app.screen.query("#save-actions Button").results(Button)] == [
            "enter  Save",
            "esc  Cancel",
        ]
        await pilot.press("enter")
        assert (tmp_path / "summary12").read_text(encoding="utf-8").startswith("Your pre-screening summary")


async def test_start_again_forgets_everything(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot)
        await pilot.press("3")  # Start again
        await pilot.press("1")  # Yes, start again
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 1
        assert app.session.screening.answers == []
        await start(pilot)
        assert current_id(app) == "age"
        assert [bubble for bubble in app.screen.query(Bubble) if bubble.person] == []
        assert app.screen.query_one(Transcript).messages == []


async def test_about_shows_the_honest_status_from_anywhere(make_app: MakeApp, pack: ContentPack, settings: Settings) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, AboutScreen)
        text = screen_text(app.screen)
        assert all(line in text for line in status_lines(pack, settings.current_date(), "en"))
        assert "2022-08-19" in text and "2024-05-31" in text
        await pilot.press("escape")
        await start(pilot)
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, AboutScreen)
        await pilot.press("1")  # Close
        assert isinstance(app.screen, ConversationScreen)


async def test_start_pressed_as_about_opens_does_not_stack_the_questions_over_about(make_app: MakeApp) -> None:
    # About, then Start, both pressed on the welcome screen before the app has opened About.
    app = make_app()
    async with app.run_test() as pilot:
        welcome = app.screen
        welcome.post_message(ShowAbout())
        welcome.post_message(StartConversation())
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [WelcomeScreen, AboutScreen]
        await pilot.press("escape")
        assert app.screen is welcome
        await start(pilot)
        assert [type(screen) for screen in app.screen_stack] == [WelcomeScreen, ConversationScreen]


INJECTIONS = ["[bold red]x[/]", "[/", "[link=http://example.invalid]click[/link]", "\x1b[2J", "{{ 7*7 }}"]


@pytest.mark.parametrize("typed", INJECTIONS)
async def test_an_unclear_answer_is_shown_literally_in_the_transcript(make_app: MakeApp, typed: str) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        await type_answer(pilot, typed)  # "Are you a woman or a man?": none of these is an answer
        shown = [b.visual.plain for b in app.screen.query(Bubble) if b.person]  # type: ignore[attr-defined]
        assert shown[-1] == typed.replace("\x1b", "\\x1b")


async def test_typed_words_show_how_they_were_read_at_once(make_app: MakeApp, pack: ContentPack) -> None:
    """Before, the reading first showed in the summary, minutes later: `Not sure ("pain and maybe tingling")`."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")  # the age typed ("52" is in "52 years"), sex pressed
        await type_answer(pilot, "type two")
        await type_answer(pilot, "yes my doctor told me")
        transcript = conversation(app).query_one(Transcript)
        type2 = pack.question("diabetes_type").choice("type2")
        assert type2 is not None
        assert transcript.read == [
            "", "", pack.text("ui_read_as", "en", answer=type2.label["en"]), pack.text("ui_read_as", "en", answer="Yes"),
        ]
        assert "I understood: Yes" in screen_text(app.screen)
        await pilot.press("ctrl+l")  # said again in the new language, under the same words
        transcript = conversation(app).query_one(Transcript)
        assert transcript.said[-1] == "yes my doctor told me"
        yes_zh = yes_no_label(pack, pack.question("doctor_said_neuropathy"), "yes", "zh")
        assert transcript.read[-1] == pack.text("ui_read_as", "zh", answer=yes_zh)


@pytest.mark.parametrize("typed", ["no [bold red]x[/]", "no [/", "no [link=http://example.invalid]click[/link]"])
async def test_an_understood_answer_is_shown_literally_in_transcript_and_summary(make_app: MakeApp, typed: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="hiv")
        await type_answer(pilot, typed)
        assert app.screen.query_one(Transcript).said[-1] == typed
        assert app.screen.query_one(Transcript).read[-1] == "I understood: No"
        await answer_until(pilot)
        assert f'("{typed}")' in screen_text(app.screen)


async def test_a_window_too_small_says_so_instead_of_a_broken_screen(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test(size=(50, 15)) as pilot:
        message = app.screen.query_one(TooSmall)
        assert message.display and message.visual.plain == pack.text("ui_too_small", "en", width=60, height=18)  # type: ignore[attr-defined]
        assert [w for w in app.screen.children if w.display] == [message]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not message.display


async def test_keys_do_nothing_while_the_window_is_too_small_to_show_the_question(make_app: MakeApp) -> None:
    """A 1 pressed under "please make the window bigger" answered the hidden question, unseen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="sex")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.press("1")
        box = app.screen.query_one(AnswerInput)
        box.value = "woman"
        await pilot.press("enter")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert current_id(app) == "sex" and app.session.screening.given("sex") is None
        assert box.value == "woman"  # kept, for Enter once the question shows again
        await pilot.press("enter")
        assert app.session.screening.given("sex").value == "woman"  # type: ignore[union-attr]


async def test_switching_language_keeps_the_answers(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="doctor_said_neuropathy")
        await pilot.press("ctrl+l")
        assert app.session.lang == "zh"
        assert [g.question_id for g in app.session.screening.answers] == ["age", "sex", "diabetes_type"]
        assert pack.question("doctor_said_neuropathy").text["zh"] in screen_text(app.screen)
        assert pack.question("age").text["zh"] in screen_text(app.screen)


async def test_a_number_typed_where_it_is_no_answer_number_is_asked_again_not_taken_as_its_last_digit(
    make_app: MakeApp, pack: ContentPack
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        await pilot.press("5", "2", "enter")  # the age again, at "Are you a woman or a man?" (3 answers)
        assert current_id(app) == "sex" and app.session.screening.given("sex") is None
        assert pack.text("reask_unclear", "en", said="52") in screen_text(app.screen)


async def test_an_answer_about_someone_else_is_asked_again_saying_the_question_is_about_the_person(
    make_app: MakeApp, pack: ContentPack
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="hiv")
        await type_answer(pilot, "my husband is positive")
        assert current_id(app) == "hiv" and app.session.screening.given("hiv") is None
        assert pack.text("reask_about_you", "en", said="my husband is positive") in screen_text(app.screen)


def reasks(app: TrialbotApp) -> list[str]:
    """The re-asks on screen, top to bottom."""
    return [text_of(bubble) for bubble in app.screen.query(".reask").results(Bubble)]


async def test_someone_typing_for_a_relative_is_told_once_in_full_through_back_and_a_new_language(
    make_app: MakeApp, pack: ContentPack
) -> None:
    """They read the same four sentences at every question: told once, the later re-asks are short. The first
    stays whole in the other language, and after Back the question asked again says it short too."""
    app = make_app()
    mother, doctor, again = "my mother has type 2", "her doctor said yes", "she has type 2"
    async with app.run_test(size=(100, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        await type_answer(pilot, mother)
        assert reasks(app) == [pack.text("reask_about_you", "en", said=mother)]
        await pilot.press("ctrl+l")
        assert reasks(app) == [pack.text("reask_about_you", "zh", said=mother)]
        await pilot.press("ctrl+l")
        await press_answers(pilot, ["type2"])
        await type_answer(pilot, doctor)
        assert reasks(app) == [pack.text("reask_about_you_short", "en", said=doctor)]
        await pilot.press("escape")
        await until(pilot, lambda asked: asked == "diabetes_type")
        await type_answer(pilot, again)
        assert reasks(app) == [pack.text("reask_about_you_short", "en", said=again)]


async def test_pressed_answers_are_shown_in_the_new_language_and_typed_ones_as_typed(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="doctor_said_neuropathy")  # age typed; sex, diabetes_type pressed
        await pilot.press("ctrl+l")
        shown = app.screen.query_one(Transcript).said
        man, type2 = pack.question("sex").choice("man"), pack.question("diabetes_type").choice("type2")
        assert man is not None and type2 is not None
        assert shown == ["52", man.label["zh"], type2.label["zh"]]
        await answer_until(pilot)
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app.screen)
        assert man.label["zh"] in text and type2.label["zh"] in text
        assert man.label["en"] not in text and type2.label["en"] not in text  # not "男 (you said: A man)"


async def test_a_re_ask_is_shown_in_the_new_language_and_what_was_typed_as_typed(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await type_answer(pilot, "fifty-ish")
        await type_answer(pilot, "probably 52")
        await pilot.press("ctrl+l")
        text = screen_text(app.screen)
        for said in ("fifty-ish", "probably 52"):  # a number, not exact enough
            assert pack.text("reask_number_inexact", "zh", said=said) in text
            assert pack.text("reask_number_inexact", "en", said=said) not in text
        assert current_id(app) == "age" and app.session.screening.given("age") is None


async def test_ctrl_q_quits_in_patient_mode(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
    assert app.return_code == 0 and not app.is_running


async def test_an_outcome_is_never_called_eligible(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await answer_until(pilot)
        assert app.session.screening.outcome() is Outcome.POSSIBLE_MATCH
        assert "eligible" not in screen_text(app.screen).lower()


def key_bar_text(app: TrialbotApp) -> str:
    return text_of(app.screen.query_one(KeyBar))


async def test_the_key_bar_names_the_number_keys_the_question_has(make_app: MakeApp) -> None:
    """"1-9 Answer" promised nine answers at a question of three, where 8 begins a typed answer."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="sex")
        assert key_bar_text(app).startswith(" 1-3 Answer ")
        await pilot.press("2")
        assert current_id(app) == "diabetes_type" and key_bar_text(app).startswith(" 1-5 Answer ")
        await type_answer(pilot, "type")  # unclear: the three closest answers, and 6 Show all
        assert [b.number for b in conversation(app).query(ChoiceButton) if b.display] == [1, 2, 3]
        assert key_bar_text(app).startswith(" 1-3,6 Answer ")


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_at_a_choose_all_question_the_key_bar_shows_0_for_done(make_app: MakeApp, pack: ContentPack, lang: str) -> None:
    """At 60x18 Done is below the answers, out of sight, and the bar said "1-8 Answer" alone: a person who did
    not scroll did not know how to go on. "0 Done" is dimmed until something is ticked, as the button is."""
    app = make_app(lang=lang)
    done = f" 0 {pack.text('ui_key_done', lang)} "
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="diabetes_type")
        assert done not in key_bar_text(app) and app.screen.active_bindings["0"].binding.action == "number(0)"
        await answer_until(pilot, stop="feet_symptoms")
        assert key_bar_text(app).startswith(f" 1-8 {pack.text('ui_key_answer', lang)} {done}")
        assert not app.screen.active_bindings["0"].enabled
        await type_answer(pilot, "tingl" if lang == "en" else "脚")  # a re-ask offers a few answers, and Done below them
        assert conversation(app).suggestions and done in key_bar_text(app)
        await pilot.press(str(next(b.number for b in conversation(app).query(ChoiceButton) if b.display)))
        await until(pilot, lambda _asked: app.screen.active_bindings["0"].enabled)
        await pilot.press("0")
        await until(pilot, lambda asked: asked != "feet_symptoms")
        assert app.session.screening.given("feet_symptoms") is not None and done not in key_bar_text(app)


async def test_enter_in_the_empty_box_after_ticking_answers_is_done(make_app: MakeApp) -> None:
    """Ticked answers and Enter did nothing: the box was empty, and Done (below, out of sight at 60x18) was
    the only way on. Enter with nothing ticked still does nothing."""
    app = make_app()
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await answer_until(pilot, stop="feet_symptoms")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "feet_symptoms"
        await pilot.press("1", "3")
        await pilot.press("enter")
        await until(pilot, lambda asked: asked != "feet_symptoms")
        assert app.session.screening.given("feet_symptoms").value == {"pain", "tingling"}  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_at_the_smallest_size_the_key_bar_still_shows_quit(make_app: MakeApp, pack: ContentPack, lang: str) -> None:
    """At 60 columns the line was cut, and Quit with it: the keys between, which have buttons, give way."""
    app = make_app(lang=lang)
    async with app.run_test(size=(60, 18)) as pilot:
        await start(pilot)
        await pilot.pause()
        shown = key_bar_text(app)
        quit_key = f"^q {pack.text('ui_key_quit', lang)}"
        assert shown.endswith(quit_key) and cell_len(shown) <= 60
        assert pack.text("ui_key_back", lang) in shown
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert pack.text("ui_key_language", lang) in key_bar_text(app) and key_bar_text(app).endswith(quit_key)


@pytest.mark.parametrize(
    ("typed", "choices", "read"),
    [
        ("2", ["1  I mean 2 months", "2  I mean 2 years"], "I understood: 2 years (24 months)"),
        # "I mean 1 months", "I understood: 1 years (12 months)" read as slips of the app; "１" typed full width too
        ("1", ["1  I mean 1 month", "2  I mean 1 year"], "I understood: 1 year (12 months)"),
        ("１", ["1  I mean １ month", "2  I mean １ year"], "I understood: 1 year (12 months)"),
    ],
)
async def test_a_bare_number_for_a_time_asks_months_or_years(make_app: MakeApp, typed: str, choices: list[str], read: str) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="treatment_months")
        await type_answer(pilot, typed)
        # Words between the key and the number: "1  2 months" looked like 12 months.
        assert [text_of(b) for b in app.screen.query(".unit-choice").results(Button)] == choices
        assert key_bar_text(app).startswith(" 1-2 Answer ")
        await pilot.press("2")
        await until(pilot, lambda asked: asked != "treatment_months")
        assert app.session.screening.given("treatment_months").value == 12 * int(typed)  # type: ignore[union-attr]
        assert conversation(app).query_one(Transcript).read[-1] == read


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_time_chosen_in_years_is_read_as_years_and_the_months_they_are(
    make_app: MakeApp, pack: ContentPack, lang: str
) -> None:
    """"2 年" followed by "我的理解：24 个月" was right, but looked like a mistake to someone who meant 2 years."""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await answer_the_time(pilot, "2", "2")  # I mean 2 years
        years = f"2 {pack.text('ui_pad_years', lang)}"
        months = pack.text("value_months", lang, value="24")
        transcript = conversation(app).query_one(Transcript)
        assert transcript.said[-1] == years
        assert transcript.read[-1] == pack.text("ui_read_as", lang, answer=pack.text("ui_years_and_months", lang, amount=years, answer=months))


@pytest.mark.parametrize(
    ("lang", "typed", "read"),
    [
        ("zh", "两年", "我的理解：2 年（24 个月）"),  # in words: "24 个月" alone
        ("zh", "一年半", "我的理解：1.5 年（18 个月）"),
        ("zh", "半年", "我的理解：6 个月"),  # "0.5 年（6 个月）" read oddly to someone who said half a year
        ("zh", "1.25年", "我的理解：15 个月"),  # "1.2 年（15 个月）": the two numbers did not agree
        # Said loosely, read back so: "两年多" (more than two years) was "24 个月", to the month.
        ("zh", "两年多", "我的理解：至少 2 年（24 个月）"),
        ("zh", "两年左右", "我的理解：大约 2 年（24 个月）"),
        ("en", "more than a year", "I understood: at least 1 year (12 months)"),
        ("en", "about 2 years", "I understood: about 2 years (24 months)"),
        ("en", "over 18 months", "I understood: at least 18 months"),
    ],
)
async def test_only_whole_or_half_years_are_read_back_in_years(make_app: MakeApp, lang: str, typed: str, read: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await answer_the_time(pilot, typed)
        assert conversation(app).query_one(Transcript).read[-1] == read


async def test_back_at_a_time_said_in_years_shows_it_in_years(make_app: MakeApp) -> None:
    """"您之前的回答是：24 个月" to someone who said 两年 (two years)."""
    app = make_app(lang="zh")
    async with app.run_test() as pilot:
        await answer_the_time(pilot, "两年")
        await pilot.press("escape")
        await until(pilot, lambda asked: asked == "treatment_months")
        assert text_of(conversation(app).query_one("#before", Static)) == "您之前的回答是：2 年（24 个月）"


@pytest.mark.parametrize(
    ("lang", "typed", "row"),
    [
        ("zh", "两年多了", "用了多久：至少 2 年（24 个月）（“两年多了”）"),
        ("en", "more than two years", 'How long: at least 2 years (24 months) ("more than two years")'),
    ],
)
async def test_the_summary_reads_a_time_back_as_the_conversation_did(
    make_app: MakeApp, pack: ContentPack, lang: str, typed: str, row: str
) -> None:
    """The conversation said "至少 2 年（24 个月）" and the summary "24 个月（“两年多了”）": which one counted?"""
    app = make_app(lang=lang)
    async with app.run_test() as pilot:
        await answer_the_time(pilot, typed)
        read = conversation(app).query_one(Transcript).read[-1]
        await answer_until(pilot)
        table = await summary_table(pilot)
        assert read.removeprefix(pack.text("ui_read_as", lang, answer="")) in row
        assert row in table


async def test_an_answer_pressed_after_an_unclear_try_keeps_the_try_in_the_summary(make_app: MakeApp) -> None:
    """A possible sore typed, asked again, then "Not sure" pressed: the summary showed "Not sure" alone, and the study
    team did not see what the person had said."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, "foot_problems")
        await type_answer(pilot, "a cut on my heel thats slow to heal")
        await until(pilot, lambda asked: asked == "foot_problems" and bool(conversation(app).attempts))
        await answer_until(pilot, answers={"foot_problems": ["unsure"]})
        table = await summary_table(pilot)
        assert 'Not sure (typed first: "a cut on my heel thats slow to heal")' in table


async def test_what_was_answered_before_stays_with_the_question_above_a_new_try(make_app: MakeApp) -> None:
    """Under the months-or-years re-ask of a new try, "Before, you answered: 24 months" read as what that try
    was taken as."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_the_time(pilot, "2 years")
        await pilot.press("escape")
        await until(pilot, lambda asked: asked == "treatment_months")
        await type_answer(pilot, "3")
        screen = conversation(app)
        before, tried = screen.query_one("#before", Static), screen.query_one("#tried-1", Bubble)
        assert screen.query_one("#question").region.y < before.region.y < tried.region.y


async def test_esc_at_the_months_or_years_re_ask_leaves_the_re_ask_only(make_app: MakeApp) -> None:
    """Esc closes what is in front of the person, as it closes a dialog: it went back a whole question."""
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await leave_the_months_or_years_re_ask(pilot)
        assert current_id(app) == "treatment_months" and not app.screen.query(".unit-choice")
        assert app.screen.query_one(NumberPad).display and not app.screen.query("#tried-1")  # the question as asked
        before = app.session.screening.answers[-1].question_id
        await pilot.press("escape")  # and Esc again goes back a question, as anywhere else
        for _ in range(20):
            if current_id(app) != "treatment_months":
                break
            await pilot.pause()
        assert current_id(app) == before


async def test_back_at_the_months_or_years_re_ask_says_it_goes_back_to_the_question(make_app: MakeApp) -> None:
    """In Chinese Back said "上一题" (the question before), and there it goes back to this question."""
    app = make_app(lang="zh")
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="treatment_months")
        back = app.screen.query_one("#back", Button)
        assert "上一题" in text_of(back) and "esc 上一题" in key_bar_text(app)
        await type_answer(pilot, "2")
        assert text_of(back) == "esc  返回" and "esc 返回" in key_bar_text(app) and "上一题" not in key_bar_text(app)
        await pilot.press("escape")
        await until(pilot, lambda _asked: not app.screen.query(".unit-choice"))
        assert "上一题" in text_of(back) and "esc 上一题" in key_bar_text(app)


async def test_the_months_or_years_choice_follows_a_language_change(make_app: MakeApp, pack: ContentPack) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, stop="treatment_months")
        await type_answer(pilot, "18")
        await pilot.press("ctrl+l")
        months, years = pack.text("ui_pad_months", "zh"), pack.text("ui_pad_years", "zh")
        said = [pack.text("ui_unit_choice", "zh", amount=f"18 {unit}") for unit in (months, years)]
        assert [text_of(b) for b in app.screen.query(".unit-choice").results(Button)] == [f"1  {said[0]}", f"2  {said[1]}"]
        await pilot.press("1")  # read in the language on screen: before, "18 months" read as Chinese was unclear
        assert app.session.screening.given("treatment_months").value == 18  # type: ignore[union-attr]


async def test_start_up_ends_with_one_collection_and_one_freeze_per_process(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    collector = SimpleNamespace(**{name: lambda name=name: calls.append(name) for name in ("collect", "freeze", "enable")})
    monkeypatch.setattr(garbage, "gc", collector)
    monkeypatch.setattr(garbage, "_frozen", False)
    monkeypatch.setattr(garbage, "START_UP_SECONDS", 0.01)
    for expected in (["collect", "freeze", "enable"], ["collect", "enable"]):  # a second app: no second freeze
        calls.clear()
        app = make_app()
        assert not app.started_up
        async with app.run_test() as pilot:
            for _ in range(200):  # the moment passes, then start-up is over
                if "enable" in calls:
                    break
                await pilot.pause(0.01)
            assert calls == expected
            assert app.started_up  # what the benchmark waits for before the first answer


async def test_what_start_up_left_out_is_loaded_while_the_person_reads_not_at_the_first_dialog(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer interpreter, and the styles of the ruled-out message and the summary, are ready once
    start-up is over: opening them parses no styles (before: about 8 ms of the first one)."""
    from textual.css.stylesheet import Stylesheet

    monkeypatch.setattr(garbage, "START_UP_SECONDS", 0.01)
    parsed: list[str] = []
    parse = Stylesheet.parse
    monkeypatch.setattr(Stylesheet, "parse", lambda sheet: (parsed.append(type(app.screen).__name__), parse(sheet))[1])
    app = make_app()
    async with app.run_test() as pilot:
        for _ in range(200):
            if app.started_up:
                break
            await pilot.pause(0.01)
        assert app.started_up and app.session.shared_understanding is not None
        await start(pilot)
        parsed.clear()
        await type_answer(pilot, "70")
        assert isinstance(app.screen, RuledOutScreen)
        await pilot.press("1")  # See my result now
        assert isinstance(app.screen, SummaryScreen)
        assert parsed == []


async def test_typing_gets_the_reading_of_the_question_ready_before_enter(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words a question's answers are read with are prepared on the first keystroke (after it is on
    screen), not when Enter is pressed; a question answered with buttons prepares nothing."""
    from chatbot.understanding.interpreter import Understanding

    prepared: list[str] = []
    prepare = Understanding._prepare
    monkeypatch.setattr(
        Understanding, "_prepare", lambda self, question, *rest: (prepared.append(question.id), prepare(self, question, *rest))[1]
    )
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press("5")
        for _ in range(200):
            if prepared:
                break
            await pilot.pause()
        assert prepared == ["age"] and current_id(app) == "age"
        await pilot.press("2", "enter")
        await pilot.pause()
        assert current_id(app) == "sex" and prepared == ["age"]
        await press_answers(pilot, ["man"])
        await pilot.pause()
        assert current_id(app) == "diabetes_type" and prepared == ["age"]


@asynccontextmanager
async def _second_question_read(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Pilot[int], ConversationScreen, list[str | None]]]:
    """The age answered: the second question is shown and its garbage collection waits for the person, who
    reads for ever. Also the conversation's collections so far (none really runs), each as the question
    on screen then."""
    collections: list[str | None] = []
    monkeypatch.setattr(conversation_module, "gc", SimpleNamespace(collect=lambda: collections.append(current_id(app))))
    monkeypatch.setattr(conversation_module, "COLLECT_AFTER_SECONDS", 3600.0)
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "52")
        await pilot.pause()
        yield pilot, conversation(app), collections


async def test_garbage_is_collected_while_the_person_reads_not_while_they_answer(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = conversation_module
    async with _second_question_read(make_app, monkeypatch) as (pilot, screen, collections):
        app = screen.app
        assert current_id(app) == "sex" and screen.collection is not None  # waiting, not collecting
        assert screen.collection_due  # what the benchmark waits for before the next answer
        assert collections == []
        waiting = screen.collection
        await press_answers(pilot, ["man"])  # answered before the wait was over: the wait starts again
        await pilot.pause()
        assert current_id(app) == "diabetes_type"
        assert screen.collection is not None and screen.collection is not waiting
        assert collections == []
        screen.collection.stop()
        monkeypatch.setattr(module, "COLLECT_AFTER_SECONDS", 0.01)
        await press_answers(pilot, ["type2"])
        for _ in range(200):  # the timer's moment passes, then the collection runs
            if collections:
                break
            await pilot.pause(0.01)
        assert collections == [current_id(app)] and screen.collection is None and not screen.collection_due


async def test_a_waiting_collection_runs_at_once_when_asked(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the benchmark's reader does, instead of letting the timer go off inside its next timed answer."""
    async with _second_question_read(make_app, monkeypatch) as (pilot, screen, collections):
        assert screen.collection is not None and collections == []
        screen.collect_garbage_now()
        assert collections == ["sex"] and screen.collection is None and not screen.collection_due
        await press_answers(pilot, ["man"])
        await pilot.pause()
        assert screen.collection is not None and screen.collection_due and collections == ["sex"]


async def test_python_collects_nothing_of_its_own_while_an_answer_is_shown(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(garbage, "START_UP_SECONDS", 3600.0)  # start-up's end turns collections on: not here
    monkeypatch.setattr(garbage, "ANSWER_SECONDS", 3600.0)
    app = make_app()
    async with app.run_test() as pilot:
        assert gc.isenabled()
        await start(pilot)
        assert not gc.isenabled()  # the first question is being shown
        monkeypatch.setattr(garbage, "ANSWER_SECONDS", 0.01)
        await type_answer(pilot, "52")
        for _ in range(200):  # the answer's moment passes
            if gc.isenabled():
                break
            await pilot.pause(0.01)
        assert gc.isenabled() and current_id(app) == "sex"
        monkeypatch.setattr(garbage, "ANSWER_SECONDS", 3600.0)
        await press_answers(pilot, ["man"])
        assert not gc.isenabled() and current_id(app) == "diabetes_type"
        await answer_until(pilot, stop="feet_symptoms")
        garbage.resume()  # the last answer's moment is over
        assert gc.isenabled()
        await pilot.click("#choice-1")  # a tick of a choose-all answer is shown too
        assert not gc.isenabled() and current_id(app) == "feet_symptoms"
        assert app.screen.query_one("#choice-1", ChoiceButton).has_class("-chosen")
    assert gc.isenabled()  # closed while an answer held them off: not left off for ever


async def test_keys_pressed_in_one_burst_on_a_choose_all_question_are_all_taken(make_app: MakeApp) -> None:
    # A person who types "1 2 0" faster than the app draws (or a keypad that sends them at once): Done
    # must not be lost because the ticks before it were not drawn yet.
    app = make_app()
    async with app.run_test() as pilot:
        await start(pilot)
        await answer_until(pilot, "feet_symptoms")
        for key in "120":
            app.post_message(events.Key(key, key))
        for _ in range(100):
            await pilot.pause()
            if current_id(app) != "feet_symptoms":
                break
        assert current_id(app) == "symptoms_after_diabetes"
        given = app.session.screening.given("feet_symptoms")
        assert given is not None and given.value == frozenset({"pain", "numbness"})


@pytest.mark.parametrize("key", ["question_mark", "？"])
async def test_a_question_mark_shows_why_the_question_is_asked_from_either_keyboard(make_app: MakeApp, key: str) -> None:
    """A Chinese keyboard types the full-width ？: it was typed into the box, and Enter gave "I did not understand"."""
    app = make_app(lang="zh")
    async with app.run_test() as pilot:
        await start(pilot)
        await pilot.press(key)
        for _ in range(10):
            if conversation(app).why_shown:
                break
            await pilot.pause()
        assert conversation(app).why_shown and conversation(app).query_one("#answer", Input).value == ""


async def test_ctrl_l_switches_the_language_of_the_may_not_be_right_message_and_of_the_summary(
    make_app: MakeApp, pack: ContentPack
) -> None:
    """Only a question took Ctrl+L: a Chinese reader who switched to English by mistake was left with the message
    and the result in English, and the result saved in it."""
    app = make_app(lang="zh")
    async with app.run_test() as pilot:
        await start(pilot)
        await type_answer(pilot, "七十")
        assert isinstance(app.screen, RuledOutScreen)
        await pilot.press("ctrl+l")
        for _ in range(10):
            if pack.criteria["age"].not_met["en"] in screen_text(app.screen):
                break
            await pilot.pause()
        shown = screen_text(app.screen)
        assert pack.criteria["age"].not_met["en"] in shown and pack.text("ui_you_answered", "en", answer="七十") in shown
        await pilot.press("1")  # See my result now
        for _ in range(10):
            if isinstance(app.screen, SummaryScreen):
                break
            await pilot.pause()
        assert pack.text("summary_title", "en") in screen_text(app.screen)
        await pilot.press("ctrl+l")
        for _ in range(10):
            if pack.text("summary_title", "zh") in screen_text(app.screen):
                break
            await pilot.pause()
        assert app.session.lang == "zh" and pack.text("summary_title", "zh") in screen_text(app.screen)
