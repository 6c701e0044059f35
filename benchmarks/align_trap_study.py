"""Does an outlet retell the statement at all? Document-level features of the aligner's output
for trap outlets (the reference links none of their sentences) against retelling outlets
(docs/align.md, session 18, trap18).

For each case (the format of ``real_cases_eval.py``) the script runs ``workbench compare`` in
process as ``align_wrong_link_study.py`` does, classes every flag as the eval does, and for every
report document records:

* ``sentences``: its sentences; ``links``: its (line, sentence) links; ``linked``: the share of
  its sentences linked; ``lines``: the statement lines it reaches (``line_share``: of the case's);
* ``best_margin`` / ``mean_margin``: its links' ratio margins less the threshold;
* ``best_cos`` / ``mean_cos``: its links' cosines (the line's better view: original or
  translation); ``relcos``: the mean less the median cosine of every link of the case;
* ``doc_cos``: the cosine of the mean vector of its sentences with the mean vector of the
  statement lines (the better view); ``doc_rel``: that less the median ``doc_cos`` of the case's
  other outlets (0 when the case has one outlet); ``top_cos``: its sentences' best cosine with any
  line, linked or not; ``head_cos`` / ``lead_cos``: its first sentence (the headline) / the mean
  vector of its first three with the statement's mean vector;
* relative to the case: ``margin_rel`` / ``cos_rel``, its best margin / mean link cosine less the
  median of the case's other linked outlets; ``agree``, its links' mean best cosine with another
  outlet's sentence linked to the same line (links whose line no other outlet links left out);
* what the reference says: ``gold`` its reference links (0: a *trap*; 1–2: *thin*), its keys, and
  the flags on it by class (key, wrong-link, real, noise, unjudged) and how many of them are of an
  own-voice kind (``salience.WEAK_LINK_KINDS`` / ``WEAK_LINK_CATEGORIES``), which a weak link keeps.

It prints numbers only: per folder and pooled, medians of each feature for traps, thin and
retelling outlets; each trap that carries a wrong-link flag with, per feature, how many outlets
with a key sit at or under it; for each feature the cut under which no linked outlet with a key
falls (on all folders), and what it takes; and, with ``--folds``, the cut — and the best gate of
one or two conditions (:func:`pair_search`) — fitted on all folders but one set and its ``-tr``
twin, read on the pair left out.

Usage::

    WORKBENCH_HOME=... python benchmarks/align_trap_study.py --save docs.jsonl --folds \\
        --cases /work/dev11 /work/dev11-tr /work/holdout11 ...

``--load docs.jsonl`` reads saved rows instead of running (the tables and cuts only). The cases
hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import align_wrong_link_study as wls  # noqa: E402
import real_cases_eval as rce  # noqa: E402

from workbench.diff.salience import WEAK_LINK_CATEGORIES, WEAK_LINK_KINDS  # noqa: E402
from workbench.pipeline import compare  # noqa: E402

THRESHOLD = wls.THRESHOLD
FLAG_CLASSES = ("key", "wrong-link", "real", "noise", "unjudged")

#: Features a cut may read; an outlet is on the gated side when its value is under the cut.
FEATURES = (
    "links",
    "linked",
    "lines",
    "line_share",
    "best_margin",
    "mean_margin",
    "best_cos",
    "mean_cos",
    "relcos",
    "doc_cos",
    "doc_rel",
    "top_cos",
    "head_cos",
    "lead_cos",
    "margin_rel",
    "cos_rel",
    "agree",
)


@dataclass
class Doc:
    """One report document of one case."""

    folder: str
    case: str
    document: str
    sentences: int
    links: int
    linked: float
    lines: int
    line_share: float
    best_margin: float
    mean_margin: float
    best_cos: float
    mean_cos: float
    relcos: float
    doc_cos: float
    doc_rel: float
    top_cos: float
    outlets: int  # report documents of the case
    gold: int  # reference links (0: a trap)
    keys: int
    keys_flagged: int
    head_cos: float = 0.0  # its first sentence (the headline) with the statement's mean vector
    lead_cos: float = 0.0  # its first three sentences' mean vector with the statement's
    margin_rel: float = 0.0  # best_margin less the median of the case's other outlets' (relate)
    cos_rel: float = 0.0  # mean_cos less the median of the case's other outlets' (relate)
    #: its links' mean, over links whose line another outlet links too, of the best cosine of
    #: the sentence with another outlet's sentence on that line (0: no such link)
    agree: float = 0.0
    flags: dict[str, int] = field(default_factory=dict)  # by class
    own_voice: dict[str, int] = field(default_factory=dict)  # by class, own-voice kinds only

    @property
    def kind(self) -> str:
        return "trap" if self.gold == 0 else "thin" if self.gold <= 2 else "retelling"

    def taken(self) -> dict[str, int]:
        """Flags a weak mark on every link of the outlet would take away, by class."""
        return {c: self.flags.get(c, 0) - self.own_voice.get(c, 0) for c in FLAG_CLASSES}


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return np.asarray(v / np.where(n == 0, 1.0, n), dtype=float)


class Runner(wls.Runner):
    """The wrong-link study's runner, keeping the case for the documents' texts."""

    def __call__(self, folder: Path) -> dict[str, Any]:
        s = self.settings
        self.case = compare.case_named(
            folder, s.corpora_dir, limits=s.limits, allow_outside=s.allow_outside_case_files
        )
        return super().__call__(folder)

    def docs(
        self, folder: Path, outlets: dict[str, rce.Outlet], flags: list[rce.Flag]
    ) -> list[Doc]:
        statements = compare.case_statements(self.case)
        reports = self.reports
        st_vec = _unit(np.asarray(self.embedder.embed([s.text for s in statements]), dtype=float))
        views = [st_vec]
        if all(s.translation for s in statements):
            views.append(
                _unit(
                    np.asarray(
                        self.embedder.embed([s.translation or "" for s in statements]),
                        dtype=float,
                    )
                )
            )
        rep_vec = _unit(
            np.asarray(self.embedder.embed([r.full_text for r in reports]), dtype=float)
        )
        pos = {s.index: i for i, s in enumerate(statements)}
        rpos = {r.index: i for i, r in enumerate(reports)}
        # every pair's cosine, the better view
        cos = np.max(np.stack([v @ rep_vec.T for v in views]), axis=0)
        links: dict[str, list[tuple[int, int, float, float]]] = defaultdict(list)
        for doc in self.result.documents:
            for al in doc.comparison.alignments:
                for ref, link in zip(al.reports, al.links, strict=False):
                    if link.score <= 0:
                        continue
                    c = float(cos[pos[al.statement.index], rpos[ref.index]])
                    links[ref.document_id].append((al.statement.index, ref.index, link.score, c))
        every = [c for xs in links.values() for *_, c in xs]
        usual = median(every) if every else 0.0
        ids = [d.id for d in self.case.reports]
        # agreement: each link's sentence against other outlets' sentences on the same line
        on_line: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for d, xs in links.items():
            for line, sent, *_ in xs:
                on_line[line].append((d, sent))
        agree: dict[str, float] = {}
        for d, xs in links.items():
            best = [
                max(
                    float(rep_vec[rpos[sent]] @ rep_vec[rpos[o_sent]])
                    for o, o_sent in on_line[line]
                    if o != d
                )
                for line, sent, *_ in xs
                if any(o != d for o, _ in on_line[line])
            ]
            agree[d] = float(np.mean(best)) if best else 0.0
        doc_cos: dict[str, float] = {}
        top: dict[str, float] = {}
        head: dict[str, float] = {}
        lead: dict[str, float] = {}
        centres = [_unit(v.mean(axis=0)) for v in views]
        for d in ids:
            rows = [rpos[r.index] for r in reports if r.document_id == d]
            if not rows:
                doc_cos[d], top[d], head[d], lead[d] = 0.0, 0.0, 0.0, 0.0
                continue
            doc_cos[d] = max(float(c @ _unit(rep_vec[rows].mean(axis=0))) for c in centres)
            head[d] = max(float(c @ rep_vec[rows[0]]) for c in centres)
            lead[d] = max(float(c @ _unit(rep_vec[rows[:3]].mean(axis=0))) for c in centres)
            top[d] = float(cos[:, rows].max())
        by_doc: dict[str, list[rce.Flag]] = defaultdict(list)
        for f in flags:
            by_doc[f.document].append(f)
        out = []
        for d in ids:
            xs = links.get(d, [])
            n = sum(r.document_id == d for r in reports)
            others = [doc_cos[o] for o in ids if o != d]
            o = outlets.get(d, rce.Outlet())
            count: dict[str, int] = defaultdict(int)
            own: dict[str, int] = defaultdict(int)
            for f in by_doc.get(d, []):
                count[f.cls] += 1
                kind, cat = f.difference.get("kind") or "", f.difference.get("category") or ""
                weak_already = any(
                    r.get("document_id") == d and r.get("weak")
                    for r in rce._report_docs(f.alignment)
                )
                if kind in WEAK_LINK_KINDS or cat in WEAK_LINK_CATEGORIES or weak_already:
                    own[f.cls] += 1
            margins = [m - THRESHOLD for _, _, m, _ in xs]
            cosines = [c for *_, c in xs]
            reached = {line for line, *_ in xs}
            out.append(
                Doc(
                    folder.parent.name,
                    folder.name,
                    d,
                    n,
                    len({(a, b) for a, b, *_ in xs}),
                    round(len({b for _, b, *_ in xs}) / n, 3) if n else 0.0,
                    len(reached),
                    round(len(reached) / len(statements), 3),
                    round(max(margins), 4) if margins else -1.0,
                    round(float(np.mean(margins)), 4) if margins else -1.0,
                    round(max(cosines), 4) if cosines else 0.0,
                    round(float(np.mean(cosines)), 4) if cosines else 0.0,
                    round(float(np.mean(cosines)) - usual, 4) if cosines else -1.0,
                    round(doc_cos[d], 4),
                    round(doc_cos[d] - median(others), 4) if others else 0.0,
                    round(top[d], 4),
                    len(ids),
                    len(o.gold),
                    len(o.keys),
                    sum(v == "flag" for v in o.keys.values()),
                    round(head[d], 4),
                    round(lead[d], 4),
                    agree=round(agree.get(d, 0.0), 4),
                    flags=dict(count),
                    own_voice=dict(own),
                )
            )
        return out


def relate(docs: list[Doc]) -> None:
    """Fill each outlet's ``margin_rel`` and ``cos_rel``: its best link margin and mean link
    cosine less the median of the other outlets of its case that have a link (0 when none has)."""
    by_case: dict[tuple[str, str], list[Doc]] = defaultdict(list)
    for d in docs:
        by_case[(d.folder, d.case)].append(d)
    for group in by_case.values():
        for d in group:
            others = [o for o in group if o is not d and o.links]
            if not others or not d.links:
                d.margin_rel = d.cos_rel = 0.0
                continue
            d.margin_rel = round(d.best_margin - median(o.best_margin for o in others), 4)
            d.cos_rel = round(d.mean_cos - median(o.mean_cos for o in others), 4)


def _med(values: list[float]) -> str:
    return f"{median(values):.3f}" if values else "-"


#: Features an outlet without a link has no value of (its row holds -1 or 0): their medians are
#: over the linked outlets only.
OF_LINKS = {"best_margin", "mean_margin", "best_cos", "mean_cos", "relcos", "margin_rel", "cos_rel"}


def table(docs: list[Doc], title: str) -> None:
    """Medians of each feature for trap, thin and retelling outlets, and their flags."""
    kinds = ("trap", "thin", "retelling")
    print(f"\n== {title}: outlets {dict((k, sum(d.kind == k for d in docs)) for k in kinds)}")
    print(
        "outlet | n | with links | with keys | "
        + " | ".join(FEATURES)
        + " | flags key/wrong-link/real/noise"
    )
    for k in kinds:
        ds = [d for d in docs if d.kind == k]
        cells = [
            _med([float(getattr(d, f)) for d in ds if d.links or f not in OF_LINKS])
            for f in FEATURES
        ]
        fl = "/".join(str(sum(d.flags.get(c, 0) for d in ds)) for c in FLAG_CLASSES[:4])
        print(
            f"{k} | {len(ds)} | {sum(d.links > 0 for d in ds)} | {sum(d.keys > 0 for d in ds)} | "
            + " | ".join(cells)
            + f" | {fl}"
        )


#: The features :func:`trap_lines` prints for each trap.
SHOWN = ("best_margin", "mean_cos", "doc_rel", "lead_cos", "margin_rel", "agree")


def trap_lines(docs: list[Doc]) -> list[str]:
    """For each trap outlet that carries a wrong-link flag, its value of each feature of
    :data:`SHOWN` and, in brackets, how many linked outlets with a key of the same kind of set
    (lines with or without a translation) sit at or under it: 0 means a cut could take it alone."""
    out = []
    for t in docs:
        if t.kind != "trap" or not t.flags.get("wrong-link"):
            continue
        tr = t.folder.endswith("-tr")
        keyed = [d for d in docs if d.keys and d.links and d.folder.endswith("-tr") == tr]
        cells = [
            f"{getattr(t, f):.3f} ({sum(getattr(d, f) <= getattr(t, f) for d in keyed)})"
            for f in SHOWN
        ]
        out.append(
            f"{t.folder} {t.document} | {t.flags['wrong-link']} / {t.taken()['wrong-link']} | "
            + " | ".join(cells)
        )
    return out


def cut_of(docs: list[Doc], feature: str) -> float:
    """The least value of ``feature`` over linked outlets with a key (reference keys, flagged or
    not; an outlet with no link has nothing a gate could take): an outlet strictly under it is
    gated, no linked outlet with a key is. -inf without such outlets."""
    keyed = [float(getattr(d, feature)) for d in docs if d.keys > 0 and d.links > 0]
    return min(keyed) if keyed else float("-inf")


def taken(docs: list[Doc], feature: str, cut: float) -> dict[str, int]:
    """What a cut takes: outlets gated by kind, keyed outlets gated, flags taken by class."""
    out: dict[str, int] = defaultdict(int)
    for d in docs:
        if float(getattr(d, feature)) < cut:
            out[d.kind] += 1
            out["keyed"] += d.keys > 0 and d.links > 0
            for c, n in d.taken().items():
                out[c] += n
    return dict(out)


def pair_search(fit: list[Doc]) -> tuple[str, list[tuple[str, float]]] | None:
    """The gate of one or two conditions (``feature < cut``, all holding) that takes the most
    wrong-link flags on ``fit`` while gating no linked outlet with a key there; each cut is a trap
    outlet's value nudged up by 1e-4 (the outlet just gated). None when no gate takes any."""
    keyed = np.array([d.keys > 0 and d.links > 0 for d in fit])
    wrong = np.array([d.taken()["wrong-link"] for d in fit])
    x = {f: np.array([float(getattr(d, f)) for d in fit]) for f in FEATURES}
    cuts = {
        f: sorted({round(float(getattr(d, f)) + 1e-4, 4) for d in fit if d.kind == "trap"})
        for f in FEATURES
    }
    under = {(f, c): x[f] < c for f in FEATURES for c in cuts[f]}
    best: tuple[int, str, list[tuple[str, float]]] | None = None
    names = list(FEATURES)
    for i, f in enumerate(names):
        for g in [None, *names[i + 1 :]]:
            for c in cuts[f]:
                for e in cuts[g] if g else [None]:
                    mask = under[(f, c)] & under[(g, e)] if g and e is not None else under[(f, c)]
                    if keyed[mask].any():
                        continue
                    took = int(wrong[mask].sum())
                    if took and (best is None or took > best[0]):
                        conds = [(f, c)] + ([(g, e)] if g and e is not None else [])
                        best = (took, " & ".join(f"{n}<{v}" for n, v in conds), conds)
    return (best[1], best[2]) if best else None


