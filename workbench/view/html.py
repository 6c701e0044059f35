"""HTML of a :class:`~workbench.view.model.CompareView`: the fragments the UI's Compare tab shows
and the standalone report page is made of (one renderer for both).

Every text a document or a user supplied is HTML-escaped: ``<script>`` in a report is shown, not
run. Differences are highlighted by :func:`highlight`, the one highlighter of the workbench;
colours come from :mod:`workbench.view.kinds` as inline styles, so no stylesheet holds a second
colour table.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from workbench.types import LANGUAGE_NAMES, Document, LinkCorrection
from workbench.view.kinds import kind_styles, style_of
from workbench.view.model import (
    NO_LABELS,
    WEAK_LINK_WORDS,
    CompareView,
    DifferenceView,
    PairView,
    Retelling,
    Span,
    StatementInfo,
    StatementView,
    SuggestedLink,
    ViewFilters,
    audit_marks,
    link_words,
    sentence_numbers,
    short_outlet,
    statement_line_text,
)
from workbench.wording import count


def esc(text: object) -> str:
    """HTML-escape ``text`` (quotes included)."""
    return html.escape(str(text), quote=True)


def highlight(text: str, spans: Sequence[Span], escape: Callable[[str], str] = esc) -> str:
    """``text`` escaped, with every character covered by a span inside one ``<mark>``.

    Overlapping spans are handled once, here: the text is cut at every span boundary and each
    piece covered by one or more spans becomes one mark coloured by the first span covering it
    (callers list the most salient first) and naming every kind covering it (``data-kinds``,
    tooltip). Nothing is dropped; spans outside the text are ignored.

    Args:
        text: The plain text.
        spans: ``(start, end, kind, title)`` character spans into ``text``.
        escape: How to escape the plain text (HTML by default; Markdown adds its own).
    """
    valid = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    bounds = sorted({0, len(text)} | {s[0] for s in valid} | {s[1] for s in valid})
    pieces: list[tuple[int, int, tuple[Span, ...]]] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        cover = tuple(s for s in valid if s[0] <= lo and hi <= s[1])
        if pieces and pieces[-1][2] == cover and pieces[-1][1] == lo:
            pieces[-1] = (pieces[-1][0], hi, cover)
        else:
            pieces.append((lo, hi, cover))
    out = []
    for lo, hi, cover in pieces:
        piece = escape(text[lo:hi])
        if not cover:
            out.append(piece)
            continue
        kinds = list(dict.fromkeys(s[2] for s in cover))
        title = " · ".join(dict.fromkeys(s[3] or s[2] for s in cover))
        extra = f' data-kinds="{esc(" ".join(kinds))}"' if len(kinds) > 1 else ""
        out.append(
            f'<mark class="wb-diff diff-{esc(kinds[0])}" data-kind="{esc(kinds[0])}"{extra} '
            f'style="background:{style_of(kinds[0]).colour}" title="{esc(title)}">{piece}</mark>'
        )
    return "".join(out)


def chip(kind: str, label: str = "", title: str = "") -> str:
    """A small coloured label of a difference kind."""
    return (
        f'<span class="wb-chip diff-{esc(kind)}" style="background:{style_of(kind).colour}" '
        f'title="{esc(title or style_of(kind).definition)}">{esc(label or kind)}</span>'
    )


def legend_html() -> str:
    """Every difference kind with its colour and definition."""
    items = "".join(
        f"<li>{chip(k.name)} <small>{esc(k.definition)}</small></li>" for k in kind_styles()
    )
    return f'<ul class="wb-legend">{items}</ul>'


# ─── pieces ──────────────────────────────────────────────────────────────────────────────────


def _difference_title(d: DifferenceView) -> str:
    return f"{d.kind}: {d.note or d.report or d.statement}"


def _statement_block(
    info: StatementInfo, diffs: Sequence[DifferenceView], languages: dict[str, str]
) -> str:
    spans = [(*d.statement_span, d.kind, _difference_title(d)) for d in diffs if d.statement_span]
    lang = languages.get(info.document_id, "")
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    original = (
        f'<div class="wb-original"{lang_attr}>{esc(info.text)}</div>' if info.translation else ""
    )
    return (
        f'<div class="wb-statement-text">{highlight(info.english, spans)}</div>{original}'
        f"{audit_html(info, lang_attr)}"
    )


def audit_html(info: StatementInfo, lang_attr: str = "") -> str:
    """Where the supplied translation departs from the original: the verdict, one line per
    issue, then both sides with the issues highlighted ("" when nothing was found)."""
    marks = audit_marks(info)
    if marks is None or info.translation_audit is None or info.translation is None:
        return ""
    audit = info.translation_audit
    items = "".join(
        f"<li>{chip(i.kind)} {esc(i.note)}"
        + (f' <span class="wb-sub">“{esc(i.source)}”</span>' if i.source else "")
        + (f" → “{esc(i.translation)}”" if i.translation else "")
        + "</li>"
        for i in audit.issues
    )
    return (
        f'<div class="wb-audit" data-flagged="{str(audit.flagged).lower()}">'
        f'<div class="wb-audit-head"><span class="wb-badge wb-translation">translation audit'
        f'</span> {marks.head} <span class="wb-sub">({marks.detail}):</span></div>'
        f'<ul class="wb-audit-issues">{items}</ul>'
        f'<div class="wb-audit-side"><span class="wb-sub">original:</span> '
        f"<span{lang_attr}>{highlight(info.text, marks.source)}</span></div>"
        f'<div class="wb-audit-side"><span class="wb-sub">translation:</span> '
        f"{highlight(info.translation, marks.translation)}</div></div>"
    )


def _statement_head(info: StatementInfo) -> str:
    return (
        f'<span class="wb-num">Statement {info.number}</span> · {outlet_html(info.outlet)} '
        f'<span class="wb-sub">({esc(info.document_id)}, line {info.line})</span>'
    )


def outlet_html(outlet: str) -> str:
    """The outlet's short name (:func:`short_outlet`), the full one on hover when they differ."""
    short = short_outlet(outlet)
    if short == outlet:
        return esc(outlet)
    return f'<span class="wb-outlet" title="{esc(outlet)}">{esc(short)}</span>'


