"""Dropped clauses against the committed omission model: which drops it finds, which no
evidence it reads can find, and what its false fires on faithful references share.

The faithfulness benchmark (``benchmarks/faithfulness_bench.py``) reports recall on a sample of
72 drops per language; this study drops a clause from **every** line of a development part,
``--reps`` times (the benchmark's own ``drop_clause``, one seed per repetition), and reads the
omission model of the committed calibration alone (its log-odds against its limit; no
recalibration, no other kind), so that the numbers in docs/faithfulness.md ("Dropped clauses")
can be reproduced:

* recall by the share of the English words the drop took (drops under a fifth of the sentence
  sit inside the spread of faithful translations' length);
* recall by where the dropped clause stood: the sentence's first, a middle or its last
  punctuation clause (session 9);
* how many drops the word lexicon can see at all: ``taken`` is the hit-rate weight of the known
  source words the full reference renders and the dropped copy no longer does (0: the lexicon
  has no word of the dropped clause, so no word feature can tell the drop from a faithful
  translation);
* the untouched references the model reports, and how often they have what faithful
  translations that look short have: an English acronym the source spells out (``NHS``; the
  omission model reads their number since session 7), a
  headline on either side (no sentence-final mark), a lost source name (``names_lost``), each
  beside its share among all references (lift).

Only the development parts may be read: ``--on dev`` (the measurement half's first documents)
or ``--on calibration`` (the calibration half outside the calibration sample). The final part
is never read here.

Usage::

    python benchmarks/omission_study.py --on dev [--langs kk,ky,ru] [--reps 2] [--seed 7]
        [--show 0] [--embedding-cache FILE] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's workbench, not another editable install
sys.path.insert(0, str(REPO / "benchmarks"))

from faithfulness_bench import (  # noqa: E402
    CALIBRATION_FILE,
    SOURCES,
    Line,
    Pools,
    drop_clause,
    lexicon_line,
    load,
    split_measurement,
)

from workbench.align import CachingEmbedder, create_embedder  # noqa: E402
from workbench.faithfulness import features, load_calibration  # noqa: E402
from workbench.faithfulness.core import _vectors  # noqa: E402
from workbench.faithfulness.coverage import (  # noqa: E402
    is_headline,
    punctuation_clauses,
    spelled_out_acronyms,
)
from workbench.faithfulness.diffapi import BiLexicon, load_bilexicon  # noqa: E402

#: Where in the sentence the dropped clause stood (:func:`drop_place`).
PLACES = ("first", "middle", "last")
#: Upper ends of the drop-share bins (share of the English words the drop took).
SHARE_BINS = (0.1, 0.2, 0.3, 0.4, 0.5, 1.01)
#: Share bins in which recall by place is compared at (nearly) equal size (session 10,
#: :func:`place_by_size`): a middle clause is smaller than a first or last one, so recall of
#: "drops of 0.2 or more" mixes place with size (0.38 of middle drops sit in 0.2-0.3).
PLACE_BINS = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.45), (0.45, 1.01))
_FINAL = re.compile(r"[.!?…:;][\"'»”’)\]]*\s*$")


@dataclass(frozen=True)
class Drop:
    """One dropped copy: the share of English words dropped, the lexicon weight the drop
    took, and whether the omission model reports it."""

    share: float
    taken: float
    found: bool
    place: str = "middle"


@dataclass(frozen=True)
class Reference:
    """One untouched reference: the omission model's log-odds and the traits counted."""

    logit: float
    fired: bool
    acronym: bool
    headline: bool
    names_lost: bool
    source: str
    english: str


def headline_either(source: str, english: str) -> bool:
    """True when either side has no sentence-final mark (a headline or a title)."""
    return is_headline(source) or (bool(english.strip()) and _FINAL.search(english) is None)


def drop_place(english: str, rng: random.Random) -> str:
    """Which clause ``drop_clause`` will drop from ``english`` with ``rng`` in its present
    state (read from a copy of the state; ``rng`` itself does not move): "first", "last" or
    "middle" of the sentence's punctuation clauses."""
    spans = punctuation_clauses(english)
    if len(spans) < 2:
        return "middle"
    twin = random.Random()
    twin.setstate(rng.getstate())
    k = twin.randrange(len(spans))
    return "first" if k == 0 else "last" if k == len(spans) - 1 else "middle"


def taken_weight(lexicon: BiLexicon, source: str, full: str, dropped: str, lang: str) -> float:
    """Hit-rate weight of the known source words ``full`` renders and ``dropped`` does not
    (a word the lexicon reads only beside ``full``, as a name it spells, counts as lost)."""
    after = {w.span: w.covered for w in lexicon.coverage(source, dropped, lang)}
    return sum(
        w.weight
        for w in lexicon.coverage(source, full, lang)
        if w.covered and not after.get(w.span, 0)
    )


