"""Names of people, places and organisations, compared across scripts: the ``entity`` detector.

An entity difference is a name swapped for another in the same place ("by Tokayev" → "by
Nazarbayev", "Los Angeles Police Department" → "Federation Police Department").

A name is a run of capitalised words. A word that opens a sentence counts only when something
confirms it is a name (it is followed by another capitalised word, or is capitalised elsewhere).
A name on one side is matched when its last word (the surname or head) and, for names of three
words or more, most of its words are spelling variants (:func:`same_name`) of words on the other side, or of words of the
original source text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from workbench.diff.base import (
    Claims,
    DiffContext,
    Finding,
    Mention,
    context_of,
    pair_leftovers,
)
from workbench.diff.morph import english_forms, is_common_word
from workbench.diff.text import STOPWORDS, Token, per_text, tokenize, words
from workbench.diff.translit import (
    ACRONYM_JOINERS,
    VOWEL_VARIANT_LENGTH,
    acronym_spellings,
    fold,
    initials_spellings,
    same_name,
    strip_endings,
)

#: Words that are capitalised without being names (titles, months, days).
NOT_NAMES: frozenset[str] = words(
    """president minister prime deputy mr mrs ms dr sir lord lady general colonel captain
    governor mayor senator chairman chief head king queen prince princess pope saint st
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i ok jan feb mar apr jun jul aug sep
    sept oct nov dec
    президент министр премьер глава генерал январь января февраля марта апреля мая июня июля
    августа сентября октября ноября декабря"""
)
#: Surname endings that confirm a capitalised word opening a sentence is a name (Токаев, Tokayev,
#: Тоқаев, Ruzakhunov, Назарбаева, Ұлы, Уулу), with a few Russian/Kazakh case endings.
_SURNAME = re.compile(
    r"(?:(?:ов|ев|ёв|ин|ова|ева|ина|баев|ұлы|улы|уулу|қызы|кызы|бек)(?:а|у|ым|ом|ы|ке|ге|қа|ға)?"
    r"|(?:ov|ev|yev|ova|eva|uly|uulu|bek|bayev))$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*[\"“«(]?|[\"“«]|\n)\s*$")


def _capitalised(tok: Token) -> bool:
    word = re.split(r"['’]", tok.lower)[0]
    return tok.text[0].isupper() and word not in NOT_NAMES


def _possessive(run: list[Token]) -> bool:
    return bool(run) and run[-1].lower.endswith(("'s", "’s"))


def _names(text: str) -> tuple[list[list[Token]], list[Token]]:
    """Runs of capitalised tokens that look like names, and all tokens of ``text``."""
    runs, tokens = _name_runs(text)
    return [list(r) for r in runs], list(tokens)


@functools.lru_cache(maxsize=16384)
def _name_runs(text: str) -> tuple[tuple[tuple[Token, ...], ...], tuple[Token, ...]]:
    """:func:`_names` once per text (each pair of a case reads its statement's names again)."""
    tokens = tokenize(text)
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in tokens:
        adjacent = run and re.fullmatch(r"[ \t\-]*", text[run[-1].end : tok.start]) is not None
        if _capitalised(tok) and (not run or adjacent) and not _possessive(run):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = [tok] if _capitalised(tok) else []
    if run:
        runs.append(run)
    return tuple(tuple(r) for r in runs), tuple(tokens)


def _confirmed(run: list[Token], text: str, elsewhere: frozenset[str]) -> bool:
    first = run[0]
    if not _SENTENCE_START.search(text[: first.start]) or len(run) > 1:
        return True
    if first.lower in STOPWORDS:
        return False
    return first.text in elsewhere or _SURNAME.search(first.text) is not None


def find_names(text: str, also_capitalised: frozenset[str] = frozenset()) -> list[Mention]:
    """Name mentions of ``text`` (runs of capitalised words), with spans."""
    runs, tokens = _names(text)
    mid = {t.text for run in runs for t in run if not _SENTENCE_START.search(text[: t.start])}
    elsewhere = frozenset(mid) | also_capitalised
    out = []
    for whole in runs:
        if not _confirmed(whole, text, elsewhere):
            continue
        run = list(itertools.dropwhile(lambda t: t.lower in STOPWORDS, whole))
        if run and _SENTENCE_START.search(text[: run[0].start]) and is_common_word(run[0].text):
            run = run[1:]  # «Вооруженные», «Однако» open a sentence; they name nothing
        if not run:
            continue
        start, end = run[0].start, run[-1].end
        out.append(
            Mention(text[start:end], (start, end), note="name", value=run,
                    context=context_of(text, (start, end)))
        )  # fmt: skip
    return out


@functools.lru_cache(maxsize=16384)
def _capitalised_mid(text: str) -> frozenset[str]:
    return frozenset(
        t.text
        for t in tokenize(text)
        if t.text[0].isupper() and not _SENTENCE_START.search(text[: t.start])
    )


def _present(mention: Mention, words: _Words) -> bool:
    run = mention.value
    assert isinstance(run, list)
    keys = [re.sub(r"['’]s$", "", t.text) for t in run if t.lower not in NOT_NAMES]
    if not keys:
        return True
    found = [_found(k, words) for k in keys]
    # the surname or head noun must be there ("Kassym-Jomart Tokayev" ~ "Tokayev"), and most
    # of a longer name ("Los Angeles Police Department" !~ "Federation Police Department")
    if found[-1] and (len(found) <= 2 or 2 * sum(found) > len(found)):
        return True
    return _as_acronym(keys, words)


def _as_acronym(keys: list[str], words: _Words) -> bool:
    """A name and its acronym on the other side are one name, across scripts: "KTZ" or «ҚТЖ»
    for «Қазақстан темір жолы» or "Kazakhstan Temir Zholy", and the reverse (the romanised
    initials of :func:`~workbench.diff.translit.acronym_spellings` and
    :func:`~workbench.diff.translit.initials_spellings`, three letters or more)."""
    if len(keys) == 1:
        return bool(acronym_spellings(keys[0]) & (words.initials | words.acronyms))
    return bool(initials_spellings(keys) & words.acronyms)


#: The vowels :func:`~workbench.diff.translit.vowel_variant` lets differ, as one letter.
_SWAPPED_VOWELS = str.maketrans(dict.fromkeys("iou", "*"))


class _Words:
    """The words of a text indexed for :func:`_found`: which of them is ``same_name`` of a
    key is asked of the few that share its folded form, its first five folded letters or its
    form with the swappable vowels blurred, and of every word's fuzzy forms in one rapidfuzz
    call, not by a ``same_name`` call per word (a line of many names was quadratic: 0.84 s for
    5,000 characters in benchmarks/long_line_bench.py)."""

    def __init__(self, words: Iterable[Token], texts: Iterable[str] = ()) -> None:
        self.texts = {w.text for w in words}
        #: The Latin spellings of the acronyms of ``texts`` and of the initials of their names
        #: of several words (:func:`_acronyms_of`), for :func:`_as_acronym`.
        self.acronyms: set[str] = set()
        self.initials: set[str] = set()
        for text in texts:
            acronyms, initials = _acronyms_of(text)
            self.acronyms |= acronyms
            self.initials |= initials
        self.by_fold: dict[str, list[str]] = {}
        self.by_start: dict[str, list[str]] = {}
        self.by_vowels: dict[str, list[str]] = {}
        fuzzy: set[str] = set()
        for text in self.texts:
            folded = fold(text)
            if len(text) <= 1 or not folded:
                continue
            self.by_fold.setdefault(folded, []).append(text)
            if len(folded) >= 5:
                self.by_start.setdefault(folded[:5], []).append(text)
            if len(folded) >= VOWEL_VARIANT_LENGTH:
                self.by_vowels.setdefault(folded.translate(_SWAPPED_VOWELS), []).append(text)
            if len(folded) >= 4:
                fuzzy |= {folded, *strip_endings(text)}
        self.fuzzy = sorted(fuzzy)

    def has_variant(self, key: str) -> bool:
        """True when some word of more than one letter is :func:`same_name` (with vowels)
        of ``key``: the same answer as asking every word."""
        folded = fold(key)
        if not folded:
            return False
        near = [
            *self.by_fold.get(folded, ()),
            *(self.by_start.get(folded[:5], ()) if len(folded) >= 5 else ()),
            *self.by_vowels.get(folded.translate(_SWAPPED_VOWELS), ()),
        ]
        if any(same_name(key, w, vowels=True) for w in near):
            return True
        if len(folded) < 4 or not self.fuzzy:
            return False
        return any(
            process.extractOne(x, self.fuzzy, scorer=fuzz.ratio, processor=None, score_cutoff=85.0)
            is not None
            for x in {folded, *strip_endings(key)}
        )


@functools.lru_cache(maxsize=16384)
def _words_of(text: str) -> _Words:
    """``_Words`` of a text and its English forms, built once per text: a statement is compared
    with every outlet that retells it, a report sentence with every statement it is linked to
    (a ``_Words`` is only read after it is built)."""
    return _Words(_with_forms(text), [text])


def _found(key: str, words: _Words) -> bool:
    if key in words.texts:
        return True
    return len(key) > 1 and words.has_variant(key)


def detect_entities(ctx: DiffContext, claimed: Claims) -> Finding:
    """Names on one side with no spelling variant on the other (or in the source text)."""
    statement_tokens = _words_of(ctx.statement)
    report_tokens = _words_of(ctx.report)
    source_tokens = _words_of(ctx.source) if ctx.source else _Words([])
    statement = find_names(ctx.statement, _capitalised_mid(ctx.report))
    every = find_names(ctx.report, _capitalised_mid(ctx.statement))
    claims = Claims(  # every name was examined, credits included, on both sides alike
        tuple(m.span for m in statement if m.span), tuple(m.span for m in every if m.span)
    )
    report = [m for m in every if not _credit(m, ctx.report)]
    left = [m for m in statement if not _present(m, report_tokens)]
    right = [
        m for m in report if not _present(m, statement_tokens) and not _present(m, source_tokens)
    ]
    right += [r for r in _requalified(left, report) if r not in right]
    found = pair_leftovers("entity", left, right, compatible=_same_place)
    # A report need not repeat every name of the statement, and it adds place names, agencies
    # and context as a matter of course (on real reporting almost every one-sided name was
    # noise): a name swapped for another in the same place is the entity difference; an added
    # clause with names in it is an addition.
    return Finding(tuple(d for d in found if d.report_span and d.statement_span), claims)


def _requalified(left: list[Mention], report: list[Mention]) -> list[Mention]:
    """Report names with the same head as a statement name but other qualifiers
    ("Federation Police Department" for "Los Angeles Police Department")."""
    out = []
    for s in left:
        s_run, s_words = s.value, {t.text for t in s.value} if isinstance(s.value, list) else set()
        assert isinstance(s_run, list)
        for r in report:
            r_run = r.value
            assert isinstance(r_run, list)
            if len(r_run) < 2 or not same_name(s_run[-1].text, r_run[-1].text):
                continue
            if any(t.text not in s_words and not _found(t.text, _Words(s_run)) for t in r_run[:-1]):
                out.append(r)
    return out


#: News agencies and outlets a report cites as its channel (a credit, not a name in the story).
NEWS_AGENCIES: frozenset[str] = words(
    """tass ria novosti interfax reuters afp ap xinhua sputnik kabar akipress kazinform kaztag
    trend anadolu itar apa app urdupoint bbc cnn aljazeera al-jazeera tengrinews 24.kg azattyq
    ozodi fergana eurasianet rferl"""
)


def _credit(m: Mention, text: str) -> bool:
    """A news agency credited as the channel ("citing TASS", "Kazinform News Agency"), or a
    dateline ("BISHKEK, Nov 26"): no name of the story."""
    run = m.value
    assert isinstance(run, list)
    if any(t.lower.strip(".") in NEWS_AGENCIES for t in run):
        return True
    if {t.lower for t in run} & {"news", "agency", "press"}:
        return True
    span = m.span or (0, 0)
    return (
        m.text.isupper()
        and len(m.text) >= 6
        and re.match(r"\s*[,(–—-]", text[span[1] :]) is not None
    )


@per_text
def _with_forms(text: str) -> list[Token]:
    """The tokens of ``text`` and, as extra tokens, the English forms its exonyms and acronyms
    stand for (Москве → Moscow, ОДКБ → CSTO, "CSTO" → Collective Security Treaty Organization),
    and the initials of its names of several words ("United Arab Emirates" → UAE)."""
    tokens = tokenize(text)
    extra = [Token(w, -1, -1) for w in [*english_forms(text), *_initials(tokens, text)]]
    return tokens + extra


#: The most capitalised words of one run read for acronyms (a longer run is a headline).
_LONGEST_RUN = 8
#: Small words a name of several words may hold without their initial ("Ministry of Foreign
#: Affairs" → MFA, "Bank of the Russian Federation").
_NAME_JOINERS = words("of the for")


def _initials(tokens: list[Token], text: str) -> list[str]:
    """The acronyms a run of capitalised words of ``text`` (small words between them skipped)
    holds: the initials of every part of two words or more, since a title or a name often runs
    on into the next ("United Arab Emirates President Mohamed" holds "UAE", "Head of the United
    Arab Emirates" too; "Ministry of Foreign Affairs" gives "MFA"). A capitalised small word
    ("The" opening a sentence) is no part of a name. A name and its acronym are one name ("UAE"
    in the report for "United Arab Emirates" in the statement), whatever exonym table lists it."""
    out: list[str] = []
    capitals: list[Token] = []
    last_end = -1  # where the run's last word (a capitalised or a small one) ends
    for tok in [*tokens, Token("", len(text) + 1, len(text) + 1)]:
        joined = last_end >= 0 and not text[last_end : tok.start].strip(" -")
        capital = (
            tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.lower not in _NAME_JOINERS
        )
        if joined and (capital or (tok.lower in _NAME_JOINERS and capitals)):
            if capital:
                capitals.append(tok)
            last_end = tok.end
            continue
        letters = "".join(t.text[0] for t in capitals[:_LONGEST_RUN]).upper()
        out += [letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)]
        capitals = [tok] if capital else []
        last_end = tok.end if capital else -1
    return out


