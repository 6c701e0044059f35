"""Compare tab: run a case (or uploaded statements and reporting), filter, render, export.

The comparison runs once; filters by difference kind and outlet type re-render the stored result.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import CorpusError, UserInputError, WorkbenchError
from workbench.pipeline.heartbeat import Heartbeat, Wait
from workbench.types import (
    DIFFERENCE_KINDS,
    LANGUAGE_NAMES,
    Case,
    CaseComparison,
    LinkCorrection,
    OutletType,
    ReportRef,
)
from workbench.ui.context import UIContext
from workbench.ui.handlers.common import UIProgress, by_file_name, check_size, output_path
from workbench.ui.render import esc, table
from workbench.view import CompareView, ViewFilters, build_view

log = logging.getLogger("workbench")

#: The sample case preselected in the Compare tab.
SAMPLE_CASE = "kazakhstan-2022-01"
#: "Translations" choice: use the case's supplied English translations.
SUPPLIED = "supplied"
#: "Translations" choice: machine-translate with the catalog default for each language.
DEFAULT_MODEL = "default-model"
OUTLET_TYPES: tuple[str, ...] = tuple(t.value for t in OutletType)
#: The Compare tab's box that leaves a case's saved corrections aside (``--no-corrections``).
IGNORE_CORRECTIONS = "Leave the saved link corrections aside"
#: Id of the case built from uploaded files.
UPLOADED = "uploaded"


@dataclass(frozen=True)
class CompareState:
    """A finished comparison, the case it was run on and the corrections applied to it."""

    case: Case
    result: CaseComparison
    corrections: tuple[LinkCorrection, ...] = ()
    #: What the user should know about the input (a document not in its declared language,
    #: an encoding fallback): shown as warnings beside the result.
    notices: tuple[str, ...] = ()
    #: How the statements were put into English (:func:`run`'s ``translations`` and ``model``):
    #: a correction compares again the same way.
    translations: str = SUPPLIED
    model: str = DEFAULT_MODEL
    #: ``False`` when the case's saved link corrections were left aside (the tab's box).
    use_corrections: bool = True


def case_list(ctx: UIContext) -> tuple[list[tuple[str, str]], list[str]]:
    """``(label, folder)`` of every case in the corpora folder, and why each malformed case
    was left out (one sentence each, paths inside the corpora folder; never stops serve).

    The label is the case's id and title; a folder named otherwise than its id is named too,
    so two copies of a case are told apart.
    """
    from workbench.pipeline.compare import cases_in

    if not ctx.corpora.is_dir():
        return [], []
    skipped: list[str] = []
    cases = cases_in(ctx.corpora, errors=skipped, limits=ctx.settings.limits)
    choices = []
    for c in cases:
        folder = Path(c.path).name if c.path else c.id
        name = c.id if folder == c.id else f"{c.id} (folder {folder})"
        choices.append((f"{name} — {c.title}", c.path or c.id))
    inside = f"{ctx.corpora}/"
    return choices, [message.replace(inside, "") for message in skipped]


def case_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """``(label, folder)`` of every case in the corpora folder (empty when there is none)."""
    return case_list(ctx)[0]


def skipped_cases_html(skipped: Sequence[str]) -> str:
    """Why some case folders are not in the Case list (empty when none was left out)."""
    if not skipped:
        return ""
    items = "".join(f"<li>{esc(message)}</li>" for message in skipped)
    return (
        f'<div class="wb-notices"><p>Not in the Case list: {len(skipped)} folder'
        f"{'' if len(skipped) == 1 else 's'} with a malformed case (fix it, then reload the "
        f"page):</p><ul>{items}</ul></div>"
    )


def default_case(choices: Sequence[tuple[str, str]]) -> str | None:
    """The sample case's folder when it is there, else the first case."""
    for _, value in choices:
        if Path(value).name == SAMPLE_CASE:
            return value
    return choices[0][1] if choices else None


def load(path: str | None) -> Case:
    """Load the case at ``path``.

    Raises:
        UserInputError: when no case is chosen.
    """
    from workbench.pipeline.compare import case_at

    if not path:
        raise UserInputError("Choose a case first (or upload statements and reporting).")
    return case_at(path)


