"""Shared, frozen result types: the only things the pipeline stages exchange.

corpus ──► segment ──► translate ──► align ──► diff ──► score ──► present

Stages never import each other; they import these types. Every artifact type carries a
``signature`` string saying how it was made (in the spirit of sacreBLEU's signatures).
Each section below belongs to one stage; add fields at the end with defaults so that
existing callers keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

#: ISO 639-1 codes of the source languages the workbench translates from.
SOURCE_LANGUAGES: tuple[str, ...] = ("kk", "ky", "ru")
#: Target languages (English only for now).
TARGET_LANGUAGES: tuple[str, ...] = ("en",)
#: Human-readable language names.
LANGUAGE_NAMES: dict[str, str] = {"kk": "Kazakh", "ky": "Kyrgyz", "ru": "Russian", "en": "English"}


# ─── segment ────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, with its character offsets in that text.

    ``text == source[start:end]`` always holds for the text it was cut from.
    """

    text: str
    start: int
    end: int
    index: int = 0


@dataclass(frozen=True)
class LanguageGuess:
    """What language identification thinks a text is written in.

    Attributes:
        language: ISO 639-1 code (``"un"`` when unknown).
        script: ``"Cyrl"``, ``"Latn"`` or ``"other"``.
        confidence: 0–100 as reported by the detector.
        reliable: the detector's own reliability flag.
    """

    language: str
    script: str
    confidence: float
    reliable: bool


# ─── translate ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class TranslationSignature:
    """How a translation was made; ``str()`` gives the sacreBLEU-style one-line form.

    Example: ``engine:opus-mt|model:Helsinki-NLP/opus-mt-ru-en|rev:abc1234|backend:transformers|
    prec:float32|beam:4|maxlen:256|pair:ru-en|version:0.1.0``
    """

    engine: str
    model: str
    revision: str
    backend: str
    precision: str
    beam_size: int
    max_length: int
    src: str
    tgt: str
    version: str
    extra: tuple[tuple[str, str], ...] = ()
    #: False for engines that do not decode (``imported``): beam and max length are left out.
    decoding: bool = True

    def __str__(self) -> str:
        parts = [
            f"engine:{self.engine}",
            f"model:{self.model}",
            f"rev:{self.revision}",
            f"backend:{self.backend}",
            f"prec:{self.precision}",
        ]
        if self.decoding:
            parts += [f"beam:{self.beam_size}", f"maxlen:{self.max_length}"]
        parts += [f"pair:{self.src}-{self.tgt}"]
        parts += [f"{k}:{v}" for k, v in self.extra]
        parts.append(f"version:{self.version}")
        return "|".join(parts)


@dataclass(frozen=True)
class SentenceTranslation:
    """One source sentence and its translation.

    Attributes:
        source: The source sentence with its offsets.
        translation: The translation shown and exported.
        cached: Whether it came from the translation cache.
        origin: How the translation was made: one of :data:`TRANSLATION_ORIGINS` (``mt``
            machine translation, ``post-edited`` corrected by a person, ``imported`` made
            elsewhere and uploaded). Exports turn it into XLIFF states and a TMX property.
        machine: For a post-edited sentence, the machine translation it started from.
    """

    source: Sentence
    translation: str
    cached: bool = False
    origin: str = "mt"
    machine: str = ""


#: How a translation was made (see :attr:`SentenceTranslation.origin`).
TRANSLATION_ORIGINS: tuple[str, ...] = ("mt", "post-edited", "imported")


@dataclass(frozen=True)
class Translation:
    """The translation of one input text (one input line), sentence by sentence.

    Attributes:
        source: The input text as given.
        text: The full translation (sentence translations joined by a space).
        signature: ``str(TranslationSignature)`` of the engine that made it.
        sentences: Per-sentence pairs, in order, with offsets into ``source``.
        warnings: Notices for the user (language mismatch, Latin-script Kazakh, split sentences).
    """

    source: str
    text: str
    signature: str
    sentences: tuple[SentenceTranslation, ...] = ()
    warnings: tuple[str, ...] = ()


