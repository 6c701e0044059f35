"""Ray overhead: the opus-mt-sized model through a local Ray against one process, same cores.

Needs no download. It reuses ``translate_speed.py``'s random-weight Marian of opus-mt-ru-en size
(d_model 512, 6+6 layers, vocabulary 62,518; the model never stops early, so every sentence
decodes exactly ``--max-length`` tokens and every system does the same work), lets the workbench
convert it to CTranslate2 int8 once, and measures in one run, each system in a fresh process,
on the same sentences (FLORES-200 dev + NTREX-128 Russian lines, evenly spaced, as users bring
them: one or several sentences per line), translation cache off, beam ``--beam``:

* ``single``: ``translate_lines(..., ray=None)``, the workbench's CPU path, one process with
  the default threads (all cores), timed from the first import to the last translation;
* ``ray``: ``translate_lines(..., ray=RayRun(...))`` on a local Ray with all cores, one actor per
  core (1 CTranslate2 thread each). Timed twice: from the first import (Ray start-up included)
  and from the moment Ray is up (actors starting, loading the model, translating, shards written);
* ``ray-1-actor``: one actor on one CPU: the per-actor throughput;
* ``single-1-thread``: one process, one thread: what the actor's CPU does without Ray.

It prints a table, the ratio Ray ÷ single (the overhead Ray adds on this machine), whether the
outputs are identical, and the throughput expected on N nodes from the per-actor number.

Usage::

    .venv/bin/python benchmarks/ray_speed.py             # ~6 minutes on 2 cores
    .venv/bin/python benchmarks/ray_speed.py --quick     # ~2 minutes
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for path in (REPO, REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import translate_speed as ts  # noqa: E402  (the model builder of the translate benchmark)

SYSTEMS = ("single", "ray", "ray-1-actor", "single-1-thread")


def pick_lines(data: Path, n: int) -> list[str]:
    """``n`` evenly spaced Russian lines of FLORES-200 dev + NTREX-128."""
    lines = ts._read_lines(data, ts.SOURCES)
    return ts.subset(lines, n)


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """One measurement (runs in a fresh process)."""
    start = time.perf_counter()
    from workbench.cluster.data import PoolOptions
    from workbench.pipeline.cluster import RayRun, translate_lines
    from workbench.pipeline.translate import translation_record
    from workbench.settings import Settings

    settings = Settings.resolve({"home": spec["home"]}).replace(use_cache=False)
    if spec["threads"]:
        settings = settings.replace(threads=spec["threads"])
    options = {"beam_size": spec["beam"], "max_length": spec["max_length"]}
    kwargs: dict[str, Any] = {
        "src": "ru",
        "engine": "ct2",
        "model": spec["model"],
    }
    ray_up = None
    if spec["actors"]:
        from workbench.cluster.runtime import connect

        pool = PoolOptions(cpus_per_actor=1, actors=spec["actors"], block_size=spec["block"])
        run = RayRun(pool=pool)
        with connect("local", num_cpus=spec["cpus"]):
            ray_up = time.perf_counter()
            results = translate_lines(spec["lines"], settings, options=options, ray=run, **kwargs)
            done = time.perf_counter()
    else:
        results = translate_lines(spec["lines"], settings, options=options, **kwargs)
        done = time.perf_counter()
    return {
        "total_s": done - start,
        "steady_s": done - (ray_up or start),
        "ray_start_s": (ray_up - start) if ray_up else None,
        "sentences": sum(len(r.sentences) for r in results),
        "records": [translation_record(r) for r in results],
    }


def _rates(result: dict[str, Any], max_length: int) -> dict[str, float]:
    """Output tokens/s over the translate time (from Ray up) and over the whole process."""
    tokens = result["sentences"] * max_length
    return {"tok_s": tokens / result["steady_s"], "total_tok_s": tokens / result["total_s"]}


def run_child(spec: dict[str, Any], work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter and read its JSON."""
    spec_path = work / "spec.json"
    out_path = work / "result.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False))
    subprocess.run(
        [sys.executable, __file__, "--child", str(spec_path), str(out_path)],
        check=True,
        env=env,
        cwd=REPO,
    )
    return dict(json.loads(out_path.read_text()))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=ts.DATA)
    p.add_argument("--workdir", type=Path, default=REPO / "benchmarks" / "out" / "ray_speed")
    p.add_argument("--lines", type=int, default=1450, help="input lines (1450: 6 blocks of 256)")
    p.add_argument("--block-size", type=int, default=256, help="sentences per Ray block (256)")
    p.add_argument("--max-length", type=int, default=12, help="tokens decoded per sentence (12)")
    p.add_argument("--beam", type=int, default=2, help="beam size (2)")
    p.add_argument("--quick", action="store_true", help="smoke run: 60 lines")
    args = p.parse_args(argv)
    if args.quick:
        args.lines = 80
    return args