def _difference_item(d: DifferenceView) -> str:
    st = f"“{esc(d.statement)}”" if d.statement else "—"
    rep = f"“{esc(d.report)}”" if d.report else "—"
    note = f' <span class="wb-sub">{esc(d.note)}</span>' if d.note else ""
    sal = (
        f' <span class="wb-salience" title="salience">{d.salience:.2f}</span>' if d.salience else ""
    )
    return f"<li>{chip(d.kind)}{sal}{voice_badge(d)} {st} → {rep}{note}</li>"


def voice_badge(d: DifferenceView) -> str:
    """Whose words: quoted (and by whom), or the supplied translation's, not the report's."""
    out = ""
    if d.voice == "quoted":
        who = f": {esc(d.speaker)}" if d.speaker else ""
        out += (
            ' <span class="wb-badge wb-quoted" title="inside a quotation or reported speech">'
            f"quoted{who}</span>"
        )
    if d.origin == "translation":
        out += (
            ' <span class="wb-badge wb-translation" title="the supplied translation departs '
            "from the original; the report does not\">translation's</span>"
        )
    return out


def _retelling_html(r: Retelling) -> str:
    spans = [(*d.report_span, d.kind, _difference_title(d)) for d in r.differences if d.report_span]
    badge = (
        ' <span class="wb-badge" title="linked by an analyst">analyst link</span>'
        if r.by_analyst
        else ""
    )
    score = link_words(r.score, r.by_analyst)
    score = "" if score.startswith("linked") else f", {score}"  # the badge says it
    hidden = f'<li class="wb-empty">{r.hidden} hidden by the filters</li>' if r.hidden else ""
    if r.weak:
        badge += f' <span class="wb-badge wb-weak" title="{WEAK_LINK_WORDS}">weak link</span>'
    empty = WEAK_LINK_WORDS if r.weak else "no differences found"
    diffs = "".join(_difference_item(d) for d in r.differences) or (
        "" if hidden else f'<li class="wb-empty">{empty}</li>'
    )
    return (
        f'<div class="wb-retelling" data-outlet="{esc(r.document_id)}">'
        f'<h4>{esc(r.outlet)} <span class="wb-sub">({esc(r.outlet_type)}, '
        f"{sentence_numbers(r.sentences)}{score})</span>{badge}</h4>"
        f'<div class="wb-report-text">{highlight(r.text, spans)}</div>'
        f'<ul class="wb-diffs">{diffs}{hidden}</ul></div>'
    )


