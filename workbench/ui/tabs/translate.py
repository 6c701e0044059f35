"""The Translate tab: text or file in, one or several systems, side-by-side sentences out."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import translate as h
from workbench.ui.render import esc, notice_list, signature_list
from workbench.ui.tabs.common import Shared, guarded, progress_adapter, unavailable

REQUIRES = (
    "workbench.pipeline.translate:EnginePool",
    "workbench.pipeline.translate:translate_texts",
    "workbench.models:load_catalog",
    "workbench.langid:detect",
)


def _frame(ctx: UIContext, result: h.TranslateResult | None) -> pd.DataFrame:
    headers, rows = h.table_rows(ctx, result)
    # Two systems may share a label (same model twice); keep the columns apart.
    seen: dict[str, int] = {}
    unique = []
    for name in headers:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return pd.DataFrame(rows, columns=unique)


def _widths(systems: int) -> list[str]:
    """Column widths: a narrow id, the source, then the systems sharing the rest."""
    each = 62 // max(systems, 1)
    return ["5%", "33%"] + [f"{each}%"] * systems


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Translate tab and wire its events."""
    with gr.Tab("Translate", id="translate", elem_id="tab-translate"):
        shared.translations = gr.State(None)
        if unavailable("Translation", *REQUIRES, elem_id="translate-unavailable"):
            return
        from workbench.engines import ENGINES

        state = shared.translations
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                text = gr.Textbox(
                    label="Source text (Kazakh, Kyrgyz or Russian)",
                    lines=9,
                    max_lines=30,
                    placeholder="Paste a statement here; one paragraph per line.",
                    elem_id="translate-input",
                )
                upload = gr.File(
                    label="…or upload a UTF-8 text file (one paragraph per line)",
                    file_types=[".txt"],
                    type="filepath",
                    height=120,
                    elem_id="translate-file",
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
                    info="Tick one or several; none ticked uses the catalog's default for the language.",
                    elem_id="translate-models",
                )
                with gr.Row():
                    engine = gr.Dropdown(
                        choices=ENGINES.names(),
                        value="opus-mt",
                        label="Engine",
                        scale=1,
                        elem_id="translate-custom-engine",
                    )
                    custom = gr.Textbox(
                        label="Local folder or Hub id",
                        placeholder="/path/to/model or Helsinki-NLP/opus-mt-ru-en",
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
                run = gr.Button("Translate", variant="primary", elem_id="translate-run")
        notices = gr.HTML(elem_id="translate-notices")
        table = gr.Dataframe(
            value=_frame(ctx, None),
            label="Sentence by sentence (✎ marks a post-edited translation)",
            interactive=False,
            wrap=True,
            show_search="search",
            elem_id="translate-table",
        )
        signatures = gr.HTML(elem_id="translate-signatures")
        with gr.Row(equal_height=False):
            with gr.Column(variant="panel"):
                gr.Markdown("#### Post-edit a translation")
                with gr.Row():
                    row = gr.Dropdown(label="Sentence", choices=[], elem_id="postedit-row")
                    system = gr.Dropdown(label="System", choices=[], elem_id="postedit-system")
                edit = gr.Textbox(label="Corrected translation", lines=3, elem_id="postedit-text")
                save = gr.Button("Save edit", elem_id="postedit-save")
                saved = gr.Markdown(elem_id="postedit-status")
            with gr.Column(variant="panel"):
                gr.Markdown("#### Download")
                with gr.Row():
                    fmt = gr.Radio(
                        list(h.EXPORT_FORMATS),
                        value="TXT",
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

        @guarded
        def on_translate(
            text_: str,
            upload_: str | None,
            src_: str,
            models_: list[str],
            custom_: str,
            engine_: str,
            beam_: float,
            max_length_: float,
            progress: Any = gr.Progress(),  # noqa: B008 - gradio's way of asking for a bar
        ) -> tuple[Any, ...]:
            result = h.translate(
                ctx,
                text_,
                upload_,
                src_,
                models_,
                custom_,
                engine_,
                int(beam_),
                int(max_length_),
                progress=progress_adapter(progress),
            )
            ids = h.row_ids(result)
            labels = [s.label for s in result.systems]
            first_row = ids[0] if ids else None
            return (
                result,
                notice_list(result.notices),
                gr.update(value=_frame(ctx, result), column_widths=_widths(len(labels))),
                signature_list([(s.label, s.signature) for s in result.systems]),
                gr.update(choices=ids, value=first_row),
                gr.update(choices=labels, value=labels[0]),
                gr.update(choices=labels, value=labels[0]),
                h.current_translation(ctx, result, first_row or "", labels[0]),
                "",
            )

        run.click(
            on_translate,
            inputs=[text, upload, src, models, custom, engine, beam, max_length],
            outputs=[state, notices, table, signatures, row, system, export_system, edit, saved],
            concurrency_limit=1,
        )

        @guarded
        def on_pick(result: h.TranslateResult | None, row_: str, system_: str) -> str:
            return h.current_translation(ctx, result, row_, system_)

        row.change(on_pick, inputs=[state, row, system], outputs=edit)
        system.change(on_pick, inputs=[state, row, system], outputs=edit)

        @guarded
        def on_save(
            result: h.TranslateResult | None, row_: str, system_: str, edited: str
        ) -> tuple[str, pd.DataFrame]:
            message = h.save_postedit(ctx, result, row_, system_, edited)
            return esc(message), _frame(ctx, result)

        save.click(on_save, inputs=[state, row, system, edit], outputs=[saved, table])

        @guarded
        def on_export(result: h.TranslateResult | None, system_: str, fmt_: str) -> Any:
            return gr.update(value=str(h.export(ctx, result, system_, fmt_)), visible=True)

        prepare.click(on_export, inputs=[state, export_system, fmt], outputs=download)
        shared.cli_inputs = (src, models, custom, engine, beam, max_length)
