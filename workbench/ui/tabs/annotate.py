"""The Annotate tab: blind DA, MQM and ESA judgments with error spans selected by mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gradio as gr
import pandas as pd

from workbench.ui.context import UIContext
from workbench.ui.handlers import annotate as h
from workbench.ui.render import esc
from workbench.ui.tabs.common import Shared, guarded, unavailable

REQUIRES: tuple[str, ...] = (
    "workbench.score.judgments:JudgmentStore",
    "workbench.pipeline.annotate:start",
)

#: Reports the mouse selection inside the translation as character offsets (code points,
#: as Python counts them) through the custom ``spanselect`` event.
SELECTION_JS = """
element.addEventListener('mouseup', () => {
  const box = element.querySelector('.wb-mt');
  const sel = window.getSelection();
  if (!box || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
  const range = sel.getRangeAt(0);
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(range.startContainer, range.startOffset);
  const start = Array.from(before.toString()).length;
  const end = start + Array.from(range.toString()).length;
  trigger('spanselect', {start: start, end: end});
});
"""


def _table(ctx: UIContext, view: h.AnnotateView | None) -> pd.DataFrame:
    return pd.DataFrame(h.judgment_rows(ctx, view), columns=h.JUDGMENT_HEADERS)


def _show(ctx: UIContext, view: h.AnnotateView) -> tuple[Any, ...]:
    """Outputs for a freshly loaded item: state, status, instructions, source, reference,
    translation, score, scored, no-errors, span box, table, then the protocol's controls
    (category, severity, span column, score-zero button) shown or hidden."""
    item = view.item
    previous = h.previous_score(view)
    shown = h.controls(view)
    return (
        view,
        esc(view.status),
        h.instructions(view),
        item.source if item else "",
        item.reference if item else "",
        h.translation_html(view),
        gr.update(value=previous, visible=shown.score),
        previous is not None,
        gr.update(value=False, visible=shown.no_errors),
        gr.update(value="", visible=shown.spans),
        _table(ctx, view),
        gr.update(visible=shown.category),
        gr.update(choices=list(shown.severities), value=shown.severities[0], visible=shown.spans),
        gr.update(visible=shown.spans),
        gr.update(visible=shown.spans),
        gr.update(visible=shown.score),
    )


def _controls() -> dict[str, Any]:
    """The judging column: span marking, score, navigation."""
    c: dict[str, Any] = {}
    c["span"] = gr.Textbox(
        label="Selected words (select them in the translation with the mouse, or type them)",
        elem_id="annotate-span",
    )
    with gr.Row():
        c["category"] = gr.Dropdown(
            choices=list(h.categories()),
            value=h.categories()[0],
            label="Category (MQM)",
            elem_id="annotate-category",
        )
        c["severity"] = gr.Dropdown(
            choices=list(h.severities()),
            value=h.severities()[0],
            label="Severity",
            elem_id="annotate-severity",
        )
    with gr.Row():
        c["add"] = gr.Button("Mark error", elem_id="annotate-add-error")
        c["clear"] = gr.Button("Clear marks", elem_id="annotate-clear-errors")
    c["no_errors"] = gr.Checkbox(
        label="No errors (MQM: the translation is flawless)", elem_id="annotate-no-errors"
    )
    with gr.Row(equal_height=True):
        c["score"] = gr.Slider(
            0,
            100,
            value=None,
            step=1,
            label="Score 0–100: how well does the translation convey the source? (DA, ESA)",
            elem_id="annotate-score",
            scale=4,
        )
        c["zero"] = gr.Button("Score 0", size="sm", elem_id="annotate-score-zero", scale=1)
    with gr.Row():
        c["back"] = gr.Button("← Back", elem_id="annotate-back")
        c["skip"] = gr.Button("Skip", elem_id="annotate-skip")
        c["submit"] = gr.Button("Submit and next", variant="primary", elem_id="annotate-submit")
    with gr.Row(equal_height=True):
        c["goto"] = gr.Number(  # items are numbered from 1 (an empty box showed 0)
            value=1,
            minimum=1,
            label="Open item # (to read or edit)",
            precision=0,
            elem_id="annotate-goto",
        )
        c["goto_run"] = gr.Button("Open", size="sm", elem_id="annotate-goto-run")
    return c


def _new_campaign(ctx: UIContext, shared: Shared, campaign: Any) -> None:
    with gr.Accordion("New campaign", open=not h.campaigns(ctx)):
        with gr.Row():
            new_name = gr.Textbox(label="Campaign name", elem_id="annotate-new-name")
            new_source = gr.File(
                label="Source (one segment per line)",
                type="filepath",
                elem_id="annotate-new-source",
            )
            new_systems = gr.File(
                label="Translations (a file per system; names hidden from annotators)",
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

    def refreshed(
        before: list[str], name: str, added: int, notices: Sequence[str] = ()
    ) -> tuple[Any, str]:
        message = h.stored_message(name, added, before, notices)
        return gr.update(choices=h.campaigns(ctx), value=name), message

    @guarded
    def on_create(
        name: str, src: str | None, systems: list[str] | None, ref: str | None
    ) -> tuple[Any, str]:
        before = h.campaigns(ctx)
        notices: list[str] = []
        stored = h.create_campaign(ctx, name, src, systems, ref, notices)
        return refreshed(before, *stored, notices)

    create.click(
        on_create,
        inputs=[new_name, new_source, new_systems, new_reference],
        outputs=[campaign, created],
    )

    @guarded
    def on_from_translate(name: str, result: Any) -> tuple[Any, str]:
        before = h.campaigns(ctx)
        return refreshed(before, *h.campaign_from_translations(ctx, name, result))

    from_translate.click(
        on_from_translate, inputs=[new_name, shared.translations], outputs=[campaign, created]
    )


def build(ctx: UIContext, shared: Shared) -> None:
    """Lay out the Annotate tab and wire its events."""
    with gr.Tab("Annotate", id="annotate", elem_id="tab-annotate") as tab:
        if unavailable("Human annotation", *REQUIRES, elem_id="annotate-unavailable"):
            return
        state = gr.State(None)
        # The slider shows a value before it is touched; only a moved slider (or "Score 0")
        # counts as a score.
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
            protocol = gr.Radio(
                choices=list(h.PROTOCOL_CHOICES),
                value=next(iter(h.PROTOCOL_CHOICES)),
                label="Protocol",
                elem_id="annotate-protocol",
            )
            start = gr.Button("Start / resume", variant="primary", elem_id="annotate-start")
        instructions = gr.Markdown(h.instructions(None), elem_id="annotate-instructions")
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
                gr.Markdown("**Translation** — select wrong words with the mouse:")
                translation = gr.HTML(
                    h.translation_html(None),
                    js_on_load=SELECTION_JS,
                    elem_id="annotate-translation",
                )
            with gr.Column(scale=2, variant="panel"):
                c = _controls()
        judged = gr.Dataframe(
            value=pd.DataFrame([], columns=h.JUDGMENT_HEADERS),
            label="Your judgments in this campaign (saved on submit; # is your item order)",
            interactive=False,
            wrap=True,
            elem_id="annotate-judgments",
        )
        _new_campaign(ctx, shared, campaign)
        tab.select(lambda: gr.update(choices=h.campaigns(ctx)), outputs=campaign)

        outputs = [
            state,
            status,
            instructions,
            source,
            reference,
            translation,
            c["score"],
            scored,
            c["no_errors"],
            c["span"],
            judged,
            c["category"],
            c["severity"],
            c["add"],
            c["clear"],
            c["zero"],
        ]
        c["score"].input(lambda: True, outputs=scored)
        c["score"].release(lambda: True, outputs=scored)
        c["zero"].click(lambda: (gr.update(value=0), True), outputs=[c["score"], scored])
        protocol.change(lambda p: h.instructions(None, p), inputs=protocol, outputs=instructions)

        @guarded
        def on_start(annotator_: str, campaign_: str, protocol_: str) -> tuple[Any, ...]:
            return _show(ctx, h.resume(ctx, annotator_, campaign_, protocol_))

        start.click(on_start, inputs=[annotator, campaign, protocol], outputs=outputs)

        @guarded
        def on_select(view: h.AnnotateView | None, evt: gr.EventData) -> tuple[Any, ...]:
            data = evt._data or {}
            view, text = h.select(view, data.get("start"), data.get("end"))
            return view, h.translation_html(view), text

        translation.spanselect(  # type: ignore[attr-defined]
            on_select, inputs=state, outputs=[state, translation, c["span"]]
        )

        @guarded
        def on_add(
            view: h.AnnotateView | None, span_: str, category_: str, severity_: str
        ) -> tuple[Any, ...]:
            view = h.add_error(view, span_, category_, severity_)
            return view, h.translation_html(view), ""

        c["add"].click(
            on_add,
            inputs=[state, c["span"], c["category"], c["severity"]],
            outputs=[state, translation, c["span"]],
        )

        @guarded
        def on_clear(view: h.AnnotateView | None) -> tuple[Any, ...]:
            view = h.clear_errors(view)
            return view, h.translation_html(view)

        c["clear"].click(on_clear, inputs=state, outputs=[state, translation])

        @guarded
        def on_submit(
            view: h.AnnotateView | None, score_: float | None, scored_: bool, none_: bool
        ) -> tuple[Any, ...]:
            new = h.submit(ctx, view, score_ if scored_ else None, none_)
            gr.Info("Judgment saved.")
            return _show(ctx, new)

        c["submit"].click(
            on_submit, inputs=[state, c["score"], scored, c["no_errors"]], outputs=outputs
        )

        @guarded
        def on_back(view: h.AnnotateView | None) -> tuple[Any, ...]:
            return _show(ctx, h.back(ctx, view))

        @guarded
        def on_skip(view: h.AnnotateView | None) -> tuple[Any, ...]:
            return _show(ctx, h.skip(ctx, view))

        @guarded
        def on_goto(view: h.AnnotateView | None, position: float | None) -> tuple[Any, ...]:
            return _show(ctx, h.goto(ctx, view, position))

        c["back"].click(on_back, inputs=state, outputs=outputs)
        c["skip"].click(on_skip, inputs=state, outputs=outputs)
        c["goto_run"].click(on_goto, inputs=[state, c["goto"]], outputs=outputs)
