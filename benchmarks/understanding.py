"""Answer understanding throughput: (d) typed answers interpreted per second on one core.

Every labelled answer in `tests/answers/` (English and Chinese, every question kind, hostile strings)
is interpreted in turn, pass after pass; the figure is the fastest pass (`timeit`: on a shared machine
the other passes are slower only because other work took the core for a while, and that came and went
within seconds here: one pass ran at 12,000 answers a second, the next at 21,000).

    .venv/bin/python benchmarks/understanding.py
"""

from __future__ import annotations

import runpy
import timeit
from pathlib import Path

from chatbot.content import load_content
from chatbot.understanding import Understanding

MEASURE = Path(__file__).resolve().parent.parent / "tests" / "answers" / "measure.py"
_WITH_GC = "import gc; gc.enable()"
"""timeit turns garbage collection off while it times; the app runs with it on."""


def interpretations_per_second(passes: int = 15) -> float:
    """Labelled answers interpreted per second: the fastest of `passes` passes over all of them."""
    pack = load_content(None)
    understanding = Understanding(pack)
    cases = runpy.run_path(str(MEASURE))["load_cases"]()  # the labelled set's own loader
    work = [(pack.question(c.question), c.text, c.lang) for c in cases]

    def one_pass() -> None:
        for question, text, lang in work:
            understanding.interpret(question, text, lang)

    timer = timeit.Timer(one_pass, setup=_WITH_GC)
    timer.timeit(number=1)  # warm up: each question's words are prepared on first use
    return len(work) / min(timer.repeat(repeat=passes, number=1))


if __name__ == "__main__":
    print(f"{interpretations_per_second():,.0f} interpretations per second (target >= 20,000)")
