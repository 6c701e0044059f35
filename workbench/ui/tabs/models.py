"""The Models tab."""

from __future__ import annotations

import gradio as gr

from workbench.ui.context import UIContext
from workbench.ui.tabs.common import Shared, unavailable

REQUIRES: tuple[str, ...] = ("workbench.models:load_catalog",)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Models tab and wire its events."""
    with gr.Tab("Models", id="models", elem_id="tab-models"):
        if unavailable("The model catalog", *REQUIRES, elem_id="models-unavailable"):
            return
        # Placeholder until the UI branch lands the full tab (engines integration edit).
        gr.Markdown("The model catalog: run `workbench models list`.", elem_id="models-list")
