"""Models tab: the catalog with what is ready here, local and converted models, pulling and
converting, the equivalent CLI command. Plain functions over :mod:`workbench.pipeline.models`."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.pipeline import models as pm
from workbench.ui.context import UIContext
from workbench.ui.handlers.translate import AUTO, cli_preview, shown_names

CATALOG_HEADERS = [
    "Name",
    "Engine",
    "Hub id",
    "Pairs",
    "Licence",
    "Params (M)",
    "Size (MB)",
    "Published FLORES-200 scores (BLEU / chrF)",
    "Here",
]
LOCAL_HEADERS = ["Model", "Engine", "Kind", "Converted from", "Size (MB)"]


def catalog_rows(ctx: UIContext) -> list[list[Any]]:
    """One row per catalog entry: scores or "not published", and whether it is ready here."""
    return [
        [
            s.entry.name,
            s.entry.engine,
            s.entry.hub_id,
            ", ".join(s.entry.pairs),
            s.entry.licence,
            s.entry.parameters or "",
            round(s.size_mb) if s.size_mb else "",
            pm.published_scores(s.entry),
            s.state,
        ]
        for s in pm.catalog_status(ctx.settings)
    ]


def local_rows(ctx: UIContext) -> list[list[Any]]:
    """Models copied into ``<home>/models``, conversions in ``<home>/ct2``, ``serve`` folders."""
    extra = tuple((m.engine, m.model) for m in ctx.extra_models)
    found = pm.local_models(ctx.settings, extra, tuple(ctx.models_dirs))
    names = shown_names(found)
    return [
        [
            names[str(m.path)],
            m.engine,
            m.kind,
            Path(m.source).name if m.source.startswith("/") else m.source,
            m.size_mb,
        ]
        for m in found
    ]


def choices(ctx: UIContext) -> list[str]:
    """What the Pull/Convert menu offers: catalog names, then local model names."""
    local = [
        m.name
        for m in pm.local_models(ctx.settings, folders=tuple(ctx.models_dirs))
        if m.kind == "local"
    ]
    return [s.entry.name for s in pm.catalog_status(ctx.settings)] + local


def where_models_go(ctx: UIContext) -> str:
    """A sentence saying where to put model folders so that they are listed."""
    return (
        f"Copy a model folder (config.json, tokenizer files, weights) into "
        f"`{pm.models_dir(ctx.settings)}` and press Refresh: it appears here and in the "
        "Translate tab's model list."
    )


def pull(ctx: UIContext, name: str) -> str:
    """Download a catalog model (no-op when it is here); offline, say how to bring it in.

    A local model (the menu offers them for Convert) needs no pull: it is said so, where the
    catalog's pull would call it "not a catalog model" and tell the user to copy it into the
    models folder it is already in.
    """
    local = {m.name: m for m in pm.local_models(ctx.settings, folders=tuple(ctx.models_dirs))}
    if name in local and local[name].kind == "local":
        return (
            f"{name} is a local model, already on this machine: nothing to pull. The Translate "
            "tab offers it; Convert for ct2 makes a faster copy."
        )
    return pm.pull(name, ctx.settings)


def quantizations() -> list[str]:
    """CTranslate2 weight types the converter accepts."""
    return pm.quantizations()


def convert(ctx: UIContext, name: str, quantization: str) -> str:
    """Convert a catalog or local model for the ``ct2`` engine; returns a confirmation."""
    done = pm.convert(name, ctx.settings, quantization)
    return (
        f"Converted {name} to CTranslate2 ({quantization}, {done.size_mb:,.0f} MB); "
        "it is now listed as ready in the Translate tab."
    )


def cli_commands(
    ctx: UIContext,
    src: str,
    selected: Sequence[str],
    beam_size: float,
    max_length: float,
    custom_model: str = "",
    custom_engine: str = "opus-mt",
) -> str:
    """The ``workbench translate`` command(s) that do what the Translate tab is set to do.

    One line per ticked model; ``SRC`` stands for the language when the tab detects it.
    """
    systems = cli_preview(ctx, selected, custom_model, custom_engine)
    if not systems:
        return "# Tick a model in the Translate tab to see its command here."
    lines = []
    if src == AUTO:
        lines.append(
            "# The tab detects the language per line; the command line takes one: kk, ky or ru."
        )
    for s in systems:
        args = [
            "workbench",
            "translate",
            "--engine",
            s.engine,
            "--model",
            s.model,
            "--src",
            src if src != AUTO else "SRC",
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
