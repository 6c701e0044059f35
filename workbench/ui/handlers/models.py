"""Models tab: the catalog, what is cached locally, pulling models, the equivalent CLI command."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.ui.context import UIContext
from workbench.ui.handlers.translate import AUTO, resolve_systems

CATALOG_HEADERS = [
    "Name",
    "Engine",
    "Hub id",
    "Pairs",
    "Licence",
    "Params (M)",
    "Download (MB)",
    "Published FLORES-200 scores (BLEU / chrF)",
    "Cached here",
]
CACHED_HEADERS = ["Kind", "Model", "Size (MB)", "Location"]


def _scores(entry: Any) -> str:
    return "; ".join(
        f"{s.pair}: {s.bleu if s.bleu is not None else '–'} / {s.chrf if s.chrf is not None else '–'}"
        for s in entry.scores
    )


def catalog_rows() -> list[list[Any]]:
    """One row per catalog entry, with whether it is in the local Hugging Face cache."""
    from workbench.models import cached_snapshot, load_catalog

    rows = []
    for e in load_catalog():
        cached = cached_snapshot(e.hub_id, e.revision) is not None
        rows.append(
            [
                e.name,
                e.engine,
                e.hub_id,
                ", ".join(e.pairs),
                e.licence,
                e.parameters or "",
                e.disk_mb or "",
                _scores(e),
                "yes" if cached else "no",
            ]
        )
    return rows


def _size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def cached_rows(ctx: UIContext) -> list[list[Any]]:
    """Models in the Hugging Face cache and CTranslate2 conversions in the workbench home."""
    rows: list[list[Any]] = []
    try:
        from huggingface_hub import scan_cache_dir

        for repo in sorted(scan_cache_dir().repos, key=lambda r: r.repo_id):
            if repo.repo_type == "model":
                rows.append(
                    [
                        "Hugging Face",
                        repo.repo_id,
                        round(repo.size_on_disk / 1e6, 1),
                        str(repo.repo_path),
                    ]
                )
    except Exception:  # noqa: BLE001 - no cache folder yet, or an unreadable one: nothing cached
        pass
    ct2 = ctx.settings.ct2_dir
    if ct2.is_dir():
        for folder in sorted(p for p in ct2.iterdir() if p.is_dir()):
            rows.append(["CTranslate2", folder.name, _size_mb(folder), str(folder)])
    return rows


def _model_id(name: str) -> str:
    """A catalog name as its Hub id; a Hub id or local folder as given."""
    from workbench.models import find_entry

    name = (name or "").strip()
    if not name:
        raise UserInputError("Choose a catalog model or type a Hub id or local folder first.")
    entry = find_entry(name)
    return entry.hub_id if entry is not None else name


def pull(ctx: UIContext, name: str) -> str:
    """Download a model into the Hugging Face cache (no-op when cached); returns a confirmation.

    Raises:
        UserInputError: without a choice; ModelNotAvailableError when the Hub is unreachable.
    """
    from workbench.models import pull as pull_model

    resolved = pull_model(_model_id(name), ctx.settings)
    return f"{_model_id(name)} is available locally: {resolved.path}"


def quantizations() -> list[str]:
    """CTranslate2 weight types the converter accepts."""
    from workbench.engines.ct2 import COMPUTE_TYPES

    return list(COMPUTE_TYPES)


def convert(ctx: UIContext, name: str, quantization: str) -> str:
    """Convert a model (catalog name, Hub id or transformers folder) for the ``ct2`` engine.

    Raises:
        UserInputError: without a choice or for an unknown quantization;
            ModelNotAvailableError when the source model is neither local nor downloadable.
    """
    from workbench.engines.ct2 import convert as convert_model

    out = convert_model(_model_id(name), ctx.settings, quantization=quantization)
    return f"Converted to CTranslate2 ({quantization}): {out}"


def cli_commands(
    ctx: UIContext,
    src: str,
    selected: Sequence[str],
    custom_model: str,
    custom_engine: str,
    beam_size: float,
    max_length: float,
) -> str:
    """The ``workbench translate`` command(s) that do what the Translate tab is set to do.

    One line per system; ``SRC`` stands for the language when the tab detects it.
    """
    lang = "ru" if src == AUTO else src
    try:
        systems = resolve_systems(ctx, selected, custom_model, custom_engine, lang)
    except UserInputError as err:
        return f"# {err}"
    lines = []
    if src == AUTO:
        lines.append("# The tab detects the language; the command line needs it: kk, ky or ru.")
    for s in systems:
        args = [
            "workbench",
            "translate",
            "--engine",
            s.engine,
            "--model",
            s.model,
            "--src",
            lang if src != AUTO else "SRC",
            "--beam-size",
            str(int(beam_size)),
            "--max-length",
            str(int(max_length)),
            "--input",
            "input.txt",
            "--output",
            "output.txt",
        ]
        lines.append(" ".join(a if a == "SRC" else shlex.quote(a) for a in args))
    return "\n".join(lines)
