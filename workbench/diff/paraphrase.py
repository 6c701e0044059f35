"""Paraphrase: a content run whose words all have a counterpart on the other side.

Retellings reword: "the toll road opens to drivers next spring" for "the motorway will start
carrying traffic in April". A content-diff ``addition`` or ``wording`` run (omissions are not checked:
:func:`workbench.diff.content.detect_content`) whose content words each have a counterpart in
the statement says nothing an analyst needs. A word's
counterparts come from the project's own resources, never from the cases measured:

* **English morphology**: the same word up to inflection or derivation ("contradictory" ~
  "contradiction", "emerged" ~ "emerge": :func:`workbench.diff.text.akin`, a shared prefix of
  five letters, or the whole shorter word of four letters or more, and one word family in
  WordNet when it knows both words: not "militants" ~ "military");
* **the original statement line** through the word lexicon (:mod:`workbench.diff.bilexicon`): a
  report word that is a usual rendering of a word of the original («народ» → "people",
  «референдум» → "vote");
* **synonyms through the lexicon**: two English words that usually render the same source word
  (:data:`SYNONYM_P`), so "people" in the report and "nation" in the translation are one word
  of the original when the lexicon says so.
* **English synonyms and near senses** (:mod:`workbench.diff.wordnet`, Princeton WordNet 3.0):
  a word of a synset of a statement word, or of a synset one step more or less general
  ("views" for "opinions", "expressed" for "voiced", "devices" for "instruments"). The
  bilexicon is thin for kk/ky (it knows too few words to pair most English synonyms); WordNet
  knows English whatever the statement's language. A loaded word of the framing lexicon (a
  loaded label, a concept such as ``murder``) is a synonym only of a word of its own class
  (:func:`lexicon_class`): WordNet puts "murdered" one step below "killed" and "mob" beside
  "crowd", but a report that says "murdered" for "killed" has changed the claim.

A run keeps its flag when it carries an **anchor** the other side lacks (:func:`anchors`): a
figure, a name, a label of the framing lexicon, a cause or claim word, or a negation. Those are
what an analyst reads a retelling for; the rest of a paraphrase is how reporting reads.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workbench.diff import wordnet
from workbench.diff.bilexicon import BiLexicon, english_stem, load_bilexicon
from workbench.diff.lexicon import Lexicon, categories_in, find_concepts, find_labels
from workbench.diff.text import (
    AkinIndex,
    Token,
    akin,
    akin_in,
    akin_index,
    is_content,
    tokenize,
    words,
)
from workbench.diff.translit import fold

#: A usual rendering: ``t(english | source)`` at least this in the word lexicon.
RENDER_P = 0.05
#: Two English words are synonyms when both render one source stem with at least this
#: probability (stricter than :data:`RENDER_P`: the pair has no original word to confirm it).
SYNONYM_P = 0.15

#: Words that make a run matter whatever its other words: a cause, a claim or an accusation.
CAUSE_CLAIM = words(
    """because amid due caused causing cause causes blamed blame blames blaming accused accuses
    accusing accuse alleged allegedly allegation allegations claimed claims claiming denied
    denies deny denying admitted admits confirmed confirms insisted insists warned warns
    threatened threatens vowed vows pledged promised ordered orders banned bans refused refuses
    rejected rejects condemned condemns protest protests protested killed kill kills dead deaths
    died arrested detained"""
)
#: Negation words (the negation detector compares them; a run holding one is not paraphrase).
NEGATION = words("not no never none nor neither without cannot n't nobody nothing")
_NEGATED = re.compile(r"n['’]t\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _sources_of(lexicon: BiLexicon) -> Mapping[str, frozenset[tuple[str, str]]]:
    """English stem → the (language, source stem) pairs it usually renders (:data:`SYNONYM_P`)."""
    rev: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for lang, table in lexicon.entries.items():
        for key, options in table.items():
            for english, p in options.items():
                if p >= SYNONYM_P:
                    rev[english].add((lang, key))
    return {e: frozenset(s) for e, s in rev.items()}


def lexicon_class(word: str, lexicon: Lexicon | None) -> frozenset[str]:
    """The framing lexicon's loaded classes of one English ``word``: ``loaded:<category>`` for
    a loaded label ("mob" → ``{"loaded:criminal"}``), ``concept:<name>`` for a concept
    ("murdered" → ``{"concept:murder"}``); empty for a neutral label and a word the lexicon
    does not list. Synonyms (WordNet, the word lexicon) join only words of one class: a loaded
    word is never a synonym of a neutral or unlisted one ("mob" ~ "crowd", "rioters" ~
    "protesters", "murdered" ~ "killed"), while a neutral label keeps its plain synonyms
    ("residents" ~ "inhabitants")."""
    if lexicon is None:
        return frozenset()
    held, known = _CLASSES.get(id(lexicon), (None, {}))
    if held is not lexicon:  # a lexicon hashes all its terms: cache by identity instead
        if len(_CLASSES) >= 8:
            _CLASSES.clear()
        known = {}
        _CLASSES[id(lexicon)] = (lexicon, known)
    w = word.lower()
    if w not in known:
        labels = {f"loaded:{h.category}" for h in find_labels(w, lexicon) if h.loaded}
        concepts = {f"concept:{h.category}" for h in find_concepts(w, lexicon)}
        known[w] = frozenset(labels | concepts)
    return known[w]


_CLASSES: dict[int, tuple[Lexicon, dict[str, frozenset[str]]]] = {}


@dataclass(frozen=True)
class Counterparts:
    """What the other side holds, to look a word's counterpart up in.

    Attributes:
        words: Its content words, lower-case, each once (for morphology:
            :func:`workbench.diff.text.akin`).
        rendered: English stems (:func:`workbench.diff.bilexicon.english_stem`) that usually
            render a word of the original statement line.
        sources: The (language, source stem) pairs its English words usually render
            (synonyms: another English word rendering one of them is a counterpart).
        senses: The WordNet synsets of its content words and those one sense step away
            (:func:`workbench.diff.wordnet.neighbourhood`): a report word in one of them is a
            synonym, or a word one step more or less general ("devices" for "instruments").
            Only the words the framing lexicon does not list.
        classed: The same for the words it lists, per class (:func:`lexicon_class`): a word of
            a class finds its synonyms among the words of that class only.
        lexicon: The framing lexicon the classes come from (None: no classes).
    """

    words: tuple[str, ...]
    rendered: frozenset[str]
    sources: frozenset[tuple[str, str]]
    senses: frozenset[int] = frozenset()
    classed: Mapping[frozenset[str], frozenset[int]] = dataclasses.field(default_factory=dict)
    lexicon: Lexicon | None = None

    @functools.cached_property
    def _index(self) -> AkinIndex:
        return akin_index(self.words)

    def says(self, word: str) -> bool:
        """Whether ``word`` (English) is here as itself, up to inflection, or as a usual rendering
        of a word of the original: :meth:`has` without synonyms."""
        w = word.lower()
        return akin_in(w, self._index) or english_stem(w) in self.rendered

    def has(self, word: str) -> bool:
        """Whether ``word`` (English) has a counterpart here. A word of a lexicon class finds
        synonyms (through the word lexicon or WordNet) only where a word of its class is."""
        w = word.lower()
        if akin_in(w, self._index):
            return True
        e = english_stem(w)
        if e in self.rendered:
            return True
        cls = lexicon_class(w, self.lexicon)
        if cls and cls not in self.classed:
            return False  # "murdered" for "killed": no synonym of a word of another class
        if _sources_of(load_bilexicon()).get(e, frozenset()) & self.sources:
            return True
        pool = self.classed.get(cls, frozenset()) if cls else self.senses
        return bool(pool) and bool(wordnet.senses(w) & pool)


_COUNTERPARTS: dict[tuple[object, ...], tuple[Lexicon | None, Counterparts]] = {}


def counterparts(
    texts: Iterable[str],
    source: str | None = None,
    src: str | None = None,
    lexicon: Lexicon | None = None,
) -> Counterparts:
    """The counterparts ``texts`` (English) and the original ``source`` in ``src`` offer;
    ``lexicon`` (the framing lexicon) keeps its loaded and neutral words from being synonyms of
    words of another class.

    Built once per arguments (the lexicon by identity, as hashing it costs the work): the pairs
    of one statement ask about the same statement and context, once per outlet."""
    texts = tuple(texts)
    key = (texts, source, src, id(lexicon))
    hit = _COUNTERPARTS.get(key)
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    made = _counterparts(texts, source, src, lexicon)
    if len(_COUNTERPARTS) >= 4096:
        _COUNTERPARTS.clear()
    _COUNTERPARTS[key] = (lexicon, made)
    return made


def _counterparts(
    texts: tuple[str, ...], source: str | None, src: str | None, lexicon: Lexicon | None
) -> Counterparts:
    bilex = load_bilexicon()
    content = tuple(
        dict.fromkeys(t.lower for text in texts for t in tokenize(text) if is_content(t))
    )
    rendered: set[str] = set()
    if source and src:
        for t in tokenize(source):
            rendered.update(e for e, p in bilex.translations(src, t.text).items() if p >= RENDER_P)
    reverse = _sources_of(bilex)
    sources = frozenset(s for w in content for s in reverse.get(english_stem(w), ()))
    by_class: dict[frozenset[str], set[int]] = defaultdict(set)
    for w in content:
        by_class[lexicon_class(w, lexicon)] |= wordnet.neighbourhood(w)
    near = frozenset(by_class.pop(frozenset(), set()))
    classed = {cls: frozenset(v) for cls, v in by_class.items()}
    return Counterparts(content, frozenset(rendered), sources, near, classed, lexicon)


def report_counterparts(
    report: str,
    source: str | None = None,
    src: str | None = None,
    lexicon: Lexicon | None = None,
) -> Counterparts:
    """What the report holds, to look a statement word's counterpart up in (the reverse of
    :func:`counterparts`, for a rewording): its words, their synonyms and near senses, and,
    through the original, the renderings of each original word the report renders ("childhood"
    and "kid" both render «детских»: the report's "kid" is a counterpart of "childhood")."""
    report_side = counterparts([report], lexicon=lexicon)
    if not (source and src):
        return report_side
    bilex = load_bilexicon()
    mine = {english_stem(t.text) for t in tokenize(report) if is_content(t)}
    shared: set[str] = set()
    for t in tokenize(source):
        options = {e for e, p in bilex.translations(src, t.text).items() if p >= RENDER_P}
        if options & mine:
            shared |= options
    return dataclasses.replace(report_side, rendered=frozenset(shared))


def covered_share(run: Sequence[Token], other: Counterparts) -> float:
    """The share of the run's content words that have a counterpart in ``other``."""
    content = [t for t in run if is_content(t)]
    if not content:
        return 1.0
    return sum(other.has(t.text) for t in content) / len(content)


def anchors(
    run: str, other: str, *, lexicon: Lexicon | None = None, at_start: bool = False
) -> list[str]:
    """What in ``run`` an analyst reads a retelling for and ``other`` lacks: figures, names,
    labels of the framing lexicon, cause and claim words, negations.

    ``at_start`` says the run opens its sentence (a capital there is no name).
    """
    found: list[str] = []
    other_tokens = tokenize(other)
    other_lower = {t.lower for t in other_tokens}
    other_folded = {fold(t.text) for t in other_tokens if t.text[:1].isupper()}
    tokens = tokenize(run)
    for i, t in enumerate(tokens):
        if any(c.isdigit() for c in t.text) and t.lower not in other_lower:
            found.append(t.text)
        elif t.text[:1].isupper() and not (i == 0 and at_start) and len(t.text) > 1:
            if (
                fold(re.sub(r"['’]s$", "", t.text)) not in other_folded
                and t.lower not in other_lower
            ):
                found.append(t.text)
        elif (
            t.lower in CAUSE_CLAIM
            and not any(akin(t.lower, o) for o in other_lower)
            or (t.lower in NEGATION or _NEGATED.search(t.text))
            and not (other_lower & NEGATION or _NEGATED.search(other))
        ):
            found.append(t.text)
    if lexicon is not None:
        found += sorted(categories_in(run, lexicon) - categories_in(other, lexicon))
    return found
