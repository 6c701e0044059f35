"""Hedges, attributions and negations: small markers that change how a claim stands.

* ``hedge``: "allegedly", "reportedly", "so-called", "what officials called", scare quotes.
* ``attribution``: who says it ("X said", "according to X", "the ministry stated").
* ``negation``: not / no / never / denied / without (ru не, нет, ни, никогда in source text).

Each marker is compared by class (hedges), by speaker (attributions) or by count (negations).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable

from workbench.diff import wordnet
from workbench.diff.base import (
    Claims,
    DiffContext,
    Finding,
    Mention,
    compare_mentions,
    context_of,
)
from workbench.diff.bilexicon import english_stem, load_bilexicon
from workbench.diff.entities import _SURNAME, NEWS_AGENCIES, named_in
from workbench.diff.lexicon import Lexicon, find_labels
from workbench.diff.paraphrase import counterparts
from workbench.diff.text import (
    STOPWORDS,
    AkinIndex,
    Span,
    Token,
    akin,
    akin_in,
    akin_index,
    is_content,
    is_cyrillic,
    per_text,
    sentences,
    tokenize,
    words,
)
from workbench.diff.translit import same_name
from workbench.diff.voice import quotations
from workbench.types import Difference

_F = re.IGNORECASE

#: "people whom the ministry called looters", "protesters, who police branded rioters",
#: "those he called “terrorists”": a relative clause that gives the name to its speaker, as
#: "what he called" does. Only naming verbs (not "considers"), a speaker of one to four words
#: that opens like a speaker (a determiner, a personal pronoun, a capital, "police",
#: "officials", ...: "the farmers, who grow tall grasses called reeds" is the relative's own
#: verb) and is no word of its own clause ("who then called for"), and a name after the verb:
#: lower-case, quoted or after "a"/"an" ("whom he called yesterday", "which called on",
#: "who Tokayev called Putin" — a phone call to a name — are no naming). "that" is left out:
#: it is as often the conjunction ("said that Tokayev called a snap election").
_NAMED_BY = (
    r"(?:whom|who|which|those)\s+"
    r"(?!(?:who|whom|which|that|is|are|was|were|has|have|had|will|would|also|then|and|but)\b)"
    r"(?:(?-i:[A-Z])[\w'’.-]*|the|an?|his|her|their|its|our|some|many|he|she|they|we|i|you|"
    r"police|officials|authorities|critics|prosecutors|investigators|media|residents)\s+"
    r"(?:[\w'’.-]+\s+){0,3}?"
    r"(?:calls?|called|described\s+as|describes\s+as|termed|terms|labell?ed|branded|dubbed|"
    r"refers?\s+to\s+as)"
    r"(?=\s+(?:[“\"«‘']|an?\s+[^\W\d_]|"
    r"(?!(?:for|on|upon|off|up|in|back|out|to|at|by|from|with|into|over|yesterday|today|tonight|"
    r"last|earlier|later|again|twice|once|him|her|them|me|us|it|you|and|but|or|after|before|"
    r"during|while|when|because|as|this|that|those|these|the|his|their|its|our)\b)"
    r"(?-i:[a-zа-яё])))"
)
#: "think it necessary", "believes it important": a requirement, not an opinion on a fact.
_NEEDFUL = (
    r"\s+it\s+(?:is\s+)?(?:necessary|important|essential|right|appropriate|advisable|needed|"
    r"expedient|possible|vital|crucial)\b"
)
#: Hedge markers by class; a hedge is matched by one of the same class on the other side.
HEDGES: dict[str, re.Pattern[str]] = {
    "allegation": re.compile(
        r"(?<!\w)(?:allegedly|alleged|purportedly|purported|supposedly|ostensibly|"
        r"якобы|мнимы\w*|имиш|болжолдуу)(?!\w)",
        _F,
    ),
    # Guilt held open: "detained on suspicion of looting", "suspected of", "the suspected
    # gunman", «по подозрению в», «подозреваемые», kk «күдікті», ky «шектүү», «шектелүүчү» —
    # where the other side names the act as done ("four looters were detained"). Not the bare
    # stem «шектел-»: in Kazakh «шектелді» is "was restricted", a word of every emergency decree. Its own class (one with
    # ``allegation``, see :func:`_same_role`): the faithfulness check licenses each English
    # class by source words of its own and has none listed for this one.
    "suspicion": re.compile(
        r"(?<!\w)(?:suspected|(?:on|under)\s+suspicion\s+of|по\s+подозрению|"
        r"подозрева\w+|күдікті\w*|күдікпен|күдіктел\w*|шектүү\w*|шектелүүчү\w*)(?!\w)",
        _F,
    ),
    "report": re.compile(
        r"(?<!\w)(?:reportedly|(?:is|are|was|were)\s+(?:said|believed|thought|reported)\s+to|"
        r"(?:is|are|was|were|been|being)\s+(?:also\s+|\w+ly\s+)?(?:reported|said|claimed|alleged)|"
        r"по\s+слухам|по\s+неподтвержд[её]нным\s+данным|по\s+предварительн\w+\s+\w+|"
        r"(?:according\s+to\s+)?preliminary\s+(?:data|information|figures|reports|estimates)|"
        r"according\s+to\s+(?:some\s+|unconfirmed\s+|media\s+|initial\s+)?reports|"
        r"алдын\s+ала\s+(?:мәлімет|дерек|маалымат)\w*|как\s+сообщается|"
        r"хабарланғандай|маалымдалгандай|кабарлангандай)(?!\w)",
        _F,
    ),
    "uncertain": re.compile(
        r"(?<!\w)(?:apparently|possibly|probably|perhaps|maybe|seemingly|unconfirmed|unverified|"
        r"(?:remains?|remained|is|was|it\s+is|it\s+was)\s+(?:still\s+)?unclear|disputed|"
        r"could\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)|"
        r"(?:may|might|could)\s+(?:have|be)|it\s+appears|likely|предположительно|возможно|вероятно|"
        r"по-видимому|видимо|по\s+всей\s+видимости|скорее\s+всего|скорей\s+всего|судя\s+по\s+всему|"
        r"не\s+исключено|мүмкін|мүмкүн|болжам\s+бойынша|ықтимал|шамасы|кыязы|ыктымал|"
        r"болса\s+керек|болсо\s+керек|наверное|наверно|пожалуй|бәлкім|балким|"
        r"окшойт)(?!\w)"
        # «может быть» set off by commas is "maybe" («откроют, может быть, весной»);
        # without them it is a modal verb ("can be"), which the English "can" renders.
        r"|(?:^|(?<=[,—–(])|(?<=[,—–(]\s))может\s+быть(?=\s*[,)—–])",
        _F,
    ),
    # The claim given as someone's belief or opinion: "I believe these steps will ease ...",
    # "he believes that the results are invalid", «считаю, что», ky «... деп ишенем», kk «деп
    # ойлаймын», «менің ойымша». A statement's "I believe" a retelling drops states the claim as
    # fact; a report's "believes" makes the statement's fact an opinion. Not a belief in
    # something ("believe in", «верю в»), a thought about it ("think of", «думаю о»), "is
    # believed to" (the ``report`` class), nor an official's "consider it necessary" («считаю
    # необходимым», kk «қажет деп санаймын», which gives no opinion but a requirement).
    "opinion": re.compile(
        r"(?<!\w)(?:"
        r"(?:I|we)\s+(?:(?:do|firmly|strongly|sincerely|truly|deeply|really|still|also)\s+)?"
        rf"(?:believe|think|reckon|suppose)(?!\s+(?:in|of|about|so)\b)(?!{_NEEDFUL})|"
        rf"(?:believes|thinks|reckons)(?!\s+(?:in|of|about)\b)(?!{_NEEDFUL})|"
        r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwidely\s)"
        r"believed(?=\s+that\b)|"
        r"in\s+(?:my|our|his|her|their)\s+(?:opinion|view)|"
        # a conviction is the speaker's opinion too: "I am convinced that", "we are confident
        # that", «я уверен, что», «(мы) убеждены, что», kk «сенімдімін» (not "confident in";
        # not «X уверена, что» nor ky «... ишенимдүүмүн деп айтат», someone else's certainty,
        # which an English "she is certain" retells: xling_bench NTREX ru/ky)
        r"(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+(?:\w+ly\s+)?(?:convinced|confident|sure|certain)"
        r"(?=\s+that\b|,)|"
        r"(?:(?<!\w)(?:я|мы)\s+(?:\w+о\s+)?|^)"
        r"(?:уверен|уверена|уверены|убежд[её]н|убеждена|убеждены)(?=,?\s+что\b)|"
        r"сенімдімін|сенімдіміз|"
        r"(?:считаю|считаем|считает|считают|полагаю|полагаем|полагает|думаю|думаем)"
        r"(?!\s+(?:о|об|обо|над|необходим\w*|нужн\w*|важн\w*|целесообразн\w*|правильн\w*|"
        r"возможн\w*|своим\w*|своей|своего)(?!\w))|"
        r"верю,?\s+что|по-моему|по\s+(?:моему|нашему|его|её|ее|их)\s+мнению|"
        r"на\s+(?:мой|наш)\s+взгляд|мне\s+кажется|"
        r"деп\s+(?:ойлаймын|ойлаймыз|ойлайды|сенемін|сенеміз|сенеді)|"
        r"(?<!қажет\s)(?<!керек\s)(?<!маңызды\s)(?<!орынды\s)(?<!тиіс\s)"
        r"деп\s+(?:санаймын|санаймыз|санайды|есептеймін|есептейміз|есептейді)|"
        r"менің\s+ойымша|ойымша|меніңше|пікірімше|оның\s+(?:ойынша|пікірінше)|"
        r"деп\s+(?:ойлойм|ойлойбуз|ойлобуз|ойлойт|ишенем|ишенебиз|ишенет)|"
        r"(?<!зарыл\s)(?<!керек\s)(?<!маанилүү\s)(?<!туура\s)(?<!тийиш\s)"
        r"деп\s+(?:эсептейм|эсептейбиз|эсептейт|санайм|санайбыз|санайт)|"
        r"менимче|оюмча|пикиримче|анын\s+(?:оюнча|пикиринче)"
        r")(?!\w)",
        _F,
    ),
    # A figure or claim later taken back: "before the Health Ministry disowned the numbers".
    "retracted": re.compile(
        r"(?<!\w)(?:retracted|disowned|walked\s+back|backtracked\s+on|"
        r"(?:withdrew|withdrawn|disavowed|deleted|removed|revised|corrected)\s+(?:the|its|their|"
        r"his|her|that|this|those|these)\s+(?:\w+\s+)?(?:figures?|numbers?|toll|data|statement|"
        r"claim|report|post|estimate)s?|опроверг\w*|отозвал\w*|дезавуировал\w*|"
        r"теріске\s+шығар\w*|төгүнгө\s+чыгар\w*)(?!\w)",
        _F,
    ),
    "distancing": re.compile(
        r"(?<!\w)(?:so-called|self-styled|self-described|"
        r"what\s+(?!(?:do|does|did)\b)(?:\w+\s+){1,4}?"
        r"(?:calls?|called|described\s+as|describes\s+as|termed|terms|labell?ed|branded|dubbed|"
        r"considers?|considered|regards?\s+as|regarded\s+as|deems?|deemed|refers?\s+to\s+as)|"
        rf"{_NAMED_BY}|"
        r"так\s+называем\w+|деп\s+аталатын|деп\s+аталган)(?!\w)",
        _F,
    ),
}
#: A short quotation: each opening mark with its own closing mark, and a closing mark that a
#: letter follows is an apostrophe («“You’re”» holds no quote “You’; pages that store
#: apostrophes as straight double quotes write «"You"re"»).
_INNER = r"[^\"“”«»‘’'\n]{2,40}?"
_QUOTE = re.compile(
    rf"“(?P<q1>{_INNER})”|«(?P<q2>{_INNER})»|‘(?P<q3>{_INNER})’(?!\w)"
    rf"|(?<!\w)\"(?P<q4>{_INNER})\"(?!\w)|(?<!\w)'(?P<q5>{_INNER})'(?!\w)"
)

#: Speech verbs that make an attribution ("X said", "said X").
_VERBS = (
    r"said|says|say|stated|states|claimed|claims|told|tells|announced|announces|announce|reported|"
    r"added|noted|insisted|asserted|declared|confirmed|explained|argued|warned|"
    r"wrote|tweeted|maintained|reiterated|stressed|emphasi[sz]ed|established|ruled|concluded|"
    r"suggested|described|insists|blamed|pointed\s+out|alleged(?!\s+(?!that\b)[a-z])|"
    r"accused|accuses"
)
#: A speech verb that casts what the speaker says as an accusation ("the border service accused
#: Tajik troops of ..."): retelling the authorities' own assertion with it moves the claim from
#: asserted to attributed. "claimed" and "insisted" are left alone ("The president claimed
#: that ..." retells the state's voice, as "said" does); "alleged" is the hedge detector's.
_DOUBT_VERB = re.compile(r"(?<!\w)(?:accused|accuses)(?!\w)", _F)
#: "claimed that ...", "..., he claimed.": the verb casts the statement's own assertion as a
#: claim, a certainty difference (kind ``certainty``) when the statement asserts it plainly and
#: voices no claim itself. ("Claimed responsibility", "claimed the lives", "claimed victory" are
#: no speech.)
_CLAIM_VERB = re.compile(r"(?<!\w)claim(?:ed|s|ing)(?=\s+that\b|\s*[.,;:!?]|\s*$)", _F)
#: The statement voices a claim or an accusation itself (ru, kk, ky): the report's verb then
#: retells it.
_DOUBT_SRC = re.compile(
    r"(?<!\w)(?:утвержда\w*|обвин\w*|настаива\w*|якобы|айыпта\w*|айыптады|ырастады|"
    r"claim\w*|accus\w*|alleg\w*|insist\w*)(?!\w)",
    _F,
)
#: A copula or a determiner before a speech verb: "deaths were reported" is a hedge, "the
#: alleged attackers" an adjective, and "elections will be called", "it must be stressed" a
#: passive with no speaker (read as "X called" it gave the claim to "parliamentary elections").
_NOT_SPEECH = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+)?|"
    r"(?:the|a|an|this|these|those|its|his|her|their|our|my|your|\d+|several|many|all|"
    r"of|for|in|on|between|among|with|from|against|about|member|neighbou?ring|sovereign)\s+)$",
    _F,
)
#: A speech verb that is far more often a plural noun ("interested states", "two states",
#: "the United States"): a verb only when what is said follows ("the ministry states that ...",
#: "the decree states: ...").
_NOUN_FORM = re.compile(r"states", _F)
_SPEECH_NEXT = re.compile(r"\s+that\b|\s*:", _F)
#: Speech verbs that are as often verbs of doing ("have long maintained close ties",
#: "established a commission", "concluded the visit"): speech only when what is said follows
#: (:data:`_SPEECH_NEXT`) or the verb closes the clause (", he maintained.").
_DOING_TOO = re.compile(r"maintained|established|concluded|ruled", _F)
_CLAUSE_CLOSES = re.compile(r"\s*(?:[,.;!?\"”’»]|$)")
#: A speaker that is the statement itself ("the release said", "a statement added", "the
#: press release noted"): the issuer's own voice, as "the ministry said" is.
_THE_DOCUMENT = words(
    "release statement communique communiqué message readout announcement press joint"
)
#: Participles ("..., saying ...") attribute to the clause's subject, which is not extracted.
_PARTICIPLES = r"saying|adding|claiming|insisting|noting|alleging|stating|telling\s+\w+"
_ATTR_EN = re.compile(
    r"(?<!\w)(?:(?P<acc>according\s+to|as\s+reported\s+by|citing)\s+(?P<who1>[^,.;:!?\n]{1,60}?)"
    rf"(?=[,.;:!?\n]|\s+(?:that|who|which|the|a)\b|$)|(?P<part>{_PARTICIPLES})(?!\w)|"
    rf"(?<!-)(?P<verb>{_VERBS}|called|calls)(?!\w)(?!\s+to\b)"
    r"(?!(?:(?<=declared)|(?<=announced))\s+(?:a|an|the|state|war|martial|emergency|victory|"
    r"mourning|quarantine)\b)"
    # "called on Japarov to withdraw", "calls for calm": an appeal retold, not a claim given to
    # a speaker (the appeal's own words are the retelling of «Призываю ...»)
    r"(?!(?:(?<=called)|(?<=calls))\s+(?:on|upon|for)\b))",
    _F,
)
_ATTR_SRC = re.compile(
    r"(?<!\w)(?:(?P<ru>заяви\w*|сообщи\w*|сообща\w*|отмети\w*|подчеркну\w*|утвержда\w*|"
    r"рассказал\w*|по\s+(?!предварит)(?:\w+\s+)?(?:словам|данным|информации)|"
    r"как\s+сообща\w*)|"
    r"деді|мәлімдеді|хабарлады|атап\s+өтті|мәліметінше|айтуынша|сөзінше|"
    r"деди|билдирди|маалымдады|белгиледи|маалыматы\s+боюнча|айтымында)(?!\w)",
    _F,
)
#: A Russian speech verb in the first person or the infinitive («хочу заявить», «подчеркну»,
#: «заявляю»): the statement's speaker says it himself, so it attributes nothing to another.
_FIRST_PERSON_RU = re.compile(
    r"заяв(?:ить|ляю|ляем|им)|сообщ(?:ить|аю|аем|у|им)|отмет(?:ить|им)|отмеч(?:у|аю|аем)|"
    r"подчеркн(?:уть|у|ём|ем)|подч[её]ркива(?:ю|ем)|утвержда(?:ть|ю|ем)",
    re.IGNORECASE,
)
#: Speakers that all stand for "the authorities".
OFFICIAL: tuple[str, ...] = tuple(
    sorted(
        words(
            """government official authorit security ministr premier spokes office police prosecut state akimat kremlin
    administr committee service agency court judge investigat bishkek astana moscow akorda
    nur-sultan tashkent president presidential bulletin decree data figures estimate statistic
    preliminary данны информаци scns gknb knb ukmk укмк ұқк fsb mvd mchs emercom правительств министр мвд власт официальн пресс-служб
    ведомств акимат прокуратур полици кнб үкімет министрлі билік полиция өкмөт министрлик
    бийлик милиция"""
        )
    )
)
_PRONOUNS = words(
    "he she they it we i you who which that this nobody no one someone somebody everyone everybody"
    " him her them us me он она они ол ал олар алар"
)
#: Words dropped from a speaker ("Tokayev has also said" → "Tokayev").
_NOT_SPEAKER = words("has have had also later then again once further first later will would")
#: Words after which the speaker of a speech verb starts ("what I said" → "I").
_BOUNDARY = words("that who which what whom where when if because and but as while что и как")

_NEGATION_EN = (
    r"not|no|never|none|nobody|nothing(?!\s+but\b)|neither|nor|without|cannot|hardly|barely|"
    r"scarcely|"
    r"unable\s+to|fail(?:s|ed)?\s+to|refus(?:e|es|ed)\s+to|deny|denies|denied|denying|\w+n['’]t"
)
#: Negation words per source language (Kazakh "не" means "what", so it is Russian only).
_NEGATION_WORDS: dict[str, str] = {
    "ru": r"не|нет|ни|никогда|никто|ничего|без",
    "kk": r"жоқ|емес",
    "ky": r"жок|эмес",
}
_NEGATION: dict[str, re.Pattern[str]] = {
    lang: re.compile(rf"(?<!\w)(?:{_NEGATION_EN}|{words_})(?!\w)", _F)
    for lang, words_ in _NEGATION_WORDS.items()
}


#: Words of refusal of a statement besides its negations (ru, kk, ky; English refrain, abstain,
#: oppose): the refusal detector's gate, and what a report's negation may retell (noise22).
REFUSED = re.compile(
    r"(?<!\w)(?:отказ\w*|откаж\w*|отверг\w*|отвергн\w*|отклон\w*|исключ\w*|непризнан\w*|"
    r"запрет\w*|запрещ\w*|"
    r"бас\s+тарт\w*|теріске\s+шығар\w*|қабылдамай\w*|тыйым\w*|"
    r"баш\s+тарт\w*|четке\s+ка[кг]\w*|тыюу\w*|тыю\s+салы\w*|"
    # opposing, abstaining, refraining are positions a "does not support" / "will not send"
    # retells faithfully (review14 K3)
    r"против|воздерж\w*|қарсы\w*|каршы\w*|oppos(?:e|es|ed|ing)|refrain\w*|abstain\w*|"
    r"stay(?:s|ed|ing)?\s+out\s+of)(?!\w)",
    _F,
)


@per_text
def hedge_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Hedge markers and scare quotes (short quoted phrases) of ``text``.

    A quote of one to three words without a figure that does not end like a sentence is a
    scare quote ("I stand
    corrected." is reported speech). Quotes count only in English text: kk/ky/ru put names of bands, parties and films in
    quotes («Янычар»), which is no hedge.
    """
    found = [(m.start(), m.end(), cls) for cls, rx in HEDGES.items() for m in rx.finditer(text)]
    for m in [] if is_cyrillic(text) else _QUOTE.finditer(text):
        quoted = next(q for q in m.groups() if q is not None)
        if (
            _scare(quoted)
            and not _attributed_quote(text, m.start(), m.end())
            and not _quoted_name(text, m.start(), m.end(), quoted)
        ):
            found.append((m.start(), m.end(), "distancing"))
    found = _merge_distancing(sorted(found), text)
    return [
        Mention(
            text[s:e],
            (s, e) if with_spans else None,
            role=cls,
            note=f"hedge:{cls}",
            category=cls,
            context=context_of(text, (s, e)) if with_spans else "",
        )
        for s, e, cls in found
    ]


