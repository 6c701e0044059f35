"""Write ``workbench/data/bilexicon.tsv``: kk/ky/ru → English word translations over stems.

IBM Model 1 (``t(english stem | source stem)``, a NULL source word, uniform start, EM) on
parallel text that no measurement reads:

* Tatoeba test v2021-08-07 rus-eng (19,425 pairs) and kaz-eng (403), CC BY 2.0 FR;
* FLORES-200 dev lines 1–498 and NTREX-128 lines 1–998 (the faithfulness benchmark's
  calibration halves, CC BY-SA 4.0), except the documents of one in three
  (``faithfulness_bench.lexicon_line``): the benchmark fits its coverage models on those, so
  they must be text the lexicon never saw.

English stop words are left out of the English side (the lexicon maps content to content).
Kept: source stems seen at least ``--min-count`` times whose best translation has probability
at least ``--min-best``, with their translations of probability at least ``--min-p`` (at most
``--top``), and whose hit rate (the share of training pairs holding the stem whose English
holds one of those translations, ``hits / (seen + 2)``) is at least ``--min-hit``: function
words and noisy entries drop out. The file carries the
material's licences. Regenerate (a minute)::

    python scripts/make_bilexicon.py [--data ../shared/data]

``--evaluate`` writes nothing: it learns the lexicon from the same material less one news
document in five (:func:`held_apart`) and reads those documents' pairs, saying per language how
big the lexicon is, how much of the source it knows and how precise its renderings are
(:func:`evaluate`)::

    python scripts/make_bilexicon.py --evaluate
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from faithfulness_bench import lexicon_line, load  # noqa: E402

from workbench.diff.bilexicon import (  # noqa: E402
    ENGLISH_STEM,
    SOURCE_STEM,
    WORD,
    BiLexicon,
    english_content,
    english_stem,
    source_stem,
)

OUT = REPO / "workbench" / "data" / "bilexicon.tsv"
NULL = ""
Pair = tuple[list[str], list[str]]


def _source(text: str) -> list[str]:
    return [source_stem(w) for w in WORD.findall(text) if not any(c.isdigit() for c in w)]


def _english(text: str) -> list[str]:
    return [
        english_stem(w) for w in WORD.findall(text)
        if english_content(w) and not any(c.isdigit() for c in w)
    ]  # fmt: skip


#: Tatoeba pairs are grouped into pseudo-documents of this many lines (for :func:`held_apart`).
TATOEBA_DOC = 20


def documents(data: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Parallel (source, English, document) texts per source language: the news lines'
    documents (``faithfulness_bench``'s ids), Tatoeba's as ``tatoeba-N`` blocks."""
    cal, _ = load(data)
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for line in cal:
        if lexicon_line(line):
            for lang, text in line.src.items():
                out[lang].append((text, line.en, line.doc))
    tatoeba = data / "tatoeba-test-v2021-08-07"
    for lang, folder, name in (("ru", "rus-eng", "rus.txt"), ("kk", "kaz-eng", "kaz.txt")):
        src = (tatoeba / folder / name).read_text(encoding="utf-8").splitlines()
        en = (tatoeba / folder / "eng.txt").read_text(encoding="utf-8").splitlines()
        out[lang] += [
            (s, e, f"tatoeba-{i // TATOEBA_DOC}")
            for i, (s, e) in enumerate(zip(src, en, strict=True))
        ]
    return out


