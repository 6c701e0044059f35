"""The translator base class: validation, batching and splitting of over-long input.

An engine fills two hooks: :meth:`Translator._translate_batch` (a list of sentences in, a list of
translations out, same length) and, when the model has an input limit,
:meth:`Translator.count_tokens` with :attr:`Translator.max_input_tokens`. Everything else — empty
strings, batching, progress, splitting sentences longer than the model's limit so that nothing is
ever silently truncated — happens here, once, for every engine.

Every engine is configured by one :class:`~workbench.engines.options.EngineOptions` (built from
the keyword arguments given to the constructor) and sets itself up in :meth:`Translator._setup`;
an engine that loads something lazily (tokenizer, model) does it through
:meth:`Translator._load_once`, the one lock-protected lazy loader shared by all engines.

Wrappers (cache, pivot) are translators too: they take another translator and override
:meth:`translate`.
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from workbench import __version__
from workbench.engines.options import EngineOptions
from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.types import TranslationSignature

#: ``progress(done, total)`` is called as sentences are translated.
ProgressFn = Callable[[int, int], None]

# Where an over-long sentence may be cut, best first: after clause punctuation, then at spaces.
_CLAUSE_BREAK = re.compile(r"(?<=[,;:—–])\s+|\s+(?=[—–-]\s)")
_SPACE = re.compile(r"\s+")
_T = TypeVar("_T")


class Translator(ABC):
    """Base class of every engine.

    Args:
        model: Hub id or local folder (engine-specific; ``imported`` takes a file).
        src: Source language code (``kk``, ``ky``, ``ru``).
        tgt: Target language code (``en``).
        settings: Resolved settings (threads, device, offline, home).
        **options: ``beam_size``, ``max_length``, ``batch_size``, ``device``, ``threads`` and
            the engine's :attr:`extra_options`; gathered in :attr:`options`.

    Raises:
        UserInputError: for a bad value or an option the engine does not take.
    """

    #: Registry name of the engine (``opus-mt``, ``nllb`` ...).
    engine_name: ClassVar[str] = ""
    #: Inference backend (``transformers``, ``ctranslate2``, ``file`` ...).
    backend: ClassVar[str] = ""
    #: Longest input in model tokens; ``None`` when the engine has no limit.
    max_input_tokens: int | None = None
    #: Whether the pipeline should cut input lines into sentences before calling
    #: :meth:`translate` (False for engines that look up whole lines, such as ``imported``).
    segment_input: ClassVar[bool] = True
    #: Sentences handed to :meth:`_translate_batch` per call (``None``: ``batch_size``). A
    #: backend that sorts by length and batches by itself (CTranslate2's ``max_batch_size``)
    #: gets more per call, so that batches hold sentences of similar length.
    sentences_per_call: ClassVar[int | None] = None
    #: Engine-specific option names (see :class:`EngineOptions`) this engine reads.
    extra_options: ClassVar[frozenset[str]] = frozenset()
    #: Whether the engine decodes, i.e. beam size and max length shape its output. An engine
    #: that does not (``imported``) leaves them out of its signature.
    decodes: ClassVar[bool] = True

    def __init__(
        self,
        model: str,
        src: str,
        tgt: str = "en",
        *,
        settings: Settings | None = None,
        **options: Any,
    ) -> None:
        self.settings = settings or Settings.resolve()
        self.options = EngineOptions.build(
            model,
            src,
            tgt,
            settings=self.settings,
            engine=self.engine_name,
            accepts=self.extra_options,
            **options,
        )
        self._loaded: dict[str, Any] = {}
        self._load_lock = threading.RLock()  # lazy loading from several UI threads
        self._setup()

    def _setup(self) -> None:
        """Engine-specific checks and set-up after :attr:`options` is built (no model loading)."""
        return None

    # ── the options, by name ─────────────────────────────────────────────────────────────

    @property
    def model(self) -> str:
        """Hub id, folder, file or spec the engine runs."""
        return self.options.model

    @property
    def src(self) -> str:
        """Source language code."""
        return self.options.src

    @property
    def tgt(self) -> str:
        """Target language code."""
        return self.options.tgt

    @property
    def beam_size(self) -> int:
        """Beam width."""
        return self.options.beam_size

    @property
    def max_length(self) -> int:
        """Maximum generated tokens per sentence."""
        return self.options.max_length

    @property
    def batch_size(self) -> int:
        """Sentences per model call."""
        return self.options.batch_size

    # ── lazy loading ─────────────────────────────────────────────────────────────────────

    def _load_once(self, name: str, load: Callable[[], _T]) -> _T:
        """What ``load()`` returns, computed once per ``name`` even when threads race.

        The lock is re-entrant, so a loader may itself call :meth:`_load_once` (the model
        loader needs the tokenizer). :meth:`_unload` forgets a value (:meth:`close`).
        """
        if name not in self._loaded:
            with self._load_lock:
                if name not in self._loaded:
                    self._loaded[name] = load()
        value: _T = self._loaded[name]
        return value

    def _unload(self, name: str) -> None:
        """Forget what :meth:`_load_once` loaded under ``name``."""
        with self._load_lock:
            self._loaded.pop(name, None)

    # ── hooks ────────────────────────────────────────────────────────────────────────────

    @abstractmethod
    def _translate_batch(self, texts: list[str]) -> list[str]:
        """Translate non-empty sentences that fit the model's limit; same length out."""

    def count_tokens(self, text: str) -> int:
        """Length of ``text`` in the model's input tokens (default: whitespace words)."""
        return len(text.split())

    @property
    def revision(self) -> str:
        """Model revision (commit hash) or content hash of a local folder."""
        return "unknown"

    @property
    def precision(self) -> str:
        """Numeric precision of inference (``float32``, ``int8`` ...)."""
        return "float32"

    @property
    def by_position(self) -> bool:
        """Whether outputs pair with inputs by position rather than by content (``imported``
        with a ``.txt`` file). Such an engine must get the whole input, in order: the cache
        never deduplicates or chunks what it sends to it."""
        return False

    def signature_extra(self) -> tuple[tuple[str, str], ...]:
        """Engine-specific signature fields."""
        return ()

    def _prepare(self) -> None:
        """Called once per :meth:`translate` call that has text to translate, before splitting.

        Engines whose :attr:`max_input_tokens` and :meth:`count_tokens` need the tokenizer load
        it here (not the model: that waits for the first :meth:`_translate_batch`).
        """
        return None

    # ── shared behaviour ─────────────────────────────────────────────────────────────────

    @property
    def signature(self) -> TranslationSignature:
        """How this translator translates; computed without loading the model."""
        return TranslationSignature(
            engine=self.engine_name,
            model=self.model,
            revision=self.revision,
            backend=self.backend,
            precision=self.precision,
            beam_size=self.beam_size,
            max_length=self.max_length,
            src=self.src,
            tgt=self.tgt,
            version=__version__,
            extra=self.signature_extra(),
            decoding=self.decodes,
        )

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Translate sentences; returns exactly one string per input, ``""`` for blank input.

        Sentences longer than :attr:`max_input_tokens` are split into pieces that fit, each
        piece is translated and the translations are joined, so nothing is silently truncated.
        """
        texts = list(texts)
        if any(isinstance(t, str) and t.strip() for t in texts):
            self._prepare()
        pieces: list[str] = []
        owners: list[int] = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise UserInputError(f"input {i + 1} is {type(text).__name__}, not text.")
            if text.strip():
                for piece in self.split_to_fit(text.strip()):
                    pieces.append(piece)
                    owners.append(i)
        translated = self._run_batches(pieces, progress)
        out: list[list[str]] = [[] for _ in texts]
        for owner, piece in zip(owners, translated, strict=True):
            out[owner].append(piece.strip())
        return [" ".join(p for p in parts if p) for parts in out]

    def _run_batches(self, pieces: list[str], progress: ProgressFn | None) -> list[str]:
        results: list[str] = []
        total = len(pieces)
        if progress:
            progress(0, total)
        step = self.sentences_per_call or self.batch_size
        for start in range(0, total, step):
            batch = pieces[start : start + step]
            got = self._translate_batch(batch)
            if len(got) != len(batch):
                raise RuntimeError(
                    f"{self.engine_name} returned {len(got)} translations for {len(batch)} inputs"
                )
            results.extend(got)
            if progress:
                progress(len(results), total)
        return results

    def split_to_fit(self, text: str) -> list[str]:
        """Split ``text`` into pieces of at most :attr:`max_input_tokens` tokens.

        Cuts after clause punctuation first, then between words; a single word longer than
        the limit is cut into character chunks as a last resort.
        """
        limit = self.max_input_tokens
        if limit is None or self.count_tokens(text) <= limit:
            return [text]
        for pattern in (_CLAUSE_BREAK, _SPACE):
            parts = [p for p in pattern.split(text) if p.strip()]
            if len(parts) > 1:
                return self._pack(parts, limit, " ")
        # One enormous "word": cut it in halves until each fits.
        mid = len(text) // 2
        return self.split_to_fit(text[:mid]) + self.split_to_fit(text[mid:])

    def _pack(self, parts: list[str], limit: int, joiner: str) -> list[str]:
        """Greedily join consecutive parts while they fit; recurse into parts that never fit."""
        out: list[str] = []
        current = ""
        for part in parts:
            candidate = f"{current}{joiner}{part}" if current else part
            if self.count_tokens(candidate) <= limit:
                current = candidate
                continue
            if current:
                out.append(current)
            if self.count_tokens(part) <= limit:
                current = part
            else:
                out.extend(self.split_to_fit(part))
                current = ""
        if current:
            out.append(current)
        return out

    def close(self) -> None:
        """Release the model (optional; the default holds nothing to release)."""
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.signature}>"
