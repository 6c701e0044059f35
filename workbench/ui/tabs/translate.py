"""The Translate tab: text in, models and uploaded translations side by side, edits in the table."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.ui.context import UIContext
from workbench.ui.handlers import faithfulness as faith_h
from workbench.ui.handlers import translate as h
from workbench.ui.handlers.common import stoppable
from workbench.ui.render import esc, signature_list
from workbench.ui.tabs.common import (
    Shared,
    error_html,
    hide,
    in_place,
    progress_adapter,
    unavailable,
)

REQUIRES = (
    "workbench.pipeline.side_by_side:translate_side_by_side",
    "workbench.pipeline.models:catalog_status",
    "workbench.pipeline.side_by_side:guess_language",
)
#: File types accepted as translations made elsewhere.
IMPORT_TYPES = [".txt", ".tsv", ".jsonl", ".tmx", ".xliff", ".xlf"]


def _frame(view: h.View) -> pd.DataFrame:
    return pd.DataFrame(view.rows, columns=view.headers)


#: Widths (percent) of the columns after the systems: the agreement is a number; the flags
#: are sentences ("tiny-ru-en: ⚑ 0.10 · number '20 000'; label 'бандитов'"), which at 7 %
#: wrapped a word a line and made every row of the table several screens high.
EXTRA_WIDTHS: dict[str, int] = {"Agreement": 7, "Flags": 18}


def _widths(headers: list[str]) -> list[str]:
    """Column widths: a narrow id, the source, the systems sharing the rest, then the extras
    (:data:`EXTRA_WIDTHS`); the source gives up room when there are flags."""
    extras = [EXTRA_WIDTHS[name] for name in headers[2:] if name in EXTRA_WIDTHS]
    systems = max(len(headers) - 2 - len(extras), 1)
    source = 27 if "Flags" in headers else 33
    each = (100 - 5 - source - sum(extras)) // systems
    return ["5%", f"{source}%"] + [f"{each}%"] * systems + [f"{w}%" for w in extras]


def _static(headers: list[str]) -> list[int]:
    """Columns that cannot be edited: the id, the source, agreement and flags."""
    return [0, 1] + [i for i, name in enumerate(headers) if name in ("Agreement", "Flags")]


def _table_update(view: h.View) -> Any:
    return gr.update(
        value=_frame(view),
        column_widths=_widths(view.headers),
        static_columns=_static(view.headers),
    )


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Translate tab and wire its events."""
    with gr.Tab("Translate", id="translate", elem_id="tab-translate"):
        shared.translations = gr.State(None)
        if unavailable("Translation", *REQUIRES, elem_id="translate-unavailable"):
            return
        state = shared.translations
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                text = gr.Textbox(
                    label="Source text (Kazakh, Kyrgyz or Russian; lines may mix them)",
                    lines=8,
                    max_lines=30,
                    placeholder="Paste a statement here; one paragraph per line.",
                    elem_id="translate-input",
                )
                with gr.Row():
                    upload = gr.File(
                        label="…or upload the source (.txt, one paragraph per line)",
                        file_types=[".txt"],
                        type="filepath",
                        elem_id="translate-file",
                    )
                    imported = gr.File(
                        label="Translations made elsewhere (.txt, .tsv, .jsonl, .tmx, .xliff)",
                        file_types=IMPORT_TYPES,
                        file_count="multiple",
                        type="filepath",
                        elem_id="translate-imported",
                    )
            with gr.Column(scale=2):
                src = gr.Dropdown(
                    choices=h.language_choices(),
                    value=h.AUTO,
                    label="Source language",
                    elem_id="translate-src",
                )
                models = gr.CheckboxGroup(
                    choices=h.model_choices(ctx),
                    label="Models",
                    info="“ready” models run here now; others would download first. "
                    "Nothing ticked and nothing uploaded: the catalog's default per language.",
                    elem_id="translate-models",
                )
                with gr.Accordion("A model by name", open=False), gr.Row():
                    engine = gr.Dropdown(
                        choices=h.engine_choices(),
                        value="opus-mt",
                        label="Engine",
                        scale=1,
                        elem_id="translate-custom-engine",
                    )
                    custom = gr.Textbox(
                        label="Catalog model, or a folder in the operator's model folders",
                        placeholder="opus-mt-ru-en or my-model-folder",
                        scale=2,
                        elem_id="translate-custom-model",
                    )
                with gr.Accordion("Decoding options", open=False):
                    beam = gr.Slider(
                        1, 8, value=4, step=1, label="Beam size", elem_id="translate-beam"
                    )
                    max_length = gr.Slider(
                        16,
                        1024,
                        value=256,
                        step=16,
                        label="Max length (tokens)",
                        elem_id="translate-max-length",
                    )
                with gr.Row():
                    run = gr.Button(
                        "Translate", variant="primary", elem_id="translate-run", scale=3
                    )
                    stop = gr.Button("Stop", elem_id="translate-stop", scale=1)
        with gr.Group(
            visible=False, elem_id="translate-error", elem_classes="wb-error-panel"
        ) as error_box:
            error_text = gr.HTML(elem_id="translate-error-text")
            dismiss = gr.Button("Dismiss", size="sm", elem_id="translate-error-dismiss")
        dismiss.click(hide, outputs=error_box)
        notices = gr.HTML(elem_id="translate-notices")
        table = gr.Dataframe(
            value=_frame(h.view(ctx, None)),
            label="Sentence by sentence: click a translation to post-edit it (✎ marks an edit)",
            interactive=True,
            static_columns=[0, 1],
            wrap=True,
            show_search="search",
            elem_id="translate-table",
        )
        saved = gr.Markdown(elem_id="postedit-status")
        disagreements = gr.HTML(elem_id="translate-disagreements")
        signatures = gr.HTML(elem_id="translate-signatures")
        faith = gr.HTML(elem_id="translate-faith")
        with gr.Row(equal_height=False), gr.Column(variant="panel"):
            gr.Markdown("#### Download")
            with gr.Row():
                fmt = gr.Radio(
                    list(h.EXPORT_FORMATS),
                    value="XLIFF",
                    label="Format",
                    elem_id="translate-format",
                )
                export_system = gr.Dropdown(
                    label="System", choices=[], elem_id="translate-export-system"
                )
            prepare = gr.Button("Prepare download", elem_id="translate-export")
            download = gr.File(
                label="File", interactive=False, visible=False, elem_id="translate-download"
            )
        panel = [error_box, error_text]

        def on_flags(
            result: h.TranslateResult | None,
            progress: Any = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, Any]:
            """The faithfulness flags per engine, in the table's Flags column and below it."""
            if result is None:
                return gr.skip(), faith_h.translate_flags_html(None)
            progress(0.0, desc="Checking faithfulness, source vs translation…")
            try:
                view = h.view(ctx, result, faith_h.flaggers_for(result))
            except WorkbenchError:  # said in the flags panel; the table stays as it is
                return gr.skip(), faith_h.translate_flags_html(result)
            return _table_update(view), faith_h.translate_flags_html(result)

        @in_place(6)
        def on_translate(
            text_: str,
            upload_: str | None,
            imported_: list[str] | None,
            src_: str,
            models_: list[str],
            beam_: float,
            max_length_: float,
            custom_: str,
            engine_: str,
            request: gr.Request,
            progress: Any = gr.Progress(),  # noqa: B008 - gradio's way of asking for a bar
        ) -> tuple[Any, ...]:
            session = request.session_hash or ""
            flag = ctx.begin_run(session)
            try:
                result = h.translate(
                    ctx,
                    text_,
                    upload_,
                    src_,
                    models_,
                    imported_,
                    beam_size=int(beam_),
                    max_length=int(max_length_),
                    progress=stoppable(progress_adapter(progress), flag),
                    custom_model=custom_,
                    custom_engine=engine_,
                )
            finally:  # a Stop after the end is told that nothing runs
                ctx.end_run(session, flag)
            # The table first, without flags: the faithfulness check embeds every sentence and
            # its clauses (a 300-line text: 100 s at load 10) and follows in on_flags.
            view = h.view(ctx, result)
            labels = h.labels(result)
            return (
                result,
                h.notices_html(result),
                _table_update(view),
                view.disagreements,
                signature_list(h.signatures(result)),
                gr.update(choices=labels, value=labels[0] if labels else None),
            )

        run.click(
            on_translate,
            inputs=[text, upload, imported, src, models, beam, max_length, custom, engine],
            outputs=[
                *panel,
                state,
                notices,
                table,
                disagreements,
                signatures,
                export_system,
            ],
            concurrency_limit=1,
        ).success(on_flags, inputs=state, outputs=[table, faith], concurrency_limit=1)

        def on_stop(request: gr.Request) -> None:
            if not ctx.stop_run(request.session_hash or ""):
                gr.Info("Nothing is being translated.")

        # Stop ends the running translation at its next batch (a running function cannot be
        # cancelled from outside: gradio's `cancels` lets it finish), then the panel says where.
        stop.click(on_stop, concurrency_limit=None)

        @in_place(3)
        def on_edit(result: h.TranslateResult | None, evt: gr.EditData) -> tuple[Any, ...]:
            # A refused edit shows its message and puts the table back as it was saved.
            row, column = (int(i) for i in evt.index)
            error = ""
            try:
                message = h.edit_cell(ctx, result, row, column, str(evt.value))
            except WorkbenchError as err:
                message, error = "", error_html(err)
            view = h.view(ctx, result, faith_h.flaggers_for(result))
            return (
                gr.update(visible=bool(error)),
                error,
                # An unchanged cell (the editor also reports on blur) keeps the last message.
                esc(message) if message else gr.skip(),
                _table_update(view),
                view.disagreements,
            )

        table.edit(on_edit, inputs=[state], outputs=[*panel, saved, table, disagreements])

        @in_place(1)
        def on_export(result: h.TranslateResult | None, system_: str, fmt_: str) -> Any:
            return gr.update(value=str(h.export(ctx, result, system_, fmt_)), visible=True)

        prepare.click(on_export, inputs=[state, export_system, fmt], outputs=[*panel, download])
        shared.cli_inputs = (src, models, beam, max_length, custom, engine)
        shared.model_lists.append((models, lambda: h.model_choices(ctx)))
