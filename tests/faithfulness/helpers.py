"""Shared helpers of the faithfulness tests."""

from __future__ import annotations

import numpy as np

from workbench.faithfulness import check_pairs
from workbench.faithfulness.core import evidence_keys


def evidence_of(source: str, translation: str, src: str) -> set[str]:
    """The evidence keys (kind, or kind + ``_weak``) one checked pair gives."""
    (result,) = check_pairs([source], [translation], src)
    return evidence_keys(result.issues)


def assert_added_not_found(source: str, faithful: str, flipped: str, src: str) -> None:
    """The faithful translation gives no negation issue, strong or weak; the one with a "not"
    added gives a strong one."""
    assert not {"negation", "negation_weak"} & evidence_of(source, faithful, src)
    assert "negation" in evidence_of(source, flipped, src)


def negation_severities(source: str, translation: str, src: str, embedder: object) -> list[float]:
    """The severities of the negation issues one checked pair gives (``embedder`` None: span
    checks only)."""
    (r,) = check_pairs([source], [translation], src, embedder=embedder)  # type: ignore[arg-type]
    return [i.severity for i in r.issues if i.kind == "negation"]


def unit(*values: float) -> np.ndarray:
    """The float32 unit vector along ``values``."""
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


class TableEmbedder:
    """A fake embedder: fixed vectors by text, counting calls."""

    signature = "emb:table"

    def __init__(self, rows: dict[str, np.ndarray]) -> None:
        self.rows = rows
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.stack([self.rows[t] for t in texts])
