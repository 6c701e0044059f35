"""Paired bootstrap (BLEU, chrF, TER; 1,000 resamples) on 4 systems: workbench vs sacrebleu.

Both commands run in this one process's run, interleaved, on the same files:

    sacrebleu REF -i S0 S1 S2 S3 -m bleu chrf ter --paired-bs --paired-bs-n 1000
    workbench score --ref REF --hyp S0 ... --metrics bleu,chrf,ter --significance bootstrap
                    --resamples 1000

Systems are real text: NTREX-128's US-English reference (``eng_Latn.ref-eng-US.txt``) and three
variants of it with dropped and swapped words, scored against NTREX's English original
(``eng_Latn.txt``). NTREX has 1,997 lines; the first lines are repeated to reach ``--segments``.

Afterwards every number is checked against sacreBLEU: corpus scores of every system on BLEU,
chrF, chrF++ and TER (``sacrebleu -w 4`` single-system runs) and the paired test's score, mean,
95% half-width and p-value of every system and metric. Exit status 1 on any mismatch.

Usage: python benchmarks/significance_bench.py [--segments 2000] [--repeats 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # benchmarks.synthetic and this checkout's workbench

from benchmarks.synthetic import perturb  # noqa: E402

SACREBLEU = str(Path(sys.executable).with_name("sacrebleu"))
ENV = {**os.environ, "NO_COLOR": "1"}


def make_data(data: Path, folder: Path, n: int) -> tuple[Path, list[Path]]:
    """Write the reference and four systems of ``n`` lines; return their paths."""

    def read(name: str) -> list[str]:
        lines = (data / "ntrex128" / name).read_text(encoding="utf-8").splitlines()
        return [lines[i % len(lines)] for i in range(n)]

    ref, us = read("eng_Latn.txt"), read("eng_Latn.ref-eng-US.txt")
    systems = [us, perturb(us, 1, 0.10, 0.0), perturb(us, 2, 0.0, 0.20), perturb(us, 3, 0.15, 0.1)]
    ref_path = folder / "ref.txt"
    ref_path.write_text("".join(x + "\n" for x in ref), encoding="utf-8")
    paths = []
    for i, lines in enumerate(systems):
        p = folder / f"sys{i}.txt"
        p.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
        paths.append(p)
    return ref_path, paths


def cpu_of_children() -> float:
    """CPU seconds (user + system) used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cpu: list[float] | None = None) -> tuple[float, str]:
    """Wall-clock seconds and stdout of a command (raises if it fails); appends its CPU
    seconds (all its processes) to ``cpu`` when given."""
    cpu_start = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=REPO, check=False)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(cpu_of_children() - cpu_start)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.strip()[-500:]}")
    return elapsed, proc.stdout


def check_paired(sacre_text: str, ours: dict, metrics: list[str]) -> list[str]:
    """Mismatches between sacrebleu's paired table (-w 4) and our JSON, as messages."""
    cells = re.findall(r"(-?\d+\.\d+) \((-?\d+\.\d+) ± (\d+\.\d+)\)", sacre_text)
    pvals = re.findall(r"p = (\d+\.\d+)", sacre_text)
    problems = []
    systems = ours["systems"]
    k = 0
    for s in systems:
        for m in metrics:
            score, mean, ci = cells[k]
            k += 1
            entry = s["metrics"][m]
            if f"{entry['score']:.4f}" != score:
                problems.append(f"{s['name']} {m} score {entry['score']:.4f} != {score}")
            if "mean" in entry and (f"{entry['mean']:.4f}", f"{entry['ci']:.4f}") != (mean, ci):
                problems.append(
                    f"{s['name']} {m} μ±ci {entry['mean']:.4f}±{entry['ci']:.4f} != {mean}±{ci}"
                )
    ours_p = [f"{s['metrics'][m]['p_value']:.4f}" for s in systems[1:] for m in metrics]
    if ours_p != pvals:
        problems.append(f"p-values {ours_p} != {pvals}")
    return problems


