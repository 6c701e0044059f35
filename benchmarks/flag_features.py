"""Which features the workbench has for a flag tell noise from key and real flags, set by set.

Every flag of hand-referenced cases (the format of ``real_cases_eval.py``, which runs
``workbench compare`` as a user does and classes each flag: key, judged real, judged noise,
wrong link, unjudged) gets the features the product has for it:

* the flag: its kind, salience, voice (quoted or own), origin (the translation's or the
  report's), which sides it has (report only, statement only, both), its words on each side,
  whether they hold a framing-lexicon label, and the share of its content words that the
  outlet's other sentences hold;
* its link: the alignment's score, how many report sentences and outlets it joins, how many
  flags the outlet has on it, whether the statement has a translation (English path) or not
  (cross-lingual);
* where it sits: the statement's place among the case's statements, the report sentence's
  place in the outlet's document (the headline is 0).

Unjudged flags are left out. Noise is judged noise or a flag on a wrong link; the rest are key or
judged real. For each feature the script prints, set by set, the AUC of "is noise" (0.5 tells
nothing; above 0.5 noise has the higher values). It then fits a small interpretable model
(numpy logistic regression on standardised features, and a tree of depth 2) on all sets but one
and scores the left-out set, and likewise leaving out each ``--group`` (sets that share cases,
such as a case set and its translated copy, should be left out together).

Usage::

    python benchmarks/flag_features.py --cases private/real-cases /work/holdout6 ... \\
        [--group A=real-cases,blind-cases] [--features salience,elsewhere]

The cases hold real pages and are git-ignored; the script prints numbers only.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_cases_eval as rce  # noqa: E402

from workbench.diff.lexicon import categories_in  # noqa: E402
from workbench.diff.text import is_content, stem, tokenize  # noqa: E402
from workbench.pipeline.compare import load_lexicon  # noqa: E402
from workbench.types import DIFFERENCE_KINDS  # noqa: E402

#: Classes that count as noise and as useful (unjudged flags are left out).
NOISE = frozenset({"noise", "wrong-link"})
USEFUL = frozenset({"key", "real"})


def _content_stems(text: str) -> list[str]:
    return [stem(t.text) for t in tokenize(text) if is_content(t)]


def features(flag: rce.Flag, lexicon: Any, statements: int) -> dict[str, float]:
    """The features of one flag (see the module docstring), as numbers."""
    d, al = flag.difference, flag.alignment
    statement, report = d.get("statement") or "", d.get("report") or ""
    words = _content_stems(report or statement)
    others = set(_content_stems(flag.elsewhere))
    flags_here = sum(
        x.get("report_document") == d.get("report_document") for x in al["differences"]
    )
    row = {
        "salience": float(d.get("salience") or 0.0),
        "quoted": float(d.get("voice") == "quoted"),
        "translation_origin": float(d.get("origin") == "translation"),
        "translated": float(bool(al["statement"].get("translation"))),
        "link_score": float(al.get("score") or 0.0),
        "report_sentences": float(len(al["reports"])),
        "outlets_on_link": float(len({r["document_id"] for r in al["reports"]})),
        "flags_on_link": float(flags_here),
        "statement_place": flag.statement / max(statements, 1),
        "headline": float(flag.sentence == 0),
        "sentence_place": float(min(max(flag.sentence, 0), 10)),
        "statement_words": float(min(len(tokenize(statement)), 20)),
        "report_words": float(min(len(tokenize(report)), 20)),
        "content_words": float(min(len(words), 20)),
        "report_only": float(d.get("statement_span") is None),
        "statement_only": float(d.get("report_span") is None),
        "lexicon_label": float(bool(categories_in(f"{statement} {report}", lexicon))),
        "elsewhere": sum(w in others for w in words) / len(words) if words else 0.0,
    }
    for kind in DIFFERENCE_KINDS:
        row[f"kind_{kind}"] = float(d.get("kind") == kind)
    return row


def auc(scores: Sequence[float], noise: Sequence[bool]) -> float:
    """The chance that a noise flag scores above a useful one (ties count half); NaN when
    either class is empty."""
    pos = [s for s, n in zip(scores, noise, strict=True) if n]
    neg = [s for s, n in zip(scores, noise, strict=True) if not n]
    if not pos or not neg:
        return math.nan
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


Model = Callable[[np.ndarray], np.ndarray]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 2000) -> Model:
    """A logistic regression by gradient descent on standardised features (L2 ``l2``)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= 0.5 * (z.T @ (p - y) + l2 * w) / len(y)
        b -= 0.5 * float(np.mean(p - y))
    return lambda x2: 1 / (1 + np.exp(-(((x2 - mu) / sd) @ w + b)))


