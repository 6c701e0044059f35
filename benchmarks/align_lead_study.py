"""Where the aligner misses on hand-referenced cases: headlines and leads, and second statement
lines of merged retellings (issue 9, session 9; docs/align.md, "Session 9").

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml``) the
script runs ``align()`` as Compare does (case statements with their supplied translations, every
report document, the pipeline's anchors) and prints numbers only:

1. **Leads.** Per folder, the reference links on an outlet's first ``--lead`` sentences (as the
   workbench cuts them: a headline is the first line of a report file, so it is sentence 0), how
   many statement lines each such sentence is linked to, how many of those include one of the
   statement document's first two lines, and what the aligner does with each reference link of a
   lead and of a body sentence: *right* (linked), *elsewhere* (the sentence is linked, to other
   lines only), *second missing* (the sentence is linked to another of its reference lines but
   not this one), *unlinked*; the aligner's wrong links on lead sentences; missed links on leads
   of all missed links; and the lead sentences left unlinked with and without a reference link.
2. **Headline rules, offline.** For every unlinked lead sentence, its best statement by one
   score, linked when the score reaches a value: the ratio margin alone, the share of the
   sentence's English content words that the statement's English text holds (statements with a
   translation; words of the case's translations only), and the lexicon share of the
   statement's words the sentence renders (statements without one). Right / all, on the
   ``--dev`` folders and the others (check), by path (``tr`` translated, ``xl`` not).
3. **Second lines, offline.** For every linked report sentence, each statement not linked to it
   whose sentence margin (with anchors, in its outlet) reaches M and of whose English content
   words (at least ``veto_least`` of them) the sentence carries a share S or more *that none of
   the statements it is linked to has*: right / all per folder.

Usage::

    python benchmarks/align_lead_study.py --cases private/real-cases /work/holdout6 ... \\
        [--dev real-cases,blind-cases,para5-cases,holdout-tr,holdout7,holdout7-tr] [--lead 2]

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402

from workbench.align import aligner as A  # noqa: E402
from workbench.align import create_embedder  # noqa: E402
from workbench.pipeline.anchors import _english_stems, default_anchors  # noqa: E402
from workbench.pipeline.compare import case_at, case_reports, case_statements  # noqa: E402
from workbench.settings import Settings  # noqa: E402

#: (report document, statement index, report sentence) — one link, as real_cases_eval counts it.
Link = tuple[str, int, int]

#: Thresholds of the offline rules: ratio margins, English-word shares, lexicon shares.
MARGINS = (0.98, 0.99, 1.0, 1.01)
SHARES = (0.3, 0.4, 0.5, 0.6)
SECOND_SHARES = (0.25, 0.3, 0.35, 0.4)
SECOND_MARGINS = (0.97, 0.98, 0.99)
#: Least margin of a headline rule's statement besides its word score.
HEAD_MARGIN = 0.98
#: Least English content words of the case's translations a headline must carry to be scored.
HEAD_WORDS = 3


def by_sentence(links: Iterable[Link]) -> dict[tuple[str, int], set[int]]:
    """The statement lines of each (report document, sentence)."""
    out: dict[tuple[str, int], set[int]] = {}
    for doc, s, sid in links:
        out.setdefault((doc, sid), set()).add(s)
    return out


def outcomes(gold: set[Link], pred: set[Link], lead: int, rank: dict[int, int]) -> Counter[str]:
    """Counts of table 1 for one case.

    Args:
        gold: The reference links.
        pred: The aligner's links.
        lead: Sentences 0 .. lead-1 of a report document are its headline and lead.
        rank: Each statement index's place among its own document's lines (0 = first).
    """
    c: Counter[str] = Counter()
    gs, ps = by_sentence(gold), by_sentence(pred)
    for (doc, sid), lines in gs.items():
        where = "lead" if 0 <= sid < lead else "body"
        if where == "lead":
            c["lead sentences"] += 1
            c["1 line" if len(lines) == 1 else "2 lines" if len(lines) == 2 else "3+ lines"] += 1
            c["first lines"] += any(rank[s] < 2 for s in lines)
        got = ps.get((doc, sid), set())
        for s in lines:
            c[f"{where} links"] += 1
            if s in got:
                c[f"{where} right"] += 1
            elif not got:
                c[f"{where} unlinked"] += 1
            elif got & lines:
                c[f"{where} second missing"] += 1
            else:
                c[f"{where} elsewhere"] += 1
    for (doc, sid), got in ps.items():
        if 0 <= sid < lead:
            c["lead wrong"] += len(got - gs.get((doc, sid), set()))
    c["links"], c["pred"], c["tp"] = len(gold), len(pred), len(gold & pred)
    return c


def beyond_share(statement: frozenset[str], report: frozenset[str], linked: set[str]) -> float:
    """Share of a statement's English content stems that the report carries and none of the
    statements it is linked to has (``linked``: their stems together)."""
    return len((statement & report) - linked) / len(statement) if statement else 0.0


@dataclass
class Sentence:
    """One kept report sentence with what the offline rules read."""

    folder: str
    case: str
    doc: str
    sid: int
    stems: frozenset[str]
    linked: set[int]
    gold: set[int]
    #: Per statement index: (ratio margin with anchors in the outlet, lexicon word share).
    scores: dict[int, tuple[float, float]] = field(default_factory=dict)


@dataclass
class Case:
    """One case's links and sentences."""

    folder: str
    counts: Counter[str]
    english: dict[int, frozenset[str]]  # statement index -> stems of its English text
    sentences: list[Sentence]


