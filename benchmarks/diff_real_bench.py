"""Differences on realistic retellings: share of hand-marked key differences flagged, and noise.

Reads the cases of ``benchmarks/data/diff_real/*.toml`` (written by the project; keys marked by
hand before the tool was run; see the README there), runs :func:`workbench.diff.find_differences`
on every pair (the official translation against the report, with the original as ``source``)
and prints:

* key recall: the share of key differences flagged by a difference of a fitting kind whose span
  overlaps the key's text (and, for ``origin = "translation"`` keys, shown as the translation's);
* noise: the share of flags that match no key and no ``also_real`` entry (true differences that
  are not key, judged by reading the output);
* per-kind counts of flags and of noise, and (with ``--show``) every miss and every noise flag.

Usage::

    python benchmarks/diff_real_bench.py [--cases DIR] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib

from workbench.diff import diff_signature, find_differences, load_lexicon
from workbench.types import Difference

CASES = Path(__file__).parent / "data" / "diff_real"


@dataclass(frozen=True)
class Key:
    """A hand-marked difference: fitting kinds, where (report or translation), its origin."""

    kinds: tuple[str, ...]
    side: str  # "report" or "statement"
    span: tuple[int, int]
    origin: str
    text: str


def locate(text: str, fragment: str, report: str, translation: str) -> tuple[str, tuple[int, int]]:
    """Where ``fragment`` is: in the report first, else in the translation."""
    for side, body in (("report", report), ("statement", translation)):
        at = body.find(fragment)
        if at >= 0:
            return side, (at, at + len(fragment))
    raise SystemExit(f"{text}: {fragment!r} is in neither the report nor the translation")


def keys_of(pair: dict[str, Any], field: str) -> list[Key]:
    """The keys (or ``also_real`` entries) of a pair, located."""
    out = []
    for entry in pair.get(field, []):
        side, span = locate(pair["id"], entry["text"], pair["report"], pair["translation"])
        kinds = tuple(entry.get("kinds", ()))
        out.append(Key(kinds, side, span, entry.get("origin", "report"), entry["text"]))
    return out


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def matches(d: Difference, key: Key, *, strict: bool) -> bool:
    """``d`` points at ``key`` (with a fitting kind and origin when ``strict``)."""
    span = d.report_span if key.side == "report" else d.statement_span
    if not _overlaps(span, key.span):
        return False
    if not strict:
        return not key.kinds or d.kind in key.kinds
    return d.kind in key.kinds and (key.origin != "translation" or d.origin == "translation")


def run(cases: Path, show: bool) -> int:
    """Run every case; print the table; return 0."""
    lexicon = load_lexicon()
    files = sorted(cases.glob("*.toml"))
    if not files:
        raise SystemExit(f"No *.toml cases in {cases}.")
    n_keys = hit = flags = noise = 0
    by_kind: Counter[str] = Counter()
    noise_kind: Counter[str] = Counter()
    lines: list[str] = []
    print("# realistic difference benchmark")
    print(f"signature: {diff_signature(lexicon)}")
    print("| case | pairs | key differences | flagged with a fitting kind | flags | noise |")
    print("|---|---:|---:|---:|---:|---:|")
    for file in files:
        case = tomllib.loads(file.read_text(encoding="utf-8"))
        c_keys = c_hit = c_flags = c_noise = 0
        for pair in case["pairs"]:
            found = find_differences(
                pair["translation"],
                pair["report"],
                source=pair["source"],
                src=case["src"],
                lexicon=lexicon,
            )
            keys = keys_of(pair, "keys")
            real = keys_of(pair, "also_real")
            for key in keys:
                ok = any(matches(d, key, strict=True) for d in found)
                c_hit += ok
                if not ok:
                    lines.append(f"  MISS  {pair['id']}: {key.kinds} {key.text!r}")
            for d in found:
                by_kind[d.kind] += 1
                if not any(matches(d, k, strict=False) for k in keys + real):
                    c_noise += 1
                    noise_kind[d.kind] += 1
                    lines.append(
                        f"  NOISE {pair['id']}: {d.kind} {d.statement!r} → {d.report!r} "
                        f"({d.note}; salience {d.salience:.2f}, origin {d.origin})"
                    )
            c_keys += len(keys)
            c_flags += len(found)
        print(
            f"| {case['id']} | {len(case['pairs'])} | {c_keys} | {c_hit} ({_pct(c_hit, c_keys)}) "
            f"| {c_flags} | {c_noise} ({_pct(c_noise, c_flags)}) |"
        )
        n_keys, hit, flags, noise = n_keys + c_keys, hit + c_hit, flags + c_flags, noise + c_noise
    print(
        f"| **all** | | {n_keys} | {hit} ({_pct(hit, n_keys)}) | {flags} "
        f"| {noise} ({_pct(noise, flags)}) |"
    )
    print("\nflags by kind (noise): " + ", ".join(
        f"{k} {n} ({noise_kind[k]})" for k, n in by_kind.most_common()
    ))  # fmt: skip
    if show:
        print("\n".join(lines))
    return 0


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "-"


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of *.toml cases")
    parser.add_argument("--show", action="store_true", help="print every miss and noise flag")
    args = parser.parse_args(argv)
    return run(args.cases, args.show)


if __name__ == "__main__":
    sys.exit(main())
