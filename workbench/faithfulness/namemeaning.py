"""Names by meaning: does the translation read closer to its source without an English name?

Spelling finds a swapped name only where the source spells the name it replaced and the new
name is no dictionary word (:func:`workbench.faithfulness.spans.detect_names`): a swap of
"HIV", "Medicine" or a name the source renders by a lower-case adjective leaves no certain
spelling trace, so most English names with no spelling in the source are reported as weak
evidence, and on references as often as on swaps. This module adds the *meaning* of the name
span, read with the embedder the check already uses for coverage (session 9, fname9):

for each weak name issue with an English span, the translation clause that holds the name is
embedded again with the name replaced by a neutral placeholder (``X``), and its best cosine with
the source's clauses is compared with the clause as written. A name the source carries (a
transliteration the matcher missed, a name the source renders by its own words) takes part of
the source's meaning with it, so the placeholder lowers the cosine; a name the source never had
(a swap) is noise to the embedder, and the placeholder raises it. A shift above
:data:`MARGIN` makes the issue strong (severity 1).

Session 14 (fname14) first pairs names by meaning where *both* sides keep a name the spelling
left unpaired (:func:`pair_names`): a translated name ("Great Fleet" for «Ұлы флотта», "Today"
for «Сегодня», "Indomitable" for «Тынымсыз») leaves an English name of common words beside a
capitalised source word the matcher cannot spell; the English name and each such source name
(alone and with the word after it) are embedded as short strings, and at :data:`PAIRED` cosine
or nearer the English name is the source name rendered, not a swap: its issue is dropped.
Session 10 matched every English name with every source word and pair and cost +23 % texts
(check/embed 1.25 -> 1.41); here only the lines with an unpaired name on both sides are read,
and only against the source's unpaired names.

Cost: one extra embedding of one clause per weak English-name issue (on human references about
one line in twenty), and of the name and a few source strings per English-name issue on lines
with an unpaired source name, in one batch for the whole check. Without an embedder (span-only
runs) nothing changes, and :func:`workbench.faithfulness.core.faith_signature` says which was
run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from workbench.errors import UserInputError
from workbench.faithfulness.base import ClauseVectors, Vectors
from workbench.faithfulness.spans import unmatched_source_names
from workbench.types import FaithIssue

#: What stands in for the name in the masked clause: a one-letter token the embedder reads as
#: an unknown entity (on the calibration half it separated swaps from references better than
#: cutting the name out: AUROC over lines with a candidate name 0.78 against 0.75 in kk).
PLACEHOLDER = "X"
#: The masked clause must be closer to the source by more than this (cosine) for the name to
#: count as one the source does not carry. Chosen on the calibration half (prototype, every
#: line, seed 11; strong name fires on references / swap_name found by the strong direction,
#: kk / ky / ru): spelling alone 0.00 / 0.19 / 0.19 %, 0.33 / 0.39 / 0.31; with the shift
#: above 0: 0.58 / 0.97 / 2.03 %, 0.52 / 0.57 / 0.62; above 0.005: 0.39 / 0.58 / 1.06 %,
#: 0.46 / 0.52 / 0.55; above 0.01: 0.19 / 0.29 / 0.58 %, 0.40 / 0.45 / 0.45. Checked on dev
#: (0.01): 0.13 / 0.13 / 0.00 % → 0.26 / 0.13 / 0.00 %, 0.40 / 0.37 / 0.28 → 0.47 / 0.46 /
#: 0.46. At 0.005 the calibration put names' rate (by document draws) at 0.86 / 0.86 / 1.26 %
#: against 0.46 / 0.46 / 0.33 % by spelling, more than names alone may take in kk and ru
#: (docs/faithfulness.md, *Names (session 9, fname9)*).
MARGIN = 0.01
#: An English name and a source name both left unpaired by spelling are one name rendered
#: (cosine of the two short strings embedded alone) at this or nearer: the issue is dropped.
#: Chosen on the calibration part and checked on dev (docs/faithfulness.md, *Names (session 14,
#: fname14)*).
PAIRED = 0.88
#: How the check reads names by meaning (a field of the check's signature).
SIGNATURE = f"pair>={PAIRED:g}+mask-{PLACEHOLDER}-best-clause>{MARGIN:g}"
_WORD = re.compile(r"\w+")


def source_candidates(source: str, translation: str, src: str) -> list[str]:
    """The source names the spelling leaves without an English counterpart
    (:func:`workbench.faithfulness.spans.unmatched_source_names`), each alone and with the
    word after it («Ұлы», «Ұлы флотта»): what an unpaired English name may render."""
    out: list[str] = []
    for m in unmatched_source_names(source, translation, src):
        a, b = m.span(1)
        out.append(source[a:b])
        after = _WORD.search(source, b)
        if after is not None:
            out.append(source[a : after.end()])
    return list(dict.fromkeys(out))


def pair_names(
    sources: Sequence[str],
    translations: Sequence[str],
    src: str,
    issues: Sequence[list[FaithIssue]],
    embedder: Vectors,
) -> list[list[FaithIssue]]:
    """Each pair's issues without the English-name issues whose name renders a source name the
    spelling left unpaired (:func:`source_candidates`, cosine :data:`PAIRED` or nearer). Only
    pairs with an English-name issue and an unpaired source name are read; one embedding call
    for all of them (none when there are none).

    Raises:
        UserInputError: when ``sources``, ``translations`` and ``issues`` differ in length.
    """
    if not len(sources) == len(translations) == len(issues):
        raise UserInputError(
            f"{len(sources)} sources, {len(translations)} translations and {len(issues)} issue "
            "lists: give one of each per pair."
        )
    named, candidates, texts = _pair_jobs(sources, translations, src, issues)
    out = [list(found) for found in issues]
    if not named:
        return out
    rows = dict(zip(texts, np.asarray(embedder.embed(texts), dtype=np.float32), strict=True))
    dropped = {
        (p, i)
        for p, i, name in named
        if max(float(rows[c] @ rows[name]) for c in candidates[p]) >= PAIRED
    }
    return [
        [f for i, f in enumerate(found) if (p, i) not in dropped] for p, found in enumerate(out)
    ]


def _pair_jobs(
    sources: Sequence[str], translations: Sequence[str], src: str,
    issues: Sequence[list[FaithIssue]],
) -> tuple[list[tuple[int, int, str]], dict[int, list[str]], list[str]]:  # fmt: skip
    """(pair, issue index, English name) of each English-name issue :func:`pair_names` reads,
    each such pair's source candidates, and the texts it embeds."""
    named = [
        (p, i, translations[p][f.translation_span[0] : f.translation_span[1]])
        for p, found in enumerate(issues)
        for i, f in enumerate(found)
        if f.kind == "name" and f.translation_span is not None
    ]
    lines = {p for p, _, _ in named}
    candidates = {p: source_candidates(sources[p], translations[p], src) for p in sorted(lines)}
    named = [(p, i, name) for p, i, name in named if candidates[p] and name.strip()]
    texts = list(
        dict.fromkeys(
            [name for *_, name in named] + [c for p, _, _ in named for c in candidates[p]]
        )
    )
    return named, candidates, texts


