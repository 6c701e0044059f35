"""The pipeline composes the stages; the CLI and the UI are thin adapters over it.

corpus ──► segment ──► translate ──► align ──► diff ──► score ──► present

One module per job: :mod:`workbench.pipeline.translate`, :mod:`workbench.pipeline.compare`,
:mod:`workbench.pipeline.evaluate`. Stage modules never import each other; only these do.
"""
