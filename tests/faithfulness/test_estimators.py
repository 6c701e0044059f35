"""Model-based estimators: the registry, the unavailable path, and the wiring (with a fake)."""

from __future__ import annotations

import pytest

from workbench.faithfulness import ESTIMATORS, Estimator, EstimatorUnavailable, create_estimator
from workbench.pipeline.faithfulness import check_translations


class FakeLengthEstimator(Estimator):
    """TEST ONLY: a fake estimator (ratio of lengths), to prove the wiring without weights."""

    name = "fake-length-test-only"
    model = "none"
    licence = "test"
    package = "json"

    def estimate(self, sources: list[str], translations: list[str], src: str) -> list[float]:
        return [len(t) / max(1, len(s)) for s, t in zip(sources, translations, strict=True)]


@pytest.fixture
def fake() -> None:
    ESTIMATORS.add(FakeLengthEstimator.name, FakeLengthEstimator)
    yield
    ESTIMATORS._entries.pop(FakeLengthEstimator.name)


def test_registered_estimators_name_their_licences() -> None:
    assert set(ESTIMATORS.names()) >= {"cometkiwi", "xcomet", "metricx-qe"}
    assert "CC-BY-NC-SA" in ESTIMATORS.get("cometkiwi").licence
    assert "CC-BY-NC-SA" in ESTIMATORS.get("xcomet").licence
    assert ESTIMATORS.get("metricx-qe").licence == "Apache-2.0"


@pytest.mark.parametrize("name", ["metricx-qe"])
def test_missing_package_is_one_sentence(name: str) -> None:
    with pytest.raises(EstimatorUnavailable, match="needs the 'metricx24' package"):
        create_estimator(name)


def test_estimates_are_attached_to_each_non_blank_pair(fake: None) -> None:
    results = check_translations(
        ["Мы дома.", "", "Он ушёл."],
        ["We are home.", "", "He left."],
        "ru",
        use_embedder=False,
        estimators=["fake-length-test-only"],
    )
    assert [len(r.estimates) for r in results] == [1, 0, 1]
    assert results[0].estimates[0].name == "fake-length-test-only"
    assert results[0].estimates[0].score == pytest.approx(len("We are home.") / len("Мы дома."))
    assert results[0].estimates[0].signature.startswith("qe:fake-length-test-only|")
