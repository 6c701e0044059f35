"""Compared files (``workbench compare --statements … --reporting …``, the Compare tab's uploads)
are named by their file names in every view, not "statements" and "reporting".

review23's walk: the tab's cards read "Statement 2 · statements (statements, line 2)" and the
retelling "reporting (independent, sentence 2, …)", the outlet filter "reporting
(independent)"; the file names were known (they are the documents' titles) but not shown.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_compare_progress import Letters
from workbench.pipeline.compare import files_case, files_report

STATEMENTS = "На Алматы напали 20 тысяч бандитов.\n"
TRANSLATIONS = "Almaty was attacked by 20,000 bandits.\n"
REPORT = "The president said 20,000 protesters attacked Almaty.\n"


def test_compared_files_are_named_by_their_file_names(tmp_path: Path) -> None:
    (tmp_path / "akorda-address.ru.txt").write_text(STATEMENTS, "utf-8")
    (tmp_path / "akorda-address.en.txt").write_text(TRANSLATIONS, "utf-8")
    (tmp_path / "wire-story.txt").write_text(REPORT, "utf-8")
    case = files_case(
        tmp_path / "akorda-address.ru.txt",
        tmp_path / "wire-story.txt",
        src="ru",
        translations=tmp_path / "akorda-address.en.txt",
    )
    assert [d.outlet for d in case.documents] == ["akorda-address.ru.txt", "wire-story.txt"]
    assert [d.id for d in case.documents] == ["statements", "reporting"]  # the JSON's ids
    md = files_report(case, "md", embedder=Letters(), threshold=0.01)  # the pair links
    assert "### Statement 1 · akorda-address.ru.txt (statements, line 1)" in md
    assert "- **wire-story.txt** (independent, sentence 1" in md
    assert "**reporting**" not in md and "· statements (" not in md
