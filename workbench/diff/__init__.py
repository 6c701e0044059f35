"""diff stage: how a report retells a statement differently.

Small detectors, registered by name in :data:`DETECTORS`, each find one kind of difference
(``number``, ``entity``, ``framing``, ``hedge``, ``attribution``, ``negation``) with character
spans on both sides; the ``content`` detector runs last and reports the rest of a token-level
diff (``omission``, ``addition``, ``wording``) outside the spans the others examined.
:func:`find_differences` composes them.
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
from workbench.diff.translit import fold, same_name, transliterate

__all__ = [
    "DETECTORS",
    "DETECTOR_ORDER",
    "MAX_CHARS",
    "Claims",
    "DiffContext",
    "Finding",
    "Lexicon",
    "LexiconError",
    "Mention",
    "default_lexicon_path",
    "diff_signature",
    "find_differences",
    "find_figures",
    "find_labels",
    "fold",
    "load_lexicon",
    "same_name",
    "transliterate",
]
