"""Sub-commands of `workbench` for evaluation: score, eval, data, judgments, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.batch_cmd import add_eval_ray_options, eval_jobs, eval_many
from workbench.cli.common import settings_from_args, write_text_output
from workbench.errors import UserInputError

if TYPE_CHECKING:
    from workbench.pipeline.evaluate import Evaluation


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's sub-commands to ``sub``."""
    _register_score(sub)
    _register_eval(sub)
    _register_data(sub)
    _register_judgments(sub)
    _register_report(sub)


def _add_scoring_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--metrics",
        default="bleu,chrf,ter",
        help="comma-separated metrics: bleu, chrf, chrf++, ter (comet with `workbench eval`)",
    )
    p.add_argument("--significance", choices=["bootstrap", "ar"], help="paired test vs the first")
    p.add_argument("--resamples", type=int, help="bootstrap resamples / AR trials (1000 / 10000)")
    p.add_argument("--seed", type=int, default=12345, help="random seed of the test (12345)")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per metric)")
    p.add_argument(
        "--confidence",
        action="store_true",
        help="95%% bootstrap interval of every system's score (always on with --significance)",
    )


def _register_score(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "score",
        help="score system outputs with sacreBLEU (BLEU, chrF, chrF++, TER) and significance",
        description="Corpus and segment scores of every --hyp against the --ref file(s); the "
        "first --hyp is the baseline of --significance. Numbers equal the sacrebleu command's.",
    )
    _add_system_files(p)
    p.add_argument("--output", "-o", help="write here instead of stdout")
    _add_scoring_options(p)
    p.add_argument("--format", choices=["json", "text"], default="text", help="output format")
    p.set_defaults(handler=_score)


def _add_system_files(p: argparse.ArgumentParser) -> None:
    """The ``--ref``/``--hyp``/``--names`` options shared by ``score`` and ``report``."""
    p.add_argument("--ref", action="append", required=True, help="reference file (repeatable)")
    p.add_argument("--hyp", action="append", required=True, help="system output (repeatable)")
    p.add_argument("--names", help="comma-separated system names (default: file names)")
    p.add_argument("--src", help="source segments, line-aligned (needed by comet)")


def _systems_from_args(args: argparse.Namespace) -> Evaluation:
    """Score the ``--hyp`` files against the ``--ref`` files with the scoring options; print
    the evaluation's warnings (too few segments ...) on stderr."""
    from workbench.pipeline.evaluate import DEFAULT_CONFIDENCE, score_files
    from workbench.pipeline.inputs import english_notices

    if args.resamples is not None and not (args.significance or args.confidence):
        # it was ignored without a word: the scores came out as if it had not been given
        raise UserInputError(
            "--resamples goes with --significance or --confidence (it sets their resamples); "
            "add one of them, or leave --resamples out."
        )
    # --confidence alone resamples --resamples times (it took 1,000 whatever was given); with a
    # test, --resamples is the test's and every system's interval is the test's own
    confidence = 0
    if args.confidence:
        confidence = (
            DEFAULT_CONFIDENCE if args.significance else args.resamples or DEFAULT_CONFIDENCE
        )
    evaluation = score_files(
        args.hyp,
        args.ref,
        names=args.names,
        source=args.src,
        metrics=args.metrics,
        significance=args.significance,
        resamples=args.resamples,
        seed=args.seed,
        jobs=args.jobs,
        confidence=confidence,
        limits=settings_from_args(args).limits,
    )
    notes = english_notices(evaluation.hypotheses, evaluation.references)
    for warning in (*notes, *evaluation.warnings):
        print(f"warning: {warning}", file=sys.stderr)
    return evaluation


def _score(args: argparse.Namespace) -> int:
    from workbench.pipeline.evaluate import format_scores

    systems = _systems_from_args(args).systems
    meta = {"references": args.ref, "hypotheses": args.hyp}
    write_text_output(format_scores(systems, args.format, **meta), args.output)
    return 0


def _register_eval(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval",
        help="translate a public test set with an engine and score it",
        description="Reproduce a published number: translate --testset's --src side with "
        "--engine/--model and score it against the English reference.",
    )
    p.add_argument(
        "--engine",
        action="append",
        required=True,
        help="engine name (opus-mt, nllb, m2m100, ct2 ...); repeat it with --model, or give "
        "one for every --model",
    )
    p.add_argument(
        "--model", action="append", required=True, help="model id or folder (repeatable)"
    )
    p.add_argument(
        "--testset",
        default="flores200-dev",
        help="flores200-dev or ntrex128, or several separated by commas",
    )
    p.add_argument("--src", required=True, help="source language: kk, ky or ru")
    p.add_argument("--limit", type=int, help="only the first N segments")
    p.add_argument("--metrics", default="bleu,chrf", help="comma-separated metrics")
    p.add_argument("--beam-size", type=int, default=4)
    p.add_argument("--max-length", type=int, default=256)
    p.add_argument("--save", help="write the translations here (one per line)")
    p.add_argument("--tmx", help="also write the translated segments as TMX 1.4b")
    p.add_argument("--xliff", help="also write the translated segments as XLIFF 1.2")
    p.add_argument("--format", choices=["json", "text"], default="text")
    add_eval_ray_options(p)
    p.set_defaults(handler=_eval)


