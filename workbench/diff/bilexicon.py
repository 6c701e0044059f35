"""A small kk/ky/ru → English word lexicon over stems, learned offline from parallel text.

Which English words a source word usually becomes: for each source stem (the first
:data:`SOURCE_STEM` letters of a word, lower-case, «ё» read as «е») the English stems
(:func:`english_stem`) with their
IBM Model 1 probabilities ``t(english | source)``, and how often one of them was present when
the source word was (its *hit rate* on the training text). ``scripts/make_bilexicon.py`` learns it from
parallel text that no measurement reads (Tatoeba rus-eng and kaz-eng, CC BY 2.0 FR; the
calibration halves of FLORES-200 dev and NTREX-128, CC BY-SA 4.0, except the lines the
faithfulness benchmark calibrates on) and writes ``workbench/data/bilexicon.tsv``.

It lives in the diff stage so that the diff stage (cross-lingual differences in Compare) and
the faithfulness stage (through ``workbench/faithfulness/diffapi.py``) read one copy.

Use::

    lex = load_bilexicon()
    for w in lex.coverage("Президент сегодня прибыл в Астану.", "The president arrived.", "ru"):
        print(w.word, w.covered)   # Президент 0.9..., сегодня 0.0, прибыл 0.6..., Астану 0.0...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from workbench.diff.text import STOPWORDS
from workbench.diff.translit import fold, same_name
from workbench.errors import UserInputError

#: Letters of a source word kept as its stem (Kazakh and Kyrgyz add endings, Russian inflects).
SOURCE_STEM = 5
#: Letters of an English stem (after one common suffix is stripped).
ENGLISH_STEM = 4
#: A word as the lexicon reads it, on either side (an apostrophe inside it kept: "don't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DIGITS = re.compile(r"\d")
#: A thousands separator between digits ("9,000", "9 000", "9.000").
_THOUSANDS = re.compile(r"(?<=\d)[,.\s\u00a0\u202f](?=\d{3}(?!\d))")
#: Fuzzy-ratio threshold for a name the lexicon does not know against the translation's
#: capitalised words (folded, case endings off; "Гиннесс" ~ "Guinness", "Артур" ~ "Arthur").
NAME_MATCH = 75.0
#: Fuzzy name comparisons per pair at most (a sentence has a few names; a line of hundreds
#: would take seconds): names past the budget are left out, neither rendered nor missing.
NAME_COMPARISONS = 2_000


def source_stem(word: str) -> str:
    """The lexicon key of a kk/ky/ru word: lower-case, «ё» as «е», first letters."""
    return word.lower().replace("ё", "е")[:SOURCE_STEM]


_EN_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "er", "ly", "s", "e", "y")


def english_stem(word: str) -> str:
    """The lexicon key of an English word: lower-case, one common suffix off (keeping three
    letters), first letters ("moved", "moving", "move" → "mov"; "states", "state" → "stat")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _EN_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:ENGLISH_STEM]


#: Letters of the romanised, folded form two words must share to count as cognates.
COGNATE = 4
#: Weight of a word matched by spelling when the lexicon file carries no measured rate (see
#: :attr:`BiLexicon.spelling`): even odds.
SPELLING_UNMEASURED = 0.5


@functools.lru_cache(maxsize=65536)
def cognate_key(word: str) -> str:
    """The first letters of a word's folded romanised form (c and k read alike)."""
    return fold(word).replace("c", "h")[:COGNATE]


def english_content(word: str) -> bool:
    """True for an English word the lexicon translates into (no stop word, no lone letter)."""
    return len(word) > 1 and word.lower() not in STOPWORDS


@dataclass(frozen=True)
class WordCoverage:
    """How well one source word is rendered in a translation.

    Attributes:
        word: The source word as written.
        span: Its character span in the source.
        covered: 1 when one of the word's usual English translations (or, for a number, the
            same digits) occurs in the translation, else 0.
        weight: How often the word is rendered so in faithful translations (its hit rate on
            the lexicon's training text; 1 for numbers): an unrendered word with a high rate
            is strong evidence of an omission, one with a low rate weak.
        kind: ``lexicon`` (a word the lexicon knows), ``number`` (digits) or ``spelling`` (a
            word it does not know, matched by spelling: a romanised cognate such as
            "университета" ~ "University", or a capitalised word read as a name, "Артур" ~
            "Arthur").
    """

    word: str
    span: tuple[int, int]
    covered: float
    weight: float = 1.0
    kind: str = "lexicon"


