"""The one place the faithfulness stage reaches into the diff stage.

Allowed dependency (documented in ``tests/test_architecture.py``): ``faithfulness → diff``. The
diff stage owns the figure normaliser ("20 тысяч" = 20,000 = "20 мың"), the cross-script name
folding, the framing lexicon, the hedge/negation markers and the kk/ky/ru → English word
lexicon (``bilexicon``); faithfulness reuses them instead of
keeping a second copy. Every use goes through this module so that a rename in the diff stage is
fixed here once.
"""

from __future__ import annotations

from workbench.diff import (
    Lexicon,
    find_figures,
    find_labels,
    fold,
    load_lexicon,
    same_name,
    transliterate,
)
from workbench.diff.bilexicon import (
    COGNATE,
    NAME_MATCH,
    WORD,
    BiLexicon,
    WordCoverage,
    cognate_key,
    english_content,
    english_stem,
    load_bilexicon,
    source_stem,
)
from workbench.diff.dates import turkic_forms
from workbench.diff.entities import find_names
from workbench.diff.lexicon import categories_in
from workbench.diff.markers import EN_MODAL, SOURCE_ABILITY, hedge_mentions, negation_mentions
from workbench.diff.morph import (
    TURKIC_ENDINGS,
    may_be_name,
    russian_lemma,
    russian_pos,
    turkic_stems,
)
from workbench.diff.numbers import (
    EN_WORDS,
    KK_WORDS,
    KY_WORDS,
    ORDINAL_END,
    TURKIC_NUMBER_ENDINGS,
    Figure,
    sign_money,
)

__all__ = [
    "ORDINAL_END",
    "EN_MODAL",
    "EN_WORDS",
    "KK_WORDS",
    "KY_WORDS",
    "SOURCE_ABILITY",
    "TURKIC_ENDINGS",
    "TURKIC_NUMBER_ENDINGS",
    "BiLexicon",
    "Figure",
    "Lexicon",
    "categories_in",
    "COGNATE",
    "NAME_MATCH",
    "WORD",
    "cognate_key",
    "english_content",
    "english_stem",
    "find_figures",
    "find_labels",
    "find_names",
    "fold",
    "hedge_mentions",
    "load_bilexicon",
    "load_lexicon",
    "may_be_name",
    "negation_mentions",
    "russian_lemma",
    "russian_pos",
    "same_name",
    "sign_money",
    "source_stem",
    "transliterate",
    "turkic_forms",
    "turkic_stems",
    "WordCoverage",
]
