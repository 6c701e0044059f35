"""Translate tab: translate pasted or uploaded text with one or several systems, post-edit, export.

Every function here is plain Python over :mod:`workbench.pipeline.translate`; the tab module wires
them to gradio components.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError
from workbench.types import LANGUAGE_NAMES, SOURCE_LANGUAGES, Translation
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import UIProgress, check_size, output_path, read_upload
from workbench.ui.postedits import PostEditStore

log = logging.getLogger("workbench")

#: Value of the source-language dropdown that asks for detection.
AUTO = "auto"
#: Formats offered for download, name → file suffix.
EXPORT_FORMATS: dict[str, str] = {"TXT": ".txt", "JSONL": ".jsonl", "TMX": ".tmx", "XLIFF": ".xlf"}
#: Prefix of choice values that point at ``serve --model`` entries.
_EXTRA = "extra:"


@dataclass(frozen=True)
class SystemSpec:
    """One system to translate with: engine and model (Hub id, folder or catalog model)."""

    label: str
    engine: str
    model: str


@dataclass(frozen=True)
class SystemResult:
    """The translations of all input lines by one system."""

    label: str
    engine: str
    model: str
    signature: str
    translations: tuple[Translation, ...]


@dataclass(frozen=True)
class TranslateResult:
    """What the Translate tab shows: the input lines and each system's translations."""

    src: str
    lines: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    notices: tuple[str, ...] = ()


