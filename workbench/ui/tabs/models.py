"""The Models tab: catalog, local cache, pull, and the CLI command for the current settings."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import models as h
from workbench.ui.handlers.translate import AUTO
from workbench.ui.tabs.common import Shared, guarded, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.models:load_catalog",
    "workbench.models:cached_snapshot",
    "workbench.models:pull",
    "workbench.engines.ct2:convert",
)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Models tab and wire its events."""
    with gr.Tab("Models", id="models", elem_id="tab-models"):
        if unavailable("The model catalog", *REQUIRES, elem_id="models-unavailable"):
            return
        catalog = gr.Dataframe(
            value=pd.DataFrame(h.catalog_rows(), columns=h.CATALOG_HEADERS),
            label="Catalog (models/catalog.toml)",
            column_widths=["14%", "6%", "18%", "12%", "8%", "6%", "7%", "21%", "8%"],
            interactive=False,
            wrap=True,
            elem_id="models-catalog",
        )
        cached = gr.Dataframe(
            value=pd.DataFrame(h.cached_rows(ctx), columns=h.CACHED_HEADERS),
            label="Cached on this machine",
            interactive=False,
            wrap=True,
            elem_id="models-cached",
        )
        with gr.Row(equal_height=False):
            with gr.Column(variant="panel"):
                choice = gr.Dropdown(
                    choices=[row[0] for row in h.catalog_rows()],
                    label="Model (catalog name, Hub id or local transformers folder)",
                    allow_custom_value=True,
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
                status = gr.Textbox(label="Status", interactive=False, elem_id="models-status")
            with gr.Column(variant="panel"):
                command = gr.Code(
                    value=h.cli_commands(ctx, AUTO, [], "", "opus-mt", 4, 256),
                    label="The same translation on the command line (follows the Translate tab)",
                    language="shell",
                    wrap_lines=True,
                    interactive=False,
                    elem_id="models-cli",
                )

        def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
            return (
                pd.DataFrame(h.catalog_rows(), columns=h.CATALOG_HEADERS),
                pd.DataFrame(h.cached_rows(ctx), columns=h.CACHED_HEADERS),
            )

        @guarded
        def on_pull(name: str, progress: Any = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            progress(None, desc=f"Downloading {name}…")
            return (h.pull(ctx, name), *tables())

        pull.click(on_pull, inputs=choice, outputs=[status, catalog, cached], concurrency_limit=1)

        @guarded
        def on_convert(name: str, quant: str, progress: Any = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            progress(None, desc=f"Converting {name} to CTranslate2 ({quant})…")
            return (h.convert(ctx, name, quant), *tables())

        convert.click(
            on_convert,
            inputs=[choice, quantization],
            outputs=[status, catalog, cached],
            concurrency_limit=1,
        )
        refresh.click(tables, outputs=[catalog, cached])

        if shared.cli_inputs:

            def on_settings(*values: Any) -> str:
                return h.cli_commands(ctx, *values)

            for control in shared.cli_inputs:
                control.change(on_settings, inputs=list(shared.cli_inputs), outputs=command)
