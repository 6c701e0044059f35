"""diff stage: how a report retells a statement differently.

Small detectors, registered by name in :data:`DETECTORS`, each find kinds of difference
(:data:`workbench.types.DIFFERENCE_KIND_INFO`: number, negation, framing, distancing, certainty,
attribution, quantifier, entity, label, ...) with character spans on both sides; the ``content``
detector runs last and reports the rest of a token-level diff (``omission``, ``addition``,
``wording``) outside the spans the others examined. :func:`find_differences` composes them and
:mod:`workbench.diff.salience` gives every difference its voice, salience and order.
"""

from workbench.diff.base import DETECTOR_ORDER, DETECTORS, Claims, DiffContext, Finding, Mention
from workbench.diff.core import MAX_CHARS, diff_signature, find_differences
from workbench.diff.lexicon import (
    Lexicon,
    LexiconError,
    default_lexicon_path,
    find_labels,
    load_lexicon,
)
from workbench.diff.numbers import find_figures
from workbench.diff.salience import MAX_PER_PAIR, WEAK_LINK, salience, same_fact
from workbench.diff.translit import fold, same_name, transliterate
from workbench.diff.voice import (
    Voice,
    carried_labels,
    find_voices,
    label_voices,
    titled_names,
    voice_at,
)

__all__ = [
    "carried_labels",
    "DETECTORS",
    "DETECTOR_ORDER",
    "MAX_CHARS",
    "MAX_PER_PAIR",
    "WEAK_LINK",
    "Claims",
    "DiffContext",
    "Finding",
    "Lexicon",
    "LexiconError",
    "Mention",
    "Voice",
    "default_lexicon_path",
    "diff_signature",
    "find_differences",
    "find_figures",
    "find_labels",
    "find_voices",
    "fold",
    "label_voices",
    "load_lexicon",
    "salience",
    "same_fact",
    "same_name",
    "titled_names",
    "transliterate",
    "voice_at",
]
