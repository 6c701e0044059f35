"""The ``pivot`` engine: two engines chained through a pivot language (ky → ru → en)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench import models as catalog
from workbench.engines.base import ProgressFn, Translator
from workbench.errors import UserInputError

#: Separates the two legs of a pivot model spec.
LEG_SEPARATOR = "+"


def parse_leg(leg: str, src: str, tgt: str) -> tuple[str, str]:
    """``"ENGINE:MODEL"`` → ``(engine, model)``; a bare ``ENGINE`` takes the catalog's model.

    The model may itself contain ``:`` (a Windows path); only the first ``:`` separates.

    Raises:
        UserInputError: for an empty leg, or a bare engine with no catalog model for the pair.
    """
    engine, _, model = leg.strip().partition(":")
    engine, model = engine.strip(), model.strip()
    if not engine:
        raise UserInputError(f"Pivot leg {leg!r} names no engine; write ENGINE:MODEL.")
    if model:
        return engine, model
    for entry in catalog.load_catalog():
        if entry.supports(src, tgt) and engine in (entry.engine, entry.transformers_engine):
            return engine, entry.hub_id
    raise UserInputError(
        f"No catalog model runs {src}→{tgt} with {engine}; write the leg as {engine}:MODEL."
    )


class PivotEngine(Translator):
    """Two translators chained: ``src → via → tgt`` (by default via Russian: ky → ru → en).

    Model spec: ``ENGINE1:MODEL1+ENGINE2:MODEL2`` — the first leg translates ``src`` into the
    pivot language, the second the pivot into ``tgt``. Each MODEL is a Hub id, catalog name or
    local folder; a leg given as a bare ENGINE uses the catalog's model for that leg's pair.
    Examples::

        workbench translate --engine pivot --src ky \\
            --model "nllb:facebook/nllb-200-distilled-600M+ct2:Helsinki-NLP/opus-mt-tc-big-zle-en"
        workbench translate --engine pivot --src ky --model "ct2+ct2"

    The option ``via`` (default ``ru``) sets the pivot language. Both legs use the same beam
    size, max length and batch size. The signature names both legs: ``model`` is the spec,
    ``rev``, ``backend`` and ``prec`` join the legs' values with ``+``, and ``via`` is recorded.
    """

    engine_name = "pivot"
    backend = "pivot"

    extra_options = frozenset({"via"})

    def _setup(self) -> None:
        legs = self.model.split(LEG_SEPARATOR)
        via, src, tgt = self.options.via, self.src, self.tgt
        if len(legs) != 2:
            raise UserInputError(
                f"A pivot model is two legs joined by '{LEG_SEPARATOR}' "
                f"(ENGINE:MODEL+ENGINE:MODEL), not {self.model!r}."
            )
        if via in (src, tgt):
            raise UserInputError(f"The pivot language {via!r} must differ from {src} and {tgt}.")
        (e1, m1), (e2, m2) = parse_leg(legs[0], src, via), parse_leg(legs[1], via, tgt)
        self.options = self.options.replace(model=f"{e1}:{m1}{LEG_SEPARATOR}{e2}:{m2}")
        from workbench.engines import create

        # Both legs decode with the pivot's common options (beam, max length, batch, device).
        common = self.options.common()
        self.via = via
        self.first = create(e1, m1, src, via, settings=self.settings, **common)
        self.second = create(e2, m2, via, tgt, settings=self.settings, **common)

    @property
    def revision(self) -> str:
        return f"{self.first.signature.revision}{LEG_SEPARATOR}{self.second.signature.revision}"

    @property
    def precision(self) -> str:
        return f"{self.first.precision}{LEG_SEPARATOR}{self.second.precision}"

    def signature_extra(self) -> tuple[tuple[str, str], ...]:
        legs = f"{self.first.backend}{LEG_SEPARATOR}{self.second.backend}"
        return (("via", self.via), ("legs", legs))

    @property
    def by_position(self) -> bool:
        """True when either leg pairs by position (an ``imported`` ``.txt`` leg)."""
        return self.first.by_position or self.second.by_position

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Both legs in turn; a by-position leg gets the whole input in order, not batches."""
        if self.by_position:
            return self.second.translate(self.first.translate(list(texts)), progress)
        return super().translate(texts, progress)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        return self.second.translate(self.first.translate(texts))

    def close(self) -> None:
        self.first.close()
        self.second.close()
