"""The ``workbench`` command line: a thin adapter over :mod:`workbench.pipeline`.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its sub-commands, each with ``set_defaults(handler=...)``. A handler takes the parsed arguments
and returns an exit code. User errors print one sentence on stderr and exit with status 2;
``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from workbench import __version__
from workbench.cli.common import check_outputs, without_ray_native_logs
from workbench.errors import WorkbenchError

#: Modules that contribute sub-commands, in the order of ``workbench --help``.
COMMAND_MODULES: tuple[str, ...] = (
    "workbench.cli.translate_cmd",
    "workbench.cli.batch_cmd",
    "workbench.cli.models_cmd",
    "workbench.cli.compare_cmd",
    "workbench.cli.check_cmd",
    "workbench.cli.evaluate_cmd",
    "workbench.cli.serve_cmd",
)

log = logging.getLogger("workbench")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Translate kk/ky/ru statements, compare them with English reporting, "
        "score translations.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument("--home", help="workbench data folder (default: $WORKBENCH_HOME)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or notices")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def command_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of the deepest (sub-)command named in ``argv`` (``parser`` when none is)."""
    current = parser
    for token in argv:
        subs = [a for a in current._actions if isinstance(a, argparse._SubParsersAction)]
        if subs and token in subs[0].choices:
            current = subs[0].choices[token]
    return current


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workbench`` console script."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    args, extras = parser.parse_known_args(given)
    if extras:
        # review22's walk: `workbench translate --src ru notes.txt` printed the usage of
        # `workbench` and "unrecognized arguments: notes.txt", with no word of the command's
        # own options (its files are given with --input, --statements, --ref ...)
        command = command_parser(parser, given)
        hint = f"{command.prog} takes its files with options, as its usage above shows"
        if extras[0].startswith("-"):
            hint = f"{command.prog} has no such option"
        elif positional := [
            a.metavar or a.dest for a in command._positionals._group_actions if a.nargs != 0
        ]:  # `batch ARCHIVE`, `models info NAME`: one given, the rest go with options
            hint = f"{command.prog} takes one {' '.join(map(str, positional))}; the rest go with options"
        command.error(
            f"unrecognized arguments: {' '.join(extras)} ({hint}; see {command.prog} --help)"
        )
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s: %(message)s",
    )
    if args.quiet:
        # transformers and huggingface_hub read this when first imported: without it, -q
        # still printed transformers' "Loading weights" bar on every model load.
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 1
    try:
        check_outputs(args)
        with without_ray_native_logs(args.quiet and getattr(args, "ray", None) is not None):
            return int(handler(args) or 0)
    except WorkbenchError as err:
        if args.debug:
            log.exception("failed")
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
