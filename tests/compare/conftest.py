"""Fixtures of the compare tests: the sample case compared once per session.

The comparison uses the bundled e5-small embedder (no download) and the supplied human
translations of the case. Its embeddings are cached in a session-wide WORKBENCH_HOME so that the
CLI tests on the same case (``--home``) reuse them instead of embedding again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.align import Embedder, create_embedder
from workbench.corpus import load_case
from workbench.pipeline.compare import compare_case
from workbench.settings import Settings
from workbench.types import Case, CaseComparison

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpora" / "kazakhstan-2022-01"


@pytest.fixture(scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WORKBENCH_HOME shared by the session (holds the embedding cache)."""
    return tmp_path_factory.mktemp("compare-home")


@pytest.fixture(scope="session")
def e5(session_home: Path) -> Embedder:
    """The bundled e5-small embedder, cached in memory and in the session home."""
    settings = Settings.resolve(env={"WORKBENCH_HOME": str(session_home)})
    return create_embedder(settings=settings)


@pytest.fixture(scope="session")
def sample_case() -> Case:
    """The Kazakhstan January 2022 sample case."""
    return load_case(SAMPLE)


@pytest.fixture(scope="session")
def sample_result(sample_case: Case, e5: Embedder) -> CaseComparison:
    """The sample case compared end to end (supplied translations, default threshold)."""
    return compare_case(sample_case, embedder=e5)
