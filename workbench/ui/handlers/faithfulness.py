"""Faithfulness in the UI: per-engine flags in Translate, a column and "flagged first" in
Evaluate. Plain functions over :func:`workbench.pipeline.faithfulness.check_translations`,
testable without Gradio; importing this module registers the Evaluate column.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from workbench.errors import WorkbenchError
from workbench.pipeline.evaluate import Evaluation
from workbench.pipeline.faithfulness import (
    check_translations,
    kind_css,
    marked_translation,
    shared_embedder,
    source_language,
)
from workbench.pipeline.side_by_side import Flagger, row_sentences
from workbench.types import SOURCE_LANGUAGES, FaithResult
from workbench.ui.handlers.evaluate import SEGMENT_COLUMNS
from workbench.ui.handlers.translate import TranslateResult
from workbench.ui.render import esc

#: Column title in the Evaluate segment table.
COLUMN = "Faithfulness"


@lru_cache(maxsize=16)
def check_system(sources: tuple[str, ...], hypotheses: tuple[str, ...]) -> tuple[FaithResult, ...]:
    """Faithfulness of one system's segments against the sources (cached per system)."""
    src = source_language(sources)
    if src is None:
        return ()
    return tuple(check_translations(sources, hypotheses, src))


def summary(result: FaithResult, limit: int = 3) -> str:
    """One line: the score, a flag, and the first issues ("⚑ 0.21 · number '25,000' …")."""
    head = f"{'⚑ ' if result.flagged else ''}{result.score:.2f}"
    parts = [f"{i.kind} {i.translation or i.source!r}" for i in result.issues[:limit]]
    more = f" +{len(result.issues) - limit}" if len(result.issues) > limit else ""
    return head + (" · " + "; ".join(parts) + more if parts else "")


def evaluation_results(state: Evaluation) -> list[tuple[FaithResult, ...]]:
    """Per system, the faithfulness results of its segments (empty without sources)."""
    if not state.sources:
        return [() for _ in state.hypotheses]
    return [check_system(tuple(state.sources), tuple(h)) for _, h in state.hypotheses]


def faith_cell(state: Evaluation, system: int, segment: int) -> str | None:
    """The Evaluate column: score, flag and issues of one hypothesis (None without sources)."""
    results = evaluation_results(state)[system]
    return summary(results[segment]) if results else None


def flagged_first(state: Evaluation, segments: Sequence[int]) -> list[int]:
    """``segments`` with the least faithful first (lowest score over all systems)."""
    per_system = [r for r in evaluation_results(state) if r]
    if not per_system:
        return list(segments)
    return sorted(segments, key=lambda i: min(r[i].score for r in per_system))


SEGMENT_COLUMNS[COLUMN] = faith_cell


#: Checked ``(source, translation, language)`` → result, most recent last (see :func:`check_cells`).
_CHECKED: OrderedDict[tuple[str, str, str], FaithResult] = OrderedDict()
_CHECKED_LOCK = threading.Lock()
#: How many checked sentences are remembered.
MAX_CHECKED = 8192


def check_cells(cells: Iterable[tuple[str, str, str]]) -> None:
    """Check every ``(source, translation, language)`` not checked yet, one batch per language.

    One :func:`check_translations` call embeds all the pairs at once; a call per sentence cost
    about 1.2 s each on two cores (the embedder's per-call overhead), so a 300-line text waited
    8 minutes for its table. Each pair is still checked on its own: its result is the same as
    a check of that pair alone, with ``index`` 0.
    """
    todo: dict[str, dict[tuple[str, str], None]] = {}
    with _CHECKED_LOCK:
        for source, translation, src in cells:
            if (source, translation, src) not in _CHECKED:
                todo.setdefault(src, {})[(source, translation)] = None
    for src, wanted in todo.items():
        pairs = list(wanted)
        results = check_translations(
            [s for s, _ in pairs], [t for _, t in pairs], src, embedder=shared_embedder()
        )
        with _CHECKED_LOCK:
            for (source, translation), result in zip(pairs, results, strict=True):
                _CHECKED[(source, translation, src)] = replace(result, index=0)
            while len(_CHECKED) > MAX_CHECKED:
                _CHECKED.popitem(last=False)


def check_cell(source: str, translation: str, src: str) -> FaithResult:
    """Faithfulness of one sentence's translation (remembered; one shared embedder)."""
    key = (source, translation, src)
    with _CHECKED_LOCK:
        found = _CHECKED.get(key)
    if found is None:
        check_cells([key])
        with _CHECKED_LOCK:
            found = _CHECKED.get(key)
    if found is None:  # forgotten at once by a crowd of other checks: check it alone
        (found,) = check_translations([source], [translation], src, embedder=shared_embedder())
    return found


