"""Every candidate link the aligner considers on hand-referenced cases, with its features: what
the lone clause floor and the learned-link-model trial of docs/align.md (session 8) were read from.

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml``) the
script runs ``align()`` as Compare does (case statements with their supplied translations, every
report document, the pipeline's anchors) and lists, per outlet, each report sentence's three best
statements by sentence margin, its two best by clause margin (every sentence cut) and every link
the aligner made, with the features the aligner has for the pair: cosine, ratio margin raw and with
anchors, rank and gap to the sentence's next statement, clause margin, gap, rank and argmax,
lexicon word, figure and name shares, figure conflict, the English content-word share with the
statement's translation, position in the outlet, length, and whether the statement is linked
elsewhere in the outlet or in other outlets (with the best English cosine to those sentences).
Each pair is labelled by the reference (its sentence carries that statement line).

It prints numbers only:

* per folder, alignment P / R over (statement line, report sentence) pairs (the pairs of
  ``real_cases_eval.py``) and the share of reference links among the candidates;
* the shipped links by kind (sentence or clause; the report sentence's only link or one of
  several), right / wrong, on the ``--dev`` folders and the others (check);
* the lone clause links cut by their whole-sentence cosine, wrong / right dropped, dev and check;
* a logistic regression (numpy IRLS on standardised features) fitted leaving each folder out
  (and every case of that folder: a translated copy never trains its original), its threshold set
  on the training folders to the aligner's training precision; with ``--shipped`` the aligner's own
  decision is a feature too; ``--features a,b`` keeps those features only.

``--lone-floor X`` runs the aligner with that lone clause floor (the study of docs/align.md used
0, the state before the floor; the calibrated value is the product's).

Usage::

    python benchmarks/align_link_study.py --cases private/real-cases /work/holdout6 ... \\
        [--dev real-cases,blind-cases,para5-cases,holdout-tr] [--lone-floor 0] [--shipped]

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402

from workbench.align import aligner as A  # noqa: E402
from workbench.align import create_embedder  # noqa: E402
from workbench.align.clauses import split_report_clauses  # noqa: E402
from workbench.align.units import _best_per_owner, _top_mean, statement_clauses  # noqa: E402
from workbench.pipeline.anchors import default_anchors  # noqa: E402
from workbench.pipeline.compare import case_at, case_reports, case_statements  # noqa: E402
from workbench.settings import Settings  # noqa: E402


def clause_matrix(
    kept_s: Any, kept_r: Any, cols: Any, views: Any, emb: Any, params: Any, anchors: Any
) -> tuple[Any, Any, Any]:
    """Best adjusted clause-unit margin and cosine per (statement, outlet sentence), with at
    least one side a clause (every on-topic sentence cut: small cases are cut whole)."""
    words, most = params.min_words, params.max_clauses
    st_cl = statement_clauses(kept_s, words, most)
    rp_cl = []
    for n, j in enumerate(cols):
        for c in split_report_clauses(kept_r[j].text, min_words=words, max_clauses=most):
            rp_cl.append((n, c))
    texts = list(dict.fromkeys([c.text for _, _, c in st_cl] + [c.text for _, c in rp_cl]))
    vec = emb.embed(texts) if texts else np.zeros((0, views.report.shape[1]), dtype=np.float32)
    row = {t: i for i, t in enumerate(texts)}
    st = A._statement_units(kept_s, views, st_cl, vec, row)
    st_texts = A._statement_unit_texts(kept_s, views, st_cl)
    rp_vec = np.vstack(
        [views.report[cols]] + ([vec[[row[c.text] for _, c in rp_cl]]] if rp_cl else [])
    )
    owner_r = np.array(list(range(len(cols))) + [n for n, _ in rp_cl], dtype=np.int64)
    is_cl_r = np.array([False] * len(cols) + [True] * len(rp_cl))
    rp_texts = [kept_r[j].text for j in cols] + [c.text for _, c in rp_cl]
    sims = st.vectors @ rp_vec.T
    n_s, n_r = len(kept_s), len(cols)
    per_report = _best_per_owner(sims, owner_r, n_r, axis=1)
    per_statement = _best_per_owner(sims, st.owner, n_s, axis=0)
    nn_s = _top_mean(per_report, params.k, params.prior, axis=1)
    nn_r = _top_mean(per_statement, params.k, params.prior, axis=0)
    margins = sims / np.maximum((nn_s[:, None] + nn_r[None, :]) / 2, 1e-6)
    ev = anchors.evidence(st_texts, rp_texts, names=False, words=True)
    margins = A._adjust(margins, ev, params)
    adj = A._adjust(sims, ev, params)
    valid = st.clause[:, None] | is_cl_r[None, :]
    m = np.where(valid, margins, 0.0)
    c = np.where(valid, adj, 0.0)
    # best per (statement owner, report owner)
    out_m = np.zeros((n_s, n_r), dtype=np.float32)
    out_c = np.zeros((n_s, n_r), dtype=np.float32)
    # also: is the statement the argmax for some report unit of this sentence (shipped rule)
    out_top = np.zeros((n_s, n_r), dtype=bool)
    out_m = _best_per_owner(_best_per_owner(m, owner_r, n_r, axis=1), st.owner, n_s, axis=0)
    out_c = _best_per_owner(_best_per_owner(c, owner_r, n_r, axis=1), st.owner, n_s, axis=0)
    arg = np.argmax(margins, axis=0)
    for v in range(len(owner_r)):
        u = arg[v]
        if st.clause[u] or is_cl_r[v]:
            out_top[st.owner[u], owner_r[v]] = True
    return out_m, out_c, out_top


def dump_case(
    folder: Path, set_name: str, emb: Any, anchors: Any, params: Any, out: list[dict[str, Any]]
) -> None:
    case = case_at(folder)
    statements = case_statements(case)
    reports = case_reports(case)
    shipped = A.align(statements, reports, emb, params=params, anchors=anchors)
    ship = {}
    for al in shipped.alignments:
        for r, ln in zip(al.reports, al.links, strict=True):
            ship[(al.statement.index, r.index)] = ln.unit
    # reference
    reading = rce.Reference(folder)
    gold = set(reading.gold_links(strict=False))
    starts = {}
    for r in reports:
        starts.setdefault(r.document_id, r.index)

    def sent_ids(r: Any) -> set[int]:
        return reading.sid(r.document_id, r.text)

    keep_s = [
        p for p, s in enumerate(statements) if s.text.strip() or (s.translation or "").strip()
    ]
    keep_r = [
        p
        for p, r in enumerate(reports)
        if r.text.strip() and A.claim_words(r.text) >= params.min_report_words
    ]
    kept_s = [statements[p] for p in keep_s]
    kept_r = [reports[p] for p in keep_r]
    views = A._views(kept_s, kept_r, emb)
    full = A._similarity(views)
    outlets = A._outlet_columns(kept_r)
    ev = A._sentence_evidence(kept_s, kept_r, anchors, True, True)
    n_s = len(kept_s)
    # shipped links by (kept stmt, kept report)
    inv_s = {p: i for i, p in enumerate(keep_s)}
    inv_r = {p: j for j, p in enumerate(keep_r)}
    ship_k = {(inv_s[i], inv_r[j]): u for (i, j), u in ship.items() if i in inv_s and j in inv_r}
    by_stmt = {}
    for i, j in ship_k:
        by_stmt.setdefault(i, []).append(j)
    has_tr = [bool((s.translation or "").strip()) for s in kept_s]
    n_docs = len(outlets)
    for doc, cols in outlets.items():
        raw = full[:, cols]
        mine = ev.select(None, cols)
        mraw = A.ratio_margin(raw, params.k, params.prior)
        marg = A._adjust(mraw, mine, params)
        cadj = A._adjust(raw, mine, params)
        cm, cc, ctop = clause_matrix(kept_s, kept_r, cols, views, emb, params, anchors)
        order = np.argsort(-marg, axis=0)
        rank = np.empty_like(order)
        for j in range(len(cols)):
            rank[order[:, j], j] = np.arange(n_s)
        corder = np.argsort(-cm, axis=0)
        crank = np.empty_like(corder)
        for j in range(len(cols)):
            crank[corder[:, j], j] = np.arange(n_s)
        srank = np.argsort(np.argsort(-marg, axis=1), axis=1)
        # pairs: top-3 by sentence margin, top-2 by clause margin, shipped links
        cand = set()
        for j in range(len(cols)):
            for i in order[:3, j]:
                cand.add((int(i), j))
            for i in corder[:2, j]:
                cand.add((int(i), j))
        for i, jj in ship_k:
            if jj in cols:
                cand.add((i, cols.index(jj)))
        for (i, j), (sh, tot) in zip(
            sorted(cand),
            anchors.shared_words(
                [(kept_s[i].translation or "", kept_r[cols[j]].text) for i, j in sorted(cand)]
            ),
            strict=True,
        ):
            c = cols[j]
            r = kept_r[c]
            best_other = max([marg[x, j] for x in range(n_s) if x != i] or [0.0])
            cbest_other = max([cm[x, j] for x in range(n_s) if x != i] or [0.0])
            others = by_stmt.get(i, [])
            same = [o for o in others if kept_r[o].document_id == doc and o != c]
            other = [o for o in others if kept_r[o].document_id != doc]
            cs = float(max(views.report[same] @ views.report[c])) if same else 0.0
            co = float(max(views.report[other] @ views.report[c])) if other else 0.0
            ndocs_other = len({kept_r[o].document_id for o in other})
            sids = sent_ids(r)
            label = any((doc, keep_s[i], s) in gold for s in sids)
            rec = {
                "set": set_name,
                "case": folder.name,
                "doc": doc,
                "s": keep_s[i],
                "sids": sorted(sids),
                "r": r.index,
                "label": int(label),
                "shipped": ship_k.get((i, c), ""),
                "cos": float(raw[i, j]),
                "cadj": float(cadj[i, j]),
                "mraw": float(mraw[i, j]),
                "marg": float(marg[i, j]),
                "rank": int(rank[i, j]),
                "gap": float(marg[i, j] - best_other),
                "srank": int(srank[i, j]),
                "cm": float(cm[i, j]),
                "cc": float(cc[i, j]),
                "crank": int(crank[i, j]),
                "cgap": float(cm[i, j] - cbest_other),
                "ctop": bool(ctop[i, j]),
                "words": float(mine.words[i, j]) if mine.words is not None else 0.0,
                "figs": float(mine.figures[i, j]),
                "names": float(mine.names[i, j]),
                "conflict": float(mine.conflict[i, j]),
                "has_tr": int(has_tr[i]),
                "en_sh": sh,
                "en_tot": tot,
                "pos": j,
                "n_out": len(cols),
                "n_s": n_s,
                "n_docs": n_docs,
                "rw": len(r.text.split()),
                "sw": len(kept_s[i].text.split()),
                "same_linked": len(same),
                "other_linked": ndocs_other,
                "cos_same": cs,
                "cos_other": co,
            }
            out.append(rec)
    # gold pairs never among candidates (for recall denominators)
    out.append(
        {
            "set": set_name,
            "case": folder.name,
            "gold_total": len(gold),
            "gold": sorted([list(g) for g in gold]),
        }
    )


Pair = dict[str, Any]
Gold = dict[str, set[tuple[str, str, int, int]]]


def _features(r: Pair, shipped: bool, keep: list[str] | None) -> dict[str, float]:
    sh = r["en_sh"] / r["en_tot"] if r["en_tot"] else 0.0
    f = {
        "cos": r["cos"], "marg": r["marg"], "mraw": r["mraw"],
        "gap": max(min(r["gap"], 0.1), -0.1), "rank0": r["rank"] == 0, "rank1": r["rank"] == 1,
        "srank0": r["srank"] == 0, "cm": r["cm"], "cgap": max(min(r["cgap"], 0.1), -0.1),
        "crank0": r["crank"] == 0, "ctop": r["ctop"], "words": r["words"], "figs": r["figs"],
        "names": r["names"], "conflict": r["conflict"], "has_tr": r["has_tr"],
        "en_sh": sh * r["has_tr"], "en_long": (r["en_tot"] >= 5) * r["has_tr"],
        "en_low": (sh < 0.1) * (r["en_tot"] >= 5) * r["has_tr"], "head": r["pos"] == 0,
        "lead": r["pos"] <= 2, "relpos": r["pos"] / max(r["n_out"], 1),
        "lenratio": math.log(max(r["rw"], 1) / max(r["sw"], 1)), "logrw": math.log(max(r["rw"], 1)),
        "same": r["same_linked"] > 0, "other": min(r["other_linked"], 3),
        "cos_same": r["cos_same"], "cos_other": r["cos_other"], "logns": math.log(r["n_s"]),
    }  # fmt: skip
    if keep:
        f = {k: v for k, v in f.items() if k in keep}
    if shipped:
        f["ship_s"] = r["shipped"] == "sentence"
        f["ship_c"] = r["shipped"] == "clause"
    return {k: float(v) for k, v in f.items()}


def _fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = l2 * np.r_[np.ones(len(w) - 1), 0.0]
    for _ in range(100):  # Newton steps (IRLS)
        p = 1 / (1 + np.exp(-z @ w))
        step = np.linalg.solve(
            (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg), z.T @ (p - y) + reg * w
        )
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mu, sd, w


def _predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    return np.asarray(1 / (1 + np.exp(-z @ w)))


def _pr(pairs: list[Pair], gold: Gold, chosen: np.ndarray, sets: list[str]) -> tuple[float, float]:
    pred = {
        (r["case"], r["doc"], r["s"], sid)
        for k in np.flatnonzero(chosen)
        for r in [pairs[k]]
        for sid in r["sids"]
    }
    ref = set().union(*(gold[s] for s in sets)) if sets else set()
    tp = len(pred & ref)
    return tp / max(len(pred), 1), tp / max(len(ref), 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument("--dev", default="real-cases,blind-cases,para5-cases,holdout-tr")
    parser.add_argument("--lone-floor", type=float, default=0.0)
    parser.add_argument(
        "--shipped", action="store_true", help="the aligner's decision as a feature"
    )
    parser.add_argument("--features", default="", help="comma-separated features to keep")
    args = parser.parse_args(argv)
    if not 0 <= args.lone_floor <= 1:
        parser.error(f"--lone-floor takes a cosine from 0 (off) to 1, not {args.lone_floor}.")
    refs = rce.references_under(args.cases, parser)
    if len({folder.name for folder in refs}) < 2:
        parser.error("--cases takes two or more folders: the model is scored leaving one out.")
    emb = create_embedder("e5-small", settings=Settings.resolve())
    params = replace(A.params_for(emb), lone_floor=args.lone_floor)
    anchors = default_anchors()
    rows: list[Pair] = []
    for folder, found in refs.items():
        for ref in found:
            dump_case(ref.parent, folder.name, emb, anchors, params, rows)
    gold: Gold = defaultdict(set)
    pairs: list[Pair] = []
    for r in rows:
        if "gold_total" in r:
            gold[r["set"]] |= {(r["case"], d, s, sid) for d, s, sid in r["gold"]}
        else:
            pairs.append(r)
    sets = np.array([r["set"] for r in pairs])
    cases = np.array([r["case"] for r in pairs])
    ship = np.array([bool(r["shipped"]) for r in pairs])
    y = np.array([r["label"] for r in pairs], dtype=float)
    names = sorted(set(sets))
    print("folder | shipped P | R | reference links among candidates")
    for s in names:
        p, rr = _pr(pairs, gold, ship & (sets == s), [s])
        cand = {
            (r["case"], r["doc"], r["s"], sid) for r in pairs if r["set"] == s for sid in r["sids"]
        }
        print(f"{s} | {p:.3f} | {rr:.3f} | {len(cand & gold[s]) / max(len(gold[s]), 1):.3f}")
    dev = set(args.dev.split(","))
    links = Counter((r["set"], r["case"], r["doc"], r["r"]) for r in pairs if r["shipped"])
    lone = [
        r["shipped"] == "clause" and links[(r["set"], r["case"], r["doc"], r["r"])] == 1
        for r in pairs
    ]
    print("\nshipped links by kind, right / wrong: dev | check")
    for unit in ("sentence", "clause"):
        for only in (True, False):
            cnt = Counter(
                (r["set"] in dev, r["label"]) for r in pairs
                if r["shipped"] == unit and (links[(r["set"], r["case"], r["doc"], r["r"])] == 1) == only
            )  # fmt: skip
            print(
                f"{unit}, {'only link' if only else 'one of several'}: {cnt[(True, 1)]} / {cnt[(True, 0)]} | {cnt[(False, 1)]} / {cnt[(False, 0)]}"
            )
    print("\nlone clause links with a whole-sentence cosine under X, wrong / right: dev | check")
    for cut in (0.79, 0.80, 0.81, 0.82, 0.83, 0.84):
        cnt = Counter(
            (r["set"] in dev, r["label"])
            for r, lo in zip(pairs, lone, strict=True)
            if lo and r["cos"] < cut
        )
        print(
            f"{cut:.2f}: {cnt[(True, 0)]} / {cnt[(True, 1)]} | {cnt[(False, 0)]} / {cnt[(False, 1)]}"
        )
    keep = [f for f in args.features.split(",") if f] or None
    x = np.array([list(_features(r, args.shipped, keep).values()) for r in pairs])
    print(
        f"\nlogistic model ({x.shape[1]} features), leave one folder out: shipped P / R -> model P / R at the training folders' shipped precision; best model R at the shipped P of the left-out folder"
    )
    for s in names:
        test = sets == s
        train = ~np.isin(cases, list(set(cases[test])))
        model = _fit(x[train], y[train])
        prob = _predict(model, x)
        others = sorted(set(sets[train]))
        target, _ = _pr(pairs, gold, ship & train, others)
        cut = next(
            (
                t
                for t in np.arange(0.2, 0.95, 0.01)
                if _pr(pairs, gold, train & (prob >= t), others)[0] >= target
            ),
            0.95,
        )
        p0, r0 = _pr(pairs, gold, ship & test, [s])
        p1, r1 = _pr(pairs, gold, test & (prob >= cut), [s])
        best = max(
            [
                r
                for t in np.arange(0.05, 0.99, 0.01)
                for p, r in [_pr(pairs, gold, test & (prob >= t), [s])]
                if p >= p0 - 1e-9
            ]
            or [0.0]
        )
        print(
            f"{s} | {p0:.3f} / {r0:.3f} -> {p1:.3f} / {r1:.3f} (threshold {cut:.2f}) | {best:.3f}"
        )


if __name__ == "__main__":
    main()
