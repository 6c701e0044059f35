"""Escaped HTML for the UI: everything a user or a document supplied is shown as text.

Gradio renders ``gr.HTML`` and ``gr.Markdown`` as markup, so every piece of text that reaches
them goes through :func:`esc` first: ``<script>`` or ``<img src=x onerror=...>`` pasted into a
box is displayed, never run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


def esc(text: object) -> str:
    """HTML-escape ``text`` (quotes included)."""
    return html.escape(str(text), quote=True)


def notice_list(notices: Iterable[str], *, css_class: str = "wb-notices") -> str:
    """An HTML list of notices (warnings for the user); empty string when there are none."""
    items = [f"<li>{esc(n)}</li>" for n in notices if n]
    if not items:
        return ""
    return f'<ul class="{css_class}">{"".join(items)}</ul>'


def signature_list(signatures: Sequence[tuple[str, str]]) -> str:
    """HTML of ``(system label, signature)`` pairs, each signature in monospace."""
    if not signatures:
        return ""
    rows = "".join(
        f'<li><span class="wb-system">{esc(label)}</span> '
        f'<code class="wb-signature">{esc(sig)}</code></li>'
        for label, sig in signatures
    )
    return f'<ul class="wb-signatures">{rows}</ul>'


def highlight(text: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """``text`` with ``(start, end, kind, title)`` spans marked: the workbench's one highlighter,
    :func:`workbench.view.html.highlight` (overlaps are split, never dropped)."""
    from workbench.view.html import highlight as view_highlight

    return view_highlight(text, spans)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, css_class: str) -> str:
    """A small escaped HTML table."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
