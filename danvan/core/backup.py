"""One archive of the whole installation (the database and the files), and its restore.

The archive is a tar file:

    manifest.json          format, date, database vendor, every table's row count, every file's
                           size and SHA-256 (all taken from the same snapshot as the dump)
    database.sqlite3       SQLite: a copy made with SQLite's online backup API
    database.pgdump        PostgreSQL: ``pg_dump --format=custom`` of an exported snapshot
    media/<path>           every file under MEDIA_ROOT

Both dumps are consistent and safe while the application runs: SQLite's backup API copies the
database in one step under a read lock (writers wait, readers go on); on PostgreSQL the row counts are
taken in a REPEATABLE READ transaction whose snapshot ``pg_dump --snapshot`` then dumps, so the counts
describe exactly the dump. The files are copied after the database: they are written once under
random names and never changed, so every file the dumped rows name is in the archive.

``restore`` refuses anything but an empty installation (no table in the database, nothing in
MEDIA_ROOT), then restores and checks every table's row count and every file's checksum against the
manifest. ``pg_dump`` must be at least as new as the server; the tools are looked for in
``DANVAN_PG_BIN``, then Debian's ``/usr/lib/postgresql/<major>/bin``, then ``PATH``.
"""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection

FORMAT = "danvan-backup/1"
ARCHIVE_PATTERN = re.compile(r"^danvan-\d{8}-\d{6}\.tar$")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Manifest:
    vendor: str
    tables: dict[str, int]
    files: dict[str, dict] = field(default_factory=dict)
    created: str = ""
    tool_version: str = ""

    def as_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "created": self.created, "vendor": self.vendor,
                           "tool_version": self.tool_version, "tables": self.tables, "files": self.files},
                          ensure_ascii=False, indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        raw = json.loads(data)
        if raw.get("format") != FORMAT:
            raise BackupError(f"not a danvan backup archive (format {raw.get('format')!r}, expected {FORMAT!r})")
        return cls(vendor=raw["vendor"], tables=raw["tables"], files=raw["files"], created=raw["created"],
                   tool_version=raw.get("tool_version", ""))

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


# --- PostgreSQL tools ------------------------------------------------------------------------------

def tool_major(path: str) -> int:
    """The major version a PostgreSQL client tool reports ("pg_dump (PostgreSQL) 15.20 (Debian...)" -> 15)."""
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\)\s+(\d+)", out)
    if not match:
        raise BackupError(f"cannot read the version of {path}: {out!r}")
    return int(match.group(1))


def tool_candidates(name: str, server_major: int) -> list[str]:
    """Where to look for ``name``, best first: DANVAN_PG_BIN, the server's own version, PATH, then every
    other installed version (newest first)."""
    found = []
    configured = getattr(settings, "DANVAN_PG_BIN", "")
    if configured:
        found.append(str(Path(configured) / name))
    found.append(f"/usr/lib/postgresql/{server_major}/bin/{name}")
    if shutil.which(name):
        found.append(shutil.which(name))
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts[-3], reverse=True)
    found += [str(p) for p in versions]
    return [path for index, path in enumerate(found) if path not in found[:index] and os.access(path, os.X_OK)]


def find_tool(name: str, *, minimum: int, prefer: int | None = None, candidates: list[str]) -> tuple[str, int]:
    """The first candidate whose major version is ``prefer`` or else at least ``minimum``."""
    versions = []
    for path in candidates:
        try:
            versions.append((path, tool_major(path)))
        except (OSError, subprocess.CalledProcessError, BackupError):
            continue
    for path, major in versions:
        if prefer is not None and major == prefer:
            return path, major
    for path, major in versions:
        if major >= minimum:
            return path, major
    seen = ", ".join(f"{path} ({major})" for path, major in versions) or "none"
    raise BackupError(
        f"{name} version {minimum} or later is needed (found: {seen}): install postgresql-client-{prefer or minimum} "
        f"or set DANVAN_PG_BIN to the folder that has it")


