"""Opening the database: SQLite in WAL mode with explicit transactions, or any SQLAlchemy URL.

pysqlite's own transaction handling is switched off (it would start transactions lazily and never as IMMEDIATE);
every transaction starts with ``BEGIN`` for reading or ``BEGIN IMMEDIATE`` for writing, so two writers queue on the
busy timeout instead of failing half-way, and a reader never blocks a writer (WAL).
"""

from __future__ import annotations

import errno
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from coomet_lab.kernel.errors import RepositoryBusyError, RepositoryError, RepositoryStorageError

WRITE_OPTION = "coomet_write"
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)  # another connection holds the lock


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def make_engine(url: str, *, busy_timeout: float, read_only: bool = False) -> Engine:
    """An engine whose connections are safe to share between threads, one checkout at a time."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            if read_only:
                return
            _switch_to_wal(cursor, busy_timeout)
            # FULL: a committed issue survives a power cut too, not only a crash of the application.
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _switch_to_wal(cursor: sqlite3.Cursor, busy_timeout: float) -> None:
    """Put the database in WAL mode, waiting for other writers like every other statement does.

    Leaving rollback-journal mode needs an exclusive lock, and SQLite answers "database is locked" at once,
    without calling the busy handler, while another connection holds a write lock (its deadlock avoidance):
    two programs creating a fresh repository together would fail. Retrying releases our lock between tries.
    WAL is stored in the file, so once one connection has switched, the others only confirm it.
    """
    deadline = time.monotonic() + busy_timeout
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            remaining = deadline - time.monotonic()
            if exc.sqlite_errorcode not in _BUSY_CODES or remaining <= 0:
                raise
        time.sleep(min(pause, remaining))
        pause = min(pause * 2, 0.1)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def translated_errors(busy_timeout: float, where: str) -> Iterator[None]:
    """Turn driver and file-system failures into repository errors a person can act on."""
    try:
        yield
    except OperationalError as exc:
        raise _translate_db_error(exc, busy_timeout, where) from exc
    except DBAPIError as exc:
        raise RepositoryError(f"{where}: the database refused the change ({exc.orig})") from exc
    except OSError as exc:
        raise storage_error(exc, where) from exc


def _translate_db_error(exc: DBAPIError, busy_timeout: float, where: str) -> RepositoryError:
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    text = str(orig).lower()
    if code in _BUSY_CODES or "database is locked" in text:
        return RepositoryBusyError(seconds=busy_timeout)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return RepositoryStorageError(f"{where}: the disk is full")
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return RepositoryStorageError(f"{where}: the repository folder is read-only")
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return RepositoryStorageError(f"{where}: the database file cannot be opened ({orig})")
    return RepositoryStorageError(f"{where}: the database could not be written ({orig})")


def storage_error(exc: OSError, where: str) -> RepositoryStorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return RepositoryStorageError(f"{where}: the disk is full")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return RepositoryStorageError(f"{where}: the repository folder is read-only ({exc.filename or exc})")
    return RepositoryStorageError(f"{where}: {exc.strerror or exc}")
