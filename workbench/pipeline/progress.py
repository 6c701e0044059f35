"""Progress of the alignment: how many sentences and clauses have been embedded so far.

Embedding is nearly all of a comparison's time when the vectors are not cached (a case of ten
outlets takes minutes on two cores), and neither ``workbench compare`` nor the Compare tab showed
anything meanwhile. :class:`ProgressEmbedder` wraps the embedder that computes vectors, *inside*
the embedding cache, so only sentences actually embedded count; it passes every call through
unchanged (same texts, same batches, same vectors) and reports ``progress(done, total)`` before and
after each one. ``total`` is what is known so far: the aligner embeds sentences first and then,
when it cuts them, clauses, so the total grows during a run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from workbench.align import CachingEmbedder, Embedder, WrappedEmbedder, create_embedder
from workbench.engines.base import ProgressFn
from workbench.settings import Settings


class ProgressEmbedder(WrappedEmbedder):
    """Any embedder, reporting ``progress(done, total)`` in texts around each call.

    Args:
        inner: The embedder that computes the vectors.
        progress: Called with the texts embedded so far and the texts asked for so far.
    """

    def __init__(self, inner: Embedder, progress: ProgressFn) -> None:
        super().__init__(inner)
        self.progress = progress
        self.done = 0
        self.total = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The inner embedder's vectors for ``texts``, reporting progress before and after."""
        items = list(texts)
        self.total += len(items)
        if items:
            self.progress(self.done, self.total)
        vectors = self.inner.embed(items)
        self.done += len(items)
        if items:
            self.progress(self.done, self.total)
        return vectors


def embedder_with_progress(
    name: str, settings: Settings | None, progress: ProgressFn | None
) -> Embedder:
    """The embedder ``name`` in its cache (as :func:`workbench.align.create_embedder` makes it),
    reporting the sentences it actually embeds to ``progress`` (cache hits are not counted).

    Raises:
        UnknownNameError: for an unknown embedder (the message lists them).
    """
    embedder = create_embedder(name, settings=settings)
    if progress is None:
        return embedder
    if isinstance(embedder, CachingEmbedder):
        embedder.inner = ProgressEmbedder(embedder.inner, progress)
        return embedder
    return ProgressEmbedder(embedder, progress)
