"""The editable framing lexicon: loaded and neutral labels for actors, by category and language.

The default lexicon ships as ``workbench/data/framing_lexicon.toml``; a user can pass their own
file. Terms are matched as whole words; a word ending in ``*`` is a stem.
"""

from __future__ import annotations

import re
import sys
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
        with file.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as err:
        raise LexiconError(
            f"Cannot read the lexicon file {file} ({err.strerror}); check the path."
        ) from err
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"The lexicon file {file} is not valid TOML ({err}); fix it.") from err
    return _build(data, file)


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
    found = {t.category for t in lexicon.terms if t.prefix in folded and t.pattern.search(text)}
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
    found = [
        (m.start(), m.end(), term)
        for term in terms
        if term.prefix in folded
        for m in term.pattern.finditer(text)
    ]
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
