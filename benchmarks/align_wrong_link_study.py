"""Which links carry flags on wrong links, and what tells them from right links that carry keys
(docs/align.md, sessions 16 and 18).

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml`` +
``judged_flags.toml``) the script runs ``workbench compare`` in process, exactly as the CLI does
(``compare_case`` then the JSON of ``case_report``), classes every flag as the eval does (key,
wrong-link, real, noise, unjudged: ``real_cases_eval.score_case``), and places each flag on the
aligner's link of its own report sentence (the sentence of the flag's report words; the
alignment's link objects, not the JSON). Per flag it records what the product knows of that
link:

* its *unit*: ``sentence`` (the sentence pass), ``echo`` (a whole-sentence link under the
  threshold: the echo pass), ``clause`` (through a clause of the original), ``tr-clause``
  (through a clause of the translation);
* its ratio margin less the threshold (``margin``), and the cosine of the report sentence with
  the statement line (the larger of original and translation, as the aligner's max view);
* its anchors: a figure of the line in the sentence, the share of the translation's English
  content stems the sentence holds (translated lines), the word lexicon's share (the others);
* whether the pipeline marked it weak (``anchors.weak_link``): its flags are then only the
  outlet's own-voice kinds, shown anyway;
* where it sits: how many lines the sentence is linked to (``lines``), its place in the outlet
  (``place``, 0 the headline), whether another sentence of the outlet retells the line at a higher
  margin (``surer``), and how much more of another line's words the sentence holds than of this
  line's (``better``: the anchors' share, English stems or lexicon words, best other line less
  this one);
* (session 18) how far the line leads the sentence's best other line in the aligner's own
  sentence-pass margins (``second``, caught from the aligner's call: :func:`caught_margins`), how
  many outlets link the line (``outlets``), the outlet's surest link of any line (``sure``, margin
  less the threshold: an outlet that retells nothing has only barely accepted links), and the
  cosine less the median cosine of every link of the case (``relcos``).

It prints numbers only: per folder the wrong-link flags by unit, weak or not, margin band; the
medians and counts of each feature for wrong-link, key, real and judged-noise flags, and how
many links carry them (per folder, then pooled over lines without and with a translation); and,
for each gate ``--gates`` (a link marked weak when the feature is under / over the value, ``&``
joining conditions), the flags it would take away by class — a flag on a newly weak link survives only when its kind is an own-voice
kind (``salience.WEAK_LINK_KINDS`` / ``WEAK_LINK_CATEGORIES``). Recall never moves: a weak link
stays a link.

Usage::

    python benchmarks/align_wrong_link_study.py --cases /work/holdout15 /work/holdout15-tr ...

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from statistics import median
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402

from workbench.align.aligner import CALIBRATIONS  # noqa: E402
from workbench.diff.bilexicon import load_bilexicon  # noqa: E402
from workbench.diff.salience import WEAK_LINK_CATEGORIES, WEAK_LINK_KINDS  # noqa: E402
from workbench.pipeline import compare  # noqa: E402
from workbench.pipeline.anchors import _english_stems, _words, figure_keys  # noqa: E402
from workbench.settings import Settings  # noqa: E402

THRESHOLD = CALIBRATIONS["e5-small"].threshold
CLASSES = ("wrong-link", "key", "real", "noise")


@dataclass
class Row:
    """One flag on its link."""

    folder: str
    cls: str
    kind: str
    category: str
    unit: str
    margin: float
    cosine: float
    figure: bool
    english: float  # -1 without a translation
    lexicon: float
    weak: bool
    translated: bool
    lines: int  # statement lines the report sentence is linked to
    place: int  # the sentence's place in its outlet (0: the headline)
    surer: bool  # another sentence of the outlet is linked to the line at a higher margin
    better: float = 0.0  # another line's word share with the sentence less this line's (max)
    second: float = 0.0  # sentence margin of this line less the best other line's (same outlet)
    outlets: int = 0  # outlets with a sentence linked to the line (this one included)
    sure: float = 0.0  # the outlet's surest link (any line), margin less the threshold
    link: str = ""  # case/outlet:line>sentence, to count links as well as flags
    relcos: float = 0.0  # cosine less the median cosine of every link of the case

    def own_voice(self) -> bool:
        return self.kind in WEAK_LINK_KINDS or self.category in WEAK_LINK_CATEGORIES


def _unit(link: Any) -> str:
    if link.unit == "clause":
        return "tr-clause" if link.view == "translation" else "clause"
    return "echo" if link.score < THRESHOLD else "sentence"


@contextmanager
def caught_margins(into: dict[tuple[str, int], dict[int, float]]) -> Iterator[None]:
    """While in the block, every sentence-pass margin the aligner computes is kept in ``into``:
    ``(report document, report index) -> {statement index: margin}``, each outlet's matrix as
    ``aligner._align_outlet`` hands it to ``aligner.link`` (after the cross-lingual scale and the
    anchors' bonuses). The aligner's functions are put back on leaving."""
    from workbench.align import aligner

    outlet, link = aligner._align_outlet, aligner.link
    current: list[tuple[Any, list[Any]]] = []

    def in_outlet(statements: Any, reports: Any, cols: Any, *a: Any, **k: Any) -> Any:
        current.append((statements, [reports[c] for c in cols]))
        try:
            return outlet(statements, reports, cols, *a, **k)
        finally:
            current.pop()

    def caught(sims: Any, margins: Any, params: Any) -> Any:
        if current:
            lines, sentences = current[-1]
            for j, r in enumerate(sentences):
                into[(r.document_id, r.index)] = {
                    st.index: float(margins[i, j]) for i, st in enumerate(lines)
                }
        return link(sims, margins, params)

    aligner._align_outlet = in_outlet  # type: ignore[assignment]
    aligner.link = caught  # type: ignore[assignment]
    try:
        yield
    finally:
        aligner._align_outlet, aligner.link = outlet, link  # type: ignore[assignment]


def second_gap(row: dict[int, float], line: int, score: float) -> float:
    """How far the linked line leads the sentence's best other line, in sentence-pass margin
    (``row``: the sentence's margins by line; ``score``: the link's own, used when the row lacks
    the line). A statement of one line, or a sentence the aligner never scored, has no rival:
    1.0."""
    rivals = [m for i, m in row.items() if i != line]
    return row.get(line, score) - max(rivals) if rivals else 1.0


class Runner:
    """Runs a case as the CLI does and keeps the comparison for the flags' links."""

    def __init__(self) -> None:
        self.settings = Settings.resolve()
        self.embedder = compare.embedder_named(None, self.settings)
        self.lexicon = load_bilexicon()
        self.result: Any = None
        self.reports: list[Any] = []
        # each kept report sentence's sentence-pass margins with every line (caught_margins)
        self.margins: dict[tuple[str, int], dict[int, float]] = {}

    def __call__(self, folder: Path) -> dict[str, Any]:
        s = self.settings
        self.margins = {}
        case = compare.case_named(
            folder, s.corpora_dir, limits=s.limits, allow_outside=s.allow_outside_case_files
        )
        with caught_margins(self.margins):
            self.result = compare.compare_case(case, embedder=self.embedder, settings=s)
        self.reports = compare.case_reports(case)
        applied = compare.applied_corrections(case, None)
        return dict(json.loads(compare.case_report(self.result, case, "json", None, applied)))

    def cosine(self, a: str, b: str) -> float:
        v = np.asarray(self.embedder.embed([a, b]), dtype=float)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        return float(v[0] @ v[1])

    def max_cosine(self, st: Any, ref: Any) -> float:
        """The cosine of a line with a report sentence, the larger of original and translation."""
        cos = self.cosine(st.text, ref.full_text)
        return max(cos, self.cosine(st.translation, ref.full_text)) if st.translation else cos

    def share(self, st: Any, report: str) -> float:
        """The anchors' word share of a line with a report sentence: of the translation's English
        content stems (a translated line), else of the original's words as the lexicon renders
        them."""
        if st.translation:
            stems = _english_stems(st.translation)
            return len(stems & _english_stems(report)) / len(stems) if stems else 0.0
        return float(_words([st.text], [report], self.lexicon)[0, 0])

    def rows(self, folder: Path, flags: list[rce.Flag]) -> list[Row]:
        links: dict[tuple[int, str], list[tuple[Any, Any, Any]]] = defaultdict(list)
        lines: Counter[int] = Counter()
        first: dict[str, int] = {}
        for doc in self.result.documents:
            for al in doc.comparison.alignments:
                for ref, link in zip(al.reports, al.links, strict=False):
                    links[(al.statement.index, ref.document_id)].append((al.statement, ref, link))
                    lines[ref.index] += 1
        for r in self.reports:
            first[r.document_id] = min(first.get(r.document_id, r.index), r.index)
        every = {
            st.index: st
            for doc in self.result.documents
            for st in [
                *(al.statement for al in doc.comparison.alignments),
                *doc.comparison.unmatched_statements,
            ]
        }
        out = []
        cosines = [self.max_cosine(st, ref) for xs in links.values() for st, ref, _ in xs]
        usual = median(cosines) if cosines else 0.0
        for f in flags:
            if f.cls == "unjudged":
                continue
            words = (f.difference.get("report") or "").strip()
            mine = links.get((f.statement, f.document), [])
            own = [x for x in mine if words and words in x[1].full_text] or mine
            if not own:
                continue
            st, ref, link = min(own, key=lambda x: x[2].score)
            tr = st.translation or ""
            cos = self.max_cosine(st, ref)
            stems = _english_stems(tr) if tr else frozenset()
            english = len(stems & _english_stems(ref.full_text)) / len(stems) if stems else -1.0
            lex = float(_words([st.text], [ref.full_text], self.lexicon)[0, 0])
            d = f.difference
            others = [o for i, o in sorted(every.items()) if i != st.index]
            better = max((self.share(o, ref.full_text) for o in others), default=0.0)
            better -= self.share(st, ref.full_text)
            second = second_gap(
                self.margins.get((ref.document_id, ref.index), {}), st.index, link.score
            )
            told = {doc for (i, doc) in links if i == st.index}
            sure = max(
                x[2].score for (_, doc), xs in links.items() if doc == f.document for x in xs
            )
            out.append(
                Row(
                    folder.parent.name,
                    f.cls,
                    d.get("kind") or "",
                    d.get("category") or "",
                    _unit(link),
                    round(link.score - THRESHOLD, 4),
                    round(cos, 4),
                    bool(figure_keys(st.text) & figure_keys(ref.full_text)),
                    round(english, 3),
                    round(lex, 3),
                    bool(link.weak),
                    bool(tr),
                    lines[ref.index],
                    ref.index - first.get(ref.document_id, ref.index),
                    any(x[1].index != ref.index and x[2].score > link.score for x in mine),
                    round(better, 3),
                    round(second, 4),
                    len(told),
                    round(sure - THRESHOLD, 4),
                    f"{folder.name}/{f.document}:{st.index}>{ref.index}",
                    round(cos - usual, 4),
                )
            )
        return out


def _med(values: list[float]) -> str:
    return f"{median(values):.3f}" if values else "-"


def _table(rows: list[Row], title: str) -> None:
    print(f"\n== {title}: flags by class: {dict(Counter(r.cls for r in rows))}")
    print(
        "links carrying them (one link can carry flags of several classes):",
        {c: len({r.link for r in rows if r.cls == c}) for c in CLASSES},
    )
    wrong = [r for r in rows if r.cls == "wrong-link"]
    print(
        "wrong-link flags by unit:",
        dict(Counter(r.unit for r in wrong)),
        "| weak:",
        sum(r.weak for r in wrong),
        "(own-voice kinds shown anyway:",
        sum(r.weak and r.own_voice() for r in wrong),
        ") | with a shared figure:",
        sum(r.figure for r in wrong),
    )
    bands = [(-9, 0.0), (0.0, 0.01), (0.01, 0.02), (0.02, 0.03), (0.03, 0.05), (0.05, 9)]
    print("margin band above threshold | " + " | ".join(CLASSES))
    for lo, hi in bands:
        cnt = [sum(lo <= r.margin < hi for r in rows if r.cls == c) for c in CLASSES]
        print(f"[{lo:+.2f}, {hi:+.2f}) | " + " | ".join(map(str, cnt)))
    print(
        "class | n | unit sentence/echo/clause/tr-clause | weak | figure | median margin | cosine | english | lexicon"
        " | sentence linked to 2+ lines | headline or lead (place < 3) | line retold surer in the outlet"
        " | translated | median second-line gap | gap < 0.01 | median outlets on the line | one outlet"
        " | median surest link of the outlet"
    )
    for c in CLASSES:
        rs = [r for r in rows if r.cls == c]
        units = Counter(r.unit for r in rs)
        print(
            f"{c} | {len(rs)} | {units['sentence']}/{units['echo']}/{units['clause']}/"
            f"{units['tr-clause']} | {sum(r.weak for r in rs)} | {sum(r.figure for r in rs)} | "
            f"{_med([r.margin for r in rs])} | {_med([r.cosine for r in rs])} | "
            f"{_med([r.english for r in rs if r.english >= 0])} | {_med([r.lexicon for r in rs])} | "
            f"{sum(r.lines > 1 for r in rs)} | {sum(r.place < 3 for r in rs)} | {sum(r.surer for r in rs)}"
            f" | {sum(r.translated for r in rs)} | {_med([r.second for r in rs])} | "
            f"{sum(r.second < 0.01 for r in rs)} | {_med([float(r.outlets) for r in rs])} | "
            f"{sum(r.outlets == 1 for r in rs)} | {_med([r.sure for r in rs])}"
        )


def _parts(feature: str, op: str, value: float) -> list[tuple[str, str, float]]:
    """A gate's conditions: ``margin<0.02&cosine<0.88`` is two, all of which must hold."""
    if "&" not in feature:
        return [(feature, op, value)]
    *rest, last = feature.split("&")
    out = []
    for g in rest:
        o = "<" if "<" in g else ">"
        name, v = g.split(o)
        out.append((name.strip(), o, float(v)))
    return [*out, (last.strip(), op, value)]


def _holds(r: Row, feature: str, op: str, value: float) -> bool:
    x = float(getattr(r, feature))
    if feature == "english" and x < 0:
        return False
    return x < value if op == "<" else x > value


def _gate(rows: list[Row], feature: str, op: str, value: float) -> dict[str, int]:
    """Flags a gate would take away, by class: those on links it newly marks weak, unless of an
    own-voice kind."""
    gone: Counter[str] = Counter()
    for r in rows:
        if not all(_holds(r, *part) for part in _parts(feature, op, value)):
            continue
        if not r.weak and not r.figure and not r.own_voice():
            gone[r.cls] += 1
    return dict(gone)


def _override(items: list[str], parser: argparse.ArgumentParser) -> None:
    """Apply ``--set NAME=VALUE``: an aligner constant of the e5-small calibration, or a
    weak-link constant of :mod:`workbench.pipeline.anchors`; anything else is refused."""
    from dataclasses import replace

    from workbench.align import aligner
    from workbench.pipeline import anchors

    for item in items:
        name, eq, value = item.partition("=")
        params = aligner.CALIBRATIONS["e5-small"]
        try:
            if eq and name in params.__dataclass_fields__ and name != "source":
                cast = type(getattr(params, name))
                aligner.CALIBRATIONS["e5-small"] = replace(params, **{name: cast(value)})
            elif eq and name.startswith("WEAK_") and hasattr(anchors, name):
                setattr(anchors, name, type(getattr(anchors, name))(value))
            else:
                parser.error(
                    f"--set takes NAME=VALUE of an aligner or weak-link constant: {item!r}."
                )
        except ValueError as err:
            parser.error(f"--set {item!r}: {err}")


def summary(outlets: list[rce.Outlet]) -> str:
    """The eval's ALL line for a folder: P / R, outlets at the target, keys by a fitting flag
    (+ only as an unmatched sentence), flags, wrong-link flags, noise share."""
    tp = sum(len(o.pred & o.gold) for o in outlets)
    pred = sum(len(o.pred) for o in outlets)
    gold = sum(len(o.gold) for o in outlets)
    target = sum(
        bool(o.gold)
        and len(o.pred & o.gold) / len(o.gold) >= 0.85
        and len(o.pred & o.gold) / max(len(o.pred), 1) >= 0.9
        for o in outlets
    )
    keys = [v for o in outlets for v in o.keys.values()]
    flags = sum(o.flags for o in outlets)
    wrong = sum(o.wrong_link_flags for o in outlets)
    noise = wrong + sum(o.judged_noise for o in outlets)
    unjudged = sum(len(o.unjudged) for o in outlets)
    return (
        f"P / R {rce._ratio(tp, pred)} / {rce._ratio(tp, gold)}, outlets at target {target} of "
        f"{sum(bool(o.gold) for o in outlets)}, keys {keys.count('flag')} (+{keys.count('unmatched')}) "
        f"of {len(keys)}, flags {flags}, wrong-link {wrong}, noise share {rce._ratio(noise, flags)}"
        f" ({unjudged} unjudged)"
    )


FEATURES = (
    "margin",
    "cosine",
    "english",
    "lexicon",
    "lines",
    "place",
    "surer",
    "better",
    "second",
    "outlets",
    "sure",
    "relcos",
)


def parse_gates(text: str, parser: argparse.ArgumentParser) -> list[tuple[str, str, float]]:
    """``--gates``: comma-separated gates, each ``FEATURE<VALUE`` or ``FEATURE>VALUE`` joined by
    ``&``; a gate naming another feature or without a number is refused."""
    gates = []
    for g in text.split(","):
        try:
            parts = [
                (name.strip(), op, float(value))
                for part in g.split("&")
                for op in ("<" if "<" in part else ">",)
                for name, value in (part.split(op, 1),)
            ]
        except ValueError:
            parser.error(f"--gates: {g!r} is not FEATURE<VALUE or FEATURE>VALUE.")
        bad = [name for name, _, _ in parts if name not in FEATURES]
        if bad:
            parser.error(f"--gates: unknown feature {bad[0]!r}; pick from {', '.join(FEATURES)}.")
        *rest, (name, op, value) = parts
        head = "&".join(f"{n}{o}{v}" for n, o, v in rest)
        gates.append((f"{head}&{name}" if head else name, op, value))
    return gates


#: The grid ``--search`` walks: each value with ``<`` and ``>``, alone and in every pair of two
#: different features.
SEARCH_GRID: dict[str, tuple[float, ...]] = {
    "margin": (0.005, 0.01, 0.015, 0.02, 0.03),
    "cosine": (0.82, 0.84, 0.86, 0.87, 0.88, 0.89, 0.9),
    "english": (0.2, 0.25, 0.3, 0.35, 0.4),
    "lexicon": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3),
    "second": (0.005, 0.01, 0.015, 0.02, 0.03, 0.04),
    "outlets": (1.5, 2.5, 3.5),
    "place": (0.5, 2.5),
    "lines": (1.5,),
    "better": (0.0, 0.05, 0.1, 0.2),
    "sure": (0.01, 0.015, 0.02, 0.025, 0.03, 0.04),
    "relcos": (-0.05, -0.04, -0.03, -0.02, -0.01),
}


