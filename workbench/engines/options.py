"""The one options object every engine is built from.

Before, each engine repeated the same eight-parameter constructor (model, src, tgt, beam size,
max length, batch size, settings, plus its own extras) and validated it its own way. Now
:meth:`EngineOptions.build` turns the keyword arguments a caller gives into one frozen,
hashable, validated object; an engine reads what it needs from it and declares the extra options
it accepts (:attr:`workbench.engines.base.Translator.extra_options`). An option an engine does
not take is a user error that lists the ones it does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.errors import UserInputError
from workbench.settings import Settings

#: Options every engine takes.
COMMON_OPTIONS = ("beam_size", "max_length", "batch_size", "device", "threads")
#: Engine-specific names accepted for :attr:`EngineOptions.precision`.
PRECISION_ALIASES = ("dtype", "compute_type")


@dataclass(frozen=True)
class EngineOptions:
    """Everything that configures one engine, validated once.

    Attributes:
        model: Hub id, local folder, file or engine-specific spec (as given; engines may
            canonicalise it).
        src: Source language code.
        tgt: Target language code.
        beam_size: Beam width; 1 is greedy decoding.
        max_length: Maximum generated tokens per sentence.
        batch_size: Sentences per model call.
        device: ``cpu`` or ``cuda`` (default: the settings').
        threads: CPU threads (0: the library decides; default: the settings').
        revision: Hub revision (``None``: the catalog's, else ``main``).
        precision: Numeric precision (``dtype`` of transformers, ``compute_type`` of
            CTranslate2); ``None``: the engine's default.
        target_token: OPUS-MT only: force this ``>>xxx<<`` target token.
        family: CTranslate2 only: ``marian``, ``nllb`` or ``m2m100`` when the folder does not say.
        via: Pivot only: the pivot language.
    """

    model: str
    src: str
    tgt: str = "en"
    beam_size: int = 4
    max_length: int = 256
    batch_size: int = 16
    device: str = "cpu"
    threads: int = 0
    revision: str | None = None
    precision: str | None = None
    target_token: str | None = None
    family: str | None = None
    via: str = "ru"

    def __post_init__(self) -> None:
        for name, label in (
            ("beam_size", "--beam-size"),
            ("max_length", "--max-length"),
            ("batch_size", "batch size"),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserInputError(f"{label} must be a whole number, not {value!r}.")
            if value < 1:
                raise UserInputError(f"{label} must be at least 1, not {value}.")
        if not isinstance(self.model, str):
            raise UserInputError(f"The model must be text, not {type(self.model).__name__}.")

    @classmethod
    def build(
        cls,
        model: str,
        src: str,
        tgt: str = "en",
        *,
        settings: Settings,
        engine: str = "",
        accepts: Iterable[str] = (),
        **given: Any,
    ) -> EngineOptions:
        """Options from keyword arguments, with device and threads taken from ``settings``.

        Args:
            model: Hub id, folder, file or spec.
            src: Source language code.
            tgt: Target language code.
            settings: Resolved settings (device and threads unless given).
            engine: Engine name, for messages.
            accepts: The engine-specific option names the engine reads (besides
                :data:`COMMON_OPTIONS`); ``dtype``/``compute_type`` stand for ``precision``.
            **given: The options; ``None`` values count as not given.

        Raises:
            UserInputError: for an option the engine does not take, or a bad value.
        """
        allowed = set(COMMON_OPTIONS) | set(accepts)
        values: dict[str, Any] = {"device": settings.device, "threads": settings.threads}
        for name, value in given.items():
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise UserInputError(
                    f"The {engine or 'engine'} engine has no option {name!r}; it takes {known}."
                )
            if value is not None:
                values["precision" if name in PRECISION_ALIASES else name] = value
        return cls(model, src, tgt, **values)

    def replace(self, **changes: Any) -> EngineOptions:
        """A copy with ``changes`` applied (validated again)."""
        return dataclasses.replace(self, **changes)

    def common(self) -> dict[str, Any]:
        """The options every engine takes, as keyword arguments (for building other engines)."""
        return {name: getattr(self, name) for name in COMMON_OPTIONS}

    def as_dict(self) -> Mapping[str, Any]:
        """All fields, for display and logging."""
        return dataclasses.asdict(self)
