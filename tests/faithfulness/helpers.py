"""Shared helpers of the faithfulness tests."""

from __future__ import annotations

from workbench.faithfulness import check_pairs
from workbench.faithfulness.core import evidence_keys


def evidence_of(source: str, translation: str, src: str) -> set[str]:
    """The evidence keys (kind, or kind + ``_weak``) one checked pair gives."""
    (result,) = check_pairs([source], [translation], src)
    return evidence_keys(result.issues)
