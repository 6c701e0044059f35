"""``workbench compare`` and ``workbench cases list``: thin adapters over the compare pipeline.

workbench compare --statements FILE --src {kk,ky,ru} --reporting FILE [--translations FILE]
                  [--engine NAME --model ID] [--format json|html|md] [--output/-o FILE]
workbench compare --case kazakhstan-2022-01 [--format ...] [--output/-o FILE]
                  [--kinds K,K] [--outlets ID,ID] [--outlet-types T,T] [--min-salience X]
                  [--no-corrections]
workbench cases list [--corpora DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from workbench.cli.common import write_text_output
from workbench.errors import CorpusError, UserInputError
from workbench.settings import Settings
from workbench.types import SOURCE_LANGUAGES

#: ``--format`` choices (the compare pipeline's report formats).
FORMATS: tuple[str, ...] = ("json", "html", "md")

if TYPE_CHECKING:
    from workbench.pipeline.compare import Translator
    from workbench.view import ViewFilters


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``compare`` and ``cases`` to ``sub``."""
    _register_compare(sub)
    cases = sub.add_parser("cases", help="list the cases of the corpora folder")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
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
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--kinds", metavar="K,K", help="HTML and Markdown reports: show only these difference kinds"
    )
    p.add_argument(
        "--outlets",
        metavar="ID,ID",
        help="HTML and Markdown reports: show only these report documents",
    )
    p.add_argument(
        "--outlet-types",
        metavar="T,T",
        help="HTML and Markdown reports: show only these outlet types",
    )
    p.add_argument(
        "--min-salience",
        type=float,
        default=0.0,
        metavar="X",
        help="HTML and Markdown reports: hide differences less salient than X (0-1)",
    )
    p.add_argument(
        "--no-corrections",
        action="store_true",
        help="ignore the analyst's link corrections saved with the case (corrections.toml)",
    )
    _add_corpora_option(p)
    p.set_defaults(handler=run_compare)


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.resolve(
        {"home": getattr(args, "home", None), "corpora": getattr(args, "corpora", None)}
    )


def run_cases_list(args: argparse.Namespace) -> int:
    """Print one line per case: id, number of documents, languages, title."""
    from workbench.pipeline.compare import cases_in
    from workbench.wording import count

    settings = _settings(args)
    skipped: list[str] = []  # one malformed case does not hide the others (as in the UI)
    cases = cases_in(
        settings.corpora_dir,
        limits=settings.limits,
        allow_outside=settings.allow_outside_case_files,
        errors=skipped,
    )
    for message in skipped:
        print(f"warning: skipped a case: {message}", file=sys.stderr)
    if skipped and not cases:
        # Every case was skipped: a listing that exits 0 with nothing listed read as "no
        # cases here" to a script. Some good cases beside broken ones still list and exit 0.
        named = "named above" if len(skipped) == 1 else "each named above"
        raise UserInputError(
            f"No case in {settings.corpora_dir} could be read ({count(len(skipped), 'case')} "
            f"skipped, {named}); fix what is named and list again."
        )
    if not cases:
        print(f"No cases in {settings.corpora_dir}.", file=sys.stderr)
        return 0
    for case in cases:
        langs = ", ".join(dict.fromkeys(d.language for d in case.documents))
        print(f"{case.id}\t{len(case.documents)} documents\t{langs}\t{case.title}")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """Compare statements with reporting (or a whole case) and write JSON, HTML or Markdown."""
    from workbench.cli.translate_cmd import progress_bar
    from workbench.pipeline import compare

    settings = _settings(args)
    _check_form(args)
    with (
        progress_bar(quiet=args.quiet) as progress,
        progress_bar(
            quiet=args.quiet, desc="aligning: embedding", unit="text", heartbeat=1.0
        ) as embedding,
    ):
        options = {
            "embedder": compare.embedder_named(args.embedder, settings, embedding),
            "threshold": args.threshold,
            "settings": settings,
            "progress": progress,
            "stage": None if args.quiet else say_stage,
        }
        text = _compare(args, settings, options)
    write_text_output(text, args.output, announce=True)
    return 0


def say_stage(name: str, stream: Any = None) -> None:
    """The comparison's step after the alignment, on a terminal's stderr beside the bars
    ("finding the differences…"; :data:`workbench.pipeline.compare.STAGES`): a big case's
    differences took seconds after the embedding bar had ended, with no word. Nothing when
    stderr is no terminal (piped, redirected, CI), as the bars."""
    from tqdm import tqdm

    from workbench.pipeline.compare import STAGES

    stream = stream or sys.stderr
    if stream.isatty():
        step = STAGES.get(name, name)
        tqdm.write(f"{step[:1].lower()}{step[1:]}…", file=stream)


