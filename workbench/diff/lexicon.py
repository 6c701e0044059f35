"""The editable framing lexicon: loaded and neutral labels for actors, by category and language.

The default lexicon ships as ``workbench/data/framing_lexicon.toml``; a user can pass their own
file. Terms are matched as whole words; a word ending in ``*`` is a stem.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.types import LabelHit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Languages a lexicon may list terms for.
LEXICON_LANGUAGES: tuple[str, ...] = ("en", "ru", "kk", "ky")
_DEFAULT = "framing_lexicon.toml"


class LexiconError(UserInputError):
    """A framing lexicon file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Term:
    """One lexicon term, compiled."""

    term: str
    category: str
    loaded: bool
    language: str
    pattern: re.Pattern[str]
    prefix: str = ""


@dataclass(frozen=True)
class Category:
    """A lexicon category (``loaded`` or neutral) with its description."""

    name: str
    loaded: bool
    description: str = ""


@dataclass(frozen=True)
class Lexicon:
    """A loaded framing lexicon.

    Attributes:
        name: The lexicon's name.
        version: Its version (part of every diff signature).
        path: The file it was read from.
        categories: Its categories, in file order.
        terms: Every term, compiled, longest first.
        concepts: Terms of the ``[[concepts]]`` entries (meanings compared across the original,
            the translation and the report, such as use of force), longest first.
    """

    name: str
    version: str
    path: str
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    concepts: tuple[Term, ...] = ()

    @property
    def signature(self) -> str:
        """``name@version`` of this lexicon."""
        return f"{self.name}@{self.version}"


