"""``faithfulness_bench.py --hold-out-dev`` (session 20, fbudget20): a calibration fitted
without any dev line, written to a file other than the committed one, then dev measured with
it — the false-flag rate dev gets when no calibration read it. Bad combinations are refused
before any data is read; the calibration it fits reads no dev line."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import assert_refused_before_reading, load_script

COMMITTED = "workbench/data/faithfulness_calibration.toml"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/faithfulness_bench.py", "faithfulness_bench_hold_out")


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script("benchmarks/budget_study.py", "budget_study_hold_out")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hold-out-dev", "--on", "dev"], "--hold-out-dev fits a calibration without dev: give "
         "--calibrate too"),
        (["--hold-out-dev", "--calibrate", "--on", "dev"], "must not overwrite the committed "
         "calibration"),
        (["--hold-out-dev", "--calibrate", "--on", "dev", "--calibration", COMMITTED],
         "must not overwrite the committed calibration"),
        (["--hold-out-dev", "--calibrate", "--calibration", "/tmp/x.toml"],
         "not --on final"),
        (["--hold-out-dev", "--calibrate", "--on", "measurement", "--calibration", "/tmp/x.toml"],
         "not --on measurement"),
    ],
)  # fmt: skip
def test_bad_hold_out_runs_are_refused_before_reading(
    bench: ModuleType, args: list[str], message: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(Path(bench.REPO))  # the committed file named relative to the repository
    full = [*args, "--data", str(tmp_path), "--speed-n", "0"]
    assert_refused_before_reading(bench, full, message, monkeypatch, capsys)


def test_a_calibration_file_that_is_missing_or_a_folder_is_refused(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    base = ["--on", "dev", "--no-embedder", "--speed-n", "0", "--data", str(tmp_path)]
    missing = str(tmp_path / "none.toml")
    assert_refused_before_reading(
        bench, [*base, "--calibration", missing], "is no file (write one with --calibrate)",
        monkeypatch, capsys,
    )  # fmt: skip
    assert_refused_before_reading(
        bench, [*base, "--calibration", str(tmp_path)], "is a folder, not a calibration file",
        monkeypatch, capsys,
    )  # fmt: skip


def test_the_budget_study_refuses_a_missing_calibration_file(
    study: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    args = ["--on", "dev", "--data", str(tmp_path), "--calibration", str(tmp_path / "x.toml")]
    assert_refused_before_reading(study, args, "x.toml is no file", monkeypatch, capsys)


def _lines(bench: ModuleType, corpus: str, start: int, n: int, doc: str) -> list[object]:
    return [
        bench.Line(corpus, i, f"{doc}{i // 10}", f"en {i}", {k: f"{k} {i}" for k in bench.SOURCES})
        for i in range(start, start + n)
    ]


def test_calibration_parts_held_out_hold_no_dev_line(bench: ModuleType) -> None:
    cal = _lines(bench, "ntrex", 0, 40, "c")
    dev = _lines(bench, "ntrex", 1000, 20, "d")
    outside = cal[10:]
    parts, unrelated = bench.calibration_parts(cal, dev, outside, hold_out_dev=True)
    assert list(parts) == ["calibration half"] and parts["calibration half"] == cal
    assert unrelated == outside
    parts, unrelated = bench.calibration_parts(cal, dev, outside, hold_out_dev=False)
    assert parts == {"calibration half": cal, "dev": dev} and unrelated == dev


def test_a_held_out_run_calibrates_without_dev_into_its_own_file(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """The whole path of main: calibrate is handed no dev line, its text lands in
    ``--calibration`` and the committed file is not touched."""
    cal = _lines(bench, "ntrex", 0, 60, "c")
    dev = _lines(bench, "ntrex", 1000, 20, "d")
    committed = Path(bench.CALIBRATION_FILE).read_bytes()
    seen: dict[str, object] = {}

    def fake_calibrate(sample: list[object], *_: object, **kw: object) -> str:
        seen.update(kw, sample=sample)
        return 'name = "held-out-test"\n'

    monkeypatch.setattr(bench, "load", lambda _data: (cal, dev))
    monkeypatch.setattr(bench, "split_measurement", lambda meas: (list(meas), []))
    monkeypatch.setattr(bench, "create_embedder", lambda **_: object())
    monkeypatch.setattr(bench, "calibrate", fake_calibrate)
    out = tmp_path / "heldout.toml"
    monkeypatch.setattr(sys, "argv", [
        "faithfulness_bench.py", "--calibrate", "--hold-out-dev", "--calibration", str(out),
        "--on", "dev", "--n", "0", "--speed-n", "0", "--data", str(tmp_path),
    ])  # fmt: skip
    bench.main()
    dev_ids = {(ln.corpus, ln.index) for ln in dev}  # type: ignore[attr-defined]
    read = [*seen["sample"], *seen["omission_refs"], *seen["unrelated_refs"]]  # type: ignore[misc]
    read += [ln for part in seen["span_parts"].values() for ln in part]  # type: ignore[attr-defined]
    assert read and not {(ln.corpus, ln.index) for ln in read} & dev_ids
    assert out.read_text(encoding="utf-8") == 'name = "held-out-test"\n'
    assert Path(bench.CALIBRATION_FILE).read_bytes() == committed
    printed = capsys.readouterr().out
    assert "held out: no dev line entered this calibration" in printed
