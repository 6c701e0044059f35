"""Coverage: clause features, the calibrated logistic models, and the vector path's cost.

The model tests use synthetic unit vectors whose geometry is known; the end-to-end tests run
the bundled multilingual e5-small (offline) with the shipped calibration on sentences in the
style of official statements.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.align.cache import CachingEmbedder
from workbench.align.embedders import E5Embedder
from workbench.errors import UserInputError
from workbench.faithfulness import ClauseVectors, check_pairs, clauses, features, load_calibration
from workbench.faithfulness.base import CoverageModel
from workbench.faithfulness.coverage import OMISSION_FEATURES, fit_logistic


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_missing_clause_has_the_largest_gap_and_the_length_fits_without_it() -> None:
    source = "Полиция задержала десять человек, которые участвовали в беспорядках."
    cut = clauses(source)
    assert len(cut) == 2
    a, b = _unit(1, 0, 0), _unit(0, 1, 0)
    whole = ClauseVectors(tuple(cut), np.stack([a, b]), ((0, 10),), np.stack([_unit(1, 1, 0)]))
    dropped = ClauseVectors(tuple(cut), np.stack([a, b]), ((0, 10),), np.stack([a]))
    full = features(whole, source, "Police detained ten people who took part in the riots.")
    short = features(dropped, source, "Police detained ten people.")
    assert full is not None and short is not None
    assert short.omission > full.omission + 0.3 and short.omission_clause == 1
    assert short.similarity < full.similarity
    assert short.length < full.length
    assert short.fit < 0 < full.fit + 1e-9  # read without clause 1, the length is typical
    assert short.fit_clause == 1


def test_fit_logistic_finds_the_direction_that_separates_the_classes() -> None:
    rng = np.random.default_rng(3)
    good = rng.normal(0.0, 1.0, size=(200, 2))
    bad = rng.normal(0.0, 1.0, size=(200, 2)) + np.array([2.5, 0.0])
    w = fit_logistic(np.vstack([good, bad]), np.r_[np.zeros(200), np.ones(200)])
    assert w[0] > 1.0 and abs(w[1]) < 0.5 * w[0]
    z_good, z_bad = good @ w[:2] + w[2], bad @ w[:2] + w[2]
    assert (z_bad > 0).mean() > 0.85 and (z_good < 0).mean() > 0.85


def test_model_logit_and_risk_are_standardised_sums() -> None:
    m = CoverageModel(("length", "omission"), (0.0, 0.1), (0.5, 0.05), (-2.0, 1.0), -3.0,
                      -4.0, 0.0)  # fmt: skip
    assert m.logit({"length": 0.0, "omission": 0.1}) == pytest.approx(-3.0)
    assert m.logit({"length": -0.5, "omission": 0.2}) == pytest.approx(-3.0 + 2.0 + 2.0)
    assert m.risk({"length": -0.5, "omission": 0.2}) == pytest.approx((1.0 + 4.0) / 4.0)


def test_calibration_models_are_read_and_bad_ones_are_one_sentence(tmp_path: Path) -> None:
    shipped = load_calibration()
    for lang in ("kk", "ky", "ru"):
        cal = shipped.get(lang)
        assert cal.omission_model is not None and cal.unrelated_model is not None
        assert cal.omission_model.features == OMISSION_FEATURES
        assert cal.omission_model.limit > cal.omission_model.typical
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "x"\n[languages.ru.omission_model]\nfeatures = ["length"]\nmean = [0.0, 1.0]\n'
        "scale = [1.0]\nweights = [1.0]\nbias = 0.0\ntypical = 0.0\nlimit = 1.0\n",
        encoding="utf-8",
    )
    with pytest.raises(UserInputError, match="cannot be used .*one mean, scale and weight"):
        load_calibration(bad)


class _Counting(E5Embedder):
    """The bundled e5-small, counting the texts it embeds."""

    texts = 0

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        type(self).texts += len(texts)
        return super()._embed_batch(texts)


@pytest.fixture(scope="module")
def e5() -> CachingEmbedder:
    return CachingEmbedder(_Counting(), None)


RU = (
    "Президент подписал указ о введении чрезвычайного положения в Алматы, а полиции поручено "
    "обеспечить порядок на улицах города и задержать участников беспорядков."
)
RU_EN = (
    "The president signed a decree introducing a state of emergency in Almaty, and the police "
    "were instructed to keep order on the city's streets and detain those who took part in the "
    "riots."
)
KK = (
    "Президент Алматыда төтенше жағдай енгізу туралы жарлыққа қол қойды, ал полицияға қала "
    "көшелерінде тәртіпті қамтамасыз ету тапсырылды."
)
KK_EN = (
    "The President signed a decree introducing a state of emergency in Almaty, and the police "
    "were instructed to ensure order on the city streets."
)
OTHER = "The football season ends in May with a final match in the new stadium in Madrid."


@pytest.mark.parametrize(
    ("src", "source", "faithful", "dropped", "lost"),
    [
        ("ru", RU, RU_EN, RU_EN.split(", and")[0] + ".", "полиции поручено"),
        ("kk", KK, KK_EN, KK_EN.split(", and")[0] + ".", "полицияға"),
    ],
)
def test_dropped_clause_and_other_sentence_are_flagged_faithful_is_not(
    e5: CachingEmbedder, src: str, source: str, faithful: str, dropped: str, lost: str
) -> None:
    good, short, other = check_pairs([source] * 3, [faithful, dropped, OTHER], src, embedder=e5)
    assert not good.flagged and not any(i.kind in ("omission", "unrelated") for i in good.issues)
    omission = [i for i in short.issues if i.kind == "omission"]
    assert short.flagged and omission
    assert lost in omission[0].source  # the clause the translation lost
    assert "not rendered: «" in omission[0].note and lost.split()[0] in omission[0].note
    assert other.flagged and any(i.kind == "unrelated" for i in other.issues)
    (blind,) = check_pairs([source], [dropped], src)  # no embedder: no coverage issue
    assert not any(i.kind in ("omission", "unrelated") for i in blind.issues)


def test_each_clause_is_embedded_once_and_no_sentence_twice(e5: CachingEmbedder) -> None:
    before = _Counting.texts
    sources = [RU, "Совещание прошло в Астане."]
    translations = [RU_EN, "The meeting was held in Astana."]
    check_pairs(sources, translations, "ru", embedder=e5)
    pieces = {t[a:b] for t in sources + translations for a, b in clauses(t)}
    assert 0 < _Counting.texts - before <= len(pieces)


def test_e5_vectors_do_not_depend_on_the_batch_size() -> None:
    texts = [RU, RU_EN, KK, KK_EN, OTHER, *(t[a:b] for t in (RU, KK_EN) for a, b in clauses(t))]
    small = E5Embedder(batch_size=3).embed(texts)
    np.testing.assert_array_equal(small, E5Embedder().embed(texts))
    assert E5Embedder().batch_size >= 512  # one engine call for a few hundred sentences


def test_word_evidence_rises_in_the_clause_the_translation_dropped() -> None:
    from workbench.faithfulness.coverage import word_features
    from workbench.faithfulness.diffapi import load_bilexicon

    lex = load_bilexicon()
    spans = tuple(clauses(RU))
    dropped = RU_EN.split(", and")[0] + "."
    full = word_features(lex.coverage(RU, RU_EN, "ru"), spans)
    short = word_features(lex.coverage(RU, dropped, "ru"), spans)
    share, worst, index, lost = short
    assert share > full[0] + 0.1 and lost > full[3] + 1.0 and worst > full[1]
    assert "полиции поручено" in RU[spans[index][0] : spans[index][1]]
    assert word_features([], spans) == (0.0, 0.0, 0, 0.0)


def test_the_unrelated_model_reads_the_word_evidence_and_the_signature_names_it(
    e5: CachingEmbedder,
) -> None:
    for lang in ("kk", "ky", "ru"):
        other = load_calibration().get(lang).unrelated_model
        assert other is not None and "words" in other.features
        # another sentence renders few of the source's words: the share pushes towards it
        assert dict(zip(other.features, other.weights, strict=True))["words"] > 0.0
    (with_vectors,) = check_pairs([RU], [RU_EN], "ru", embedder=e5)
    assert "|words:bilex:model1" in with_vectors.signature
    (blind,) = check_pairs([RU], [RU_EN], "ru")
    assert "words:" not in blind.signature


def test_when_both_models_report_the_kind_follows_the_larger_excess_and_the_words() -> None:
    from workbench.faithfulness import LanguageCalibration
    from workbench.faithfulness.coverage import CoverageFeatures, _lost_a_clause

    one = (0.0,), (1.0,)
    omission = CoverageModel(("length",), *one, (-1.0,), 0.0, -2.0, 1.0)  # logit = -length
    unrelated = CoverageModel(("similarity",), *one, (-1.0,), 0.0, -2.0, -0.5)  # = -similarity
    cal = LanguageCalibration(similarity_limit=0.8, omission_model=omission,
                              unrelated_model=unrelated)  # fmt: skip

    def pair(length: float, similarity: float, words: float) -> CoverageFeatures:
        return CoverageFeatures(similarity, 0.2, 0, 0.2, 0, length=length, words=words)

    # half the translation gone (omission 2.0 past its limit, unrelated 0.0 past its own)
    assert _lost_a_clause(pair(-3.0, 0.5, 0.5), cal)
    # the same excess, but hardly a source word rendered and the vectors far apart: another
    # sentence; with a typical similarity it is still a lost clause
    assert not _lost_a_clause(pair(-3.0, 0.5, 0.95), cal)
    assert _lost_a_clause(pair(-3.0, 0.85, 0.95), cal)
    # unrelated further past its limit: another sentence
    assert not _lost_a_clause(pair(-1.5, -0.5, 0.5), cal)
    # no models: the similarity decides
    assert _lost_a_clause(pair(-3.0, 0.85, 1.0), LanguageCalibration(similarity_limit=0.8))
    assert not _lost_a_clause(pair(-3.0, 0.5, 0.0), LanguageCalibration(similarity_limit=0.8))


def test_a_headline_is_a_source_without_a_sentence_final_mark() -> None:
    from workbench.faithfulness.coverage import is_headline

    assert is_headline("Президент прибыл в Астану")
    assert is_headline("Жапаров Бишкекте жаңы мектепти ачты ")
    assert not is_headline("Президент прибыл в Астану.")
    assert not is_headline("«Мы готовы к переговорам», — сказал он.»")
    assert not is_headline("Сіз келесіз бе?")
    assert not is_headline("   ")


@pytest.mark.parametrize(
    ("src", "source", "kept", "dropped"),
    [
        ("kk", "Тоқаев Астанада Мирзиёевпен кездесті.", "Tokayev met Mirziyoyev in Astana.",
         "Tokayev met the Uzbek leader."),
        ("ky", "Жапаров Бишкекте Рахмонду кабыл алды.", "Japarov received Rahmon in Bishkek.",
         "Japarov received a guest."),
        ("ru", "Министр заявил, что Иванов и Петров подали в отставку.",
         "The minister said Ivanov and Petrov resigned.",
         "The minister said two officials resigned."),
    ],
)  # fmt: skip
def test_lost_names_counts_the_source_names_the_translation_does_not_spell(
    src: str, source: str, kept: str, dropped: str
) -> None:
    from workbench.faithfulness.coverage import lost_names

    assert lost_names(source, kept, src) == 0  # across scripts and case endings
    assert lost_names(source, dropped, src) == 2
    # a Latin-script source word is one name, counted once
    assert lost_names("Компания Apple открыла офис.", "A company opened an office.", "ru") == 1
    assert lost_names("Компания Apple открыла офис.", "Apple opened an office.", "ru") == 0


def test_the_omission_model_reads_the_headline_and_the_lost_names_not_the_lexicon() -> None:
    assert {"headline", "names_lost"} <= set(OMISSION_FEATURES)
    assert not {"words", "words_clause", "words_lost"} & set(OMISSION_FEATURES)
    source = "Министр заявил, что Иванов и Петров подали в отставку."
    cut = clauses(source)
    v = ClauseVectors(tuple(cut), np.stack([_unit(1, 0, 0)] * len(cut)), ((0, 10),),
                      np.stack([_unit(1, 0, 0)]))  # fmt: skip
    full = features(v, source, "The minister said Ivanov and Petrov resigned.", src="ru")
    short = features(v, source, "The minister said they resigned.", src="ru")
    blind = features(v, source, "The minister said they resigned.")
    headline = features(v, source.rstrip("."), "Minister: Ivanov and Petrov resign", src="ru")
    assert full is not None and short is not None and blind is not None and headline is not None
    assert full.names_lost == 0.0 < short.names_lost
    assert blind.names_lost == 0.0  # no language given: no names read
    assert full.headline == 0.0 and headline.headline == 1.0
    assert set(short.values()) >= set(OMISSION_FEATURES)


def test_an_omission_note_names_only_words_faithful_translations_usually_render() -> None:
    from workbench.diff.bilexicon import BiLexicon, english_stem, source_stem
    from workbench.faithfulness.base import FaithContext
    from workbench.faithfulness.coverage import NOTE_WEIGHT, _unrendered_note
    from workbench.faithfulness.diffapi import load_lexicon

    source = "Полиции поручено обеспечить порядок на улицах."
    table = {
        source_stem(w): {english_stem(e): 1.0}
        for w, e in (("полиции", "police"), ("обеспечить", "ensure"), ("улицах", "street"))
    }
    hits = {source_stem("полиции"): 0.95, source_stem("обеспечить"): NOTE_WEIGHT - 0.1,
            source_stem("улицах"): 0.9}  # fmt: skip
    words = BiLexicon({"ru": table}, "test-lexicon", {"ru": hits})
    calibration = load_calibration().languages["ru"]

    def note(translation: str) -> str:
        ctx = FaithContext(source, translation, "ru", load_lexicon(), calibration, None, words)
        return _unrendered_note(ctx, (0, len(source)))

    lost = note("Order was kept.")
    assert "«Полиции»" in lost and "«улицах»" in lost
    assert "обеспечить" not in lost  # rendered by faithful translations too rarely to name
    assert note("The police kept order in the streets.") == ""


def test_a_pairs_coverage_features_are_computed_once_per_check(
    e5: CachingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The coverage check (its flag) and the risk (the score) read the same features: a check
    computes them once per pair (fmarg16: they were computed twice, 14 % of the check's own
    time on 1,000 dev pairs), and the result is the same as computing them each time."""
    from workbench.faithfulness import core, coverage
    from workbench.faithfulness.base import FaithContext

    pairs = [(RU, RU_EN), (RU, RU_EN.split(", and")[0] + "."), (RU, OTHER)]
    calls = {"n": 0}
    real = coverage.features

    def counting(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(coverage, "features", counting)
    once = check_pairs([s for s, _ in pairs], [t for _, t in pairs], "ru", embedder=e5)
    assert calls["n"] == len(pairs)

    def each_time(ctx: FaithContext) -> coverage.CoverageFeatures | None:  # no memo
        if ctx.vectors is None:
            return None
        return real(ctx.vectors, ctx.source, ctx.translation, ctx.calibration.length_typical,
                    coverage.pair_words(ctx), ctx.src)  # fmt: skip

    monkeypatch.setattr(coverage, "pair_features", each_time)
    monkeypatch.setattr(core, "pair_features", each_time)
    each = check_pairs([s for s, _ in pairs], [t for _, t in pairs], "ru", embedder=e5)
    assert [(r.score, r.flagged, r.issues) for r in once] == [
        (r.score, r.flagged, r.issues) for r in each
    ]
