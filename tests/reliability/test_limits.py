"""One request cannot take the server down (issue 11, row 5), and option mistakes are refused.

A single 185 KB line sent to TER took 4 GB; now the line cap refuses it at reading, and TER
refuses segments over :data:`TER_MAX_SEGMENT_WORDS` words that pass the line cap. ``--resamples
0`` used to run 1,000 silently.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.errors import MetricError, WorkbenchError
from workbench.pipeline.evaluate import score_files
from workbench.score.metrics import METRICS, TER_MAX_SEGMENT_WORDS

REPO = Path(__file__).resolve().parents[2]


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


def _score_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", "score", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
        preexec_fn=_limit_memory,
    )  # fmt: skip


def test_a_185kb_line_is_refused_quickly_within_bounded_memory(tmp_path: Path) -> None:
    """The line passes the line cap; TER refuses it by its word count before any work."""
    line = " ".join(f"word{i % 997}" for i in range(20_000))[:185_000]
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("A short line.\n" + line + "\n", encoding="utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("A short line.\n" + line[::-1] + "\n", encoding="utf-8")
    started = time.monotonic()
    proc = _score_cli("--ref", str(ref), "--hyp", str(hyp), "--metrics", "ter", home=tmp_path)
    assert time.monotonic() - started < 60
    assert proc.returncode == 2, proc.stderr
    assert "hypothesis segment 2 has 20,000" in proc.stderr or "reference segment 2" in proc.stderr
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr


def test_ter_refuses_segments_over_its_word_cap(tmp_path: Path) -> None:
    long = " ".join(f"w{i}" for i in range(TER_MAX_SEGMENT_WORDS + 1))
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("ok\n" + long + "\n", encoding="utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("ok\nshort\n", encoding="utf-8")
    with pytest.raises(MetricError, match=r"hypothesis segment 2 has 1,001.*--metrics bleu,chrf"):
        score_files([str(hyp)], [str(ref)], metrics="ter")
    with pytest.raises(MetricError, match=r"reference segment 2 has 1,001"):
        score_files([str(ref)], [str(hyp)], metrics="ter")
    # BLEU and chrF have no such cap: the same files score
    got = score_files([str(hyp)], [str(ref)], metrics="bleu,chrf")
    assert len(got.systems[0].scores) == 2


def test_ter_at_its_cap_is_still_scored() -> None:
    words = " ".join(f"w{i}" for i in range(TER_MAX_SEGMENT_WORDS))
    (score,) = METRICS.get("ter").score([[words]], [[words]])
    assert score.score == 0.0


@pytest.mark.parametrize("resamples", ["0", "-5"])
def test_resamples_below_one_is_refused_not_replaced_by_1000(
    tmp_path: Path, resamples: str
) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    ref = tmp_path / "ref.txt"
    for path, word in ((a, "cat"), (b, "dog"), (ref, "cat")):
        path.write_text("".join(f"the {word} sat {i}\n" for i in range(30)), encoding="utf-8")
    proc = _score_cli(
        "--ref", str(ref), "--hyp", str(a), "--hyp", str(b), "--metrics", "bleu",
        "--significance", "bootstrap", "--resamples", resamples, home=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 2
    assert f"--resamples must be at least 1, not {resamples}" in proc.stderr


def test_settings_refuse_a_nonsense_cap() -> None:
    from workbench.settings import Settings

    with pytest.raises(WorkbenchError, match="max_line_chars must be a whole number >= 1"):
        Settings.resolve(env={"WORKBENCH_HOME": "/tmp/x", "WORKBENCH_MAX_LINE_CHARS": "0"})
    with pytest.raises(WorkbenchError, match="WORKBENCH_MAX_LINES must be a whole number"):
        Settings.resolve(env={"WORKBENCH_HOME": "/tmp/x", "WORKBENCH_MAX_LINES": "many"})


def test_score_honours_the_line_cap_setting(tmp_path: Path) -> None:
    line = "слово " * 35_000  # 210,000 characters: over the default cap of 200,000
    for name in ("hyp.txt", "ref.txt"):
        (tmp_path / name).write_text(f"short\n{line}\n", encoding="utf-8")
    args = ["--ref", str(tmp_path / "ref.txt"), "--hyp", str(tmp_path / "hyp.txt")]
    refused = _score_cli(*args, "--metrics", "bleu", home=tmp_path)
    assert refused.returncode == 2 and "max_line_chars" in refused.stderr
    (tmp_path / "config.toml").write_text("max_line_chars = 300000\n", encoding="utf-8")
    allowed = _score_cli(*args, "--metrics", "bleu", home=tmp_path)
    assert allowed.returncode == 0, allowed.stderr
