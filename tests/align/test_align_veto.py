"""The word veto: a link found below the sentence pass (a clause match or an echo) to a statement
with an English text stands only when the report sentence carries some of that text's content
words (``AlignParams.word_veto``, ``vetoed``, ``Anchors.shared_words``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import LOOSE, STRICT, CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, _Found, vetoed
from workbench.errors import UserInputError
from workbench.pipeline.anchors import TextAnchors
from workbench.types import ReportRef, StatementRef

BASE = AlignParams(threshold=1.02, floor=0.8, secondary=9.0, gain=0.0, prior=0.8, word_veto=0.1)

STATEMENTS = [
    StatementRef(
        0,
        "Вчера министр сообщил, что завод закроют до конца года из-за долгов.",
        "Yesterday the minister announced that the factory will close by the end of the year "
        "because of its debts.",
    ),
    StatementRef(1, "Министр сообщил, что завод закроют.", None),  # no English text
]
REPORTS = [
    # Retells a clause of statement 0 in other words but keeps some of them.
    ReportRef(0, "The factory is to shut before the year is out, the minister said.", "a"),
    # On-topic background: reads like a clause, shares none of the statement's content words.
    ReportRef(1, "Thousands of people in the town depend on the plant for work.", "a"),
]


def test_shared_words_counts_the_statement_texts_content_words_in_the_report() -> None:
    anchors = TextAnchors()
    retold, background, empty = anchors.shared_words(
        [
            (STATEMENTS[0].translation or "", REPORTS[0].text),
            (STATEMENTS[0].translation or "", REPORTS[1].text),
            ("It is of the.", REPORTS[1].text),  # function words only
        ]
    )
    assert retold[1] == background[1] >= 8  # yesterday, minister, announced, factory, ...
    assert 2 <= retold[0] < retold[1]  # factory, minister, year
    assert background[0] == 0
    assert empty == (0, 0)
    assert anchors.shared_words([]) == []


def test_a_clause_link_to_a_sentence_sharing_no_word_of_the_translation_is_dropped() -> None:
    found = {(0, 0): _Found(1.03, "clause"), (0, 1): _Found(1.03, "clause")}
    kept = vetoed(STATEMENTS, REPORTS, found, TextAnchors(), BASE)
    assert set(kept) == {(0, 0)}
    assert kept[(0, 0)] is found[(0, 0)]


def test_a_short_english_text_is_never_vetoed() -> None:
    short = [StatementRef(0, "Мнения разные.", "Opinions are various and voiced.")]
    found = {(0, 1): _Found(1.03, "clause")}
    assert vetoed(short, REPORTS, found, TextAnchors(), BASE) == found  # 3 words < veto_least
    assert vetoed(short, REPORTS, found, TextAnchors(), replace(BASE, veto_least=3)) == {}


def test_no_english_text_no_anchors_or_no_veto_leave_every_link() -> None:
    found = {(1, 1): _Found(1.03, "clause")}  # statement 1 has no translation
    assert vetoed(STATEMENTS, REPORTS, found, TextAnchors(), BASE) == found
    both = {(0, 1): _Found(1.03, "clause")}
    assert vetoed(STATEMENTS, REPORTS, both, None, BASE) == both
    assert vetoed(STATEMENTS, REPORTS, both, TextAnchors(), replace(BASE, word_veto=0.0)) == both


def test_the_signature_names_the_veto_only_when_on() -> None:
    assert "|veto:0.100|vleast:5" in BASE.signature_fields()
    assert "veto:" not in replace(BASE, word_veto=0.0).signature_fields()
    assert CALIBRATIONS["e5-small"].word_veto == 0.1


def test_a_bad_veto_share_is_one_clear_sentence() -> None:
    for bad in (-0.1, 1.5):
        with pytest.raises(UserInputError, match="word_veto of the aligner must be between 0"):
            replace(BASE, word_veto=bad)
    with pytest.raises(UserInputError, match="veto_least of the aligner must be 0 or more"):
        replace(BASE, veto_least=-1)


class _SynonymEmbedder(CountingEmbedder):
    """Bag of words in which each Hebrew letter name reads as its Greek one: a report can
    match a statement clause while sharing none of its words."""

    name = "synonyms"
    SAME = {"alef": "alpha", "bet": "beta", "gimel": "gamma", "dalet": "delta", "he": "epsilon"}

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return super()._embed_batch(
            [" ".join(self.SAME.get(w, w) for w in t.lower().rstrip(".").split()) for t in texts]
        )


def test_align_vetoes_a_clause_link_with_no_word_of_the_translation() -> None:
    embedder = CachingEmbedder(_SynonymEmbedder())
    translation = "North south east west centre; alpha beta gamma delta epsilon."
    statements = [StatementRef(0, "[text withheld]", translation)]
    echoed = [ReportRef(0, "Alef bet gimel dalet he.", "wire")]  # same meaning, no shared word
    kept = [ReportRef(0, "Alpha beta gamma delta epsilon.", "wire")]
    anchors = TextAnchors()
    off = align(statements, echoed, embedder, params=STRICT, anchors=anchors)
    assert [link.unit for link in off.alignments[0].links] == ["clause"]
    on = align(statements, echoed, embedder, params=replace(STRICT, word_veto=0.1), anchors=anchors)
    assert on.alignments == () and [r.index for r in on.unmatched_reports] == [0]
    assert "|veto:0.100" in on.signature
    still = align(
        statements, kept, embedder, params=replace(STRICT, word_veto=0.1), anchors=anchors
    )
    assert len(still.alignments) == 1  # half of the translation's words: the link stands


# An echo link (a headline that compresses what its own body and another outlet retell) goes
# through the veto too: bag-of-words vectors, whole sentences only (as tests/align/test_align_echo).
ECHO_STATEMENTS = [
    StatementRef(0, "[text withheld]", "alpha beta gamma delta epsilon foxtrot"),
    StatementRef(1, "[text withheld]", "golf hotel india juliet kilo lima"),
    StatementRef(2, "[text withheld]", "mike november oscar papa quebec romeo"),
]


def _echo_pairs(headline: str, params: AlignParams) -> set[tuple[int, int]]:
    reports = [
        ReportRef(0, "alpha beta gamma delta epsilon foxtrot", "a"),  # body: the statement
        ReportRef(1, headline, "a"),
        ReportRef(2, "alpha beta gamma delta epsilon foxtrot tango", "b"),  # another outlet
    ]
    embedder = CachingEmbedder(_SynonymEmbedder())
    # The body sentence repeats statement 0 and sits at ratio margin 2.0 exactly (cosine 1 over
    # the mean of 2/3 and 1/3 of its neighbourhoods) — LOOSE's threshold: a float tie that one
    # numpy build rounds up and another down. A threshold just under it links the body on every
    # build; the headline (margin 1.76) still needs the echo pass.
    params = replace(params, threshold=1.9)
    result = align(ECHO_STATEMENTS, reports, embedder, params=params, anchors=TextAnchors())
    return {(a.statement.index, r.index) for a in result.alignments for r in a.reports}


def test_an_echo_link_sharing_no_word_of_the_translation_is_vetoed() -> None:
    synonyms = "alef bet gimel dalet he sierra"  # reads as the statement, shares no word of it
    assert _echo_pairs(synonyms, LOOSE) == {(0, 0), (0, 1), (0, 2)}
    assert _echo_pairs(synonyms, replace(LOOSE, word_veto=0.1)) == {(0, 0), (0, 2)}
    words = "alpha beta gamma delta epsilon sierra"  # five of its six words: the echo stands
    assert _echo_pairs(words, replace(LOOSE, word_veto=0.1)) == {(0, 0), (0, 1), (0, 2)}


def test_the_sentence_veto_drops_a_whole_sentence_link_too() -> None:
    """``sentence_veto`` (session 13; off in the calibration): any link, whole-sentence links
    included, to a statement with an English text needs that share of its content words."""
    embedder = CachingEmbedder(_SynonymEmbedder())
    statements = [StatementRef(0, "[text withheld]", "Alpha beta gamma delta epsilon.")]
    synonyms = [ReportRef(0, "Alef bet gimel dalet he.", "wire")]  # same meaning, no shared word
    anchors = TextAnchors()
    word_only = align(statements, synonyms, embedder, params=STRICT, anchors=anchors)
    assert [link.unit for link in word_only.alignments[0].links] == ["sentence"]
    strict = replace(STRICT, sentence_veto=0.2)
    vetoed_all = align(statements, synonyms, embedder, params=strict, anchors=anchors)
    assert vetoed_all.alignments == () and [r.index for r in vetoed_all.unmatched_reports] == [0]
    assert "|sveto:0.200" in vetoed_all.signature
    assert "sveto" not in word_only.signature
    kept = [ReportRef(0, "Alpha beta gamma delta epsilon.", "wire")]
    assert len(align(statements, kept, embedder, params=strict, anchors=anchors).alignments) == 1
    assert CALIBRATIONS["e5-small"].sentence_veto == 0.0


def test_a_bad_sentence_veto_is_one_clear_sentence() -> None:
    for bad in (-0.1, 1.5):
        with pytest.raises(UserInputError, match="sentence_veto of the aligner must be between 0"):
            replace(BASE, sentence_veto=bad)
