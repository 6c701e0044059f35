"""The Evaluate tab: metric table with intervals, directions and significance, a readable
segment table with highlighting, honest plots, and a campaign's human judgments."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import annotate as annotate_h
from workbench.ui.handlers import evaluate as h
from workbench.ui.handlers import faithfulness as _faith  # noqa: F401 (registers its column)
from workbench.ui.tabs.common import Shared, guarded, unavailable
from workbench.ui.wording import TEMPLATE_BUTTON

REQUIRES: tuple[str, ...] = (
    "workbench.pipeline.evaluate:score_files",
    "workbench.pipeline.evaluate:write_report",
)
METRIC_HEADERS = ["System", "Metric", "Score", "95% CI", "p (vs baseline)", "Verdict", "Signature"]
#: Widths of :data:`METRIC_HEADERS`: left to the browser, the signature took most of the table
#: and the other headers broke inside words ("Syste m", "Ver dic t").
METRIC_WIDTHS = ["13%", "19%", "8%", "11%", "11%", "11%", "27%"]


def _segments(state: h.EvaluateState | None, metric: str, query: str, order: str) -> str:
    return h.segment_html(state, metric, query, order)


def _scatter(state: h.EvaluateState | None, metric: str) -> Any:
    _, points = h.plot_data(state, metric)
    lo, hi = h.score_range(state, metric)
    return gr.update(
        value=pd.DataFrame(points, columns=["system", "segment", "score"]),
        y_lim=[lo, hi],
        y_title=f"segment {metric}" if metric else "score",
    )


def _view(state: h.EvaluateState | None, metric: str, query: str, order: str) -> tuple[Any, ...]:
    return (
        _segments(state, metric, query, order),
        h.corpus_chart(state, metric),
        _scatter(state, metric),
    )


def _inputs(ctx: UIContext) -> tuple[Any, ...]:
    """The upload row and the scoring options."""
    from workbench.pipeline.evaluate import metric_choices

    with gr.Row(equal_height=False):
        with gr.Column():
            reference = gr.File(
                label="References (one segment per line; several files = several references)",
                type="filepath",
                file_count="multiple",
                elem_id="evaluate-reference",
            )
            source = gr.File(
                label="Source (optional; COMET and faithfulness checks use it)",
                type="filepath",
                elem_id="evaluate-source",
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
                choices=metric_choices(),
                value=["bleu", "chrf", "ter"],
                label="Metrics (↑ higher is better, ↓ lower is better)",
                elem_id="evaluate-metrics",
            )
            significance = gr.Radio(
                choices=list(h.SIGNIFICANCE_CHOICES),
                value="paired bootstrap",
                label="Significance test",
                elem_id="evaluate-significance",
            )
            run = gr.Button("Score", variant="primary", elem_id="evaluate-run")
    return reference, source, systems, use_translations, metrics, significance, run


def _human(ctx: UIContext) -> None:
    """The human-judgments panel: a campaign's means, errors and agreement."""
    with gr.Accordion("Human judgments of a campaign", open=False, elem_id="evaluate-human"):
        with gr.Row():
            campaign = gr.Dropdown(
                label="Campaign", choices=annotate_h.campaigns(ctx), elem_id="evaluate-campaign"
            )
            protocol = gr.Dropdown(
                label="Protocol (DA and ESA scores are not averaged together)",
                choices=list(h.HUMAN_PROTOCOLS),
                value="all",
                elem_id="evaluate-human-protocol",
            )
            show = gr.Button("Show judgments", elem_id="evaluate-human-run")
        means = gr.Dataframe(
            value=pd.DataFrame([], columns=h.HUMAN_HEADERS),
            label="Mean human score per system (DA or ESA, 0–100, with 95% bootstrap interval)",
            interactive=False,
            elem_id="evaluate-human-systems",
        )
        errors = gr.Dataframe(
            value=pd.DataFrame([], columns=h.ERROR_HEADERS),
            label="Marked errors by category and severity (MQM / ESA)",
            interactive=False,
            elem_id="evaluate-human-errors",
        )
        agreement = gr.Markdown(elem_id="evaluate-human-agreement")
        with gr.Row():
            with gr.Column():
                get_template = gr.Button(TEMPLATE_BUTTON, elem_id="evaluate-judgments-template")
                template = gr.File(
                    label="Template: the campaign's items, judgment columns empty (CSV)",
                    interactive=False,
                    visible=False,
                    elem_id="evaluate-judgments-template-file",
                )
            imported = gr.File(
                label="Judgments made elsewhere (.csv or .jsonl, the template's columns)",
                file_types=[".csv", ".jsonl"],
                type="filepath",
                elem_id="evaluate-judgments-file",
            )
            with gr.Column():
                do_import = gr.Button(
                    "Import into the campaign", elem_id="evaluate-judgments-import"
                )
                import_report = gr.HTML(elem_id="evaluate-judgments-report")
                refused = gr.File(
                    label="Refused rows", interactive=False, visible=False,
                    elem_id="evaluate-judgments-refused",
                )  # fmt: skip

        @guarded
        def on_show(campaign_: str, protocol_: str) -> tuple[Any, ...]:
            rows, errs, text = h.human_results(ctx, campaign_, protocol_)
            return (
                pd.DataFrame(rows, columns=h.HUMAN_HEADERS),
                pd.DataFrame(errs, columns=h.ERROR_HEADERS),
                text,
            )

        show.click(on_show, inputs=[campaign, protocol], outputs=[means, errors, agreement])

        @guarded
        def on_import(upload: str | None, campaign_: str | None) -> tuple[Any, Any]:
            html, path = h.import_judgments(ctx, upload, campaign_)
            if path is None:
                return html, gr.update(value=None, visible=False)
            return html, gr.update(value=str(path), visible=True)

        do_import.click(on_import, inputs=[imported, campaign], outputs=[import_report, refused])

        @guarded
        def on_template(campaign_: str | None) -> Any:
            return gr.update(value=str(h.judgments_template(ctx, campaign_)), visible=True)

        get_template.click(on_template, inputs=[campaign], outputs=[template])
        campaign.focus(lambda: gr.update(choices=annotate_h.campaigns(ctx)), outputs=campaign)


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Evaluate tab and wire its events."""
    with gr.Tab("Evaluate", id="evaluate", elem_id="tab-evaluate"):
        if unavailable("Evaluation", *REQUIRES, elem_id="evaluate-unavailable"):
            return
        state = gr.State(None)
        reference, source, systems, use_translations, metrics, significance, run = _inputs(ctx)
        warnings = gr.Markdown(elem_id="evaluate-warnings")
        table = gr.Dataframe(
            value=pd.DataFrame([], columns=METRIC_HEADERS),
            label="Corpus scores with 95% bootstrap intervals for every system; significance "
            "against the first system, judged in each metric's direction",
            interactive=False,
            wrap=True,
            column_widths=METRIC_WIDTHS,
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
        with gr.Row(equal_height=False):
            bars = gr.HTML(label="Corpus score", elem_id="evaluate-plot-corpus")
            points = gr.ScatterPlot(
                x="segment",
                y="score",
                color="system",
                label="Segment scores",
                elem_id="evaluate-plot-segments",
            )
        segments = gr.HTML(
            "<p class='wb-empty'>Score some systems to see their segments.</p>",
            elem_id="evaluate-segments",
        )
        with gr.Row():
            export = gr.Button("Prepare HTML report", elem_id="evaluate-export")
            download = gr.File(
                label="Report", interactive=False, visible=False, elem_id="evaluate-download"
            )
        _human(ctx)

        @guarded
        def on_run(
            refs: list[str] | None,
            src: str | None,
            files: list[str] | None,
            use: bool,
            result: Any,
            metrics_: list[str],
            sig: str,
        ) -> tuple[Any, ...]:
            st = h.evaluate(ctx, refs, files, result, use, metrics_, sig, src)
            names = h.metric_names(st)
            first = names[0] if names else ""
            return (
                st,
                h.warnings_markdown(st),
                pd.DataFrame(h.metric_rows(st), columns=METRIC_HEADERS),
                gr.update(choices=names, value=first or None),
                *_view(st, first, "", h.ORDERS[0]),
            )

        run.click(
            on_run,
            inputs=[
                reference,
                source,
                systems,
                use_translations,
                shared.translations,
                metrics,
                significance,
            ],
            outputs=[state, warnings, table, metric, segments, bars, points],
            concurrency_limit=1,
        )

        @guarded
        def on_view(
            st: h.EvaluateState | None, metric_: str, query_: str, order_: str
        ) -> tuple[Any, ...]:
            if st is None or not metric_:
                return gr.update(), gr.update(), gr.update()
            return _view(st, metric_, query_, order_)

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
