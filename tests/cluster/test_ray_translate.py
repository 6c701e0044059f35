"""Translation on a local Ray (2 CPUs) equals the single-machine path, line for line."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from tests.cluster.conftest import home, jsonl
from tests.cluster.faults import dying_factory, failing_factory
from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS
from workbench.cluster.data import PoolOptions
from workbench.cluster.jobstore import JobStore
from workbench.errors import ClusterError
from workbench.pipeline.cluster import ClusterTranslator, EngineSpec, RayRun, translate_on_ray
from workbench.pipeline.translate import EnginePool, translate_texts
from workbench.settings import Settings

OPTIONS = (("beam_size", 2), ("max_length", DEFAULT_MAX_NEW_TOKENS))


def spec_for(ct2: Path) -> EngineSpec:
    return EngineSpec("ct2", str(ct2), "ru", "en", OPTIONS + (("compute_type", "float32"),))


def single_machine(lines: list[str], spec: EngineSpec, settings: Settings) -> list[str]:
    pool = EnginePool(settings)
    try:
        translator = pool.get(spec.engine, spec.model, spec.src, spec.tgt, **dict(spec.options))
        return jsonl(translate_texts(lines, translator))
    finally:
        pool.close()


def test_ray_output_equals_single_machine(
    local_ray: None, tiny_ct2_dir: Path, lines: list[str], tmp_path: Path
) -> None:
    spec = spec_for(tiny_ct2_dir)
    one = Settings.resolve({"home": home(tmp_path, "one")})
    ray_home = Settings.resolve({"home": home(tmp_path, "ray")})
    run = RayRun(pool=PoolOptions(block_size=4))
    got = jsonl(translate_on_ray(lines, spec, ray_home, run))
    assert got == single_machine(lines, spec, one)
    assert not (ray_home.home / "jobs").exists() or not any((ray_home.home / "jobs").iterdir())


def distinct_lines(n: int) -> list[str]:
    """``n`` lines of two distinct sentences each, made from the tiny models' Russian words."""
    from tests.tiny_models import SENTENCES

    words = " ".join(SENTENCES[:10]).replace(".", "").replace(",", "").split()
    out = []
    for i in range(n):
        a = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(4 + i % 5))
        b = " ".join(words[(i * 11 + k * 5) % len(words)] for k in range(3 + i % 4))
        out.append(f"{a.capitalize()} {i}. {b.capitalize()}.")
    return out


def cluster_translator(
    spec: EngineSpec, settings: Settings, job_dir: Path, block_size: int
) -> ClusterTranslator:
    from workbench.cache import TranslationCache

    inner = spec.build(settings)
    job = JobStore(job_dir, str(inner.signature))
    run = RayRun(pool=PoolOptions(block_size=block_size))
    return ClusterTranslator(inner, TranslationCache(settings.cache_path), spec, settings, job, run)


def shard_sources(job_dir: Path) -> list[str]:
    return [
        json.loads(line)["source"]
        for shard in sorted(job_dir.glob("shard-*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]


def test_an_actor_killed_mid_run_loses_and_duplicates_nothing(
    local_ray: None, tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    lines = distinct_lines(40)
    spec = spec_for(tiny_ct2_dir)
    settings = Settings.resolve({"home": home(tmp_path, "ray")})
    translator = cluster_translator(spec, settings, tmp_path / "job", block_size=8)
    marker = tmp_path / "killed"
    translator.factory = partial(dying_factory, spec, settings, str(marker))
    seen: list[tuple[int, int]] = []
    got = jsonl(translate_texts(lines, translator, progress=lambda d, t: seen.append((d, t))))
    assert marker.exists(), "no actor was killed"
    assert got == single_machine(lines, spec, Settings.resolve({"home": home(tmp_path, "one")}))
    sources = shard_sources(tmp_path / "job")
    assert len(sources) == len(set(sources)) == 80  # every sentence stored exactly once
    assert seen[-1] == (80, 80)


def test_a_job_that_stopped_midway_resumes_where_it_stopped(
    local_ray: None, tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    lines = distinct_lines(40)
    spec = spec_for(tiny_ct2_dir)
    settings = Settings.resolve({"home": home(tmp_path, "ray"), "use_cache": False})
    first = cluster_translator(spec, settings, tmp_path / "job", block_size=8)
    (tmp_path / "count").mkdir()
    first.factory = partial(
        failing_factory, spec, settings, str(tmp_path / "count"), 3, str(tmp_path / "job")
    )
    with pytest.raises(ClusterError, match="run the same command again to resume"):
        translate_texts(lines, first)
    kept = shard_sources(tmp_path / "job")
    assert 0 < len(kept) < 80
    second = cluster_translator(spec, settings, tmp_path / "job", block_size=8)
    totals: list[int] = []
    got = jsonl(translate_texts(lines, second, progress=lambda d, t: totals.append(t)))
    assert totals[-1] == 80 - len(kept)  # only the rest was sent
    assert got == single_machine(lines, spec, Settings.resolve({"home": home(tmp_path, "one")}))
    assert sorted(shard_sources(tmp_path / "job")) == sorted(set(shard_sources(tmp_path / "job")))


def test_cached_segments_are_not_sent(
    local_ray: None, tiny_ct2_dir: Path, lines: list[str], tmp_path: Path
) -> None:
    spec = spec_for(tiny_ct2_dir)
    settings = Settings.resolve({"home": home(tmp_path, "both")})
    warm = lines[:5]
    expected = single_machine(warm, spec, settings)  # fills the cache for these lines
    translator = cluster_translator(spec, settings, tmp_path / "job", block_size=4)
    totals: list[int] = []
    got = translate_texts(lines, translator, progress=lambda d, t: totals.append(t))
    assert jsonl(got[: len(warm)]) != expected  # now marked cached ...
    cached = {s.source.text for t in got[: len(warm)] for s in t.sentences}
    assert all(s.cached for t in got[: len(warm)] for s in t.sentences)
    everything = {s.source.text for t in got for s in t.sentences}
    assert totals[-1] == len(everything - cached)  # ... and never sent to Ray
    assert set(shard_sources(tmp_path / "job")) == everything - cached