def parts(
    data: Path, seed: int, reader: Callable[[Path], tuple[list[Line], list[Line]]] = load
) -> dict[str, list[Line]]:
    """The development parts: ``calibration`` (the calibration half outside the calibration
    sample, drawn as ``faithfulness_bench.main`` draws it) and ``dev``, and ``sample`` (the
    calibration sample itself, in the order ``--calibrate`` reads it); ``reader`` reads the
    material (``faithfulness_bench.load``)."""
    cal_lines, meas_lines = reader(data)
    rng = random.Random(seed)
    unseen = [ln for ln in cal_lines if not lexicon_line(ln)]
    sample = rng.sample(unseen, len(unseen))
    used = {(ln.corpus, ln.index) for ln in sample}
    outside = [ln for ln in cal_lines if (ln.corpus, ln.index) not in used]
    dev, _ = split_measurement(meas_lines)
    return {"sample": sample, "calibration": outside, "dev": dev}


def study(
    lines: Sequence[Line], lang: str, embedder: object, reps: int, seed: int
) -> tuple[list[Drop], list[Reference]]:
    """Every line's reference and ``reps`` dropped copies, read by the committed omission
    model of ``lang``."""
    cal = load_calibration(CALIBRATION_FILE).languages[lang]
    model = cal.omission_model
    if model is None:
        raise SystemExit(f"the committed calibration has no omission model for {lang}")
    pools = Pools((), tuple(lines))
    pairs: list[tuple[int, str]] = []  # (line, English: the reference or a dropped copy)
    places: dict[tuple[int, str], str] = {}
    for rep in range(reps + 1):
        rng = random.Random(seed * 1000 + rep)
        for k, ln in enumerate(lines):
            place = drop_place(ln.en, rng) if rep else ""
            english = ln.en if rep == 0 else drop_clause(ln, lang, rng, pools)
            if english and (rep == 0 or english != ln.en):
                pairs.append((k, english))
                places[(k, english)] = place
    vecs = _vectors([(lines[k].src[lang], e) for k, e in pairs], embedder)  # type: ignore[arg-type]
    lexicon = load_bilexicon()
    drops: list[Drop] = []
    refs: list[Reference] = []
    for (k, english), v in zip(pairs, vecs, strict=True):
        ln = lines[k]
        source = ln.src[lang]
        f = features(v, source, english, cal.length_typical, None, lang) if v else None
        if f is None:
            continue
        z = model.logit(f.values())
        if english == ln.en:
            refs.append(Reference(
                z, z >= model.limit, spelled_out_acronyms(source, english) > 0,
                headline_either(source, english), f.names_lost > 0, source, english,
            ))  # fmt: skip
        else:
            share = 1 - len(english.split()) / max(1, len(ln.en.split()))
            taken = taken_weight(lexicon, source, ln.en, english, lang)
            drops.append(Drop(share, taken, z >= model.limit, places[(k, english)]))
    return drops, refs


def place_by_size(
    drops: Sequence[Drop],
) -> dict[tuple[float, float], dict[str, tuple[int, float]]]:
    """Per share bin of :data:`PLACE_BINS`, per place with drops in it, (number of drops,
    recall): where a dropped clause stood, read apart from how much of the sentence it took."""
    out: dict[tuple[float, float], dict[str, tuple[int, float]]] = {}
    for lo, hi in PLACE_BINS:
        row = {}
        for place in PLACES:
            got = [d.found for d in drops if d.place == place and lo <= d.share < hi]
            if got:
                row[place] = (len(got), sum(got) / len(got))
        out[(lo, hi)] = row
    return out


def place_gain(drops: Sequence[Drop]) -> float:
    """The recall all drops would gain if middle drops were found as often as first and last
    drops of the same size (:func:`place_by_size`'s bins): what place, apart from size, costs."""
    gained = 0.0
    for row in place_by_size(drops).values():
        if "middle" not in row:
            continue
        edges = [row[p] for p in ("first", "last") if p in row]
        if not edges:
            continue
        edge = sum(k * r for k, r in edges) / sum(k for k, _ in edges)
        k, r = row["middle"]
        gained += k * max(0.0, edge - r)
    return gained / max(1, len(drops))


