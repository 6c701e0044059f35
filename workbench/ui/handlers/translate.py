"""Translate tab: one text, several systems side by side, post-edits in the table, downloads.

Plain functions over :mod:`workbench.pipeline.side_by_side` and :mod:`workbench.pipeline.models`
(the tab module wires them to gradio components). Systems are models from the list (catalog,
local, converted, ``serve --model``) and uploaded translations made elsewhere; the UI never
opens a path a visitor types.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.errors import UserInputError, WorkbenchError
from workbench.pipeline import models as pm
from workbench.pipeline import side_by_side as sbs
from workbench.pipeline.inputs import note_alphabet
from workbench.pipeline.postedits import PostEditStore
from workbench.types import LANGUAGE_NAMES, SOURCE_LANGUAGES
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import UIProgress, check_size, output_path, read_upload
from workbench.ui.render import esc
from workbench.wording import megabytes

log = logging.getLogger("workbench")

AUTO = sbs.AUTO
EXPORT_FORMATS = sbs.EXPORT_FORMATS
#: Marks a post-edited cell in the table.
EDIT_MARK = "✎ "
#: Marks a cell left empty because the system has no translation for it.
MISSING = "—"
# Prefixes of model choice values.
_CATALOG, _LOCAL, _SERVE = "catalog:", "local:", "serve:"

TranslateResult = sbs.SideBySide


@dataclass(frozen=True)
class View:
    """What the tab shows after translating or editing."""

    headers: list[str]
    rows: list[list[str]]
    disagreements: str
    table: sbs.Table


# ── choices ──────────────────────────────────────────────────────────────────────────────


def model_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """``(label, value)`` for the model checkboxes: the catalog marked ready or would download
    (with sizes), then local, converted and ``serve --model`` models."""
    choices = [(s.label, f"{_CATALOG}{s.entry.name}") for s in pm.catalog_status(ctx.settings)]
    found = local_models(ctx)
    names = shown_names(found)
    shown = {id(m) for m in _local(ctx, found) if m.kind != "serve"}
    choices += [
        (local_label(m, names[str(m.path)]), f"{_LOCAL}{key}")
        for key, m in keyed(found).items()
        if id(m) in shown
    ]
    for i in range(len(ctx.extra_models)):
        m = _serve_model(ctx, i)
        choices.append(
            (f"{m.engine}: {m.name} · given to serve, {megabytes(m.size_mb)}", f"{_SERVE}{i}")
        )
    return choices


def shown_name(m: pm.LocalModel) -> str:
    """A local model's name as users see it. A conversion's folder is named after the full
    path of the model it came from (``tmp--home--models--my-ru-en--sha256-…--int8``, seen in
    the walk of session 11): it is shown as that model's name and its quantization."""
    if m.kind == "converted" and m.source:
        return f"{Path(m.source).name} ({m.name.rsplit('--', 1)[-1]})"
    return m.name


def shown_names(models: Sequence[pm.LocalModel]) -> dict[str, str]:
    """Each model's shown name, by its folder (``str(path)``). Two that would read the same (conversions of
    same-named folders from different parents, or of one folder re-copied with other weights;
    one name in two model folders) are told apart by the folder they came from, else by the
    revision (review11 F3: the lists had two identical entries)."""
    names = {str(m.path): shown_name(m) for m in models}
    groups: dict[str, list[pm.LocalModel]] = {}
    for m in models:
        groups.setdefault(names[str(m.path)], []).append(m)
    for name, group in groups.items():
        if len(group) > 1:
            for m, tag in zip(group, _tags(group), strict=True):
                names[str(m.path)] = f"{name} · {tag}"
    return names


def _origin(m: pm.LocalModel) -> Path:
    """The folder a model came from: a conversion's source folder, else its own folder."""
    if m.kind == "converted" and m.source and Path(m.source).is_absolute():
        return Path(m.source)
    return m.path


