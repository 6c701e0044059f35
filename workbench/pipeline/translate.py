"""Translate texts: segment ─► (cache ─►) engine ─► re-assemble, with warnings.

:class:`EnginePool` holds loaded translators so that a model loads once per process and is
reused by every CLI or UI call; with ``settings.use_cache`` each translator is wrapped in a
:class:`~workbench.engines.caching.CachingTranslator` over the SQLite cache.
:func:`translate_texts` cuts every text into sentences, translates the sentences of *all* texts
in one bulk call (one cache lookup, full batches), and puts each text back together with
per-sentence offsets and warnings.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench import langid, models
from workbench.cache import TranslationCache
from workbench.engines import create
from workbench.engines.base import ProgressFn, Translator
from workbench.engines.caching import CachingTranslator
from workbench.errors import UserInputError
from workbench.segment import split_sentences
from workbench.settings import Settings
from workbench.types import Sentence, SentenceTranslation, Translation

PoolKey = tuple[str, str, str, str, int, int, tuple[tuple[str, Any], ...]]


class EnginePool:
    """Translators by configuration, built once and reused (thread-safe).

    Args:
        settings: Resolved settings (cache path, ``use_cache``, threads, offline).
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._translators: dict[PoolKey, Translator] = {}
        self._cache: TranslationCache | None = None
        self._lock = threading.Lock()

    @property
    def cache(self) -> TranslationCache:
        """The translation cache at ``settings.cache_path`` (opened on first use)."""
        if self._cache is None:
            self._cache = TranslationCache(self.settings.cache_path)
        return self._cache

    def get(
        self,
        engine: str,
        model: str,
        src: str,
        tgt: str = "en",
        beam_size: int = 4,
        max_length: int = 256,
        **options: Any,
    ) -> Translator:
        """The translator for this configuration; the same object on every call.

        Raises:
            UnknownNameError: for an unknown engine.
            UserInputError: for a bad option or language pair.
        """
        key: PoolKey = (
            engine.lower(),
            model,
            src,
            tgt,
            beam_size,
            max_length,
            tuple(sorted(options.items())),
        )
        with self._lock:
            translator = self._translators.get(key)
            if translator is None:
                translator = create(
                    engine,
                    model,
                    src,
                    tgt,
                    settings=self.settings,
                    beam_size=beam_size,
                    max_length=max_length,
                    **options,
                )
                if self.settings.use_cache:
                    translator = CachingTranslator(translator, self.cache)
                self._translators[key] = translator
            return translator

    def close(self) -> None:
        """Release every model and the cache."""
        with self._lock:
            for translator in self._translators.values():
                translator.close()
            self._translators.clear()
            if self._cache is not None:
                self._cache.close()


def choose_model(
    src: str,
    tgt: str = "en",
    engine: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
) -> tuple[str, str]:
    """``(engine, model)`` from what the user gave, filling gaps from the model catalog.

    Nothing given: the catalog default for the pair. Only a model: the catalog entry's engine.
    Only an engine: the default model of the pair when that engine can run it. With
    ``settings``, a model name that is neither a folder here nor a catalog name is looked up
    in ``<home>/models`` by the UI's resolver
    (:meth:`~workbench.pipeline.model_access.ModelAccess.in_folders`); the folder found is the
    model, and its engine is read from the folder when none was given (as for a model
    folder given by its path).

    Raises:
        UserInputError: when the gap cannot be filled from the catalog.
    """
    named = model and not models.is_local(model) and models.find_entry(model) is None
    if named and model and settings is not None:
        from workbench.pipeline.model_access import ModelAccess
        from workbench.pipeline.models import engine_of

        found = ModelAccess.for_serve(settings).in_folders(model)
        if found is not None:
            model = str(found)
            engine = engine or engine_of(found)
    if model and not engine and models.is_local(model):
        from workbench.pipeline.models import engine_of

        engine = engine_of(Path(model).expanduser())
    if engine and model:
        return engine, model
    if model:
        entry = models.find_entry(model)
        if entry is None:
            raise UserInputError(
                f"Give --engine for {model!r} (it is not in the model catalog), "
                "e.g. --engine opus-mt."
            )
        return entry.engine, model
    default = models.default_for(src, tgt)
    if engine is None or engine == default.engine:
        return default.engine, default.hub_id
    if engine == default.transformers_engine:
        return engine, default.hub_id
    raise UserInputError(
        f"Give --model for --engine {engine}: the default model for {src}-{tgt} "
        f"({default.name}) runs with {default.engine}."
    )


