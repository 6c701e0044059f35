"""Acronyms the source spells out: a faithful English that writes "NHS" for three source words
is shorter than the language's length ratio expects, so the omission model reads their number
(session 7); and the omission study (benchmarks/omission_study.py) that reproduces the
dropped-clause numbers of docs/faithfulness.md refuses bad arguments before it reads data.

Sentences are invented in the style of official statements."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.scripts import assert_refused_before_reading, load_script
from workbench.faithfulness import ClauseVectors, features
from workbench.faithfulness.coverage import OMISSION_FEATURES, spelled_out_acronyms


@pytest.mark.parametrize(
    ("source", "english", "count"),
    [
        # the source writes the agency's name in full; the English abbreviates it
        ("Министр Ұлттық денсаулық сақтау қызметінің қызметкерлеріне хат жазды.",
         "The minister wrote to NHS staff.", 1),
        ("Тергеушілер апатты қашықтан басқарылатын су асты аппаратымен тапты.",
         "Investigators found the wreck with an ROV.", 1),
        ("Америка Кошмо Штаттарынын өкүлү сүйлөдү.", "A U.S. envoy spoke.", 1),
        ("Депутаты Национальной ассамблеи Уэльса и члены Палаты общин встретились.",
         "Welsh AMs and MPs met.", 2),
    ],
)  # fmt: skip
def test_an_acronym_the_source_spells_out_is_counted(source: str, english: str, count: int) -> None:
    assert spelled_out_acronyms(source, english) == count


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # the source abbreviates too: no saving of length
        ("АҚШ пен НАТО өкілдері кездесті.", "US and NATO officials met."),
        ("Представители ЕС прибыли в Бишкек.", "EU officials arrived in Bishkek."),
        # the source copies the Latin acronym
        ("Латвия ACTA келісіміне қосылуды кейінге қалдырды.", "Latvia delayed joining ACTA."),
        # names with two capitals are no acronyms; a capitalised word is none either
        ("Маккейн мен Макдональд сөз сөйледі.", "McCain and McDonald spoke."),
        ("Президент выступил в Астане.", "The President spoke in Astana."),
        ("", ""),
    ],
)  # fmt: skip
def test_no_acronym_is_counted_where_the_source_is_as_short(source: str, english: str) -> None:
    assert spelled_out_acronyms(source, english) == 0


def test_the_omission_model_reads_the_spelled_out_acronyms() -> None:
    assert "acronyms" in OMISSION_FEATURES
    source = "Министр Ұлттық денсаулық сақтау қызметінің қызметкерлеріне хат жазды."
    one = np.array([[1.0, 0.0]], dtype=np.float32)
    v = ClauseVectors(((0, len(source)),), one, ((0, 10),), one)
    short = features(v, source, "The minister wrote to NHS staff.", src="kk")
    long = features(v, source, "The minister wrote to the staff of the health service.", src="kk")
    assert short is not None and long is not None
    assert short.acronyms == pytest.approx(math.log1p(1)) and long.acronyms == 0.0
    assert short.values()["acronyms"] == short.acronyms


@pytest.fixture(scope="module")
def study():  # type: ignore[no-untyped-def]
    return load_script("benchmarks/omission_study.py", "omission_study_under_test")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "final"], "invalid choice: 'final'"),
        (["--on", "measurement"], "invalid choice: 'measurement'"),
        ([], "the following arguments are required: --on"),
        (["--on", "dev", "--langs", "kk,uz"], "--langs takes kk, ky and ru; not uz"),
        (["--on", "dev", "--reps", "0"], "--reps must be 1 or more"),
        (["--on", "dev", "--show", "-1"], "--show 0 or more"),
        (["--on", "dev", "--data", "/nonexistent/data"], "is not a folder"),
    ],
)
def test_the_study_refuses_bad_arguments_before_reading_data(
    study, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert_refused_before_reading(study, args, message, monkeypatch, capsys)


def test_the_study_counts_headlines_on_either_side(study) -> None:  # type: ignore[no-untyped-def]
    assert study.headline_either("Президент прибыл в Астану", "The President arrived in Astana.")
    assert study.headline_either("Президент прибыл в Астану.", "President arrives in Astana")
    assert not study.headline_either("Президент прибыл в Астану.", "The President arrived.")
