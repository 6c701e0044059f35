"""An added English negation by meaning (session 11): with an embedder, a negated verb of a
translation with no strong negation issue is made affirmative ("was not" → "was"); when the
English then reads closer to the source, as its clause and as a whole sentence, by more than
:data:`NEGATION_MARGIN`, the "not" is in excess (strong). It reaches the "not" added beside a
source negation the English renders by another word («туура эмес» "not right" → "false"), where
counting negations cannot tell which English negation is the source's. Sentences are invented,
in the style of official news."""

from __future__ import annotations

import numpy as np
import pytest

from tests.faithfulness.helpers import TableEmbedder as _Table
from tests.faithfulness.helpers import negation_severities as _negation
from tests.faithfulness.helpers import unit as _unit
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder
from workbench.faithfulness import ClauseVectors
from workbench.faithfulness.base import issue
from workbench.faithfulness.markers import (
    NEGATION_MARGIN,
    added_shift,
    affirmed_english,
    confirm_negations,
)


@pytest.fixture(scope="module")
def e5() -> CachingEmbedder:
    return CachingEmbedder(E5Embedder(), None)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("It was not developed here.", (3, 10), "It was developed here."),
        ("He didn't go.", (3, 9), "He did go."),
        ("Won't stop.", (0, 5), "Will stop."),
        ("They can't stay.", (5, 10), "They can stay."),
        ("We cannot say.", (3, 9), "We can say."),
        ("He has never been there.", (7, 12), "He has been there."),
        ("Never again.", (0, 5), "again."),
        ("It isn’t so.", (3, 8), "It is so."),
        ("No one came.", (0, 2), None),  # a negative determiner: no negated verb
    ],
)  # fmt: skip
def test_a_negated_verb_is_made_affirmative(
    text: str, span: tuple[int, int], expected: str | None
) -> None:
    assert affirmed_english(text, span) == expected


ADDED = [
    # the source's negation is rendered by "false"; the added "not" counts as its rendering
    ("ky", "Бул билдирүү толугу менен туура эмес.", "This statement is not completely false."),
    # "bad" may render a negation («не хорошая»): the count lets the "not" pass
    ("ru", "Ситуация очень плохая.", "It is not very bad."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), ADDED)
def test_a_not_added_beside_a_rendered_negation_is_certain_by_meaning(
    e5: CachingEmbedder, src: str, source: str, translation: str
) -> None:
    assert _negation(source, translation, src, None) == []
    assert _negation(source, translation, src, e5) == [1.0]


FAITHFUL = [
    ("ky", "Бул билдирүү толугу менен туура эмес.", "This statement is completely false."),
    ("kk", "Министр жиналысқа келмеді.", "The minister did not come to the meeting."),
    ("ky", "Министр жыйынга келген жок.", "The minister did not come to the meeting."),
    ("ru", "Министр не пришёл на встречу.", "The minister did not come to the meeting."),
    ("kk", "Бұл жол қауіпсіз емес.", "This road is not safe."),
    ("ru", "Завод в этом году не работал.", "The plant did not work this year."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "source", "translation"), FAITHFUL)
def test_a_negation_the_source_has_is_left_alone(
    e5: CachingEmbedder, src: str, source: str, translation: str
) -> None:
    assert _negation(source, translation, src, e5) == []


def test_the_shift_is_the_best_source_clause_cosine_gained_by_affirming() -> None:
    v = ClauseVectors(((0, 5), (6, 10)), np.stack([_unit(1, 0, 0), _unit(0, 1, 0)]),
                      ((0, 8),), np.stack([_unit(1, 0, 1)]))  # fmt: skip
    assert added_shift(v, 0, _unit(1, 0, 0)) == pytest.approx(1.0 - np.sqrt(0.5))
    assert added_shift(v, 0, _unit(0, 0, 1)) == pytest.approx(-np.sqrt(0.5))


SOURCE = "Министр келді."


def _pair(translation: str) -> ClauseVectors:
    """One clause a side: the source along (1, 0, 0), the translation along (1, 1, 0)."""
    return ClauseVectors(((0, len(SOURCE)),), np.stack([_unit(1, 0, 0)]),
                         ((0, len(translation)),), np.stack([_unit(1, 1, 0)]))  # fmt: skip


def test_confirm_negations_adds_a_strong_issue_by_the_shift_in_one_clause_call() -> None:
    source = SOURCE
    closer, away = "The minister did not come.", "The minister was not late."
    table = _Table({
        "The minister did come.": _unit(1, 0.5, 0),  # closer to the source than (1, 1, 0)
        "The minister was late.": _unit(0, 0, 1),
    })  # fmt: skip
    out = confirm_negations([source, source], [closer, away], "kk", [[], []],
                            [_pair(closer), _pair(away)], table)  # fmt: skip
    # one call for the affirmed clauses (here each is its sentence, so no second call: the
    # pair's own sentences are their clauses)
    assert table.calls == [["The minister did come.", "The minister was late."]]
    (found,) = out[0]
    assert (found.kind, found.severity, found.translation) == ("negation", 1.0, "did not")
    assert "closer to the source without 'did not'" in found.note
    assert out[1] == []


def test_a_weak_added_negation_is_promoted_and_a_strong_one_is_not_read() -> None:
    source, translation = SOURCE, "The minister did not come."
    table = _Table({"The minister did come.": _unit(1, 0.5, 0)})
    weak = issue("negation", source, translation, None, (13, 20), "1 negation(s)", 0.6)
    strong = issue("negation", source, translation, None, (13, 20), "1 negation(s)", 1.0)
    given = [[weak], [strong]]
    out = confirm_negations([source, source], [translation, translation], "kk", given,
                            [_pair(translation), _pair(translation)], table)  # fmt: skip
    assert [i.severity for i in out[0]] == [1.0]
    assert out[0][0].note.startswith("1 negation(s); the translation reads closer")
    assert out[1] == [strong]
    assert given == [[weak], [strong]]  # the input is left as it was
    assert table.calls == [["The minister did come."]]


def test_a_shift_at_the_margin_is_not_enough() -> None:
    source, translation = SOURCE, "The minister did not come."
    before = float(_unit(1, 0, 0) @ _unit(1, 1, 0))
    # an affirmed clause exactly NEGATION_MARGIN closer than the English as written
    angle = np.arccos(before + NEGATION_MARGIN)
    row = np.array([np.cos(angle), np.sin(angle), 0], dtype=np.float32)
    table = _Table({"The minister did come.": row})
    out = confirm_negations([source], [translation], "kk", [[]], [_pair(translation)], table)
    assert out == [[]]
