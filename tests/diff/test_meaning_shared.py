"""A word-diff run read by meaning: an addition or omission that says what the other side says in
other words is no difference (``workbench.diff.content.meaning_shared``), read through the
pipeline with a sentence embedder (``fill_differences(embedder=...)``)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from workbench.diff.content import MEANING_SHARED, carried_by, meaning_shared, without_run
from workbench.diff.text import is_content, stem, tokenize
from workbench.errors import UserInputError
from workbench.pipeline import compare
from workbench.pipeline.compare import fill_differences, load_lexicon
from workbench.types import Alignment, AlignmentLink, Comparison, ReportRef, StatementRef

#: Stems that mean one thing in these tests (the stand-in embedder's "synonyms").
_SAME = {"townsfolk": "resident", "shun": "keep", "quay": "bank", "shelter": "protect"}


def bag_embed(texts: Sequence[str]) -> np.ndarray:
    """A stand-in sentence embedder: a normalised bag of content-word stems (a few stems mapped
    to one meaning), so that cosines follow shared meaning as a real embedder's roughly do."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, text in enumerate(texts):
        for tok in tokenize(text):
            if is_content(tok):
                key = stem(tok.text)
                key = _SAME.get(key, key)
                out[i, int(hashlib.md5(key.encode()).hexdigest(), 16) % 256] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


class BagEmbedder:
    """Just the ``embed`` the pipeline calls, counting its calls; named as the embedder whose
    scale MEANING_SHARED was measured on (the rule reads no other)."""

    def __init__(self, name: str = "e5-small") -> None:
        self.calls = 0
        self.name = name

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return bag_embed(texts)


TRANSLATION = (
    "Every resident must keep away from the river banks and help protect the children from the "
    "floodwater."
)


def test_a_run_the_other_side_says_in_other_words_is_shared() -> None:
    report = "Townsfolk should shun the quays to shelter the children, the mayor said."
    run = report.index("Townsfolk"), report.index(" the children")
    assert meaning_shared([(report, run, TRANSLATION)], bag_embed) == [True]


def test_a_fact_the_other_side_lacks_is_not_shared() -> None:
    report = "Schools and markets will close for a month, and the children must be protected."
    run = 0, report.index(", and")
    assert meaning_shared([(report, run, TRANSLATION)], bag_embed) == [False]


def test_a_run_that_is_the_whole_text_is_never_shared() -> None:
    text = "Protect the children"
    assert meaning_shared([(text, (0, len(text)), TRANSLATION)], bag_embed) == [False]


def test_the_drop_is_a_threshold_and_nothing_is_embedded_for_no_run() -> None:
    report = "Townsfolk should shun the quays to shelter the children."
    run = 0, report.index(" the children")
    assert meaning_shared([(report, run, TRANSLATION)], bag_embed, drop=2.0) == [False]
    assert meaning_shared([], lambda texts: pytest.fail("nothing to embed")) == []
    assert 0 < MEANING_SHARED < 0.2


def test_without_run_leaves_one_space() -> None:
    assert without_run("a bb cc dd", (2, 7)) == "a dd"
    assert without_run("a bb", (2, 4)) == "a"


@pytest.mark.parametrize("span", [(0, 0), (-1, 3), (3, 99), (5, 2)])
def test_a_span_outside_its_text_is_refused(span: tuple[int, int]) -> None:
    with pytest.raises(UserInputError, match="not inside"):
        meaning_shared([("short text", span, "other")], bag_embed)


# ── through the pipeline ────────────────────────────────────────────────────────────────────

ORIGINAL = "Каждый гражданин должен соблюдать все меры предосторожности."
THRESHOLD = 1.02


