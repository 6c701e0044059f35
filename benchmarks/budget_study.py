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
        [--embedding-cache FILE] [--data ../shared/data] [--calibration FILE]
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    WEAK_KINDS,
    _risk,
    _vectors,
    evidence,
    evidence_keys,
)
from workbench.faithfulness.coverage import pair_features, risk  # noqa: E402
from workbench.faithfulness.diffapi import load_bilexicon, load_lexicon  # noqa: E402
from workbench.types import FaithIssue  # noqa: E402

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


#: Other evidence (−log10 units: span keys and the coverage risk) a kind that flags alone may be
#: made to need before its fire flags a pair (:func:`flag_at`): 0 is the committed operating
#: point (every fire flags: other evidence is never negative), 0.3 a coverage risk beyond half
#: the references, 0.7 beyond a fifth, 1.0 beyond a tenth; ``inf`` leaves the kind evidence only.
LEVELS = (0.0, 0.3, 0.7, 1.0, math.inf)
#: The side a span issue stands on (:func:`side_of`): ``en`` when the English carries it (a hedge
#: or "not" added, a figure changed, a loaded label), ``src`` when only the source does (a hedge
#: or a negation dropped, a figure lost, a label neutralised).
SIDES = ("en", "src")
#: Recall target per corruption row shown (the benchmark's).
TARGETS = {name: target for name, (_, target) in CORRUPTIONS.items() if target}


@dataclass(frozen=True)
class Pair:
    """One checked pair: its corruption (or ``"clean"``), evidence keys, issues, coverage risk
    (``full``, the length term included; ``cover`` without it) and the omission model's
    log-odds (``None`` without clause vectors or model)."""

    name: str
    keys: frozenset[str]
    issues: tuple[FaithIssue, ...]
    full: float
    cover: float
    logit: float | None


def flag_at(keys: set[str], full: float, cal: LanguageCalibration, kind: str, level: float) -> bool:
    """Whether a pair is flagged when ``kind`` flags alone only beside at least ``level`` of
    other evidence (the pair's evidence less the kind's own −log10 rate); below that the kind
    is evidence that needs company, as a kind outside ``alone_kinds`` is. Level 0 is the
    committed operating point; ``math.inf`` takes the kind out of ``alone_kinds``."""
    others = replace(cal, alone_kinds=tuple(k for k in cal.alone_kinds if k != kind))
    value = evidence(keys, full, others)
    if value >= cal.evidence_limit:
        return True
    if kind not in cal.alone_kinds or kind not in keys or math.isinf(level):
        return False
    return value + math.log10(cal.rate(kind)) >= level - 1e-9


def side_of(found: FaithIssue) -> str:
    """``src`` for an issue with no span in the English (the source has what the English lost),
    ``en`` otherwise (see :data:`SIDES`)."""
    return "src" if found.translation_span is None else "en"


def demoted_keys(issues: Sequence[FaithIssue], kind: str, side: str) -> set[str]:
    """The evidence keys with the certain issues of ``kind`` on ``side`` read as uncertain
    (severity 0.6: ``kind_weak`` unless a certain issue on the other side remains): the kind's
    fires on that side no longer flag alone and still add evidence."""
    return evidence_keys([
        replace(i, severity=0.6) if i.kind == kind and side_of(i) == side and i.severity >= 1
        else i
        for i in issues
    ])  # fmt: skip


def study(
    lines: Sequence[Line], lang: str, embedder: object, n: int, seed: int,
    calibration_file: Path = CALIBRATION_FILE,
) -> tuple[list[Pair], LanguageCalibration]:  # fmt: skip
    """Every pair the benchmark makes on ``lines`` (untouched references and the sample's
    corruptions), checked with the calibration of ``lang`` in ``calibration_file`` (the
    committed one by default; a held-out one, ``faithfulness_bench.py --hold-out-dev``, to see
    which kinds flag a part no calibration read)."""
    calibration = load_calibration(calibration_file)
    cal = calibration.get(lang)
    pairs = benchmark_pairs(lines, lang, n, seed)
    two = [(s, t) for _, s, t in pairs]
    vecs = _vectors(two, embedder)  # type: ignore[arg-type]
    results = check_pairs(
        [s for s, _ in two], [t for _, t in two], lang,
        embedder=_Fixed(two, vecs, embedder),  # type: ignore[arg-type]
        calibration=Calibration(calibration.name, calibration.data, {lang: cal}),
    )  # fmt: skip
    lexicon, words = load_lexicon(), load_bilexicon()
    out: list[Pair] = []
    for (name, s, t), v, r in zip(pairs, vecs, results, strict=True):
        ctx = FaithContext(s, t, lang, lexicon, cal, v, words)
        f = pair_features(ctx)
        cover = risk(f, ctx) if f is not None else 0.0
        model = cal.omission_model
        logit = model.logit(f.values()) if f is not None and model is not None else None
        keys = frozenset(evidence_keys(r.issues))
        out.append(Pair(name, keys, tuple(r.issues), _risk(ctx), cover, logit))
    return out, cal


