"""case.toml: wrong-typed values named with their key; files confined to the case folder.

Issue 11, row 6: ``translation = 5`` gave a ``TypeError`` traceback, and ``file`` could name any
file on the machine (absolute path, ``../``, a symlink), whose text then ended up in a report.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.corpus import find_case, list_cases, load_case
from workbench.errors import CorpusError
from workbench.textio import Limits

REPO = Path(__file__).resolve().parents[2]

HEAD = 'id = "c"\ntitle = "A case"\n'
DOC = """
[[documents]]
id = "{id}"
title = "Statement"
outlet = "Akorda"
outlet_type = "state"
language = "ru"
provenance = "original"
file = {file}
{extra}
"""


def _case(folder: Path, file: str = '"s.txt"', extra: str = "", docs: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "s.txt").write_text("Первое предложение.\nВторое.\n", encoding="utf-8")
    (folder / "s.en.txt").write_text("First sentence.\nSecond.\n", encoding="utf-8")
    body = "".join(DOC.format(id=f"d{i}", file=file, extra=extra) for i in range(docs))
    (folder / "case.toml").write_text(HEAD + body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("translation = 5", "'translation' must be a string (in quotes), not a number 5"),
        ('translation = ["a"]', "'translation' must be a string (in quotes), not a list"),
        ("sha256 = true", "'sha256' must be a string (in quotes), not true/false"),
        ("notes = 1.5", "'notes' must be a string"),
        ("url = {a = 1}", "'url' must be a string (in quotes), not a table"),
        (
            'translation = "s.en.txt"\ntranslation_provenance = 3',
            "'translation_provenance' must be a string",
        ),
    ],
    ids=["translation-int", "translation-list", "sha-bool", "notes-float", "url-table", "prov-int"],
)
def test_wrong_typed_values_are_named_with_their_key_and_line(
    tmp_path: Path, extra: str, message: str
) -> None:
    folder = _case(tmp_path / "case", extra=extra)
    with pytest.raises(CorpusError, match=re.escape(f"case.toml, line 4: {message}")):
        load_case(folder)


def test_case_level_wrong_types_and_a_toml_date_is_fine(tmp_path: Path) -> None:
    folder = _case(tmp_path / "case", extra="date = 2022-01-07")
    assert load_case(folder).documents[0].date == "2022-01-07"
    (folder / "case.toml").write_text(
        HEAD + "description = 7\n" + DOC.format(id="d", file='"s.txt"', extra=""),
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match="'description' must be a string"):
        load_case(folder)
    (folder / "case.toml").write_text('id = 5\ntitle = "t"\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="'id' must be a non-empty string"):
        load_case(folder)


@pytest.mark.parametrize(
    "kind", ["absolute", "dotdot", "symlink-file", "symlink-dir", "translation"]
)
def test_files_outside_the_case_folder_are_refused(tmp_path: Path, kind: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n", encoding="utf-8")
    folder = tmp_path / "case"
    folder.mkdir()
    file, extra = '"s.txt"', ""
    if kind == "absolute":
        file = f'"{secret}"'
    elif kind == "dotdot":
        file = '"../secret.txt"'
    elif kind == "symlink-file":
        (folder / "link.txt").symlink_to(secret)
        file = '"link.txt"'
    elif kind == "symlink-dir":
        (folder / "sub").symlink_to(tmp_path)
        file = '"sub/secret.txt"'
    else:
        extra = 'translation = "../secret.txt"\ntranslation_provenance = "original"'
    _case(folder, file=file, extra=extra)
    with pytest.raises(CorpusError, match="leads outside the case folder") as info:
        load_case(folder)
    assert "hunter2" not in str(info.value)
    # the explicit option allows it (for an analyst's own files)
    if kind != "translation":
        case = load_case(folder, allow_outside=True)
        assert "hunter2" in case.documents[0].text


def test_files_in_sub_folders_and_symlinks_inside_are_fine(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    (folder / "statements").mkdir(parents=True)
    (folder / "statements" / "a.txt").write_text("Текст.\n", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "statements" / "a.txt")
    _case(folder, file='"statements/../alias.txt"')
    assert load_case(folder).documents[0].text == "Текст."


def test_documents_per_case_are_capped(tmp_path: Path) -> None:
    folder = _case(tmp_path / "case", docs=5)
    assert len(load_case(folder, limits=Limits(max_case_documents=5)).documents) == 5
    with pytest.raises(CorpusError, match="5 documents, more than the 4 a case may have"):
        load_case(folder, limits=Limits(max_case_documents=4))


def test_one_bad_case_does_not_hide_the_others(tmp_path: Path) -> None:
    _case(tmp_path / "good")
    _case(tmp_path / "bad", extra="translation = 5")
    (tmp_path / "bad" / "case.toml").write_text(
        (tmp_path / "bad" / "case.toml").read_text().replace('id = "c"', 'id = "b"'),
        encoding="utf-8",
    )
    with pytest.raises(CorpusError):
        list_cases(tmp_path)
    errors: list[str] = []
    assert [c.id for c in list_cases(tmp_path, errors=errors)] == ["c"]
    assert len(errors) == 1 and "'translation' must be a string" in errors[0]


def test_find_case_passes_the_confinement_on(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("x\n", encoding="utf-8")
    _case(tmp_path / "case", file='"../secret.txt"')
    with pytest.raises(CorpusError, match="outside"):
        find_case("case", tmp_path)


def test_cli_compare_on_a_bad_case_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("top secret\n", encoding="utf-8")
    folder = _case(tmp_path / "case", extra="translation = 5")
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")}
    for case_toml in (
        HEAD + DOC.format(id="d", file='"s.txt"', extra="translation = 5"),
        HEAD + DOC.format(id="d", file='"../secret.txt"', extra=""),
    ):
        (folder / "case.toml").write_text(case_toml, encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "workbench", "compare", "--case", str(folder)],
            capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "top secret" not in proc.stdout + proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
