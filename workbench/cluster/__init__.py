"""Run the workbench on a Ray cluster: translation on a Ray Data actor pool, evaluations as tasks.

Nothing here imports :mod:`ray` at import time; ``ray`` (the ``[cluster]`` extra) is imported only
when a function that needs it is called. This package knows nothing of engines or caches: the
pipeline hands it a picklable translator factory and receives translations block by block
(:mod:`workbench.pipeline.cluster` composes it with segmentation, the cache and the job store).

Modules:
    runtime: connect to a cluster (or start a local one), one clear sentence when that fails.
    data: translate sentences with ``Dataset.map_batches`` over an actor pool.
    tasks: run independent calls (one evaluation each) as Ray tasks.
"""
