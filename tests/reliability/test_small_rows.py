"""Smaller rows of the battery (issue 11, row 7) and rows that held, kept as tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import build_parser
from workbench.errors import UserInputError
from workbench.ui.handlers.compare import uploaded_case

REPO = Path(__file__).resolve().parents[2]
N_LINES = 60_000  # about 7 s of translating from a table: long enough to be killed mid-way


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", "\ufeff".encode()])
def test_an_empty_upload_in_compare_is_a_message_not_zero_pairs(
    tmp_path: Path, content: bytes
) -> None:
    empty = tmp_path / "statements.txt"
    empty.write_bytes(content)
    report = tmp_path / "report.txt"
    report.write_text("The president said the situation was stable.\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="statements file statements.txt is empty"):
        uploaded_case(str(empty), str(report), "ru")
    with pytest.raises(UserInputError, match="reporting file statements.txt is empty"):
        uploaded_case(str(report), str(empty), "ru")


def test_upload_messages_name_the_file_never_its_server_path(tmp_path: Path) -> None:
    folder = tmp_path / "gradio-uploads" / "0123abcd"
    folder.mkdir(parents=True)
    bad = folder / "statements.txt"
    bad.write_bytes(b"ok\n\x00\n")
    report = tmp_path / "report.txt"
    report.write_text("Text.\n", encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        uploaded_case(str(bad), str(report), "ru")
    assert "statements.txt" in str(info.value) and str(folder) not in str(info.value)


def test_the_readme_compare_output_option_exists() -> None:
    args = build_parser().parse_args(
        ["compare", "--case", "kazakhstan-2022-01", "--format", "html", "-o", "report.html"]
    )
    assert args.output == "report.html"


def test_ctrl_c_or_kill_mid_translation_leaves_a_usable_cache(tmp_path: Path) -> None:
    """Held: a run killed mid-way keeps what it stored, and the next run completes."""
    home = tmp_path / "home"
    src = tmp_path / "in.txt"
    src.write_text("".join(f"Строка {i}.\n" for i in range(N_LINES)), encoding="utf-8")
    table = tmp_path / "tr.tsv"
    table.write_text("".join(f"Строка {i}.\tLine {i}.\n" for i in range(N_LINES)), "utf-8")
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    args = [sys.executable, "-m", "workbench", "-q", "translate", "--engine", "imported"]
    args += ["--model", str(table), "--src", "ru", "--input", str(src)]
    proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    try:
        proc.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    assert proc.returncode == -9  # it was killed mid-run, not finished
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Line {i}." for i in range(N_LINES)]


def test_serve_listens_on_loopback_without_share_by_default() -> None:
    """Held: 127.0.0.1 and no public link unless asked."""
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.share is False and args.auth is None


def test_hostile_text_is_escaped_in_every_renderer() -> None:
    """Held: a script in a document or a translation is shown as text, never run."""
    from workbench.ui.render import esc

    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    shown = esc(hostile)
    assert "<script>" not in shown and "<img" not in shown and "&lt;script&gt;" in shown


def test_serve_with_a_models_dir_that_is_not_a_folder_is_one_sentence(tmp_path: Path) -> None:
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "serve", "--models-dir", str(tmp_path / "nope")],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == f"error: --models-dir {tmp_path / 'nope'} is not a folder; give a folder."
    )


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        ("", {"WORKBENCH_ALLOW_PICKLE": "1"}, {"allow_pickle": True}),
        ("", {"WORKBENCH_ALLOW_OUTSIDE_CASE_FILES": "yes"}, {"allow_outside_case_files": True}),
        (
            "allow_pickle = true\nbackup_every = 10\n",
            {},
            {"allow_pickle": True, "backup_every": 10},
        ),
        ("", {}, {"allow_pickle": False, "allow_outside_case_files": False, "backup_every": 50}),
    ],
)
def test_the_safety_settings_resolve_from_config_and_environment(
    tmp_path: Path, config: str, env: dict[str, str], expected: dict[str, object]
) -> None:
    from workbench.settings import Settings

    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    settings = Settings.resolve(env={"WORKBENCH_HOME": str(tmp_path), **env})
    assert {key: getattr(settings, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('allow_pickle = "yes"\n', "allow_pickle must be true or false"),
        ("max_lines = 0\n", "max_lines must be a whole number >= 1"),
        ('backup_every = "often"\n', "backup_every must be a whole number"),
    ],
)
def test_wrong_safety_settings_are_one_sentence(tmp_path: Path, config: str, message: str) -> None:
    from workbench.settings import Settings

    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    with pytest.raises(UserInputError, match=message):
        Settings.resolve(env={"WORKBENCH_HOME": str(tmp_path)})