def _scare(quoted: str) -> bool:
    """A scare quote: one to three words, no figure, not the end of a sentence (a longer quote
    or one with a figure is a quotation of the speaker, not a distancing)."""
    return (
        1 <= len(quoted.split()) <= 3
        and not re.search(r"\d", quoted)
        and not re.search(r"[.!?,]\s*$", quoted)
    )


#: Nouns that a quoted name stands beside: "the “Clean Kazakhstan” campaign", "the party
#: 'Amanat'", "Operation 'Sunrise'".
_NAMED_THING = re.compile(
    r"campaigns?|initiatives?|programm?es?|projects?|operations?|part(?:y|ies)|movements?|"
    r"plans?|strateg(?:y|ies)|doctrines?|concepts?|laws?|acts?|bills?|codes?|awards?|orders?|"
    r"festivals?|forums?|conferences?|summits?|exercises?|drills?|treat(?:y|ies)|accords?|"
    r"formats?|formula|brands?|companies|company|newspapers?|channels?|agenc(?:y|ies)|"
    r"centres?|centers?|foundations?|funds?|groups?|alliances?|platforms?|contests?|"
    r"competitions?|marathons?|races?|slogans?|motto",
    re.IGNORECASE,
)
_WORD = r"[^\W\d_][\w'’-]*"


