"""Translation on a local Ray (2 CPUs) equals the single-machine path, line for line."""

from __future__ import annotations

from pathlib import Path

from tests.cluster.conftest import home, jsonl
from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS
from workbench.cluster.data import PoolOptions
from workbench.pipeline.cluster import EngineSpec, RayRun, translate_on_ray
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