def check_single(ref: Path, systems: list[Path], ours_json: dict) -> list[str]:
    """Corpus scores and signatures of every system and metric vs single-system sacrebleu."""
    names = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter", "chrF2++": "chrf++"}
    problems = []
    for path, ours in zip(systems, ours_json["systems"], strict=True):
        common = [SACREBLEU, str(ref), "-i", str(path), "-w", "4", "-f", "json"]
        golden = json.loads(timed([*common, "-m", "bleu", "chrf", "ter"])[1])
        golden.append(json.loads(timed([*common, "-m", "chrf", "-cw", "2"])[1]))
        for g in golden:
            mine = ours["metrics"][names[g["name"]]]
            same = f"{mine['score']:.4f}" == f"{g['score']:.4f}"
            same &= mine["signature"] == f"{g['name']}|{g['signature']}"
            status = "match" if same else "MISMATCH"
            print(
                f"  {path.name} {g['name']:8} sacrebleu {g['score']:.4f}  workbench {mine['score']:.4f}  {status}"
            )
            if not same:
                problems.append(f"{path.name} {g['name']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=1, help="interleaved runs of each command")
    parser.add_argument("--resamples", type=int, default=1000)
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    parser.add_argument("--data", type=Path, default=shared_data())
    args = parser.parse_args()
    metrics = ["bleu", "chrf", "ter"]
    with tempfile.TemporaryDirectory() as tmp:
        ref, systems = make_data(args.data, Path(tmp), args.segments)
        files = [str(p) for p in systems]
        sacre_cmd = [
            SACREBLEU,
            str(ref),
            "-i",
            *files,
            "-m",
            *metrics,
            "--paired-bs",
            "--paired-bs-n",
            str(args.resamples),
            "-w",
            "4",
            "-f",
            "text",
            "-q",
        ]
        ours_cmd = [sys.executable, "-m", "workbench", "score", "--ref", str(ref)]
        for f in files:
            ours_cmd += ["--hyp", f]
        ours_cmd += [
            "--metrics",
            ",".join(metrics),
            "--significance",
            "bootstrap",
            "--resamples",
            str(args.resamples),
            "--format",
            "json",
        ]
        sacre_times: list[float] = []
        ours_times: list[float] = []
        sacre_cpu: list[float] = []
        ours_cpu: list[float] = []
        for i in range(args.repeats):  # interleaved, alternating which command goes first
            for which in ("sacre", "ours") if i % 2 == 0 else ("ours", "sacre"):
                if which == "sacre":
                    t, sacre_out = timed(sacre_cmd, sacre_cpu)
                    sacre_times.append(t)
                else:
                    t, ours_out = timed(ours_cmd, ours_cpu)
                    ours_times.append(t)
        ours_json = json.loads(ours_out)
        s, o = statistics.median(sacre_times), statistics.median(ours_times)
        print(
            f"paired bootstrap, {len(systems)} systems x {args.segments} segments, "
            f"{', '.join(metrics)}, {args.resamples} resamples, {os.cpu_count()} CPUs"
        )
        print(
            f"  sacrebleu command : {s:6.2f} s  (runs: {', '.join(f'{x:.2f}' for x in sacre_times)})"
        )
        print(
            f"  workbench score   : {o:6.2f} s  (runs: {', '.join(f'{x:.2f}' for x in ours_times)})"
        )
        print(f"  ratio workbench/sacrebleu = {o / s:.2f}  (wall-clock medians)")
        print(
            f"  CPU seconds, all processes: sacrebleu {statistics.median(sacre_cpu):.2f}, "
            f"workbench {statistics.median(ours_cpu):.2f}"
        )
        print(f"  load average after the runs: {os.getloadavg()[0]:.1f}")
        problems = check_paired(sacre_out, ours_json, metrics)
        print(
            f"paired test vs sacrebleu (score, μ, ±CI, p at 4 decimals): "
            f"{'all match' if not problems else 'MISMATCH'}"
        )
        for p in problems:
            print(f"  {p}")
        print("corpus scores and signatures vs sacrebleu, every system and metric:")
        all_cmd = [sys.executable, "-m", "workbench", "score", "--ref", str(ref)]
        for f in files:
            all_cmd += ["--hyp", f]
        all_cmd += ["--metrics", "bleu,chrf,chrf++,ter", "--format", "json"]
        problems += check_single(ref, systems, json.loads(timed(all_cmd)[1]))
        print("exact-match check:", "PASSED" if not problems else f"FAILED ({len(problems)})")
    return 0 if not problems and o <= s else 1


if __name__ == "__main__":
    raise SystemExit(main())
