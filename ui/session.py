"""What the open application shares: the laboratory settings, the repository and the record of open drafts.

The repository is opened off the GUI thread after the window is visible (so the window opens fast); everything
that needs it waits for :meth:`Session.repository`. A small session file lists the drafts open in tabs: if it is
still there at the next start, the application did not close cleanly and offers those drafts back.
"""

from __future__ import annotations

import getpass
import json
import threading
from pathlib import Path

from coomet_lab.atomic import write_text_atomic
from coomet_lab.config import LabSettings
from coomet_lab.paths import app_home


class Session:
    def __init__(self, settings: LabSettings, *, single_instance: bool = True):
        self.settings = settings
        self.single_instance = single_instance  # a second window on the same repository is refused
        self._repository = None
        self._lock = threading.Lock()
        self._closed = False
        self.open_drafts: set[int] = set()

    # ------------------------------------------------------------------ the repository

    def repository(self):  # noqa: ANN201
        """The repository of this home (opened on first use, from any thread)."""
        with self._lock:
            if self._closed:
                from coomet_lab.errors import RepositoryError

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
        from coomet_lab.signing import TrustStore

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
