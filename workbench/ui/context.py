"""What the app's handlers share: settings, the engine pool and the stores in the workbench home.

One :class:`UIContext` is made per app by ``workbench serve``; models load lazily through its
single engine pool, on first use, and stay loaded for every later call.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.settings import Settings


@dataclass(frozen=True)
class ModelChoice:
    """A model the Translate tab offers besides the catalog (from ``serve --model``)."""

    engine: str
    model: str

    @property
    def label(self) -> str:
        """How the choice is shown in the UI."""
        return f"{self.engine}: {self.model}"

    @classmethod
    def parse(cls, spec: str) -> ModelChoice:
        """Parse ``ENGINE:MODEL`` (e.g. ``opus-mt:/models/ru-en``)."""
        from workbench.errors import UserInputError

        engine, sep, model = spec.partition(":")
        if not sep or not engine.strip() or not model.strip():
            raise UserInputError(
                f"--model must look like ENGINE:MODEL (e.g. opus-mt:/path/to/folder), not {spec!r}."
            )
        return cls(engine.strip(), model.strip())


@dataclass
class UIContext:
    """Settings and long-lived helpers shared by every session of one app.

    Attributes:
        settings: Resolved settings (home, threads, offline, cache).
        extra_models: Models offered in the Translate tab besides the catalog.
        notices: What ``serve`` found at start that the user should know (damaged stores).
        models_dirs: Operator-named model folders (see :mod:`workbench.pipeline.model_access`).
    """

    settings: Settings
    extra_models: tuple[ModelChoice, ...] = ()
    #: Sentences shown at the top of the app (stores found damaged at start, ...).
    notices: tuple[str, ...] = ()
    #: Folders given with ``serve --models-dir``: typed models may name folders inside them.
    models_dirs: tuple[Path, ...] = ()
    _pool: Any = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: The Stop flag of each browser session's running job (see :meth:`begin_run`).
    _stops: dict[str, threading.Event] = field(default_factory=dict, repr=False)

    def begin_run(self, session: str) -> threading.Event:
        """A fresh Stop flag for ``session``'s long job (a translation); it replaces the last."""
        flag = threading.Event()
        with self._lock:
            self._stops[session] = flag
        return flag

    def end_run(self, session: str, flag: threading.Event) -> None:
        """Forget ``session``'s Stop flag once its job has ended (``flag``: the one
        :meth:`begin_run` gave it, so a newer job's flag stays), so that a Stop pressed after
        the job is told that nothing runs and the table does not keep one flag per session."""
        with self._lock:
            if self._stops.get(session) is flag:
                del self._stops[session]

    def stop_run(self, session: str) -> bool:
        """Ask ``session``'s running job to stop; False when it has none."""
        with self._lock:
            flag = self._stops.get(session)
        if flag is None:
            return False
        flag.set()
        return True

    @property
    def pool(self) -> Any:
        """The app's :class:`workbench.pipeline.translate.EnginePool`, created on first use."""
        with self._lock:
            if self._pool is None:
                from workbench.pipeline.translate import EnginePool

                self._pool = EnginePool(self.settings)
            return self._pool

    @property
    def model_access(self) -> Any:
        """The :class:`workbench.pipeline.model_access.ModelAccess` rule of this app."""
        from workbench.pipeline.model_access import ModelAccess

        offered = tuple((m.engine, m.model) for m in self.extra_models)
        return ModelAccess.for_serve(self.settings, self.models_dirs, offered)

    @property
    def corpora(self) -> Path:
        """Folder of cases offered in the Compare tab."""
        return self.settings.corpora_dir

    @property
    def postedits_path(self) -> Path:
        """SQLite file of post-edited translations."""
        return self.settings.home / "postedits.sqlite"

    @property
    def tasks_dir(self) -> Path:
        """Folder of annotation tasks (one JSONL file per task)."""
        return self.settings.home / "tasks"

    @property
    def exports_dir(self) -> Path:
        """Folder where downloads are written before the browser fetches them."""
        return self.settings.home / "exports"
