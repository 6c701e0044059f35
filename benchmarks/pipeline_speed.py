"""Speed around the engine: cache reads, embedding reuse, alignment scaling, ``serve`` start-up.

Needs no download. Prints what it measured and writes JSON:

1. **Bulk cache reads**: 1,000 real Russian sentences (FLORES-200 dev, NTREX-128) are put in a fresh
   translation cache under the signature of a ``ct2`` translator of the random-weight Marian
   model that ``translate_speed.py`` builds (their "translations" are the English reference
   lines -- the benchmark measures lookups, not quality). A fresh process then runs the whole
   user path, ``EnginePool.get`` + ``translate_texts`` over the 1,000 sentences, and reports the
   time, how many came from the cache and whether any MT library was imported (it must not be:
   with every sentence cached no model loads). Target: < 1 s.
2. **Embeddings once per sentence**: the default embedder wrapped in the cache embeds a document
   pair, then the same pair again (in memory), then a new wrapper over the same SQLite file
   (another run): it reports how many sentences each pass sent to the model (must be n, 0, 0).
3. **Alignment scaling**: statements (NTREX-128 Russian) against reports (the English originals
   of the same lines, shuffled) at several sizes: cold (embedding + alignment) against warm
   (embeddings cached, so alignment work only), showing how each grows.
4. **serve start-up**: ``python -m workbench serve`` in a fresh process with an empty home,
   timed until ``GET /`` answers HTTP 200. Target: < 5 s.

Usage::

    .venv/bin/python benchmarks/pipeline_speed.py
    .venv/bin/python benchmarks/pipeline_speed.py --sizes 50,100,200,400,800
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for _path in (REPO, REPO / "benchmarks"):
    if str(_path) not in sys.path:  # run as a script: this checkout's workbench and benchmarks
        sys.path.insert(0, str(_path))

from workbench.testsets import shared_data as _shared_data  # noqa: E402

DATA = _shared_data()  # ../shared/data, or ../../shared/data from a git worktree
HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _run_python(code: str, env: dict[str, str]) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter (cwd = repo root); its last stdout line is JSON."""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-4000:])
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


# ─── 1. cache reads ─────────────────────────────────────────────────────────────────────────

_CACHE_READ = """
import json, sys, time
start = time.perf_counter()
from workbench.pipeline.translate import EnginePool, translate_texts
from workbench.settings import Settings
spec = json.loads(open({spec!r}, encoding="utf-8").read())
pool = EnginePool(Settings.resolve())
translator = pool.get("ct2", spec["model"], "ru", beam_size=4, max_length=256)
begin = time.perf_counter()
out = translate_texts(spec["lines"], translator)
end = time.perf_counter()
print(json.dumps({{
    "process_s": end - start, "translate_texts_s": end - begin,
    "sentences": sum(len(t.sentences) for t in out),
    "cached": sum(p.cached for t in out for p in t.sentences),
    "heavy_imported": [m for m in {heavy!r} if m in sys.modules],
    "signature": out[0].signature,
}}))
"""