def _statement_diffs(retellings: Sequence[Retelling]) -> list[DifferenceView]:
    diffs = [d for r in retellings for d in r.differences]
    return sorted(diffs, key=lambda d: -d.salience)


def statement_card(sv: StatementView, languages: dict[str, str]) -> str:
    """One statement with every shown outlet's retelling side by side."""
    missing = (
        f'<p class="wb-missing">Not retold by: {esc("; ".join(sv.not_retold_by))}</p>'
        if sv.not_retold_by
        else ""
    )
    return (
        f'<section class="wb-statement-card" data-statement="{sv.statement.index}">'
        f'<div class="wb-meta">{_statement_head(sv.statement)} · '
        f"{len(sv.retellings)} retelling{'s' if len(sv.retellings) != 1 else ''}</div>"
        f"{_statement_block(sv.statement, _statement_diffs(sv.retellings), languages)}"
        f'<div class="wb-retellings">{"".join(_retelling_html(r) for r in sv.retellings)}</div>'
        f"{missing}</section>"
    )


def _languages(view: CompareView) -> dict[str, str]:
    return {d.id: d.language for d in view.documents}


def _nothing_ticked(filters: ViewFilters) -> str | None:
    """Why nothing is shown when a filter shows nothing at all: with every difference kind
    unticked, "No statement is retold by the outlets and kinds shown" read as if the outlets
    retold nothing (hyg14's walk)."""
    if filters.kinds == ():
        return "No difference kind is ticked: tick one to see the statements retold with it."
    if filters.outlet_types == ():
        return "No outlet type is ticked: tick one to see its outlets' retellings."
    if filters.outlets == ():
        return "No outlet is ticked: tick one to see its retellings."
    return None


def statements_html(view: CompareView) -> str:
    """The statement-centric view: each statement and every outlet's retelling of it."""
    if not view.statements:
        why = (
            _nothing_ticked(view.filters)
            or "No statement is retold by the outlets and kinds shown."
        )
        return f'<p class="wb-empty">{why}</p>'
    langs = _languages(view)
    cards = "".join(statement_card(s, langs) for s in view.statements)
    return (
        f'<p class="wb-count">{count(len(view.statements), "statement")} retold, most salient first</p>'
        f'<div class="wb-statements">{cards}</div>'
    )


def _pair_card(p: PairView, languages: dict[str, str]) -> str:
    return (
        f'<section class="wb-pair" data-statement="{p.statement.index}">'
        f'<div class="wb-meta">{_statement_head(p.statement)} · {p.score_words}</div>'
        f'<div class="wb-side">{_statement_block(p.statement, _statement_diffs(p.retellings), languages)}</div>'
        f'<div class="wb-side">{"".join(_retelling_html(r) for r in p.retellings)}</div></section>'
    )


def pairs_html(view: CompareView) -> str:
    """The alignments in statement order, each with its retellings."""
    if not view.pairs:
        why = _nothing_ticked(view.filters) or "No aligned pair matches these filters."
        return f'<p class="wb-empty">{why}</p>'
    langs = _languages(view)
    return (
        f'<p class="wb-count">{len(view.pairs)} aligned pairs</p>'
        f'<div class="wb-pairs">{"".join(_pair_card(p, langs) for p in view.pairs)}</div>'
    )