def search(
    rows_of: dict[str, list[Row]], check: set[str], best: int
) -> list[tuple[str, dict[str, int], dict[str, int]]]:
    """Gates fitted on the folders outside ``check`` and read on those in it: every gate of
    :data:`SEARCH_GRID` (one condition or two) that takes no key flag on any fitted folder and
    wrong-link flags on at least one fitted folder of lines without a translation and one with,
    the ``best`` taking the most wrong-link flags there: (gate, classes taken on the fitted
    folders, classes taken on the checked ones)."""
    single = [
        (name, op, value) for name, values in SEARCH_GRID.items() for value in values for op in "<>"
    ]
    gates = [[g] for g in single] + [
        [a, b] for n, a in enumerate(single) for b in single[n + 1 :] if a[0] != b[0]
    ]
    found = []
    for gate in gates:
        fit: Counter[str] = Counter()
        seen: Counter[str] = Counter()
        kinds = set()
        for folder, rows in rows_of.items():
            taken = Counter(
                r.cls
                for r in rows
                if not r.weak
                and not r.figure
                and not r.own_voice()
                and all(_holds(r, *cond) for cond in gate)
            )
            (seen if folder in check else fit).update(taken)
            if folder not in check and taken["wrong-link"]:
                kinds |= {r.translated for r in rows}
        if fit["wrong-link"] and not fit["key"] and kinds == {True, False}:
            name = "&".join(f"{n}{o}{v}" for n, o, v in gate)
            found.append((name, dict(fit), dict(seen)))
    found.sort(key=lambda x: -x[1]["wrong-link"])
    return found[:best]


