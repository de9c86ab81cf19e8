"""When Python collects garbage: not while the app starts, and not while a person answers.

A full collection walks every object that can hold others, and a Textual app has a great many (each
widget's drawn lines are small cached objects): tens of milliseconds, more than a frame. Left to itself,
Python starts a collection whenever enough new objects have piled up. At start-up (modules, the content's
models, the first screen) that is many new objects and little garbage, so the collections find next to
nothing and cost about 50 ms of the first second. So:

- `main` turns Python's own collections off before it loads the content (`pause_for_start_up`);
- once the app has been up for `START_UP_SECONDS`, it collects once, freezes what is left (it lives as
  long as the process, and no later collection walks it again) and turns them back on (`start_up_over`);
- while an answer is being shown, Python's own collections wait (`hold_while_answering`): most are
  quick, but about one in ten answers met one that took a few milliseconds, and now and then a full one
  took a hundred and more;
- the conversation collects while the person reads each question (`ConversationScreen`).
"""

from __future__ import annotations

import asyncio
import gc

START_UP_SECONDS = 1.0
"""How long after the app is mounted start-up is over: its first screen has long been shown."""

ANSWER_SECONDS = 0.25
"""How long an answer holds off Python's own collections: long past the frame that shows what comes next
(tens of milliseconds), and short enough that the person is still reading the new question."""

_frozen = False
_answering: asyncio.TimerHandle | None = None
"""While an answer holds off the collections: when they come back."""


def pause_for_start_up() -> None:
    """No collections until `start_up_over` (or `resume`)."""
    gc.disable()


def start_up_over() -> None:
    """Collect what start-up left, freeze the rest, and let Python collect again."""
    global _frozen
    gc.collect()
    if not _frozen:
        # Once per process: a second app in the same process (the tests) must not freeze the garbage of
        # the first one for ever.
        _frozen = True
        gc.freeze()
    gc.enable()


def hold_while_answering() -> None:
    """No collections of Python's own for the next `ANSWER_SECONDS` (from now, however often it is called).

    Only when they are on: during the start-up pause it does nothing. Needs a running event loop."""
    global _answering
    if _answering is not None:
        _answering.cancel()
    elif gc.isenabled():
        gc.disable()
    else:
        return
    _answering = asyncio.get_running_loop().call_later(ANSWER_SECONDS, resume)


def resume() -> None:
    """Let Python collect again: if start-up ended before the app got as far as `start_up_over`, or an
    answer's hold is still on when the app closes (its event loop would never end it)."""
    global _answering
    if _answering is not None:
        _answering.cancel()
        _answering = None
    gc.enable()
