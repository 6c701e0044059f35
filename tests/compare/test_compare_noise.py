"""One flag per fact across an outlet's headline and body; what differs still flags twice."""

from __future__ import annotations

from tests.compare.helpers import filled_alignment
from workbench.diff import same_fact
from workbench.diff.salience import word_diff_run
from workbench.pipeline.compare import fill_differences, load_lexicon
from workbench.types import (
    Alignment,
    AlignmentLink,
    Comparison,
    Difference,
    ReportRef,
    StatementRef,
)

STATEMENT = "The floods are the largest disaster the region has seen in many years."


def _filled(*reports: ReportRef) -> list[Difference]:
    return list(filled_alignment(STATEMENT, *reports).differences)


def test_the_headline_and_the_body_give_one_flag_for_one_fact() -> None:
    headline = ReportRef(
        0, "Floods hit remote mountain villages, cutting roads to pastures", "wire"
    )
    body = ReportRef(
        3,
        "The floods are the largest disaster the region has seen in many years; they hit "
        "remote mountain villages and cut the roads to the summer pastures.",
        "wire",
    )
    each = [_filled(headline), _filled(body)]
    assert all(any(word_diff_run(d) for d in flags) for flags in each)  # alone: a flag each
    together = [d for d in _filled(headline, body) if word_diff_run(d)]
    assert len(together) == 1 and together[0].report_document == "wire"


def test_another_outlet_and_another_fact_still_flag() -> None:
    first = ReportRef(0, "Floods the largest disaster as 14 villages cut off", "wire")
    other = ReportRef(1, "Floods the largest disaster as 14 villages cut off", "daily")
    flags = _filled(first, other)
    assert {d.report_document for d in flags if d.kind == "number"} == {"wire", "daily"}
    body = ReportRef(2, "Rescuers said 300 homes were flooded in the largest disaster.", "wire")
    figures = {d.report for d in _filled(first, body) if d.kind == "number"}
    assert figures == {"14", "300"}


def test_same_fact_reads_word_diff_runs_by_their_words() -> None:
    def addition(text: str) -> Difference:
        return Difference("addition", "", text, None, (0, len(text)), detector="content")

    headline = addition("was the worst harvest in half a century")
    body = addition("failed in the dry summer, the worst harvest in the region in half a century")
    other = addition("thanked rescuers, police officers and volunteers")
    assert same_fact(headline, body)
    assert not same_fact(headline, other)
    assert not same_fact(headline, Difference("number", "", "14", None, (0, 2), "figure"))


def test_the_pipeline_gives_the_diff_the_statements_issuer() -> None:
    """``fill_differences(issuers=...)`` reaches ``find_differences(issuer=...)``: a claim the
    ministry's statement gives to the ministry itself, stated as fact by a report, is no
    attribution moved; without the issuer it is."""
    statement = "The Ministry of Energy of the Republic of Uzbekistan announces a new gas pipeline."
    st = StatementRef(0, "line 0", statement, "state-doc")
    report = ReportRef(0, "Uzbekistan is building a new gas pipeline.", "wire")
    links = (AlignmentLink((0, len(statement)), 1.1),)
    comparison = Comparison("sig", (Alignment(st, (report,), 1.1, links=links),), (), ())

    def kinds(issuers: dict[str, tuple[str, ...]] | None) -> set[str]:
        filled = fill_differences(comparison, load_lexicon(), "ru", 1.032, issuers)
        return {d.kind for d in filled.alignments[0].differences}

    assert "attribution" in kinds(None)
    issuer = ("Ministry of Energy of Uzbekistan", "Statement on the gas pipeline")
    assert "attribution" not in kinds({"state-doc": issuer})
    assert "attribution" in kinds({"other-doc": issuer})  # another statement's issuer
