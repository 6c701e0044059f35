"""Compare statements with English reporting: segment, translate, align, diff, aggregate.

corpus ──► segment ──► translate ──► align ──► diff ──► (aggregates) ──► present

:func:`compare_case` compares every statement document of a case with all its reporting at once
and adds the aggregates an analyst reads first: differences by outlet type and kind, the labels
each outlet type uses for the actors, and the figures that disagree. It is the one path from
texts to a comparison: the file form and the Compare tab's uploads compare the case of their
files (:func:`files_case`).

Conventions:
    * A statement is one input line (it may hold several sentences); its index is its line number
      counted from 0 (in a case: counted across the statement documents, in document order).
    * Report text is cut into sentences; a report's index counts sentences from 0 across the
      reporting (in a case: across the report documents, in document order).
    * Each alignment's differences have ``report_span`` offsets into its report sentences joined
      by :data:`REPORT_JOINER`, and ``statement_span`` offsets into the statement's English
      translation (its original text when it has none).
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.align import DEFAULT_EMBEDDER, Embedder, align, create_embedder, params_for
from workbench.corpus import find_case, list_cases, load_case, read_corrections
from workbench.diff import (
    DETECTOR_ORDER,
    MAX_CHARS,
    Lexicon,
    carried_labels,
    diff_signature,
    find_differences,
    find_figures,
    label_voices,
    same_fact,
    titled_names,
)
from workbench.diff import load_lexicon as _load_lexicon
from workbench.diff.bilexicon import WORD, load_bilexicon
from workbench.diff.content import (
    MEANING_EMBEDDERS,
    MEANING_KINDS,
    carried_by,
    cut_at,
    meaning_shared,
)
from workbench.diff.dates import WEEKDAY, find_dates
from workbench.diff.paraphrase import counterparts
from workbench.diff.salience import word_diff_run
from workbench.diff.text import is_content, is_cyrillic, tokenize
from workbench.diff.voice import quotations, said_then
from workbench.engines.base import ProgressFn, Translator
from workbench.errors import UserInputError
from workbench.pipeline import inputs
from workbench.pipeline.anchors import default_anchors, weak_link
from workbench.pipeline.corrections import apply_corrections
from workbench.pipeline.faithfulness import check_translations, too_long_to_check
from workbench.pipeline.translate import translate_texts
from workbench.segment import split_sentences
from workbench.settings import Settings
from workbench.textio import Limits
from workbench.types import (
    DIFFERENCE_KINDS,
    SOURCE_LANGUAGES,
    Alignment,
    Case,
    CaseComparison,
    Comparison,
    Difference,
    Document,
    DocumentComparison,
    FaithIssue,
    FaithResult,
    FigureDisagreement,
    KindCount,
    LabelUse,
    LinkCorrection,
    OutletType,
    Provenance,
    ReportRef,
    StatementRef,
)
from workbench.view import ViewFilters, check_filters
from workbench.wording import count

log = logging.getLogger("workbench")

_VERSION_FIELD = re.compile(r"\|version:[^|\]]*(?=\||$)")

#: Report sentences of one alignment are joined with this before the diff.
REPORT_JOINER = " "
#: Detectors that still make sense when a statement has no English translation (a token diff
#: between Russian and English words would be noise). They read the kk/ky/ru original through
#: markers listed per language: figures, names, labels, hedges, attributions (an accusation
#: included), negations, quantifiers, a duty retold as a pledge (``modality``) and a cause only
#: the report gives (``cause``); see docs/diff.md "Without a translation".
CROSS_LINGUAL_DETECTORS: tuple[str, ...] = tuple(d for d in DETECTOR_ORDER if d != "content")

#: ``translator_for(src)`` gives the translator for a source language (see :func:`compare_case`).
TranslatorFor = Callable[[str], Translator]


def load_lexicon(path: str | None = None) -> Lexicon:
    """The framing lexicon (the bundled one by default)."""
    return _load_lexicon(path)


def joined_reports(alignment: Alignment) -> str:
    """The report text an alignment's ``report_span`` offsets point into."""
    return REPORT_JOINER.join(r.text for r in alignment.reports)


def report_offsets(alignment: Alignment) -> list[tuple[ReportRef, int, int]]:
    """Each report sentence of an alignment with its ``(start, end)`` in :func:`joined_reports`."""
    out: list[tuple[ReportRef, int, int]] = []
    pos = 0
    for ref in alignment.reports:
        out.append((ref, pos, pos + len(ref.text)))
        pos += len(ref.text) + len(REPORT_JOINER)
    return out


# ─── cases (the adapters reach the corpus stage through these) ─────────────────────────────


def case_named(name: str | Path, corpora: str | Path, **options: Any) -> Case:
    """The case given as a folder, a ``case.toml`` or an id under ``corpora``
    (``options``: those of :func:`workbench.corpus.find_case`, e.g. ``limits``).

    Raises:
        CorpusError: when there is no such case (the message lists the cases).
    """
    return find_case(name, corpora, **options)


def case_at(path: str | Path, **options: Any) -> Case:
    """The case in the folder (or ``case.toml``) ``path`` (``options``: those of
    :func:`workbench.corpus.load_case`).

    Raises:
        CorpusError: naming the file when the case cannot be read.
    """
    return load_case(path, **options)


def cases_in(corpora: str | Path, **options: Any) -> list[Case]:
    """Every case under the corpora folder, sorted by id (``options``: those of
    :func:`workbench.corpus.list_cases`, e.g. ``errors`` to skip malformed cases).

    Raises:
        CorpusError: when the folder does not exist or a case is malformed.
    """
    return list_cases(corpora, **options)


# ─── building the sentences the aligner sees ─────────────────────────────────────────────────


def report_refs(text: str, document_id: str = "", start: int = 0) -> list[ReportRef]:
    """The English sentences of a report document's ``text``.

    Args:
        text: The report's text (cut into sentences).
        document_id: Recorded on every sentence.
        start: Index of the first sentence (to count across documents).
    """
    texts = [s.text for s in split_sentences(text, "en")]
    return [ReportRef(start + i, t, document_id) for i, t in enumerate(texts)]


def statement_refs(
    lines: Sequence[str],
    translations: Sequence[str] | None,
    document_id: str = "",
    start: int = 0,
) -> list[StatementRef]:
    """One :class:`StatementRef` per non-blank line; its index is ``start`` + its line number.

    Raises:
        UserInputError: when ``translations`` does not have one line per statement line.
    """
    if translations is not None and len(translations) != len(lines):
        raise UserInputError(
            f"The translations have {count(len(translations), 'line')} but the statements have "
            f"{len(lines)}; give one English line per statement line."
        )
    refs = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        tr = translations[i].strip() if translations is not None else None
        refs.append(StatementRef(start + i, line.strip(), tr or None, document_id))
    return refs