def report(lang: str, drops: Sequence[Drop], refs: Sequence[Reference], show: int) -> None:
    """Print one language's tables."""
    found = np.array([d.found for d in drops], dtype=bool)
    share = np.array([d.share for d in drops])
    taken = np.array([d.taken for d in drops])
    print(f"\n## {lang}: {len(drops)} drops, omission recall {found.mean():.3f}; "
          f"{len(refs)} references")  # fmt: skip
    print("| share of the English dropped | n | recall | lexicon sees nothing (taken < 0.5) |")
    print("|---|---:|---:|---:|")
    lo = 0.0
    for hi in SHARE_BINS:
        m = (share >= lo) & (share < hi)
        if m.any():
            print(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {m.sum()} | {found[m].mean():.2f} | "
                  f"{np.mean(taken[m] < 0.5):.2f} |")  # fmt: skip
        lo = hi
    place = np.array([d.place for d in drops])
    print("by the dropped clause's place (recall; n; share of drops under 0.2 of the English; "
          "recall of drops of 0.2 or more): " + "; ".join(
        f"{p} {found[place == p].mean():.2f}, n {int((place == p).sum())}, "
        f"{np.mean(share[place == p] < 0.2):.2f}, "
        f"{found[(place == p) & (share >= 0.2)].mean():.2f}"
        for p in PLACES if ((place == p) & (share >= 0.2)).any()
    ))  # fmt: skip
    print("by place at equal size (share of the English dropped: place recall, n): " + "; ".join(
        f"{lo:.2f}-{min(hi, 1.0):.2f}: "
        + ", ".join(f"{p} {r:.2f}, n {k}" for p, (k, r) in row.items())
        for (lo, hi), row in place_by_size(drops).items() if row
    ))  # fmt: skip
    print(f"recall gained if middle drops were found as often as first and last drops of their "
          f"size: {place_gain(drops):+.3f}")  # fmt: skip
    miss = ~found
    if miss.any():
        print(f"misses {miss.sum()}: under 0.2 of the English {np.mean(share[miss] < 0.2):.2f}, "
              f"0.2-0.3 {np.mean((share[miss] >= 0.2) & (share[miss] < 0.3)):.2f}; the lexicon "
              f"sees a word taken (taken >= 1) in {np.mean(taken[miss] >= 1):.2f}, two "
              f"(>= 2) in {np.mean(taken[miss] >= 2):.2f}")  # fmt: skip
    fired = [r for r in refs if r.fired]
    print(f"references reported: {len(fired)} ({len(fired) / max(1, len(refs)):.2%})")
    for trait in ("acronym", "headline", "names_lost"):
        among = np.mean([getattr(r, trait) for r in fired]) if fired else 0.0
        overall = np.mean([getattr(r, trait) for r in refs]) if refs else 0.0
        lift = among / overall if overall > 0 else math.nan
        print(f"  {trait}: {among:.2f} of them, {overall:.2f} of all references (lift {lift:.1f})")
    for r in sorted(fired, key=lambda r: -r.logit)[:show]:
        print(f"  {r.logit:5.2f} | {r.source[:100]} || {r.english[:100]}")


def part_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every development-part study takes (``omission_study``,
    ``budget_study``): ``--data``, ``--on`` (dev or calibration; the final part is never read
    here), ``--langs``, ``--seed`` and ``--embedding-cache``."""
    ap = argparse.ArgumentParser(description=description)
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    ap.add_argument("--data", type=Path, default=shared_data())
    ap.add_argument(
        "--on", choices=("dev", "calibration"), required=True,
        help="development part to read (the final part is never read here)",
    )  # fmt: skip
    ap.add_argument("--langs", default="kk,ky,ru")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--embedding-cache", type=Path, default=None, help="SQLite vector cache")
    return ap


def part_langs(ap: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    """``--langs`` as a list, or one sentence and exit 2 for a language the data lacks."""
    langs = str(args.langs).split(",")
    unknown = [lang for lang in langs if lang not in SOURCES]
    if unknown:
        ap.error(f"--langs takes kk, ky and ru; not {', '.join(unknown)}")
    return langs


def part_inputs(
    ap: argparse.ArgumentParser,
    args: argparse.Namespace,
    reader: Callable[[Path], tuple[list[Line], list[Line]]],
) -> tuple[list[Line], object]:
    """The ``--on`` part's lines read by ``reader`` (``faithfulness_bench.load``, passed by the
    calling study so that its tests can tell whether the data was read) and the embedder
    (behind ``--embedding-cache`` when given), or one sentence and exit 2 when ``--data`` is no
    folder."""
    if not args.data.is_dir():
        ap.error(f"--data {args.data} is not a folder")
    lines = parts(args.data, args.seed, reader)[args.on]
    embedder = create_embedder(cache=True)
    if args.embedding_cache is not None:
        embedder = CachingEmbedder(embedder.inner, args.embedding_cache)  # type: ignore[attr-defined]
    return lines, embedder


def main() -> None:
    """Run the study (see the module docstring)."""
    ap = part_parser(__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=2, help="dropped copies of every line")
    ap.add_argument("--show", type=int, default=0, help="reported references to print")
    args = ap.parse_args()
    langs = part_langs(ap, args)
    if args.reps < 1 or args.show < 0:
        ap.error("--reps must be 1 or more and --show 0 or more")
    lines, embedder = part_inputs(ap, args, load)
    print(f"# omission study: {args.on} part, {len(lines)} lines, {args.reps} drops per line, "
          f"calibration {load_calibration(CALIBRATION_FILE).name}")  # fmt: skip
    for lang in langs:
        drops, refs = study(lines, lang, embedder, args.reps, args.seed)
        report(lang, drops, refs, args.show)


if __name__ == "__main__":
    main()
