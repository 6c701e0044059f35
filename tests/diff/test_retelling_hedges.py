"""How outlets hedge and distance when they retell an official (keys12, session 12): "an
apparent attack", "has called itself", and a distancing the context explains only with the
same words."""

from __future__ import annotations

import pytest

from tests.diff.helpers import diffs, of_kind
from workbench.diff import Lexicon
from workbench.diff.markers import hedge_mentions, retelling_hedges


@pytest.mark.parametrize(
    ("statement", "report", "marker", "kind"),
    [
        ("The ministry protested against the attack on the terminal.",
         "The ministry condemned an apparent drone attack on the terminal.", "apparent",
         "certainty"),
        ("The rebels shelled the town.",
         "The town came under what appeared to be an apparent artillery strike by the rebels.",
         "apparent", "certainty"),
        ("Kazakhstan, as a responsible participant in the energy market, stressed supplies.",
         "Kazakhstan has called itself a responsible participant in the energy market.",
         "called itself", "distancing"),
        ("The movement is a peaceful civic initiative.",
         "The movement describes itself as a peaceful civic initiative.",
         "describes itself", "distancing"),
        ("He is the defender of the workers.",
         "He styles himself the defender of the workers.", "styles himself", "distancing"),
    ],
)  # fmt: skip
def test_a_retelling_hedge_only_in_the_report_is_flagged(
    statement: str, report: str, marker: str, kind: str, lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), kind)
    assert d.report == marker and d.statement == ""


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the statement hedges too: the same class on both sides
        ("The attack was apparently carried out by drones.",
         "The ministry condemned an apparent drone attack."),
        # "apparent" that hedges nothing
        ("The damage to the pier is serious.",
         "It became apparent that the damage to the pier is serious."),
        ("The pier was closed for no reason.",
         "The pier was closed for no apparent reason."),
        # a reflexive that is no self-description
        ("He called the minister on Monday.", "He called the minister himself on Monday."),
        ("The team prepared for the match.", "The team prepared itself for the match."),
    ],
)  # fmt: skip
def test_a_faithful_retelling_gets_no_retelling_hedge(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    found = diffs(statement, report, lexicon)
    assert not of_kind(found, "distancing") + of_kind(found, "certainty")


def test_the_original_hedge_answers_an_apparent_attack(lexicon: Lexicon) -> None:
    # the translation lost «по-видимому»; the report's "apparent" is the original's hedge
    found = diffs("The attack was carried out by drones.",
                  "The ministry condemned an apparent drone attack.", lexicon,
                  source="Атака, по-видимому, была совершена дронами.", src="ru")  # fmt: skip
    (d,) = of_kind(found, "certainty")
    assert d.origin == "translation"


def test_retelling_hedges_are_read_in_english_only_and_not_by_the_faithfulness_classes() -> None:
    assert [m.text for m in retelling_hedges("Kazakhstan called itself a partner.")] == [
        "called itself"
    ]
    # kk/ky/ru text: only the self-descriptions, so that a faithful "styles itself" is answered
    assert [
        m.text for m in retelling_hedges("Казахстан назвал себя партнёром, an apparent attack.")
    ] == ["назвал себя"]
    assert retelling_hedges("") == []
    # the faithfulness check reads hedge_mentions, which these forms leave as they were
    assert hedge_mentions("an apparent attack; it called itself a partner") == []


@pytest.mark.parametrize(
    ("context", "flagged"),
    [
        # a title's scare quotes are another distancing: the report's "so-called" is its own
        (["Tokayev's answer on the 'special operation' and the UN Charter"], True),
        # a statement retold alongside says "so-called" itself: the report repeats it
        (["The so-called republics are quasi-state territories."], False),
    ],
)
def test_the_context_explains_a_distancing_only_with_the_same_words(
    context: list[str], flagged: bool, lexicon: Lexicon
) -> None:
    found = diffs(
        "This principle will be applied to quasi-state territories.",
        "This principle will apply to quasi-state associations (the so-called republics).",
        lexicon,
        context=context,  # type: ignore[arg-type]
    )
    assert bool(of_kind(found, "distancing")) is flagged


@pytest.mark.parametrize(
    ("source", "src"),
    [
        ("Группа, которая позиционирует себя как «голос потребителей», провела встречу.", "ru"),
        ("Өзін «тұтынушылардың үні» деп жариялаған топ жиын өткізді.", "kk"),
        ("Өзүн «керектөөчүлөрдүн үнү» катары көрсөткөн топ жыйын өткөрдү.", "ky"),
    ],
)
def test_a_self_description_of_the_original_answers_the_reports(
    source: str, src: str, lexicon: Lexicon
) -> None:
    # as in a faithful NTREX reference: a group that "styles itself" the consumers' voice
    report = "The consumers' voice, as the group styles itself, held a meeting on Monday."
    assert not of_kind(diffs(source, report, lexicon, source=source, src=src), "distancing")
    # the report that drops it states the self-description as fact
    dropped = diffs(source, "The consumers' voice held a meeting on Monday.", lexicon, source=source,
                    src=src)  # fmt: skip
    assert of_kind(dropped, "distancing")


@pytest.mark.parametrize(
    ("statement", "report", "marker"),
    [
        # a certainty the outlet hedges with a bare modal (holdout14's az-may-impose)
        ("We receive warnings that secondary sanctions will be imposed on our economy.",
         "We are warned that the West may impose secondary sanctions on our economy.", "may"),
        ("The minister will resign next week.", "The minister might resign next week.",
         "might"),
        # a fact the outlet calls perceived (holdout14's al-perceived)
        ("The reason is the increase in violent crimes in recent years.",
         "The reason is a perceived increase in violent crimes in recent years.", "perceived"),
    ],
)  # fmt: skip
def test_the_outlets_own_modal_or_perceived_is_a_hedge(
    statement: str, report: str, marker: str, lexicon: Lexicon
) -> None:
    (d,) = of_kind(diffs(statement, report, lexicon), "certainty")
    assert d.report == marker and d.statement == ""


@pytest.mark.parametrize(
    ("statement", "report", "source", "src"),
    [
        # the statement's own modal: "can" in the translation, a modal verb of the original
        ("Russia can attack at any time.", "Russia may attack at any time.", None, None),
        ("Russia can launch an offensive.", "Russia may launch an offensive.",
         "Россия может начать наступление.", "ru"),
        ("Ресей кез келген уақытта шабуыл жасай алады.", "Russia may attack at any time.",
         "Ресей кез келген уақытта шабуыл жасай алады.", "kk"),
        # no bare modal: the month, a wish, a ban, "may be" / "may just have" (the hedge table's)
        ("The parade takes place on 9 May.", "The parade takes place on May 9.", None, None),
        ("I said: God bless them.", "I said: May God bless them.", None, None),
        ("Visitors are not allowed to leave.", "Visitors may not leave.", None, None),
        ("The session was what the cup needed.",
         "The session might just have been what the cup needed.", None, None),
        ("Kazakhstan will join the accords.", "Kazakhstan may well join the accords.", None,
         None),
        # the noun "might" (review15 K1)
        ("The country's military power is growing.", "The country's military might is growing.",
         None, None),
        ("The army fought with all its strength.", "The army fought with all its might and won.",
         None, None),
        ("The power of the army was shown.", "The might of the army was shown.", None, None),
    ],
)  # fmt: skip
def test_a_modal_the_statement_has_or_no_bare_modal_is_no_hedge(
    statement: str, report: str, source: str | None, src: str | None, lexicon: Lexicon
) -> None:
    found = diffs(statement, report, lexicon, source=source, src=src)
    assert not [d for d in of_kind(found, "certainty") if d.report_span], found


def test_the_bare_modal_and_perceived_are_read_by_the_diff_only() -> None:
    assert [m.text for m in retelling_hedges("The West may impose a perceived threat.")] == [
        "may",
        "perceived",
    ]
    # the faithfulness check's hedge classes are unchanged
    assert hedge_mentions("The West may impose sanctions over a perceived threat.") == []


@pytest.mark.parametrize(
    ("source", "src", "report"),
    [
        # the official's own quotation marks, kept by the outlet (holdout14, holdout13)
        ("Батыстың «қайталама санкциялары» салынатыны туралы ескертпелер аламыз.", "kk",
         "We are warned that the West may impose “repeated sanctions” on our economy."),
        ('Высказывания "говорящих голов" на федеральных каналах заслуживают реакции.', "ru",
         "The remarks of “talking heads” on federal channels deserve a reaction."),
    ],
)  # fmt: skip
def test_a_quote_the_original_makes_itself_is_no_distancing(
    source: str, src: str, report: str, lexicon: Lexicon
) -> None:
    assert not of_kind(diffs(source, report, lexicon, source=source, src=src), "distancing")


def test_the_outlets_own_quote_stays_a_distancing(lexicon: Lexicon) -> None:
    source = 'Высказывания "говорящих голов" на федеральных каналах заслуживают реакции.'
    # the report quotes words the original's quotation does not hold
    found = diffs(source, "The “statements and” remarks on federal channels deserve a reaction.",
                  lexicon, source=source, src="ru")  # fmt: skip
    assert [d.report for d in of_kind(found, "distancing")] == ["“statements and”"]
    # no quotation in the original: the outlet's marks are its own
    found = diffs("Санкции будут введены.", "The West will impose “repeated sanctions”.", lexicon,
                  source="Санкции будут введены.", src="ru")  # fmt: skip
    assert [d.report for d in of_kind(found, "distancing")] == ["“repeated sanctions”"]


def test_a_quote_the_translation_keeps_answers_no_second_report_quote(lexicon: Lexicon) -> None:
    """The original's one quotation stands behind the translation's ‘clean part’; the report's
    “debt” is a quote of its own (the shape of diff_bench's planted scare quote)."""
    found = diffs(
        "The fund bought only the ‘clean part’ of Lakeside Bank, not its debt collection arm.",
        "The fund bought only the ‘clean part’ of Lakeside Bank, not its “debt” collection arm.",
        lexicon,
        source="Қор Lakeside Bank банкінің тек «таза бөлігін» сатып алды, борыш жинайтын бөлімін "
        "емес.",
        src="kk",
    )
    assert [d.report for d in of_kind(found, "distancing")] == ["“debt”"]


# keys22: a statement that gives a name with a modal ("this can be called the worst ...") holds
# the claim open; a retelling that states it as fact drops the hedge.
@pytest.mark.parametrize(
    ("statement", "report", "lang"),
    [
        ("By its size this can be called the worst storm in half a century.",
         "The country faces its worst storm in half a century.", ""),
        ("The result can rightly be described as a breakthrough for the region.",
         "The result is a breakthrough for the region.", ""),
        # no translation: the kk/ky/ru original is read
        ("Бұл жарты ғасырдағы ең қатты дауыл деуге болады.",
         "The country faces its worst storm in half a century.", "kk"),
        ("Бул жарым кылымдагы эң катуу бороон деп айтууга болот.",
         "The country faces its worst storm in half a century.", "ky"),
        ("Это, можно сказать, сильнейший шторм за полвека.",
         "The country faces its worst storm in half a century.", "ru"),
    ],
)  # fmt: skip
def test_a_name_given_with_a_modal_that_the_report_states_as_fact_is_flagged(
    statement: str, report: str, lang: str, lexicon: Lexicon
) -> None:
    kw = {"src": lang} if lang else {}
    (d,) = of_kind(diffs(statement, report, lexicon, **kw), "certainty")
    assert d.report == "" and d.statement_span is not None


@pytest.mark.parametrize(
    ("statement", "report"),
    [
        # the report keeps the hedge
        ("By its size this can be called the worst storm in half a century.",
         "This can be called the worst storm in half a century, he said."),
        # an ability, not a naming
        ("The bridge can be used by trucks again.", "Trucks use the bridge again."),
    ],
)  # fmt: skip
def test_a_name_given_with_a_modal_kept_or_absent_is_not_flagged(
    statement: str, report: str, lexicon: Lexicon
) -> None:
    assert not of_kind(diffs(statement, report, lexicon), "certainty")


def test_a_kk_name_given_with_a_modal_is_read_but_one_said_with_confidence_is_not() -> None:
    assert [m.role for m in retelling_hedges("Бұл ең ірі апат деуге болады.")] == ["naming"]
    assert retelling_hedges("Можно с уверенностью сказать, что это так.") == []
    assert retelling_hedges("Можно сказать с уверенностью, что это так.") == []
    # the faithfulness classes do not read it (the diff's own list)
    assert hedge_mentions("This can be called the largest flood.") == []


@pytest.mark.parametrize("lang", ["", "kk"])
def test_a_name_given_with_a_modal_retold_with_perhaps_is_one_change_of_grade(
    lang: str, lexicon: Lexicon
) -> None:
    statement = (
        "Бұл жарты ғасырдағы ең қатты дауыл деуге болады."
        if lang
        else "By its size this can be called the worst storm in half a century."
    )
    kw = {"src": lang} if lang else {}
    found = diffs(statement, "It is perhaps the worst storm in half a century.", lexicon, **kw)
    (d,) = of_kind(found, "certainty")
    assert d.report == "perhaps" and d.statement_span is not None
