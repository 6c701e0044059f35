"""The Annotate tab."""

from __future__ import annotations

import gradio as gr

from workbench.ui.context import UIContext
from workbench.ui.tabs.common import Shared, unavailable

REQUIRES: tuple[str, ...] = ("workbench.score:JudgmentStore",)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Annotate tab and wire its events."""
    with gr.Tab("Annotate", id="annotate", elem_id="tab-annotate"):
        if unavailable("Human annotation", *REQUIRES, elem_id="annotate-unavailable"):
            return
