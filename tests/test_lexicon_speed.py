"""``benchmarks/lexicon_speed.py``: it times both searches on the given lines and refuses bad
arguments in one sentence."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script, refusal


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("benchmarks/lexicon_speed.py", "lexicon_speed_under_test")


def test_a_short_run_prints_every_band_it_has_lines_for(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("Officials called them terrorists.\n\n" + "A long line. " * 40, "utf-8")
    assert bench.main(["--lines", str(lines), "--repeats", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2 lines;")
    rows = [row.split(" | ")[0] for row in out[2:]]
    assert rows == ["all, index built in the run", "0-80, index warm", "400-2000, index warm"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--repeats", "0"], "--repeats must be at least 1"),
        (["--lines", "{tmp}/nowhere.txt"], "nowhere.txt does not exist"),
        (["--lines", "{tmp}"], "no non-empty line"),
    ],
)
def test_bad_arguments_are_refused_in_one_sentence(
    bench: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert message in refusal(lambda: bench.main(argv), capsys)