def study_case(folder: Path, set_name: str, emb: Any, anchors: Any, params: Any, lead: int) -> Case:
    """Align one case as Compare does and read its reference."""
    case = case_at(folder)
    statements = case_statements(case)
    reports = case_reports(case)
    shipped = A.align(statements, reports, emb, params=params, anchors=anchors)
    reading = rce.Reference(folder)
    gold = set(reading.gold_links(strict=False))
    sid = {r.index: min(reading.sid(r.document_id, r.text) or {-1}) for r in reports}
    pred = {
        (r.document_id, al.statement.index, sid[r.index])
        for al in shipped.alignments
        for r in al.reports
    }
    rank: dict[int, int] = {}
    seen: Counter[str] = Counter()
    for s in statements:
        rank[s.index] = seen[s.document_id]
        seen[s.document_id] += 1
    counts = outcomes(gold, pred, lead, rank)
    english = {
        s.index: _english_stems(s.translation) for s in statements if (s.translation or "").strip()
    }
    kept = [
        r for r in reports if r.text.strip() and A.claim_words(r.text) >= params.min_report_words
    ]
    views = A._views(statements, kept, emb)
    full = A._similarity(views)
    evidence = A._sentence_evidence(statements, kept, anchors, True, True)
    gs, ps = by_sentence(gold), by_sentence(pred)
    out = []
    for doc, cols in A._outlet_columns(kept).items():
        mine = evidence.select(None, cols) if evidence else None
        margins = A._adjust(A.ratio_margin(full[:, cols], params.k, params.prior), mine, params)
        for n, c in enumerate(cols):
            r = kept[c]
            key = (doc, sid[r.index])
            words = mine.words if mine is not None and mine.words is not None else None
            out.append(
                Sentence(
                    set_name, folder.name, doc, sid[r.index], _english_stems(r.text),
                    ps.get(key, set()), gs.get(key, set()),
                    {s.index: (float(margins[i, n]), float(words[i, n]) if words is not None else 0.0)
                     for i, s in enumerate(statements)},
                )
            )  # fmt: skip
    return Case(set_name, counts, english, out)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def print_leads(cases: list[Case], lead: int) -> None:
    """Table 1."""
    print(
        f"folder | P | R | reference links | on the first {lead} sentences (share) | lead sentences "
        "linked | 1 / 2 / 3+ lines | incl. a statement's first two lines | lead links: right / "
        "elsewhere / second missing / unlinked | body links: the same | wrong links on leads | "
        "missed on leads / all missed | unlinked lead sentences: with / without a reference link"
    )
    folders = list(dict.fromkeys(c.folder for c in cases))
    total: Counter[str] = Counter()
    rows = []
    for name in folders:
        c: Counter[str] = Counter()
        for case in cases:
            if case.folder == name:
                c.update(case.counts)
                for s in case.sentences:
                    if 0 <= s.sid < lead and not s.linked:
                        c["unlinked leads with" if s.gold else "unlinked leads without"] += 1
        rows.append((name, c))
        total.update(c)
    for name, c in rows + [("ALL", total)]:
        miss = c["links"] - c["tp"]
        print(
            f"{name} | {_ratio(c['tp'], c['pred'])} | {_ratio(c['tp'], c['links'])} | {c['links']} | "
            f"{c['lead links']} ({_ratio(c['lead links'], c['links'])}) | {c['lead sentences']} | "
            f"{c['1 line']} / {c['2 lines']} / {c['3+ lines']} | {c['first lines']} | "
            f"{c['lead right']} / {c['lead elsewhere']} / {c['lead second missing']} / "
            f"{c['lead unlinked']} | {c['body right']} / {c['body elsewhere']} / "
            f"{c['body second missing']} / {c['body unlinked']} | {c['lead wrong']} | "
            f"{c['lead links'] - c['lead right']} / {miss} | {c['unlinked leads with']} / "
            f"{c['unlinked leads without']}"
        )


