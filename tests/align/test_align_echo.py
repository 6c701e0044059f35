"""Echo links: a headline or lead that compresses a retelling its own article and another outlet
already carry is linked to the same statement (``AlignParams.echo_*``, ``echo_links``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.align.conftest import LOOSE, CountingEmbedder
from workbench.align import AlignParams, CachingEmbedder, align
from workbench.align.aligner import CALIBRATIONS, _Found, echo_links
from workbench.errors import UserInputError
from workbench.types import ReportRef, StatementRef

ECHO = {"echo_margin": 0.95, "echo_same": 0.9, "echo_other": 0.9}
BASE = AlignParams(threshold=1.02, floor=0.8, secondary=9.0, gain=0.0, prior=0.8, **ECHO)


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


# Report sentences of two outlets: 0 and 1 are outlet "a" (0 its body sentence, 1 its headline),
# 2 is outlet "b" carrying the same wire sentence, 3 is an on-topic sentence of "a".
REPORTS = [
    ReportRef(0, "body", "a"),
    ReportRef(1, "headline", "a"),
    ReportRef(2, "wire", "b"),
    ReportRef(3, "aside", "a"),
]
VECTORS = np.vstack(
    [
        _unit(1, 0, 0),
        _unit(1, 0.3, 0),  # cosine 0.958 with the body and the wire sentence
        _unit(1, 0, 0.1),
        _unit(1, 1, 1),  # cosine 0.58: on topic, reads like neither
    ]
)
LINKS = {(0, 0): _Found(1.05), (0, 2): _Found(1.04)}
BEST = {0: (0, 1.05), 1: (0, 0.99), 2: (0, 1.04), 3: (0, 0.99)}


def test_a_headline_echoing_its_body_and_another_outlet_joins_their_statement() -> None:
    found = echo_links(REPORTS, VECTORS, BEST, LINKS, BASE)
    assert set(found) == {(0, 1)}
    assert found[(0, 1)].score == pytest.approx(0.99)  # the link keeps its own margin
    assert found[(0, 1)].unit == "sentence"


def test_one_confirmation_alone_is_not_enough() -> None:
    only_same = {(0, 0): _Found(1.05)}
    assert echo_links(REPORTS, VECTORS, BEST, only_same, BASE) == {}
    only_other = {(0, 2): _Found(1.04)}
    assert echo_links(REPORTS, VECTORS, BEST, only_other, BASE) == {}


def test_a_weak_best_margin_or_an_unretold_best_statement_gives_no_echo() -> None:
    weak = {**BEST, 1: (0, 0.94)}
    assert echo_links(REPORTS, VECTORS, weak, LINKS, BASE) == {}
    elsewhere = {**BEST, 1: (1, 0.99)}  # its best statement is one nobody retells
    assert echo_links(REPORTS, VECTORS, elsewhere, LINKS, BASE) == {}


def test_a_linked_sentence_keeps_its_links_and_an_echo_confirms_no_echo() -> None:
    found = echo_links(REPORTS, VECTORS, BEST, {**LINKS, (0, 1): _Found(1.03)}, BASE)
    assert found == {}  # the headline was linked already; the aside reads like nothing linked
    # A sentence that reads like the headline only (not like the linked body or wire) stays out
    # even though the headline itself becomes an echo link in the same pass.
    # The fourth sentence: cosine 0.94 with the headline, 0.8 with the body.
    chained = np.vstack([VECTORS[:3], _unit(1, 0.75, 0)])
    assert set(echo_links(REPORTS, chained, BEST, LINKS, BASE)) == {(0, 1)}


def test_bad_echo_constants_are_one_clear_sentence() -> None:
    for change in ({"echo_margin": -0.1}, {"echo_same": 1.5}, {"echo_other": -1.0}):
        with pytest.raises(UserInputError, match="echo_margin of the aligner must be 0"):
            replace(BASE, **change)  # type: ignore[arg-type]


def test_the_signature_names_the_echo_constants_only_when_on() -> None:
    assert "|echo:0.950|esame:0.900|eother:0.900" in BASE.signature_fields()
    assert "echo:" not in replace(BASE, echo_margin=0.0).signature_fields()
    assert CALIBRATIONS["e5-small"].echo_margin > 0  # the shipped constants use the pass


# Through align(): bag-of-words vectors (no model), whole sentences only.
STATEMENTS = [
    StatementRef(0, "alpha bravo charlie delta echo foxtrot"),
    StatementRef(1, "golf hotel india juliet kilo lima"),
    StatementRef(2, "mike november oscar papa quebec romeo"),
]
OUTLETS = [
    ReportRef(0, "alpha bravo charlie delta echo foxtrot", "a"),  # body: the statement itself
    ReportRef(1, "alpha bravo charlie delta echo sierra", "a"),  # headline: five of its six words
    ReportRef(2, "alpha bravo charlie delta echo foxtrot tango", "b"),  # another outlet's copy
]


def _pairs(reports: list[ReportRef], params: AlignParams) -> set[tuple[int, int]]:
    result = align(STATEMENTS, reports, CachingEmbedder(CountingEmbedder()), params=params)
    return {(a.statement.index, r.index) for a in result.alignments for r in a.reports}


def test_align_adds_echo_links_after_the_sentence_pass() -> None:
    assert _pairs(OUTLETS, replace(LOOSE, echo_margin=0.0)) == {(0, 0), (0, 2)}
    assert _pairs(OUTLETS, LOOSE) == {(0, 0), (0, 1), (0, 2)}
    assert _pairs(OUTLETS[:2], LOOSE) == {(0, 0)}  # no other outlet retells it: no echo