def _tags(group: Sequence[pm.LocalModel]) -> list[str]:
    """The fewest trailing parent folders that tell ``group`` apart, else the revisions."""
    parents = [_origin(m).parent.parts for m in group]
    for k in range(1, max(len(p) for p in parents) + 1):
        tails = ["/".join(p[-k:]).lstrip("/") for p in parents]
        if len(set(tails)) == len(tails):
            return [f"from {t}/" if t else "from /" for t in tails]
    revisions = [_revision(m) for m in group]
    if len(set(revisions)) == len(revisions):
        return [f"revision {r}" for r in revisions]
    return [f"folder {m.name}" for m in group]


def _revision(m: pm.LocalModel) -> str:
    """The revision part of a conversion's folder (``<slug>--<revision>--<quantization>``)."""
    parts = m.name.split("--")
    if m.kind != "converted" or len(parts) < 3:
        return m.name
    rev = parts[-2]
    return rev[:15] if rev.startswith("sha256-") else rev[:8]


def local_label(m: pm.LocalModel, name: str | None = None) -> str:
    """How a model list shows a local model or a conversion (``name``: its shown name)."""
    name = name or shown_name(m)
    if m.kind == "converted" and m.source:
        return f"{name} (ct2) · converted, {megabytes(m.size_mb)}"
    if name != m.name:
        return m.label.replace(m.name, name, 1)
    return m.label


def _serve_model(ctx: UIContext, i: int) -> pm.LocalModel:
    choice = ctx.extra_models[i]
    path = Path(choice.model).expanduser()
    size = pm.folder_size_mb(path) if path.is_dir() else 0.0
    return pm.LocalModel(path.name or choice.model, choice.engine, path, "serve", size)


def local_models(ctx: UIContext) -> list[pm.LocalModel]:
    """Models in the operator's model folders and conversions (not ``serve --model`` ones)."""
    return pm.local_models(ctx.settings, folders=tuple(ctx.models_dirs))


def _local(ctx: UIContext, found: Sequence[pm.LocalModel]) -> list[pm.LocalModel]:
    catalog_ids = {s.entry.hub_id for s in pm.catalog_status(ctx.settings)}
    # A conversion of a catalog model is that catalog entry ("ready (converted)").
    return [m for m in found if m.source not in catalog_ids or not m.source]


def keyed(models: Sequence[pm.LocalModel]) -> dict[str, pm.LocalModel]:
    """The models by the key their list value holds: ``kind/name``, and ``kind/name#2``… for a
    second folder of one name (``<home>/models`` and a ``serve --models-dir`` may both have
    one: the second was unreachable)."""
    out: dict[str, pm.LocalModel] = {}
    for m in models:
        key, n = f"{m.kind}/{m.name}", 1
        while key in out:
            n += 1
            key = f"{m.kind}/{m.name}#{n}"
        out[key] = m
    return out