def _eval(args: argparse.Namespace) -> int:
    from workbench.cli.translate_cmd import progress_bar
    from workbench.pipeline.evaluate import evaluate_testset, format_scores, translations_as

    jobs = eval_jobs(args)
    if len(jobs) > 1 or args.ray is not None:
        return eval_many(args, jobs)

    with progress_bar(quiet=args.quiet) as progress:
        result = evaluate_testset(
            jobs[0].engine,
            jobs[0].model,
            jobs[0].testset,
            args.src,
            settings_from_args(args),
            limit=args.limit,
            metrics=args.metrics,
            beam_size=args.beam_size,
            max_length=args.max_length,
            progress=progress,
        )
    for fmt, target in (("txt", args.save), ("tmx", args.tmx), ("xliff", args.xliff)):
        if target:
            write_text_output(translations_as(result.translations, fmt, args.src), target)
    meta = {"testset": result.testset, "translation_signature": result.signature}
    if args.format == "text":
        print(f"{result.testset}\n{result.signature}")
    print(format_scores([result.scores], args.format, **meta), end="")
    return 0


def _register_data(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("data", help="download and list public test sets (FLORES-200, NTREX-128)")
    dsub = p.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    get = dsub.add_parser("get", help="download flores200 or ntrex128 into the data folder")
    get.add_argument("collection", choices=["flores200", "ntrex128"])
    get.set_defaults(handler=_data_get)
    lst = dsub.add_parser("list", help="list known test sets and where they are")
    lst.set_defaults(handler=_data_list)


def _data_get(args: argparse.Namespace) -> int:
    from workbench.pipeline.evaluate import download_testsets

    settings = settings_from_args(args)
    for folder in download_testsets(args.collection, settings, progress=not args.quiet):
        print(folder)
    return 0


def _data_list(args: argparse.Namespace) -> int:
    from workbench.pipeline.evaluate import testset_overview

    for line in testset_overview(settings_from_args(args)):
        print(line)
    return 0


def _register_judgments(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("judgments", help="export human judgments or show agreement statistics")
    jsub = p.add_subparsers(dest="judgments_command", metavar="ACTION", required=True)
    exp = jsub.add_parser("export", help="write judgments as CSV or JSONL")
    exp.add_argument(
        "--format",
        choices=["csv", "jsonl"],
        help="default: csv for an --output named .csv, else jsonl",
    )
    exp.add_argument("--output", "-o", help="file to write (default: stdout)")
    exp.add_argument("--db", help="judgments database (default: the workbench home's)")
    exp.add_argument("--campaign", help="only this campaign's judgments (default: all)")
    exp.add_argument(
        "--template",
        action="store_true",
        help="one row per item to judge, judgment columns empty: fill in, then `judgments import`",
    )
    exp.set_defaults(handler=_judgments_export)
    imp = jsub.add_parser(
        "import",
        help="store judgments made elsewhere (a CSV or JSONL in the export's columns)",
        description="Store the judgments of a CSV or JSONL file with the columns `judgments "
        "export` writes (annotator, item_id, score, errors; the rest comes from the stored "
        "item). A bad row is refused with its line number, the others are stored; refused rows "
        "are written to --refused so they can be fixed and imported again.",
    )
    imp.add_argument("file", metavar="FILE", help="judgments to import (.csv or .jsonl)")
    imp.add_argument("--db", help="judgments database (default: the workbench home's)")
    imp.add_argument("--campaign", help="the items must be in this campaign (default: any)")
    imp.add_argument(
        "--refused",
        metavar="FILE",
        help="where refused rows go, with a 'problem' column (default: FILE.refused.csv/.jsonl)",
    )
    imp.set_defaults(handler=_judgments_import)
    add = jsub.add_parser("add", help="load segments to annotate (source, MT, reference)")
    add.add_argument("--src", required=True, help="source segments, one per line")
    add.add_argument("--hyp", action="append", required=True, help="system output (repeatable)")
    add.add_argument("--ref", help="reference translation, one per line")
    add.add_argument("--names", help="comma-separated system names (default: file names)")
    add.add_argument("--campaign", default="default", help="campaign name (default: default)")
    add.add_argument("--db", help="judgments database (default: the workbench home's)")
    add.set_defaults(handler=_judgments_add)
    st = jsub.add_parser("stats", help="per-system averages and annotator agreement")
    st.add_argument("--db", help="judgments database (default: the workbench home's)")
    st.add_argument("--campaign", help="only this campaign's judgments (default: all)")
    st.add_argument(
        "--protocol", choices=["da", "mqm", "esa"], help="only judgments made under this protocol"
    )
    st.add_argument("--format", choices=["json", "text"], default="text")
    st.set_defaults(handler=_judgments_stats)


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        path = Path(args.db)
        if not path.is_file():
            raise UserInputError(f"No judgments database at {path}.")
        _check_given_db(path)
        return path
    return settings_from_args(args).judgments_path


#: The first bytes of every SQLite file.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_given_db(path: Path) -> None:
    """Refuse a ``--db`` that is no SQLite file at all. The store's salvage took any such file
    for a damaged database: `judgments export --db ratings.csv` moved the CSV aside as
    ``ratings.damaged-….csv`` and wrote an empty database in its place (review18). A damaged
    store of the workbench still starts with SQLite's header and is still salvaged; the home's
    own store (no ``--db``) is salvaged as before.

    Raises:
        UserInputError: when ``path`` has content that does not start with SQLite's header.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as err:
        raise UserInputError(f"Cannot read {path}: {err.strerror or err}.") from err
    if head and head != _SQLITE_MAGIC:
        raise UserInputError(
            f"{path} is not a judgments database (not an SQLite file); give --db the .sqlite "
            "file the Annotate tab or `workbench judgments add` made, or leave --db out for the "
            "home's."
        )


def _judgments_add(args: argparse.Namespace) -> int:
    from workbench.pipeline.annotate import add_items_from_files

    path = Path(args.db) if args.db else settings_from_args(args).judgments_path
    if args.db and path.is_file():
        _check_given_db(path)
    added, total = add_items_from_files(
        path, args.src, args.hyp, reference=args.ref, names=args.names, campaign=args.campaign
    )
    print(f"{added} new items (of {total}) in campaign {args.campaign!r} of {path}")
    return 0


def _judgments_export(args: argparse.Namespace) -> int:
    from workbench.pipeline.annotate import export_judgments

    fmt = _export_format(args.format, args.output)
    text = export_judgments(_db_path(args), fmt, args.campaign, args.template)
    if len(text.splitlines()) <= (1 if fmt == "csv" else 0):  # a CSV's header only
        where = f"campaign {args.campaign!r}" if args.campaign else "any campaign"
        print(f"warning: no judgments in {where} yet; nothing to export.", file=sys.stderr)
    write_text_output(text, args.output)
    return 0


def _export_format(given: str | None, output: str | None) -> str:
    """The format of ``judgments export``: ``given``, else CSV for an ``output`` named
    ``.csv``, else JSON Lines. review20: ``-o items.csv`` wrote JSON Lines into items.csv,
    which ``judgments import`` then refused as a CSV without the columns."""
    if given:
        return given
    return "csv" if output and Path(output).suffix.lower() == ".csv" else "jsonl"


def _judgments_import(args: argparse.Namespace) -> int:
    from workbench.pipeline.annotate import import_judgments, refused_rows

    source = Path(args.file)
    refused_path = Path(args.refused) if args.refused else _refused_path(source)
    if refused_path.resolve() == source.resolve():
        raise UserInputError("--refused must not be the file being imported; give another name.")
    db = _db_path(args)
    report = import_judgments(db, source, args.campaign)
    print(
        f"{source.name}: {report.stored} stored, {report.unchanged} already there, "
        f"{len(report.refused)} refused, of {report.rows} rows ({db})"
    )
    if not report.refused:
        return 0
    for row in report.refused:
        print(f"line {row.line}: {row.problem}", file=sys.stderr)
    write_text_output(refused_rows(report.refused, refused_path.suffix), str(refused_path))
    raise UserInputError(
        f"{len(report.refused)} of {report.rows} rows were refused (lines above); they are in "
        f"{refused_path} with a 'problem' column: fix them there and import that file."
    )


def _refused_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.refused{source.suffix.lower()}")


def _judgments_stats(args: argparse.Namespace) -> int:
    from workbench.pipeline.evaluate import judgment_stats, stats_to_text

    stats = judgment_stats(_db_path(args), args.campaign, args.protocol)
    if args.format == "json":
        import json

        print(json.dumps(stats, ensure_ascii=False, indent=1))
    else:
        print(stats_to_text(stats), end="")
    return 0


def _register_report(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="standalone HTML report (tables, score distributions, system vs system)",
        description="Score --hyp files against --ref and write an HTML report that opens offline.",
    )
    _add_system_files(p)
    p.add_argument("--output", "-o", required=True, help="HTML file to write")
    p.add_argument("--title", default="Translation quality report")
    _add_scoring_options(p)
    p.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from workbench.pipeline.evaluate import write_report

    print(write_report(_systems_from_args(args), args.output, title=args.title))
    return 0
