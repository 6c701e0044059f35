"""Cases as data: ``corpora/<case>/case.toml`` plus the text files it names.

A ``case.toml`` looks like::

    id = "kazakhstan-2022-01"
    title = "..."
    description = "..."
    licence = "CC BY 4.0"            # default licence of the documents

    [[documents]]
    id = "tokayev-ru"
    title = "..."
    outlet = "..."
    outlet_type = "state"            # state | independent | foreign
    language = "ru"                  # kk | ky | ru | en
    provenance = "reconstructed"     # original | reconstructed | human-translated | machine-translated
    file = "statements/tokayev-ru.txt"
    translation = "statements/tokayev-ru.en.txt"   # optional, one English line per line
    translation_provenance = "human-translated"    # required with a translation (same values)
    date = "2022-01-07"              # optional: date, url, licence, notes, sha256

File paths are relative to the folder of ``case.toml`` and must stay inside it: an absolute
path, ``..`` or a symlink leading out of the folder is refused (a case shared by someone else
must not pull arbitrary files into a report) unless the caller passes ``allow_outside=True``.
Every value must have the type shown above; a wrong one is named with its key and line. A case
holds at most ``Limits.max_case_documents`` documents. A ``sha256`` of a file's bytes, when
given, is checked.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.corpus.readers import ReadResult, read_file
from workbench.errors import CorpusError
from workbench.textio import Limits
from workbench.types import Case, Document, OutletType, Provenance
from workbench.wording import count

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

log = logging.getLogger("workbench")

CASE_FILE = "case.toml"
_REQUIRED_CASE_KEYS = ("id", "title")
_REQUIRED_DOC_KEYS = ("id", "title", "outlet", "outlet_type", "language", "provenance", "file")
_LANGUAGES = ("kk", "ky", "ru", "en")
#: Optional keys that must be strings when present (TOML dates are accepted for ``date``).
_OPTIONAL_CASE_STR = ("description", "licence")
_OPTIONAL_DOC_STR = (
    "date",
    "url",
    "licence",
    "notes",
    "sha256",
    "translation",
    "translation_provenance",
    "translation_sha256",
)
_DOC_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*documents[ \t]*\]\]", re.MULTILINE)


def load_case(
    path: str | Path, *, limits: Limits | None = None, allow_outside: bool = False
) -> Case:
    """Load a case from its folder or its ``case.toml``.

    Args:
        path: The case folder or its ``case.toml``.
        limits: Input caps (documents per case, characters per line, lines per file).
        allow_outside: Let ``file``/``translation`` name files outside the case folder.

    Raises:
        CorpusError: naming the file (and line) when ``case.toml`` or a document file is
            missing, malformed or inconsistent.
    """
    toml_path = Path(path)
    if toml_path.is_dir():
        toml_path = toml_path / CASE_FILE
    folder = toml_path.parent
    raw = _read_toml(toml_path)
    limits = limits or Limits()
    _require_keys(raw, _REQUIRED_CASE_KEYS, toml_path, 1)
    _check_optional(raw, _OPTIONAL_CASE_STR, f"{toml_path}, line 1")
    docs = raw.get("documents")
    if not isinstance(docs, list) or not docs:
        raise CorpusError(f"{toml_path}: the case has no [[documents]]; add at least one.")
    if len(docs) > limits.max_case_documents:
        raise CorpusError(
            f"{toml_path}: {len(docs):,} documents, more than the {limits.max_case_documents:,} "
            "a case may have; split the case (or raise max_case_documents)."
        )
    files = _CaseFiles(folder, limits, allow_outside)
    header_lines = _document_header_lines(toml_path)
    default_licence = str(raw.get("licence", ""))
    documents: list[Document] = []
    notices: list[str] = []
    for i, entry in enumerate(docs):
        line = header_lines[i] if i < len(header_lines) else 1
        doc, doc_notices = _load_document(entry, files, toml_path, line, default_licence)
        documents.append(doc)
        notices.extend(doc_notices)
    _check_unique_ids(documents, toml_path)
    return Case(
        id=str(raw["id"]),
        title=str(raw["title"]),
        description=str(raw.get("description", "")),
        documents=tuple(documents),
        path=str(folder),
        notices=tuple(notices),
    )


def list_cases(
    root: str | Path,
    *,
    errors: list[str] | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> list[Case]:
    """Load every case under ``root`` (each sub-folder holding a ``case.toml``), sorted by id.

    Args:
        root: The corpora folder.
        errors: When given, a malformed case is skipped and its message appended here (so
            that one bad case does not hide the others, or stop ``serve``); the caller shows
            it (``cases list`` on stderr, the Compare tab under the Case list), so it is
            logged at DEBUG only: at WARNING a terminal read every skipped case twice.
        limits: Input caps.
        allow_outside: Passed to :func:`load_case`.

    Raises:
        CorpusError: when ``root`` is not a folder, or (without ``errors``) one of its cases
            is malformed.
    """
    folder = Path(root)
    if not folder.is_dir():
        raise CorpusError(
            f"The corpora folder {folder} does not exist; give --corpora or set WORKBENCH_CORPORA."
        )
    cases = []
    for toml_path in sorted(folder.glob(f"*/{CASE_FILE}")):
        try:
            cases.append(load_case(toml_path.parent, limits=limits, allow_outside=allow_outside))
        except CorpusError as err:
            if errors is None:
                raise
            log.debug("skipped a case: %s", err)
            errors.append(str(err))
    return sorted(cases, key=lambda c: c.id)


def find_case(
    name: str | Path,
    root: str | Path,
    *,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> Case:
    """Load a case given as a path (folder or ``case.toml``) or as an id under ``root``.

    ``limits`` and ``allow_outside`` are passed to :func:`load_case`.

    Raises:
        CorpusError: when neither exists; the message lists the cases under ``root``.
    """
    given = Path(name)
    if given.is_dir() or given.is_file():
        return load_case(given, limits=limits, allow_outside=allow_outside)
    candidate = Path(root) / str(name)
    if (candidate / CASE_FILE).is_file():
        return load_case(candidate, limits=limits, allow_outside=allow_outside)
    available = sorted(p.parent.name for p in Path(root).glob(f"*/{CASE_FILE}"))
    raise CorpusError(
        f"No case {str(name)!r} in {root}; available: {', '.join(available) or 'none'} "
        "(or give the path of a case folder)."
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as err:
        raise CorpusError(f"{path} does not exist; a case folder needs a {CASE_FILE}.") from err
    except OSError as err:
        raise CorpusError(f"Cannot read {path}: {err.strerror or err}.") from err
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path} is not UTF-8; save it as UTF-8.") from err
    except tomllib.TOMLDecodeError as err:
        raise CorpusError(f"{path}: not valid TOML ({err}).") from err


def _document_header_lines(path: Path) -> list[int]:
    text = path.read_text(encoding="utf-8")
    return [text.count("\n", 0, m.start()) + 1 for m in _DOC_HEADER.finditer(text)]


def _check_optional(raw: Mapping[str, Any], keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        value = raw.get(key)
        if value is None or isinstance(value, str):
            continue
        if key == "date" and isinstance(value, (datetime.date, datetime.datetime)):
            continue
        raise CorpusError(
            f"{where}: '{key}' must be a string (in quotes), not {_toml_type(value)} {value!r}."
        )


def _toml_type(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), f"a {type(value).__name__}")


class _CaseFiles:
    """Resolves and reads the files a case names, confined to the case folder."""

    def __init__(self, folder: Path, limits: Limits, allow_outside: bool) -> None:
        self.folder = folder
        self.limits = limits
        self.allow_outside = allow_outside

    def path(self, name: str, key: str, where: str) -> Path:
        """``name`` relative to the case folder; refused when it leads out of the folder.

        Raises:
            CorpusError: for an absolute path, ``..`` or a symlink out of the folder.
        """
        candidate = self.folder / name
        if self.allow_outside:
            return candidate
        root = self.folder.resolve()
        if Path(name).is_absolute() or not candidate.resolve().is_relative_to(root):
            raise CorpusError(
                f"{where}: {key} {name!r} leads outside the case folder; put the file inside "
                f"{self.folder} and name it relative to it."
            )
        return candidate


def _require_keys(raw: Mapping[str, Any], keys: Sequence[str], path: Path, line: int) -> None:
    """Every one of ``keys`` is a non-empty string in ``raw``; the missing ones are named in one
    sentence (review20: a case.toml written by hand was refused once per missing key).

    Raises:
        CorpusError: naming every missing key, or the first value that is no string.
    """
    missing = [key for key in keys if raw.get(key) is None]
    if len(missing) > 1:
        names = ", ".join(f"'{k}'" for k in missing[:-1]) + f" and '{missing[-1]}'"
        raise CorpusError(f"{path}, line {line}: missing keys {names}; add them.")
    for key in keys:
        _require_str(raw, key, path, line)


def _require_str(raw: Mapping[str, Any], key: str, path: Path, line: int) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        where = f"{path}, line {line}"
        if value is None:
            raise CorpusError(f"{where}: missing key '{key}'; add it.")
        raise CorpusError(f"{where}: '{key}' must be a non-empty string.")
    return value


def _enum(enum: type[OutletType] | type[Provenance], value: str, key: str, where: str) -> Any:
    try:
        return enum(value)
    except ValueError as err:
        allowed = ", ".join(m.value for m in enum)
        raise CorpusError(f"{where}: {key} {value!r} is not one of: {allowed}.") from err


def _load_document(
    entry: Any, files: _CaseFiles, toml_path: Path, line: int, default_licence: str
) -> tuple[Document, list[str]]:
    where = f"{toml_path}, line {line}"
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: a [[documents]] entry must be a table.")
    _require_keys(entry, _REQUIRED_DOC_KEYS, toml_path, line)
    _check_optional(entry, _OPTIONAL_DOC_STR, where)
    language = entry["language"]
    if language not in _LANGUAGES:
        raise CorpusError(f"{where}: language {language!r} is not one of: {', '.join(_LANGUAGES)}.")
    body_path = files.path(entry["file"], "file", where)
    body = _read_checked(
        body_path, entry.get("sha256"), where, files.limits,
        empty=f"document {entry['id']!r} ({entry['file']}) is empty; give it text or remove "
        "its [[documents]] table from case.toml",
    )  # fmt: skip
    notices = list(body.notices)
    translation_text, translation_prov = None, None
    if entry.get("translation"):
        translation_text, translation_prov = _load_translation(entry, body, files, where)
    elif body.translations is not None:
        translation_text = "\n".join(body.translations)
        translation_prov = _enum(
            Provenance,
            str(entry.get("translation_provenance", "")),
            "translation_provenance",
            where,
        )
    doc = Document(
        id=entry["id"],
        title=entry["title"],
        outlet=entry["outlet"],
        outlet_type=_enum(OutletType, entry["outlet_type"], "outlet_type", where),
        language=language,
        text=body.text,
        date=str(entry.get("date", "")),
        url=str(entry.get("url", "")),
        provenance=_enum(Provenance, entry["provenance"], "provenance", where),
        licence=str(entry.get("licence", default_licence)),
        translation=translation_text,
        translation_provenance=translation_prov,
        path=str(body_path),
        notes=str(entry.get("notes", "")),
    )
    return doc, notices


def _load_translation(
    entry: Mapping[str, Any], body: ReadResult, files: _CaseFiles, where: str
) -> tuple[str, Provenance]:
    prov_raw = entry.get("translation_provenance")
    if not isinstance(prov_raw, str):
        raise CorpusError(f"{where}: missing key 'translation_provenance' for the translation.")
    prov = _enum(Provenance, prov_raw, "translation_provenance", where)
    tr_path = files.path(entry["translation"], "translation", where)
    tr = _read_checked(
        tr_path, entry.get("translation_sha256"), where, files.limits,
        empty=f"the translation of document {entry['id']!r} ({entry['translation']}) is empty; "
        "give it one English line per statement line, or remove the translation and "
        "translation_provenance keys from case.toml",
    )  # fmt: skip
    if len(tr.lines) != len(body.lines):
        raise CorpusError(
            f"{tr.path} has {count(len(tr.lines), 'line')} but {body.path} has {len(body.lines)}; "
            "give one English line per statement line."
        )
    return tr.text, prov


def _read_checked(path: Path, sha256: Any, where: str, limits: Limits, *, empty: str) -> ReadResult:
    """The file of a document or of its translation, checked against its ``sha256``; ``empty``
    says what is wrong when it holds no text (review20b: "X is empty; a document needs text."
    named neither the document nor what to do, and the whole case was refused)."""
    result = read_file(path, limits)
    if sha256:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != str(sha256).lower():
            raise CorpusError(
                f"{where}: {path} does not match its sha256 (file changed?); "
                f"update the checksum to {digest} if the change is intended."
            )
    if not any(line.strip() for line in result.lines):
        raise CorpusError(f"{where}: {empty}.")
    return result


def _check_unique_ids(documents: list[Document], path: Path) -> None:
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise CorpusError(f"{path}: two documents have the id {doc.id!r}; make ids unique.")
        seen.add(doc.id)