def _quoted_name(text: str, start: int, end: int, quoted: str) -> bool:
    """A quoted name: every word of the quote capitalised and a noun for a named thing right
    before or after it (a parenthesis between is skipped): "the “Clean Kazakhstan”
    campaign", "the 'Taza Qazaqstan' (Clean Kazakhstan) campaign", "the party 'Amanat'".
    Names of campaigns, programmes, parties and operations are quoted in reporting as in the
    statements; no distancing ("the 'republics'", "'Border Scheme'" stay scare quotes)."""
    words = re.findall(_WORD, quoted)
    if not words or not all(w[0].isupper() for w in words):
        return False
    before = re.findall(_WORD, re.sub(r"\([^()]*\)", " ", text[max(0, start - 60) : start]))
    after = re.findall(_WORD, re.sub(r"\([^()]*\)", " ", text[end : end + 80]))
    return any(_NAMED_THING.fullmatch(w) for w in before[-1:] + after[:1])


#: "Calling the attack a “…”, he said": a participle naming or quoting for the sentence's speaker.
_NAMING_PARTICIPLE = re.compile(
    r"(?:^|[.;!?]\s+)(?:calling|describing|branding|labell?ing|dubbing|terming|quoting)\b"
    r"[^.;!?\"“«]{0,80}$",
    re.IGNORECASE,
)
#: "“…”, police said" / "“…,” the service pointed out": the quote is given to a speaker.
_SAID_AFTER = re.compile(
    r"^[”\"’»]*,\s*(?!(?:and|but|then|while|which|who)\b)(?:[\w.'’-]+\s+){1,5}?"
    r"(?:said|says|told|added|noted|stressed|insisted|pointed\s+out|wrote|declared|stated)\b",
    re.IGNORECASE,
)


def _attributed_quote(text: str, start: int, end: int) -> bool:
    """A short quotation given to a speaker by the sentence itself (a naming participle before
    it, or "…, X said" right after it) quotes the speaker's words; it is no scare quote."""
    return bool(_NAMING_PARTICIPLE.search(text[:start]) or _SAID_AFTER.match(text[end:]))


def _merge_distancing(found: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """One mark per distanced word: "what he called" + “terrorists” is one distancing."""
    out: list[tuple[int, int, str]] = []
    for s, e, cls in found:
        adjacent = out and cls == out[-1][2] == "distancing" and not text[out[-1][1] : s].strip()
        if adjacent or (out and s < out[-1][1] and cls == out[-1][2]):
            out[-1] = (out[-1][0], max(e, out[-1][1]), cls)
        else:
            out.append((s, e, cls))
    return out


#: How outlets hedge or distance when they retell an official, read by the diff only (the
#: faithfulness check's hedge classes, :data:`HEDGES`, are calibrated on their own, see
#: docs/faithfulness.md): "an apparent drone attack" (the attack hedged; not "it became
#: apparent", "no apparent reason"), and a self-description given back to its speaker,
#: "Kazakhstan has called itself a responsible participant", "the group describes itself as
#: ..." (the outlet does not vouch for it, as with "self-described").
_CAN_BE_CALLED = (
    r"can\s+(?:(?:rightly|safely|fairly|justly|truly|well|now|also)\s+)?be\s+"
    r"(?:called|termed|described\s+as|regarded\s+as|seen\s+as|characteri[sz]ed\s+as|"
    r"said\s+to\s+be)"
)
RETELLING_HEDGES: dict[str, re.Pattern[str]] = {
    "uncertain": re.compile(
        r"(?<!\w)(?:an?|the|this|what\s+(?:was|is|were|are|appeared\s+to\s+be)\s+an?)\s+"
        r"(?P<m>apparent|perceived)(?=\s+[a-z])"
        # a bare "may" / "might" before a verb: "the West may impose sanctions" for "sanctions
        # will be imposed" (not "May" the month or a wish, not "may not" (a ban), nor "may be" /
        # "may (just) have", which the hedge table reads or leaves); where the statement has a
        # modal of its own, :func:`_modal_rendered` reads it as that modal's rendering
        r"|(?<![\w’'])(?P<mm>(?-i:may|might))\s+"
        r"(?!(?:(?:just|also|still|well|even|\w+ly)\s+)?(?:be|have|not|well)\b)(?=[a-z]+\b)",
        _F,
    ),
    # A name given with a modal (keys22): "this can be called the largest" says that one may
    # call it so, not that it is. A class of its own: an outlet that states it as fact drops a
    # hedge, and one that says "perhaps it is" changes its grade (a weaker claim), a change
    # of one hedge for another (:func:`detect_hedges` pairs them) ("could be called" is the
    # table's "could be").
    "naming": re.compile(rf"(?<!\w)(?P<m>{_CAN_BE_CALLED})(?!\w)", _F),
    "distancing": re.compile(
        r"(?<!\w)(?P<m>(?:calls?|called|calling|describes?|described|describing|styles?|styled|"
        r"styling|bills?|billed|billing|dubs?|dubbed|dubbing|brands?|branded|branding|touts?|"
        r"touted|touting|proclaims?|proclaimed|proclaiming)\s+"
        r"(?:itself|himself|herself|themselves))(?!\w)",
        _F,
    ),
}


#: The same self-description in a kk/ky/ru statement, so that a faithful "styles itself" has its
#: counterpart: ru «называет себя», «позиционирует себя как», kk «өзін ... деп атаған /
#: жариялаған», ky «өзүн ... катары көрсөткөн / деп атаган».
SELF_DESCRIBED_CYRILLIC = re.compile(
    r"(?<!\w)(?:(?:называ\w*|назва\w*|имену\w*|позиционир\w*|провозгласи\w*|провозглаша\w*|"
    r"объяви\w*|объявля\w*)\s+себя|себя\s+(?:называ\w*|имену\w*)|"
    r"өз(?:ін|дерін|үн|үлөрүн|дөрүн)\s+(?:\S+\s+){0,8}?(?:деп\s+|катары\s+)"
    r"(?:атай\w*|атаған\w*|атады|атаган\w*|атайт|жариялаған\w*|жариялады|жарыялаган\w*|"
    r"санай\w*|көрсөткөн\w*|көрсөт\w*|таныстыр\w*))(?!\w)",
    _F,
)


#: The same name given with a modal in a kk/ky/ru statement (keys22): kk «... деуге болады»,
#: «деп айтуға / атауға болады», ky «... деп айтууга / атоого болот», «десе болот», ru «можно
#: сказать», «можно назвать», «можно считать» ("it can be called", "one may say"). Not "one
#: can say with confidence" («можно с уверенностью сказать», kk «сеніммен айтуға болады»:
#: no «деп» before it), which vouches for the claim.
CAN_BE_CALLED_CYRILLIC = re.compile(
    r"(?<!\w)(?:деуге\s+болады|деп\s+(?:айтуға|атауға|санауға|есептеуге)\s+болады|"
    r"деп\s+(?:айтууга|атоого|эсептөөгө|саноого)\s+болот|десе(?:к|ңиз)?\s+болот|"
    r"можно\s+(?:сказать|назвать|считать)(?!\s+с\s+уверенностью))(?!\w)",
    _F,
)


@per_text
def retelling_hedges(text: str) -> list[Mention]:
    """Hedge and distancing markers of :data:`RETELLING_HEDGES` in English ``text`` (in kk/ky/ru
    text, the self-descriptions of :data:`SELF_DESCRIBED_CYRILLIC` and the modal namings of
    :data:`CAN_BE_CALLED_CYRILLIC`): the diff reads them beside :func:`hedge_mentions`."""
    if is_cyrillic(text):
        return sorted(
            (
                Mention(
                    m.group(),
                    m.span(),
                    role=cls,
                    note=f"hedge:{cls}",
                    category=cls,
                    context=context_of(text, m.span()),
                )
                for cls, rx in (
                    ("distancing", SELF_DESCRIBED_CYRILLIC),
                    ("naming", CAN_BE_CALLED_CYRILLIC),
                )
                for m in rx.finditer(text)
            ),
            key=lambda m: m.span or (0, 0),
        )
    return [
        Mention(
            m.group(g),
            m.span(g),
            role=cls,
            note=f"hedge:{cls}",
            category=cls,
            context=context_of(text, m.span(g)),
        )
        for cls, rx in RETELLING_HEDGES.items()
        for m in rx.finditer(text)
        for g in ("m", "mm")
        if g in rx.groupindex and m.group(g) and not (g == "mm" and _noun_might(text, m.start(g)))
    ]


#: Words before "might" that make it the noun ("military might", "with all their might").
_MIGHT_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|my|your|all|full|military|economic|industrial|naval"
    r"|nuclear|financial|sheer|great|whose)|['’]s)\s+$",
    _F,
)
#: Words after "might" that make it the noun ("the might of", "might and main", "might is").
_MIGHT_NOUN_AFTER = re.compile(r"might\s+(?:of|and|or|is|was|has|had|that|which|in)\b", _F)


