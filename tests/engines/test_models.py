"""The model catalog, default choices, model resolution and ``workbench models``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import run_workbench
from workbench import models
from workbench.engines import ENGINES, create
from workbench.errors import ModelNotAvailableError, UserInputError
from workbench.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_workbench(*args, env=env)


def test_catalog_entries_are_complete() -> None:
    catalog = models.load_catalog()
    assert len(catalog) >= 4
    for e in catalog:
        assert e.engine in ENGINES and e.transformers_engine in ENGINES, e.name
        assert e.pairs and all(re.fullmatch(r"[a-z]{2}-[a-z]{2}", p) for p in e.pairs)
        assert e.licence and e.parameters > 0 and e.disk_mb > 0
        if e.pinned:
            assert re.fullmatch(r"[0-9a-f]{40}", e.revision), e.name
        else:
            assert e.revision == "main", e.name
    nllb = [e for e in catalog if e.transformers_engine == "nllb"]
    assert nllb and all(e.licence == "CC-BY-NC-4.0" for e in nllb)
    m2m = models.get_entry("facebook/m2m100_418M")
    assert not m2m.supports("ky") and m2m.supports("kk")


def test_catalog_scores_are_the_published_ones(shared_data: Path) -> None:
    readme = (shared_data / "README.md").read_text(encoding="utf-8")
    for e in models.load_catalog():
        for s in e.scores:
            shown = f"{s.bleu} / {s.chrf}" if s.chrf is not None else f"{s.bleu} BLEU"
            assert shown in readme, (e.name, s)


@pytest.mark.parametrize(
    ("src", "name"),
    [("ru", "opus-mt-tc-big-zle-en"), ("kk", "nllb-200-distilled-600M"),
     ("ky", "nllb-200-distilled-600M")],
)  # fmt: skip
def test_default_per_pair(src: str, name: str) -> None:
    entry = models.default_for(src)
    assert entry.name == name and entry.engine == "ct2" and entry.hub_id
    # the rule behind it: best published FLORES-200 BLEU among catalog models up to 1B params
    candidates = [
        (s.bleu, e.name)
        for e in models.load_catalog()
        if e.parameters <= 1000
        for s in e.scores
        if s.pair == f"{src}-en" and s.bleu is not None
    ]
    assert max(candidates)[1] == name


def test_no_default_for_an_unknown_pair() -> None:
    with pytest.raises(UserInputError, match="No default model for de-en"):
        models.default_for("de")


def test_catalog_names_resolve_to_hub_ids() -> None:
    tr = create("nllb", "nllb-200-distilled-600M", "kk")
    assert tr.model == "facebook/nllb-200-distilled-600M"
    assert tr.signature.revision == "f8d333a098d19b4fd9a8b18f94170487ad3f821d"


def test_missing_model_offline_is_one_clear_sentence(workbench_home: Path) -> None:
    settings = Settings.resolve()
    assert settings.offline  # conftest sets HF_HUB_OFFLINE=1
    tr = create("opus-mt", "no-such-org/no-such-model", "ru", settings=settings)
    assert tr.signature.revision == "main"  # nothing cached: the requested revision
    with pytest.raises(ModelNotAvailableError) as info:
        tr.translate(["Привет"])
    msg = str(info.value)
    assert "no-such-org/no-such-model" in msg
    assert "`workbench models pull no-such-org/no-such-model`" in msg
    assert msg.count(". ") == 0 and "\n" not in msg


def test_missing_model_on_the_cli_has_no_traceback() -> None:
    run = _cli("models", "pull", "no-such-org/no-such-model", env={"HF_HUB_OFFLINE": "1"})
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("error: no-such-org/no-such-model cannot be downloaded from here")
    # pull is the command that failed: the message says how to bring the model in instead
    assert "copy its Hugging Face cache" in lines[-1] and "--model FOLDER" in lines[-1]


@pytest.mark.slow
def test_cached_hub_model_resolves_to_its_snapshot_commit(
    tmp_path: Path, tiny_marian_dir: Path
) -> None:
    """A model in the standard HF cache layout is found offline and its commit recorded."""
    import shutil

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--tiny-org--tiny-marian"
    shutil.copytree(tiny_marian_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    env = {"HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    code = (
        "from workbench.engines import create\n"
        "tr = create('opus-mt', 'tiny-org/tiny-marian', 'ru', max_length=3)\n"
        "print(tr.signature.revision)\n"
        "print(len(tr.translate(['Да', ''])))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
        env={**__import__("os").environ, **env},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [commit, "2"]


def test_models_list_and_info() -> None:
    run = _cli("models", "list")
    assert run.returncode == 0, run.stderr
    for e in models.load_catalog():
        assert e.name in run.stdout
    info = _cli("models", "info", "nllb-200-distilled-600M")
    assert info.returncode == 0, info.stderr
    assert "CC-BY-NC-4.0" in info.stdout and "29.3" in info.stdout
    assert (
        "workbench translate --engine ct2 --model facebook/nllb-200-distilled-600M --src ky"
        in info.stdout
    )
    pivot = _cli("models", "info", "pivot")
    assert "ENGINE1:MODEL1+ENGINE2:MODEL2" in pivot.stdout
    unknown = _cli("models", "info", "no-such-model")
    assert unknown.returncode == 2 and "not in the model catalog" in unknown.stderr


@pytest.mark.slow
def test_models_convert_reports_where_it_went(tiny_m2m100_dir: Path, workbench_home: Path) -> None:
    run = _cli("models", "convert", str(tiny_m2m100_dir), "--quantization", "float32")
    assert run.returncode == 0, run.stderr
    folder = Path(run.stdout.split(" to ", 1)[1].splitlines()[0])
    assert folder.parent == workbench_home / "ct2" and (folder / "model.bin").is_file()
    assert f"--engine ct2 --model {folder}" in run.stdout
