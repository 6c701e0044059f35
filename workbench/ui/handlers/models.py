"""Models tab: the catalog with what is ready here, local and converted models, pulling and
converting, the equivalent CLI command. Plain functions over :mod:`workbench.pipeline.models`."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.pipeline import models as pm
from workbench.ui.context import UIContext
from workbench.ui.handlers.translate import AUTO, cli_preview, keyed, shown_names

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


#: Prefix of a local model's value in the Pull/Convert menu (catalog names are plain).
LOCAL = "local:"


def choices(ctx: UIContext) -> list[tuple[str, str]]:
    """What the Pull/Convert menu offers, as ``(label, value)``: catalog names, then local
    models by their shown name. Two local folders of one name (``<home>/models`` and a
    ``serve --models-dir``) read apart ("· from team-a/") and have values of their own, as in
    the Translate tab and the Models table (F7: both read "my-ru-en" and Convert took one)."""
    found = _local_models(ctx)
    names = shown_names(found)
    local = [
        (names[str(m.path)], f"{LOCAL}{key}")
        for key, m in keyed(found).items()
        if m.kind == "local"
    ]
    return [(s.entry.name, s.entry.name) for s in pm.catalog_status(ctx.settings)] + local


def _local_models(ctx: UIContext) -> list[pm.LocalModel]:
    return pm.local_models(ctx.settings, folders=tuple(ctx.models_dirs))


def _picked(ctx: UIContext, value: str) -> tuple[pm.LocalModel, str] | None:
    """The local model a menu value names and its shown name; None for a catalog name or Hub
    id. A bare folder name (a page from before this menu had values) is taken when it names
    one local folder only.

    Raises:
        UserInputError: for a local value that is no longer on offer, or a bare name that two
            local folders share.
    """
    found = _local_models(ctx)
    names = shown_names(found)
    if value.startswith(LOCAL):
        m = keyed(found).get(value.removeprefix(LOCAL))
        if m is None or m.kind != "local":
            raise UserInputError(
                "That local model is no longer in the model folders; press Refresh and pick "
                "it again."
            )
        return m, names[str(m.path)]
    same = [m for m in found if m.kind == "local" and m.name == value]
    if len(same) > 1:
        raise UserInputError(
            f"Two local folders are named {value}: press Refresh and pick one of them from "
            "the list (each is shown with the folder it is in)."
        )
    return (same[0], names[str(same[0].path)]) if same else None


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
    picked = _picked(ctx, name)
    if picked is not None:
        return (
            f"{picked[1]} is a local model, already on this machine: nothing to pull. The "
            "Translate tab offers it; Convert for ct2 makes a faster copy."
        )
    return pm.pull(name, ctx.settings)


def quantizations() -> list[str]:
    """CTranslate2 weight types the converter accepts."""
    return pm.quantizations()


def convert(ctx: UIContext, name: str, quantization: str) -> str:
    """Convert a catalog or local model for the ``ct2`` engine; returns a confirmation.

    A local model is converted from the very folder picked in the menu (the pipeline's
    ``convert`` looks a name up in ``<home>/models`` only, so it took one of two same-named
    folders, and could not find a ``serve --models-dir`` folder at all)."""
    picked = _picked(ctx, name)
    if picked is None:
        done = pm.convert(name, ctx.settings, quantization)
        size, shown = done.size_mb, name
    else:
        out = pm.convert_model(str(picked[0].path), ctx.settings, quantization=quantization)
        size, shown = pm.folder_size_mb(out), picked[1]
    return (
        f"Converted {shown} to CTranslate2 ({quantization}, {size:,.0f} MB); "
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
