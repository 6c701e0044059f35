"""The Compare tab: statements lined up against reporting, differences highlighted by kind."""

from __future__ import annotations

from typing import Any

import gradio as gr

from workbench.errors import WorkbenchError
from workbench.types import DIFFERENCE_KINDS, LANGUAGE_NAMES, SOURCE_LANGUAGES
from workbench.ui.context import UIContext
from workbench.ui.handlers import compare as h
from workbench.ui.render import esc
from workbench.ui.tabs.common import Shared, guarded, progress_adapter, unavailable
from workbench.ui.wording import in_ui_terms

REQUIRES: tuple[str, ...] = (
    "workbench.pipeline.compare:case_at",
    "workbench.pipeline.compare:cases_in",
    "workbench.pipeline.compare:compare_case",
    "workbench.pipeline.compare:case_report",
    "workbench.view:build_view",
    "workbench.pipeline.corrections:correct_link",
)


#: Brings the result into view once a comparison is done: the case, the legend and the filters
#: fill the first screen, so the statements, the first thing an analyst reads, were below it
#: and the Compare button seemed to do nothing (ux10's walk, 1400×1000 window). It also closes
#: the error messages still open: they were about an earlier attempt ("Run a comparison first,
#: then download its report." stayed in the corner beside the comparison it asked for;
#: review17's walk). Warnings stay until closed.
SHOW_RESULT = (
    "() => { document.querySelectorAll('.toast-close.error').forEach(b => b.click());"
    " const v = document.getElementById('compare-statements');"
    " const t = v && (v.closest('.tabs') || v); if (t) t.scrollIntoView({block: 'start'}); }"
)


def on_case_value(path: object) -> str:
    """The overview of the preselected case (empty when there is none or it cannot load)."""
    if not isinstance(path, str) or not path:
        return ""
    try:
        return h.case_overview(h.load(path))
    except WorkbenchError as err:
        return f'<p class="wb-empty">{esc(err)}</p>'


