"""The ``imported`` engine: translations supplied in a file, so every later stage runs without
any model (outputs of another system, human translations, a commercial service's export).

``--model`` is the file; its format follows the extension:

* ``.txt`` — one translation per input line, **by position**. The input must have as many
  lines as the file, or as many non-blank lines as the file has non-blank lines (the pipeline
  drops blank input lines before translating).
* ``.tsv`` — ``source<TAB>translation`` per line, looked up by source text.
* ``.jsonl`` — one ``{"source": ..., "translation": ...}`` object per line, looked up by source.
* ``.tmx``, ``.xliff``, ``.xlf`` — translation units of a CAT tool, looked up by source.

The readers of the keyed formats live in :mod:`workbench.translation_files`.

Look-ups compare Unicode-normalised (NFC) text with whitespace runs collapsed. The engine sees
whole lines (``segment_input = False``). Errors name the file and line. Signature: backend
``file``, revision the SHA-256 of the file's bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from workbench.engines.base import ProgressFn, Translator
from workbench.errors import UserInputError
from workbench.textio import decode_bytes
from workbench.translation_files import KEYED_SUFFIXES, normalise, pair_table, read_rows
from workbench.wording import count

FORMATS = (".txt", *KEYED_SUFFIXES)


def _read(path: Path) -> tuple[bytes, list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UserInputError(
            f"Cannot read the translations file {path}: {err.strerror or err}."
        ) from err
    return raw, decode_bytes(raw, str(path)).text.splitlines()


class ImportedEngine(Translator):
    """Translations read from a ``.txt``, ``.tsv`` or ``.jsonl`` file (see the module docstring).

    Args:
        model: The translations file.
        src: Source language of the inputs.
        tgt: Language of the translations.
    """

    engine_name = "imported"
    backend = "file"
    segment_input = False

    #: Beam size and max length mean nothing here: the signature leaves them out.
    decodes = False

    def _setup(self) -> None:
        self.path = Path(self.model).expanduser()
        if self.path.suffix.lower() not in FORMATS:
            raise UserInputError(
                f"{self.path} must end in {', '.join(FORMATS)} (one translation per line, "
                "source<TAB>translation, JSON lines, TMX or XLIFF)."
            )
        raw, self._lines = _read(self.path)
        self._hash = "sha256-" + hashlib.sha256(raw).hexdigest()[:16]
        self._table: dict[str, tuple[int, str]] = {}
        suffix = self.path.suffix.lower()
        if suffix != ".txt":
            rows = read_rows("\n".join(self._lines), str(self.path), suffix, self.src)
            self._table = pair_table(rows, str(self.path))

    @property
    def revision(self) -> str:
        return self._hash

    @property
    def precision(self) -> str:
        return "n/a"

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Look each input up in the file; ``""`` for blank input."""
        texts = list(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise UserInputError(f"input {i + 1} is {type(text).__name__}, not text.")
        if not any(t.strip() for t in texts):
            out = ["" for _ in texts]
        else:
            out = self._by_position(texts) if self._is_txt else self._by_source(texts)
        if progress:
            progress(len(texts), len(texts))
        return out

    @property
    def by_position(self) -> bool:
        """True for a ``.txt`` file: translations pair with input lines by position, so the
        cache must hand this engine the whole input in order (see
        :func:`workbench.engines.caching.is_by_position`)."""
        return self._is_txt

    @property
    def _is_txt(self) -> bool:
        return self.path.suffix.lower() == ".txt"

    def _by_position(self, texts: list[str]) -> list[str]:
        lines = [line.strip() for line in self._lines]
        if len(texts) != len(lines):
            lines = [line for line in lines if line]
            if len([t for t in texts if t.strip()]) != len(lines):
                raise UserInputError(
                    f"{self.path} has {count(len(self._lines), 'line')} ({len(lines)} non-blank) but the "
                    f"input has {len(texts)} ({sum(1 for t in texts if t.strip())} non-blank); "
                    "a .txt file pairs translations with input lines by position."
                )
            it = iter(lines)
            return [next(it) if t.strip() else "" for t in texts]
        return [line if t.strip() else "" for t, line in zip(texts, lines, strict=True)]

    def _by_source(self, texts: list[str]) -> list[str]:
        out = []
        for i, text in enumerate(texts):
            if not text.strip():
                out.append("")
                continue
            found = self._table.get(normalise(text))
            if found is None:
                short = text.strip()[:60]
                raise UserInputError(
                    f"{self.path} has no translation for input {i + 1} ({short!r}); "
                    "add a line for it."
                )
            out.append(found[1])
        return out

    def _translate_batch(self, texts: list[str]) -> list[str]:
        return self._by_position(texts) if self._is_txt else self._by_source(texts)
