"""Markdown of a :class:`~workbench.view.model.CompareView`: the same sections, numbers, order and
highlights as the HTML report (highlights are inline ``<mark>`` HTML, which Markdown keeps).

Text from documents is escaped for Markdown and for the HTML a Markdown renderer makes of it.
"""

from __future__ import annotations

import html
import re

from workbench.view.html import highlight, outlets_shown
from workbench.view.kinds import kind_styles
from workbench.view.model import (
    NO_LABELS,
    WEAK_LINK_WORDS,
    CompareView,
    DifferenceView,
    Retelling,
    StatementInfo,
    audit_marks,
    link_words,
    sentence_numbers,
    short_outlet,
    statement_line_text,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_piece(text: str) -> str:
    """A piece of text safe inside Markdown (HTML-escaped, specials escaped, line breaks turned
    into spaces); its own leading and trailing spaces are kept."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return re.sub(r"\s*\n\s*", " ", escaped)


def md(text: object) -> str:
    """Text safe inside Markdown, on one line with single spaces."""
    return " ".join(md_piece(str(text)).split())


def _head(info: StatementInfo) -> str:
    outlet = md(short_outlet(info.outlet))  # the full name: the Documents section
    return f"Statement {info.number} · {outlet} ({md(info.document_id)}, line {info.line})"


def _difference(d: DifferenceView) -> str:
    st = f"“{md(d.statement)}”" if d.statement else "—"
    rep = f"“{md(d.report)}”" if d.report else "—"
    sal = f" ({d.salience:.2f})" if d.salience else ""
    note = f" — {md(d.note)}" if d.note else ""
    whose = ""
    if d.voice == "quoted":
        whose += " *quoted" + (f": {md(d.speaker)}" if d.speaker else "") + "*"
    if d.origin == "translation":
        whose += " *translation's*"
    return f"  - **{md(d.kind)}**{sal}{whose}: {st} → {rep}{note}"


def _retelling(r: Retelling) -> list[str]:
    spans = [(*d.report_span, d.kind, d.note or d.kind) for d in r.differences if d.report_span]
    badge = " · *analyst link*" if r.by_analyst else ""
    badge += " · *weak link*" if r.weak else ""
    score = link_words(r.score, r.by_analyst)
    score = "" if score.startswith("linked") else f", {score}"  # the badge says it
    lines = [
        f"- **{md(r.outlet)}** ({md(r.outlet_type)}, {sentence_numbers(r.sentences)}{score})"
        f"{badge}: {highlight(r.text, spans, md_piece)}"
    ]
    lines += [_difference(d) for d in r.differences]
    if r.hidden:
        lines.append(f"  - *{r.hidden} hidden by the filters*")
    if not r.differences and not r.hidden:
        lines.append(f"  - *{WEAK_LINK_WORDS if r.weak else 'no differences found'}*")
    return lines


def _statement_lines(info: StatementInfo, retellings: tuple[Retelling, ...]) -> list[str]:
    diffs = sorted((d for r in retellings for d in r.differences), key=lambda d: -d.salience)
    spans = [(*d.statement_span, d.kind, d.note or d.kind) for d in diffs if d.statement_span]
    lines = [f"> {highlight(info.english, spans, md_piece)}"]
    if info.translation:
        lines += [">", f"> *{md(info.text)}*"]
    return lines + [""] + _audit_lines(info)


def _audit_lines(info: StatementInfo) -> list[str]:
    """Where the supplied translation departs from the original (nothing when it does not)."""
    marks = audit_marks(info)
    if marks is None or info.translation_audit is None or info.translation is None:
        return []
    audit = info.translation_audit
    lines = [f"**Translation audit** — {marks.head} ({marks.detail}):", ""]
    for i in audit.issues:
        sides = (f" “{md(i.source)}”" if i.source else "") + (
            f" → “{md(i.translation)}”" if i.translation else ""
        )
        lines.append(f"- **{md(i.kind)}**{sides} — {md(i.note)}")
    return lines + [
        "",
        f"- original: {highlight(info.text, marks.source, md_piece)}",
        f"- translation: {highlight(info.translation, marks.translation, md_piece)}",
        "",
    ]


def view_markdown(view: CompareView) -> str:
    """A Markdown report of the view: aggregates, statements with every retelling, pairs,
    leftovers, corrections, documents, signature."""
    lines = [
        f"# {md(view.title)}",
        "",
        f"Case `{view.case_id}` · {outlets_shown(view.outlet_count)}",
        "",
    ]
    f = view.filters
    active = [
        (f"kinds: {', '.join(f.kinds) or 'none'}" if f.kinds is not None else ""),
        (f"outlets: {', '.join(f.outlets) or 'none'}" if f.outlets is not None else ""),
        (
            f"outlet types: {', '.join(f.outlet_types) or 'none'}"
            if f.outlet_types is not None
            else ""
        ),
        (f"salience ≥ {f.min_salience:g}" if f.min_salience > 0 else ""),
    ]
    if any(active):
        lines += [f"Filters — {md('; '.join(a for a in active if a))}", ""]
    lines += ["## Difference kinds", ""]
    lines += [f"- **{k.name}**: {md(k.definition)}" for k in kind_styles()]
    if any(r.weak for sv in view.statements for r in sv.retellings):
        # the HTML says it on the badge's hover; a Markdown reader has no hover (hyg15's walk)
        lines.append(f"- *weak link* (beside an outlet): {md(WEAK_LINK_WORDS.split(': ', 1)[1])}")
    lines += ["", *_aggregates(view)]
    lines += [f"## Statements and every outlet's retelling ({len(view.statements)})", ""]
    for sv in view.statements:
        lines += [f"### {_head(sv.statement)}", ""]
        lines += _statement_lines(sv.statement, sv.retellings)
        for r in sv.retellings:
            lines += _retelling(r)
        if sv.not_retold_by:
            lines.append(f"- *not retold by: {md('; '.join(sv.not_retold_by))}*")
        lines.append("")
    lines += [f"## Aligned pairs, in statement order ({len(view.pairs)})", ""]
    for p in view.pairs:
        lines += [f"### {_head(p.statement)} · {p.score_words}", ""]
        lines += _statement_lines(p.statement, p.retellings)
        for r in p.retellings:
            lines += _retelling(r)
        lines.append("")
    lines += _leftovers(view) + _corrections(view)
    lines += ["## Documents", "", "| id | outlet | type | language | provenance | licence |"]
    lines.append("|---|---|---|---|---|---|")
    lines += [
        f"| {md(d.id)} | {md(d.outlet)} | {d.outlet_type.value} | {d.language} | "
        f"{d.provenance.value} | {md(d.licence)} |"
        for d in view.documents
    ]
    lines += ["", "## Signature", "", f"`{view.signature}`", ""]
    return "\n".join(lines)


def _aggregates(view: CompareView) -> list[str]:
    counts = {(c.outlet_type, c.kind, c.scope): c.count for c in view.kind_counts}
    types = sorted({c.outlet_type for c in view.kind_counts})
    columns = [*view.kinds, "statements not retold", "sentences retelling none"]
    lines = ["## Differences by outlet type and kind", ""]
    lines.append("| outlet type | " + " | ".join(columns) + " |")
    lines.append("|---|" + "---|" * len(columns))
    for t in types:
        row = [counts.get((t, k, "pair"), 0) for k in view.kinds]
        row += [counts.get((t, "omission", "case"), 0), counts.get((t, "addition", "case"), 0)]
        lines.append(f"| {md(t)} | " + " | ".join(str(c) for c in row) + " |")
    lines += [
        "",
        "## Labels for the actors, by outlet type (loaded in bold; own voice, quoted apart)",
        "",
    ]
    by_type: dict[str, list[str]] = {}
    for u in view.label_uses:
        label = f"**{md(u.label)}**" if u.loaded else md(u.label)
        quoted = ""
        if u.quoted:
            who = f": {md(', '.join(u.speakers))}" if u.speakers else ""
            quoted = f" (+{u.quoted} quoted{who})"
        by_type.setdefault(u.outlet_type, []).append(f"{label} ×{u.count}{quoted}")
    lines += [f"- {md(t)}: {', '.join(v)}" for t, v in sorted(by_type.items())] or [NO_LABELS]
    lines += ["", "## Figures that disagree", ""]
    lines += [
        f"- {md(f.statement) or '—'} ({md(f.statement_document)}) vs {md(f.report) or '—'} "
        f"({md(f.report_document)}, {md(f.outlet_type)}){' · ' + md(f.note) if f.note else ''}: "
        f"“{md(f.statement_sentence)}” / "
        f"“{md(f.report_sentence)}”"
        for f in view.figures
    ] or ["No figure differs."]
    return lines + [""]


def _leftovers(view: CompareView) -> list[str]:
    lines = [f"## Statements no outlet shown retells ({len(view.unmatched_statements)})", ""]
    lines += [
        f"- {_head(s)}: {md(s.english)}"
        + (f" — *{md(s.text)}*" if s.translation else "")
        + (" · *translation departs*" if s.translation_departs else "")
        for s in view.unmatched_statements
    ]
    total = sum(len(o.sentences) for o in view.leftovers)
    lines += ["", f"## Report sentences that retell no statement ({total})", ""]
    for o in view.leftovers:
        lines.append(f"- **{md(o.outlet)}** ({md(o.outlet_type)}): {len(o.sentences)}")
        for s in o.sentences:
            lines.append(f"  - sentence {s.number}: {md(s.text)}")
            lines += [
                f"    - *{md(g.words)}*: {md(g.statement.english)}" for g in o.suggested_for(s)
            ]
    if any(o.suggestions for o in view.leftovers):
        lines += [
            "",
            "A suggested link is the aligner's best line for a sentence it left unlinked: not a "
            "link until the analyst accepts it.",
        ]
    return lines + [""]


def _corrections(view: CompareView) -> list[str]:
    lines = [f"## Analyst corrections ({len(view.corrections)})", ""]
    for c in view.corrections:
        said = statement_line_text(view.documents, c.statement_document, c.statement_line)
        lines.append(
            f"- {c.action}: {md(c.statement_document)} line {c.statement_line}"
            + (f" “{md(said)}”" if said else "")
            + f" ↔ {md(c.report_document)} sentence {c.report_sentence} “{md(c.report_text)}” — "
            f"{md(c.by)}, {md(c.at)}" + (f" ({md(c.note)})" if c.note else "")
        )
    return lines + [""]
