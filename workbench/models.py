"""The model catalog (``models/catalog.toml``) and model resolution.

The catalog is data: name, Hub id, revision, engine, language pairs, licence, size and the
published FLORES-200 scores that justify the default engine for each language pair.

Resolution turns what a user typed (``--model``) into a folder on disk:

* a local folder is used as it is; its revision is a content hash of its ``config.json`` and
  the names and sizes of its files (fast, no weights are read);
* a Hub id is looked up in the standard Hugging Face cache first (``local_files_only``); when it
  is absent and the settings allow it, it is downloaded with a progress bar on stderr; the
  revision is then the commit hash of the snapshot folder;
* a model that is neither cached nor reachable raises :class:`ModelNotAvailableError` with one
  sentence naming the model and the command that fetches it.

Nothing here imports torch or transformers; ``huggingface_hub`` loads only when a Hub id is
resolved.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import ModelNotAvailableError, ModelNotDownloadedError, UserInputError
from workbench.settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

log = logging.getLogger("workbench")

#: The catalog shipped with the workbench (``models/catalog.toml`` at the repository root).
CATALOG_PATH = Path(__file__).resolve().parents[1] / "models" / "catalog.toml"
#: Files a translation model needs; TensorFlow/Flax/Rust/ONNX weights are never downloaded.
IGNORE_PATTERNS = ["*.h5", "*.msgpack", "*.ot", "rust_model*", "onnx/*", "*.onnx", "*.tflite"]


@dataclass(frozen=True)
class Score:
    """A published score of a model on a test set (from the OPUS-MT leaderboard)."""

    pair: str
    testset: str
    bleu: float | None = None
    chrf: float | None = None
    source: str = ""


@dataclass(frozen=True)
class ModelEntry:
    """One model of the catalog.

    Attributes:
        name: Short catalog name (``opus-mt-tc-big-zle-en``).
        hub_id: Hugging Face Hub id.
        engine: Engine that runs it by default (``ct2``: CTranslate2, int8 on CPU).
        transformers_engine: The engine that runs it with transformers (``opus-mt``, ``nllb``,
            ``m2m100``); the ``ct2`` engine detects the family from the model's files.
        pairs: Language pairs it translates, as ``src-tgt`` (``ru-en``).
        revision: Hub revision to use: a verified commit hash, or ``main``.
        pinned: Whether :attr:`revision` is a verified commit hash.
        licence: Licence of the weights.
        parameters: Parameter count in millions.
        disk_mb: Approximate download size in MB (PyTorch weights).
        target_token: Target-language token for multilingual OPUS-MT models (``>>eng<<``).
        default_for: Pairs for which this model is the default.
        scores: Published FLORES-200 devtest scores.
        notes: Free text (coverage caveats, provenance of the numbers).
    """

    name: str
    hub_id: str
    engine: str
    pairs: tuple[str, ...]
    transformers_engine: str = ""
    revision: str = "main"
    pinned: bool = False
    licence: str = ""
    parameters: int = 0
    disk_mb: int = 0
    target_token: str = ""
    default_for: tuple[str, ...] = ()
    scores: tuple[Score, ...] = ()
    notes: str = ""

    def supports(self, src: str, tgt: str = "en") -> bool:
        """Whether the model translates ``src`` into ``tgt``."""
        return f"{src}-{tgt}" in self.pairs


@dataclass(frozen=True)
class ResolvedModel:
    """A model folder on disk and the revision it represents."""

    path: Path
    revision: str
    hub_id: str | None = None


# ─── catalog ───────────────────────────────────────────────────────────────────────────────


def load_catalog(path: Path | None = None) -> list[ModelEntry]:
    """Read the model catalog.

    Raises:
        UserInputError: when the catalog file is missing or malformed.
    """
    path = path or CATALOG_PATH
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        return [_entry(raw) for raw in data.get("model", [])]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as err:
        raise UserInputError(f"Cannot read the model catalog {path}: {err}.") from err


def _entry(raw: dict[str, Any]) -> ModelEntry:
    scores = tuple(Score(**s) for s in raw.pop("scores", []))
    return ModelEntry(
        pairs=tuple(raw.pop("pairs")),
        default_for=tuple(raw.pop("default_for", ())),
        scores=scores,
        **raw,
    )


def find_entry(name_or_id: str, catalog: list[ModelEntry] | None = None) -> ModelEntry | None:
    """The catalog entry whose name or Hub id is ``name_or_id`` (``None`` when absent)."""
    for entry in catalog if catalog is not None else load_catalog():
        if name_or_id in (entry.name, entry.hub_id):
            return entry
    return None


def canonical(model: str) -> str:
    """The Hub id for a catalog name (``nllb-200-distilled-600M``); anything else unchanged."""
    if is_local(model):
        return model
    entry = find_entry(model)
    return entry.hub_id if entry is not None else model


def get_entry(name_or_id: str) -> ModelEntry:
    """Like :func:`find_entry` but raises a user error listing the catalog names."""
    catalog = load_catalog()
    entry = find_entry(name_or_id, catalog)
    if entry is None:
        names = ", ".join(e.name for e in catalog)
        raise UserInputError(f"{name_or_id!r} is not in the model catalog; known: {names}.")
    return entry


def default_for(src: str, tgt: str = "en") -> ModelEntry:
    """The default model for a language pair (chosen from published FLORES-200 scores).

    Raises:
        UserInputError: when no catalog model is the default for the pair.
    """
    pair = f"{src}-{tgt}"
    for entry in load_catalog():
        if pair in entry.default_for:
            return entry
    raise UserInputError(f"No default model for {pair}; pick one with `workbench models list`.")


# ─── resolution ────────────────────────────────────────────────────────────────────────────


def is_local(model: str) -> bool:
    """Whether ``model`` names an existing local folder (rather than a Hub id)."""
    return Path(model).expanduser().is_dir()


def looks_like_path(model: str) -> bool:
    """Whether ``model`` can only be a path, never a Hub id (``org/name`` or ``name``): it
    starts with ``/``, ``.`` or ``~``, or has more than one ``/``, or a backslash."""
    return model.startswith(("/", ".", "~")) or model.count("/") > 1 or "\\" in model


def local_revision(folder: Path) -> str:
    """A fast content hash of a model folder: ``config.json`` plus file names and sizes."""
    h = hashlib.sha256()
    config = folder / "config.json"
    if config.is_file():
        h.update(config.read_bytes())
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f"{f.relative_to(folder).as_posix()}\0{f.stat().st_size}\n".encode())
    return "sha256-" + h.hexdigest()[:16]


def _not_available(model: str, why: str = "") -> ModelNotDownloadedError:
    reason = f" ({why})" if why else ""
    return ModelNotDownloadedError(
        f"The model {model} is not downloaded and cannot be fetched now{reason}; "
        f"run `workbench models pull {model}` on a connected machine, or pass a local folder.",
        model=model,
        why=why,
    )


def cached_snapshot(hub_id: str, revision: str = "main") -> Path | None:
    """The Hugging Face cache folder of ``hub_id`` at ``revision``, or ``None`` if not cached."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        return Path(snapshot_download(hub_id, revision=revision, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, OSError):
        return None