def material(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Parallel (source, English) texts per source language."""
    return {lang: [(s, e) for s, e, _ in rows] for lang, rows in documents(data).items()}


def spelling_rate(texts: Sequence[tuple[str, str]], lexicon: BiLexicon, lang: str) -> float:
    """How often a capitalised word the lexicon does not know (a name, mostly) is found by
    spelling in the training pairs' English: the weight of a word matched by spelling, whose
    absence is as strong a sign as this rate is high. (Lower-case words are counted only when
    found, so they would flatter the rate.)"""
    found = [
        w.covered
        for s, e in texts
        for w in lexicon.coverage(s, e, lang)
        if w.kind == "spelling" and w.word[:1].isupper()
    ]  # fmt: skip
    return sum(found) / max(1, len(found))


def model1(pairs: Sequence[Pair], iterations: int) -> dict[str, dict[str, float]]:
    """``t[source][english]`` by EM, English generated from the source words and NULL."""
    t: dict[str, dict[str, float]] = defaultdict(dict)
    for f_words, e_words in pairs:
        for f in [NULL, *f_words]:
            for e in e_words:
                t[f][e] = 1.0
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for f_words, e_words in pairs:
            fs = [NULL, *f_words]
            for e in e_words:
                z = sum(t[f][e] for f in fs)
                for f in fs:
                    counts[f][e] += t[f][e] / z
        t = defaultdict(dict)
        for f, row in counts.items():
            total = sum(row.values())
            t[f] = {e: c / total for e, c in row.items()}
    return t


def hit_rates(
    pairs: Sequence[Pair], options: dict[str, list[tuple[str, float]]]
) -> dict[str, float]:
    """For each source stem, the share of training pairs holding it whose English holds one of
    its translations, shrunk towards 0 for rare stems (``hits / (seen + 2)``): function words
    and noisy entries get low rates and drop out or weigh little."""
    seen: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for f_words, e_words in pairs:
        english = set(e_words)
        for f in set(f_words):
            if f in options:
                seen[f] += 1
                hit[f] += any(e in english for e, _ in options[f])
    return {f: hit[f] / (seen[f] + 2) for f in options}


@dataclass(frozen=True)
class Params:
    """How a lexicon is learned and pruned (the script's options)."""

    iterations: int = 8
    min_count: int = 2
    min_best: float = 0.15
    min_p: float = 0.02
    top: int = 10
    min_hit: float = 0.5


def learn(
    texts: Sequence[tuple[str, str]], params: Params
) -> tuple[dict[str, list[tuple[str, float]]], dict[str, float], Counter[str]]:
    """The kept translations of each source stem, every candidate stem's hit rate, and how
    many training pairs hold each stem."""
    pairs = [(_source(s), _english(e)) for s, e in texts]
    seen = Counter(f for fs, _ in pairs for f in set(fs))
    t = model1(pairs, params.iterations)
    options: dict[str, list[tuple[str, float]]] = {}
    for f in sorted(t):
        if f == NULL or seen[f] < params.min_count:
            continue
        best = sorted(t[f].items(), key=lambda kv: (-kv[1], kv[0]))
        if best and best[0][1] >= params.min_best:
            options[f] = [(e, p) for e, p in best[: params.top] if p >= params.min_p]
    hits = hit_rates(pairs, options)
    kept = {f: opts for f, opts in options.items() if hits[f] >= params.min_hit}
    return kept, hits, seen


def held_apart(document: str) -> bool:
    """One news document in five (by a hash of its id) is held apart by ``--evaluate``."""
    return zlib.crc32(f"held-apart:{document}".encode()) % 5 == 0


@dataclass(frozen=True)
class Quality:
    """A lexicon read on parallel pairs it did not learn from.

    Attributes:
        stems: Source stems the lexicon holds.
        pairs: Held-apart pairs read.
        known: Share of the source words (digits left out) whose stem the lexicon holds.
        rendered: Hit-rate-weighted share of those words one of whose usual renderings is in
            the pair's own English: what a faithful translation shows (the rest looks lost).
        chance: The same share against the English of another held-apart pair: renderings
            found by chance, which hide a word a translation lost.
    """

    stems: int
    pairs: int
    known: float
    rendered: float
    chance: float

    @property
    def precision(self) -> float:
        """Of the renderings found in a pair's own English, the share that are not chance:
        ``1 − chance / rendered``."""
        return 1.0 - self.chance / self.rendered if self.rendered > 0 else 0.0


def evaluate(
    lexicon: BiLexicon, lang: str, pairs: Sequence[tuple[str, str]], seed: int = 1
) -> Quality:
    """How ``lexicon`` reads ``pairs`` (source, English) it did not learn from: each pair
    against its own English, and against the English of another pair drawn at random."""
    rng = random.Random(seed)
    words = weight = rendered = chance = 0.0
    known = 0
    for i, (source, english) in enumerate(pairs):
        other = pairs[(i + 1 + rng.randrange(max(1, len(pairs) - 1))) % len(pairs)][1]
        own = [w for w in lexicon.coverage(source, english, lang) if w.kind == "lexicon"]
        far = [w for w in lexicon.coverage(source, other, lang) if w.kind == "lexicon"]
        words += len(_source(source))
        known += len(own)
        weight += sum(w.weight for w in own)
        rendered += sum(w.weight * w.covered for w in own)
        chance += sum(w.weight * w.covered for w in far)
    return Quality(
        len(lexicon.entries.get(lang, {})), len(pairs), known / max(1.0, words),
        rendered / weight if weight else 0.0, chance / weight if weight else 0.0,
    )  # fmt: skip


def report_held_apart(data: Path, params: Params) -> list[str]:
    """``--evaluate``: per language, a lexicon learned without the held-apart news documents,
    read on their pairs (:class:`Quality`)."""
    lines = []
    for lang, rows in sorted(documents(data).items()):
        train = [(s, e) for s, e, doc in rows if not held_apart(doc)]
        test = [
            (s, e) for s, e, doc in rows if held_apart(doc) and not doc.startswith("tatoeba-")
        ]  # fmt: skip
        kept, hits, _ = learn(train, params)
        table = {f: dict(opts) for f, opts in kept.items()}
        q = evaluate(BiLexicon({lang: table}, "", {lang: hits}), lang, test)
        lines.append(
            f"{lang}: {q.stems} stems learned from {len(train)} pairs; on {q.pairs} held-apart "
            f"news pairs it knows {q.known:.3f} of the source words, finds a usual rendering "
            f"of {q.rendered:.3f} (hit-rate weighted) in the pair's own English and of "
            f"{q.chance:.3f} in another pair's: precision {q.precision:.3f}"
        )
    return lines


def main() -> None:
    """Learn the lexicon of each language and write the file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-best", type=float, default=0.15)
    ap.add_argument("--min-p", type=float, default=0.02)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--min-hit", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--evaluate", action="store_true",
        help="write nothing; learn without one news document in five and report the lexicon's "
        "size and precision on those documents' pairs",
    )  # fmt: skip
    args = ap.parse_args()
    if args.iterations < 1 or args.min_count < 1 or args.top < 1:
        ap.error("--iterations, --min-count and --top take a whole number of 1 or more.")
    if not all(0 <= v <= 1 for v in (args.min_best, args.min_p, args.min_hit)):
        ap.error("--min-best, --min-p and --min-hit take a share between 0 and 1.")
    if not args.evaluate and not args.out.parent.is_dir():
        ap.error(f"--out: the folder {args.out.parent} does not exist.")
    for name in ("flores200-dev", "ntrex128", "tatoeba-test-v2021-08-07"):
        if not (args.data / name).is_dir():
            ap.error(f"--data {args.data} has no {name} folder; give the shared data folder.")
    params = Params(
        args.iterations, args.min_count, args.min_best, args.min_p, args.top, args.min_hit
    )
    if args.evaluate:
        print("\n".join(report_held_apart(args.data, params)))
        return
    rows: list[str] = []
    sizes = []
    for lang, texts in sorted(material(args.data).items()):
        kept, hits, seen = learn(texts, params)
        for f, opts in kept.items():
            cells = " ".join(f"{e}:{p:.3f}" for e, p in opts)
            rows.append(f"{lang}\t{f}\t{seen[f]}\t{hits[f]:.3f}\t{cells}")
        table = {f: {e: p for e, p in opts} for f, opts in kept.items()}
        rate = spelling_rate(texts, BiLexicon({lang: table}, "", {lang: hits}), lang)
        rows.append(f"{lang}\t@spelling\t{len(texts)}\t{rate:.3f}\t")
        sizes.append(f"{lang} {len(kept)} stems from {len(texts)} pairs")
        print(f"{lang}: {len(kept)} source stems from {len(texts)} pairs; spelling rate {rate:.3f}")
    header = [
        f"# signature: bilex:model1-s{SOURCE_STEM}-e{ENGLISH_STEM}-i{args.iterations}"
        f"-c{args.min_count}-b{args.min_best}-h{args.min_hit}",
        "# kk/ky/ru -> English stems, IBM Model 1, made by scripts/make_bilexicon.py: "
        + "; ".join(sizes),
        "# learned from Tatoeba test v2021-08-07 rus-eng and kaz-eng (CC BY 2.0 FR) and",
        "# FLORES-200 dev lines 1-498 / NTREX-128 lines 1-998, two documents in three (CC BY-SA 4.0)",
        "# lang\tsource stem\tpairs seen\thit rate\tenglish stem:t(e|f) ...",
    ]
    args.out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
