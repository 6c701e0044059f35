"""Where the translated path's links come from: every case aligned with and without its
statements' English texts, each link traced to the pass that made it (docs/align.md, session 10).

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml``, a
folder whose statement documents carry a ``translation``), the script runs the aligner's passes
as ``align()`` does with the pipeline's anchors — once with each statement's translation (the
*translated path*) and once with the translations taken away (the *cross-lingual path*, the same
as the folder without ``-tr``) — and records which pass made each link: the sentence pass
(``sentence``), the clause pass through a clause of the original or of the translation
(``clause:original``, ``clause:translation``), the echo pass (``echo``). Each link is labelled by
the reference. It prints numbers only:

* per folder, alignment P / R of both paths over (statement line, report sentence) pairs;
* links by (translated-path pass, cross-lingual-path pass), right / wrong, pooled over folders;
* score scales, per folder and pooled: quartiles of the cross-lingual cosine (original ↔ report)
  and of the English-English cosine (translation ↔ report) of reference pairs and of every
  other pair; and for groups of links (made by both paths, by the translated path only, by the
  cross-lingual path only) the medians of both cosines, of the ratio margins of each view alone
  and of the max view the aligner uses (with anchors), of the English content-word share, and
  how often the English cosine is the larger.

``--set NAME=VALUE`` overrides an aligner constant for both paths (e.g. ``translated_scale``).

Usage::

    python benchmarks/align_translated_study.py --cases /work/holdout8-tr /work/holdout7-tr ...

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
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
from workbench.errors import UserInputError  # noqa: E402
from workbench.pipeline.anchors import default_anchors  # noqa: E402
from workbench.pipeline.compare import case_at, case_reports, case_statements  # noqa: E402
from workbench.settings import Settings  # noqa: E402


def passes(kept_s: Any, kept_r: Any, emb: Any, params: Any, anchors: Any) -> dict[Any, str]:
    """``align()``'s passes in its order, each link named by the pass that made it."""
    views = A._views(kept_s, kept_r, emb)
    full = A._similarity(views)
    outlets = A._outlet_columns(kept_r)
    evidence = A._sentence_evidence(
        kept_s, kept_r, anchors, params.name_bonus != 0, params.word_bonus != 0
    )
    best: dict[int, tuple[int, float]] = {}
    near: dict[int, list[tuple[int, float]]] | None = {} if params.second_share else None
    links: dict[Any, Any] = {}
    for cols in outlets.values():
        links.update(
            A._align_outlet(kept_s, kept_r, cols, views, params, evidence, full, best, near)
        )
    how = {key: "sentence" for key in links}
    if params.units == "clause":
        below: dict[Any, Any] = {}
        weak: dict[Any, Any] = {}
        for key, value in A._clause_pass(
            kept_s, kept_r, outlets, views, emb, params, anchors, full
        ):
            if key not in links:
                (below if value.score >= params.clause_threshold else weak)[key] = value
        below.update(A.confirmed(kept_s, kept_r, weak, anchors, params))
        links.update(A.vetoed(kept_s, kept_r, below, anchors, params))
        figures = evidence.figures if evidence is not None else None
        links = A.lone_clauses_kept(links, full, params, figures)
        for key, value in links.items():
            how.setdefault(key, "clause:" + value.view)
    if params.echo_margin:
        echoes = A.vetoed(
            kept_s, kept_r, A.echo_links(kept_r, views.report, best, links, params), anchors, params
        )
        links.update(echoes)
        for key in echoes:
            how.setdefault(key, "echo")
    if near is not None:
        second = A.second_lines(kept_s, kept_r, links, near, anchors, params)
        links.update(second)
        for key in second:
            how.setdefault(key, "second")
    return {key: how[key] for key in links}


def study_aligner() -> tuple[Any, Any, Any]:
    """What the studies align with, as the pipeline does: the e5-small embedder, its shipped
    aligner constants and the pipeline's anchors (``emb, params, anchors``)."""
    emb = create_embedder("e5-small", settings=Settings.resolve())
    return emb, A.params_for(emb), default_anchors()


def kept_case(folder: Path, params: Any) -> tuple[Any, set, list[int], list[Any], list[Any]]:
    """A case's reference reader, its reference links, and what ``align()`` aligns of it: the
    positions of the kept statements, the kept statements and the kept report sentences."""
    case = case_at(folder)
    statements = case_statements(case)
    reports = case_reports(case)
    reading = rce.Reference(folder)
    gold = set(reading.gold_links(strict=False))
    keep_s = [
        p for p, s in enumerate(statements) if s.text.strip() or (s.translation or "").strip()
    ]
    kept_s = [statements[p] for p in keep_s]
    kept_r = [
        r for r in reports if r.text.strip() and A.claim_words(r.text) >= params.min_report_words
    ]
    return reading, gold, keep_s, kept_s, kept_r


