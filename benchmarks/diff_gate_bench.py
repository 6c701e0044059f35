"""Link gating of the diff: which differences wrong links produce, by kind and link confidence.

The compare pipeline gives every (statement, outlet) link a confidence from the aligner's margin
(:func:`workbench.pipeline.compare.link_confidence`: 0.5 at the threshold, 1.0 at 0.02 above) and
the diff stage gates on it (:mod:`workbench.diff.salience`: below ``WEAK_LINK`` only the report's
own-voice kinds, below ``STRONG_LINK`` one figure flag per link). This benchmark is where those
constants are calibrated, on cases whose right and wrong links are known by construction:
the cases of ``align_real_bench.py`` (NTREX-128 documents in kk/ky/ru without translation,
3–5 simulated outlets retelling them whole, partly, merged and in reported speech, plus
same-topic **traps** from other documents that must not be linked).

Each case is aligned once; the diff is then filled twice through the pipeline's own
:func:`fill_differences`: **ungated** (both constants disabled) and **as shipped**. A link
(one alignment × one outlet) is *right* when every report sentence in it retells that statement.
Printed: links and flags per confidence bin on right and wrong links, flags per kind and side
(B: both sides, S: statement only, R: report only) on right and wrong links, how many flags
per link (a pile of flags on one link), and on right links how often a clause link narrows the
diff's focus for each kind of retelling (right for partial and merged retellings, wrong for
whole ones).

The simulated retellings plant no differences, so flags on right links are not "keys"; what the
table shows is which kinds and confidences wrong links produce compared with right ones, and
what the gate removes from each. Documents come from the tuning half (``--half tune``, the
default, where the constants are chosen) or the measuring half.

Usage::

    PYTHONPATH=. python benchmarks/diff_gate_bench.py [--docs 12] [--half tune|measure]
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_real_bench as arb  # noqa: E402

from workbench.align import align, create_embedder, params_for  # noqa: E402
from workbench.diff import load_lexicon  # noqa: E402
from workbench.pipeline.compare import _link_of, fill_differences  # noqa: E402
from workbench.settings import Settings  # noqa: E402
from workbench.types import Comparison  # noqa: E402

#: The diff stage's gating module (``workbench.diff`` also exports a function ``salience``).
salience: Any = importlib.import_module("workbench.diff.salience")
BINS = ((0.0, 0.5), (0.5, 0.75), (0.75, 1.0), (1.0, 1.01))


@contextmanager
def ungated() -> Iterator[None]:
    """The diff stage with link gating switched off (both thresholds below any confidence)."""
    weak, strong = salience.WEAK_LINK, salience.STRONG_LINK
    salience.WEAK_LINK = salience.STRONG_LINK = -1.0
    try:
        yield
    finally:
        salience.WEAK_LINK, salience.STRONG_LINK = weak, strong


def bin_of(confidence: float | None) -> str:
    """The confidence bin's label ("0.5-0.75"), "-" when the link has none."""
    for lo, hi in BINS:
        if confidence is not None and lo <= confidence < hi:
            return f"{lo}-{min(hi, 1.0)}"
    return "-"


def side(d: object) -> str:
    """B (both sides), S (statement only) or R (report only)."""
    s, r = getattr(d, "statement_span", None), getattr(d, "report_span", None)
    return "B" if s and r else ("S" if s else "R")


class Tally:
    """Links, flags per bin / kind / pile, for right and wrong links, under one policy."""

    def __init__(self) -> None:
        self.links: Counter[tuple[str, bool]] = Counter()
        self.flags: Counter[tuple[str, bool]] = Counter()
        self.kinds: Counter[tuple[str, bool]] = Counter()
        self.piles: dict[bool, Counter[int]] = defaultdict(Counter)
        self.focus: Counter[tuple[str, str]] = Counter()

    def add(
        self,
        filled: Comparison,
        gold: set[tuple[int, int]],
        threshold: float,
        kinds: dict[int, str],
    ) -> None:
        """Count one filled comparison against its gold links (``kinds``: how each report
        sentence retells, whole / partial / merged / trap)."""
        for al in filled.alignments:
            for doc in sorted({r.document_id for r in al.reports}):
                conf, focus = _link_of(al, doc, threshold, "original")
                refs = [r for r in al.reports if r.document_id == doc]
                right = all((al.statement.index, r.index) in gold for r in refs)
                if right:
                    how = "+".join(sorted({kinds[r.index] for r in refs}))
                    whole = focus is None or focus[1] - focus[0] >= 0.9 * len(al.statement.text)
                    self.focus[(how, "no focus" if focus is None else
                                ("whole" if whole else "narrowed"))] += 1  # fmt: skip
                ds = [d for d in al.differences if d.report_document == doc]
                self.links[(bin_of(conf), right)] += 1
                self.flags[(bin_of(conf), right)] += len(ds)
                self.piles[right][min(len(ds), 4)] += 1
                for d in ds:
                    self.kinds[(f"{d.kind} {side(d)}", right)] += 1