def default_lexicon_path() -> Path:
    """The path of the lexicon shipped with the workbench."""
    return Path(str(resources.files("workbench") / "data" / _DEFAULT))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a framing lexicon file (the shipped one when ``path`` is None).

    Raises:
        LexiconError: when the file cannot be read, is not TOML, or lacks required fields.
    """
    file = Path(path) if path is not None else default_lexicon_path()
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise LexiconError(
            f"Cannot read the lexicon file {file} ({err.strerror}); check the path."
        ) from err
    key = (str(file), hashlib.sha256(raw).hexdigest())
    built = _BUILT.get(key)
    if built is not None:
        return built
    try:
        data = tomllib.load(io.BytesIO(raw))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"The lexicon file {file} is not valid TOML ({err}); fix it.") from err
    built = _build(data, file)
    if len(_BUILT) >= _BUILT_SIZE:
        _BUILT.clear()
    _BUILT[key] = built
    return built


#: Lexicons already built, by the file's path and a digest of its bytes: building one compiles
#: a pattern per term (about 5,000), which took a third of a warm Compare of the sample case, and
#: a Compare loads the shipped lexicon four times (the diff stage and each language's
#: translation audit). The file is still read on every call, so an edited file is built anew;
#: a ``Lexicon`` is frozen, so sharing it changes no result.
_BUILT_SIZE = 16
_BUILT: dict[tuple[str, str], Lexicon] = {}


def _build(data: dict[str, Any], file: Path) -> Lexicon:
    version = data.get("version")
    if not isinstance(version, (str, int, float)) or str(version).strip() == "":
        raise LexiconError(f'The lexicon file {file} has no `version = "..."`; add one.')
    raw = data.get("categories")
    if not isinstance(raw, list) or not raw:
        raise LexiconError(f"The lexicon file {file} has no [[categories]] entries; add some.")
    categories: list[Category] = []
    terms: list[Term] = []
    for number, entry in enumerate(raw, start=1):
        category = _category(entry, number, file)
        categories.append(category)
        terms += _terms(entry, category, file)
    terms.sort(key=lambda t: (-len(t.term), t.term))
    concepts: list[Term] = []
    raw_concepts = data.get("concepts", [])
    if not isinstance(raw_concepts, list):
        raise LexiconError(f"`concepts` in the lexicon file {file} must be [[concepts]] entries.")
    for number, entry in enumerate(raw_concepts, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise LexiconError(f"Concept {number} in the lexicon file {file} needs a `name`.")
        concepts += _terms(entry, Category(entry["name"], False), file)
    concepts.sort(key=lambda t: (-len(t.term), t.term))
    name = str(data.get("name", file.stem))
    return Lexicon(name, str(version), str(file), tuple(categories), tuple(terms), tuple(concepts))


def _category(entry: object, number: int, file: Path) -> Category:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise LexiconError(f"Category {number} in the lexicon file {file} needs a `name`.")
    loaded = entry.get("loaded")
    if not isinstance(loaded, bool):
        raise LexiconError(
            f"Category {entry['name']!r} in the lexicon file {file} needs `loaded = true` "
            "or `loaded = false`."
        )
    return Category(entry["name"], loaded, str(entry.get("description", "")))


def _terms(entry: dict[str, Any], category: Category, file: Path) -> list[Term]:
    out: list[Term] = []
    for lang in LEXICON_LANGUAGES:
        words = entry.get(lang, [])
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w.strip(" *") for w in words
        ):
            raise LexiconError(
                f"`{lang}` of category {category.name!r} in the lexicon file {file} must be a "
                "list of non-empty strings."
            )
        out += [
            Term(w.strip(), category.name, category.loaded, lang, _compile(w.strip()), _prefix(w))
            for w in words
        ]
    return out


#: Texts whose lexicon matches are remembered (per lexicon or term list; cleared when full).
_CACHE_SIZE = 16384
_CATEGORIES_CACHE: dict[tuple[int, str], tuple[Lexicon, frozenset[str]]] = {}
_FIND_CACHE: dict[tuple[int, str], tuple[tuple[Term, ...], tuple[LabelHit, ...]]] = {}


def _fold_case(text: str) -> str:
    return text.lower().replace("ё", "е")


def _prefix(term: str) -> str:
    """A literal piece every match of ``term`` contains (a cheap pre-filter)."""
    return _fold_case(re.split(r"[\s\-*]+", term.strip())[0])


def _compile(term: str) -> re.Pattern[str]:
    parts = []
    for word in re.split(r"[\s\-]+", term):
        stem = word.endswith("*")
        body = "".join("[её]" if c in "её" else re.escape(c) for c in word.rstrip("*"))
        parts.append(body + (r"[\w’'\-]*" if stem else ""))
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def categories_in(text: str, lexicon: Lexicon) -> set[str]:
    """Every category any term matches in ``text``, nested matches included ("foreign
    terrorists" is ``foreign`` and also ``terror``)."""
    key = (id(lexicon), text)
    hit = _CATEGORIES_CACHE.get(key)
    if hit is not None and hit[0] is lexicon:
        return set(hit[1])
    folded = _fold_case(text)
    found = {
        t.category
        for t, starts in _starts(text, lexicon.terms)
        if t.prefix in folded
        and (
            t.pattern.search(text)
            if starts is None
            else any(t.pattern.match(text, p) for p in starts)
        )
    }
    if len(_CATEGORIES_CACHE) >= _CACHE_SIZE:
        _CATEGORIES_CACHE.clear()
    _CATEGORIES_CACHE[key] = (lexicon, frozenset(found))
    return found


def find_labels(text: str, lexicon: Lexicon) -> list[LabelHit]:
    """Find the lexicon's loaded and neutral labels in ``text`` (any lexicon language).

    Overlapping matches are resolved longest first, then leftmost; hits are in text order.
    """
    return _find(text, lexicon.terms)


def find_concepts(text: str, lexicon: Lexicon) -> list[LabelHit]:
    """Find the lexicon's ``[[concepts]]`` terms in ``text`` (``category`` is the concept)."""
    return _find(text, lexicon.concepts)


def _find(text: str, terms: tuple[Term, ...]) -> list[LabelHit]:
    """The hits of ``terms`` in ``text``, searched once per text and term list: every pair of a
    case asks about its statement again, once per outlet (keyed by the term tuple's identity,
    kept alive in the cache, as hashing hundreds of compiled terms per call costs the search)."""
    key = (id(terms), text)
    hit = _FIND_CACHE.get(key)
    if hit is not None and hit[0] is terms:
        return list(hit[1])
    hits = _search(text, terms)
    if len(_FIND_CACHE) >= _CACHE_SIZE:
        _FIND_CACHE.clear()
    _FIND_CACHE[key] = (terms, tuple(hits))
    return hits


def _search(text: str, terms: tuple[Term, ...]) -> list[LabelHit]:
    folded = _fold_case(text)
    found: list[tuple[int, int, Term]] = []
    for term, starts in _starts(text, terms):
        if term.prefix not in folded:
            continue
        if starts is None:
            found += [(m.start(), m.end(), term) for m in term.pattern.finditer(text)]
            continue
        end = 0
        for start in starts:  # what finditer finds: the next match from the last one's end
            if start >= end:
                m = term.pattern.match(text, start)
                if m is not None:
                    found.append((start, m.end(), term))
                    end = m.end()
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2].term))
    hits: list[LabelHit] = []
    for start, end, term in found:
        if any(start < h.end and h.start < end for h in hits):
            continue
        hits.append(
            LabelHit(
                text=text[start:end],
                term=term.term,
                category=term.category,
                loaded=term.loaded,
                start=start,
                end=end,
                language=term.language,
            )
        )
    return sorted(hits, key=lambda h: h.start)


#: Where a term's match can begin: a position no word character precedes, with the (at most)
#: two characters there; one pass over the text finds every such pair.
_WORD_STARTS = re.compile(r"(?<!\w)(?=((?s:.{1,2})))")


