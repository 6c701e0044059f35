"""Translate on a Ray cluster with exactly the results of :func:`translate_texts` on one machine.

:class:`ClusterTranslator` is the caching translator with another way to fill the misses:
segments already in the translation cache are not sent; the rest go to a Ray Data actor pool
(:mod:`workbench.cluster.data`) and come back block by block, each block written at once to the
job folder (:class:`~workbench.cluster.jobstore.JobStore`) and to the cache. A rerun of a killed
job reads the job folder first and sends only what is still missing; sentences translated by an
earlier run of the *same job* count as translated by the job (``cached: false``), exactly as in
an uninterrupted run. Segmentation, language checks, warnings, re-assembly and the signature are
the single-machine code (:func:`translate_texts`), so the output is the same line for line.

Ray is started (or joined) only when there is something to translate.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cache import TranslationCache
from workbench.cluster.data import PoolOptions, cut_blocks, translate_blocks
from workbench.cluster.jobstore import JobStore
from workbench.cluster.runtime import connect
from workbench.engines import create
from workbench.engines.base import ProgressFn, Translator
from workbench.engines.caching import CachingTranslator, TranslationStore
from workbench.errors import UserInputError
from workbench.pipeline.translate import translate_texts
from workbench.settings import Settings
from workbench.types import Translation

if TYPE_CHECKING:
    from workbench.pipeline.evaluate import EvalResult

log = logging.getLogger("workbench")


@dataclass(frozen=True)
class EngineSpec:
    """Everything needed to build the same translator on the driver and in every actor.

    Attributes:
        engine: Engine registry name.
        model: Hub id or folder (a folder must be visible at the same path on every node).
        src: Source language.
        tgt: Target language.
        options: ``beam_size``, ``max_length``, ``batch_size`` and engine options.
    """

    engine: str
    model: str
    src: str
    tgt: str = "en"
    options: tuple[tuple[str, Any], ...] = ()

    def build(self, settings: Settings) -> Translator:
        """The translator (its model loads lazily)."""
        return create(
            self.engine, self.model, self.src, self.tgt, settings=settings, **dict(self.options)
        )


@dataclass(frozen=True)
class RayRun:
    """Where and how a distributed job runs.

    Attributes:
        address: ``None`` (``RAY_ADDRESS`` or a local Ray), ``local``, ``auto`` or ``HOST:PORT``.
        cpus: CPUs of a local Ray (default: all cores).
        pool: Actor pool sizing (CPUs per actor = CTranslate2 threads per actor).
        job_dir: Folder of the job's shards (default: under the workbench home, named after
            the signature and the input).
    """

    address: str | None = None
    cpus: int | None = None
    pool: PoolOptions = field(default_factory=PoolOptions)
    job_dir: Path | None = None

    def check(self) -> None:
        """Raise :class:`UserInputError` for impossible sizes."""
        if self.cpus is not None and self.cpus < 1:
            raise UserInputError(f"--ray-cpus must be at least 1, not {self.cpus}.")
        if self.pool.cpus_per_actor < 1:
            raise UserInputError(
                f"--cpus-per-actor must be at least 1, not {self.pool.cpus_per_actor}."
            )
        if self.pool.actors is not None and self.pool.actors < 1:
            raise UserInputError(f"--actors must be at least 1, not {self.pool.actors}.")
        if self.pool.block_size < 1:
            raise UserInputError(f"--block-size must be at least 1, not {self.pool.block_size}.")


def build_in_actor(spec: EngineSpec, settings: Settings, threads: int) -> Translator:
    """The translator an actor uses: the spec's engine, ``threads`` CPU threads, no cache."""
    return spec.build(settings.replace(threads=threads, use_cache=False))


class _NoStore:
    """A cache that holds nothing (``--no-cache``)."""

    def get_many(self, signature: str, sources: Sequence[str]) -> dict[str, str]:
        return {}

    def put_many(self, signature: str, pairs: Iterable[tuple[str, str]]) -> None:
        return None


