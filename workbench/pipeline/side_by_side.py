"""One document, several systems side by side: what the Translate tab shows and exports.

A *system* is a column: a model run through the engine pool, or translations made elsewhere and
uploaded (.txt by line or by sentence, .tsv, .jsonl, .tmx, .xliff). Rows are the source
sentences (``line.sentence``), cut once per line in the line's own language, so every column
lines up with the same rows.

* Language is detected per line (:func:`line_languages`): a Russian line and a Kazakh line in one
  text are each translated from their own language.
* Uploaded translations are matched to the rows by source text where the format has it (TSV,
  JSONL, TMX, XLIFF: sentence keys first, then whole-line keys) and by position for .txt (one
  line per input line, or one line per source sentence). A line's translation that covers
  several source sentences is cut into English sentences and spread over the rows
  (:func:`spread`).
* :func:`build_table` makes the one table model both the UI and exports read: per row the
  source, one :class:`Cell` per system (post-edits applied, origin kept, room for per-engine
  flags) and how much the systems agree; :func:`word_diff` marks the words where they differ.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench import __version__, langid
from workbench.errors import UserInputError
from workbench.segment import split_sentences
from workbench.translation_files import normalise, pair_table, read_rows
from workbench.types import (
    LANGUAGE_NAMES,
    SOURCE_LANGUAGES,
    Sentence,
    SentenceTranslation,
    Translation,
    TranslationSignature,
)
from workbench.wording import count

#: The source-language choice that asks for detection per line.
AUTO = "auto"
#: Formats of uploaded translations.
UPLOAD_FORMATS = (".txt", ".tsv", ".jsonl", ".tmx", ".xliff", ".xlf")
#: ``progress(fraction, message)``.
Progress = Callable[[float, str], None]
#: ``flagger(source, translation) -> flags`` (e.g. faithfulness checks) for :func:`build_table`.
Flagger = Callable[[str, str], tuple[str, ...]]
#: Letters only Kazakh has (among kk, ky, ru); Kyrgyz shares ң ө ү with it.
_KAZAKH_ONLY = frozenset("әғқұһі")
_KYRGYZ_OR_KAZAKH = frozenset("ңөү")
_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


# ── systems and results ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SystemSpec:
    """One column to fill: a model (engine + model id or folder) or an uploaded file."""

    label: str
    engine: str
    model: str
    #: Catalog entry's language pairs (``ru-en``); empty when unknown (local folders).
    pairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class SystemResult:
    """One system's translation of every input line (``Translation`` per line, in order).

    Attributes:
        label: Column header.
        engine: Engine name (``imported`` for uploads).
        model: Model id, folder name or uploaded file name.
        signature: Its signature(s), joined by `` ; `` when lines were translated from several
            languages (see :attr:`signatures`).
        translations: One per input line.
    """

    label: str
    engine: str
    model: str
    signature: str
    translations: tuple[Translation, ...]

    @property
    def signatures(self) -> tuple[str, ...]:
        """The distinct signatures of its lines (one per source language it translated)."""
        found = tuple(dict.fromkeys(t.signature for t in self.translations if t.signature))
        return found or ((self.signature,) if self.signature else ())


def system_result(
    label: str, engine: str, model: str, translations: Sequence[Translation]
) -> SystemResult:
    """A :class:`SystemResult` whose signature joins its lines' signatures."""
    sigs = dict.fromkeys(t.signature for t in translations if t.signature)
    return SystemResult(label, engine, model, " ; ".join(sigs), tuple(translations))


@dataclass(frozen=True)
class SideBySide:
    """Input lines, the systems' results, notices and each line's source language.

    Attributes:
        src: The most common source language (exports name one).
        lines: Input lines.
        systems: One result per column.
        notices: Messages for the user.
        languages: Each line's source language (empty: all ``src``).
    """

    src: str
    lines: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    notices: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def line_languages(self) -> tuple[str, ...]:
        """The source language of every line."""
        return self.languages or (self.src,) * len(self.lines)

    def system(self, label: str) -> SystemResult:
        """The system called ``label``.

        Raises:
            UserInputError: when there is none.
        """
        for system in self.systems:
            if system.label == label:
                return system
        raise UserInputError(f"There is no system called {label!r} here; translate first.")


