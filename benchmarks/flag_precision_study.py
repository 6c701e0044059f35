"""Precision of each flag sub-kind over hand-referenced case sets: which detectors make noise.

Every flag of the cases under each ``--cases`` folder (the format of ``real_cases_eval.py``,
which runs ``workbench compare`` as a user does) is classed as the eval classes it: key (a key
difference of a fitting kind on the flag's own sentence), judged real, judged noise, wrong link
(noise by construction), or unjudged. Each flag gets a sub-kind: its kind, the detector that made
it (the JSON's ``detector``), the sides it has words on (``both``, ``statement`` or ``report``
only) and the form of its note (the note with its particular words, figures
and labels' values blanked, e.g. ``hedge:*; only in report``), so a detector's rules are told
apart without naming any sentence.

Printed: for each sub-kind, set by set, ``key/real/noise/wrong`` counts, then the totals and the
share of useful flags (key + real) among judged ones; last, the sub-kinds that made no useful
flag on any set where they fired (noise everywhere), with how many sets they fired on, plain
and translated (``-tr``) alike.

``--save FILE`` writes every classed flag as JSON lines (no report text beyond the flag's own
words); ``--load FILE`` prints the tables from such a file without running compare again.

Usage::

    python benchmarks/flag_precision_study.py --cases /work/dev11 /work/dev11-tr ... \\
        [--save flags.jsonl] [--level detector|note] [--min 3]
    python benchmarks/flag_precision_study.py --load flags.jsonl

The cases hold real pages and are git-ignored; the script prints counts only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_cases_eval as rce  # noqa: E402

CLASSES = ("key", "real", "noise", "wrong-link", "unjudged")


def note_form(note: str) -> str:
    """The note with what is particular to one flag blanked: quoted words, parenthesised names,
    figures, and the value of a ``class:value`` label."""
    s = re.sub(r"\([^)]*\)", "(…)", note or "")
    s = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’", "'…'", s)
    s = re.sub(r"\b([A-Za-z_]+):[A-Za-z][\w-]*", r"\1:*", s)
    # who speaks or is credited: "reported speech of the ministry", "attributed to Tokayev"
    s = re.sub(r"\b(speech of|quoted of|attributed to) [^;]*?(?= in the statement|;|$)", r"\1 …", s)
    s = re.sub(r"\b(statement|report) names (?!no one)[^;]*?(?= as |;|$)", r"\1 names …", s)
    s = re.sub(r"\d[\d.,]*", "N", s)
    return s.strip()[:80]


def sides(row: dict[str, Any]) -> str:
    """Which sides a flag has words on: ``both``, ``statement`` only or ``report`` only."""
    s, r = bool(row.get("statement_words")), bool(row.get("report_words"))
    return "both" if s and r else "statement" if s else "report" if r else "none"


def sub_kind(row: dict[str, Any], level: str) -> str:
    """``kind/detector`` (``--level detector``), with the sides it has words on and the form of
    its note (``--level note``)."""
    base = f"{row['kind']}/{row['detector'] or '-'}"
    return base if level == "detector" else f"{base}/{sides(row)}/{note_form(row['note'])}"


def collect(folders: list[Path], parser: argparse.ArgumentParser) -> list[dict[str, Any]]:
    """Run the eval's scoring on every case and return one row per flag."""
    refs = rce.references_under(folders, parser)
    rows: list[dict[str, Any]] = []
    for folder, found in refs.items():
        for ref in found:
            flags: list[rce.Flag] = []
            rce.score_case(ref.parent, False, False, flags)
            for f in flags:
                d = f.difference
                rows.append(
                    {
                        "set": folder.name,
                        "case": f.case,
                        "document": f.document,
                        "statement": f.statement,
                        "kind": d.get("kind", ""),
                        "detector": d.get("detector", ""),
                        "note": d.get("note", ""),
                        "salience": d.get("salience"),
                        "statement_words": d.get("statement", ""),
                        "report_words": d.get("report", ""),
                        "cls": f.cls,
                    }
                )
            print(f"# {folder.name}/{ref.parent.name}: {len(flags)} flags", file=sys.stderr)
    return rows


def table(rows: list[dict[str, Any]], level: str, minimum: int) -> None:
    sets = list(dict.fromkeys(r["set"] for r in rows))
    counts: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for r in rows:
        counts[sub_kind(r, level)][r["set"]][r["cls"]] += 1
    total = {k: sum((c for c in v.values()), Counter()) for k, v in counts.items()}
    order = sorted(counts, key=lambda k: (-sum(total[k].values()), k))
    print("sub-kind | flags | key | real | noise | wrong | unjudged | useful share | sets fired")
    for k in order:
        t = total[k]
        n = sum(t.values())
        if n < minimum:
            continue
        judged = n - t["unjudged"]
        useful = t["key"] + t["real"]
        share = f"{useful / judged:.2f}" if judged else "n/a"
        print(
            f"{k} | {n} | {t['key']} | {t['real']} | {t['noise']} | {t['wrong-link']} | "
            f"{t['unjudged']} | {share} | {len(counts[k])}"
        )
    print()
    print("per set (key/real/noise/wrong), sub-kinds with at least", minimum, "flags:")
    print("sub-kind | " + " | ".join(sets))
    for k in order:
        if sum(total[k].values()) < minimum:
            continue
        cells = []
        for s in sets:
            c = counts[k].get(s)
            cells.append(f"{c['key']}/{c['real']}/{c['noise']}/{c['wrong-link']}" if c else "-")
        print(f"{k} | " + " | ".join(cells))
    print()
    print("noise on every set where it fired (no key or real flag anywhere):")
    for k in order:
        t = total[k]
        if t["key"] + t["real"] or sum(t.values()) - t["unjudged"] < minimum:
            continue
        fired = counts[k]
        plain = sum(not s.endswith("-tr") for s in fired)
        print(
            f"  {k}: {t['noise'] + t['wrong-link']} noise flags on {len(fired)} sets "
            f"({plain} plain, {len(fired) - plain} translated)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="*", default=[])
    parser.add_argument("--load", type=Path, help="read classed flags saved by --save")
    parser.add_argument("--save", type=Path, help="write the classed flags as JSON lines")
    parser.add_argument("--level", choices=("detector", "note"), default="note")
    parser.add_argument("--min", type=int, default=3, help="leave out sub-kinds with fewer flags")
    args = parser.parse_args(argv)
    if args.load:
        if not args.load.is_file():
            parser.error(f"--load {args.load}: no such file")
        try:
            rows = [json.loads(x) for x in args.load.read_text(encoding="utf-8").splitlines() if x]
        except json.JSONDecodeError as exc:
            parser.error(f"--load {args.load}: not a file of JSON lines ({exc})")
    elif args.cases:
        rows = collect(args.cases, parser)
    else:
        parser.error("give --cases FOLDER ... or --load FILE")
    if args.save:
        args.save.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    if not rows:
        print("no flags")
        return 0
    table(rows, args.level, args.min)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