class ClusterTranslator(CachingTranslator):
    """``inner``'s cache in front of a Ray actor pool, with a job folder for resuming.

    Args:
        inner: The driver's translator (signature, segmentation, token counts; its model is
            never loaded on the driver).
        cache: The translation cache (or a store that holds nothing).
        spec: How actors build the same translator.
        settings: Settings the actors start from.
        job: The job's shard folder.
        run: Cluster address and pool sizing.
    """

    def __init__(
        self,
        inner: Translator,
        cache: TranslationStore,
        spec: EngineSpec,
        settings: Settings,
        job: JobStore,
        run: RayRun,
    ) -> None:
        super().__init__(inner, cache)
        self.factory = partial(build_in_actor, spec, settings)
        self.job = job
        self.run = run
        #: Actors of the last Ray job (0 when nothing had to be translated).
        self.actors_used = 0

    def translate_marked(
        self, texts: Sequence[str], progress: ProgressFn | None = None
    ) -> list[tuple[str, bool]]:
        """Like :meth:`CachingTranslator.translate_marked`, the misses translated on Ray."""
        keys: list[str] = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise UserInputError(f"input {i + 1} is {type(text).__name__}, not text.")
            keys.append(text.strip())
        unique = list(dict.fromkeys(k for k in keys if k))
        signature = str(self.inner.signature)
        plan, hits = self._plan(signature, unique)
        finished = self.job.finished()
        made = {k: v for block in finished.values() for k, v in block.items()}
        if made:
            log.info("resuming: %d sentences were translated by an earlier run", len(made))
        if plan:
            # The tokenizer (not the model), for the input limit behind the "translated in
            # pieces" warnings, as the single-machine path loads it before translating.
            self.inner._prepare()
        todo = {i: block for i, block in enumerate(plan) if i not in finished}
        if todo:
            made.update(self._on_ray(signature, todo, progress))
        return [(hits[k], True) if k in hits else (made.get(k, ""), False) for k in keys]

    def _plan(self, signature: str, unique: list[str]) -> tuple[list[list[str]], dict[str, str]]:
        """The job's blocks (an earlier run's, extended by new misses) and the cache hits.

        A new job looks every sentence up in the cache and cuts the misses, in input order,
        into blocks of ``block_size``: the blocks the single-machine cache path translates.
        """
        plan = self.job.load_plan()
        planned = {s for block in plan for s in block} if plan else set()
        hits = self.cache.get_many(signature, [k for k in unique if k not in planned])
        extra = [k for k in unique if k not in planned and k not in hits]
        if extra or plan is None:
            plan = (plan or []) + cut_blocks(extra, self.run.pool.block_size)
            if plan:
                self.job.save_plan(plan)
        return plan, hits

    def _on_ray(
        self, signature: str, todo: dict[int, list[str]], progress: ProgressFn | None
    ) -> dict[str, str]:
        made: dict[str, str] = {}
        total = sum(len(block) for block in todo.values())
        if progress:
            progress(0, total)

        def on_block(number: int, sources: list[str], translations: list[str]) -> None:
            pairs = list(zip(sources, translations, strict=True))
            self.job.write(number, pairs)
            self.cache.put_many(signature, pairs)
            made.update(pairs)
            if progress:
                progress(len(made), total)

        with connect(self.run.address, num_cpus=self.run.cpus) as cluster:
            self.actors_used = translate_blocks(todo, self.factory, on_block, options=self.run.pool)
        log.info(
            "translated %d sentences on %d Ray nodes (%g CPUs) with %d actors",
            total,
            cluster.nodes,
            cluster.cpus,
            self.actors_used,
        )
        return made


def default_job_dir(settings: Settings, signature: str, texts: Sequence[str]) -> Path:
    """``HOME/jobs/<hash of signature and input>``: the same command finds its own shards."""
    digest = hashlib.sha256(signature.encode())
    for text in texts:
        digest.update(b"\x00" + text.encode())
    return settings.home / "jobs" / digest.hexdigest()[:20]


def translate_on_ray(
    texts: Sequence[str],
    spec: EngineSpec,
    settings: Settings,
    run: RayRun | None = None,
    *,
    progress: ProgressFn | None = None,
    check_language: bool = True,
) -> list[Translation]:
    """:func:`~workbench.pipeline.translate.translate_texts` with the engine work on Ray.

    Args:
        texts: Input texts (one per line or document).
        spec: Engine, model, languages and options.
        settings: Resolved settings (cache path, ``use_cache``).
        run: Cluster address, pool sizing and job folder.
        progress: ``progress(done, total)`` over the sentences sent to Ray.
        check_language: Warn when a text does not look like ``spec.src``.

    Returns:
        One translation per text, equal to the single-machine result.

    Raises:
        ClusterError: when the cluster cannot be reached or the job folder is unusable.
        UserInputError: for bad options.
    """
    run = run or RayRun()
    run.check()
    inner = spec.build(settings)
    signature = str(inner.signature)
    job = JobStore(run.job_dir or default_job_dir(settings, signature, texts), signature)
    cache: TranslationStore = (
        TranslationCache(settings.cache_path) if settings.use_cache else _NoStore()
    )
    translator = ClusterTranslator(inner, cache, spec, settings, job, run)
    try:
        results = translate_texts(
            texts, translator, progress=progress, check_language=check_language
        )
    finally:
        inner.close()
        if isinstance(cache, TranslationCache):
            cache.close()
    job.remove()
    return results


