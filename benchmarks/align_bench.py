"""Alignment precision and recall on real documents, for kk, ky and ru against English.

A *scenario* imitates a state statement and a foreign report built from one news document:

* the statement side is the document in kk, ky or ru (no translation: there is no MT model in
  the benchmark), the report side is the English original;
* each side loses sentences independently (``--drop-statements``, ``--drop-reports``);
* neighbouring kept sentences are merged with probability ``--merge`` on each side (a statement
  sentence the report splits in two: one-to-many; a report sentence that retells two statement
  sentences: many-to-one);
* ``--add`` × (document length) unrelated English sentences from documents outside the sample
  are added to the report;
* both sides are shuffled.

A gold link joins a statement item and a report item that share an original line. Precision is
the share of predicted links that are gold, recall the share of gold links predicted; the report
sentences with no gold link (added, or whose statement was dropped) should stay unmatched.

Two modes:

* default: measure on NTREX-128 documents (``DOCUMENT_IDS.tsv`` groups lines into articles) with
  the aligner's calibrated constants;
* ``--calibrate``: grid-search the constants on FLORES-200 dev (blocks of ``--block`` consecutive
  lines as pseudo-documents, so neighbouring sentences of one article compete) and print the
  best ones, to be copied into ``workbench/align/aligner.py:CALIBRATIONS``.

Tuning on FLORES and measuring on NTREX keeps the reported numbers off the tuning data.
Embeddings go through the workbench's SQLite embedding cache, so a second run is fast.

Usage: ``python benchmarks/align_bench.py [--data ../shared/data] [--docs 40] [--seed 1]``
and ``python benchmarks/align_bench.py --calibrate``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.align import AlignParams, Embedder, align, create_embedder, params_for
from workbench.settings import Settings
from workbench.testsets import shared_data
from workbench.types import ReportRef, StatementRef

FILES = {"kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "ru": "rus_Cyrl.txt"}
REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Scenario:
    """One statement/report pair built from one document in one language."""

    doc: str
    lang: str
    statements: list[StatementRef]
    reports: list[ReportRef]
    gold: set[tuple[int, int]]


def default_data() -> Path:
    """``../shared/data`` next to the repository (or two levels up, for a git worktree): the one
    lookup of :func:`workbench.testsets.shared_data`, for this checkout."""
    return shared_data(REPO)


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 file."""
    return path.read_text(encoding="utf-8").splitlines()


def ntrex_documents(folder: Path) -> dict[str, list[int]]:
    """NTREX-128 line numbers grouped by news document, in file order."""
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(read_lines(folder / "DOCUMENT_IDS.tsv")):
        docs.setdefault(doc.split("\t")[0], []).append(n)
    return docs


def flores_blocks(count: int, block: int, seed: int) -> dict[str, list[int]]:
    """FLORES lines cut into consecutive blocks (pseudo-documents of a few articles each).

    Block lengths vary uniformly from 3 to ``2 * block - 3`` lines, so that the constants also
    fit short inputs (where the margin's ``prior`` stands in for missing neighbours).
    """
    rng = random.Random(seed)
    blocks: dict[str, list[int]] = {}
    start = 0
    while start < count:
        size = rng.randint(3, max(3, 2 * block - 3))
        blocks[f"block{len(blocks):03d}"] = list(range(start, min(start + size, count)))
        start += size
    return blocks


def _items(lines: list[int], drop: float, merge: float, rng: random.Random) -> list[list[int]]:
    kept = [n for n in lines if rng.random() >= drop]
    items: list[list[int]] = []
    for n in kept:
        if items and len(items[-1]) == 1 and items[-1][0] == n - 1 and rng.random() < merge:
            items[-1].append(n)
        else:
            items.append([n])
    rng.shuffle(items)
    return items


def make_layout(
    docs: dict[str, list[int]], pool: list[int], args: argparse.Namespace, seed: int
) -> dict[str, tuple[list[list[int]], list[list[int]]]]:
    """Per document: statement items and report items as lists of line numbers.

    A report item ``[-n - 1]`` is the unrelated English line ``n`` from ``pool``. The layout is
    the same for every language, so the languages are compared on identical scenarios.
    """
    rng = random.Random(seed)
    layout = {}
    for doc, lines in docs.items():
        statements = _items(lines, args.drop_statements, args.merge, rng)
        reports = _items(lines, args.drop_reports, args.merge, rng)
        # never the document itself, nor lines next to it (a FLORES article may cross blocks)
        outside = [n for n in pool if not min(lines) - 5 <= n <= max(lines) + 5]
        extra = rng.sample(outside, max(1, round(args.add * len(lines))))
        reports += [[-n - 1] for n in extra]
        rng.shuffle(reports)
        layout[doc] = (statements, reports)
    return layout