def case_overview(case: Case) -> str:
    """HTML table of a case's documents (escaped), each outlet's full name once: the views'
    headings give a statement document's outlet its short name (``short_outlet``)."""
    rows = [
        (d.id, d.title, d.outlet, d.outlet_type.value, d.language, d.date, d.provenance.value)
        for d in case.documents
    ]
    head = f"<p><b>{esc(case.title)}</b></p><p class='wb-sub'>{esc(case.description)}</p>"
    return head + table(
        ["Document", "Title", "Outlet", "Outlet type", "Language", "Date", "Provenance"],
        rows,
        css_class="wb-table",
    )


def saved_corrections_html(case: Case) -> str:
    """The link corrections saved with ``case``, shown as soon as it is picked: after a restart
    the Correct links tab was empty until Compare ran, as if the corrections were lost (ux12's
    walk). A file that cannot be read is said here too, before any comparison."""
    from workbench.pipeline.compare import applied_corrections
    from workbench.view.html import corrections_table

    try:
        saved = applied_corrections(case, None)
    except CorpusError as err:
        return (
            f'<p class="wb-error-text" role="alert">⚠ {esc(err)} To compare without them for '
            f"now, tick {esc(repr(IGNORE_CORRECTIONS))}.</p>"
        )
    if not saved:
        return corrections_table(())
    return (
        f'<p class="wb-sub">Saved with this case ({len(saved)}); applied when you press '
        "Compare.</p>" + corrections_table(saved, case.documents)
    )


def aside_corrections_html(case: Case) -> str:
    """*Correct links* after a comparison that left the saved corrections aside: it said "No
    link corrections are saved with this case" while the file held some, or could not be read
    (hyg14's walk). The saved ones are listed, not applied; a broken file is named."""
    from workbench.pipeline.compare import applied_corrections
    from workbench.view.html import corrections_table

    aside = (
        f"Left aside in this comparison ({esc(repr(IGNORE_CORRECTIONS))} is ticked): the "
        "links shown are the aligner's own."
    )
    try:
        saved = applied_corrections(case, None)
    except CorpusError as err:
        return f'<p class="wb-error-text" role="alert">⚠ {aside} The saved file: {esc(err)}</p>'
    if not saved:
        return corrections_table(())
    return (
        f'<p class="wb-sub">{aside} Saved with this case ({len(saved)}), applied once it is '
        "unticked and you press Compare:</p>" + corrections_table(saved, case.documents)
    )


def uploaded_case(
    statements_file: str | None,
    reports_file: str | None,
    src: str,
    translations_file: str | None = None,
    report_outlet: str = "independent",
) -> Case:
    """The case of uploaded files: :func:`workbench.pipeline.compare.files_case`, the one the
    command line's file form compares, so the tab and ``workbench compare --statements …``
    give the same result for the same files (.txt/.jsonl/.csv, a ``translation`` field or
    column of the statements file included). Messages and notices name each upload by its
    file name, never its path on the server.

    Raises:
        UserInputError: for missing, empty, unreadable or too large files, or an unknown
            outlet type.
    """
    from workbench.pipeline.compare import files_case

    if not statements_file:
        raise UserInputError("No statements file was uploaded; choose a file first.")
    if not reports_file:
        raise UserInputError("No reporting file was uploaded; choose a file first.")
    uploads = (statements_file, reports_file, translations_file)
    try:
        case = files_case(
            statements_file,
            reports_file,
            src=src,
            translations=translations_file or None,
            report_outlet=report_outlet,
            case_id=UPLOADED,
            title="Uploaded statements and reporting",
        )
    except WorkbenchError as err:  # a reader's CorpusError too: one kind of error for the tab
        raise UserInputError(by_file_name(str(err), uploads)) from err
    for doc in case.documents:
        check_size(doc.text, doc.title)
        if doc.translation is not None:
            check_size(doc.translation, Path(translations_file or doc.title).name)
    notices = tuple(by_file_name(n, uploads) for n in case.notices)
    return dataclasses.replace(case, notices=notices)


