"""Corrupt or hostile weights give one sentence naming the file (issue 11, row 4).

A truncated ``model.safetensors`` (opus-mt and ct2) or a pickled ``pytorch_model.bin`` ended in
a traceback that suggested ``weights_only=False``. The tiny random-weight MarianMT model of
``tests/tiny_models.py`` is copied and damaged; it is loaded through the same engines users run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.engines import create
from workbench.engines.weights import check_weights, safetensors_problem
from workbench.errors import EngineError
from workbench.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def copy(tiny_marian_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(tiny_marian_dir, folder)
    return folder


def _truncate(path: Path, keep: float = 0.6) -> None:
    with path.open("r+b") as fh:
        fh.truncate(int(path.stat().st_size * keep))


def _pickled(folder: Path) -> None:
    """Re-save the model with pickled weights only (``pytorch_model.bin``)."""
    import torch
    from safetensors.torch import load_file

    state = load_file(str(folder / "model.safetensors"))
    (folder / "model.safetensors").unlink()
    torch.save(state, folder / "pytorch_model.bin")


def _translate(engine: str, folder: Path, settings: Settings) -> list[str]:
    translator = create(engine, str(folder), "ru", settings=settings, max_length=8, beam_size=1)
    try:
        return translator.translate(["Привет."])
    finally:
        translator.close()


@pytest.mark.parametrize("engine", ["opus-mt", "ct2"])
@pytest.mark.parametrize("keep", [0.6, 0.0001])
def test_a_truncated_safetensors_file_is_named(
    copy: Path, settings: Settings, engine: str, keep: float
) -> None:
    _truncate(copy / "model.safetensors", keep)
    with pytest.raises(EngineError) as info:
        _translate(engine, copy, settings)
    message = str(info.value)
    assert "model.safetensors is damaged" in message and "download" in message
    assert "weights_only" not in message and "\n" not in message


def test_overwritten_safetensors_header_is_named(copy: Path) -> None:
    path = copy / "model.safetensors"
    data = bytearray(path.read_bytes())
    data[8:40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    assert "not valid JSON" in (safetensors_problem(path) or "")


@pytest.mark.parametrize("engine", ["opus-mt", "ct2"])
def test_pickled_weights_are_refused_unless_allowed(
    copy: Path, settings: Settings, engine: str
) -> None:
    _pickled(copy)
    with pytest.raises(EngineError) as info:
        _translate(engine, copy, settings)
    message = str(info.value)
    assert "pytorch_model.bin holds pickled PyTorch weights" in message
    assert "WORKBENCH_ALLOW_PICKLE=1" in message and "weights_only" not in message
    allowed = settings.replace(allow_pickle=True)
    assert len(_translate(engine, copy, allowed)) == 1


def test_safetensors_are_preferred_over_a_pickle_beside_them(
    copy: Path, settings: Settings
) -> None:
    (copy / "pytorch_model.bin").write_bytes(b"not a pickle at all")
    check = check_weights(copy, allow_pickle=False)
    assert check.safetensors and check.pickled == (copy / "pytorch_model.bin",)
    assert len(_translate("opus-mt", copy, settings)) == 1  # the .bin is never read


def test_a_damaged_pickle_when_allowed_never_suggests_unsafe_loading(
    copy: Path, settings: Settings
) -> None:
    _pickled(copy)
    _truncate(copy / "pytorch_model.bin", 0.5)
    with pytest.raises(EngineError) as info:
        _translate("opus-mt", copy, settings.replace(allow_pickle=True))
    assert "weights_only" not in str(info.value) and "damaged" in str(info.value)


def test_a_truncated_ct2_conversion_is_named(
    tiny_ct2_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "ct2"
    shutil.copytree(tiny_ct2_dir, folder)
    _truncate(folder / "model.bin", 0.5)
    with pytest.raises(EngineError, match=r"convert the model again .*--force"):
        _translate("ct2", folder, settings)


def test_cli_prints_one_sentence_for_damaged_weights(copy: Path, tmp_path: Path) -> None:
    _truncate(copy / "model.safetensors")
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "translate", "--engine", "opus-mt", "--model",
         str(copy), "--src", "ru", "--no-cache"],
        input="Привет.\n", capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "model.safetensors is damaged" in lines[0]
    assert "Traceback" not in proc.stderr and "weights_only" not in proc.stderr
