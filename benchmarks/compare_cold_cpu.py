"""CPU time of Compare's own work on ``compare_speed.py``'s big case, with per-text caches cold.

``compare_speed.py`` times Compare with its embeddings (the issue-9 ratio) and a second Compare
on a warm process, where every per-text result (names, figures, voices, lemmas) is already
cached. Between the two lies the work done once per text: this benchmark measures it. It runs
the big case (10 outlets x 300 sentences, built by :func:`compare_speed.build_big_case`) in
fresh processes that read every vector from one SQLite embedding cache: a first process fills
the cache (its time is not reported), then ``--runs`` processes each print the CPU seconds of
their first compare + HTML report (per-text caches cold, no embedding) and of a second one
(everything cached, what ``compare_speed.py`` prints as "Compare's own work").

Usage::

    .venv/bin/python benchmarks/compare_cold_cpu.py --runs 2
    .venv/bin/python benchmarks/compare_cold_cpu.py --embedding-cache /work/cache/NAME.sqlite
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: this checkout's workbench
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def _child(folder: Path) -> None:
    """Compare the case in ``folder``/case twice with the SQLite cache in ``folder``/home."""
    from workbench.align import create_embedder
    from workbench.corpus import load_case
    from workbench.export.compare_report import case_html
    from workbench.pipeline.compare import compare_case
    from workbench.settings import Settings

    case = load_case(folder / "case")
    settings = Settings.resolve({"home": str(folder / "home")}, env={})
    embedder = create_embedder(settings=settings, cache=True)
    used = []
    for _ in range(2):
        cpu = time.process_time()
        case_html(compare_case(case, embedder=embedder, corrections=()), case)
        used.append(time.process_time() - cpu)
    print(f"{used[0]:.2f} {used[1]:.2f} {embedder.computed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--embedding-cache",
        metavar="FILE",
        help="start from a copy of this SQLite embedding cache (the filling run is then quick)",
    )
    parser.add_argument("--child", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs < 1 or args.outlets < 1 or args.sentences < 2:
        parser.error("--runs and --outlets must be at least 1, --sentences at least 2.")
    if args.embedding_cache and not Path(args.embedding_cache).is_file():
        parser.error(f"--embedding-cache {args.embedding_cache}: no such file.")
    if args.child:
        _child(Path(args.child))
        return 0
    from compare_speed import build_big_case

    with tempfile.TemporaryDirectory(prefix="cmpcold-") as tmp:
        build_big_case(Path(tmp) / "case", args.outlets, args.sentences)
        if args.embedding_cache:
            (Path(tmp) / "home").mkdir()
            shutil.copyfile(args.embedding_cache, Path(tmp) / "home" / "embeddings.sqlite")
        me = [sys.executable, str(Path(__file__).resolve()), "--child", tmp]
        subprocess.run(me, check=True, capture_output=True)  # fills the embedding cache
        for run in range(args.runs):
            first, second, computed = subprocess.run(
                me, check=True, capture_output=True, text=True
            ).stdout.split()
            print(
                f"run {run + 1}: first compare+HTML {first} s CPU (per-text caches cold), "
                f"second {second} s CPU; {computed} texts embedded (0: every vector cached)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