def build(
    layout: dict[str, tuple[list[list[int]], list[list[int]]]],
    source: list[str],
    english: list[str],
    lang: str,
) -> list[Scenario]:
    """Scenarios with texts for one language."""
    out = []
    for doc, (s_items, r_items) in layout.items():
        statements = [
            StatementRef(i, " ".join(source[n] for n in item), document_id=doc)
            for i, item in enumerate(s_items)
        ]
        reports = [
            ReportRef(j, " ".join(english[n if n >= 0 else -n - 1] for n in item))
            for j, item in enumerate(r_items)
        ]
        gold = {
            (i, j) for i, s in enumerate(s_items) for j, r in enumerate(r_items) if set(s) & set(r)
        }
        out.append(Scenario(doc, lang, statements, reports, gold))
    return out


def prefetch(scenarios: Iterable[Scenario], embedder: Embedder) -> tuple[int, float]:
    """Embed every text once, in bulk; returns (texts, seconds)."""
    texts = list(
        dict.fromkeys(
            t
            for sc in scenarios
            for t in [s.text for s in sc.statements] + [r.text for r in sc.reports]
        )
    )
    t0 = time.perf_counter()
    embedder.embed(texts)
    return len(texts), time.perf_counter() - t0


def evaluate(
    scenarios: list[Scenario], embedder: Embedder, params: AlignParams
) -> dict[str, float]:
    """Link precision/recall/F1, recall of whole (1:1) and partial (merged) gold links, and the
    share of no-counterpart report sentences left unmatched."""
    tp = predicted = gold = lone = lone_ok = whole = whole_ok = 0
    for sc in scenarios:
        result = align(sc.statements, sc.reports, embedder, params=params)
        links = {(a.statement.index, r.index) for a in result.alignments for r in a.reports}
        tp += len(links & sc.gold)
        predicted += len(links)
        gold += len(sc.gold)
        per_s = Counter(i for i, _ in sc.gold)
        per_r = Counter(j for _, j in sc.gold)
        ones = {(i, j) for i, j in sc.gold if per_s[i] == 1 and per_r[j] == 1}
        whole += len(ones)
        whole_ok += len(ones & links)
        has_gold = set(per_r)
        unmatched = {r.index for r in result.unmatched_reports}
        alone = [r.index for r in sc.reports if r.index not in has_gold]
        lone += len(alone)
        lone_ok += sum(j in unmatched for j in alone)
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "P": p,
        "R": r,
        "F1": f,
        "gold": gold,
        "pred": predicted,
        "R1": whole_ok / max(whole, 1),
        "Rpart": (tp - whole_ok) / max(gold - whole, 1),
        "left": lone_ok / max(lone, 1),
    }


# ── calibration ──────────────────────────────────────────────────────────────────────────────

#: Values tried for each constant, in the order the coordinate search visits them.
GRID: dict[str, tuple[float, ...]] = {
    "threshold": tuple(round(1.0 + 0.004 * i, 3) for i in range(16)),
    "floor": (0.78, 0.79, 0.80, 0.81, 0.82),
    "secondary": (0.96, 0.97, 0.98, 0.99, 1.0, 1.01, 1.02, 9.0),  # 9: no merge check
    "gain": (-0.02, -0.01, 0.0, 0.01, 0.02, 0.03),
    "prior": (0.70, 0.75, 0.80),
    "k": (2, 3, 4, 5),
}
START = AlignParams(threshold=1.02, floor=0.80, secondary=1.0, gain=0.0, prior=0.75, k=3)


def _objective(metrics: dict[str, float]) -> tuple[float, float]:
    return round(metrics["F1"], 4), metrics["P"]


def calibrate(
    scenarios: list[Scenario], embedder: Embedder, rounds: int = 2
) -> tuple[AlignParams, dict[str, float], list[str]]:
    """Coordinate search for the constants with the best link F1 (ties: higher precision).

    Each round tries every value of one constant with the others fixed, keeps the best, and moves
    on to the next constant. Scores come from the real :func:`align` on every scenario.

    Returns:
        The best constants, their metrics, and a log of every step.
    """
    best = START
    best_m = evaluate(scenarios, embedder, best)
    steps = [f"start {best.signature_fields()}  F1 {best_m['F1']:.4f}"]
    for _ in range(rounds):
        for name, values in GRID.items():
            for value in values:
                trial = replace(best, **{name: int(value) if name == "k" else value})
                m = evaluate(scenarios, embedder, trial)
                if _objective(m) > _objective(best_m):
                    best, best_m = trial, m
            steps.append(
                f"{name:<9} -> {best.signature_fields()}  "
                f"F1 {best_m['F1']:.4f}  P {best_m['P']:.4f}  R {best_m['R']:.4f}"
            )
    return best, best_m, steps


