"""Backup and restore: one zip archive holding a consistent database snapshot, every stored file and a manifest
of SHA-256 sums.

The snapshot is taken with SQLite's online backup API in a single step (a read transaction), so it is consistent
while the application keeps writing; stored files are immutable and named by their hash, so copying those the
snapshot names afterwards is consistent too. Restore checks everything (every hash, the database's integrity, the
audit chain and files through ``verify``) in a staging folder before it touches the repository, refuses to replace
a non-empty repository unless forced, and then keeps the replaced one beside it, renamed, instead of deleting it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from coomet_lab._version import __version__
from coomet_lab.kernel.errors import BackupError
from coomet_lab.repository.audit import Action
from coomet_lab.repository.engine import storage_error
from coomet_lab.repository.filestore import file_sha256, sha256_hex
from coomet_lab.repository.integrity import verify_repository
from coomet_lab.repository.lock import InstanceLock
from coomet_lab.repository.store import DB_NAME, HEAD_NAME, Store

FORMAT = "coomet-lab-repository-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = "repository.sqlite"


def make_backup(repo: Store, destination: Path, *, who: str) -> dict[str, Any]:
    if repo.engine.dialect.name != "sqlite":
        raise BackupError("this repository's database is on a server: back it up with the server's tools, "
                          "and the files folder with it")
    destination = destination.resolve()
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=destination.parent))
    except OSError as exc:
        raise storage_error(exc, f"cannot write the backup {destination}") from exc
    try:
        snapshot = work / DB_NAME
        _snapshot(repo, snapshot)
        info = _snapshot_info(snapshot)
        members = {DB_MEMBER: _file_entry(snapshot)}
        partial = work / "archive.zip.part"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.write(snapshot, DB_MEMBER)
            for digest, size in info.pop("files"):
                data = _stored_file(repo, digest, size)
                name = f"files/{digest[:2]}/{digest}"
                archive.writestr(name, data)
                members[name] = {"sha256": digest, "size": size}
            manifest = {"format": FORMAT, "formatVersion": FORMAT_VERSION, "application": __version__,
                        "created_at": repo.now(), **info, "members": members}
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        _fsync(partial)
        os.replace(partial, destination)
    except OSError as exc:
        raise storage_error(exc, f"cannot write the backup {destination}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    archive_sha = _file_entry(destination)["sha256"]
    summary = {"archive": str(destination), "sha256": archive_sha, "files": len(members) - 1,
               "audit_head": info["audit_head"], "certificates": info["certificates"]}
    with repo.write("cannot record the backup") as tx:
        tx.log(Action.BACKUP, who, "repository", {"archive": destination.name, "sha256": archive_sha,
                                                  "audit_head": info["audit_head"]})
    return summary


def _snapshot(repo: Store, target: Path) -> None:
    raw = repo.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert source is not None  # an open pool connection always has its driver's
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)  # pages=-1: one step, one read transaction, a consistent copy
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    except sqlite3.Error as exc:
        raise BackupError(f"cannot take a snapshot of the database: {exc}") from exc
    finally:
        raw.close()


def _snapshot_info(snapshot: Path) -> dict[str, Any]:
    db = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    try:
        head = db.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return {
            "schema_version": db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0],
            "repository_id": db.execute("SELECT value FROM meta WHERE key = 'repository_id'").fetchone()[0],
            "audit_head": {"seq": head[0], "hash": head[1]} if head else {"seq": 0, "hash": ""},
            "certificates": db.execute("SELECT count(*) FROM certificates").fetchone()[0],
            "files": db.execute("SELECT sha256, size FROM files ORDER BY sha256").fetchall(),
        }
    finally:
        db.close()


def _stored_file(repo: Store, digest: str, size: int) -> bytes:
    try:
        data = repo.files.read(digest)
    except OSError as exc:
        raise BackupError(f"stored file {digest} cannot be read ({exc.strerror or exc}); run `repo verify`") from None
    if len(data) != size or sha256_hex(data) != digest:
        raise BackupError(f"stored file {digest} has been changed on disk; run `repo verify` before backing up")
    return data


def _file_entry(path: Path) -> dict[str, Any]:
    return {"sha256": file_sha256(path), "size": path.stat().st_size}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------------- restore


def restore_backup(archive: str | os.PathLike[str], *, root: Path, who: str, force: bool = False) -> dict[str, Any]:
    """Replace the repository in ``root`` with the archive's, after checking the archive completely."""
    archive = Path(archive)
    root = root.resolve()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.restore-", dir=root.parent))
    try:
        manifest = _extract_verified(archive, staging)
        head = manifest["audit_head"]
        if head["seq"]:
            (staging / HEAD_NAME).write_text(json.dumps({"seq": head["seq"], "hash": head["hash"]}))
        (staging / "files" / ".tmp").mkdir(parents=True, exist_ok=True)
        with Store.open(staging) as restored:
            report = verify_repository(restored)
        if not report.ok:
            raise BackupError(f"{archive}: the archived repository does not verify: {report.problems[0].message}")
        previous = _swap_in(staging, root, force=force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with Store.open(root) as repo, repo.write("cannot record the restore") as tx:
        tx.log(Action.RESTORED, who, "repository", {"archive": archive.name, "created_at": manifest["created_at"],
                                                    "audit_head": head})
    return {"restored": str(root), "previous": str(previous) if previous else None,
            "certificates": manifest.get("certificates"), "audit_head": head}


def _extract_verified(archive: Path, staging: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(archive) as zf:
            try:
                manifest = json.loads(zf.read(MANIFEST))
            except KeyError:
                raise BackupError(f"{archive}: not a COOMET Lab backup (no {MANIFEST})") from None
            if manifest.get("format") != FORMAT or manifest.get("formatVersion") != FORMAT_VERSION:
                raise BackupError(f"{archive}: not a COOMET Lab backup of a known format")
            members = manifest.get("members", {})
            names = set(zf.namelist()) - {MANIFEST}
            if names != set(members) or DB_MEMBER not in members:
                extra = sorted(names ^ set(members))[:3]
                raise BackupError(f"{archive}: the archive does not match its manifest ({', '.join(extra)})")
            for name, expected in members.items():
                target = staging / name
                if not target.resolve().is_relative_to(staging.resolve()):
                    raise BackupError(f"{archive}: refusing member {name!r} outside the repository")
                data = zf.read(name)
                if len(data) != expected["size"] or sha256_hex(data) != expected["sha256"]:
                    raise BackupError(f"{archive}: {name} is damaged (its SHA-256 does not match the manifest)")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                if name.startswith("files/"):
                    os.chmod(target, 0o444)
    except (zipfile.BadZipFile, ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"{archive}: damaged or not a backup archive ({exc})") from None
    except OSError as exc:
        raise storage_error(exc, f"cannot restore {archive}") from exc
    db = sqlite3.connect(staging / DB_MEMBER)
    try:
        result = db.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()
    if result != [("ok",)]:
        raise BackupError(f"{archive}: the archived database is damaged ({result[0][0]})")
    os.replace(staging / DB_MEMBER, staging / DB_NAME)
    return manifest


def _swap_in(staging: Path, root: Path, *, force: bool) -> Path | None:
    if not _is_empty_repository(root):
        if not force:
            raise BackupError(f"the repository in {root} is not empty; restoring would replace it (use --force: "
                              "the current one is then kept beside it, renamed)")
    if not root.exists():
        os.replace(staging, root)
        return None
    lock = InstanceLock(root / "instance.lock")
    lock.acquire()  # refuses while the application has the repository open
    try:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        previous = root.with_name(f"{root.name}.before-restore-{stamp}")
        os.replace(root, previous)
        os.replace(staging, root)
    finally:
        lock.release()
    if _is_empty_repository(previous):
        with contextlib.suppress(OSError):
            shutil.rmtree(previous)
        return None
    return previous


def _is_empty_repository(root: Path) -> bool:
    db_path = root / DB_NAME
    if not db_path.exists():
        return not any(root.glob("files/??/*")) if root.exists() else True
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        counts = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("audit_log", "drafts", "certificates")]
    except sqlite3.Error:
        return False
    finally:
        db.close()
    return not any(counts)
