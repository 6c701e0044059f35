"""Why each reference link is missed and each wrong link is made, counted by cause
(docs/align.md, session 11).

For each case (the format of ``real_cases_eval.py``: ``case.toml`` + ``reference.toml``) the
script runs the aligner's passes as ``align()`` does with the pipeline's anchors (each link named
by its pass, ``align_translated_study.passes``), and again with the lone clause floor off and with
the word veto off, so that a link those rules drop can be told apart. Per outlet it reads the
sentence pass's ratio margins (with anchors, as the aligner scores them) and the best clause
margin of every (statement line, report sentence) pair (``align_link_study.clause_matrix``).

Every missed reference link gets one cause, the first that holds:

* *second line*: its sentence is linked to another of its reference lines, not this one;
* *other line only*: its sentence is linked only to lines the reference does not give it;
* *lone floor* / *word veto*: the clause pass linked it and that rule dropped it;
* *best line, under the floor*: the sentence is unlinked, this line is its best by sentence
  margin, and their cosine (with anchors) is under the floor;
* *best line, near*: likewise with the cosine at the floor, the margin under the threshold by
  less than 0.03; *best line, far*: more than 0.03 under;
* *best by clause only*: another line is best by sentence margin, this one by clause margin;
* *not best*: another line is best by both.

and tags, counted apart: the sentence's place (headline = an outlet's first sentence, lead = the
next two, body), a quotation mark in it, how many statement lines the reference gives the
sentence (*merged* when two or more), and how often the outlet retells the line (*repeated* when
two or more sentences). Every wrong link is counted by the pass that made it and by what the
reference says of its sentence: the outlet has no reference link at all (a report of another
event), the sentence retells nothing of the case, or other lines.

It prints numbers only: per folder the two cause tables with their tags, and recall by the number
of reference lines of the sentence and by how often the outlet retells the line.

Session 12 (align12) added what a reader asks of a folder that scores lower than another:

* *reading* tags of each miss: an attribution verb in the sentence ("said", "according to",
  "emphasized"; *frame*), a quotation of five or more words (*long quote*) or only shorter
  quoted fragments (*quoted fragment*), and whether another line is the sentence's best;
* of the reference pairs: the share whose line is the sentence's best by sentence margin, and
  the median cosine of reference pairs against every other pair (how far a retelling stands
  out of its case);
* *evidence near the threshold*: every pair the aligner leaves unlinked at a sentence margin of
  at least 0.98 / 1.0, split into the best line of a sentence left unlinked and a further line
  of a sentence already linked, and counted right / all for each kind of evidence a rule could
  add: none (the margin alone), the statement's names (rarity-weighted share of at least 1/3),
  the word lexicon's words (share of at least 1/3), and a *diagonal neighbour* (the outlet's
  previous or next sentence is linked to the previous or next line: an outlet quoting a
  passage in order). A rule that adds such pairs keeps the folder's precision only where its
  share right is at least the precision.

Session 15 (align15) added ``--by-case``: per case, its reference pairs, those found, and the
missed ones by tag (merged; repeated in the outlet; in a headline; in a *long* sentence of
``LONG_WORDS`` words or more; *wrong pick*: the sentence linked to other lines, the causes *second
line* and *other line only*; *not best*; session 16: *best near*, the cause *best line, near*),
its wrong links and (session 16) its cosine gap (median cosine of its reference pairs less that
of every other pair), so a folder's low recall can be
placed in its cases (a language, a kind of statement) rather than guessed.

Usage::

    python benchmarks/align_miss_study.py --cases /work/dev11 /work/dev11-tr [--by-case]

The cases hold real pages and are git-ignored; only this script and its numbers are committed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import real_cases_eval as rce  # noqa: E402
from align_link_study import clause_matrix  # noqa: E402
from align_translated_study import kept_case, passes, study_aligner  # noqa: E402

from workbench.align import aligner as A  # noqa: E402

#: How far under the threshold a best line's margin is still "near".
NEAR = 0.03
#: Margins from which unlinked pairs are counted in the evidence table.
NEAR_FLOORS = (0.98, 1.0)
#: Least name or lexicon-word share counted as evidence in that table.
SHARE = 1 / 3
_FRAME = re.compile(
    r"\b(?:said|says|told|added|noted|stated|stressed|emphasi[sz]ed|underlined|underscored|"
    r"explained|announced|mentioned|replied|according to)\b",
    re.IGNORECASE,
)
KINDS = ("margin only", "names", "lexicon words", "diagonal neighbour")
#: A report sentence of at least this many words is *long* in the per-case table.
LONG_WORDS = 30
#: Columns of the per-case table (``--by-case``): counts of missed reference links but the first
#: three and the last.
CASE_COLUMNS = (
    "pairs",
    "found",
    "missed",
    "merged",
    "repeated",
    "headline",
    "long",
    "wrong pick",
    "not best",
    "best near",
    "wrong links",
)
_QUOTED = re.compile(r"[«“\"]([^«»“”\"]+)[»”\"]")
QUOTES = ('"', "“", "”", "«", "»", "‘", "’")
MISS_CAUSES = (
    "second line",
    "other line only",
    "lone floor",
    "word veto",
    "best line, under the floor",
    "best line, near",
    "best line, far",
    "best by clause only",
    "not best",
)


def place(position: int) -> str:
    """An outlet's sentence by its place: its first is the headline, the next two the lead."""
    return "headline" if position == 0 else "lead" if position <= 2 else "body"