def unmatched_html(view: CompareView) -> str:
    """Statements no shown outlet retells; each shown outlet's sentences that retell none."""
    st_items = "".join(
        f"<li>{_statement_head(s)}: {esc(s.english)}"
        + (f' <span class="wb-original">({esc(s.text)})</span>' if s.translation else "")
        + (
            ' <span class="wb-badge wb-translation" title="the translation audit flags the '
            'supplied translation">translation departs</span>'
            if s.translation_departs
            else ""
        )
        + "</li>"
        for s in view.unmatched_statements
    )
    none = '<li class="wb-empty">none</li>'
    parts = [
        f'<div class="wb-unmatched"><h4>Statements no outlet shown retells '
        f"({len(view.unmatched_statements)})</h4><ul>{st_items or none}</ul>"
    ]
    total = sum(len(o.sentences) for o in view.leftovers)
    parts.append(f"<h4>Report sentences that retell no statement ({total})</h4>")
    if any(o.suggestions for o in view.leftovers):
        parts.append(
            '<p class="wb-sub">A suggested link is the aligner\'s best line for a sentence it '
            "left unlinked: not a link until you accept it (Correct links).</p>"
        )
    for o in view.leftovers:
        items = "".join(
            f"<li>sentence {s.number}: {esc(s.text)}{_suggestions_html(o.suggested_for(s))}</li>"
            for s in o.sentences
        )
        parts.append(
            f'<h5 data-outlet="{esc(o.document_id)}">{esc(o.outlet)} '
            f'<span class="wb-sub">({esc(o.outlet_type)}, {len(o.sentences)})</span></h5>'
            f"<ul>{items or none}</ul>"
        )
    return "".join(parts) + "</div>"


def _suggestions_html(suggestions: Sequence[SuggestedLink]) -> str:
    """A leftover sentence's suggested links, best first (nothing when it has none)."""
    if not suggestions:
        return ""
    items = "".join(
        f'<li class="wb-suggestion" data-statement="{s.statement.index}" '
        f'data-sentence="{esc(s.sentence.document_id)}:{s.sentence.number}">'
        f"{esc(s.words)}: {esc(s.statement.english)}</li>"
        for s in suggestions
    )
    return f'<ul class="wb-suggestions">{items}</ul>'


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table of already-escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def aggregates_html(view: CompareView) -> str:
    """Differences by outlet type and kind, labels by outlet type, figures that disagree."""
    counts = {(c.outlet_type, c.kind, c.scope): c.count for c in view.kind_counts}
    types = sorted({c.outlet_type for c in view.kind_counts})
    leftovers = (("omission", "statements not retold"), ("addition", "sentences retelling none"))
    kind_rows = [
        [esc(t), *(str(counts.get((t, k, "pair"), 0)) for k in view.kinds)]
        + [str(counts.get((t, k, "case"), 0)) for k, _ in leftovers]
        for t in types
    ]
    label_rows = [
        [
            esc(u.outlet_type),
            f'<span class="{"wb-loaded" if u.loaded else "wb-neutral"}">{esc(u.label)}</span>',
            esc(u.category),
            "loaded" if u.loaded else "neutral",
            str(u.count),
            str(u.quoted)
            + (
                f' <span class="wb-sub">({esc(", ".join(u.speakers))})</span>' if u.speakers else ""
            ),
        ]
        for u in view.label_uses
    ]
    figure_rows = [
        [
            esc(f.outlet_type),
            f"<b>{esc(f.statement or '—')}</b>",
            f"<b>{esc(f.report or '—')}</b>",
            f'{esc(f.statement_sentence)}<br><span class="wb-sub">{esc(f.statement_document)}</span>',
            f'{esc(f.report_sentence)}<br><span class="wb-sub">{esc(f.report_document)}</span>',
            esc(f.note),
        ]
        for f in view.figures
    ]
    return (
        '<div class="wb-aggregates"><h4>Differences by outlet type and kind</h4>'
        + _table(
            ["Outlet type", *(chip(k) for k in view.kinds), *(esc(t) for _, t in leftovers)],
            kind_rows,
        )
        + '<p class="wb-sub">Kinds count the differences shown (the filters apply); the last '
        "two columns count the statements no shown outlet of that type retells and its report "
        "sentences that retell no statement.</p>"
        + "<h4>Labels for the actors, by outlet type</h4>"
        + '<p class="wb-sub">"Own voice" counts the outlet\'s own uses; uses inside quotations '
        "or reported speech are listed apart, with their speakers.</p>"
        + (
            _table(
                ["Outlet type", "Label", "Category", "Loaded?", "Own voice", "Quoted (speakers)"],
                label_rows,
            )
            if label_rows
            else f'<p class="wb-empty">{esc(NO_LABELS)}</p>'
        )
        + "<h4>Figures that disagree</h4>"
        + (
            _table(
                ["Reporting", "Statement says", "Report says", "Statement", "Report", "Note"],
                figure_rows,
            )
            if figure_rows
            else '<p class="wb-empty">No figure differs.</p>'
        )
        + "</div>"
    )


