"""Coverage cuts with the workbench's one clause cutter, the aligner's.

The translation audit in Compare reuses the clause vectors the aligner embedded only if both
stages cut a text alike; these tests fail when the faithfulness stage drifts to a cutter of its
own, and when clause spans and vectors that do not belong together reach the coverage features.
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.align.clauses import split_clauses as aligner_cut
from workbench.align.units import statement_clauses
from workbench.errors import UserInputError
from workbench.faithfulness import ClauseVectors, clauses, features
from workbench.faithfulness.coverage import CLAUSE_MAX, CLAUSE_MIN_WORDS, punctuation_clauses
from workbench.types import StatementRef

TEXTS = [
    "The president said that order would be restored, and the airport would reopen soon.",
    "Президент заявил, что порядок будет восстановлен, а аэропорт скоро откроется.",
    "Президент тәртіп қалпына келтірілетінін айтты, ал әуежай жақында ашылады деді.",
    "Президент тартип калыбына келтирилерин айтты, бирок аэропорт жакында ачылат.",
    "According to the ministry, 164 people died; «the riots were organised», he said.",
    "The meeting was held in Astana.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_coverage_cuts_as_the_aligner_cuts(text: str) -> None:
    cut = aligner_cut(text)
    if cut:
        assert clauses(text) == [c.span for c in cut]
    else:  # one clause: the whole sentence, the text the aligner embeds for it
        assert clauses(text) == [(0, len(text))]


def test_the_aligner_uses_the_options_coverage_cuts_with() -> None:
    from workbench.align import params_for
    from workbench.align.embedders import E5Embedder

    params = params_for(E5Embedder(), None)  # the bundled embedder Compare aligns with
    assert (params.min_words, params.max_clauses) == (CLAUSE_MIN_WORDS, CLAUSE_MAX)
    st = [StatementRef(index=0, text=TEXTS[1], translation=TEXTS[0])]
    cut = statement_clauses(st, params.min_words, params.max_clauses)
    assert [c.text for _, _, c in cut] == [TEXTS[0][a:b] for a, b in clauses(TEXTS[0])]


def test_the_new_cut_differs_from_the_old_punctuation_cut_where_clause_words_begin() -> None:
    # "that" begins a clause for the shared cutter, not for the punctuation cut the
    # faithfulness benchmark still drops clauses by
    text = "Officials in the capital said that order would be restored, and the culprits punished."
    assert [text[a:b] for a, b in clauses(text)] == [
        "Officials in the capital said",
        "that order would be restored",
        "and the culprits punished.",
    ]
    assert [text[a:b] for a, b in punctuation_clauses(text)] == [
        "Officials in the capital said that order would be restored",
        "and the culprits punished.",
    ]


def test_blank_text_has_no_clause() -> None:
    assert clauses("") == [] and clauses("   ") == []


def _unit(rows: int, dim: int = 4) -> np.ndarray:
    v = np.ones((rows, dim), dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_mismatched_spans_and_vectors_give_one_clear_error() -> None:
    with pytest.raises(UserInputError, match="source has 2 clause spans but 1 clause vectors"):
        ClauseVectors(((0, 3), (4, 9)), _unit(1), ((0, 5),), _unit(1))
    with pytest.raises(UserInputError, match="translation has 1 clause spans but 3"):
        ClauseVectors(((0, 3),), _unit(1), ((0, 5),), _unit(3))
    with pytest.raises(UserInputError, match="4 dimensions and the translation's 8"):
        ClauseVectors(((0, 3),), _unit(1), ((0, 5),), _unit(1, 8))
    with pytest.raises(UserInputError, match="0 clause vectors"):
        ClauseVectors(((0, 3),), np.zeros(4, dtype=np.float32), ((0, 5),), _unit(1))


def test_matching_spans_and_vectors_are_read() -> None:
    v = ClauseVectors(((0, 3), (4, 9)), _unit(2), ((0, 5),), _unit(1))
    got = features(v)
    assert got is not None and got.similarity == pytest.approx(1.0, abs=1e-5)
    assert features(ClauseVectors((), np.zeros((0, 0)), ((0, 5),), _unit(1))) is None
