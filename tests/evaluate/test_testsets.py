"""Test-set catalog, reader, downloader (offline error, checksums, layout) and `workbench data`."""

from __future__ import annotations

import io
import urllib.error
from pathlib import Path
from typing import Any

import pytest

from tests.evaluate.conftest import run_workbench
from workbench.errors import UnknownNameError, UserInputError
from workbench.settings import Settings
from workbench.testsets import (
    TESTSETS,
    DownloadError,
    decode_segments,
    download,
    load_testset,
    search_path,
    shared_data,
)


class _Response(io.BytesIO):
    headers: dict[str, str] = {}


def _serve(shared_data: Path, corrupt: str | None = None) -> Any:
    """An opener that serves each catalog URL from the shared copy of that file."""
    by_url = {
        f.url: shared_data / spec.name / f.name
        for name in TESTSETS.names()
        for spec in [TESTSETS.get(name)]
        for f in spec.files
    }

    def opener(url: str, timeout: float) -> _Response:
        data = by_url[url].read_bytes()
        if corrupt and url.endswith(corrupt):
            data = data.replace(b"the", b"teh", 1)
        return _Response(data)

    return opener


def _offline(url: str, timeout: float) -> Any:
    raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")


@pytest.mark.parametrize("name", ["flores200-dev", "ntrex128"])
@pytest.mark.parametrize("src", ["kk", "ky", "ru"])
def test_shared_data_is_found_and_line_aligned(name: str, src: str, settings: Settings) -> None:
    data = load_testset(name, src, settings, limit=None)
    assert len(data.sources) == len(data.references) == TESTSETS.get(name).lines
    assert data.signature == f"test:{name}|pair:{src}-en|n:{TESTSETS.get(name).lines}"
    assert load_testset(name, src, settings, limit=5).sources == data.sources[:5]


def test_download_writes_the_layout_the_reader_expects(
    shared_data: Path, settings: Settings
) -> None:
    folders = download("flores200", settings, opener=_serve(shared_data), progress=False)
    assert folders == [settings.data_dir / "flores200-dev"]
    assert sorted(p.name for p in folders[0].iterdir()) == sorted(
        f.name for f in TESTSETS.get("flores200-dev").files
    )
    data = load_testset("flores200-dev", "kk", settings)
    assert data.path == str(settings.data_dir / "flores200-dev")  # the download wins
    assert data.sources[0].startswith("Дүйсенбі күні")


def test_checksum_mismatch_saves_nothing(shared_data: Path, settings: Settings) -> None:
    with pytest.raises(DownloadError, match="does not have the expected content"):
        download(
            "ntrex128", settings, opener=_serve(shared_data, corrupt="src.eng.txt"), progress=False
        )
    folder = settings.data_dir / "ntrex128"
    assert not (folder / "eng_Latn.txt").exists()
    assert not list(folder.glob("*.part"))


def test_offline_download_is_one_clear_error(settings: Settings) -> None:
    with pytest.raises(
        DownloadError,
        match=r"Cannot download https://raw\.githubusercontent\.com/.*internet connection",
    ):
        download("ntrex128", settings, opener=_offline, progress=False)
    with pytest.raises(UserInputError, match="available: flores200, ntrex128"):
        download("wmt19", settings, opener=_offline)


def test_unknown_and_missing_test_sets(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match="flores200-dev, ntrex128"):
        load_testset("newstest2019", "kk", settings)
    with pytest.raises(UserInputError, match="No 'de' side"):
        load_testset("flores200-dev", "de", settings)


def test_shared_data_is_found_beside_a_checkout_and_beside_a_git_worktree(
    settings: Settings, tmp_path: Path
) -> None:
    # A git worktree (<root>/wt/<branch>) has no shared/ beside it: the sets were not found
    # there, so every test and `workbench score --testset` failed in an engineer's worktree.
    data = tmp_path / "shared" / "data"
    main, worktree = tmp_path / "main", tmp_path / "wt" / "branch"
    assert search_path(settings, main) == [
        settings.data_dir,
        data,
        tmp_path.parent / "shared" / "data",
    ]
    assert data in search_path(settings, worktree)
    assert search_path(settings, worktree)[0] == settings.data_dir  # downloads come first
    # the benchmarks' default --data: the place that exists, else the first
    assert shared_data(worktree) == worktree.parent / "shared" / "data"  # none exists yet
    (data / "flores200-dev").mkdir(parents=True)
    assert shared_data(worktree) == data == shared_data(main)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\nb\n", ["a", "b"]),
        (b"a \r\n\nb", ["a", "", "b"]),
        (b"\xef\xbb\xbfa\x0bb\n", ["a\x0bb"]),  # only \n splits lines, as in sacrebleu
    ],
)
def test_segments_are_read_like_sacrebleu(raw: bytes, expected: list[str]) -> None:
    assert decode_segments(raw, "f") == expected


def test_data_cli_list_and_offline_get() -> None:
    proc = run_workbench("data", "list")
    assert proc.returncode == 0 and "flores200-dev\t997 lines" in proc.stdout
    proc = run_workbench("data", "get", "ntrex128")  # no network here
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: Cannot download https://raw.githubusercontent.com/")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_an_incomplete_download_folder_is_not_used(shared_data: Path, settings: Settings) -> None:
    partial = settings.data_dir / "flores200-dev"
    partial.mkdir(parents=True)
    (partial / "kaz_Cyrl.txt").write_text("only one file\n", encoding="utf-8")
    data = load_testset("flores200-dev", "kk", settings)
    assert data.path == str(shared_data / "flores200-dev")
    assert len(data.sources) == 997
