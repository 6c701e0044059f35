"""Figures and names as alignment anchors, found with the diff stage's helpers.

The align stage takes an :class:`~workbench.align.anchors.Anchors` object and adds its evidence
to the cosines before the margin; it cannot find figures or names itself, since the diff stage
owns the figure normaliser («20 тысяч» = 20,000 = "20 мың") and the cross-script name folding
(Токаев ~ Tokayev, Қазақстанды ~ Kazakhstan) and stages do not import each other. This module,
in the pipeline that composes both, builds the anchors from those helpers.

* **Figures**: the values :func:`workbench.diff.find_figures` reads (digits with multipliers,
  number words, dates as month-day, percentages apart); vague amounts ("thousands") are not
  anchors. A date range in one month ("14–17 September", «14-17 сентября») is one anchor,
  the period: a sentence that gives only its first day ("On September 14th, clashes began")
  shares no anchor with it.
* **Names**: each word of the names :func:`workbench.diff.entities.find_names` finds, folded
  (:func:`workbench.diff.fold`) together with its forms without a Russian or Turkic case ending
  (Путиным → putin, Қазақстанды → hazahstan); two words match when their folded forms have a fuzzy ratio of at least
  :data:`NAME_RATIO` or one is a prefix (5+ letters) of the other (Kazakh ~ Kazakhstan).

Each statement anchor counts by its rarity among the statements (1 / the number of statements
carrying it), so a name every statement repeats says little and a figure only one statement has
says much. Word matching runs once over the *distinct* folded forms of both sides
(``rapidfuzz.process.cdist``), so a case of hundreds of sentences costs well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from workbench.align.anchors import AnchorEvidence
from workbench.diff import find_figures, fold
from workbench.diff.bilexicon import BiLexicon, english_stem, load_bilexicon, source_stem
from workbench.diff.entities import find_names
from workbench.diff.morph import turkic_stems
from workbench.diff.text import STOPWORDS

#: Least fuzzy ratio (0–100) of two folded name words that are one name (Трамп ~ Trump is 80).
NAME_RATIO = 80.0
#: Fewest letters of a folded name word that counts (shorter ones are initials and particles).
MIN_NAME = 3
#: Russian case endings tried off a Cyrillic name word (Путиным → Путин, Алматы → Алмат).
RUSSIAN_ENDINGS: tuple[str, ...] = (
    "ого", "ему", "ому", "ыми", "ими", "ами", "ями", "ым", "им", "ом", "ем", "ой", "ей",
    "ую", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и",
)  # fmt: skip
#: Plain numbers below this are no anchors (dates and percentages always are).
SMALL = 13
_KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_KYRGYZ = re.compile(r"[ңөү]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _lang(text: str) -> str | None:
    """The number-word table for ``text``: kk, ky, ru for Cyrillic, ``None`` for English."""
    if not _CYRILLIC.search(text):
        return None
    if _KAZAKH.search(text.replace("ң", "").replace("ө", "").replace("ү", "")):
        return "kk"
    return "ky" if _KYRGYZ.search(text) else "ru"


@lru_cache(maxsize=65536)
def figure_keys(text: str) -> frozenset[str]:
    """The specific figures of ``text`` as keys (``20000``, ``12%``, ``date:102``)."""
    keys = set()
    for f in find_figures(text, _lang(text)):
        if f.high is not None:  # a vague amount is no anchor
            continue
        if f.unit != "date" and not f.percent and abs(f.value) < SMALL:
            continue  # "four-day week", "one in five", "2&1": too common to tell sentences apart
        value = f"{f.value:g}" if f.period is None else "{}-{}".format(*f.period)
        keys.add(f"date:{value}" if f.unit == "date" else f"{value}{'%' if f.percent else ''}")
        if f.year:
            keys.add(f"{f.year}")
    return frozenset(keys)


@lru_cache(maxsize=65536)
def name_words(text: str) -> frozenset[frozenset[str]]:
    """Each name word of ``text`` as the set of its folded forms (with and without endings)."""
    out = set()
    for mention in find_names(text):
        for word in re.findall(r"[^\W\d_]+", mention.text):
            forms = {fold(word)}
            if _CYRILLIC.search(word):
                forms |= {fold(s) for s in _russian_stems(word) | turkic_stems(word)}
            forms = {f for f in forms if len(f) >= MIN_NAME}
            if forms:
                out.add(frozenset(forms))
    return frozenset(out)


def _russian_stems(word: str) -> set[str]:
    """``word`` (lower-cased) without each Russian case ending that fits (stems of 3+ letters).

    Plain suffix rules rather than a morphological analyser: a name's stem is all that is
    compared, and loading the analyser's dictionaries costs a second per process.
    """
    low = word.lower()
    return {low[: -len(e)] for e in RUSSIAN_ENDINGS if low.endswith(e) and len(low) - len(e) >= 3}


def _rarity(rows: list[frozenset[str]]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for keys in rows:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return {key: 1.0 / n for key, n in counts.items()}


def _figures(left: Sequence[str], right: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    lk = [figure_keys(t) for t in left]
    rk = [figure_keys(t) for t in right]
    weight = _rarity(lk)
    shared = np.zeros((len(left), len(right)), dtype=np.float32)
    conflict = np.zeros_like(shared)
    for i, a in enumerate(lk):
        if not a:
            continue
        total = sum(weight[k] for k in a)
        for j, b in enumerate(rk):
            if not b:
                continue
            common = a & b
            if common:
                shared[i, j] = sum(weight[k] for k in common) / total
            else:
                conflict[i, j] = 1.0
    return shared, conflict


def _match(left: list[str], right: list[str]) -> np.ndarray:
    """Which distinct folded forms match (fuzzy ratio or a 5-letter prefix)."""
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=bool)
    ratio = process.cdist(left, right, scorer=fuzz.ratio, dtype=np.float32)
    ok = ratio >= NAME_RATIO
    for i, a in enumerate(left):
        if len(a) < 5:
            continue
        for j, b in enumerate(right):
            if len(b) >= 5 and (a.startswith(b) or b.startswith(a)):
                ok[i, j] = True
    return np.asarray(ok)


T = TypeVar("T", bound=Hashable)


def _incidence(rows: Sequence[Iterable[T]], columns: Sequence[T]) -> np.ndarray:
    """A 0/1 matrix ``len(rows) × len(columns)``: 1 where a row holds that column's item."""
    index = {c: k for k, c in enumerate(columns)}
    out = np.zeros((len(rows), len(columns)), dtype=np.float32)
    for i, items in enumerate(rows):
        out[i, [index[c] for c in items]] = 1
    return out