#: Words after a capitalised one read as one name for its initials («Қазақстан темір жолы»,
#: «Комитет национальной безопасности»: kk and ru write the words after the first in lower
#: case).
_LONGEST_NAME = 5


@functools.lru_cache(maxsize=16384)
def _acronyms_of(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The Latin spellings of the acronyms of ``text`` («ҚТЖ-ның» → KTZ, ...), and of the
    initials of each run of up to :data:`_LONGEST_NAME` words that opens with a capitalised
    word and holds no punctuation (its first three, four and five words)."""
    tokens = tokenize(text)
    acronyms = frozenset(a for t in tokens for a in acronym_spellings(t.text))
    initials: set[str] = set()
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or acronym_spellings(tok.text):
            continue
        run = [tok]
        for nxt in tokens[i + 1 : i + _LONGEST_NAME * 2]:
            if text[run[-1].end : nxt.start].strip(" -") or acronym_spellings(nxt.text):
                break
            run.append(nxt)
            content = [t.text for t in run if t.lower not in ACRONYM_JOINERS]
            if len(content) > _LONGEST_NAME:
                break
            initials |= initials_spellings(content)
    return acronyms, frozenset(initials)


def named_in(name: str, texts: Iterable[str]) -> bool:
    """Whether ``name``, a whole mention ("the Ministry of Foreign Affairs of the Kyrgyz
    Republic", «Министерство энергетики Республики Узбекистан»), names what ``texts`` name.

    Its words that are no function words are looked up in the texts as :func:`detect_entities`
    looks up a name: up to inflection and transliteration, or as an English form of the texts'
    exonyms and acronyms. The first and the last must be there (they hold the head, whichever
    side of its complements a language puts it: "The President of Uzbekistan", «Өзбекстан
    Президенті»), and all the others but one, none missing from a mention of fewer than four
    such words: "of the Republic" may be left out of a title, "of Energy" may not. "The
    President of Uzbekistan" is not named in "Ministry of Energy of the Republic of Uzbekistan",
    nor "the government" in "the ministry". False for a mention with no such word ("he").
    """
    keys = [re.sub(r"['’]s$", "", t.text) for t in tokenize(name) if t.lower not in STOPWORDS]
    if not keys:
        return False
    texts = list(texts)
    # one text (the detectors' case: a report line, an issuer): its index built once per text
    held = (
        _words_of(texts[0])
        if len(texts) == 1
        else _Words((w for text in texts for w in _with_forms(text)), texts)
    )
    found = [_found(k, held) for k in keys]
    missing = found.count(False)
    if found[0] and found[-1] and missing <= (1 if len(keys) >= 4 else 0):
        return True
    return _as_acronym(keys, held)


def _same_place(a: Mention, b: Mention) -> bool:
    """Names stand in the same place when the word before or after them is the same."""
    (a1, a2), (b1, b2) = a.context.split("|"), b.context.split("|")
    return bool(a1 and a1 == b1) or bool(a2 and a2 == b2)
