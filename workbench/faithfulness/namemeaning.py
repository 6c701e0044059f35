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

Session 10 (fname10) reads the name *itself* by meaning, word by word: the English name span
alone is embedded, and so is each word and each pair of adjacent words of the source (short
strings; the e5 embedder is multilingual, so "Great Fleet" and «Ұлы флотта», "Judaism" and
«иудаизма», "Today" and «Сегодня» are near). A translation renders a name the source carries by
its own words (a translated title or organisation, an exonym, a case form the spelling rules
miss): on the references where the name check fired, most English names had a source word or
pair within 0.86-0.95 cosine, while a name swapped in from another sentence had none above
0.80-0.86 (docs/faithfulness.md, *Names (session 10, fname10)*). So an English-name issue
whose name has a source word or pair at :data:`FOUND` or above is dropped (the source carries
it), and a weak one whose best is under :data:`WORD_LIMIT` is made strong (nothing in the
source means it); the masked clause then reads the weak ones left.

Cost: one extra embedding of one clause per weak English-name issue, and of each English name
with an issue and the source's words and word pairs on those lines (on human references about
one line in twenty; the words are cached per unique string), in one batch for the whole check.
Without an embedder (span-only runs) nothing changes, and
:func:`workbench.faithfulness.core.faith_signature` says which was run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from workbench.errors import UserInputError
from workbench.faithfulness.base import ClauseVectors, Vectors
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
#: An English name with a source word or pair of adjacent words at least this near (cosine of
#: the two short strings embedded alone) is rendered there: its issue is dropped. Chosen on the
#: calibration half (every reference and 150 ``swap_name`` copies per language, seed 11): name
#: issues on references 4.2 / 5.5 / 6.9 % -> 3.6 / 4.3 / 5.4 % of lines (kk / ky / ru), swaps
#: with one 0.76 / 0.77 / 0.84 -> 0.75 / 0.74 / 0.81; checked on dev: 2.8 / 2.3 / 2.3 % ->
#: 2.1 / 2.0 / 1.5 %, swaps 0.72 / 0.69 / 0.77 -> 0.71 / 0.69 / 0.74.
FOUND = 0.88
#: A weak English name whose best source word or pair is further than this is made strong:
#: nothing in the source means it. Chosen on the calibration half (as :data:`FOUND`): strong
#: name fires on references 0.27 / 0.33 / 0.47 % -> 0.67 / 0.74 / 0.87 %, ``swap_name`` found
#: by the strong direction 0.45 / 0.48 / 0.53 -> 0.57 / 0.57 / 0.60; checked on dev: 0.26 /
#: 0.13 / 0.00 % -> 0.40 / 0.40 / 0.00 %, 0.39 / 0.38 / 0.45 -> 0.49 / 0.47 / 0.49. At 0.84
#: the calibration half's rate passes 1 % (1.07-1.14 %).
WORD_LIMIT = 0.83
#: How the check reads names by meaning (a field of the check's signature).
SIGNATURE = f"mask-{PLACEHOLDER}-best-clause>{MARGIN:g}+word-found>={FOUND:g}-strong<{WORD_LIMIT:g}"

_SOURCE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def source_grams(source: str) -> list[str]:
    """The words of ``source`` (letters first: no figures) and each pair of adjacent words, in
    order of first appearance: what an English name is matched with by meaning ("Great Fleet"
    ~ «Ұлы флотта», "Foreign Affairs" ~ «Сыртқы істер»)."""
    words = _SOURCE_WORD.findall(source)
    return list(dict.fromkeys(words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]))


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
    sources: Sequence[str],
    translations: Sequence[str],
    issues: Sequence[list[FaithIssue]],
    vectors: Sequence[ClauseVectors | None],
    embedder: Vectors,
) -> list[list[FaithIssue]]:
    """Each pair's issues, read by meaning (one embedding call for all pairs):

    * an English-name issue whose name has a source word or pair of words at :data:`FOUND`
      cosine or nearer (:func:`source_grams`) is dropped: the source renders the name;
    * a weak one whose nearest source word or pair is under :data:`WORD_LIMIT` is made strong
      (severity 1, the cosine in its note): nothing in the source means it;
    * a weak one left is made strong when its translation reads closer to the source without
      the name (:func:`meaning_shift` above :data:`MARGIN`; the shift in its note).

    Args:
        sources: The source side of each pair.
        translations: The English side of each pair.
        issues: The issues the detectors found on each pair.
        vectors: Each pair's clause vectors (None: the pair is left as it is).
        embedder: The embedder that made ``vectors``.

    Returns:
        One issue list per pair, in input order (new lists; the input is not changed).

    Raises:
        UserInputError: when ``translations``, ``issues`` and ``vectors`` differ in length.
    """
    if not len(sources) == len(translations) == len(issues) == len(vectors):
        raise UserInputError(
            f"{len(sources)} sources, {len(translations)} translations, {len(issues)} issue "
            f"lists and {len(vectors)} vector sets: give one of each per pair."
        )
    jobs = [
        (p, i, k, text)
        for p, (t, found, v) in enumerate(zip(translations, issues, vectors, strict=True))
        for i, k, text in _candidates(t, found, v)
    ]
    named = [
        (p, i, found.translation)
        for p, (found_all, v) in enumerate(zip(issues, vectors, strict=True))
        if v is not None
        for i, found in enumerate(found_all)
        if found.kind == "name" and found.translation_span is not None and found.translation
    ]
    grams = {p: source_grams(sources[p]) for p in {p for p, _, _ in named}}
    named = [(p, i, name) for p, i, name in named if grams[p]]
    out = [list(found) for found in issues]
    if not jobs and not named:
        return out
    texts = list(
        dict.fromkeys(
            [text for *_, text in jobs]
            + [name for *_, name in named]
            + [g for p in sorted({p for p, _, _ in named}) for g in grams[p]]
        )
    )
    rows = dict(zip(texts, np.asarray(embedder.embed(texts), dtype=np.float32), strict=True))
    dropped: set[tuple[int, int]] = set()
    decided: set[tuple[int, int]] = set()
    for p, i, name in named:
        sims = np.stack([rows[g] for g in grams[p]]) @ rows[name]
        k = int(np.argmax(sims))
        best = float(sims[k])
        old = out[p][i]
        if best >= FOUND:
            dropped.add((p, i))
        elif old.severity < 1.0 and best < WORD_LIMIT:
            decided.add((p, i))
            out[p][i] = replace(
                old,
                severity=1.0,
                note=old.note + f"; no source word means it (nearest {grams[p][k]!r}, "
                f"{best:.3f} cosine)",
            )
    for p, i, k, text in jobs:
        if (p, i) in dropped or (p, i) in decided:
            continue
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
    return [
        [found for i, found in enumerate(found_all) if (p, i) not in dropped]
        for p, found_all in enumerate(out)
    ]