# ─── corpus ─────────────────────────────────────────────────────────────────────────────────


class OutletType(str, Enum):
    """Who published a document."""

    STATE = "state"
    INDEPENDENT = "independent"
    FOREIGN = "foreign"


class Provenance(str, Enum):
    """How the text of a document (or of its supplied translation) came to be.

    ``original``: as its author or publisher wrote it (for a translation: the publisher's own
    English version); ``reconstructed``: put together from quotes or reports of it;
    ``human-translated``: a person's translation that is not the publisher's own (a translator's,
    an analyst's, the project's); ``machine-translated``: an MT engine's output.
    """

    ORIGINAL = "original"
    RECONSTRUCTED = "reconstructed"
    HUMAN_TRANSLATED = "human-translated"
    MACHINE_TRANSLATED = "machine-translated"


@dataclass(frozen=True)
class Document:
    """One document of a case: a statement (kk/ky/ru) or a report (en).

    Attributes:
        translation: A supplied English translation, one line per statement sentence/line, if any.
    """

    id: str
    title: str
    outlet: str
    outlet_type: OutletType
    language: str
    text: str
    date: str = ""
    url: str = ""
    provenance: Provenance = Provenance.ORIGINAL
    licence: str = ""
    translation: str | None = None
    translation_provenance: Provenance | None = None
    path: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Case:
    """A set of documents about one event, read from ``corpora/<id>/case.toml``."""

    id: str
    title: str
    description: str
    documents: tuple[Document, ...]
    path: str = ""
    notices: tuple[str, ...] = ()

    @property
    def statements(self) -> tuple[Document, ...]:
        """Documents not in English (the statements to translate and compare)."""
        return tuple(d for d in self.documents if d.language != "en")

    @property
    def reports(self) -> tuple[Document, ...]:
        """English documents (the reporting to compare against)."""
        return tuple(d for d in self.documents if d.language == "en")


# ─── align ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class StatementRef:
    """A statement sentence as the aligner saw it."""

    index: int
    text: str
    translation: str | None = None
    document_id: str = ""


@dataclass(frozen=True)
class ReportRef:
    """A report sentence (or the part of one that a link joins) as the aligner saw it.

    Attributes:
        index: The sentence's number (in a case: counted across the report documents).
        text: The sentence, or the clause of it that retells the statement.
        document_id: The report document (outlet) the sentence comes from.
        span: ``(start, end)`` of ``text`` inside the whole sentence when ``text`` is a part of
            it; ``None`` when ``text`` is the whole sentence.
        sentence: The whole sentence when ``text`` is a part of it (else empty).
    """

    index: int
    text: str
    document_id: str = ""
    span: tuple[int, int] | None = None
    sentence: str = ""

    @property
    def full_text(self) -> str:
        """The whole report sentence, whether or not the link joins only a part of it."""
        return self.sentence or self.text


# ─── diff ───────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class DifferenceKind:
    """What one kind of difference is: the single definition every renderer and filter reads.

    Attributes:
        name: The kind as it appears in ``Difference.kind`` and in JSON.
        title: A short human title ("figure", "distancing").
        colour: Highlight background (hex, readable with black text).
        definition: One sentence saying what counts as this kind.
        weight: Base salience of the kind (0–1): figures and names above wording.
    """

    name: str
    title: str
    colour: str
    definition: str
    weight: float


