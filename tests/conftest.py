"""Fixtures shared by every test: an isolated WORKBENCH_HOME and paths to shared data.

Stage-specific fixtures (tiny random-weight models, sample cases, a running server) live in
conftest files of sub-folders or in helper modules under ``tests/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def workbench_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty WORKBENCH_HOME and never touches the user's data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return home


@pytest.fixture
def settings(workbench_home: Path) -> Settings:
    """Settings resolved against the isolated home."""
    return Settings.resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (FLORES-200 dev, NTREX-128, Tatoeba); skips when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