def name_texts(
    sources: Sequence[str],
    translations: Sequence[str],
    src: str,
    issues: Sequence[list[FaithIssue]],
    vectors: Sequence[ClauseVectors | None],
) -> list[str]:
    """Every text :func:`pair_names` and then :func:`confirm_names` may embed for these
    issues (the masked clauses of every weak English-name issue, before pairing drops any):
    the check embeds them in one call beforehand (one call costs 1.2 s on the loaded 2-core
    machine whatever its size, fmarg16)."""
    texts = _pair_jobs(sources, translations, src, issues)[2]
    for t, found, v in zip(translations, issues, vectors, strict=True):
        texts += [text for *_, text in _candidates(t, found, v)]
    return texts


def _clause_of(spans: Sequence[tuple[int, int]], start: int) -> int | None:
    """The index of the clause span holding offset ``start`` (None when none does)."""
    return next((k for k, (a, b) in enumerate(spans) if a <= start < b), None)


def masked_clause(translation: str, clause: tuple[int, int], name: tuple[int, int]) -> str:
    """The clause ``clause`` of ``translation`` with the part of ``name`` inside it replaced by
    :data:`PLACEHOLDER`."""
    a, b = clause
    start, end = max(a, name[0]), min(b, name[1])
    return translation[a:start] + PLACEHOLDER + translation[end:b]


def meaning_shift(vectors: ClauseVectors, clause: int, masked: np.ndarray) -> float:
    """How much closer (cosine) the translation clause ``clause`` comes to its best source
    clause when its name is masked (``masked``: the masked clause's unit vector)."""
    src = vectors.source
    before = float((src @ vectors.translation[clause]).max())
    return float((src @ masked).max()) - before


def _candidates(
    translation: str, issues: Sequence[FaithIssue], vectors: ClauseVectors | None
) -> list[tuple[int, int, str]]:
    """(issue index, clause index, masked clause) for each weak English-name issue."""
    if vectors is None or not vectors.source.size or not vectors.translation.size:
        return []
    out = []
    for i, found in enumerate(issues):
        if found.kind != "name" or found.severity >= 1.0 or found.translation_span is None:
            continue
        k = _clause_of(vectors.translation_spans, found.translation_span[0])
        if k is None:
            continue
        text = masked_clause(translation, vectors.translation_spans[k], found.translation_span)
        out.append((i, k, text))
    return out


def confirm_names(
    translations: Sequence[str],
    issues: Sequence[list[FaithIssue]],
    vectors: Sequence[ClauseVectors | None],
    embedder: Vectors,
) -> list[list[FaithIssue]]:
    """Each pair's issues, with a weak English-name issue made strong (severity 1, the shift in
    its note) when its translation reads closer to the source without the name
    (:func:`meaning_shift` above :data:`MARGIN`). One embedding call for all pairs.

    Args:
        translations: The English side of each pair.
        issues: The issues the detectors found on each pair.
        vectors: Each pair's clause vectors (None: the pair is left as it is).
        embedder: The embedder that made ``vectors``.

    Returns:
        One issue list per pair, in input order (new lists; the input is not changed).

    Raises:
        UserInputError: when ``translations``, ``issues`` and ``vectors`` differ in length.
    """
    if not len(translations) == len(issues) == len(vectors):
        raise UserInputError(
            f"{len(translations)} translations, {len(issues)} issue lists and {len(vectors)} "
            "vector sets: give one of each per pair."
        )
    jobs = [
        (p, i, k, text)
        for p, (t, found, v) in enumerate(zip(translations, issues, vectors, strict=True))
        for i, k, text in _candidates(t, found, v)
    ]
    out = [list(found) for found in issues]
    if not jobs:
        return out
    texts = list(dict.fromkeys(text for *_, text in jobs))
    rows = dict(zip(texts, np.asarray(embedder.embed(texts), dtype=np.float32), strict=True))
    for p, i, k, text in jobs:
        v = vectors[p]
        assert v is not None
        shift = meaning_shift(v, k, rows[text])
        if shift > MARGIN:
            old = out[p][i]
            out[p][i] = replace(
                old,
                severity=1.0,
                note=old.note + f"; the sentence reads closer to its source without it "
                f"(+{shift:.3f} cosine)",
            )
    return out