# ── languages ────────────────────────────────────────────────────────────────────────────


def guess_language(line: str) -> str | None:
    """kk, ky or ru for one line, or ``None`` when it cannot be told.

    CLD2 first (when it names one of the three); else letters: one of ә ғ қ ұ һ і is Kazakh,
    one of ң ө ү Kyrgyz-or-Kazakh (Kyrgyz, the only one of the two without the Kazakh-only
    letters); a long Cyrillic line with none of them is Russian.
    """
    if not line.strip():
        return None
    guess = langid.detect(line)
    if guess.language in SOURCE_LANGUAGES and (guess.reliable or guess.confidence >= 50):
        return guess.language
    letters = set(line.lower())
    if letters & _KAZAKH_ONLY:
        return "kk"
    if letters & _KYRGYZ_OR_KAZAKH:
        return "ky"
    if guess.language in SOURCE_LANGUAGES:
        return guess.language
    if langid.script_of(line) == "Cyrl" and sum(c.isalpha() for c in line) >= 20:
        return "ru"
    return None


def line_languages(lines: Sequence[str], choice: str) -> tuple[list[str], list[str]]:
    """The source language of every line and notices saying what was detected.

    With ``choice`` = :data:`AUTO` each line is detected on its own; a line that cannot be told
    (too short, numbers only) takes the language of the nearest line before it that could, else
    the most common one. Blank lines get the most common language.

    Raises:
        UserInputError: for an unknown choice, or when no line's language can be told.
    """
    if choice != AUTO:
        if choice not in SOURCE_LANGUAGES:
            names = ", ".join(f"{LANGUAGE_NAMES[c]}" for c in SOURCE_LANGUAGES)
            raise UserInputError(f"Pick the source language from the list ({names}).")
        return [choice] * len(lines), []
    guesses = [guess_language(line) for line in lines]
    known = [g for g in guesses if g]
    if not known:
        if langid.detect("\n".join(lines)).language == "en":
            raise UserInputError(
                "The text looks like English, and the workbench translates into English "
                "(from Kazakh, Kyrgyz or Russian): paste the statement in its own language."
            )
        raise UserInputError(
            "Could not tell whether the text is Kazakh, Kyrgyz or Russian; "
            "pick the language under Source language."
        )
    common = max(set(known), key=known.count)
    out: list[str] = []
    last = common
    for guess in guesses:
        last = guess or last
        out.append(guess or last)
    by_lang: dict[str, list[int]] = {}
    for n, (line, lang) in enumerate(zip(lines, out, strict=True), 1):
        if line.strip():
            by_lang.setdefault(lang, []).append(n)
    if len(by_lang) == 1:
        return out, [f"Detected {LANGUAGE_NAMES[common]}."]
    parts = [f"{LANGUAGE_NAMES[lang]} on {_line_list(ns)}" for lang, ns in by_lang.items()]
    return out, [
        "Detected " + "; ".join(parts) + ": each line is translated from its own language."
    ]


def _line_list(numbers: Sequence[int]) -> str:
    shown = ", ".join(map(str, numbers[:8])) + (" …" if len(numbers) > 8 else "")
    return f"line{'s' if len(numbers) > 1 else ''} {shown}"


def row_sentences(lines: Sequence[str], languages: Sequence[str]) -> list[list[Sentence]]:
    """The source sentences of every line (the table's rows), cut in the line's language."""
    return [split_sentences(line, lang) for line, lang in zip(lines, languages, strict=True)]


def default_systems(lines: Sequence[str], languages: Sequence[str]) -> list[SystemSpec]:
    """The catalog's default model for each language present in ``lines``."""
    from workbench.models import default_for

    specs: dict[str, SystemSpec] = {}
    for lang, line in zip(languages, lines, strict=True):
        if line.strip():
            entry = default_for(lang)
            specs[entry.name] = SystemSpec(entry.name, entry.engine, entry.hub_id, entry.pairs)
    return list(specs.values())