def files_case(
    statements: str | Path,
    reporting: str | Path,
    *,
    src: str,
    translations: str | Path | None = None,
    report_outlet: str = "independent",
    limits: Limits | None = None,
    case_id: str = "files",
    title: str = "Statements compared with reporting",
) -> Case:
    """The case of Compare's file form: one statement document (``statements``, in ``src``)
    and one report document (``reporting``, English), read with the corpus readers
    (.txt/.jsonl/.csv, :func:`workbench.pipeline.inputs.read_compare_files`) under ``limits``.
    ``workbench compare --statements … --reporting …`` and the Compare tab's uploads build
    their case here and both run :func:`compare_case` on it (issue 9: the file form ran
    ``compare_texts``, removed in session 22, and rebuilt a stand-in case for its aggregates).

    The documents are ``statements`` (outlet type ``state``) and ``reporting`` (of
    ``report_outlet``: ``state``, ``independent`` or ``foreign``), each titled by its file's
    name; the readers' notices (an encoding fallback) are the case's. Supplied translations
    come from ``translations`` (one English line per statement line) or from a
    ``translation`` field/column of the statements file itself.

    ``case_id`` and ``title`` name the case (the tab's is ``uploaded``).

    Raises:
        CorpusError: for a missing, binary or undecodable file (the message names it).
        UserInputError: for an empty file, translations without one line per statement line,
            or an unknown outlet type.
    """
    try:
        outlet = OutletType(report_outlet)
    except ValueError as err:
        raise UserInputError(
            f"Unknown outlet type {report_outlet!r}; "
            f"pick one of {', '.join(t.value for t in OutletType)}."
        ) from err
    files = inputs.read_compare_files(
        statements, reporting, translations=translations, limits=limits
    )
    body = files.statements
    if not any(line.strip() for line in body.lines):  # before the translations are counted
        raise UserInputError(
            f"The statements file {body.path} is empty; give one statement a line."
        )
    supplied = body.translations
    if files.translations is not None:
        tr = files.translations
        if not any(line.strip() for line in tr.lines):
            raise UserInputError(
                f"The translations file {tr.path} is empty; give one English line per "
                "statement line."
            )
        if len(tr.lines) != len(body.lines):
            raise UserInputError(
                f"{tr.path} has {count(len(tr.lines), 'line')} but {body.path} has {len(body.lines)}; "
                "give one English line per statement line."
            )
        supplied = tr.lines
    report = files.reporting
    if not report.text.strip():  # named, as the statements file is ("The reporting is empty")
        raise UserInputError(
            f"The reporting file {report.path} is empty; give English report text."
        )
    notices = [*body.notices, *(files.translations.notices if files.translations else ()),
               *report.notices]  # fmt: skip
    documents = (
        Document(
            id="statements",
            title=Path(statements).name,
            # named by its file, as the title is: "Statement 2 · statements (statements,
            # line 2)" and an outlet called "reporting" told the analyst nothing (review23)
            outlet=Path(statements).name,
            outlet_type=OutletType.STATE,
            language=src,
            text="\n".join(body.lines),
            translation="\n".join(supplied) if supplied is not None else None,
            translation_provenance=Provenance.ORIGINAL if supplied is not None else None,
        ),
        Document(
            id="reporting",
            title=Path(reporting).name,
            outlet=Path(reporting).name,
            outlet_type=outlet,
            language="en",
            text=report.text,
        ),
    )
    return Case(
        id=case_id,
        title=title,
        description="",
        documents=documents,
        notices=tuple(notices),
    )


def compare_files(
    statements: str | Path,
    reporting: str | Path,
    *,
    src: str,
    translations: str | Path | None = None,
    limits: Limits | None = None,
    translator: Translator | None = None,
    **options: Any,
) -> Comparison:
    """The comparison of the case of :func:`files_case` as one :class:`Comparison` (the file
    form's JSON contract: its alignments, leftovers and audit over the one statement file).

    ``translator``: machine-translate the statements (instead of supplied translations);
    ``options``: those of :func:`compare_case` (``embedder``, ``threshold``, ``settings`` …).

    Raises:
        CorpusError: for an unreadable file (the message names file and line).
        UserInputError: for an empty file or translations of the wrong length.
    """
    from workbench.export.compare_report import flatten

    case = files_case(statements, reporting, src=src, translations=translations, limits=limits)
    return flatten(compare_files_case(case, translator=translator, **options))


def compare_files_case(
    case: Case,
    *,
    translator: Translator | None = None,
    filters: ViewFilters | None = None,
    **options: Any,
) -> CaseComparison:
    """:func:`compare_case` on the case of :func:`files_case` (no link corrections): the file
    form compares as a case does, with the same aggregates the Compare tab shows for the same
    files uploaded. ``filters`` are checked against that case before the work.

    Raises:
        UserInputError: for a filter naming something the case lacks.
    """
    if filters is not None:  # an unknown kind is said before the work, not after it
        check_filters(filters, case, DIFFERENCE_KINDS)
    translator_for = None if translator is None else (lambda _lang: translator)
    return compare_case(case, translator_for=translator_for, corrections=(), **options)


def files_report(
    case: Case,
    fmt: str,
    *,
    translator: Translator | None = None,
    filters: ViewFilters | None = None,
    **options: Any,
) -> str:
    """:func:`compare_files_case` on the case of :func:`files_case` (built, and its notices
    said, by the caller: the files are read once) and its report in ``fmt``: the JSON of
    :func:`comparison_report` (:func:`compare_files`) plus the ``aggregates`` key of a case's
    JSON, the HTML and Markdown of a case (:func:`case_report`), aggregates included, under
    ``filters`` as a case's (the JSON, as a case's, is not filtered).

    Raises:
        UserInputError: for an unknown format or a filter naming something the case lacks.
    """
    _check_format(fmt)
    result = compare_files_case(case, translator=translator, filters=filters, **options)
    if fmt == "json":  # the comparison's contract, with the aggregates of the one result
        from workbench.export.compare_report import (
            aggregates_to_dict,
            comparison_to_dict,
            flatten,
            to_json,
        )

        return to_json(
            {**comparison_to_dict(flatten(result)), "aggregates": aggregates_to_dict(result)}
        )
    return case_report(result, case, fmt, filters)


def translate_lines(
    lines: Sequence[str], translator: Translator, progress: ProgressFn | None
) -> list[str]:
    """Machine-translate statement lines (sentence by sentence, through the cache if wrapped)."""
    return [t.text for t in translate_texts(list(lines), translator, progress=progress)]


# ─── the comparison ──────────────────────────────────────────────────────────────────────────