def corrections_html(view: CompareView) -> str:
    """The analyst's link corrections applied to this comparison."""
    return corrections_table(view.corrections, view.documents)


def corrections_table(
    corrections: Sequence[LinkCorrection], documents: Sequence[Document] = ()
) -> str:
    """Link corrections as a table (a sentence when there are none); with the case's
    ``documents``, each statement's English under its document and line."""
    if not corrections:
        return '<p class="wb-empty">No link corrections are saved with this case.</p>'

    def statement(c: LinkCorrection) -> str:
        text = statement_line_text(documents, c.statement_document, c.statement_line)
        said = f'<br><span class="wb-sub">“{esc(text)}”</span>' if text else ""
        return f"{esc(c.statement_document)} line {c.statement_line}{said}"

    rows = [
        [
            esc(c.action),
            statement(c),
            f"{esc(c.report_document)} sentence {c.report_sentence}",
            esc(c.report_text),
            esc(c.by),
            esc(c.at),
            esc(c.note),
        ]
        for c in corrections
    ]
    return _table(["Action", "Statement", "Report sentence", "Text", "By", "When", "Note"], rows)


def filters_html(view: CompareView) -> str:
    """One line saying which filters are on (empty when none is)."""
    f = view.filters
    parts = []
    if f.kinds is not None:
        parts.append("kinds: " + (", ".join(f.kinds) or "none"))
    if f.outlets is not None:
        parts.append("outlets: " + (", ".join(f.outlets) or "none"))
    if f.outlet_types is not None:
        parts.append("outlet types: " + (", ".join(f.outlet_types) or "none"))
    if f.min_salience > 0:
        parts.append(f"salience ≥ {f.min_salience:g}")
    return f'<p class="wb-filters">Filters — {esc("; ".join(parts))}</p>' if parts else ""


def documents_html(view: CompareView) -> str:
    """The case's documents with outlet, type, language, provenance and licence."""
    rows = [
        [
            f"<code>{esc(d.id)}</code><br>{esc(d.title)}",
            esc(d.outlet),
            esc(d.outlet_type.value),
            esc(LANGUAGE_NAMES.get(d.language, d.language)),
            esc(d.date),
            esc(d.provenance.value)
            + (
                f'<br><span class="wb-sub">translation: {esc(d.translation_provenance.value)}</span>'
                if d.translation_provenance
                else ""
            ),
            esc(d.licence),
            f'<span class="wb-sub">{esc(d.notes)}</span>',
        ]
        for d in view.documents
    ]
    return _table(
        ["Document", "Outlet", "Type", "Language", "Date", "Provenance", "Licence", "Notes"], rows
    )