def model_problem(engine: str, model: str) -> str | None:
    """What makes ``engine`` with ``model`` unusable before any model is loaded, or None: an
    engine that is not registered, a path that is no model folder, an ``imported`` file that
    is none. A Hub id or catalog name is not looked up (that may need the network)."""
    from workbench.engines import ENGINES

    if engine not in ENGINES:
        return f"no engine {engine!r}; available: {', '.join(ENGINES.names())}"
    path = Path(model).expanduser()
    if engine == "imported" and not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        return f"the translations file {model} {what}; give a file"
    folder = engine not in ("imported", "pivot") and models.looks_like_path(model)
    if folder and not path.is_dir():
        what = "is a file, not a model folder" if path.exists() else "does not exist"
        return f"the model folder {model} {what}"
    return None


def _sentences(text: str, translator: Translator) -> list[Sentence]:
    if translator.segment_input:
        return split_sentences(text, translator.src)
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped)
    return [Sentence(stripped, start, start + len(stripped), 0)]


def _run(
    translator: Translator, sentences: list[str], progress: ProgressFn | None
) -> list[tuple[str, bool]]:
    if isinstance(translator, CachingTranslator):
        return translator.translate_marked(sentences, progress)
    return [(t, False) for t in translator.translate(sentences, progress)]


def _split_warning(translator: Translator, sentence: Sentence) -> str | None:
    limit = translator.max_input_tokens
    if limit is None or translator.count_tokens(sentence.text) <= limit:
        return None
    return (
        f"Sentence {sentence.index + 1} is longer than the model's limit of {limit} tokens; "
        "it was translated in pieces."
    )


def translate_texts(
    texts: Sequence[str],
    translator: Translator,
    *,
    progress: ProgressFn | None = None,
    check_language: bool = True,
) -> list[Translation]:
    """Translate each text sentence by sentence, all sentences in one bulk call.

    Args:
        texts: Input texts (one per CLI input line); empty texts give empty translations.
        translator: Any translator (normally from :class:`EnginePool`).
        progress: ``progress(done, total)`` over sentences that need the engine.
        check_language: Warn when a text does not look like ``translator.src``.

    Returns:
        One :class:`~workbench.types.Translation` per input text, in order.
    """
    per_text = [_sentences(text, translator) for text in texts]
    flat = [s.text for sentences in per_text for s in sentences]
    results = iter(_run(translator, flat, progress))
    signature = str(translator.signature)
    out: list[Translation] = []
    for text, sentences in zip(texts, per_text, strict=True):
        pairs = tuple(SentenceTranslation(s, *next(results)) for s in sentences)
        warnings: list[str] = []
        if check_language and sentences:
            warnings += langid.check_language(text, translator.src)
        for pair in pairs:
            if not pair.cached and (note := _split_warning(translator, pair.source)):
                warnings.append(note)
        joined = " ".join(p.translation for p in pairs if p.translation)
        out.append(Translation(text, joined, signature, pairs, tuple(warnings)))
    return out


def translation_record(translation: Translation) -> dict[str, Any]:
    """A JSON-ready dict of one translation (one line of ``--format jsonl``)."""
    return {
        "source": translation.source,
        "translation": translation.text,
        "signature": translation.signature,
        "sentences": [
            {
                "start": p.source.start,
                "end": p.source.end,
                "source": p.source.text,
                "translation": p.translation,
                "cached": p.cached,
            }
            for p in translation.sentences
        ],
        "warnings": list(translation.warnings),
    }
