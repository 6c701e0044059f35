"""Judgments and post-edits are never lost (issue 11, row 3).

A damaged store is kept unchanged beside a fresh one that holds every readable row; the user is
told; the CLI and ``serve`` carry on. Online backups are made and rotated.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.pipeline.postedits import PostEditStore
from workbench.score.judgments import JudgmentStore
from workbench.storage import backup, backups, integrity_problem
from workbench.types import AnnotationItem

REPO = Path(__file__).resolve().parents[2]
PAGE = 4096


def _items(n: int) -> list[AnnotationItem]:
    return [
        AnnotationItem(
            item_id=f"c:{i}:sys",
            system="sys",
            source=f"Исходное предложение номер {i}. " * 3,
            translation=f"Translated sentence number {i}. " * 3,
            reference=f"Reference number {i}.",
            signature="sig",
            campaign="c",
            position=i,
        )
        for i in range(n)
    ]


def _store_with_judgments(path: Path, n: int) -> list[int]:
    with JudgmentStore(path) as store:
        items = _items(n)
        store.add_items(items)
        return [
            store.judge(item, "ann", score=float(i % 100)).id or 0 for i, item in enumerate(items)
        ]


def _overwrite_pages(path: Path, pages: range) -> None:
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek(page * PAGE)
            fh.write(b"\xde\xad\xbe\xef" * (PAGE // 4))


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "judgments.sqlite"
    _store_with_judgments(path, 400)
    _checkpoint(path)
    pages = path.stat().st_size // PAGE
    _overwrite_pages(path, range(pages // 2, pages // 2 + 3))
    assert integrity_problem(path)
    return path, path.read_bytes()


def test_a_damaged_store_is_kept_and_every_readable_row_salvaged(
    damaged: tuple[Path, bytes],
) -> None:
    path, original = damaged
    with JudgmentStore(path) as store:
        report = store.salvage
        assert report is not None
        kept = store.count()
        rows = kept + len(store.items())
        assert 700 <= rows < 800  # three overwritten pages held the rest
        assert rows == sum(report.rows.values())
    assert report.damaged.read_bytes() == original  # the original is untouched
    assert "was damaged" in report.message and str(report.damaged) in report.message
    assert integrity_problem(path) is None
    with JudgmentStore(path) as again:  # sound now: no second salvage
        assert again.salvage is None and again.count() == kept


def test_salvage_reads_past_the_damage_not_just_up_to_it(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    ids = _store_with_judgments(path, 400)
    _checkpoint(path)
    with sqlite3.connect(path) as db:
        first_page_rows = db.execute("SELECT COUNT(*) FROM judgments").fetchone()[0]
    assert first_page_rows == 400
    pages = path.stat().st_size // PAGE
    _overwrite_pages(path, range(pages // 2, pages // 2 + 1))
    with JudgmentStore(path) as store:
        got = {j.id for j in store.judgments(latest=False)}
    assert max(ids) in got  # rows after the damaged page survived


def test_a_file_that_is_not_a_database_is_kept_and_a_fresh_store_starts(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    path.write_bytes(b"this is not an sqlite file" * 200)
    with JudgmentStore(path) as store:
        assert store.salvage is not None and store.count() == 0
        assert "not a database" in store.salvage.message
    assert store.salvage.damaged.read_bytes() == b"this is not an sqlite file" * 200


def test_a_truncated_store_is_salvaged(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    _store_with_judgments(path, 300)
    _checkpoint(path)
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    with JudgmentStore(path) as store:
        assert store.salvage is not None
        assert 0 < store.count() + len(store.items()) < 600


def test_cli_export_and_stats_on_a_damaged_store_say_so_and_carry_on(
    damaged: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, _ = damaged
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "judgments", "stats", "--db", str(path)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "was damaged" in proc.stderr and "Traceback" not in proc.stderr
    assert "judgments" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "judgments", "export", "--db", str(path)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.count("\n") >= 300


def test_a_folder_where_the_store_should_be_gives_one_sentence(tmp_path: Path) -> None:
    from workbench.errors import AnnotationError

    path = tmp_path / "judgments.sqlite"
    path.mkdir()
    with pytest.raises(AnnotationError, match="Cannot open the judgments database"):
        JudgmentStore(path)


def test_a_locked_store_is_not_mistaken_for_a_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    _store_with_judgments(path, 5)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert integrity_problem(path) is None or "locked" not in str(integrity_problem(path))
    except sqlite3.OperationalError as err:
        assert "locked" in str(err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.damaged-*"))


def test_backups_are_made_every_n_judgments_and_rotated(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    folder = tmp_path / "backups"
    with JudgmentStore(path, backups_dir=folder, backup_every=10, backups_kept=3) as store:
        items = _items(45)
        store.add_items(items)
        for item in items:
            store.judge(item, "ann", score=50)
    kept = backups(path, folder)
    assert len(kept) == 3  # 4 backups made (10, 20, 30, 40), the oldest removed
    with JudgmentStore(kept[-1]) as copy:
        assert copy.count() == 40 and copy.salvage is None


def test_backup_is_consistent_while_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "judgments.sqlite"
    _store_with_judgments(path, 50)
    writer = JudgmentStore(path)
    try:
        made = backup(path, tmp_path / "b", keep=2)
        writer.add_items(_items(60))
    finally:
        writer.close()
    assert made is not None and integrity_problem(made) is None


def test_a_damaged_postedit_store_is_salvaged_and_lookups_carry_on(tmp_path: Path) -> None:
    path = tmp_path / "postedits.sqlite"
    store = PostEditStore(path)
    for i in range(300):
        store.save(f"Источник {i}. " * 5, "sig", f"MT {i}", f"Edited {i}. " * 5)
    pages = path.stat().st_size // PAGE
    _overwrite_pages(path, range(pages // 2, pages // 2 + 2))
    found = store.lookup([(f"Источник {i}. " * 5, "sig") for i in range(300)])
    assert 200 <= len(found) < 300
    assert list(tmp_path.glob("postedits.damaged-*.sqlite"))
    assert store.notice and "was damaged" in store.notice


def test_postedits_that_are_not_a_database_never_stop_a_lookup(tmp_path: Path) -> None:
    path = tmp_path / "postedits.sqlite"
    path.write_bytes(b"garbage" * 1000)
    store = PostEditStore(path)
    assert store.lookup([("a", "sig")]) == {}
    store.save("a", "sig", "mt", "edited")
    assert store.lookup([("a", "sig")]) == {("a", "sig"): "edited"}


@pytest.mark.parametrize("state", ["damaged", "folder"])
def test_serve_starts_whatever_state_the_stores_are_in(tmp_path: Path, state: str) -> None:
    import urllib.request

    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from browser_harness import start_server

    home = tmp_path / "home"
    home.mkdir()
    judgments = home / "judgments.sqlite"
    if state == "damaged":
        _store_with_judgments(judgments, 300)
        _checkpoint(judgments)
        pages = judgments.stat().st_size // PAGE
        _overwrite_pages(judgments, range(pages // 2, pages // 2 + 2))
    else:
        judgments.mkdir()
    (home / "postedits.sqlite").write_bytes(b"not a database" * 300)
    # a corpora folder with a good case, a truncated case.toml and a case whose file is binary
    corpora = tmp_path / "corpora"
    shutil.copytree(REPO / "corpora" / "kazakhstan-2022-01", corpora / "good")
    (corpora / "truncated").mkdir()
    (corpora / "truncated" / "case.toml").write_text('id = "t"\ntitle = "unfinished', "utf-8")
    shutil.copytree(REPO / "corpora" / "kazakhstan-2022-01", corpora / "binary")
    toml = corpora / "binary" / "case.toml"
    toml.write_text(
        toml.read_text("utf-8").replace("kazakhstan-2022-01", "binary-case", 1), "utf-8"
    )
    for statement in (corpora / "binary" / "statements").glob("*.txt"):
        statement.write_bytes(b"\x00\x01garbage")
    server = start_server(home, ["--corpora", str(corpora)])
    try:
        with urllib.request.urlopen(server.url + "config", timeout=30) as response:
            config = response.read().decode()
    finally:
        server.stop()
    assert "postedits.sqlite was damaged" in config
    assert "kazakhstan-2022-01" in config  # the good case is offered; the broken ones are left out
    assert "binary-case" not in config
    if state == "damaged":
        assert "judgments.sqlite was damaged" in config
        assert list(home.glob("judgments.damaged-*.sqlite"))
        assert [p.name for p in (home / "backups").glob("judgments-*.sqlite")]
    else:
        assert "Judgments cannot be saved or shown right now" in config
