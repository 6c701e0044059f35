"""Analyst corrections of a case's alignment, kept in the case folder (``corrections.toml``).

The file travels with the case: copy the folder and the corrections come along. It looks like::

    # Link corrections made by analysts in the workbench; each entry says who and when.
    [[link]]
    action = "remove"                       # or "add"
    statement_document = "tokayev-2022-01-07-ru"
    statement_line = 3                      # 1-based line in that document
    report_document = "foreign-wire-2022-01-09-en"
    report_sentence = 4                     # 1-based sentence in that document
    report_text = "He said the attackers had emerged from sleeper cells."
    by = "A. Analyst"
    at = "2026-11-29T09:00:00Z"
    note = "retells line 2, not line 3"

Writing replaces the file atomically (a temporary file renamed over it), so a failed write
leaves the previous corrections intact.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.errors import CorpusError
from workbench.types import LinkCorrection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORRECTIONS_FILE = "corrections.toml"
#: The actions a correction can take.
ACTIONS: tuple[str, ...] = ("add", "remove")
_TEXT_FIELDS = ("statement_document", "report_document", "report_text", "by", "at", "note")
_REQUIRED = ("action", "statement_document", "statement_line", "report_document", "report_sentence")
#: How each required field is written, shown when it is missing.
_EXAMPLES = {
    "action": 'action = "add" (or "remove")',
    "statement_document": 'statement_document = "ID" (the statement\'s id in case.toml)',
    "statement_line": "statement_line = N (1-based line in that statement)",
    "report_document": 'report_document = "ID" (the report\'s id in case.toml)',
    "report_sentence": "report_sentence = N (1-based sentence in that report)",
}


def corrections_path(case_dir: str | Path) -> Path:
    """Where the corrections of the case in ``case_dir`` are kept."""
    return Path(case_dir) / CORRECTIONS_FILE


def read_corrections(case_dir: str | Path) -> tuple[LinkCorrection, ...]:
    """The corrections saved with a case, in the order they were made (none without a file).

    Raises:
        CorpusError: naming the file (and entry) when it cannot be read or is malformed.
    """
    path = corrections_path(case_dir)
    if not path.exists():
        return ()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"Cannot read {path}: {err}; fix or remove the file.") from err
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(
            f"{path} is not valid TOML ({err}); fix it or remove it to drop the corrections."
        ) from err
    entries = raw.get("link", [])
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: `link` must be a list of [[link]] tables.")
    return tuple(_correction(e, path, i + 1) for i, e in enumerate(entries))


def _correction(entry: Any, path: Path, n: int) -> LinkCorrection:
    where = f"{path}, correction {n}"
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: expected a [[link]] table.")
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        raise CorpusError(
            f"{where} (the [[link]] table number {n} in the file): missing "
            f"{', '.join(missing)}. Add to that table: {'; '.join(_EXAMPLES[k] for k in missing)}"
            "; or delete the table to drop that correction."
        )
    if entry["action"] not in ACTIONS:
        raise CorpusError(
            f"{where}: action must be one of {', '.join(ACTIONS)}, not {entry['action']!r}."
        )
    for key in ("statement_line", "report_sentence"):
        value = entry[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise CorpusError(f"{where}: {key} must be a whole number from 1, not {value!r}.")
    for key in _TEXT_FIELDS:
        if not isinstance(entry.get(key, ""), str):
            raise CorpusError(f"{where}: {key} must be text.")
    return LinkCorrection(
        action=entry["action"],
        statement_document=entry["statement_document"],
        statement_line=entry["statement_line"],
        report_document=entry["report_document"],
        report_sentence=entry["report_sentence"],
        report_text=entry.get("report_text", ""),
        by=entry.get("by", ""),
        at=entry.get("at", ""),
        note=entry.get("note", ""),
    )


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def corrections_toml(corrections: Sequence[LinkCorrection]) -> str:
    """The text of a ``corrections.toml`` holding ``corrections``."""
    lines = [
        "# Link corrections made by analysts in the workbench (statement <-> report sentence).",
        "# Reused by every comparison of this case; each entry says who made it and when.",
    ]
    for c in corrections:
        lines += [
            "",
            "[[link]]",
            f"action = {_toml_string(c.action)}",
            f"statement_document = {_toml_string(c.statement_document)}",
            f"statement_line = {int(c.statement_line)}",
            f"report_document = {_toml_string(c.report_document)}",
            f"report_sentence = {int(c.report_sentence)}",
            f"report_text = {_toml_string(c.report_text)}",
            f"by = {_toml_string(c.by)}",
            f"at = {_toml_string(c.at)}",
        ]
        if c.note:
            lines.append(f"note = {_toml_string(c.note)}")
    return "\n".join(lines) + "\n"


def write_corrections(case_dir: str | Path, corrections: Sequence[LinkCorrection]) -> Path:
    """Save ``corrections`` with the case, replacing the file atomically.

    Raises:
        CorpusError: when the case folder cannot be written (the previous file is untouched).
    """
    path = corrections_path(case_dir)
    text = corrections_toml(corrections)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".corrections-", suffix=".toml", dir=path.parent)
    except OSError as err:
        raise CorpusError(
            f"Cannot save the correction: the case folder {path.parent} is not writable "
            f"({err.strerror or err}); nothing was changed — copy the case somewhere writable."
        ) from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise CorpusError(
            f"Cannot save the correction to {path} ({err.strerror or err}); nothing was changed."
        ) from err
    return path
