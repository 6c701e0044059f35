"""How fast the framing lexicon's search is: its one-pass index against scanning term by term.

``workbench.diff.lexicon`` finds the lexicon's labels and concepts through an index of term
heads, one regex pass per text (``_starts``). The scan it replaced tried every term whose prefix
occurs in the text with the term's whole pattern. This benchmark times both on the same lines, in
one run, alternating: per line, the labels and the concepts (``_search`` on both term lists) and
the categories (``categories_in``), the memo caches emptied so each line is searched. The scan is
the same code with ``_starts`` answering "anywhere" for every term, so both find the same hits
(tests/diff/test_lexicon_index.py proves the index against the old search).

Lines: every non-empty line of the given files or folders (``*.txt``, ``*.md``), grouped by
length. Printed for all lines with the index built within the timed run (what a process that
searches only these lines pays), then per length band with the index already built and its
character tables filled: the number of lines, microseconds per line of each search (the fastest
of ``--repeats`` rounds, as timeit advises: the slower ones met other jobs on the machine), and
scan / index. Needs no model.

Usage::

    .venv/bin/python benchmarks/lexicon_speed.py
    .venv/bin/python benchmarks/lexicon_speed.py --lines private/real-cases ../shared/data/ntrex128/kaz_Cyrl.txt
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: this checkout's workbench
    sys.path.insert(0, str(REPO))

from workbench.diff import lexicon as lexicon_module  # noqa: E402
from workbench.diff.lexicon import Lexicon, Term, categories_in, load_lexicon  # noqa: E402

#: Length bands (characters, lower bound inclusive, upper exclusive).
BANDS = ((0, 80), (80, 200), (200, 400), (400, 2000), (2000, 10**9))


def read_lines(paths: list[Path]) -> list[str]:
    """Every non-empty line of the files, and of the ``*.txt``/``*.md`` files under the folders."""
    lines: list[str] = []
    for path in paths:
        files = (
            [path] if path.is_file() else sorted(path.rglob("*.txt")) + sorted(path.rglob("*.md"))
        )
        for file in files:
            text = file.read_text(encoding="utf-8")
            lines += [line for line in text.splitlines() if line.strip()]
    return lines


def _scan_starts(text: str, terms: tuple[Term, ...]) -> list[tuple[Term, list[int] | None]]:
    """The old search: every term may match anywhere (its prefix, then its pattern, is tried)."""
    return [(term, None) for term in terms]


def time_search(lines: list[str], lexicon: Lexicon, scan: bool, fresh: bool) -> float:
    """Microseconds per line for the labels, the concepts and the categories of each line;
    ``fresh``: the index is built (and its character tables filled) within the timed run, as in
    a process that searches only these lines."""
    indexed = lexicon_module._starts
    if scan:
        lexicon_module._starts = _scan_starts
    try:
        if fresh:
            lexicon_module._INDEXES.clear()
        lexicon_module._CATEGORIES_CACHE.clear()
        gc.collect()
        gc.disable()  # as timeit does: a collection of earlier rounds' garbage is no search cost
        start = time.perf_counter()
        for line in lines:
            lexicon_module._search(line, lexicon.terms)
            lexicon_module._search(line, lexicon.concepts)
            lexicon_module._CATEGORIES_CACHE.clear()
            categories_in(line, lexicon)
        return (time.perf_counter() - start) / max(1, len(lines)) * 1e6
    finally:
        gc.enable()
        lexicon_module._starts = indexed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lines",
        nargs="+",
        type=Path,
        default=[REPO / "corpora"],
        help="files or folders whose lines are searched (default: the bundled corpora)",
    )
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1.")
    missing = [path for path in args.lines if not path.exists()]
    if missing:
        parser.error(f"--lines: {missing[0]} does not exist.")
    lines = read_lines(args.lines)
    if not lines:
        parser.error("--lines: no non-empty line in the given files.")
    lexicon = load_lexicon()
    print(
        f"{len(lines)} lines; fastest of {args.repeats} rounds, us per line (scan, index alternate)"
    )
    print("lines (chars) | lines | scan us | index us | scan / index")
    rows = [("all, index built in the run", lines, True)]
    for low, high in BANDS:
        label = f"{low}-{high}" if high < 10**9 else f"{low}+"
        rows.append((f"{label}, index warm", [ln for ln in lines if low <= len(ln) < high], False))
    for label, band, fresh in rows:
        if not band:
            continue
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.repeats):
            if not fresh:  # the index and its character tables filled by every line, untimed
                time_search(lines, lexicon, scan=False, fresh=True)
            for scan in (True, False):
                times[scan].append(time_search(band, lexicon, scan, fresh))
        scan_us, index_us = (min(times[s]) for s in (True, False))
        print(f"{label} | {len(band)} | {scan_us:.0f} | {index_us:.0f} | {scan_us / index_us:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