def fill_differences(
    comparison: Comparison,
    lexicon: Lexicon,
    src_of: Mapping[str, str] | str,
    link_threshold: float | None = None,
    issuers: Mapping[str, Sequence[str]] | None = None,
    embedder: Embedder | None = None,
    dates: Mapping[str, str] | None = None,
) -> Comparison:
    """Fill each alignment's ``differences`` with :func:`workbench.diff.find_differences`.

    Args:
        comparison: The aligner's output (differences empty).
        lexicon: The framing lexicon.
        src_of: The statements' language, or a mapping of document id to language.
        link_threshold: The aligner's margin threshold; with it each report document's link
            gets a confidence (:func:`link_confidence`), so that a link accepted below the
            threshold (a merge or secondary link) does not flood the pair with flags. A clause
            link also tells the diff which part of the statement the report retells.
        issuers: Per statement document id, texts saying who issued it (outlet, title): a
            report naming or quoting the issuer ("Tokayev said") is no difference. The other
            statements a report sentence retells are context too, so a merged retelling is
            not flagged twice.
        embedder: With it, a word-diff addition or omission of a translated statement that
            says what the other side says in other words is dropped
            (:func:`workbench.diff.content.meaning_shared`: taking the run out makes the two
            sides markedly less alike); all such runs of the comparison are embedded at once.
        dates: Per statement document id, the day it was issued (``YYYY-MM-DD``): a date the
            report gives as that day's weekday is no difference (:func:`weekday_of_its_day`).
    """
    filled = []
    retold: dict[int, list[StatementRef]] = defaultdict(list)
    # Names any outlet gives with an official title: "President Kassym-Jomart Tokayev" in one
    # report makes "Kassym-Jomart Tokayev said" in another the same official, not a new voice.
    officials: dict[str, None] = {}
    sentences: dict[int, ReportRef] = {}
    for al in comparison.alignments:
        for ref in al.reports:
            retold[ref.index].append(al.statement)
    for ref in [r for al in comparison.alignments for r in al.reports] + list(
        comparison.unmatched_reports
    ):
        if ref.index not in sentences:
            sentences[ref.index] = ref
            officials.update(dict.fromkeys(titled_names(ref.text)))
    own_labels = outlet_labels(sorted(sentences.values(), key=lambda r: r.index), lexicon)
    # Each statement document's sentences as compared: an addition made of another part of the
    # statement is a retelling of that part, not a fact the statement lacks.
    documents: dict[str, dict[int, StatementRef]] = defaultdict(dict)
    for st_ref in [al.statement for al in comparison.alignments] + list(
        comparison.unmatched_statements
    ):
        documents[st_ref.document_id][st_ref.index] = st_ref
    in_order = {doc: sorted(refs.items()) for doc, refs in documents.items()}
    seen: set[tuple[object, ...]] = set()
    found_by_group: list[_Group] = []
    weak_of: dict[int, frozenset[int]] = {}  # each alignment's weak links, read once
    for al in comparison.alignments:
        st = al.statement
        src = src_of if isinstance(src_of, str) else src_of.get(st.document_id, "")
        detectors = DETECTOR_ORDER if st.translation else CROSS_LINGUAL_DETECTORS
        rest_of_document = [
            o.translation or o.text
            for i, o in in_order[st.document_id]
            if i != st.index and bool(o.translation) == bool(st.translation)
        ]
        weak = weak_of[id(al)] = weak_links(al, link_threshold)
        # One diff per report document: sentences from different outlets are not one text.
        # A weak link's sentence stays a link and is diffed apart, at confidence 0: only the
        # kinds read in the outlet's own words are kept (salience.WEAK_LINK_KINDS and
        # WEAK_LINK_CATEGORIES: a label, distancing, certainty, a directive's grade), never a
        # figure, name or word-diff run the link may have paired wrongly (session 14, lead).
        groups = [(g, False) for g in _report_groups(al, weak)]
        if weak:
            rest = frozenset(range(len(al.reports))) - weak
            groups += [(g, True) for g in _report_groups(al, rest)]
        for (start, doc_id, text), is_weak in groups:
            view = "translation" if st.translation else "original"
            confidence: float | None = 0.0
            focus: tuple[int, int] | None = None
            if not is_weak:
                confidence, focus = _link_of(al, doc_id, link_threshold, view, weak)
            others = {
                o.index: o.translation or o.text
                for ref in al.reports
                if ref.document_id == doc_id
                for o in retold[ref.index]
                if o.index != st.index
            }
            found = find_differences(
                st.translation or st.text,
                text,
                source=st.text,
                src=src or None,
                lexicon=lexicon,
                detectors=detectors,
                confidence=confidence,
                focus=focus,
                context=[
                    *(issuers or {}).get(st.document_id, ()),
                    *officials,
                    *others.values(),
                ],
                outlet_labels=own_labels.get(doc_id, frozenset()),
                document=rest_of_document,
                issuer=(issuers or {}).get(st.document_id, ()),
            )
            issued = (dates or {}).get(st.document_id, "")
            found = tuple(
                d
                for d in found
                if not weekday_of_its_day(d, issued, text) and not original_quote_marks(d, st, src)
            )
            breaks = _sentence_breaks(al, start, len(text))
            found = tuple(part for d in found for part in cut_at(d, breaks, text))
            shifted = [dataclasses.replace(_shift(d, start), report_document=doc_id) for d in found]
            found_by_group.append((al, doc_id, text, start, shifted))
    if embedder is not None and embedder.name in MEANING_EMBEDDERS:
        found_by_group = _meaning_read(found_by_group, embedder)
    elif embedder is not None:
        log.info(
            "Word-diff runs are not read by meaning with embedder %r: MEANING_SHARED was "
            "measured on %s only.",
            embedder.name,
            ", ".join(sorted(MEANING_EMBEDDERS)),
        )
    found_by_group = _told_elsewhere(found_by_group, lexicon)
    diffs_of: dict[int, list[Difference]] = defaultdict(list)
    shown_of: dict[int, dict[str, list[Difference]]] = defaultdict(lambda: defaultdict(list))
    # Word-diff additions shown, per report sentence: a sentence that retells two lines adds one
    # clause once, whichever line's diff found it (the runs differ where the lines do).
    added_in: dict[int, list[Difference]] = defaultdict(list)
    for al, doc_id, _, _, shifted in found_by_group:
        diffs, shown = diffs_of[id(al)], shown_of[id(al)][doc_id]  # per outlet, this statement
        for d in shifted:
            if not _first_time(al, d, seen) or any(same_fact(d, e) for e in shown):
                continue
            if d.kind == "addition" and word_diff_run(d):
                added = added_in[report_of(al, d).index]
                if any(same_fact(d, e) for e in added):
                    continue
                added.append(d)
            diffs.append(d)
            shown.append(d)
    for al in comparison.alignments:
        weak = weak_of[id(al)]
        links = tuple(
            dataclasses.replace(link, weak=True) if i in weak else link
            for i, link in enumerate(al.links)
        )
        filled.append(dataclasses.replace(al, differences=tuple(diffs_of[id(al)]), links=links))
    return dataclasses.replace(comparison, alignments=tuple(filled))


#: A quotation in kk/ky/ru text: «…», “…”, „…“ or straight double quotes.
_ORIGINAL_QUOTE = re.compile(r"«[^«»]+»|“[^“”]+”|„[^„“]+“|(?<!\w)\"[^\"]+\"")
#: What opens a quotation in an English translation.
_OPENING = ("“", "‘", '"', "'", "«")


def original_quote_marks(d: Difference, st: StatementRef, src: str = "") -> bool:
    """Whether ``d`` is a distancing that only the translation's quotation marks make, where
    the kk/ky/ru original quotes the same words: in those languages quotation marks set off
    terms, names and formats («черный список», «аутрич»), not the speaker's distance, which is
    why the original's marks are never read as distancing (:func:`workbench.diff.hedge_mentions`
    reads no quotes in Cyrillic text). A translation that carries them over ("the 'outreach'
    format") is read the same way: the report that gives the term without marks drops no
    distancing. A distancing word of the statement ("so-called") stays a difference, and so do
    marks around words the original does not quote, even where it quotes others (review18 F3:
    a law's name in «…» excused the translation's scare quotes around another phrase): see
    :func:`_same_quotation`. ``src`` is the original's language (default ``ru``)."""
    if d.kind != "distancing" or d.report_span is not None or not st.translation:
        return False
    words = (d.statement or "").strip()
    if not words.startswith(_OPENING) or not is_cyrillic(st.text):
        return False
    originals = [m.group()[1:-1] for m in _ORIGINAL_QUOTE.finditer(st.text)]
    return bool(originals) and _same_quotation(words, st.translation, originals, src or "ru")