#: Every kind of difference, most important first: the one home of name, order, colour and
#: definition (renderers, legends, filters and CSS read it; the diff stage emits only these).
DIFFERENCE_KIND_INFO: tuple[DifferenceKind, ...] = (
    DifferenceKind("number", "figure", "#ffd166",
                   "A figure or date has a different value on the other side, or is missing.", 1.0),
    DifferenceKind("negation", "negation", "#ffadad",
                   "One side negates or denies what the other affirms.", 0.95),
    DifferenceKind("framing", "loaded label", "#ff8fa3",
                   "A loaded label for the actors (bandits, terrorists) on one side, "
                   "not on the other.", 0.9),
    DifferenceKind("distancing", "distancing", "#e4c1f9",
                   "One side distances itself from a word: scare quotes, 'so-called', "
                   "'what he called'.", 0.85),
    DifferenceKind("certainty", "certainty", "#c7b8ff",
                   "A claim stated as fact on one side is hedged on the other "
                   "('may have', 'reportedly', 'allegedly'), or the reverse.", 0.8),
    DifferenceKind("attribution", "attribution", "#b9fbc0",
                   "A claim asserted on one side is attributed to a speaker on the other, "
                   "or attributed to a different speaker.", 0.7),
    DifferenceKind("quantifier", "quantifier", "#ffe5b4",
                   "A quantity is approximated, bounded or generalised differently "
                   "('up to', 'around', 'all' vs 'some').", 0.7),
    DifferenceKind("entity", "name", "#a0c4ff",
                   "A person, place or organisation named on one side is not on the other.", 0.75),
    DifferenceKind("label", "neutral label", "#9bf6ff",
                   "A neutral label for the actors is added or changed "
                   "('the sides' vs 'protesters').", 0.55),
    DifferenceKind("omission", "omission", "#d3d3d3",
                   "Words of the statement the report does not carry.", 0.35),
    DifferenceKind("addition", "addition", "#caffbf",
                   "Words of the report the statement does not carry.", 0.35),
    DifferenceKind("wording", "wording", "#fdffb6",
                   "Other changes of wording.", 0.25),
)  # fmt: skip

#: The fixed vocabulary of difference kinds, most important first.
DIFFERENCE_KINDS: tuple[str, ...] = tuple(k.name for k in DIFFERENCE_KIND_INFO)

#: Voices a difference's words can belong to (``Difference.voice``).
VOICES: tuple[str, ...] = ("own", "quoted")
#: Where a difference comes from (``Difference.origin``): the report retells the statement
#: differently, or the supplied translation departs from the original and the report does not.
ORIGINS: tuple[str, ...] = ("report", "translation")


def difference_kind(name: str) -> DifferenceKind:
    """The definition of the kind ``name``.

    Raises:
        KeyError: for a name that is not in :data:`DIFFERENCE_KINDS` (the message lists them).
    """
    for kind in DIFFERENCE_KIND_INFO:
        if kind.name == name:
            return kind
    raise KeyError(f"Unknown difference kind {name!r}; known: {', '.join(DIFFERENCE_KINDS)}.")


@dataclass(frozen=True)
class Difference:
    """One difference in wording between a statement and the report that retells it.

    Spans are ``(start, end)`` character offsets: ``statement_span`` into the statement's English
    translation (or its text when there is none), ``report_span`` into the joined report text.
    A side that has nothing (an omission's report side, an addition's statement side) is ``None``.

    ``salience`` (0–1) ranks differences for an analyst (kind, voice, confidence); ``voice`` is
    ``"own"`` when the differing words are the outlet's own, ``"quoted"`` when they sit inside a
    quotation or reported speech of ``speaker`` (empty when not recognised); ``origin`` is
    ``"translation"`` when the supplied translation, not the report, departs from the original.
    """

    kind: str
    statement: str
    report: str
    statement_span: tuple[int, int] | None
    report_span: tuple[int, int] | None
    note: str = ""
    salience: float = 0.0
    voice: str = "own"
    speaker: str = ""
    origin: str = "report"
    #: The report document whose sentences the difference was found in ("" when unknown):
    #: set by the compare pipeline, which diffs each outlet's sentences of an alignment apart.
    report_document: str = ""
    #: The detector that found it (its name in :data:`workbench.diff.base.DETECTORS`:
    #: ``"content"`` for the word diff's clause-sized runs, ``"number"``, ``"concept"``, ...).
    detector: str = ""
    #: The class its detector gave the differing words (of the statement's side when both sides
    #: have one): a label's lexicon category (``"terror"``), a hedge class (``"uncertain"``), a
    #: quantifier class (``"exclusive"``), a concept (``"force"``), ``"figure"`` or
    #: ``"vague amount"`` for a figure; empty when the detector gives none.
    category: str = ""
    #: For a ``number`` flag that stands for all the figures of a link that is not strong: the
    #: other figures it stands for (its note lists them after "also:").
    figures_also: tuple[str, ...] = ()
    #: A figure only the report gives that is the value another figure changed from ("to eight
    #: dollars from five": five).
    changed_from: bool = False
    #: How quoted words are quoted when ``voice`` is ``"quoted"``: ``"quote"`` (inside
    #: quotation marks) or ``"speech"`` (reported speech); empty for the outlet's own voice.
    voice_kind: str = ""


