"""Where the false-flag budget goes: per evidence kind, the untouched references it flags and
the corruptions it finds, on a development part.

The faithfulness benchmark (``benchmarks/faithfulness_bench.py``) reports recall per corruption
and the untouched references flagged, with the kinds that *fired* on them; a kind that fires
need not be what flags. This study makes the benchmark's own pairs on a development part (every
untouched line, and the sample's corruptions with the same seed, so its flags are the
benchmark's) and, for each evidence key, takes it away and checks each pair again with the
committed calibration (same evidence limit, same ``alone_kinds``):

* ``fires``: untouched references where the key is found at all;
* ``needed``: untouched references flagged only because of it (flagged with it, not without):
  the false flags it costs;
* per corruption, the pairs flagged only because of it: the recall it buys.

A last row counts the pairs flagged with no kind that flags alone (``alone_kinds``): what the
evidence that adds up (the room ``ALONE_SHARE`` leaves it) costs and buys.

Besides the span keys (``hedge``, ``hedge_weak``...) and the coverage models' kinds
(``omission``, ``unrelated``, ``addition``: their flag alone), two keys read the continuous
coverage risk: ``length`` (the length-ratio term of the risk, :func:`workbench.faithfulness.core._risk`:
the ``length`` issue itself adds no evidence) and ``risk`` (the whole coverage risk, length
term included). A pair can need more than one key (two kinds that add up); it is counted under
each.

Only the development parts may be read: ``--on dev`` or ``--on calibration``. The final part
is never read here.

Usage::

    python benchmarks/budget_study.py --on dev [--langs kk,ky,ru] [--n 120] [--seed 7]
        [--embedding-cache FILE] [--data ../shared/data]
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's workbench, not another editable install
sys.path.insert(0, str(REPO / "benchmarks"))

from faithfulness_bench import (  # noqa: E402
    CALIBRATION_FILE,
    CORRUPTIONS,
    WHOLE_HALF,
    Line,
    Pools,
    _Fixed,
    _whole_names,
    load,
)
from omission_study import part_inputs, part_langs, part_parser  # noqa: E402

from workbench.faithfulness import check_pairs, load_calibration  # noqa: E402
from workbench.faithfulness.base import (  # noqa: E402
    Calibration,
    FaithContext,
    LanguageCalibration,
)
from workbench.faithfulness.core import (  # noqa: E402
    COVERAGE_KINDS,
    _risk,
    _vectors,
    evidence,
    evidence_keys,
)
from workbench.faithfulness.coverage import pair_features, risk  # noqa: E402
from workbench.faithfulness.diffapi import load_bilexicon, load_lexicon  # noqa: E402

#: Corruption rows shown (each with a recall target in the benchmark).
SHOWN = tuple(name for name, (_, target) in CORRUPTIONS.items() if target)
#: Keys read from the coverage risk rather than from the issues.
RISK_KEYS = ("length", "risk")
#: The row of pairs flagged with no kind that flags alone: evidence that adds up (the room
#: ``ALONE_SHARE`` leaves).
ADDS_UP = "(no kind alone: evidence adds up)"


def what_flags(
    keys: set[str], full: float, cover: float, cal: LanguageCalibration
) -> dict[str, bool]:
    """Whether a pair is flagged (``"flagged"``) and, for each key, whether it is flagged only
    because of that key: ``keys`` its evidence keys, ``full`` its coverage risk
    (:func:`workbench.faithfulness.core._risk`, the length term included), ``cover`` the risk
    without the length term. ``length`` reads the risk without its length term, ``risk`` no
    coverage at all; :data:`ADDS_UP` is a flag with no kind of ``alone_kinds``."""
    limit = cal.evidence_limit
    flagged = evidence(keys, full, cal) >= limit
    without = {k: evidence(keys - {k}, full, cal) for k in keys - {"length"}}
    without["length"] = evidence(keys - {"length"}, cover, cal)
    without["risk"] = evidence(keys - COVERAGE_KINDS, 0.0, cal)
    row = {k: flagged and value < limit for k, value in without.items()}
    row[ADDS_UP] = flagged and not keys & set(cal.alone_kinds)
    row["flagged"] = flagged
    return row


def benchmark_pairs(
    lines: Sequence[Line], lang: str, n: int, seed: int
) -> list[tuple[str, str, str]]:
    """(corruption or "clean", source, English) as the benchmark's ``measure`` makes them."""
    names = sorted({name for ln in lines for _, _, name in _whole_names(ln.en)})
    pools = Pools(tuple(names), tuple(lines))
    rng = random.Random(seed)
    sample = rng.sample(list(lines), min(n, len(lines)))
    pairs = [("clean", ln.src[lang], ln.en) for ln in lines]
    for name, (fn, _) in CORRUPTIONS.items():
        for ln in lines if name in WHOLE_HALF else sample:
            bad = fn(ln, lang, rng, pools)
            if bad and bad != ln.en:
                pairs.append((name, ln.src[lang], bad))
    return pairs