def model_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the model checkboxes: catalog entries, then ``--model`` ones."""
    from workbench.models import load_catalog

    choices = [(f"{e.name} ({e.engine})", e.name) for e in load_catalog()]
    choices += [(m.label, f"{_EXTRA}{i}") for i, m in enumerate(ctx.extra_models)]
    return choices


def language_choices() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the source-language dropdown, detection first."""
    return [("Detect automatically", AUTO)] + [
        (f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SOURCE_LANGUAGES
    ]


def resolve_source_language(text: str, choice: str) -> tuple[str, list[str]]:
    """The source language to use, detecting it when ``choice`` is :data:`AUTO`.

    Raises:
        UserInputError: when detection does not give kk, ky or ru.
    """
    if choice != AUTO:
        if choice not in SOURCE_LANGUAGES:
            raise UserInputError(
                f"Unknown source language {choice!r}; pick one of {', '.join(SOURCE_LANGUAGES)}."
            )
        return choice, []
    from workbench.langid import detect

    guess = detect(text)
    if guess.language not in SOURCE_LANGUAGES:
        raise UserInputError(
            f"Could not tell whether the text is Kazakh, Kyrgyz or Russian (detector: "
            f"{guess.language!r}); pick the source language yourself."
        )
    name = LANGUAGE_NAMES[guess.language]
    return guess.language, [f"Detected {name} (confidence {guess.confidence:.0f})."]


def resolve_systems(
    ctx: UIContext,
    selected: Sequence[str],
    custom_model: str,
    custom_engine: str,
    src: str,
) -> list[SystemSpec]:
    """Turn the chosen checkboxes and the free model box into systems to run.

    With nothing chosen, the catalog's default model for ``src`` is used.

    Raises:
        UserInputError: for an unknown catalog name or a ``--model`` index out of range.
    """
    from workbench.models import default_for, load_catalog

    catalog = {e.name: e for e in load_catalog()}
    systems: list[SystemSpec] = []
    for value in selected or ():
        if value.startswith(_EXTRA):
            index = value.removeprefix(_EXTRA)
            if not index.isdigit() or int(index) >= len(ctx.extra_models):
                raise UserInputError(f"Unknown model {value!r}; pick one from the list.")
            choice = ctx.extra_models[int(index)]
            systems.append(
                SystemSpec(short_label(choice.engine, choice.model), choice.engine, choice.model)
            )
        elif value in catalog:
            entry = catalog[value]
            systems.append(SystemSpec(entry.name, entry.engine, entry.hub_id))
        else:
            raise UserInputError(f"Unknown model {value!r}; pick one from the list.")
    if custom_model and custom_model.strip():
        # Only models the operator named: never a server path a visitor typed.
        model = ctx.model_access.resolve(custom_engine, custom_model)
        systems.append(SystemSpec(short_label(custom_engine, model), custom_engine, model))
    if not systems:
        entry = default_for(src)
        systems.append(SystemSpec(entry.name, entry.engine, entry.hub_id))
    seen: dict[str, int] = {}
    unique = []
    for spec in systems:  # column headers and the post-edit menu need distinct labels
        seen[spec.label] = seen.get(spec.label, 0) + 1
        label = spec.label if seen[spec.label] == 1 else f"{spec.label} ({seen[spec.label]})"
        unique.append(replace(spec, label=label))
    return unique


def short_label(engine: str, model: str) -> str:
    """``engine: name`` with a local path shortened to its last part (the signature keeps it)."""
    name = Path(model).name if Path(model).exists() else model
    return f"{engine}: {name or model}"


def gather_input(text: str | None, upload: str | None) -> tuple[list[str], list[str]]:
    """Input lines from the text box, or from the uploaded file when one is given.

    Raises:
        UserInputError: when there is no text at all, or it is too large.
    """
    notices: list[str] = []
    if upload:
        text, notices = read_upload(upload, "text file")
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    check_size(text)
    if not text.strip():
        raise UserInputError("There is nothing to translate; paste text or upload a file.")
    return text.rstrip("\n").split("\n"), notices


def translate(
    ctx: UIContext,
    text: str | None,
    upload: str | None,
    src_choice: str,
    selected: Sequence[str],
    custom_model: str = "",
    custom_engine: str = "opus-mt",
    beam_size: int = 4,
    max_length: int = 256,
    progress: UIProgress | None = None,
) -> TranslateResult:
    """Translate the input with every chosen system (models load lazily through the pool)."""
    from workbench.pipeline.translate import translate_texts

    lines, notices = gather_input(text, upload)
    src, detected = resolve_source_language("\n".join(lines), src_choice)
    notices += detected
    specs = resolve_systems(ctx, selected, custom_model, custom_engine, src)
    results: list[SystemResult] = []
    for k, spec in enumerate(specs):

        def step(done: int, total: int, k: int = k, spec: SystemSpec = spec) -> None:
            if progress is not None and total:
                frac = (k + done / total) / len(specs)
                progress(frac, f"{spec.label}: {done}/{total} sentences")

        if progress is not None:
            progress(k / len(specs), f"Loading {spec.label}…")
        translator = ctx.pool.get(
            spec.engine, spec.model, src, beam_size=int(beam_size), max_length=int(max_length)
        )
        translations = translate_texts(lines, translator, progress=step)
        signature = translations[0].signature if translations else str(translator.signature)
        for t in translations:
            notices += [f"{spec.label}: {w}" for w in t.warnings]
        results.append(
            SystemResult(spec.label, spec.engine, spec.model, signature, tuple(translations))
        )
    return TranslateResult(src, tuple(lines), tuple(results), tuple(dict.fromkeys(notices)))


# ── post-editing ──────────────────────────────────────────────────────────────────────────


def row_ids(result: TranslateResult) -> list[str]:
    """Row labels ``line.sentence`` (1-based) of every source sentence, in order."""
    if not result.systems:
        return []
    return [
        f"{i + 1}.{j + 1}"
        for i, t in enumerate(result.systems[0].translations)
        for j in range(len(t.sentences))
    ]


def _sentence(system: SystemResult, row: str) -> tuple[str, str]:
    """``(source sentence, machine translation)`` of ``row`` in ``system``."""
    try:
        line, sent = (int(x) - 1 for x in row.split("."))
        pair = system.translations[line].sentences[sent]
    except (ValueError, IndexError) as err:
        raise UserInputError(f"There is no sentence {row!r}; pick a row from the table.") from err
    return pair.source.text, pair.translation


def _system(result: TranslateResult, label: str) -> SystemResult:
    for system in result.systems:
        if system.label == label:
            return system
    raise UserInputError(f"No system called {label!r} in these results; translate first.")


def current_translation(
    ctx: UIContext, result: TranslateResult | None, row: str, label: str
) -> str:
    """The translation of ``row`` by ``label`` as shown (the post-edit when there is one)."""
    if result is None or not row or not label:
        return ""
    system = _system(result, label)
    source, mt = _sentence(system, row)
    edits = _postedits(ctx, [(source, system.signature)])
    return edits.get((source, system.signature), mt)


def save_postedit(
    ctx: UIContext, result: TranslateResult | None, row: str, label: str, edited: str
) -> str:
    """Keep the post-edit of one sentence; returns a confirmation for the user.

    Raises:
        UserInputError: when there are no results yet, or the edit is empty.
    """
    if result is None:
        raise UserInputError("Translate something first, then edit its translation.")
    system = _system(result, label)
    source, mt = _sentence(system, row)
    if (edited or "").strip() == mt.strip():
        raise UserInputError("That is the machine translation unchanged; edit it, then save.")
    PostEditStore(ctx.postedits_path).save(source, system.signature, mt, edited)
    return f"Saved your edit of sentence {row} ({system.label})."


def _postedits(ctx: UIContext, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Stored post-edits of ``keys``; an unusable store never stops a translation."""
    try:
        return PostEditStore(ctx.postedits_path).lookup(keys)
    except UserInputError as err:
        log.warning("Post-edits are not shown: %s", err)
        return {}


def edited_sentences(ctx: UIContext, system: SystemResult) -> list[list[tuple[str, str, bool]]]:
    """Per line, per sentence: ``(source, translation with post-edits applied, edited?)``."""
    keys = [(p.source.text, system.signature) for t in system.translations for p in t.sentences]
    edits = _postedits(ctx, keys)
    out: list[list[tuple[str, str, bool]]] = []
    for t in system.translations:
        row = []
        for p in t.sentences:
            edit = edits.get((p.source.text, system.signature))
            row.append(
                (p.source.text, edit if edit is not None else p.translation, edit is not None)
            )
        out.append(row)
    return out


def table_rows(ctx: UIContext, result: TranslateResult | None) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the side-by-side table: one row per source sentence.

    A post-edited cell starts with ``✎``.
    """
    if result is None or not result.systems:
        return ["#", "Source"], []
    headers = ["#", "Source"] + [s.label for s in result.systems]
    per_system = [edited_sentences(ctx, s) for s in result.systems]
    rows: list[list[str]] = []
    first = per_system[0]
    for i, line in enumerate(first):
        for j, (source, _, _) in enumerate(line):
            row = [f"{i + 1}.{j + 1}", source]
            for sentences in per_system:
                try:
                    _, text, edited = sentences[i][j]
                except IndexError:
                    text, edited = "", False
                row.append(f"✎ {text}" if edited else text)
            rows.append(row)
    return headers, rows


# ── export ────────────────────────────────────────────────────────────────────────────────


def export(ctx: UIContext, result: TranslateResult | None, label: str, fmt: str) -> Path:
    """Write one system's translations (post-edits applied) as TXT, JSONL, TMX or XLIFF.

    Raises:
        UserInputError: when there is nothing to export or the format is unknown.
    """
    if result is None or not result.systems:
        raise UserInputError("Translate something first, then download it.")
    if fmt not in EXPORT_FORMATS:
        raise UserInputError(f"Unknown format {fmt!r}; pick one of {', '.join(EXPORT_FORMATS)}.")
    system = _system(result, label) if label else result.systems[0]
    sentences = edited_sentences(ctx, system)
    path = output_path(ctx.exports_dir, f"translation-{system.label}", EXPORT_FORMATS[fmt])
    n_edited = sum(e for line in sentences for _, _, e in line)
    signature = system.signature + (f"|postedits:{n_edited}" if n_edited else "")
    writer = _WRITERS[fmt]
    writer(path, result, system, sentences, signature)
    return path


def _write_txt(
    path: Path, result: TranslateResult, system: SystemResult, sentences: Any, signature: str
) -> None:
    lines = [" ".join(t for _, t, _ in line) for line in sentences]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_jsonl(
    path: Path, result: TranslateResult, system: SystemResult, sentences: Any, signature: str
) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, line in enumerate(sentences):
            for j, (source, text, edited) in enumerate(line):
                mt = system.translations[i].sentences[j].translation
                record = {
                    "line": i + 1,
                    "sentence": j + 1,
                    "source": source,
                    "translation": text,
                    "machine_translation": mt,
                    "post_edited": edited,
                    "system": system.label,
                    "src": result.src,
                    "tgt": "en",
                    "signature": signature,
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_tm(
    path: Path, result: TranslateResult, system: SystemResult, sentences: Any, signature: str
) -> None:
    from workbench.export import to_tmx, to_xliff, write_text

    edited = [
        replace(
            t,
            signature=signature,
            text=" ".join(text for _, text, _ in line if text),
            sentences=tuple(
                replace(pair, translation=text)
                for pair, (_, text, _) in zip(t.sentences, line, strict=True)
            ),
        )
        for t, line in zip(system.translations, sentences, strict=True)
    ]
    render = to_tmx if path.suffix == ".tmx" else to_xliff
    write_text(render(edited, result.src, "en"), path)


_WRITERS = {"TXT": _write_txt, "JSONL": _write_jsonl, "TMX": _write_tm, "XLIFF": _write_tm}


def with_notice(result: TranslateResult, notice: str) -> TranslateResult:
    """A copy of ``result`` with one more notice."""
    return replace(result, notices=(*result.notices, notice))
