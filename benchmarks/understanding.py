"""Answer understanding throughput: (d) typed answers interpreted per second on one core.

Every labelled answer in `tests/answers/` (English and Chinese, every question kind, hostile strings)
is interpreted in turn, round after round; the figure is the best of three timed rounds.

    .venv/bin/python benchmarks/understanding.py
"""

from __future__ import annotations

import runpy
import time
from pathlib import Path

from chatbot.content import load_content
from chatbot.understanding import Understanding

MEASURE = Path(__file__).resolve().parent.parent / "tests" / "answers" / "measure.py"


def interpretations_per_second(seconds: float = 1.0) -> float:
    """Labelled answers interpreted per second (best of three rounds of about `seconds` each)."""
    pack = load_content(None)
    understanding = Understanding(pack)
    cases = runpy.run_path(str(MEASURE))["load_cases"]()  # the labelled set's own loader
    work = [(pack.question(c.question), c.text, c.lang) for c in cases]
    for question, text, lang in work:  # warm up
        understanding.interpret(question, text, lang)
    rates = []
    for _ in range(3):
        done = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            for question, text, lang in work:
                understanding.interpret(question, text, lang)
            done += len(work)
        rates.append(done / (time.perf_counter() - start))
    return max(rates)


if __name__ == "__main__":
    print(f"{interpretations_per_second():,.0f} interpretations per second (target >= 20,000)")