@dataclass(frozen=True)
class LabelHit:
    """A loaded or neutral label for actors found in a text by the framing lexicon.

    Attributes:
        text: The label as written (``source[start:end]``).
        term: The lexicon term it matched (a stem ends with ``*``).
        category: The lexicon category (e.g. ``criminal``, ``terror``, ``protest``).
        loaded: True for a loaded label (bandits, terrorists), False for a neutral one.
        start: Start offset in the text searched.
        end: End offset in the text searched.
        language: The language of the lexicon term (``en``, ``ru``, ``kk``, ``ky``).
    """

    text: str
    term: str
    category: str
    loaded: bool
    start: int
    end: int
    language: str = "en"


@dataclass(frozen=True)
class AlignmentLink:
    """How one report sentence (or part) of an alignment joins the statement.

    Attributes:
        statement_span: ``(start, end)`` of the statement part the link joins, in the statement's
            text (``view == "original"``) or in its translation (``view == "translation"``).
        score: The link's ratio margin (1.0 = as similar as the neighbourhood).
        unit: ``"sentence"`` when whole sentences were joined, ``"clause"`` when a clause of
            either side carried the link (a partial or merged retelling).
        view: Which text of the statement ``statement_span`` points into.
        weak: The report sentence shares no figure and few words with the statement (a link
            barely accepted, or at any margin one to a translated line: set by the pipeline,
            :func:`workbench.pipeline.compare.weak_links`): it is shown as a link, and only the
            differences read in the outlet's own words (labels, distancing, certainty, a
            directive's grade) are computed for it.
    """

    statement_span: tuple[int, int]
    score: float
    unit: str = "sentence"
    view: str = "original"
    weak: bool = False


@dataclass(frozen=True)
class Alignment:
    """A statement sentence, the report sentences that retell it, and how they differ.

    ``links`` (when the aligner fills it) has one :class:`AlignmentLink` per entry of
    ``reports``, in the same order: which part of the statement each report sentence retells.
    """

    statement: StatementRef
    reports: tuple[ReportRef, ...]
    score: float
    differences: tuple[Difference, ...] = ()
    links: tuple[AlignmentLink, ...] = ()


@dataclass(frozen=True)
class LinkSuggestion:
    """A statement line the aligner ranks best for a report sentence it left unlinked.

    A suggestion is not a link: no difference is computed for it and alignment precision and
    recall do not count it. The analyst may accept it as an added link (a correction).

    Attributes:
        report: The unlinked report sentence.
        statement: The suggested statement line.
        rank: 1 for the sentence's best line by ratio margin, 2 for the next, ...
        margin: The sentence ratio margin of the pair (with anchors), as the aligner ranks it.
        cosine: The pair's cosine (the statement's best view: original or translation).
        unit: ``"sentence"``: whole sentences were compared.
    """

    report: ReportRef
    statement: StatementRef
    rank: int
    margin: float
    cosine: float
    unit: str = "sentence"


