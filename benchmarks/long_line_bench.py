"""How the text checks grow with the length of one line: linear, or worse.

A user may paste a line of thousands of characters (a table flattened into one line, a list of
names, a run of spaces from a PDF). Each check of the diff stage, each faithfulness detector
and the clause and sentence cutters is timed on pathological line shapes ("1 1 1 …",
"1,1,1,…", a run of spaces, "a, a, a, …", hundreds of distinct capitalised words, "said that
said that …", negated verbs in the source with no "not" in the English) at a short and a long length, in one run. A check that grows linearly takes
about ``long / short`` times as long on the long line (10 by default); a quadratic one about
the square (100). Printed per shape and check: the long line's time and the ratio; a row is
marked ``QUADRATIC`` when its ratio is over three times the length ratio and the long line
takes more than ``--min-seconds``, on a first timing and again on fresh texts (a single call
that waited for a shared CPU is no growth). Past ``--timeout`` seconds a call is cut off and marked.

Needs no data and no model. Usage::

    .venv/bin/python benchmarks/long_line_bench.py
    .venv/bin/python benchmarks/long_line_bench.py --short 500 --long 5000 --shapes ones,spaces
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: this checkout's workbench
    sys.path.insert(0, str(REPO))

#: Line shapes: (English text, kk/ky/ru text), each a unit repeated to the wanted length.
SHAPES: dict[str, tuple[str, str]] = {
    "ones": ("1 ", "1 "),
    "commas": ("1,", "1,"),
    "thousands": ("1,000 ", "1 000 "),
    "times": ("10:30 a.m. ", "10:30 "),
    "spaces": (" ", " "),
    "clauses": ("a, ", "а, "),
    "names": ("", ""),  # distinct capitalised words, made by :func:`line`
    "said": ("officials said that ", "заявил, что "),
    "not": ("not ", "не "),
    # negated verbs in the source, none in the English: the negation checks read every one
    "unsaid": ("he stayed away ", "не пришёл, бармады, барбады "),
    "hedges": ("may be ", "может быть, "),
    "percent": ("5 percent ", "5 % "),
    "quotes": ('"a" ', "«а» "),
    "loop": ("the president ", ""),  # a looping tail; the source is :data:`LOOP_SOURCE`
}
#: The ``loop`` shape's source, whatever the length: one sentence that says a word twice, so
#: that the repetition check asks of every repeated span whether the source repeats it.
LOOP_SOURCE = "Президент сказал, что президент уедет в понедельник."
_LATIN = "bcdfghjklmnprstvz"
_CYRILLIC = "бвгджзклмнпрстфх"


def line(shape: str, length: int, cyrillic: bool) -> str:
    """A line of ``shape`` about ``length`` characters long (a run of spaces between two
    letters; for ``names``, distinct capitalised words)."""
    if shape == "names":
        letters = _CYRILLIC if cyrillic else _LATIN
        vowel = "а" if cyrillic else "a"
        words = []
        i = 0
        while sum(len(w) + 1 for w in words) < length:
            a, b, c = (
                letters[(i // n) % len(letters)] for n in (1, len(letters), len(letters) ** 2)
            )
            words.append(f"{a.upper()}{vowel}{b}{vowel}{c}ov")
            i += 1
        return " ".join(words)
    if shape == "loop" and cyrillic:
        return LOOP_SOURCE
    if shape == "spaces":
        return ("а" if cyrillic else "a") + " " * length + ("б" if cyrillic else "b")
    unit = SHAPES[shape][1 if cyrillic else 0]
    return (unit * (length // len(unit) + 1))[:length]


def checks(src: str) -> dict[str, Callable[[str, str], object]]:
    """Every check by name, each called with (English line, kk/ky/ru line)."""
    from workbench.clauses import split_clauses
    from workbench.diff import find_differences, load_lexicon
    from workbench.diff.base import DETECTOR_ORDER as DIFF_ORDER
    from workbench.faithfulness.base import DETECTOR_ORDER as FAITH_ORDER
    from workbench.faithfulness.base import DETECTORS, FaithContext, load_calibration
    from workbench.segment import split_sentences

    lexicon = load_lexicon()
    cal = load_calibration().get(src)
    out: dict[str, Callable[[str, str], object]] = {}
    for name in DIFF_ORDER:
        out[f"diff.{name}"] = lambda en, cy, n=name: find_differences(
            en, en[::-1], source=cy, src=src, lexicon=lexicon, detectors=[n]
        )
    # the negations of the report against a statement that negates once: the shapes above put
    # the statement's line on both sides reversed, so no report negation was ever read there
    out["diff.negation (report)"] = lambda en, cy: find_differences(
        "The road is not open.", en, lexicon=lexicon, detectors=["negation"]
    )
    for name in FAITH_ORDER:
        detect = DETECTORS.get(name)
        out[f"faithfulness.{name}"] = lambda en, cy, d=detect: d(
            FaithContext(cy, en, src, lexicon, cal)
        )
    out["split_clauses"] = lambda en, cy: (split_clauses(en), split_clauses(cy))
    out["split_sentences"] = lambda en, cy: (split_sentences(en, "en"), split_sentences(cy, src))
    return out


class _Timeout(Exception):
    pass


def _timed(call: Callable[[], object], timeout: int) -> float:
    """Seconds ``call`` takes, or infinity past ``timeout`` seconds."""

    def _stop(*_: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(timeout)
    start = time.perf_counter()
    try:
        call()
        return time.perf_counter() - start
    except _Timeout:
        return float("inf")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _ratio(
    check: Callable[[str, str], object], shape: str, short: int, long: int, tag: str, timeout: int
) -> tuple[float, float]:
    """Seconds of ``check`` on the long line of ``shape`` and their ratio to the short line's,
    on texts ending in `` tag`` (fresh ones: no cached reading is timed)."""
    en_s, cy_s = (line(shape, short, c) + f" {tag}" for c in (False, True))
    en_l, cy_l = (line(shape, long, c) + f" {tag}" for c in (False, True))
    short_s = _timed(lambda: check(en_s, cy_s), timeout)
    long_s = _timed(lambda: check(en_l, cy_l), timeout)
    return long_s, long_s / max(short_s, 1e-4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=int, default=500, help="characters of the short line")
    parser.add_argument("--long", type=int, default=5000, help="characters of the long line")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--src", default="kk", help="language of the source side (kk, ky, ru)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds before a call is cut")
    parser.add_argument("--min-seconds", type=float, default=0.2)
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r}; use some of {', '.join(SHAPES)}.")
    if not 1 <= args.short < args.long:
        parser.error("--short and --long take lengths with 1 <= short < long.")
    if args.timeout < 1 or args.min_seconds < 0:
        parser.error("--timeout takes 1 second or more and --min-seconds 0 or more.")
    if args.src not in ("kk", "ky", "ru"):
        parser.error(f"--src {args.src!r}: use kk, ky or ru.")
    table = checks(args.src)
    factor = args.long / args.short
    print(f"{'shape':10} {'check':28} {'long s':>8} {'ratio':>7}  (linear ~{factor:.0f})")
    over = 0
    for shape in shapes:
        for n, (name, check) in enumerate(table.items()):
            # a fresh text for every check: cached readings of one check do not time another
            long, ratio = _ratio(check, shape, args.short, args.long, f"q{n}", args.timeout)
            bad = long > args.min_seconds and ratio > 3 * factor
            if bad and long != float("inf"):
                # confirmed on fresh texts: on a shared machine one call may wait for the CPU
                long, ratio = _ratio(check, shape, args.short, args.long, f"r{n}", args.timeout)
                bad = long > args.min_seconds and ratio > 3 * factor
            over += bad
            if bad or long > args.min_seconds:
                mark = "TIMEOUT" if long == float("inf") else "QUADRATIC" if bad else ""
                print(f"{shape:10} {name:28} {long:8.2f} {ratio:7.0f}  {mark}", flush=True)
    print(f"{over} check(s) grow faster than linearly past {args.min_seconds} s "
          f"({len(shapes)} shapes x {len(table)} checks, {args.short} -> {args.long} characters)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
