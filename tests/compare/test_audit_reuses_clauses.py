"""The translation audit in Compare embeds no clause of a supplied translation a second time.

The aligner cuts every supplied translation into clauses and embeds them; the audit cuts with
the same cutter, so on the translation side it finds every vector in the embedder's cache and
only the originals' clauses are new. The audit's results are the same as an audit made with a
fresh embedder (vectors reused = vectors embedded again).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from workbench.align import align
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder
from workbench.faithfulness import clauses
from workbench.faithfulness.coverage import punctuation_clauses
from workbench.pipeline.compare import (
    audit_translations,
    case_at,
    case_reports,
    case_statements,
    compare_case,
)

ORIGINAL = (
    "Президент заявил, что порядок в городе будет восстановлен, а виновные будут наказаны.\n"
    "Аэропорт будет закрыт ещё 15 дней, потому что взлётная полоса повреждена.\n"
    "Совещание прошло в Астане.\n"
)
# Clause words ("that", "because") begin clauses the old punctuation cut kept whole, and a
# three-word frame ("the minister said") was a clause of its own for it.
OFFICIAL = (
    "Officials in the capital said that order in the city would be restored, and the culprits "
    "would be punished.\n"
    "The airport will stay closed for 15 more days, the minister said, because the runway "
    "was damaged.\n"
    "The meeting was held in Astana.\n"
)
WIRE = (
    "The president promised that order would be restored in the city. "
    "The airport will remain closed for two more weeks, officials said.\n"
)
CASE = """\
id = "reuse"
title = "Reuse"
licence = "CC0"

[[documents]]
id = "address-ru"
title = "An address"
outlet = "President"
outlet_type = "state"
language = "ru"
provenance = "original"
file = "address.ru.txt"
translation = "address.en.txt"
translation_provenance = "original"

[[documents]]
id = "wire-en"
title = "A wire"
outlet = "Wire"
outlet_type = "foreign"
language = "en"
provenance = "original"
file = "wire.en.txt"
"""


class _Recording(E5Embedder):
    """The bundled e5-small, recording the texts it is asked to embed (after the cache)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return super()._embed_batch(texts)


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reuse") / "reuse"
    folder.mkdir()
    (folder / "case.toml").write_text(CASE, encoding="utf-8")
    (folder / "address.ru.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "address.en.txt").write_text(OFFICIAL, encoding="utf-8")
    (folder / "wire.en.txt").write_text(WIRE, encoding="utf-8")
    return folder


def test_the_audit_embeds_no_translation_clause_the_aligner_embedded(case_dir: Path) -> None:
    case = case_at(case_dir)
    statements, reports = case_statements(case), case_reports(case)
    inner = _Recording()
    emb = CachingEmbedder(inner, None)
    align(statements, reports, emb)
    by_aligner = set(inner.seen)
    inner.seen.clear()
    audit_translations(statements, {"address-ru": "ru"}, emb)
    by_audit = set(inner.seen)
    english = {t[a:b] for t in OFFICIAL.splitlines() for a, b in clauses(t)}
    # the material tells the cutters apart: the old cut would have embedded new English texts
    old = {t[a:b] for t in OFFICIAL.splitlines() for a, b in punctuation_clauses(t)}
    assert old - by_aligner
    assert english <= by_aligner
    assert not by_audit & english
    originals = {t[a:b] for t in ORIGINAL.splitlines() for a, b in clauses(t)}
    assert by_audit and by_audit <= originals


def test_reused_vectors_give_the_audit_a_fresh_embedder_gives(case_dir: Path) -> None:
    case = case_at(case_dir)
    shared = compare_case(case, embedder=CachingEmbedder(_Recording(), None), corrections=())
    fresh = audit_translations(
        case_statements(case), {"address-ru": "ru"}, CachingEmbedder(_Recording(), None)
    )

    def plain(results: tuple) -> list:
        return [dataclasses.asdict(r) for r in results]

    assert len(shared.translation_audit) == 3
    assert plain(shared.translation_audit) == plain(fresh)