def catalog_system(name: str) -> SystemSpec | None:
    """The catalog model ``name`` as a system, or ``None`` when there is no such entry."""
    from workbench.models import find_entry

    entry = find_entry(name)
    return SystemSpec(entry.name, entry.engine, entry.hub_id, entry.pairs) if entry else None


# ── model systems ────────────────────────────────────────────────────────────────────────


def translate_system(
    pool: Any,
    spec: SystemSpec,
    lines: Sequence[str],
    languages: Sequence[str],
    *,
    beam_size: int = 4,
    max_length: int = 256,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[SystemResult, list[str]]:
    """Translate every line with ``spec``, each group of lines from its own language.

    Lines in a language the model does not translate (per the catalog) stay empty, with a
    notice saying which model to pick instead.

    Returns:
        The system's result and notices.
    """
    from workbench.pipeline.translate import translate_texts

    out: list[Translation] = [Translation(line, "", "") for line in lines]
    notices: list[str] = []
    groups: dict[str, list[int]] = {}
    for i, (line, lang) in enumerate(zip(lines, languages, strict=True)):
        if line.strip():
            groups.setdefault(lang, []).append(i)
    for lang, idx in groups.items():
        if spec.pairs and f"{lang}-en" not in spec.pairs:
            notices.append(
                f"{spec.label} does not translate {LANGUAGE_NAMES[lang]}, so its "
                f"{_line_list([i + 1 for i in idx])} stay empty; tick a model that does "
                "(NLLB-200 translates Kazakh, Kyrgyz and Russian)."
            )
            continue
        translator = pool.get(
            spec.engine, spec.model, lang, beam_size=int(beam_size), max_length=int(max_length)
        )
        done = translate_texts([lines[i] for i in idx], translator, progress=progress)
        for i, t in zip(idx, done, strict=True):
            out[i] = t
            notices += [f"{spec.label}: {w}" for w in t.warnings]
    return system_result(spec.label, spec.engine, spec.model, out), notices


# ── uploaded translations ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class UploadedTranslations:
    """The content of an uploaded translations file.

    Attributes:
        name: File name (never the server path).
        digest: SHA-256 prefix of the bytes (the signature's revision).
        lines: For .txt: the translation lines (blank lines dropped).
        pairs: For keyed formats: ``normalised source → translation``.
    """

    name: str
    digest: str
    lines: tuple[str, ...] = ()
    pairs: Mapping[str, str] = field(default_factory=dict)


def read_upload(path: str | Path, name: str, src: str | None = None) -> UploadedTranslations:
    """Parse an uploaded translations file (decoded under the one input policy).

    Raises:
        UserInputError: for an unsupported suffix, undecodable bytes, malformed rows or
            conflicting translations of one source.
    """
    from workbench.textio import read_text

    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_FORMATS:
        raise UserInputError(
            f"{name}: translations can be uploaded as {', '.join(UPLOAD_FORMATS)}, "
            f"not {suffix or 'a file without an extension'}."
        )
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise UserInputError(f"Cannot read the upload {name}; upload it again.") from err
    digest = "sha256-" + hashlib.sha256(raw).hexdigest()[:16]
    text = read_text(p, name=name).text
    if suffix == ".txt":
        lines = tuple(line.strip() for line in text.splitlines() if line.strip())
        if not lines:
            raise UserInputError(f"{name} is empty; upload a file with one translation a line.")
        return UploadedTranslations(name, digest, lines=lines)
    table = pair_table(read_rows(text, name, suffix, src), name)
    pairs = {key: translation for key, (_, translation) in table.items()}
    return UploadedTranslations(name, digest, pairs=pairs)


def spread(translation: str, sentences: Sequence[Sentence]) -> list[str]:
    """Spread one line's translation over the line's source sentences.

    The translation is cut into English sentences; with as many as there are source
    sentences they pair one to one, otherwise each English sentence goes to the source
    sentence at the same relative position (by characters), so nothing is dropped and the
    order is kept. Rows that get nothing stay empty.
    """
    if len(sentences) <= 1:
        return [translation.strip()] if sentences else []
    parts = [s.text for s in split_sentences(translation, "en")]
    if len(parts) == len(sentences):
        return parts
    total_src = sum(len(s.text) for s in sentences) or 1
    bounds: list[float] = []
    acc = 0
    for s in sentences:
        acc += len(s.text)
        bounds.append(acc / total_src)
    total_tgt = sum(len(p) for p in parts) or 1
    out: list[list[str]] = [[] for _ in sentences]
    acc = 0
    for part in parts:
        middle = (acc + len(part) / 2) / total_tgt
        acc += len(part)
        row = next((k for k, b in enumerate(bounds) if middle <= b), len(sentences) - 1)
        out[row].append(part)
    return [" ".join(p) for p in out]


def import_system(
    upload: UploadedTranslations,
    lines: Sequence[str],
    languages: Sequence[str],
    *,
    label: str | None = None,
    tgt: str = "en",
) -> tuple[SystemResult, list[str]]:
    """Line an uploaded file's translations up with the input's sentences.

    Raises:
        UserInputError: when nothing in the file matches the input (the message says how the
            file is matched).
    """
    rows = row_sentences(lines, languages)
    if upload.lines:
        per_row, notices = _by_position(upload, lines, rows)
    else:
        per_row, notices = _by_source(upload, lines, rows)
    out = []
    for line, lang, sentences, texts in zip(lines, languages, rows, per_row, strict=True):
        # A line the file does not translate carries no signature (nothing to post-edit).
        signature = str(_signature(upload, lang, tgt)) if any(texts) else ""
        pairs = tuple(
            SentenceTranslation(s, text, origin="imported")
            for s, text in zip(sentences, texts, strict=True)
        )
        out.append(Translation(line, " ".join(t for t in texts if t), signature, pairs))
    # Translations in the wrong language were taken as they came; only the faithfulness
    # column called them "untranslated" (hyg14's walk): say so as Evaluate and Compare do.
    from workbench.pipeline.inputs import language_notice

    what = f"The uploaded translation {upload.name}"
    fix = f"translations made elsewhere must be {LANGUAGE_NAMES.get(tgt, tgt)}"
    if note := language_notice([t.text for t in out], tgt, what, fix, "input line"):
        notices = [*notices, note]
    name = label or f"imported: {upload.name}"
    return system_result(name, "imported", upload.name, out), notices


def _signature(upload: UploadedTranslations, src: str, tgt: str) -> TranslationSignature:
    return TranslationSignature(
        engine="imported",
        model=upload.name,
        revision=upload.digest,
        backend="file",
        precision="n/a",
        beam_size=0,
        max_length=0,
        src=src,
        tgt=tgt,
        version=__version__,
        decoding=False,
    )


def _by_position(
    upload: UploadedTranslations, lines: Sequence[str], rows: list[list[Sentence]]
) -> tuple[list[list[str]], list[str]]:
    n_lines = sum(1 for line in lines if line.strip())
    n_sentences = sum(len(r) for r in rows)
    got = len(upload.lines)
    it = iter(upload.lines)
    if got == n_sentences:
        return [[next(it) for _ in r] for r in rows], []
    if got == n_lines:
        return [spread(next(it), r) if r else [] for r in rows], [
            f"{upload.name}: one translation per input line, spread over the line's sentences."
        ]
    raise UserInputError(
        f"{upload.name} has {count(got, 'translation line')}, but the input has "
        f"{count(n_lines, 'line')} and {count(n_sentences, 'sentence')}; a .txt must give one translation per input line or per "
        "sentence, in order (or upload a .tsv with the source text beside each translation)."
    )


def _by_source(
    upload: UploadedTranslations, lines: Sequence[str], rows: list[list[Sentence]]
) -> tuple[list[list[str]], list[str]]:
    out: list[list[str]] = []
    missing: list[str] = []
    for line, sentences in zip(lines, rows, strict=True):
        whole = upload.pairs.get(normalise(line))
        if whole is not None:
            out.append(spread(whole, sentences))
            continue
        texts = []
        for s in sentences:
            found = upload.pairs.get(normalise(s.text))
            if found is None:
                missing.append(s.text)
            texts.append(found or "")
        out.append(texts)
    total = sum(len(r) for r in rows)
    if missing and len(missing) == total:
        raise UserInputError(
            f"None of the {total} source sentences is in {upload.name}; its source texts must "
            "be the input's sentences or lines, word for word."
        )
    notices = []
    if missing:
        notices.append(
            f"{upload.name} has no translation for {len(missing)} of {total} sentences "
            f"(first: {missing[0][:60]!r}); those cells stay empty."
        )
    return out, notices


# ── the table ────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Cell:
    """One system's translation of one source sentence, as shown.

    Attributes:
        text: The translation (post-edit applied).
        origin: ``mt``, ``post-edited``, ``imported`` or ``missing``.
        machine: The translation before post-editing.
        signature: Signature of the translation (post-edits are keyed by it).
        flags: Per-engine flags for this cell (faithfulness checks plug in here).
    """

    text: str
    origin: str
    machine: str = ""
    signature: str = ""
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One source sentence across systems."""

    id: str
    line: int
    sentence: int
    source: str
    cells: tuple[Cell, ...]
    agreement: float | None = None


@dataclass(frozen=True)
class Table:
    """The side-by-side table: headers are the systems' labels."""

    systems: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def has_flags(self) -> bool:
        """Whether any cell carries a flag (then a flags column is shown)."""
        return any(c.flags for r in self.rows for c in r.cells)


def build_table(
    result: SideBySide,
    edits: Mapping[tuple[str, str], str] | None = None,
    flaggers: Sequence[Flagger] = (),
) -> Table:
    """Rows of source sentences with one cell per system, post-edits applied.

    Args:
        result: What :func:`translate_side_by_side` returned.
        edits: ``(source sentence, signature) → post-edit``.
        flaggers: Functions giving flags per (source, translation) (e.g. faithfulness).
    """
    edits = edits or {}
    rows = row_sentences(result.lines, result.line_languages)
    _prepare(flaggers, result, rows, edits)
    out: list[Row] = []
    for i, sentences in enumerate(rows):
        for j, sentence in enumerate(sentences):
            cells = tuple(
                _cell(system, i, j, sentence.text, edits, flaggers) for system in result.systems
            )
            out.append(
                Row(
                    f"{i + 1}.{j + 1}",
                    i,
                    j,
                    sentence.text,
                    cells,
                    agreement([c.text for c in cells]),
                )
            )
    return Table(tuple(s.label for s in result.systems), tuple(out))


def _prepare(
    flaggers: Sequence[Flagger],
    result: SideBySide,
    rows: Sequence[Sequence[Sentence]],
    edits: Mapping[tuple[str, str], str],
) -> None:
    """Hand every ``(source, shown text)`` of the table at once to the flaggers that take them
    (a ``prepare`` attribute): a faithfulness check embeds all of them in one batch, where a
    check per cell took 1.2 s each (300 lines: 8 minutes before the table appeared)."""
    ready = [f for f in flaggers if callable(getattr(f, "prepare", None))]
    if not ready:
        return
    pairs = []
    for i, sentences in enumerate(rows):
        for j, sentence in enumerate(sentences):
            for system in result.systems:
                text = _shown(system, i, j, edits)
                if text:
                    pairs.append((sentence.text, text))
    for flagger in ready:
        flagger.prepare(pairs)  # type: ignore[attr-defined]


def _shown(
    system: SystemResult, i: int, j: int, edits: Mapping[tuple[str, str], str]
) -> str | None:
    """The text a cell shows: the post-edit, else the translation (None when missing)."""
    translation = system.translations[i] if i < len(system.translations) else None
    if translation is None or j >= len(translation.sentences):
        return None
    pair = translation.sentences[j]
    edited = edits.get((pair.source.text, translation.signature))
    return edited if edited is not None else pair.translation


def _cell(
    system: SystemResult,
    i: int,
    j: int,
    source: str,
    edits: Mapping[tuple[str, str], str],
    flaggers: Sequence[Flagger],
) -> Cell:
    translation = system.translations[i] if i < len(system.translations) else None
    if translation is None or j >= len(translation.sentences):
        return Cell("", "missing")
    pair = translation.sentences[j]
    edited = edits.get((pair.source.text, translation.signature))
    text = edited if edited is not None else pair.translation
    origin = (
        "post-edited" if edited is not None else (pair.origin if pair.translation else "missing")
    )
    flags = tuple(f for flag in flaggers for f in flag(source, text)) if text else ()
    return Cell(text, origin, pair.translation, translation.signature, flags)


def words(text: str) -> list[str]:
    """Word and punctuation tokens, lower-cased (what agreement and diffs compare)."""
    return [w.lower() for w in _WORD.findall(text)]


def agreement(texts: Sequence[str]) -> float | None:
    """Mean pairwise word-sequence similarity (0–100) of the non-empty texts; ``None`` below two."""
    present = [words(t) for t in texts if t.strip()]
    if len(present) < 2:
        return None
    scores = [
        difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
        for k, a in enumerate(present)
        for b in present[k + 1 :]
    ]
    return round(100 * sum(scores) / len(scores), 1)


def word_diff(text: str, others: Sequence[str]) -> list[tuple[str, str, bool]]:
    """``text`` as ``(space before, token, differs)`` pieces: a word differs when some other
    non-empty text does not have it at the matching place (word alignment by ``difflib``).

    Joining ``space + token`` over the pieces gives ``text`` back (without trailing space).
    """
    found = list(_WORD.finditer(text))
    lowered = [m.group(0).lower() for m in found]
    differs = [False] * len(found)
    for other in others:
        if not other.strip() or other == text:
            continue
        matcher = difflib.SequenceMatcher(None, lowered, words(other), autojunk=False)
        matched = [False] * len(found)
        for block in matcher.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
                matched[k] = True
        differs = [d or not m for d, m in zip(differs, matched, strict=True)]
    out = []
    previous = 0
    for m, d in zip(found, differs, strict=True):
        out.append((text[previous : m.start()], m.group(0), d))
        previous = m.end()
    return out


def disagreements(table: Table, below: float = 100.0) -> list[Row]:
    """Rows whose systems agree less than ``below`` percent, least agreement first."""
    rows = [r for r in table.rows if r.agreement is not None and r.agreement < below]
    return sorted(rows, key=lambda r: (r.agreement or 0.0, r.line, r.sentence))


# ── running everything ───────────────────────────────────────────────────────────────────


def translate_side_by_side(
    pool: Any,
    lines: Sequence[str],
    src_choice: str,
    specs: Sequence[SystemSpec],
    uploads: Sequence[UploadedTranslations] = (),
    *,
    beam_size: int = 4,
    max_length: int = 256,
    progress: Progress | None = None,
) -> SideBySide:
    """Translate ``lines`` with every model system and line up every uploaded file.

    Args:
        pool: The engine pool (:class:`workbench.pipeline.translate.EnginePool`).
        lines: Input lines (paragraphs).
        src_choice: kk, ky, ru or :data:`AUTO` (detect per line).
        specs: Model systems (none and no uploads: the catalog's default per language).
        uploads: Uploaded translations (each one column).
        beam_size: Beam width of the models.
        max_length: Maximum generated tokens per sentence.
        progress: ``progress(fraction, message)``.

    Raises:
        UserInputError: when the language cannot be told or an upload matches nothing.
    """
    languages, notices = line_languages(lines, src_choice)
    if not specs and not uploads:
        specs = default_systems(lines, languages)
    systems: list[SystemResult] = []
    for upload in uploads:
        system, more = import_system(upload, lines, languages)
        systems.append(system)
        notices += more
    for k, spec in enumerate(specs):

        def step(done: int, total: int, k: int = k, spec: SystemSpec = spec) -> None:
            if progress is not None and total:
                # the count's first report comes before a model's lazy load: "0/N" alone stood
                # for the load's seconds with no word of what was waited for (review23's walk)
                wait = " (a model's first use loads it first)" if done == 0 else ""
                progress(
                    (k + done / total) / len(specs),
                    f"{spec.label}: {done}/{total} sentences{wait}",
                )

        if progress is not None:
            progress(k / len(specs), f"Loading {spec.label}…")
        system, more = translate_system(
            pool, spec, lines, languages, beam_size=beam_size, max_length=max_length, progress=step
        )
        systems.append(system)
        notices += more
    labels: dict[str, int] = {}
    unique = []
    for system in systems:  # columns and menus need distinct labels
        labels[system.label] = labels.get(system.label, 0) + 1
        n = labels[system.label]
        unique.append(system if n == 1 else replace(system, label=f"{system.label} ({n})"))
    present = [lang for lang, line in zip(languages, lines, strict=True) if line.strip()]
    src = max(set(present), key=present.count) if present else languages[0]
    return SideBySide(
        src, tuple(lines), tuple(unique), tuple(dict.fromkeys(notices)), tuple(languages)
    )


# ── exports ──────────────────────────────────────────────────────────────────────────────

#: Export formats: name → file suffix.
EXPORT_FORMATS: dict[str, str] = {"TXT": ".txt", "JSONL": ".jsonl", "TMX": ".tmx", "XLIFF": ".xlf"}


def edited_translations(
    system: SystemResult, edits: Mapping[tuple[str, str], str]
) -> list[Translation]:
    """The system's translations with post-edits applied and each sentence's origin set."""
    out = []
    for t in system.translations:
        pairs = []
        for p in t.sentences:
            edit = edits.get((p.source.text, t.signature))
            if edit is None:
                pairs.append(p)
            else:
                pairs.append(
                    replace(p, translation=edit, origin="post-edited", machine=p.translation)
                )
        text = " ".join(p.translation for p in pairs if p.translation)
        out.append(replace(t, text=text, sentences=tuple(pairs)))
    return out


def export_system(
    result: SideBySide,
    label: str,
    fmt: str,
    edits: Mapping[tuple[str, str], str],
    path: Path,
) -> Path:
    """Write one system's translations (post-edits applied) as TXT, JSONL, TMX or XLIFF.

    TMX and XLIFF mark each segment as machine translation, post-edited or imported.

    Raises:
        UserInputError: for an unknown format or system, or a file that cannot be written.
    """
    from workbench.export import to_tmx, to_xliff, write_text

    if fmt not in EXPORT_FORMATS:
        raise UserInputError(f"Pick a format from the list ({', '.join(EXPORT_FORMATS)}).")
    system = result.system(label)
    translations = edited_translations(system, edits)
    n_edited = sum(p.origin == "post-edited" for t in translations for p in t.sentences)
    if n_edited:
        translations = [
            replace(t, signature=f"{t.signature}|postedits:{n_edited}") for t in translations
        ]
    if fmt == "TXT":
        return write_text("".join(f"{' '.join(t.text.splitlines())}\n" for t in translations), path)
    if fmt == "JSONL":
        return write_text(_jsonl(result, system, translations), path)
    render = to_tmx if fmt == "TMX" else to_xliff
    return write_text(render(translations, result.src, "en"), path)


def _jsonl(result: SideBySide, system: SystemResult, translations: Sequence[Translation]) -> str:
    rows = []
    for i, (t, lang) in enumerate(zip(translations, result.line_languages, strict=True)):
        for j, p in enumerate(t.sentences):
            record = {
                "line": i + 1,
                "sentence": j + 1,
                "source": p.source.text,
                "translation": p.translation,
                "machine_translation": p.machine or p.translation,
                "origin": p.origin,
                "post_edited": p.origin == "post-edited",
                "system": system.label,
                "src": lang,
                "tgt": "en",
                "signature": t.signature,
            }
            rows.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(rows)


def engine_names() -> list[str]:
    """The registered engines' names (without importing any of them)."""
    from workbench.engines import ENGINES

    return ENGINES.names()