def translate_lines(
    texts: Sequence[str],
    settings: Settings,
    *,
    src: str,
    tgt: str = "en",
    engine: str | None = None,
    model: str | None = None,
    options: dict[str, Any] | None = None,
    ray: RayRun | None = None,
    progress: ProgressFn | None = None,
) -> list[Translation]:
    """Translate texts on this machine, or on Ray when ``ray`` is given: the same results.

    Engine and model default to the catalog's choice for the pair (as ``workbench translate``).

    Raises:
        UserInputError: for bad options; ClusterError: for an unusable cluster.
    """
    from workbench.pipeline.translate import EnginePool, choose_model

    engine, model = choose_model(src, tgt, engine, model, settings)
    opts = dict(options or {})
    if ray is not None:
        spec = EngineSpec(engine, model, src, tgt, tuple(sorted(opts.items())))
        return translate_on_ray(texts, spec, settings, ray, progress=progress)
    pool = EnginePool(settings)
    try:
        translator = pool.get(engine, model, src, tgt, **opts)
        return translate_texts(texts, translator, progress=progress)
    finally:
        pool.close()


@dataclass(frozen=True)
class EvalJob:
    """One evaluation: an engine's model on a test set.

    Attributes:
        engine: Engine name.
        model: Model id or folder.
        testset: Test set name (``flores200-dev``, ``ntrex128``).
    """

    engine: str
    model: str
    testset: str


def evaluate_job(
    job: EvalJob, src: str, settings: Settings, threads: int, options: dict[str, Any]
) -> EvalResult:
    """One evaluation with ``threads`` CPU threads (what a Ray task runs)."""
    from workbench.pipeline.evaluate import evaluate_testset

    return evaluate_testset(
        job.engine, job.model, job.testset, src, settings.replace(threads=threads), **options
    )


def evaluate_many(
    jobs: Sequence[EvalJob],
    src: str,
    settings: Settings,
    *,
    ray: RayRun | None = None,
    limit: int | None = None,
    metrics: str | Sequence[str] = "bleu,chrf",
    beam_size: int = 4,
    max_length: int = 256,
    progress: ProgressFn | None = None,
) -> list[EvalResult]:
    """Evaluate several engines on several test sets, one after another or as Ray tasks.

    With ``ray`` each evaluation is a Ray task with ``ray.pool.cpus_per_actor`` CPUs (and as
    many engine threads); the results are those of the sequential run, in the order of ``jobs``.
    ``progress(done, total)`` follows the sentences of each evaluation in turn (not with Ray).

    Raises:
        UserInputError: for bad options, unknown test sets or engines; ClusterError: for an
            unusable cluster.
    """
    from workbench.pipeline.evaluate import evaluate_testset
    from workbench.pipeline.translate import EnginePool
    from workbench.score import metric_names

    if not jobs:
        raise UserInputError("Give at least one --engine/--model and one --testset.")
    metric_names(metrics)  # before any task starts (evaluate_testset checks again, cheaply)
    options: dict[str, Any] = {
        "limit": limit,
        "metrics": metrics,
        "beam_size": beam_size,
        "max_length": max_length,
    }
    if ray is None:
        pool = EnginePool(settings)
        try:
            return [
                evaluate_testset(
                    j.engine,
                    j.model,
                    j.testset,
                    src,
                    settings,
                    pool=pool,
                    progress=progress,
                    **options,
                )
                for j in jobs
            ]
        finally:
            pool.close()
    from workbench.cluster.tasks import run_tasks

    ray.check()
    cpus = ray.pool.cpus_per_actor
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((job, src, settings, cpus, options), {}) for job in jobs
    ]
    with connect(ray.address, num_cpus=ray.cpus) as cluster:
        log.info("%d evaluations as Ray tasks on %d nodes", len(jobs), cluster.nodes)
        return run_tasks(evaluate_job, calls, num_cpus=cpus)