def run(
    ctx: UIContext,
    case: Case,
    translations: str,
    progress: UIProgress | None = None,
    model: str = DEFAULT_MODEL,
    use_corrections: bool = True,
) -> CompareState:
    """Compare ``case`` with supplied translations or machine translations.

    Args:
        translations: :data:`SUPPLIED`, or :data:`DEFAULT_MODEL` to machine-translate every
            statement language (models load once through the pool).
        model: With machine translation, :data:`DEFAULT_MODEL` (the catalog's default for each
            language) or a value of :func:`model_choices`: a catalog, local, converted or
            ``serve --model`` model, as the Translate tab offers them.
        use_corrections: ``False`` leaves the case's ``corrections.toml`` aside (as ``compare
            --no-corrections``): the way to compare a case whose corrections file is broken.

    Raises:
        UserInputError: for a model no longer offered, or a catalog model without a statement
            language of the case.
        CorpusError: when the case's corrections file cannot be read (the message says how to
            compare without it).
    """
    from workbench.errors import ModelNotAvailableError
    from workbench.pipeline.compare import applied_corrections, compare_case, embedder_named
    from workbench.pipeline.corrections import corrections_path
    from workbench.ui.wording import in_ui_terms

    translator_for = None
    if translations == DEFAULT_MODEL:
        pick = _model_picker(ctx, case, model)

        def translator_for(lang: str) -> Any:
            engine, name = pick(lang)
            if progress is not None:
                progress(0.05, f"Loading {Path(name).name or name}…")
            return ctx.pool.get(engine, name, lang)

    def step(done: int, total: int) -> None:
        if progress is not None and total:
            progress(0.05 + 0.4 * done / total, f"Translating: {done}/{total} sentences")

    if progress is not None:
        progress(0.0, "Aligning statements with reporting…")
    try:
        corrections = applied_corrections(case, None if use_corrections else ())
    except CorpusError as err:  # the file's problem, then the way round it in this tab
        raise CorpusError(
            f"{err} To compare without them for now, tick {IGNORE_CORRECTIONS!r}."
        ) from err
    embedding = embedding_progress(progress) if progress is not None else None
    try:
        result = compare_case(
            case,
            translator_for=translator_for,
            progress=step,
            settings=ctx.settings,
            corrections=corrections,
            embedder=embedder_named(None, ctx.settings, embedding),
            stage=embedding.stage if embedding is not None else None,
        )
    except ModelNotAvailableError as err:  # said for the command line ("models pull", paths)
        raise ModelNotAvailableError(in_ui_terms(str(err))) from err
    finally:
        if embedding is not None:
            embedding.close()
    notices = input_notices(case)
    if ignored := unused_translations_notice(case, translations):
        notices += (ignored,)
    if not use_corrections and case.path and (saved := corrections_path(case.path)).exists():
        notices += (
            f"The link corrections saved with this case ({saved.name}) were left aside, "
            f"as {IGNORE_CORRECTIONS!r} is ticked: the links are the aligner's own.",
        )
    from workbench.pipeline.inputs import unaudited_notice, untranslated_notice

    fix = "choose Machine-translate to translate them first"
    if translations == SUPPLIED and (note := untranslated_notice(case, fix, by_title=True)):
        notices += (note,)
    if translations == SUPPLIED and (note := unaudited_notice(case, by_title=True)):
        notices += (note,)
    return CompareState(case, result, corrections, notices, translations, model, use_corrections)