def folds(rows_of: dict[str, list[Row]]) -> list[tuple[str, str, dict[str, int], dict[str, int]]]:
    """Leave one pair out: for each folder and its ``-tr`` twin (a folder without a twin alone),
    the :func:`search` gate fitted on every other folder, and what it takes on the pair left out:
    (pair, gate or "none", taken on the fitted folders, taken on the pair)."""
    out = []
    for name in sorted(n for n in rows_of if not n.endswith("-tr") or n[:-3] not in rows_of):
        pair = {name, f"{name}-tr"} & set(rows_of)
        top = search(rows_of, pair, 1)
        gate, fit, seen = top[0] if top else ("none", {}, {})
        out.append((" + ".join(sorted(pair)), gate, fit, seen))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--gates",
        default="cosine<0.82,cosine<0.84,cosine<0.86,margin<0.01,margin<0.02,margin<0.03,"
        "english<0.2,english<0.25,english<0.3,lexicon<0.1,lexicon<0.15,lexicon<0.2,lines>1,"
        "place<1,place<3,surer>0",
        help="comma-separated FEATURE<VALUE or FEATURE>VALUE (features: margin, cosine, english, "
        "lexicon, lines, place, surer, better, second, outlets, sure, relcos)",
    )
    parser.add_argument("--dump", action="store_true", help="one line per wrong-link and key flag")
    parser.add_argument(
        "--save", type=Path, help="append every flag's row (JSON lines) to this file"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an aligner constant (AlignParams) or a weak-link constant of "
        "workbench.pipeline.anchors (WEAK_MARGIN, WEAK_ENGLISH, ...) for this run",
    )
    parser.add_argument(
        "--search",
        type=int,
        default=0,
        metavar="N",
        help="print the N gates of a fixed grid that take the most wrong-link flags and no key "
        "flag on the folders outside --check, and what they take on the --check folders",
    )
    parser.add_argument(
        "--check",
        nargs="*",
        default=[],
        metavar="NAME",
        help="folder names (e.g. holdout16 holdout16-tr) the --search gates are only read on",
    )
    parser.add_argument(
        "--folds",
        action="store_true",
        help="leave each folder and its -tr twin out in turn: the --search gate fitted on the "
        "rest, and what it takes on the pair left out",
    )
    args = parser.parse_args(argv)
    if args.search < 0:
        parser.error("--search takes a number of gates, 0 or more.")
    named = {c.name for c in args.cases}
    unknown = [c for c in args.check if c not in named]
    if unknown:
        parser.error(f"--check: {unknown[0]!r} is not the name of a --cases folder.")
    gates = parse_gates(args.gates, parser)
    refs = rce.references_under(args.cases, parser)
    _override(args.set, parser)
    runner = Runner()
    rce.run_compare = runner  # the eval's classes, the comparison kept in process
    rows_of: dict[Path, list[Row]] = {}
    for folder, found in refs.items():
        rows: list[Row] = []
        outlets: list[rce.Outlet] = []
        for ref in found:
            flags: list[rce.Flag] = []
            outlets += rce.score_case(ref.parent, False, False, flags).values()
            rows += runner.rows(ref.parent, flags)
        rows_of[folder] = rows
        if args.save:
            with args.save.open("a", encoding="utf-8") as out:
                out.writelines(json.dumps(asdict(r)) + "\n" for r in rows)
        print(f"\n{folder.name}: {summary(outlets)}")
        _table(rows, folder.name)
        if args.dump:
            for r in rows:
                if r.cls in ("wrong-link", "key"):
                    print("  ", r)
    pooled = [r for rows in rows_of.values() for r in rows]
    if len(rows_of) > 1:
        _table([r for r in pooled if not r.translated], "all folders, lines without a translation")
        _table([r for r in pooled if r.translated], "all folders, translated lines")
    print(
        "\ngate (link marked weak; figure-sharing and own-voice flags kept) | per folder: flags taken away wrong-link / key / real / noise"
    )
    for name, op, value in gates:
        cells = []
        for folder, rows in rows_of.items():
            g = _gate(rows, name, op, value)
            cells.append(
                f"{folder.name} {g.get('wrong-link', 0)}/{g.get('key', 0)}/{g.get('real', 0)}/{g.get('noise', 0)}"
            )
        print(f"{name}{op}{value} | " + " | ".join(cells))
    if args.search:
        print(
            f"\ngates fitted on {len(rows_of) - len(args.check)} folders (no key flag taken there)"
            f" | taken there | taken on {', '.join(args.check) or 'no checked folder'}"
        )
        by_name = {folder.name: rows for folder, rows in rows_of.items()}
        for name, fit, seen in search(by_name, set(args.check), args.search):
            print(f"{name} | {fit} | {seen}")
    if args.folds:
        print("\nleft out | gate fitted on the rest | taken there | taken on the pair left out")
        total: Counter[str] = Counter()
        for pair, gate, fit, seen in folds({f.name: rows for f, rows in rows_of.items()}):
            print(f"{pair} | {gate} | {fit} | {seen}")
            total.update(seen)
        print(f"all pairs left out | | | {dict(total)}")


if __name__ == "__main__":
    main()
