"""The transcript: one widget that draws every answered question and answer, keeping what did not change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.strip import Strip

from chatbot.ui.widgets.transcript import Exchange, Transcript

WIDTH = 30


class OneTranscript(App[None]):
    def compose(self) -> ComposeResult:
        yield Transcript([Exchange("age", "How old are you?", "52"), Exchange("sex", "Are you a woman or a man?", "A man")])


def texts(transcript: Transcript) -> list[str]:
    return [line.text for line in transcript.lines(WIDTH)]


def question(text: str) -> str:
    return "█ " + text.ljust(WIDTH - 3) + " "


def answer(text: str) -> str:
    return " " + text.rjust(WIDTH - 3) + " █"


async def test_questions_are_set_left_and_answers_right_each_with_its_bar() -> None:
    app = OneTranscript()
    async with app.run_test(size=(WIDTH, 20)) as pilot:
        transcript = app.query_one(Transcript)
        await pilot.pause()
        blank = " " * WIDTH
        assert texts(transcript) == [
            blank, question("How old are you?"), answer("52"), blank, question("Are you a woman or a man?"), answer("A man")
        ]
        assert transcript.size.height == 6
        # A long message wraps inside its bar and padding; markup is shown as typed.
        typed = "[b]no[/b] never, not once in my whole life"
        transcript.show([*transcript.exchanges, Exchange("hiv", "Ever had a positive HIV test?", typed)])
        await pilot.pause()
        assert texts(transcript)[6:9] == [blank, question("Ever had a positive HIV"), question("test?")]
        assert " ".join(line[:-2].strip() for line in texts(transcript)[9:]) == typed
        assert transcript.size.height == 12


async def test_a_new_answer_keeps_the_lines_already_drawn_and_a_changed_one_redraws_from_it() -> None:
    app = OneTranscript()
    async with app.run_test(size=(WIDTH, 20)) as pilot:
        transcript = app.query_one(Transcript)
        await pilot.pause()
        before = transcript.lines(WIDTH)
        age, sex = transcript.exchanges
        transcript.show([age, sex, Exchange("diabetes", "Which type?", "Type 2")])
        after = transcript.lines(WIDTH)
        assert all(new is old for new, old in zip(after, before, strict=False)) and len(after) == len(before) + 3
        # Back, and another answer to the second question: its lines are drawn anew, the first one's kept.
        transcript.show([age, Exchange(("sex", "woman"), "Are you a woman or a man?", "A woman")])
        changed = transcript.lines(WIDTH)
        assert changed[:3] == before[:3] and changed[4] is not before[4]
        assert [line.text.strip() for line in changed[3:]] == ["", "█ Are you a woman or a man?", "A woman █"]
        # Nothing new: nothing drawn again.
        transcript.show(list(transcript.exchanges))
        assert transcript.lines(WIDTH) is changed


async def test_what_typed_words_were_read_as_stands_under_them_set_right_without_a_bar() -> None:
    app = OneTranscript()
    async with app.run_test(size=(WIDTH, 20)) as pilot:
        transcript = app.query_one(Transcript)
        await pilot.pause()
        typed = Exchange("hiv", "Ever had HIV?", "[b]nope[/b]", "I understood: No")
        transcript.show([*transcript.exchanges, typed])
        await pilot.pause()
        read = " " + "I understood: No".rjust(WIDTH - 3) + "  "
        assert texts(transcript)[6:] == [" " * WIDTH, question("Ever had HIV?"), answer("[b]nope[/b]"), read]
        assert transcript.size.height == 10
        assert transcript.messages[-2:] == ["[b]nope[/b]", "I understood: No"]
        # Muted: not the colour of the person's words.
        said_line, read_line = transcript.lines(WIDTH)[-2:]
        def colour(line: Strip) -> object:
            return next(segment.style.color for segment in line if segment.text.strip() and segment.style)  # type: ignore[union-attr]

        assert colour(read_line) != colour(said_line)


BLOCK = (WIDTH - 3) * 3 // 4
"""How wide a message of the person's side that does not fit one line is: three quarters of the room."""


async def lines_after(exchange: Exchange) -> list[str]:
    """The transcript's lines once `exchange` is shown after the first two exchanges."""
    app = OneTranscript()
    async with app.run_test(size=(WIDTH, 20)) as pilot:
        transcript = app.query_one(Transcript)
        await pilot.pause()
        transcript.show([*transcript.exchanges, exchange])
        await pilot.pause()
        return texts(transcript)


async def test_a_long_reading_is_a_block_at_the_right_with_its_lines_set_left() -> None:
    """Set right line by line, a reading of five symptoms was four ragged lines, hard to follow."""
    read = "I understood: Pain, Numb feet, Tingling"
    lines = (await lines_after(Exchange("feet", "Which?", "pain numb tingle", read)))[9:]
    starts = {len(line) - len(line.lstrip()) for line in lines}
    assert len(lines) > 1 and starts == {1 + (WIDTH - 3) - BLOCK}  # every line starts at the block's edge
    assert " ".join(line.split() and " ".join(line.split()) for line in lines) == read


async def test_the_persons_long_words_are_a_block_at_the_right_with_their_lines_set_left() -> None:
    """Set right line by line, a long answer was a stack of ragged lines, hard for poor eyes to follow."""
    lines = await lines_after(Exchange("hiv", "Ever had HIV?", "no never, not once in my whole life"))
    indent = " " * (1 + (WIDTH - 3) - BLOCK)
    assert lines[8:] == [indent + "no never, not once".ljust(BLOCK) + " █", indent + "in my whole life".ljust(BLOCK) + " █"]
    assert lines[2] == answer("52")  # words that fit one line stay set right
