"""Translated segments as TMX 1.4b and XLIFF 1.2, for translation-memory and CAT tools.

Both are built with :mod:`xml.etree.ElementTree`, so every text is escaped and the result is
well-formed XML. Each sentence pair of a :class:`~workbench.types.Translation` becomes one
translation unit; the engine's signature travels with it (a TMX ``<prop type="x-signature">``,
an XLIFF ``<note from="workbench">``), together with any warnings.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from workbench import __version__
from workbench.errors import UserInputError
from workbench.types import Translation

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"


def _pairs(translations: Sequence[Translation]) -> Iterator[tuple[int, int, str, str, Translation]]:
    """``(text index, sentence index, source, target, translation)`` for every sentence pair;
    a translation without sentence pairs counts as one pair (its whole text)."""
    for i, t in enumerate(translations):
        if t.sentences:
            for k, pair in enumerate(t.sentences):
                yield i, k, pair.source.text, pair.translation, t
        elif t.source.strip():
            yield i, 0, t.source, t.text, t


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
    for i, k, source, target, t in _pairs(translations):
        tu = ET.SubElement(body, "tu", tuid=f"{i + 1}.{k + 1}")
        ET.SubElement(tu, "prop", type="x-signature").text = _clean(t.signature)
        for warning in t.warnings:
            ET.SubElement(tu, "note").text = _clean(warning)
        for lang, text in ((src, source), (tgt, target)):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = _clean(text)
    return _xml(root)


def to_xliff(
    translations: Sequence[Translation], src: str, tgt: str = "en", *, original: str = "workbench"
) -> str:
    """An XLIFF 1.2 document with one ``<trans-unit>`` per sentence pair (state ``translated``,
    the machine translation marked with ``state-qualifier="mt-suggestion"``)."""
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
    for i, k, source, target, t in _pairs(translations):
        unit = ET.SubElement(body, f"{q}trans-unit", id=f"{i + 1}.{k + 1}")
        ET.SubElement(unit, f"{q}source").text = _clean(source)
        target_el = ET.SubElement(
            unit, f"{q}target", {"state": "translated", "state-qualifier": "mt-suggestion"}
        )
        target_el.text = _clean(target)
        ET.SubElement(unit, f"{q}note", {"from": "workbench"}).text = _clean(t.signature)
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
