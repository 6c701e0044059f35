"""Names through inflection, exonyms and acronyms; common words that only look like names.

* Russian words are lemmatised with pymorphy3 (loaded on first use): «Москве» → «москва».
* Kazakh and Kyrgyz case endings are stripped by suffix rules (:data:`TURKIC_ENDINGS`):
  Қазақстанды, Қазақстанға, Кыргызстандын → the stem; :func:`workbench.diff.same_name` uses them.
* ``workbench/data/names.toml`` maps base forms that spelling cannot match to English forms:
  exonyms (Москва → Moscow) and acronyms (ОДКБ → CSTO, Collective Security Treaty Organization;
  СМИ → media). :func:`english_forms` gives the English words a text's names stand for.
* :func:`is_common_word` tells a capitalised sentence-initial Russian word that is an ordinary
  adjective, verb or conjunction («Вооруженные», «Однако») from a name.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from importlib import resources
from typing import Any

from workbench.diff.text import tokenize, words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Kazakh and Kyrgyz case endings (longest first), stripped off a name before comparing.
TURKIC_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        words(
            """дағы дегі тағы тегі ның нің дың дің тың тің дын дин дун дүн тын тин тун түн нын нин
            нун нүн дан ден тан тен нан нен дон дөн тон төн нон нөн мен бен пен менен ға ге қа ке
            га го гө ка ко кө да де та те до дө то тө ды ді ты ті ны ні ди ду дү ти ту тү ни ну нү"""
        ),
        key=len,
        reverse=True,
    )
)
#: pymorphy3 tags of names (a word with one of them may be a name).
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
#: Parts of speech that are never names on their own.
_COMMON_POS = frozenset(
    {"ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "ADVB", "CONJ", "PRCL", "PREP", "NPRO",
     "PRED", "GRND", "NUMR", "INTJ", "COMP"}
)  # fmt: skip
_TURKIC_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # noqa: PLC0415 - loaded on first use, not when the workbench is imported

    # its INFO lines ("Loading dictionaries from ...") are no news to a CLI user
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=1)
def _names_table() -> dict[str, tuple[str, ...]]:
    path = resources.files("workbench") / "data" / "names.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for section in ("exonyms", "acronyms"):
        for key, forms in data.get(section, {}).items():
            table[key.lower().replace("ё", "е")] = tuple(forms)
    return table


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@functools.lru_cache(maxsize=8192)
def russian_lemma(word: str) -> str:
    """The dictionary form of a Russian word (lower-case); other words come back lower-cased."""
    if not _cyrillic(word) or _TURKIC_LETTERS.search(word):
        return word.lower()
    return str(_analyzer().parse(word)[0].normal_form).replace("ё", "е")


def turkic_stems(word: str) -> set[str]:
    """``word`` lower-cased with each Kazakh/Kyrgyz case ending that fits stripped off (stems
    of at least four letters)."""
    return set(_turkic_stems(word.lower()))


@functools.lru_cache(maxsize=65536)
def _turkic_stems(low: str) -> frozenset[str]:
    """:func:`turkic_stems` of a lower-cased word, once per word (each caller gets its own set)."""
    return frozenset(
        low[: -len(e)] for e in TURKIC_ENDINGS if low.endswith(e) and len(low) - len(e) >= 4
    )


@functools.lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """True when a capitalised Russian word is an ordinary word, never a name on its own
    («Вооруженные», «Однако», «Сегодня»): every parse pymorphy3 knows is an adjective, verb,
    adverb, conjunction... and none carries a name tag."""
    if not _cyrillic(word) or _TURKIC_LETTERS.search(word):
        return False
    parses = _analyzer().parse(word)
    if not parses or not parses[0].is_known:
        return False
    if any(_NAME_TAGS & set(p.tag.grammemes) for p in parses):
        return False
    return parses[0].tag.POS in _COMMON_POS


@functools.lru_cache(maxsize=8192)
def may_be_name(word: str) -> bool:
    """True unless ``word`` is a Russian word the dictionary knows only as an ordinary word
    (a noun such as «Решение» opening a sentence is no name; «Венера», «Трамп» or an unknown
    word may be). Non-Russian words are always True."""
    if not _cyrillic(word) or _TURKIC_LETTERS.search(word):
        return True
    parses = _analyzer().parse(word)
    if not parses or not parses[0].is_known:
        return True
    return any(_NAME_TAGS & set(p.tag.grammemes) for p in parses)


def english_forms(text: str) -> list[str]:
    """English words that the exonyms and acronyms of ``text`` stand for (and, for English
    text, the acronyms and expansions of the forms it uses), for matching names."""
    return list(_english_forms(text))


@functools.lru_cache(maxsize=8192)
def _english_forms(text: str) -> tuple[str, ...]:
    """:func:`english_forms`, once per text (a statement is compared with every outlet)."""
    table = _names_table()
    out: list[str] = []
    tokens = tokenize(text)
    for tok in tokens:
        if not _cyrillic(tok.text):
            continue
        for key in {tok.lower.replace("ё", "е"), russian_lemma(tok.text), *turkic_stems(tok.text)}:
            for form in table.get(key, ()):
                out += form.split()
    lowered = f" {text.lower()} "
    for forms, patterns in _form_patterns():
        # a form absent from the text cannot match as a whole word: no regex for it
        if any(low in lowered and pattern.search(lowered) for low, pattern in patterns):
            out += [w for f in forms for w in f.split()]
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _form_patterns() -> tuple[tuple[tuple[str, ...], tuple[tuple[str, re.Pattern[str]], ...]], ...]:
    """Per entry of the names table (in its order), its forms and, per form, the form
    lower-cased and its whole-word pattern, compiled once rather than for every text."""
    return tuple(
        (
            forms,
            tuple((f.lower(), re.compile(rf"(?<!\w){re.escape(f.lower())}(?!\w)")) for f in forms),
        )
        for forms in _names_table().values()
    )


@functools.lru_cache(maxsize=8192)
def russian_pos(word: str) -> frozenset[str]:
    """The parts of speech pymorphy3 gives a Russian word (all its parses; empty for a word
    it does not know or a word of another language): «подтвердили» → {VERB}, «первый» →
    {ADJF}."""
    if not _cyrillic(word) or _TURKIC_LETTERS.search(word):
        return frozenset()
    parses = _analyzer().parse(word)
    if not parses or not parses[0].is_known:
        return frozenset()
    return frozenset(str(p.tag.POS) for p in parses if p.tag.POS and p.score >= 0.1)


_FUTURE_AUX = frozenset({"буду", "будешь", "будет", "будем", "будете", "будут"})


@functools.lru_cache(maxsize=4096)
def russian_future(text: str) -> bool:
    """True when a Russian text has a verb in the future tense («обеспечим», «будет»), read
    by pymorphy3's most likely parse of each word; False for text with no Russian words."""
    for tok in tokenize(text):
        if not _cyrillic(tok.text) or _TURKIC_LETTERS.search(tok.text):
            continue
        low = tok.lower.replace("ё", "е")
        if low in _FUTURE_AUX:
            return True
        tag = _analyzer().parse(low)[0].tag
        if tag.POS == "VERB" and "futr" in tag:
            return True
    return False