class EmbeddingProgress:
    """``step(done, total)`` for the embedder: the bar from 45 % to 95 %, never backwards, and
    a heartbeat while one embedding call runs.

    The total grows as the aligner asks for more (sentences, then clauses): 221/221 went to
    221/246 and the bar from 95 % back to 90 % (ux12's walk); the count says the truth, the bar
    keeps the furthest point reached. After the alignment, :meth:`stage` says which step of the
    comparison runs (:data:`~workbench.pipeline.compare.STAGES`: "Finding the differences… 12 s",
    with a heartbeat, at 95 %); the embedder's counts are not said again from then on (the
    differences embed a few clauses of their own: the bar stood at "95 %" with the last count and
    no word while a big case's differences were found). The embedder reports only before and after each call,
    and one call embeds a whole batch: "0/89 sentences and clauses embedded" stood still for
    22 s. While a call runs, the message is said again every ``every`` seconds with how many
    texts it embeds and for how long, so the user sees the work go on. The vectors, the
    batches and the results are untouched (the embedder is not called differently); call
    :meth:`close` when the comparison ends.

    Args:
        progress: The tab's ``progress(fraction, message)``.
        every: Seconds between two heartbeats.
        clock: Seconds from any fixed point (``time.monotonic``); the time a call has run.
        wait: The pause between two heartbeats (see :data:`workbench.pipeline.heartbeat.Wait`;
            tests drive it).
    """

    def __init__(
        self,
        progress: UIProgress,
        every: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        wait: Wait | None = None,
    ) -> None:
        self.progress = progress
        self.clock = clock
        self.furthest = 0.45
        self.done = self.total = 0
        self.started: float | None = (
            None  # when the running call (or step) began; None between calls
        )
        self.step: str | None = None  # the step after the alignment (see :meth:`stage`)
        self._lock = threading.Lock()
        self._heartbeat = Heartbeat(every, self._beat, name="embedding-heartbeat", wait=wait)

    def message(self, elapsed: float | None = None) -> str:
        """What the bar says: the counts, and during a call what it embeds and for how long; after
        the alignment, the step that runs and for how long."""
        if self.step is not None:
            seconds = "" if elapsed is None or elapsed < 1 else f" {int(elapsed)} s"
            return f"{self.step}…{seconds}"
        text = f"Aligning: {self.done:,}/{self.total:,} sentences and clauses embedded"
        if self.started is None:
            return text
        running = self.total - self.done
        if elapsed is None or elapsed < 1:
            return f"{text}; embedding {running:,}…"
        return f"{text}; embedding {running:,} for {int(elapsed)} s…"

    def __call__(self, done: int, total: int) -> None:
        if not total:
            return
        with self._lock:
            if self.step is not None:  # a step's own embedding: the step's message stays
                return
            self.furthest = max(self.furthest, 0.45 + 0.5 * min(done, total) / total)
            self.done, self.total = done, total
            self.started = self.clock() if done < total else None
            self.progress(self.furthest, self.message())
            if self.started is not None:
                self._heartbeat.start()

    def stage(self, name: str) -> None:
        """The comparison's step ``name`` (a key of :data:`~workbench.pipeline.compare.STAGES`)
        begins: said at once and, while it runs, every ``every`` seconds with its time."""
        from workbench.pipeline.compare import STAGES

        with self._lock:
            self.step = STAGES.get(name, name)
            self.started = self.clock()
            self.furthest = max(self.furthest, 0.95)
            self.progress(self.furthest, self.message())
            self._heartbeat.start()

    def _beat(self) -> None:
        with self._lock:
            if self.started is not None:
                self.progress(self.furthest, self.message(self.clock() - self.started))

    def close(self) -> None:
        """End the heartbeat (nothing is said after this returns)."""
        self._heartbeat.stop()


def embedding_progress(
    progress: UIProgress,
    every: float = 1.0,
    *,
    clock: Callable[[], float] = time.monotonic,
    wait: Wait | None = None,
) -> EmbeddingProgress:
    """The embedder's progress for the tab (see :class:`EmbeddingProgress`)."""
    return EmbeddingProgress(progress, every, clock=clock, wait=wait)


#: What the confirmation says of each correction action (``remove`` + "ed" read "removeed").
SAVED_ACTIONS: dict[str, str] = {"add": "added", "remove": "removed"}


def correction_saved_html(action: str, kept: int) -> str:
    """The confirmation under *Correct links* once a correction is saved with the case."""
    done = SAVED_ACTIONS.get(action, esc(action))
    plural = "" if kept == 1 else "s"
    return (
        f'<p class="wb-ok">Saved: link {done} — {kept} correction{plural} kept with the case.</p>'
    )


def correction_working_html(action: str) -> str:
    """What *Correct links* says while a correction is saved and the case compared again: the
    last confirmation ("Saved: link removed …") stayed on screen during the next correction
    (ux12's walk)."""
    doing = {"add": "Adding", "remove": "Removing"}.get(action, "Changing")
    return f'<p class="wb-sub">{doing} the link, saving it with the case and comparing again…</p>'


