"""The Annotate tab: DA slider and MQM error spans per segment for a named annotator."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import annotate as h
from workbench.ui.render import esc
from workbench.ui.tabs.common import Shared, guarded, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.score.judgments:JudgmentStore",
    "workbench.pipeline.evaluate:annotation_items",
)
JUDGMENT_HEADERS = ["Item", "System", "DA score", "Errors", "Submitted (UTC)"]


def _judgments(ctx: UIContext, annotator: str, campaign: str) -> pd.DataFrame:
    return pd.DataFrame(h.judgment_rows(ctx, annotator, campaign), columns=JUDGMENT_HEADERS)


def _show(ctx: UIContext, view: h.AnnotateView) -> tuple[Any, ...]:
    """Outputs for a freshly loaded item: state, status, source, reference, MT, system, score,
    table, and "slider not moved yet"."""
    item = view.item
    return (
        view,
        esc(view.status),
        item.source if item else "",
        item.reference if item else "",
        h.highlighted(view),
        item.system if item else "",
        gr.update(value=None),
        _judgments(ctx, view.annotator, view.campaign),
        False,
    )


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Annotate tab and wire its events."""
    with gr.Tab("Annotate", id="annotate", elem_id="tab-annotate") as tab:
        if unavailable("Human annotation", *REQUIRES, elem_id="annotate-unavailable"):
            return
        state = gr.State(None)
        # The slider shows 0 before it is touched; only a moved slider counts as a DA score.
        scored = gr.State(False)
        # A damaged or unusable judgments store is explained here; the app starts regardless.
        gr.Markdown(h.store_status(ctx), elem_id="annotate-store-status")
        with gr.Row():
            annotator = gr.Textbox(
                label="Annotator", placeholder="your name", elem_id="annotate-annotator"
            )
            campaign = gr.Dropdown(
                label="Campaign",
                choices=h.campaigns(ctx),
                allow_custom_value=False,
                elem_id="annotate-campaign",
            )
            start = gr.Button("Start / resume", variant="primary", elem_id="annotate-start")
        status = gr.Markdown(elem_id="annotate-status")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                source = gr.Textbox(
                    label="Source", interactive=False, lines=2, elem_id="annotate-source"
                )
                reference = gr.Textbox(
                    label="Reference (if any)",
                    interactive=False,
                    lines=2,
                    elem_id="annotate-reference",
                )
                translation = gr.HighlightedText(
                    label="Translation (marked errors highlighted)",
                    show_legend=True,
                    combine_adjacent=False,
                    elem_id="annotate-translation",
                )
                system = gr.Textbox(label="System", interactive=False, elem_id="annotate-system")
            with gr.Column(scale=2, variant="panel"):
                score = gr.Slider(
                    0,
                    100,
                    value=None,
                    step=1,
                    label="Direct assessment: how well does the translation convey the source? (0–100)",
                    elem_id="annotate-score",
                )
                gr.Markdown("**MQM error span** — copy the wrong words of the translation:")
                span = gr.Textbox(label="Error span", elem_id="annotate-span")
                with gr.Row():
                    category = gr.Dropdown(
                        choices=list(h.categories()),
                        value=h.categories()[0],
                        label="Category",
                        elem_id="annotate-category",
                    )
                    severity = gr.Dropdown(
                        choices=list(h.severities()),
                        value=h.severities()[0],
                        label="Severity",
                        elem_id="annotate-severity",
                    )
                with gr.Row():
                    add = gr.Button("Mark error", elem_id="annotate-add-error")
                    clear = gr.Button("Clear marks", elem_id="annotate-clear-errors")
                submit = gr.Button("Submit and next", variant="primary", elem_id="annotate-submit")
        judged = gr.Dataframe(
            value=pd.DataFrame([], columns=JUDGMENT_HEADERS),
            label="Your judgments in this campaign (saved on submit)",
            interactive=False,
            wrap=True,
            elem_id="annotate-judgments",
        )
        with gr.Accordion("New campaign", open=not h.campaigns(ctx)):
            with gr.Row():
                new_name = gr.Textbox(label="Campaign name", elem_id="annotate-new-name")
                new_source = gr.File(
                    label="Source (one segment per line)",
                    type="filepath",
                    elem_id="annotate-new-source",
                )
                new_systems = gr.File(
                    label="Translations (one file per system, line-aligned)",
                    type="filepath",
                    file_count="multiple",
                    elem_id="annotate-new-systems",
                )
                new_reference = gr.File(
                    label="Reference (optional)", type="filepath", elem_id="annotate-new-reference"
                )
            with gr.Row():
                create = gr.Button("Create from files", elem_id="annotate-create")
                from_translate = gr.Button(
                    "Create from the Translate tab's results",
                    elem_id="annotate-create-from-translate",
                )
            created = gr.Markdown(elem_id="annotate-created")

        def on_tab() -> Any:
            return gr.update(choices=h.campaigns(ctx))

        tab.select(on_tab, outputs=campaign)  # campaigns made since the page was loaded

        outputs = [state, status, source, reference, translation, system, score, judged, scored]
        score.input(lambda: True, outputs=scored)

        @guarded
        def on_start(annotator_: str, campaign_: str) -> tuple[Any, ...]:
            return _show(ctx, h.resume(ctx, annotator_, campaign_))

        start.click(on_start, inputs=[annotator, campaign], outputs=outputs)

        @guarded
        def on_add(
            view: h.AnnotateView | None, span_: str, category_: str, severity_: str
        ) -> tuple[Any, ...]:
            view = h.add_error(view, span_, category_, severity_)
            return view, h.highlighted(view), ""

        add.click(
            on_add, inputs=[state, span, category, severity], outputs=[state, translation, span]
        )

        @guarded
        def on_clear(view: h.AnnotateView | None) -> tuple[Any, ...]:
            view = h.clear_errors(view)
            return view, h.highlighted(view)

        clear.click(on_clear, inputs=state, outputs=[state, translation])

        @guarded
        def on_submit(
            view: h.AnnotateView | None, score_: float | None, scored_: bool
        ) -> tuple[Any, ...]:
            new = h.submit(ctx, view, score_ if scored_ else None)
            gr.Info("Judgment saved.")
            return _show(ctx, new)

        submit.click(on_submit, inputs=[state, score, scored], outputs=outputs)

        def refreshed(name: str, added: int) -> tuple[Any, str]:
            message = f"Campaign **{esc(name)}**: {added} new items stored."
            return gr.update(choices=h.campaigns(ctx), value=name), message

        @guarded
        def on_create(
            name: str, src: str | None, systems: list[str] | None, ref: str | None
        ) -> tuple[Any, str]:
            return refreshed(*h.create_campaign(ctx, name, src, systems, ref))

        create.click(
            on_create,
            inputs=[new_name, new_source, new_systems, new_reference],
            outputs=[campaign, created],
        )

        @guarded
        def on_from_translate(name: str, result: Any) -> tuple[Any, str]:
            return refreshed(*h.campaign_from_translations(ctx, name, result))

        from_translate.click(
            on_from_translate, inputs=[new_name, shared.translations], outputs=[campaign, created]
        )