def needs(
    pairs: Sequence[Pair], cal: LanguageCalibration
) -> tuple[list[bool], dict[str, list[bool]], Counter[str]]:
    """Each pair's flag, for each key whether the pair needs it (:func:`what_flags`), and the
    keys found on untouched references."""
    flags, rows, fired = [], [], Counter[str]()
    for p in pairs:
        row = what_flags(set(p.keys), p.full, p.cover, cal)
        flags.append(row.pop("flagged"))
        rows.append(row)
        if p.name == "clean":
            fired.update(p.keys)
    needed = {k: [row.get(k, False) for row in rows] for k in {k for row in rows for k in row}}
    return flags, needed, fired


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


def with_room(
    pairs: Sequence[Pair], flags: Sequence[bool], freed: int, cal: LanguageCalibration
) -> list[bool]:
    """``flags`` with the omission model's limit lowered until it reports ``freed`` more
    untouched references of ``pairs`` that are not flagged already (the room a stricter kind
    gave back, spent by the omission model at the limit this very part would need: an upper
    bound on what a calibration could buy with it on text it does not read)."""
    model = cal.omission_model
    if model is None or freed <= 0:
        return list(flags)
    spare = sorted(
        (p.logit for p, f in zip(pairs, flags, strict=True)
         if p.name == "clean" and not f and p.logit is not None and p.logit < model.limit),
        reverse=True,
    )  # fmt: skip
    if not spare:
        return list(flags)
    limit = spare[min(freed, len(spare)) - 1]
    return [
        f or (p.logit is not None and p.logit >= limit) for p, f in zip(pairs, flags, strict=True)
    ]


def rows_line(pairs: Sequence[Pair], flags: Sequence[bool]) -> tuple[int, dict[str, float]]:
    """Untouched references flagged, and recall per target row."""
    clean = sum(f for p, f in zip(pairs, flags, strict=True) if p.name == "clean")
    recall = {}
    for c in TARGETS:
        got = [f for p, f in zip(pairs, flags, strict=True) if p.name == c]
        if got:
            recall[c] = sum(got) / len(got)
    return clean, recall


def report_levels(lang: str, pairs: Sequence[Pair], cal: LanguageCalibration) -> None:
    """Per kind that flags alone (and per side of the span kinds that have two), what a stricter
    evidence level costs in recall and gives back in untouched references, and what that room
    buys the omission model (:func:`with_room`): the rows below target + 0.05 and the dropped
    clause row."""
    base = [what_flags(set(p.keys), p.full, p.cover, cal)["flagged"] for p in pairs]
    n0, r0 = rows_line(pairs, base)
    n_clean = sum(p.name == "clean" for p in pairs)
    print(f"\n### {lang}: stricter levels ({n_clean} untouched references, {n0} flagged)")
    print(
        "| kind | level | untouched flagged (freed) | rows that move (committed -> this) | "
        "dropped clause with the freed room |"
    )
    print("|---|---|---:|---|---:|")
    variants: list[tuple[str, str, list[bool]]] = []
    for kind in cal.alone_kinds:
        if kind in COVERAGE_KINDS:
            continue
        for level in LEVELS[1:]:
            flags = [flag_at(set(p.keys), p.full, cal, kind, level) for p in pairs]
            variants.append((kind, f"{level:g}", flags))
        if kind in WEAK_KINDS:
            for side in SIDES:
                flags = [
                    evidence(demoted_keys(p.issues, kind, side), p.full, cal) >= cal.evidence_limit
                    for p in pairs
                ]
                variants.append((kind, f"{side} side weak", flags))
    for kind, label, flags in variants:
        n1, r1 = rows_line(pairs, flags)
        moved = (
            ", ".join(f"{c} {r0[c]:.2f}->{r1[c]:.2f}" for c in r0 if abs(r1[c] - r0[c]) >= 0.005)
            or "-"
        )
        room = with_room(pairs, flags, n0 - n1, cal)
        _, r2 = rows_line(pairs, room)
        drop = r2.get("dropped clause", math.nan)
        print(
            f"| {kind} | {label} | {n1} ({n0 - n1}) | {moved} | "
            f"{r0.get('dropped clause', math.nan):.2f} -> {drop:.2f} |"
        )


def main() -> None:
    """Run the study (see the module docstring)."""
    ap = part_parser(__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=120, help="sample lines per corruption")
    ap.add_argument(
        "--levels", action="store_true",
        help="also print, per kind that flags alone, stricter evidence levels and the room they "
        "give back (report_levels)",
    )  # fmt: skip
    ap.add_argument(
        "--calibration", type=Path, default=CALIBRATION_FILE,
        help="calibration file to check with (default: the committed one)",
    )  # fmt: skip
    args = ap.parse_args()
    langs = part_langs(ap, args)
    if args.n < 1:
        ap.error("--n must be 1 or more")
    if not args.calibration.is_file():
        ap.error(f"--calibration {args.calibration} is no file")
    lines, embedder = part_inputs(ap, args, load)
    print(f"# budget study: {args.on} part, {len(lines)} lines, n={args.n}, "
          f"calibration {args.calibration}: {load_calibration(args.calibration).name}")  # fmt: skip
    for lang in langs:
        pairs, cal = study(lines, lang, embedder, args.n, args.seed, args.calibration)
        report(lang, [p.name for p in pairs], *needs(pairs, cal))
        if args.levels:
            report_levels(lang, pairs, cal)


if __name__ == "__main__":
    main()
