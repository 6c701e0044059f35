"""A statement line longer than the faithfulness check reads (a whole address pasted as one
paragraph) is compared with the reporting; only its translation's audit is left out, and said.

review23's walk: a Russian paragraph of 5,247 characters with its English ended the whole
comparison, after the alignment, with the check's own "source line 1 has 5247 characters
(limit 5000); give one sentence per line" (in the Compare tab and ``workbench compare``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_compare_progress import Letters
from workbench.faithfulness import MAX_CHARS
from workbench.pipeline.compare import compare_case, files_case

RU = "На Алматы напали 20 тысяч бандитов, и врачи оказывают помощь раненым."
EN = "Almaty was attacked by 20,000 bandits, and doctors are treating the wounded."
SHORT_RU = "Президент подписал указ о выделении 2 миллиардов тенге."
SHORT_EN = "The president signed a decree allocating 2 billion tenge."
REPORT = "The president said 20,000 bandits attacked Almaty.\nA decree gave 2 billion tenge.\n"


def _files(tmp_path: Path, repeat: int) -> dict[str, Path]:
    paths = {"st": tmp_path / "st.txt", "tr": tmp_path / "tr.txt", "rep": tmp_path / "rep.txt"}
    paths["st"].write_text(" ".join([RU] * repeat) + "\n" + SHORT_RU + "\n", "utf-8")
    paths["tr"].write_text(" ".join([EN] * repeat) + "\n" + SHORT_EN + "\n", "utf-8")
    paths["rep"].write_text(REPORT, "utf-8")
    return paths


@pytest.fixture
def long_files(tmp_path: Path) -> dict[str, Path]:
    paths = _files(tmp_path, 80)
    assert len(paths["st"].read_text("utf-8").split("\n")[0]) > MAX_CHARS
    return paths


def test_a_statement_over_the_checks_limit_is_compared_and_only_its_audit_left_out(
    long_files: dict[str, Path],
) -> None:
    case = files_case(long_files["st"], long_files["rep"], src="ru", translations=long_files["tr"])
    result = compare_case(case, embedder=Letters(), corrections=())
    assert [r.index for r in result.translation_audit] == [1]  # line 2 is checked, line 1 not
    assert "|audit:" in result.signature


def test_the_notice_names_the_line_and_says_what_is_left_out(
    long_files: dict[str, Path], tmp_path: Path
) -> None:
    from workbench.pipeline.inputs import unaudited_notice

    case = files_case(long_files["st"], long_files["rep"], src="ru", translations=long_files["tr"])
    note = unaudited_notice(case, by_title=True)
    assert note is not None
    assert f"over {MAX_CHARS:,} characters" in note and "statement line 1 of st.txt." in note
    assert "not checked against its original" in note
    assert unaudited_notice(case) is not None and "line 1 of statements." in (
        unaudited_notice(case) or ""
    )
    short = _files(tmp_path / "short", 1) if (tmp_path / "short").mkdir() is None else {}
    fine = files_case(short["st"], short["rep"], src="ru", translations=short["tr"])
    assert unaudited_notice(fine) is None
    bare = files_case(long_files["st"], long_files["rep"], src="ru")  # no translation: no audit
    assert unaudited_notice(bare) is None


@pytest.fixture
def letters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line and the tab embed with :class:`Letters` (no e5 run: seconds, not
    minutes, for a paragraph of 80 sentences)."""
    from workbench.pipeline import compare

    monkeypatch.setattr(compare, "embedder_named", lambda *_a, **_k: Letters())


def test_the_command_line_says_it_and_writes_the_report(
    long_files: dict[str, Path], tmp_path: Path, letters: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    out_file = tmp_path / "out.json"
    code = main([
        "--home", str(tmp_path / "home"), "compare", "--statements", str(long_files["st"]),
        "--src", "ru", "--reporting", str(long_files["rep"]),
        "--translations", str(long_files["tr"]), "-o", str(out_file),
    ])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert "warning: Too long for the check of supplied translations" in err
    assert "statement line 1 of st.txt." in err
    assert out_file.exists()


def test_the_compare_tab_says_it_beside_the_result(
    long_files: dict[str, Path], tmp_path: Path, letters: None
) -> None:
    from workbench.settings import Settings
    from workbench.ui.context import UIContext
    from workbench.ui.handlers import compare as h

    ctx = UIContext(Settings.resolve({"home": tmp_path / "home"}))
    case = h.uploaded_case(
        str(long_files["st"]), str(long_files["rep"]), "ru", str(long_files["tr"])
    )
    state = h.run(ctx, case, h.SUPPLIED)
    assert [r.index for r in state.result.translation_audit] == [1]
    (note,) = [n for n in state.notices if n.startswith("Too long for the check")]
    assert "statement line 1 of st.txt." in note
