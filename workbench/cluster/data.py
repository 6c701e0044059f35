"""Translate sentences on Ray Data: ``map_batches`` over an actor pool, one model per actor.

The sentences are sorted by length and cut into blocks of ``block_size``, so every batch holds
sentences of similar length (less padding). Each actor builds its translator once, in its own
process, from a picklable ``factory(threads)`` (a CTranslate2 translator cannot be pickled), with
as many threads as the CPUs Ray assigned to the actor. Results stream back to the driver block by
block, each handed to ``on_block`` as soon as it arrives (the pipeline writes it to the job
folder and the cache there), so a job killed midway keeps every finished block.

Faults: Ray Data restarts a dead actor and retries its unfinished batch (``max_restarts=-1``,
``max_task_retries=-1``); a block that is delivered twice is passed on only once, so nothing is
lost or duplicated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.cluster.runtime import import_ray
from workbench.errors import ClusterError, WorkbenchError

log = logging.getLogger("workbench")

#: Sentences per batch (one shard of the job folder).
BLOCK_SIZE = 256


class SentenceTranslator(Protocol):
    """What an actor needs from the object the factory builds."""

    def translate(self, texts: Sequence[str]) -> list[str]:
        """One translation per input sentence."""
        ...


#: ``factory(threads)`` builds a translator inside an actor.
TranslatorFactory = Callable[[int], SentenceTranslator]
#: ``on_block(sources, translations)`` receives each finished block on the driver.
BlockFn = Callable[[list[str], list[str]], None]


@dataclass(frozen=True)
class PoolOptions:
    """How the actor pool is sized.

    Attributes:
        cpus_per_actor: CPUs Ray reserves for each actor (its CTranslate2 threads).
        actors: Actors in the pool (``None``: as many as the cluster's CPUs allow).
        block_size: Sentences per batch and per shard.
    """

    cpus_per_actor: int = 1
    actors: int | None = None
    block_size: int = BLOCK_SIZE

    def pool_size(self, cluster_cpus: float) -> int:
        """Actors to start on a cluster with ``cluster_cpus`` CPUs."""
        if self.actors is not None:
            return self.actors
        return max(1, int(cluster_cpus // self.cpus_per_actor))


class TranslateActor:
    """One actor of the pool: builds its translator once, then translates batch after batch.

    Ray Data keeps the constructor arguments in the object store while the dataset runs, so a
    restarted actor finds them (Ray logs one warning about it: ray-project/ray#53727).
    """

    def __init__(self, factory: TranslatorFactory) -> None:
        import ray

        assigned = ray.get_runtime_context().get_assigned_resources().get("CPU", 1.0)
        self.threads = max(1, int(assigned))
        self.translator = factory(self.threads)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """Translate ``batch["text"]``; keeps ``batch["key"]`` to put results back in place."""
        import numpy as np

        texts = [str(t) for t in batch["text"]]
        out = self.translator.translate(texts)
        return {"key": batch["key"], "translation": np.array(out, dtype=object)}


def length_blocks(sentences: Sequence[str], block_size: int) -> list[list[int]]:
    """Indices of ``sentences`` sorted by length (longest first), cut into blocks."""
    order = sorted(range(len(sentences)), key=lambda i: (-len(sentences[i]), i))
    return [order[i : i + block_size] for i in range(0, len(order), block_size)]


def translate_sentences(
    sentences: Sequence[str],
    factory: TranslatorFactory,
    on_block: BlockFn,
    *,
    options: PoolOptions | None = None,
) -> int:
    """Translate ``sentences`` on the connected Ray cluster, block by block.

    Args:
        sentences: Unique non-empty sentences.
        factory: Builds a translator in each actor (must pickle).
        on_block: Called on the driver with each finished block, once per sentence.
        options: Pool sizing.

    Returns:
        The number of actors used.
    """
    options = options or PoolOptions()
    if options.cpus_per_actor < 1:
        raise ValueError("cpus_per_actor must be at least 1")
    if not sentences:
        return 0
    ray = import_ray()
    blocks = length_blocks(sentences, options.block_size)
    rows = [{"key": i, "text": sentences[i]} for block in blocks for i in block]
    actors = min(options.pool_size(ray.cluster_resources().get("CPU", 1.0)), len(blocks))
    ds = ray.data.from_items(rows, override_num_blocks=len(blocks))
    ds = ds.map_batches(
        TranslateActor,
        fn_constructor_kwargs={"factory": factory},
        batch_size=options.block_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=options.cpus_per_actor,
    )
    seen: set[int] = set()
    try:
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            pairs = zip(batch["key"], batch["translation"], strict=True)
            fresh = [(int(k), str(t)) for k, t in pairs if int(k) not in seen]
            seen.update(k for k, _ in fresh)
            if fresh:
                on_block([sentences[k] for k, _ in fresh], [t for _, t in fresh])
    except Exception as err:  # Ray wraps a failure inside an actor in its own exception types
        raise job_failed(err) from err
    missing = len(sentences) - len(seen)
    if missing:
        raise RuntimeError(f"the Ray job returned no translation for {missing} sentences")
    return actors


def _root_cause(err: BaseException) -> BaseException:
    """The exception raised in the actor, under Ray's wrappers (``.cause``, ``__cause__``)."""
    seen: set[int] = set()
    while id(err) not in seen:
        seen.add(id(err))
        inner = getattr(err, "cause", None) or err.__cause__
        if not isinstance(inner, BaseException):
            break
        err = inner
    return err


#: What a user can do after a translation job stopped.
RESUME_HINT = "the finished blocks are kept, run the same command again to resume"


def job_failed(err: BaseException, hint: str = RESUME_HINT) -> WorkbenchError:
    """One sentence for a job that stopped: the worker's own error when it is a user error.

    A :class:`WorkbenchError` raised on the driver (the job folder cannot be written) is
    returned as it is; Ray's wrapper of one raised in a worker (a class deriving from both) is
    replaced by the worker's error itself, whose message is one sentence.
    """
    from ray.exceptions import RayError

    if isinstance(err, WorkbenchError) and not isinstance(err, RayError):
        return err
    cause = _root_cause(err)
    if isinstance(cause, WorkbenchError):
        return type(cause)(str(cause))
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0][:200]
    return ClusterError(f"The Ray job stopped ({type(cause).__name__}: {first}); {hint}.")
