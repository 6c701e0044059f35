"""A link only an analyst made reads as such, not as "score 0.00" (ux12's walk, session 12).

The walk linked an unmatched statement of a five-outlet case to a report sentence by hand; the
Aligned pairs view, the HTML and the Markdown report then said "alignment score 0.00" and
"score 0.00" — the words of a link the aligner judged unlike — beside the "analyst link" badge.
"""

from __future__ import annotations

from workbench.view import html, markdown
from workbench.view.model import (
    CompareView,
    PairView,
    ReportSentence,
    Retelling,
    StatementInfo,
    ViewFilters,
    link_words,
)

INFO = StatementInfo(0, 1, 1, "st-ru", "Ministry", "Текст заявления.", "The statement text.")


def _retelling(score: float, by_analyst: bool, doc: str = "wire-en") -> Retelling:
    sentence = ReportSentence(3, 4, doc, "A report sentence.")
    return Retelling(doc, "Wire", "foreign", (sentence,), sentence.text, score, (), 0, by_analyst)


def _view(pair: PairView) -> CompareView:
    return CompareView(
        "c", "Case", "", "sig", ViewFilters(), (), (pair,), (), (), (), (), (), (), ()
    )


def test_a_link_only_an_analyst_made_says_so_everywhere() -> None:
    pair = PairView(INFO, (_retelling(0.0, True),), 0.0)
    assert pair.score_words == "linked by an analyst"
    for text in (html.pairs_html(_view(pair)), markdown.view_markdown(_view(pair))):
        assert "score 0.00" not in text
        assert "linked by an analyst" in text and "analyst link" in text


def test_the_aligners_links_keep_their_scores() -> None:
    aligned = PairView(INFO, (_retelling(1.05, False),), 1.05)
    assert aligned.score_words == "alignment score 1.05"
    # an analyst's link beside the aligner's: the alignment has the aligner's score
    mixed = PairView(INFO, (_retelling(1.05, False), _retelling(1.05, True, "tv-en")), 1.05)
    assert mixed.score_words == "alignment score 1.05"
    text = html.pairs_html(_view(mixed))
    assert "alignment score 1.05" in text and text.count("score 1.05)") == 2
    assert link_words(0.0, False) == "score 0.00"  # the aligner's own 0 stays a number
