"""The Models tab: catalog, local cache, pull, and the CLI command for the current settings."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import models as h
from workbench.ui.handlers.translate import AUTO
from workbench.ui.tabs.common import Shared, hide, in_place, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.pipeline.models:catalog_status",
    "workbench.pipeline.models:local_models",
    "workbench.pipeline.models:pull",
    "workbench.pipeline.models:convert",
)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Models tab and wire its events."""
    with gr.Tab("Models", id="models", elem_id="tab-models"):
        if unavailable("The model catalog", *REQUIRES, elem_id="models-unavailable"):
            return
        catalog = gr.Dataframe(
            value=pd.DataFrame(h.catalog_rows(ctx), columns=h.CATALOG_HEADERS),
            label="Catalog (models/catalog.toml): “ready” runs here now, others download first",
            column_widths=["14%", "6%", "17%", "11%", "8%", "6%", "6%", "20%", "12%"],
            interactive=False,
            wrap=True,
            elem_id="models-catalog",
        )
        local = gr.Dataframe(
            value=pd.DataFrame(h.local_rows(ctx), columns=h.LOCAL_HEADERS),
            label="Local and converted models (offered in the Translate tab too)",
            interactive=False,
            wrap=True,
            elem_id="models-local",
        )
        gr.Markdown(h.where_models_go(ctx), elem_id="models-where")
        with gr.Row(equal_height=False):
            with gr.Column(variant="panel"):
                choice = gr.Dropdown(
                    choices=h.choices(ctx),
                    label="Model (catalog or local)",
                    elem_id="models-choice",
                )
                quantization = gr.Dropdown(
                    choices=h.quantizations(),
                    value="int8",
                    label="CTranslate2 quantization",
                    elem_id="models-quantization",
                )
                with gr.Row():
                    pull = gr.Button("Pull into the local cache", elem_id="models-pull")
                    convert = gr.Button("Convert for ct2", elem_id="models-convert")
                    refresh = gr.Button("Refresh", elem_id="models-refresh")
                with gr.Group(
                    visible=False, elem_id="models-error", elem_classes="wb-error-panel"
                ) as error_box:
                    error_text = gr.HTML(elem_id="models-error-text")
                    dismiss = gr.Button("Dismiss", size="sm", elem_id="models-error-dismiss")
                dismiss.click(hide, outputs=error_box)
                status = gr.Textbox(label="Status", interactive=False, elem_id="models-status")
            with gr.Column(variant="panel"):
                gr.Markdown(
                    "#### The same translation on the command line\n"
                    "Follows the Translate tab's settings.",
                    elem_id="models-cli-title",
                )
                command = gr.Code(
                    value=h.cli_commands(ctx, AUTO, [], 4, 256),
                    language="shell",
                    wrap_lines=True,
                    interactive=False,
                    show_label=False,
                    elem_id="models-cli",
                )
        panel = [error_box, error_text]

        # A pull or a conversion changes what the other tabs offer: refresh their lists too.
        lists = [component for component, _ in shared.model_lists]

        def tables() -> tuple[Any, ...]:
            return (
                pd.DataFrame(h.catalog_rows(ctx), columns=h.CATALOG_HEADERS),
                pd.DataFrame(h.local_rows(ctx), columns=h.LOCAL_HEADERS),
                gr.update(choices=h.choices(ctx)),
                *(gr.update(choices=choices()) for _, choices in shared.model_lists),
            )

        n_out = 3 + len(lists) + 1

        @in_place(n_out)
        def on_pull(name: str, progress: Any = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            progress(None, desc=f"Downloading {name}…")
            return (h.pull(ctx, name), *tables())

        outputs = [*panel, status, catalog, local, choice, *lists]
        pull.click(on_pull, inputs=choice, outputs=outputs, concurrency_limit=1)

        @in_place(n_out)
        def on_convert(name: str, quant: str, progress: Any = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            progress(None, desc=f"Converting {name} to CTranslate2 ({quant})…")
            return (h.convert(ctx, name, quant), *tables())

        convert.click(
            on_convert, inputs=[choice, quantization], outputs=outputs, concurrency_limit=1
        )
        refresh.click(tables, outputs=[catalog, local, choice, *lists])
        # (the other tabs' model lists are refreshed on load by the app itself)
        shared.on_load.append((lambda: tables()[:3], [catalog, local, choice]))

        if shared.cli_inputs:

            def on_settings(*values: Any) -> str:
                return h.cli_commands(ctx, *values)

            for control in shared.cli_inputs:
                control.change(on_settings, inputs=list(shared.cli_inputs), outputs=command)
