"""Per-shard results of a distributed translation job, so that a killed job resumes.

A job folder holds ``job.json`` (the translation signature the job runs under) and one
``shard-NNNNNN.jsonl`` per block of translated sentences, each line ``{"source", "translation"}``.
A shard is written to a temporary name and renamed into place, so a job killed while writing
leaves either the whole shard or nothing. Rerunning the same job reads the shards back and sends
only the sentences they do not hold. The driver is the only writer; on a real cluster the folder
may live on a shared filesystem (see docs/scale.md).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import ClusterError

MANIFEST = "job.json"


class JobStore:
    """The shard folder of one job.

    Args:
        folder: Where the shards live (created on first write).
        signature: Translation signature of the job; a folder made under another signature
            is refused rather than mixed.
    """

    def __init__(self, folder: str | Path, signature: str) -> None:
        self.folder = Path(folder)
        self.signature = signature
        self._next = 0

    def load(self) -> dict[str, str]:
        """Translations already stored by earlier runs of this job (source → translation).

        Raises:
            ClusterError: when the folder belongs to a job with another signature or a shard
                cannot be read.
        """
        manifest = self.folder / MANIFEST
        if not manifest.is_file():
            return {}
        try:
            stored = json.loads(manifest.read_text(encoding="utf-8")).get("signature")
        except (OSError, ValueError) as err:
            raise ClusterError(f"Cannot read the job manifest {manifest}: {err}.") from err
        if stored != self.signature:
            raise ClusterError(
                f"The job folder {self.folder} holds results of another job ({stored}); "
                "give another --job-dir or delete that folder."
            )
        done: dict[str, str] = {}
        shards = sorted(self.folder.glob("shard-*.jsonl"))
        for shard in shards:
            done.update(self._read(shard))
        self._next = len(shards)
        return done

    @staticmethod
    def _read(shard: Path) -> Iterable[tuple[str, str]]:
        try:
            lines = shard.read_text(encoding="utf-8").splitlines()
            return [(r["source"], r["translation"]) for r in map(json.loads, lines)]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ClusterError(
                f"The shard {shard} is damaged ({err}); delete it and run the job again."
            ) from err

    def write(self, pairs: Iterable[tuple[str, str]]) -> Path:
        """Store one block of ``(source, translation)`` pairs as the next shard (atomically).

        Raises:
            ClusterError: when the folder cannot be written.
        """
        rows = [json.dumps({"source": s, "translation": t}, ensure_ascii=False) for s, t in pairs]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            manifest = self.folder / MANIFEST
            if not manifest.is_file():
                manifest.write_text(json.dumps({"signature": self.signature}), encoding="utf-8")
            shard = self.folder / f"shard-{self._next:06d}.jsonl"
            while shard.exists():
                self._next += 1
                shard = self.folder / f"shard-{self._next:06d}.jsonl"
            tmp = shard.with_name(f".{shard.name}.tmp-{os.getpid()}")
            tmp.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
            os.replace(tmp, shard)
        except OSError as err:
            raise ClusterError(
                f"Cannot write the job folder {self.folder}: {err.strerror or err}."
            ) from err
        self._next += 1
        return shard

    def remove(self) -> None:
        """Delete the folder (after the job's output has been written)."""
        shutil.rmtree(self.folder, ignore_errors=True)