@functools.lru_cache(maxsize=8192)
def russian_first_person_plural(word: str) -> bool:
    """True when one of pymorphy3's likeliest parses of a Russian word is a first-person
    PLURAL future verb («обсудим», «будем»); «дам», «создам» (singular, though they end in -м
    like the plural) are not."""
    return any(
        p.tag.POS == "VERB" and "futr" in p.tag and "1per" in p.tag and "plur" in p.tag
        for p in _likeliest_parses(word)
    )


def _likeliest_parses(word: str) -> list[Any]:
    """pymorphy3's parses of a Russian word tied at the top score; none for an unknown word or
    a word of another language (Latin letters, kk/ky letters)."""
    if not _cyrillic(word) or _TURKIC_LETTERS.search(word):
        return []
    parses = _analyzer().parse(word.lower().replace("ё", "е"))
    if not parses or not parses[0].is_known:
        return []
    return [p for p in parses if p.score >= parses[0].score - 1e-9]


def russian_first_person_future(word: str, exclude: frozenset[str] = frozenset()) -> bool:
    """True when one of pymorphy3's likeliest parses of a Russian word (those tied at the top
    score: «исправим» is as likely a verb as a short adjective) is a verb in the first person of
    the future («исправим», «обеспечу», «будем»), its lemma not in ``exclude``, and none is a
    present (pymorphy3 reads «строим» both ways); False for a word of another language."""
    tied = _likeliest_parses(word)
    return not any(p.tag.POS == "VERB" and "pres" in p.tag for p in tied) and any(
        p.tag.POS == "VERB"
        and "futr" in p.tag
        and "1per" in p.tag
        and "indc" in p.tag
        and p.normal_form not in exclude
        for p in tied
    )