def _names(left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    lw = [name_words(t) for t in left]
    rw = [name_words(t) for t in right]
    shared = np.zeros((len(left), len(right)), dtype=np.float32)
    l_words = sorted({w for ws in lw for w in ws}, key=sorted)
    r_words = sorted({w for ws in rw for w in ws}, key=sorted)
    if not l_words or not r_words:
        return shared
    l_forms = sorted({f for w in l_words for f in w})
    r_forms = sorted({f for w in r_words for f in w})
    ok = _match(l_forms, r_forms).astype(np.float32)
    w_l, w_r = _incidence(l_words, l_forms), _incidence(r_words, r_forms)
    word_ok = (w_l @ ok @ w_r.T) > 0  # left word × right word
    has_l, has_r = _incidence(lw, l_words), _incidence(rw, r_words)
    weight = 1.0 / np.maximum(has_l.sum(axis=0), 1)  # rarity among the left texts
    found = (word_ok.astype(np.float32) @ has_r.T) > 0  # left word × right text
    total = has_l @ weight
    shared = (has_l * weight) @ found.astype(np.float32)
    return np.asarray(shared / np.maximum(total, 1e-9)[:, None], dtype=np.float32)


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
#: Fewest letters of a word read as a content-word anchor (shorter ones are function words).
MIN_WORD = 3


def _word_options(text: str, lexicon: BiLexicon) -> dict[str, tuple[frozenset[str], float]]:
    """Each content word of a kk/ky/ru statement text: key -> (the English stems that usually
    render it, how reliably it is rendered), from the word lexicon (unknown words are left
    out). An English text (a supplied translation) has none: the embedder already compares it
    in English, and the words it shares with a report are those any on-topic English sentence
    shares (on the sample case, word evidence through translations cost 0.07 of precision)."""
    lang = _lang(text)
    out: dict[str, tuple[frozenset[str], float]] = {}
    if lang is None:
        return out
    for word in _TOKEN.findall(text):
        if len(word) < MIN_WORD:
            continue
        options = lexicon.translations(lang, word)
        if options:
            stem = source_stem(word)
            out[f"{lang}:{stem}"] = (frozenset(options), lexicon.hits.get(lang, {}).get(stem, 0.5))
    return out


@lru_cache(maxsize=65536)
def _shipped_word_options(text: str) -> dict[str, tuple[frozenset[str], float]]:
    """:func:`_word_options` with the shipped lexicon (cached: do not change the result)."""
    return _word_options(text, load_bilexicon())


@lru_cache(maxsize=65536)
def _english_stems(text: str) -> frozenset[str]:
    return frozenset(english_stem(w) for w in _TOKEN.findall(text) if w.lower() not in STOPWORDS)


def _words(left: Sequence[str], right: Sequence[str], lexicon: BiLexicon) -> np.ndarray:
    """Share of each left text's content words rendered in each right text (see
    :class:`~workbench.align.anchors.AnchorEvidence`), by incidence matrices over the distinct
    words and English stems of the case."""
    shared = np.zeros((len(left), len(right)), dtype=np.float32)
    if lexicon is load_bilexicon():  # the shipped lexicon: each text is read once per process
        lw = [_shipped_word_options(t) for t in left]
    else:
        lw = [_word_options(t, lexicon) for t in left]
    rs = [_english_stems(t) for t in right]
    keys = sorted({k for w in lw for k in w})
    common = {e for w in lw for opts, _ in w.values() for e in opts} & set().union(*rs)
    stems = sorted(common)
    if not keys or not stems:
        return shared
    options = {k: opts for w in lw for k, (opts, _) in w.items()}
    rate = {k: r for w in lw for k, (_, r) in w.items()}
    word_stem = _incidence([options[k] & common for k in keys], stems)
    text_stem = _incidence([s & common for s in rs], stems)
    found = (word_stem @ text_stem.T) > 0  # left word × right text
    has = _incidence([list(w) for w in lw], keys)
    weight = np.array([rate[k] for k in keys], dtype=np.float32) / np.maximum(has.sum(axis=0), 1)
    total = has @ weight
    shared = (has * weight) @ found.astype(np.float32)
    return np.asarray(shared / np.maximum(total, 1e-9)[:, None], dtype=np.float32)


_NAME_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def gloss_items(text: str) -> frozenset[str]:
    """A statement text's word-by-word English *gloss* as items: the word lexicon's usual
    English stems of its kk/ky/ru words (``w:``; an English text, a supplied translation, gives
    its own stems), its name words folded to Latin (``n:``) and its figures (``f:``)."""
    items: set[str] = set()
    if _lang(text) is None:
        items |= {f"w:{s}" for s in _english_stems(text)}
    else:
        for options, _ in _shipped_word_options(text).values():
            items |= {f"w:{o}" for o in options}
    for forms in name_words(text):
        items |= {f"n:{f}" for f in forms}
    items |= {f"f:{k}" for k in figure_keys(text)}
    return frozenset(items)


@lru_cache(maxsize=65536)
def report_items(text: str) -> frozenset[str]:
    """An English report text's items to meet a gloss: its content stems (``w:``), every word
    of 3+ letters folded (``n:``: a name the name finder misses still meets a glossed name) and
    its figures (``f:``)."""
    items = {f"w:{s}" for s in _english_stems(text)}
    items |= {f"n:{fold(w)}" for w in _NAME_WORD.findall(text) if len(w) >= MIN_NAME}
    items |= {f"f:{k}" for k in figure_keys(text)}
    return frozenset(items)


def gloss_coverage(left: Sequence[Sequence[str]], right: Sequence[str]) -> np.ndarray:
    """For each (statement, report text) pair: the report's items the statement's gloss carries,
    each weighted by 1 / the number of statements whose gloss carries it, as a share of the
    weight of every report item some statement's gloss carries (0 when none does).

    Each statement is the list of its texts (the original, its translation when given): one
    gloss of all of them. Report side and spread over the statements, unlike
    :attr:`AnchorEvidence.words` (the share of the *statement's* words): a report sentence that
    retells one clause of a long line is covered by that line as much as by a short one, and an
    item every line's gloss carries (the topic's words) counts little."""
    out = np.zeros((len(left), len(right)), dtype=np.float32)
    glosses = [frozenset().union(*(gloss_items(t) for t in texts if t.strip())) for texts in left]
    reports = [report_items(t) for t in right]
    items = sorted(set().union(*glosses) & set().union(*reports)) if glosses and reports else []
    if not items:
        return out
    has_g = _incidence([g.intersection(items) for g in glosses], items)  # statement × item
    has_r = _incidence([r.intersection(items) for r in reports], items)  # report × item
    weight = 1.0 / np.maximum(has_g.sum(axis=0), 1)
    total = has_r @ weight
    shared = (has_g * weight) @ has_r.T
    return np.asarray(shared / np.maximum(total, 1e-9)[None, :], dtype=np.float32)


class TextAnchors:
    """Figures and names of kk/ky/ru and English texts (see the module docstring)."""

    name = "figures+names"

    def evidence(
        self,
        left: Sequence[str],
        right: Sequence[str],
        *,
        names: bool = True,
        words: bool = False,
    ) -> AnchorEvidence:
        """Anchor evidence for every (statement text, report text) pair (names skipped, as
        zeros, with ``names=False``: matching them is most of the cost; content words read
        only with ``words=True``)."""
        figures, conflict = _figures(left, right)
        shared = (
            _names(left, right) if names else np.zeros((len(left), len(right)), dtype=np.float32)
        )
        content = _words(left, right, load_bilexicon()) if words else None
        return AnchorEvidence(names=shared, figures=figures, conflict=conflict, words=content)

    def shared_words(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
        """(shared, total) content stems of each English statement text in its report text
        (the diff stage's stems and function words; see
        :meth:`~workbench.align.anchors.Anchors.shared_words`)."""
        out = []
        for left, right in pairs:
            mine = _english_stems(left)
            out.append((len(mine & _english_stems(right)), len(mine)))
        return out

    def words_beyond(
        self, triples: Sequence[tuple[str, str, Sequence[str]]]
    ) -> list[tuple[int, int]]:
        """(shared, total) content stems of each English statement text in its report text,
        leaving out the stems any of the linked texts has (see
        :meth:`~workbench.align.anchors.Anchors.words_beyond`)."""
        out = []
        for left, right, linked in triples:
            mine = _english_stems(left)
            told = frozenset().union(*(_english_stems(t) for t in linked))
            out.append((len((mine & _english_stems(right)) - told), len(mine)))
        return out

    def gloss(self, left: Sequence[Sequence[str]], right: Sequence[str]) -> np.ndarray:
        """The gloss coverage of every (statement, report text) pair (:func:`gloss_coverage`;
        see :meth:`~workbench.align.anchors.Anchors.gloss`)."""
        return gloss_coverage(left, right)


def default_anchors() -> TextAnchors:
    """The anchors compare uses."""
    return TextAnchors()


# ─── the weak-link gate: a link carried by the topic alone ─────────────────────────────────

#: A link whose margin is less than this above the aligner's threshold is *barely* accepted.
#: (``link_confidence`` reads it as under 1.0.)
WEAK_MARGIN = 0.02
#: Least share of a translated statement's English content stems the report sentence must hold
#: to anchor a barely accepted link (the diff stage's stems, function words left out).
WEAK_ENGLISH = 0.2
#: Least share of a translated statement's English content stems the report sentence must hold
#: for any link, however sure, to show differences (without a shared figure): on the read
#: translated real cases links under it were wrong 31 times in 36.
WEAK_ENGLISH_ANY = 0.15
#: :data:`WEAK_ENGLISH_ANY` judges only translations of at least this many content stems: a
#: short line is easily reworded whole, so sharing none of its few words is no evidence (the
#: aligner's word veto has the same floor, ``AlignParams.veto_least``).
WEAK_ENGLISH_LEAST = 5
#: Least share of a kk/ky/ru statement's content words (the word lexicon's usual English, each
#: word weighted by how reliably it is rendered) the report sentence must hold, without a
#: translation.
WEAK_WORDS = 0.1


def anchored(statement: str, translation: str, report: str) -> bool:
    """Whether a report sentence shares an anchor with a statement line: a figure of the
    original, or (with an English ``translation``) at least :data:`WEAK_ENGLISH` of the
    translation's content stems, or (without one) at least :data:`WEAK_WORDS` of the
    original's content words as the word lexicon renders them.

    A link the aligner barely accepted and that shares no anchor is carried by the topic
    alone: on the read real cases most such links are wrong, and their differences are noise
    (docs/align.md, *Session 13 (align13)*).
    """
    if figure_keys(statement) & figure_keys(report):
        return True
    if translation.strip():
        mine = _english_stems(translation)
        return bool(mine) and len(mine & _english_stems(report)) >= WEAK_ENGLISH * len(mine)
    return bool(_words([statement], [report], load_bilexicon())[0, 0] >= WEAK_WORDS)


def weak_link(
    score: float, threshold: float, statement: str, translation: str, report: str
) -> bool:
    """A link barely accepted (margin under ``threshold`` + :data:`WEAK_MARGIN`) that shares no
    anchor (:func:`anchored`), or any link to a translated statement whose report sentence holds
    no figure of it and under :data:`WEAK_ENGLISH_ANY` of its English content stems: shown as a
    link whose only differences are those read in the outlet's own words (labels, distancing,
    certainty, a directive's grade; session 14). The second rule needs a translation of at least
    :data:`WEAK_ENGLISH_LEAST` content stems."""
    if translation.strip() and not figure_keys(statement) & figure_keys(report):
        mine = _english_stems(translation)
        if len(mine) >= WEAK_ENGLISH_LEAST and len(mine & _english_stems(report)) < (
            WEAK_ENGLISH_ANY * len(mine)
        ):
            return True
    return score < threshold + WEAK_MARGIN and not anchored(statement, translation, report)