def fit_tree(x: np.ndarray, y: np.ndarray, depth: int = 2, leaf: int = 5) -> Model:
    """A classification tree (Gini, at least ``leaf`` flags per side) of ``depth`` levels."""

    def gini(v: np.ndarray) -> float:
        return 0.0 if not len(v) else 2 * v.mean() * (1 - v.mean()) * len(v)

    def grow(rows: np.ndarray, level: int) -> Any:
        ys = y[rows]
        if level == 0 or ys.min() == ys.max():
            return float(ys.mean())
        best: tuple[float, int, float] | None = None
        for j in range(x.shape[1]):
            for t in np.unique(x[rows, j]):
                left = x[rows, j] <= t
                if min(left.sum(), (~left).sum()) < leaf:
                    continue
                g = gini(ys[left]) + gini(ys[~left])
                if g < gini(ys) - 1e-9 and (best is None or g < best[0]):
                    best = (g, j, float(t))
        if best is None:
            return float(ys.mean())
        _, j, t = best
        left = x[rows, j] <= t
        return (j, t, grow(rows[left], level - 1), grow(rows[~left], level - 1))

    tree = grow(np.arange(len(y)), depth)

    def predict(x2: np.ndarray) -> np.ndarray:
        out = []
        for row in x2:
            node = tree
            while isinstance(node, tuple):
                node = node[2] if row[node[0]] <= node[1] else node[3]
            out.append(node)
        return np.array(out)

    return predict


def held_out(
    x: np.ndarray, y: np.ndarray, parts: Sequence[str], fit: Callable[..., Model]
) -> dict[str, float]:
    """AUC on each part (a set or a group) of a model fitted on the other parts."""
    out = {}
    labels = np.array(parts)
    for part in dict.fromkeys(parts):
        test = labels == part
        if test.all() or not test.any():
            continue
        model = fit(x[~test], y[~test])
        out[part] = auc(list(model(x[test])), list(y[test].astype(bool)))
    return out


def _groups(specs: Sequence[str], sets: Sequence[str]) -> dict[str, str]:
    """``NAME=set,set`` specs as set -> group; a set in no group is its own group."""
    group = {s: s for s in sets}
    for spec in specs:
        name, _, members = spec.partition("=")
        if not name or not members:
            raise SystemExit(f"--group takes NAME=set,set (case folder names), not {spec!r}")
        for member in members.split(","):
            if member not in group:
                raise SystemExit(f"--group names {member!r}, which is not one of --cases")
            group[member] = name
    return group


def _fmt(value: float) -> str:
    return "  n/a" if math.isnan(value) else f"{value:5.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True, help="case set folders")
    parser.add_argument("--group", action="append", default=[], help="NAME=set,set")
    parser.add_argument("--features", help="comma-separated features for the models (default all)")
    args = parser.parse_args(argv)
    lexicon = load_lexicon()
    rows: list[dict[str, float]] = []
    noise: list[bool] = []
    sets: list[str] = []
    for folder in args.cases:
        cases = sorted(p.parent for p in folder.glob("*/reference.toml"))
        if not cases:
            raise SystemExit(f"no case with a reference.toml under {folder}")
        for case in cases:
            flags: list[rce.Flag] = []
            rce.score_case(case, False, flags=flags)
            statements = 1 + max((f.statement for f in flags), default=0)
            for flag in flags:
                if flag.cls in NOISE | USEFUL:
                    rows.append(features(flag, lexicon, statements))
                    noise.append(flag.cls in NOISE)
                    sets.append(folder.name)
    if not rows:
        raise SystemExit("no judged flag in these cases")
    names = list(rows[0])
    chosen = args.features.split(",") if args.features else names
    unknown = [n for n in chosen if n not in names]
    if unknown:
        raise SystemExit(f"unknown feature {unknown[0]!r}; known: {', '.join(names)}")
    group = _groups(args.group, list(dict.fromkeys(sets)))
    x = np.array([[r[n] for n in names] for r in rows])
    y = np.array(noise, dtype=float)
    order = list(dict.fromkeys(sets))
    counts = Counter(zip(sets, noise, strict=True))
    print(
        "# flags: "
        + "; ".join(f"{s} {counts[s, True]} noise / {counts[s, False]} useful" for s in order)
    )
    print("\n## AUC of 'is noise' per feature, by set")
    print("| feature | " + " | ".join(order) + " | all |")
    print("|---|" + "---:|" * (len(order) + 1))
    for j, name in enumerate(names):
        per = [
            auc([float(v) for v in x[np.array(sets) == s, j]], list(y[np.array(sets) == s] > 0))
            for s in order
        ]
        print(
            f"| {name} | "
            + " | ".join(_fmt(a) for a in per)
            + f" | {_fmt(auc(list(x[:, j]), list(y > 0)))} |"
        )
    cols = [names.index(n) for n in chosen]
    xs = x[:, cols]
    sal = x[:, [names.index("salience")]]
    groups = [group[s] for s in sets]
    print(f"\n## Held out (features: {'all' if not args.features else args.features})")
    for title, parts in (("set", sets), ("group", groups)):
        if title == "group" and groups == sets:
            continue
        for model, fit, data in (
            ("logistic", fit_logistic, xs),
            ("tree depth 2", fit_tree, xs),
            ("salience alone", fit_logistic, sal),
        ):
            scores = held_out(data, y, parts, fit)
            print(
                f"leave one {title} out, {model}: "
                + ", ".join(f"{k} {_fmt(v).strip()}" for k, v in scores.items())
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
