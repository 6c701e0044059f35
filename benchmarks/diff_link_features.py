"""Which features of a link separate flags on right links from flags on wrong ones, on real cases.

The diff stage gates on the link (:mod:`workbench.diff.salience`): below ``STRONG_LINK`` (the
aligner's margin less than 0.02 above its threshold) a link gives one figure flag and no
word-diff runs. This script shows, on hand-referenced cases (``reference.toml``, the format of
``real_cases_eval.py``), where the flags of each kind fall by two features of their outlet's
link: the **margin** above the aligner's threshold (the smallest of the outlet's link scores,
as :func:`workbench.pipeline.compare.link_confidence` reads it) and the **word overlap** (share
of the statement's English content words, its translation when supplied, that the report
sentences hold; ``-`` without a translation). Each case is aligned once as ``workbench compare``
does (per outlet, with the pipeline's anchors; the analyst's corrections and the translation
audit left out), then the differences are filled twice: **ungated** (the gate's constants off)
and **as shipped**. Every flag is classed as ``key`` (a key difference of a fitting kind on its
sentence), ``wrong`` (its sentence is not linked to that statement in the reference) or
``other`` (a right link, no key: real or noise, see each case's ``judged_flags.toml``).

Usage::

    PYTHONPATH=. python benchmarks/diff_link_features.py --cases /work/para5-cases private/real-cases

The cases hold real pages and are git-ignored; only this script and numbers are committed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_cases_eval as rce  # noqa: E402
from diff_gate_bench import ungated  # noqa: E402

from workbench.align import align  # noqa: E402
from workbench.diff.salience import word_diff_run  # noqa: E402
from workbench.diff.text import is_content, stem, tokenize  # noqa: E402
from workbench.pipeline.anchors import default_anchors  # noqa: E402
from workbench.pipeline.compare import (  # noqa: E402
    _case_statements,
    _resolve,
    _threshold,
    case_at,
    case_reports,
    fill_differences,
)
from workbench.types import Alignment, Comparison, Difference  # noqa: E402

MARGINS = (0.0, 0.01, 0.02, 0.04)
OVERLAPS = (0.0, 0.25, 0.5)


def _bin(value: float | None, edges: tuple[float, ...]) -> str:
    if value is None:
        return "-"
    lo = max((e for e in edges if value >= e), default=edges[0])
    later = [e for e in edges if e > lo]
    return f"{lo:g}-{later[0]:g}" if later else f">={lo:g}"


class Reference(rce.Reference):
    """A case's reference links and keys, placed on the workbench's own sentences."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.gold: set[tuple[str, int, int]] = set(self.gold_links(strict=False))
        self.keys = [
            (k["report"], self.sid(k["report"], k["sentence"]), set(k["kinds"]))
            for k in self.ref.get("key_differences", [])
        ]

    def classify(self, al: Alignment, d: Difference) -> str:
        """``key``, ``wrong`` or ``other`` for one flag (as ``real_cases_eval.py`` places it)."""
        doc = d.report_document
        linked = set().union(*(self.sid(doc, r.text) for r in al.reports if r.document_id == doc))
        words = d.report.strip()
        own = {
            s for s in linked if words and words in self.texts[doc][slice(*self.spans[doc][s])]
        } or linked
        if any(k_doc == doc and ks & own and d.kind in kinds for k_doc, ks, kinds in self.keys):
            return "key"
        if not any((doc, al.statement.index, s) in self.gold for s in own):
            return "wrong"
        return "other"


def features(al: Alignment, doc: str, threshold: float) -> tuple[float | None, float | None]:
    """The margin of the outlet's link above the threshold, and its word overlap."""
    scores = [
        link.score
        for ref, link in zip(al.reports, al.links, strict=False)
        if ref.document_id == doc and len(al.links) == len(al.reports)
    ]
    margin = (min(scores) if scores else al.score) - threshold
    if not al.statement.translation:
        return margin, None
    said = {stem(t.text) for t in tokenize(al.statement.translation) if is_content(t)}
    report = " ".join(r.text for r in al.reports if r.document_id == doc)
    held = {stem(t.text) for t in tokenize(report) if is_content(t)}
    return margin, len(said & held) / max(1, len(said))


def tally(comparison: Comparison, ref: Reference, threshold: float, into: Counter[Any]) -> None:
    """Count every flag by (group, margin bin, overlap bin, class)."""
    for al in comparison.alignments:
        for d in al.differences:
            if d.report_document not in ref.texts:
                continue
            margin, overlap = features(al, d.report_document, threshold)
            group = "word-diff run" if word_diff_run(d) else "other kinds"
            into[(group, _bin(margin, MARGINS), _bin(overlap, OVERLAPS), ref.classify(al, d))] += 1


def run(folders: list[Path]) -> tuple[Counter[Any], Counter[Any]]:
    """Align each case once, fill ungated and shipped, tally both."""
    raw: Counter[Any] = Counter()
    shipped: Counter[Any] = Counter()
    for folder in folders:
        case = case_at(folder)
        statements, _ = _case_statements(case, None, None)
        reports = case_reports(case)
        emb, lex = _resolve(None, None, None)
        threshold = _threshold(emb, None)
        aligned = align(statements, reports, emb, anchors=default_anchors())
        src_of = {d.id: d.language for d in case.statements}
        issuers = {d.id: (d.outlet, d.title) for d in case.statements}
        ref = Reference(folder)
        with ungated():
            tally(fill_differences(aligned, lex, src_of, threshold, issuers), ref, threshold, raw)
        tally(fill_differences(aligned, lex, src_of, threshold, issuers), ref, threshold, shipped)
    return raw, shipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True, help="folders of cases")
    args = parser.parse_args(argv)
    folders = sorted(
        f for root in args.cases for f in root.iterdir() if (f / "reference.toml").exists()
    )
    if not folders:
        raise SystemExit("No case with a reference.toml under the given folders.")
    raw, shipped = run(folders)
    print(f"# link features of flags, {len(folders)} cases")
    print(
        "| flags | margin | word overlap | key | wrong link | other | shipped: key / wrong / other |"
    )
    print("|---|---|---|---:|---:|---:|---|")
    for group, m, o in sorted({k[:3] for k in raw}):
        row = [raw[(group, m, o, c)] for c in ("key", "wrong", "other")]
        kept = "/".join(str(shipped[(group, m, o, c)]) for c in ("key", "wrong", "other"))
        print(f"| {group} | {m} | {o} | {row[0]} | {row[1]} | {row[2]} | {kept} |")
    for name, t in (("ungated", raw), ("shipped", shipped)):
        per = {c: sum(n for k, n in t.items() if k[3] == c) for c in ("key", "wrong", "other")}
        print(f"{name}: {sum(t.values())} flags ({', '.join(f'{c} {n}' for c, n in per.items())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