def _filled(report: str, embedder: BagEmbedder | None, translation: str = TRANSLATION):
    st = StatementRef(0, ORIGINAL, translation, "state-doc")
    ref = ReportRef(3, report, "wire")
    al = Alignment(st, (ref,), THRESHOLD + 0.1, links=(AlignmentLink((0, len(ORIGINAL)), 1.2),))
    comparison = Comparison("sig", (al,), (), ())
    return fill_differences(
        comparison, load_lexicon(), "ru", link_threshold=THRESHOLD, embedder=embedder
    ).alignments[0]


PARAPHRASE = (
    "The children must be kept from the floodwater: townsfolk should shun the quays and shelter "
    "them, the mayor said."
)
NEW_FACT = (
    "Every resident must keep away from the river banks and help protect the children from the "
    "floodwater, and the ferry, the night market and the summer fair are cancelled until July."
)


def _content_flags(report: str, embedder: BagEmbedder | None, translation: str = TRANSLATION):
    found = _filled(report, embedder, translation).differences
    return [(d.kind, d.report or d.statement) for d in found if d.detector == "content"]


def test_the_pipeline_drops_an_addition_said_in_other_words() -> None:
    assert ("addition", "townsfolk should shun the quays and shelter") in _content_flags(
        PARAPHRASE, None
    )  # the word lists do not know these words
    embedder = BagEmbedder()
    assert not [k for k, _ in _content_flags(PARAPHRASE, embedder) if k == "addition"]
    assert embedder.calls == 1  # every run of the comparison in one call


def test_the_pipeline_keeps_an_added_fact() -> None:
    plain = _filled(NEW_FACT, None)
    read = _filled(NEW_FACT, BagEmbedder())
    added = [d.report for d in read.differences if d.kind == "addition"]
    assert any("ferry" in a for a in added)
    assert read.differences == plain.differences


def test_an_omission_the_report_carries_in_other_words_is_dropped() -> None:
    omitted = ("omission", "keep away from the river banks and help protect")
    assert omitted in _content_flags(PARAPHRASE, None)
    assert omitted not in _content_flags(PARAPHRASE, BagEmbedder())
    # a report that leaves the advice out keeps its omission
    translation = TRANSLATION.rstrip(".") + ", and the borders will stay open."
    left_out = _content_flags(
        "Officials said the borders will stay open.", BagEmbedder(), translation
    )
    assert (
        "omission",
        "keep away from the river banks and help protect the children from the floodwater",
    ) in left_out


def test_no_embedder_call_without_a_translation() -> None:
    embedder = BagEmbedder()
    _filled(PARAPHRASE, embedder, translation="")
    assert embedder.calls == 0


# ── an omission another sentence of the same outlet tells ──────────────────────────────────


def test_words_another_sentence_holds_all_but_one_carry_the_run() -> None:
    run = "the referendums on joining the federation"
    # "referendum" inflected, "federation" as is; "joining" alone is missing: all but one
    assert carried_by(run, ["Russia held referendums in four regions of the federation."])
    # a synonym (one WordNet synset) counts: "vote" for "referendum" does not, "poll" neither
    assert not carried_by(run, ["Votes were held in four regions."])
    assert carried_by("the tragedy shocked residents", ["A catastrophe shocked the residents."])


def test_a_short_run_or_no_text_carries_nothing() -> None:
    assert not carried_by("new elections", ["New elections will be held."])  # under MIN_WORDS
    assert not carried_by("the referendums on joining the federation", [])


def _two_sentences(*reports: str) -> Alignment:
    st = StatementRef(0, ORIGINAL, TRANSLATION_TWO, "state-doc")
    refs = tuple(ReportRef(i, text, "wire") for i, text in enumerate(reports))
    links = tuple(AlignmentLink((0, len(ORIGINAL)), 1.2) for _ in refs)
    return Alignment(st, refs, THRESHOLD + 0.1, links=links)


TRANSLATION_TWO = (
    "The ministry will not recognise the referendums on joining the neighbouring state that "
    "were held in the four regions."
)


