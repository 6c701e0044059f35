"""No committed file copies text of the shared evaluation data or of the private real cases.

``../shared/data`` (FLORES-200, NTREX-128, Tatoeba) is read by tests and benchmarks at run time and
must never be copied into the repository (its README); the git-ignored ``private/`` case folders
hold news pages that may be studied but never committed. Tests, docs and comments use sentences in
the project's own words. A run of :data:`RUN` consecutive words shared with one of those texts
means a copied sentence (lists of number, weekday or month words are no copy: every counting
sentence shares them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.shared import shared_folder

REPO = Path(__file__).resolve().parents[1]
DATA = shared_folder("data")
PRIVATE = REPO / "private"
RUN = 9
#: Tracked files that are not prose or code (generated word tables, images).
SKIP_SUFFIXES = {".tsv", ".png", ".jpg", ".sqlite", ".bin"}
_LIST_WORDS = frozenset((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "first", "second", "third", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
))  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _runs(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    runs = (tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return {r for r in runs if sum(x in _LIST_WORDS for x in r) < RUN // 2}


def _source_texts() -> list[Path]:
    """The shared data's text files and the private cases' reports and original statements
    (a case's ``.en.txt`` statement translation is the project's own writing)."""
    data = [p for p in DATA.rglob("*.txt") if p.is_file()]
    private = [
        p
        for p in (PRIVATE.rglob("*.txt") if PRIVATE.is_dir() else [])
        if p.parent.name == "reports"
        or (p.parent.name == "statements" and not p.name.endswith(".en.txt"))
    ]
    return sorted(data + private)


def _tracked_files() -> list[Path]:
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("git or the repository's .git is not available")
    out = subprocess.run(
        [git, "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    files = [REPO / f for f in out.split("\0") if f]
    return [p for p in files if p.is_file() and p.suffix not in SKIP_SUFFIXES]


def test_the_check_catches_a_copied_sentence_and_not_a_counting_list() -> None:
    copied = _runs(
        "They said the new bridge over the wide river will open early next spring, officials say."
    )
    assert copied & _runs(
        "As officials put it: the new bridge over the wide river will open early next spring."
    )
    assert not _runs("one two three four five six seven eight nine ten") & _runs(
        "Count: one two three four five six seven eight nine ten."
    )


def test_no_tracked_file_copies_shared_data_or_private_case_text() -> None:
    sources = _source_texts()
    if not sources:
        pytest.skip("neither ../shared/data nor private/ is present")
    origin: dict[tuple[str, ...], str] = {}
    for path in sources:
        for run in _runs(path.read_text(encoding="utf-8", errors="ignore")):
            origin.setdefault(run, str(path.relative_to(path.parents[2])))
    found = []
    for path in _tracked_files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        shared = _runs(text) & origin.keys()
        if shared:
            run = sorted(shared)[0]
            found.append(f"{path.relative_to(REPO)}: {' '.join(run)!r} ({origin[run]})")
    assert not found, "copied text in the repository:\n" + "\n".join(found)
