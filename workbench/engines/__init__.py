"""Translation engines, registered by name.

Entries are lazy (``"module:Class"``) so that listing engines, or reading translations from the
cache, never imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

from workbench.engines.base import Translator
from workbench.registry import Registry

ENGINES: Registry[type[Translator]] = Registry("engine")
ENGINES.add("opus-mt", "workbench.engines.hf:MarianEngine")
ENGINES.add("nllb", "workbench.engines.hf:NLLBEngine")
ENGINES.add("m2m100", "workbench.engines.hf:M2M100Engine")
ENGINES.add("ct2", "workbench.engines.ct2:CT2Engine")
ENGINES.add("pivot", "workbench.engines.pivot:PivotEngine")
ENGINES.add("imported", "workbench.engines.imported:ImportedEngine")

__all__ = ["ENGINES", "Translator"]
