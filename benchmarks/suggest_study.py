"""Suggested links (docs/align.md, "Session 15 (suggest15): suggested links"): how often the
aligner's own ranking holds the reference line of a report sentence it left unlinked, and what
showing its best lines would cost the analyst to read.

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml``) the
script runs ``align()`` as Compare does (case statements with their supplied translations, the
pipeline's anchors) with a suggestion rule that keeps every rank (``SuggestRule(k=3, margin=0,
cosine=0)``), so the ranking read is the product's own. It prints, per folder:

* *ranks*: of the reference pairs the aligner misses, how many sit on a sentence it left
  unlinked (only those can be suggested), and of those, the share whose line is the sentence's
  best / one of its best two / best three lines by sentence ratio margin (with anchors), and by
  the best clause margin of the pair (``align_link_study.clause_matrix``: either side cut);
* *gates*: for a least margin of 0.97 / 0.99 / 1.0, a least cosine of 0.80 (the aligner's
  ``gate``) / 0.82 / 0.84 and k = 1 / 2 / 3: the unlinked sentences that would show suggestions (and per
  outlet), the suggestions, the share of them that are reference pairs, the share of shown
  sentences with a right suggestion, and the missed reference pairs a suggestion recovers.

A suggestion is not a link: alignment precision and recall never count it.

Usage::

    python benchmarks/suggest_study.py --cases /work/dev11 /work/dev11-tr

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402
from align_link_study import clause_matrix  # noqa: E402
from align_translated_study import kept_case, study_aligner  # noqa: E402

from workbench.align import aligner as A  # noqa: E402

#: Least sentence margins of a suggestion studied.
MARGINS = (0.97, 0.99, 1.0)
#: Least cosines of a suggestion studied (the first is the aligner's ``gate``, 0.80).
COSINES = (0.80, 0.82, 0.84)
#: Numbers of lines per sentence studied.
KS = (1, 2, 3)
#: Every rank, every margin: the study applies its gates itself.
EVERY = A.SuggestRule(k=max(KS), margin=0.0, cosine=0.0)


def rank_of(line: int, ranked: list[int]) -> int:
    """1-based place of ``line`` in ``ranked`` (0 when absent)."""
    return ranked.index(line) + 1 if line in ranked else 0


def gates() -> list[tuple[float, float, int]]:
    """Every (least margin, least cosine, k) studied."""
    return [(m, c, k) for m in MARGINS for c in COSINES for k in KS]


def count_gates(
    counts: Counter, suggestions: list[tuple[int, float, float]], ref: set[int]
) -> None:
    """Count one unlinked sentence's ``suggestions`` ((line, margin, cosine), best first) under
    every gate of :func:`gates` against its reference lines ``ref``."""
    for least, cos, k in gates():
        shown = [s for s, m, c in suggestions[:k] if m >= least and c >= cos]
        if not shown:
            continue
        right = sum(s in ref for s in shown)
        counts["gate", (least, cos, k), "sentences"] += 1
        counts["gate", (least, cos, k), "suggestions"] += len(shown)
        counts["gate", (least, cos, k), "right"] += right
        counts["gate", (least, cos, k), "sentence right"] += right > 0


def study_case(folder: Path, emb: Any, anchors: Any, params: Any) -> Counter:
    """Counts of one case: ranks of the missed reference lines and the gates' reading cost."""
    reading, gold, _, kept_s, kept_r = kept_case(folder, params)
    out = A.align(kept_s, kept_r, emb, params=params, anchors=anchors, suggest=EVERY)
    sids = [reading.sid(r.document_id, r.text) for r in kept_r]
    ref = [{s for d, s, sid in gold if d == r.document_id and sid in sids[j]} for j, r in
           enumerate(kept_r)]  # fmt: skip
    linked = {(a.statement.index, r.index) for a in out.alignments for r in a.reports}
    linked_r = {j for _, j in linked}
    ranked: dict[int, list[tuple[int, float, float]]] = {}
    for o in out.outlets:
        for s in o.suggestions:
            ranked.setdefault(s.report.index, []).append((s.statement.index, s.margin, s.cosine))
    views = A._views(kept_s, kept_r, emb)
    lines = [s.index for s in kept_s]
    counts: Counter = Counter()
    for doc, cols in A._outlet_columns(kept_r).items():
        counts["outlets"] += 1
        clause: np.ndarray | None = None
        for n, c in enumerate(cols):
            report = kept_r[c].index
            counts["sentences"] += 1
            for s in ref[c]:
                counts["pairs"] += 1
                counts["found"] += (s, report) in linked
            if report in linked_r:
                continue
            counts["unlinked sentences"] += 1
            mine = ranked.get(report, [])
            count_gates(counts, mine, ref[c])
            if not ref[c]:
                continue
            if clause is None:
                clause = clause_matrix(kept_s, kept_r, cols, views, emb, params, anchors)[0]
            by_clause = [lines[int(i)] for i in np.argsort(-clause[:, n], kind="stable")[:3]]
            for s in ref[c]:
                counts["missed, sentence unlinked"] += 1
                r = rank_of(s, [line for line, _, _ in mine])
                rc = rank_of(s, by_clause)
                for k in KS:
                    counts["rank sentence", k] += 0 < r <= k
                    counts["rank clause", k] += 0 < rc <= k
        del doc
    return counts


def print_folder(name: str, counts: Counter) -> None:
    """The two tables of one folder."""
    pairs, found = counts["pairs"], counts["found"]
    unlinked = counts["missed, sentence unlinked"]
    print(
        f"\n## {name}: {counts['outlets']} outlets, {counts['sentences']} report sentences "
        f"({counts['unlinked sentences']} unlinked); reference pairs {pairs}, found {found}, "
        f"missed {pairs - found}, of them on an unlinked sentence {unlinked}"
    )
    cells = []
    for unit in ("sentence", "clause"):
        shares = [f"{counts['rank ' + unit, k] / max(unlinked, 1):.2f}" for k in KS]
        cells.append(f"{unit} margin top-1/2/3 " + " / ".join(shares))
    print("missed on an unlinked sentence, the line's rank: " + "; ".join(cells))
    print(
        "least margin | least cosine | k | sentences shown (per outlet) | suggestions | "
        "right share | sentences with a right one | missed pairs recovered"
    )
    outlets = max(counts["outlets"], 1)
    for gate in gates():
        g = {key[2]: v for key, v in counts.items() if key[:2] == ("gate", gate)}
        shown, sug, right = g.get("sentences", 0), g.get("suggestions", 0), g.get("right", 0)
        print(
            f"{gate[0]:.2f} | {gate[1]:.2f} | {gate[2]} | {shown} ({shown / outlets:.1f}) | "
            f"{sug} | {right / max(sug, 1):.2f} | "
            f"{g.get('sentence right', 0) / max(shown, 1):.2f} | {right} of {unlinked}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    args = parser.parse_args(argv)
    refs = rce.references_under(args.cases, parser)
    emb, params, anchors = study_aligner()
    for folder, found in refs.items():
        counts: Counter = Counter()
        for ref in found:
            counts.update(study_case(ref.parent, emb, anchors, params))
        print_folder(folder.name, counts)


if __name__ == "__main__":
    main()
