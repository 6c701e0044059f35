"""Faithfulness checks on corrupted human translations: recall, AUROC, false flags, speed.

Material: FLORES-200 dev and NTREX-128 only (the kk/ky/ru line as source, the human English as
the faithful translation); the reserved devtest and /work/shared/holdout are never read.

* **Calibration part**: FLORES-200 dev lines 1–498 and NTREX-128 lines 1–998 (whole news
  documents, NTREX's first half). ``--calibrate`` measures the coverage numbers (similarity,
  omission and addition gaps, length ratio) of the untouched references there and writes
  ``workbench/data/faithfulness_calibration.toml``.
* **Measurement part**: FLORES-200 dev lines 499–997 and NTREX-128 lines 999–1997, cut by whole
  documents into **dev** (``--on dev``: FLORES lines 499–750, NTREX documents starting before
  line 1498; for developing, may be read) and **final** (``--on final``, the default: the rest;
  the reported table, run with ``--show 0`` and never tuned to). Rules written by reading false
  fires flatter the part they were read on two to four times (session 4), hence the third part.
  A sample of references gets one corruption each (below); every untouched reference of the part
  is the faithful class (several hundred per language, with a 95 % interval). Printed per corruption and language: n, recall at the operating point (flagged), AUROC
  of the score (corrupted vs untouched); and the false-flag rate on untouched references, with
  the kinds that fired.

Corruptions (made on the English): a clause dropped; a figure changed; a name swapped for a
name from another line; a name dropped; negation flipped (``not`` inserted after an auxiliary,
or an existing one removed); a neutral people-noun made a loaded label (lexicon words, and
words the lexicon does NOT hold); a loaded label made neutral; a hedge added (words in the
diff stage's lists, and words NOT in them) or removed; the source left untranslated (whole, or
its last clause); the tail repeated; a sentence from another document. "Label made neutral" and "hedge removed"
apply to few lines; they are made on every line of the measured half where they apply (the
English has a loaded label or a hedge), not only on the sample.

Speed: ``--speed-n`` pairs are embedded (source and translation sentences, the cost any
embedding check pays) and checked, chunk by chunk in alternating order, with fresh uncached
embedders; the ratio check/embed is printed.

Usage::

    python benchmarks/faithfulness_bench.py [--data ../shared/data] [--calibrate]
        [--n 200] [--n-cal 0] [--seed 7] [--speed-n 1000] [--show 2]
        [--on final|dev|calibration|measurement] [--no-embedder]
        [--omission-tail 0.02] [--unrelated-tail 0.0025] [--embedding-cache FILE]

``--calibrate`` also fits the coverage models (omission, unrelated) on the calibration sample
(every calibration-half line the word lexicon never saw, unless ``--n-cal`` says fewer): its
untouched references against copies with a clause dropped or another document's sentence. The
span kinds' rates are the larger of their rates on the calibration half and on dev (see
:func:`calibrate`). The documented calibration command (docs/faithfulness.md)::

    python benchmarks/faithfulness_bench.py --calibrate --on dev --n 0 --speed-n 0
``--on calibration`` measures on the calibration-half lines outside that sample (development);
``--embedding-cache`` keeps vectors in an SQLite file between development runs.

``--calibration FILE`` names the calibration file ``--calibrate`` writes and the table reads (the
committed one by default). ``--hold-out-dev`` (session 20) calibrates without any dev line into
that file (never the committed one) and measures ``--on dev`` with it: the false-flag rate dev gets
when it is unseen, beside the committed calibration's in-sample one::

    python benchmarks/faithfulness_bench.py --calibrate --hold-out-dev \
        --calibration /tmp/heldout.toml --on dev --n 120 --speed-n 0 --show 0
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # this checkout's workbench, not another editable install

from workbench.align import CachingEmbedder, create_embedder  # noqa: E402
from workbench.faithfulness import (  # noqa: E402
    LanguageCalibration,
    check_pairs,
    features,
    length_ratio,
    load_calibration,
)
from workbench.faithfulness.base import (  # noqa: E402
    FAITH_KINDS,
    Calibration,
    CoverageModel,
    FaithContext,
)
from workbench.faithfulness.core import (  # noqa: E402
    ALONE_FACTOR,
    COVERAGE_KINDS,
    WEAK,
    WEAK_KINDS,
    _risk,
    _vectors,
    evidence,
    evidence_keys,
)
from workbench.faithfulness.coverage import (  # noqa: E402
    OMISSION_FEATURES,
    UNRELATED_FEATURES,
    fit_logistic,
    punctuation_clauses,
)
from workbench.faithfulness.diffapi import (  # noqa: E402
    find_figures,
    find_names,
    load_bilexicon,
    load_lexicon,  # noqa: E402
)
from workbench.faithfulness.namescore import (  # noqa: E402
    NAME_FEATURES,
    meaning_values,
    spelling_values,
)
from workbench.faithfulness.spans import (  # noqa: E402
    _english_mentions,
    _matches,
    _source_words,
)

SOURCES = {"kk": "kaz_Cyrl.txt", "ky": "kir_Cyrl.txt", "ru": "rus_Cyrl.txt"}
CALIBRATION_FILE = REPO / "workbench" / "data" / "faithfulness_calibration.toml"


@dataclass(frozen=True)
class Line:
    """One line of the material: corpus, line number, document, English, sources."""

    corpus: str
    index: int
    doc: str
    en: str
    src: dict[str, str]


DATA_FILES = tuple(
    f"{folder}/{name}"
    for folder, extra in (("flores200-dev", ()), ("ntrex128", ("DOCUMENT_IDS.tsv",)))
    for name in ("eng_Latn.txt", *SOURCES.values(), *extra)
)


def _refuse_data(what: str) -> NoReturn:
    """``what`` and the way out on stderr, exit 2 (as argparse refuses an argument)."""
    print(
        f"error: {what}: give --data the folder holding FLORES-200 dev and NTREX-128 "
        "(flores200-dev/, ntrex128/), as /work/shared/data does",
        file=sys.stderr,
    )
    raise SystemExit(2)


def load(data: Path) -> tuple[list[Line], list[Line]]:
    """The calibration and measurement parts (see the module docstring); one sentence on stderr
    and exit 2, before anything is read, when a file of ``DATA_FILES`` is missing from ``data``
    (every benchmark and study that takes ``--data`` reads it through here)."""
    missing = [name for name in DATA_FILES if not (data / name).is_file()]
    if missing:
        more = f" (and {len(missing) - 1} more of its files)" if len(missing) > 1 else ""
        _refuse_data(f"--data {data} has no {missing[0]}{more}")
    cal: list[Line] = []
    meas: list[Line] = []
    for corpus, folder, half in (("flores", "flores200-dev", 498), ("ntrex", "ntrex128", 998)):
        en = (data / folder / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()
        src = {
            lang: (data / folder / f).read_text(encoding="utf-8").splitlines()
            for lang, f in SOURCES.items()
        }
        if corpus == "ntrex":
            ids = (data / folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
            docs = [row.split("\t")[0] for row in ids]
        else:
            docs = [f"flores-{i // 30}" for i in range(len(en))]
        # the lines pair one to one: a longer source (or an English cut short) is misaligned too
        unequal = [(SOURCES[lang], len(rows)) for lang, rows in src.items() if len(rows) != len(en)]
        unequal += [("DOCUMENT_IDS.tsv", len(docs))] if len(docs) != len(en) else []
        if unequal:
            name, n = unequal[0]
            _refuse_data(f"--data {data}: {folder}/{name} has {n} lines, its English {len(en)} "
                         "(they must pair line by line)")  # fmt: skip
        if len(en) <= half:
            _refuse_data(f"--data {data}: {folder}/eng_Latn.txt has {len(en)} lines, not the "
                         f"whole set (more than {half})")  # fmt: skip
        for i, e in enumerate(en):
            line = Line(corpus, i, docs[i], e, {lang: s[i] for lang, s in src.items()})
            (cal if i < half else meas).append(line)
    return cal, meas


def split_measurement(meas: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The measurement half cut in two by whole documents: ``dev`` (FLORES-200 dev lines 499-750,
    NTREX-128's documents starting before line 1498) and ``final`` (FLORES-200 dev lines
    751-997 and the NTREX-128 documents starting at line 1498 or later).

    ``dev`` may be read while writing detectors (misses and false fires printed); ``final`` is
    for the reported table only: run it with ``--show 0`` and never tune to what it prints. The
    cut keeps every document whole, so a detector cannot learn a document's names or wording on
    one side and be measured on the other."""
    first: dict[tuple[str, str], int] = {}
    for ln in meas:
        first.setdefault((ln.corpus, ln.doc), ln.index)
    cut = {"flores": 747, "ntrex": 1497}
    dev = [ln for ln in meas if first[(ln.corpus, ln.doc)] < cut[ln.corpus]]
    final = [ln for ln in meas if first[(ln.corpus, ln.doc)] >= cut[ln.corpus]]
    return dev, final


def line_ranges(lines: Sequence[Line]) -> str:
    """The 1-based line ranges a part covers, per corpus (for the printed header)."""
    parts = []
    for corpus, label in (("flores", "FLORES-200 dev"), ("ntrex", "NTREX-128")):
        idx = [ln.index for ln in lines if ln.corpus == corpus]
        if idx:
            parts.append(f"{label} lines {min(idx) + 1}-{max(idx) + 1}")
    return " + ".join(parts)


def lexicon_line(line: Line) -> bool:
    """Calibration-half lines the bilingual lexicon learns from (``scripts/make_bilexicon.py``):
    those of two documents in three (by a hash of the document id; FLORES lines in blocks of 30).
    The calibration sample is drawn from the other documents, so that the coverage models are
    fitted on text, names and topics the lexicon never saw, as the measured half is. (Drawn from
    every third line of the same documents, the sample's kk/ky references left 0.35-0.37 of
    their known source words unrendered against 0.43-0.46 on the measured half, and the
    omission model fired more often there than calibrated.)"""
    return zlib.crc32(line.doc.encode()) % 3 != 0


# ── corruptions ──────────────────────────────────────────────────────────────────────────────

Corrupt = Callable[[Line, str, random.Random, "Pools"], "str | None"]


