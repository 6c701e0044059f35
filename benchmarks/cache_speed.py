"""How long already-cached lines take to come back, whole CLI process and in-process.

Fills a fresh cache (a temporary WORKBENCH_HOME) by translating FLORES-200 dev Russian lines
once, then times re-translating the first 500 and 1,000 of them:

* ``cli``: wall time of a whole ``python -m workbench translate ... --input FILE`` process
  (interpreter start, imports, cache lookup, output); the process is also checked to have
  imported neither torch nor transformers;
* ``in-process``: a fresh :class:`EnginePool` + :func:`translate_texts` in this process (what the
  UI does on a repeated request).

By default the model is a tiny random-weight Marian model built like the test fixtures
(``tests/tiny_models.py``); cache hits do not depend on the model's size. Pass ``--engine`` and
``--model`` to use a real one.

Usage: ``python benchmarks/cache_speed.py [--engine opus-mt --model Helsinki-NLP/opus-mt-ru-en]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workbench.pipeline.translate import EnginePool, translate_texts  # noqa: E402
from workbench.settings import Settings  # noqa: E402

_PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['workbench', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('workbench', run_name='__main__')\n"
    "finally:\n"
    "    heavy = [m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules]\n"
    "    print('heavy:' + ','.join(heavy), file=sys.stderr)\n"
)


def tiny_marian(work: Path) -> str:
    """Build the test suite's tiny Marian model in ``work`` and return its folder."""
    sys.path.insert(0, str(REPO / "tests"))
    from tiny_models import build_marian

    return str(build_marian(work / "marian", work / "spm"))


def cli_seconds(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, str]:
    """Median wall time of the CLI process, and which heavy modules it imported."""
    times, heavy = [], ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _PROBE, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=True,
        )
        times.append(time.perf_counter() - t0)
        heavy = proc.stderr.strip().splitlines()[-1].removeprefix("heavy:")
    return statistics.median(times), heavy or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="opus-mt")
    parser.add_argument("--model", help="Hub id or folder (default: a tiny random Marian model)")
    parser.add_argument("--src", default="ru")
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    parser.add_argument("--data", default=str(shared_data()))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-length", type=int, default=8, help="generated tokens cap")
    args = parser.parse_args()
    lines = (Path(args.data) / "flores200-dev" / "rus_Cyrl.txt").read_text(encoding="utf-8")
    texts = lines.splitlines()[:1000]  # FLORES dev has 997
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        model = args.model or tiny_marian(work)
        env = {**os.environ, "WORKBENCH_HOME": str(work / "home"), "PYTHONPATH": str(REPO)}
        settings = Settings.resolve(env=env)
        options = {"beam_size": 1, "max_length": args.max_length}
        t0 = time.perf_counter()
        pool = EnginePool(settings)
        translate_texts(texts, pool.get(args.engine, model, args.src, **options))
        pool.close()
        print(f"filled the cache: {len(texts)} lines in {time.perf_counter() - t0:.1f} s")
        print(f"{'lines':>5}  {'cli process':>11}  {'in-process':>10}  from cache  heavy imports")
        for n in (500, min(1000, len(texts))):
            path = work / f"in{n}.txt"
            path.write_text("\n".join(texts[:n]) + "\n", encoding="utf-8")
            cli = ["-q", "translate", "--engine", args.engine, "--model", model, "--src", args.src]
            cli += ["--beam-size", "1", "--max-length", str(args.max_length)]
            cli += ["--input", str(path), "--output", str(work / "out.txt")]
            wall, heavy = cli_seconds(cli, env, args.repeat)
            times, cached = [], 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                pool = EnginePool(settings)
                out = translate_texts(texts[:n], pool.get(args.engine, model, args.src, **options))
                times.append(time.perf_counter() - t0)
                pool.close()
                cached = sum(p.cached for t in out for p in t.sentences)
            total = sum(len(t.sentences) for t in out)
            print(
                f"{n:5d}  {wall:9.2f} s  {statistics.median(times):8.3f} s  "
                f"{cached}/{total} sent.  {heavy}"
            )


if __name__ == "__main__":
    main()
