"""Metrics registry, segment scores, significance parameters and input errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from tests.evaluate.conftest import perturb, run_workbench, write_lines
from workbench.errors import MetricError, UnknownNameError, UserInputError
from workbench.score import METRICS, score_systems
from workbench.score.metrics import metric_names


@pytest.fixture(scope="module")
def small(shared_data: Path) -> tuple[list[str], list[str], list[str]]:
    """60 real NTREX sentences: reference, and two perturbed systems."""
    ref = (shared_data / "ntrex128" / "eng_Latn.txt").read_text(encoding="utf-8").splitlines()
    ref = ref[:60]
    return ref, perturb(ref, 1, 0.1, 0.1), perturb(ref, 2, 0.2, 0.2)


SACRE = {
    "bleu": lambda: BLEU(effective_order=True),
    "chrf": lambda: CHRF(),
    "chrf++": lambda: CHRF(word_order=2),
    "ter": lambda: TER(),
}


@pytest.mark.parametrize("name", ["bleu", "chrf", "chrf++", "ter"])
def test_every_sacrebleu_metric_contract(
    name: str, small: tuple[list[str], list[str], list[str]]
) -> None:
    ref, a, b = small
    first = score_systems([("a", a), ("b", b)], [ref], metrics=[name], jobs=1)
    again = score_systems([("a", a), ("b", b)], [ref], metrics=[name], jobs=1)
    assert [s.name for s in first] == ["a", "b"]
    for system, hyps in zip(first, (a, b), strict=True):
        (score,) = system.scores
        assert score.metric == name
        assert len(score.segment_scores) == len(ref)
        # segment scores are exactly sacreBLEU's sentence_score (BLEU with effective order)
        sentence = SACRE[name]()
        expected = [sentence.sentence_score(h, [r]).score for h, r in zip(hyps, ref, strict=True)]
        assert list(score.segment_scores) == pytest.approx(expected, abs=1e-9)
    assert first == again  # stable scores and signatures


def test_parallel_and_in_process_runs_agree(small: tuple[list[str], list[str], list[str]]) -> None:
    ref, a, b = small
    one = score_systems({"a": a, "b": b}, [ref], metrics="bleu,chrf,ter", jobs=1)
    two = score_systems({"a": a, "b": b}, [ref], metrics="bleu,chrf,ter", jobs=2)
    assert one == two


def test_unknown_metric_lists_the_available_ones() -> None:
    with pytest.raises(UnknownNameError, match="available: bleu, chrf, chrf\\+\\+, comet, ter"):
        metric_names("bleu,meteor")
    assert metric_names("BLEU, ter,bleu") == ["bleu", "ter"]
    assert "chrf++" in METRICS


def test_seed_and_resamples_change_the_test_and_its_signature(
    small: tuple[list[str], list[str], list[str]],
) -> None:
    ref, a, b = small
    runs = {
        (seed, n): score_systems(
            [("a", a), ("b", b)],
            [ref],
            metrics="bleu",
            significance="bootstrap",
            resamples=n,
            seed=seed,
        )[1].significance[0]
        for seed, n in [(1, 100), (1, 100), (2, 100), (1, 200)]
    }
    assert runs[1, 100].signature.startswith("BLEU|nrefs:1|bs:100|seed:1|")
    assert runs[1, 200].signature.startswith("BLEU|nrefs:1|bs:200|seed:1|")
    assert runs[2, 100].mean != runs[1, 100].mean
    assert runs[1, 100].ci_low < runs[1, 100].mean < runs[1, 100].ci_high
    assert 0 < runs[1, 100].p_value <= 1


def test_significance_parameters_are_checked(small: tuple[list[str], list[str], list[str]]) -> None:
    ref, a, b = small
    with pytest.raises(MetricError, match="seed"):
        score_systems([("a", a), ("b", b)], [ref], significance="ar", seed=0)
    with pytest.raises(MetricError, match="resamples"):
        score_systems([("a", a), ("b", b)], [ref], significance="bootstrap", resamples=-3)
    with pytest.raises(UserInputError, match="at least two systems"):
        score_systems([("a", a)], [ref], significance="bootstrap")
    with pytest.raises(UnknownNameError, match="bootstrap"):
        score_systems([("a", a), ("b", b)], [ref], significance="permutation")


def test_absurd_resamples_and_jobs_are_one_sentence(
    small: tuple[list[str], list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--resamples 99999999999` was a numpy traceback (1.46 TiB to allocate) and `--jobs -1`
    was taken as one worker without a word (review18)."""
    import workbench.score.systems as systems

    ref, a, b = small
    pair = [("a", a), ("b", b)]
    with pytest.raises(MetricError, match=r"at most 100,000, not 99,999,999,999"):
        score_systems(pair, [ref], significance="bootstrap", resamples=99_999_999_999)
    with pytest.raises(MetricError, match=r"at most 100,000"):
        score_systems(pair, [ref], confidence=100_001)
    with pytest.raises(UserInputError, match=r"--jobs must be 0 .* not -1"):
        score_systems(pair, [ref], jobs=-1)

    def out_of_memory(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(systems, "_run", out_of_memory)
    with pytest.raises(MetricError, match=rf"resample {len(ref)} segments 5,000 times; give a"):
        score_systems(pair, [ref], significance="bootstrap", resamples=5000)


def test_misaligned_and_empty_inputs_are_user_errors(
    small: tuple[list[str], list[str], list[str]],
) -> None:
    ref, a, _ = small
    with pytest.raises(UserInputError, match="System 'a' has 59 segments but the reference has 60"):
        score_systems([("a", a[:-1])], [ref])
    with pytest.raises(UserInputError, match="used twice"):
        score_systems([("a", a), ("a", a)], [ref])
    with pytest.raises(UserInputError, match="no segments"):
        score_systems([("a", [])], [[]])


def test_comet_says_clearly_that_it_is_unavailable(
    small: tuple[list[str], list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    ref, a, _ = small
    monkeypatch.setitem(sys.modules, "comet", None)  # as if unbabel-comet were not installed
    with pytest.raises(MetricError, match=r"COMET is unavailable.*pip install"):
        score_systems([("a", a)], [ref], metrics="comet", sources=ref)
    with pytest.raises(MetricError, match="source"):
        score_systems([("a", a)], [ref], metrics="comet")


# ─── the CLI's messages ─────────────────────────────────────────────────────────────────────


@pytest.fixture
def files(tmp_path: Path, small: tuple[list[str], list[str], list[str]]) -> dict[str, Path]:
    ref, a, _ = small
    bad = tmp_path / "nul.txt"  # a NUL byte far past the first 8 KB
    bad.write_bytes(("x" * 300 + "\n").encode() * (len(ref) - 1) + b"late \x00 byte\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"  # scored as 60 empty segments, it gave 0.0 and no message
    blank.write_bytes(b"\n" * (len(ref) - 1) + b"  \r\n")
    return {
        "ref": write_lines(tmp_path / "ref.txt", ref),
        "a": write_lines(tmp_path / "a.txt", a),
        "short": write_lines(tmp_path / "short.txt", a[:10]),
        "nul": bad,
        "empty": empty,
        "blank": blank,
    }


@pytest.mark.parametrize(
    ("hyp", "message"),
    [
        ("short", "has 10 segments but the reference has 60; they must be line-aligned"),
        ("empty", "is empty; give a file with one segment per line"),
        ("blank", "has only blank lines; give a file with one segment per line"),
        ("nul", "looks like a binary file, not text (a NUL byte on line 60)"),
    ],
)
def test_cli_bad_input_gives_one_clear_message(
    files: dict[str, Path], hyp: str, message: str
) -> None:
    proc = run_workbench("score", "--ref", str(files["ref"]), "--hyp", str(files[hyp]))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_cli_text_output_looks_like_sacrebleu(files: dict[str, Path]) -> None:
    proc = run_workbench(
        "score", "--ref", str(files["ref"]), "--hyp", str(files["a"]), "--metrics", "bleu"
    )
    assert proc.returncode == 0, proc.stderr
    expected = BLEU().corpus_score(
        files["a"].read_text(encoding="utf-8").splitlines(),
        [files["ref"].read_text(encoding="utf-8").splitlines()],
    )
    assert (
        f"BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = {expected.score:.1f}"
        in proc.stdout
    )


def test_comet_model_unavailable_is_one_clear_message(
    small: tuple[list[str], list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the package importable but the Hub unreachable, COMET refuses instead of scoring."""
    import sys
    import types

    ref, a, _ = small
    fake = types.ModuleType("comet")

    def download_model(name: str) -> str:
        raise OSError(f"We couldn't connect to 'https://huggingface.co' to load {name}")

    fake.download_model = download_model  # type: ignore[attr-defined]
    fake.load_from_checkpoint = lambda path: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "comet", fake)
    with pytest.raises(
        MetricError,
        match=r"COMET is unavailable: its model Unbabel/wmt22-comet-da could not be loaded",
    ):
        score_systems([("a", a)], [ref], metrics="comet", sources=ref)


def test_scoring_from_a_threaded_server_uses_a_safe_start_method(
    small: tuple[list[str], list[str], list[str]],
) -> None:
    """Called from a worker thread (as the UI does), results equal the single-threaded ones."""
    from concurrent.futures import ThreadPoolExecutor

    ref, a, b = small
    args = ([("a", a), ("b", b)], [ref])
    kwargs = {"metrics": "bleu,chrf", "significance": "bootstrap", "resamples": 50}
    with ThreadPoolExecutor(1) as threads:
        threaded = threads.submit(score_systems, *args, **kwargs).result(timeout=120)
    assert threaded == score_systems(*args, **kwargs)


def test_cli_significance_prints_no_sacrebleu_chatter(
    files: dict[str, Path], tmp_path: Path
) -> None:
    b = write_lines(
        tmp_path / "b.txt",
        perturb(files["a"].read_text(encoding="utf-8").splitlines(), 9, 0.2, 0.2),
    )
    proc = run_workbench(
        "score",
        "--ref",
        str(files["ref"]),
        "--hyp",
        str(files["a"]),
        "--hyp",
        str(b),
        "--metrics",
        "bleu",
        "--significance",
        "ar",
        "--resamples",
        "100",
    )
    assert proc.returncode == 0, proc.stderr
    # no sacreBLEU chatter: the only stderr line is the workbench's own small-sample warning
    assert proc.stderr.startswith("warning: Only 60 segments:") and proc.stderr.count("\n") == 1
    assert "p = " in proc.stdout and "bs:1000|ar:100|seed:12345" in proc.stdout


def test_every_metric_declares_direction_significance_and_workers() -> None:
    for name in METRICS.names():
        metric = METRICS.get(name)
        assert isinstance(metric.higher_is_better, bool)
        assert isinstance(metric.supports_significance, bool)
        assert isinstance(metric.supports_workers, bool)
    assert not METRICS.get("ter").higher_is_better and METRICS.get("bleu").higher_is_better
    assert not METRICS.get("comet").supports_significance


def test_intervals_for_every_system_equal_sacrebleu_confidence(tmp_path: Path) -> None:
    """Every system, the baseline included, gets sacrebleu --confidence's own μ ± ci."""
    import re

    from tests.evaluate.conftest import run_sacrebleu

    ref = [f"The committee met on day {i} and agreed on the {i}th point." for i in range(40)]
    a = perturb(ref, 1, 0.1, 0.1)
    b = perturb(ref, 2, 0.3, 0.2)
    rf, af = write_lines(tmp_path / "r.txt", ref), write_lines(tmp_path / "a.txt", a)
    tested = score_systems(
        [("a", a), ("b", b)], [ref], metrics="bleu,ter", significance="bootstrap", resamples=200
    )
    alone = score_systems([("a", a)], [ref], metrics="bleu,ter", confidence=200)
    out = run_sacrebleu(
        str(rf), "-i", str(af), "-m", "bleu", "ter", "--confidence", "--confidence-n", "200"
    )
    expected = [tuple(map(float, m)) for m in re.findall(r"μ = ([\d.]+) ± ([\d.]+)", out)]
    for k, (mean, half) in enumerate(expected):
        for score in (tested[0].scores[k], alone[0].scores[k]):
            assert score.ci_low is not None and score.ci_high is not None
            assert round((score.ci_low + score.ci_high) / 2, 1) == mean
            assert round((score.ci_high - score.ci_low) / 2, 1) == half
            assert score.ci_resamples == 200
    ter = tested[1].scores[1]
    assert not ter.higher_is_better and ter.ci_low is not None  # non-baseline too
    (test,) = [t for t in tested[1].significance if t.metric == "ter"]
    assert test.baseline_score == tested[0].scores[1].score and not test.higher_is_better
    # b is much worse than a: TER is higher, and that is "worse", never "better"
    assert ter.score > tested[0].scores[1].score and test.verdict() == "worse"


def test_a_new_metric_gets_significance_and_workers_by_declaring_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A metric that is no SacrebleuMetric but declares the hooks gets tests and intervals."""
    from dataclasses import dataclass

    from workbench.score.metrics import SacrebleuMetric

    @dataclass(frozen=True)
    class Wrapped:
        inner: SacrebleuMetric
        name: str = "chrf-wrapped"
        needs_source: bool = False
        higher_is_better: bool = True
        supports_significance: bool = True
        supports_workers: bool = True

        def __getattr__(self, attr: str) -> object:
            return getattr(self.inner, attr)

        def score(self, *args: object, **kwargs: object) -> object:
            return self.inner.score(*args, **kwargs)  # type: ignore[arg-type]

    wrapped = Wrapped(SacrebleuMetric("chrf", "CHRF"))
    assert not isinstance(wrapped, SacrebleuMetric)
    monkeypatch.setitem(METRICS._entries, "chrf-wrapped", wrapped)
    # forked workers inherit the patched registry (a forkserver, used once threads run, would not)
    import multiprocessing

    import workbench.score.systems as systems_module

    monkeypatch.setattr(systems_module, "_context", lambda: multiprocessing.get_context("fork"))
    ref = [f"Line {i} of the statement was read aloud." for i in range(30)]
    a, b = perturb(ref, 1, 0.1, 0.1), perturb(ref, 2, 0.3, 0.3)
    got = score_systems(
        [("a", a), ("b", b)],
        [ref],
        metrics="chrf-wrapped",
        significance="bootstrap",
        resamples=100,
        jobs=2,
    )
    assert got[1].significance and got[1].significance[0].metric == "chrf-wrapped"
    assert got[0].scores[0].ci_low is not None


def test_cli_two_segments_warn_and_every_system_has_an_interval(tmp_path: Path) -> None:
    """The issue's case: 2 segments used to give p = 0.001 and CI 100.0–100.0 silently."""
    ref = write_lines(tmp_path / "ref.txt", ["The cat sat on the mat.", "It rained all day."])
    a = write_lines(tmp_path / "a.txt", ["The cat sat on the mat.", "It rained all day."])
    b = write_lines(tmp_path / "b.txt", ["A cat is on a mat.", "Rain all day."])
    proc = run_workbench(
        "score",
        "--ref",
        str(ref),
        "--hyp",
        str(a),
        "--hyp",
        str(b),
        "--significance",
        "bootstrap",
        "--resamples",
        "100",
    )
    assert proc.returncode == 0, proc.stderr
    assert "warning: Only 2 segments" in proc.stderr
    assert "(95% CI 100.0–100.0)" in proc.stdout  # the baseline's interval, with the warning
    assert "worse" in proc.stdout and "Lower is better for TER" in proc.stdout
    alone = run_workbench(
        "score",
        "--ref",
        str(ref),
        "--hyp",
        str(b),
        "--confidence",
        "--format",
        "json",
        "--metrics",
        "ter",
    )
    assert alone.returncode == 0, alone.stderr
    import json

    ter = json.loads(alone.stdout)["systems"][0]["metrics"]["ter"]
    assert ter["higher_is_better"] is False and ter["ci_low"] <= ter["score"] <= ter["ci_high"]
    short_src = write_lines(tmp_path / "src.txt", ["Бір."])
    bad = run_workbench("score", "--ref", str(ref), "--hyp", str(a), "--src", str(short_src))
    assert bad.returncode == 2 and "source has 1 segment but" in bad.stderr


def test_pipeline_formats_refuse_unknown_names(tmp_path: Path) -> None:
    from workbench.pipeline.annotate import export_judgments
    from workbench.pipeline.evaluate import format_scores, translations_as

    with pytest.raises(UserInputError, match="use text or json"):
        format_scores([], "yaml")
    with pytest.raises(UserInputError, match="use txt, tmx or xliff"):
        translations_as([], "docx", "kk")
    with pytest.raises(UserInputError, match="use csv or jsonl"):
        export_judgments(tmp_path / "j.sqlite", "xml")


@pytest.mark.parametrize(
    "options", [{"confidence": 1000}, {"significance": "bootstrap"}, {"significance": "ar"}]
)
def test_intervals_on_three_segments_stay_in_the_metric_range(options: dict[str, object]) -> None:
    """sacreBLEU's mean ± half-width leaves 0–100 on 3 segments (chrF 54.3–111.4, TER
    -13.5–53.2): the interval printed for a system is clipped to what the metric can score."""
    ref = [
        "The minister said the road will open in May.",
        "Prices rose by five percent.",
        "He met the delegation on Tuesday.",
    ]
    a = [*ref[:2], "He saw delegates Tuesday."]
    b = ["A minister says roads open in May.", "Prices went up five per cent.", ref[2]]
    systems = score_systems([("a", a), ("b", b)], [ref], metrics="bleu,chrf,ter", **options)  # type: ignore[arg-type]
    clipped = 0
    for system in systems:
        for score in system.scores:
            assert score.ci_low is not None and score.ci_high is not None
            assert 0.0 <= score.ci_low <= score.score <= score.ci_high
            if score.metric != "ter":
                assert score.ci_high <= 100.0
            clipped += score.ci_low == 0.0 or score.ci_high == 100.0
    assert clipped >= 3  # a's chrF and BLEU reach 100, a's TER reaches 0
