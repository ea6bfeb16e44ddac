"""``repo.audit``: the audit trail as the application uses it (events from outside the repository, the head to
anchor elsewhere, the entries) and the orphan files a crash can leave. The hash chain itself is
:mod:`coomet_lab.repository.audit`; checking everything is ``repo.verify()``."""

from __future__ import annotations

import contextlib
import time
from typing import Any

from sqlalchemy import select

from coomet_lab.kernel.errors import RepositoryError
from coomet_lab.repository import audit, schema
from coomet_lab.repository.audit import Action, AuditEntry
from coomet_lab.repository.store import ORPHAN_GRACE_SECONDS, Store


class AuditTrail:
    """``repo.audit``: log_event, head, entries; orphan_files, remove_orphans."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def log_event(self, *, action: str, who: str, subject: str = "", details: dict[str, Any] | None = None) -> int:
        """Append an entry for something done outside the repository (e.g. ``Action.KEY_USED`` when signing)."""
        if not action or not who:
            raise RepositoryError("an audit entry needs an action and who did it")
        with self.store.write("cannot write the audit trail") as tx:
            tx.log(action, who, subject, details)
        assert tx.head is not None
        return tx.head[0]

    def head(self) -> tuple[int, str]:
        """The last entry (seq, hash): what to keep outside the repository (`repo head`)."""
        with self.store.read() as conn:
            return audit.head(conn)

    def entries(self, *, since: int = 0, limit: int | None = None, subject: str | None = None) -> list[AuditEntry]:
        log = schema.audit_log
        query = select(log).where(log.c.seq > since).order_by(log.c.seq)
        if subject:
            query = query.where(log.c.subject == subject)
        if limit:
            query = query.limit(limit)
        with self.store.read() as conn:
            return [audit.entry_from_row(r) for r in conn.execute(query)]

    def orphan_files(self, *, older_than: float = 0.0) -> list[str]:
        """Stored files no row names (left by a crash between writing a file and committing its row)."""
        with self.store.read() as conn:
            known: set[str] = set(conn.execute(select(schema.files.c.sha256)).scalars())
        cutoff = time.time() - older_than
        orphans = []
        for digest in self.store.files.iter_hashes():
            if digest in known:
                continue
            with contextlib.suppress(OSError):
                if self.store.files.path_of(digest).stat().st_mtime <= cutoff:
                    orphans.append(digest)
        return sorted(orphans)

    def remove_orphans(self, *, who: str, older_than: float = ORPHAN_GRACE_SECONDS) -> list[str]:
        """Delete orphan files older than ``older_than`` seconds (younger ones may belong to a write in progress)."""
        with self.store.write("cannot remove orphan files") as tx:
            # Under the write lock no other writer is between writing a file and committing its row.
            known: set[str] = set(tx.conn.execute(select(schema.files.c.sha256)).scalars())
            orphans = [d for d in self.orphan_files(older_than=older_than) if d not in known]
            self.store.files.remove(orphans)
            self.store.files.remove_temporaries(older_than=older_than)
            if orphans:
                tx.log(Action.ORPHANS_REMOVED, who, "files", {"sha256": orphans})
        return orphans
