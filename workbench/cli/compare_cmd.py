"""``workbench compare`` and ``workbench cases list``: thin adapters over the compare pipeline.

workbench compare --statements FILE --src {kk,ky,ru} --reporting FILE [--translations FILE]
                  [--engine NAME --model ID] [--format json|html|md] [--output FILE]
workbench compare --case kazakhstan-2022-01 [--format ...] [--output FILE]
workbench cases list [--corpora DIR]
"""

from __future__ import annotations

import argparse
import sys

from workbench.errors import UserInputError
from workbench.settings import Settings
from workbench.types import SOURCE_LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``compare`` and ``cases`` to ``sub``."""
    _register_compare(sub)
    cases = sub.add_parser("cases", help="list the cases of the corpora folder")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="COMMAND")
    listing = cases_sub.add_parser("list", help="list the cases, their documents and languages")
    _add_corpora_option(listing)
    listing.set_defaults(handler=run_cases_list)


def _add_corpora_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpora",
        metavar="DIR",
        help="folder of cases (default: $WORKBENCH_CORPORA, else the repository's corpora/)",
    )


def _register_compare(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "compare",
        help="line statements up against English reporting and list the differences",
        description="Line kk/ky/ru statements up against English reporting and list the "
        "differences in wording (numbers, names, framing, attribution, hedges, omissions).",
    )
    p.add_argument("--case", metavar="ID|PATH", help="compare a whole case (id or folder)")
    p.add_argument(
        "--statements", metavar="FILE", help="statements, one per line (.txt/.jsonl/.csv)"
    )
    p.add_argument("--src", choices=SOURCE_LANGUAGES, help="language of the statements")
    p.add_argument("--reporting", metavar="FILE", help="English reporting (.txt/.jsonl/.csv)")
    p.add_argument("--translations", metavar="FILE", help="one English line per statement line")
    p.add_argument("--engine", help="translate the statements with this engine (e.g. opus-mt)")
    p.add_argument("--model", metavar="ID", help="model of --engine (Hub id or folder)")
    p.add_argument("--embedder", help="sentence embedder for the alignment (default: e5-small)")
    p.add_argument(
        "--threshold", type=float, help="alignment score threshold (default: calibrated)"
    )
    p.add_argument("--format", choices=("json", "html", "md"), default="json")
    p.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    _add_corpora_option(p)
    p.set_defaults(handler=run_compare)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.resolve(
        {"home": getattr(args, "home", None), "corpora": getattr(args, "corpora", None)}
    )


def run_cases_list(args: argparse.Namespace) -> int:
    """Print one line per case: id, number of documents, languages, title."""
    from workbench.corpus import list_cases

    settings = _settings(args)
    cases = list_cases(settings.corpora_dir)
    if not cases:
        print(f"No cases in {settings.corpora_dir}.", file=sys.stderr)
        return 0
    for case in cases:
        langs = ", ".join(dict.fromkeys(d.language for d in case.documents))
        print(f"{case.id}\t{len(case.documents)} documents\t{langs}\t{case.title}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """Compare statements with reporting (or a whole case) and write JSON, HTML or Markdown."""
    raise UserInputError("workbench compare is not available yet.")