def _noun_might(text: str, start: int) -> bool:
    """The bare modal at ``start`` is the noun "might" ("Russia's military might is growing",
    "with all their might and"), no hedge (review15 K1)."""
    return text[start : start + 5].lower() == "might" and bool(
        _MIGHT_NOUN_BEFORE.search(text, 0, start) or _MIGHT_NOUN_AFTER.match(text, start)
    )


def detect_hedges(ctx: DiffContext, claimed: Claims) -> Finding:
    """Hedges on one side with no hedge of the same class on the other: a ``distancing``
    difference for distancing markers, a ``certainty`` difference for the others. Besides
    :func:`hedge_mentions`, both English sides are read for :func:`retelling_hedges`."""
    statement = _with_retelling(hedge_mentions(ctx.statement), ctx.statement)
    report = _with_retelling(hedge_mentions(ctx.report), ctx.report)
    source = (
        [
            *hedge_mentions(ctx.source, with_spans=False),
            *(dataclasses.replace(m, span=None) for m in retelling_hedges(ctx.source)),
        ]
        if ctx.source
        else []
    )
    found = [
        compare_mentions(
            kind,
            [m for m in statement if keep(m)],
            [m for m in report if keep(m)],
            _same_role,
            source=[m for m in source if keep(m)],
        )
        for kind, keep in (
            ("distancing", lambda m: m.role == "distancing"),
            ("certainty", lambda m: m.role != "distancing"),
        )
    ]
    certainty = _rendered_by_modal(
        tuple(
            d
            for d in found[1].differences
            if not _others_opinion_dropped(d) and not _modal_rendered(d, ctx)
        ),
        ctx,
        report,
    )
    distancing = _speakers_own_words(_quoted_in_original(found[0].differences, ctx, statement), ctx)
    return Finding(
        distancing + certainty + _hedge_only_quoted(ctx, statement, report),
        Claims(
            found[0].claims.statement + found[1].claims.statement,
            found[0].claims.report + found[1].claims.report,
        ),
    )


def _with_retelling(found: list[Mention], text: str) -> list[Mention]:
    """``found`` and the :func:`retelling_hedges` of ``text`` that overlap none of them."""
    spans = [m.span for m in found if m.span]
    extra = [
        m
        for m in retelling_hedges(text)
        if m.span and not any(a < m.span[1] and m.span[0] < b for a, b in spans)
    ]
    return sorted([*found, *extra], key=lambda m: m.span or (0, 0)) if extra else found


#: An opinion the statement gives to someone else ("he believes", «считает», «по его мнению»,
#: kk «деп санайды», ky «деп эсептейт»): the statement attributes the claim, and a retelling that
#: says "he said" or "argued" keeps it attributed (faithful translations do so: NTREX «считает
#: Адамс» → "he said"). Only the speaker's own "I believe" dropped states his claim as fact.
_OTHERS_OPINION = re.compile(
    r"believes|thinks|reckons|believed|in\s+(?:his|her|their)\s+(?:opinion|view)|"
    r"считает|считают|полагает|по\s+(?:его|её|ее|их)\s+мнению|"
    r"деп\s+(?:ойлайды|сенеді|санайды|есептейді)|оның\s+\w+|"
    r"деп\s+(?:ойлойт|ишенет|эсептейт|санайт)|анын\s+\w+",
    _F,
)


def _others_opinion_dropped(d: Difference) -> bool:
    """A statement's opinion of someone else (:data:`_OTHERS_OPINION`) the report leaves out."""
    return (
        d.category == "opinion"
        and d.report_span is None
        and bool(_OTHERS_OPINION.fullmatch(d.statement))
    )


#: Modal verbs of ability or possibility of the original: «может», «можно», «сможем»; kk/ky "-а
#: ал-" (шеше алатын "can solve"), "-уға болады". What an English "can", "could", "may" renders
#: before it may keep a hedge («возможно, может открыть» → "could possibly open"; «шеше алатын
#: сияқты» → "it seems we can solve"). One home for the diff stage and the faithfulness check.
SOURCE_ABILITY: dict[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"(?<!\w)(?:мо(?:жет|гут|жем|жешь|жете|гу|г|гла|гло|гли)|можно|смо\w+)(?!\w)", _F
    ),
    "kk": re.compile(
        r"(?<!\w)(?:\w+(?:а|е|й)\s+ал(?:а(?:ды|мын|мыз|сыз|сың|тын|ды)|ма\w*|ған\w*|атын\w*|"
        r"ар\w*|са\w*|ды\w*)|\w+(?:уға|уге)\s+(?:болады|болар(?:\s+еді)?))(?!\w)",
        _F,
    ),
    "ky": re.compile(
        r"(?<!\w)(?:\w+(?:а|е|й)\s+ал(?:а(?:т|м|бы|сы)\w*|ба\w*|ган\w*|ар\w*|са\w*|ды\w*|"
        r"ат\w*)|\w+(?:уу|үү)га\s+(?:болот|болмок|болор(?:\s+эле)?))(?!\w)",
        _F,
    ),
}
#: A bare English modal word: how a translation or a retelling renders a kk/ky/ru modal hedge
#: (kk «келуі мүмкін» "may come", ky «болушу мүмкүн» "could be", «может быть, весной» "we can
#: ... in spring") or a modal verb of ability (:data:`SOURCE_ABILITY`: «сможем» "will be able
#: to", «можно» "it is possible to"). One list for the diff stage and the faithfulness check.
EN_MODAL = re.compile(r"(?<!\w)(?:can|could|cannot|able|may|might|possible)(?!\w)", _F)


def _rendered_by_modal(
    diffs: tuple[Difference, ...], ctx: DiffContext, report: list[Mention]
) -> tuple[Difference, ...]:
    """Certainty differences less those a modal verb explains, one modal for each. For an
    original read without a translation (its hedge words are kk/ky/ru):

    * the original's uncertain hedge, or the speaker's own opinion («деп ойлаймын» "I
      think"), that the report renders by a bare modal verb of its own ("may", "can", "could"
      outside every report hedge): «мүмкін» → "may" keeps the hedge, and "I think a year is
      needed" → "a year could be needed" holds the claim open as the speaker did;
    * the report's modal hedge ("could be", "may have") where the original has a modal verb
      of ability or possibility (:data:`SOURCE_ABILITY`: «может», «можно», kk/ky "-а ал-"):
      «может оказаться» → "could be" adds no hedge.

    For an English statement only the speaker's own opinion rendered by a bare modal, and
    only by a modal beyond those the statement has ("I think a year is needed" → "the
    discussion could last a year")."""
    english = not is_cyrillic(ctx.statement)
    if english and not any(d.category == "opinion" and d.report_span is None for d in diffs):
        return diffs
    taken = [m.span for m in report if m.span]
    spare = sum(
        1 for m in EN_MODAL.finditer(ctx.report)
        if not any(a <= m.start() < b for a, b in taken)
    )  # fmt: skip
    if english:
        spare -= len(EN_MODAL.findall(ctx.statement))
    ability = SOURCE_ABILITY.get(ctx.src or "ru", SOURCE_ABILITY["ru"])
    abilities = 0 if english else len(ability.findall(ctx.statement))
    out = []
    for d in diffs:
        uncertain = (
            not english and d.category == "uncertain" and not (d.statement_span and d.report_span)
        )
        held_open = uncertain or (d.category == "opinion" and d.report_span is None)
        if held_open and d.statement_span and spare:
            spare -= 1
            continue
        if uncertain and d.report_span and abilities and EN_MODAL.match(d.report):
            abilities -= 1
            continue
        out.append(d)
    return tuple(out)


def _quoted_in_original(
    diffs: tuple[Difference, ...], ctx: DiffContext, statement: list[Mention]
) -> tuple[Difference, ...]:
    """The distancing differences less the report's scare quotes that render a short quotation
    of the kk/ky/ru original: the official put the words in quotation marks himself
    («қайталама санкциялары» → “repeated sanctions”, "говорящих голов" → “talking heads”), so
    the outlet keeps his marks, it distances nothing. :func:`hedge_mentions` reads no quotes
    in kk/ky/ru text (they mark names there too), so the original's marks are read here, for
    the diff only: a quote of one to three words (:func:`_scare`) one of whose words the
    report's quoted content word renders (the word lexicon,
    :func:`workbench.diff.paraphrase.counterparts`). Each of the original's quotes answers one
    report quote, and those the English statement keeps as scare quotes of its own answer
    none (the translation's quote already stands for it)."""
    quotes = [
        q
        for text in dict.fromkeys((ctx.statement, ctx.source or ""))  # no-tr: one text twice
        if text and is_cyrillic(text)
        for m in _QUOTE.finditer(text)
        if _scare(q := next(g for g in m.groups() if g is not None))
    ]
    kept = sum(1 for m in statement if m.role == "distancing" and m.text[:1] in _OPENING_MARKS)
    spare = quotes[kept:] if not is_cyrillic(ctx.statement) else quotes
    out = []
    for d in diffs:
        if spare and d.statement_span is None and d.report[:1] in _OPENING_MARKS:
            words = [t.text for t in tokenize(d.report) if is_content(t)]
            match = next(
                (
                    q
                    for q in spare
                    if any(counterparts((), q, ctx.src or "ru").has(w) for w in words)
                ),
                None,
            )
            if match is not None:
                spare.remove(match)
                continue
        out.append(d)
    return tuple(out)