def download(hub_id: str, revision: str = "main") -> Path:
    """Download ``hub_id`` into the Hugging Face cache (progress bars on stderr).

    Raises:
        ModelNotAvailableError: when the Hub cannot be reached or has no such model.
    """
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        HfHubHTTPError,
        HFValidationError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    try:
        return Path(snapshot_download(hub_id, revision=revision, ignore_patterns=IGNORE_PATTERNS))
    except RepositoryNotFoundError as err:
        raise ModelNotAvailableError(
            f"The Hugging Face Hub has no model {hub_id} (or it is gated); "
            "check the id with `workbench models list`."
        ) from err
    except RevisionNotFoundError as err:
        raise ModelNotAvailableError(
            f"The model {hub_id} has no revision {revision}; check the catalog entry."
        ) from err
    except HFValidationError as err:
        raise ModelNotAvailableError(
            f"{hub_id!r} is neither a local folder nor a valid Hugging Face model id; "
            "give a folder path or an id such as Helsinki-NLP/opus-mt-ru-en."
        ) from err
    except (LocalEntryNotFoundError, OfflineModeIsEnabled, HfHubHTTPError, OSError) as err:
        raise _not_available(hub_id, "the Hugging Face Hub is unreachable") from err


def resolve(
    model: str,
    settings: Settings,
    revision: str = "main",
    *,
    allow_download: bool = True,
) -> ResolvedModel:
    """Turn a local folder or Hub id into a folder on disk.

    Args:
        model: Local folder or Hub id.
        settings: ``settings.offline`` forbids downloads.
        revision: Hub revision (ignored for local folders).
        allow_download: Download a Hub model that is not cached (when not offline).

    Raises:
        ModelNotAvailableError: when the model is neither local, cached nor downloadable.
    """
    if is_local(model):
        folder = Path(model).expanduser().resolve()
        return ResolvedModel(folder, local_revision(folder))
    if looks_like_path(model):
        what = (
            "is a file, not a model folder"
            if Path(model).expanduser().exists()
            else "does not exist"
        )
        raise ModelNotAvailableError(
            f"The model folder {model} {what}; give the folder holding config.json and the "
            "weights, or a Hugging Face id such as Helsinki-NLP/opus-mt-ru-en."
        )
    snapshot = cached_snapshot(model, revision)
    if snapshot is None:
        if settings.offline or not allow_download:
            why = "offline mode is on" if settings.offline else ""
            raise _not_available(model, why)
        log.info("downloading %s from the Hugging Face Hub", model)
        snapshot = download(model, revision)
    return ResolvedModel(snapshot, snapshot.name, hub_id=model)


