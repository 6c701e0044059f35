"""Translation engines, registered by name.

Entries are lazy (``"module:Class"``) so that listing engines, or reading translations from the
cache, never imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

from typing import Any

from workbench.engines.base import Translator
from workbench.registry import Registry
from workbench.settings import Settings

ENGINES: Registry[type[Translator]] = Registry("engine")
ENGINES.add("opus-mt", "workbench.engines.hf:MarianEngine")
ENGINES.add("nllb", "workbench.engines.hf:NLLBEngine")
ENGINES.add("m2m100", "workbench.engines.hf:M2M100Engine")
ENGINES.add("ct2", "workbench.engines.ct2:CT2Engine")
ENGINES.add("pivot", "workbench.engines.pivot:PivotEngine")
ENGINES.add("imported", "workbench.engines.imported:ImportedEngine")


def create(
    engine: str,
    model: str,
    src: str,
    tgt: str = "en",
    *,
    settings: Settings | None = None,
    **options: Any,
) -> Translator:
    """Build the translator registered as ``engine`` (model loading stays lazy).

    Args:
        engine: Registry name (see :data:`ENGINES`).
        model: Hub id, local folder, or engine-specific spec (see each engine's docstring).
        src: Source language code.
        tgt: Target language code.
        settings: Resolved settings.
        **options: ``beam_size``, ``max_length``, ``batch_size`` and engine-specific options.

    Raises:
        UnknownNameError: for an unknown engine name (the message lists the engines).
    """
    return ENGINES.get(engine)(model, src, tgt, settings=settings, **options)


__all__ = ["ENGINES", "Translator", "create"]
