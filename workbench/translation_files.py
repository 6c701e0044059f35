"""Files of translations made elsewhere: the one home of their readers.

Used by the ``imported`` engine (``workbench translate --engine imported --model FILE``) and by
the Translate tab's uploads (:mod:`workbench.pipeline.side_by_side`); not a stage, so both may
import it. Keyed formats give ``(entry number, source, translation)`` rows:

* ``.tsv`` — ``source<TAB>translation`` per line;
* ``.jsonl`` — ``{"source": ..., "translation": ...}`` per line;
* ``.tmx`` — TMX 1.4 translation units (the variant in the source language is the source);
* ``.xliff`` / ``.xlf`` — XLIFF 1.2 ``<trans-unit>`` or 2.x ``<segment>`` source and target.

Look-ups compare :func:`normalise`-d text (NFC, whitespace runs collapsed). XML is parsed with
the standard library after refusing entity declarations, so nothing external is ever fetched
and no entity expands.
"""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from workbench.errors import UserInputError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Suffixes of translation-memory files :func:`read_tm` reads.
TM_SUFFIXES = (".tmx", ".xliff", ".xlf")
#: Suffixes of files keyed by source text.
KEYED_SUFFIXES = (".tsv", ".jsonl", *TM_SUFFIXES)


def normalise(text: str) -> str:
    """The look-up key of a source text: NFC, whitespace runs collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def read_rows(
    text: str, name: str, suffix: str, src: str | None = None
) -> list[tuple[int, str, str]]:
    """``(entry number, source, translation)`` rows of a keyed file's text.

    Args:
        text: The decoded file.
        name: How the file is named in messages.
        suffix: One of :data:`KEYED_SUFFIXES`.
        src: Source language (TMX: which variant is the source).

    Raises:
        UserInputError: for malformed rows, naming the file and line.
    """
    if suffix == ".tsv":
        return _rows_tsv(name, text)
    if suffix == ".jsonl":
        return _rows_jsonl(name, text)
    if suffix in TM_SUFFIXES:
        return [(n, s, t) for n, (s, t) in enumerate(read_tm(text, name, src), 1)]
    raise UserInputError(f"{name} must end in {', '.join(KEYED_SUFFIXES)}.")


def pair_table(rows: Iterable[tuple[int, str, str]], name: str) -> dict[str, tuple[int, str]]:
    """``normalised source → (entry number, translation)``.

    Raises:
        UserInputError: for an empty source, or two different translations of one source.
    """
    table: dict[str, tuple[int, str]] = {}
    for n, source, translation in rows:
        key = normalise(source)
        if not key:
            raise UserInputError(f"{name} line {n} has an empty source text.")
        seen = table.get(key)
        if seen is not None and seen[1].strip() != translation.strip():
            raise UserInputError(
                f"{name} lines {seen[0]} and {n} give different translations of the "
                "same source; keep one."
            )
        table[key] = (n, translation.strip())
    return table


def _rows_tsv(name: str, text: str) -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source, tab, translation = line.partition("\t")
        if not tab:
            raise UserInputError(f"{name} line {n} has no TAB; write source<TAB>translation.")
        out.append((n, source, translation))
    return out


def _rows_jsonl(name: str, text: str) -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as err:
            raise UserInputError(f"{name} line {n} is not valid JSON ({err.args[0]}).") from err
        if not (
            isinstance(obj, dict)
            and isinstance(obj.get("source"), str)
            and isinstance(obj.get("translation"), str)
        ):
            raise UserInputError(f'{name} line {n} needs string fields "source" and "translation".')
        out.append((n, obj["source"], obj["translation"]))
    return out


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return str(tag).rsplit("}", 1)[-1]


def _text(element: ET.Element | None) -> str:
    """All text inside ``element``, inline markup dropped."""
    return "".join(element.itertext()) if element is not None else ""


def read_tm(text: str, name: str, src: str | None = None) -> list[tuple[str, str]]:
    """``(source, target)`` pairs from a TMX or XLIFF (1.2 or 2.x) document.

    Args:
        text: The document.
        name: How to call it in messages (a file name).
        src: Source language code; in TMX the variant in that language is the source
            (default: the header's ``srclang``, else the first variant).

    Raises:
        UserInputError: when the text is not well-formed XML, not TMX or XLIFF, or holds no
            translated segment.
    """
    if "<!ENTITY" in text:
        raise UserInputError(f"{name} declares XML entities; export it again without a DTD.")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        raise UserInputError(f"{name} is not well-formed XML ({err}); export it again.") from err
    kind = _local(root.tag)
    if kind == "tmx":
        pairs = _read_tmx(root, src)
    elif kind == "xliff":
        pairs = _read_xliff(root)
    else:
        raise UserInputError(f"{name} is neither TMX nor XLIFF (its root is <{kind}>).")
    pairs = [(s, t) for s, t in pairs if s.strip() and t.strip()]
    if not pairs:
        raise UserInputError(f"{name} holds no segment with both a source and a translation.")
    return pairs


def _read_tmx(root: ET.Element, src: str | None) -> list[tuple[str, str]]:
    header = root.find("header")
    srclang = (src or (header.get("srclang") if header is not None else None) or "").lower()
    out = []
    for tu in root.iter("tu"):
        variants = [
            ((tuv.get(_XML_LANG) or tuv.get("lang") or "").lower(), _text(tuv.find("seg")))
            for tuv in tu.findall("tuv")
        ]
        if len(variants) < 2:
            continue
        first = next((i for i, (lang, _) in enumerate(variants) if _same(lang, srclang)), 0)
        source = variants[first][1]
        target = next(text for i, (_, text) in enumerate(variants) if i != first)
        out.append((source, target))
    return out


def _same(lang: str, wanted: str) -> bool:
    return bool(wanted) and lang.split("-")[0] == wanted.split("-")[0]


def _read_xliff(root: ET.Element) -> list[tuple[str, str]]:
    out = []
    for element in root.iter():
        if _local(element.tag) not in ("trans-unit", "segment"):
            continue
        children = {_local(c.tag): c for c in element}
        out.append((_text(children.get("source")), _text(children.get("target"))))
    return out