def _same_quotation(quoted: str, translation: str, originals: list[str], src: str) -> bool:
    """Whether the translation's quotation ``quoted`` renders one of the original's quotations
    (``originals``, their words without the marks): a content word of it has a counterpart
    among that quotation's words, by the diff stage's word lexicon and synonyms
    (:func:`workbench.diff.paraphrase.counterparts`, as the report's quotes are read against
    the original's in :mod:`workbench.diff.markers`). Where the lexicon knows no word of the
    original's quotation at its place («аутрич»), place decides: both texts quote as often and
    this is the same quotation in order."""
    content = [t.text for t in tokenize(quoted) if is_content(t)]
    if any(counterparts((), q, src).has(w) for q in originals for w in content):
        return True
    ours = [q for q in quotations(translation) if q.depth == 0]
    place = next((i for i, q in enumerate(ours) if translation[q.start : q.end] == quoted), None)
    if place is None or len(ours) != len(originals):
        return False
    lexicon = load_bilexicon()
    return not any(lexicon.translations(src, w) for w in WORD.findall(originals[place]))


#: English weekdays in :meth:`datetime.date.weekday` order (Monday is 0).
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_of_its_day(d: Difference, issued: str, report: str = "") -> bool:
    """Whether ``d`` is a date the statement gives that the report gives only as a weekday
    ("4 October" → "on Saturday") where that weekday is checkably the statement's own day: the
    weekday of the statement's date (in its own year, else in the year the statement was
    issued), or the weekday of the day it was issued (``issued``, ``YYYY-MM-DD``) where the
    report's weekday says when the words were said ("the minister said on Thursday": ``report``
    is the text ``d.report_span`` is in, :func:`workbench.diff.voice.said_then`). News writes a
    date of the week it reports as a weekday, and a weekday of the day the words were spoken
    says when they were said; the reader loses no day. Another weekday stays a difference —
    also the issue day's weekday given as the day of what the statement dates ("the council
    meets on Monday" for a meeting on Tuesday the 10th, said on Monday: review18 F2) — and so
    does any weekday when no day can be checked (no year, no issue date)."""
    day = WEEKDAY.fullmatch((d.report or "").strip())
    if d.kind != "number" or day is None:
        return False
    stated = find_dates(d.statement or "")
    try:
        issue = datetime.date.fromisoformat(issued) if issued else None
    except ValueError:
        issue = None
    said = issue is not None and d.report_span is not None and said_then(report, d.report_span)
    days = [issue] if issue and said else []
    for v in stated:
        year = v.year or (issue.year if issue else None)
        if year:
            try:
                days.append(datetime.date(year, v.month, v.day))
            except ValueError:  # 30 February
                continue
    if not stated or not days:
        return False
    return any(_WEEKDAYS[x.weekday()] == day.group().lower() for x in days)


#: One report document's part of an alignment and what the diff found in it: the alignment, the
#: document id, the group's text, its offset in :func:`joined_reports`, the differences (shifted).
_Group = tuple[Alignment, str, str, int, list[Difference]]


def _meaning_read(groups: list[_Group], embedder: Embedder) -> list[_Group]:
    """The groups without the word-diff additions and omissions of translated statements that
    say what the other side says in other words (:func:`workbench.diff.content.meaning_shared`):
    an addition is read in its own report sentence against the translation, an omission in the
    translation against the group's report text."""
    asked: list[tuple[int, int]] = []  # (group, difference) positions
    items: list[tuple[str, tuple[int, int], str]] = []
    for g, (al, _, text, _, found) in enumerate(groups):
        english = al.statement.translation
        if not english:
            continue
        for i, d in enumerate(found):
            if d.detector != "content" or d.kind not in MEANING_KINDS:
                continue
            if d.kind == "omission" and d.statement_span is not None:
                items.append((english, d.statement_span, text))
            elif d.kind == "addition" and d.report_span is not None:
                sentence, span = _own_sentence(al, d.report_span)
                items.append((sentence, span, english))
            else:
                continue
            asked.append((g, i))
    shared = meaning_shared(items, embedder.embed)
    dropped = {pos for pos, yes in zip(asked, shared, strict=True) if yes}
    return [
        (al, doc_id, text, start, [d for i, d in enumerate(found) if (g, i) not in dropped])
        for g, (al, doc_id, text, start, found) in enumerate(groups)
    ]


def _told_elsewhere(groups: list[_Group], lexicon: Lexicon) -> list[_Group]:
    """The groups without the word-diff omissions that another group of the same outlet for the
    same statement tells (:func:`workbench.diff.content.carried_by`): an outlet that retells a
    line in two sentences apart (a lead and a quotation further down) leaves nothing out that
    one of them holds."""
    texts: dict[tuple[int, str], list[str]] = defaultdict(list)
    for al, doc_id, text, _, _ in groups:
        texts[(id(al), doc_id)].append(text)
    out: list[_Group] = []
    for al, doc_id, text, start, found in groups:
        others = [t for t in texts[(id(al), doc_id)] if t != text]
        if others:
            found = [
                d
                for d in found
                if not (
                    d.detector == "content"
                    and d.kind == "omission"
                    and carried_by(d.statement, others, lexicon)
                )
            ]
        out.append((al, doc_id, text, start, found))
    return out