def bench_cache(data: Path, model: Path, home: Path, n: int) -> dict[str, Any]:
    """Seed the cache with ``n`` sentences, then time a fresh process that reads them back."""
    from workbench.cache import TranslationCache
    from workbench.engines import create
    from workbench.segment import split_sentences
    from workbench.settings import Settings

    settings = Settings.resolve({"home": str(home)})
    sets = ("flores200-dev", "ntrex128")
    sources = [line for name in sets for line in _lines(data / name / "rus_Cyrl.txt")]
    targets = [line for name in sets for line in _lines(data / name / "eng_Latn.txt")]
    # One sentence per input line so that segmentation keeps each line whole.
    pairs = [
        (s, t) for s, t in zip(sources, targets, strict=True) if len(split_sentences(s, "ru")) == 1
    ]
    pairs = pairs[:n]
    signature = str(create("ct2", str(model), "ru", settings=settings).signature)
    cache = TranslationCache(settings.cache_path)
    cache.put_many(signature, pairs)
    cache.close()
    spec = home / "cache_spec.json"
    spec.write_text(json.dumps({"model": str(model), "lines": [s for s, _ in pairs]}))
    env = {**os.environ, "WORKBENCH_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    result = _run_python(_CACHE_READ.format(spec=str(spec), heavy=HEAVY), env)
    result["seeded"] = len(pairs)
    result["seed_signature_matches"] = result.pop("signature") == signature
    return result


# ─── 2. and 3. embeddings and alignment ─────────────────────────────────────────────────────


def _documents(data: Path, size: int, offset: int) -> tuple[list[Any], list[Any]]:
    from workbench.types import ReportRef, StatementRef

    ru = _lines(data / "ntrex128" / "rus_Cyrl.txt")[offset : offset + size]
    en = _lines(data / "ntrex128" / "eng_Latn.txt")[offset : offset + size]
    order = list(range(len(en)))
    random.Random(size).shuffle(order)  # reporting reorders
    statements = [StatementRef(i, text) for i, text in enumerate(ru)]
    reports = [ReportRef(k, en[j]) for k, j in enumerate(order)]
    return statements, reports


def bench_embedding_reuse(data: Path, home: Path, size: int) -> dict[str, Any]:
    """How many sentences each pass sends to the model: first, again in memory, new process."""
    from workbench.align import align, create_embedder
    from workbench.settings import Settings

    settings = Settings.resolve({"home": str(home)})
    statements, reports = _documents(data, size, offset=1500)
    distinct = len({s.text for s in statements} | {r.text for r in reports})
    passes = {}
    embedder = create_embedder(settings=settings)
    for name in ("first", "again"):
        before = embedder.computed  # type: ignore[attr-defined]
        start = time.perf_counter()
        align(statements, reports, embedder)
        passes[name] = {
            "computed": embedder.computed - before,  # type: ignore[attr-defined]
            "seconds": time.perf_counter() - start,
        }
    fresh = create_embedder(settings=settings)  # as a new run would: reads the SQLite file
    start = time.perf_counter()
    align(statements, reports, fresh)
    passes["new run"] = {
        "computed": fresh.computed,  # type: ignore[attr-defined]
        "seconds": time.perf_counter() - start,
    }
    return {"distinct_sentences": distinct, "passes": passes}


def bench_alignment(data: Path, sizes: Sequence[int]) -> list[dict[str, Any]]:
    """Cold (embedding + alignment) and warm (alignment only) time at each size."""
    from workbench.align import align, create_embedder

    rows = []
    for size in sizes:
        statements, reports = _documents(data, size, offset=0)
        embedder = create_embedder(settings=None)  # memory cache only
        start = time.perf_counter()
        align(statements, reports, embedder)
        cold = time.perf_counter() - start
        warm = min(_timed(align, statements, reports, embedder) for _ in range(3))
        rows.append(
            {
                "statements": len(statements),
                "reports": len(reports),
                "embedded": embedder.computed,  # type: ignore[attr-defined]
                "cold_s": cold,
                "embedding_s": cold - warm,
                "align_only_s": warm,
                "align_share": warm / cold,
            }
        )
    return rows


def _timed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


# ─── 4. serve start-up ──────────────────────────────────────────────────────────────────────


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench_serve(timeout: float = 60.0) -> dict[str, Any]:
    """Seconds from starting ``workbench serve`` to the first HTTP 200 on ``/``."""
    port = _free_port()
    home = Path(tempfile.mkdtemp(prefix="wb-serve-"))
    env = {**os.environ, "WORKBENCH_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    env["GRADIO_ANALYTICS_ENABLED"] = "False"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    status: int | None = None
    try:
        while time.perf_counter() - start < timeout and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    status = resp.status
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        ready = time.perf_counter() - start
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        shutil.rmtree(home, ignore_errors=True)
    if status != 200:
        raise RuntimeError(f"workbench serve did not answer 200 within {timeout} s:\n{err[-2000:]}")
    return {"ready_s": ready, "status": status}


# ─── the run ────────────────────────────────────────────────────────────────────────────────


def report(results: dict[str, Any]) -> str:
    """The measured values as Markdown."""
    c = results["cache"]
    e = results["embedding_reuse"]
    lines = [
        "| check | measured | target |",
        "|---|---|---|",
        f"| {c['sentences']} cached sentences through `EnginePool` + `translate_texts`, fresh "
        f"process (imports included) | {c['process_s']:.2f} s ({c['translate_texts_s']:.2f} s in "
        f"`translate_texts`), {c['cached']}/{c['sentences']} from cache, MT libraries imported: "
        f"{', '.join(c['heavy_imported']) or 'none'} | < 1 s |",
        f"| sentences sent to the embedder for {e['distinct_sentences']} distinct sentences: "
        "first pass / same pass again / new run (SQLite) | "
        + " / ".join(str(p["computed"]) for p in e["passes"].values())
        + " | n / 0 / 0 |",
        f"| `workbench serve` to HTTP 200 | {results['serve']['ready_s']:.2f} s | < 5 s |",
        "",
        "| statements × reports | embedded sentences | cold s (embed + align) "
        "| embedding s | align only s | align share |",
        "|---|---|---|---|---|---|",
    ]
    for row in results["alignment"]:
        lines.append(
            f"| {row['statements']} × {row['reports']} | {row['embedded']} | {row['cold_s']:.2f} "
            f"| {row['embedding_s']:.2f} | {row['align_only_s'] * 1000:.1f} ms "
            f"| {row['align_share']:.1%} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the four measurements, print them, write JSON."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=DATA)
    p.add_argument("--workdir", type=Path, default=REPO / "benchmarks" / "out" / "pipeline_speed")
    p.add_argument(
        "--model-workdir",
        type=Path,
        default=REPO / "benchmarks" / "out" / "translate_speed",
        help="where translate_speed.py keeps (or builds) its model",
    )
    p.add_argument("--cached", type=int, default=1000, help="cached sentences to read back")
    p.add_argument("--sizes", default="50,100,200", help="alignment sizes (sentences a side)")
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args(argv)
    from translate_speed import build_model

    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    args.workdir.mkdir(parents=True, exist_ok=True)
    model = args.model_workdir / "marian"
    build_model(args.data, model)
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
    with tempfile.TemporaryDirectory(dir=args.workdir) as home:
        results["cache"] = bench_cache(args.data, model, Path(home), args.cached)
    with tempfile.TemporaryDirectory(dir=args.workdir) as home:
        results["embedding_reuse"] = bench_embedding_reuse(args.data, Path(home), 50)
    results["alignment"] = bench_alignment(args.data, [int(s) for s in args.sizes.split(",")])
    results["serve"] = bench_serve()
    results["load_average"] = f"{load_before} -> " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(results)
    print(f"pipeline_speed: {os.cpu_count()} cores, load average {results['load_average']}")
    print(text)
    results["table"] = text
    out = args.json or args.workdir / "pipeline_speed.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
