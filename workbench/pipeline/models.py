"""Models as the UI and the CLI see them: the catalog with what is ready here, local and converted
models, pulling and converting, and what to do when a model cannot be fetched.

Where models come from (only places the operator named; nothing a visitor types):

* the catalog (``models/catalog.toml``): ready when its Hub snapshot is in the Hugging Face
  cache or a CTranslate2 conversion of it is in ``<home>/ct2``; otherwise it would download;
* ``<home>/models/<name>``: folders the operator copied in (transformers or CTranslate2);
* ``<home>/ct2/<name>``: conversions made by ``workbench models convert`` or the Models tab;
* folders given to ``workbench serve --model ENGINE:FOLDER``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench import models as catalog
from workbench.errors import EngineError, ModelNotAvailableError, UserInputError
from workbench.settings import Settings
from workbench.wording import megabytes

#: What a catalog model's state is called in the UI.
READY_CACHED = "ready (downloaded)"
READY_CONVERTED = "ready (converted)"
WOULD_DOWNLOAD = "would download"
NOT_HERE_OFFLINE = "not here (offline)"
#: Shown where a catalog entry publishes no score.
NOT_PUBLISHED = "not published"
#: Engines that run a transformers folder of each model family.
_FAMILY_ENGINE = {"marian": "opus-mt", "nllb": "nllb", "m2m100": "m2m100"}


@dataclass(frozen=True)
class ModelStatus:
    """One catalog model and whether it can run here without a download.

    Attributes:
        entry: The catalog entry.
        state: :data:`READY_CACHED`, :data:`READY_CONVERTED`, :data:`WOULD_DOWNLOAD` or
            :data:`NOT_HERE_OFFLINE`.
        size_mb: Download size (catalog) or size on disk when ready.
    """

    entry: catalog.ModelEntry
    state: str
    size_mb: float

    @property
    def ready(self) -> bool:
        """Whether the model runs without downloading anything."""
        return self.state in (READY_CACHED, READY_CONVERTED)

    @property
    def label(self) -> str:
        """How a model list shows it: name, engine, state and size."""
        size = megabytes(self.size_mb)
        return f"{self.entry.name} ({self.entry.engine}) · {self.state}, {size}"


@dataclass(frozen=True)
class LocalModel:
    """A model folder on this machine, outside the Hugging Face cache.

    Attributes:
        name: Folder name (shown to users; paths are not).
        engine: Engine that runs it (``ct2`` for a CTranslate2 folder).
        path: The folder.
        kind: ``local`` (in ``<home>/models``), ``converted`` (``<home>/ct2``) or ``serve``
            (given to ``workbench serve --model``).
        size_mb: Size on disk.
        source: For a conversion: the model it was converted from.
    """

    name: str
    engine: str
    path: Path
    kind: str
    size_mb: float
    source: str = ""

    @property
    def label(self) -> str:
        """How a model list shows it."""
        source = Path(self.source).name if Path(self.source).is_absolute() else self.source
        origin = f" from {source}" if source else ""
        return f"{self.name} ({self.engine}) · {self.kind}{origin}, {megabytes(self.size_mb)}"


def folder_size_mb(path: Path) -> float:
    """Size of the files under ``path`` in MB (0 when unreadable)."""
    try:
        return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)
    except OSError:
        return 0.0


def catalog_status(settings: Settings) -> list[ModelStatus]:
    """Every catalog model with whether it is ready here or would download, and its size."""
    from workbench.engines.ct2 import existing_conversion

    out = []
    for entry in catalog.load_catalog():
        snapshot = catalog.cached_snapshot(entry.hub_id, entry.revision)
        converted = existing_conversion(settings, entry.hub_id, entry.revision, "int8")
        if converted is not None:
            out.append(ModelStatus(entry, READY_CONVERTED, folder_size_mb(converted)))
        elif snapshot is not None:
            out.append(ModelStatus(entry, READY_CACHED, float(entry.disk_mb)))
        else:
            state = NOT_HERE_OFFLINE if settings.offline else WOULD_DOWNLOAD
            out.append(ModelStatus(entry, state, float(entry.disk_mb)))
    return out


def published_scores(entry: catalog.ModelEntry) -> str:
    """``pair: BLEU / chrF`` per published score, or :data:`NOT_PUBLISHED`."""
    if not entry.scores:
        return NOT_PUBLISHED
    return "; ".join(
        f"{s.pair}: {s.bleu if s.bleu is not None else '–'} / {s.chrf if s.chrf is not None else '–'}"
        for s in entry.scores
    )


def models_dir(settings: Settings) -> Path:
    """``<home>/models``: where the operator copies model folders."""
    return settings.home / "models"


def engine_of(folder: Path) -> str | None:
    """The engine that runs a model folder (``ct2``, or by its config's family), or ``None``."""
    from workbench.engines.ct2 import is_ct2_folder
    from workbench.engines.hf import detect_family

    if is_ct2_folder(folder):
        return "ct2"
    if not (folder / "config.json").is_file():
        return None
    try:
        return _FAMILY_ENGINE[detect_family(folder)]
    except EngineError:
        return None


def local_models(
    settings: Settings,
    extra: tuple[tuple[str, str], ...] = (),
    folders: tuple[Path, ...] = (),
) -> list[LocalModel]:
    """Model folders in ``<home>/models`` and ``folders``, conversions in ``<home>/ct2``, and
    ``extra``.

    Args:
        settings: Where the home is.
        extra: ``(engine, folder)`` pairs given to ``workbench serve --model``.
        folders: More operator-named model folders (``workbench serve --models-dir``).
    """
    from workbench.engines.ct2 import SIDECAR, is_ct2_folder

    out: list[LocalModel] = []
    bases = [("local", models_dir(settings)), *(("local", f) for f in folders)]
    for kind, base in [*bases, ("converted", settings.ct2_dir)]:
        if not base.is_dir():
            continue
        for folder in sorted(
            p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")
        ):
            engine = engine_of(folder)
            if engine is None:
                continue
            source = str(catalog.read_json(folder / SIDECAR).get("source") or "")
            size = folder_size_mb(folder)
            out.append(LocalModel(folder.name, engine, folder, kind, size, source))
    for engine, model in extra:
        path = Path(model).expanduser()
        if path.is_dir():
            size = folder_size_mb(path)
            engine_name = engine or ("ct2" if is_ct2_folder(path) else "opus-mt")
            out.append(LocalModel(path.name, engine_name, path, "serve", size))
    return out


def offline_help(model: str, settings: Settings) -> str:
    """What to do to bring ``model`` onto a machine that cannot download it, in three ways."""
    hub_cache = os.environ.get("HF_HUB_CACHE") or os.environ.get("HF_HOME")
    cache = hub_cache or str(Path("~/.cache/huggingface/hub"))
    return (
        f"{model} cannot be downloaded from here. To bring it in: (1) on a connected machine, "
        f"download it and copy its folder (with config.json and the weights) into "
        f"{models_dir(settings)}, where it appears under Local models; or (2) copy that "
        f"machine's Hugging Face cache folder ({cache}) here and start the workbench with "
        "HF_HUB_OFFLINE=1 so it reads the cache without asking the Hub; then press Refresh."
    )


def pull(model: str, settings: Settings) -> str:
    """Download a catalog model or Hub id (no-op when cached); returns a confirmation.

    Raises:
        UserInputError: for nothing chosen or something that is not a model id.
        ModelNotAvailableError: offline or unreachable, with :func:`offline_help` as message.
    """
    hub_id = model_id(model)
    try:
        resolved = catalog.pull(hub_id, settings)
    except ModelNotAvailableError as err:
        raise ModelNotAvailableError(offline_help(hub_id, settings)) from err
    return f"{hub_id} is ready on this machine ({megabytes(folder_size_mb(resolved.path))})."


def convert(model: str, settings: Settings, quantization: str = "int8") -> LocalModel:
    """Convert a catalog model, Hub id or local model for the ``ct2`` engine.

    Raises:
        UserInputError: for nothing chosen or a bad quantization.
        ModelNotAvailableError: when the source model is neither here nor downloadable.
    """
    from workbench.engines.ct2 import convert as convert_model

    local = {m.name: m for m in local_models(settings)}
    source = str(local[model].path) if model in local else model_id(model)
    try:
        out = convert_model(source, settings, quantization=quantization)
    except ModelNotAvailableError as err:
        raise ModelNotAvailableError(offline_help(source, settings)) from err
    return LocalModel(out.name, "ct2", out, "converted", folder_size_mb(out), source)


def model_id(name: str) -> str:
    """A catalog name as its Hub id, a Hub id as given; refuses anything that names a path.

    Raises:
        UserInputError: when ``name`` is empty or looks like a path on the server.
    """
    name = (name or "").strip()
    if not name:
        raise UserInputError("Choose a model from the list first.")
    entry = catalog.find_entry(name)
    if entry is not None:
        return entry.hub_id
    parts = name.split("/")
    if len(parts) != 2 or not all(parts) or any(p in (".", "..") for p in parts) or "\\" in name:
        raise UserInputError(
            f"{name!r} is not a catalog model or a Hugging Face id such as "
            "Helsinki-NLP/opus-mt-ru-en; to use a model folder, copy it into the "
            "workbench's models folder and pick it from Local models."
        )
    return name


def quantizations() -> list[str]:
    """CTranslate2 weight types the converter accepts."""
    from workbench.engines.ct2 import COMPUTE_TYPES

    return list(COMPUTE_TYPES)


# ── what `workbench models` prints ──────────────────────────────────────────────────────


def catalog_text() -> str:
    """The catalog as ``workbench models list`` prints it."""
    return catalog.format_catalog()


def describe_model(name: str) -> str:
    """Catalog details, scores, licence and usage of ``name`` (``workbench models info``)."""
    return catalog.describe(name)


def pull_model(
    model: str, settings: Settings, revision: str | None = None
) -> catalog.ResolvedModel:
    """Download a catalog model or Hub id (no-op when cached); returns its folder and revision.

    Raises:
        ModelNotAvailableError: when it is neither cached nor downloadable.
    """
    return catalog.pull(model, settings, revision)


def convert_model(
    model: str,
    settings: Settings,
    *,
    quantization: str = "int8",
    revision: str | None = None,
    force: bool = False,
) -> Path:
    """Convert a catalog model, Hub id or transformers folder for the ``ct2`` engine.

    Raises:
        UserInputError: for a bad quantization.
        ModelNotAvailableError: when the source is neither here nor downloadable.
    """
    from workbench.engines.ct2 import convert as convert_ct2

    return convert_ct2(
        catalog.canonical(model),
        settings,
        quantization=quantization,
        revision=revision,
        force=force,
    )