def unused_translations_notice(case: Case, translations: str) -> str | None:
    """One sentence when uploaded English translations go unused because Machine-translate is
    chosen: the choice is the analyst's ("Statements in English from"), so it is followed, but
    an upload left aside without a word looked as if it had been compared (review10)."""
    if case.id != UPLOADED or translations == SUPPLIED:
        return None
    if not any(d.translation is not None for d in case.statements):
        return None
    return (
        'Your uploaded English translations are not used: "Statements in English from" is '
        "set to Machine-translate, so the statements are machine-translated. To compare with "
        'your translations, choose "Supplied English translations" and compare the uploaded '
        "files again."
    )


def model_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """``(label, value)`` of the machine translation models: the default per language first,
    then every model the Translate tab lists (catalog, local, converted, ``serve --model``)."""
    from workbench.ui.handlers.translate import model_choices as translate_models

    return [("Default model per language", DEFAULT_MODEL), *translate_models(ctx)]


def _model_picker(ctx: UIContext, case: Case, model: str) -> Any:
    """``pick(language) -> (engine, model)`` for the chosen machine translation model.

    Raises:
        UserInputError: for a value not on offer, or a catalog model that lacks a statement
            language of ``case`` (checked before anything is translated).
    """
    from workbench.pipeline.translate import choose_model
    from workbench.ui.handlers.translate import resolve_systems

    if not model or model == DEFAULT_MODEL:
        return lambda lang: choose_model(lang)
    (spec,) = resolve_systems(ctx, [model])
    missing = [
        d.language for d in case.statements if spec.pairs and f"{d.language}-en" not in spec.pairs
    ]
    if missing:
        langs = ", ".join(sorted({LANGUAGE_NAMES.get(x, x) for x in missing}))
        raise UserInputError(
            f"{spec.label} translates {', '.join(spec.pairs)} only, and the case has statements "
            f"in {langs}; pick another model or the default model per language."
        )
    return lambda lang: (spec.engine, spec.model)


def input_notices(case: Case) -> tuple[str, ...]:
    """The readers' notices and every document of ``case`` not in its declared language."""
    from workbench.pipeline.inputs import case_notices

    if case.id == UPLOADED:
        # Each upload box gets its own advice: no Statement language fixes a report that is
        # not in English (the walk of session 11 saw "pick the right Statement language" there).
        statements = dataclasses.replace(case, documents=case.statements)
        reports = dataclasses.replace(case, documents=case.reports, notices=())
        return (
            *case_notices(statements, fix="pick the right Statement language", by_title=True),
            *case_notices(
                reports, fix="the reporting must be English (upload it in English)", by_title=True
            ),
        )
    return tuple(case_notices(case))


def legend_html() -> str:
    """Every difference kind with its colour and definition (the view's one colour table)."""
    from workbench.view.html import legend_html as legend

    return legend()


# ── the view ──────────────────────────────────────────────────────────────────────────────


def filters(
    kinds: Sequence[str],
    outlet_types: Sequence[str],
    outlets: Sequence[str] | None = None,
    min_salience: float = 0.0,
) -> ViewFilters:
    """The view filters of the tab's controls: every box ticked means "all"."""
    all_kinds = set(kinds) >= set(DIFFERENCE_KINDS)
    all_types = set(outlet_types) >= set(OUTLET_TYPES)
    return ViewFilters(
        kinds=None if all_kinds else tuple(kinds),
        outlets=None if outlets is None else tuple(outlets),
        outlet_types=None if all_types else tuple(outlet_types),
        min_salience=float(min_salience or 0.0),
    )


def shown_filters(
    case: Case | None,
    kinds: Sequence[str],
    outlet_types: Sequence[str],
    outlets: Sequence[str],
    min_salience: float = 0.0,
) -> ViewFilters:
    """The view filters of the tab's boxes for ``case``: every outlet, or every outlet type the
    case has, ticked means "all" (an all-foreign case, its only type ticked, is not "filtered to
    foreign" in the report's heading)."""
    ids = {d.id for d in case.reports} if case is not None else set()
    chosen = None if set(outlets or []) >= ids else list(outlets or [])
    present = outlet_type_choices(case)
    types = list(OUTLET_TYPES) if set(outlet_types or []) >= set(present) else outlet_types
    return filters(kinds, types or [], chosen, min_salience)