def _languages(result: TranslateResult) -> dict[str, str]:
    """Source sentence → the language of its line."""
    langs: dict[str, str] = {}
    rows = row_sentences(result.lines, result.line_languages)
    for sentences, lang in zip(rows, result.line_languages, strict=True):
        for sentence in sentences:
            langs.setdefault(sentence.text, lang)
    return langs


def flaggers_for(result: TranslateResult | None) -> tuple[Flagger, ...]:
    """The Translate table's per-engine flagger: ``(source, translation) -> flags``."""
    if result is None:
        return ()
    langs = _languages(result)

    def language(source: str) -> str | None:
        src = langs.get(source) or source_language([source])
        return src if src in SOURCE_LANGUAGES and source.strip() else None

    def flag(source: str, translation: str) -> tuple[str, ...]:
        src = language(source)
        if src is None:
            return ()
        r = check_cell(source, translation, src)
        return (summary(r),) if r.flagged else ()

    def prepare(pairs: Sequence[tuple[str, str]]) -> None:  # the whole table, one batch
        check_cells((s, t, src) for s, t in pairs if (src := language(s)) is not None)

    flag.prepare = prepare  # type: ignore[attr-defined]
    return (flag,)


def translate_flags(result: TranslateResult | None) -> list[list[FaithResult]]:
    """Per system of a Translate result, the check of each source sentence's translation."""
    if result is None or not result.systems:
        return []
    languages = result.line_languages
    check_cells(
        (pair.source.text, pair.translation, src)
        for system in result.systems
        for i, translation in enumerate(system.translations)
        if (src := languages[i] if i < len(languages) else result.src) in SOURCE_LANGUAGES
        for pair in translation.sentences
        if pair.source.text.strip()
    )
    out = []
    for system in result.systems:
        checks = []
        for i, translation in enumerate(system.translations):
            src = languages[i] if i < len(languages) else result.src
            for pair in translation.sentences:
                if src in SOURCE_LANGUAGES and pair.source.text.strip():
                    checks.append(check_cell(pair.source.text, pair.translation, src))
        out.append(checks)
    return out


def translate_flags_html(result: TranslateResult | None) -> str:
    """The Translate tab's flags: per engine how many sentences are flagged, and for every
    sentence some engine was flagged on, each engine's translation with the spans marked, so a
    translator sees which engine dropped the number. A problem is shown as one sentence."""
    try:
        checks = translate_flags(result)
    except WorkbenchError as err:
        return f"<p class='wb-empty'>Faithfulness not checked: {esc(err)}</p>"
    if result is None or not checks:
        return "<p class='wb-empty'>Translate something to see faithfulness flags.</p>"
    labels = [s.label for s in result.systems]
    counts = "".join(
        f"<li><b>{esc(label)}</b>: {sum(r.flagged for r in rs)} of {len(rs)} sentences flagged</li>"
        for label, rs in zip(labels, checks, strict=True)
    )
    rows = []
    n = min(len(rs) for rs in checks)
    for i in range(n):
        if not any(rs[i].flagged for rs in checks):
            continue
        cells = "".join(_cell(rs[i]) for rs in checks)
        rows.append(f"<tr><td>{i + 1}</td><td>{esc(checks[0][i].source)}</td>{cells}</tr>")
    head = "".join(f"<th>{esc(label)}</th>" for label in labels)
    table = (
        f"<table class='wb-faith'><thead><tr><th>#</th><th>Source</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No sentence is flagged for any engine.</p>"
    )
    return (
        f"<style>{kind_css()}</style>"
        "<div class='wb-faith-flags'><p>Faithfulness (source vs translation, no reference): "
        f"score 0–1, ⚑ below 0.5.</p><ul>{counts}</ul>{table}</div>"
    )


def _cell(r: FaithResult) -> str:
    notes = "".join(f"<li>{esc(i.kind)}: {esc(i.note)}</li>" for i in r.issues)
    flag = "⚑ " if r.flagged else ""
    return (
        f"<td class='{'wb-faith-flagged' if r.flagged else 'wb-faith-ok'}'>"
        f"<div>{marked_translation(r)}</div><div class='wb-faith-score'>{flag}{r.score:.2f}</div>"
        f"<ul>{notes}</ul></td>"
    )
