"""Processes of the Ray tests: find a job's process tree, kill it, start and stop a cluster.

The machine is shared: nothing here stops Ray processes by name (``ray stop`` would stop every
Ray of this user). A cluster started by a test is torn down by the ids of its own processes:
those whose command line names its private temp folder, and their descendants.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

RAY = str(Path(sys.executable).with_name("ray"))


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(roots: list[int]) -> list[int]:
    """``roots`` and every process below them."""
    tree = _children()
    out: list[int] = []
    todo = list(roots)
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += tree.get(pid, [])
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def processes_of(temp_dir: str) -> list[int]:
    """Processes whose command line names ``temp_dir``, with their descendants."""
    me = {os.getpid(), os.getppid()}
    roots = [
        int(p)
        for p in os.listdir("/proc")
        if p.isdigit() and int(p) not in me and temp_dir in _cmdline(int(p))
    ]
    return [p for p in descendants(roots) if p not in me]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_all(pids: list[int], grace: float = 3.0) -> None:
    """SIGTERM, then SIGKILL what is still alive after ``grace`` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(alive(p) for p in pids):
            time.sleep(0.1)


def free_ports(n: int) -> list[int]:
    """``n`` distinct free TCP ports."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _node_ports() -> list[str]:
    names = ("node-manager", "object-manager", "dashboard-agent-listen", "dashboard-agent-grpc",
             "metrics-export", "runtime-env-agent")  # fmt: skip
    return [f"--{n}-port={p}" for n, p in zip(names, free_ports(len(names)), strict=True)]


@contextlib.contextmanager
def two_node_cluster() -> Iterator[str]:
    """A head and a worker node on this machine, 1 CPU each; yields the head's address."""
    temp = tempfile.mkdtemp(prefix="wbrt-", dir="/tmp")  # short: unix socket paths
    (port,) = free_ports(1)
    # Token authentication, as Ray enables it by default: every node and client must use it.
    env = {
        **os.environ,
        "RAY_ADDRESS": "",
        "RAY_USAGE_STATS_ENABLED": "0",
        "RAY_AUTH_MODE": "token",
    }
    common = ["--num-cpus=1", "--disable-usage-stats", "--node-ip-address=127.0.0.1"]
    head = [RAY, "start", "--head", f"--port={port}", f"--temp-dir={temp}",
            "--include-dashboard=false", *common, *_node_ports()]  # fmt: skip
    try:
        subprocess.run(head, check=True, capture_output=True, env=env, timeout=120)
        worker = [RAY, "start", f"--address=127.0.0.1:{port}", *common, *_node_ports()]
        subprocess.run(worker, check=True, capture_output=True, env=env, timeout=120)
        yield f"127.0.0.1:{port}"
    finally:
        kill_all(processes_of(temp))
        shutil.rmtree(temp, ignore_errors=True)