@dataclass(frozen=True)
class Pools:
    """Material the corruptions draw on: names and lines of other documents."""

    names: tuple[str, ...]
    lines: tuple[Line, ...]


_AUX = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do|must|may)\b(?! not)"
)
_NEG = re.compile(r"\s+not\b|n't\b")
#: Contracted negations whose stem is no positive word: the stem -> the positive auxiliary.
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}
_PEOPLE = re.compile(
    r"\b(people|residents|protesters|demonstrators|students|workers|civilians|citizens|"
    r"activists|supporters|fans|villagers|men|women|youths|participants)\b"
)
_LOADED = ["bandits", "terrorists", "rioters", "thugs", "extremists", "looters", "militants"]
_OFF_LEXICON = ["agitators", "saboteurs", "mercenaries", "anarchists", "fanatics", "renegades"]
_LOADED_IN_EN = re.compile(
    r"\b(terrorists?|militants?|extremists?|rioters?|thugs?|bandits?|gangs?|looters?|"
    r"insurgents?|jihadists?|criminals)\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"(?<=\s)([a-z]{3,}ed)\b")
_HEDGES = ["allegedly", "reportedly", "possibly", "apparently", "supposedly"]
_OFF_LIST = ["presumably", "evidently", "conceivably", "putatively", "arguably"]
_HEDGE_IN_EN = re.compile(
    r"\s*\b(allegedly|reportedly|possibly|probably|apparently|perhaps|likely|supposedly|"
    r"so-called)\b",
    re.IGNORECASE,
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


#: The sentence-final mark and what closes it (quotes, brackets) at the end of a clause.
_FINAL_MARK = re.compile(r"[.!?…]+[\W_]*$")


def drop_clause(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    """The English with one clause (cut at punctuation, :func:`punctuation_clauses`) left out.

    Session 8: a dropped last clause leaves its sentence-final mark and closing quotes behind
    ("X, Y." → "X."), as a translation that omits a clause still ends its sentence; until then
    it took the mark with it, and 0.40 of the dropped copies ended without one against 0.05 of
    the references — an artifact any reader of the English's last character would "find". A
    copy that differs from the reference by punctuation alone is no omission and is not made
    (None)."""
    spans = punctuation_clauses(line.en)
    if len(spans) < 2:
        return None
    k = rng.randrange(len(spans))
    text = line.en
    mark = _FINAL_MARK.search(text[spans[k][0] : spans[k][1]])
    kept = mark.group().strip() if mark and k == len(spans) - 1 else ""
    before = text[: spans[k - 1][1]] if k else ""
    out = text[spans[1][0] :] if k == 0 else before + kept + text[spans[k][1] :]
    out = _cap(out.strip())
    if not out or _word_chars(out) == _word_chars(text):
        return None
    return out


def _word_chars(text: str) -> str:
    """The letters and digits of ``text``, lower-case (what is left without punctuation)."""
    return re.sub(r"[\W_]+", "", text.lower())


def change_number(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    figs = [f for f in find_figures(line.en, "en") if re.search(r"\d", f.text)]
    if not figs:
        return None
    fig = rng.choice(figs)
    m = re.search(r"\d+", fig.text)
    assert m is not None
    old = int(m.group())
    new = old + rng.choice([1, 2, 3, 5, 10, 20]) * rng.choice([-1, 1]) if old > 20 else old + 3
    if new < 0 or new == old:
        new = old * 2 + 1
    start = fig.start + m.start()
    return line.en[:start] + str(new) + line.en[start + len(m.group()) :]


def _names(text: str) -> list[tuple[int, int, str]]:
    return [(m.span[0], m.span[1], m.text) for m in find_names(text) if m.span]


def _whole_names(text: str) -> list[tuple[int, int, str]]:
    """Name mentions that are whole words of three letters or more (not the "U" of "U.S.")."""
    return [
        (s, e, n) for s, e, n in _names(text)
        if len(n) >= 3 and not re.match(r"\.\w", text[e : e + 2])
    ]  # fmt: skip


def swap_name(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    found = _whole_names(line.en)
    if not found:
        return None
    s, e, name = rng.choice(found)
    other = rng.choice([n for n in pools.names if n[:3].lower() != name[:3].lower()])
    return line.en[:s] + other + line.en[e:]


def _proper(name: str) -> bool:
    """A name that is certainly one: not made only of common English words ("World", "Rose
    Leslie" is; "Bronze Age", "High Street" are not) and not headed by a title word."""
    return any(certain for _, _, certain in _english_mentions(name)) and len(name) >= 3


def swap_spelled_name(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    """A name the source spells (Токаев ~ Tokayev) swapped for another proper name: the swap a
    check without a reference can see. Which source word spells the name is decided by the
    name matcher of the check itself, so this row measures the rest of the check (the new
    name, the budget), not the matcher's recall; the row above measures both."""
    words = _source_words(line.src[lang])
    found = [
        (s, e, n) for s, e, n in _whole_names(line.en)
        if any(_matches(p, w) for p in re.findall(r"\w+", n) if p[:1].isupper() for w in words)
    ]  # fmt: skip
    proper = [n for n in pools.names if _proper(n)]
    if not found or not proper:
        return None
    s, e, name = rng.choice(found)
    other = rng.choice([n for n in proper if n[:3].lower() != name[:3].lower()])
    return line.en[:s] + other + line.en[e:]


def drop_name(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    found = _whole_names(line.en)
    if not found:
        return None
    s, e, _ = rng.choice(found)
    out = re.sub(r"\s{2,}", " ", line.en[:s] + line.en[e:]).strip()
    return _cap(out) if out else None


def add_not(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    """The "negation flipped" lines whose English had no "not" (one is inserted)."""
    return None if _NEG.search(line.en) else flip_negation(line, lang, rng, pools)


def remove_not(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    """The "negation flipped" lines whose English had a "not" (it is removed)."""
    return flip_negation(line, lang, rng, pools) if _NEG.search(line.en) else None


def flip_negation(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    m = _NEG.search(line.en)
    if m:
        head = line.en[: m.start()]
        if m.group().startswith("n't"):
            # "can't" / "won't" / "shan't" lose more than "n't": their positive forms are
            # "can", "will", "shall" (not "ca", "wo", "sha", which no translation writes).
            stem = re.search(r"(\w+)$", head)
            if stem and stem.group(1).lower() in _CONTRACTED:
                word = _CONTRACTED[stem.group(1).lower()]
                if stem.group(1)[:1].isupper():
                    word = word.capitalize()
                head = head[: stem.start()] + word
        return head + line.en[m.end() :]
    m = _AUX.search(line.en)
    if not m:
        return None
    return line.en[: m.end()] + " not" + line.en[m.end() :]


def _replace_people(line: Line, words: Sequence[str], rng: random.Random) -> str | None:
    m = _PEOPLE.search(line.en)
    if not m:
        return None
    return line.en[: m.start()] + rng.choice(list(words)) + line.en[m.end() :]


def make_loaded(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    return _replace_people(line, _LOADED, rng)


def make_loaded_off_lexicon(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    return _replace_people(line, _OFF_LEXICON, rng)


def make_neutral(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    m = _LOADED_IN_EN.search(line.en)
    if not m:
        return None
    word = "people" if m.group().endswith("s") else "person"
    return line.en[: m.start()] + word + line.en[m.end() :]


def _add_hedge(line: Line, words: Sequence[str], rng: random.Random) -> str | None:
    m = _PAST.search(line.en)
    if not m:
        return None
    return line.en[: m.start()] + rng.choice(list(words)) + " " + line.en[m.start() :]


def add_hedge(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    return _add_hedge(line, _HEDGES, rng)


def add_hedge_off_list(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    return _add_hedge(line, _OFF_LIST, rng)


def remove_hedge(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    m = _HEDGE_IN_EN.search(line.en)
    if not m:
        return None
    return _cap((line.en[: m.start()] + line.en[m.end() :]).strip())


#: The class of each English hedge ``remove_hedge`` may remove (the diff stage's classes).
_HEDGE_CLASS = {
    "possibly": "uncertain", "probably": "uncertain", "likely": "uncertain",
    "perhaps": "uncertain", "apparently": "uncertain", "supposedly": "uncertain",
    "reportedly": "report", "allegedly": "allegation", "so-called": "distancing",
}  # fmt: skip


def _words(body: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


#: Hedges of each source language by class, the benchmark's own judge of whether a source
#: carries the hedge an English word renders: written from the languages' grammar (adverbs of
#: possibility, a closing particle, "-ған сияқты"/"-са керек" constructions, impersonal report
#: verbs, "according to information", "so-called"), sharing no code or list with the detector
#: (``workbench/faithfulness/markers.py``). Read against a human judgment of all 57 removals of
#: the calibration half and dev (docs/faithfulness.md, session 8): it agrees on 50 / 52 / 53
#: of 57 (kk/ky/ru), every disagreement but three in the direction of calling a line hedged
#: (a source hedge the English keeps with another word: "could possibly" for «…уы мүмкін»).
_SOURCE_HEDGE_JUDGE: dict[str, dict[str, re.Pattern[str]]] = {
    "ru": {
        "uncertain": _words(
            r"возможн\w*|вероятн\w*|скоре[ей]\s+всего|по-видимому|видимо|наверн\w*|похоже|"
            r"судя\s+по\s+всему|может\s+быть|пожалуй|кажется|предположительно|якобы|"
            r"не\s+исключено|по\s+всей\s+видимости"
        ),
        "report": _words(
            r"сообща\w*|по\s+сообщени\w+|по\s+(?:\w+\s+)?данным|по\s+информации|по\s+слухам|"
            r"говорят|якобы"
        ),
        "allegation": _words(
            r"якобы|предположительно|будто|подозрева\w*|обвин\w*|по\s+(?:\w+\s+)?данным|сообща\w*"
        ),
        "distancing": _words(r"так\s+называем\w*"),
    },
    "kk": {
        "uncertain": _words(
            r"мүмкін|ықтимал\w*|сірә|бәлкім|шамасы|шығар(?:мын|сың|сыз|мыз)?|сыңайлы|көрінеді|"
            r"болар|\w+(?:ған|ген|қан|кен|атын|етін|йтын|йтін)\s+(?:сияқты|тәрізді|секілді)"
        ),
        "report": _words(r"хабарла\w*|хабарлар\w*|мәлімет\w*|дерек\w*|делін\w*"),
        "allegation": _words(r"айыпта\w*|күдік\w*|имиш|хабарла\w*|мәлімет\w*"),
        "distancing": _words(r"делінетін|деп\s+аталатын|аталған"),
    },
    "ky": {
        "uncertain": _words(
            r"мүмкүн|ыктымал\w*|балким|кыязы|сыягы|окшойт|чыгар(?:мын|сың|сыз|быз)?|белем|"
            r"болжолдуу|шекилдүү|\w+(?:са|се|со|сө)\s+керек|"
            r"\w+(?:ган|ген|гон|гөн|кан|кен|кон|көн)\s+сыяктуу"
        ),
        "report": _words(
            r"маалымдал\w*|билдирил\w*|айтыл\w*|кабарла\w*|маалымат\w*\s+(?:боюнча|ылайык)|"
            r"билдирүү\w*\s+ылайык"
        ),
        "allegation": _words(r"имиш|айыпта\w*|шектел\w*|маалымат\w*\s+боюнча"),
        "distancing": _words(r"деп\s+аталган|аталган"),
    },
}


def remove_source_hedged(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    """ "Hedge removed" only where the source carries a hedge of the removed word's class
    (:data:`_SOURCE_HEDGE_JUDGE`). A kk/ky reference often renders no hedge the English has
    (42 % of the 57 removals, judged by hand: the translator dropped "likely" or rendered "more
    likely" as «көбінесе» "mostly"); removing the English word there makes the pair MORE
    faithful, and the plain "hedge removed" row counts it as a miss."""
    m = _HEDGE_IN_EN.search(line.en)
    cls = _HEDGE_CLASS.get(m.group().strip().lower()) if m else None
    if cls is None or not _SOURCE_HEDGE_JUDGE[lang][cls].search(line.src[lang]):
        return None
    return remove_hedge(line, lang, rng, pools)


def untranslated(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    return line.src[lang]


def untranslated_tail(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    en, src = punctuation_clauses(line.en), punctuation_clauses(line.src[lang])
    if len(en) < 2 or len(src) < 2:
        return None
    s, e = src[-1]
    return line.en[: en[-1][0]] + line.src[lang][s:e]


def repeat_tail(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    body = line.en.rstrip(' .!?"”')
    words = body.split()
    if len(words) < 4:
        return None
    k = rng.randint(3, min(8, len(words)))
    return body + " " + " ".join(words[-k:]) + line.en[len(body) :]


def other_document(line: Line, lang: str, rng: random.Random, pools: Pools) -> str | None:
    while True:
        other = rng.choice(pools.lines)
        if other.doc != line.doc:
            return other.en


CORRUPTIONS: dict[str, tuple[Corrupt, float]] = {
    # name: (function, recall target of the issue)
    "dropped clause": (drop_clause, 0.75),
    "changed number": (change_number, 0.9),
    "swapped name": (swap_name, 0.9),
    "swapped name (spelled in source)": (swap_spelled_name, 0.0),
    "dropped name": (drop_name, 0.0),
    "negation flipped": (flip_negation, 0.75),
    "negation: not added": (add_not, 0.0),
    "negation: not removed": (remove_not, 0.0),
    "label made loaded": (make_loaded, 0.75),
    "label made neutral": (make_neutral, 0.75),
    "hedge added": (add_hedge, 0.75),
    # The target row is the one whose removed hedge renders a hedge of the source: removing an
    # English hedge the source never had leaves the translation no less faithful (42 % of the
    # kk/ky removals, 16 % of ru, by hand, docs/faithfulness.md session 8), so its "miss" is
    # none. Decided by the lead in session 8 before any final-part run of the new row; the old
    # row stays printed for comparison with earlier sessions.
    "hedge removed": (remove_hedge, 0.0),
    "hedge removed (source hedged)": (remove_source_hedged, 0.75),
    "untranslated (whole)": (untranslated, 0.9),
    "untranslated (last clause)": (untranslated_tail, 0.9),
    "repeated tail": (repeat_tail, 0.9),
    "other document": (other_document, 0.9),
    "label NOT in lexicon": (make_loaded_off_lexicon, 0.0),
    "hedge NOT in lists": (add_hedge_off_list, 0.0),
}


# ── calibration ──────────────────────────────────────────────────────────────────────────────


def _model(
    rows: np.ndarray, labels: np.ndarray, folds: np.ndarray, names: Sequence[str], tail: float
) -> tuple[CoverageModel, np.ndarray]:
    """A logistic coverage model: weights fitted on all rows; its limit is the ``1 − tail``
    quantile and its typical value the median of the references' out-of-fold log-odds (also
    returned, to move the limit later)."""
    mean, scale = rows.mean(0), rows.std(0) + 1e-9
    x = (rows - mean) / scale
    z = np.zeros(len(x))
    for fold in (0, 1):
        w = fit_logistic(x[folds != fold], labels[folds != fold])
        z[folds == fold] = x[folds == fold] @ w[:-1] + w[-1]
    refs, bad = z[labels == 0], z[labels == 1]
    limit = float(np.quantile(refs, 1 - tail))
    print(f"    model {'+'.join(names)}: out-of-fold recall {np.mean(bad >= limit):.2f} at "
          f"{np.mean(refs >= limit):.3f} of references; by tail "
          + ", ".join(f"{100 * t:g} % {np.mean(bad >= np.quantile(refs, 1 - t)):.2f}"
                      for t in TAIL_CURVE))  # fmt: skip
    w = fit_logistic(x, labels)
    return CoverageModel(
        tuple(names), tuple(float(v) for v in mean), tuple(float(v) for v in scale),
        tuple(float(v) for v in w[:-1]), float(w[-1]), float(np.median(refs)), limit,
    ), refs  # fmt: skip


def fit_models(
    lines: Sequence[Line], lang: str, embedder: object, base: LanguageCalibration,
    tails: tuple[float, float], seed: int,
) -> tuple[LanguageCalibration, dict[str, np.ndarray]]:  # fmt: skip
    """Fit the omission and unrelated models on the calibration lines: their untouched
    references against copies with a dropped clause / another document's sentence. Returns
    the calibration with the models and each model's out-of-fold log-odds of references."""
    rng = random.Random(seed)
    pools = Pools((), tuple(lines))
    pairs: list[tuple[int, int, str, str]] = []  # (line, label, source, translation)
    for k, ln in enumerate(lines):
        pairs.append((k, 0, ln.src[lang], ln.en))
        for label, fn in ((1, drop_clause), (2, other_document)):
            bad = fn(ln, lang, rng, pools)
            if bad and bad != ln.en:
                pairs.append((k, label, ln.src[lang], bad))
    vecs = _vectors([(s, t) for _, _, s, t in pairs], embedder)  # type: ignore[arg-type]
    words = load_bilexicon()
    feats = [
        features(v, s, t, base.length_typical, words.coverage(s, t, lang), lang)
        if v is not None
        else None
        for (_, _, s, t), v in zip(pairs, vecs, strict=True)
    ]
    keep = [i for i, f in enumerate(feats) if f is not None]
    values = [feats[i].values() for i in keep]  # type: ignore[union-attr]
    label = np.array([pairs[i][1] for i in keep])
    folds = np.array([pairs[i][0] % 2 for i in keep])
    models, refs = {}, {}
    for key, names, target, tail in (
        ("omission_model", OMISSION_FEATURES, 1, tails[0]),
        ("unrelated_model", UNRELATED_FEATURES, 2, tails[1]),
    ):
        use = (label == 0) | (label == target)
        rows = np.array([[values[i][n] for n in names] for i in np.flatnonzero(use)])
        models[key], refs[key] = _model(
            rows, (label[use] == target).astype(float), folds[use], names, tail
        )
    return replace(base, **models), refs  # type: ignore[arg-type]


#: Share of the calibration half's references (lines) whose out-of-fold name score may reach
#: the name model's limit: the score's strong direction (session 18, fname18;
#: ``benchmarks/name_signal_study.py``: at 0.2 % the model finds 0.46 / 0.54 / 0.53 of dev's
#: swaps, the hand rules' strong direction 0.38 / 0.43 / 0.47).
NAME_TAIL = 0.002
#: Folds of the name model's out-of-fold fit (by a hash of the document id).
NAME_FOLDS = 5


def swap_spans(lines: Sequence[Line], rng: random.Random) -> list[tuple[int, str, tuple[int, int]]]:
    """(line, English with one name swapped, the new name's span): :func:`swap_name` on every
    line with a name, the pool the lines' own names."""
    names = sorted({n for ln in lines for _, _, n in _whole_names(ln.en)})
    out = []
    for k, ln in enumerate(lines):
        found = _whole_names(ln.en)
        if not found:
            continue
        s, e, name = rng.choice(found)
        other = rng.choice([n for n in names if n[:3].lower() != name[:3].lower()])
        english = ln.en[:s] + other + ln.en[e:]
        if english != ln.en:
            out.append((k, english, (s, s + len(other))))
    return out


def fit_name_model(
    lines: Sequence[Line], lang: str, embedder: object, base: LanguageCalibration, seed: int
) -> CoverageModel:
    """The name model (:mod:`workbench.faithfulness.namescore`): each English-name issue of the
    references of ``lines`` against the swapped-in name of one ``swap_name`` copy per line,
    issues found under ``base`` (the hand rules, names read by meaning); weights fitted on all,
    the limit where :data:`NAME_TAIL` of the reference lines' out-of-fold scores (a line's
    highest issue) reach it, folds by document."""
    jobs = [(k, ln.en, None) for k, ln in enumerate(lines)]
    jobs += swap_spans(lines, random.Random(seed))  # type: ignore[arg-type]
    sources = [lines[k].src[lang] for k, _, _ in jobs]
    results = check_pairs(
        sources, [e for _, e, _ in jobs], lang, embedder=embedder,  # type: ignore[arg-type]
        calibration=Calibration("pass-1", "", {lang: base}),
    )  # fmt: skip
    issues = [list(r.issues) for r in results]
    vecs = _vectors([(s, e) for s, (_, e, _) in zip(sources, jobs, strict=True)], embedder)  # type: ignore[arg-type]
    words = load_bilexicon()
    values = [
        spelling_values(s, e, lang, found, words)
        for s, (_, e, _), found in zip(sources, jobs, issues, strict=True)
    ]
    meaning_values(sources, [e for _, e, _ in jobs], lang, issues, vecs, values, embedder)  # type: ignore[arg-type]
    rows, labels, folds, owner = [], [], [], []
    for p, ((k, _, swap), found) in enumerate(zip(jobs, values, strict=True)):
        for i, v in found.items():
            span = issues[p][i].translation_span or (0, 0)
            if swap is not None and not (span[0] < swap[1] and swap[0] < span[1]):
                continue  # a swap's other names: neither class
            rows.append([v[f] for f in NAME_FEATURES])
            labels.append(0.0 if swap is None else 1.0)
            folds.append(zlib.crc32(f"{lines[k].corpus}:{lines[k].doc}".encode()) % NAME_FOLDS)
            owner.append(p)
    x, y, f = np.array(rows), np.array(labels), np.array(folds)
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    z = np.zeros(len(y))
    for fold in range(NAME_FOLDS):
        w = fit_logistic((x[f != fold] - mean) / scale, y[f != fold])
        z[f == fold] = ((x[f == fold] - mean) / scale) @ w[:-1] + w[-1]
    refs = sum(1 for _, _, swap in jobs if swap is None)
    by_line: dict[int, float] = {}
    for p, v, label in zip(owner, z, y, strict=True):
        if label == 0:
            by_line[p] = max(by_line.get(p, -np.inf), float(v))
    ranked = sorted(by_line.values(), reverse=True)
    allowed = int(NAME_TAIL * refs)
    limit = ranked[allowed] + 1e-6 if allowed < len(ranked) else -np.inf
    bad = z[y == 1]
    print(f"    {lang} name model: {len(bad)} swapped-in names, {int((y == 0).sum())} reference "
          f"name issues on {len(by_line)} of {refs} references; out-of-fold: swaps at the limit "
          f"{np.mean(bad >= limit):.2f}, references {sum(v >= limit for v in ranked) / refs:.4f}")  # fmt: skip
    w = fit_logistic((x - mean) / scale, y)
    return CoverageModel(
        NAME_FEATURES, tuple(float(v) for v in mean), tuple(float(v) for v in scale),
        tuple(float(v) for v in w[:-1]), float(w[-1]), float(np.median(z[y == 0])), float(limit),
    )  # fmt: skip


#: Kinds the coverage models report (their share of the budget is set after the others').
COVERAGE_ALONE = frozenset({"omission", "unrelated", "addition"})
#: The coverage models keep at least this part of their nominal tails when the budget is short.
#: The omission model gets the larger tail (2 % vs 0.5 %): with the word lexicon's share of
#: unrendered source words the unrelated model finds another document's sentence at a 0.25 %
#: tail (out of fold on the calibration sample: 0.95-0.98, was 0.76-0.85 without it; 0.98-0.99
#: at 1 %), while a dropped clause still gains with every tenth of a percent.
#:
#: Session 7 (fbudget7): 0.2, was 0.4. The floor is where the models' out-of-fold recall curve
#: (printed by the calibration, :data:`TAIL_CURVE`) flattens. On the calibration sample at
#: c33c936, kk/ky/ru, the omission model's first 0.5 % of references finds 0.51 / 0.51 / 0.54
#: of dropped clauses (about 100 recall points per 1 % of references); the next 0.5 % adds
#: 0.04 / 0.05 / 0.07 (8-14 per 1 %). A claim kind alone buys more per false flag than that
#: second half-percent: names 0.38 / 0.43 / 0.31 of swapped names at 0.60 / 0.84 / 0.33 % (51-94
#: per 1 %), so the room above the flat part of the curve goes to the span kinds first
#: (:func:`span_alone_kinds`: the greedy in order of recall per false flag) and the coverage
#: models take what is left, as before.
MIN_TAIL_PART = 0.2
#: The tails at which the calibration prints a coverage model's out-of-fold recall.
TAIL_CURVE = (0.0025, 0.005, 0.01, 0.02)
#: The coverage models' nominal tails (omission, unrelated): the budget the span kinds leave is
#: split between the two in this proportion (:func:`_fit_tails`). Session 8 (fcover8): the
#: unrelated model's is 0.25 %, was 0.5 %. Recall per false flag decides, as it does for the
#: claim kinds: on the calibration sample at main 2980658 the unrelated model finds another
#: document's sentence out of fold at 0.99 / 0.98 / 0.99 (kk/ky/ru) at a 0.25 % tail and 0.99 /
#: 0.99 / 0.99 at 0.5 % (0-4 recall points per 1 % of references), while the omission model's
#: curve still gains 4-11 points per 1 % between 1 and 2 % of references; the other-document
#: target is 0.9, the dropped-clause target 0.75 is not reached. :func:`span_share` keeps
#: reading the old 0.5 % as the least the coverage models keep, so the span kinds' room does
#: not move.
NOMINAL_TAILS = (0.02, 0.0025)
#: The coverage tails (omission, unrelated) whose ``MIN_TAIL_PART`` :func:`span_share` holds back
#: from the span kinds: the nominal tails before session 8 moved the unrelated one from 0.5 % to
#: 0.25 % (:data:`NOMINAL_TAILS`), kept so that the span kinds' room did not move with it
#: (0.91 x 5 % - 0.2 x 2.5 % = 4.05 % of references at a 5 % budget).
SPAN_ROOM_TAILS = (0.02, 0.005)


def _pass(
    pairs: Sequence[tuple[str, str]], vecs: Sequence[object], lang: str, base: LanguageCalibration,
    embedder: object = None,
) -> tuple[list[set[str]], np.ndarray]:  # fmt: skip
    """The kinds found on each reference and its coverage risk, under ``base`` (``embedder``
    makes what the check embeds beyond the clauses of ``vecs``: the name check's masked
    clauses)."""
    lexicon, words = load_lexicon(), load_bilexicon()
    results = check_pairs(
        [p[0] for p in pairs], [p[1] for p in pairs], lang,
        embedder=_Fixed(pairs, vecs, embedder),  # type: ignore[arg-type]
        calibration=Calibration("pass-1", "", {lang: base}),
    )  # fmt: skip
    kinds = [evidence_keys(r.issues) for r in results]
    risks = np.array(
        [_risk(FaithContext(s, t, lang, lexicon, base, v, words)) for (s, t), v in zip(pairs, vecs, strict=True)]  # type: ignore[arg-type]
    )  # fmt: skip
    return kinds, risks


def _span_kinds(
    lines: Sequence[Line], lang: str, base: LanguageCalibration, embedder: object = None
) -> list[set[str]]:
    """The span and surface kinds found on each reference of ``lines``; with ``embedder`` as
    the check runs with one (session 9: the name check reads names by meaning,
    ``workbench/faithfulness/namemeaning.py``, so a name's strong rate is the embedder's)."""
    results = check_pairs(
        [ln.src[lang] for ln in lines], [ln.en for ln in lines], lang,
        calibration=Calibration("pass-1", "", {lang: base}),
        embedder=embedder,  # type: ignore[arg-type]
    )  # fmt: skip
    return [evidence_keys(r.issues) - COVERAGE_KINDS for r in results]


def _fit_tails(
    base: LanguageCalibration, refs: dict[str, np.ndarray], parts: Sequence[Sequence[set[str]]],
    rates: dict[str, float], tails: tuple[float, float], budget: float,
    values: dict[str, float] | None = None, draws: DocDraws | None = None,
    exclude: frozenset[str] = frozenset(),
) -> tuple[LanguageCalibration, tuple[float, float]]:  # fmt: skip
    """Move the coverage models' limits so that they report at most what ``ALONE_SHARE`` of the
    budget leaves after the span kinds that flag on their own (their largest share over the
    ``parts``; at least ``MIN_TAIL_PART`` of the nominal tails). Each limit is the quantile of
    the references' log-odds in ``refs`` (out of fold on the sample, and the extra references)."""
    alone = set(span_alone_kinds(parts[0], rates, budget, parts[1:], values, draws, exclude))
    spans = alone_share(parts, alone, draws)
    part = min(1.0, max(MIN_TAIL_PART, (ALONE_SHARE * budget - spans) / sum(tails)))
    new = (tails[0] * part, tails[1] * part)
    print(f"    span kinds alone flag {spans:.3f} of references (largest part); coverage tails "
          f"{new[0]:.4f} (omission, {len(refs['omission_model'])} refs), {new[1]:.4f} "
          f"(unrelated, {len(refs['unrelated_model'])} refs)")  # fmt: skip
    models = {
        key: replace(getattr(base, key), limit=float(np.quantile(refs[key], 1 - tail)))
        for key, tail in zip(("omission_model", "unrelated_model"), new, strict=True)
    }
    return replace(base, **models), new  # type: ignore[arg-type]


def _logits(
    lines: Sequence[Line], lang: str, embedder: object, base: LanguageCalibration, key: str
) -> np.ndarray:
    """A fitted coverage model's log-odds on untouched references (lines outside the sample)."""
    pairs = [(ln.src[lang], ln.en) for ln in lines]
    vecs = _vectors(pairs, embedder)  # type: ignore[arg-type]
    words = load_bilexicon()
    model: CoverageModel = getattr(base, key)
    out = []
    for (s, t), v in zip(pairs, vecs, strict=True):
        f = (
            features(v, s, t, base.length_typical, words.coverage(s, t, lang), lang)
            if v is not None
            else None
        )
        if f is not None:
            out.append(model.logit(f.values()))
    return np.array(out)


def _evidence_limit(
    kinds: Sequence[set[str]], risks: np.ndarray, cal: LanguageCalibration, alone: set[str],
    span_alone_share: float, budget: float,
) -> tuple[float, float, float]:  # fmt: skip
    """The evidence limit that keeps one part's references within the budget: those flagged by
    a kind alone (the span kinds counted at ``span_alone_share``, their largest share over the
    parts, when that is more than their share here) and, above the limit, those whose evidence
    adds up. Returns the limit, the share flagged alone and the share left for the rest."""
    n = len(kinds)
    ev = np.array([evidence(ks, r, cal) for ks, r in zip(kinds, risks, strict=True)])
    by_alone = np.array([bool(ks & alone) for ks in kinds])
    here = sum(bool((ks - COVERAGE_KINDS) & alone) for ks in kinds) / max(1, n)
    flagged = float(by_alone.mean()) + max(0.0, span_alone_share - here)
    room = max(0, int((budget - flagged) * n + 1e-9))
    rest = np.sort(ev[~by_alone])[::-1]
    limit = float(rest[room]) + 1e-3 if room < len(rest) else float(rest[-1]) + 1e-3
    return limit, flagged, room / max(1, n)


def calibrate(
    lines: Sequence[Line], langs: Sequence[str], q: float, budget: float, embedder: object,
    tails: tuple[float, float] = NOMINAL_TAILS, seed: int = 7,
    span_parts: dict[str, Sequence[Line]] | None = None,
    omission_refs: Sequence[Line] = (), unrelated_refs: Sequence[Line] = (),
) -> str:  # fmt: skip
    """Calibration TOML from untouched references: coverage quantiles and models, how often
    each kind fires, the coverage risk's tail, and the evidence limit that flags ``budget``.

    Each number is fitted where it is cleanest (docs/faithfulness.md, *The operating point*):

    * ``lines`` (the sample: calibration-half lines the word lexicon never saw) fit the
      coverage models, and with ``omission_refs`` the gap and length quantiles, the risk tail
      and the evidence limit;
    * ``span_parts`` (named parts; the sample when None) give the span and surface kinds'
      false-fire rates and which of them flag alone: each rate and share is what a part nobody
      read reaches, the 90th percentile over parts of 750 lines drawn by whole documents from
      the union of the parts (:class:`DocDraws`): a rule written by reading one part's false
      fires flatters that part (session 4: two to four times), lines of one document fire
      together, and every line of a part is counted (a kind firing on 0.5 % fires on 2 of
      400);
    * ``omission_refs`` (the rest of the calibration half) / ``unrelated_refs`` (dev): further
      untouched references whose log-odds join the sample's out-of-fold ones when a coverage
      model's limit is set, so that a 1 % tail is not a two-line estimate (the unrelated model
      reads the word lexicon: only lines it never saw may set its limit). ``omission_refs``
      also join the sample for the risk tail and the evidence limit.

    Hedges, names and negation (:data:`BY_RATE`) flag alone only in a language where they fit
    in every language: the English references are the same lines in kk, ky and ru, so a claim
    kind that fits in one language only rides on that language's luck on the read parts
    (session 5: names flagged alone in ky only, and ky alone went over the budget on the
    final part, 6.1 % against 3.4 % on dev).

    The evidence limit is the larger of the limits the sample and ``omission_refs`` need to
    stay within the budget, with the span kinds flagging alone counted at the share a part
    nobody read reaches, not at their share there."""
    parts_named = dict(span_parts or {})
    draws = (
        DocDraws([[(ln.corpus, ln.doc) for ln in p] for p in parts_named.values()], seed=seed)
        if parts_named
        else None
    )
    out = [
        'name = "flores-dev+ntrex-cal-half+dev-doc-draws"',
        f'data = "models, risk tail and evidence limit: {len(lines)} refs of FLORES-200 dev '
        "lines 1-498 and NTREX-128 lines 1-998 the word lexicon never saw; span kind rates and "
        + (
            f"shares: the {DOC_QUANTILE:g} quantile over {DRAWS} parts of {PART_SIZE} lines "
            "drawn by document from "
            + " + ".join(f"{k} ({len(v)})" for k, v in parts_named.items())
            if parts_named
            else "shares: the sample"
        )
        + f"; omission limit on {len(lines) + len(omission_refs)} refs, unrelated limit on "
        f"{len(lines) + len(unrelated_refs)}; q={q}, budget={budget}, omission tail<="
        f'{tails[0]}, unrelated tail<={tails[1]}"',
        "",
    ]
    keys = [k for k in FAITH_KINDS if k != "length"] + [k + WEAK for k in sorted(WEAK_KINDS)]
    state: dict[str, tuple] = {}  # type: ignore[type-arg]
    for lang in langs:
        pairs = [(ln.src[lang], ln.en) for ln in lines]
        vecs = _vectors(pairs, embedder)  # type: ignore[arg-type]
        # the gap and length quantiles read no lexicon: the whole calibration half sets them
        # (the addition gap flags alone at its 99.5 % quantile: 2 lines of the sample)
        rest_pairs = [(ln.src[lang], ln.en) for ln in omission_refs]
        rest_vecs = _vectors(rest_pairs, embedder)  # type: ignore[arg-type]
        feats = [f for f in (features(v) for v in [*vecs, *rest_vecs] if v is not None) if f]
        sim = np.array([f.similarity for f in feats])
        om = np.array([f.omission for f in feats])
        ad = np.array([f.addition for f in feats])
        lr = np.array([length_ratio(s, t) for s, t in [*pairs, *rest_pairs] if len(s) >= 20])
        base = LanguageCalibration(
            similarity_typical=float(np.median(sim)),
            similarity_limit=float(np.quantile(sim, 1 - q)),
            omission_typical=float(np.median(om)),
            omission_limit=float(np.quantile(om, q)),
            addition_typical=float(np.median(ad)),
            addition_limit=float(np.quantile(ad, q)),
            length_typical=float(np.median(lr)),
            length_low=float(np.quantile(lr, 1 - q)),
            length_high=float(np.quantile(lr, q)),
        )
        base, refs = fit_models(lines, lang, embedder, base, tails, seed)
        named = next(iter(parts_named.values()), lines)  # the calibration half
        base = replace(base, name_model=fit_name_model(named, lang, embedder, base, seed))
        for key, extra in (("omission_model", omission_refs), ("unrelated_model", unrelated_refs)):
            if extra:
                refs[key] = np.concatenate([refs[key], _logits(extra, lang, embedder, base, key)])
        kinds, _ = _pass(pairs, vecs, lang, base, embedder)
        if parts_named:
            parts = [_span_kinds(p, lang, base, embedder) for p in parts_named.values()]
        else:
            parts = [[ks - COVERAGE_KINDS for ks in kinds]]
        span_rates = honest_rates(parts, [k for k in keys if k not in COVERAGE_KINDS], draws)
        for name, part in zip(parts_named or ["sample"], parts, strict=True):
            fired = Counter(k for ks in part for k in ks)
            print(f"    {lang} {name}: " + ", ".join(
                f"{k} {fired[k] / len(part):.4f}" for k in span_rates if fired[k]
            ))  # fmt: skip
        values = claim_values(next(iter(parts_named.values()), lines), lang, base, seed, embedder)
        print(f"    {lang} recall of hedges, names, negation alone on their corruptions: {values}; "
              "recall points per 1 % of references they fire on: " + ", ".join(
                  f"{k} {values[k] / max(1e-9, span_rates.get(k, 1.0)):.0f}" for k in values
              ))  # fmt: skip
        state[lang] = (pairs, vecs, rest_pairs, rest_vecs, base, refs, parts, span_rates, values)
    # the claim kinds flag alone only where they fit in every language (same English lines)
    fit = [
        set(span_alone_kinds(st[6][0], st[7], budget, st[6][1:], st[8], draws)) & BY_RATE
        for st in state.values()
    ]
    exclude = (frozenset(BY_RATE - set.intersection(*fit)) if fit else frozenset()) | NEVER_ALONE
    print(f"    claim kinds that fit alone in every language: {sorted(BY_RATE - exclude)}")
    for lang in langs:
        pairs, vecs, rest_pairs, rest_vecs, base, refs, parts, span_rates, values = state[lang]
        base, used = _fit_tails(
            base, refs, parts, span_rates, tails, budget, values, draws, exclude
        )
        kinds, risks = _pass(pairs, vecs, lang, base, embedder)
        counts = Counter(k for ks in kinds for k in ks)
        n = len(pairs)
        rates = {
            k: round((counts[k] + 0.5) / (n + 1), 5) if k in COVERAGE_KINDS else span_rates[k]
            for k in keys
        }
        limit_parts = [(kinds, risks)]
        if omission_refs:
            limit_parts.append(_pass(rest_pairs, rest_vecs, lang, base, embedder))
        all_risks = np.concatenate([r for _, r in limit_parts])
        points: list[tuple[float, float]] = []
        for p in (1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005):
            r = float(np.quantile(all_risks, 1 - p))
            if not points or r > points[-1][0]:
                points.append((round(r, 4), p))
        alone = tuple(k for k in sorted(COVERAGE_ALONE) if rates.get(k, 1.0) <= ALONE_RATE)
        span_alone = span_alone_kinds(parts[0], rates, budget, parts[1:], values, draws, exclude)
        alone += span_alone
        cal = replace(base, kind_rates=rates, risk_points=tuple(points), alone_kinds=())
        fits = [
            _evidence_limit(
                ks, rs, cal, set(alone), alone_share(parts, set(span_alone), draws), budget
            )
            for ks, rs in limit_parts
        ]
        limit, flagged, room = max(fits)
        ev = np.array([evidence(ks, r, cal) for ks, r in zip(kinds, risks, strict=True)])
        by_alone = np.array([bool(ks & set(alone)) for ks in kinds])
        ev = np.where(by_alone, np.maximum(ev, ALONE_FACTOR * limit), ev)
        out.append(f"[languages.{lang}]")
        out.append(f"# coverage tails used: omission {used[0]:.4f}, unrelated {used[1]:.4f}")
        out += [f"# {line}" for line in left_out(parts, rates, span_alone, budget, draws, exclude)]
        out.append(
            "# evidence limit (the largest over the sample and the rest of the calibration half): "
            + "; ".join(f"{f[1]:.4f} flagged alone, room {f[2]:.4f}" for f in fits)
        )
        out += [f"{k} = {getattr(base, k):.4f}" for k in _SCALARS]
        out.append(f"evidence_limit = {limit:.4f}")
        out.append("alone_kinds = [" + ", ".join(f'"{k}"' for k in alone) + "]")
        out.append("kind_rates = { " + ", ".join(f"{k} = {v}" for k, v in rates.items()) + " }")
        out.append("risk_points = [" + ", ".join(f"[{r}, {p}]" for r, p in points) + "]")
        for key in ("omission_model", "unrelated_model", "name_model"):
            out += [f"[languages.{lang}.{key}]", *_model_toml(getattr(base, key))]
        out.append("")
        print(f"calibrated {lang}: {sum(e >= limit for e in ev)}/{n} sample references above the "
              f"limit; estimated flagged {flagged + room:.4f}")  # fmt: skip
    return "\n".join(out)


#: Corruptions that apply to few lines (FLORES and NTREX English rarely has a loaded label or a
#: hedge to remove): made on every line of the measured half where they apply, not only on the
#: sample, so that n is as large as the material allows.
WHOLE_HALF = frozenset({"label made neutral", "hedge removed", "hedge removed (source hedged)"})


class _Fixed:
    """Hands back clause vectors already computed (the calibration's second pass); texts it
    was not given (the name check's masked clauses, ``namemeaning``) go to ``fallback``."""

    def __init__(
        self, pairs: Sequence[tuple[str, str]], vecs: Sequence[object], fallback: object = None
    ) -> None:
        self.fallback = fallback
        self.rows: dict[str, np.ndarray] = {}
        for (s, t), v in zip(pairs, vecs, strict=True):
            if v is None:
                continue
            for text, spans, matrix in (
                (s, v.source_spans, v.source),  # type: ignore[attr-defined]
                (t, v.translation_spans, v.translation),
            ):  # type: ignore[attr-defined]
                for (a, b), row in zip(spans, matrix, strict=True):
                    self.rows[text[a:b]] = row
        self.signature = "emb:fixed"

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.rows]
        if missing:
            if self.fallback is None:
                raise KeyError(f"no vector for {missing[0]!r} and no embedder to make one")
            got = self.fallback.embed(missing)  # type: ignore[attr-defined]
            self.rows.update(zip(missing, np.asarray(got, dtype=np.float32), strict=True))
        return np.stack([self.rows[t] for t in texts])


def _model_toml(m: CoverageModel) -> list[str]:
    def nums(values: Sequence[float]) -> str:
        return "[" + ", ".join(f"{v:.5g}" for v in values) + "]"

    return [
        "features = [" + ", ".join(f'"{n}"' for n in m.features) + "]",
        f"mean = {nums(m.mean)}", f"scale = {nums(m.scale)}", f"weights = {nums(m.weights)}",
        f"bias = {m.bias:.5g}", f"typical = {m.typical:.5g}", f"limit = {m.limit:.5g}",
    ]  # fmt: skip


#: Kinds firing on at most this share of calibration references may flag a pair on their own.
ALONE_RATE = 0.03
#: Share of the false-flag budget that kinds flagging alone may take; the rest is left to
#: pairs whose evidence adds up (names with coverage, negation with a hedge...). With the
#: budget at 3.75 % (the margin below the 5 % target) 0.91 keeps the span kinds and coverage
#: at the 3.4 % they had as 0.85 of a 4 % budget and takes the whole margin from added-up
#: evidence, which found 0.04-0.09 of swapped names and flipped negation on dev and is the
#: least certain part (its room is read on 462 and 1,034 lines). Since session 6 the span
#: kinds are counted at the share a part nobody read reaches (:class:`DocDraws`, 90th
#: percentile) and the budget is 4.25 %: the margin the 3.75 % held for part-to-part
#: variation is in that percentile now.
ALONE_SHARE = 0.91


#: The order span and surface kinds are given the budget in: what no faithful translation does
#: (source copied, wrong language, repetition), then the facts the issue names first (figures,
#: labels, modality), then the claims' wording: hedges, names and negation, cheapest first (see
#: :func:`alone_order`). The coverage kinds (omission, addition, unrelated) get their own share
#: (``_fit_tails``).
ALONE_PRIORITY = (
    "untranslated", "wrong_language", "repetition", "number", "label", "modality", "hedge",
    "name", "negation",
)  # fmt: skip
#: The kinds of :data:`ALONE_PRIORITY` taken in order of what they buy, not of the list.
BY_RATE = frozenset({"hedge", "name", "negation"})
#: Kinds that never flag alone, whatever their rate on the parts the calibration reads: each
#: time names were let flag alone, their rate on the final part (which nobody reads) came out
#: far above their rate on the read parts the name rules were written on — session 5 (ky
#: alone: 6.1 % of final references flagged against 3.4 % on dev) and session 7 (all three
#: languages: 5.1 / 5.8 / 4.7 % flagged on final with names alone, dev 3.4 / 3.8 / 2.5 %; with
#: names never alone and the calibration re-run, 4.3 / 4.8 / 4.7 % on final, measured after
#: seeing the first run). Names stay evidence (``name`` and ``name_weak`` add to a line's risk)
#: until a part nobody read shows their rate holds.
#:
#: Session 18 (fname18): empty. Names' strong direction is no longer a hand rule written from
#: read fires but the name model's score (:func:`fit_name_model`, out of fold by document on
#: the calibration half, its limit at :data:`NAME_TAIL` of the references); names flag alone
#: where the budget lets them, as hedges and negation do. The final part must confirm it.
NEVER_ALONE: frozenset[str] = frozenset()
#: The benchmark's corruptions each of them is there to find (recall per false flag, below).
FINDS: dict[str, tuple[Corrupt, ...]] = {
    "hedge": (add_hedge, remove_hedge),
    "name": (swap_name,),
    "negation": (flip_negation,),
}


def alone_order(rates: dict[str, float], values: dict[str, float] | None = None) -> list[str]:
    """:data:`ALONE_PRIORITY` with the kinds of :data:`BY_RATE` sorted by what the budget buys
    with them: ``values`` (the recall a kind alone gives on its corruptions, summed over them)
    per false flag, highest first; without values, the lowest rate first. On the calibration
    half at main 6dd36ea, kk: hedges found 1.4 corruption rows' worth at 1.0 % false fires,
    negation 0.7 at 0.6 %, names 0.3 at 0.7 % — cheapest first would have spent the room on
    names and dropped hedges (hedge added 0.86 -> 0.10 on dev)."""
    fixed = [k for k in ALONE_PRIORITY if k not in BY_RATE]
    claims = [k for k in ALONE_PRIORITY if k in BY_RATE]
    if values is None:
        return fixed + sorted(claims, key=lambda k: rates.get(k, 1.0))
    return fixed + sorted(claims, key=lambda k: -values.get(k, 0.0) / max(1e-9, rates.get(k, 1.0)))


def claim_values(
    lines: Sequence[Line], lang: str, base: LanguageCalibration, seed: int,
    embedder: object = None,
) -> dict[str, float]:  # fmt: skip
    """For each kind of :data:`FINDS`, the share of its corruptions (made on ``lines``) on which
    the kind's certain direction fires, summed over its corruptions (span checks; names and
    negations also by meaning when ``embedder`` is given: only they read it, and only their
    copies are embedded)."""
    rng = random.Random(seed)
    pools = Pools(
        tuple(sorted({n for ln in lines for _, _, n in _whole_names(ln.en)})), tuple(lines)
    )
    values: dict[str, float] = {}
    for kind, fns in FINDS.items():
        total = 0.0
        for fn in fns:
            pairs = [(ln.src[lang], bad) for ln in lines if (bad := fn(ln, lang, rng, pools))]
            pairs = [(s, t) for s, t in pairs if t]
            if not pairs:
                continue
            results = check_pairs(
                [p[0] for p in pairs], [p[1] for p in pairs], lang,
                calibration=Calibration("pass-1", "", {lang: base}),
                embedder=embedder if kind in ("name", "negation") else None,  # type: ignore[arg-type]
            )  # fmt: skip
            total += sum(kind in evidence_keys(r.issues) for r in results) / len(results)
        values[kind] = round(total, 3)
    return values


def span_alone_kinds(
    kinds: Sequence[set[str]], rates: dict[str, float], budget: float,
    others: Sequence[Sequence[set[str]]] = (), values: dict[str, float] | None = None,
    draws: DocDraws | None = None, exclude: frozenset[str] = frozenset(),
) -> tuple[str, ...]:  # fmt: skip
    """Span and surface kinds that flag on their own: in :func:`alone_order`, each kind
    firing on at most ``ALONE_RATE`` of the references is added while the references flagged by
    any chosen kind stay within :func:`span_share` of the budget, on ``kinds`` and on every part
    of ``others`` (the share is the largest over the parts: a rule written by reading one part's
    false fires flatters that part, so the part it was not written on is the honest one; with
    ``draws``, the share a part nobody read reaches, see :class:`DocDraws`); kinds in
    ``exclude`` never flag alone (:func:`calibrate`: claim kinds that do not fit in every
    language). A kind
    precise enough alone but with no room left stays evidence that needs company (another kind,
    or coverage)."""
    chosen: list[str] = []
    for kind in alone_order(rates, values):
        if rates.get(kind, 1.0) > ALONE_RATE or kind in exclude:
            continue
        trial = set(chosen) | {kind}
        if alone_share([kinds, *others], trial, draws) <= span_share(budget):
            chosen.append(kind)
    return tuple(chosen)


def left_out(
    parts: Sequence[Sequence[set[str]]], rates: dict[str, float], chosen: Sequence[str],
    budget: float, draws: DocDraws | None = None, exclude: frozenset[str] = frozenset(),
) -> list[str]:  # fmt: skip
    """For each span kind of :data:`ALONE_PRIORITY` that does not flag alone, its rate (the
    larger over the parts) and the rate at which it would fit beside the kinds chosen: what a
    detector change has to reach on the part its rules were not written on."""
    out = []
    used = alone_share(parts, set(chosen), draws)
    for kind in ALONE_PRIORITY:
        if kind in chosen:
            continue
        fit = max(0.0, span_share(budget) - used)
        out.append(
            f"not alone: {kind} fires on {100 * rates.get(kind, 1.0):.2f} % of references; "
            f"it would fit at {100 * fit:.2f} % or less (not counting overlaps)"
            + (
                "; it never flags alone (NEVER_ALONE: its rate on unread text exceeded the "
                "read parts' twice)"
                if kind in NEVER_ALONE
                else "; it does not fit alone in every language"
                if kind in exclude
                else ""
            )
        )
    return out


def span_share(budget: float, tails: tuple[float, float] = SPAN_ROOM_TAILS) -> float:
    """The share of references the span kinds flagging alone may take: ``ALONE_SHARE`` of the
    budget less the least the coverage models keep (``MIN_TAIL_PART`` of ``tails``, by default
    :data:`SPAN_ROOM_TAILS`), so that span kinds, coverage and pairs whose evidence adds up stay
    within the budget together."""
    return max(0.0, ALONE_SHARE * budget - MIN_TAIL_PART * sum(tails))


def alone_share(
    parts: Sequence[Sequence[set[str]]], kinds: set[str], draws: DocDraws | None = None
) -> float:
    """The share of references on which any of ``kinds`` fires: the largest over the parts,
    or, with ``draws``, what a part nobody read reaches (:meth:`DocDraws.share`)."""
    if draws is not None:
        return draws.share([bool(ks & kinds) for part in parts for ks in part])
    return max(
        (sum(bool(ks & kinds) for ks in part) / len(part) for part in parts if part), default=0.0
    )


def honest_rates(
    parts: Sequence[Sequence[set[str]]], keys: Sequence[str], draws: DocDraws | None = None
) -> dict[str, float]:
    """Each evidence key's false-fire rate, ``(count + 0.5) / (n + 1)``: the largest over the
    parts (see :func:`span_alone_kinds` for why the largest), or, with ``draws``, what a part
    nobody read reaches (:meth:`DocDraws.share`)."""
    if draws is not None:
        return {
            k: round(draws.share([k in ks for part in parts for ks in part], smooth=True), 5)
            for k in keys
        }
    return {
        k: round(
            max((sum(k in ks for ks in part) + 0.5) / (len(part) + 1) for part in parts if part), 5
        )
        for k in keys
    }


#: Size of a part nobody read, in lines: the measurement half's dev and final parts are 755
#: and 743 lines.
PART_SIZE = 750
#: The share a part nobody read reaches is read at this quantile of the parts drawn.
DOC_QUANTILE = 0.9
#: Parts drawn.
DRAWS = 1000


class DocDraws:
    """Parts of :data:`PART_SIZE` lines drawn by whole documents, with replacement, from the
    union of the parts a calibration reads (the calibration half and dev): the false-fire
    shares a part nobody read may show.

    Why documents: lines of one document share names, figures and style, so a kind fires in
    bursts (ky names: 10 of 1,496 calibration-half lines, but up to 3 in one document). A
    line-level rate, or the larger of two parts' rates, reads one draw of that variation;
    session 5's operating point, fitted that way, held kk/ky/ru at 3.4 / 3.4 / 2.9 % on dev
    and gave 4.0 / **6.1** / 3.8 % on the final part. A share is read at the
    :data:`DOC_QUANTILE` of the draws: the budget then holds on nine parts in ten of the
    documents this material has, not on the average part."""

    def __init__(
        self, docs: Sequence[Sequence[object]], size: int = PART_SIZE, draws: int = DRAWS,
        quantile: float = DOC_QUANTILE, seed: int = 0,
    ) -> None:  # fmt: skip
        """``docs``: the document of each line, per part, in the parts' line order."""
        flat = [d for part in docs for d in part]
        ids = {d: i for i, d in enumerate(dict.fromkeys(flat))}
        self.index = np.array([ids[d] for d in flat], dtype=int)
        self.lines = np.bincount(self.index, minlength=len(ids)).astype(float)
        rng = np.random.default_rng(seed)
        self.picks = np.zeros((draws, len(ids)))
        for row in self.picks:
            total = 0.0
            while total < size:
                j = int(rng.integers(len(ids)))
                row[j] += 1
                total += self.lines[j]
        self.quantile = quantile

    def share(self, hits: Sequence[bool], smooth: bool = False) -> float:
        """The :data:`DOC_QUANTILE` of the share of lines with a hit over the parts drawn
        (``hits``: one per line, in the order the documents were given); ``smooth`` counts
        half a hit more in each part, as a rate does (a kind never seen is not certain)."""
        counts = np.bincount(self.index, weights=np.asarray(hits, float), minlength=len(self.lines))
        hit, n = self.picks @ counts, self.picks @ self.lines
        shares = (hit + 0.5) / (n + 1) if smooth else hit / n
        return float(np.quantile(shares, self.quantile))


_SCALARS = (
    "similarity_typical", "similarity_limit", "omission_typical", "omission_limit",
    "addition_typical", "addition_limit", "length_typical", "length_low", "length_high",
)  # fmt: skip


# ── measurement ──────────────────────────────────────────────────────────────────────────────


def auroc(bad: Sequence[float], good: Sequence[float]) -> float:
    """P(score of a corrupted pair < score of an untouched one), ties counted half."""
    if not bad or not good:
        return math.nan
    g = np.sort(np.asarray(good))
    total = 0.0
    for b in bad:
        lo = np.searchsorted(g, b, side="left")
        hi = np.searchsorted(g, b, side="right")
        total += (len(g) - hi) + 0.5 * (hi - lo)
    return total / (len(bad) * len(g))


def measure(
    lines: Sequence[Line], lang: str, n: int, rng: random.Random, pools: Pools, embedder: object,
    show: int, calibration: Calibration | None = None,
) -> tuple[dict[str, tuple[int, float, float]], list[bool], Counter[str]]:  # fmt: skip
    """Recall and AUROC per corruption, whether each untouched line was flagged (in ``lines``'
    order) and the kinds that fired, under ``calibration`` (the committed one when None).

    Corruptions are made on a sample of ``n`` lines (every line where it applies for
    :data:`WHOLE_HALF`); the faithful class is every untouched line of the part, so the
    false-flag rate is measured on several hundred references, not on the sample alone."""
    sample = rng.sample(list(lines), min(n, len(lines)))
    pairs: list[tuple[str, str, str]] = [("clean", ln.src[lang], ln.en) for ln in lines]
    for name, (fn, _) in CORRUPTIONS.items():
        for ln in lines if name in WHOLE_HALF else sample:
            bad = fn(ln, lang, rng, pools)
            if bad and bad != ln.en:
                pairs.append((name, ln.src[lang], bad))
    results = check_pairs(
        [p[1] for p in pairs],
        [p[2] for p in pairs],
        lang,
        embedder=embedder,  # type: ignore[arg-type]
        calibration=calibration,
    )
    by: dict[str, list[tuple[float, bool, str, str]]] = defaultdict(list)
    fired: Counter[str] = Counter()
    for (name, _, text), r in zip(pairs, results, strict=True):
        by[name].append((r.score, r.flagged, text, "+".join(sorted({i.kind for i in r.issues}))))
        if name == "clean":
            fired.update({i.kind for i in r.issues})
    clean = [s for s, *_ in by["clean"]]
    false_flags = [f for _, f, *_ in by["clean"]]
    rows = {}
    for name in CORRUPTIONS:
        got = by.get(name, [])
        recall = sum(f for _, f, *_ in got) / len(got) if got else math.nan
        rows[name] = (len(got), recall, auroc([s for s, *_ in got], clean))
        misses = [t for _, f, t, _ in got if not f][:show]
        for t in misses:
            print(f"    miss [{lang}] {name}: {t[:150]}")
    for _, f, t, kinds in by["clean"]:
        if f and show:
            print(f"    false flag [{lang}] {kinds}: {t[:150]}")
    return rows, false_flags, fired


def document_interval(
    flags: Sequence[bool], docs: Sequence[object], draws: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """The 95 % interval of a part's flagged share with its documents resampled (with
    replacement), not its lines: lines of one document share names, figures and style, so
    their flags are not independent and the line-level (binomial) interval is too narrow."""
    ids = {d: i for i, d in enumerate(dict.fromkeys(docs))}
    if not ids:
        return (math.nan, math.nan)
    index = np.array([ids[d] for d in docs])
    hits = np.bincount(index, weights=np.asarray(flags, float), minlength=len(ids))
    lines = np.bincount(index, minlength=len(ids)).astype(float)
    picks = np.random.default_rng(seed).integers(0, len(ids), size=(draws, len(ids)))
    shares = hits[picks].sum(1) / lines[picks].sum(1)
    lo, hi = np.quantile(shares, [0.025, 0.975])
    return float(lo), float(hi)


def speed(
    lines: Sequence[Line], n: int, embedder_factory: Callable[[], object], chunk: int = 100
) -> None:
    """Time embedding the sentences of n pairs vs checking them, with fresh embedders.

    The pairs (kk/ky/ru in turn) are cut into chunks of ``chunk`` pairs of one language; each
    chunk is embedded (its source and translation sentences) and checked (one ``check_pairs``
    call, as a user's file is), the two in alternating order, so that the machine's load
    (other jobs on shared cores) falls on both about equally. Printed: the totals, their ratio
    and the median of the per-chunk ratios.
    """
    langs = list(SOURCES)
    pick = [lines[i % len(lines)] for i in range(n)]
    jobs: list[tuple[str, list[str], list[str]]] = []
    for k, lang in enumerate(langs):
        part = pick[k::3]
        for start in range(0, len(part), chunk):
            rows = part[start : start + chunk]
            jobs.append((lang, [ln.src[lang] for ln in rows], [ln.en for ln in rows]))
    totals = {"embed": 0.0, "check": 0.0}
    ratios: list[float] = []
    for j, (lang, sources, translations) in enumerate(jobs):
        took: dict[str, float] = {}
        for what in ("embed", "check") if j % 2 == 0 else ("check", "embed"):
            emb = embedder_factory()
            emb.embed(["warm up"])  # type: ignore[attr-defined]
            t = time.perf_counter()
            if what == "embed":
                emb.embed(sources + translations)  # type: ignore[attr-defined]
            else:
                check_pairs(sources, translations, lang, embedder=emb)  # type: ignore[arg-type]
            took[what] = time.perf_counter() - t
            totals[what] += took[what]
        ratios.append(took["check"] / took["embed"])
    e, c = totals["embed"], totals["check"]
    print(f"\n## Speed: {n} sentence pairs (kk/ky/ru), {len(jobs)} chunks, fresh uncached e5-small")
    print(f"embed {2 * n} sentences: {e:.1f}s")
    print(f"check {n} pairs:        {c:.1f}s")
    print(
        f"ratio check/embed = {c / e:.2f} (target <= 1.3); per-chunk median "
        f"{float(np.median(ratios)):.2f} (range {min(ratios):.2f}-{max(ratios):.2f})"
    )


def report(
    lines: Sequence[Line], langs: Sequence[str], args: argparse.Namespace, pools: Pools,
    embedder: object, calibration: Calibration | None = None,
) -> None:  # fmt: skip
    """Measure every language under ``calibration`` and print the tables."""
    table: dict[str, dict[str, tuple[int, float, float]]] = {}
    flags: dict[str, list[bool]] = {}
    fired: dict[str, Counter[str]] = {}
    for lang in langs:
        table[lang], flags[lang], fired[lang] = measure(
            lines, lang, args.n, random.Random(args.seed), pools, embedder, args.show, calibration
        )
    print("\n## Recall at the operating point / AUROC (n) per corruption and language")
    print("| corruption | target | " + " | ".join(langs) + " |")
    print("|---|---:|" + "---:|" * len(langs))
    for name, (_, target) in CORRUPTIONS.items():
        cells = [
            f"{r:.2f} / {a:.2f} ({k})" if k else "-"
            for k, r, a in (table[lang][name] for lang in langs)
        ]
        print(f"| {name} | {target or 'report'} | " + " | ".join(cells) + " |")
    docs = [(ln.corpus, ln.doc) for ln in lines]
    print(f"\n## Untouched references flagged (target <= 0.05), all {len(lines)} lines of the part "
          f"({len(set(docs))} documents)")  # fmt: skip
    for lang in langs:
        kinds = ", ".join(f"{k} {v}" for k, v in fired[lang].most_common())
        rate = sum(flags[lang]) / max(1, len(flags[lang]))
        half = 1.96 * math.sqrt(max(rate * (1 - rate), 1e-9) / max(1, len(lines)))
        lo, hi = document_interval(flags[lang], docs)
        print(
            f"{lang}: {rate:.3f} = {sum(flags[lang])} of {len(flags[lang])} (95% interval "
            f"{max(0.0, rate - half):.3f}-{rate + half:.3f}; by document {lo:.3f}-{hi:.3f})   "
            f"kinds fired: {kinds or '-'}"
        )


def calibration_parts(
    cal_lines: Sequence[Line], dev_lines: Sequence[Line], outside: Sequence[Line],
    hold_out_dev: bool,
) -> tuple[dict[str, Sequence[Line]], Sequence[Line]]:  # fmt: skip
    """The parts :func:`calibrate` reads besides its sample: the span kinds' parts and the
    unrelated model's extra references. Committed: the calibration half and dev, and dev's
    references (lines the word lexicon never saw). Held out (``--hold-out-dev``, session 20):
    no dev line at all — the calibration half alone, and the calibration-half references
    outside the sample (the lexicon learned from most of them: their unrelated log-odds are
    lower than unseen text's, so the limit they set errs towards firing more)."""
    if hold_out_dev:
        return {"calibration half": cal_lines}, outside
    return {"calibration half": cal_lines, "dev": dev_lines}, dev_lines


def held_out_refusal(args: argparse.Namespace) -> str | None:
    """Why ``--hold-out-dev`` (or ``--calibration``) cannot run as asked, or None: the held-out
    calibration is fitted in the same run (``--calibrate``), never overwrites the committed
    file, and is measured on dev (or on the calibration half) only."""
    committed = args.calibration.resolve() == CALIBRATION_FILE.resolve()
    if args.hold_out_dev:
        if not args.calibrate:
            return "--hold-out-dev fits a calibration without dev: give --calibrate too"
        if committed:
            return ("--hold-out-dev must not overwrite the committed calibration: give "
                    "--calibration a file elsewhere (e.g. /tmp/heldout.toml)")  # fmt: skip
        if args.on not in ("dev", "calibration"):
            return f"--hold-out-dev measures on dev (or calibration), not --on {args.on}"
    if args.calibration.is_dir():
        return f"--calibration {args.calibration} is a folder, not a calibration file"
    return None


def main() -> None:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    from workbench.testsets import shared_data  # ../../shared/data from a git worktree

    ap.add_argument("--data", type=Path, default=shared_data())
    ap.add_argument("--calibrate", action="store_true", help="write the calibration file first")
    ap.add_argument("--quantile", type=float, default=0.995, help="coverage flag quantile")
    ap.add_argument(
        "--budget", type=float, default=0.0425,
        help="share of references flagged (span kinds counted at the share a part nobody read "
        "reaches, see DocDraws)",
    )  # fmt: skip
    ap.add_argument(
        "--omission-tail",
        type=float,
        default=NOMINAL_TAILS[0],
        help="share of calibration references the omission model reports",
    )
    ap.add_argument(
        "--unrelated-tail",
        type=float,
        default=NOMINAL_TAILS[1],
        help="share of calibration references the unrelated model reports",
    )
    ap.add_argument("--n", type=int, default=200, help="measured references per language")
    ap.add_argument(
        "--n-cal", type=int, default=0,
        help="calibration sample size (0, the default: every calibration-half line the word "
        "lexicon never saw, 462)",
    )  # fmt: skip
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--speed-n", type=int, default=1000, help="0 skips the speed ratio")
    ap.add_argument("--show", type=int, default=2, help="misses and false flags to print")
    ap.add_argument("--langs", default="kk,ky,ru")
    ap.add_argument("--no-embedder", action="store_true", help="span checks only (fast)")
    ap.add_argument(
        "--on", choices=("final", "dev", "calibration", "measurement"), default="final",
        help="part to measure the table on: develop on 'calibration' (the calibration half outside "
        "the calibration sample) and 'dev' (the measurement half's first documents); report "
        "'final' (its other documents, never tuned to); 'measurement' is dev + final",
    )  # fmt: skip
    ap.add_argument(
        "--embedding-cache",
        type=Path,
        default=None,
        help="SQLite file keeping vectors between runs (development)",
    )
    ap.add_argument(
        "--calibration", type=Path, default=CALIBRATION_FILE,
        help="the calibration file --calibrate writes and the table is measured with (default: "
        "the committed one)",
    )  # fmt: skip
    ap.add_argument(
        "--hold-out-dev", action="store_true",
        help="with --calibrate: fit without any dev line (span kinds' rates and shares from the "
        "calibration half alone, the unrelated model's limit on the calibration-half references "
        "outside the sample) into --calibration, a file other than the committed one; then "
        "measure --on dev with it: the rate dev gets when no dev line was read",
    )  # fmt: skip
    args = ap.parse_args()
    started = time.perf_counter()
    langs = args.langs.split(",")
    if args.calibrate and sorted(langs) != sorted(SOURCES):
        ap.error("--calibrate rewrites the whole calibration file: run it for kk,ky,ru")
    if args.calibrate and args.no_embedder:
        ap.error("--calibrate fits the coverage models on clause vectors: drop --no-embedder")
    if args.n_cal < 0 or args.n < 0 or not 0 < args.budget < 1:
        ap.error("--n and --n-cal must be 0 or more and --budget a share between 0 and 1")
    if not args.data.is_dir():
        ap.error(f"--data {args.data} is not a folder")
    hold_out_error = held_out_refusal(args)
    if hold_out_error:
        ap.error(hold_out_error)
    if not args.calibrate and not args.calibration.is_file():
        ap.error(f"--calibration {args.calibration} is no file (write one with --calibrate)")
    cal_lines, meas_lines = load(args.data)
    rng = random.Random(args.seed)
    # in memory: each source clause is embedded once
    embedder = None if args.no_embedder else create_embedder(cache=True)
    if embedder is not None and args.embedding_cache is not None:
        embedder = CachingEmbedder(embedder.inner, args.embedding_cache)  # type: ignore[attr-defined]
    unseen = [ln for ln in cal_lines if not lexicon_line(ln)]
    sample = rng.sample(unseen, min(args.n_cal or len(unseen), len(unseen)))
    used = {(ln.corpus, ln.index) for ln in sample}
    outside = [ln for ln in cal_lines if (ln.corpus, ln.index) not in used]
    dev_lines, final_lines = split_measurement(meas_lines)
    if args.calibrate:
        tails = (args.omission_tail, args.unrelated_tail)
        span_parts, unrelated_refs = calibration_parts(
            cal_lines, dev_lines, outside, args.hold_out_dev
        )
        text = calibrate(
            sample, langs, args.quantile, args.budget, embedder, tails, args.seed,
            span_parts=span_parts, omission_refs=outside, unrelated_refs=unrelated_refs,
        )  # fmt: skip
        args.calibration.write_text(text, encoding="utf-8")
        print(f"wrote {args.calibration}")
    calibration = load_calibration(args.calibration)
    measured = {
        "calibration": outside, "dev": dev_lines, "final": final_lines, "measurement": meas_lines
    }[args.on]  # fmt: skip
    names = sorted({name for ln in measured for _, _, name in _whole_names(ln.en)})
    pools = Pools(tuple(names), tuple(measured))
    print(f"# faithfulness benchmark  seed={args.seed} n={args.n} per language")
    print(f"calibration: {args.calibration}: {calibration.name} ({calibration.data})")
    if args.hold_out_dev:
        print("held out: no dev line entered this calibration; dev is measured as unseen text")
    if args.on == "calibration":
        print("measured on: the CALIBRATION half (FLORES-200 dev lines 1-498 + NTREX-128 lines "
              "1-998) outside the calibration sample, for developing the detectors; not a "
              "result")  # fmt: skip
    else:
        where = {
            "dev": "the measurement half's DEV part, for developing (may be read)",
            "final": "the measurement half's FINAL part: the reported table, never tuned to",
            "measurement": "the whole measurement half",
        }[args.on]
        print(f"measured on: {where}: {line_ranges(measured)}; {len(measured)} lines")
        if args.on == "final" and args.show:
            print("warning: --show prints final-part lines; use --show 0 for the reported table")
    if args.n:
        report(measured, langs, args, pools, embedder, calibration)
    if args.speed_n:
        speed(meas_lines, args.speed_n, lambda: create_embedder(cache=False))
    print(f"\ntime {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