def saved_corrections(path: object) -> str:
    """The corrections saved with the case at ``path`` (empty without a loadable case)."""
    if not isinstance(path, str) or not path:
        return ""
    try:
        return h.saved_corrections_html(h.load(path))
    except WorkbenchError:  # the overview says why the case cannot load
        return ""


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Compare tab and wire its events."""
    with gr.Tab("Compare", id="compare", elem_id="tab-compare"):
        if unavailable("Comparison with reporting", *REQUIRES, elem_id="compare-unavailable"):
            return
        state = gr.State(None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                choices, skipped = h.case_list(ctx)
                case = gr.Dropdown(
                    choices=choices,
                    value=h.default_case(choices),
                    label="Case",
                    elem_id="compare-case",
                )
                # hidden when empty: an empty HTML block split the panel with a gap
                skipped_note = gr.HTML(
                    h.skipped_cases_html(skipped), visible=bool(skipped), elem_id="compare-skipped"
                )

                def on_load() -> tuple[Any, Any]:
                    # cases added, fixed or broken since serve started (the choice is kept)
                    now, left_out = h.case_list(ctx)
                    note = h.skipped_cases_html(left_out)
                    return gr.update(choices=now), gr.update(value=note, visible=bool(note))

                shared.on_load.append((on_load, [case, skipped_note]))
                translations = gr.Radio(
                    choices=[
                        ("Supplied English translations", h.SUPPLIED),
                        ("Machine-translate (the model below)", h.DEFAULT_MODEL),
                    ],
                    value=h.SUPPLIED,
                    label="Statements in English from",
                    elem_id="compare-translations",
                )
                mt_model = gr.Dropdown(
                    choices=h.model_choices(ctx),
                    value=h.DEFAULT_MODEL,
                    label="Machine translation model",
                    info="Used when machine-translating (cases and uploads).",
                    elem_id="compare-mt-model",
                )
                no_corrections = gr.Checkbox(
                    value=False,
                    label=h.IGNORE_CORRECTIONS,
                    info="As if the case had no corrections.toml (a broken one is left as it is).",
                    elem_id="compare-no-corrections",
                )
                run = gr.Button("Compare", variant="primary", elem_id="compare-run")
                shared.model_lists.append((mt_model, lambda: h.model_choices(ctx)))
            with (
                gr.Column(scale=2),
                gr.Accordion("…or upload statements and reporting", open=False),
            ):
                up_statements = gr.File(
                    label="Statements (kk/ky/ru, one per line)",
                    type="filepath",
                    elem_id="compare-upload-statements",
                )
                up_translations = gr.File(
                    label="Their English translations (optional, line by line)",
                    type="filepath",
                    elem_id="compare-upload-translations",
                )
                up_reports = gr.File(
                    label="English reporting", type="filepath", elem_id="compare-upload-reports"
                )
                with gr.Row():
                    up_src = gr.Dropdown(
                        choices=[(LANGUAGE_NAMES[c], c) for c in SOURCE_LANGUAGES],
                        value="ru",
                        label="Statement language",
                        elem_id="compare-upload-src",
                    )
                    up_outlet = gr.Dropdown(
                        choices=list(h.OUTLET_TYPES),
                        value="independent",
                        label="Reporting outlet type",
                        elem_id="compare-upload-outlet",
                    )
                run_upload = gr.Button("Compare uploaded files", elem_id="compare-run-upload")
        with gr.Accordion("Case documents", open=False):
            overview = gr.HTML(on_case_value(case.value), elem_id="compare-overview")
        gr.HTML(h.legend_html(), elem_id="compare-legend")
        with gr.Row():
            kinds = gr.CheckboxGroup(
                choices=list(DIFFERENCE_KINDS),
                value=list(DIFFERENCE_KINDS),
                label="Difference kinds",
                elem_id="compare-kinds",
                scale=3,
            )
            outlets = gr.CheckboxGroup(
                choices=list(h.OUTLET_TYPES),
                value=list(h.OUTLET_TYPES),
                label="Reporting outlet types",
                elem_id="compare-outlets",
                scale=1,
            )
        with gr.Row():
            documents = gr.CheckboxGroup(
                choices=[], value=[], label="Outlets", elem_id="compare-documents", scale=3
            )
            salience = gr.Slider(
                0.0,
                1.0,
                value=0.0,
                step=0.05,
                label="Minimum salience",
                elem_id="compare-salience",
                scale=1,
            )
        with gr.Tabs():
            with gr.Tab("Statements", id="compare-statements-tab"):
                statements = gr.HTML(
                    h.render_all(None, h.filters([], []))[0], elem_id="compare-statements"
                )
            with gr.Tab("Aligned pairs", id="compare-pairs-tab"):
                pairs = gr.HTML(h.pairs_html(None, [], []), elem_id="compare-pairs")
            with gr.Tab("Unmatched", id="compare-unmatched-tab"):
                unmatched = gr.HTML(elem_id="compare-unmatched")
            with gr.Tab("Aggregates", id="compare-aggregates-tab"):
                aggregates = gr.HTML(elem_id="compare-aggregates")
            with gr.Tab("Correct links", id="compare-corrections-tab"):
                gr.Markdown(
                    "Remove a wrong link or add a missing one (statement ↔ report sentence). "
                    "The correction is saved with the case (`corrections.toml` in its folder, "
                    "with your name and the time) and used by every later comparison."
                )
                with gr.Row():
                    fix_statement = gr.Dropdown(
                        choices=[], label="Statement", elem_id="compare-fix-statement", scale=3
                    )
                    fix_sentence = gr.Dropdown(
                        choices=[], label="Report sentence", elem_id="compare-fix-sentence", scale=3
                    )
                with gr.Row():
                    fix_analyst = gr.Textbox(label="Your name", elem_id="compare-fix-analyst")
                    fix_note = gr.Textbox(label="Why (optional)", elem_id="compare-fix-note")
                with gr.Row():
                    fix_add = gr.Button("Add link", elem_id="compare-fix-add")
                    fix_remove = gr.Button("Remove link", elem_id="compare-fix-remove")
                with gr.Row():
                    # the aligner's best lines for the sentences it left unlinked (Unmatched
                    # tab): one pick and one press add the link, saved like the others
                    fix_suggestion = gr.Dropdown(
                        choices=[],
                        label="Suggested link (not a link until you accept it)",
                        elem_id="compare-fix-suggestion",
                        scale=5,
                    )
                    fix_accept = gr.Button(
                        "Accept suggestion", elem_id="compare-fix-accept", scale=1
                    )
                fix_status = gr.HTML(elem_id="compare-fix-status")
                corrections = gr.HTML(saved_corrections(case.value), elem_id="compare-corrections")
                # read again on every page load: a correction saved since serve started is
                # listed after a reload (the page opens on the default case)
                shared.on_load.append((lambda: saved_corrections(case.value), [corrections]))
        with gr.Row(equal_height=False):
            report_format = gr.Radio(
                list(h.REPORT_FORMATS),
                value="HTML",
                label="Report format (as workbench compare --format)",
                elem_id="compare-export-format",
            )
            export = gr.Button("Prepare report", elem_id="compare-export")
            download = gr.File(
                label="Report", interactive=False, visible=False, elem_id="compare-download"
            )

        @guarded
        def on_case(path: str | None) -> tuple[str, str]:
            if not path:
                return "", ""
            case_ = h.load(path)
            return h.case_overview(case_), h.saved_corrections_html(case_)

        case.change(on_case, inputs=case, outputs=[overview, corrections])

        def current_filters(
            st: h.CompareState | None,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
        ) -> h.ViewFilters:
            return h.shown_filters(st.case if st else None, kinds_, outlets_, docs_, min_sal)

        def render(
            st: h.CompareState | None,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
        ) -> tuple[Any, ...]:
            return h.render_all(st, current_filters(st, kinds_, outlets_, docs_, min_sal))

        def fresh(st: h.CompareState, shown: tuple[str, ...] = ()) -> tuple[Any, ...]:
            """Everything that changes when a comparison (re)runs (its input notices are
            warnings that stay until closed; ``shown``: those already shown as it started)."""
            for notice in st.notices:
                if notice not in shown:
                    gr.Warning(esc(in_ui_terms(notice)), duration=None)
            ids = [v for _, v in h.outlet_choices(st)]
            types = h.outlet_type_choices(st.case)
            return (
                st,
                h.case_overview(st.case),
                gr.update(choices=types, value=types),
                gr.update(choices=h.outlet_choices(st), value=ids),
                gr.update(choices=h.statement_choices(st), value=None),
                gr.update(choices=h.sentence_choices(st), value=None),
                gr.update(choices=h.suggestion_choices(st), value=None),
            )

        views = [statements, pairs, unmatched, aggregates, corrections]
        filter_inputs = [kinds, outlets, documents, salience]

        @guarded
        def on_run(
            path: str | None,
            how: str,
            model: str,
            ignore: bool,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
            progress: Any = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, ...]:
            st = h.run(ctx, h.load(path), how, progress_adapter(progress), model, not bool(ignore))
            all_docs = [v for _, v in h.outlet_choices(st)]
            types = h.outlet_type_choices(st.case)
            return (*fresh(st), *render(st, kinds_, types, all_docs, min_sal))

        outputs = [
            state,
            overview,
            outlets,
            documents,
            fix_statement,
            fix_sentence,
            fix_suggestion,
            *views,
        ]
        run.click(
            on_run,
            inputs=[case, translations, mt_model, no_corrections, *filter_inputs],
            outputs=outputs,
            concurrency_limit=1,
        ).success(None, js=SHOW_RESULT)

        @guarded
        def on_run_upload(
            st_file: str | None,
            tr_file: str | None,
            rep_file: str | None,
            src: str,
            outlet: str,
            how: str,
            model: str,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
            progress: Any = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, ...]:
            case_ = h.uploaded_case(st_file, rep_file, src, tr_file, outlet)
            # said before the (slow) machine translation starts, not only with its result
            early = h.unused_translations_notice(case_, how)
            if early:
                gr.Warning(esc(early), duration=None)
            st = h.run(ctx, case_, how, progress_adapter(progress), model)
            all_docs = [v for _, v in h.outlet_choices(st)]
            shown = (early,) if early else ()
            types = h.outlet_type_choices(st.case)
            return (*fresh(st, shown), *render(st, kinds_, types, all_docs, min_sal))

        run_upload.click(
            on_run_upload,
            inputs=[
                up_statements,
                up_translations,
                up_reports,
                up_src,
                up_outlet,
                translations,
                mt_model,
                *filter_inputs,
            ],
            outputs=outputs,
            concurrency_limit=1,
        ).success(None, js=SHOW_RESULT)
        for control in filter_inputs:
            control.change(render, inputs=[state, *filter_inputs], outputs=views)

        def corrected(new: h.CompareState, action: str, *filters_: Any) -> tuple[Any, ...]:
            """What a saved correction changes: the state, the views, the confirmation and
            the suggested links (an accepted one is a link now)."""
            return (
                new,
                *render(new, *filters_),
                h.correction_saved_html(action, len(new.corrections)),
                gr.update(choices=h.suggestion_choices(new), value=None),
            )

        def corrector(action: str) -> Any:
            @guarded
            def on_fix(
                st: h.CompareState | None,
                statement: int | None,
                sentence: str | None,
                analyst: str,
                note: str,
                kinds_: list[str],
                outlets_: list[str],
                docs_: list[str],
                min_sal: float,
                progress: Any = gr.Progress(),  # noqa: B008
            ) -> tuple[Any, ...]:
                new = h.correct(
                    ctx,
                    st,
                    action,
                    statement,
                    sentence,
                    analyst,
                    note,
                    None,  # compared again as it was made (its translations and model)
                    progress_adapter(progress),
                )
                return corrected(new, action, kinds_, outlets_, docs_, min_sal)

            return on_fix

        fix_inputs = [
            state,
            fix_statement,
            fix_sentence,
            fix_analyst,
            fix_note,
            *filter_inputs,
        ]

        def working(action: str) -> Any:
            return lambda: h.correction_working_html(action)

        def wire(button: Any, action: str, fn: Any, inputs: list[Any]) -> None:
            # says what runs at once (the last confirmation stayed while the next one ran) and
            # clears it when the correction is refused (the message says why)
            button.click(working(action), outputs=fix_status, queue=False).then(
                fn,
                inputs=inputs,
                outputs=[state, *views, fix_status, fix_suggestion],
                concurrency_limit=1,
            ).failure(lambda: "", outputs=fix_status, queue=False)

        for button, action in ((fix_add, "add"), (fix_remove, "remove")):
            wire(button, action, corrector(action), fix_inputs)

        @guarded
        def on_accept(
            st: h.CompareState | None,
            choice: str | None,
            analyst: str,
            note: str,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
            progress: Any = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, ...]:
            new = h.accept_suggestion(ctx, st, choice, analyst, note, progress_adapter(progress))
            return corrected(new, "add", kinds_, outlets_, docs_, min_sal)

        wire(
            fix_accept,
            "add",
            on_accept,
            [state, fix_suggestion, fix_analyst, fix_note, *filter_inputs],
        )

        @guarded
        def on_export(
            st: h.CompareState | None,
            fmt: str,
            kinds_: list[str],
            outlets_: list[str],
            docs_: list[str],
            min_sal: float,
        ) -> Any:
            flt = current_filters(st, kinds_, outlets_, docs_, min_sal)
            return gr.update(value=str(h.export_report(ctx, st, flt, fmt)), visible=True)

        export.click(on_export, inputs=[state, report_format, *filter_inputs], outputs=download)
