"""Alignment on cases that look like real reporting: several outlets retelling one statement.

Built from NTREX-128 news documents (``DOCUMENT_IDS.tsv``); every text comes from
``../shared/data`` and the gold links are known by construction. For each document:

* **the statement** is the document in kk, ky or ru (no supplied translation: the hard,
  cross-lingual case); with probability ``--paragraphs`` a line is joined to the next one, so
  some statement lines hold two sentences, as real statements do;
* **3–5 outlets** each retell a random subset (40–80 %) of the statement's sentences from the
  English side, shuffled (no order), each retelling one of:

  - *whole*: the English sentence;
  - *partial*: one side of the English sentence cut at a comma, semicolon or conjunction
    (and/but/while/which/who/that), at least four words each side;
  - *merged*: parts of two statement sentences joined (", and", "; ", ", while ");

  and whole and partial retellings get reporting noise: 30 % are condensed (a run of 20–30 %
  of their words dropped), 25 % get background appended (part of a same-topic sentence from
  another document), 25 % a context phrase in front ("Meanwhile, …"), and 35 % are wrapped in
  reported speech or quotation ("Officials said that …", "According to the ministry, …",
  "“…”, the statement said.");
* **traps**: 20 % extra English sentences per outlet from *other* documents, chosen among the
  ones sharing the most content words with this document (same topic, wrong link).

The generator's cuts are its own rule (a random cut point), not the aligner's clause splitter.

A gold link joins a statement line and a report sentence that retells (part of) it. Precision
and recall are over links, reported per language, per outlet (the share of outlets meeting
R ≥ 0.85 at P ≥ 0.9, and the worst outlet), per kind of retelling (recall of whole / partial /
merged / reported-speech retellings) and as the share of traps left unlinked.

Documents are split by id (a hash of the id, printed) into a **tuning** half and a
**measuring** half: ``--calibrate`` searches the constants on tuning documents only; the default
run measures on the other half with the aligner's calibrated constants.

Usage::

    PYTHONPATH=. python benchmarks/align_real_bench.py [--docs 24] [--seed 1]
    PYTHONPATH=. python benchmarks/align_real_bench.py --calibrate
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.align import AlignParams, Embedder, align, create_embedder, params_for
from workbench.align.anchors import Anchors
from workbench.pipeline.anchors import default_anchors
from workbench.settings import Settings
from workbench.testsets import shared_data
from workbench.types import ReportRef, StatementRef

FILES = {"kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "ru": "rus_Cyrl.txt"}
REPO = Path(__file__).resolve().parents[1]
SPEAKERS = (
    "officials",
    "the ministry",
    "the government",
    "a spokesperson",
    "the statement",
    "the authorities",
)
FRAMES = (
    "{Sp} said that {x}.",
    "According to {sp}, {x}.",
    "{X}, {sp} said.",
    "“{X},” {sp} said.",
    "{Sp} claimed that {x}.",
    "In a statement, {sp} said {x}.",
    "{Sp} said in a televised address on Saturday that {x}.",
    "Speaking to reporters, {sp} insisted that {x}.",
)
CONTEXT = (
    "On Saturday, ",
    "Earlier this week, ",
    "In a further development, ",
    "Meanwhile, ",
    "As the row deepened, ",
)
JOINERS = (", and ", "; ", ", while ", " and ")
_CUT = re.compile(r",\s|;\s|\s(?=(?:and|but|while|which|who|that|as)\s)")
_LEADING = re.compile(r"^(?:and|but|while|which|who|that|as)\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{4,}")
STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "been",
        "they",
        "their",
        "there",
        "which",
        "would",
        "about",
        "after",
        "said",
        "also",
        "will",
        "more",
        "than",
        "when",
        "what",
        "into",
        "some",
        "other",
        "over",
        "only",
        "most",
        "such",
        "these",
        "those",
        "very",
    ]
)


@dataclass
class Item:
    """One report sentence: its text, the statement lines it retells and how."""

    text: str
    lines: tuple[int, ...]
    kind: str  # whole / partial / merged / trap
    speech: bool = False


@dataclass
class Case:
    """One document retold by several outlets."""

    doc: str
    lines: list[int]  # NTREX line numbers of the statement, in order
    paragraphs: list[list[int]]  # statement lines (positions in ``lines``) joined per statement
    outlets: list[list[Item]] = field(default_factory=list)


def default_data() -> Path:
    """``../shared/data`` next to the repository (or two levels up, for a git worktree): the one
    lookup of :func:`workbench.testsets.shared_data`, for this checkout."""
    return shared_data(REPO)


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 file."""
    return path.read_text(encoding="utf-8").splitlines()


