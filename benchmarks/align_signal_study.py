"""Which signal tells a report sentence's reference line(s) from the other lines of the same
statement (docs/align.md, session 17).

For every report sentence the reference links to one or more lines of a statement, the lines of
that statement are ranked by each signal and the study prints, per folder:

* *top-1*: the share of such sentences whose best line by the signal is a reference line (ties
  share the credit);
* *AUC*: over every (reference line, other line) pair of the same sentence and statement, the
  share where the reference line scores higher (ties count half);
* *merged top-2*: over sentences the reference gives 2+ lines of the statement, the share of
  their reference lines among the signal's best two;
* a *precision/recall curve* over every (line, sentence) pair of the folder (every outlet; a
  reference pair is right): its average precision and the recall it reaches at precision 0.8
  and 0.7 (what a threshold on the signal could link).

Signals: the cosine (max view) and the sentence pass's ratio margin with the pipeline's anchors,
as the aligner ranks them; the anchors' lexicon-word share (the statement's words the report
renders: statement side); and the *gloss coverage* (report side,
``workbench.pipeline.anchors.gloss_coverage``, the aligner's ``gloss_bonus`` evidence): the
report sentence's content stems, folded words and figures, each weighted by 1 / the number of
the case's statement lines whose *gloss* carries it, summed over those the line's gloss carries.
A line's gloss is the word lexicon's usual English stems of its words (``bilexicon.py``), its
name words folded to Latin and its figures, plus the English stems of its supplied translation
when it has one. Combinations add ``w`` × the gloss coverage to the margin.

``--links`` (session 17, after ``gloss_bonus`` 0.01 raised recall and wrong links alike on the
validation set) prints what the sentence pass would link with the gloss added at each weight and
threshold: per sentence its best line by margin + ``w`` × gloss coverage (cosine with the same
evidence at the floor), counted right / all at thresholds ``THRESHOLDS``; a threshold that keeps
the shipped number of links shows whether the gloss re-ranks (more right links) or only adds.

``--repick`` (session 17) counts what a *re-pick* would do: a sentence the shipped aligner links
to one line through the sentence pass moved to its best line by margin + ``w`` × gloss coverage
when that is another line (no link added or removed): right → wrong, wrong → right, wrong → wrong,
and right → right (both lines in the reference).

``--prefix`` also embeds the statement side with e5's ``passage:`` prefix (the report side
``query:``, and both ``passage:``) and ranks by those cosines: the embedder's asymmetric mode
(it re-embeds the folder's sentences once per prefix, through the cache).

Usage::

    WORKBENCH_HOME=... python benchmarks/align_signal_study.py --cases /work/dev11 /work/dev11-tr

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402
from align_translated_study import kept_case, passes, study_aligner  # noqa: E402

from workbench.align import aligner as A  # noqa: E402
from workbench.align import create_embedder  # noqa: E402
from workbench.pipeline.anchors import gloss_coverage  # noqa: E402
from workbench.settings import Settings  # noqa: E402

#: Weights of the gloss coverage added to the margin in the combined signals.
WEIGHTS = (0.01, 0.02, 0.04)
#: Thresholds of the ``--links`` table.
THRESHOLDS = (1.01, 1.015, 1.02, 1.0225, 1.025, 1.0275, 1.03, 1.035, 1.04, 1.05)


def rank_scores(scores: np.ndarray, right: np.ndarray) -> tuple[float, float, int]:
    """(top-1 credit, AUC's wins, AUC's pairs) of one sentence's lines by ``scores``."""
    best = scores == scores.max()
    top = float(right[best].mean())
    pos, neg = scores[right], scores[~right]
    wins = float((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
    return top, wins, int(pos.size * neg.size)


def curve(scores: list[float], right: list[bool]) -> tuple[float, float, float]:
    """Average precision and the recall at precision 0.8 and 0.7 of pairs ranked by score."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    hit = np.asarray(right)[order]
    if not hit.any():
        return 0.0, 0.0, 0.0
    tp = np.cumsum(hit)
    prec = tp / np.arange(1, len(hit) + 1)
    rec = tp / hit.sum()
    ap = float((prec * hit).sum() / hit.sum())
    at = [float(rec[prec >= p].max()) if (prec >= p).any() else 0.0 for p in (0.8, 0.7)]
    return ap, at[0], at[1]


def study_case(
    folder: Path,
    emb: Any,
    anchors: Any,
    params: Any,
    prefixed: dict[str, Any],
    pooled: dict[str, tuple[list[float], list[bool]]],
    links: dict[tuple[str, float], list[int]] | None = None,
    repick: dict[tuple[float, str], int] | None = None,
) -> dict[str, list[float]]:
    """Per signal: [top-1 credit sum, sentences, AUC wins, AUC pairs, merged top-2 hits,
    merged reference lines] over the case's reference sentences."""
    reading, gold, _, kept_s, kept_r = kept_case(folder, params)
    sids = [reading.sid(r.document_id, r.text) for r in kept_r]
    lines = [s.index for s in kept_s]
    ref = [{s for d, s, sid in gold if d == r.document_id and sid in sids[j]} for j, r in
           enumerate(kept_r)]  # fmt: skip
    views = A._views(kept_s, kept_r, emb)
    full = A._similarity(views)
    evidence = A._sentence_evidence(
        kept_s, kept_r, anchors, params.name_bonus != 0, params.word_bonus != 0
    )
    every = A._sentence_evidence(kept_s, kept_r, anchors, False, True)
    assert every is not None and every.words is not None
    other: dict[str, np.ndarray] = {}
    for name, (s_emb, r_emb) in prefixed.items():
        s_vec = s_emb.embed([s.text for s in kept_s])
        t_vec = s_emb.embed([(s.translation or s.text) for s in kept_s])
        r_vec = r_emb.embed([r.text for r in kept_r])
        other[name] = np.maximum(s_vec @ r_vec.T, t_vec @ r_vec.T)
    docs = sorted({s.document_id for s in kept_s})
    rows = {d: [i for i, s in enumerate(kept_s) if s.document_id == d] for d in docs}
    cover = gloss_coverage(
        [[s.text, s.translation or ""] for s in kept_s], [r.text for r in kept_r]
    )
    out: dict[str, list[float]] = defaultdict(lambda: [0.0] * 6)
    shipped = passes(kept_s, kept_r, emb, params, anchors) if repick is not None else {}
    linked: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (i, c), how in shipped.items():
        linked[c].append((i, how))
    for cols in A._outlet_columns(kept_r).values():
        mine = evidence.select(None, cols) if evidence is not None else None
        raw = A.ratio_margin(full[:, cols], params.k, params.prior, params.k_statement)
        margins = A._adjust(A.on_cross_lingual_scale(raw, views.has_translation, params), mine,
                            params)  # fmt: skip
        sims = A._adjust(full[:, cols], mine, params)
        # the same margin over each prefixed embedding's cosines (the anchors added alike)
        views_of = {"": (margins, sims)}
        for name, cos in other.items():
            raw_p = A.ratio_margin(cos[:, cols], params.k, params.prior, params.k_statement)
            views_of[name] = (A._adjust(raw_p, mine, params), A._adjust(cos[:, cols], mine, params))
        for n, c in enumerate(cols):
            if repick is not None and len(linked[c]) == 1 and linked[c][0][1] == "sentence":
                i = linked[c][0][0]
                for w in WEIGHTS:
                    j = int((margins[:, n] + w * cover[:, c]).argmax())
                    if j != i:
                        moved = f"{'right' if lines[i] in ref[c] else 'wrong'} -> " + (
                            "right" if lines[j] in ref[c] else "wrong"
                        )
                        repick[w, moved] = repick.get((w, moved), 0) + 1
                    repick[w, "links"] = repick.get((w, "links"), 0) + 1
            for view, (marg, sim) in views_of.items() if links is not None else ():
                for w in (0.0, *WEIGHTS) if not view else (0.0,):
                    score = marg[:, n] + w * cover[:, c]
                    i = int(score.argmax())
                    if sim[i, n] + w * cover[i, c] < params.floor:
                        continue
                    for t in THRESHOLDS:
                        if score[i] >= t:
                            key = (f"{view or 'shipped'} + {w} x gloss", t)
                            row = links.setdefault(key, [0, 0])  # type: ignore[union-attr]
                            row[0] += lines[i] in ref[c]
                            row[1] += 1
            for d in docs:
                idx = rows[d]
                cov = cover[idx, c]
                truth = [lines[i] in ref[c] for i in idx]
                pool = {
                    "cosine": full[idx, c],
                    "margin (shipped)": margins[idx, n],
                    "gloss coverage (report side)": cov,
                    **{f"margin + {w} x gloss": margins[idx, n] + w * cov for w in WEIGHTS},
                    **{f"cosine, {k}": v[idx, c] for k, v in other.items()},
                    **{f"margin, {k}": views_of[k][0][idx, n] for k in other},
                }
                for name, vals in pool.items():
                    pooled.setdefault(name, ([], []))[0].extend(float(v) for v in vals)
                    pooled[name][1].extend(truth)
            if not ref[c]:
                continue
            for d in docs:
                idx = rows[d]
                right = np.array([lines[i] in ref[c] for i in idx])
                if not right.any() or right.all():
                    continue
                cov = cover[idx, c]
                signals: dict[str, np.ndarray] = {
                    "cosine": full[idx, c],
                    "margin (shipped)": margins[idx, n],
                    "lexicon words (statement side)": every.words[idx, c],
                    "gloss coverage (report side)": cov,
                    **{f"margin + {w} x gloss": margins[idx, n] + w * cov for w in WEIGHTS},
                    **{f"cosine, {k}": v[idx, c] for k, v in other.items()},
                }
                for name, vals in signals.items():
                    scores = np.asarray(vals, dtype=np.float64)
                    top, wins, pairs = rank_scores(scores, right)
                    row = out[name]
                    row[0] += top
                    row[1] += 1
                    row[2] += wins
                    row[3] += pairs
                    if right.sum() >= 2:
                        order = np.argsort(-scores, kind="stable")[:2]
                        row[4] += float(right[order].sum())
                        row[5] += 2
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--links", action="store_true", help="also count sentence-pass links by weight, threshold"
    )
    parser.add_argument(
        "--repick", action="store_true", help="also count re-picks of sentence-pass links"
    )
    parser.add_argument(
        "--prefix", action="store_true", help="also rank by cosines with e5's passage: prefix"
    )
    args = parser.parse_args(argv)
    refs = rce.references_under(args.cases, parser)
    emb, params, anchors = study_aligner()
    prefixed: dict[str, Any] = {}
    if args.prefix:
        settings = Settings.resolve()
        passage = create_embedder("e5-small", settings=settings, prefix="passage")
        prefixed["statement passage:, report query:"] = (passage, emb)
        prefixed["both passage:"] = (passage, passage)
    for folder, found in refs.items():
        total: dict[str, list[float]] = defaultdict(lambda: [0.0] * 6)
        pooled: dict[str, tuple[list[float], list[bool]]] = {}
        links: dict[tuple[str, float], list[int]] | None = {} if args.links else None
        repick: dict[tuple[float, str], int] | None = {} if args.repick else None
        for ref in found:
            rows = study_case(ref.parent, emb, anchors, params, prefixed, pooled, links, repick)
            for name, row in rows.items():
                total[name] = [a + b for a, b in zip(total[name], row, strict=True)]
        print(f"\n## {folder.name}")
        print("signal | sentences | top-1 | AUC | merged top-2")
        for name, (top, n, wins, pairs, hits, merged) in total.items():
            print(
                f"{name} | {n:.0f} | {top / max(n, 1):.3f} | {wins / max(pairs, 1):.3f} | "
                f"{hits / max(merged, 1):.3f} ({merged:.0f})"
            )
        print("signal over every pair | pairs (right) | AP | recall at P 0.8 | at P 0.7")
        for name, (scores, right) in pooled.items():
            ap, r8, r7 = curve(scores, right)
            print(f"{name} | {len(right)} ({sum(right)}) | {ap:.3f} | {r8:.3f} | {r7:.3f}")
        if repick is not None:
            kinds = ("right -> wrong", "wrong -> right", "wrong -> wrong", "right -> right")
            print("re-pick: weight | one-line sentence-pass links | " + " | ".join(kinds))
            for w in WEIGHTS:
                cells = [str(repick.get((w, k), 0)) for k in kinds]
                print(f"{w} | {repick.get((w, 'links'), 0)} | " + " | ".join(cells))
        if links is not None:
            print(
                "sentence pass, best line, right/all: margin | " + " | ".join(map(str, THRESHOLDS))
            )
            for label in dict.fromkeys(k for k, _ in links):
                cells = [f"{links.get((label, t), [0, 0])[0]}/{links.get((label, t), [0, 0])[1]}"
                         for t in THRESHOLDS]  # fmt: skip
                print(f"{label} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