def view(state: CompareState, flt: ViewFilters) -> CompareView:
    """The one view of the stored comparison with ``flt`` applied."""
    return build_view(state.result, state.case, flt, state.corrections)


_EMPTY = '<p class="wb-empty">Run a comparison to see the statements and their retellings.</p>'


def render_all(state: CompareState | None, flt: ViewFilters) -> tuple[str, str, str, str, str]:
    """HTML of the statement-centric view, the pair list, leftovers, aggregates, corrections."""
    from workbench.view import html as vh

    if state is None:
        return (_EMPTY, "", "", "", "")
    v = view(state, flt)
    sig = f'<p class="wb-sub">Signature: <code class="wb-signature">{esc(v.signature)}</code></p>'
    return (
        vh.filters_html(v) + vh.statements_html(v),
        vh.pairs_html(v),
        vh.unmatched_html(v),
        vh.aggregates_html(v) + sig,
        vh.corrections_html(v) if state.use_corrections else aside_corrections_html(state.case),
    )


def pairs_html(state: CompareState | None, kinds: Sequence[str], outlets: Sequence[str]) -> str:
    """The aligned pairs with a difference of one of ``kinds`` in reporting by outlet types
    ``outlets`` (with every kind ticked, pairs without differences too)."""
    if state is None:
        return '<p class="wb-empty">Run a comparison to see the aligned pairs.</p>'
    from workbench.view.html import pairs_html as render

    return render(view(state, filters(kinds, outlets)))


def statements_html(
    state: CompareState | None, kinds: Sequence[str], outlets: Sequence[str]
) -> str:
    """The statement-centric view for the given kinds and outlet types."""
    if state is None:
        return _EMPTY
    from workbench.view.html import statements_html as render

    return render(view(state, filters(kinds, outlets)))


def unmatched_html(state: CompareState | None, outlets: Sequence[str]) -> str:
    """Statements no report retells, and report sentences that retell no statement."""
    if state is None:
        return ""
    from workbench.view.html import unmatched_html as render

    return render(view(state, filters(DIFFERENCE_KINDS, outlets)))


def aggregates_html(state: CompareState | None) -> str:
    """Differences by outlet type and kind, labels per outlet type, disagreeing figures."""
    return render_all(state, ViewFilters())[3] if state is not None else ""


def outlet_choices(state: CompareState | None) -> list[tuple[str, str]]:
    """``(outlet (type), document id)`` of every report document of the compared case."""
    if state is None:
        return []
    return [(f"{d.outlet} ({d.outlet_type.value})", d.id) for d in state.case.reports]


def outlet_type_choices(case: Case | None) -> list[str]:
    """The outlet types of the case's reporting, in :data:`OUTLET_TYPES` order (all of them
    without a case): an all-foreign case offered "state" and "independent" filters that
    changed nothing (ux12's walk)."""
    if case is None:
        return list(OUTLET_TYPES)
    present = {d.outlet_type.value for d in case.reports}
    return [t for t in OUTLET_TYPES if t in present]


# ── corrections ───────────────────────────────────────────────────────────────────────────


def statement_choices(state: CompareState | None) -> list[tuple[str, int]]:
    """``(label, index)`` of every statement of the compared case, numbered from 1."""
    if state is None:
        return []
    from workbench.pipeline.compare import case_statements
    from workbench.pipeline.corrections import line_starts

    starts = line_starts(state.case)
    return [
        (
            f"{s.index + 1} · {s.document_id} line {s.index - starts.get(s.document_id, 0) + 1}: "
            f"{_short(s.translation or s.text)}",
            s.index,
        )
        for s in case_statements(state.case)
    ]


def sentence_choices(state: CompareState | None) -> list[tuple[str, str]]:
    """``(label, "document:number")`` of every report sentence, numbered from 1 per outlet."""
    if state is None:
        return []
    from workbench.pipeline.compare import case_reports

    out: list[tuple[str, str]] = []
    first: dict[str, int] = {}
    for r in case_reports(state.case):
        first.setdefault(r.document_id, r.index)
        number = r.index - first[r.document_id] + 1
        out.append((f"{r.document_id} · {number}: {_short(r.text)}", f"{r.document_id}:{number}"))
    return out