def _compare(args: argparse.Namespace, settings: Settings, options: dict[str, Any]) -> str:
    """The report of a case (``--case``) or of the given files, in ``--format``."""
    from workbench.pipeline import compare, inputs

    given = [f"--{n.replace('_', '-')}" for n in ("kinds", "outlets", "outlet_types")
             if getattr(args, n)] + (["--min-salience"] if args.min_salience else [])  # fmt: skip
    if given and args.format == "json":  # said, not silently ignored
        print(
            f"warning: {', '.join(given)} filter the HTML and Markdown reports; the JSON holds "
            "every difference.",
            file=sys.stderr,
            flush=True,
        )
    if args.case:
        case = compare.case_named(
            args.case,
            settings.corpora_dir,
            limits=settings.limits,
            allow_outside=settings.allow_outside_case_files,
        )
        notices = inputs.case_notices(case)
        if not (args.engine or args.model):  # the tab says it too (ui.handlers.compare.run)
            fix = "give --engine (and --model) to translate them first"
            if note := inputs.untranslated_notice(case, fix):
                notices.append(note)
            if note := inputs.unaudited_notice(case):
                notices.append(note)
        _warn(notices, logged=case.notices)
        flt = _filters(args)
        compare.check_filters(flt, case, compare.DIFFERENCE_KINDS)  # before the work
        corrections = () if args.no_corrections else None
        if corrections is None:
            try:  # the file's problem, then the way round it on this command line
                compare.applied_corrections(case, None)
            except CorpusError as err:
                raise CorpusError(
                    f"{err} To compare without them for now, add --no-corrections."
                ) from err
        result = compare.compare_case(
            case,
            translator_for=_translator_for(args, settings),
            corrections=corrections,
            **options,
        )
        applied = compare.applied_corrections(case, corrections)
        return compare.case_report(result, case, args.format, flt, applied)
    case = compare.files_case(
        args.statements,
        args.reporting,
        src=args.src,
        translations=args.translations,
        limits=settings.limits,
    )  # the files are read here, once: the notices are the case's
    fix = (
        "give --translations (one English line per statement line), or --engine to translate "
        "them first"
    )
    untranslated_fix = None if args.engine or args.model else fix
    notices = inputs.file_notices(
        case, translations=args.translations, untranslated_fix=untranslated_fix
    )
    if (args.translations or not (args.engine or args.model)) and (
        note := inputs.unaudited_notice(case, by_title=True)
    ):
        notices.append(note)
    _warn(notices, logged=case.notices)
    translator = None if args.translations else _translator_for(args, settings)
    return compare.files_report(
        case,
        args.format,
        translator=translator(args.src) if translator else None,
        filters=_filters(args),
        **options,
    )


def _warn(notices: list[str], logged: Sequence[str] = ()) -> None:
    """What the user should know about the input (a file not in its declared language), on
    stderr before the work starts: a mislabelled language otherwise gives silent nonsense.
    ``logged``: the readers' notices (an encoding fallback), which the reader logged as it
    read the file, once (:func:`workbench.textio.decode_bytes`), so not printed again."""
    for notice in notices:
        if notice not in logged:
            print(f"warning: {notice}", file=sys.stderr, flush=True)


def _split(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(v.strip() for v in value.split(",") if v.strip())


def _filters(args: argparse.Namespace) -> ViewFilters:
    """The report filters of the command line (checked against the case by the pipeline)."""
    from workbench.view import ViewFilters

    return ViewFilters(
        kinds=_split(args.kinds),
        outlets=_split(args.outlets),
        outlet_types=_split(args.outlet_types),
        min_salience=args.min_salience,
    )


def _check_form(args: argparse.Namespace) -> None:
    if args.case:
        extra = [
            f"--{n}" for n in ("statements", "reporting", "translations", "src") if getattr(args, n)
        ]
        if extra:
            raise UserInputError(f"Give either --case or {', '.join(extra)}, not both.")
        return
    if args.no_corrections:  # the filters apply to the case of the files, as in the tab
        raise UserInputError(
            "--no-corrections applies to a case folder's saved corrections; give --case ID."
        )
    missing = [f"--{n}" for n in ("statements", "src", "reporting") if not getattr(args, n)]
    if missing:
        raise UserInputError(
            f"Missing {', '.join(missing)}: give --statements FILE --src {{kk,ky,ru}} "
            "--reporting FILE, or --case ID."
        )
    if args.translations and (args.engine or args.model):
        raise UserInputError("Give either --translations or --engine/--model, not both.")


def _translator_for(
    args: argparse.Namespace, settings: Settings
) -> Callable[[str], Translator] | None:
    """A function giving the translator for a language, or None without --engine/--model."""
    if not (args.engine or args.model):
        return None
    from workbench.pipeline.translate import EnginePool, choose_model

    pool = EnginePool(settings)

    def translator_for(src: str) -> Translator:
        engine, model = choose_model(src, "en", args.engine, args.model, settings)
        return pool.get(engine, model, src)

    return translator_for
