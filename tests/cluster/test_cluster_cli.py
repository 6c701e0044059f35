"""``workbench translate --ray`` and ``workbench batch``: CLI paths, bad input, no ray on import.

The ``--ray`` runs here start their own local Ray (``--ray-cpus 2``) in the CLI process, as a
user's command does; the in-process tests share one Ray (see conftest).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tiny_models import DEFAULT_MAX_NEW_TOKENS, SENTENCES

REPO = Path(__file__).resolve().parents[2]


def wb(
    *args: str, home: Path, timeout: float = 180, quiet: bool = True, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {"WORKBENCH_HOME": str(home), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    env.update(RAY_ADDRESS="", **extra)
    return subprocess.run(
        [sys.executable, "-m", "workbench", *(["-q"] if quiet else []), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
    )


def model_args(ct2: Path) -> list[str]:
    return ["--engine", "ct2", "--model", str(ct2), "--src", "ru", "--beam-size", "2",
            "--max-length", str(DEFAULT_MAX_NEW_TOKENS)]  # fmt: skip


def test_importing_workbench_and_the_cli_imports_no_ray() -> None:
    code = (
        "import sys, workbench, workbench.cli, workbench.cluster.runtime, workbench.cluster.data,"
        " workbench.pipeline.cluster, workbench.pipeline.batch\n"
        "workbench.cli.build_parser()\n"
        "print('ray' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "False", out.stderr


def test_translate_and_batch_with_ray_equal_single_machine(
    tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    lines = [SENTENCES[i] + " " + SENTENCES[i + 1] for i in range(9)] + ["", SENTENCES[4]]
    src = tmp_path / "in.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    archive = tmp_path / "docs.jsonl"
    archive.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(lines)),
        encoding="utf-8",
    )
    single, clustered = tmp_path / "one", tmp_path / "ray"
    single.mkdir()
    clustered.mkdir()
    base = model_args(tiny_ct2_dir)
    one = wb("translate", *base, "--input", str(src), "--format", "jsonl", home=single)
    assert one.returncode == 0, one.stderr
    got = wb("translate", *base, "--input", str(src), "--format", "jsonl",
             "--ray", "--ray-cpus", "2", "--block-size", "4", home=clustered)  # fmt: skip
    assert got.returncode == 0, got.stderr
    assert got.stderr == ""  # -q: no Ray log line (ux9's walk: a core_worker.cc "E" line)
    assert got.stdout == one.stdout
    assert len(got.stdout.splitlines()) == len(lines)
    # The batch command over the same texts as documents: same records, with ids. Every
    # sentence is now in the Ray run's cache, so no Ray is started and all are marked cached.
    out = tmp_path / "out.jsonl"
    done = wb("batch", str(archive), "-o", str(out), *base, "--ray", home=clustered)
    assert done.returncode == 0, done.stderr
    records = [json.loads(r) for r in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"d{i}" for i in range(len(lines))]
    expected = [json.loads(r) for r in one.stdout.splitlines()]
    for record, plain in zip(records, expected, strict=True):
        assert record.pop("id")
        for s in plain["sentences"]:
            s["cached"] = True
        assert record == plain


def test_batch_reads_a_folder_of_text_files(tiny_ct2_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "2022").mkdir(parents=True)
    (folder / "b.txt").write_text(SENTENCES[1], encoding="utf-8")
    (folder / "2022" / "a.txt").write_text(SENTENCES[2] + "\n" + SENTENCES[3], encoding="utf-8")
    (folder / "skip.md").write_text("not an archive document", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = wb("batch", str(folder), "-o", str(out), *model_args(tiny_ct2_dir), home=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(r) for r in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["2022/a.txt", "b.txt"]
    assert records[0]["source"] == SENTENCES[2] + "\n" + SENTENCES[3]
    assert len(records[0]["sentences"]) == 2 and records[0]["signature"].startswith("engine:ct2|")


BAD_ARCHIVES = {
    "missing": (None, "does not exist"),
    "empty-folder": ("folder", "holds no .txt files"),
    "not-json": ('{"id": 1, "text": "a"}\n{oops\n', "line 2 is not JSON"),
    "no-id": ('{"text": "a"}\n', "line 1 has no id"),
    "bool-id": ('{"id": true, "text": "a"}\n', "line 1 has no id"),
    "no-text": ('{"id": "x", "text": 3}\n', "line 1 has no text string"),
    "duplicate": ('{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n', "used twice"),
    "not-object": ("[1, 2]\n", "not a JSON object"),
    "blank": ("\n\n", "holds no documents"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARCHIVES))
def test_bad_archives_give_one_sentence(case: str, tmp_path: Path) -> None:
    content, message = BAD_ARCHIVES[case]
    path = tmp_path / "docs.jsonl"
    if content == "folder":
        path = tmp_path / "folder"
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = wb("batch", str(path), "-o", str(out), "--engine", "ct2", "--model", "x",
              "--src", "ru", home=tmp_path)  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--ray-cpus", "0"], "--ray-cpus must be at least 1"),
        (["--cpus-per-actor", "0"], "--cpus-per-actor must be at least 1"),
        (["--actors", "0"], "--actors must be at least 1"),
        (["--block-size", "0"], "--block-size must be at least 1"),
        (["--ray", "not an address"], "is not HOST:PORT"),
        (["--ray", "127.0.0.1:9"], "cannot be reached"),
    ],
)
def test_bad_ray_options_and_unreachable_cluster(
    option: list[str], message: str, tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    src = tmp_path / "in.txt"
    src.write_text(SENTENCES[0] + "\n", encoding="utf-8")
    extra = option if option[0] == "--ray" else ["--ray", *option]
    done = wb("translate", *model_args(tiny_ct2_dir), "--input", str(src), *extra,
              home=tmp_path, timeout=60)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""
