"""Fixtures of the align tests: the real bundled embedder (shared by the session) and a fake one.

The fake embedder counts what it embeds, so cache tests can prove that a sentence is embedded once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from workbench.align import AlignParams
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder, Embedder

REPO = Path(__file__).resolve().parents[2]

#: Parameters under which a link stands only on a clear margin, with clauses on: partial
#: retellings, word confirmation and the word veto are tested against them.
STRICT = AlignParams(
    threshold=1.0,
    floor=0.9,
    secondary=9.0,
    gain=0.0,
    prior=0.3,
    clause_threshold=1.0,
    clause_floor=0.9,
    gate=0.3,
    budget=1.0,
)
#: Whole sentences, no floor, three candidates a sentence: echo links are tested against them.
LOOSE = AlignParams(
    threshold=2.0,
    floor=0.0,
    secondary=9.0,
    gain=0.0,
    prior=0.0,
    k=3,
    units="sentence",
    min_report_words=0,
    echo_margin=1.5,
    echo_same=0.8,
    echo_other=0.75,
)


class CountingEmbedder(Embedder):
    """Bag-of-words hashing vectors (deterministic, no model) that records every text it embeds."""

    name = "counting"
    default_model = "hash-64"

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.batches: list[int] = []

    @property
    def dim(self) -> int:
        return 64

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        self.batches.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, hashlib.md5(word.encode()).digest()[0] % self.dim] += 1.0
        return out


@pytest.fixture
def counting() -> CountingEmbedder:
    """A fresh counting embedder."""
    return CountingEmbedder()


@pytest.fixture(scope="session")
def e5() -> CachingEmbedder:
    """The default embedder (bundled multilingual-e5-small), memory-cached for the session."""
    return CachingEmbedder(E5Embedder(), None)


@pytest.fixture(scope="session")
def flores() -> Path:
    """FLORES-200 dev from ``../shared/data`` (or two levels up, for a git worktree); else skip."""
    for root in (REPO.parent, REPO.parent.parent):
        path = root / "shared" / "data" / "flores200-dev"
        if path.is_dir():
            return path
    pytest.skip("../shared/data/flores200-dev is not present")
