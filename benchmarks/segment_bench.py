"""How many true sentence boundaries each splitter recovers, per language, on FLORES-200 dev.

Runs of ``--run`` consecutive FLORES-200 dev sentences (one per line) are joined with a space into
paragraphs; the line joins are the true boundaries. For every splitter in
``workbench.segment.SPLITTERS`` (and a naive regex baseline) we count the true boundaries it finds
exactly (recall) and how many of its cuts are true boundaries (precision). Some FLORES lines hold
two sentences, so a cut inside a line is not always wrong: precision is a lower bound.

Usage: ``python benchmarks/segment_bench.py [--data ../shared/data] [--run 5]``
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from workbench.segment import SPLITTERS, split_sentences

FILES = {"ru": "rus_Cyrl.txt", "kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "en": "eng_Latn.txt"}
_NAIVE = re.compile(r"(?<=[.!?…])\s+(?=[\"«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def paragraphs(lines: list[str], run: int) -> list[tuple[str, set[int]]]:
    """Join runs of ``run`` lines; return each paragraph with the offsets where lines start."""
    out = []
    for i in range(0, len(lines) - run + 1, run):
        chunk = lines[i : i + run]
        starts, pos = set(), 0
        for k, line in enumerate(chunk):
            if k:
                starts.add(pos)
            pos += len(line) + 1
        out.append((" ".join(chunk), starts))
    return out


def naive(text: str) -> list[int]:
    """Cut after . ! ? … before a capital letter (the baseline)."""
    return [m.end() for m in _NAIVE.finditer(text)]


def score(cut: Callable[[str], list[int]], paras: list[tuple[str, set[int]]]) -> dict[str, float]:
    """Recall, precision and F1 of the cut points against the true boundaries."""
    found = predicted = gold = 0
    t0 = time.perf_counter()
    for text, starts in paras:
        cuts = set(cut(text)) - {0}
        found += len(cuts & starts)
        predicted += len(cuts)
        gold += len(starts)
    seconds = time.perf_counter() - t0
    recall = found / gold
    precision = found / predicted if predicted else 0.0
    f1 = 2 * recall * precision / (recall + precision) if found else 0.0
    return {"recall": recall, "precision": precision, "f1": f1, "gold": gold, "sec": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    parser.add_argument("--data", default=str(shared_data()))
    parser.add_argument("--run", type=int, default=5, help="sentences per paragraph")
    args = parser.parse_args()
    print(
        f"{'lang':4} {'splitter':10} {'recall':>7} {'precision':>9} {'F1':>6} {'bounds':>6} {'sec':>5}"
    )
    for lang, name in FILES.items():
        path = Path(args.data) / "flores200-dev" / name
        paras = paragraphs(path.read_text(encoding="utf-8").splitlines(), args.run)
        cutters: dict[str, Callable[[str], list[int]]] = {"regex-baseline": naive}
        for splitter in SPLITTERS.names():
            cutters[splitter] = lambda t, s=splitter, lg=lang: [
                x.start for x in split_sentences(t, lg, splitter=s)
            ]
        for cname, cut in cutters.items():
            r = score(cut, paras)
            print(
                f"{lang:4} {cname:10} {r['recall']:7.3f} {r['precision']:9.3f} {r['f1']:6.3f} "
                f"{r['gold']:6d} {r['sec']:5.2f}"
            )


if __name__ == "__main__":
    main()