def miss_cause(
    line: int,
    linked: set[int],
    reference: set[int],
    dropped_by: str,
    best: bool,
    clause_best: bool,
    margin: float,
    cosine: float,
    params: Any,
) -> str:
    """The cause of one missed reference link (statement ``line`` of a report sentence).

    Args:
        line: The missed statement line.
        linked: The lines the aligner linked the sentence to.
        reference: The lines the reference gives the sentence.
        dropped_by: ``"lone floor"`` or ``"word veto"`` when the pair is linked with that rule
            off, else ``""``.
        best: The line is the sentence's best by sentence margin (in its outlet, with anchors).
        clause_best: The line is the sentence's best by clause margin.
        margin: Their sentence margin; ``cosine``: their cosine with anchors.
        params: The aligner's constants (``threshold``, ``floor``).
    """
    if line in linked or line not in reference:
        raise ValueError(f"line {line} is not a missed reference line of this sentence.")
    if linked & reference:
        return "second line"
    if linked:
        return "other line only"
    if dropped_by:
        return dropped_by
    if best and cosine < params.floor:
        return "best line, under the floor"
    if best:
        return "best line, near" if margin >= params.threshold - NEAR else "best line, far"
    return "best by clause only" if clause_best else "not best"


def miss_tags(position: int, text: str, reference: set[int], retold: int) -> tuple[str, ...]:
    """Tags of a missed link: place, quotation, merged (2+ reference lines), repeated line."""
    return (
        place(position),
        "quote" if any(q in text for q in QUOTES) else "no quote",
        "merged" if len(reference) > 1 else "one line",
        "repeated" if retold > 1 else "told once",
    )


def reading_tags(text: str) -> tuple[str, ...]:
    """How a missed sentence reads: an attribution frame, a long quotation or quoted fragments."""
    quotes = [len(q.split()) for q in _QUOTED.findall(text)]
    return (
        "frame" if _FRAME.search(text) else "no frame",
        "long quote"
        if any(n >= 5 for n in quotes)
        else "quoted fragment"
        if quotes
        else "no quote",
    )


def diagonal(line: int, position: int, linked: set[tuple[int, int]]) -> bool:
    """True when the outlet's sentence before (after) ``position`` is linked to the line before
    (after) ``line``: ``linked`` holds (line, position in the outlet) pairs."""
    return any((line + d, position + d) in linked for d in (-1, 1))


def evidence_kinds(names: float, words: float, neighbour: bool) -> tuple[str, ...]:
    """The evidence kinds a near-threshold pair carries (always ``"margin only"``)."""
    kinds = ["margin only"]
    if names >= SHARE:
        kinds.append("names")
    if words >= SHARE:
        kinds.append("lexicon words")
    if neighbour:
        kinds.append("diagonal neighbour")
    return tuple(kinds)


def wrong_kind(link_pass: str, outlet_has_reference: bool, reference: set[int]) -> str:
    """A wrong link by the pass that made it and what the reference says of its sentence."""
    what = (
        "outlet with no reference link"
        if not outlet_has_reference
        else "sentence retells other lines"
        if reference
        else "sentence retells nothing of the case"
    )
    return f"{link_pass.split(':')[0]} pass, {what}"


