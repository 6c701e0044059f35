"""``workbench batch`` and the ``--ray`` options shared with ``workbench translate``.

::

    workbench batch ARCHIVE --src ru --output out.jsonl [--engine ... --model ...] [--ray [ADDRESS]]

``ARCHIVE`` is a folder of ``.txt`` files or a ``.jsonl`` of ``{"id", "text"}`` documents; the
output has one JSON object per document: its ``id`` and the fields of ``translate --format
jsonl``. With ``--ray`` the engine work runs on a Ray cluster (a local one when no address is
given and ``RAY_ADDRESS`` is unset); a killed job, run again, resumes where it stopped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.cli.common import settings_from_args, write_text_output
from workbench.errors import UserInputError
from workbench.types import SOURCE_LANGUAGES, TARGET_LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``batch`` to ``sub``."""
    p = sub.add_parser(
        "batch",
        help="translate an archive (folder of .txt files or JSONL of documents) into JSONL",
        description="Translate every document of an archive; writes one JSON object per "
        "document (id, source, translation, signature, sentences, warnings).",
    )
    p.add_argument("archive", help="folder of .txt files, or .jsonl with id and text per line")
    p.add_argument("--output", "-o", required=True, help="JSONL file to write")
    p.add_argument("--engine", help="engine name (default: the catalog's for the pair)")
    p.add_argument("--model", help="Hub id, local model folder, or catalog name")
    p.add_argument("--src", required=True, choices=SOURCE_LANGUAGES, help="source language")
    p.add_argument("--tgt", default="en", choices=TARGET_LANGUAGES, help="target language")
    p.add_argument("--beam-size", type=int, default=4, help="beam width; 1 = greedy (default 4)")
    p.add_argument("--max-length", type=int, default=256, help="max generated tokens (256)")
    p.add_argument("--batch-size", type=int, default=16, help="sentences per model call (16)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    add_ray_options(p)
    p.set_defaults(handler=run)


def add_ray_options(p: argparse.ArgumentParser) -> None:
    """``--ray [ADDRESS]`` and the pool options (shared by ``translate`` and ``batch``)."""
    g = p.add_argument_group("Ray cluster")
    g.add_argument(
        "--ray",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="run the engine work on Ray: HOST:PORT or 'auto' joins a cluster; no address "
        "uses RAY_ADDRESS, else starts a local Ray",
    )
    g.add_argument("--ray-cpus", type=int, help="CPUs of a local Ray (default: all cores)")
    g.add_argument(
        "--cpus-per-actor", type=int, default=1, help="CPUs (= model threads) per actor (1)"
    )
    g.add_argument("--actors", type=int, help="actors in the pool (default: CPUs / per actor)")
    g.add_argument("--job-dir", help="folder of the job's shards (default: in the home)")
    g.add_argument(
        "--block-size",
        type=int,
        default=256,
        help="sentences per block and shard (256: the single-machine path's blocks)",
    )


#: The pool options of :func:`add_ray_options` and their defaults: given without ``--ray`` they
#: did nothing, without a word (``--actors 0``, ``--block-size 0`` ran on this machine).
RAY_ONLY: tuple[tuple[str, str, object], ...] = (
    ("ray_cpus", "--ray-cpus", None),
    ("cpus_per_actor", "--cpus-per-actor", 1),
    ("actors", "--actors", None),
    ("job_dir", "--job-dir", None),
    ("block_size", "--block-size", 256),
)


def check_ray_options(args: argparse.Namespace) -> None:
    """Refuse a Ray pool option given without ``--ray``.

    Raises:
        UserInputError: naming the options and ``--ray``.
    """
    if args.ray is not None:
        return
    given = [flag for name, flag, default in RAY_ONLY if getattr(args, name, default) != default]
    if given:
        raise UserInputError(
            f"{', '.join(given)} {'go' if len(given) > 1 else 'goes'} with --ray (the Ray "
            "pool); add --ray, or leave "
            f"{'them' if len(given) > 1 else 'it'} out to translate on this machine."
        )


def ray_run(args: argparse.Namespace) -> object:
    """The :class:`~workbench.pipeline.cluster.RayRun` the options describe."""
    from workbench.pipeline.cluster import PoolOptions, RayRun

    return RayRun(
        address=args.ray or None,
        cpus=args.ray_cpus,
        pool=PoolOptions(
            cpus_per_actor=args.cpus_per_actor, actors=args.actors, block_size=args.block_size
        ),
        job_dir=Path(args.job_dir) if args.job_dir else None,
    )


def run(args: argparse.Namespace) -> int:
    """Handle ``workbench batch``."""
    from workbench.cli.translate_cmd import progress_bar, write_lines
    from workbench.pipeline.batch import batch_records, read_archive
    from workbench.pipeline.cluster import translate_lines

    check_ray_options(args)
    settings = settings_from_args(args)
    if args.no_cache:
        settings = settings.replace(use_cache=False)
    archive = read_archive(args.archive, settings.limits)  # its notices are logged
    with progress_bar(quiet=args.quiet) as progress:
        results = translate_lines(
            [d.text for d in archive.documents],
            settings,
            engine=args.engine,
            model=args.model,
            src=args.src,
            tgt=args.tgt,
            options={
                "beam_size": args.beam_size,
                "max_length": args.max_length,
                "batch_size": args.batch_size,
            },
            ray=ray_run(args) if args.ray is not None else None,  # type: ignore[arg-type]
            progress=progress,
        )
    records = batch_records(archive.documents, results)
    write_lines([json.dumps(r, ensure_ascii=False) for r in records], args.output)
    print(f"wrote {len(records)} documents to {args.output}", file=sys.stderr)
    return 0


def add_eval_ray_options(p: argparse.ArgumentParser) -> None:
    """``--ray [ADDRESS]`` for ``workbench eval``: each evaluation a Ray task."""
    g = p.add_argument_group("Ray cluster")
    g.add_argument(
        "--ray",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="run each engine × test set evaluation as a Ray task (address as for translate)",
    )
    g.add_argument("--ray-cpus", type=int, help="CPUs of a local Ray (default: all cores)")
    g.add_argument(
        "--cpus-per-task", type=int, default=1, help="CPUs (= model threads) per evaluation (1)"
    )


def eval_jobs(args: argparse.Namespace) -> list[Any]:
    """The ``(engine, model, testset)`` evaluations ``--engine``/``--model``/``--testset`` ask for.

    Raises:
        UserInputError: when engines and models do not pair up, or a test set name is empty.
    """
    from workbench.pipeline.cluster import EvalJob

    engines, models = list(args.engine), list(args.model)
    if len(engines) == 1:
        engines *= len(models)
    if len(engines) != len(models):
        raise UserInputError(
            f"{len(args.engine)} --engine for {len(models)} --model; give one --engine for "
            "every --model, or a single --engine for all of them."
        )
    testsets = [t.strip() for t in args.testset.split(",")]
    if not all(testsets):
        raise UserInputError(f"--testset {args.testset!r} has an empty name.")
    return [EvalJob(e, m, t) for t in testsets for e, m in zip(engines, models, strict=True)]


def eval_many(args: argparse.Namespace, jobs: list[Any]) -> int:
    """``workbench eval`` over several evaluations, or with ``--ray``."""
    from workbench.cli.translate_cmd import progress_bar
    from workbench.pipeline.cluster import PoolOptions, RayRun, evaluate_many
    from workbench.pipeline.evaluate import format_scores, translations_as

    exports = (("txt", args.save), ("tmx", args.tmx), ("xliff", args.xliff))
    if len(jobs) > 1 and any(target for _, target in exports):
        raise UserInputError(
            "--save, --tmx and --xliff take the translations of one evaluation; give one "
            "--model and one --testset with them."
        )
    ray = None
    if args.ray is not None:
        ray = RayRun(
            address=args.ray or None,
            cpus=args.ray_cpus,
            pool=PoolOptions(cpus_per_actor=args.cpus_per_task),
        )
        if args.cpus_per_task < 1:
            raise UserInputError(f"--cpus-per-task must be at least 1, not {args.cpus_per_task}.")
    with progress_bar(quiet=args.quiet or ray is not None) as progress:
        results = evaluate_many(
            jobs,
            args.src,
            settings_from_args(args),
            ray=ray,
            limit=args.limit,
            metrics=args.metrics,
            beam_size=args.beam_size,
            max_length=args.max_length,
            progress=progress,
        )
    for fmt, target in exports:
        if target:
            write_text_output(translations_as(results[0].translations, fmt, args.src), target)
    groups: dict[str, list[Any]] = {}
    for result in results:
        groups.setdefault(result.testset, []).append(result)
    docs = []
    for testset, group in groups.items():
        signatures = [r.signature for r in group]
        meta: dict[str, Any] = {"testset": testset}
        meta["translation_signature" if len(group) == 1 else "translation_signatures"] = (
            signatures[0] if len(group) == 1 else signatures
        )
        scores = [r.scores for r in group]
        if args.format == "text":
            print("\n".join([testset, *signatures]))
            print(format_scores(scores, "text", **meta), end="")
        else:
            docs.append(format_scores(scores, "json", **meta))
    if docs:
        print(docs[0] if len(docs) == 1 else "[" + ",\n".join(d.strip() for d in docs) + "]")
    return 0
