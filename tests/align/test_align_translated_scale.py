"""Margins read through a statement's English text are put on the cross-lingual scale
(``AlignParams.translated_scale``, ``on_cross_lingual_scale``): a faithful translation must not
let more unrelated sentences through than the original alone."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import STRICT, CountingEmbedder
from workbench.align import CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, on_cross_lingual_scale
from workbench.align.units import Units, clause_links
from workbench.errors import UserInputError
from workbench.types import ReportRef, StatementRef

SENTENCES = replace(STRICT, units="sentence", floor=0.0, min_report_words=0)


def test_only_the_rows_of_statements_with_an_english_text_are_divided() -> None:
    margins = np.array([[1.05, 1.0], [1.05, 1.0]], dtype=np.float32)
    has_tr = np.array([True, False])
    out = on_cross_lingual_scale(margins, has_tr, replace(STRICT, translated_scale=1.05))
    assert out[0] == pytest.approx([1.0, 1.0 / 1.05])
    assert out[1] == pytest.approx([1.05, 1.0])
    assert margins[0, 0] == pytest.approx(1.05)  # the input is not changed in place
    assert on_cross_lingual_scale(margins, has_tr, STRICT) is margins  # scale 1: as they are


def test_a_statement_read_through_its_translation_needs_a_clearer_margin() -> None:
    # The same English once as a statement's own text (no translation) and once as the
    # translation of a statement in other words: at scale 1 both link the report sentence.
    report = [ReportRef(0, "alpha beta gamma delta epsilon", "a")]
    plain = [StatementRef(0, "alpha beta gamma delta zeta", None)]
    translated = [StatementRef(0, "xi omicron pi rho", "alpha beta gamma delta zeta")]
    embedder = CachingEmbedder(CountingEmbedder())
    for statements in (plain, translated):
        got = align(statements, report, embedder, params=SENTENCES)
        assert [a.statement.index for a in got.alignments] == [0]
    margin = align(translated, report, embedder, params=SENTENCES).alignments[0].score
    assert SENTENCES.threshold <= margin < 2
    scaled = replace(SENTENCES, translated_scale=min(1.99, margin / SENTENCES.threshold + 0.01))
    assert align(translated, report, embedder, params=scaled).alignments == ()
    kept = align(plain, report, embedder, params=scaled)  # no English text: nothing changes
    assert [a.statement.index for a in kept.alignments] == [0]
    assert kept.alignments[0].score == pytest.approx(margin, abs=1e-3)
    assert "|trscale:" in align(plain, report, embedder, params=scaled).signature


def test_clause_units_of_a_translated_statement_are_scaled_too() -> None:
    vec = np.eye(3, dtype=np.float32)
    st = Units(
        vectors=vec[[0, 1]],
        owner=np.array([0, 0]),
        spans=((0, 10), (0, 4)),
        views=("translation", "translation"),
        clause=np.array([False, True]),
    )
    rp = Units(
        vectors=vec[[1]],
        owner=np.array([0]),
        spans=((0, 5),),
        views=("report",),
        clause=np.array([False]),
    )
    found = clause_links(st, rp, 1, 1, k=2, prior=0.5, threshold=1.2, floor=0.5)
    assert [(f.statement, f.statement_span) for f in found] == [(0, (0, 4))]
    # cosine 1 over neighbourhoods of (1 + 0.5) / 2 on both sides
    assert found[0].score == pytest.approx(4 / 3)
    scale = np.array([1.2, 1.2], dtype=np.float32)
    assert clause_links(st, rp, 1, 1, k=2, prior=0.5, threshold=1.2, floor=0.5, scale=scale) == []


def test_the_signature_names_the_scale_only_when_it_is_not_one() -> None:
    assert "trscale" not in STRICT.signature_fields()
    assert "|trscale:1.010" in replace(STRICT, translated_scale=1.01).signature_fields()


def test_a_bad_scale_is_one_clear_sentence() -> None:
    for bad in (0.99, 0.0, 2.0, -1.0):
        with pytest.raises(UserInputError, match="translated_scale of the aligner must be 1"):
            replace(STRICT, translated_scale=bad)


def test_the_calibrated_scale_is_in_range() -> None:
    assert 1 <= CALIBRATIONS["e5-small"].translated_scale < 2
