"""align stage: which statement sentence(s) each report sentence retells, in any order.

Public API: :data:`EMBEDDERS` (registry; the default ``e5-small`` is bundled and offline),
:func:`create_embedder` (an embedder wrapped in the per-sentence cache), :func:`align`.
"""

from __future__ import annotations

from typing import Any

from workbench.align.aligner import CALIBRATIONS, METHOD, AlignParams, align, params_for
from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import (
    DEFAULT_EMBEDDER,
    EMBEDDERS,
    Embedder,
    EmbedderError,
    WrappedEmbedder,
    normalise,
)
from workbench.settings import Settings


def create_embedder(
    name: str = DEFAULT_EMBEDDER,
    model: str | None = None,
    *,
    settings: Settings | None = None,
    cache: bool = True,
    **options: Any,
) -> Embedder:
    """Build the embedder registered as ``name``, wrapped in the embedding cache.

    Args:
        name: Registry name (see :data:`EMBEDDERS`).
        model: Model id or folder (``None``: the embedder's default).
        settings: Resolved settings; ``settings.embeddings_path`` holds the SQLite cache.
        cache: Keep vectors in memory for the wrapper's life and, when ``settings`` allow the
            cache (``use_cache``), in the SQLite file between runs.
        **options: Embedder-specific options (``prefix`` for ``e5-small``).

    Raises:
        UnknownNameError: for an unknown name (the message lists the embedders).
    """
    embedder = EMBEDDERS.get(name)(model, settings=settings, **options)
    if not cache:
        return embedder
    path = settings.embeddings_path if settings is not None and settings.use_cache else None
    return CachingEmbedder(embedder, path)


__all__ = [
    "CALIBRATIONS",
    "DEFAULT_EMBEDDER",
    "EMBEDDERS",
    "METHOD",
    "AlignParams",
    "CachingEmbedder",
    "Embedder",
    "EmbedderError",
    "WrappedEmbedder",
    "align",
    "create_embedder",
    "normalise",
    "params_for",
]