def main(argv: list[str] | None = None) -> int:
    """Build, measure every system, print the table and the ratios, write JSON."""
    args = parse_args(argv)
    work = args.workdir
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    info = ts.build_model(args.data, work / "marian")
    cores = os.cpu_count() or 1
    lines = pick_lines(args.data, args.lines)
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE", "RAY_ADDRESS": ""}
    base = {"home": str(home), "model": str(work / "marian"), "beam": args.beam,
            "max_length": args.max_length, "cpus": cores, "block": args.block_size}  # fmt: skip
    # Convert once into the shared home (not timed): every system then loads the same int8 model.
    run_child({**base, "lines": lines[:2], "threads": 0, "actors": 0}, work, env)
    specs = {
        "single": {"threads": 0, "actors": 0},
        "ray": {"threads": 0, "actors": cores},
        "ray-1-actor": {"threads": 0, "actors": 1},
        "single-1-thread": {"threads": 1, "actors": 0},
    }
    load = os.getloadavg()
    results = {}
    third = ts.subset(lines, len(lines) // 3)  # the one-CPU systems get a third of the lines
    for name in SYSTEMS:
        todo = third if name in ("ray-1-actor", "single-1-thread") else lines
        results[name] = run_child({**base, "lines": todo, **specs[name]}, work, env)
        print(f"  measured {name}", file=sys.stderr, flush=True)
    rows = {n: _rates(r, args.max_length) for n, r in results.items()}
    print(
        f"ray_speed: {info['parameters'] / 1e6:.1f}M-parameter Marian (int8), "
        f"{results['single']['sentences']} sentences ({len(lines)} lines; one-CPU rows a third) "
        f"x {args.max_length} tokens, beam {args.beam}, Ray batches of {args.block_size}, "
        f"{cores} cores, load average {load[0]:.2f} -> {os.getloadavg()[0]:.2f}"
    )
    print("| system | actors x threads | sentences | total s | Ray start s | translate s "
          "| tok/s (translate) | tok/s (end to end) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    shape = {"single": f"1 x {cores}", "ray": f"{cores} x 1", "ray-1-actor": "1 x 1",
             "single-1-thread": "1 x 1"}  # fmt: skip
    for name in SYSTEMS:
        r, rate = results[name], rows[name]
        start = f"{r['ray_start_s']:.1f}" if r["ray_start_s"] is not None else "-"
        print(
            f"| {name} | {shape[name]} | {r['sentences']} | {r['total_s']:.1f} | {start} "
            f"| {r['steady_s']:.1f} | {rate['tok_s']:.0f} | {rate['total_tok_s']:.0f} |"
        )
    per_actor = rows["ray-1-actor"]["tok_s"]
    efficiency = rows["ray"]["tok_s"] / (cores * per_actor)
    same = all(
        results[n]["records"] == results[m]["records"]
        for n, m in (("ray", "single"), ("ray-1-actor", "single-1-thread"))
    )
    ratios = {
        "ray_over_single_from_ray_up": rows["ray"]["tok_s"] / rows["single"]["tok_s"],
        "ray_over_single_with_startup": results["single"]["total_s"] / results["ray"]["total_s"],
        "actor_over_1_thread_process": per_actor / rows["single-1-thread"]["tok_s"],
        "per_actor_tok_s": per_actor,
        "pool_efficiency": efficiency,
    }
    print(
        f"Ray / single-process throughput: "
        f"{ratios['ray_over_single_from_ray_up']:.2f}x from Ray up (actor start and model load "
        f"included), {ratios['ray_over_single_with_startup']:.2f}x end to end (Ray start-up "
        f"{results['ray']['ray_start_s']:.1f} s included)"
    )
    print(
        f"one actor (1 CPU): {per_actor:.0f} tok/s (actor start and model load included) = "
        f"{ratios['actor_over_1_thread_process']:.2f}x a one-thread process; {cores} actors "
        f"reach {efficiency:.0%} of {cores} x one actor"
    )
    for nodes in (1, 4, 16):
        expected = nodes * cores * per_actor * efficiency
        print(
            f"expected on {nodes} nodes x {cores} cores: ~{expected:.0f} tok/s "
            "(per-actor rate x actors x measured pool efficiency)"
        )
    print(f"outputs identical to the single-process path: {same}")
    out = work / "ray_speed.json"
    slim = {n: {k: v for k, v in r.items() if k != "records"} for n, r in results.items()}
    out.write_text(json.dumps({"args": vars(args) | {"data": str(args.data),
                   "workdir": str(work)}, "results": slim, "ratios": ratios,
                   "identical": same}, indent=1))  # fmt: skip
    print(f"wrote {out}")
    return 0 if same else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        result = child(json.loads(Path(sys.argv[2]).read_text()))
        Path(sys.argv[3]).write_text(json.dumps(result, ensure_ascii=False))
        sys.exit(0)
    sys.exit(main())
