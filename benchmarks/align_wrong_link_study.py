"""Which links carry flags on wrong links, and what tells them from right links that carry keys
(docs/align.md, session 16).

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
  this one).

It prints numbers only: per folder the wrong-link flags by unit, weak or not, margin band; the
medians of each feature for wrong-link, key and real flags; and, for each single-feature gate
``--gates`` (a link marked weak when the feature is under / over the value), the flags it would
take away by class — a flag on a newly weak link survives only when its kind is an own-voice
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

    def own_voice(self) -> bool:
        return self.kind in WEAK_LINK_KINDS or self.category in WEAK_LINK_CATEGORIES


def _unit(link: Any) -> str:
    if link.unit == "clause":
        return "tr-clause" if link.view == "translation" else "clause"
    return "echo" if link.score < THRESHOLD else "sentence"


class Runner:
    """Runs a case as the CLI does and keeps the comparison for the flags' links."""

    def __init__(self) -> None:
        self.settings = Settings.resolve()
        self.embedder = compare.embedder_named(None, self.settings)
        self.lexicon = load_bilexicon()
        self.result: Any = None
        self.reports: list[Any] = []

    def __call__(self, folder: Path) -> dict[str, Any]:
        s = self.settings
        case = compare.case_named(
            folder, s.corpora_dir, limits=s.limits, allow_outside=s.allow_outside_case_files
        )
        self.result = compare.compare_case(case, embedder=self.embedder, settings=s)
        self.reports = compare.case_reports(case)
        applied = compare.applied_corrections(case, None)
        return dict(json.loads(compare.case_report(self.result, case, "json", None, applied)))

    def cosine(self, a: str, b: str) -> float:
        v = np.asarray(self.embedder.embed([a, b]), dtype=float)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        return float(v[0] @ v[1])

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
            cos = self.cosine(st.text, ref.full_text)
            if tr:
                cos = max(cos, self.cosine(tr, ref.full_text))
            stems = _english_stems(tr) if tr else frozenset()
            english = len(stems & _english_stems(ref.full_text)) / len(stems) if stems else -1.0
            lex = float(_words([st.text], [ref.full_text], self.lexicon)[0, 0])
            d = f.difference
            others = [o for i, o in sorted(every.items()) if i != st.index]
            better = max((self.share(o, ref.full_text) for o in others), default=0.0)
            better -= self.share(st, ref.full_text)
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
                )
            )
        return out


def _med(values: list[float]) -> str:
    return f"{median(values):.3f}" if values else "-"


def _table(rows: list[Row], title: str) -> None:
    print(f"\n== {title}: flags by class: {dict(Counter(r.cls for r in rows))}")
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


FEATURES = ("margin", "cosine", "english", "lexicon", "lines", "place", "surer", "better")


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--gates",
        default="cosine<0.82,cosine<0.84,cosine<0.86,margin<0.01,margin<0.02,margin<0.03,"
        "english<0.2,english<0.25,english<0.3,lexicon<0.1,lexicon<0.15,lexicon<0.2,lines>1,"
        "place<1,place<3,surer>0",
        help="comma-separated FEATURE<VALUE or FEATURE>VALUE (features: margin, cosine, english, "
        "lexicon, lines, place, surer, better)",
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
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    main()
