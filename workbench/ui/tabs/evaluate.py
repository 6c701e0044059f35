"""The Evaluate tab."""

from __future__ import annotations

import gradio as gr

from workbench.ui.context import UIContext
from workbench.ui.tabs.common import Shared, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.score:score_systems",
    "workbench.pipeline.evaluate",
)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Evaluate tab and wire its events."""
    with gr.Tab("Evaluate", id="evaluate", elem_id="tab-evaluate"):
        if unavailable("Evaluation", *REQUIRES, elem_id="evaluate-unavailable"):
            return
        # Placeholder until the UI stage builds this tab over workbench.pipeline.evaluate.
        gr.Markdown(
            "Score system outputs with `workbench score --ref REF --hyp A --hyp B`.",
            elem_id="evaluate-intro",
        )
