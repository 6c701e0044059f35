"""Translate blocks of sentences on Ray Data: ``map_batches`` over an actor pool, one model per actor.

The caller cuts the sentences into blocks; each block is one row of the dataset and one call
``translator.translate(block)`` in an actor, exactly the call the single-machine path makes for
the same block (its cache wrapper translates the misses in blocks of 256). With int8 weights a
model's output can depend on which sentences share a batch (a near tie between two tokens flips
with the padding), so keeping the blocks is what makes the output identical, not just close.
Within a block CTranslate2 sorts the sentences by length and cuts batches of ``batch_size``
(``max_batch_size``), so every batch holds sentences of similar length. Each actor builds its
translator once, in its own process, from a picklable ``factory(threads)`` (a CTranslate2
translator cannot be pickled), with as many threads as CPUs Ray assigned to the actor. Finished
blocks stream back to the driver, each handed to ``on_block`` as soon as it arrives (the
pipeline writes it to the job folder and the cache there), so a job killed midway keeps every
finished block.

Faults: Ray Data restarts a dead actor and retries its unfinished block (``max_restarts=-1``,
``max_task_retries=-1``); a block delivered twice is passed on only once, so nothing is lost or
duplicated.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workbench.cluster.runtime import import_ray
from workbench.errors import ClusterError, WorkbenchError

log = logging.getLogger("workbench")

#: Sentences per block (one shard of the job folder); the single-machine cache path's
#: ``STORE_EVERY``, so that both paths make the same ``translate`` calls.
BLOCK_SIZE = 256


class SentenceTranslator(Protocol):
    """What an actor needs from the object the factory builds."""

    def translate(self, texts: Sequence[str]) -> list[str]:
        """One translation per input sentence."""
        ...


#: ``factory(threads)`` builds a translator inside an actor.
TranslatorFactory = Callable[[int], SentenceTranslator]
#: ``on_block(block_id, sources, translations)`` receives each finished block on the driver.
BlockFn = Callable[[int, list[str], list[str]], None]


@dataclass(frozen=True)
class PoolOptions:
    """How the actor pool is sized.

    Attributes:
        cpus_per_actor: CPUs Ray reserves for each actor (its CTranslate2 threads).
        actors: Actors in the pool (``None``: as many as the cluster's CPUs allow).
        block_size: Sentences per block and per shard (keep the default for output identical
            to the single-machine path with int8 models).
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
    """One actor of the pool: builds its translator once, then translates block after block.

    Ray Data keeps the constructor arguments in the object store while the dataset runs, so a
    restarted actor finds them (Ray logs one warning about it: ray-project/ray#53727).
    """

    def __init__(self, factory: TranslatorFactory) -> None:
        import ray

        assigned = ray.get_runtime_context().get_assigned_resources().get("CPU", 1.0)
        self.threads = max(1, int(assigned))
        self.translator = factory(self.threads)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """Translate each block of ``batch`` (a JSON list of sentences) in one call."""
        import numpy as np

        out = [json.dumps(self.translator.translate(json.loads(str(b)))) for b in batch["block"]]
        return {"id": batch["id"], "translations": np.array(out, dtype=object)}


def cut_blocks(sentences: Sequence[str], block_size: int) -> list[list[str]]:
    """``sentences`` in order, cut into blocks of ``block_size``."""
    return [list(sentences[i : i + block_size]) for i in range(0, len(sentences), block_size)]


def translate_blocks(
    blocks: Mapping[int, Sequence[str]],
    factory: TranslatorFactory,
    on_block: BlockFn,
    *,
    options: PoolOptions | None = None,
) -> int:
    """Translate each block on the connected Ray cluster with one ``translate`` call.

    Args:
        blocks: Block id → its sentences (unique, non-empty).
        factory: Builds a translator in each actor (must pickle).
        on_block: Called on the driver with ``(block id, sentences, translations)``, once per
            block, as soon as the block is back.
        options: Pool sizing.

    Returns:
        The number of actors used.

    Raises:
        WorkbenchError: one sentence when the job stops (see :func:`job_failed`).
    """
    options = options or PoolOptions()
    if options.cpus_per_actor < 1:
        raise ValueError("cpus_per_actor must be at least 1")
    if not blocks:
        return 0
    ray = import_ray()
    rows = [{"id": i, "block": json.dumps(list(b), ensure_ascii=False)} for i, b in blocks.items()]
    actors = min(options.pool_size(ray.cluster_resources().get("CPU", 1.0)), len(rows))
    ds = ray.data.from_items(rows, override_num_blocks=len(rows))
    ds = ds.map_batches(
        TranslateActor,
        fn_constructor_kwargs={"factory": factory},
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=options.cpus_per_actor,
    )
    seen: set[int] = set()
    try:
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for block_id, translations in zip(batch["id"], batch["translations"], strict=True):
                key = int(block_id)
                if key not in seen:
                    seen.add(key)
                    on_block(key, list(blocks[key]), json.loads(str(translations)))
    except Exception as err:  # Ray wraps a failure inside an actor in its own exception types
        raise job_failed(err) from err
    missing = len(blocks) - len(seen)
    if missing:
        raise ClusterError(
            f"The Ray job returned no translation for {missing} blocks; {RESUME_HINT}."
        )
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
