"""Translators that fail on purpose inside Ray actors (importable by the workers).

``dying_factory`` kills its actor's process (SIGKILL, as the OOM killer or a lost node would)
on the actor's second batch, once per marker file; ``failing_factory`` raises on a batch after
``good`` batches have been translated job-wide, once per marker, like a job that stops midway.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from pathlib import Path

from workbench.engines.base import Translator
from workbench.pipeline.cluster import EngineSpec, build_in_actor
from workbench.settings import Settings


class DieOnce:
    """Kills its own process on its second call, the first time only (marker file)."""

    def __init__(self, inner: Translator, marker: Path) -> None:
        self.inner = inner
        self.marker = marker
        self.calls = 0

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.calls += 1
        if self.calls == 2 and not self.marker.exists():
            self.marker.write_text(str(os.getpid()), encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
        return self.inner.translate(texts)


class FailAfter:
    """Raises once ``good`` batches (counted in files under ``folder``) were translated and the
    driver has stored at least one of them in ``job`` (a crash midway, after some results)."""

    def __init__(self, inner: Translator, folder: Path, good: int, job: Path) -> None:
        self.inner = inner
        self.folder = folder
        self.good = good
        self.job = job

    def translate(self, texts: Sequence[str]) -> list[str]:
        done = len(list(self.folder.glob("batch-*")))
        if done >= self.good:
            deadline = time.monotonic() + 60
            while not any(self.job.glob("shard-*")) and time.monotonic() < deadline:
                time.sleep(0.05)
            raise RuntimeError("simulated crash of the job")
        (self.folder / f"batch-{os.getpid()}-{done}-{id(texts)}").touch()
        return self.inner.translate(texts)


def dying_factory(spec: EngineSpec, settings: Settings, marker: str, threads: int) -> DieOnce:
    return DieOnce(build_in_actor(spec, settings, threads), Path(marker))


def failing_factory(
    spec: EngineSpec, settings: Settings, folder: str, good: int, job: str, threads: int
) -> FailAfter:
    return FailAfter(build_in_actor(spec, settings, threads), Path(folder), good, Path(job))
