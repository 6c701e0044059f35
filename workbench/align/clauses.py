"""The aligner's clauses: the workbench's one clause cutter (:mod:`workbench.clauses`).

It lives outside the stages because the faithfulness stage cuts with it too (stages do not
import each other); this module keeps the aligner's import path.

Report sentences (English reporting, never a statement's translation) are also cut before
:data:`REPORT_CLAUSE_WORDS` (:func:`split_report_clauses`): "amid", the preposition news English
merges a second fact with ("… tried to dock at Aktau amid strong winds over the Caspian"),
as the clause word "while" does.
Statements and their translations are cut as the faithfulness stage cuts them, so the audit
reuses the aligner's clause vectors (see docs/align.md, *Session 21 (align21)*).
"""

from __future__ import annotations

from workbench.clauses import CLAUSE_WORDS, FRAME_WORDS, Clause, clause_texts, split_clauses

#: Words before which a report sentence's clause may also begin: "amid" (the circumstance a
#: report merges in, as "while" does). "despite" and "following" were measured too and left out:
#: 3 + 1 more wrong links on ``align_real_bench.py`` (kk, ky), none right (docs/align.md).
REPORT_CLAUSE_WORDS: frozenset[str] = frozenset({"amid"})


def split_report_clauses(
    text: str, *, min_words: int = 4, max_clauses: int = 4
) -> tuple[Clause, ...]:
    """:func:`split_clauses` of a report sentence, also cut before :data:`REPORT_CLAUSE_WORDS`."""
    return split_clauses(
        text, min_words=min_words, max_clauses=max_clauses, extra_words=REPORT_CLAUSE_WORDS
    )


__all__ = [
    "CLAUSE_WORDS",
    "FRAME_WORDS",
    "REPORT_CLAUSE_WORDS",
    "Clause",
    "clause_texts",
    "split_clauses",
    "split_report_clauses",
]