def _own_sentence(al: Alignment, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The report sentence of ``al`` that holds the start of ``span`` (offsets into
    :func:`joined_reports`) and the span's part of it, in the sentence's offsets."""
    for ref, a, b in report_offsets(al):
        if a <= span[0] < b:
            return ref.text, (span[0] - a, min(span[1], b) - a)
    joined = joined_reports(al)
    return joined, span


def weak_links(al: Alignment, threshold: float | None) -> frozenset[int]:
    """Positions in ``al.reports`` whose link is weak (:func:`workbench.pipeline.anchors.weak_link`:
    sharing no figure and few words with the statement, barely accepted or, for a translated
    line, at any margin). Without a threshold, or
    for an alignment without per-link scores (a link the analyst added), none."""
    if threshold is None or len(al.links) != len(al.reports):
        return frozenset()
    st = al.statement
    return frozenset(
        i
        for i, (ref, link) in enumerate(zip(al.reports, al.links, strict=True))
        if link.score > 0
        and weak_link(link.score, threshold, st.text, st.translation or "", ref.full_text)
    )


def outlet_labels(reports: Sequence[ReportRef], lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Per report document, the lexicon's label categories it carries itself (own voice or
    reported speech, not a direct quotation: :func:`workbench.diff.carried_labels`), read over
    its sentences joined in order."""
    texts: dict[str, list[str]] = defaultdict(list)
    for ref in reports:
        texts[ref.document_id].append(ref.text)
    return {doc: carried_labels(" ".join(t), lexicon) for doc, t in texts.items()}


def _first_time(al: Alignment, d: Difference, seen: set[tuple[object, ...]]) -> bool:
    """One flag per fact: a one-sided difference is shown once per outlet, however many
    alignments share its report sentence (or its statement). (Within one alignment, what two
    sentences of one outlet say about the statement is one flag too: :func:`same_fact`.)"""
    also = d.figures_also  # the other figures one flag stands for
    if d.report_span is not None and d.statement_span is None:
        key: tuple[object, ...] = ("r", d.report_document, report_of(al, d).index, d.kind,
                                   d.report.lower(), also)  # fmt: skip
    elif d.statement_span is not None and d.report_span is None:
        key = ("s", d.report_document, al.statement.index, d.kind, d.statement.lower(), also)
    else:
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def link_confidence(score: float, threshold: float) -> float:
    """A link's margin as a confidence 0–1: 0.5 at the aligner's threshold, 1.0 at 0.02 above.

    Links the aligner accepts only below its threshold (merge and secondary links for partial
    retellings) fall under :data:`workbench.diff.salience.WEAK_LINK`.
    """
    return round(max(0.0, min(1.0, 0.5 + (score - threshold) / 0.04)), 3)


def _link_of(
    al: Alignment,
    doc_id: str,
    threshold: float | None,
    view: str = "translation",
    skip: frozenset[int] = frozenset(),
) -> tuple[float | None, tuple[int, int] | None]:
    """Confidence and statement focus of one report document's part of an alignment.

    The focus is the part of the statement's ``view`` (``"translation"`` when the diff reads
    its English translation, ``"original"`` when it reads the original) that the outlet's clause
    links retell; a clause link into the other view gives no focus. Report positions in ``skip``
    (weak links, diffed apart at confidence 0) are left out.
    """
    links = [
        link
        for i, (ref, link) in enumerate(zip(al.reports, al.links, strict=False))
        if ref.document_id == doc_id and len(al.links) == len(al.reports) and i not in skip
    ]
    if threshold is None or (not links and al.score <= 0):
        return None, None  # no calibration, or a link the analyst added: trusted
    score = min((link.score for link in links), default=al.score)
    clause = [link.statement_span for link in links if link.unit == "clause" and link.view == view]
    focus = (min(a for a, _ in clause), max(b for _, b in clause)) if clause else None
    if clause and len(clause) < len(links):
        focus = None  # a whole-sentence link of the same outlet covers the rest
    return link_confidence(score, threshold), focus


def _report_groups(
    alignment: Alignment, skip: frozenset[int] = frozenset()
) -> list[tuple[int, str, str]]:
    """Runs of an alignment's report sentences from one document: ``(offset in
    :func:`joined_reports`, document id, text)``; a sentence in ``skip`` (its position in
    ``reports``) is left out and ends the run, and a run ends before it would outgrow what one
    diff reads (:data:`workbench.diff.MAX_CHARS`): a report of 3,000 sentences linked 273 of
    them to one statement, and the whole comparison ended with "The report is 37,946
    characters long … split it into sentences first" (review23's walk)."""
    groups: list[tuple[int, str, str]] = []  # (start, document id, text)
    cut = True
    for i, (ref, start, _) in enumerate(report_offsets(alignment)):
        if i in skip:
            cut = True
            continue
        if groups and len(groups[-1][2]) + len(REPORT_JOINER) + len(ref.text) > MAX_CHARS:
            cut = True
        if groups and not cut and groups[-1][1] == ref.document_id:
            first, doc, text = groups[-1]
            groups[-1] = (first, doc, text + REPORT_JOINER + ref.text)
        else:
            groups.append((start, ref.document_id, ref.text))
        cut = False
    return groups


def _sentence_breaks(alignment: Alignment, start: int, length: int) -> list[int]:
    """Where one report sentence ends and another begins in the group of
    :func:`joined_reports` at ``start`` (``length`` characters): the joiner's offset in the
    group's text, between two pieces of different sentences (two clauses of one sentence
    linked apart are one text). For :func:`workbench.diff.content.cut_at`."""
    pieces = [(ref, a, b) for ref, a, b in report_offsets(alignment) if start <= a < start + length]
    return [
        end - start
        for (ref, _, end), (nxt, _, _) in itertools.pairwise(pieces)
        if ref.index != nxt.index
    ]


def _shift(diff: Difference, offset: int) -> Difference:
    if diff.report_span is None or not offset:
        return diff
    a, b = diff.report_span
    return dataclasses.replace(diff, report_span=(a + offset, b + offset))


def combined_signature(align_signature: str, lexicon: Lexicon, translation: Sequence[str]) -> str:
    """``compare|tr:[…]|<align signature>|<diff signature>|version:…`` for a comparison.

    ``tr`` lists how the statements were translated (``supplied``, an engine's signature, or
    ``none``); the stage signatures lose their own ``version`` field, given once at the end.
    """
    tr = "+".join(dict.fromkeys(translation)) or "none"
    parts = [
        _VERSION_FIELD.sub("", align_signature),
        _VERSION_FIELD.sub("", diff_signature(lexicon)),
    ]
    return f"compare|tr:[{tr}]|{'|'.join(parts)}|version:{__version__}"


def _threshold(embedder: Embedder, threshold: float | None) -> float:
    """The margin threshold the aligner used for ``embedder``."""
    return params_for(embedder, threshold).threshold


def embedder_named(
    name: str | None, settings: Settings | None = None, progress: ProgressFn | None = None
) -> Embedder:
    """The registered embedder ``name`` (default: the bundled one), wrapped in the cache.

    Args:
        name: Registry name (``None``: the bundled one).
        settings: Resolved settings (the embedding cache).
        progress: ``progress(done, total)`` over the texts actually embedded (cache misses),
            see :mod:`workbench.pipeline.progress`.

    Raises:
        UnknownNameError: for an unknown name (the message lists the embedders).
    """
    from workbench.pipeline.progress import embedder_with_progress

    return embedder_with_progress(name or DEFAULT_EMBEDDER, settings, progress)


def _resolve(
    embedder: Embedder | None, lexicon: Lexicon | None, settings: Settings | None
) -> tuple[Embedder, Lexicon]:
    return (
        embedder or create_embedder(DEFAULT_EMBEDDER, settings=settings),
        lexicon or load_lexicon(),
    )


# ─── the audit of supplied translations ─────────────────────────────────────────────────────

#: Faithfulness issues that speak of the whole translation, not of one place in it: a report
#: difference inside their span is not thereby the translation's.
SENTENCE_WIDE_ISSUES: frozenset[str] = frozenset({"length", "wrong_language"})


def audit_translations(
    statements: Sequence[StatementRef],
    src_of: Mapping[str, str] | str,
    embedder: Embedder | None = None,
    lexicon: Lexicon | None = None,
    settings: Settings | None = None,
) -> tuple[FaithResult, ...]:
    """Check every statement's supplied English translation against its original.

    Uses the faithfulness stage (:func:`workbench.pipeline.faithfulness.check_translations`)
    with the comparison's own embedder and lexicon, so its sentence vectors come from the same
    cache. Statements without a translation, or in no kk/ky/ru language, are not checked, nor
    is a line longer on either side than the check reads (:func:`too_long_to_check`; the
    notices say so before the work, :func:`workbench.pipeline.inputs.unaudited_notice`).

    Args:
        statements: The statements (their ``translation`` is the supplied English).
        src_of: The statements' language, or a mapping of document id to language.
        embedder, lexicon, settings: As for :func:`compare_case`.

    Returns:
        One :class:`FaithResult` per checked statement, its ``index`` the statement's index,
        in statement order.
    """
    by_lang: dict[str, list[StatementRef]] = defaultdict(list)
    for st in statements:
        lang = src_of if isinstance(src_of, str) else src_of.get(st.document_id, "")
        if (
            st.translation
            and lang in SOURCE_LANGUAGES
            and not too_long_to_check(st.text, st.translation)
        ):
            by_lang[lang].append(st)
    out: list[FaithResult] = []
    for lang, refs in by_lang.items():
        results = check_translations(
            [r.text for r in refs],
            [r.translation or "" for r in refs],
            lang,
            settings=settings,
            embedder=embedder,
            lexicon=lexicon,
        )
        out += [
            dataclasses.replace(res, index=r.index) for r, res in zip(refs, results, strict=True)
        ]
    return tuple(sorted(out, key=lambda r: r.index))


def translation_issue(
    difference: Difference, audit: FaithResult | None, src: str | None = None
) -> FaithIssue | None:
    """The faithfulness issue of a statement's supplied translation that a report difference
    sits on, if any: the difference is then the translation's, not the report's.

    A difference sits on an issue when its statement-side span overlaps the issue's English
    span (sentence-wide issues aside), or when it is a figure only the report gives and the
    translation dropped that same figure from the original (values compared by the diff
    stage's normaliser: «20 тысяч» = 20,000).
    """
    if audit is None:
        return None
    english = len(audit.translation)
    for issue in audit.issues:
        span = issue.translation_span
        if issue.kind in SENTENCE_WIDE_ISSUES or span is None:
            continue
        if english and span[1] - span[0] >= 0.8 * english:
            continue  # the whole translation: no one place
        ds = difference.statement_span
        if ds is not None and ds[0] < span[1] and span[0] < ds[1]:
            return issue
    if difference.kind == "number" and difference.statement_span is None and difference.report:
        told = {f.value for f in find_figures(difference.report, "en")}
        for issue in audit.issues:
            dropped = issue.kind == "number" and issue.translation_span is None
            if dropped and told & {f.value for f in find_figures(issue.source, src)}:
                return issue
    return None


def attribute_to_translation(
    comparison: Comparison, audit: Sequence[FaithResult], src_of: Mapping[str, str] | str
) -> Comparison:
    """Mark each report difference that sits on a flagged departure of the supplied translation
    (:func:`translation_issue`) as the translation's (``origin="translation"``), so that a
    faithful report is not blamed; its note says what the translation did."""
    by_index = {r.index: r for r in audit if r.issues}
    if not by_index:
        return dataclasses.replace(comparison, translation_audit=tuple(audit))
    out = []
    for al in comparison.alignments:
        res = by_index.get(al.statement.index)
        if res is None:
            out.append(al)
            continue
        src = src_of if isinstance(src_of, str) else src_of.get(al.statement.document_id)
        diffs = []
        for d in al.differences:
            issue = None if d.origin == "translation" else translation_issue(d, res, src)
            if issue is not None:
                why = f"the supplied translation departs here ({issue.kind}: {issue.note})"
                d = dataclasses.replace(
                    d, origin="translation", note=f"{d.note}; {why}" if d.note else why
                )
            diffs.append(d)
        out.append(dataclasses.replace(al, differences=tuple(diffs)))
    return dataclasses.replace(comparison, alignments=tuple(out), translation_audit=tuple(audit))


def _audit_signature(signature: str, audit: Sequence[FaithResult]) -> str:
    """``signature`` with ``|audit:<faithfulness signature>`` before its version field."""
    if not audit:
        return signature
    faith = _VERSION_FIELD.sub("", audit[0].signature).replace("|", ";")
    return signature.replace("|version:", f"|audit:{faith}|version:", 1)


# ─── a whole case ────────────────────────────────────────────────────────────────────────────


#: The steps of :func:`compare_case` after the alignment, as its ``stage`` callback names them,
#: and what a view says while each runs.
STAGES: dict[str, str] = {
    "differences": "Finding the differences",
    "audit": "Checking the supplied translations against their originals",
}


def compare_case(
    case: Case,
    *,
    translator_for: TranslatorFor | None = None,
    embedder: Embedder | None = None,
    lexicon: Lexicon | None = None,
    threshold: float | None = None,
    progress: ProgressFn | None = None,
    settings: Settings | None = None,
    corrections: Sequence[LinkCorrection] | None = None,
    audit: bool = True,
    stage: Callable[[str], None] | None = None,
) -> CaseComparison:
    """Compare every statement document of a case with all of its reporting, and aggregate.

    Each report document is aligned on its own against all statement sentences (of every
    statement document), so any number of outlets can retell the same statement; a report
    sentence goes to the statement(s) it retells best. Each outlet's own leftovers are in
    ``Comparison.outlets``.

    Args:
        case: The case (see :func:`workbench.corpus.load_case`).
        translator_for: Machine-translate the statements with ``translator_for(language)``
            instead of using the supplied translations.
        embedder: Sentence embedder (default: the bundled e5-small, cached).
        lexicon: Framing lexicon (default: the bundled one).
        threshold: Alignment threshold (default: the embedder's calibrated value).
        progress: ``progress(done, total)`` while translating.
        settings: Resolved settings (embedding cache location).
        corrections: The analyst's link corrections to apply (default: those saved with the
            case, see :mod:`workbench.pipeline.corrections`; ``()`` for none). The signature
            counts them (``|corrections:N``).
        audit: Check each supplied translation against its original statement
            (``translation_audit``, see :func:`audit_translations`) and mark the report
            differences that sit on a departure of the translation as the translation's
            (:func:`attribute_to_translation`). Not done for machine translations
            (``translator_for``). The signature says so (``|audit:…``).
        stage: ``stage(name)`` as each step after the alignment begins, ``name`` a key of
            :data:`STAGES` (the differences, then the audit), so a view can say what runs
            once the embedder's counts are done (the Compare tab stood at "95 %" with no word
            while the differences of a big case were found).

    Raises:
        UserInputError: when the case has no statements or no reporting, or a correction
            names a sentence the case does not have.
        CorpusError: when the case's ``corrections.toml`` is malformed.
    """
    if not case.statements or not case.reports:
        raise UserInputError(
            f"The case {case.id!r} needs statements (kk/ky/ru) and English reports to compare."
        )
    statements, tr_sig = _case_statements(case, translator_for, progress)
    reports = case_reports(case)
    if corrections is None:
        corrections = read_corrections(case.path) if case.path else ()
    emb, lex = _resolve(embedder, lexicon, settings)
    src_of = {d.id: d.language for d in case.statements}
    aligned = align(statements, reports, emb, threshold=threshold, anchors=default_anchors())
    aligned = apply_corrections(aligned, case, statements, reports, corrections)
    issuers = {d.id: (d.outlet, d.title) for d in case.statements}
    dates = {d.id: d.date for d in case.statements}
    if stage is not None:
        stage("differences")
    pooled = fill_differences(
        aligned, lex, src_of, _threshold(emb, threshold), issuers, embedder=emb, dates=dates
    )
    checked: tuple[FaithResult, ...] = ()
    if audit and translator_for is None:
        if stage is not None:
            stage("audit")
        checked = audit_translations(statements, src_of, emb, lex, settings)
        pooled = attribute_to_translation(pooled, checked, src_of)
    sig = _audit_signature(combined_signature(pooled.signature, lex, tr_sig), checked)
    if corrections:
        sig = sig.replace("|version:", f"|corrections:{len(corrections)}|version:", 1)
    return CaseComparison(
        case_id=case.id,
        title=case.title,
        signature=sig,
        documents=_split_by_document(pooled, case, sig),
        unmatched_reports=pooled.unmatched_reports,
        kind_counts=count_kinds(pooled, case),
        label_uses=count_labels(pooled, case, lex),
        figures=disagreeing_figures(pooled, case, lex, _threshold(emb, threshold), checked),
        translation_audit=checked,
    )


def case_reports(case: Case) -> list[ReportRef]:
    """Every report sentence of a case; indices count across the report documents."""
    reports: list[ReportRef] = []
    for doc in case.reports:
        reports += report_refs(doc.text, doc.id, start=len(reports))
    return reports


def case_statements(case: Case) -> list[StatementRef]:
    """Every statement line of a case with its supplied translation (no machine translation)."""
    return _case_statements(case, None, None)[0]


def _case_statements(
    case: Case, translator_for: TranslatorFor | None, progress: ProgressFn | None
) -> tuple[list[StatementRef], list[str]]:
    refs: list[StatementRef] = []
    signatures: list[str] = []
    start = 0
    for doc in case.statements:
        lines = doc.text.split("\n")
        translations = doc.translation.split("\n") if doc.translation is not None else None
        if translator_for is not None:
            translator = translator_for(doc.language)
            translations = translate_lines(lines, translator, progress)
            signatures.append(str(translator.signature))
        elif translations is not None:
            signatures.append("supplied")
        refs += statement_refs(lines, translations, doc.id, start)
        start += len(lines)
    return refs, signatures


def _document_of(comparison: Comparison) -> dict[int, str]:
    """The document id of each statement index in a comparison."""
    refs = [a.statement for a in comparison.alignments] + list(comparison.unmatched_statements)
    return {r.index: r.document_id for r in refs}


def _split_by_document(
    pooled: Comparison, case: Case, signature: str
) -> tuple[DocumentComparison, ...]:
    out = []
    doc_of = _document_of(pooled)
    for doc in case.statements:
        comparison = Comparison(
            signature=signature,
            alignments=tuple(a for a in pooled.alignments if a.statement.document_id == doc.id),
            unmatched_statements=tuple(
                s for s in pooled.unmatched_statements if s.document_id == doc.id
            ),
            unmatched_reports=pooled.unmatched_reports,
            translation_audit=tuple(
                r for r in pooled.translation_audit if doc_of.get(r.index) == doc.id
            ),
            outlets=tuple(
                dataclasses.replace(
                    o,
                    unmatched_statements=tuple(
                        s for s in o.unmatched_statements if s.document_id == doc.id
                    ),
                    suggestions=tuple(
                        s for s in o.suggestions if s.statement.document_id == doc.id
                    ),
                )
                for o in pooled.outlets
            ),
        )
        out.append(DocumentComparison(doc.id, comparison))
    return tuple(out)


# ─── aggregates ──────────────────────────────────────────────────────────────────────────────


def _documents(case: Case) -> dict[str, Document]:
    return {d.id: d for d in case.documents}


def report_of(alignment: Alignment, difference: Difference) -> ReportRef:
    """The report sentence a difference's report side falls in (the first one if it has none)."""
    if difference.report_span is not None:
        at = difference.report_span[0]
        for ref, start, end in report_offsets(alignment):
            if start <= at <= end:
                return ref
    for ref in alignment.reports:
        if ref.document_id == difference.report_document:
            return ref
    return alignment.reports[0]


def count_kinds(comparison: Comparison, case: Case) -> tuple[KindCount, ...]:
    """Differences by the outlet type of the reporting and kind, most frequent first.

    Differences inside aligned pairs have scope ``"pair"``. The leftovers of the whole case
    have scope ``"case"``: each outlet type gets one ``omission`` for every statement that none
    of its reports retells, and one ``addition`` for every one of its report sentences that
    retells no statement.
    """
    docs = _documents(case)
    counts: Counter[tuple[str, str, str]] = Counter()
    for al in comparison.alignments:
        for d in al.differences:
            counts[(docs[report_of(al, d).document_id].outlet_type.value, d.kind, "pair")] += 1
    statements = [a.statement for a in comparison.alignments] + list(
        comparison.unmatched_statements
    )
    for outlet_type in sorted({d.outlet_type.value for d in case.reports}):
        retold = {
            al.statement.index
            for al in comparison.alignments
            if any(docs[r.document_id].outlet_type.value == outlet_type for r in al.reports)
        }
        missed = sum(1 for s in statements if s.index not in retold)
        if missed:
            counts[(outlet_type, "omission", "case")] += missed
    for ref in comparison.unmatched_reports:
        counts[(docs[ref.document_id].outlet_type.value, "addition", "case")] += 1
    ordered = sorted(
        counts.items(), key=lambda kv: (kv[0][0], kv[0][2] != "pair", -kv[1], kv[0][1])
    )
    return tuple(KindCount(t, k, n, scope) for (t, k, scope), n in ordered)


def count_labels(comparison: Comparison, case: Case, lexicon: Lexicon) -> tuple[LabelUse, ...]:
    """Labels for the actors used by each outlet type, most used first.

    ``count`` is the uses in a report's own voice; uses inside quotations or reported speech
    ("Tokayev said 'terrorists' attacked") are counted apart in ``quoted``, with their
    speakers (a statement is all its issuer's voice). The state's labels are counted in the English translations of its statements
    (the words a reader of the translation sees); the reporting's in its text.
    """
    own: dict[tuple[str, str, str, bool], Counter[str]] = defaultdict(Counter)
    quoted: Counter[tuple[str, str, str, bool]] = Counter()
    speakers: dict[tuple[str, str, str, bool], Counter[str]] = defaultdict(Counter)
    texts: list[tuple[str, str, bool]] = []  # (outlet type, text, is a report)
    statements = [a.statement for a in comparison.alignments] + list(
        comparison.unmatched_statements
    )
    docs = _documents(case)
    for st in statements:
        texts.append((docs[st.document_id].outlet_type.value, st.translation or st.text, False))
    for doc in case.reports:
        texts.append((doc.outlet_type.value, doc.text, True))
    for outlet_type, text, is_report in texts:
        for hit, found in label_voices(text, lexicon):
            voice = found if is_report else None  # a statement speaks in its issuer's voice
            key = (outlet_type, hit.term, hit.category, hit.loaded)
            own[key][hit.text.lower()] += 0 if voice else 1  # a label only quoted keeps its form
            if voice:
                quoted[key] += 1
                speakers[key][voice.speaker or "unnamed"] += 1
    uses = [
        LabelUse(t, forms.most_common(1)[0][0], cat, loaded, sum(forms.values()),
                 quoted=quoted[(t, term, cat, loaded)],
                 speakers=tuple(s for s, _ in speakers[(t, term, cat, loaded)].most_common()))
        for (t, term, cat, loaded), forms in own.items()
    ]  # fmt: skip
    uses.sort(key=lambda u: (u.outlet_type, -u.count, -u.quoted, not u.loaded, u.label))
    return tuple(uses)


def disagreeing_figures(
    comparison: Comparison,
    case: Case,
    lexicon: Lexicon,
    link_threshold: float | None = None,
    audit: Sequence[FaithResult] = (),
) -> tuple[FigureDisagreement, ...]:
    """Figures that differ between a statement and the reports retelling it.

    Only a figure both sides give, differently (:func:`figure_on_each_side`): a figure one side
    gives and the other leaves out disagrees with nothing. Two passes: every ``number``
    difference of an alignment, and then each report sentence of the alignment on its own, so that a
    report giving 103 where the statement says 164 shows even when another report sentence of
    the same alignment repeats 164. With ``link_threshold`` a sentence on a weak link gives no
    figures of its own, and an outlet whose link to the statement is below
    :data:`FIGURES_LINK` gives none at all (a wrong link must not produce a bogus disagreement). A figure on which
    the supplied translation departs from the original (``audit``, see
    :func:`translation_issue`) is the translation's, not a disagreement of the report.
    """
    docs = _documents(case)
    audits = {r.index: r for r in audit}
    out: list[FigureDisagreement] = []
    seen: set[tuple[int, int, str, str]] = set()
    for al in comparison.alignments:
        language = docs[al.statement.document_id].language
        # a figure the report shares with the original (the translation departs) is no
        # disagreement of the report
        found = [
            (report_of(al, d), d)
            for d in al.differences
            if d.kind == "number"
            and d.origin != "translation"
            and figure_on_each_side(d, language)
            and _sure_enough(al, d.report_document, link_threshold)
        ]
        if len(al.reports) > 1:
            found += [
                (rep, d)
                for i, (rep, link) in enumerate(zip(al.reports, _links_of(al), strict=True))
                if _sure_enough(al, rep.document_id, link_threshold)
                and not (len(al.links) == len(al.reports) and al.links[i].weak)
                for d in _sentence_figures(
                    al, rep, lexicon, _confidence(link, link_threshold), language
                )
                if translation_issue(d, audits.get(al.statement.index), language) is None
            ]
        for rep, d in found:
            key = (al.statement.index, rep.index, d.statement, d.report)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                FigureDisagreement(
                    statement_document=al.statement.document_id,
                    report_document=rep.document_id,
                    outlet_type=docs[rep.document_id].outlet_type.value,
                    statement=d.statement,
                    report=d.report,
                    statement_sentence=al.statement.translation or al.statement.text,
                    report_sentence=rep.text,
                    note=d.note,
                )
            )
    return tuple(out)


