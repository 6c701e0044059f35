"""``workbench eval`` over several engines and test sets, sequential and as Ray tasks.

The test sets are small stand-ins written into the home's data folder (the tiny models'
sentences under FLORES-200 and NTREX-128 file names): the test proves that the Ray tasks give
the sequential run's numbers and signatures, not anything about the real test sets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cluster.test_cluster_cli import wb
from tests.tiny_models import SENTENCES

FILES = {"rus_Cyrl.txt": 0, "kaz_Cyrl.txt": 10, "kir_Cyrl.txt": 20, "eng_Latn.txt": 30}


@pytest.fixture
def eval_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for offset, name in ((0, "flores200-dev"), (3, "ntrex128")):
        folder = home / "data" / name
        folder.mkdir(parents=True)
        for file, start in FILES.items():
            rows = [SENTENCES[start + (offset + i) % 10] for i in range(10)]
            (folder / file).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return home


def test_eval_of_several_engines_and_test_sets_on_ray_equals_sequential(
    tiny_ct2_dir: Path, tiny_marian_dir: Path, eval_home: Path, tmp_path: Path
) -> None:
    args = ["eval", "--engine", "ct2", "--model", str(tiny_ct2_dir), "--engine", "opus-mt",
            "--model", str(tiny_marian_dir), "--testset", "flores200-dev,ntrex128", "--src",
            "ru", "--limit", "6", "--max-length", "8", "--format", "json"]  # fmt: skip
    sequential = wb(*args, home=eval_home)
    assert sequential.returncode == 0, sequential.stderr
    docs = json.loads(sequential.stdout)
    assert [d["testset"] for d in docs] == [
        "test:flores200-dev|pair:ru-en|n:6",
        "test:ntrex128|pair:ru-en|n:6",
    ]
    assert all(len(d["systems"]) == 2 for d in docs)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "data").symlink_to(eval_home / "data")
    on_ray = wb(*args, "--ray", "--ray-cpus", "2", home=fresh)  # cold cache: really translates
    assert on_ray.returncode == 0, on_ray.stderr
    assert on_ray.stdout == sequential.stdout


def test_one_eval_on_ray_prints_what_the_single_run_prints(
    tiny_ct2_dir: Path, eval_home: Path
) -> None:
    args = ["eval", "--engine", "ct2", "--model", str(tiny_ct2_dir), "--src", "ru", "--limit",
            "4", "--max-length", "8"]  # fmt: skip
    single = wb(*args, home=eval_home)
    on_ray = wb(*args, "--ray", "--ray-cpus", "2", home=eval_home)
    assert single.returncode == on_ray.returncode == 0, on_ray.stderr
    assert on_ray.stdout == single.stdout and "test:flores200-dev|pair:ru-en|n:4" in single.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--engine", "ct2", "--engine", "opus-mt", "--model", "m"], "2 --engine for 1 --model"),
        (["--engine", "ct2", "--model", "a", "--model", "b", "--save", "x.txt"], "--save, --tmx"),
        (["--engine", "ct2", "--model", "a", "--testset", "flores200-dev,"], "has an empty name"),
        (["--engine", "ct2", "--model", "a", "--ray", "--cpus-per-task", "0"], "--cpus-per-task"),
        (["--engine", "ct2", "--model", "a", "--ray", "--ray-cpus", "0"], "--ray-cpus must be"),
        (["--engine", "ct2", "--model", "a", "--ray", "127.0.0.1:9"], "cannot be reached"),
    ],
)
def test_bad_eval_options_give_one_sentence(
    extra: list[str], message: str, eval_home: Path
) -> None:
    done = wb("eval", "--src", "ru", *extra, home=eval_home, timeout=60)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_an_error_inside_a_ray_task_comes_back_as_its_own_sentence(
    tiny_ct2_dir: Path, eval_home: Path
) -> None:
    done = wb("eval", "--engine", "ct2", "--model", str(tiny_ct2_dir), "--src", "ru",
              "--testset", "flores200-dev,wmt99", "--ray", "--ray-cpus", "2", home=eval_home)  # fmt: skip
    assert done.returncode == 2
    assert "wmt99" in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