#: Layout of the fragments above; the report page and the UI both use it.
VIEW_CSS = """
.wb-statements,.wb-pairs{display:flex;flex-direction:column;gap:.75rem}
.wb-statement-card,.wb-pair{border:1px solid #d0d0d0;border-radius:6px;padding:.6rem .75rem}
.wb-pair{display:grid;grid-template-columns:1fr 2fr;gap:.75rem}
.wb-pair .wb-meta{grid-column:1/span 2}
.wb-retellings{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.6rem;
margin-top:.5rem}
.wb-retelling{border-left:3px solid #9aa5b1;padding-left:.5rem}
.wb-retelling h4{margin:0 0 .25rem;font-size:.85rem}
.wb-meta{font-size:.8rem;opacity:.8;margin-bottom:.25rem}
.wb-num{font-weight:600}
.wb-statement-text{font-weight:500}
.wb-original{opacity:.75;font-size:.88rem;margin-top:.2rem}
.wb-sub{opacity:.7;font-size:.8rem;font-weight:normal}
.wb-outlet{text-decoration:underline dotted;cursor:help}
.wb-diffs{margin:.3rem 0 0;padding-left:1rem;font-size:.85rem}
.wb-chip{display:inline-block;font-size:.75rem;border-radius:3px;padding:0 .35rem;color:#000;
border:1px solid rgba(0,0,0,.25)}
mark.wb-diff{border-radius:2px;padding:0 1px;color:#000}
mark.wb-diff[data-kinds]{outline:1px dashed rgba(0,0,0,.45)}
.wb-salience{font-size:.72rem;opacity:.7}
.wb-badge{font-size:.7rem;background:#1d4ed8;color:#fff;border-radius:3px;padding:0 .3rem;
margin-left:.3rem}
.wb-quoted{background:#6b7280}.wb-weak{background:#9ca3af}.wb-translation{background:#b45309}
.wb-audit{border-left:3px solid #b45309;padding:.2rem .5rem;margin:.3rem 0;font-size:.88rem}
.wb-audit-issues{margin:.2rem 0;padding-left:1.2rem}
.wb-missing{font-size:.8rem;opacity:.75;margin:.3rem 0 0}
.wb-legend{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.wb-legend small{opacity:.75}
.wb-loaded{font-weight:bold;color:#9b1c31}
.wb-empty{opacity:.7;font-style:italic}
.wb-suggestions{list-style:none;margin:.15rem 0 .3rem .3rem;padding-left:.6rem;
border-left:2px dashed #9aa5b1}
.wb-suggestion{font-style:italic;opacity:.8}
table.wb-table{border-collapse:collapse;font-size:.88rem;margin:.4rem 0}
table.wb-table th,table.wb-table td{border-bottom:1px solid #ccc;padding:.25rem .5rem;
text-align:left;vertical-align:top}
@media (max-width:700px){.wb-pair{grid-template-columns:1fr}.wb-pair .wb-meta{grid-column:1}}
@media print{.wb-statement-card,.wb-pair{break-inside:avoid}}
"""

_PAGE_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
max-width:1280px;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
code,.sig{font:12px/1.4 ui-monospace,Consolas,monospace;word-break:break-all}
.sig{background:#f4f4f4;padding:.5rem;border-radius:4px}
"""


def outlets_shown(count: int) -> str:
    """ "1 outlet shown", "3 outlets shown" (the reports' sub-title)."""
    return f"{count} outlet{'' if count == 1 else 's'} shown"


def page_html(view: CompareView) -> str:
    """A standalone HTML report (inline CSS, no external asset) of the view."""
    intro = f"<p>{esc(view.description)}</p>" if view.description else ""
    body = (
        f"<h1>{esc(view.title)}</h1><p class='wb-sub'>case <code>{esc(view.case_id)}</code> · "
        f"{outlets_shown(view.outlet_count)}</p>{intro}{filters_html(view)}"
        f"<h2>Difference kinds</h2>{legend_html()}"
        f"<h2>Aggregates</h2>{aggregates_html(view)}"
        f"<h2>Statements and every outlet's retelling</h2>{statements_html(view)}"
        f"<h2>Aligned pairs, in statement order</h2>{pairs_html(view)}"
        f"<h2>Leftovers</h2>{unmatched_html(view)}"
        f"<h2>Analyst corrections</h2>{corrections_html(view)}"
        f"<h2>Documents</h2>{documents_html(view)}"
        f'<h2>Signature</h2><p class="sig">{esc(view.signature)}</p>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(view.title)}</title><style>{_PAGE_CSS}{VIEW_CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )
