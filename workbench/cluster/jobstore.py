"""The plan and per-block results of a distributed translation job, so that a killed job resumes.

A job folder holds ``job.json`` — the translation signature and the job's **plan**: the blocks
of sentences it sends, fixed when the job first starts — and one ``shard-NNNNNN.jsonl`` per
finished block (``NNNNNN`` = the block's number in the plan), each line ``{"source",
"translation"}``. Files are written to a temporary name and renamed into place, so a job killed
while writing leaves either the whole file or nothing. Rerunning the job reads the plan and the
shards back and sends only the blocks without a shard, *as the same blocks*: the output does not
depend on where the job was killed. The driver is the only writer; on a real cluster the folder
may live on a shared filesystem (see docs/scale.md).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from workbench.errors import ClusterError

MANIFEST = "job.json"


class JobStore:
    """The folder of one job.

    Args:
        folder: Where the plan and shards live (created on first write).
        signature: Translation signature of the job; a folder made under another signature
            is refused rather than mixed.
    """

    def __init__(self, folder: str | Path, signature: str) -> None:
        self.folder = Path(folder)
        self.signature = signature

    def load_plan(self) -> list[list[str]] | None:
        """The blocks of an earlier run of this job, or ``None`` for a new job.

        Raises:
            ClusterError: when the folder belongs to a job with another signature or its
                manifest is damaged.
        """
        manifest = self.folder / MANIFEST
        if not manifest.is_file():
            return None
        try:
            stored = json.loads(manifest.read_text(encoding="utf-8"))
            signature, blocks = stored["signature"], stored["blocks"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ClusterError(
                f"The job manifest {manifest} is damaged ({err}); delete {self.folder} and run "
                "the job again."
            ) from err
        if signature != self.signature:
            raise ClusterError(
                f"The job folder {self.folder} holds results of another job ({signature}); "
                "give another --job-dir or delete that folder."
            )
        return [list(b) for b in blocks]

    def save_plan(self, blocks: list[list[str]]) -> None:
        """Record the job's blocks (atomically).

        Raises:
            ClusterError: when the folder cannot be written.
        """
        data = json.dumps({"signature": self.signature, "blocks": blocks}, ensure_ascii=False)
        self._write(self.folder / MANIFEST, data)

    def finished(self) -> dict[int, dict[str, str]]:
        """Block number → its translations (source → translation), for every finished block.

        Raises:
            ClusterError: when a shard cannot be read.
        """
        out: dict[int, dict[str, str]] = {}
        for shard in sorted(self.folder.glob("shard-*.jsonl")):
            try:
                number = int(shard.stem.removeprefix("shard-"))
                rows = map(json.loads, shard.read_text(encoding="utf-8").splitlines())
                out[number] = {r["source"]: r["translation"] for r in rows}
            except (OSError, ValueError, KeyError, TypeError) as err:
                raise ClusterError(
                    f"The shard {shard} is damaged ({err}); delete it and run the job again."
                ) from err
        return out

    def write(self, number: int, pairs: list[tuple[str, str]]) -> Path:
        """Store the translations of block ``number`` as its shard (atomically).

        Raises:
            ClusterError: when the folder cannot be written.
        """
        rows = [json.dumps({"source": s, "translation": t}, ensure_ascii=False) for s, t in pairs]
        shard = self.folder / f"shard-{number:06d}.jsonl"
        self._write(shard, "".join(row + "\n" for row in rows))
        return shard

    def _write(self, path: Path, text: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as err:
            raise ClusterError(
                f"Cannot write the job folder {self.folder}: {err.strerror or err}."
            ) from err

    def remove(self) -> None:
        """Delete the folder (after the job's output has been written)."""
        shutil.rmtree(self.folder, ignore_errors=True)
