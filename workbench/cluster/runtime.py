"""Connect to a Ray cluster, or start a local one, for the duration of a job.

``address`` semantics (``workbench translate --ray [ADDRESS]``):

* ``None`` / ``"local"``: ``RAY_ADDRESS`` when it is set, else a new local Ray on this machine
  with ``num_cpus`` CPUs (all cores by default) and a short private temp folder (Ray's unix
  sockets must fit in 107 bytes), shut down when the job ends;
* ``"auto"``: the cluster started on this machine with ``ray start``;
* ``HOST:PORT`` or ``ray://HOST:PORT``: an existing cluster's head node.

Before Ray is asked to join a ``HOST:PORT`` address, a plain TCP connection to it is tried with a
short timeout, so an unreachable cluster gives one clear sentence within seconds instead of Ray's
minute of retries and a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import ClusterError

log = logging.getLogger("workbench")

#: Seconds to wait for a TCP connection to a cluster's head before giving up.
CONNECT_TIMEOUT = 5.0


@dataclass(frozen=True)
class ClusterInfo:
    """What a job runs on.

    Attributes:
        address: Where the cluster is (``local`` for a Ray started by this process).
        cpus: CPUs the cluster offers in total.
        nodes: Alive nodes.
    """

    address: str
    cpus: float
    nodes: int


def import_ray() -> Any:
    """``import ray``, or one sentence saying how to install it.

    Raises:
        ClusterError: when the ``[cluster]`` extra is not installed.
    """
    try:
        import ray
    except ImportError as err:
        raise ClusterError(
            "Ray is not installed; install the cluster extra: pip install 'workbench[cluster]'."
        ) from err
    return ray


def resolve_address(address: str | None, env: dict[str, str] | None = None) -> str:
    """The address to join: ``address``, else ``RAY_ADDRESS``, else ``local``."""
    env = dict(os.environ) if env is None else env
    if address and address != "local":
        return address.strip()
    if address is None and env.get("RAY_ADDRESS", "").strip():
        return env["RAY_ADDRESS"].strip()
    return "local"


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail fast with one sentence when ``HOST:PORT`` (optionally ``ray://``) does not answer.

    Raises:
        ClusterError: for a malformed address or one that refuses or times out.
    """
    if address in ("local", "auto"):
        return
    hostport = address.split("://", 1)[-1]
    host, sep, port = hostport.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ClusterError(
            f"The Ray address {address!r} is not HOST:PORT (e.g. 10.0.0.5:6379), 'auto' or 'local'."
        )
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            pass
    except OSError as err:
        raise ClusterError(
            f"The Ray cluster at {address} cannot be reached ({err.strerror or err}); start it "
            "with `ray start --head` there, check the address, or drop the address to run on "
            "this machine."
        ) from err


def _code_path() -> str:
    """The folder holding the ``workbench`` package the driver runs (workers import the same)."""
    return str(Path(__file__).resolve().parents[2])


def _short_temp_dir() -> str:
    """A private Ray temp folder under /tmp whose socket paths stay under the unix limit."""
    return tempfile.mkdtemp(prefix="wbray-", dir="/tmp")


@contextlib.contextmanager
def connect(address: str | None = None, *, num_cpus: int | None = None) -> Iterator[ClusterInfo]:
    """Join (or start) a Ray cluster for the ``with`` block; Ray is shut down afterwards.

    When Ray is already initialised in this process (a test fixture, a notebook) it is reused
    and left running.

    Args:
        address: See the module docstring.
        num_cpus: CPUs of a new local Ray (default: all cores); ignored when joining a cluster.

    Raises:
        ClusterError: when Ray is missing or the cluster cannot be reached or started.
    """
    ray = import_ray()
    if ray.is_initialized():
        yield _info(ray, "existing")
        return
    where = resolve_address(address)
    check_reachable(where)
    if num_cpus is not None and num_cpus < 1:
        raise ClusterError(f"--ray-cpus must be at least 1, not {num_cpus}.")
    kwargs: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.ERROR,  # Ray's notices (token auth: docs/scale.md) stay quiet
        "runtime_env": {"env_vars": {"PYTHONPATH": _code_path()}},
    }
    temp_dir = None
    if where == "local":
        temp_dir = _short_temp_dir()
        kwargs.update(num_cpus=num_cpus or os.cpu_count() or 1, _temp_dir=temp_dir)
    try:
        ray.init(address=where, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise ClusterError(
            f"Ray could not {'start' if where == 'local' else 'join ' + where} ({err}); "
            "check `ray status` there, or drop --ray to run on this machine."
        ) from err
    try:
        _quiet_ray_data(ray)
        yield _info(ray, where)
    finally:
        ray.shutdown()
        if temp_dir is not None:
            import shutil

            shutil.rmtree(temp_dir, ignore_errors=True)


def _quiet_ray_data(ray: Any) -> None:
    """No Ray Data progress bars or per-operator log lines: the CLI draws its own bar."""
    from ray.data import DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.verbose_stats_logs = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def _info(ray: Any, address: str) -> ClusterInfo:
    resources = ray.cluster_resources()
    nodes = sum(1 for n in ray.nodes() if n.get("Alive"))
    return ClusterInfo(address=address, cpus=float(resources.get("CPU", 0.0)), nodes=nodes)
