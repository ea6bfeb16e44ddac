"""The store every manager of the repository works on: the database engine, the content files, the clock, the
instance lock, and the two kinds of transaction (``read()`` and ``write()``).

Thread safety: a :class:`Store` may be shared by threads. Every transaction checks a connection out of the
engine's pool for its own duration and gives it back; writes start with ``BEGIN IMMEDIATE`` so they queue on the
database's write lock (and on other processes' writes) for at most ``busy_timeout`` seconds. Nothing here needs Qt.

Every write follows the same order: take the write lock, write content files (synced, read-only), insert the
rows, append the audit entries, commit, then move the audit head file forward. A crash at any point leaves either
the old state or the new one; at worst an orphan file that no row names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, Table, select

from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.errors import CoometLabError, RepositoryError, RepositoryStorageError
from coomet_lab.kernel.paths import app_home
from coomet_lab.repository import audit, migrations, schema
from coomet_lab.repository.audit import PendingEntry
from coomet_lab.repository.engine import WRITE_OPTION, make_engine, sqlite_url, storage_error, translated_errors
from coomet_lab.repository.filestore import FileStore, sha256_hex
from coomet_lab.repository.lock import InstanceLock
from coomet_lab.repository.search import backend_for

DB_NAME = "repository.sqlite"
HEAD_NAME = "audit-head.json"
ORPHAN_GRACE_SECONDS = 600.0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def default_root() -> Path:
    return app_home() / "repository"


@dataclass
class Tx:
    """One write transaction: its connection, its timestamp and the audit entries it will append."""

    conn: Connection
    now: str
    entries: list[PendingEntry] = field(default_factory=list)
    head: tuple[int, str] | None = None

    def log(self, action: str, who: str, subject: str, details: dict[str, Any] | None = None,
            rows: Iterable[tuple[Table, Any]] = ()) -> None:
        self.entries.append(PendingEntry(action, who, subject, dict(details or {}), list(rows)))


class Store:
    """The low-level part of a repository: connections, transactions, files, the audit head file."""

    def __init__(self, *, root: Path, engine: Engine, files: FileStore, busy_timeout: float,
                 clock: Callable[[], dt.datetime], lock: InstanceLock | None, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only
        self.engine = engine
        self.files = files
        self.busy_timeout = busy_timeout
        self.search_backend = backend_for(engine.dialect.name)
        self._clock = clock
        self._lock = lock

    # ------------------------------------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, *, url: str | None = None, busy_timeout: float = 5.0,
             instance_lock: bool = False, clock: Callable[[], dt.datetime] | None = None,
             durable: bool = True) -> Store:
        """Open (creating and migrating as needed) the store in ``root`` (default: the app home's repository).

        ``url`` puts the database elsewhere (any SQLAlchemy URL; the files stay in ``root``). ``instance_lock``
        makes a second application instance fail with :class:`RepositoryInUseError` instead of sharing.
        """
        folder = Path(root) if root is not None else default_root()
        if url is None and (folder / DB_NAME).exists() and not os.access(folder, os.W_OK):
            return cls._open_read_only(folder, busy_timeout=busy_timeout, clock=clock)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, f"cannot create the repository folder {folder}") from exc
        lock = InstanceLock(folder / "instance.lock") if instance_lock else None
        if lock:
            lock.acquire()
        try:
            files = FileStore(folder / "files", durable=durable)
            files.ensure()
            engine = make_engine(url or sqlite_url(folder / DB_NAME), busy_timeout=busy_timeout)
            store = cls(root=folder, engine=engine, files=files, busy_timeout=busy_timeout,
                        clock=clock or utc_now, lock=lock)
            with store.write(f"cannot open the repository in {folder}") as tx:
                applied = migrations.migrate(tx.conn, tx.now)
                migrated = migrations.migration_entry(tx.conn, applied)
                if migrated is not None:
                    tx.entries.append(migrated)
        except BaseException:
            if lock:
                lock.release()
            raise
        with contextlib.suppress(OSError):
            files.remove_temporaries(older_than=ORPHAN_GRACE_SECONDS)
        return store

    @classmethod
    def _open_read_only(cls, folder: Path, *, busy_timeout: float,
                        clock: Callable[[], dt.datetime] | None) -> Store:
        """A repository in a folder we cannot write (read-only media or permissions): reading works, every
        change is refused with a clear message. SQLite cannot share a WAL database without writing its index
        file, so a read-only folder is opened as immutable: nobody can be writing to it through this folder."""
        engine = make_engine(f"sqlite+pysqlite:///file:{folder / DB_NAME}?mode=ro&immutable=1&uri=true",
                             busy_timeout=busy_timeout, read_only=True)
        store = cls(root=folder, engine=engine, files=FileStore(folder / "files"), busy_timeout=busy_timeout,
                    clock=clock or utc_now, lock=None, read_only=True)
        with store.read() as conn:
            version = migrations.current_version(conn)
        if version != migrations.LATEST:
            store.close()
            raise RepositoryStorageError(f"the repository in {folder} is read-only and needs updating from schema "
                                         f"version {version} to {migrations.LATEST}")
        return store

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def head_path(self) -> Path:
        return self.root / HEAD_NAME

    def now(self) -> str:
        return timestamp(self._clock())

    def repository_id(self) -> str:
        with self.read() as conn:
            return str(conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "repository_id")
                                    ).scalar_one_or_none() or "")

    # --------------------------------------------------------------------------------------- transactions

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read snapshot (``BEGIN``) on a connection of its own."""
        with translated_errors(self.busy_timeout, "cannot read the repository"), self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def write(self, where: str) -> Iterator[Tx]:
        """A write transaction (``BEGIN IMMEDIATE``); its audit entries are appended before the commit and the
        head file moved forward after it. ``where`` starts the message of any error."""
        if self.read_only:
            raise RepositoryStorageError(f"{where}: the repository folder {self.root} is read-only")
        head = None
        with translated_errors(self.busy_timeout, where), self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                tx = Tx(conn, self.now())
                yield tx
                if tx.entries:
                    head = tx.head = audit.append(conn, tx.entries, at=tx.now)
        if head is not None:
            self._write_head(*head)

    def _write_head(self, seq: int, digest: str) -> None:
        # Outside the database on purpose: removing entries from the end of the chain must leave a trace.
        # A head behind the database (a crash right after commit) is fine; one ahead of it is not.
        with contextlib.suppress(CoometLabError, OSError):
            current = read_head(self.head_path)
            if current and current[0] > seq:
                return
            write_bytes_atomic(self.head_path, json.dumps({"seq": seq, "hash": digest}).encode())

    # ---------------------------------------------------------------------------------------------- files

    def put_file(self, tx: Tx, data: bytes, media_type: str) -> str:
        """Store ``data`` (synced, before the row that names it) and its ``files`` row; its SHA-256."""
        digest = sha256_hex(data)
        self.files.put(data, digest)
        exists = tx.conn.execute(select(schema.files.c.sha256).where(schema.files.c.sha256 == digest)).first()
        if not exists:
            tx.conn.execute(schema.files.insert().values(sha256=digest, size=len(data), media_type=media_type,
                                                         stored_at=tx.now))
        return digest

    def verified_bytes(self, sha256: str) -> bytes:
        """A stored file, checked against its SHA-256 (a changed or unreadable file raises RepositoryError)."""
        try:
            data = self.files.read(sha256)
        except OSError as exc:
            raise RepositoryError(f"stored file {sha256} cannot be read ({exc.strerror or exc}); "
                                  "run `coomet-lab repo verify`") from None
        if sha256_hex(data) != sha256:
            raise RepositoryError(f"stored file {sha256} has been changed on disk; run `coomet-lab repo verify`")
        return data


def inserted_id(result: CursorResult[Any]) -> int:
    """The id of the row an INSERT made."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def read_head(path: Path) -> tuple[int, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["seq"]), str(data["hash"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return (-1, "")
