"""One application instance per repository: an operating-system lock on ``instance.lock``.

The lock dies with the process (a crash never leaves a stale lock behind). Command-line tools do not take it,
so ``coomet-lab repo search`` or ``repo backup`` work while the desktop application is open; SQLite serialises
their writes with the application's.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import IO

from coomet_lab.kernel.errors import RepositoryInUseError
from coomet_lab.repository.engine import storage_error


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 (held open for the lifetime of the lock)
        except OSError as exc:
            raise storage_error(exc, f"cannot open {self.path}") from exc
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().decode("utf-8", "replace").strip() or "unknown process"
            handle.close()
            raise RepositoryInUseError(path=str(self.path.parent), holder=holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover (exercised on Windows only)
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
