"""Anchors: figures and names two sentences share (or disagree on), as evidence for a link.

A small cross-lingual embedder compresses cosines: a reworded retelling and a merely on-topic
sentence can score alike. Figures and names survive translation and rewording far better than
wording does: a report sentence that carries the statement's «164» and «Алматы» (Almaty) is
very likely its retelling, and one whose figures all differ from the statement's is likely not.

The aligner does not find figures or names itself (the diff stage owns the figure normaliser
and the cross-script name folding, and stages do not import each other). It takes an
:class:`Anchors` object from its caller — the pipeline builds one from the diff stage's
helpers, see :mod:`workbench.pipeline.anchors` — and adds the evidence to the cosines before
the margin (``AlignParams.name_bonus``, ``figure_bonus``, ``figure_penalty``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class AnchorEvidence:
    """Evidence for every (left text, right text) pair, each matrix ``len(left) × len(right)``.

    Attributes:
        names: Share of the left text's names found on the right, each name weighted by its
            rarity among the left texts (0..1).
        figures: Share of the left text's figures found on the right, weighted likewise (0..1).
        conflict: 1 where both texts carry specific figures and share none, else 0.
        words: Share of the left text's content words rendered on the right (a bilingual
            word lexicon's usual English for a kk/ky/ru word, the same stem for an English
            one), each word weighted by how reliably it is rendered and by its rarity among
            the left texts (0..1); ``None`` when the anchors do not read words.
        gloss: Report side (session 17): the share of the right text's content words, name
            words and figures that the left text's word-by-word English *gloss* carries, each
            weighted by 1 / the number of left texts whose gloss carries it (0..1); ``None``
            when the anchors were not asked for it (``Anchors.gloss``).
    """

    names: np.ndarray
    figures: np.ndarray
    conflict: np.ndarray
    words: np.ndarray | None = None
    gloss: np.ndarray | None = None

    def select(self, rows: Sequence[int] | None, cols: Sequence[int] | None) -> AnchorEvidence:
        """The evidence for a sub-matrix (``None`` keeps every row or column)."""

        def cut(m: np.ndarray) -> np.ndarray:
            if rows is not None:
                m = m[list(rows)]
            if cols is not None:
                m = m[:, list(cols)]
            return m

        words = cut(self.words) if self.words is not None else None
        gloss = cut(self.gloss) if self.gloss is not None else None
        return AnchorEvidence(cut(self.names), cut(self.figures), cut(self.conflict), words, gloss)


class Anchors(Protocol):
    """Finds the anchors of texts and scores every pair of a left and a right list."""

    #: Short name in the alignment signature (``anchors:NAME``).
    name: str

    def evidence(
        self,
        left: Sequence[str],
        right: Sequence[str],
        *,
        names: bool = True,
        words: bool = False,
    ) -> AnchorEvidence:
        """Evidence for each (left, right) pair; ``left`` are statement texts (kk/ky/ru, or a
        supplied English translation), ``right`` English report texts. With ``names=False``
        the names matrix is zeros (the aligner asks so when names carry no weight); with
        ``words=True`` the words matrix is filled (else it may be ``None``)."""
        ...

    def shared_words(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
        """For each (English statement text, English report text) pair: how many of the
        statement text's distinct content words (stems, function words left out) the report
        text carries, and how many it has."""
        ...

    def words_beyond(
        self, triples: Sequence[tuple[str, str, Sequence[str]]]
    ) -> list[tuple[int, int]]:
        """For each (English statement text, English report text, English texts the report is
        already linked to): how many of the statement text's distinct content words the report
        text carries that none of the linked texts carry, and how many it has: what the rest
        of a merged retelling takes from a second statement."""
        ...

    def gloss(self, left: Sequence[Sequence[str]], right: Sequence[str]) -> np.ndarray:
        """The gloss coverage (:attr:`AnchorEvidence.gloss`) of every (statement, report text)
        pair, ``len(left) × len(right)``; each statement is given as its texts (the original
        and, when there is one, its English translation: one gloss of both)."""
        ...


def adjusted(
    sims: np.ndarray,
    evidence: AnchorEvidence | None,
    *,
    name_bonus: float,
    figure_bonus: float,
    figure_penalty: float,
    word_bonus: float = 0.0,
    gloss_bonus: float = 0.0,
) -> np.ndarray:
    """``sims`` with the anchor evidence added (``None``: unchanged)."""
    if evidence is None:
        return sims
    out = (
        sims
        + name_bonus * evidence.names
        + figure_bonus * evidence.figures
        - figure_penalty * evidence.conflict
    )
    if word_bonus and evidence.words is not None:
        out = out + word_bonus * evidence.words
    if gloss_bonus and evidence.gloss is not None:
        out = out + gloss_bonus * evidence.gloss
    return np.asarray(out, dtype=np.float32)
