"""The Evaluate tab: metric table with signatures and significance, segment table, plots."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import evaluate as h
from workbench.ui.tabs.common import Shared, guarded, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.score:score_systems",
    "workbench.export.html_report:write_html_report",
)
METRIC_HEADERS = ["System", "Metric", "Score", "95% CI", "p (vs baseline)", "Signature"]


def _segments(state: h.EvaluateState | None, metric: str, query: str, order: str) -> pd.DataFrame:
    headers, rows = h.segment_table(state, metric, query, order)
    return pd.DataFrame(rows, columns=headers)


def _plots(state: h.EvaluateState | None, metric: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    bars, points = h.plot_data(state, metric)
    return (
        pd.DataFrame(bars, columns=["system", "metric", "score"]),
        pd.DataFrame(points, columns=["system", "segment", "score"]),
    )


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Evaluate tab and wire its events."""
    with gr.Tab("Evaluate", id="evaluate", elem_id="tab-evaluate"):
        if unavailable("Evaluation", *REQUIRES, elem_id="evaluate-unavailable"):
            return
        from workbench.score import METRICS

        state = gr.State(None)
        with gr.Row(equal_height=False):
            reference = gr.File(
                label="References (one segment per line)",
                type="filepath",
                elem_id="evaluate-reference",
            )
            systems = gr.File(
                label="System outputs (one file per system, line-aligned; the first is the baseline)",
                type="filepath",
                file_count="multiple",
                elem_id="evaluate-systems",
            )
            with gr.Column():
                use_translations = gr.Checkbox(
                    label="Use the Translate tab's translations (as the first systems)",
                    elem_id="evaluate-use-translations",
                )
                metrics = gr.CheckboxGroup(
                    choices=[m for m in METRICS.names() if m != "comet"],
                    value=["bleu", "chrf", "ter"],
                    label="Metrics",
                    elem_id="evaluate-metrics",
                )
                significance = gr.Radio(
                    choices=list(h.SIGNIFICANCE_CHOICES),
                    value="paired bootstrap",
                    label="Significance test",
                    elem_id="evaluate-significance",
                )
                run = gr.Button("Score", variant="primary", elem_id="evaluate-run")
        table = gr.Dataframe(
            value=pd.DataFrame([], columns=METRIC_HEADERS),
            label="Corpus scores (sacreBLEU signatures; significance against the first system)",
            interactive=False,
            wrap=True,
            elem_id="evaluate-metrics-table",
        )
        with gr.Row():
            metric = gr.Dropdown(
                label="Metric for segments and plots", choices=[], elem_id="evaluate-segment-metric"
            )
            query = gr.Textbox(label="Filter segments (text contains)", elem_id="evaluate-filter")
            order = gr.Dropdown(
                choices=list(h.ORDERS), value=h.ORDERS[0], label="Order", elem_id="evaluate-order"
            )
        with gr.Row():
            bars = gr.BarPlot(
                x="system",
                y="score",
                color="system",
                label="Corpus score",
                elem_id="evaluate-plot-corpus",
            )
            points = gr.ScatterPlot(
                x="segment",
                y="score",
                color="system",
                label="Segment scores",
                elem_id="evaluate-plot-segments",
            )
        segments = gr.Dataframe(
            value=pd.DataFrame([], columns=["#"]),
            label="Segments (click a column header to sort)",
            interactive=False,
            wrap=True,
            show_search="filter",
            elem_id="evaluate-segments",
        )
        with gr.Row():
            export = gr.Button("Prepare HTML report", elem_id="evaluate-export")
            download = gr.File(
                label="Report", interactive=False, visible=False, elem_id="evaluate-download"
            )

        @guarded
        def on_run(
            ref: str | None,
            files: list[str] | None,
            use: bool,
            result: Any,
            metrics_: list[str],
            sig: str,
        ) -> tuple[Any, ...]:
            st = h.evaluate(ctx, ref, files, result, use, metrics_, sig)
            names = h.metric_names(st)
            first = names[0] if names else None
            return (
                st,
                pd.DataFrame(h.metric_rows(st), columns=METRIC_HEADERS),
                gr.update(choices=names, value=first),
                _segments(st, first or "", "", h.ORDERS[0]),
                *_plots(st, first or ""),
            )

        run.click(
            on_run,
            inputs=[
                reference,
                systems,
                use_translations,
                shared.translations,
                metrics,
                significance,
            ],
            outputs=[state, table, metric, segments, bars, points],
            concurrency_limit=1,
        )

        @guarded
        def on_view(
            st: h.EvaluateState | None, metric_: str, query_: str, order_: str
        ) -> tuple[Any, ...]:
            if st is None or not metric_:
                return gr.update(), gr.update(), gr.update()
            return (_segments(st, metric_, query_, order_), *_plots(st, metric_))

        for control in (metric, order):
            control.change(
                on_view, inputs=[state, metric, query, order], outputs=[segments, bars, points]
            )
        query.submit(
            on_view, inputs=[state, metric, query, order], outputs=[segments, bars, points]
        )

        @guarded
        def on_export(st: h.EvaluateState | None) -> Any:
            return gr.update(value=str(h.export_report(ctx, st)), visible=True)

        export.click(on_export, inputs=state, outputs=download)