def _short(text: str, limit: int = 90) -> str:
    """``text`` cut to ``limit`` characters with "…", at a word's end where one falls in the
    last third (a pick read "in front of the ak…" for "akimat"; review16's screenshot)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= (limit * 2) // 3:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def correct(
    ctx: UIContext,
    state: CompareState | None,
    action: str,
    statement: int | None,
    sentence: str | None,
    analyst: str,
    note: str = "",
    translations: str | None = None,
    progress: UIProgress | None = None,
) -> CompareState:
    """Add or remove one link, save it with the case, and compare again with it.

    The comparison runs again as ``state`` was made (its translations and model), unless
    ``translations`` says otherwise.

    Raises:
        UserInputError: without a comparison, a statement, a sentence or a name, for a link
            that is already there (add) or not there (remove), or for a case without a folder.
        CorpusError: when the case folder is read-only (the saved corrections are untouched).
    """
    from workbench.pipeline.compare import case_reports, case_statements
    from workbench.pipeline.corrections import correct_link, line_starts

    if state is None:
        raise UserInputError("Run a comparison first, then correct its links.")
    if not state.use_corrections:
        # compared again as it was made, the new link would be left aside with the others;
        # compared with them, the box would be disregarded (hyg14's walk)
        raise UserInputError(
            f"This comparison leaves the saved link corrections aside ({IGNORE_CORRECTIONS!r} "
            "is ticked): untick it and press Compare, then correct the links; a correction is "
            "saved with the others and applied with them."
        )
    if action not in ("add", "remove"):
        raise UserInputError(f"Unknown correction {action!r}; add or remove a link.")
    if statement is None or statement == "":
        raise UserInputError("Pick the statement whose link you correct.")
    if not sentence or ":" not in sentence:
        raise UserInputError("Pick the report sentence to link or unlink.")
    doc_id, _, number = sentence.rpartition(":")
    if not number.isdigit():
        raise UserInputError(f"{sentence!r} is not a report sentence; pick one from the list.")
    by_index = {s.index: s for s in case_statements(state.case)}
    st = by_index.get(int(statement))
    if st is None:
        raise UserInputError(
            f"The case has no statement {int(statement) + 1}; pick one from the list."
        )
    starts = line_starts(state.case)
    correction = LinkCorrection(
        action=action,
        statement_document=st.document_id,
        statement_line=st.index - starts.get(st.document_id, 0) + 1,
        report_document=doc_id,
        report_sentence=int(number),
        by=analyst or "",
        note=note.strip(),
    )
    _check_change(state, correction, st.index)
    saved = correct_link(state.case, correction, list(by_index.values()), case_reports(state.case))
    how = translations if translations is not None else state.translations
    fresh = run(ctx, state.case, how, progress, state.model)
    return dataclasses.replace(fresh, corrections=saved)


#: The note an accepted suggested link is saved with when the analyst gives none.
ACCEPTED_NOTE = "accepted a suggested link"


def suggestion_choices(state: CompareState | None) -> list[tuple[str, str]]:
    """``(label, "statement index|document:number")`` of every suggested link of the comparison
    (the aligner's best lines for the sentences it left unlinked), by outlet and sentence."""
    if state is None:
        return []
    out = []
    for o in build_view(state.result, state.case, None, state.corrections).leftovers:
        for s in o.suggestions:
            label = (
                f"{o.document_id} · sentence {s.sentence.number} {s.words}: "
                f"{_short(s.statement.english, 70)}"
            )
            out.append((label, f"{s.statement.index}|{s.sentence.document_id}:{s.sentence.number}"))
    return out


def accept_suggestion(
    ctx: UIContext,
    state: CompareState | None,
    choice: str | None,
    analyst: str,
    note: str = "",
    progress: UIProgress | None = None,
) -> CompareState:
    """Accept a suggested link as an added link: saved with the case like any correction (see
    :func:`correct`), and the case compared again with it.

    Raises:
        UserInputError: without a comparison or a pick, for a suggestion this comparison does
            not make (any more), or when the case's files changed since it was compared (the
            statement or the sentence reads differently): nothing is saved then.
    """
    from workbench.pipeline.compare import case_statements

    if state is None:
        raise UserInputError("Run a comparison first, then accept a suggested link.")
    if not choice:
        raise UserInputError("Pick the suggested link to accept.")
    shown = dict((value, label) for label, value in suggestion_choices(state))
    if choice not in shown:
        raise UserInputError(
            f"{choice!r} is not a suggested link of this comparison (it was linked or the case "
            "was compared again since); pick one from the list as it is now."
        )
    statement, _, sentence = choice.partition("|")
    if state.case.path:
        now = load(str(state.case.path))
        was_st = {s.index: s for s in case_statements(state.case)}[int(statement)]
        now_st = {s.index: s for s in case_statements(now)}.get(int(statement))
        was_rep = _sentence_texts(state.case).get(sentence)
        now_rep = _sentence_texts(now).get(sentence)
        if now_st is None or now_st.text != was_st.text or now_rep != was_rep:
            raise UserInputError(
                f"The case's files changed since it was compared: {shown[choice].split(':')[0]} "
                "no longer reads as it did. Nothing was saved; press Compare again and pick the "
                "suggestion anew."
            )
    return correct(
        ctx,
        state,
        "add",
        int(statement),
        sentence,
        analyst,
        note.strip() or ACCEPTED_NOTE,
        None,
        progress,
    )


def _sentence_texts(case: Case) -> dict[str, str]:
    """Each report sentence of ``case`` by ``"document:number"`` (numbered from 1 per outlet)."""
    from workbench.pipeline.compare import case_reports

    first: dict[str, int] = {}
    out = {}
    for r in case_reports(case):
        first.setdefault(r.document_id, r.index)
        out[f"{r.document_id}:{r.index - first[r.document_id] + 1}"] = r.text
    return out


def _check_change(state: CompareState, c: LinkCorrection, statement_index: int) -> None:
    """Refuse adding a link that is there or removing one that is not."""
    linked = any(
        r.document_id == c.report_document and _number(state, r) == c.report_sentence
        for dc in state.result.documents
        for al in dc.comparison.alignments
        if al.statement.index == statement_index
        for r in al.reports
    )
    where = (
        f"statement {statement_index + 1} and sentence {c.report_sentence} of {c.report_document}"
    )
    if c.action == "add" and linked:
        raise UserInputError(f"{where[0].upper()}{where[1:]} are already linked; nothing to add.")
    if c.action == "remove" and not linked:
        raise UserInputError(f"{where[0].upper()}{where[1:]} are not linked; nothing to remove.")


def _number(state: CompareState, ref: ReportRef) -> int:
    from workbench.pipeline.compare import case_reports

    first = next(r.index for r in case_reports(state.case) if r.document_id == ref.document_id)
    return ref.index - first + 1


#: Report formats the tab offers: label → (``case_report`` format, file suffix).
REPORT_FORMATS: dict[str, tuple[str, str]] = {
    "HTML": ("html", ".html"),
    "Markdown": ("md", ".md"),
    "JSON": ("json", ".json"),
}


def export_report(
    ctx: UIContext, state: CompareState | None, flt: ViewFilters | None = None, fmt: str = "HTML"
) -> Path:
    """Write the report of the comparison (the tab's filters applied) as ``fmt`` (a key of
    :data:`REPORT_FORMATS`), as ``workbench compare --format`` writes it, and return its path.

    Raises:
        UserInputError: when no comparison has been run, or for an unknown format.
    """
    from workbench.pipeline.compare import case_report

    if state is None:
        raise UserInputError("Run a comparison first, then download its report.")
    if fmt not in REPORT_FORMATS:
        raise UserInputError(f"Pick a report format from the list ({', '.join(REPORT_FORMATS)}).")
    name, suffix = REPORT_FORMATS[fmt]
    path = output_path(ctx.exports_dir, f"compare-{state.result.case_id}", suffix)
    text = case_report(state.result, state.case, name, flt, state.corrections)
    path.write_text(text, encoding="utf-8")
    return path


def export_html(ctx: UIContext, state: CompareState | None, flt: ViewFilters | None = None) -> Path:
    """Write the HTML report of the comparison (the tab's filters applied) and return its path.

    Raises:
        UserInputError: when no comparison has been run.
    """
    return export_report(ctx, state, flt, "HTML")
