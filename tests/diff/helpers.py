"""Helpers of the diff tests: find differences and check every span they carry."""

from __future__ import annotations

from workbench.diff import Lexicon, find_differences
from workbench.types import DIFFERENCE_KINDS, Difference


def diffs(statement: str, report: str, lexicon: Lexicon, **kw: str) -> tuple[Difference, ...]:
    """``find_differences`` with every span checked against the texts it points into."""
    found = find_differences(statement, report, lexicon=lexicon, **kw)
    for d in found:
        assert d.kind in DIFFERENCE_KINDS
        if d.statement_span is not None:
            assert statement[d.statement_span[0] : d.statement_span[1]] == d.statement
        if d.report_span is not None:
            assert report[d.report_span[0] : d.report_span[1]] == d.report
        assert d.statement_span is not None or d.report_span is not None or kw.get("source")
    return found


def of_kind(found: tuple[Difference, ...], kind: str) -> list[Difference]:
    """The differences of one kind."""
    return [d for d in found if d.kind == kind]