# ── command line ─────────────────────────────────────────────────────────────────────────────


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="the shared data folder")
    parser.add_argument(
        "--calibrate",
        nargs="?",
        const="flores",
        choices=("flores", "ntrex"),
        help="search the constants instead of measuring: on FLORES-200 dev (default) or on "
        "NTREX documents disjoint from the measured ones",
    )
    parser.add_argument(
        "--set",
        choices=("ntrex", "flores"),
        default="ntrex",
        help="measure on NTREX-128 documents (default) or FLORES-200 dev pseudo-documents",
    )
    parser.add_argument("--langs", nargs="+", default=sorted(FILES), choices=sorted(FILES))
    parser.add_argument("--docs", type=int, default=40, help="NTREX documents to sample (0: all)")
    parser.add_argument("--block", type=int, default=20, help="FLORES lines per pseudo-document")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--drop-statements", type=float, default=0.2)
    parser.add_argument("--drop-reports", type=float, default=0.2)
    parser.add_argument("--merge", type=float, default=0.1)
    parser.add_argument("--add", type=float, default=0.3)
    parser.add_argument("--embedder", default="e5-small")
    parser.add_argument("--prefix", choices=("query", "passage"), help="e5 prefix (default: query)")
    parser.add_argument("--threshold", type=float, help="override the calibrated margin threshold")
    return parser.parse_args()


def load(args: argparse.Namespace) -> tuple[dict[str, list[int]], list[int], Path]:
    """Documents to use, the pool of unrelated lines, and the data folder of the set.

    NTREX documents are split by ``--seed``: ``--docs`` documents are measured; with
    ``--calibrate ntrex`` another ``--docs`` documents, disjoint from those, are tuned on, and
    their unrelated lines come from the remaining documents only.
    """
    if args.calibrate == "flores" or (not args.calibrate and args.set == "flores"):
        folder = args.data / "flores200-dev"
        docs = flores_blocks(len(read_lines(folder / "eng_Latn.txt")), args.block, args.seed)
        return docs, list(range(sum(map(len, docs.values())))), folder
    folder = args.data / "ntrex128"
    everything = {d: lines for d, lines in ntrex_documents(folder).items() if len(lines) >= 4}
    names = sorted(everything)
    chosen = sorted(random.Random(args.seed).sample(names, args.docs)) if args.docs else names
    if args.calibrate == "ntrex":
        rest = [d for d in names if d not in chosen]
        tune = sorted(random.Random(args.seed + 1).sample(rest, min(args.docs or 40, len(rest))))
        pool = [n for d in rest if d not in tune for n in everything[d]]
        return {d: everything[d] for d in tune}, pool, folder
    pool = [n for d in names if d not in chosen for n in everything[d]]
    return {d: everything[d] for d in chosen}, pool, folder


def main() -> None:
    args = parse_args()
    settings = Settings.resolve()
    options = {"prefix": args.prefix} if args.prefix else {}
    embedder = create_embedder(args.embedder, settings=settings, **options)
    docs, pool, folder = load(args)
    english = read_lines(folder / "eng_Latn.txt")
    layout = make_layout(docs, pool, args, args.seed)
    print(
        f"set: {folder.name}  documents: {len(docs)}  lines: {sum(map(len, docs.values()))}  "
        f"seed: {args.seed}  drop statements: {args.drop_statements}  drop reports: "
        f"{args.drop_reports}  merge: {args.merge}  add: {args.add}"
    )
    print(f"embedder: {embedder.signature}")
    by_lang = {
        lang: build(layout, read_lines(folder / FILES[lang]), english, lang) for lang in args.langs
    }
    count, seconds = prefetch([sc for scs in by_lang.values() for sc in scs], embedder)
    print(f"embedded {count} distinct sentences in {seconds:.1f} s (cache hits are free)")
    if args.calibrate:
        pooled = [sc for scs in by_lang.values() for sc in scs]
        best, metrics, steps = calibrate(pooled, embedder)
        print("coordinate search (pooled over languages):", *steps, sep="\n  ")
        print(f"best: {best.signature_fields()}")
        print(f"{'lang':<5}{'P':>8}{'R':>8}{'F1':>8}")
        for lang, scenarios in by_lang.items():
            m = evaluate(scenarios, embedder, best)
            print(f"{lang:<5}{m['P']:>8.3f}{m['R']:>8.3f}{m['F1']:>8.3f}")
        return
    params = params_for(embedder, args.threshold)
    print(f"aligner: {align([], [], embedder, params=params).signature}")
    head = ["scenarios", "gold", "pred", "P", "R", "F1", "R 1:1", "R part", "left"]
    print(f"{'lang':<5}" + "".join(f"{h:>10}" for h in head))
    for lang, scenarios in by_lang.items():
        t0 = time.perf_counter()
        m = evaluate(scenarios, embedder, params)
        cells = [len(scenarios), m["gold"], m["pred"]]
        cells += [f"{m[key]:.3f}" for key in ("P", "R", "F1", "R1", "Rpart", "left")]
        print(f"{lang:<5}" + "".join(f"{c:>10}" for c in cells), end="")
        print(f"   ({time.perf_counter() - t0:.1f} s)")
    print(
        "P, R, F1: links; R 1:1 / R part: recall of gold links between unmerged sentences / "
        "involving a merged one (one-to-many, many-to-one); left: share of report sentences "
        "with no counterpart that stayed unmatched"
    )


if __name__ == "__main__":
    main()