@dataclass(frozen=True)
class OutletLeftovers:
    """What one report document (outlet), aligned to the statements on its own, left unlinked.

    Attributes:
        document_id: The report document.
        unmatched_statements: Statements this outlet does not retell.
        unmatched_reports: This outlet's report sentences that retell no statement.
        suggestions: For the unlinked report sentences that are on topic, their best statement
            lines by the aligner's margin (:class:`LinkSuggestion`, by sentence then rank).
    """

    document_id: str
    unmatched_statements: tuple[StatementRef, ...]
    unmatched_reports: tuple[ReportRef, ...]
    suggestions: tuple[LinkSuggestion, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Statements lined up against reporting (the JSON of ``workbench compare``).

    ``unmatched_statements`` are the statements no outlet retells; ``outlets`` (when the aligner
    fills it) lists each report document's own leftovers, in report order.
    """

    signature: str
    alignments: tuple[Alignment, ...]
    unmatched_statements: tuple[StatementRef, ...]
    unmatched_reports: tuple[ReportRef, ...]
    outlets: tuple[OutletLeftovers, ...] = ()
    #: The faithfulness audit of supplied translations, one per statement with one (its
    #: ``index`` is the statement's index); empty when the translations were not supplied.
    translation_audit: tuple[FaithResult, ...] = ()


# ─── compare (a whole case) ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class KindCount:
    """How many differences of one kind the reporting of one outlet type shows.

    ``scope`` is ``"pair"`` for differences inside aligned pairs, ``"case"`` for the leftovers
    of the whole case: ``omission`` = statements no report of that outlet type retells,
    ``addition`` = its report sentences that retell no statement.
    """

    outlet_type: str
    kind: str
    count: int
    scope: str = "pair"


@dataclass(frozen=True)
class LabelUse:
    """How often the documents of one outlet type use one label for the actors.

    ``category`` and ``loaded`` come from the lexicon (e.g. ``criminal``/True for "bandits",
    ``neutral``/False for "protesters"). ``count`` is the uses in the outlet's own voice;
    ``quoted`` the uses inside quotations or reported speech, whose ``speakers`` are listed
    (most frequent first; "unnamed" when not recognisable).
    """

    outlet_type: str
    label: str
    category: str
    loaded: bool
    count: int
    quoted: int = 0
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureDisagreement:
    """A figure in a statement that the report retelling it gives differently (or not at all)."""

    statement_document: str
    report_document: str
    outlet_type: str
    statement: str
    report: str
    statement_sentence: str
    report_sentence: str
    note: str = ""


@dataclass(frozen=True)
class LinkCorrection:
    """An analyst's correction of the alignment, saved with the case (``corrections.toml``).

    Statement and report sentence are named by document and 1-based position in it, so the
    correction survives a change of aligner; ``report_text`` records the sentence as it was, so
    a correction whose sentence changed is caught instead of applied to the wrong one.

    Attributes:
        action: ``"add"`` (link the sentence to the statement) or ``"remove"`` (unlink it).
        statement_document: Id of the statement document.
        statement_line: 1-based line of the statement in its document.
        report_document: Id of the report document.
        report_sentence: 1-based number of the sentence in its document.
        report_text: The sentence when the correction was made.
        by: Who made it.
        at: When (ISO 8601, UTC).
        note: Why, if the analyst said.
    """

    action: str
    statement_document: str
    statement_line: int
    report_document: str
    report_sentence: int
    report_text: str = ""
    by: str = ""
    at: str = ""
    note: str = ""


@dataclass(frozen=True)
class DocumentComparison:
    """One statement document of a case compared against all the case's reporting."""

    document_id: str
    comparison: Comparison


@dataclass(frozen=True)
class CaseComparison:
    """A whole case compared: per statement document, and aggregates an analyst can read.

    Attributes:
        documents: One comparison per statement document (report indices count across all
            report sentences of the case, in document order).
        unmatched_reports: Report sentences that no statement of any document retells.
        kind_counts: Differences by outlet type of the reporting and kind.
        label_uses: Labels for the actors used by each outlet type (the state's from the
            statements' English translations), most used first.
        figures: Figures that disagree between statements and the reports retelling them.
        translation_audit: Each supplied translation checked against its original statement
            (:class:`FaithResult` whose ``index`` is the statement's index across the case);
            empty when no statement document has a supplied translation.
    """

    case_id: str
    title: str
    signature: str
    documents: tuple[DocumentComparison, ...]
    unmatched_reports: tuple[ReportRef, ...]
    kind_counts: tuple[KindCount, ...]
    label_uses: tuple[LabelUse, ...]
    figures: tuple[FigureDisagreement, ...]
    translation_audit: tuple[FaithResult, ...] = ()


# ─── score ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class MetricScore:
    """A corpus-level score with its sacreBLEU signature and per-segment scores.

    Attributes:
        metric: Registry name of the metric (``bleu``, ``ter`` ...).
        score: Corpus score.
        signature: sacreBLEU-style signature (``BLEU|nrefs:1|...``).
        segment_scores: One score per segment.
        higher_is_better: The metric's direction (False for TER, an error rate); renderers
            use it for "worst first", colours and significance, never the metric's name.
        ci_low: Lower end of the 95% bootstrap confidence interval of this system's score
            (sacreBLEU's ``--confidence``: mean ± half-width), ``None`` when not computed.
        ci_high: Upper end of that interval.
        ci_resamples: Bootstrap resamples behind the interval (0: none).
    """

    metric: str
    score: float
    signature: str
    segment_scores: tuple[float, ...] = ()
    higher_is_better: bool = True
    ci_low: float | None = None
    ci_high: float | None = None
    ci_resamples: int = 0


@dataclass(frozen=True)
class SignificanceResult:
    """A system compared against the baseline on one metric."""

    metric: str
    system: str
    baseline: str
    method: str
    p_value: float
    mean: float
    ci_low: float
    ci_high: float
    resamples: int
    seed: int
    score: float = 0.0
    signature: str = ""
    baseline_score: float | None = None
    higher_is_better: bool = True

    def verdict(self, alpha: float = 0.05) -> str:
        """``better``, ``worse`` (than the baseline, significantly at ``alpha``, by the
        metric's direction) or ``not significant``; ``better``/``worse`` need
        ``baseline_score``."""
        if not self.p_value < alpha or self.baseline_score is None:
            return "not significant"
        gain = self.score - self.baseline_score
        if gain == 0:
            return "not significant"
        return "better" if (gain > 0) == self.higher_is_better else "worse"


@dataclass(frozen=True)
class SystemScores:
    """All metric scores of one system, and its significance against the baseline."""

    name: str
    scores: tuple[MetricScore, ...]
    significance: tuple[SignificanceResult, ...] = ()


@dataclass(frozen=True)
class ErrorSpan:
    """An MQM-style error: a marked span of the translation with category and severity."""

    start: int
    end: int
    category: str
    severity: str
    comment: str = ""


@dataclass(frozen=True)
class Judgment:
    """One human judgment of one translated segment by one annotator."""

    annotator: str
    item_id: str
    system: str
    source: str
    translation: str
    reference: str = ""
    score: float | None = None
    errors: tuple[ErrorSpan, ...] = ()
    signature: str = ""
    created_at: str = ""
    id: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class AnnotationItem:
    """One translated segment waiting for human judgment (source, MT, reference side by side).

    Attributes:
        item_id: Unique id within the judgment store (e.g. ``flores200-dev:nllb:17``).
        system: Name of the system that produced ``translation``.
        source: Source-language segment.
        translation: The machine translation to judge.
        reference: A human reference translation, if any.
        signature: ``str(TranslationSignature)`` of the engine that made the translation.
        campaign: Name of the annotation campaign the item belongs to.
        position: Order in which annotators see items (lower first).
    """

    item_id: str
    system: str
    source: str
    translation: str
    reference: str = ""
    signature: str = ""
    campaign: str = "default"
    position: int = 0


# ─── faithfulness ───────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class FaithKind:
    """What one kind of faithfulness issue is: the single definition checks and renderers read.

    Attributes:
        name: The kind as it appears in ``FaithIssue.kind`` and in JSON.
        colour: Highlight background (hex, readable with black text).
        definition: What counts as this kind.
    """

    name: str
    colour: str
    definition: str


#: Every kind of faithfulness issue, in the order they are shown: the one home of name, colour
#: and definition (the stage emits only these; the reports and the UI colour them from here).
FAITH_KIND_INFO: tuple[FaithKind, ...] = (
    FaithKind("number", "#ffd166", "a figure changed, added or dropped"),
    FaithKind("name", "#f4a3c0", "a name swapped, added or dropped"),
    FaithKind("label", "#ff8c69", "a loaded or neutral label that the other side does not use"),
    FaithKind("negation", "#c3a6ff", "a negation added or dropped"),
    FaithKind("hedge", "#9ad0f5", "a hedge or marker of certainty added or dropped"),
    FaithKind(
        "modality", "#a0e7c8", "modality or force added or dropped (where necessary; to kill)"
    ),
    FaithKind("untranslated", "#d9d9d9", "source text copied through untranslated"),
    FaithKind("wrong_language", "#bdbdbd", "output in another language or script than English"),
    FaithKind("repetition", "#f7c59f", "repeated words or a hallucinated tail"),
    FaithKind(
        "length",
        "#e6e6a1",
        "the translation is much shorter or longer than translations usually are",
    ),
    FaithKind("omission", "#ffb3b3", "a source clause with no counterpart in the translation"),
    FaithKind("addition", "#b3e6b3", "a translation clause with no counterpart in the source"),
    FaithKind(
        "unrelated",
        "#ff9999",
        "the translation does not say what the source says (another sentence)",
    ),
)


@dataclass(frozen=True)
class FaithIssue:
    """One place where a translation departs from its source (no reference needed).

    Spans are ``(start, end)`` character offsets into the source sentence and into the
    translation; a side with nothing to point at (a figure the translation dropped has no
    translation span) is ``None``.

    Attributes:
        kind: One of :data:`FAITH_KIND_INFO`.
        source: The source text at ``source_span`` ("" when None).
        translation: The translation text at ``translation_span`` ("" when None).
        source_span: Offsets into the source sentence.
        translation_span: Offsets into the translation.
        note: A short human-readable explanation.
        severity: How strongly this issue lowers the score, in (0, 1].
    """

    kind: str
    source: str
    translation: str
    source_span: tuple[int, int] | None
    translation_span: tuple[int, int] | None
    note: str = ""
    severity: float = 1.0


@dataclass(frozen=True)
class FaithEstimate:
    """A model-based quality estimate (CometKiwi, xCOMET, MetricX-QE), when one is installed."""

    name: str
    score: float
    signature: str = ""


@dataclass(frozen=True)
class FaithResult:
    """The faithfulness check of one (source, translation) pair.

    Attributes:
        index: Position of the pair in the input (0-based).
        source: The source sentence (kk/ky/ru).
        translation: Its English translation.
        score: 0–1, higher is more faithful.
        flagged: True when the pair should be read by a human before it is trusted.
        issues: What was found, in source order.
        signature: How the check was made (detectors, embedder, calibration).
        estimates: Model-based estimates that were available.
    """

    index: int
    source: str
    translation: str
    score: float
    flagged: bool
    issues: tuple[FaithIssue, ...] = ()
    signature: str = ""
    estimates: tuple[FaithEstimate, ...] = ()