def headline_rule(
    cases: list[Case],
    lead: int,
    dev: set[str],
    score: Callable[[Case, Sentence, int], float | None],
    least: float,
) -> Counter[tuple[str, str, bool]]:
    """Right and wrong links a headline rule would add: each unlinked lead sentence to its best
    statement by ``score`` (None: the pair is not scored) when that reaches ``least`` and the
    margin ``HEAD_MARGIN``. Keys (group, path, right)."""
    c: Counter[tuple[str, str, bool]] = Counter()
    for case in cases:
        for s in case.sentences:
            if not (0 <= s.sid < lead) or s.linked:
                continue
            scored = [(v, i) for i in s.scores if (v := score(case, s, i)) is not None]
            if not scored:
                continue
            value, best = max(scored)
            if value >= least and s.scores[best][0] >= HEAD_MARGIN:
                group = "dev" if case.folder in dev else "check"
                c[(group, "tr" if best in case.english else "xl", best in s.gold)] += 1
    return c


def print_headline_rules(cases: list[Case], lead: int, dev: set[str]) -> None:
    """Table 2."""
    print(
        f"\nheadline rules on unlinked lead sentences (margin >= {HEAD_MARGIN} besides the score), right / all:"
    )
    print("rule | dev tr | dev xl | check tr | check xl")

    def margin(case: Case, s: Sentence, i: int) -> float:
        return s.scores[i][0]

    def english(case: Case, s: Sentence, i: int) -> float | None:
        if i not in case.english:
            return None
        known = s.stems & frozenset().union(*case.english.values())
        return len(known & case.english[i]) / len(known) if len(known) >= HEAD_WORDS else None

    def lexicon(case: Case, s: Sentence, i: int) -> float | None:
        return None if i in case.english else s.scores[i][1]

    rules: list[tuple[str, Callable[[Case, Sentence, int], float | None], tuple[float, ...]]] = [
        ("best margin", margin, MARGINS),
        ("share of the headline's English words in the statement's translation", english, SHARES),
        ("lexicon share of the statement's words in the headline", lexicon, SHARES),
    ]
    for label, score, values in rules:
        for least in values:
            c = headline_rule(cases, lead, dev, score, least)
            cells = [
                f"{c[(g, p, True)]}/{c[(g, p, True)] + c[(g, p, False)]}"
                for g in ("dev", "check")
                for p in ("tr", "xl")
            ]
            print(f"{label} >= {least} | " + " | ".join(cells))


def second_rule(
    cases: list[Case], share: float, margin: float, least: int
) -> Counter[tuple[str, bool]]:
    """Right and wrong second-line links the words would add, by folder."""
    c: Counter[tuple[str, bool]] = Counter()
    for case in cases:
        for s in case.sentences:
            if not s.linked or not all(i in case.english for i in s.linked):
                continue
            told = set().union(*(case.english[i] for i in s.linked))
            for i, (m, _) in s.scores.items():
                words = case.english.get(i, frozenset())
                if i in s.linked or len(words) < least or m < margin:
                    continue
                if beyond_share(words, s.stems, told) >= share:
                    c[(case.folder, i in s.gold)] += 1
    return c


def print_second_rules(cases: list[Case], least: int) -> None:
    """Table 3."""
    folders = [
        f
        for f in dict.fromkeys(c.folder for c in cases)
        if any(c.english for c in cases if c.folder == f)
    ]
    print(
        f"\nsecond lines by English words beyond the linked statements' (at least {least} words), right / all:"
    )
    print("share, margin | " + " | ".join(folders))
    for share in SECOND_SHARES:
        for margin in SECOND_MARGINS:
            c = second_rule(cases, share, margin, least)
            cells = [f"{c[(f, True)]}/{c[(f, True)] + c[(f, False)]}" for f in folders]
            print(f">= {share}, >= {margin} | " + " | ".join(cells))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--dev", default="real-cases,blind-cases,para5-cases,holdout-tr,holdout7,holdout7-tr"
    )
    parser.add_argument(
        "--lead", type=int, default=2, help="sentences counted as headline and lead"
    )
    args = parser.parse_args(argv)
    if args.lead < 1:
        parser.error(f"--lead takes 1 or more sentences, not {args.lead}.")
    refs = rce.references_under(args.cases, parser)
    emb = create_embedder("e5-small", settings=Settings.resolve())
    params = A.params_for(emb)
    anchors = default_anchors()
    cases = [
        study_case(ref.parent, folder.name, emb, anchors, params, args.lead)
        for folder, found in refs.items()
        for ref in found
    ]
    print_leads(cases, args.lead)
    print_headline_rules(cases, args.lead, set(args.dev.split(",")))
    print_second_rules(cases, params.veto_least)


if __name__ == "__main__":
    main()