def study_case(
    folder: Path,
    emb: Any,
    anchors: Any,
    params: Any,
    cosines: dict[bool, list[float]] | None = None,
) -> Counter:
    """Counts of (table, cause or tag) for one case's misses, wrong links and recall;
    ``cosines`` (when given) receives the cosine of every pair, by whether it is a reference
    pair."""
    reading, gold, _, kept_s, kept_r = kept_case(folder, params)
    shipped = passes(kept_s, kept_r, emb, params, anchors)
    no_lone = passes(kept_s, kept_r, emb, replace(params, lone_floor=0.0), anchors)
    no_veto = passes(kept_s, kept_r, emb, replace(params, word_veto=0.0), anchors)
    sids = [reading.sid(r.document_id, r.text) for r in kept_r]
    lines = [s.index for s in kept_s]
    # reference lines of each kept report sentence, and how often each outlet retells a line
    ref = [{s for d, s, sid in gold if d == r.document_id and sid in sids[j]} for j, r in
           enumerate(kept_r)]  # fmt: skip
    told = Counter((d, s) for d, s, _ in gold)
    views = A._views(kept_s, kept_r, emb)
    full = A._similarity(views)
    evidence = A._sentence_evidence(
        kept_s, kept_r, anchors, params.name_bonus != 0, params.word_bonus != 0
    )
    every = A._sentence_evidence(kept_s, kept_r, anchors, True, True)  # names and words read
    assert every is not None  # anchors are given
    counts: Counter = Counter()
    for doc, cols in A._outlet_columns(kept_r).items():
        mine = evidence.select(None, cols) if evidence is not None else None
        raw = A.ratio_margin(full[:, cols], params.k, params.prior, params.k_statement)
        scaled = A.on_cross_lingual_scale(raw, views.has_translation, params)
        margins = A._adjust(scaled, mine, params)
        sims = A._adjust(full[:, cols], mine, params)
        cm, _, _ = clause_matrix(kept_s, kept_r, cols, views, emb, params, anchors)
        outlet_has_ref = any(ref[c] for c in cols)
        pairs = {
            (i, n) for n, c in enumerate(cols) for i in range(len(kept_s)) if (i, c) in shipped
        }
        for n, c in enumerate(cols):
            sentence_linked = any((i, n) in pairs for i in range(len(kept_s)))
            best = int(margins[:, n].argmax())
            for i, s in enumerate(lines):
                right = s in ref[c]
                if right:
                    counts["reference", "best line"] += best == i
                    counts["reference", "pairs"] += 1
                if cosines is not None:
                    cosines.setdefault(right, []).append(float(full[i, c]))
                if (i, n) in pairs:
                    continue
                for floor in NEAR_FLOORS:
                    if margins[i, n] < floor or (not sentence_linked and best != i):
                        continue
                    group = "further line" if sentence_linked else "best line"
                    words = every.words[i, c] if every.words is not None else 0.0
                    for kind in evidence_kinds(
                        float(every.names[i, c]), float(words), diagonal(i, n, pairs)
                    ):
                        counts["near", floor, group, kind, right] += 1
            linked = {lines[i] for i in range(len(kept_s)) if (i, c) in shipped}
            best, cbest = int(margins[:, n].argmax()), int(cm[:, n].argmax())
            for i, s in enumerate(lines):
                if s in ref[c]:
                    counts["case", "pairs"] += 1
                    counts["case", "found"] += s in linked
                    counts["recall by lines", f"{min(len(ref[c]), 3)} lines", s in linked] += 1
                    counts["recall by retellings", f"{min(told[doc, s], 3)}x", s in linked] += 1
                if s in ref[c] and s not in linked:
                    dropped = (
                        "lone floor"
                        if (i, c) in no_lone
                        else "word veto"
                        if (i, c) in no_veto
                        else ""
                    )
                    cause = miss_cause(
                        s, linked, ref[c], dropped, best == i, cbest == i,
                        float(margins[i, n]), float(sims[i, n]), params,
                    )  # fmt: skip
                    counts["missed", cause] += 1
                    for tag in miss_tags(n, kept_r[c].text, ref[c], told[doc, s]):
                        counts["missed tag", tag] += 1
                    for tag in reading_tags(kept_r[c].text):
                        counts["missed reading", tag] += 1
                    counts["missed reading", "line best" if best == i else "another line best"] += 1
                    counts["case", "missed"] += 1
                    counts["case", "merged"] += len(ref[c]) > 1
                    counts["case", "repeated"] += told[doc, s] > 1
                    counts["case", "headline"] += n == 0
                    counts["case", "long"] += len(kept_r[c].text.split()) >= LONG_WORDS
                    counts["case", "wrong pick"] += cause in ("second line", "other line only")
                    counts["case", "not best"] += cause == "not best"
                    counts["case", "best near"] += cause == "best line, near"
                elif s not in ref[c] and (i, c) in shipped:
                    counts["case", "wrong links"] += 1
                    counts["wrong", wrong_kind(shipped[i, c], outlet_has_ref, ref[c])] += 1
                    counts["wrong tag", place(n)] += 1
    return counts