@dataclass(frozen=True, eq=False)
class BiLexicon:
    """Source stem → {English stem: probability}, per source language (compared and hashed
    by identity, so that a pair's coverage can be cached per lexicon)."""

    entries: Mapping[str, Mapping[str, Mapping[str, float]]] = field(default_factory=dict)
    signature: str = "bilex:none"
    #: The hit rate of each source stem (see :class:`WordCoverage`), per language.
    hits: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    #: Per language, how often a word matched by spelling (kind ``spelling``) is rendered in
    #: faithful translations: measured on the training text, the weight of such words.
    spelling: Mapping[str, float] = field(default_factory=dict)

    def translations(self, lang: str, word: str) -> Mapping[str, float]:
        """The usual English stems of a source word (empty when the lexicon does not know it)."""
        return self.entries.get(lang, {}).get(source_stem(word), {})

    def coverage(self, source: str, translation: str, lang: str) -> list[WordCoverage]:
        """Each source word the lexicon knows (or holding digits), with how well the
        translation renders it, in source order. Words the lexicon does not know are left
        out: they say nothing either way."""
        tokens = WORD.findall(translation)
        english = {english_stem(w) for w in tokens}
        cognates = {cognate_key(w) for w in tokens if len(w) >= COGNATE}
        digits = {
            w for w in tokens + WORD.findall(_THOUSANDS.sub("", translation)) if _DIGITS.search(w)
        }
        capitals = sorted({w for w in tokens if w[:1].isupper() and len(w) >= 3})
        budget = NAME_COMPARISONS
        table, hits = self.entries.get(lang, {}), self.hits.get(lang, {})
        spelled = self.spelling.get(lang, SPELLING_UNMEASURED)
        out: list[WordCoverage] = []
        for k, m in enumerate(WORD.finditer(source)):
            word = m.group()
            if _DIGITS.search(word):
                out.append(WordCoverage(word, m.span(), float(word in digits), 1.0, "number"))
                continue
            key = source_stem(word)
            options = table.get(key)
            cognate = len(word) >= COGNATE and cognate_key(word) in cognates
            if options:
                found = cognate or any(e in english for e in options)
                out.append(WordCoverage(word, m.span(), float(found), hits.get(key, 0.5)))
            elif cognate:
                out.append(WordCoverage(word, m.span(), 1.0, spelled, "spelling"))
            elif k > 0 and word[:1].isupper() and len(word) >= COGNATE:
                if budget < len(capitals):
                    continue
                budget -= len(capitals)
                found = any(_same_name(word, w) for w in capitals)
                out.append(WordCoverage(word, m.span(), float(found), spelled, "spelling"))
        return out


@functools.lru_cache(maxsize=65536)
def _same_name(word: str, english: str) -> bool:
    return same_name(word, english, threshold=NAME_MATCH)


def default_bilexicon_path() -> Path:
    """The lexicon shipped with the workbench."""
    return Path(str(resources.files("workbench") / "data" / "bilexicon.tsv"))


@functools.lru_cache(maxsize=4)
def load_bilexicon(path: str | Path | None = None) -> BiLexicon:
    """Read a lexicon file (the shipped one when ``path`` is None); cached per path.

    The file is tab-separated: a ``# signature`` line, then ``lang  source-stem  count
    hit-rate  english-stem:probability ...`` per row; a row whose stem is ``@spelling`` gives
    the language's rate for words matched by spelling (no translations).

    Raises:
        UserInputError: when the file is missing or malformed.
    """
    file = Path(path) if path is not None else default_bilexicon_path()
    entries: dict[str, dict[str, dict[str, float]]] = {}
    hits: dict[str, dict[str, float]] = {}
    spelling: dict[str, float] = {}
    signature = "bilex:unsigned"
    try:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("# signature:"):
                signature = line.split(":", 1)[1].strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 5:
                raise ValueError(f"line {n} has {len(cells)} fields, not 5")
            lang, key, _, hit, pairs = cells
            if key == "@spelling":
                spelling[lang] = float(hit)
                continue
            hits.setdefault(lang, {})[key] = float(hit)
            options = {}
            for item in pairs.split():
                e, p = item.rsplit(":", 1)
                options[e] = float(p)
            entries.setdefault(lang, {})[key] = options
    except (OSError, ValueError) as err:
        raise UserInputError(
            f"The bilingual lexicon {file} cannot be used ({err}); re-create it with "
            "`python scripts/make_bilexicon.py`."
        ) from err
    return BiLexicon(entries, signature, hits, spelling)