def run(args: argparse.Namespace) -> None:
    """Build the cases, align each once, fill the differences ungated and gated, print."""
    folder = args.data / "ntrex128"
    ids = [line.split("\t")[0] for line in arb.read_lines(folder / "DOCUMENT_IDS.tsv")]
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        docs.setdefault(doc, []).append(n)
    english = arb.read_lines(folder / "eng_Latn.txt")
    tune, measure = arb.split_documents(ids)
    split = tune if args.half == "tune" else measure
    chosen = sorted(random.Random(args.seed).sample(split, min(args.docs, len(split))))
    gen = argparse.Namespace(paragraphs=args.paragraphs, repeats=args.repeats)
    cases = arb.build_cases(docs, chosen, english, split, gen, args.seed)
    embedder = create_embedder(settings=Settings.resolve())
    params = params_for(embedder)
    lexicon = load_lexicon()
    tallies = {"ungated": Tally(), "shipped": Tally()}
    print(f"# diff gating benchmark  half={args.half} docs={len(chosen)} seed={args.seed}")
    print(
        f"gate: WEAK_LINK={salience.WEAK_LINK} STRONG_LINK={salience.STRONG_LINK}  "
        f"aligner: {params.signature_fields()}"
    )
    t0 = time.perf_counter()
    for lang in args.langs.split(","):
        lines = arb.read_lines(folder / arb.FILES[lang])
        for case in cases:
            statements, reports = arb.inputs(case, lines)
            aligned = align(statements, reports, embedder, params=params)
            gold: set[tuple[int, int]] = set()
            kinds: dict[int, str] = {}
            start = 0
            for outlet in case.outlets:
                gold |= {(p, start + j) for j, it in enumerate(outlet) for p in it.lines}
                kinds |= {start + j: it.kind for j, it in enumerate(outlet)}
                start += len(outlet)
            with ungated():
                raw = fill_differences(aligned, lexicon, lang, params.threshold)
            tallies["ungated"].add(raw, gold, params.threshold, kinds)
            shipped = fill_differences(aligned, lexicon, lang, params.threshold)
            tallies["shipped"].add(shipped, gold, params.threshold, kinds)
    print(f"time {time.perf_counter() - t0:.0f}s (languages: {args.langs})\n")
    report(tallies)


def report(tallies: dict[str, Tally]) -> None:
    """The three tables (bins, kinds, piles) for both policies."""
    raw, shipped = tallies["ungated"], tallies["shipped"]
    print("## Links and flags per link-confidence bin (right / wrong links)")
    print("| confidence | right links | wrong links | wrong share | flags right ungated → shipped "
          "| flags wrong ungated → shipped |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for b in sorted({b for b, _ in raw.links}):
        r, w = raw.links[(b, True)], raw.links[(b, False)]
        print(
            f"| {b} | {r} | {w} | {w / max(r + w, 1):.2f} | {raw.flags[(b, True)]} → "
            f"{shipped.flags[(b, True)]} | {raw.flags[(b, False)]} → {shipped.flags[(b, False)]} |"
        )
    print("\n## Flags per kind and side (B both, S statement only, R report only)")
    print("| kind side | right ungated → shipped | wrong ungated → shipped | wrong share ungated |")
    print("|---|---:|---:|---:|")
    for k in sorted({k for k, _ in raw.kinds}, key=lambda k: -raw.kinds[(k, False)]):
        r, w = raw.kinds[(k, True)], raw.kinds[(k, False)]
        print(
            f"| {k} | {r} → {shipped.kinds[(k, True)]} | {w} → {shipped.kinds[(k, False)]} | "
            f"{w / max(r + w, 1):.2f} |"
        )
    print("\n## Flags per link (4 = four or more)")
    for name, t in tallies.items():
        for right in (True, False):
            pile = " ".join(f"{n}:{t.piles[right][n]}" for n in range(5))
            print(f"{name:<8} {'right' if right else 'wrong'}: {pile}")
    print("\n## Clause focus on right links, by how the outlet retells the statement")
    print("(narrowed: the diff compares only the clause the link retells; a whole retelling")
    print("given a narrowed focus loses what it retells outside it)")
    print("| retelling | no focus | narrowed | whole statement |")
    print("|---|---:|---:|---:|")
    for how in sorted({h for h, _ in raw.focus}):
        f = [raw.focus[(how, k)] for k in ("no focus", "narrowed", "whole")]
        print(f"| {how} | {f[0]} | {f[1]} | {f[2]} |")
    for name, t in tallies.items():
        w = sum(v for (_, ok), v in t.flags.items() if not ok)
        total = sum(t.flags.values())
        print(f"{name}: {total} flags, {w} on wrong links ({w / max(total, 1):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arb.add_case_options(parser, docs=12)
    parser.add_argument("--half", choices=("tune", "measure"), default="tune")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
