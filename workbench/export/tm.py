"""Translated segments as TMX 1.4b and XLIFF 1.2, for translation-memory and CAT tools.

Both are built with :mod:`xml.etree.ElementTree`, so every text is escaped and the result is
well-formed XML. Each sentence pair of a :class:`~workbench.types.Translation` becomes one
translation unit; the engine's signature travels with it (a TMX ``<prop type="x-signature">``,
an XLIFF ``<note from="workbench">``), together with any warnings.

How each translation was made (:attr:`~workbench.types.SentenceTranslation.origin`) is written
so that CAT tools can tell raw machine translation from a person's work (:data:`XLIFF_STATES`):
XLIFF 1.2 ``state``/``state-qualifier`` on ``<target>`` (a post-edit keeps the machine
translation it started from in an ``<alt-trans origin="mt">``), TMX a ``<prop type="x-origin">``.

:func:`read_tm` (from :mod:`workbench.translation_files`, the one home of translation-file
readers) reads TMX and XLIFF (1.2 and 2.x) back into ``(source, target)`` pairs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from workbench import __version__
from workbench.errors import UserInputError
from workbench.translation_files import TM_SUFFIXES, read_tm
from workbench.types import SentenceTranslation, Translation

__all__ = ["TM_SUFFIXES", "XLIFF_STATES", "read_tm", "to_tmx", "to_xliff", "write_text"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"

#: XLIFF 1.2 ``(state, state-qualifier)`` of a target per origin: machine translation is a
#: suggestion, a post-edit is a translator's translation, an imported one was inherited from
#: work done elsewhere.
XLIFF_STATES: dict[str, tuple[str, str | None]] = {
    "mt": ("translated", "mt-suggestion"),
    "post-edited": ("translated", None),
    "imported": ("translated", "leveraged-inherited"),
}


def _pairs(
    translations: Sequence[Translation],
) -> Iterator[tuple[int, int, str, str, Translation, SentenceTranslation | None]]:
    """``(text index, sentence index, source, target, translation, pair)`` for every sentence
    pair; a translation without sentence pairs counts as one pair (its whole text, no pair)."""
    for i, t in enumerate(translations):
        if t.sentences:
            for k, pair in enumerate(t.sentences):
                yield i, k, pair.source.text, pair.translation, t, pair
        elif t.source.strip():
            yield i, 0, t.source, t.text, t, None


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (control characters other than tab/newline)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20 and c not in "\ufffe\uffff")


def to_tmx(translations: Sequence[Translation], src: str, tgt: str = "en") -> str:
    """A TMX 1.4b document with one ``<tu>`` per sentence pair.

    Args:
        translations: Output of ``translate_texts``.
        src: Source language code (``kk``, ``ky``, ``ru``).
        tgt: Target language code.
    """
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "workbench",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": src,
            "datatype": "plaintext",
            "o-tmf": "workbench",
            "creationdate": _now(),
        },
    )
    body = ET.SubElement(root, "body")
    for i, k, source, target, t, pair in _pairs(translations):
        tu = ET.SubElement(body, "tu", tuid=f"{i + 1}.{k + 1}")
        ET.SubElement(tu, "prop", type="x-signature").text = _clean(t.signature)
        ET.SubElement(tu, "prop", type="x-origin").text = pair.origin if pair else "mt"
        if pair is not None and pair.origin == "post-edited" and pair.machine:
            ET.SubElement(tu, "prop", type="x-machine-translation").text = _clean(pair.machine)
        for warning in t.warnings:
            ET.SubElement(tu, "note").text = _clean(warning)
        for lang, text in ((src, source), (tgt, target)):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = _clean(text)
    return _xml(root)


def to_xliff(
    translations: Sequence[Translation], src: str, tgt: str = "en", *, original: str = "workbench"
) -> str:
    """An XLIFF 1.2 document with one ``<trans-unit>`` per sentence pair.

    The target's ``state``/``state-qualifier`` follow :data:`XLIFF_STATES` (machine translation
    ``translated``+``mt-suggestion``, post-edited ``translated``, imported
    ``translated``+``leveraged-inherited``); a post-edit keeps its machine translation in an
    ``<alt-trans origin="mt">``.
    """
    ET.register_namespace("", _XLIFF_NS)
    q = f"{{{_XLIFF_NS}}}"
    root = ET.Element(f"{q}xliff", version="1.2")
    file = ET.SubElement(
        root,
        f"{q}file",
        {
            "original": original,
            "datatype": "plaintext",
            "source-language": src,
            "target-language": tgt,
            "tool-id": "workbench",
        },
    )
    header = ET.SubElement(file, f"{q}header")
    ET.SubElement(
        header,
        f"{q}tool",
        {"tool-id": "workbench", "tool-name": "workbench", "tool-version": __version__},
    )
    body = ET.SubElement(file, f"{q}body")
    for i, k, source, target, t, pair in _pairs(translations):
        unit = ET.SubElement(body, f"{q}trans-unit", id=f"{i + 1}.{k + 1}")
        ET.SubElement(unit, f"{q}source").text = _clean(source)
        origin = pair.origin if pair else "mt"
        state, qualifier = XLIFF_STATES.get(origin, XLIFF_STATES["mt"])
        attrs = {"state": state} | ({"state-qualifier": qualifier} if qualifier else {})
        ET.SubElement(unit, f"{q}target", attrs).text = _clean(target)
        if pair is not None and origin == "post-edited" and pair.machine:
            alt = ET.SubElement(unit, f"{q}alt-trans", {"origin": "mt", "alttranstype": "proposal"})
            ET.SubElement(alt, f"{q}target").text = _clean(pair.machine)
        ET.SubElement(unit, f"{q}note", {"from": "workbench"}).text = _clean(t.signature)
        ET.SubElement(unit, f"{q}note", {"from": "workbench-origin"}).text = origin
        for warning in t.warnings:
            ET.SubElement(unit, f"{q}note", {"from": "workbench", "priority": "2"}).text = _clean(
                warning
            )
    return _xml(root)


def write_text(text: str, path: str | Path) -> Path:
    """Write an export to ``path`` (UTF-8) and return it."""
    target = Path(path)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as err:
        raise UserInputError(f"Cannot write {target}: {err.strerror or err}.") from err
    return target


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
