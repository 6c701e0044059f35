"""Name evidence on the development parts: why swapped names go unflagged, and one score.

Session 18 (fname18, issue 10). Swapped names are the row of the faithfulness benchmark furthest
from its target (recall 0.10-0.17 at the operating point). This study reads, per language, every
untouched reference of a part and one ``swap_name`` copy of every line with a name (the
benchmark's corruption: a random name of the English swapped for a name of another line of the
part; its draws made with ``--seed`` here), all checked by ``check_pairs`` with the embedder as
the benchmark checks them, and prints:

* **the failure table**: for each swap not flagged, why (the swapped-in name spells a source
  word by the matcher, or is otherwise no candidate; no issue; weak only; strong but outspent:
  before session 18 names never flagged alone, since then a strong name short of the evidence
  limit); for each reference with a name issue, why (a name
  the word lexicon renders from a source word, a name the source lacks while every source name
  has its counterpart, a near spelling of an unpaired source word, a name of common words beside
  an unpaired source name, a certain one beside it, a source name dropped);
* **one score for name evidence** in place of the strong/weak split: a logistic model
  (:func:`workbench.faithfulness.coverage.fit_logistic`) over what the check computes for each
  English name mention (:data:`FEATURES`), fitted on the calibration part's references against
  its swapped-in names, out of fold by document (:data:`FOLDS` folds by a hash of the document
  id); a line's score is its highest mention's. ``unmatched mentions`` reads only mentions the
  spelling leaves without a source counterpart (the check's candidates); ``every mention`` also
  reads mentions the matcher pairs, with how they are paired (``m_cap``: by a capitalised
  source word; ``m_exo``: by an exonym; ``m_low``: only by lower-case words some other way).
  Printed: AUROC (references against swaps) and recall at reference line rates of
  :data:`RATES`, beside the current rule (strong by spelling > strong by meaning > weak >
  none). With ``--on dev`` the models are fitted on the whole calibration part and read dev.

The final part is never read. Usage::

    python benchmarks/name_signal_study.py [--langs kk,ky,ru] [--on calibration|dev]
        [--seed 11] [--lines N] [--embedding-cache FILE] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's workbench, not another editable install
sys.path.insert(0, str(REPO / "benchmarks"))

from faithfulness_bench import (  # noqa: E402
    SOURCES,
    DocDraws,
    Line,
    auroc,
    load,
    swap_spans,
)
from omission_study import parts as development_parts  # noqa: E402

from workbench.align import CachingEmbedder, create_embedder  # noqa: E402
from workbench.faithfulness import check_pairs  # noqa: E402
from workbench.faithfulness import spans as S  # noqa: E402
from workbench.faithfulness.acronyms import is_acronym  # noqa: E402
from workbench.faithfulness.base import ClauseVectors  # noqa: E402
from workbench.faithfulness.core import _vectors  # noqa: E402
from workbench.faithfulness.coverage import fit_logistic  # noqa: E402
from workbench.faithfulness.diffapi import BiLexicon, english_stem, fold, load_bilexicon  # noqa: E402
from workbench.faithfulness.namemeaning import (  # noqa: E402
    _clause_of,
    masked_clause,
    meaning_shift,
    source_candidates,
)
from workbench.faithfulness.namescore import _best, source_side  # noqa: E402
from workbench.types import FaithIssue  # noqa: E402

#: What the model reads of one English name mention (the module docstring; ``best_*`` are
#: the best fuzzy ratio, 0-1, of the name's romanised words to any source word, any
#: capitalised source word, and the words of the source names left unpaired).
SPELLING = (
    "certain", "best_all", "best_cap", "best_left", "near", "n_unm", "certain_src", "rendered",
    "n_src_cap", "shift", "paircos", "strong_spelling", "issue",
)  # fmt: skip
PAIRED_BY = ("m_cap", "m_exo", "m_low")
FEATURES = SPELLING + PAIRED_BY
#: Folds of the out-of-fold fit (by document).
FOLDS = 5
#: Reference line rates at which recall is printed (names' room at the operating point is
#: 0.7-1.4 % of references by document draws, less what other kinds take).
RATES = (0.002, 0.005, 0.01, 0.02)
#: Shares of the calibration part's references (their out-of-fold scores) above which names
#: are simulated flagging alone (:func:`names_alone`).
ALONE_AT = (0.002, 0.005)


@dataclass
class Mention:
    """One English name mention of a pair: its feature values and whether it is the name a
    swap put in (None on a swap's other mentions: they are neither class)."""

    name: str
    span: tuple[int, int]
    values: dict[str, float]
    swapped: bool | None
    candidates: list[str] = field(default_factory=list)


@dataclass
class Pair:
    """One checked pair: a reference or a swapped copy of line ``line``."""

    line: int
    doc: str
    swap: tuple[int, int] | None
    source: str
    english: str
    flagged: bool
    issues: list[FaithIssue]
    mentions: list[Mention]


def swap_copies(lines: Sequence[Line], seed: int) -> list[tuple[int, str, tuple[int, int]]]:
    """(line, swapped English, the new name's span) for every line with a name: the
    benchmark's ``swap_name`` (a whole name of three letters or more for a name of another line
    of the part whose first three letters differ), one copy per line, drawn with ``seed``."""
    return swap_spans(lines, random.Random(seed))


def _by_exonym(word: str, src: S._SourceWord) -> bool:
    key = fold(word)
    return any(k.startswith(p) for p in S._exonym_prefixes(key) for k in src.keys)


def severity_code(issue: FaithIssue | None) -> float:
    """The current rule as one number: 2 strong by spelling, 1.5 strong by meaning
    (``namemeaning.confirm_names``), 1 weak, 0 no issue."""
    if issue is None:
        return 0.0
    if issue.severity < 1.0:
        return 1.0
    return 1.5 if "reads closer" in issue.note else 2.0


def mention_values(
    source: str, english: str, lang: str, issues: Sequence[FaithIssue], bilex: BiLexicon,
    swap: tuple[int, int] | None = None,
) -> list[Mention]:  # fmt: skip
    """Every English name mention with a word a source would spell (the name check's
    ``_english_mentions``, institutions included), with :data:`FEATURES` but ``shift`` and
    ``paircos`` (:func:`meaning_values`). A mention the spelling pairs with a source word (or
    whose title word spells a source name) has the spelling features of a paired name and how
    it is paired; the others the check's own evidence."""
    side = source_side(source, english, lang, bilex)
    words, spans, left, capital = side.words, side.spans, side.left, side.capital
    certain_src, rendered = side.certain_src, side.rendered
    candidates = source_candidates(source, english, lang) if spans else []
    out = []
    for parts, span, certain in S._english_mentions(english, institutions=True):
        name = english[span[0] : span[1]]
        hits = [(p, w) for p in parts for w in words if S._matches(p, w)]
        titled = any(S._matches(t, w) for t in S._title_parts(name) for w in capital)
        found = next(
            (i for i in issues if i.kind == "name" and i.translation_span == span), None
        )  # fmt: skip
        values = {
            "certain": float(certain), "n_unm": float(min(3, len(spans))),
            "certain_src": float(certain_src), "n_src_cap": float(min(5, len(capital))),
            "shift": 0.0, "paircos": 0.0, "issue": float(found is not None),
            "strong_spelling": float(severity_code(found) == 2.0),
            "severity": severity_code(found),
        }  # fmt: skip
        if hits or titled:
            values |= {"best_all": 1.0, "best_cap": 0.0, "best_left": 0.0, "near": 0.0,
                       "rendered": 0.0}  # fmt: skip
        else:
            values |= {
                "best_all": _best(parts, words), "best_cap": _best(parts, capital),
                "best_left": _best(parts, left),
                "near": float(any(S._near_spelling(p, w) for p in parts for w in left)),
                "rendered": float(
                    any(english_stem(p.lower()) in rendered or p.lower() in rendered for p in parts)
                ),
            }  # fmt: skip
        values["m_cap"] = float(titled or any(w.capital for _, w in hits))
        values["m_exo"] = float(not values["m_cap"] and any(_by_exonym(p, w) for p, w in hits))
        values["m_low"] = float(bool(hits) and not values["m_cap"] and not values["m_exo"])
        # a reference's mention: 0; the name a swap put in: 1; a swap's other mentions: None
        swapped = False if swap is None else (span[0] < swap[1] and swap[0] < span[1]) or None
        out.append(Mention(name, span, values, swapped, [] if hits or titled else candidates))
    return out


def _paired(m: Mention) -> bool:
    """Whether the spelling pairs the mention with a source word (by any of :data:`PAIRED_BY`)."""
    return any(m.values[f] for f in PAIRED_BY)


def meaning_values(
    pairs: Sequence[Pair], vectors: Sequence[ClauseVectors | None], embedder: object
) -> None:
    """Fill ``shift`` (how much closer the name's clause comes to its best source clause with
    the name masked, :func:`namemeaning.meaning_shift`) and ``paircos`` (the name's best cosine
    with the source names the spelling left unpaired, alone and with the word after them,
    :func:`namemeaning.source_candidates`) of every mention the spelling leaves unpaired; one
    embedding call."""
    jobs: list[tuple[Mention, ClauseVectors, int, str]] = []
    texts: list[str] = []
    for p, v in zip(pairs, vectors, strict=True):
        for m in p.mentions:
            if _paired(m):
                continue  # paired by spelling: no meaning read (the check reads none)
            texts += [m.name, *m.candidates]
            if v is not None and v.translation.size and v.source.size:
                k = _clause_of(v.translation_spans, m.span[0])
                if k is not None:
                    text = masked_clause(p.english, v.translation_spans[k], m.span)
                    jobs.append((m, v, k, text))
                    texts.append(text)
    texts = list(dict.fromkeys(texts))
    if not texts:
        return
    rows = dict(zip(texts, np.asarray(embedder.embed(texts), dtype=np.float32), strict=True))  # type: ignore[attr-defined]
    for m, v, k, text in jobs:
        m.values["shift"] = meaning_shift(v, k, rows[text])
    for p in pairs:
        for m in p.mentions:
            if m.candidates:
                m.values["paircos"] = max(float(rows[c] @ rows[m.name]) for c in m.candidates)


def read_part(lines: Sequence[Line], lang: str, seed: int, embedder: object) -> list[Pair]:
    """Every reference of ``lines`` and one swapped copy of each line with a name, checked as
    the benchmark checks them, with each English mention's values."""
    jobs = [(k, ln.en, None) for k, ln in enumerate(lines)]
    jobs += [(k, e, span) for k, e, span in swap_copies(lines, seed)]
    sources = [lines[k].src[lang] for k, _, _ in jobs]
    results = check_pairs(sources, [e for _, e, _ in jobs], lang, embedder=embedder)  # type: ignore[arg-type]
    bilex = load_bilexicon()
    pairs = []
    for (k, english, span), source, r in zip(jobs, sources, results, strict=True):
        issues = list(r.issues)
        mentions = mention_values(source, english, lang, issues, bilex, span)
        doc = f"{lines[k].corpus}:{lines[k].doc}"
        pairs.append(Pair(k, doc, span, source, english, r.flagged, issues, mentions))
    vectors = _vectors([(p.source, p.english) for p in pairs], embedder)  # type: ignore[arg-type]
    meaning_values(pairs, vectors, embedder)
    return pairs


def swap_failure(pair: Pair) -> str:
    """Why a swapped copy is (not) flagged, in the failure table's words."""
    if pair.flagged:
        return "flagged"
    new = [m for m in pair.mentions if m.swapped]
    if not new:
        assert pair.swap is not None
        name = re.sub(r"['’]s$", "", pair.english[pair.swap[0] : pair.swap[1]])
        if all(is_acronym(w) for w in name.split()):
            return "no candidate: the new name is an acronym (the check reads none)"
        return "no candidate: the new name is no mention the check reads"
    if all(_paired(m) for m in new):
        how = "a capitalised" if any(m.values["m_cap"] for m in new) else "only a lower-case"
        return f"no candidate: the matcher pairs it with {how} source word"
    code = max(m.values["severity"] for m in new)
    if code == 0:
        return "no issue: paired by meaning or common words with no unpaired source name"
    if code == 1:
        m = max(new, key=lambda m: m.values["severity"])
        if not m.values["certain"]:
            return "weak only: a name of common or title words"
        if not m.values["n_unm"]:
            return "weak only: every source name has a counterpart"
        return "weak only: the unpaired source name is not certain, near or elsewhere"
    return "strong but outspent (not flagged alone)"


def reference_failure(pair: Pair) -> str | None:
    """Why a reference has a name issue (None when it has none)."""
    if not any(i.kind == "name" for i in pair.issues):
        return None
    found = [m for m in pair.mentions if m.values["issue"]]
    if not found:
        return "a source name dropped (no English name left unpaired)"
    m = max(found, key=lambda m: m.values["severity"])
    strong = " [strong]" if m.values["severity"] >= 1.5 else ""
    if m.values["rendered"]:
        return "a name the word lexicon renders from a source word" + strong
    if not m.values["n_unm"]:
        return "a name the source lacks (every source name paired)" + strong
    if m.values["near"] or m.values["best_left"] >= 0.55:
        return "a far transliteration of an unpaired source name" + strong
    if not m.values["certain"]:
        return "common words beside an unpaired source name" + strong
    return "a certain name beside an unpaired source name" + strong


def failure_table(pairs: Sequence[Pair]) -> list[str]:
    """The failure table's lines (counts and shares)."""
    swaps = [p for p in pairs if p.swap is not None]
    refs = [p for p in pairs if p.swap is None]
    out = [f"  swaps {len(swaps)}, references {len(refs)}"]
    for why, n in Counter(swap_failure(p) for p in swaps).most_common():
        out.append(f"    swap  {n:4d} ({n / max(1, len(swaps)):.2f})  {why}")
    reasons = Counter(r for r in map(reference_failure, refs) if r is not None)
    out.append(f"    references with a name issue: {sum(reasons.values())}")
    for why, n in reasons.most_common():
        out.append(f"    ref   {n:4d}  {why}")
    return out


def design(
    pairs: Sequence[Pair], features: Sequence[str], every: bool
) -> tuple[np.ndarray, np.ndarray, list[str], list[int]]:
    """(values, label, document, pair index) of each mention read: with ``every`` False only
    the mentions the spelling leaves unpaired. Label 1 for a swapped-in name, 0 for a
    reference's mention, -1 for a swap's other mentions (scored, not fitted)."""
    xs, ys, docs, rows = [], [], [], []
    for k, p in enumerate(pairs):
        for m in p.mentions:
            if not every and _paired(m):
                continue
            xs.append([m.values[f] for f in features])
            ys.append(-1 if m.swapped is None else int(m.swapped))
            docs.append(p.doc)
            rows.append(k)
    return np.array(xs, dtype=float).reshape(-1, len(features)), np.array(ys), docs, rows


@dataclass(frozen=True)
class NameModel:
    """A standardised logistic model (weights last is the bias)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights[:-1] + self.weights[-1]


def fit(x: np.ndarray, y: np.ndarray) -> NameModel:
    """The model on mentions labelled 0/1 (rows labelled -1 are left out).

    Raises:
        ValueError: when there is not one mention of each class to fit on.
    """
    keep = y >= 0
    if len(set(y[keep].tolist())) < 2:
        raise ValueError("the name model needs references and swaps to fit on")
    mean = x[keep].mean(0)
    scale = x[keep].std(0)
    scale[scale == 0] = 1.0
    return NameModel(mean, scale, fit_logistic((x[keep] - mean) / scale, y[keep].astype(float)))


def out_of_fold(x: np.ndarray, y: np.ndarray, docs: Sequence[str]) -> np.ndarray:
    """Each mention's log-odds from the model fitted on the other documents' folds."""
    fold_of = np.array([zlib.crc32(d.encode()) % FOLDS for d in docs])
    z = np.zeros(len(y))
    for f in range(FOLDS):
        held = fold_of == f
        if held.any():
            z[held] = fit(x[~held], y[~held]).logit(x[held])
    return z


def line_scores(n: int, rows: Sequence[int], z: np.ndarray) -> np.ndarray:
    """Each pair's highest mention score (-inf with no mention read)."""
    out = np.full(n, -np.inf)
    for k, v in zip(rows, z, strict=True):
        out[k] = max(out[k], v)
    return out


def recall_at(refs: np.ndarray, bad: np.ndarray, rate: float) -> float:
    """The share of ``bad`` scored above the lowest threshold that leaves at most ``rate`` of
    ``refs`` above it (a score equal to a threshold is not above it)."""
    if not len(bad):
        return float("nan")
    allowed = int(np.floor(rate * len(refs)))
    for t in np.unique(np.concatenate([refs, bad])):
        if (refs > t).sum() <= allowed:
            return float((bad > t).mean())
    return 0.0  # pragma: no cover - the highest score leaves nothing above it


def score_line(label: str, pairs: Sequence[Pair], scores: np.ndarray) -> str:
    """One printed row: AUROC and recall at :data:`RATES`."""
    ref = np.array([p.swap is None for p in pairs])
    finite = np.where(np.isfinite(scores), scores, -1e9)
    good, bad = finite[ref], finite[~ref]
    cells = "  ".join(f"@{r * 100:g}% {recall_at(good, bad, r):.2f}" for r in RATES)
    return f"    {label:<34} AUROC {auroc(list(-bad), list(-good)):.3f}  {cells}"


def compare(fitted: Sequence[Pair], measured: Sequence[Pair] | None) -> list[str]:
    """The current rule and the two models on the calibration part (out of fold) or, with
    ``measured``, on that part fitted on the whole of ``fitted``."""
    target = measured if measured is not None else fitted
    out = []
    current = np.array([_strongest(p) for p in target])
    current[current == 0] = -np.inf
    out.append(score_line("current rule (strong/weak)", target, current))
    for label, feats, every in (
        ("model, unmatched mentions", SPELLING, False),
        ("model, every mention", FEATURES, True),
    ):
        x, y, docs, rows = design(fitted, feats, every)
        if measured is None:
            z = out_of_fold(x, y, docs)
        else:
            model = fit(x, y)
            x, _, _, rows = design(measured, feats, every)
            z = model.logit(x)
        out.append(score_line(label, target, line_scores(len(target), rows, z)))
    return out


def _strongest(pair: Pair) -> float:
    """The pair's highest severity code (:func:`severity_code`) over its mentions."""
    return max([m.values["severity"] for m in pair.mentions] + [0.0])


def threshold_at(refs: np.ndarray, rate: float) -> float:
    """The lowest score that leaves at most ``rate`` of ``refs`` above it."""
    allowed = int(np.floor(rate * len(refs)))
    for t in np.unique(refs):
        if (refs > t).sum() <= allowed:
            return float(t)
    return float("inf")


def names_alone(fitted: Sequence[Pair], measured: Sequence[Pair] | None) -> list[str]:
    """What the check would flag if a name scored by the unmatched-mention model above the
    threshold of :data:`ALONE_AT` (read on the calibration part's out-of-fold reference
    scores) flagged alone, beside what it flags now: references and swaps flagged, and the
    share of references names alone would add, at the 0.9 quantile of parts drawn by
    document (:class:`faithfulness_bench.DocDraws`, over both parts read) as the calibration
    prices a kind that flags alone. Not simulated: the room the coverage models would give
    up for it (dropped clauses lose recall)."""
    x, y, docs, rows = design(fitted, SPELLING, False)
    oof = line_scores(len(fitted), rows, out_of_fold(x, y, docs))
    refs_at = np.array([p.swap is None for p in fitted])
    target, scores = fitted, oof
    if measured is not None:
        xm, _, _, rm = design(measured, SPELLING, False)
        target, scores = measured, line_scores(len(measured), rm, fit(x, y).logit(xm))
    parts = [fitted] if measured is None else [fitted, measured]
    part_scores = [oof] if measured is None else [oof, scores]
    ref = np.array([p.swap is None for p in target])
    flagged = np.array([p.flagged for p in target])
    draws = DocDraws([[p.doc for p in part if p.swap is None] for part in parts])
    # the current rule's strong direction (by spelling or by meaning) alone, for comparison
    strong = [np.array([_strongest(p) >= 1.5 for p in part], float) for part in parts]
    rules = [("the current strong direction", strong, 0.5)]
    rules += [
        (f"the model above the calibration part's {rate * 100:g} % threshold", part_scores,
         threshold_at(oof[refs_at], rate))
        for rate in ALONE_AT
    ]  # fmt: skip
    out = []
    for label, values, t in rules:
        new = flagged | (values[-1] > t)
        added = [
            bool(s > t and not p.flagged)
            for part, sc in zip(parts, values, strict=True)
            for p, s in zip(part, sc, strict=True)
            if p.swap is None
        ]
        out.append(
            f"    names alone, {label}: "
            f"references flagged {flagged[ref].mean():.3f} -> {new[ref].mean():.3f} "
            f"(added by document draws {draws.share(added):.4f}), swapped name "
            f"{flagged[~ref].mean():.2f} -> {new[~ref].mean():.2f}"
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Run the study (see the module docstring)."""
    from workbench.testsets import shared_data  # noqa: PLC0415 - ../../shared/data from a worktree

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=shared_data())
    ap.add_argument("--langs", default="kk,ky,ru")
    ap.add_argument(
        "--on",
        default="calibration",
        help="calibration, or dev (after the calibration part; never final)",
    )
    ap.add_argument("--seed", type=int, default=11, help="the swaps' draws")
    ap.add_argument("--split-seed", type=int, default=7, help="the benchmark's sample draw")
    ap.add_argument("--lines", type=int, default=0, help="first N lines of each part (0: all)")
    ap.add_argument("--embedding-cache", type=Path, default=None)
    args = ap.parse_args(argv)
    langs = args.langs.split(",")
    bad = [lang for lang in langs if lang not in SOURCES]
    if bad:
        ap.error(f"--langs takes kk, ky and ru, not {bad[0]}")
    if args.on not in ("calibration", "dev"):
        ap.error(f"--on takes calibration or dev, not {args.on!r} (the final part is never read)")
    if args.lines < 0:
        ap.error("--lines takes 0 or more")
    if not args.data.is_dir():
        ap.error(f"--data {args.data} is not a folder")
    found = development_parts(args.data, args.split_seed, load)
    embedder = create_embedder(cache=True)
    if args.embedding_cache is not None:
        embedder = CachingEmbedder(embedder.inner, args.embedding_cache)  # type: ignore[attr-defined]

    def part(name: str) -> list[Line]:
        return found[name][: args.lines] if args.lines else found[name]

    print(f"# name signal study  on={args.on} seed={args.seed} lines={args.lines or 'all'}")
    for lang in langs:
        fitted = read_part(part("calibration"), lang, args.seed, embedder)
        measured = read_part(part("dev"), lang, args.seed, embedder) if args.on == "dev" else None
        for name, pairs, on in (("calibration", fitted, None), ("dev", measured, measured)):
            if pairs is None:
                continue
            print(f"\n## {lang}: {name} part, the failure table")
            print("\n".join(failure_table(pairs)))
            how = "fitted on the calibration part" if on else "out of fold by document"
            print(f"## {lang}: {name} part, name evidence as one score ({how})")
            print("\n".join(compare(fitted, on)))
            print("\n".join(names_alone(fitted, on)))


if __name__ == "__main__":
    main()
