"""Acronyms: one notion for every faithfulness check that asks whether a word is one.

A word written as initials stands for words that each language spells in its own letters
(NHS for «Ұлттық денсаулық сақтау қызметі», США for "US"), so the checks treat it apart: the
name check does not try to match its letters across scripts, and the omission model counts the
English acronyms the source spells out (a faithful English is shorter than the language's length
ratio expects). Until session 8 the name check and the omission model each had their own
reading (a regular expression of two to six capitals, another for Cyrillic initials with a case
ending, and a share of capitals); :func:`is_acronym` is the one reading they now share.

The diff stage's acronym table (``workbench/data`` via ``workbench.diff.morph``: ОДКБ → CSTO)
is another thing: which words an acronym stands for, not whether a word is one.
"""

from __future__ import annotations

import functools
import re

#: Dotted initials: U.S., A.I., N.F.L.
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
#: Two capitals at the start, in either script: NHS, АҚШ, СПИДом, АКШнын, ТВдеги, OHA-дан.
_TWO_CAPITALS = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}")
#: A capital and a digit in one word: A1GP, G7, CG4684, COVID-19.
_WITH_DIGIT = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W_]*\d")


@functools.lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """True for a word written as initials: dotted initials (U.S.), a word that starts with two
    capitals (NHS, ROVs, АҚШ-тың, СПИДом: a case ending or a hyphenated tail may follow), a
    word with two or more capitals making at least half its letters (AfCFTA, PhD, MerPolCC), or
    a capital with a digit (A1GP, G7). Not: McCain, iPhone, Нью-Йорк, 39C. Memoised: the checks
    ask it of every English word of a pair, and words repeat."""
    if _DOTTED.fullmatch(word) or _TWO_CAPITALS.match(word) or _WITH_DIGIT.match(word):
        return True
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and 2 * upper >= len(letters)
