"""`workbench score` against the real `sacrebleu` command on FLORES-200 dev.

Golden numbers are whatever sacreBLEU's own command prints for the same files and options; the
tests fail if any corpus score, signature or significance figure differs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.evaluate.conftest import run_sacrebleu, run_workbench

# workbench metric -> sacrebleu command options for the same metric
SACREBLEU_OPTIONS = {
    "bleu": ["-m", "bleu"],
    "chrf": ["-m", "chrf"],
    "chrf++": ["-m", "chrf", "--chrf-word-order", "2"],
    "ter": ["-m", "ter"],
}


def _sacrebleu_single(refs: list[Path], hyp: Path, metric: str) -> dict[str, object]:
    out = run_sacrebleu(
        *map(str, refs), "-i", str(hyp), *SACREBLEU_OPTIONS[metric], "-w", "4", "-f", "json"
    )
    return json.loads(out)


@pytest.fixture(scope="module")
def golden(flores_files: dict[str, Path]) -> dict[tuple[str, str], dict[str, object]]:
    """What the sacrebleu command prints for systems a and b, by (system, metric)."""
    out: dict[tuple[str, str], dict[str, object]] = {}
    for key in ("a", "b"):
        common = [str(flores_files["ref"]), "-i", str(flores_files[key]), "-w", "4", "-f", "json"]
        for entry in json.loads(run_sacrebleu(*common, "-m", "bleu", "chrf", "ter")):
            out[key, {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}[entry["name"]]] = entry
        out[key, "chrf++"] = json.loads(run_sacrebleu(*common, "-m", "chrf", "-cw", "2"))
    return out


@pytest.fixture(scope="module")
def workbench_json(flores_files: dict[str, Path]) -> dict[str, object]:
    f = flores_files
    proc = run_workbench(
        "score",
        "--ref",
        str(f["ref"]),
        "--hyp",
        str(f["a"]),
        "--hyp",
        str(f["b"]),
        "--names",
        "A,B",
        "--metrics",
        "bleu,chrf,chrf++,ter",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("metric", list(SACREBLEU_OPTIONS))
def test_corpus_scores_and_signatures_equal_the_sacrebleu_command(
    metric: str,
    golden: dict[tuple[str, str], dict[str, object]],
    workbench_json: dict[str, object],
) -> None:
    systems = workbench_json["systems"]  # type: ignore[index]
    for system, key in zip(systems, ("a", "b"), strict=True):
        expected = golden[key, metric]
        ours = system["metrics"][metric]
        assert f"{ours['score']:.4f}" == f"{expected['score']:.4f}"
        assert ours["signature"] == f"{expected['name']}|{expected['signature']}"
        assert len(ours["segments"]) == 997


def test_two_references_match_the_sacrebleu_command(
    flores_files: dict[str, Path], tmp_path: Path
) -> None:
    f = {}
    for key in ("ref", "ref2", "c"):  # 200 lines: TER with two references is slow
        lines = flores_files[key].read_text(encoding="utf-8").splitlines()[:200]
        f[key] = tmp_path / f"{key}.txt"
        f[key].write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_workbench(
        "score",
        "--ref",
        str(f["ref"]),
        "--ref",
        str(f["ref2"]),
        "--hyp",
        str(f["c"]),
        "--metrics",
        "bleu,ter",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    ours = json.loads(proc.stdout)["systems"][0]["metrics"]
    for metric in ("bleu", "ter"):
        golden = _sacrebleu_single([f["ref"], f["ref2"]], f["c"], metric)
        assert f"{ours[metric]['score']:.4f}" == f"{golden['score']:.4f}"
        assert "nrefs:2" in ours[metric]["signature"]


def _parse_paired_table(text: str) -> list[tuple[float, ...]]:
    """(score, mean, ci) per cell and the p-values, row by row, from sacrebleu's text table."""
    cells = re.findall(r"(-?\d+\.\d+) \((-?\d+\.\d+) ± (\d+\.\d+)\)", text)
    pvals = re.findall(r"p = (\d+\.\d+)", text)
    return [tuple(float(x) for x in c) for c in cells] + [(float(p),) for p in pvals]


@pytest.mark.parametrize(
    ("method", "flag", "resamples", "seed"),
    [("bootstrap", "--paired-bs", 300, 12345), ("ar", "--paired-ar", 300, 7)],
)
def test_significance_equals_sacrebleu_paired_tests(
    flores_files: dict[str, Path], tmp_path: Path, method: str, flag: str, resamples: int, seed: int
) -> None:
    f = flores_files
    # 250 segments keep this fast; the p-values stay informative (systems differ).
    small = {}
    for key in ("ref", "a", "b", "c"):
        lines = f[key].read_text(encoding="utf-8").splitlines()[:250]
        small[key] = tmp_path / f"{key}.txt"
        small[key].write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_flag = "--paired-bs-n" if method == "bootstrap" else "--paired-ar-n"
    golden = run_sacrebleu(
        str(small["ref"]),
        "-i",
        str(small["a"]),
        str(small["b"]),
        str(small["c"]),
        "-m",
        "bleu",
        "chrf",
        flag,
        n_flag,
        str(resamples),
        "-w",
        "4",
        "-f",
        "text",
        env={"SACREBLEU_SEED": str(seed)},
    )
    proc = run_workbench(
        "score",
        "--ref",
        str(small["ref"]),
        "--hyp",
        str(small["a"]),
        "--hyp",
        str(small["b"]),
        "--hyp",
        str(small["c"]),
        "--metrics",
        "bleu,chrf",
        "--significance",
        method,
        "--resamples",
        str(resamples),
        "--seed",
        str(seed),
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    systems = json.loads(proc.stdout)["systems"]
    p_golden = [float(p) for p in re.findall(r"p = (\d+\.\d+)", golden)]
    p_ours = [f"{s['metrics'][m]['p_value']:.4f}" for s in systems[1:] for m in ("bleu", "chrf")]
    assert p_ours == [f"{p:.4f}" for p in p_golden]
    if method == "bootstrap":
        cells = re.findall(r"(-?\d+\.\d+) \((-?\d+\.\d+) ± (\d+\.\d+)\)", golden)
        # rows after the baseline: score, mean, half-width per metric
        for s, (score, mean, ci) in zip(
            [(s, m) for s in systems[1:] for m in ("bleu", "chrf")], cells[2:], strict=True
        ):
            entry = s[0]["metrics"][s[1]]
            assert f"{entry['score']:.4f}" == score
            assert f"{entry['mean']:.4f}" == mean
            assert f"{entry['ci']:.4f}" == ci
    signature = systems[1]["metrics"]["bleu"]["test_signature"]
    assert f"seed:{seed}" in signature
    assert (f"bs:{resamples}" if method == "bootstrap" else f"ar:{resamples}") in signature
    assert "p_value" not in systems[0]["metrics"]["bleu"]
