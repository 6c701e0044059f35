"""The CTranslate2 engine on tiny random-weight models: conversion, caching, HF agreement.

Wiring, not quality: the tiny models are random, so only agreement with transformers on the
very same weights (at float32, greedy) says anything, and that is what is tested.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS, SENTENCES
from workbench.engines import create
from workbench.engines import ct2 as ct2_mod
from workbench.errors import EngineError, UserInputError
from workbench.settings import Settings

CASES = [
    ("opus-mt", "tiny_marian_dir", "ru"),
    ("m2m100", "tiny_m2m100_dir", "kk"),
    ("nllb", "tiny_nllb_dir", "ky"),
]
TEXTS = [SENTENCES[0], "", SENTENCES[14], SENTENCES[25]]


@pytest.mark.parametrize(("engine", "fixture", "src"), CASES)
def test_ct2_agrees_with_transformers_at_float32(
    engine: str, fixture: str, src: str, request: pytest.FixtureRequest, settings: Settings
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    opts = {"beam_size": 1, "max_length": DEFAULT_MAX_NEW_TOKENS}
    hf = create(engine, str(folder), src, **opts).translate(TEXTS)
    ct2 = create("ct2", str(folder), src, compute_type="float32", **opts).translate(TEXTS)
    assert ct2 == hf
    assert hf[1] == "" and all(hf[i] for i in (0, 2, 3)) and len(set(hf)) == 4
    # converted once into settings.ct2_dir, tagged with revision and quantization
    (conv,) = [p for p in settings.ct2_dir.iterdir()]
    assert conv.name.endswith("--float32") and (conv / "workbench.json").is_file()


def test_beam_search_agrees_too(tiny_nllb_dir: Path) -> None:
    opts = {"beam_size": 3, "max_length": DEFAULT_MAX_NEW_TOKENS}
    hf = create("nllb", str(tiny_nllb_dir), "kk", **opts).translate(TEXTS)
    ct2 = create("ct2", str(tiny_nllb_dir), "kk", compute_type="float32", **opts)
    assert ct2.translate(TEXTS) == hf


def test_preconverted_folder_matches_the_transformers_model(
    tiny_ct2_dir: Path, tiny_marian_dir: Path, settings: Settings
) -> None:
    opts = {"beam_size": 1, "max_length": DEFAULT_MAX_NEW_TOKENS}
    got = create("ct2", str(tiny_ct2_dir), "ru", compute_type="float32", **opts).translate(TEXTS)
    assert got == create("opus-mt", str(tiny_marian_dir), "ru", **opts).translate(TEXTS)
    assert not settings.ct2_dir.exists(), "an already-converted folder is used as it is"


def test_int8_is_the_default_and_is_in_the_signature(tiny_ct2_dir: Path) -> None:
    tr = create("ct2", str(tiny_ct2_dir), "ru", max_length=8)
    sig = str(tr.signature)
    assert "backend:ctranslate2" in sig and "prec:int8" in sig and "engine:ct2" in sig
    out = tr.translate(["Да.", "", "Нет."])
    assert len(out) == 3 and out[1] == "" and out[0] and out[2]


def test_conversion_is_cached_and_atomic(
    tiny_marian_dir: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ct2_mod.convert(str(tiny_marian_dir), settings, quantization="int8")
    assert first.parent == settings.ct2_dir and first.name.endswith("--int8")
    assert [p.name for p in settings.ct2_dir.iterdir()] == [first.name], "no temp folder left"

    def boom(*_: object) -> None:
        raise AssertionError("converted twice")

    monkeypatch.setattr(ct2_mod, "_run_converter", boom)
    assert ct2_mod.convert(str(tiny_marian_dir), settings, quantization="int8") == first
    sig1 = create("ct2", str(tiny_marian_dir), "ru").signature
    assert sig1 == create("ct2", str(tiny_marian_dir), "ru").signature


def test_failed_conversion_leaves_nothing_behind(tmp_path: Path, settings: Settings) -> None:
    bogus = tmp_path / "bogus"
    bogus.mkdir()
    (bogus / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(EngineError, match="Cannot convert"):
        ct2_mod.convert(str(bogus), settings, quantization="int8")
    assert not any(settings.ct2_dir.iterdir())


def test_ct2_folder_without_tokenizer_is_a_clear_error(tiny_ct2_dir: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("model.bin", "config.json", "shared_vocabulary.json"):
        shutil.copy(tiny_ct2_dir / name, bare / name)
    with pytest.raises(EngineError, match="no tokenizer files"):
        create("ct2", str(bare), "ru").translate(["Да"])


def test_ct2_checks_the_pair_and_options(tiny_m2m100_dir: Path) -> None:
    with pytest.raises(UserInputError, match="Kyrgyz"):
        create("ct2", "facebook/m2m100_418M", "ky")
    with pytest.raises(UserInputError, match="compute_type"):
        create("ct2", str(tiny_m2m100_dir), "kk", compute_type="int3")


@pytest.mark.slow
def test_hub_model_converted_once_keeps_working_without_the_hub_cache(
    tiny_marian_dir: Path, tmp_path: Path, workbench_home: Path
) -> None:
    """A Hub id (here a tiny model placed in the standard HF cache layout) is converted on
    first use; once converted it keeps working offline even if the HF cache is emptied."""
    import os
    import subprocess
    import sys

    commit = "89abcdef0123456789abcdef0123456789abcdef"
    repo = tmp_path / "hub" / "models--tiny-org--tiny-marian"
    shutil.copytree(tiny_marian_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    code = (
        "import shutil, sys\n"
        "from workbench.engines import create\n"
        "def run():\n"
        "    tr = create('ct2', 'tiny-org/tiny-marian', 'ru', compute_type='float32',"
        " beam_size=1, max_length=5)\n"
        "    print(tr.signature.revision, '|', tr.translate(['Да'])[0])\n"
        "run()\n"
        f"shutil.rmtree({str(tmp_path / 'hub')!r})\n"
        "run()\n"
    )
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    cwd = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd
    )
    assert run.returncode == 0, run.stderr
    first, second = run.stdout.strip().splitlines()
    assert first == second and first.startswith(commit + " | ") and len(first) > len(commit) + 3
    (conv,) = (workbench_home / "ct2").iterdir()
    assert conv.name == f"tiny-org--tiny-marian--{commit[:20]}--float32"


def test_missing_hub_model_offline_is_one_clear_sentence(settings: Settings) -> None:
    from workbench.errors import ModelNotAvailableError

    tr = create("ct2", "no-such-org/no-such-model", "ru")
    with pytest.raises(ModelNotAvailableError, match="workbench models pull no-such-org/no-such"):
        tr.translate(["Привет"])
    assert not settings.ct2_dir.exists() or not any(settings.ct2_dir.iterdir())
