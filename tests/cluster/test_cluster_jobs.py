"""Whole CLI jobs: a two-node cluster started by the test, and a job killed and resumed.

Both tests start real Ray processes (a ``ray start`` head and worker with 1 CPU each; a CLI that
starts its own local Ray) and tear them down by process id (see ``procs``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cluster.procs import descendants, kill_all, two_node_cluster
from tests.cluster.test_cluster_cli import REPO, model_args, wb
from tests.cluster.test_ray_translate import distinct_lines

pytestmark = pytest.mark.slow


def archive(path: Path, lines: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in
                enumerate(lines)),
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_batch_on_a_two_node_cluster_equals_single_machine(
    tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    docs = archive(tmp_path / "docs.jsonl", distinct_lines(30))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    base = model_args(tiny_ct2_dir)
    one = wb("batch", str(docs), "-o", str(tmp_path / "one.jsonl"), *base, home=tmp_path / "one")
    assert one.returncode == 0, one.stderr
    with two_node_cluster() as address:
        got = wb("batch", str(docs), "-o", str(tmp_path / "two.jsonl"), *base,
                 "--ray", address, "--block-size", "6", home=tmp_path / "two",
                 quiet=False, RAY_AUTH_MODE="token")  # fmt: skip
        assert got.returncode == 0, got.stderr
    assert "on 2 Ray nodes (2 CPUs) with 2 actors" in got.stderr, got.stderr
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_a_killed_job_resumes_and_gives_the_single_machine_output(
    tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    docs = archive(tmp_path / "docs.jsonl", distinct_lines(200))
    job = tmp_path / "job"
    base = model_args(tiny_ct2_dir)
    (tmp_path / "one").mkdir()
    (tmp_path / "ray").mkdir()
    out = tmp_path / "ray.jsonl"
    cmd = [sys.executable, "-m", "workbench", "-q", "batch", str(docs), "-o", str(out), *base,
           "--ray", "--ray-cpus", "2", "--block-size", "8", "--job-dir", str(job)]  # fmt: skip
    env = {"WORKBENCH_HOME": str(tmp_path / "ray"), "HF_HUB_OFFLINE": "1", "RAY_ADDRESS": "",
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    tree: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(list(job.glob("shard-*.jsonl"))) < 3 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.05)
        tree = descendants([proc.pid])
        os.killpg(proc.pid, signal.SIGKILL)  # the whole job dies at once, mid-run
        proc.wait(30)
    finally:
        kill_all(tree or descendants([proc.pid]))
        for session in Path("/tmp").glob(f"wbray-*/session_*_{proc.pid}"):  # the killed Ray's
            shutil.rmtree(session.parent, ignore_errors=True)
    kept = len(list(job.glob("shard-*.jsonl")))
    assert kept >= 3 and not out.exists()
    again = wb("batch", str(docs), "-o", str(out), *base, "--ray", "--ray-cpus", "2",
               "--block-size", "8", "--job-dir", str(job), home=tmp_path / "ray")  # fmt: skip
    assert again.returncode == 0, again.stderr
    one = wb("batch", str(docs), "-o", str(tmp_path / "one.jsonl"), *base, home=tmp_path / "one")
    assert one.returncode == 0, one.stderr
    assert out.read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert not job.exists()  # removed once the output is written