def split_documents(ids: list[str]) -> tuple[list[str], list[str]]:
    """Documents split by a hash of their id: (tuning, measuring), each sorted."""
    tune = sorted(d for d in set(ids) if int(hashlib.sha1(d.encode()).hexdigest(), 16) % 2 == 0)
    measure = sorted(set(ids) - set(tune))
    return tune, measure


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - STOP


def _sentence_end(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def partial(sentence: str, rng: random.Random) -> str | None:
    """One side of ``sentence`` cut at a comma/semicolon/conjunction (≥ 4 words each side)."""
    cuts = [
        m
        for m in _CUT.finditer(sentence)
        if len(sentence[: m.start()].split()) >= 4 and len(sentence[m.end() :].split()) >= 4
    ]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    left, right = sentence[: cut.start()], _LEADING.sub("", sentence[cut.end() :])
    return rng.choice((left, right)).strip()


def reword(text: str, background: str, rng: random.Random) -> str:
    """Reporting noise on a retelling: compressed, given context, or joined to background.

    With probability 0.3 a run of 20–30 % of the words (never the first) is dropped, as a
    reporter condenses; with 0.25 a part of a same-topic sentence from another document is
    appended as background; with 0.25 a context phrase is put in front.
    """
    words = text.split()
    if rng.random() < 0.3 and len(words) >= 8:
        size = max(1, round(len(words) * rng.uniform(0.2, 0.3)))
        at = rng.randrange(1, len(words) - size)
        words = words[:at] + words[at + size :]
    out = " ".join(words)
    if rng.random() < 0.25:
        extra = partial(background, rng) or background
        out = out.rstrip(".") + ", " + _lower_first(extra.rstrip(".")) + "."
    if rng.random() < 0.25:
        out = rng.choice(CONTEXT) + _lower_first(out)
    return out


def speech(text: str, rng: random.Random) -> str:
    """``text`` wrapped in reported speech or quotation."""
    sp = rng.choice(SPEAKERS)
    core = text.strip().rstrip(".!?")
    return rng.choice(FRAMES).format(
        sp=sp, Sp=_upper_first(sp), x=_lower_first(core), X=_upper_first(core)
    )


def retell(
    case: Case,
    english: list[str],
    rng: random.Random,
    traps: list[str],
    repeats: float = 0.0,
    again: random.Random | None = None,
) -> list[Item]:
    """One outlet's retelling of ``case`` (shuffled), traps included.

    With ``repeats``, each single-line retelling is, with that probability, told a second time
    in the same outlet (a headline or lede retelling the main claim again, condensed); those
    draws come from ``again``, so the rest of the outlet is the same as without repeats.
    """
    n = len(case.paragraphs)
    chosen = [p for p in range(n) if rng.random() < rng.uniform(0.4, 0.8)] or [rng.randrange(n)]
    rng.shuffle(chosen)
    items: list[Item] = []
    while chosen:
        p = chosen.pop()
        line = rng.choice(case.paragraphs[p])  # a paragraph is retold through one of its lines
        text = english[case.lines[line]]
        roll = rng.random()
        if roll < 0.25 and chosen:
            q = chosen.pop()
            other = english[case.lines[rng.choice(case.paragraphs[q])]]
            first = partial(text, rng) or text.rstrip(".")
            second = partial(other, rng) or other
            joined = first.rstrip(".") + rng.choice(JOINERS) + _lower_first(second)
            items.append(Item(_sentence_end(_upper_first(joined)), (p, q), "merged"))
            continue
        kind = "whole"
        if roll < 0.55:
            cut = partial(text, rng)
            if cut:
                text, kind = _sentence_end(_upper_first(cut)), "partial"
        text = reword(text, rng.choice(traps), rng) if traps else text
        wrapped = rng.random() < 0.35
        items.append(Item(speech(text, rng) if wrapped else text, (p,), kind, wrapped))
    count = max(1, round(0.2 * len(items)))
    items += [Item(t, (), "trap") for t in rng.sample(traps, min(count, len(traps)))]
    rng.shuffle(items)
    if repeats and again is not None:
        for it in [it for it in items if it.kind in ("whole", "partial")]:
            if again.random() < repeats:
                source = english[case.lines[rng_line(case, it.lines[0], again)]]
                short = partial(source, again) or source
                words = short.split()
                if len(words) >= 8:  # a headline keeps the first half or two thirds
                    short = " ".join(words[: max(5, round(len(words) * again.uniform(0.5, 0.7)))])
                items.insert(again.randrange(len(items) + 1), Item(
                    _upper_first(short.rstrip(".,;: ")), it.lines, "repeat"
                ))  # fmt: skip
    return items


def rng_line(case: Case, paragraph: int, rng: random.Random) -> int:
    """One line of a statement paragraph, drawn with ``rng``."""
    return rng.choice(case.paragraphs[paragraph])


def build_cases(
    docs: dict[str, list[int]],
    chosen: list[str],
    english: list[str],
    pool: list[str],
    args: argparse.Namespace,
    seed: int,
) -> list[Case]:
    """Cases for ``chosen`` documents; traps come from ``pool`` documents other than the case's."""
    rng = random.Random(seed)
    cases = []
    pool_sentences = [(d, n) for d in pool for n in docs[d]]
    words = {n: _content(english[n]) for _, n in pool_sentences}
    for doc in chosen:
        lines = docs[doc]
        topic = Counter(w for n in lines for w in _content(english[n]))
        scored = sorted(
            ((sum(topic[w] for w in words[n]), n) for d, n in pool_sentences if d != doc),
            reverse=True,
        )
        traps = [english[n] for _, n in scored[:40]]
        paragraphs: list[list[int]] = []
        for pos in range(len(lines)):
            if paragraphs and len(paragraphs[-1]) == 1 and rng.random() < args.paragraphs:
                paragraphs[-1].append(pos)
            else:
                paragraphs.append([pos])
        case = Case(doc, lines, paragraphs)
        again = random.Random(seed + 7919)  # repeats draw apart: the rest stays as without
        case.outlets = [
            retell(case, english, rng, traps, args.repeats, again) for _ in range(rng.randint(3, 5))
        ]
        cases.append(case)
    return cases


def inputs(
    case: Case, lang_lines: list[str], english: list[str] | None = None
) -> tuple[list[StatementRef], list[ReportRef]]:
    """The aligner's input for one case in one statement language.

    With ``english``, each statement carries its English original as a supplied translation
    (an official English version the outlets retell).
    """
    statements = [
        StatementRef(
            p,
            " ".join(lang_lines[case.lines[i]] for i in para),
            " ".join(english[case.lines[i]] for i in para) if english else None,
            "statement",
        )
        for p, para in enumerate(case.paragraphs)
    ]
    reports: list[ReportRef] = []
    for k, outlet in enumerate(case.outlets):
        start = len(reports)
        reports += [ReportRef(start + j, it.text, f"outlet-{k}") for j, it in enumerate(outlet)]
    return statements, reports


@dataclass
class Tally:
    """Counts for precision and recall."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, found: set[tuple[int, int]], gold: set[tuple[int, int]]) -> None:
        """Count one set of predicted links against its gold links."""
        self.tp += len(found & gold)
        self.pred += len(found)
        self.gold += len(gold)

    @property
    def p(self) -> float:
        """Precision (1.0 when nothing was predicted)."""
        return self.tp / self.pred if self.pred else 1.0

    @property
    def r(self) -> float:
        """Recall (1.0 when there was nothing to find)."""
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Result:
    """Everything measured for one language (or pooled)."""

    links: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    outlets: list[Tally] = field(default_factory=list)
    traps: int = 0
    traps_linked: int = 0
    clause_links: int = 0


def evaluate(
    cases: list[Case],
    texts: dict[str, list[str]],
    embedder: Embedder,
    params: AlignParams,
    english: list[str] | None = None,
    anchors: Anchors | None = None,
    show: int = 0,
) -> dict[str, Result]:
    """Align every case in every language and count links against the gold ones (with
    ``english``, statements carry their English original as a supplied translation; ``show``
    prints the missed and wrong links of that many cases per language)."""
    out: dict[str, Result] = {}
    for lang, lines in texts.items():
        res = out.setdefault(lang, Result())
        for n_case, case in enumerate(cases):
            statements, reports = inputs(case, lines, english)
            comparison = align(statements, reports, embedder, params=params, anchors=anchors)
            found = {(a.statement.index, r.index) for a in comparison.alignments for r in a.reports}
            if n_case < show:
                _show(case, statements, reports, found)
            res.clause_links += sum(
                link.unit == "clause" for a in comparison.alignments for link in a.links
            )
            start = 0
            for outlet in case.outlets:
                idx = range(start, start + len(outlet))
                gold = {(p, j) for j, it in zip(idx, outlet, strict=True) for p in it.lines}
                mine = {(i, j) for i, j in found if start <= j < start + len(outlet)}
                tally = Tally()
                tally.add(mine, gold)
                res.outlets.append(tally)
                res.links.add(mine, gold)
                for j, it in zip(idx, outlet, strict=True):
                    linked = {(i, jj) for i, jj in mine if jj == j}
                    if it.kind == "trap":
                        res.traps += 1
                        res.traps_linked += bool(linked)
                        continue
                    g = {(p, j) for p in it.lines}
                    res.kinds[it.kind].add(linked & g, g)
                    if it.speech:
                        res.kinds["speech"].add(linked & g, g)
                start += len(outlet)
    return out


def _show(
    case: Case,
    statements: list[StatementRef],
    reports: list[ReportRef],
    found: set[tuple[int, int]],
) -> None:
    """Print the missed (-) and wrong (+) links of one case."""
    items = [it for outlet in case.outlets for it in outlet]
    gold = {(p, j) for j, it in enumerate(items) for p in it.lines}
    print(f"== {case.doc}")
    for sign, pairs in (("-", gold - found), ("+", found - gold)):
        for i, j in sorted(pairs, key=lambda x: x[1]):
            it = items[j]
            print(f" {sign} [{it.kind}{'+speech' if it.speech else ''}] {reports[j].text[:150]}")
            print(f"      <{i}> {statements[i].text[:150]}")


def pooled(results: dict[str, Result]) -> Tally:
    """Links of every language together."""
    total = Tally()
    for res in results.values():
        total.tp += res.links.tp
        total.pred += res.links.pred
        total.gold += res.links.gold
    return total


def _recall(tally: Tally) -> str:
    """Recall with three decimals, or ``-`` when there was nothing of the kind."""
    return f"{tally.r:.3f}" if tally.gold else "-"


def print_results(results: dict[str, Result]) -> None:
    """The per-language table."""
    head = (
        f"{'lang':<5}{'outlets':>8}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'R whole':>9}{'R part':>8}{'R merged':>10}{'R speech':>10}{'R rep':>7}{'traps ok':>10}"
        f"{'outl. ok':>10}{'worst P/R':>12}{'clause':>8}"
    )
    print(head)
    for lang, res in results.items():
        ok = sum(t.r >= 0.85 and t.p >= 0.9 for t in res.outlets)
        worst_p = min(t.p for t in res.outlets)
        worst_r = min(t.r for t in res.outlets)
        print(
            f"{lang:<5}{len(res.outlets):>8}{res.links.gold:>6}{res.links.pred:>6}"
            f"{res.links.p:>7.3f}{res.links.r:>7.3f}{res.links.f1:>7.3f}"
            f"{res.kinds['whole'].r:>9.3f}{res.kinds['partial'].r:>8.3f}"
            f"{res.kinds['merged'].r:>10.3f}{res.kinds['speech'].r:>10.3f}"
            f"{_recall(res.kinds['repeat']):>7}"
            f"{1 - res.traps_linked / max(res.traps, 1):>10.3f}"
            f"{ok / len(res.outlets):>10.2f}{worst_p:>6.2f}/{worst_r:.2f}{res.clause_links:>8}"
        )
    print(
        "P, R, F1: links; R whole/part/merged/speech/rep(eat): recall by kind of retelling; "
        "traps ok: "
        "share of same-topic sentences from other documents left unlinked; outl. ok: share of "
        "outlets with R >= 0.85 and P >= 0.9; worst P/R: lowest outlet precision / recall; "
        "clause: links made below the sentence"
    )


# ── calibration ──────────────────────────────────────────────────────────────────────────────

GRID: dict[str, tuple[float, ...]] = {
    "threshold": tuple(round(0.995 + 0.0025 * i, 4) for i in range(14)),
    "floor": (0.77, 0.78, 0.79, 0.80, 0.81, 0.82),
    "clause_threshold": tuple(round(1.0 + 0.0025 * i, 4) for i in range(17)),
    "clause_floor": (0.80, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86),
    "gate": (0.76, 0.78, 0.80, 0.82),
    "secondary": (1.0, 1.01, 1.02, 1.03, 9.0),
    "exclusive": (0.0, 0.005, 0.01, 0.02, 0.04, 9.0),
    "k": (2, 3, 4, 5),
    "k_statement": (0, 4, 5, 6, 8),
}
#: Constants of the anchor evidence (searched only with anchors on).
ANCHOR_GRID: dict[str, tuple[float, ...]] = {
    "name_bonus": (0.0, 0.01, 0.02, 0.03, 0.04, 0.06),
    "figure_bonus": (0.0, 0.01, 0.02, 0.03, 0.04, 0.06),
    "figure_penalty": (0.0, 0.01, 0.02, 0.03, 0.05),
    "word_bonus": (0.0, 0.005, 0.01, 0.015, 0.02, 0.03),
}
GRID.update(ANCHOR_GRID)
#: The least pooled precision the search accepts; above it, recall decides.
PRECISION_FLOOR = 0.91


def objective(results: dict[str, Result]) -> tuple[bool, float, float]:
    """Higher is better: precision floor met, then recall (or precision when not met), F1."""
    t = pooled(results)
    met = t.p >= PRECISION_FLOOR
    return met, (t.r if met else t.p), t.f1


def calibrate(
    cases: list[Case],
    texts: dict[str, list[str]],
    embedder: Embedder,
    start: AlignParams,
    rounds: int,
    anchors: Anchors | None = None,
    only: tuple[str, ...] = (),
) -> AlignParams:
    """Coordinate search on the tuning cases (``only``: these constants); prints every step."""
    best = start
    best_o = objective(evaluate(cases, texts, embedder, best, anchors=anchors))
    print(f"start {best.signature_fields()}|{best.anchor_fields()}  {best_o}")
    grid = {k: v for k, v in GRID.items() if not only or k in only}
    if anchors is None:
        grid = {k: v for k, v in grid.items() if k not in ANCHOR_GRID}
    for _ in range(rounds):
        for name, values in grid.items():
            for value in values:
                trial = replace(best, **{name: int(value) if name == "k" else value})
                o = objective(evaluate(cases, texts, embedder, trial, anchors=anchors))
                if o > best_o:
                    best, best_o = trial, o
            t = pooled(evaluate(cases, texts, embedder, best, anchors=anchors))
            print(
                f"{name:<16} -> {best.signature_fields()}|{best.anchor_fields()}  "
                f"P {t.p:.4f} R {t.r:.4f}",
                flush=True,
            )
    return best


# ── cost ─────────────────────────────────────────────────────────────────────────────────────


def cost(
    english: list[str],
    statements: list[str],
    outlets: int,
    size: int,
    seed: int,
    params: AlignParams | None = None,
) -> None:
    """Time of :func:`align` (clause units included) against embedding the case's sentences.

    The case: ``size`` statement sentences and ``outlets`` report documents of ``size`` English
    sentences each (half retell statement lines, half come from elsewhere), embedded from
    scratch (memory cache only) so that the ratio is measured in one run on one machine state.
    """
    from workbench.align import CachingEmbedder
    from workbench.align.embedders import E5Embedder

    rng = random.Random(seed)
    lines = rng.sample(range(len(english)), size)
    st = [StatementRef(i, statements[n], None, "statement") for i, n in enumerate(lines)]
    reports: list[ReportRef] = []
    for k in range(outlets):
        picked = rng.sample(lines, size // 2) + rng.sample(range(len(english)), size - size // 2)
        rng.shuffle(picked)
        reports += [
            ReportRef(len(reports) + j, english[n], f"outlet-{k}") for j, n in enumerate(picked)
        ]
    embedder = CachingEmbedder(E5Embedder(), None)
    texts = list(dict.fromkeys([s.text for s in st] + [r.text for r in reports]))
    t0, c0 = time.perf_counter(), time.process_time()
    embedder.embed(texts)
    embed_s, embed_cpu = time.perf_counter() - t0, time.process_time() - c0
    before = embedder.computed
    t0, c0 = time.perf_counter(), time.process_time()
    result = align(st, reports, embedder, params=params, anchors=default_anchors())
    align_s, align_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"cost: {len(st)} statements, {outlets} outlets x {size} sentences "
        f"({len(texts)} distinct sentences embedded in {embed_s:.1f} s); align() with clause "
        f"units and anchors {align_s:.1f} s ({embedder.computed - before} clause units embedded, "
        f"{sum(len(a.reports) for a in result.alignments)} links); "
        f"(embedding + align) / embedding = {(embed_s + align_s) / embed_s:.2f} "
        f"(CPU time: {(embed_cpu + align_cpu) / embed_cpu:.2f})"
    )


# ── command line ─────────────────────────────────────────────────────────────────────────────


def add_case_options(parser: argparse.ArgumentParser, docs: int) -> None:
    """The options :func:`build_cases` and its callers read (``--data``, ``--docs``, ``--seed``,
    ``--paragraphs``, ``--repeats``, ``--langs``): one home for every bench that builds these
    cases (``diff_gate_bench.py`` crashed when it lacked one, 0765bd4)."""
    parser.add_argument("--data", type=Path, default=default_data(), help="shared data folder")
    parser.add_argument("--docs", type=int, default=docs, help="documents per run")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the generator")
    parser.add_argument("--paragraphs", type=float, default=0.35, help="chance to join lines")
    parser.add_argument(
        "--repeats",
        type=float,
        default=0.0,
        help="chance that an outlet retells a statement a second time (headline-style)",
    )
    parser.add_argument("--langs", default="kk,ky,ru", help="statement languages")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_case_options(parser, docs=24)
    parser.add_argument("--units", choices=("clause", "sentence"), help="override unit mode")
    parser.add_argument("--calibrate", action="store_true", help="search on tuning documents")
    parser.add_argument(
        "--translated",
        action="store_true",
        help="statements carry their English original as a supplied translation",
    )
    parser.add_argument("--rounds", type=int, default=2, help="coordinate-search rounds")
    parser.add_argument(
        "--no-anchors",
        action="store_true",
        help="align on embeddings alone (no figure and name evidence)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override one aligner constant (repeatable), e.g. --set threshold=1.02",
    )
    parser.add_argument(
        "--only", default="", help="calibrate only these constants (comma-separated)"
    )
    parser.add_argument(
        "--show", type=int, default=0, help="print missed/wrong links of N cases per language"
    )
    parser.add_argument(
        "--from-line",
        type=int,
        default=1,
        help="only documents whose NTREX lines all start at this 1-based line (999: none of the "
        "lines the word lexicon learned from)",
    )
    parser.add_argument(
        "--cost", default="", metavar="OUTLETSxSIZE", help="time a case of that shape, e.g. 10x300"
    )
    return parser.parse_args()


def _set(params: AlignParams, args: argparse.Namespace) -> AlignParams:
    """``params`` with the ``--set NAME=VALUE`` overrides."""
    for item in args.set:
        name, _, value = item.partition("=")
        kind = type(getattr(params, name))
        params = replace(params, **{name: kind(value)})
    return params


def main() -> None:
    """Build the cases, embed, and measure (or calibrate)."""
    args = parse_args()
    folder = args.data / "ntrex128"
    ids = [line.split("\t")[0] for line in read_lines(folder / "DOCUMENT_IDS.tsv")]
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        docs.setdefault(doc, []).append(n)
    english = read_lines(folder / "eng_Latn.txt")
    if args.cost:
        outlets, size = (int(x) for x in args.cost.lower().split("x"))
        base = params_for(create_embedder(settings=Settings.resolve()))
        cost(english, read_lines(folder / FILES["ru"]), outlets, size, args.seed, _set(base, args))
        return
    tune, measure = split_documents(ids)
    split = tune if args.calibrate else measure
    split = [d for d in split if min(docs[d]) >= args.from_line - 1]
    chosen = sorted(random.Random(args.seed).sample(split, min(args.docs, len(split))))
    texts = {lang: read_lines(folder / FILES[lang]) for lang in args.langs.split(",")}
    cases = build_cases(docs, chosen, english, split, args, args.seed)
    print(f"documents: {len(tune)} tuning / {len(measure)} measuring (split by sha1(id) % 2)")
    print(f"{'tuning' if args.calibrate else 'measuring'} on {len(chosen)}: {' '.join(chosen)}")
    n_out = sum(len(c.outlets) for c in cases)
    n_items = sum(len(o) for c in cases for o in c.outlets)
    kinds = Counter(it.kind for c in cases for o in c.outlets for it in o)
    print(
        f"cases: {len(cases)}  outlets: {n_out}  report sentences: {n_items}  "
        f"kinds: {dict(sorted(kinds.items()))}  seed: {args.seed}  paragraphs: {args.paragraphs}"
    )
    settings = Settings.resolve()
    embedder = create_embedder(settings=settings)
    params = params_for(embedder)
    if args.units:
        params = replace(params, units=args.units)
    params = _set(params, args)
    anchors = None if args.no_anchors else default_anchors()
    print(f"embedder: {embedder.signature}")
    t0 = time.perf_counter()
    supplied = english if args.translated else None
    results = evaluate(cases, texts, embedder, params, supplied, anchors, args.show)
    print(f"first run (embeds what the cache lacks): {time.perf_counter() - t0:.1f} s")
    if args.calibrate:
        only = tuple(x for x in args.only.split(",") if x)
        params = calibrate(cases, texts, embedder, params, args.rounds, anchors, only)
        print(f"best: {params.signature_fields()}|{params.anchor_fields()}")
        results = evaluate(cases, texts, embedder, params, supplied, anchors)
    extra = f"|anchors:{anchors.name}|{params.anchor_fields()}" if anchors else ""
    print(f"aligner: align:{params.signature_fields()}{extra}")
    print_results(results)
    t = pooled(results)
    print(f"pooled: P {t.p:.3f} R {t.r:.3f} F1 {t.f1:.3f}")


if __name__ == "__main__":
    main()
