"""Name-keyed registries for interchangeable implementations.

Engines, embedders, metrics and readers register by name. Entries can be registered lazily as
``"module:attribute"`` strings so that listing names never imports heavy libraries (torch,
transformers, ctranslate2): the module is imported on the first :meth:`Registry.get`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from workbench.errors import UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    """A dict-backed registry of named implementations of one kind.

    Args:
        kind: What the registry holds, used in error messages ("engine", "metric", ...).
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, T | str] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator that registers an object under ``name``."""

        def decorator(obj: T) -> T:
            self.add(name, obj)
            return obj

        return decorator

    def add(self, name: str, obj: T | str) -> None:
        """Register ``obj`` (or a lazy ``"module:attribute"`` path) under ``name``."""
        key = name.lower()
        existing = self._entries.get(key)
        if existing is not None and existing is not obj and not isinstance(existing, str):
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._entries[key] = obj

    def get(self, name: str) -> T:
        """Return the implementation registered as ``name``.

        Raises:
            UnknownNameError: when no such name is registered; the message lists the names.
        """
        key = name.lower()
        if key not in self._entries:
            raise UnknownNameError(
                f"Unknown {self.kind} {name!r}; available: {', '.join(self.names())}."
            )
        entry = self._entries[key]
        if isinstance(entry, str):
            module_name, _, attr = entry.partition(":")
            loaded: T = getattr(importlib.import_module(module_name), attr)
            self._entries[key] = loaded
            return loaded
        return entry

    def names(self) -> list[str]:
        """All registered names, sorted."""
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())
