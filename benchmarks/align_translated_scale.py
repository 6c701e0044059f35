"""How often the aligner links *unrelated* sentences with a statement's English and without it.

A statement with an English text (a supplied or machine translation) is scored by the larger of
its cross-lingual cosine (original ↔ report) and its English-English cosine (translation ↔
report). English-English cosines of e5 are higher for any two sentences on one topic, and their
ratio margins stand further out of the neighbourhood, so with the thresholds calibrated on the
cross-lingual path a faithful translation lets more unrelated sentences through (on the read
real cases: precision 0.78 with a translation against 0.80 without on the same pairs). The
aligner's ``translated_scale`` divides the margins of such statements; this benchmark calibrates
it on public text, with no retelling at all:

* each NTREX-128 document (tuning half by default, the split of ``align_real_bench.py``) gives
  two cases: its even lines as statement lines (kk, ky or ru) against its odd lines in English
  as one outlet's report sentences, and the other way round. No report sentence retells a
  statement line, but every one is on the statement's topic: **every link is a false link**;
* each case is aligned as Compare aligns (``align()`` with the pipeline's anchors) without a
  translation (the cross-lingual path) and with each statement line's own English as its
  translation (the translated path), the latter at every scale of ``--scales``;
* it prints the false links per 100 report sentences of both paths, by language and pooled, and
  the smallest scale at which the translated path links unrelated sentences no more often than
  the cross-lingual one (``chosen``): the value for ``AlignParams.translated_scale``.

It measures only the false side: the public data have no second English to retell with (the
translation and the English report would be the same text). What a scale costs in recall is
measured on the simulated outlets (``align_real_bench.py --translated --set translated_scale=X``)
and on the read real cases (``real_cases_eval.py``); see docs/align.md, session 10.

Usage::

    PYTHONPATH=. python benchmarks/align_translated_scale.py [--docs 57] [--half tuning]
        [--scales 1,1.005,1.01,1.015,1.02]
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from align_real_bench import FILES, default_data, read_lines, split_documents  # noqa: E402

from workbench.align import AlignParams, Embedder, align, create_embedder, params_for  # noqa: E402
from workbench.align.anchors import Anchors  # noqa: E402
from workbench.pipeline.anchors import default_anchors  # noqa: E402
from workbench.settings import Settings  # noqa: E402
from workbench.types import ReportRef, StatementRef  # noqa: E402

#: Least lines of a document to make its two cases (three statement lines a side at least).
MIN_LINES = 6


def negative_cases(lines: list[int]) -> list[tuple[list[int], list[int]]]:
    """(statement lines, report lines) of one document: even against odd lines and back."""
    even, odd = lines[0::2], lines[1::2]
    return [(even, odd), (odd, even)]


def false_links(
    cases: list[tuple[list[int], list[int]]],
    source: list[str],
    english: list[str],
    embedder: Embedder,
    params: AlignParams,
    anchors: Anchors | None,
    translated: bool,
) -> tuple[int, int]:
    """Links made (all false) and report sentences aligned, over ``cases`` in one language."""
    made = total = 0
    for st_lines, rp_lines in cases:
        statements = [
            StatementRef(p, source[n], english[n] if translated else None, "statement")
            for p, n in enumerate(st_lines)
        ]
        reports = [ReportRef(j, english[n], "outlet") for j, n in enumerate(rp_lines)]
        comparison = align(statements, reports, embedder, params=params, anchors=anchors)
        made += sum(len(a.reports) for a in comparison.alignments)
        total += len(reports)
    return made, total


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="shared data folder")
    parser.add_argument("--docs", type=int, default=57, help="documents (0: every one of the half)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the document sample")
    parser.add_argument("--half", choices=("tuning", "measuring"), default="tuning")
    parser.add_argument("--langs", default="kk,ky,ru", help="statement languages")
    parser.add_argument(
        "--scales", default="1,1.005,1.01,1.015,1.02,1.025", help="translated_scale values to try"
    )
    args = parser.parse_args(argv)
    try:
        args.scale_list = [float(x) for x in args.scales.split(",") if x.strip()]
    except ValueError:
        parser.error(f"--scales takes numbers separated by commas, not {args.scales!r}.")
    bad = [x for x in args.scale_list if not 1 <= x < 2]
    if not args.scale_list or bad:
        parser.error("--scales takes values from 1 (margins as they are) up to under 2.")
    langs = [x for x in args.langs.split(",") if x]
    unknown = [x for x in langs if x not in FILES]
    if not langs or unknown:
        parser.error(f"--langs takes some of {', '.join(FILES)}, not {args.langs!r}.")
    args.lang_list = langs
    if args.docs < 0:
        parser.error(f"--docs takes 0 (every document) or more, not {args.docs}.")
    if not (args.data / "ntrex128" / "DOCUMENT_IDS.tsv").is_file():
        parser.error(f"no NTREX-128 under {args.data} (expected ntrex128/DOCUMENT_IDS.tsv).")
    return args


def main(argv: list[str] | None = None) -> None:
    """Count false links of both paths and print the scale that makes them equal."""
    args = parse_args(argv)
    folder = args.data / "ntrex128"
    ids = [line.split("\t")[0] for line in read_lines(folder / "DOCUMENT_IDS.tsv")]
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        docs.setdefault(doc, []).append(n)
    tune, measure = split_documents(ids)
    half = [d for d in (tune if args.half == "tuning" else measure) if len(docs[d]) >= MIN_LINES]
    size = min(args.docs, len(half)) if args.docs else len(half)
    chosen = sorted(random.Random(args.seed).sample(half, size))
    cases = [case for d in chosen for case in negative_cases(docs[d])]
    print(f"{args.half} half: {len(chosen)} documents of {MIN_LINES}+ lines, {len(cases)} cases")
    english = read_lines(folder / "eng_Latn.txt")
    embedder = create_embedder(settings=Settings.resolve())
    base = replace(params_for(embedder), translated_scale=1.0)
    anchors = default_anchors()
    print(f"aligner: align:{base.signature_fields()}|anchors:{anchors.name}")
    xl: dict[str, tuple[int, int]] = {}
    tr: dict[float, dict[str, tuple[int, int]]] = {}
    for lang in args.lang_list:
        source = read_lines(folder / FILES[lang])
        xl[lang] = false_links(cases, source, english, embedder, base, anchors, False)
        for scale in args.scale_list:
            params = replace(base, translated_scale=scale)
            tr.setdefault(scale, {})[lang] = false_links(
                cases, source, english, embedder, params, anchors, True
            )

    def rate(counts: dict[str, tuple[int, int]]) -> tuple[str, float]:
        per = " ".join(f"{100 * m / max(t, 1):5.1f}" for m, t in counts.values())
        made, total = (sum(x) for x in zip(*counts.values(), strict=True))
        return per, 100 * made / max(total, 1)

    langs = " ".join(f"{x:>5}" for x in args.lang_list)
    print(f"false links per 100 report sentences ({langs} | pooled)")
    per, pooled_xl = rate(xl)
    print(f"no translation           {per} | {pooled_xl:5.2f}")
    rates = []
    for scale in sorted(args.scale_list):
        per, pooled = rate(tr[scale])
        print(f"translated, scale {scale:.4f} {per} | {pooled:5.2f}")
        rates.append((scale, pooled))
    print(f"chosen: {crossing(rates, pooled_xl)}")


def crossing(rates: list[tuple[float, float]], target: float) -> str:
    """Where the translated path's false-link rate falls to ``target`` (the cross-lingual
    path's), linearly interpolated between the two scales around it."""
    for (s0, r0), (s1, r1) in zip(rates, rates[1:], strict=False):
        if r0 > target >= r1:
            return f"translated_scale {s0 + (s1 - s0) * (r0 - target) / (r0 - r1):.4f}"
    if rates and rates[0][1] <= target:
        return f"translated_scale {rates[0][0]:.4f} or less (the smallest scale tried is enough)"
    return "none of --scales brings the translated path down to the cross-lingual rate"


if __name__ == "__main__":
    main()
