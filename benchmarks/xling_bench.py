"""How the cross-lingual detectors behave on faithful translations (their false fires), and how
well a report clause's words tell an added clause from a retold one without a translation.

Compare runs without an English translation of a kk/ky/ru statement only the detectors that read
markers across languages. A marker rule must stay quiet where the English *does* retell the
statement faithfully, so each is run on the calibration halves of the project's parallel data
(statement = the kk/ky/ru line, report = its English reference) and every fire counts as a false
one:

* ``modality`` (a duty of the statement retold as a pledge, a proposal or an instruction as a
  decision, a description as a prescription; kind ``certainty``),
* ``cause`` (a cause or circumstance only the report gives, kind ``addition``),
* ``superlative`` (a superlative, record or "first" only the report gives, kind ``addition``),
* ``caveat`` (the statement's "but" clause the report does not retell, kind ``omission``),
* ``reaction`` (an official reaction retold at another grade, kind ``wording``), ``urgency``
  (the statement's "immediate" the report drops, kind ``omission``), ``scope`` (the
  statement's limit, "of local scale", "temporary", the report drops), ``promise`` (the
  speaker's "we will" the report drops; both kind ``omission``) and ``actor`` (a body, "the
  embassy", "the government", moved to another or dropped; kind ``attribution`` or ``omission``),
* ``refusal`` (a position retold as a refusal, "will not recognize"; kind ``certainty``) and
  ``directive`` (what an official asks retold at another grade, "recommends" → "urged"; kind
  ``wording``), ``party`` (a side of a conflict only the report names, "the Russian-Ukrainian
  conflict"; kind ``entity``), ``hearsay`` (what the statement gives to people, "people say",
  «говорят, что», retold without them; kind ``certainty``),
* the statement's assertion retold as an accusation ("accused"; kind ``attribution``),
* ``quantifier`` and ``hedge`` flags as the diff shows them (for the before/after of a change).

``--clauses`` also measures the generic addition signal that was *not* shipped: for the lines of
the NTREX calibration half the bilingual lexicon never saw (every third line), each clause of the
English reference (a retold clause) and each clause of another sentence of the same document (an
added clause), with 5+ content words: the share whose words render none of the statement's words
(:mod:`workbench.diff.bilexicon`). Nothing here reads the measuring halves.

Usage::

    PYTHONPATH=. .venv/bin/python benchmarks/xling_bench.py [--clauses]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from workbench.diff import Lexicon, find_differences, load_lexicon  # noqa: E402
from workbench.diff.bilexicon import (  # noqa: E402
    COGNATE,
    WORD,
    cognate_key,
    english_content,
    english_stem,
    load_bilexicon,
)
from workbench.faithfulness.coverage import punctuation_clauses  # noqa: E402
from workbench.testsets import shared_data  # noqa: E402

DATA = shared_data()  # ../shared/data, or ../../shared/data from a git worktree
#: (corpus, English file, {language: file}, calibration lines)
SETS = (
    ("NTREX-128", "ntrex128/eng_Latn.txt",
     {"kk": "ntrex128/kaz_Cyrl.txt", "ky": "ntrex128/kir_Cyrl.txt", "ru": "ntrex128/rus_Cyrl.txt"},
     998),
    ("FLORES-200 dev", "flores200-dev/eng_Latn.txt",
     {"kk": "flores200-dev/kaz_Cyrl.txt", "ky": "flores200-dev/kir_Cyrl.txt",
      "ru": "flores200-dev/rus_Cyrl.txt"},
     498),
)  # fmt: skip
#: Detectors counted by their category (one column each).
_MARKED = ("reaction", "urgency", "scope", "promise", "actor", "refusal", "directive", "party")
DETECTORS = (
    "number", "hedge", "attribution", "quantifier", "modality", "cause", "superlative", "caveat",
    "concept", "reaction", "urgency", "scope", "promise", "actor", "refusal", "directive", "party",
    "hearsay", "unnamed",
)  # fmt: skip


def _lines(rel: str, n: int) -> list[str]:
    path = DATA / rel
    if not path.exists():
        raise SystemExit(f"{path} is missing: this benchmark needs ../shared/data beside the repo.")
    return path.read_text(encoding="utf-8").splitlines()[:n]


def false_fires() -> None:
    """Flags of the marker detectors on faithful translations, per corpus and language."""
    lexicon = load_lexicon()
    print(
        "| corpus | lang | pairs | duty→pledge | proposal→decision | instruction→decision | description→prescription | cause | superlative | caveat | accused | quantifier | certainty (hedges) | concept (wording) | reaction | urgency | scope | promise | actor | refusal | directive | party | hearsay | unnamed |"
    )
    print(
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    for corpus, english, sources, n in SETS:
        eng = _lines(english, n)
        for lang, rel in sources.items():
            counts: Counter[str] = Counter()
            for src, ref in zip(_lines(rel, n), eng, strict=True):
                for d in find_differences(
                    src, ref, source=src, src=lang, lexicon=lexicon, detectors=DETECTORS
                ):
                    if d.detector in ("hearsay", "unnamed"):
                        counts[d.detector] += 1
                    elif "modality" in d.note:
                        counts[_shift(d.note)] += 1
                    elif d.kind == "addition" and "cause" in d.note:
                        counts["cause"] += 1
                    elif d.kind == "addition" and "superlative" in d.note:
                        counts["superlative"] += 1
                    elif d.kind == "omission" and "caveat" in d.note:
                        counts["caveat"] += 1
                    elif d.kind == "attribution" and "as a claim" in d.note:
                        counts["claim"] += 1
                    elif d.category in _MARKED:
                        counts[d.category] += 1
                    elif d.kind in ("quantifier", "certainty"):
                        counts[d.kind] += 1
                    elif d.kind == "wording":  # a lexicon concept (force, intensity)
                        counts[d.note.split(":")[0]] += 1
            print(f"| {corpus} | {lang} | {len(eng)} | {counts['modality']} | "
                  f"{counts['proposal']} | {counts['instruction']} | {counts['prescription']} | "
                  f"{counts['cause']} | {counts['superlative']} | "
                  f"{counts['caveat']} | "
                  f"{counts['claim']} | "
                  f"{counts['quantifier']} | {counts['certainty']} | "
                  f"{_concepts(counts, lexicon)} | {counts['reaction']} | "
                  f"{counts['urgency']} | {counts['scope']} | {counts['promise']} | "
                  f"{counts['actor']} | {counts['refusal']} | {counts['directive']} | "
                  f"{counts['party']} | {counts['hearsay']} | {counts['unnamed']} |")  # fmt: skip


def _shift(note: str) -> str:
    """The column of a ``modality`` difference: proposal, instruction, prescription, or the
    rest (a duty, a hope or a need retold firmly)."""
    for name in ("proposal", "instruction", "prescription"):
        if name in note:
            return name
    return "modality"


def _concepts(counts: Counter[str], lexicon: Lexicon) -> str:
    """Fires per lexicon concept ("force 1, intensity 3")."""
    names = dict.fromkeys(t.category for t in lexicon.concepts)
    return ", ".join(f"{name} {counts[name]}" for name in names) or "-"


_CUT = re.compile(
    r"\s*(?:[,;:()\[\]«»“”\"]|\s[—–-]\s)\s*|"
    r"\s+(?=(?:and|but|while|whereas|after|because|which|who|where|although|though|when)\s)",
    re.IGNORECASE,
)
_FRAME = frozenset(
    ["said", "says", "told", "stated", "added", "noted", "according", "reported", "announced"]
)


def _clauses(text: str, min_words: int = 4) -> list[str]:
    """The faithfulness stage's clause cutter, also cutting before conjunctions."""
    return [text[s:e] for s, e in punctuation_clauses(text, cut=_CUT, min_words=min_words)]


