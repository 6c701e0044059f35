"""Where the shared evaluation folders (``../shared/data``, ``../shared/seed``) are: beside the
main checkout, or two levels up from a git worktree (``/work/wt/<branch>``, whose parent holds
no ``shared``). Without the second place every test of shared data was skipped in a worktree, so
a change checked in its own worktree ran none of them and looked green."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_folder(name: str) -> Path:
    """``shared/<name>`` beside the repository or beside its parent folder; the first place
    when neither has it (the callers skip or say it is missing)."""
    for root in (REPO.parent, REPO.parent.parent):
        if (root / "shared" / name).is_dir():
            return root / "shared" / name
    return REPO.parent / "shared" / name
