"""What the open application shares: the laboratory settings, the repository and the record of open drafts.

The repository is opened off the GUI thread after the window is visible (so the window opens fast); everything
that needs it waits for :meth:`Session.repository`. A small session file lists the drafts open in tabs: if it is
still there at the next start, the application did not close cleanly and offers those drafts back.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from coomet_lab.kernel.atomic import write_text_atomic
from coomet_lab.kernel.config import LabSettings
from coomet_lab.kernel.paths import app_home

if TYPE_CHECKING:
    from coomet_lab.trust import Signer

SIGNER_HOLD_SECONDS = 8 * 3600.0  # a working day: the passphrase is asked again after it


class Session:
    def __init__(self, settings: LabSettings, *, single_instance: bool = True):
        self.settings = settings
        self.single_instance = single_instance  # a second window on the same repository is refused
        self._repository = None
        self._lock = threading.Lock()
        self._closed = False
        self.open_drafts: set[int] = set()
        self._signer: Signer | None = None  # the signing key opened for this session (never its passphrase)
        self._signer_key: tuple = ()
        self._signer_opened = 0.0
        self.signer_hold_seconds = SIGNER_HOLD_SECONDS
        self._signing = threading.Lock()

    # ------------------------------------------------------------------ the signing key

    def _configured_key(self) -> tuple:
        s = self.settings
        return (s.signer_kind, s.key_file, s.pkcs11_module, s.token_label, s.key_label)

    def signer_open(self) -> bool:
        """Whether the key is open for this session (issuing then asks for no passphrase or PIN)."""
        with self._lock:
            return self._signer_current(self._configured_key())

    def _signer_current(self, key: tuple) -> bool:
        return (self._signer is not None and self._signer_key == key
                and time.monotonic() - self._signer_opened < self.signer_hold_seconds)

    def signer(self, secret: str | None):  # noqa: ANN201
        """The signer the settings name, opened once per session (or again after ``signer_hold_seconds``, or when
        the settings name another key) — off the GUI thread. Opening a PKCS#12 file costs more than a whole
        issue, so it is not done for every certificate; the passphrase or PIN itself is never kept or written."""
        with self._lock:
            key = self._configured_key()
            if self._signer_current(key):
                return self._signer
            self._forget_signer()
            from coomet_lab.trust import KeyFile, TokenKey, open_signer

            settings = self.settings
            source = (TokenKey(settings.pkcs11_module, settings.token_label, settings.key_label)
                      if settings.signer_kind == "token" else KeyFile(Path(settings.key_file)))
            signer = open_signer(source, secret or "")
            self._signer, self._signer_key = signer, key
            self._signer_opened = time.monotonic()
            return signer

    @contextlib.contextmanager
    def signing(self, secret: str | None) -> Iterator:
        """The session's signer, used by one issue at a time (a token session is not shared by two threads)."""
        with self._signing:
            yield self.signer(secret)

    def forget_signer(self) -> None:
        """Close the session's key (a wrong key, other settings, or the person locks it)."""
        with self._lock:
            self._forget_signer()

    def _forget_signer(self) -> None:
        if self._signer is not None:
            try:
                self._signer.close()
            finally:
                self._signer, self._signer_key, self._signer_opened = None, (), 0.0

    # ------------------------------------------------------------------ the repository

    def repository(self):  # noqa: ANN201
        """The repository of this home (opened on first use, from any thread)."""
        with self._lock:
            if self._closed:
                from coomet_lab.kernel.errors import RepositoryError

                raise RepositoryError("the application is closing; the repository is closed")
            if self._repository is None:
                from coomet_lab.repository import Repository

                self._repository = Repository.open(instance_lock=self.single_instance)
            return self._repository

    @property
    def repository_ready(self) -> bool:
        return self._repository is not None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._forget_signer()
            if self._repository is not None:
                self._repository.close()
                self._repository = None
        self.marker().unlink(missing_ok=True)

    @property
    def who(self) -> str:
        """Who acts, for the audit trail: the signer configured in the settings, else the computer's user."""
        names = self.settings.signer_name
        name = names.get(self.settings.interface_language) or next(iter(names.values()), "") if names else ""
        if name:
            return name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown user"

    def trust(self):  # noqa: ANN201
        from coomet_lab.trust import TrustStore

        anchor = self.settings.trust_anchor
        return TrustStore.with_files([anchor] if anchor else [])

    # ------------------------------------------------------------------ crash recovery

    @staticmethod
    def marker() -> Path:
        return app_home() / "session.json"

    def draft_opened(self, draft_id: int) -> None:
        self.open_drafts.add(draft_id)
        self._write_marker()

    def draft_closed(self, draft_id: int) -> None:
        self.open_drafts.discard(draft_id)
        self._write_marker()

    def _write_marker(self) -> None:
        write_text_atomic(self.marker(), json.dumps({"open_drafts": sorted(self.open_drafts)}) + "\n")

    @classmethod
    def drafts_left_open(cls) -> list[int]:
        """Drafts that were open when the previous session ended without closing (a crash, a power cut)."""
        try:
            data = json.loads(cls.marker().read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return []
        return [int(i) for i in data.get("open_drafts", [])]
