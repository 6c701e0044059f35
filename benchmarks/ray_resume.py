"""A 10,000-sentence archive on a local Ray, killed in the middle and resumed, against one machine.

Needs no download. The archive is a JSONL of documents built from the shared data as users
bring them: the NTREX-128 Russian news articles (lines grouped by ``DOCUMENT_IDS.tsv``), then
FLORES-200 dev paragraphs of 5 lines, then Tatoeba rus-eng lines in documents of 20, until the
documents hold ``--sentences`` distinct sentences (as the workbench segments them). The model is
``translate_speed.py``'s opus-mt-sized random-weight Marian (int8; it never stops early, so every
sentence decodes exactly ``--max-length`` tokens).

Steps, each a real ``workbench batch`` process:

1. one machine: ``workbench batch ARCHIVE -o single.jsonl`` (its own home and cache);
2. Ray: ``workbench batch ARCHIVE -o ray.jsonl --ray --ray-cpus 2 --job-dir JOB`` in another home,
   killed with SIGKILL (the whole process group: driver, Ray, actors) once half of the shards are
   written;
3. the same Ray command again: it resumes from the job folder;
4. compares ``ray.jsonl`` with ``single.jsonl`` byte for byte and prints the result.

Usage::

    .venv/bin/python benchmarks/ray_resume.py          # ~10 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for path in (REPO, REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import translate_speed as ts  # noqa: E402

BLOCK = 256  # --block-size: sentences per shard


def build_archive(data: Path, target: int, out: Path) -> tuple[int, int]:
    """Write the archive; returns (documents, distinct sentences)."""
    from workbench.segment import split_sentences

    docs: list[tuple[str, list[str]]] = []
    ids = (data / "ntrex128" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    ntrex = (data / "ntrex128" / "rus_Cyrl.txt").read_text(encoding="utf-8").splitlines()
    for doc_id, line in zip(ids, ntrex, strict=True):
        if not docs or docs[-1][0] != f"ntrex:{doc_id}":
            docs.append((f"ntrex:{doc_id}", []))
        docs[-1][1].append(line)
    flores = (data / "flores200-dev" / "rus_Cyrl.txt").read_text(encoding="utf-8").splitlines()
    docs += [(f"flores:{i}", flores[i : i + 5]) for i in range(0, len(flores), 5)]
    tatoeba = data / "tatoeba-test-v2021-08-07" / "rus-eng" / "rus.txt"
    lines = tatoeba.read_text(encoding="utf-8").splitlines()
    docs += [(f"tatoeba:{i}", lines[i : i + 20]) for i in range(0, len(lines), 20)]
    seen: set[str] = set()
    kept = []
    for doc_id, paragraph in docs:
        if len(seen) >= target:
            break
        text = "\n".join(paragraph)
        seen.update(s.text for s in split_sentences(text, "ru"))
        kept.append({"id": doc_id, "text": text})
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in kept), "utf-8")
    return len(kept), len(seen)


def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = Path(f"/proc/{entry}/stat").read_text()
            tree.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += tree.get(pid, [])
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    """Build the archive, run the three jobs, print the comparison."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=ts.DATA)
    p.add_argument("--workdir", type=Path, default=REPO / "benchmarks" / "out" / "ray_resume")
    p.add_argument("--sentences", type=int, default=10_000)
    p.add_argument("--max-length", type=int, default=8, help="tokens decoded per sentence (8)")
    args = p.parse_args(argv)
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    model = work.parent / "ray_speed" / "marian"
    ts.build_model(args.data, model)
    archive = work / "archive.jsonl"
    n_docs, n_sents = build_archive(args.data, args.sentences, archive)
    homes = {name: work / f"home-{name}" for name in ("single", "ray")}
    for home in homes.values():
        subprocess.run(["rm", "-rf", str(home)], check=True)
        home.mkdir()
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE", "RAY_ADDRESS": ""}
    common = ["--engine", "ct2", "--model", str(model), "--src", "ru", "--beam-size", "1",
              "--max-length", str(args.max_length)]  # fmt: skip

    def batch(name: str, *extra: str, quiet: bool = False) -> list[str]:
        env["WORKBENCH_HOME"] = str(homes[name])
        return [sys.executable, "-m", "workbench", *(["-q"] if quiet else []), "batch",
                str(archive), "-o", str(work / f"{name}.jsonl"), *common, *extra]  # fmt: skip

    t = time.perf_counter()
    subprocess.run(batch("single", quiet=True), check=True, env=env, cwd=REPO)
    single_s = time.perf_counter() - t
    job = work / "job"
    subprocess.run(["rm", "-rf", str(job), str(work / "ray.jsonl")], check=True)
    ray_cmd = batch("ray", "--ray", "--ray-cpus", "2", "--job-dir", str(job))
    half = (n_sents // BLOCK + 1) // 2
    t = time.perf_counter()
    proc = subprocess.Popen(ray_cmd, env=env, cwd=REPO, start_new_session=True,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    while len(list(job.glob("shard-*.jsonl"))) < half and proc.poll() is None:
        time.sleep(0.05)
    tree = descendants(proc.pid)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for pid in tree:  # anything that left the process group
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    killed_s = time.perf_counter() - t
    for session in Path("/tmp").glob(f"wbray-*/session_*_{proc.pid}"):  # the killed Ray's folder
        subprocess.run(["rm", "-rf", str(session.parent)], check=False)
    shards = sorted(job.glob("shard-*.jsonl"))
    kept = sum(len(s.read_text(encoding="utf-8").splitlines()) for s in shards)
    t = time.perf_counter()
    resumed = subprocess.run(ray_cmd, env=env, cwd=REPO, capture_output=True, text=True)
    resume_s = time.perf_counter() - t
    if resumed.returncode:
        print(resumed.stderr, file=sys.stderr)
        return 1
    note = [
        line for line in resumed.stderr.splitlines() if "resuming" in line or "Ray nodes" in line
    ]
    same = (work / "ray.jsonl").read_bytes() == (work / "single.jsonl").read_bytes()
    print(f"ray_resume: {n_docs} documents, {n_sents} distinct sentences, int8 opus-mt-sized "
          f"Marian, beam 1, {args.max_length} tokens per sentence, {os.cpu_count()} cores")  # fmt: skip
    print(f"one machine: {single_s:.0f} s")
    print(
        f"Ray, killed after {killed_s:.0f} s with {len(shards)} shards ({kept} sentences) written"
    )
    print(f"Ray, resumed: {resume_s:.0f} s; " + "; ".join(note))
    print(f"single.jsonl {sha(work / 'single.jsonl')}  ray.jsonl {sha(work / 'ray.jsonl')}  "
          f"identical: {same}")  # fmt: skip
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