def study(
    lines: Sequence[Line], lang: str, embedder: object, n: int, seed: int
) -> tuple[list[str], list[bool], dict[str, list[bool]], Counter[str]]:
    """Each pair's corruption and flag, for each key whether the pair needs it, and the keys
    found on untouched references."""
    calibration = load_calibration(CALIBRATION_FILE)
    cal = calibration.get(lang)
    pairs = benchmark_pairs(lines, lang, n, seed)
    two = [(s, t) for _, s, t in pairs]
    vecs = _vectors(two, embedder)  # type: ignore[arg-type]
    results = check_pairs(
        [s for s, _ in two], [t for _, t in two], lang,
        embedder=_Fixed(two, vecs),  # type: ignore[arg-type]
        calibration=Calibration(calibration.name, calibration.data, {lang: cal}),
    )  # fmt: skip
    lexicon, words = load_lexicon(), load_bilexicon()
    names, flags, fired = [], [], Counter[str]()
    rows: list[dict[str, bool]] = []
    for (name, s, t), v, r in zip(pairs, vecs, results, strict=True):
        keys = evidence_keys(r.issues)
        ctx = FaithContext(s, t, lang, lexicon, cal, v, words)
        full = _risk(ctx)
        f = pair_features(ctx)
        cover = risk(f, ctx) if f is not None else 0.0
        row = what_flags(keys, full, cover, cal)
        flagged = row["flagged"]
        names.append(name)
        flags.append(flagged)
        if name == "clean":
            fired.update(keys)
        rows.append({k: v for k, v in row.items() if k != "flagged"})
    needed = {k: [row.get(k, False) for row in rows] for k in {k for row in rows for k in row}}
    return names, flags, needed, fired


def report(
    lang: str, names: list[str], flags: list[bool], needed: dict[str, list[bool]],
    fired: Counter[str],
) -> None:  # fmt: skip
    """One language's table: per key, false flags it costs and recall it buys."""
    clean = [i for i, n in enumerate(names) if n == "clean"]
    by = {c: [i for i, n in enumerate(names) if n == c] for c in SHOWN}
    false = sum(flags[i] for i in clean)
    print(f"\n## {lang}: {len(clean)} untouched references, {false} flagged "
          f"({false / max(1, len(clean)):.1%})")  # fmt: skip
    print("recall: " + ", ".join(
        f"{c} {sum(flags[i] for i in idx) / len(idx):.2f} ({len(idx)})" for c, idx in by.items()
        if idx
    ))  # fmt: skip
    print("| key | fires on references | flags it is needed for | recall it buys (rows it moves) |")
    print("|---|---:|---:|---|")
    order = sorted(needed, key=lambda k: -sum(needed[k][i] for i in clean))
    for k in order:
        cost = sum(needed[k][i] for i in clean)
        buys = {c: sum(needed[k][i] for i in idx) / len(idx) for c, idx in by.items() if idx}
        bought = ", ".join(f"{c} {v:.2f}" for c, v in buys.items() if v > 0) or "-"
        fires = fired[k] if k not in (*RISK_KEYS, ADDS_UP) or k == "length" else "-"
        print(f"| {k} | {fires} | {cost} ({cost / max(1, len(clean)):.2%}) | {bought} |")


def main() -> None:
    """Run the study (see the module docstring)."""
    ap = part_parser(__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=120, help="sample lines per corruption")
    args = ap.parse_args()
    langs = part_langs(ap, args)
    if args.n < 1:
        ap.error("--n must be 1 or more")
    lines, embedder = part_inputs(ap, args, load)
    print(f"# budget study: {args.on} part, {len(lines)} lines, n={args.n}, "
          f"calibration {load_calibration(CALIBRATION_FILE).name}")  # fmt: skip
    for lang in langs:
        report(lang, *study(lines, lang, embedder, args.n, args.seed))


if __name__ == "__main__":
    main()