def _speakers_own_words(diffs: tuple[Difference, ...], ctx: DiffContext) -> tuple[Difference, ...]:
    """The distancing differences less the report's bare quotes of a phrase the statement
    says (:func:`quotes_the_speaker`): an outlet that quotes the speaker's phrase gives him his
    words, which is attribution, not distancing."""
    if not any(d.statement_span is None and d.report[:1] in _OPENING_MARKS for d in diffs):
        return diffs
    return tuple(
        d
        for d in diffs
        if not quotes_the_speaker(d, ctx.report, ctx.statement, ctx.source, ctx.src, ctx.lexicon)
    )


def quotes_the_speaker(
    d: Difference,
    report: str,
    statement: str,
    source: str | None,
    src: str | None,
    lexicon: Lexicon | None,
    *,
    strict: bool = False,
) -> bool:
    """``d`` is a report's bare quote (a ``distancing`` difference that starts with the
    quotation mark and has no statement side) of a phrase ``statement`` (or its kk/ky/ru
    ``source``) says: “lasting peace” where the statement asks for a lasting peace. The quote
    holds two content words or more; its last (the head) has a counterpart in the statement
    (:func:`workbench.diff.paraphrase.counterparts`), and so does every other, or it stands
    where the statement puts a word before the head that nothing else of the ``report``
    renders (:func:`_room_before`): an outlet's English of the
    speaker's phrase (“root causes” for "the original causes", «первоначальные причины»; the
    word lexicon knows one usual rendering of a word). A single quoted word stays a scare quote
    (the outlet marks one word of the speaker's as not its own: the “flood”), and so do a quote
    that adds a word the statement has no place for (“repeated sanctions” where it speaks of
    sanctions, or "heavy" before the fines the report's "impose" already renders), a quote that holds a label of the framing lexicon (“terrorists”: the outlet
    puts the speaker's label at a distance) and one a distancing word marks ("what he called
    “…”", "so-called": those differences do not start with the quotation mark). ``strict``,
    for a line the report is not known to retell: a word counts only as itself or a usual
    rendering (:meth:`Counterparts.says`), no synonym (“lots of questions” is no quote of
    lines on proposals and "a mass of crimes")."""
    if d.kind != "distancing" or d.statement_span is not None or d.report[:1] not in _OPENING_MARKS:
        return False
    words = [t.text for t in tokenize(d.report) if is_content(t)]
    if len(words) < 2 or (lexicon and find_labels(d.report, lexicon)):
        return False
    cyrillic = is_cyrillic(statement)
    texts = [t for t in dict.fromkeys((statement, source or "")) if t]
    said = counterparts(
        () if cyrillic else (statement,), statement if cyrillic else source, src or "ru", lexicon
    )
    if any(_phrase_in(words, t, src) for t in texts):
        return True
    has = said.says if strict else said.has
    unsaid = sum(1 for w in words[:-1] if not has(w))
    if not has(words[-1]):
        return False
    if d.report_span:  # the rest of the report: the quote's own words render the room
        report = report[: d.report_span[0]] + " " + report[d.report_span[1] :]
    return not unsaid or any(_room_before(words[-1], unsaid, t, src, report) for t in texts)


def _renders(word: str, token: str, src: str | None) -> bool:
    """The English ``word`` renders ``token``: the same word up to inflection, or (a kk/ky/ru
    token) a translation the word lexicon gives it at any probability."""
    if is_cyrillic(token):
        return english_stem(word) in load_bilexicon().translations(src or "ru", token)
    return akin(word, token)


def _phrase_in(words: list[str], text: str, src: str | None) -> bool:
    """The quote's content ``words`` render, in order, content words that follow each other in
    ``text`` («долгосрочному миру» for “long-term peace”, though the lexicon gives «мир» as
    "peace" only at 0.02): the phrase itself, which no single-word look-up needs to vouch
    for."""
    tokens = [t.text for t in tokenize(text) if is_content(t)]
    n = len(words)
    return any(
        all(_renders(w, tok, src) for w, tok in zip(words, tokens[i : i + n], strict=True))
        for i in range(len(tokens) - n + 1)
    )


def _room_before(head: str, n: int, text: str, src: str | None, report: str) -> bool:
    """``text`` puts ``n`` content words right before a word that renders ``head`` (English:
    the same word up to inflection; kk/ky/ru: a word the word lexicon translates so, at any
    probability), none of which a word of ``report`` renders: the place a quote's other words
    render ("the original causes" for “root causes”; not "impose fines" for “heavy fines” in
    a report that says "impose")."""
    tokens = tokenize(text)
    said = [t.text for t in tokenize(report)]

    def answered(token: str) -> bool:
        return any(_renders(w, token, src) for w in said)

    hits = [i for i, t in enumerate(tokens) if _renders(head, t.text, src)]
    return any(
        i >= n and all(is_content(t) and not answered(t.text) for t in tokens[i - n : i])
        for i in hits
    )


#: Opening quotation marks of a report's scare quote.
_OPENING_MARKS = frozenset("“«‘\"'")

#: The report's bare modal read as a retelling hedge (:data:`RETELLING_HEDGES`).
_BARE_MODAL = frozenset({"may", "might"})


def _modal_rendered(d: Difference, ctx: DiffContext) -> bool:
    """The report's bare "may" / "might" (a retelling hedge) where the statement has a modal
    word of its own: an English "can", "could", "may", "possible" (:data:`EN_MODAL`) in its
    translation, or a modal verb of ability in its original (:data:`SOURCE_ABILITY`:
    «может», kk/ky "-а ал-"). The report then renders that modal, it adds no hedge."""
    if d.statement_span is not None or d.report.lower() not in _BARE_MODAL:
        return False
    ability = SOURCE_ABILITY.get(ctx.src or "ru", SOURCE_ABILITY["ru"])
    return any(
        (ability.search(text) if is_cyrillic(text) else EN_MODAL.search(text))
        for text in (ctx.statement, ctx.source or "")
        if text
    )


def _hedge_only_quoted(
    ctx: DiffContext, statement: list[Mention], report: list[Mention]
) -> tuple[Difference, ...]:
    """The statement hedges a claim; the report keeps the hedge only inside a quotation while
    its own words retell the claim as fact (the lede drops what the quotation keeps)."""
    s_quotes = [(q.start, q.end) for q in quotations(ctx.statement)]
    hedges = [
        m
        for m in statement
        if m.role in ("report", "uncertain", "naming")
        and m.span
        and not any(a <= m.span[0] < b for a, b in s_quotes)  # the statement's own words
    ]
    quotes = [(q.start, q.end) for q in quotations(ctx.report) if q.depth == 0]
    if not hedges or not quotes:
        return ()
    certain = [m for m in report if m.role != "distancing" and m.span]
    own = [m for m in certain if not any(a <= m.span[0] < b for a, b in quotes)]  # type: ignore[index]
    quoted = [m for m in certain if m not in own]
    outside = ctx.report
    for a, b in sorted(quotes, reverse=True):
        outside = outside[:a] + outside[b:]
    if own or not quoted or len(outside.split()) < 8:
        return ()
    h = hedges[0]
    return (
        Difference("certainty", h.text, "", h.span, None,
                   "kept only inside the quotation; the outlet's own words state it as fact"),
    )  # fmt: skip


#: Hedge classes that answer each other: a claim held open as an allegation or a suspicion.
_ONE_HEDGE = {"suspicion": "allegation"}


def _same_role(a: Mention, b: Mention) -> bool:
    return _ONE_HEDGE.get(a.role, a.role) == _ONE_HEDGE.get(b.role, b.role)


@per_text
def attribution_mentions(text: str, *, with_spans: bool = True) -> list[Mention]:
    """Attributions of ``text``: the speech marker and the speaker (before or after it).

    English, and Russian/Kazakh/Kyrgyz markers in Cyrillic text (a statement with no
    translation, or the source); the speaker of a Kazakh or Kyrgyz marker is not extracted
    (the verb ends a clause the speaker opens), so it matches any speaker.
    """
    out = []
    cyrillic = is_cyrillic(text)
    for m in (_ATTR_SRC if cyrillic else _ATTR_EN).finditer(text):
        if not cyrillic and m.group("verb") and _not_speech_before(text, m.start()):
            continue  # "deaths were reported" is a hedge; "the alleged attackers" an adjective
        if not cyrillic and m.group("verb") and _INFINITIVE_BEFORE.search(text, 0, m.start()):
            continue  # "it is no exaggeration to say", "declined to say": nobody says it
        if (
            not cyrillic
            and _NOUN_FORM.fullmatch(m.group())
            and not _SPEECH_NEXT.match(text, m.end())
        ):
            continue  # "all interested states", "two states for two peoples": a noun
        if (
            not cyrillic
            and _DOING_TOO.fullmatch(m.group())
            and not _SPEECH_NEXT.match(text, m.end())
            and not _CLAUSE_CLOSES.match(text, m.end())
        ):
            continue  # "the two towns have long maintained close ties": no speech
        if (
            not cyrillic
            and m.group("verb")
            and m.group("verb").lower() == "announce"
            and not _TO_SAY.match(_CLAUSE_END.split(text[: m.start()])[-1])
        ):
            continue  # "should ... announce a Central Asian Schengen": to proclaim, not speech
        if (
            not cyrillic
            and (m.group("verb") or "") in ("called", "calls")  # not a Title-Case "Called"
            and _NAMED_AFTER.match(text, m.end())
        ):
            continue  # "the country called Kyrgyzstan was", "Tokayev called Putin": no claim
        if cyrillic and m.group("ru") and _FIRST_PERSON_RU.fullmatch(m.group("ru")):
            continue  # «Хочу заявить», «подчеркну»: the speaker's own voice, no attribution
        if not cyrillic and m.group("acc"):
            who, start, end = m.group("who1"), m.start(), m.end()
            whole = who
        elif cyrillic and not m.group("ru"):
            # kk/ky: the speaker opens or closes the clause; its names stand for the speaker
            who, start, end = " ".join(_sentence_names(text, m.start())), m.start(), m.end()
            whole = who
        elif not cyrillic and m.group("part"):
            who = whole = ""
            start, end = m.start(), m.end()
        else:
            who, whole, start, end = _speaker(text, m.start(), m.end())
        out.append(
            Mention(text[start:end], (start, end) if with_spans else None, role="attribution",
                    note=f"attributed to {_clean(whole) or _clean(who) or 'someone'}",
                    value=_speaker_key(whole),
                    context=context_of(text, (start, end)) if with_spans else "",
                    speaker=_clean(whole))
        )  # fmt: skip
    return out


