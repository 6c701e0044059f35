"""A translator that wraps any translator with a translation cache.

Lookups are bulk: one cache query for all sentences, then only the misses go to the wrapped
engine, in chunks that are stored as soon as they are translated (an interrupted run keeps what
it already translated). The wrapped engine loads its model lazily, so when every sentence is a
hit no model is loaded and torch is never imported.

The cache object only needs :class:`TranslationStore`'s two methods; the engines package does not
import :mod:`workbench.cache` (stages never import each other).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from workbench.engines.base import ProgressFn, Translator
from workbench.errors import UserInputError
from workbench.types import TranslationSignature

#: Sentences sent to the wrapped engine (and then stored) at a time.
STORE_EVERY = 256


class TranslationStore(Protocol):
    """What :class:`CachingTranslator` needs from a cache."""

    def get_many(self, signature: str, sources: Sequence[str]) -> dict[str, str]:
        """Cached translations of ``sources`` (misses absent)."""
        ...

    def put_many(self, signature: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store ``(source, translation)`` pairs."""
        ...


class CachingTranslator(Translator):
    """``inner`` with a cache in front; same signature, same outputs.

    Args:
        inner: Any translator.
        cache: Anything with ``get_many``/``put_many`` (normally
            :class:`workbench.cache.TranslationCache`).
    """

    backend = "cache"

    def __init__(self, inner: Translator, cache: TranslationStore) -> None:
        super().__init__(
            inner.model, inner.src, inner.tgt, settings=inner.settings, **inner.options.common()
        )
        self.options = inner.options
        self.inner = inner
        self.cache = cache
        self.engine_name = inner.engine_name  # type: ignore[misc]
        self.segment_input = inner.segment_input  # type: ignore[misc]

    @property  # type: ignore[override]
    def max_input_tokens(self) -> int | None:
        """The wrapped engine's input limit (known once it has loaded its tokenizer)."""
        return self.inner.max_input_tokens

    @max_input_tokens.setter
    def max_input_tokens(self, value: int | None) -> None:
        self.inner.max_input_tokens = value

    @property
    def signature(self) -> TranslationSignature:
        """The wrapped engine's signature (the cache does not change the translation)."""
        return self.inner.signature

    def count_tokens(self, text: str) -> int:
        """The wrapped engine's token count."""
        return self.inner.count_tokens(text)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        return self.inner.translate(texts)

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Translations of ``texts``, from the cache where possible."""
        return [t for t, _ in self.translate_marked(texts, progress)]

    def translate_marked(
        self, texts: Sequence[str], progress: ProgressFn | None = None
    ) -> list[tuple[str, bool]]:
        """Like :meth:`translate`, with a flag per input saying whether it came from the cache.

        Blank inputs give ``("", False)``. An engine that pairs outputs with inputs by
        position (``imported`` with a ``.txt`` file) is never fed a deduplicated or chunked
        subset: it gets every input, in order, and nothing is cached for it.
        """
        if is_by_position(self.inner):
            return [(t, False) for t in self.inner.translate(list(texts), progress)]
        keys: list[str] = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise UserInputError(f"input {i + 1} is {type(text).__name__}, not text.")
            keys.append(text.strip())
        unique = list(dict.fromkeys(k for k in keys if k))
        signature = str(self.inner.signature)
        hits = self.cache.get_many(signature, unique)
        misses = [k for k in unique if k not in hits]
        made = self._translate_misses(signature, misses, progress)
        return [(hits[k], True) if k in hits else (made.get(k, ""), False) for k in keys]

    def _translate_misses(
        self, signature: str, misses: list[str], progress: ProgressFn | None
    ) -> dict[str, str]:
        made: dict[str, str] = {}
        total = len(misses)
        if progress:
            progress(0, total)
        for start in range(0, total, STORE_EVERY):
            chunk = misses[start : start + STORE_EVERY]
            sub = _offset(progress, start, len(chunk), total)
            got = self.inner.translate(chunk, progress=sub)
            pairs = list(zip(chunk, got, strict=True))
            self.cache.put_many(signature, pairs)
            made.update(pairs)
        return made

    def close(self) -> None:
        """Release the wrapped engine's model."""
        self.inner.close()


def is_by_position(translator: Translator) -> bool:
    """Whether ``translator`` pairs its outputs with its inputs by position, not by content.

    Such an engine (``imported`` with a ``.txt`` file: line N of the file is the translation of
    input N) must see the whole input in order; the cache's deduplication and chunking would
    shift its lines.
    """
    return translator.by_position


def _offset(progress: ProgressFn | None, done: int, size: int, total: int) -> ProgressFn | None:
    """A progress callback for one chunk of ``size`` sentences, reporting against ``total``.

    The engine counts pieces (an over-long sentence is cut into several), so its count is
    scaled to sentences.
    """
    if progress is None:
        return None

    def report(chunk_done: int, chunk_total: int) -> None:
        share = chunk_done / chunk_total if chunk_total else 1.0
        progress(done + round(size * share), total)

    return report