def _pg_env(params: dict) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"),
                     ("NAME", "PGDATABASE")):
        if params.get(key):
            env[var] = str(params[key])
    sslmode = (params.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


# --- counting --------------------------------------------------------------------------------------

def _count_tables(cursor, names: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for name in sorted(names):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")  # noqa: S608 (names come from the catalogue)
        counts[name] = cursor.fetchone()[0]
    return counts


def _sqlite_tables(db: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}  # noqa: S608


PG_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"


def database_counts() -> dict[str, int]:
    """Every table of the configured database with its row count (read now)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return _sqlite_tables(connection.connection)
    with connection.cursor() as cursor:
        cursor.execute(PG_TABLES)
        return _count_tables(cursor, [row[0] for row in cursor.fetchall()])


# --- files -----------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root: Path) -> dict[str, dict]:
    """Every regular file under ``root``: relative POSIX path -> size and SHA-256."""
    found = {}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    return found


# --- backup ----------------------------------------------------------------------------------------

def _dump_sqlite(target: Path) -> tuple[dict[str, int], str]:
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)  # one step: a consistent copy, safe while others write
        tables = _sqlite_tables(copy)
    copy.close()
    return tables, sqlite3.sqlite_version


def _dump_postgresql(target: Path) -> tuple[dict[str, int], str]:
    params = connection.settings_dict
    pg_dump, major = find_tool("pg_dump", minimum=_server_major(), prefer=_server_major(),
                               candidates=tool_candidates("pg_dump", _server_major()))
    from psycopg import IsolationLevel

    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.rollback()
        raw.autocommit = False
        raw.isolation_level, raw.read_only = IsolationLevel.REPEATABLE_READ, True
        with raw.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            cursor.execute(PG_TABLES)
            tables = _count_tables(cursor, [row[0] for row in cursor.fetchall()])
            result = subprocess.run(
                [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                 f"--file={target}"], env=_pg_env(params), capture_output=True, text=True)
        raw.rollback()
    finally:
        raw.close()
    if result.returncode:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return tables, f"pg_dump {major}"


def archive_path(path: Path, now: datetime.datetime) -> Path:
    """``path`` itself, or a dated archive name inside it when it is a folder."""
    if path.is_dir():
        return path / f"danvan-{now:%Y%m%d-%H%M%S}.tar"
    return path


def backup(path: Path, *, now: datetime.datetime, keep: int | None = None) -> tuple[Path, Manifest]:
    """Write one archive of the database and MEDIA_ROOT to ``path`` (a file, or a folder for a dated
    name). Effects: the archive (written beside as ``.part``, then renamed, so a half-written archive
    never has the final name); with ``keep`` in a folder, older dated archives beyond that number are
    deleted. Returns the archive's path and manifest."""
    target = archive_path(path, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".danvan-backup-") as work:
        if connection.vendor == "sqlite":
            dump, name = Path(work) / "database.sqlite3", "database.sqlite3"
            tables, tool = _dump_sqlite(dump)
        elif connection.vendor == "postgresql":
            dump, name = Path(work) / "database.pgdump", "database.pgdump"
            tables, tool = _dump_postgresql(dump)
        else:
            raise BackupError(f"no backup for the {connection.vendor} database")
        files = media_files(media_root)
        manifest = Manifest(vendor=connection.vendor, tables=tables, files=files, created=now.isoformat(),
                            tool_version=tool)
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w") as tar:
            info = tarfile.TarInfo("manifest.json")
            data = manifest.as_json()
            info.size, info.mtime = len(data), int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=name)
            for relative in files:
                tar.add(media_root / relative, arcname=f"media/{relative}", recursive=False)
        os.replace(partial, target)
    if keep is not None and path.is_dir():
        archives = sorted(p for p in path.iterdir() if ARCHIVE_PATTERN.match(p.name))
        for old in archives[:-keep] if keep > 0 else []:
            old.unlink()
    return target, manifest


# --- restore ---------------------------------------------------------------------------------------

def _safe_member(name: str) -> str:
    relative = PurePosixPath(name.removeprefix("media/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"refusing an archive member outside the media folder: {name!r}")
    return relative.as_posix()


def _read_manifest(tar: tarfile.TarFile) -> Manifest:
    try:
        member = tar.getmember("manifest.json")
    except KeyError:
        raise BackupError("not a danvan backup archive: it has no manifest.json") from None
    return Manifest.from_json(tar.extractfile(member).read())


def _check_empty() -> None:
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*")):
        raise BackupError(f"the media folder {media_root} is not empty: restore only into an empty installation")
    if connection.introspection.table_names():
        raise BackupError(f"the database {connection.settings_dict['NAME']} has tables: restore only into an "
                          "empty installation (a new, empty database)")
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("the database is in memory: restore into a database file (DATABASE_URL=sqlite:///path)")


def _restore_sqlite(source) -> None:
    database = Path(connection.settings_dict["NAME"])
    connection.close()
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".part")
    with partial.open("wb") as out:
        shutil.copyfileobj(source, out)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(partial, database)


def _restore_postgresql(source, manifest: Manifest, work: Path) -> None:
    dump = work / "database.pgdump"
    with dump.open("wb") as out:
        shutil.copyfileobj(source, out)
    dumped_with = int(re.search(r"\d+", manifest.tool_version or "0").group())
    server = _server_major()
    pg_restore, _major = find_tool("pg_restore", minimum=max(dumped_with, 1), prefer=server,
                                   candidates=tool_candidates("pg_restore", server))
    connection.close()
    result = subprocess.run(
        [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         f"--dbname={connection.settings_dict['NAME']}", str(dump)],
        env=_pg_env(connection.settings_dict), capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def restore(path: Path) -> Manifest:
    """Restore the archive at ``path`` into this installation, which must be empty (no table, no file).
    Effects: the database (SQLite file put in place; PostgreSQL through ``pg_restore`` in one
    transaction), every file written under MEDIA_ROOT. Then checks every table's row count and every
    file's SHA-256 against the manifest and raises ``BackupError`` naming any difference."""
    with tarfile.open(path, "r") as tar:
        manifest = _read_manifest(tar)
        if manifest.vendor != connection.vendor:
            raise BackupError(f"this archive holds a {manifest.vendor} database and this installation uses "
                              f"{connection.vendor}: restore it into a {manifest.vendor} installation")
        _check_empty()
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory(prefix="danvan-restore-") as work:
            for member in tar:
                if member.name == "manifest.json":
                    continue
                source = tar.extractfile(member) if member.isfile() else None
                if source is None:
                    continue
                if member.name == "database.sqlite3":
                    _restore_sqlite(source)
                elif member.name == "database.pgdump":
                    _restore_postgresql(source, manifest, Path(work))
                elif member.name.startswith("media/"):
                    relative = _safe_member(member.name)
                    target = media_root / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with target.open("wb") as out:
                        shutil.copyfileobj(source, out)
    verify(manifest)
    return manifest


def verify(manifest: Manifest) -> None:
    """Raise ``BackupError`` listing every table count and file checksum that differs from ``manifest``."""
    problems = []
    counts = database_counts()
    for table, rows in manifest.tables.items():
        if counts.get(table) != rows:
            problems.append(f"table {table}: {counts.get(table)} rows, the archive has {rows}")
    files = media_files(Path(settings.MEDIA_ROOT))
    for name, meta in manifest.files.items():
        if files.get(name, {}).get("sha256") != meta["sha256"]:
            problems.append(f"file {name}: missing or different")
    if problems:
        raise BackupError("the restored installation differs from the archive:\n" + "\n".join(problems))