def gated(docs: list[Doc], conds: list[tuple[str, float]]) -> dict[str, int]:
    """What a gate of conditions takes (as :func:`taken`)."""
    out: dict[str, int] = defaultdict(int)
    for d in docs:
        if all(float(getattr(d, f)) < c for f, c in conds):
            out[d.kind] += 1
            out["keyed"] += d.keys > 0 and d.links > 0
            for c, n in d.taken().items():
                out[c] += n
    return dict(out)


def _fmt(t: dict[str, int]) -> str:
    return (
        f"traps {t.get('trap', 0)}, thin {t.get('thin', 0)}, retelling {t.get('retelling', 0)} "
        f"(keyed {t.get('keyed', 0)}); flags taken key {t.get('key', 0)} / wrong-link "
        f"{t.get('wrong-link', 0)} / real {t.get('real', 0)} / noise {t.get('noise', 0)} / "
        f"unjudged {t.get('unjudged', 0)}"
    )


def single_folds(docs: list[Doc], feature: str, groups: list[set[str]]) -> str:
    """Each group of folders left out in turn: the cut of ``feature`` fitted on the rest
    (:func:`cut_of`) read on the group; what the cuts take on the groups together, and the groups
    where they gate a linked outlet with a key."""
    total: dict[str, int] = defaultdict(int)
    cells = []
    for out in groups:
        c = cut_of([d for d in docs if d.folder not in out], feature)
        t = taken([d for d in docs if d.folder in out], feature, c)
        for k, v in t.items():
            total[k] += v
        if t.get("keyed") or t.get("key"):
            name = min(out, key=len)
            cells.append(f"{name}: keyed {t.get('keyed', 0)}, key flags {t.get('key', 0)}")
    return f"{_fmt(total)} | " + ("; ".join(cells) or "no keyed outlet gated")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="*", default=[])
    parser.add_argument("--save", type=Path, help="write every outlet's row (JSON lines) here")
    parser.add_argument("--load", type=Path, help="read saved rows instead of running")
    parser.add_argument("--folds", action="store_true", help="leave each set and its twin out")
    parser.add_argument("--dump", action="store_true", help="one line per trap and thin outlet")
    args = parser.parse_args(argv)
    if bool(args.cases) == bool(args.load):
        parser.error("give --cases folders to run, or --load a file of saved rows (one of them).")
    docs: list[Doc] = []
    if args.load:
        if not args.load.is_file():
            parser.error(f"--load: {args.load} is not a file.")
        for line in args.load.read_text(encoding="utf-8").splitlines():
            docs.append(Doc(**json.loads(line)))
    else:
        refs = rce.references_under(args.cases, parser)
        runner = Runner()
        rce.run_compare = runner
        for folder, found in refs.items():
            mine: list[Doc] = []
            for ref in found:
                flags: list[rce.Flag] = []
                outlets = rce.score_case(ref.parent, False, False, flags)
                mine += runner.docs(ref.parent, outlets, flags)
            docs += mine
            print(f"{folder.name}: {len(mine)} outlets", file=sys.stderr, flush=True)
        if args.save:
            args.save.write_text(
                "".join(json.dumps(asdict(d)) + "\n" for d in docs), encoding="utf-8"
            )
    relate(docs)
    folders = list(dict.fromkeys(d.folder for d in docs))
    for f in folders:
        table([d for d in docs if d.folder == f], f)
    table([d for d in docs if not d.folder.endswith("-tr")], "all plain sets")
    table([d for d in docs if d.folder.endswith("-tr")], "all -tr sets")
    if args.dump:
        for d in docs:
            if d.kind != "retelling" or d.keys == 0:
                print("  ", d.kind, asdict(d))
    print(
        "\ntrap with wrong-link flags | its wrong-link flags / taken by a weak mark | "
        + " | ".join(f"{f} (keyed outlets at or under)" for f in SHOWN)
    )
    print("\n".join(trap_lines(docs)))
    keyed = [d for d in docs if d.keys > 0 and d.links > 0]
    traps = [d for d in docs if d.kind == "trap" and d.links > 0]
    print(
        f"\nfeature | cut (least value of a linked outlet with a key, all sets) | under the cut"
        f" | linked outlets with a key (of {len(keyed)}) at or under the linked traps' median"
    )
    for feat in FEATURES:
        c = cut_of(docs, feat)
        mid = median(float(getattr(d, feat)) for d in traps) if traps else float("-inf")
        over = sum(float(getattr(d, feat)) <= mid for d in keyed)
        print(f"{feat} | {c:.4f} | {_fmt(taken(docs, feat, c))} | {over}")
    if args.folds:
        pairs = sorted({f.removesuffix("-tr") for f in folders})
        print("\nsingle cuts, each set and its -tr twin left out in turn (cut fitted on the rest)")
        for feat in FEATURES:
            print(f"folds {feat} | " + single_folds(docs, feat, [{p, f"{p}-tr"} for p in pairs]))
        for tr in (False, True):
            view = [d for d in docs if d.folder.endswith("-tr") == tr]
            print(
                f"\nsingle cuts fitted on the {'-tr' if tr else 'plain'} sets only (cut of all of "
                "them; then each set left out in turn)"
            )
            for feat in FEATURES:
                c = cut_of(view, feat)
                sets = [{f} for f in folders if f.endswith("-tr") == tr]
                print(
                    f"{'-tr' if tr else 'plain'} {feat} < {c:.4f}: "
                    f"{_fmt(taken(view, feat, c))} | left out: {single_folds(view, feat, sets)}"
                )
        print(
            "\nleft out | gate of one or two conditions fitted on the rest | taken on the pair left out"
        )
        whole = pair_search(docs)
        print(
            f"(fitted on all sets: {whole[0] if whole else 'none'}: "
            f"{_fmt(gated(docs, whole[1])) if whole else '-'})"
        )
        total: dict[str, int] = defaultdict(int)
        for p in pairs:
            out = {p, f"{p}-tr"}
            fitted = pair_search([d for d in docs if d.folder not in out])
            t = gated([d for d in docs if d.folder in out], fitted[1]) if fitted else {}
            for k, v in t.items():
                total[k] += v
            print(f"{p} + {p}-tr | {fitted[0] if fitted else 'none'} | {_fmt(t)}")
        print(f"all pairs left out | | {_fmt(total)}")


if __name__ == "__main__":
    main()
