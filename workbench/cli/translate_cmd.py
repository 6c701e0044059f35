"""``workbench translate``: one text per input line in, one translation per line out.

The contract other stages build on::

    workbench translate --engine NAME --model ID_OR_DIR --src {kk,ky,ru} [--tgt en]
        [--beam-size N] [--max-length N] [--input FILE] [--output FILE] [--format txt|jsonl]

``txt`` writes exactly one line per input line; ``jsonl`` one JSON object per input line with
``source``, ``translation``, ``signature``, ``sentences`` (with character offsets) and
``warnings``. Warnings also go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from workbench.cli.batch_cmd import add_ray_options, check_ray_options, ray_run
from workbench.cli.common import decode_text, read_text_file, settings_from_args
from workbench.errors import UserInputError, WorkbenchError
from workbench.pipeline.heartbeat import Heartbeat, Wait
from workbench.pipeline.inputs import note_alphabet
from workbench.pipeline.translate import (
    EnginePool,
    choose_model,
    translate_texts,
    translation_record,
)
from workbench.settings import Settings
from workbench.types import SOURCE_LANGUAGES, TARGET_LANGUAGES, Translation


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``translate`` to ``sub``."""
    p = sub.add_parser(
        "translate",
        help="translate kk/ky/ru text into English, one text per line",
        description="Translate one text per input line; writes one line (or JSON object) per "
        "input line. Engine and model default to the catalog's choice for the language pair.",
    )
    p.add_argument("--engine", help="opus-mt, nllb, m2m100, ct2, pivot or imported")
    p.add_argument("--model", help="Hub id, local model folder, or catalog name")
    p.add_argument("--src", required=True, choices=SOURCE_LANGUAGES, help="source language")
    p.add_argument("--tgt", default="en", choices=TARGET_LANGUAGES, help="target language")
    p.add_argument("--beam-size", type=int, default=4, help="beam width; 1 = greedy (default 4)")
    p.add_argument(
        "--max-length", type=int, default=256, help="max generated tokens per sentence (256)"
    )
    p.add_argument("--batch-size", type=int, default=16, help="sentences per model call (16)")
    p.add_argument("--input", help="UTF-8 text file, one text per line (default: stdin)")
    p.add_argument("--output", "-o", help="file to write (default: stdout)")
    p.add_argument("--format", choices=("txt", "jsonl"), default="txt", help="output format")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    add_ray_options(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``workbench translate``."""
    check_ray_options(args)
    settings = settings_from_args(args)
    if args.no_cache:
        settings = settings.replace(use_cache=False)
    lines = read_lines(args.input, settings)
    if not lines:
        print("warning: the input is empty; nothing to translate.", file=sys.stderr)
        write_output([], args.output, args.format)
        return 0
    if args.ray is not None:
        results = _translate_on_ray(args, settings, lines)
        print_warnings(results)
        write_output(results, args.output, args.format)
        return 0
    pool = EnginePool(settings)
    try:
        engine, model = choose_model(args.src, args.tgt, args.engine, args.model, settings)
        translator = pool.get(
            engine, model, args.src, args.tgt, args.beam_size, args.max_length,
            batch_size=args.batch_size,
        )  # fmt: skip
        with progress_bar(quiet=args.quiet) as progress:
            results = translate_texts(lines, translator, progress=progress)
    except WorkbenchError as err:  # a model that cannot load (it loads on first use) ends the
        note_alphabet(err, lines)  # run before the alphabet check: say both
        raise
    finally:
        pool.close()
    print_warnings(results)
    write_output(results, args.output, args.format)
    return 0


def _translate_on_ray(
    args: argparse.Namespace, settings: Settings, lines: list[str]
) -> list[Translation]:
    """``--ray``: the same translations, the engine work on a Ray cluster."""
    from workbench.pipeline.cluster import translate_lines

    options = {"beam_size": args.beam_size, "max_length": args.max_length}
    with progress_bar(quiet=args.quiet) as progress:
        return translate_lines(
            lines,
            settings,
            src=args.src,
            tgt=args.tgt,
            engine=args.engine,
            model=args.model,
            options={**options, "batch_size": args.batch_size},
            ray=ray_run(args),  # type: ignore[arg-type]
            progress=progress,
        )


def read_lines(path: str | None, settings: Settings | None = None) -> list[str]:
    """Input lines from ``path`` or stdin (one decoding policy); only ``\\n`` ends a line."""
    text = (
        read_text_file(path, settings)
        if path
        else decode_text(sys.stdin.buffer.read(), "stdin", settings)
    )
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


@contextmanager
def progress_bar(
    quiet: bool,
    desc: str = "translating",
    unit: str = "sent",
    heartbeat: float = 0.0,
    *,
    wait: Wait | None = None,
) -> Iterator[Callable[[int, int], None] | None]:
    """A tqdm bar on stderr (terminals only), shown once work lasts more than a second.

    ``heartbeat`` > 0: while a step runs (the last report said ``done < total``) the bar is
    redrawn every ``heartbeat`` seconds, so its elapsed time moves. The embedder reports only
    around each call and one call embeds a whole batch: ``workbench compare``'s "aligning:
    embedding 0/117" stood still for 15 s (ux13's walk; the Compare tab's heartbeat, in the
    terminal). ``wait``: the pause between two redraws (:class:`Heartbeat`'s; tests drive it).
    """
    if quiet:
        yield None
        return
    from tqdm import tqdm

    bars: list[tqdm] = []  # type: ignore[type-arg]
    lock = threading.Lock()
    running = [False]

    def update(done: int, total: int) -> None:
        with lock:
            if not bars:
                if total == 0:
                    return
                bars.append(tqdm(total=total, unit=unit, delay=1.0, desc=desc, disable=None))
            bars[0].total = total
            # update(), not n= and refresh(): refresh() never marks the bar shown, so close()
            # found it "not displayed yet" (the delay) and left the cursor on its line: the
            # next message ("wrote FILE", a warning) was printed onto the end of the bar.
            bars[0].update(done - bars[0].n)
            running[0] = done < total

    def beat() -> None:
        with lock:
            # a bar tqdm disabled (stderr no terminal: piped, redirected, CI) has no
            # last_print_t / start_t / delay and nothing to redraw (review13 X1)
            if not bars or not running[0] or bars[0].disable:
                return
            bar = bars[0]
            if bar.last_print_t >= bar.start_t + bar.delay:
                bar.refresh()  # shown already: redraw with the time elapsed
            else:
                bar.update(0)  # shows it once the delay has passed

    pulse = Heartbeat(heartbeat, beat, name="progress-heartbeat", wait=wait)
    if heartbeat > 0:
        pulse.start()
    try:
        yield update
    finally:
        pulse.stop()
        for bar in bars:
            bar.close()


def print_warnings(results: Sequence[Translation]) -> None:
    """Each distinct warning once on stderr, with the input lines it concerns."""
    lines_of: dict[str, list[int]] = {}
    for number, result in enumerate(results, 1):
        for warning in result.warnings:
            lines_of.setdefault(warning, []).append(number)
    for warning, numbers in lines_of.items():
        where = ", ".join(map(str, numbers[:5])) + (" …" if len(numbers) > 5 else "")
        label = "line" if len(numbers) == 1 else f"{len(numbers)} lines:"
        print(f"warning ({label} {where}): {warning}", file=sys.stderr)


def write_output(results: Sequence[Translation], path: str | None, fmt: str) -> None:
    """Write one line per translation to ``path`` (atomically) or stdout."""
    if fmt == "jsonl":
        rows = [json.dumps(translation_record(r), ensure_ascii=False) for r in results]
    else:
        rows = [" ".join(r.text.splitlines()) for r in results]
    write_lines(rows, path)


def write_lines(rows: Sequence[str], path: str | None) -> None:
    """Write ``rows`` one per line to ``path`` (atomically) or stdout."""
    data = "".join(f"{row}\n" for row in rows).encode("utf-8")
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as err:
        raise UserInputError(f"Cannot write {target}: {err.strerror or err}.") from err