def revision_of(model: str, revision: str = "main") -> str:
    """The revision a signature records, without downloading or loading anything.

    A local folder gives its content hash; a cached Hub model its snapshot commit hash; an
    uncached Hub model the requested revision (a pinned hash, or ``main``).
    """
    if is_local(model):
        return local_revision(Path(model).expanduser().resolve())
    snapshot = cached_snapshot(model, revision)
    return snapshot.name if snapshot is not None else revision


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from ``path``, or ``{}`` if the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# ─── what the `workbench models` commands print ────────────────────────────────────────────


def pull(model: str, settings: Settings, revision: str | None = None) -> ResolvedModel:
    """Download a catalog model or Hub id into the Hugging Face cache (no-op when cached).

    Raises:
        ModelNotAvailableError: when it is neither cached nor downloadable.
    """
    hub_id = canonical(model)
    entry = find_entry(hub_id)
    rev = revision or (entry.revision if entry else "main")
    if settings.offline:
        return resolve(hub_id, settings, rev)
    return resolve(hub_id, settings.replace(offline=False), rev)


def _size(entry: ModelEntry) -> str:
    params = (
        f"{entry.parameters / 1000:.1f}B" if entry.parameters >= 1000 else f"{entry.parameters}M"
    )
    disk = f"{entry.disk_mb / 1000:.1f} GB" if entry.disk_mb >= 1000 else f"{entry.disk_mb} MB"
    return f"{params} / {disk}"


def format_catalog(catalog: list[ModelEntry] | None = None) -> str:
    """The catalog as a text table, with whether each model is in the local HF cache."""
    rows = [("NAME", "PAIRS", "LICENCE", "PARAMS / DISK", "REVISION", "CACHED", "DEFAULT FOR")]
    for e in catalog if catalog is not None else load_catalog():
        cached = "yes" if cached_snapshot(e.hub_id, e.revision) is not None else "no"
        rev = e.revision[:12] if e.pinned else f"{e.revision} (unpinned)"
        rows.append(
            (e.name, ",".join(e.pairs), e.licence, _size(e), rev, cached, ",".join(e.default_for))
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append("")
    lines.append("Details, scores and usage: workbench models info NAME")
    return "\n".join(lines)


def describe(name: str) -> str:
    """What ``workbench models info NAME`` prints: a catalog entry, or an engine's usage."""
    from workbench.engines import ENGINES

    entry = find_entry(name)
    if entry is None and name in ENGINES and not is_local(name):
        cls = ENGINES.get(name)
        module_doc = sys.modules[cls.__module__].__doc__ or ""
        return f"engine {name}\n\n{module_doc.strip()}\n\n{name}: {(cls.__doc__ or '').strip()}"
    if entry is None:
        entry = get_entry(name)  # raises, listing the catalog names
    lines = [
        f"{entry.name}",
        f"  Hub id:     {entry.hub_id}",
        f"  revision:   {entry.revision}" + ("" if entry.pinned else " (not pinned)"),
        f"  engine:     {entry.engine} (transformers: {entry.transformers_engine})",
        f"  pairs:      {', '.join(entry.pairs)}",
        f"  licence:    {entry.licence}",
        f"  size:       {_size(entry)}",
    ]
    if entry.default_for:
        lines.append(f"  default for: {', '.join(entry.default_for)}")
    for s in entry.scores:
        chrf = f" / chrF {s.chrf}" if s.chrf is not None else ""
        lines.append(f"  score:      {s.pair} {s.testset}: BLEU {s.bleu}{chrf} ({s.source})")
    if entry.notes:
        lines.append(f"  notes:      {entry.notes}")
    lines.append("")
    lines.append(f"  fetch:      workbench models pull {entry.name}")
    for pair in entry.pairs:
        src, _, tgt = pair.partition("-")
        if tgt == "en":
            lines.append(
                f"  translate:  workbench translate --engine {entry.engine} "
                f"--model {entry.hub_id} --src {src}"
            )
        else:
            lines.append(
                f"  pivot leg:  workbench translate --engine pivot --src {src} --model "
                f'"{entry.engine}:{entry.hub_id}+{entry.engine}" (via {tgt}; `models info pivot`)'
            )
    return "\n".join(lines)
