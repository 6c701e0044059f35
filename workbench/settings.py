"""One settings object, resolved once and passed down explicitly.

Precedence: explicit overrides (command line, UI) > environment > config file > defaults.
Nothing here runs at import time: no directory is created and no environment variable is read
until :meth:`Settings.resolve` is called.

Environment variables:
    WORKBENCH_HOME      where caches, converted models and judgments live
                        (default: the user's data folder, e.g. ``~/.local/share/workbench``).
    WORKBENCH_CONFIG    a TOML config file (default: ``$WORKBENCH_HOME/config.toml`` if present).
    WORKBENCH_THREADS   CPU threads for engines and embedders (default 0: all cores).
    WORKBENCH_OFFLINE   ``1`` to never contact the Hugging Face Hub (``HF_HUB_OFFLINE`` also counts).
    WORKBENCH_CACHE     ``0`` to disable the translation cache.
    WORKBENCH_CORPORA   the folder of cases (default: ``corpora/`` next to the package).
    WORKBENCH_MAX_LINE_CHARS, WORKBENCH_MAX_LINES, WORKBENCH_MAX_CASE_DOCUMENTS
                        input caps (see :class:`workbench.textio.Limits`).
    WORKBENCH_ALLOW_PICKLE  ``1`` to let engines load pickled ``pytorch_model.bin`` weights
                        (refused by default: unpickling can run code).
    WORKBENCH_ALLOW_OUTSIDE_CASE_FILES  ``1`` to let ``case.toml`` name files outside its folder.
    WORKBENCH_BACKUP_EVERY  back the judgments store up every N submitted judgments (default 50).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.textio import Limits

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_TRUE = {"1", "true", "yes", "on"}


def _default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("workbench", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Resolved configuration for one run of the workbench.

    Attributes:
        home: Folder for the translation cache, converted models, embeddings and judgments.
        threads: CPU threads engines may use (0 = let the library decide).
        offline: Never contact the Hugging Face Hub.
        use_cache: Read and write the translation cache.
        device: ``cpu`` or ``cuda``.
        extra: Config-file keys not otherwise known, kept for stages that define their own.
        corpora: Folder of cases (``None``: the repository's ``corpora/``).
        max_line_chars: Cap on characters per input line (see :class:`~workbench.textio.Limits`).
        max_lines: Cap on lines per input file.
        max_case_documents: Cap on documents per case folder.
        allow_pickle: Let engines load pickled ``pytorch_model.bin`` weights (off: refused).
        allow_outside_case_files: Let a ``case.toml`` name files outside its folder (off:
            absolute paths, ``..`` and symlinks out of the folder are refused).
        backup_every: Back the judgments store up every N submitted judgments (0: only at start).
        backups_kept: How many backups of each store are kept (oldest removed first).
    """

    home: Path
    threads: int = 0
    offline: bool = False
    use_cache: bool = True
    device: str = "cpu"
    extra: Mapping[str, Any] = field(default_factory=dict)
    corpora: Path | None = None
    max_line_chars: int = Limits.max_line_chars
    max_lines: int = Limits.max_lines
    max_case_documents: int = Limits.max_case_documents
    allow_pickle: bool = False
    allow_outside_case_files: bool = False
    backup_every: int = 50
    backups_kept: int = 5

    def __post_init__(self) -> None:
        for name in ("max_line_chars", "max_lines", "max_case_documents", "backups_kept"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise UserInputError(
                    f"The setting {name} must be a whole number >= 1, not {value!r}."
                )
        if isinstance(self.threads, bool) or not isinstance(self.threads, int) or self.threads < 0:
            raise UserInputError(
                f"The setting threads (WORKBENCH_THREADS) must be a whole number >= 0 "
                f"(0: let each engine use every core), not {self.threads!r}."
            )
        if isinstance(self.backup_every, bool) or not isinstance(self.backup_every, int):
            raise UserInputError(
                f"The setting backup_every must be a whole number, not {self.backup_every!r}."
            )
        for flag in ("allow_pickle", "allow_outside_case_files"):
            if not isinstance(getattr(self, flag), bool):
                raise UserInputError(
                    f"The setting {flag} must be true or false, not {getattr(self, flag)!r}."
                )

    @property
    def limits(self) -> Limits:
        """The input caps (characters per line, lines per file, documents per case)."""
        return Limits(self.max_line_chars, self.max_lines, self.max_case_documents)

    @property
    def backups_dir(self) -> Path:
        """Folder of rotated online backups of the judgments and post-edit stores."""
        return self.home / "backups"

    @property
    def cache_path(self) -> Path:
        """SQLite file of cached translations."""
        return self.home / "cache.sqlite"

    @property
    def embeddings_path(self) -> Path:
        """SQLite file of cached sentence embeddings."""
        return self.home / "embeddings.sqlite"

    @property
    def judgments_path(self) -> Path:
        """SQLite file of human judgments."""
        return self.home / "judgments.sqlite"

    @property
    def ct2_dir(self) -> Path:
        """Folder of CTranslate2 conversions, one sub-folder per model and quantization."""
        return self.home / "ct2"

    @property
    def corpora_dir(self) -> Path:
        """Folder of cases: :attr:`corpora`, or ``corpora/`` next to the installed package."""
        if self.corpora is not None:
            return Path(self.corpora).expanduser()
        return Path(__file__).resolve().parent.parent / "corpora"

    @property
    def data_dir(self) -> Path:
        """Folder for downloaded test sets (``workbench data get``)."""
        return self.home / "data"

    def ensure_home(self) -> Path:
        """Create :attr:`home` if needed and return it."""
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UserInputError(
                f"Cannot create the workbench folder {self.home} ({err.strerror}); "
                "set WORKBENCH_HOME to a writable folder."
            ) from err
        return self.home

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def resolve(
        cls,
        overrides: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Settings:
        """Build settings from overrides > environment > config file > defaults.

        Args:
            overrides: Values given explicitly (command line, UI); ``None`` values are ignored.
            env: The environment to read (default: ``os.environ``).

        Raises:
            UserInputError: when the config file or an environment value is malformed.
        """
        env = os.environ if env is None else env
        given = {k: v for k, v in (overrides or {}).items() if v is not None}
        home = Path(given.pop("home", None) or env.get("WORKBENCH_HOME") or _default_home())
        home = home.expanduser()
        config_path = Path(env.get("WORKBENCH_CONFIG") or home / "config.toml")
        values: dict[str, Any] = _read_config(config_path) if config_path.is_file() else {}
        if "WORKBENCH_THREADS" in env:
            values["threads"] = _parse_int("WORKBENCH_THREADS", env["WORKBENCH_THREADS"])
        if (
            env.get("WORKBENCH_OFFLINE", "").lower() in _TRUE
            or env.get("HF_HUB_OFFLINE", "").lower() in _TRUE
        ):
            values["offline"] = True
        if env.get("WORKBENCH_CACHE", "").lower() in {"0", "false", "no", "off"}:
            values["use_cache"] = False
        for key in ("max_line_chars", "max_lines", "max_case_documents", "backup_every"):
            var = f"WORKBENCH_{key.upper()}"
            if env.get(var):
                values[key] = _parse_int(var, env[var])
        for key in ("allow_pickle", "allow_outside_case_files"):
            if env.get(f"WORKBENCH_{key.upper()}", "").lower() in _TRUE:
                values[key] = True
        if env.get("WORKBENCH_CORPORA"):
            values["corpora"] = env["WORKBENCH_CORPORA"]
        values.update(given)
        if values.get("corpora") is not None:
            values["corpora"] = Path(values["corpora"])
        known = {f.name for f in dataclasses.fields(cls)} - {"home", "extra"}
        extra = {k: v for k, v in values.items() if k not in known}
        return cls(home=home, extra=extra, **{k: v for k, v in values.items() if k in known})


def _parse_int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError as err:
        raise UserInputError(f"{name} must be a whole number, not {raw!r}.") from err


def _read_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise UserInputError(f"Cannot read the config file {path}: {err}.") from err
    return dict(data.get("workbench", data))
