"""The faithfulness benchmarks find the shared data folder from a git worktree too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.scripts import load_script
from workbench.testsets import shared_data


class _Read(Exception):
    """Raised by the stand-in data reader: the folder it was given."""


@pytest.mark.parametrize(
    ("script", "args"),
    [
        ("benchmarks/faithfulness_bench.py", ["--no-embedder", "--speed-n", "0"]),
        ("benchmarks/omission_study.py", ["--on", "dev"]),
        ("benchmarks/clause_signal_study.py", []),
        ("benchmarks/name_signal_study.py", []),
    ],
)
def test_without_data_the_benchmark_reads_the_shared_data_folder(
    script: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = load_script(script, f"{Path(script).stem}_data_default_under_test")
    monkeypatch.setattr(sys, "argv", [script, *args])
    if not shared_data().is_dir():  # a checkout without the data: the message, not a crash
        with pytest.raises(SystemExit) as exit_:
            module.main()
        assert exit_.value.code == 2
        return

    def _reader(data: Path) -> None:
        raise _Read(data)

    monkeypatch.setattr(module, "load", _reader)
    with pytest.raises(_Read) as read:
        module.main()
    assert read.value.args[0] == shared_data()