def study_case(folder: Path, emb: Any, anchors: Any, params: Any) -> tuple[list[dict], dict]:
    """Rows of every pair either path links or the reference holds, and the cosine samples."""
    reading, gold, keep_s, kept_s, kept_r = kept_case(folder, params)
    plain = [replace(s, translation=None) for s in kept_s]
    tr_links = passes(kept_s, kept_r, emb, params, anchors)
    xl_links = passes(plain, kept_r, emb, params, anchors)
    views = A._views(kept_s, kept_r, emb)
    xl = views.original @ views.report.T
    en = views.translation @ views.report.T
    has_tr = views.has_translation
    english = [(s.translation or "") for s in kept_s]
    sids = [reading.sid(r.document_id, r.text) for r in kept_r]
    label = np.array(
        [[any((r.document_id, keep_s[i], s) in gold for s in sids[j]) for j, r in enumerate(kept_r)]
         for i in range(len(kept_s))]
    )  # fmt: skip
    ev_xl = A._sentence_evidence(plain, kept_r, anchors, False, params.word_bonus != 0)
    ev_mx = A._sentence_evidence(kept_s, kept_r, anchors, False, params.word_bonus != 0)
    only_en = [replace(s, text=s.translation or s.text, translation=None) for s in kept_s]
    ev_en = A._sentence_evidence(only_en, kept_r, anchors, False, params.word_bonus != 0)
    m = {name: np.zeros_like(xl) for name in ("xl", "en", "mx")}
    full = A._similarity(views)
    for cols in A._outlet_columns(kept_r).values():
        for name, sims, ev in (("xl", xl, ev_xl), ("en", np.where(has_tr[:, None], en, xl), ev_en),
                               ("mx", full, ev_mx)):  # fmt: skip
            raw = A.ratio_margin(sims[:, cols], params.k, params.prior, params.k_statement)
            if name == "mx":
                raw = A.on_cross_lingual_scale(raw, has_tr, params)
            m[name][:, cols] = A._adjust(raw, ev.select(None, cols), params)
    pairs = sorted(set(tr_links) | set(xl_links) | set(zip(*np.nonzero(label), strict=True)))
    shares = anchors.shared_words([(english[i], kept_r[j].text) for i, j in pairs])
    rows = []
    for (i, j), (shared, total) in zip(pairs, shares, strict=True):
        if not has_tr[i]:
            continue
        rows.append(
            {
                "label": bool(label[i, j]), "tr": tr_links.get((i, j), ""),
                "xl": xl_links.get((i, j), ""), "cos_xl": float(xl[i, j]),
                "cos_en": float(en[i, j]), "m_xl": float(m["xl"][i, j]),
                "m_en": float(m["en"][i, j]), "m_mx": float(m["mx"][i, j]),
                "share": shared / total if total else 0.0,
            }
        )  # fmt: skip
    tr_rows = has_tr[:, None] & np.ones_like(label)
    scales = {
        "ref_xl": xl[tr_rows & label].tolist(), "ref_en": en[tr_rows & label].tolist(),
        "other_xl": xl[tr_rows & ~label].tolist(), "other_en": en[tr_rows & ~label].tolist(),
    }  # fmt: skip
    # Each report sentence to its best translated statement by one score alone (the sentence
    # decision without the clause pass): is the English view a better aligner or a laxer one?
    rows_tr = np.flatnonzero(has_tr)
    if len(rows_tr):
        for name, score in (("cross-lingual margin", m["xl"]), ("max-view margin (aligner)", m["mx"]),
                            ("English margin", m["en"]), ("English cosine", en)):  # fmt: skip
            sub = score[rows_tr]
            top = sub.argmax(axis=0)
            cols = np.arange(sub.shape[1])
            scales["best:" + name] = list(
                zip(sub[top, cols].tolist(), label[rows_tr][top, cols].tolist(), strict=True)
            )
    return rows, scales


def curve(best: list[tuple[float, bool]], budgets: tuple[int, ...]) -> list[int]:
    """Right links at most each budget of wrong ones, the best-scored links taken first."""
    out = [0] * len(budgets)
    right = wrong = 0
    for _, ok in sorted(best, key=lambda x: -x[0]):
        right += ok
        wrong += not ok
        for n, most in enumerate(budgets):
            if wrong <= most:
                out[n] = right
    return out


def _pr(rows: list[dict], path: str) -> str:
    linked = [r for r in rows if r[path]]
    right = sum(r["label"] for r in linked)
    gold = sum(r["label"] for r in rows)
    return f"{right / max(len(linked), 1):.3f} / {right / max(gold, 1):.3f} ({right} of {len(linked)} linked, {gold} reference)"