def print_folder(
    name: str, counts: Counter, cosines: dict[bool, list[float]] | None = None
) -> None:
    """The tables of one folder."""
    missed = sum(v for k, v in counts.items() if k[0] == "missed")
    wrong = sum(v for k, v in counts.items() if k[0] == "wrong")
    print(f"\n## {name}: {missed} missed reference links, {wrong} wrong links")
    print("missed, cause | count")
    for cause in MISS_CAUSES:
        print(f"{cause} | {counts['missed', cause]}")
    tags = sorted(k[1] for k in counts if k[0] == "missed tag")
    print("missed, tags: " + ", ".join(f"{t} {counts['missed tag', t]}" for t in tags))
    print("wrong, pass and sentence | count")
    for key in sorted((k for k in counts if k[0] == "wrong"), key=lambda k: -counts[k]):
        print(f"{key[1]} | {counts[key]}")
    tags = sorted(k[1] for k in counts if k[0] == "wrong tag")
    print("wrong, tags: " + ", ".join(f"{t} {counts['wrong tag', t]}" for t in tags))
    for table in ("recall by lines", "recall by retellings"):
        groups = sorted({k[1] for k in counts if k[0] == table})
        cells = []
        for g in groups:
            found, lost = counts[table, g, True], counts[table, g, False]
            cells.append(f"{g} {found}/{found + lost} = {found / max(found + lost, 1):.2f}")
        print(f"{table} of the sentence / line in the outlet: " + "; ".join(cells))
    tags = sorted(k[1] for k in counts if k[0] == "missed reading")
    print("missed, reading: " + ", ".join(f"{t} {counts['missed reading', t]}" for t in tags))
    pairs = counts["reference", "pairs"]
    line = f"reference pairs: {pairs}, the sentence's best line {counts['reference', 'best line']}"
    line += f" ({counts['reference', 'best line'] / max(pairs, 1):.2f})"
    if cosines:
        med = {k: float(np.median(v)) for k, v in cosines.items() if v}
        line += f"; median cosine {med.get(True, 0):.3f} against {med.get(False, 0):.3f} (others)"
    print(line)
    print("evidence near the threshold: unlinked pairs, right / all (margin >= floor)")
    print("floor | group | " + " | ".join(KINDS))
    for floor in NEAR_FLOORS:
        for group in ("best line", "further line"):
            cells = [
                f"{counts['near', floor, group, k, True]}/"
                f"{counts['near', floor, group, k, True] + counts['near', floor, group, k, False]}"
                for k in KINDS
            ]
            print(f"{floor:.2f} | {group} | " + " | ".join(cells))


def case_row(name: str, counts: Counter, cosines: dict[bool, list[float]]) -> str:
    """One row of the per-case table: the case, its ``CASE_COLUMNS`` counts and the median
    cosine of its reference pairs less that of every other pair (how far a retelling stands out
    of its case)."""
    gap = (
        f"{np.median(cosines[True]) - np.median(cosines[False]):.3f}"
        if cosines.get(True) and cosines.get(False)
        else "-"
    )
    return " | ".join([name] + [str(counts["case", col]) for col in CASE_COLUMNS] + [gap])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", required=True)
    parser.add_argument(
        "--by-case",
        action="store_true",
        help="also print each case's reference pairs, found and missed links by tag",
    )
    args = parser.parse_args(argv)
    refs = rce.references_under(args.cases, parser)
    emb, params, anchors = study_aligner()
    for folder, found in refs.items():
        counts: Counter = Counter()
        cosines: dict[bool, list[float]] = {}
        rows = []
        for ref in found:
            mine: dict[bool, list[float]] = {}
            one = study_case(ref.parent, emb, anchors, params, mine)
            for key, values in mine.items():
                cosines.setdefault(key, []).extend(values)
            rows.append(case_row(ref.parent.name, one, mine))
            counts.update(one)
        print_folder(folder.name, counts, cosines)
        if args.by_case:
            print("case | " + " | ".join(CASE_COLUMNS) + " | cosine gap")
            print("\n".join(rows))


if __name__ == "__main__":
    main()