def language_choices() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for the source-language dropdown, detection first."""
    return [("Detect per line", AUTO)] + [
        (f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SOURCE_LANGUAGES
    ]


def resolve_systems(
    ctx: UIContext,
    selected: Sequence[str],
    custom_model: str = "",
    custom_engine: str = "opus-mt",
) -> list[sbs.SystemSpec]:
    """The ticked models, and a model typed by name, as systems.

    A typed model is resolved by the operator's rule
    (:class:`~workbench.pipeline.model_access.ModelAccess`): a catalog model, a ``serve
    --model`` entry or a folder in the operator's model folders; never any other server path.

    Raises:
        UserInputError: for a value that is not in the list (a stale page), or a typed model
            that is not on offer (one message, whatever the path).
    """
    found = local_models(ctx)
    local = keyed(found)
    names = shown_names(found)
    specs = []
    for value in selected or ():
        if value.startswith(_CATALOG) and (
            spec := sbs.catalog_system(value.removeprefix(_CATALOG))
        ):
            specs.append(spec)
        elif value.startswith(_LOCAL) and (m := local.get(value.removeprefix(_LOCAL))):
            specs.append(sbs.SystemSpec(names[str(m.path)], m.engine, str(m.path)))
        elif value.startswith(_SERVE) and value.removeprefix(_SERVE).isdigit():
            i = int(value.removeprefix(_SERVE))
            if i >= len(ctx.extra_models):
                raise UserInputError("That model is no longer offered; reload the page.")
            m = _serve_model(ctx, i)
            specs.append(
                sbs.SystemSpec(f"{m.engine}: {m.name}", m.engine, ctx.extra_models[i].model)
            )
        else:
            raise UserInputError("That model is no longer in the list; reload the page.")
    if custom_model and custom_model.strip():
        model = ctx.model_access.resolve(custom_engine, custom_model)
        name = Path(model).name if Path(model).is_absolute() else model
        specs.append(sbs.SystemSpec(f"{custom_engine}: {name}", custom_engine, model))
    return specs


# ── translating ──────────────────────────────────────────────────────────────────────────


def gather_input(text: str | None, upload: str | None) -> tuple[list[str], list[str]]:
    """Input lines from the text box, or from the uploaded source file when one is given.

    Raises:
        UserInputError: when there is no text at all, or it is too large.
    """
    notices: list[str] = []
    if upload:
        pasted = (text or "").strip()
        text, notices = read_upload(upload, "source file")
        if pasted:  # hyg14's walk: the box's text was dropped without a word
            notices.append(
                f"The text in the box is left aside: the uploaded source file {Path(upload).name} "
                "is translated. To translate the box's text, remove the file (×)."
            )
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    check_size(text)
    if not text.strip():
        raise UserInputError("There is nothing to translate; paste text or upload a source file.")
    return text.rstrip("\n").split("\n"), notices


def read_translations(
    uploads: Sequence[str] | None, src_choice: str
) -> list[sbs.UploadedTranslations]:
    """Parse every uploaded translations file (named by file name only)."""
    src = None if src_choice == AUTO else src_choice
    return [sbs.read_upload(path, Path(path).name, src) for path in uploads or ()]


def translate(
    ctx: UIContext,
    text: str | None,
    upload: str | None,
    src_choice: str,
    selected: Sequence[str],
    imported: Sequence[str] | None = None,
    beam_size: int = 4,
    max_length: int = 256,
    progress: UIProgress | None = None,
    custom_model: str = "",
    custom_engine: str = "opus-mt",
) -> TranslateResult:
    """Translate the input with every ticked model and line up every uploaded translation.

    With nothing ticked and nothing uploaded, the catalog's default model for each language of
    the input is used.
    """
    lines, notices = gather_input(text, upload)
    try:
        uploads = read_translations(imported, src_choice)
        specs = resolve_systems(ctx, selected, custom_model, custom_engine)
        try:
            result = sbs.translate_side_by_side(
                ctx.pool,
                lines,
                src_choice,
                specs,
                uploads,
                beam_size=int(beam_size),
                max_length=int(max_length),
                progress=progress,
            )
        except WorkbenchError as err:
            note_alphabet(err, lines)  # the missing model and the alphabet, both
            if not specs and not uploads:
                note_other_defaults(ctx, err, lines, src_choice)
            raise
    except WorkbenchError as err:
        # hyg14's walk: "the text in the box is left aside" came with a result only; a run
        # that failed (no model offline) showed the error alone.
        for note in notices:
            if note not in str(err):
                err.args = (f"{err} Also: {note}", *err.args[1:])
        raise
    return replace(result, notices=(*notices, *result.notices)) if notices else result


def note_other_defaults(
    ctx: UIContext, err: WorkbenchError, lines: Sequence[str], src_choice: str
) -> None:
    """Add to ``err`` the other languages' default models that are not on this machine.

    With nothing ticked each line goes to its language's default model, and the first one
    missing ends the run: a text of Russian, Kazakh and Kyrgyz lines named only the Russian
    model (ux13's walk), and the translator who brought it in was then told of the next one.
    """
    try:
        languages, _ = sbs.line_languages(lines, src_choice)
    except WorkbenchError:
        return
    missing = {
        s.entry.name for s in pm.catalog_status(ctx.settings) if s.state == pm.NOT_HERE_OFFLINE
    }
    by_model: dict[str, list[tuple[str, int]]] = {}
    for number, (lang, line) in enumerate(zip(languages, lines, strict=True), 1):
        if line.strip():
            for spec in sbs.default_systems([line], [lang]):
                if (
                    spec.label in missing
                    and spec.label not in str(err)
                    and spec.model not in str(err)
                ):
                    by_model.setdefault(spec.label, []).append((lang, number))
    if not by_model:
        return
    parts = []
    for model, where in by_model.items():
        langs: dict[str, list[int]] = {}
        for lang, number in where:
            langs.setdefault(lang, []).append(number)
        said = " and ".join(
            f"{LANGUAGE_NAMES.get(lang, lang)} ({_lines(numbers)})"
            for lang, numbers in langs.items()
        )
        parts.append(f"{model} for {said}")
    err.args = (
        f"{err} The text's other languages need models that are not here either: "
        f"{'; '.join(parts)}.",
        *err.args[1:],
    )


def _lines(numbers: Sequence[int]) -> str:
    shown = ", ".join(map(str, numbers[:5])) + (" …" if len(numbers) > 5 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


# ── the table and post-edits ─────────────────────────────────────────────────────────────


def _edits(ctx: UIContext, result: TranslateResult) -> dict[tuple[str, str], str]:
    keys = [
        (p.source.text, t.signature)
        for s in result.systems
        for t in s.translations
        for p in t.sentences
    ]
    return PostEditStore(ctx.postedits_path).lookup(keys)


def view(
    ctx: UIContext, result: TranslateResult | None, flaggers: Sequence[sbs.Flagger] = ()
) -> View:
    """Headers, rows and the disagreement panel of the side-by-side table.

    Args:
        ctx: The app's context (post-edits).
        result: What :func:`translate` returned.
        flaggers: Per-engine checks ``flagger(source, translation) -> flags`` (e.g.
            faithfulness); any flag adds a Flags column naming the system.
    """
    if result is None or not result.systems:
        return View(["#", "Source"], [], "", sbs.Table((), ()))
    table = sbs.build_table(result, _edits(ctx, result), flaggers)
    several = len(table.systems) > 1
    headers = ["#", "Source", *table.systems] + (["Agreement"] if several else [])
    headers += ["Flags"] if table.has_flags else []
    rows = []
    for r in table.rows:
        row = [r.id, r.source] + [_shown(c) for c in r.cells]
        if several:
            row.append("" if r.agreement is None else f"{r.agreement:.0f}%")
        if table.has_flags:
            row.append(
                "; ".join(
                    f"{s}: {f}"
                    for s, c in zip(table.systems, r.cells, strict=True)
                    for f in c.flags
                )
            )
        rows.append(row)
    return View(headers, rows, disagreement_html(table), table)


def _shown(cell: sbs.Cell) -> str:
    if cell.origin == "missing":
        return MISSING
    return f"{EDIT_MARK}{cell.text}" if cell.origin == "post-edited" else cell.text


def disagreement_html(table: sbs.Table, limit: int = 50) -> str:
    """Rows where the systems disagree, least agreement first, differing words marked."""
    rows = sbs.disagreements(table)
    if not rows:
        return ""
    items = []
    for r in rows[:limit]:
        texts = [c.text for c in r.cells]
        cells = "".join(
            f'<li><span class="wb-system">{esc(label)}</span> '
            + "".join(
                _token(space, tok, differs)
                for space, tok, differs in sbs.word_diff(text, texts[:k] + texts[k + 1 :])
            )
            + "</li>"
            for k, (label, text) in enumerate(zip(table.systems, texts, strict=True))
            if text
        )
        items.append(
            f'<div class="wb-disagree"><p><b>{esc(r.id)}</b> · agreement {r.agreement:.0f}% · '
            f"{esc(r.source)}</p><ul>{cells}</ul></div>"
        )
    more = f"<p>…and {len(rows) - limit} more rows.</p>" if len(rows) > limit else ""
    head = (
        f"<h4>Where the systems disagree ({len(rows)} of {len(table.rows)} sentences)</h4>"
        "<p>Marked words are not shared by every other system.</p>"
    )
    return head + "".join(items) + more


def _token(space: str, token: str, differs: bool) -> str:
    text = esc(token)
    return esc(space) + (f'<mark class="wb-engines-differ">{text}</mark>' if differs else text)


def edit_cell(
    ctx: UIContext, result: TranslateResult | None, row: int, column: int, value: str
) -> str:
    """Save a translation edited in the table (row and column as the table shows them).

    Returns:
        A confirmation for the user.

    Raises:
        UserInputError: when there is no result, the cell is not a translation, or the edit
            is empty.
    """
    if result is None:
        raise UserInputError("Translate something first, then edit its translation in the table.")
    table = sbs.build_table(result, _edits(ctx, result))
    k = column - 2
    if not (0 <= row < len(table.rows)) or not (0 <= k < len(table.systems)):
        raise UserInputError(
            "Only the systems' translations can be edited, not the source or the numbers."
        )
    r = table.rows[row]
    cell = r.cells[k]
    edited = (value or "").removeprefix(EDIT_MARK.strip()).strip()
    if cell.origin == "missing" or not cell.signature:
        raise UserInputError(f"{table.systems[k]} has no translation of sentence {r.id} to edit.")
    if not edited or edited == MISSING:
        raise UserInputError("A translation cannot be empty; type the corrected sentence.")
    if edited == cell.text:
        return ""
    PostEditStore(ctx.postedits_path).save(r.source, cell.signature, cell.machine, edited)
    return f"Saved your edit of sentence {r.id} ({table.systems[k]})."


# ── export ───────────────────────────────────────────────────────────────────────────────


def export(ctx: UIContext, result: TranslateResult | None, label: str, fmt: str) -> Path:
    """Write one system's translations (post-edits applied) for download.

    Raises:
        UserInputError: when there is nothing to export or the format is unknown.
    """
    if result is None or not result.systems:
        raise UserInputError("Translate something first, then download it.")
    if fmt not in EXPORT_FORMATS:
        raise UserInputError(f"Pick a format from the list ({', '.join(EXPORT_FORMATS)}).")
    system = result.system(label) if label else result.systems[0]
    path = output_path(ctx.exports_dir, f"translation-{system.label}", EXPORT_FORMATS[fmt])
    return sbs.export_system(result, system.label, fmt, _edits(ctx, result), path)


def notices_html(result: TranslateResult | None) -> str:
    """The result's notices as an escaped list, in the UI's terms (no ``--src``)."""
    from workbench.ui.render import notice_list
    from workbench.ui.wording import in_ui_terms

    return notice_list(in_ui_terms(n) for n in result.notices) if result else ""


def signatures(result: TranslateResult | None) -> list[tuple[str, str]]:
    """``(label, signature)`` per system and source language."""
    if result is None:
        return []
    return [(s.label, sig) for s in result.systems for sig in s.signatures]


def labels(result: TranslateResult | None) -> list[str]:
    """The systems' labels."""
    return [s.label for s in result.systems] if result else []


def cli_preview(
    ctx: UIContext,
    selected: Sequence[str],
    custom_model: str = "",
    custom_engine: str = "opus-mt",
) -> list[sbs.SystemSpec]:
    """The systems the CLI box shows commands for (errors become an empty list)."""
    try:
        return resolve_systems(ctx, selected, custom_model, custom_engine)
    except UserInputError:
        return []


def with_notice(result: TranslateResult, notice: str) -> TranslateResult:
    """A copy of ``result`` with one more notice."""
    return replace(result, notices=(*result.notices, notice))


def uploaded_names(uploads: Sequence[Any] | None) -> list[str]:
    """File names of uploads (for messages)."""
    return [Path(str(u)).name for u in uploads or ()]


SystemResult = sbs.SystemResult


def engine_choices() -> list[str]:
    """Engines a model typed by name may run with (``imported`` is an upload, not a name)."""
    from workbench.pipeline.side_by_side import engine_names

    return [name for name in engine_names() if name != "imported"]
