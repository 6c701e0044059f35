"""``workbench check``: faithfulness of translations against their sources, no reference.

workbench check --src {kk,ky,ru} --source FILE --translation FILE [--format jsonl|html]
                [--output FILE] [--no-embedder] [--estimator NAME ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import read_text_file, settings_from_args, write_text_output
from workbench.errors import UserInputError
from workbench.types import SOURCE_LANGUAGES
from workbench.wording import count


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``check`` to ``sub``."""
    p = sub.add_parser(
        "check",
        help="flag translations that depart from their source (numbers, names, omissions, ...)",
        description="Check each English translation line against its kk/ky/ru source line: "
        "figures, names, labels, negation, hedges, modality, untranslated or repeated text, "
        "length, and clause coverage. No reference needed. One JSON object per input line.",
    )
    p.add_argument("--src", required=True, choices=SOURCE_LANGUAGES, help="source language")
    p.add_argument("--source", required=True, metavar="FILE", help="source sentences, one a line")
    p.add_argument(
        "--translation", required=True, metavar="FILE", help="one English line per source line"
    )
    p.add_argument("--format", choices=("jsonl", "html"), default="jsonl")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--no-embedder",
        action="store_true",
        help="skip clause coverage (omission/addition/unrelated): faster, no embedding model",
    )
    p.add_argument(
        "--estimator",
        action="append",
        default=[],
        metavar="NAME",
        help="add a model-based estimate: cometkiwi or xcomet (CC-BY-NC-SA, gated weights), "
        "metricx-qe (Apache-2.0); needs the package and the weights",
    )
    p.set_defaults(handler=run_check)


def read_lines(path: str, what: str) -> list[str]:
    """The lines of a UTF-8 text file, blank lines kept (a final newline ends the last line).

    Raises:
        UserInputError: missing, binary, non-UTF-8 or empty file.
    """
    text = read_text_file(path)
    if not text.strip():
        raise UserInputError(f"The {what} file {path} is empty; give one sentence per line.")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def run_check(args: argparse.Namespace) -> int:
    """Check the files and write JSONL or HTML."""
    from workbench.cli.translate_cmd import progress_bar
    from workbench.pipeline.faithfulness import check_translations, render
    from workbench.pipeline.inputs import language_notice

    sources = read_lines(args.source, "source")
    translations = read_lines(args.translation, "translation")
    if len(sources) != len(translations):
        raise UserInputError(
            f"{args.source} has {count(len(sources), 'line')} but {args.translation} has "
            f"{len(translations)}; give one translation line per source line."
        )
    # A source in another language than --src is checked with the wrong language's rules and
    # flagged with no hint why (as `translate` and `compare` warn, before the work, also -q).
    checks = (
        (sources, args.src, args.source, "check --src"),
        (translations, "en", args.translation, "the translations must be English"),
    )
    for lines, language, path, fix in checks:
        if note := language_notice(lines, language, Path(path).name, fix):
            print(f"warning: {note}", file=sys.stderr, flush=True)
    settings = settings_from_args(args)
    # The clause coverage embeds every sentence and clause: minutes on a long file, so a bar
    # counts the texts embedded (cache hits are not), as `compare` does (review20: 150 lines
    # were 64 s without a sign of life).
    with progress_bar(
        quiet=args.quiet or args.no_embedder,
        desc="checking: embedding",
        unit="text",
        heartbeat=1.0,
    ) as embedding:
        results = check_translations(
            sources,
            translations,
            args.src,
            settings=settings,
            use_embedder=not args.no_embedder,
            estimators=args.estimator,
            progress=embedding,
        )
    write_text_output(render(results, args.format), args.output, announce=True)
    return 0
