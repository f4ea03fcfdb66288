"""manage.py backup / restore: a round trip into an empty installation keeps every row and every file.

Runs on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL), so CI checks both.
The restore runs in a new process configured like a fresh installation (its own empty database and
media folder), as an administrator would run it.
"""

import datetime
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from danvan.core import backup as backup_module
from danvan.core.backup import FORMAT, BackupError, database_counts, find_tool, media_files

ROOT = Path(settings.BASE_DIR)
FILES = {
    "meetings/9f3a1c2e.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "exports/2026/mo-hinh.xlsx": b"PK\x03\x04" + os.urandom(5000),
    "tài liệu/đơn thư.txt": "Đơn thư của Nhân dân xã Bảo Ái\n".encode(),
}


@pytest.fixture
def media(tmp_path, settings):
    root = tmp_path / "media"
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    settings.MEDIA_ROOT = str(root)
    return root


def _restore_in_new_installation(archive: Path, database_url: str, media_root: Path):
    env = {**os.environ, "DATABASE_URL": database_url, "DANVAN_MEDIA_ROOT": str(media_root),
           "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), "restore", str(archive)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def _pg_url(name: str) -> str:
    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params.get("PASSWORD") else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"


def _pg_counts(name: str) -> dict[str, int]:
    import psycopg

    params = connection.settings_dict
    with psycopg.connect(host=params["HOST"] or "127.0.0.1", port=params["PORT"] or 5432, user=params["USER"],
                         password=params.get("PASSWORD") or None, dbname=name) as db:
        tables = [row[0] for row in db.execute(backup_module.PG_TABLES)]
        return {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_installation_keeps_every_row_and_file(cast, media, tmp_path):
    source_counts = database_counts()
    source_files = media_files(media)
    assert source_counts["orgs_organization"] == 7 and source_counts["places_area"] == 9
    assert len(source_files) == 3

    archive = tmp_path / "backup.tar"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert f"{len(source_counts)} tables" in out.getvalue() and "3 files" in out.getvalue()
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
    assert manifest["tables"] == source_counts and manifest["files"] == source_files
    assert {f"media/{name}" for name in FILES} <= names

    restored_media = tmp_path / "restored-media"
    if connection.vendor == "sqlite":
        restored_db = tmp_path / "restored.sqlite3"
        result = _restore_in_new_installation(archive, f"sqlite:///{restored_db}", restored_media)
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(restored_db) as db:
            restored_counts = backup_module._sqlite_tables(db)
    else:
        name = f"{connection.settings_dict['NAME']}_restore"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            result = _restore_in_new_installation(archive, _pg_url(name), restored_media)
            assert result.returncode == 0, result.stderr
            restored_counts = _pg_counts(name)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert "every row count and checksum matches" in result.stdout
    assert restored_counts == source_counts
    assert media_files(restored_media) == source_files
    assert (restored_media / "tài liệu/đơn thư.txt").read_bytes() == FILES["tài liệu/đơn thư.txt"]


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_an_installation_that_has_data(cast, media, tmp_path):
    archive = tmp_path / "backup.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = database_counts()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    with pytest.raises(CommandError, match="has tables"):
        call_command("restore", str(archive))
    assert database_counts() == before


def _archive(tmp_path, *, vendor="sqlite", members=None, fmt=FORMAT) -> Path:
    path = tmp_path / "crafted.tar"
    manifest = json.dumps({"format": fmt, "created": "2026-01-01T00:00:00+07:00", "vendor": vendor,
                           "tool_version": "", "tables": {}, "files": {}}).encode()
    with tarfile.open(path, "w") as tar:
        for name, data in [("manifest.json", manifest), *(members or [])]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.django_db
def test_restore_refuses_an_archive_of_another_database_vendor(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(_archive(tmp_path, vendor=other)))


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_danvan_archive(tmp_path):
    with pytest.raises(CommandError, match="no archive"):
        call_command("restore", str(tmp_path / "missing.tar"))
    with pytest.raises(CommandError, match="not a danvan backup archive"):
        call_command("restore", str(_archive(tmp_path, fmt="other/9")))
    plain = tmp_path / "plain.tar"
    with tarfile.open(plain, "w") as tar:
        tar.add(__file__, arcname="x.py")
    with pytest.raises(CommandError, match="no manifest.json"):
        call_command("restore", str(plain))


def test_restore_never_writes_outside_the_media_folder(tmp_path):
    archive = _archive(tmp_path, members=[("media/../../escaped.txt", b"x")])
    result = _restore_in_new_installation(archive, f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path / "m" / "media")
    assert result.returncode != 0 and "outside the media folder" in result.stderr
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "m" / "escaped.txt").exists()


@pytest.mark.django_db(transaction=True)
def test_backup_into_a_folder_keeps_the_newest_archives(media, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept")
    start = datetime.datetime(2026, 3, 1, 1, 30, tzinfo=datetime.UTC)
    for day in range(4):
        backup_module.backup(folder, now=start + datetime.timedelta(days=day), keep=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "danvan-20260303-013000.tar", "danvan-20260304-013000.tar", "notes.txt"]


def _fake_tool(folder: Path, name: str, major: int) -> str:
    path = folder / str(major) / name
    path.parent.mkdir(parents=True)
    path.write_text(f"#!/bin/sh\necho '{name} (PostgreSQL) {major}.3 (Debian {major}.3-1)'\n")
    path.chmod(0o755)
    return str(path)


def test_pg_tools_of_the_server_version_are_preferred_and_older_ones_refused(tmp_path):
    old, same, newer = (_fake_tool(tmp_path, "pg_dump", major) for major in (14, 15, 17))
    assert find_tool("pg_dump", minimum=15, prefer=15, candidates=[old, newer, same]) == (same, 15)
    assert find_tool("pg_dump", minimum=15, prefer=15, candidates=[old, newer]) == (newer, 17)
    with pytest.raises(BackupError, match="pg_dump version 16 or later is needed.*postgresql-client-16"):
        find_tool("pg_dump", minimum=16, prefer=16, candidates=[old, same])
