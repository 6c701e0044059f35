"""Fixtures of the Ray tests: one local Ray with 2 CPUs per test module, inputs, helpers.

Ray starts in a few seconds here; a module-scoped fixture starts it once for the tests of a
module and shuts it down afterwards (its temp folder is private and short, see
:mod:`workbench.cluster.runtime`). Tests that start their own clusters (``ray start``) use
their own ports and temp folders and tear them down themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A local Ray with 2 CPUs for the whole module (reused by every ``connect``)."""
    from workbench.cluster.runtime import connect

    with connect("local", num_cpus=2):
        yield


@pytest.fixture
def lines() -> list[str]:
    """Realistic input lines: one or several sentences, Russian, repeats, a blank line."""
    from tests.tiny_models import SENTENCES

    ru = list(SENTENCES[:10])
    out = [" ".join(ru[i : i + 1 + i % 3]) for i in range(10)]  # 1-3 sentences per line
    out += ["", ru[0], "   ", ru[3] + " " + ru[7]]
    return out * 3


def jsonl(results: list, ids: list[str] | None = None) -> list[str]:
    """The JSONL lines the CLI writes for ``results``."""
    import json

    from workbench.pipeline.translate import translation_record

    return [json.dumps(translation_record(r), ensure_ascii=False) for r in results]


def home(tmp: Path, name: str) -> Path:
    """A fresh workbench home under ``tmp``."""
    out = tmp / name
    out.mkdir()
    return out
