"""The job folder: plan and shards round-trip, and every damaged or foreign folder is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cluster.test_cluster_cli import model_args, wb
from tests.tiny_models import SENTENCES
from workbench.cluster.jobstore import MANIFEST, JobStore
from workbench.errors import ClusterError


def test_plan_and_shards_round_trip(tmp_path: Path) -> None:
    job = JobStore(tmp_path / "job", "sig-a")
    assert job.load_plan() is None and job.finished() == {}
    job.save_plan([["a", "b"], ["c"]])
    job.write(1, [("c", "C")])
    again = JobStore(tmp_path / "job", "sig-a")
    assert again.load_plan() == [["a", "b"], ["c"]]
    assert again.finished() == {1: {"c": "C"}}
    assert not list((tmp_path / "job").glob(".*tmp*"))  # written by rename, nothing left over
    again.remove()
    assert not (tmp_path / "job").exists()


@pytest.mark.parametrize(
    ("manifest", "shard", "message"),
    [
        ('{"signature": "sig-b", "blocks": []}', None, "holds results of another job"),
        ("{not json", None, "is damaged"),
        ('{"signature": "sig-a"}', None, "is damaged"),
        ('{"signature": "sig-a", "blocks": [["a"]]}', '{"source": "a"}\n', "shard"),
    ],
)
def test_damaged_or_foreign_job_folders_give_one_sentence(
    manifest: str, shard: str | None, message: str, tmp_path: Path
) -> None:
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / MANIFEST).write_text(manifest, encoding="utf-8")
    if shard is not None:
        (folder / "shard-000000.jsonl").write_text(shard, encoding="utf-8")
    job = JobStore(folder, "sig-a")
    with pytest.raises(ClusterError, match=message):
        job.load_plan()
        job.finished()


def test_a_job_dir_of_another_job_is_refused_before_ray_starts(
    tiny_ct2_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / MANIFEST).write_text('{"signature": "engine:x", "blocks": []}', encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text(SENTENCES[0] + "\n", encoding="utf-8")
    done = wb("translate", *model_args(tiny_ct2_dir), "--input", str(src), "--ray",
              "--job-dir", str(folder), home=tmp_path, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert "holds results of another job" in done.stderr and done.stderr.count("\n") == 1
