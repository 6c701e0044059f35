"""The Evaluate tab's route vs ``workbench score``: what the UI adds on top of the same scoring.

Both run the same pipeline call (``workbench.pipeline.evaluate.score_files``) on the same files:
FLORES-200 dev (997 segments; English reference) and three "systems" made from the reference
by dropping and swapping words at different rates, BLEU + chrF + TER, paired bootstrap with
1,000 resamples. The UI route additionally computes nothing statistical (its intervals come from
the test) but renders the metric table, the 997-row segment table with word highlighting (the
first 200 rows shown) and the corpus chart. Timed in one process, interleaved:

    cli  : python -m workbench score --ref R --hyp A --hyp B --hyp C --significance bootstrap
    ui   : handlers.evaluate.evaluate(...) + metric_rows + segment_html + corpus_chart

Usage: python benchmarks/evaluate_ui_bench.py [--segments 997] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import perturb  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=997)
    parser.add_argument("--repeats", type=int, default=3)
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    parser.add_argument("--data", type=Path, default=shared_data())
    args = parser.parse_args()

    from workbench.settings import Settings
    from workbench.ui.context import UIContext
    from workbench.ui.handlers import evaluate as h

    ref = (args.data / "flores200-dev" / "eng_Latn.txt").read_text(encoding="utf-8")
    lines = ref.splitlines()[: args.segments]
    folder = Path(tempfile.mkdtemp(prefix="evaluate-ui-bench-"))
    files = {"ref.txt": lines}
    for k, (drop, swap) in enumerate([(0.1, 0.1), (0.05, 0.05), (0.3, 0.2)]):
        files[f"sys{k}.txt"] = perturb(lines, k + 1, drop, swap)
    for name, text in files.items():
        (folder / name).write_text("\n".join(text) + "\n", encoding="utf-8")
    hyps = [str(folder / f"sys{k}.txt") for k in range(3)]
    ctx = UIContext(Settings.resolve({"home": str(folder / "home")}))

    def cli() -> None:
        cmd = [sys.executable, "-m", "workbench", "-q", "score", "--ref", str(folder / "ref.txt")]
        for hyp in hyps:
            cmd += ["--hyp", hyp]
        cmd += ["--metrics", "bleu,chrf,ter", "--significance", "bootstrap", "--format", "json"]
        subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)

    def ui() -> None:
        state = h.evaluate(
            ctx,
            [str(folder / "ref.txt")],
            hyps,
            metrics=["bleu", "chrf", "ter"],
            significance="paired bootstrap",
        )
        h.metric_rows(state)
        page = h.segment_html(state, "chrf", order="worst first")
        h.corpus_chart(state, "chrf")
        assert page.count("<tr>") == min(h.MAX_ROWS, args.segments) + 1

    times: dict[str, list[float]] = {"cli": [], "ui": []}
    for r in range(args.repeats):
        order = [("cli", cli), ("ui", ui)] if r % 2 == 0 else [("ui", ui), ("cli", cli)]
        for name, fn in order:
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    cli_t, ui_t = statistics.median(times["cli"]), statistics.median(times["ui"])
    print(
        f"Evaluate route, {args.segments} segments x 3 systems, bleu+chrf+ter, paired bootstrap "
        f"1000, medians of {args.repeats}"
    )
    print(f"  workbench score (CLI, new process) : {cli_t:6.2f} s  {times['cli']}")
    print(f"  Evaluate tab route (+ rendering)   : {ui_t:6.2f} s  {times['ui']}")
    print(f"  ratio ui/cli = {ui_t / cli_t:.2f}")
    render = []
    state = h.evaluate(ctx, [str(folder / "ref.txt")], hyps, metrics=["chrf"])
    for _ in range(3):
        start = time.perf_counter()
        h.segment_html(state, "chrf", order="worst first")
        render.append(time.perf_counter() - start)
    print(f"  segment table rendering alone: {statistics.median(render) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
