"""The aligner's clauses: the workbench's one clause cutter (:mod:`workbench.clauses`).

It lives outside the stages because the faithfulness stage cuts with it too (stages do not
import each other); this module keeps the aligner's import path.
"""

from __future__ import annotations

from workbench.clauses import CLAUSE_WORDS, FRAME_WORDS, Clause, clause_texts, split_clauses

__all__ = ["CLAUSE_WORDS", "FRAME_WORDS", "Clause", "clause_texts", "split_clauses"]