def _q(values: list[float]) -> str:
    if not values:
        return "-"
    return "/".join(f"{np.percentile(values, q):.3f}" for q in (25, 50, 75))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--dev",
        default="holdout8-tr,holdout7-tr,para5-cases",
        help="folders counted as dev in the best-statement table (the rest: check)",
    )
    args = parser.parse_args(argv)
    fields = set(A.AlignParams.__dataclass_fields__) - {"source"}
    sets = [item.partition("=") for item in args.set]
    bad = [name + eq + value for name, eq, value in sets if name not in fields or not eq]
    if bad:
        parser.error(f"--set takes NAME=VALUE of an aligner constant, not {bad[0]!r}.")
    refs = rce.references_under(args.cases, parser)
    emb = create_embedder("e5-small", settings=Settings.resolve())
    params = A.params_for(emb)
    try:
        for name, _, value in sets:
            params = replace(params, **{name: type(getattr(params, name))(value)})
    except (ValueError, UserInputError) as err:
        parser.error(f"--set: {err}")
    anchors = default_anchors()
    rows: dict[str, list[dict]] = {}
    scales: dict[str, dict[str, list[float]]] = {}
    for folder, found in refs.items():
        for ref in found:
            got, sc = study_case(ref.parent, emb, anchors, params)
            rows.setdefault(folder.name, []).extend(got)
            for key, values in sc.items():
                scales.setdefault(folder.name, defaultdict(list))[key].extend(values)
    print(f"aligner: align:{params.signature_fields()}")
    print("\nfolder | cross-lingual path P / R | translated path P / R")
    for name, got in rows.items():
        print(f"{name} | {_pr(got, 'xl')} | {_pr(got, 'tr')}")
    pooled = [r for got in rows.values() for r in got]
    print("\nlinks by pass, pooled: translated path | cross-lingual path | right | wrong")
    count = Counter(
        (r["tr"] or "-", r["xl"] or "-", r["label"]) for r in pooled if r["tr"] or r["xl"]
    )
    for tr, xl in sorted({(a, b) for a, b, _ in count}):
        print(f"{tr} | {xl} | {count[(tr, xl, True)]} | {count[(tr, xl, False)]}")
    print(
        "\ncosine quartiles (25/50/75): reference pairs cross-lingual | English | other pairs cross-lingual | English"
    )
    for name, sc in [
        *scales.items(),
        (
            "pooled",
            {
                k: sum((s[k] for s in scales.values()), [])
                for k in ("ref_xl", "ref_en", "other_xl", "other_en")
            },
        ),
    ]:
        print(
            f"{name} | {_q(sc['ref_xl'])} | {_q(sc['ref_en'])} | {_q(sc['other_xl'])} | {_q(sc['other_en'])}"
        )
    groups = {
        "both paths, sentence pass": lambda r: r["tr"] == "sentence" and r["xl"] == "sentence",
        "translated only, sentence pass": lambda r: r["tr"] == "sentence" and not r["xl"],
        "translated only, clause of the translation": lambda r: r["tr"] == "clause:translation" and not r["xl"],
        "cross-lingual only": lambda r: r["xl"] and not r["tr"],
        "reference pairs neither links": lambda r: r["label"] and not r["xl"] and not r["tr"],
    }  # fmt: skip
    print(
        "\ngroup | right/wrong | n | medians: cosine cross-lingual, English | margin cross-lingual, English, max view (aligner) | English content-word share | English cosine larger"
    )
    for group, keep in groups.items():
        for right in (True, False):
            g = [r for r in pooled if keep(r) and r["label"] == right]
            if not g:
                continue
            med = {
                k: float(np.median([r[k] for r in g]))
                for k in ("cos_xl", "cos_en", "m_xl", "m_en", "m_mx", "share")
            }
            larger = float(np.mean([r["cos_en"] > r["cos_xl"] for r in g]))
            print(f"{group} | {'right' if right else 'wrong'} | {len(g)} | {med['cos_xl']:.3f}, {med['cos_en']:.3f} | {med['m_xl']:.3f}, {med['m_en']:.3f}, {med['m_mx']:.3f} | {med['share']:.2f} | {larger:.2f}")  # fmt: skip

    budgets = (10, 20, 30, 40)
    dev = set(args.dev.split(","))
    print(
        "\neach report sentence to its best statement by one score: right links at most "
        + " / ".join(str(b) for b in budgets)
        + " wrong, dev | check"
    )
    names = [k[5:] for k in next(iter(scales.values()), {}) if k.startswith("best:")]
    for name in names:
        parts = []
        for group in (True, False):
            best = [
                x for f, sc in scales.items() if (f in dev) == group for x in sc["best:" + name]
            ]
            parts.append(" / ".join(str(c) for c in curve(best, budgets)))
        print(f"{name} | {parts[0]} | {parts[1]}")


if __name__ == "__main__":
    main()
