"""One "a sentence ends here" for the diff stage (:data:`workbench.diff.text.SENTENCE_END`).

Each place that cuts text into sentences (content runs, the negation retold-twice check, the
modality sentences) is tested on a case its former own definition read differently, so that a
place that goes back to its own definition fails here."""

from __future__ import annotations

import pytest

from workbench.diff import content, load_lexicon
from workbench.diff.base import DiffContext
from workbench.diff.markers import _retold_twice, negation_mentions
from workbench.diff.modality import SHIFTS, _own_firm
from workbench.diff.text import SENTENCE_END, sentences, tokenize
from workbench.types import Difference


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ('He said "we will." Then it rained.', ['He said "we will."', "Then it rained."]),
        ("Mr. Smith met Gen. Ivanov on Oct. 12 with U.S. officials.", None),
        ("The talks stalled… Officials left.", ["The talks stalled…", "Officials left."]),
        ("It happened in 2023. 15 people died.", ["It happened in 2023.", "15 people died."]),
        ("the first line\nthe second", ["the first line", "the second"]),
        ("it said. the rest", None),
        ("the region. Бишкек said", ["the region.", "Бишкек said"]),
        ("", None),
    ],
)
def test_sentences_cut_where_a_sentence_ends(text: str, parts: list[str] | None) -> None:
    assert [text[a:b] for a, b in sentences(text)] == (parts or [text])


def test_content_runs_part_where_a_sentence_ends() -> None:
    # the former content definition knew no ellipsis: "stalled… Officials" was one run
    text = "the talks stalled… Officials left"
    groups = content._groups(tokenize(text), (), text)
    assert [[t.text for t in g] for g in groups] == [
        ["the", "talks", "stalled"],
        ["Officials", "left"],
    ]
    assert content.SENTENCE_END is SENTENCE_END


def test_mr_smith_ends_no_statement_sentence_for_the_negation_check() -> None:
    # the former markers definition ended a sentence at "Mr.": the statement read as two
    # sentences and the report's repeated negation was never recognised as a retelling
    statement = "Mr. Smith said the town was not flooded."
    report = "Residents said the town was not flooded. The river never rose."
    at = report.index("never")
    d = Difference("negation", "", "never", None, (at, at + 5), "negation")
    ctx = DiffContext(statement, report, None, None, load_lexicon())
    assert _retold_twice(d, ctx, negation_mentions(statement))


def test_mr_smith_ends_no_report_sentence_for_modality() -> None:
    # the former modality definition ended a sentence at "Mr.": "will complete" stood in a
    # sentence of its own, apart from the "hopes" that keeps the statement's hope
    hope = next(s for s in SHIFTS if s.name == "hope")
    assert _own_firm("The minister hopes Mr. Smith will complete the road.", hope) is None
    assert _own_firm("The minister hopes. It will be completed in May.", hope) is not None
