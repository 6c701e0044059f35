"""Load a benchmark or a script of the repository as a module, for tests of its functions, and
check that its ``main`` refuses bad arguments before it reads any data."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_script(relative: str, name: str) -> ModuleType:
    """The file ``relative`` (to the repository) imported as module ``name`` (registered in
    ``sys.modules``, as dataclasses of the script need)."""
    spec = importlib.util.spec_from_file_location(name, REPO / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def refusal(run: Callable[[], object], capsys: pytest.CaptureFixture[str]) -> str:
    """What ``run()`` writes on stderr as it refuses its arguments; it must stop with exit
    status 2 (argparse's usage error or ``parser.error``), not run, not crash. The callers check
    the message in the text returned."""
    with pytest.raises(SystemExit) as exit_:
        run()
    assert exit_.value.code == 2
    return capsys.readouterr().err


def assert_refused_before_reading(
    module: ModuleType, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """``module.main()`` with ``args`` exits with status 2 and ``message`` on stderr, and never
    reaches ``module.load`` (the data reader), so a refused run costs nothing and writes nothing."""
    monkeypatch.setattr(sys, "argv", [f"{module.__name__}.py", *args])

    def _ran_past_the_checks(*_: object, **__: object) -> None:
        raise AssertionError(f"{args} were not refused before the data was read")

    monkeypatch.setattr(module, "load", _ran_past_the_checks)
    assert message in refusal(module.main, capsys)


def assert_needs_cases(module: ModuleType, empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``module.main`` (a study of the real cases) refuses a run without ``--cases``, a
    ``--cases`` folder (``empty``) that holds no case and one that does not exist, each with a
    message that names it."""
    said = refusal(lambda: module.main(["--cases", str(empty)]), capsys)
    assert "no case with a reference.toml under" in said
    said = refusal(lambda: module.main(["--cases", str(empty / "missing")]), capsys)
    assert "missing: no such folder" in said
    assert "--cases" in refusal(lambda: module.main([]), capsys)  # required
