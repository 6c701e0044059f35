"""Annotation protocols: what an annotator gives for one item under each.

* ``da`` — direct assessment: a 0–100 score of how well the translation conveys the source.
* ``mqm`` — MQM: error spans with category and severity (minor/major/critical), or an explicit
  "no errors"; the score is derived (penalty per segment), none is asked for.
* ``esa`` — Error Span Annotation (Kocmi et al., 2024): first mark error spans with a severity
  (minor/major, no category), then give a 0–100 score informed by them.

Each protocol is data in :data:`PROTOCOLS`; the UI and the pipeline ask it what to require.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import UserInputError
from workbench.registry import Registry
from workbench.types import Judgment

#: Category stored for ESA spans, which have a severity but no category.
ESA_CATEGORY = "error"


@dataclass(frozen=True)
class Protocol:
    """One annotation protocol.

    Attributes:
        name: Registry name (``da``, ``mqm``, ``esa``).
        title: Shown to annotators.
        needs_score: A 0–100 score is required.
        uses_spans: Error spans can be marked.
        needs_category: Spans carry an MQM category.
        severities: Allowed span severities.
        instructions: One or two sentences for the annotator.
    """

    name: str
    title: str
    needs_score: bool
    uses_spans: bool
    needs_category: bool
    severities: tuple[str, ...]
    instructions: str

    def check(self, score: float | None, spans: int, no_errors: bool) -> None:
        """Refuse a judgment this protocol does not accept, with one sentence.

        Raises:
            UserInputError: when the score is missing or the spans are not allowed/missing.
        """
        if self.needs_score and score is None:
            raise UserInputError(
                f"{self.title} needs a 0–100 score: move the slider or press 'Score 0'."
            )
        if not self.uses_spans and spans:
            raise UserInputError(f"{self.title} takes no error spans; clear the marks.")
        if self.name == "mqm" and not spans and not no_errors:
            raise UserInputError(
                "Mark at least one error span, or tick 'No errors' if the translation has none."
            )


PROTOCOLS: Registry[Protocol] = Registry("annotation protocol")
PROTOCOLS.add(
    "da",
    Protocol(
        "da",
        "Direct assessment",
        needs_score=True,
        uses_spans=False,
        needs_category=False,
        severities=(),
        instructions="Score 0–100: how well does the translation convey the source's meaning?",
    ),
)
PROTOCOLS.add(
    "mqm",
    Protocol(
        "mqm",
        "MQM",
        needs_score=False,
        uses_spans=True,
        needs_category=True,
        severities=("minor", "major", "critical"),
        instructions="Select each error in the translation with the mouse, give its category "
        "and severity, then submit (tick 'No errors' for a flawless translation).",
    ),
)
PROTOCOLS.add(
    "esa",
    Protocol(
        "esa",
        "Error span annotation (ESA)",
        needs_score=True,
        uses_spans=True,
        needs_category=False,
        severities=("minor", "major"),
        instructions="First select each error with the mouse and give its severity, then "
        "score the translation 0–100.",
    ),
)


def protocol_of(judgment: Judgment) -> str:
    """The protocol a judgment was made under (recorded in ``extra``; judgments from before
    protocols were recorded count as ``da`` with a score and ``mqm`` without)."""
    recorded = dict(judgment.extra).get("protocol")
    if recorded:
        return recorded
    return "da" if judgment.score is not None else "mqm"