#: A name and nothing said of it after "called" ("where the country called Kyrgyzstan was",
#: "Tokayev called Putin on Monday"): a name given or a telephone call, no claim given to a
#: speaker ("called Western sanctions illegal", "called the canal a disaster" are). Case-sensitive.
_NAMED_AFTER = re.compile(
    r"\s+(?:[A-ZА-ЯЁ][\w'’-]*\s*)+(?=[,.;:!?)\"”»]|$|(?:was|is|were|are|has|had|on|in|at|to|and|"
    r"or|last|this|yesterday|today)\b)"
)


#: "to" right before a speech verb in an impersonal or refusing frame ("it is no exaggeration to
#: say", "needless to say", "safe to say", "declined to say") gives the claim to no speaker. Not
#: any "to": "X went on to say", "X took to Facebook to say", "X used the briefing to announce"
#: still give the claim to X (review15 K4).
_INFINITIVE_BEFORE = re.compile(
    r"(?<!\w)(?:exaggeration|needless|safe|fair|suffice\s+it|hard|difficult|easy|early|premature"
    r"|declined|declines|declining|refused|refuses|refusing|expected|due)(?:\s+\w+)?\s+to\s+$",
    _F,
)
#: A speaker in the first person: the statement's own voice ("I will say", "I said: ...", "any
#: exaggeration I can say"), as the Russian «хочу заявить» is (:data:`_FIRST_PERSON_RU`).
_FIRST_PERSON = frozenset({"i", "we"})


#: Auxiliaries and modals between a speaker and the speech verb ("I can say", "we have said").
_AUXILIARY = words("can could will would shall should must may might have has had do did also just")


def _first_person(m: Mention) -> bool:
    """The attribution's speaker ends in "I" or "we" (auxiliaries and modals dropped)."""
    words = [re.sub(r"['’](?:ve|d|ll|m)$", "", w.lower()) for w in m.speaker.split()]
    while words and words[-1] in _AUXILIARY:
        words.pop()
    return bool(words) and words[-1] in _FIRST_PERSON


def _not_speech_before(text: str, at: int) -> bool:
    """:data:`_NOT_SPEECH` ends at ``at``: a copula or a determiner just before a speech verb.

    A match is a word, blanks and at most one more word and blanks, so only the text from two
    words back is searched (``\\b`` still sees the character before it): searching everything
    before every verb made a long line of speech verbs quadratic."""
    start = at
    for run in (str.isspace, _is_word_char, str.isspace, _is_word_char):
        while start > 0 and run(text[start - 1]):
            start -= 1
    return _NOT_SPEECH.search(text, max(0, start - 8), at) is not None


def _is_word_char(c: str) -> bool:
    """A character of ``\\w`` (a letter, digit or underscore)."""
    return c.isalnum() or c == "_"


