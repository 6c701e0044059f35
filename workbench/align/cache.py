"""A caching embedder: each distinct sentence is embedded once, then read back.

Two levels: an in-memory dictionary for the life of the wrapper (one run, one UI session) and an
SQLite file (``settings.embeddings_path``) keyed by the embedder's signature and the SHA-256 of
the text, so that vectors survive between runs and a different model or prefix never reads
another's vectors. Reads and writes are bulk (one query per few hundred sentences, one
transaction per call).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import numpy as np

from workbench.align.embedders import Embedder, WrappedEmbedder
from workbench.errors import CacheError

log = logging.getLogger("workbench")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    signature TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (signature, text_hash)
)
"""
_CHUNK = 500  # SQLite's default limit on bound parameters is 999 (older builds)


def text_hash(text: str) -> str:
    """SHA-256 hex digest of the UTF-8 text (the cache key next to the signature)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachingEmbedder(WrappedEmbedder):
    """Wraps any embedder; same signature and vectors, each sentence embedded once.

    Args:
        inner: The embedder that computes missing vectors.
        path: SQLite file; ``None`` keeps the cache in memory only.
    """

    def __init__(self, inner: Embedder, path: Path | None = None) -> None:
        super().__init__(inner)
        self.path = path
        self._memory: dict[str, np.ndarray] = {}
        #: Sentences actually sent to the inner embedder (for logs and tests).
        self.computed = 0
        #: Sentences embedded (and written to the file) per step.
        self.write_every = 512

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed sentences, computing only those in neither the memory nor the file cache."""
        items = list(texts)
        missing = list(dict.fromkeys(t for t in items if t not in self._memory))
        if missing and self.path is not None:
            self._memory.update(self._read(missing))
            missing = [t for t in missing if t not in self._memory]
        for start in range(0, len(missing), self.write_every):
            chunk = missing[start : start + self.write_every]
            fresh = dict(zip(chunk, self.inner.embed(chunk), strict=True))
            self.computed += len(chunk)
            self._memory.update(fresh)
            if self.path is not None:  # written chunk by chunk: an interrupted run keeps them
                self._write(fresh)
        if not items:
            return super().embed(items)
        return np.vstack([self._memory[t] for t in items]).astype(np.float32, copy=False)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=30)) as conn:
                conn.execute(_SCHEMA)
                yield conn
        except (sqlite3.Error, OSError) as err:
            raise CacheError(
                f"The embedding cache {self.path} cannot be used ({err}); delete the file or "
                "set WORKBENCH_CACHE=0."
            ) from err

    def _read(self, texts: list[str]) -> dict[str, np.ndarray]:
        by_hash = {text_hash(t): t for t in texts}
        hashes = list(by_hash)
        found: dict[str, np.ndarray] = {}
        with self._connect() as conn:
            for start in range(0, len(hashes), _CHUNK):
                chunk = hashes[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT text_hash, vector FROM embeddings "
                    f"WHERE signature = ? AND text_hash IN ({marks})",
                    [self.signature, *chunk],
                )
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.size:
                        found[by_hash[key]] = vector
        log.debug("embedding cache: %d of %d sentences found", len(found), len(texts))
        return found

    def _write(self, vectors: dict[str, np.ndarray]) -> None:
        rows = [
            (self.signature, text_hash(t), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in vectors.items()
        ]
        with self._connect() as conn, conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)
