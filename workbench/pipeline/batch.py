"""Translate an archive: a folder of text files or a JSONL of documents, into JSONL.

Each document is one text for :func:`~workbench.pipeline.translate.translate_texts` (cut into
sentences, translated, put back together); each output line is the record ``workbench translate
--format jsonl`` writes, with the document's ``id`` first. The same records come out on one
machine and on a Ray cluster (``workbench batch --ray``), line for line: the texts go through
:func:`~workbench.pipeline.cluster.translate_lines`; this module reads archives and writes records.

Archives:
    folder   every ``*.txt`` below it (UTF-8, or cp1251 with a notice), sorted by path; the id is
             the path relative to the folder.
    .jsonl   one object per line with an ``id`` (string or integer, unique) and a ``text``
             string; blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.textio import Limits, read_text
from workbench.types import Translation


@dataclass(frozen=True)
class ArchiveDocument:
    """One document of an archive.

    Attributes:
        id: Unique id (relative path for a folder, the ``id`` field for JSONL).
        text: The document's text.
    """

    id: str
    text: str


@dataclass(frozen=True)
class Archive:
    """Documents read from an archive, with notices for the user (encoding fallbacks)."""

    documents: tuple[ArchiveDocument, ...]
    notices: tuple[str, ...] = ()


def read_archive(path: str | Path, limits: Limits | None = None) -> Archive:
    """Read a folder of ``*.txt`` files or a ``.jsonl`` file of documents.

    Every file is decoded under the one policy of :mod:`workbench.textio` (``limits``: the
    settings' caps; a JSONL line is one document).

    Raises:
        UserInputError: for a missing path, an empty archive, malformed JSONL, a missing or
            duplicate id, or a file that is not text.
    """
    p = Path(path)
    if p.is_dir():
        return _read_folder(p, limits)
    if not p.exists():
        raise UserInputError(f"{p} does not exist; give a folder of .txt files or a .jsonl file.")
    if p.suffix.lower() != ".jsonl":
        raise UserInputError(
            f"{p} is neither a folder of .txt files nor a .jsonl file of documents."
        )
    return _read_jsonl(p, limits)


def _read_folder(folder: Path, limits: Limits | None) -> Archive:
    files = sorted(f for f in folder.rglob("*.txt") if f.is_file())
    if not files:
        raise UserInputError(f"{folder} holds no .txt files; nothing to translate.")
    docs: list[ArchiveDocument] = []
    notices: list[str] = []
    for f in files:
        decoded = read_text(f, limits=limits)
        docs.append(ArchiveDocument(f.relative_to(folder).as_posix(), decoded.text))
        notices += decoded.notices
    return Archive(tuple(docs), tuple(notices))


def _read_jsonl(path: Path, limits: Limits | None) -> Archive:
    decoded = read_text(path, limits=limits)
    text, notices = decoded.text, decoded.notices
    docs: list[ArchiveDocument] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        doc = _document(line, f"{path}, line {number}")
        if doc.id in seen:
            raise UserInputError(f"{path}, line {number}: the id {doc.id!r} is used twice.")
        seen.add(doc.id)
        docs.append(doc)
    if not docs:
        raise UserInputError(f"{path} holds no documents; nothing to translate.")
    return Archive(tuple(docs), notices)


def _document(line: str, where: str) -> ArchiveDocument:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        raise UserInputError(f"{where} is not JSON ({err.msg}).") from err
    if not isinstance(row, dict):
        raise UserInputError(f"{where} is not a JSON object with an id and a text.")
    doc_id, text = row.get("id"), row.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id) == "":
        raise UserInputError(f"{where} has no id (a non-empty string or an integer).")
    if not isinstance(text, str):
        raise UserInputError(f"{where} has no text string.")
    return ArchiveDocument(str(doc_id), text)


def batch_records(
    documents: Sequence[ArchiveDocument], translations: Sequence[Translation]
) -> list[dict[str, Any]]:
    """One output record per document: ``id`` then the ``translate --format jsonl`` fields."""
    from workbench.pipeline.translate import translation_record

    return [
        {"id": d.id, **translation_record(t)} for d, t in zip(documents, translations, strict=True)
    ]