def _rendered_share(source: str, lang: str, clause: str) -> tuple[int, int]:
    """(content words of the English clause, how many render a source word)."""
    lex = load_bilexicon()
    stems: set[str] = set()
    cognates, digits = set(), set()
    for w in WORD.findall(source):
        if any(c.isdigit() for c in w):
            digits.add(w)
        else:
            stems.update(lex.translations(lang, w))
            if len(w) >= COGNATE:
                cognates.add(cognate_key(w))
    words = [w for w in WORD.findall(clause) if english_content(w) and w.lower() not in _FRAME]
    found = sum(
        (w in digits) if any(c.isdigit() for c in w)
        else (english_stem(w) in stems or (len(w) >= COGNATE and cognate_key(w) in cognates))
        for w in words
    )  # fmt: skip
    return len(words), found


def clause_study(seed: int = 0) -> None:
    """Retold vs added clauses: how often none of a clause's words renders the statement's."""
    eng = _lines("ntrex128/eng_Latn.txt", 998)
    docs = _lines("ntrex128/DOCUMENT_IDS.tsv", 998)
    by_doc: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_doc.setdefault(d, []).append(i)
    rng = random.Random(seed)
    print("\n| lang | retold clauses (5+ words) | none rendered | added clauses | none rendered |")
    print("|---|---:|---:|---:|---:|")
    for lang, rel in SETS[0][2].items():
        src = _lines(rel, 998)
        retold, added = [], []
        for i in range(0, 998, 3):  # lines the lexicon never learned from
            retold += [_rendered_share(src[i], lang, c) for c in _clauses(eng[i])]
            others = [j for j in by_doc[docs[i]] if j != i and abs(j - i) <= 8]
            if others:
                j = rng.choice(others)
                added += [_rendered_share(src[i], lang, c) for c in _clauses(eng[j])]
        r = [k for n, k in retold if n >= 5]
        a = [k for n, k in added if n >= 5]
        print(f"| {lang} | {len(r)} | {sum(k == 0 for k in r) / len(r):.3f} | {len(a)} | "
              f"{sum(k == 0 for k in a) / len(a):.3f} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clauses", action="store_true", help="also the clause-coverage study")
    args = parser.parse_args(argv)
    false_fires()
    if args.clauses:
        clause_study()
    return 0


if __name__ == "__main__":
    sys.exit(main())
