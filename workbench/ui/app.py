"""The app factory and the server behind ``workbench serve``.

``create_app`` builds the :class:`gradio.Blocks` (one function per tab); ``serve`` launches it on
127.0.0.1 by default, with no share link unless asked, no analytics and nothing that waits on the
network, so the app is up in seconds; models load on first use.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.errors import UserInputError
from workbench.textio import MAX_FILE_BYTES
from workbench.ui.context import UIContext
from workbench.ui.render import esc
from workbench.view.html import VIEW_CSS

log = logging.getLogger("workbench")

#: Environment that keeps gradio and huggingface_hub off the network at start-up.
OFFLINE_ENV: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_RUN_HISTORY": "False",
    "GRADIO_SSR_MODE": "False",
}
CSS_PATH = Path(__file__).with_name("style.css")
#: How many runs of one quick event (load an item, submit a judgment, pick a row) may run at
#: once. Long work (translate, compare, evaluate, model pulls) sets its own limit per event, so
#: one visitor's long run never queues another visitor's quick actions behind it.
QUICK_CONCURRENCY = 8


def quiet_environment() -> None:
    """Set :data:`OFFLINE_ENV` (before gradio is imported) unless the user set them."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def create_app(ctx: UIContext):  # type: ignore[no-untyped-def]
    """Build the workbench app: a header and one tab per job.

    Returns:
        The :class:`gradio.Blocks` app (not launched).
    """
    quiet_environment()
    import gradio as gr

    from workbench.ui.tabs import annotate, compare, evaluate, models, translate
    from workbench.ui.tabs.common import Shared

    shared = Shared()
    with gr.Blocks(title="Translation & framing workbench", analytics_enabled=False) as app:
        gr.HTML(
            '<div class="wb-header"><h1>Translation &amp; framing workbench</h1>'
            '<span class="wb-sub">Kazakh · Kyrgyz · Russian → English — translate, compare with '
            f"reporting, score, judge · v{esc(__version__)} · data in "
            f"<code>{esc(ctx.settings.home)}</code></span></div>",
            elem_id="wb-header",
        )
        if ctx.notices:
            gr.Markdown("\n".join(f"- ⚠ {esc(n)}" for n in ctx.notices), elem_id="wb-store-notices")
        with gr.Tabs(elem_id="wb-tabs"):
            translate.build(ctx, shared)
            compare.build(ctx, shared)
            evaluate.build(ctx, shared)
            annotate.build(ctx, shared)
            models.build(ctx, shared)
        # Lists read from disk are read again when a page loads: a model folder copied into
        # <home>/models (or a conversion) while serving is offered without a restart.
        for fn, outputs in [*shared.on_load, model_lists_on_load(shared)]:
            if outputs:
                app.load(fn, outputs=outputs, show_progress="hidden")
    app.queue(default_concurrency_limit=QUICK_CONCURRENCY)
    return app


def model_lists_on_load(shared: Any) -> tuple[Any, list[Any]]:
    """``(fn, outputs)`` that gives every model menu of ``shared`` its current choices."""
    import gradio as gr

    def refresh() -> tuple[Any, ...]:
        return tuple(gr.update(choices=choices()) for _, choices in shared.model_lists)

    return refresh, [component for component, _ in shared.model_lists]


def theme():  # type: ignore[no-untyped-def]
    """The app's theme: local system fonts only (nothing fetched from the web)."""
    import gradio as gr

    return gr.themes.Soft(
        primary_hue="indigo",
        secondary_hue="slate",
        neutral_hue="slate",
        font=["Inter", "ui-sans-serif", "system-ui", "DejaVu Sans", "sans-serif"],
        font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"],
    )


def prepare_stores(ctx: UIContext) -> list[str]:
    """Check (salvaging when damaged) and back up the judgments and post-edit stores.

    Never raises: whatever state a store is in, ``serve`` starts; the returned sentences say
    what was found and are shown at the top of the app.
    """
    from workbench.errors import WorkbenchError
    from workbench.pipeline.postedits import PostEditStore
    from workbench.pipeline.stores import back_up, check_judgments

    notices = []
    judgments = check_judgments(ctx.settings)
    if judgments.message:
        notices.append(judgments.message)
    if ctx.postedits_path.exists():
        try:
            if note := PostEditStore(ctx.postedits_path).check():
                notices.append(note)
            back_up(ctx.postedits_path, ctx.settings)
        except WorkbenchError as err:
            notices.append(f"Post-edits cannot be used right now: {err}")
    for note in notices:
        log.warning("%s", note)
    return notices


def check_host(host: str) -> None:
    """Refuse an address that does not resolve before anything starts. Gradio said "Cannot
    find empty port" whatever failed, after uvicorn's own "ERROR: [Errno -2]" line: an address
    that is no name was told to pick another port (review18).

    Raises:
        UserInputError: naming the address and what to give instead.
    """
    import socket

    try:
        socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as why:
        reason = getattr(why, "strerror", None) or str(why)
        raise UserInputError(
            f"Cannot serve on {host}: the address cannot be resolved ({reason}); give --host an "
            "address of this machine, such as 127.0.0.1 or 0.0.0.0."
        ) from why


def serve(
    ctx: UIContext,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    share: bool = False,
    block: bool = True,
) -> None:
    """Launch the app and (when ``block``) serve until interrupted.

    Raises:
        UserInputError: when the address does not resolve, or the port is taken or the
            address cannot be bound.
    """
    check_host(host)
    ctx.settings.ensure_home()
    ctx.notices = tuple(prepare_stores(ctx))
    app = create_app(ctx)
    # gradio polls its own server through httpx; those requests are not news for the user.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        app.launch(
            server_name=host,
            server_port=port,
            auth=auth,
            share=share,
            prevent_thread_lock=True,
            footer_links=[],
            run_history=False,
            ssr_mode=False,
            mcp_server=False,
            enable_monitoring=False,
            show_error=True,
            # gradio's own lines end with "To create a public link, set `share=True` in
            # `launch()`", advice for gradio's Python API: `serve` says it in its own words.
            quiet=not share,
            theme=theme(),
            css_paths=[CSS_PATH],
            css=VIEW_CSS,
            allowed_paths=[str(ctx.exports_dir)],
            # an upload larger than any file a reader accepts is refused before it is stored
            max_file_size=MAX_FILE_BYTES,
        )
    except OSError as err:
        raise UserInputError(
            f"Cannot serve on {host}:{port} ({err}); pick another port with --port."
        ) from err
    if not share:
        print(
            f"* Running on local URL:  {app.local_url}\n* Stop it with Ctrl+C.",
            flush=True,
        )
    if block:
        app.block_thread()
