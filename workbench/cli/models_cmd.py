"""``workbench models list|pull|convert|info``: the model catalog and the local model cache."""

from __future__ import annotations

import argparse

from workbench.cli.common import settings_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``models`` and its sub-commands to ``sub``."""
    p = sub.add_parser("models", help="list, download, convert and describe translation models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    msub.add_parser("list", help="the catalog, and whether each model is cached here").set_defaults(
        handler=run_list
    )
    pull = msub.add_parser("pull", help="download a model into the Hugging Face cache")
    pull.add_argument("model", help="catalog name or Hub id")
    pull.add_argument("--revision", help="Hub revision (default: the catalog's)")
    pull.set_defaults(handler=run_pull)
    conv = msub.add_parser("convert", help="convert a model to CTranslate2 for the ct2 engine")
    conv.add_argument("model", help="catalog name, Hub id or local transformers folder")
    conv.add_argument("--quantization", default="int8", help="int8 (default), float32, int16 ...")
    conv.add_argument("--revision", help="Hub revision (default: the catalog's)")
    conv.add_argument("--force", action="store_true", help="convert again if already converted")
    conv.set_defaults(handler=run_convert)
    info = msub.add_parser("info", help="catalog details, scores, licence and usage of a model")
    info.add_argument("model", help="catalog name, Hub id, or an engine name (e.g. pivot)")
    info.set_defaults(handler=run_info)


def run_list(args: argparse.Namespace) -> int:
    """Handle ``workbench models list``."""
    from workbench.pipeline.models import catalog_text

    print(catalog_text())
    return 0


def run_pull(args: argparse.Namespace) -> int:
    """Handle ``workbench models pull MODEL``."""
    from workbench.errors import ModelNotDownloadedError
    from workbench.pipeline.models import pull_model

    try:
        resolved = pull_model(args.model, settings_from_args(args), args.revision)
    except ModelNotDownloadedError as err:
        # The resolver's advice, "run `workbench models pull …` on a connected machine", is
        # the command that just failed: say how to bring the model onto this machine instead.
        reason = f" ({err.why})" if err.why else ""
        raise ModelNotDownloadedError(
            f"{err.model} cannot be downloaded from here{reason}; on a connected machine, run "
            f"`workbench models pull {args.model}` and copy its Hugging Face cache "
            "(~/.cache/huggingface/hub) here, then set HF_HUB_OFFLINE=1, or copy the model's "
            "folder here and pass it with --model FOLDER.",
            model=err.model,
            why=err.why,
        ) from err
    print(f"{args.model}: revision {resolved.revision} in {resolved.path}")
    return 0


def run_convert(args: argparse.Namespace) -> int:
    """Handle ``workbench models convert MODEL``."""
    from workbench.pipeline.models import convert_model

    out = convert_model(
        args.model,
        settings_from_args(args),
        quantization=args.quantization,
        revision=args.revision,
        force=args.force,
    )
    print(f"converted {args.model} ({args.quantization}) to {out}")
    print(f"use it with: workbench translate --engine ct2 --model {out} --src SRC")
    return 0


def run_info(args: argparse.Namespace) -> int:
    """Handle ``workbench models info MODEL``."""
    from workbench.pipeline.models import describe_model

    print(describe_model(args.model))
    return 0
