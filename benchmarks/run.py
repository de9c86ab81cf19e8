"""Every benchmark, side by side in one run, each figure with its target and whether it is met.

    .venv/bin/python benchmarks/run.py [--quick]

(a) start to the first question, and (e) peak memory, are ratios to the bare Textual app in
`bare_app.py`, measured in the same run. (b) is shown beside that app's own times for the two things an
answer does (the next question shown in place, another screen opened), timed the same way
(`latency.py`). Targets live here, never as timed assertions in the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import app_start  # noqa: E402
import engine  # noqa: E402
import latency  # noqa: E402
import understanding  # noqa: E402


@dataclass(frozen=True)
class Figure:
    """One measured figure, its target and whether it is met."""

    name: str
    shown: str
    target: str | None
    """None: a figure shown for its own sake, with no target."""
    met: bool


def start_up(runs: int) -> list[Figure]:
    """(a) process start to first question, and (e) peak memory, both as ratios to the bare app.

    The two kinds take turns, so a machine that slows down for a while slows both alike. 21 turns: a
    start's wall time on our shared 2-core machines spreads over 50 ms, and the median of 7 moved the
    ratio by 0.1 from one run to the next."""
    app_start.warm_up()
    bare: list[app_start.StartUp] = []
    ours: list[app_start.StartUp] = []
    for _ in range(runs):
        bare.append(app_start.measure("bare"))
        ours.append(app_start.measure("trialbot"))
    bare_s = statistics.median(r.seconds for r in bare)
    ours_s = statistics.median(r.seconds for r in ours)
    cpu_ratio = statistics.median(r.cpu_seconds for r in ours) / statistics.median(r.cpu_seconds for r in bare)
    bare_kib = statistics.median(r.peak_kib for r in bare)
    ours_kib = statistics.median(r.peak_kib for r in ours)
    start_ratio = ours_s / bare_s
    memory_ratio = ours_kib / bare_kib
    return [
        Figure(
            "(a) start to first question (median)",
            f"{ours_s * 1000:.0f} ms vs bare {bare_s * 1000:.0f} ms = {start_ratio:.2f}x (CPU to exit {cpu_ratio:.2f}x)",
            "<= 1.25x", start_ratio <= 1.25,
        ),
        Figure(
            "(e) peak memory (own high-water mark)",
            f"{ours_kib / 1024:.1f} MiB vs bare {bare_kib / 1024:.1f} MiB = {memory_ratio:.2f}x",
            "<= 1.25x", memory_ratio <= 1.25,
        ),
    ]


def answer_latency() -> list[Figure]:
    """(b) from submitting an answer to the next question on screen, through Pilot, every dialog.

    Shown apart too, with no target of their own: the answers followed by the next question, the few in
    each conversation that open another screen (the summary, or the ruled-out message), and the bare
    Textual app doing each of those two things, timed the same way (the floor, as for (a) and (e))."""
    answers = latency.answer_turns()
    bare = latency.floor()

    def spread(seconds: list[float]) -> str:
        return f"{latency.spread(seconds)} over {len(seconds):,}"

    every = [answer.seconds for answer in answers]
    p99 = statistics.quantiles(every, n=100)[98] * 1000
    return [
        Figure("(b) per-answer latency (Pilot)", spread(every) + " answers", "p99 <= 16 ms", p99 <= 16),
        Figure("    followed by the next question", spread([a.seconds for a in answers if a.opened is None]), None, True),
        Figure("      floor: bare app, next question", spread(bare.next_question), None, True),
        Figure("    opening the summary or ruled-out", spread([a.seconds for a in answers if a.opened is not None]), None, True),
        Figure("      floor: bare app, a screen opened", spread(bare.new_screen), None, True),
    ]


def throughput(seconds: float) -> list[Figure]:
    """(c) headless conversations per second, (d) interpretations per second, on one core."""
    conversations = engine.conversations_per_second(seconds)
    interpretations = understanding.interpretations_per_second()
    return [
        Figure("(c) headless conversations", f"{conversations:,.0f} /s", ">= 2,000 /s", conversations >= 2_000),
        Figure("(d) answer understanding", f"{interpretations:,.0f} /s", ">= 20,000 /s", interpretations >= 20_000),
    ]


def long_run(count: int) -> Figure:
    """Memory kept over many headless conversations in one process (should not grow)."""
    early, late = engine.long_run_memory(count)
    growth = late - early
    return Figure(
        f"long run: {count:,} conversations",
        f"kept {early / 1024:.1f} KiB after 1,000, {late / 1024:.1f} KiB after {count:,}",
        "growth < 64 KiB", growth < 64 * 1024,
    )


def machine() -> str:
    """Python, Textual and the machine the figures were measured on."""
    from importlib.metadata import version

    cpu = platform.processor() or platform.machine()
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}), Textual {version('textual')}, "
        f"{platform.system()} {platform.release()} {cpu}, {os.cpu_count()} CPUs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs and a 1,000-conversation long run")
    args = parser.parse_args()
    steps: list[Callable[[], list[Figure] | Figure]] = [
        lambda: start_up(5 if args.quick else 21),
        answer_latency,
        lambda: throughput(1.0 if args.quick else 3.0),
        lambda: long_run(2_000 if args.quick else 10_000),
    ]
    figures: list[Figure] = []
    for step in steps:
        result = step()
        figures.extend(result if isinstance(result, list) else [result])
    print(machine())
    width = max(len(f.name) for f in figures)
    shown = max(len(f.shown) for f in figures)
    for figure in figures:
        if figure.target is None:
            print(f"{figure.name:<{width}}  {figure.shown}")
            continue
        mark = "met" if figure.met else "MISSED"
        print(f"{figure.name:<{width}}  {figure.shown:<{shown}}  target {figure.target:<14} {mark}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
