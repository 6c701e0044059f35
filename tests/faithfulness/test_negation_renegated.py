"""A dropped source negation confirmed from the English side (session 13, fneg13).

When the source without its negation reads closer to the translation, but by less than
``NEGATION_MARGIN``, the English is given back a "not" after one of its auxiliaries ("was at"
→ "was not at"); if a variant reads closer to the source by more than ``RENEGATED_MARGIN``
(whole sentences), the "not" was lost: the weak issue is made strong. A source-side shift
at or below ``RENEGATED_FLOOR`` (no movement, or away from the English) asks for nothing more.
Vectors are a table; sentences are invented.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.faithfulness.helpers import TableEmbedder as _Table
from tests.faithfulness.helpers import unit as _unit
from workbench.faithfulness import ClauseVectors
from workbench.faithfulness.base import issue
from workbench.faithfulness.markers import (
    NEGATION_MARGIN,
    NEGATION_SIGNATURE,
    RENEGATED_FLOOR,
    RENEGATED_MARGIN,
    confirm_negations,
    negated_english,
)


def test_a_not_goes_after_each_auxiliary_in_turn() -> None:
    text = "The plant was closed in May and will reopen when it can."
    assert negated_english(text) == [
        "The plant was not closed in May and will reopen when it can.",
        "The plant was closed in May and will not reopen when it can.",
        "The plant was closed in May and will reopen when it can not.",
    ]
    assert negated_english(text, limit=1) == [negated_english(text)[0]]


@pytest.mark.parametrize(
    "text",
    [
        "The plant was not closed.",  # negated already
        "The plant wasn't closed.",
        "The plant cannot reopen.",
        "They never came.",
        "He did go to the meeting.",  # do/does/did: a lost "not" leaves the bare verb
        "The minister's decision stands.",  # no auxiliary
        "",
    ],
)
def test_no_variant_where_the_english_has_no_free_auxiliary(text: str) -> None:
    assert negated_english(text) == []


SOURCE = "Министр келмеді."
AFFIRMED = "Министр келді."
ENGLISH = "The minister was at the meeting."
NEGATED = "The minister was not at the meeting."


def _run(rows: dict[str, np.ndarray]) -> tuple[list[list], _Table]:
    weak = issue("negation", SOURCE, ENGLISH, (8, 15), None, "1 negation(s) in the source", 0.6)
    vec = ClauseVectors(((0, 16),), np.stack([rows[SOURCE]]), ((0, 32),), np.stack([rows[ENGLISH]]))
    table = _Table(rows)
    return confirm_negations([SOURCE], [ENGLISH], "kk", [[weak]], [vec], table), table


def _rows(affirmed: np.ndarray, negated: np.ndarray) -> dict[str, np.ndarray]:
    return {SOURCE: _unit(1, 0.5, 0), ENGLISH: _unit(1, 1, 0), AFFIRMED: affirmed, NEGATED: negated}


def test_a_small_source_shift_is_confirmed_by_the_english_given_its_not() -> None:
    rows = _rows(_unit(1, 0.55, 0), _unit(1, 0.5, 0))
    shift = float(rows[AFFIRMED] @ rows[ENGLISH] - rows[SOURCE] @ rows[ENGLISH])
    assert RENEGATED_FLOOR < shift <= NEGATION_MARGIN  # the source side alone is not enough
    back = float(rows[NEGATED] @ rows[SOURCE] - rows[ENGLISH] @ rows[SOURCE])
    assert back > RENEGATED_MARGIN
    (out,), table = _run(rows)
    assert out[0].severity == 1.0
    assert "with a 'not' reads closer to the source" in out[0].note
    assert table.calls == [[AFFIRMED], [NEGATED]]  # the clause, then the variant


def test_an_english_that_does_not_move_keeps_the_issue_weak() -> None:
    (out,), _ = _run(_rows(_unit(1, 0.55, 0), _unit(1, 1, 0)))
    assert out[0].severity == 0.6


def test_a_source_shift_below_the_floor_embeds_no_variant() -> None:
    # the affirmed source moves away from the English: a negation rendered by another word
    (out,), table = _run(_rows(_unit(1, 0.2, 0), _unit(1, 0.5, 0)))
    assert out[0].severity == 0.6
    assert table.calls == [[AFFIRMED]]


def test_the_signature_names_the_english_side_margin() -> None:
    assert f"renegated>{RENEGATED_MARGIN:g}" in NEGATION_SIGNATURE
