"""What the person sees when the running app meets an error nothing handled: an apology, not a traceback.

Textual prints a traceback with the values of every variable in each frame, and those include the
person's answers (a summary being saved, the screening). At the kiosk that lands on the screen the next
person sees. So the app says, in both languages, that it had to stop and to ask for help, and gives staff
one line: the kind of error and where it happened, never its message (which may quote an answer). The
program exits with status 1, so a kiosk's restart loop can tell it from a staff exit (status 0).
TRIALBOT_TRACEBACK=1 shows Textual's full traceback instead, for a developer at their own terminal.
(An error before the app runs, while its session is made, is Python's own traceback: no answer exists yet,
and it shows no variables.)
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

ENV_TRACEBACK = "TRIALBOT_TRACEBACK"

APOLOGY = (
    "Sorry, something went wrong and this program had to stop. Please ask the staff for help.\n"
    "对不起，程序出了问题，只能停下来。请找工作人员帮忙。"
)


def full_traceback_wanted() -> bool:
    """Whether TRIALBOT_TRACEBACK asks for Textual's own traceback (set, and not "0")."""
    return os.environ.get(ENV_TRACEBACK, "").strip() not in ("", "0")


def crash_message(error: BaseException | None) -> str:
    """The apology, and for staff the error's kind and the place in the code it came from."""
    if error is None:
        return APOLOGY
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" at {_short_path(last.filename)}, line {last.lineno}"
    return (
        f"{APOLOGY}\n\nFor staff: {type(error).__name__}{where}. Run `trialbot check`; "
        f"{ENV_TRACEBACK}=1 shows the whole error."
    )


def _short_path(filename: str) -> str:
    """The file from its package folder on ("chatbot/ui/app.py", "textual/widget.py")."""
    parts = Path(filename).parts
    for package in ("chatbot", "textual", "rich", "jinja2"):
        if package in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(package) - 1 :])
    return Path(filename).name
