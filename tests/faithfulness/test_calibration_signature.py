"""The faithfulness signature names the calibration's thresholds, not only its data."""

from __future__ import annotations

from pathlib import Path

from workbench.faithfulness.base import default_calibration_path, load_calibration
from workbench.faithfulness.core import faith_signature
from workbench.faithfulness.diffapi import load_lexicon


def _recalibrated(tmp_path: Path) -> Path:
    # the same name and data, one threshold moved: what a re-run of --calibrate can give
    text = default_calibration_path().read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("similarity_limit"))
    key, value = lines[at].split("=", 1)
    lines[at] = f"{key}= {float(value.split('#')[0]) + 0.001}"
    out = tmp_path / "recalibrated.toml"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_a_recalibration_with_the_same_name_changes_the_signature(tmp_path: Path) -> None:
    shipped = load_calibration()
    moved = load_calibration(_recalibrated(tmp_path))
    assert moved.name == shipped.name
    assert moved.digest and shipped.digest and moved.digest != shipped.digest
    lexicon = load_lexicon()
    one = faith_signature(["number"], None, shipped, lexicon)
    two = faith_signature(["number"], None, moved, lexicon)
    assert f"calibration:{shipped.name}@{shipped.digest}|" in one
    assert one != two


def test_the_digest_ignores_comments(tmp_path: Path) -> None:
    text = default_calibration_path().read_text(encoding="utf-8")
    commented = tmp_path / "commented.toml"
    commented.write_text("# a new comment line\n" + text, encoding="utf-8")
    assert load_calibration(commented).digest == load_calibration().digest
