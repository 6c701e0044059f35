"""CLD2 accuracy on kk/ky/ru/en, the mismatch warning's hit and false-alarm rates, Latin Kazakh.

All on FLORES-200 dev (997 lines per language). Latin-script Kazakh test material is made by
converting the Cyrillic Kazakh lines with each official alphabet (``workbench.langid.to_latin``);
real Latin-script Kazakh text may differ (mixed alphabets, typing without diacritics).

Usage: ``python benchmarks/langid_bench.py [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from workbench.langid import (
    ALPHABETS,
    _cld2,
    check_language,
    latin_kazakh_alphabet,
    to_cyrillic,
    to_latin,
)

FILES = {"kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "ru": "rus_Cyrl.txt", "en": "eng_Latn.txt"}


def prefix(line: str, words: int | None) -> str:
    """The first ``words`` words of ``line`` (all when None)."""
    return line if words is None else " ".join(line.split()[:words])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    parser.add_argument("--data", default=str(shared_data()))
    args = parser.parse_args()
    data = {
        lang: (Path(args.data) / "flores200-dev" / f).read_text(encoding="utf-8").splitlines()
        for lang, f in FILES.items()
    }
    print("## CLD2 top language on FLORES-200 dev lines (bestEffort)")
    for words in (None, 6, 3):
        for lang, lines in data.items():
            got = Counter(_cld2(prefix(line, words))[0] for line in lines)
            acc = got[lang] / len(lines)
            others = ", ".join(f"{k}:{v}" for k, v in got.most_common() if k != lang)[:60]
            print(f"{'full' if words is None else f'{words}w':4} {lang}  acc {acc:.3f}  ({others})")
    print("\n## check_language warnings (rows: true language, cols: declared --src)")
    for words in (None, 3):
        for lang, lines in data.items():
            cells = []
            for declared in ("kk", "ky", "ru"):
                n = sum(bool(check_language(prefix(line, words), declared)) for line in lines)
                cells.append(f"{declared}:{n / len(lines):.3f}")
            print(
                f"{'full' if words is None else f'{words}w':4} {lang}  warned  " + "  ".join(cells)
            )
    print("\n## Latin-script Kazakh (FLORES kk converted per alphabet)")
    for alphabet in ALPHABETS:
        latin = [to_latin(line, alphabet) for line in data["kk"]]
        found = Counter(latin_kazakh_alphabet(t) for t in latin)
        back = [to_cyrillic(t, alphabet) for t in latin]
        pairs = [
            (a, b)
            for orig, conv in zip(data["kk"], back, strict=True)
            for a, b in zip(orig.split(), conv.split(), strict=False)
        ]
        word_acc = sum(a == b for a, b in pairs) / len(pairs)
        print(
            f"{alphabet}: detected {found[alphabet] / len(latin):.3f} "
            f"(as other alphabet {sum(v for k, v in found.items() if k not in (alphabet, None))}, "
            f"missed {found[None]}); back to Cyrillic word accuracy {word_acc:.3f}"
        )
    for lang in ("en", "kk", "ru"):
        fp = sum(latin_kazakh_alphabet(line) is not None for line in data[lang])
        print(f"false Latin-Kazakh alarms on {lang} lines: {fp}/{len(data[lang])}")


if __name__ == "__main__":
    main()
