"""The lone clause floor: a report sentence whose only link was made through a clause must still
read like that statement as a whole (``AlignParams.lone_floor``, ``lone_clauses_kept``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import STRICT, CountingEmbedder
from workbench.align import CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, _Found, lone_clauses_kept
from workbench.errors import UserInputError
from workbench.pipeline.anchors import TextAnchors
from workbench.types import ReportRef, StatementRef

#: Whole-sentence cosines, 2 statements × 3 report sentences.
FULL = np.array([[0.79, 0.85, 0.70], [0.81, 0.70, 0.78]], dtype=np.float32)


def test_a_clause_link_that_is_its_sentences_only_link_needs_the_whole_sentence_cosine() -> None:
    links = {
        (0, 0): _Found(1.03, "clause"),  # only link of sentence 0, cosine 0.79: dropped
        (0, 1): _Found(1.03, "clause"),  # only link of sentence 1, cosine 0.85: kept
    }
    kept = lone_clauses_kept(links, FULL, replace(STRICT, lone_floor=0.82))
    assert set(kept) == {(0, 1)}
    assert kept[(0, 1)] is links[(0, 1)]


def test_a_sentence_link_or_a_merged_retelling_is_never_held_to_the_floor() -> None:
    params = replace(STRICT, lone_floor=0.82)
    whole = {(0, 0): _Found(1.05, "sentence")}  # a whole-sentence link at cosine 0.79 stays
    assert lone_clauses_kept(whole, FULL, params) == whole
    merged = {(0, 2): _Found(1.03, "clause"), (1, 2): _Found(1.03, "clause")}  # 0.70 and 0.78
    assert lone_clauses_kept(merged, FULL, params) == merged


def test_floor_zero_keeps_every_link_and_the_signature_names_it_only_when_on() -> None:
    links = {(0, 0): _Found(1.03, "clause")}
    assert lone_clauses_kept(links, FULL, STRICT) == links
    assert "lone:" not in STRICT.signature_fields()
    assert "|lone:0.820" in replace(STRICT, lone_floor=0.82).signature_fields()
    assert CALIBRATIONS["e5-small"].lone_floor == 0.82


def test_a_bad_lone_floor_is_one_clear_sentence() -> None:
    for bad in (-0.1, 1.5):
        with pytest.raises(UserInputError, match="lone_floor of the aligner must be between 0"):
            replace(STRICT, lone_floor=bad)
        with pytest.raises(UserInputError, match="lone_figures of the aligner must be between 0"):
            replace(STRICT, lone_figures=bad)


def test_a_lone_clause_link_that_carries_the_statements_figures_is_spared() -> None:
    links = {(0, 0): _Found(1.03, "clause")}  # only link of sentence 0, cosine 0.79
    figures = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float32)
    spare = replace(STRICT, lone_floor=0.82, lone_figures=0.5)
    assert lone_clauses_kept(links, FULL, spare, figures) == links
    assert lone_clauses_kept(links, FULL, spare, figures * 0.4) == {}  # under half: dropped
    assert lone_clauses_kept(links, FULL, spare) == {}  # no anchors, no figures: dropped
    off = replace(STRICT, lone_floor=0.82)  # lone_figures 0: the figure spares nothing
    assert lone_clauses_kept(links, FULL, off, figures) == {}


def test_lone_figures_is_named_only_with_the_floor_on() -> None:
    assert "lfig:" not in replace(STRICT, lone_floor=0.82).signature_fields()
    assert "lfig:" not in replace(STRICT, lone_figures=0.5).signature_fields()  # floor off
    on = replace(STRICT, lone_floor=0.82, lone_figures=0.5).signature_fields()
    assert "|lone:0.820|lfig:0.50" in on
    assert CALIBRATIONS["e5-small"].lone_figures == 0.5


def test_align_drops_an_on_topic_sentence_whose_one_clause_reads_like_a_statement_clause() -> None:
    # Bag-of-words vectors: the report's first clause is the statement's first clause word for
    # word, the rest of the sentence shares nothing with the statement.
    statements = [
        StatementRef(0, "alpha beta gamma delta, epsilon zeta eta theta iota kappa", None),
        StatementRef(1, "lambda mu nu xi omicron pi rho sigma", None),
    ]
    background = [ReportRef(0, "alpha beta gamma delta, tau upsilon phi chi psi omega", "a")]
    embedder = CachingEmbedder(CountingEmbedder())
    off = align(statements, background, embedder, params=STRICT)
    assert [(a.statement.index, link.unit) for a in off.alignments for link in a.links] == [
        (0, "clause")
    ]
    cosine = float(
        embedder.embed([statements[0].text])[0] @ embedder.embed([background[0].text])[0]
    )
    assert cosine < 0.8  # the whole sentence does not read like the statement
    on = align(statements, background, embedder, params=replace(STRICT, lone_floor=0.8))
    assert on.alignments == () and [r.index for r in on.unmatched_reports] == [0]
    assert "|lone:0.800" in on.signature
    # The same clause in a sentence that is mostly the statement keeps its link.
    retold = [ReportRef(0, "alpha beta gamma delta, epsilon zeta eta theta iota", "a")]
    kept = align(statements, retold, embedder, params=replace(STRICT, lone_floor=0.8))
    assert [a.statement.index for a in kept.alignments] == [0]


def test_align_keeps_a_lone_clause_link_whose_sentence_carries_the_statements_figure() -> None:
    # The report's first clause is the statement's; the rest is its own, but it carries the
    # statement's figure (a merged retelling whose other part retells nothing found).
    statements = [
        StatementRef(0, "alpha beta gamma delta, epsilon zeta eta theta iota kappa 164", None),
        StatementRef(1, "lambda mu nu xi omicron pi rho sigma", None),
    ]
    embedder = CachingEmbedder(CountingEmbedder())
    floor = replace(STRICT, lone_floor=0.8)
    spare = replace(floor, lone_figures=0.5)
    figure = [ReportRef(0, "alpha beta gamma delta, tau upsilon phi chi psi omega 164", "a")]
    plain = [ReportRef(0, "alpha beta gamma delta, tau upsilon phi chi psi omega", "a")]
    anchors = TextAnchors()
    assert align(statements, figure, embedder, params=floor, anchors=anchors).alignments == ()
    kept = align(statements, figure, embedder, params=spare, anchors=anchors)
    assert [(a.statement.index, link.unit) for a in kept.alignments for link in a.links] == [
        (0, "clause")
    ]
    assert "|lone:0.800|lfig:0.50" in kept.signature
    assert align(statements, plain, embedder, params=spare, anchors=anchors).alignments == ()
    # Without anchors nothing reads the figure: the floor drops the link.
    assert align(statements, figure, embedder, params=spare).alignments == ()