def _sentence_names(text: str, at: int) -> list[str]:
    """Capitalised words of the sentence around offset ``at``."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
    return [
        t.text for t in tokenize(text[start : min(ends, default=len(text))]) if t.text[0].isupper()
    ]


#: What ends a speaker's clause (before or after its speech verb).
_CLAUSE_END = re.compile(r"[,.;:!?\"“”«»()\n]")


def _speaker(text: str, start: int, end: int) -> tuple[str, str, int, int]:
    """The speaker of a speech verb: the words before it in its clause ("the ministry said"),
    or after it when the verb opens the clause ("..., said the minister"); second, the whole
    speaker, not cut to its last four words as the mention is ("the Ministry of Foreign Affairs
    of the Kyrgyz Republic").

    An adverbial clause before the verb ("Centerra, for its part, said") and a preposition
    right after it ("The Chairman of the Committee, Kamchybek Tashiev, announced at a joint
    meeting") leave the speaker to the clause before the comma; a speaker after the verb ends
    before a participle ("..., said Tokayev emphasizing the ...")."""
    at = start
    clause = _CLAUSE_END.split(text[:at])[-1]
    if not clause.strip() and (comma := text.rfind(",", 0, at)) >= 0:
        aside = _CLAUSE_END.split(text[:comma])[-1]  # "Centerra, for its part, said"
        if not text[comma + 1 : at].strip() and _ADVERBIAL.match(aside) and len(aside.split()) <= 4:
            at = _comma_before(text, comma)
            clause = _CLAUSE_END.split(text[:at])[-1] if at != comma else ""
    if _ADVERBIAL.match(clause) or (not clause.strip() and _PREPOSITION_NEXT.match(text, end)):
        own = clause
        at = _comma_before(text, at)
        clause = _CLAUSE_END.split(text[:at])[-1]
        if _HAS_VERB.search(clause):
            at, clause = start, ""
        elif own.strip() and _NO_SPEAKER.fullmatch(clause):
            at, clause = start, own  # "On Tuesday, in Bishkek the minister said": not "On Tuesday"
    if clause.strip():
        to = _TO_SAY.match(clause)
        if to and to.group(1).strip():
            clause = to.group(1)  # "Japarov took to Facebook to say": Japarov
            at = at - len(_CLAUSE_END.split(text[:at])[-1]) + len(clause)
        words = _clause_speaker(clause, last=4)
        if not words:
            return "", "", start, end
        who = " ".join(w.group() for w in words)
        whole = " ".join(w.group() for w in _clause_speaker(clause))
        relative = _RELATIVE.search(clause, 0, words[0].start())
        if relative and not _boundary(relative.group(1)):
            whole = f"{relative.group(1)} {relative.group(2)} {whole}"  # "foreigners who came ..."
        return who, whole, at - len(clause) + words[0].start(), end
    after = _CLAUSE_END.split(text[end:])[0]
    if re.match(r"\s*(?:that|whether|how|why|what|if|there|it|this|the|a|an)\b", after, _F):
        return "", "", start, end  # "..., said that ...": what follows is the claim
    if _HAS_VERB.search(after):
        return "", "", start, end  # "..., said X were ...": a clause with its verb is the claim
    tail = after.split()
    names = list(itertools.takewhile(lambda w: not _NOT_AFTER_SPEAKER.fullmatch(w), tail))
    who = " ".join(names[:4])
    return who, who, start, end + (text[end:].find(who) + len(who) if who else 0)


#: "X went on to say", "X took to Facebook to say", "X used the briefing to announce": the
#: speaker is the subject before the verb of motion or use, not the clause up to "to" (review15
#: K4).
_TO_SAY = re.compile(
    r"(.*?)\b(?:went|goes|go|took|takes|take|used|uses|use|continued|continues|turned|"
    r"hastened|rushed|moved|rose)\b.*\bto\s*$",
    _F | re.DOTALL,
)
#: The noun a relative clause that holds the speech verb's subject hangs on ("foreigners who
#: came to visit us said"): the speaker is the noun, not the relative clause.
_RELATIVE = re.compile(r"([^\W\d_][\w'’-]*)\s+(who|whom)\s+$", _F)
_HAS_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|must|did)\b", _F
)
#: Words that end a speaker read after its verb: a participle ("said Tokayev emphasizing the
#: cultural ...") or a preposition ("announced at a joint meeting": no speaker follows).
_NOT_AFTER_SPEAKER = re.compile(
    r"\w+ing|at|in|on|to|for|with|by|from|during|after|before|under|within|about|over|via", _F
)
_PREPOSITION_NEXT = re.compile(r"\s+(?:at|in|on|during|before|after|to)\s", _F)
#: A clause before a speech verb that is an adverbial, not a speaker ("Centerra, for its part,
#: said").
_ADVERBIAL = re.compile(r"\s*(?:for|at|in|on|during|after|before|under|within|with)\s", _F)
#: A clause before the comma that is itself no speaker: another prepositional phrase or a
#: sentence adverb ("On Tuesday, in Bishkek the minister said", "Meanwhile, at the briefing the
#: minister said": the speaker is in the clause the verb ends, review16 N2).
_NO_SPEAKER = re.compile(
    r"\s*(?:(?:for|at|in|on|during|after|before|under|within|with|by|since|until|from|over)\s.*"
    r"|(?:meanwhile|however|earlier|later|also|separately|additionally|moreover|furthermore|"
    r"yesterday|today|then|now|finally|first|firstly|previously|subsequently|likewise|similarly|"
    r"instead|still|thus|therefore|nevertheless|again)\s*)",
    _F | re.DOTALL,
)


def _comma_before(text: str, at: int) -> int:
    """The comma that ends the clause before offset ``at`` (``at`` itself when that clause ends
    otherwise)."""
    cut = max(text.rfind(c, 0, at) for c in ',;:.!?\n"“”«»()')
    return cut if cut >= 0 and text[cut] == "," else at


_NON_SPACE = re.compile(r"\S+")


def _clause_speaker(clause: str, last: int | None = None) -> list[re.Match[str]]:
    """The words of ``clause`` (the text before a speech verb) after its last boundary word or
    verb: the speaker; only its ``last`` words when given.

    The words are read from the end of the clause back to that boundary (or ``last`` words):
    reading every word of the clause made a long line of speech verbs with no clause end
    ("officials said that officials said that …") quadratic."""
    out: list[re.Match[str]] = []
    end = len(clause)
    while last is None or len(out) < last:
        while end > 0 and clause[end - 1].isspace():
            end -= 1
        if end == 0:
            break
        start = end
        while start > 0 and not clause[start - 1].isspace():
            start -= 1
        word = _NON_SPACE.match(clause, start)
        assert word is not None and word.end() == end
        if _boundary(word.group()):
            break
        out.append(word)
        end = start
    return out[::-1]


def _boundary(word: str) -> bool:
    return word.lower() in _BOUNDARY or re.fullmatch(_VERBS, word, _F) is not None


def _clean(who: str) -> str:
    """The speaker without auxiliaries and adverbs ("Tokayev has also" → "Tokayev")."""
    return " ".join(
        w.text
        for w in tokenize(who)
        if w.lower not in _NOT_SPEAKER and not (w.lower.endswith("ly") and w.text.islower())
    )


#: "the 69-year-old (leader)": a description that points back to someone already named, like
#: a pronoun.
_BY_AGE = re.compile(r"^(?:the\s+)?\d+-year-old(?:\s+[a-z]+)?$", re.IGNORECASE)


def _speaker_key(who: str) -> frozenset[str]:
    words = {w.text for w in tokenize(_clean(who))}
    if not words or {w.lower() for w in words} & _PRONOUNS and len(words) <= 2:
        return frozenset()
    if _BY_AGE.match(_clean(who).strip()):
        return frozenset()
    if any(w.lower().startswith(OFFICIAL) or w.lower() in NEWS_AGENCIES for w in words):
        return frozenset({"<official>"})  # the authorities, or an agency relaying them
    content = {w.lower() for w in words} - STOPWORDS
    by_whom = re.search(r"\b(?:by|of|from)\s*$", who, _F)  # "a statement by" the opposition
    if content and content <= _THE_DOCUMENT and not by_whom:
        return frozenset({"<official>"})  # the statement itself: "the release said"
    return frozenset(w for w in words if w.lower() not in STOPWORDS)


def _same_speaker(a: Mention, b: Mention) -> bool:
    ka, kb = a.value, b.value
    assert isinstance(ka, frozenset) and isinstance(kb, frozenset)
    if not ka or not kb or ka & kb:
        return True
    return any(same_name(x, y) for x in ka for y in kb if not x.startswith("<"))


def detect_attributions(ctx: DiffContext, claimed: Claims) -> Finding:
    """A claim that moves between attributed and asserted, or to another speaker.

    Flagged: the statement (or its original) attributes the claim to a speaker and the report
    states it as fact; the report attributes it to a speaker who is neither the statement's
    speaker nor the authorities that issued it; the report retells the statement's own assertion
    with a verb that casts it as an accusation ("the committee accused ...") when the statement
    attributes nothing and voices no claim or accusation itself. Not
    flagged: "officials said" / "the ministry says" / "he said" retelling a statement the
    authorities made (the voice does not change).
    """
    statement = attribution_mentions(ctx.statement)
    report = attribution_mentions(ctx.report)
    source = attribution_mentions(ctx.source, with_spans=False) if ctx.source else []
    if not ctx.statement.strip() and source:  # the source stands in for no translation
        statement, source = source, []
    claims = Claims(
        tuple(m.span for m in statement if m.span), tuple(m.span for m in report if m.span)
    )
    # the statement's speaker in the first person speaks in its own voice ("I will say ..."):
    # its words stay examined (claimed), but it gives the claim to nobody else
    statement = [m for m in statement if not _first_person(m)]
    diffs: list[Difference] = []
    first = (statement or source)[0] if statement or source else None
    # the report quotes the speaker: a claim inside its quotation marks is the speaker's words
    # (with whatever attribution they hold: «there was an opinion in society that ...»), not
    # the outlet's own assertion
    quoting = _mostly_quoted(ctx.report)
    if first is not None and not report and not quoting and not _issuer_speaks(first, ctx.issuer):
        diffs.append(
            Difference("attribution", first.text if first.span else "", "", first.span, None,
                       f"{first.note} in the statement; stated as fact in the report")
        )  # fmt: skip
    doubted = any(_DOUBT_SRC.search(t) for t in (ctx.statement, ctx.source or "") if t)
    # the speakers the report quotes its speaker naming («foreigners who came said ...»): they
    # retell the statement's own attribution, in the quoted speaker's words
    quoted = [r for r in report if _in_quotation(ctx.report, r.span)]
    for r in report:
        if _first_person(r):
            continue  # "I've just told you": the speaker's own voice, quoted
        if r in quoted:
            continue  # «When the minister told me ...»: the quoted speaker's words, not the outlet's
        if (
            _names_issuer(r, ctx.issuer)
            and not _HEDGED_ATTRIBUTION.search(r.text)
            and (
                quoting
                or all(
                    _issuer_speaks(s, ctx.issuer) or any(_same_speaker(s, q) for q in quoted)
                    for s in statement + source
                )
            )
        ):
            continue  # "..., Kamchybek Tashiev said" retelling Tashiev's own words: his voice
        if any(_same_speaker(s, r) for s in statement + source) or _authorities(r):
            verb = _DOUBT_VERB.search(_with_next_words(ctx.report, r.span))
            if verb and not doubted and not statement:
                diffs.append(
                    Difference("attribution", "", r.text, None, r.span,
                               f"stated as fact in the statement; the report gives it as a "
                               f"claim ({verb.group().lower()})")
                )  # fmt: skip
                break
            claim = _CLAIM_VERB.search(_with_next_words(ctx.report, r.span))
            if claim and r.span and not doubted and not statement:
                start = r.span[0] + claim.start()
                diffs.append(
                    Difference("certainty", "", claim.group(), None,
                               (start, start + len(claim.group())),
                               "stated as fact in the statement; the report casts it as a claim "
                               f"({claim.group().lower()})")
                )  # fmt: skip
                break
            continue
        s = statement[0] if statement else None
        diffs.append(
            Difference("attribution", s.text if s else "", r.text, s.span if s else None, r.span,
                       "; ".join(([s.note] if s else ["stated as fact in the statement"])
                                 + [f"report: {r.note}"]))
        )  # fmt: skip
        break  # one flag per claim: the first other speaker stands for the rest
    return Finding(tuple(diffs), claims)


def _issuer_speaks(m: Mention, issuer: Iterable[str]) -> bool:
    """A claim the statement attributes to its own issuer: "The Ministry of Energy of the
    Republic of Uzbekistan announces a new pipeline" in the ministry's statement is its own
    voice in the third person (as "the ministry said" is in a report), so a report stating it
    as fact moves nothing. The whole speaker must name the issuer's outlet or title
    (:func:`workbench.diff.entities.named_in`): "The President of Uzbekistan" in the ministry's
    statement is someone else, and "the government" is not "the ministry". A speaker that is the
    issuer's person ("Head of State Kassym-Jomart Tokayev called ..." in a readout of Tokayev's
    meeting, :func:`_names_issuer`) or none but a personal pronoun («Ал ... белгиледи», «по его
    словам», "he noted": the principal the statement retells) is the issuer's voice too."""
    issuer = tuple(issuer)
    if not issuer:
        return False
    said_by = {w.lower for w in tokenize(m.speaker)}
    if said_by:
        unnamed = said_by <= _PERSONAL
    else:  # «по его словам» holds its pronoun; "as reported", «сообщается» hold none (review16 N1)
        unnamed = bool({w.lower for w in tokenize(m.text)} & _PERSONAL)
    return named_in(m.speaker, issuer) or unnamed or _names_issuer(m, issuer)


#: A speaker that is the principal a statement retells, not named again: a personal pronoun
#: (ru, kk, ky too). Not "some", "people", "they": a claim they voice is others' ("Some say").
_PERSONAL = words("he she him her his он она его её ее ал ол")


#: An attribution that holds the claim at a distance ("Tokayev reportedly stated"): flagged even
#: when it names the statement's own speaker.
_HEDGED_ATTRIBUTION = re.compile(
    r"(?<!\w)(?:reportedly|allegedly|purportedly|supposedly|apparently|was\s+quoted)(?!\w)", _F
)
#: Parenthesised asides of an issuer's outlet ("(Kazakh text as quoted by El.kz)"): provenance,
#: not who speaks.
_ASIDE = re.compile(r"\([^()]*\)")


def _person_words(text: str, *, every: bool = False) -> list[str]:
    """Capitalised words of ``text`` that are a surname (Tokayev, Жапаров, Ташиев: the ending
    the entity detector confirms names by), not an official word and not the complement of
    "of"; only the last word unless ``every`` (the speaker's head: "Head of State Kassym-Jomart
    Tokayev" → "Tokayev"; "President of Uzbekistan" has none)."""
    tokens = tokenize(text)
    out = []
    for i, t in enumerate(tokens):
        if not every and i != len(tokens) - 1:
            continue
        name = re.sub(r"['’]s$", "", t.text)
        if (
            len(name) >= 4
            and name[0].isupper()
            and _SURNAME.search(name) is not None
            and not name.lower().startswith(OFFICIAL)
            and name.lower() not in NEWS_AGENCIES
            and not (i and tokens[i - 1].lower in {"of", "the"})
        ):
            out.append(name)
    return out


def _names_issuer(m: Mention, issuer: Iterable[str]) -> bool:
    """The attribution's speaker is the issuer's person: its name (the speaker's last word; any
    name of a Kazakh or Kyrgyz clause, whose speaker is not cut out) is a name of the issuer's
    outlet or title ("Kamchybek Tashiev" for "Tashiev to the joint meeting ...", "senior
    diplomat Bakyt Kadyrov" for "..., B. Kadyrov"), up to spelling (:func:`same_name`)."""
    names = [w for text in issuer for w in _person_words(_ASIDE.sub(" ", text), every=True)]
    every = m.speaker not in m.text  # a kk/ky verb: the sentence's names, not a cut speaker
    return any(
        same_name(w, n, vowels=True) for w in _person_words(m.speaker, every=every) for n in names
    )


def _mostly_quoted(text: str) -> bool:
    """Half the letters of ``text`` or more lie inside quotation marks: its quotations, one opened
    and not closed (running to the end) or one closed that opened before it (from the start),
    as :func:`_in_quotation` reads them; curly marks only for the last two."""
    inside = bytearray(len(text) + 1)
    for q in quotations(text):
        if q.depth == 0:  # outermost quotations do not overlap: each letter is marked once
            inside[q.start : q.end] = b"\x01" * (q.end - q.start)
    free = [i for i, c in enumerate(text) if c in "«“»”" and not inside[i]]
    if free and text[free[0]] in "»”":
        inside[: free[0]] = b"\x01" * free[0]
    opener = next((i for i in free if text[i] in "«“"), None)
    if opener is not None:
        inside[opener:] = b"\x01" * (len(text) + 1 - opener)
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    return bool(letters) and 2 * sum(inside[i] for i in letters) >= len(letters)


def _in_quotation(text: str, span: Span | None) -> bool:
    """The span sits inside quotation marks: a quotation of ``text``, one opened before it and
    not closed, or one closed after it that opened before ``text`` begins (a quote running over
    from the previous sentence: "The charter says ...,» he said.")."""
    if span is None:
        return False
    if any(q.start <= span[0] and span[1] <= q.end for q in quotations(text)):
        return True
    before, after = text[: span[0]], text[span[1] :]
    if sum(map(before.count, "«“")) > sum(map(before.count, "»”")) or before.count('"') % 2:
        return True  # opened before the span, not closed
    if any(c in before for c in '«“"'):
        return False
    first = next((c for c in after if c in '«“»”"'), "")
    return first in ("»", "”") or (first == '"' and after.count('"') % 2 == 1)


def _with_next_words(text: str, span: Span | None) -> str:
    """The mention's text and the two words after it ("claimed" + "responsibility for")."""
    if span is None:
        return ""
    return text[span[0] : span[1]] + " " + " ".join(text[span[1] :].split()[:2])


def _authorities(m: Mention) -> bool:
    """The speaker is the authorities (or a pronoun, or not given): the statement's own voice."""
    key = m.value
    assert isinstance(key, frozenset)
    return not key or key == frozenset({"<official>"})


def negation_mentions(
    text: str, lang: str | None = None, *, with_spans: bool = True
) -> list[Mention]:
    """Negation markers of ``text``: English, and the words of ``lang`` (ru/kk/ky, default ru)."""
    rx = _NEGATION.get(lang or "ru", _NEGATION["ru"])
    return [
        Mention(m.group(), (m.start(), m.end()) if with_spans else None, role="negation",
                note="negation", context=context_of(text, m.span()) if with_spans else "")
        for m in _heads(rx.finditer(text), text)
    ]  # fmt: skip


#: Words that continue a negation already made in the sentence ("neither A, nor B, nor C",
#: «не признаём ни A, ни B»): one negation, not one per item of the list.
_CONTINUING = frozenset({"nor", "ни"})


def _heads(matches: Iterable[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The negations of ``text`` without the words continuing one earlier in its sentence:
    "we recognise neither A, nor B, nor C" is one negation, as "we do not recognise A, B or C"
    is, so a retelling that lists the items after one "not" is no negation dropped."""
    out: list[re.Match[str]] = []
    for m in matches:
        continues = m.group().lower() in _CONTINUING and any(
            not re.search(r"[.!?]", text[o.end() : m.start()]) for o in out
        )
        if not continues:
            out.append(m)
    return out


def detect_negations(ctx: DiffContext, claimed: Claims) -> Finding:
    """Negations on one side with no counterpart on the other."""
    negations = negation_mentions(ctx.statement, ctx.src)
    # A word of refusal of the statement ("refusing to build", "refrain", «воздержится») is what a
    # report's "not build" or "has no intention" retells: it answers one report negation, and is
    # never flagged itself (a refusal retold without "not" dropped nothing).
    refusing = _refusal_mentions(ctx.statement, negations)
    statement = negations + refusing
    report = negation_mentions(ctx.report)
    # (the original's words of refusal are not read: «исключ-», «против» in another clause
    # answered a negation planted in the report, diff_bench's negation recall with a source
    # 0.970 -> 0.943; the translation renders the refusal the report retells)
    source = negation_mentions(ctx.source, ctx.src, with_spans=False) if ctx.source else []
    found = compare_mentions(
        "negation", statement, report, lambda a, b: True, source=source, pair=False,
        translation_origin=False,
    )  # fmt: skip
    held = {m.span for m in refusing}
    kept = tuple(
        d
        for d in found.differences
        if d.statement_span not in held
        and _flipped(d, ctx)
        and not _retold_twice(d, ctx, statement)
    )
    claims = Claims(tuple(s for s in found.claims.statement if s not in held), found.claims.report)
    return Finding(kept, claims)


#: An English word of refusal besides :data:`REFUSED` and the negations ("refusing to build",
#: "the refusal", "rejected", "declined to").
_REFUSING_EN = re.compile(
    r"(?<!\w)(?:refus(?:e|es|ed|ing|al)|reject\w*|declin(?:e|es|ed|ing)\s+to)(?!\w)", _F
)


def _refusal_mentions(text: str, negations: list[Mention]) -> list[Mention]:
    """The words of refusal of ``text`` (:data:`REFUSED`, :data:`_REFUSING_EN`) that no
    negation mention of it already covers ("refused to" is one)."""
    taken = [m.span for m in negations if m.span]
    found = sorted([*REFUSED.finditer(text), *_REFUSING_EN.finditer(text)], key=lambda m: m.start())
    out: list[Mention] = []
    for m in found:
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        taken.append(m.span())
        out.append(Mention(m.group(), m.span(), role="negation", note="negation"))
    return out


def _retold_twice(d: Difference, ctx: DiffContext, statement: list[Mention]) -> bool:
    """A report-only negation in a sentence with no more negations than the statement (one
    sentence) has: an outlet that retells one statement sentence in two sentences ("the town
    had never known such a drought", later "a drought this severe was never recorded") repeats
    its negation, it adds none."""
    if d.report_span is None or d.statement_span is not None or not statement:
        return False
    if _said_again(d.report_span, ctx.report):
        return True
    if len(sentences(ctx.statement.strip())) > 1:
        return False  # several statement sentences: which one a report sentence retells is open
    report = sentences(ctx.report)
    if len(report) < 2:
        return False
    start, end = next(((a, b) for a, b in report if b > d.report_span[0]), report[-1])
    return len(negation_mentions(ctx.report[start:end])) <= len(statement)


def _said_again(span: Span, report: str) -> bool:
    """The report's negation at ``span`` negates the same words as another negation of the
    report: a headline and the body that quote one line twice (‘I am not holding on to power’
    … “I am not holding on to power.”) repeat one negation; the sentence splitter cannot part a
    headline that ends without a full stop."""
    words = tuple(w.lower() for w in _content_after(report, span[1]))
    if not words:
        return False
    return any(at != span and negated == words for at, negated in _negated_words(report))


@functools.lru_cache(maxsize=256)
def _negated_words(report: str) -> tuple[tuple[Span, tuple[str, ...]], ...]:
    """Each negation of ``report`` with the words it negates (:func:`_content_after`), read once
    per report: :func:`_said_again` asks it of every report-only negation, and reading them all
    again for each made a line of n negations cost n² (400 "not": 10 of 15 s)."""
    return tuple(
        (m.span, tuple(w.lower() for w in _content_after(report, m.span[1])))
        for m in negation_mentions(report)
        if m.span
    )


def _flipped(d: Difference, ctx: DiffContext) -> bool:
    """A one-sided negation is a difference when what it negates is on the other side too
    ("was not damaged" vs "was damaged"); "was not damaged" vs "had held" is a paraphrase."""
    text, other, span = (
        (ctx.statement, ctx.report, d.statement_span)
        if d.statement_span
        else (ctx.report, ctx.statement, d.report_span)
    )
    if span is None:
        return True
    after = _content_after(text, span[1])
    if not after:
        return True
    if any(akin(m.group(1), w) for m in _EXCLUDING.finditer(other) for w in after):
        return False  # "not Kazakh" said as "other than Kazakh": the same negation
    others, forms = _akin_index(other)
    return any(akin_in(t, others) or wordnet.lemmas(t) & forms for t in after)


#: A negation in other words, and the word it excludes: "a language that was not Kazakh" is
#: "a language other than Kazakh" (hyg15's walk of the sample case), "peace, not war" is "peace
#: rather than war", "not be held in Astana" is "held in Bishkek instead of Astana" (one of the
#: two words the negation negates, :func:`_content_after`).
_EXCLUDING = re.compile(
    r"(?<!\w)(?:other\s+than|rather\s+than|instead\s+of)\s+(?:(?:the|an?)\s+)?([^\W\d_][\w’'-]*)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[Token, ...], tuple[int, ...]]:
    """The tokens of ``text`` and their end offsets."""
    tokens = tuple(tokenize(text))
    return tokens, tuple(t.end for t in tokens)


@functools.lru_cache(maxsize=256)
def _akin_index(text: str) -> tuple[AkinIndex, frozenset[str]]:
    """The words of ``text`` for the one "same word" rule (:func:`workbench.diff.text.akin_in`)
    and the WordNet lemmas they are forms of, for irregular forms the spelling rule cannot join
    ("shot" ~ "shoot", "held" ~ "hold"); read once per text (a line of many negations asks for
    them once per negation)."""
    tokens = _tokens(text)[0]
    lemmas = frozenset().union(*(wordnet.lemmas(t.text) for t in tokens if t.text.isalpha()))
    return akin_index(t.text for t in tokens), lemmas


#: What ends the clause a negation negates: "the aggression is not subsiding, and the demand
#: ... continues" negates "subsiding", not "demand". A lookahead, so that every place a break
#: starts is found (``finditer`` of the plain pattern skips one that overlaps the last).
_CLAUSE_BREAK = re.compile(r"(?=[,;:()\u2013\u2014]|\s-\s)")


@functools.lru_cache(maxsize=256)
def _clause_reading(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where ``text``'s clause breaks start, and the indices of its content tokens (of
    :func:`_tokens`), read once per text: :func:`_content_after` is asked once per negation,
    and a search to the next break or the next content word from each one made a line of
    many negations and no comma cost the square of its length."""
    tokens = _tokens(text)[0]
    breaks = tuple(m.start() for m in _CLAUSE_BREAK.finditer(text))
    return breaks, tuple(k for k, t in enumerate(tokens) if is_content(t))


def _content_after(text: str, at: int) -> list[str]:
    """The first two content words of ``text[at:]`` in the negation's clause (up to a comma,
    semicolon, colon, parenthesis or dash), read from the text's tokens once, not by
    re-tokenising the rest of the text for each negation ("not not not …" of 5,000 characters
    took 5.8 s)."""
    tokens, ends = _tokens(text)
    breaks, content = _clause_reading(text)
    i = bisect.bisect_left(ends, at + 1)
    b = bisect.bisect_left(breaks, at)
    stop = breaks[b] if b < len(breaks) else len(text)
    if i < len(tokens) and tokens[i].start < at:  # a word cut at ``at``: read as the slice did
        return [t.text for t in tokenize(text[at:stop]) if is_content(t)][:2]
    k = bisect.bisect_left(content, i)
    return [tokens[j].text for j in content[k : k + 2] if tokens[j].start < stop]