#: The case's "figures that disagree" take figures only from links at least this sure
#: (:func:`link_confidence`): on the same-topic traps of ``benchmarks/diff_gate_bench.py`` 36 %
#: of the links below it were wrong (17 % from it to 1.0), and one wrong link must not put a
#: bogus disagreement at the top of the case. The pair still shows its figure flag.
FIGURES_LINK = 0.75


def _sure_enough(al: Alignment, doc_id: str, threshold: float | None) -> bool:
    """The outlet's link to this statement is sure enough for the figures aggregate."""
    confidence, _ = _link_of(al, doc_id, threshold)
    return confidence is None or confidence >= FIGURES_LINK


def _links_of(al: Alignment) -> list[float | None]:
    """Each report sentence's link score (None when the alignment carries no per-link scores)."""
    if len(al.links) == len(al.reports):
        return [link.score for link in al.links]
    return [None] * len(al.reports)


def _confidence(score: float | None, threshold: float | None) -> float | None:
    if score is None or threshold is None or score <= 0:
        return None
    return link_confidence(score, threshold)


def _sentence_figures(
    al: Alignment,
    rep: ReportRef,
    lexicon: Lexicon,
    confidence: float | None = None,
    language: str | None = None,
) -> list[Difference]:
    """Figures a single report sentence gives differently (both sides present)."""
    st = al.statement
    diffs = find_differences(
        st.translation or st.text,
        rep.text,
        source=st.text,
        lexicon=lexicon,
        detectors=("number",),
        confidence=confidence,
    )
    return [
        d
        for d in diffs
        if d.kind == "number" and figure_on_each_side(d, language) and d.origin != "translation"
    ]


