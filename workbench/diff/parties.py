"""A party to a conflict that only the report names: the ``party`` detector (kind ``entity``).

Officials often leave the sides of a conflict unnamed on purpose: "the escalation of the
situation around Ukraine" names no aggressor, a ministry that condemns "the attack on the
terminal" names no attacker. A retelling that names one — "the growing Russian-Ukrainian
conflict", "the Ukrainian conflict", "Russia's aggression", "an attack by Ukraine" — puts in the
official's mouth what he avoided. Names are otherwise flagged only when swapped (a report adds
place names as a matter of course: "near Tuapse, Russia", "the Russian Baltic port"), so this
reads only a state named *as a side of a conflict*:

* a demonym or a possessive of a state before a word of conflict ("Russian-Ukrainian conflict",
  "the Ukrainian conflict", "Russia's war", "Ukrainian drone attacks"; at most one word between),
  or a word of conflict followed by "by" or "against" and the state ("aggression against
  Ukraine", "strikes by Russia"), in the report (its own words or a quotation alike);
* a state (:data:`STATES`: the region's states and the powers its statements speak of, by name,
  demonym, capital or seat, en/ru/kk/ky) that neither the statement line (translation and
  original) nor the other statement lines the report retells names,
* and, in :func:`workbench.diff.salience.finish`, nor any other line of the statement's
  document: a state the statement names elsewhere is the report's retelling of that part.

One flag per state and pair.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from workbench.diff.base import Claims, DiffContext, Finding
from workbench.types import Difference

#: State: (English forms: name, demonym, capital, seat of power; stems of its ru/kk/ky forms).
STATES: dict[str, tuple[str, str]] = {
    "Russia": ("Russia Russian Russians Moscow Kremlin", "росси ресей орус москв мәскеу кремл"),
    "Ukraine": ("Ukraine Ukrainian Ukrainians Kyiv Kiev", "украин киев киеу"),
    "China": ("China Chinese Beijing", "китай китая кита қытай кытай пекин бейжің"),
    "United States": ("America American Americans Washington USA", "сша америк ақш акш вашингтон"),
    "Kazakhstan": (
        "Kazakhstan Kazakh Kazakhstani Astana Akorda",
        "казахстан қазақстан казакстан астан казах қазақ казак ақорда акорда",
    ),
    "Kyrgyzstan": ("Kyrgyzstan Kyrgyz Bishkek", "кыргыз киргиз қырғыз бишкек"),
    "Uzbekistan": ("Uzbekistan Uzbek Tashkent", "узбек өзбек ташкент"),
    "Tajikistan": ("Tajikistan Tajik Dushanbe", "таджик тәжік тажик душанбе"),
    "Turkmenistan": ("Turkmenistan Turkmen Ashgabat", "туркмен түрікмен түркмөн ашхабад"),
    "Belarus": ("Belarus Belarusian Minsk", "беларус белорус минск"),
    "Turkey": ("Turkey Turkish Türkiye Ankara", "турци түркия анкар"),
    "Iran": ("Iran Iranian Tehran", "иран тегеран"),
    "Afghanistan": ("Afghanistan Afghan Kabul", "афган ауған кабул"),
    "Israel": ("Israel Israeli Jerusalem", "израил израиль изра"),
}
_BY_WORD = {w: state for state, (en, _) in STATES.items() for w in en.split()}
_STATE = "|".join(sorted(_BY_WORD, key=len, reverse=True))
_EN = re.compile(rf"(?<![\w.])(?:{_STATE})(?!\w)")
_STEMS = [(state, stem) for state, (_, cy) in STATES.items() for stem in cy.split()]
_CYRILLIC_WORD = re.compile(r"[^\W\d_]+")

#: A "strike" that is no blow: a verb of agreement ("China strikes a deal", "strikes the right
#: balance") or a stoppage of work ("Kazakh miners strike", "a Kyrgyz hunger strike";
#: review14 K4).
_NO_BLOW = (
    r"(?<!\bminers\s)(?<!\bworkers\s)(?<!\bemployees\s)(?<!\bteachers\s)(?<!\bdoctors\s)"
    r"(?<!\bdrivers\s)(?<!\bstudents\s)(?<!\bstaff\s)(?<!\bunion\s)(?<!\bhunger\s)"
    r"(?<!\bgeneral\s)(?<!\blabor\s)(?<!\blabour\s)"
)
_NOT_A_DEAL = (
    r"(?!\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+)?"
    r"(?:deals?|agreements?|accords?|bargains?|balance|compromise|chord|tone|note|pose|pact|"
    r"partnership|alliance)\b)"
)
#: Words of a conflict (English).
_CONFLICT = (
    r"conflict|conflicts|war|wars|warfare|aggression|invasion|offensive|attacks?|"
    rf"{_NO_BLOW}strikes?{_NOT_A_DEAL}|"
    r"shelling|bombardment|occupation|annexation|escalation|hostilities|incursion"
)
#: A state (demonym, name or possessive) named as a side of a conflict.
_SIDE = re.compile(
    rf"(?<![\w.])(?P<a>{_STATE})(?:['’]s)?(?:\s*[-–]\s*(?P<b>{_STATE}))?\s+(?:[\w-]+\s+)?"
    rf"(?:{_CONFLICT})(?!\w)|"
    rf"(?<!\w)(?:{_CONFLICT})\s+(?:by|against)\s+(?:the\s+)?(?P<c>{_STATE})(?!\w)"
)


def named_states(texts: Iterable[str]) -> set[str]:
    """The states ``texts`` name, in English (names, demonyms, seats; case kept: "us" is no
    state) or by the stems of their ru/kk/ky forms («России», «Ресейдің», «Мәскеу»)."""
    out: set[str] = set()
    for text in texts:
        out |= _states_in(text)
    return out


@functools.lru_cache(maxsize=16384)
def _states_in(text: str) -> frozenset[str]:
    """:func:`named_states` of one text, read once per text: a statement is compared with every
    outlet that retells it, a report line with every statement it is linked to (each Cyrillic
    word was tried against every stem on each call)."""
    out = {_BY_WORD[m.group()] for m in _EN.finditer(text)}
    for word in _CYRILLIC_WORD.findall(text.lower()):
        if not word.isascii():
            out |= {state for state, stem in _STEMS if word.startswith(stem)}
    return frozenset(out)


def state_of(d: Difference) -> str:
    """The state a ``party`` difference names ("" for another difference)."""
    return _BY_WORD.get(d.report, "") if d.category == "party" else ""


def detect_parties(ctx: DiffContext, claimed: Claims) -> Finding:
    """Each state the report names as a side of a conflict that the statement does not name."""
    if not _SIDE.search(ctx.report):
        return Finding()
    known = named_states([ctx.statement, ctx.source or "", *ctx.context])
    found: dict[str, Difference] = {}
    for m in _SIDE.finditer(ctx.report):
        for group in ("a", "b", "c"):
            word = m.group(group)
            state = _BY_WORD.get(word or "", "")
            if not state or state in known or state in found:
                continue
            found[state] = Difference(
                "entity",
                "",
                word,
                None,
                m.span(group),
                f"party: the report names {state} as a side of the conflict; the statement "
                "does not",
                category="party",
            )
    return Finding(tuple(found.values()))
