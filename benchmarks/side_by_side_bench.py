"""The Translate tab's side-by-side pipeline on news text: per-line language and uploads by line.

Material: NTREX-128 (news documents, ``DOCUMENT_IDS.tsv``), ``../shared/data/ntrex128``. Each
news document becomes paragraphs of up to three consecutive sentences (a line as a user pastes
it); documents take turns in Russian, Kazakh and Kyrgyz, so a pasted text mixes languages the
way a desk's copy of several statements does.

1. **Language per line**: :func:`workbench.pipeline.side_by_side.line_languages` (detection per
   line, undecidable lines take their neighbour's language) against the previous behaviour, one
   detection for the whole text applied to every line. Reported: share of lines whose language
   is right, per language, on paragraphs and on single sentences.
2. **A .txt of translations by line** (one English paragraph per source paragraph):
   :func:`~workbench.pipeline.side_by_side.spread` cuts each English paragraph over the source
   sentences. Reported: share of source sentences that get exactly their reference sentence,
   and share of paragraphs whose source splits into as many sentences as it was built from.

Usage: ``python benchmarks/side_by_side_bench.py [--data ../shared/data] [--docs 60]``
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from itertools import groupby
from pathlib import Path

from workbench.pipeline.side_by_side import AUTO, line_languages, spread
from workbench.segment import split_sentences

FILES = {"ru": "rus_Cyrl.txt", "kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "en": "eng_Latn.txt"}
ORDER = ("ru", "kk", "ky")


def documents(data: Path) -> list[list[int]]:
    """Line numbers of each NTREX news document, in order."""
    ids = (data / "ntrex128" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    return [[i for i, _ in group] for _, group in groupby(enumerate(ids), key=lambda p: p[1])]


def paragraphs(doc: list[int], size: int) -> list[list[int]]:
    """Consecutive line numbers of ``doc`` in groups of ``size``."""
    return [doc[k : k + size] for k in range(0, len(doc), size)]


def language_accuracy(
    texts: dict[str, list[str]], docs: list[list[int]], size: int
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per-language counts: lines, right per line, right with one detection for the text."""
    from workbench.langid import detect

    lines: list[str] = []
    gold: list[str] = []
    for n, doc in enumerate(docs):
        lang = ORDER[n % len(ORDER)]
        for para in paragraphs(doc, size):
            lines.append(" ".join(texts[lang][i] for i in para))
            gold.append(lang)
    per_line, _ = line_languages(lines, AUTO)
    whole = detect("\n".join(lines)).language
    total, right, right_whole = Counter[str](), Counter[str](), Counter[str]()
    for want, got in zip(gold, per_line, strict=True):
        total[want] += 1
        right[want] += got == want
        right_whole[want] += whole == want
    return total, right, right_whole


def spread_accuracy(
    texts: dict[str, list[str]], docs: list[list[int]]
) -> tuple[int, int, int, int]:
    """``(sentences, exact, paragraphs, paragraphs split as built)`` for Russian paragraphs."""
    sentences = exact = paras = as_built = 0
    for doc in docs:
        for para in paragraphs(doc, 3):
            source = " ".join(texts["ru"][i] for i in para)
            english = " ".join(texts["en"][i] for i in para)
            cut = split_sentences(source, "ru")
            paras += 1
            if len(cut) != len(para):
                continue
            as_built += 1
            got = spread(english, cut)
            sentences += len(para)
            exact += sum(g == texts["en"][i] for g, i in zip(got, para, strict=True))
    return sentences, exact, paras, as_built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    default = shared_data()
    parser.add_argument("--data", default=str(default))
    parser.add_argument("--docs", type=int, default=0, help="first N documents (0: all)")
    args = parser.parse_args()
    data = Path(args.data)
    texts = {
        lang: (data / "ntrex128" / f).read_text(encoding="utf-8").splitlines()
        for lang, f in FILES.items()
    }
    docs = documents(data)
    docs = docs[: args.docs] if args.docs else docs
    print(f"NTREX-128: {len(docs)} news documents, {sum(map(len, docs))} sentences")
    t0 = time.perf_counter()
    for size, label in ((3, "paragraphs of up to 3 sentences"), (1, "single sentences")):
        total, right, whole = language_accuracy(texts, docs, size)
        print(f"\nLanguage per line, {label} (documents take turns ru, kk, ky):")
        print("lang  lines  per-line right  one detection for the whole text")
        for lang in ORDER:
            n = total[lang]
            print(f"{lang:4} {n:6}  {right[lang] / n:14.1%}  {whole[lang] / n:10.1%}")
        n = sum(total.values())
        print(f"all  {n:6}  {sum(right.values()) / n:14.1%}  {sum(whole.values()) / n:10.1%}")
    sentences, exact, paras, as_built = spread_accuracy(texts, docs)
    print("\nA .txt of English paragraphs spread over the Russian sentences:")
    print(
        f"paragraphs split into as many sentences as built: {as_built}/{paras} ({as_built / paras:.1%})"
    )
    print(f"sentences given exactly their reference: {exact}/{sentences} ({exact / sentences:.1%})")
    print(f"\n({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