def figure_on_each_side(d: Difference, language: str | None = None) -> bool:
    """Whether a ``number`` difference has a figure on each side, so that the two can disagree.
    A figure only one side gives (the statement's vote count the report leaves out, the report's
    own percentage) is no disagreement: the pair's flag shows it, the case's figures do not. Nor
    is a figure set against words that hold none (a date the report gives only as a weekday, a
    season left as "in the coming months"). ``language``: the statement's (its number words)."""
    return bool(find_figures(d.statement or "", language) and find_figures(d.report or "", "en"))


# ─── reports ─────────────────────────────────────────────────────────────────────────────────

#: Report formats of ``workbench compare --format``.
REPORT_FORMATS: tuple[str, ...] = ("json", "html", "md")


def case_report(
    result: CaseComparison,
    case: Case,
    fmt: str,
    filters: ViewFilters | None = None,
    corrections: Sequence[LinkCorrection] = (),
) -> str:
    """A case comparison as JSON, HTML or Markdown; the HTML and Markdown render one view.

    Raises:
        UserInputError: for an unknown format or a filter naming something the case lacks.
    """
    from workbench.export.compare_report import case_html, case_markdown, case_to_dict, to_json

    _check_format(fmt)
    if filters is not None:
        check_filters(filters, case, DIFFERENCE_KINDS)
    if fmt == "html":
        return case_html(result, case, filters, corrections)
    if fmt == "md":
        return case_markdown(result, case, filters, corrections)
    return to_json(case_to_dict(result, case, corrections))


def comparison_report(comparison: Comparison, fmt: str) -> str:
    """One comparison (statements against one reporting) as JSON, HTML or Markdown.

    Raises:
        UserInputError: for an unknown format.
    """
    from workbench.export.compare_report import COMPARISON_FORMATS

    _check_format(fmt)
    return COMPARISON_FORMATS[fmt](comparison)


def _check_format(fmt: str) -> None:
    if fmt not in REPORT_FORMATS:
        raise UserInputError(f"Unknown format {fmt!r}; pick one of {', '.join(REPORT_FORMATS)}.")


def applied_corrections(
    case: Case, corrections: Sequence[LinkCorrection] | None
) -> tuple[LinkCorrection, ...]:
    """The corrections :func:`compare_case` applies for ``corrections`` (``None``: the case's)."""
    if corrections is not None:
        return tuple(corrections)
    return read_corrections(case.path) if case.path else ()