def test_the_pipeline_drops_an_omission_the_outlets_other_sentence_tells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lead = "The ministry will not recognise the referendums on joining the neighbouring state."
    quote = "The ministry said the votes held in the four regions would not be recognised."
    other = ReportRef(7, "Markets were calm on Monday.", "other-wire")
    # the two sentences are apart in the alignment (another outlet's between): two diffs
    st = StatementRef(0, ORIGINAL, TRANSLATION_TWO, "state-doc")
    refs = (ReportRef(0, lead, "wire"), other, ReportRef(5, quote, "wire"))
    links = tuple(AlignmentLink((0, len(ORIGINAL)), 1.2) for _ in refs)
    together = Comparison("sig", (Alignment(st, refs, THRESHOLD + 0.1, links=links),), (), ())

    def omitted(comparison: Comparison) -> list[str]:
        found = fill_differences(comparison, load_lexicon(), "ru", link_threshold=THRESHOLD)
        diffs = found.alignments[0].differences
        return [d.statement for d in diffs if d.kind == "omission" and d.report_document == "wire"]

    assert not any("referendums" in o for o in omitted(together))
    with monkeypatch.context() as m:  # without the rule the quotation's own diff flags it
        m.setattr(compare, "carried_by", lambda *args: False)
        assert any("referendums" in o for o in omitted(together))
    # alone, the quotation leaves the referendums out
    alone = Comparison("sig", (_two_sentences(quote),), (), ())
    assert omitted(alone) == ["referendums on joining the neighbouring state"]


# ── one clause added by a sentence that retells two lines: one flag ─────────────────────────

BUDGET = StatementRef(
    0, "Совет утвердил новый бюджет.", "The council approved the new budget for the city.", "doc"
)
INTEGRITY = StatementRef(
    1,
    "Мы защищаем принципы территориальной целостности.",
    "We defend the principles of territorial integrity of the state.",
    "doc",
)
BOTH = (
    "The council approved the new budget for the city, even as angry crowds blocked the main "
    "square and burned tyres in defence of the principles of territorial integrity."
)


def _added(report: str, *statements: StatementRef) -> dict[int, list[str]]:
    ref = ReportRef(0, report, "wire")
    als = tuple(
        Alignment(st, (ref,), 1.2, links=(AlignmentLink((0, len(st.text)), 1.2),))
        for st in statements
    )
    filled = fill_differences(Comparison("s", als, (), ()), load_lexicon(), "ru", THRESHOLD)
    return {
        al.statement.index: [d.report for d in al.differences if d.kind == "addition"]
        for al in filled.alignments
    }


def test_a_clause_added_to_a_sentence_retelling_two_lines_is_flagged_once() -> None:
    # each line's diff finds the added clause (its run ends where that line's words begin)
    assert _added(BOTH, BUDGET) == {
        0: ["angry crowds blocked the main square and burned tyres in defence of the principles of "
            "territorial integrity"]
    }  # fmt: skip
    assert _added(BOTH, INTEGRITY)[1]
    # together: shown with the first line only
    together = _added(BOTH, BUDGET, INTEGRITY)
    assert len(together[0]) == 1 and together[1] == []


def test_two_clauses_added_to_one_sentence_stay_two_flags() -> None:
    report = (
        "The council approved the new budget for the city after a stormy night session, and we "
        "defend the principles of territorial integrity of the state, though angry crowds "
        "blocked the main square and burned tyres."
    )
    together = _added(report, BUDGET, INTEGRITY)
    assert together[0] and together[1]
    assert not set(together[0]) & set(together[1])


def test_an_embedder_of_another_scale_does_not_read_runs_by_meaning() -> None:
    """review14 N2: MEANING_SHARED is a cosine drop on e5-small's scale."""
    other = BagEmbedder(name="labse")
    kinds = [k for k, _ in _content_flags(PARAPHRASE, other)]
    assert other.calls == 0
    assert kinds == [k for k, _ in _content_flags(PARAPHRASE, None)]
