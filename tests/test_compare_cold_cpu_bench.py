"""``benchmarks/compare_cold_cpu.py``: the arguments it refuses, before building anything."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script, refusal


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/compare_cold_cpu.py", "compare_cold_cpu_under_test")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--runs", "0"], "--runs and --outlets must be at least 1"),
        (["--outlets", "0"], "--runs and --outlets must be at least 1"),
        (["--sentences", "1"], "--sentences at least 2"),
        (["--runs", "x"], "invalid int value"),
    ],
)
def test_bad_numbers_are_refused(
    bench: ModuleType, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in refusal(lambda: bench.main(argv), capsys)


def test_a_missing_embedding_cache_is_named(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    said = refusal(lambda: bench.main(["--embedding-cache", str(missing)]), capsys)
    assert f"--embedding-cache {missing}: no such file." in said
