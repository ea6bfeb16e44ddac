"""Content-addressed storage of the exact bytes of stored certificates: ``files/ab/abcdef…`` (the SHA-256).

A file is written to ``files/.tmp``, synced, made read-only and renamed into place, then the folder is synced;
only after that does the database row that names it commit. A crash between the two leaves an *orphan*: a file
no row names. Orphans are never records: ``verify`` reports them and :meth:`FileStore.remove_orphans` deletes them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from coomet_lab.kernel.atomic import sync_folder
from coomet_lab.repository.engine import storage_error

READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
_CHUNK = 1 << 20


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    """The ``files`` folder of one repository."""

    def __init__(self, root: Path, *, durable: bool = True) -> None:
        self.root = root
        self.tmp = root / ".tmp"
        self.durable = durable  # False only for generating benchmark data in bulk

    def ensure(self) -> None:
        try:
            self.tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, f"cannot create {self.tmp}") from exc

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store ``data`` (idempotent); returns its SHA-256. Raises RepositoryStorageError, leaving no partial file."""
        digest = sha256 or sha256_hex(data)
        target = self.path_of(digest)
        if target.exists() and self._intact(target, digest, len(data)):
            return digest
        try:
            self._write_new(target, data)
        except OSError as exc:
            raise storage_error(exc, f"cannot store a file in {self.root}") from exc
        return digest

    def _write_new(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(exist_ok=True)
        tmp = self.tmp / f"{target.name}.{os.getpid()}.{threading.get_ident()}.{time.monotonic_ns()}.part"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                if self.durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp, READ_ONLY)
            if target.exists():  # a damaged or foreign file in the way: only a verified copy may take its place
                os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        if self.durable:
            sync_folder(target.parent)

    @staticmethod
    def _intact(path: Path, sha256: str, size: int) -> bool:
        try:
            return path.stat().st_size == size and file_sha256(path) == sha256
        except OSError:
            return False

    def read(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()

    def iter_hashes(self) -> Iterator[str]:
        """Every content file present (names that look like a SHA-256), in no particular order."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.name.startswith(".") or not folder.is_dir() or len(folder.name) != 2:
                continue
            for file in folder.iterdir():
                if len(file.name) == 64 and file.name.startswith(folder.name):
                    yield file.name

    def leftover_temporaries(self) -> list[Path]:
        return sorted(self.tmp.glob("*.part")) if self.tmp.is_dir() else []

    def remove(self, sha256s: Iterable[str]) -> None:
        for digest in sha256s:
            path = self.path_of(digest)
            with contextlib.suppress(FileNotFoundError):
                os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
                path.unlink()

    def remove_temporaries(self, older_than: float) -> list[Path]:
        """Delete ``.part`` files a crashed writer left behind (older than ``older_than`` seconds)."""
        removed = []
        now = time.time()
        for path in self.leftover_temporaries():
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime >= older_than:
                    path.unlink()
                    removed.append(path)
        return removed


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
