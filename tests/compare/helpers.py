"""Helpers of the compare tests: one statement line linked whole to report sentences, filled by
the pipeline's diff stage as ``compare_case`` fills a case (no embedder, no model)."""

from __future__ import annotations

from workbench.pipeline.compare import fill_differences, load_lexicon
from workbench.types import Alignment, AlignmentLink, Comparison, ReportRef, StatementRef

#: A sure link: over the pipeline's threshold below, so no report reads as a weak link.
SURE = 1.1
THRESHOLD = 1.032


def filled_alignment(translation: str, *reports: ReportRef, original: str = "line 0") -> Alignment:
    """Line 0 of ``state-doc`` (its ``original`` text, its English ``translation``) linked whole,
    at :data:`SURE`, to each of ``reports``; the alignment with the differences the pipeline
    finds on it (Russian lexicon)."""
    st = StatementRef(0, original, translation, "state-doc")
    links = tuple(AlignmentLink((0, len(translation)), SURE) for _ in reports)
    comparison = Comparison("sig", (Alignment(st, reports, SURE, links=links),), (), ())
    filled = fill_differences(comparison, load_lexicon(), "ru", link_threshold=THRESHOLD)
    return filled.alignments[0]
