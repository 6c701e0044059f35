"""Independent calls as Ray tasks (one evaluation of one engine on one test set each).

A task whose worker dies is retried by Ray (``max_retries``); an error raised by the call itself
is not retried and comes back as one sentence (the call's own :class:`WorkbenchError` when it
raised one). Results come back in the order of the calls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from workbench.cluster.data import job_failed
from workbench.cluster.runtime import import_ray

T = TypeVar("T")

#: Retries of a task whose worker process died.
MAX_RETRIES = 3


def run_tasks(
    fn: Callable[..., T],
    calls: Sequence[tuple[Sequence[Any], Mapping[str, Any]]],
    *,
    num_cpus: int = 1,
) -> list[T]:
    """``[fn(*args, **kwargs) for args, kwargs in calls]``, each call a Ray task.

    Args:
        fn: A module-level function (workers import it by name).
        calls: Positional and keyword arguments of each call (they must pickle).
        num_cpus: CPUs Ray reserves for each task.

    Raises:
        WorkbenchError: the first failing call's error, as one sentence (see
            :func:`~workbench.cluster.data.job_failed`).
    """
    ray = import_ray()
    remote = ray.remote(num_cpus=num_cpus, max_retries=MAX_RETRIES)(fn)
    refs = [remote.remote(*args, **dict(kwargs)) for args, kwargs in calls]
    try:
        return list(ray.get(refs))
    except Exception as err:  # Ray wraps the task's exception in its own types
        raise job_failed(err, "run the command again") from err
