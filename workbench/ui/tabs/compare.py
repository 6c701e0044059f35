"""The Compare tab."""

from __future__ import annotations

import gradio as gr

from workbench.ui.context import UIContext
from workbench.ui.tabs.common import Shared, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.corpus:load_case",
    "workbench.corpus:list_cases",
    "workbench.pipeline.compare:compare_case",
    "workbench.export.compare_report",
)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Compare tab and wire its events."""
    with gr.Tab("Compare", id="compare", elem_id="tab-compare"):
        if unavailable("Comparison", *REQUIRES, elem_id="compare-unavailable"):
            return
