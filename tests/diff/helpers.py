"""Helpers of the diff tests: find differences and check every span they carry."""

from __future__ import annotations

from workbench.diff import Lexicon, find_differences
from workbench.pipeline.compare import CROSS_LINGUAL_DETECTORS
from workbench.types import DIFFERENCE_KINDS, Difference


def diffs(statement: str, report: str, lexicon: Lexicon, **kw: str) -> tuple[Difference, ...]:
    """``find_differences`` with every span checked against the texts it points into."""
    found = find_differences(statement, report, lexicon=lexicon, **kw)
    _check_spans(found, statement, report, kw)
    return found


def language(text: str) -> str:
    """kk, ky or ru, by the letters only Kazakh (or Kazakh and Kyrgyz) writes."""
    if any(c in text.lower() for c in "әғқұһі"):
        return "kk"
    return "ky" if any(c in text.lower() for c in "ңөү") else "ru"


def cross_lingual_diffs(statement: str, report: str, lexicon: Lexicon) -> tuple[Difference, ...]:
    """:func:`diffs` of a statement and a report; a Cyrillic statement is read as an original
    without a translation (the cross-lingual detectors, its language by :func:`language`)."""
    if statement.isascii():
        return diffs(statement, report, lexicon)
    found = find_differences(
        statement,
        report,
        lexicon=lexicon,
        detectors=CROSS_LINGUAL_DETECTORS,
        src=language(statement),
    )
    _check_spans(found, statement, report, {})
    return found


def as_compare_reads(
    statement: str, report: str, lexicon: Lexicon, issuer: tuple[str, ...] = ()
) -> tuple[Difference, ...]:
    """The differences of a pair read as compare reads a line without a translation (a Cyrillic
    original is both the statement and the source, every cross-lingual detector), or an English
    pair as a translation; ``issuer`` is the statement's speaker (compare's context). Every span
    is checked."""
    if statement.isascii():
        found = find_differences(statement, report, lexicon=lexicon, context=issuer, issuer=issuer)
        _check_spans(found, statement, report, {})
        return found
    found = find_differences(
        statement,
        report,
        source=statement,
        src=language(statement),
        lexicon=lexicon,
        detectors=CROSS_LINGUAL_DETECTORS,
        context=issuer,
        issuer=issuer,
    )
    _check_spans(found, statement, report, {"source": statement})
    return found


def of_category(statement: str, report: str, lexicon: Lexicon, category: str) -> list[Difference]:
    """The differences of one ``category`` of a pair, read by :func:`as_compare_reads`."""
    return [d for d in as_compare_reads(statement, report, lexicon) if d.category == category]


def _check_spans(
    found: tuple[Difference, ...], statement: str, report: str, kw: dict[str, str]
) -> None:
    """Every difference of a known kind, its spans pointing at its words."""
    for d in found:
        assert d.kind in DIFFERENCE_KINDS
        if d.statement_span is not None:
            assert statement[d.statement_span[0] : d.statement_span[1]] == d.statement
        if d.report_span is not None:
            assert report[d.report_span[0] : d.report_span[1]] == d.report
        assert d.statement_span is not None or d.report_span is not None or kw.get("source")


def of_kind(found: tuple[Difference, ...], kind: str) -> list[Difference]:
    """The differences of one kind."""
    return [d for d in found if d.kind == kind]
