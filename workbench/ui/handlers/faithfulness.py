"""Faithfulness in the UI: per-engine flags in Translate, a column and "flagged first" in
Evaluate. Plain functions over :func:`workbench.pipeline.faithfulness.check_translations`,
testable without Gradio; importing this module registers the Evaluate column.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from workbench.pipeline.evaluate import Evaluation
from workbench.pipeline.faithfulness import check_translations, source_language
from workbench.types import FaithResult
from workbench.ui.handlers.evaluate import SEGMENT_COLUMNS

#: Column title in the Evaluate segment table.
COLUMN = "Faithfulness"


@lru_cache(maxsize=16)
def check_system(sources: tuple[str, ...], hypotheses: tuple[str, ...]) -> tuple[FaithResult, ...]:
    """Faithfulness of one system's segments against the sources (cached per system)."""
    src = source_language(sources)
    if src is None:
        return ()
    return tuple(check_translations(sources, hypotheses, src))


def summary(result: FaithResult, limit: int = 3) -> str:
    """One line: the score, a flag, and the first issues ("⚑ 0.21 · number '25,000' …")."""
    head = f"{'⚑ ' if result.flagged else ''}{result.score:.2f}"
    parts = [f"{i.kind} {i.translation or i.source!r}" for i in result.issues[:limit]]
    more = f" +{len(result.issues) - limit}" if len(result.issues) > limit else ""
    return head + (" · " + "; ".join(parts) + more if parts else "")


def evaluation_results(state: Evaluation) -> list[tuple[FaithResult, ...]]:
    """Per system, the faithfulness results of its segments (empty without sources)."""
    if not state.sources:
        return [() for _ in state.hypotheses]
    return [check_system(tuple(state.sources), tuple(h)) for _, h in state.hypotheses]


def faith_cell(state: Evaluation, system: int, segment: int) -> str | None:
    """The Evaluate column: score, flag and issues of one hypothesis (None without sources)."""
    results = evaluation_results(state)[system]
    return summary(results[segment]) if results else None


def flagged_first(state: Evaluation, segments: Sequence[int]) -> list[int]:
    """``segments`` with the least faithful first (lowest score over all systems)."""
    per_system = [r for r in evaluation_results(state) if r]
    if not per_system:
        return list(segments)
    return sorted(segments, key=lambda i: min(r[i].score for r in per_system))


SEGMENT_COLUMNS[COLUMN] = faith_cell