@dataclass
class _TermIndex:
    """The terms of one term list indexed by the first (up to) two characters of their pattern.

    A term's match begins where no word character precedes and its first word's first characters
    match there (case-insensitively, ``е`` for ``ё``), so only terms whose head matches a pair of
    characters found at such a position can match: the others are skipped without a scan. Each
    distinct character is tested once against every distinct first and second character pattern
    of the heads (the same character patterns the terms' patterns use), and remembered.
    """

    terms: tuple[Term, ...]
    #: Per head: its first character's pattern, its second's (None for one-character heads) and
    #: the numbers of its terms.
    heads: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, tuple[int, ...]], ...]
    #: Per place (first, second character): each distinct character pattern with the numbers of
    #: the heads that have it there (None at the second place: the one-character heads), so a
    #: character is tested once per pattern, not once per head (the index is built per process).
    places: tuple[tuple[tuple[re.Pattern[str] | None, tuple[int, ...]], ...], ...]
    always: frozenset[int]
    first: dict[str, frozenset[int]]
    second: dict[str, frozenset[int]]
    by_pair: dict[str, frozenset[int]]

    def _heads_at(self, char: str, place: int) -> frozenset[int]:
        """The heads whose character at ``place`` (0 or 1) matches ``char``; one-character heads
        always match at place 1."""
        table = self.first if place == 0 else self.second
        found = table.get(char)
        if found is None:
            found = frozenset(
                number
                for pattern, numbers in self.places[place]
                if pattern is None or pattern.match(char)
                for number in numbers
            )
            table[char] = found
        return found

    def _terms_at(self, pair: str) -> frozenset[int]:
        """The numbers of the terms whose head matches ``pair`` (remembered per pair)."""
        ids = self.by_pair.get(pair)
        if ids is None:
            heads = self._heads_at(pair[0], 0)
            if len(pair) == 2:
                heads = heads & self._heads_at(pair[1], 1)
            else:
                heads = frozenset(h for h in heads if self.heads[h][1] is None)
            ids = frozenset(i for h in heads for i in self.heads[h][2])
            if len(self.by_pair) >= _CACHE_SIZE:
                self.by_pair.clear()
            self.by_pair[pair] = ids
        return ids

    def starts(self, text: str) -> list[tuple[Term, list[int] | None]]:
        """The terms that may match in ``text``, in list order, each with every position where
        one of its matches may begin, ascending (None: anywhere, for a term without a head).
        Every match of every term begins at one of its positions."""
        at: dict[str, list[int]] = {}
        for m in _WORD_STARTS.finditer(text):
            at.setdefault(m.group(1), []).append(m.start())
        chosen: dict[int, list[int]] = {}
        for pair, positions in at.items():
            for i in self._terms_at(pair):
                chosen.setdefault(i, []).extend(positions)
        numbered: list[tuple[int, list[int] | None]] = [(i, None) for i in self.always]
        numbered += [(i, sorted(chosen[i])) for i in chosen]
        numbered.sort(key=lambda entry: entry[0])
        return [(self.terms[i], starts) for i, starts in numbered]


_INDEXES: dict[int, _TermIndex] = {}


def _head(term: str) -> tuple[str, ...]:
    """The patterns of the first (up to) two characters of ``term``'s first word, as ``_compile``
    writes them (none when the first word has no literal character)."""
    word = re.split(r"[\s\-]+", term)[0].rstrip("*")
    return tuple("[её]" if c in "её" else re.escape(c) for c in word[:2])


def _group_by_pattern(
    pairs: Iterable[tuple[re.Pattern[str] | None, int]],
) -> list[tuple[re.Pattern[str] | None, tuple[int, ...]]]:
    """The numbers grouped by their (shared, compiled) pattern, in first-seen order."""
    groups: dict[re.Pattern[str] | None, list[int]] = {}
    for pattern, number in pairs:
        groups.setdefault(pattern, []).append(number)
    return [(pattern, tuple(numbers)) for pattern, numbers in groups.items()]


def _starts(text: str, terms: tuple[Term, ...]) -> list[tuple[Term, list[int] | None]]:
    """The terms of ``terms`` that may match in ``text`` with where their matches may begin
    (found in one pass over the text; see ``_TermIndex.starts``). Every text takes this path:
    on sentences too the index is faster than scanning each term's prefix and pattern (a
    sentence's two term lists and categories: 135 against 211 us under 80 characters, 424 against
    553 us at 200-400, on the read real cases), and on a whole report (28,000 characters) it is
    3 times faster."""
    index = _INDEXES.get(id(terms))
    if index is None or index.terms is not terms:
        groups: dict[tuple[str, ...], list[int]] = {}
        always: list[int] = []
        for number, term in enumerate(terms):
            head = _head(term.term)
            (groups.setdefault(head, []) if head else always).append(number)
        compiled: dict[str, re.Pattern[str]] = {}

        def char_pattern(char: str) -> re.Pattern[str]:
            if char not in compiled:
                compiled[char] = re.compile(char, re.IGNORECASE)
            return compiled[char]

        heads = tuple(
            (
                char_pattern(head[0]),
                char_pattern(head[1]) if len(head) == 2 else None,
                tuple(ids),
            )
            for head, ids in groups.items()
        )
        places = (
            tuple(_group_by_pattern((head[0], number) for number, head in enumerate(heads))),
            tuple(_group_by_pattern((head[1], number) for number, head in enumerate(heads))),
        )
        index = _TermIndex(terms, heads, places, frozenset(always), {}, {}, {})
        if len(_INDEXES) >= 64:
            _INDEXES.clear()
        _INDEXES[id(terms)] = index
    return index.starts(text)
