"""Guards for matcher rules of the name check (6b7929d) that no other test would notice losing.

Invented sentences; each pair is faithful and must give no name issue. Each rule below was
reverted in a scratch worktree and only the pair named beside it failed: c read as к
("Cesarean" ~ «кесарева»), a capitalised past participle is a common word ("Designated"),
w read as у ("Dewar" ~ «Дьюар»), and a short name with a case ending ("Bough" ~ «Бафом»).
"""

from __future__ import annotations

import pytest

from workbench.faithfulness import check_pairs
from workbench.faithfulness.core import evidence_keys


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Ребёнок родился после кесарева сечения.", "The baby was born by Cesarean section."),
        ("Назначенный преемник выступил.", "The Designated successor spoke."),
        ("Об этом рассказал Дьюар.", "Dewar said so."),
        ("Мы говорили с Бафом.", "We spoke with Bough."),
    ],
)
def test_a_faithful_name_is_matched_across_scripts(source: str, translation: str) -> None:
    (result,) = check_pairs([source], [translation], "ru", detectors=["name"])
    assert not evidence_keys(result.issues)
