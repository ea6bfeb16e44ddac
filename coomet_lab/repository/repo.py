"""The repository facade: the one API the desktop application and the command line use.

A :class:`Repository` is a :class:`~coomet_lab.repository.store.Store` (engine, files, transactions, audit head)
and the small managers that work on it, as Anki's collection is its decks and models::

    repo.drafts           create, save, get, list, discard
    repo.certificates     get, find, list, count, bytes, open, search, issue, issue_many, amend,
                          set_amendment_pattern, import_files, import_bytes, export
    repo.customers, repo.persons, repo.instrument_types     add, update, list (instrument types: template)
    repo.standards        add, update, get, list, add_calibration, calibrations_of, check_traceability,
                          fill_equipment
    repo.audit            log_event, head, entries, orphan_files, remove_orphans
    repo.verifications    verification records and the instrument-type register (Russian legal metrology)
    repo.outbox           export jobs to national registers and packages

What is the repository's own stays here: open, close, verify, backup, restore. Managers import the Store, never
this module. Thread safety and the order of every write: see :mod:`coomet_lab.repository.store`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coomet_lab.repository.audit_trail import AuditTrail
from coomet_lab.repository.certificates import Certificates
from coomet_lab.repository.drafts import Drafts
from coomet_lab.repository.records import VerifyReport
from coomet_lab.repository.registries import Customers, InstrumentTypes, Persons
from coomet_lab.repository.standards import Standards
from coomet_lab.repository.store import Store, default_root

if TYPE_CHECKING:
    from coomet_lab.repository.outbox import Outbox
    from coomet_lab.repository.verifications import Verifications


class Repository:
    """Drafts, issued and received certificates, registers, traceability, audit trail, search, backup."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.drafts = Drafts(store)
        self.certificates = Certificates(store)
        self.customers = Customers(store)
        self.persons = Persons(store)
        self.instrument_types = InstrumentTypes(store)
        self.standards = Standards(store)
        self.audit = AuditTrail(store)

    # The verification desk's managers load when first used, not when the window opens on the repository
    # (they bring the Russian legal-metrology records and their checks): as before the split.
    @cached_property
    def verifications(self) -> Verifications:
        from coomet_lab.repository.verifications import Verifications

        return Verifications(self.store)

    @cached_property
    def outbox(self) -> Outbox:
        from coomet_lab.repository.outbox import Outbox

        return Outbox(self.store, certificates=self.certificates, verifications=self.verifications)

    # ------------------------------------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, *, url: str | None = None, busy_timeout: float = 5.0,
             instance_lock: bool = False, clock: Callable[[], dt.datetime] | None = None,
             durable: bool = True) -> Repository:
        """Open (creating and migrating as needed) the repository in ``root`` (default: the app home's).

        ``url`` puts the database elsewhere (any SQLAlchemy URL; the files stay in ``root``). ``instance_lock``
        makes a second application instance fail with :class:`RepositoryInUseError` instead of sharing. A folder
        that cannot be written is opened read-only: reading works, every change is refused with a clear message.
        """
        return cls(Store.open(root, url=url, busy_timeout=busy_timeout, instance_lock=instance_lock, clock=clock,
                              durable=durable))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def root(self) -> Path:
        return self.store.root

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def repository_id(self) -> str:
        """The identifier the repository was created with (named in anchor files and backups)."""
        return self.store.repository_id()

    # ---------------------------------------------------------------------------------------- integrity

    def verify(self, *, check_files: bool = True, anchors: Iterable[tuple[int, str]] = ()) -> VerifyReport:
        """Walk the audit chain, every audited unit and every stored file; report anything changed or missing.
        ``anchors``: heads (seq, hash) kept outside the repository that the chain must still contain."""
        from coomet_lab.repository.integrity import verify_repository

        return verify_repository(self.store, check_files=check_files, anchors=anchors)

    # -------------------------------------------------------------------------------------------- backup

    def backup(self, destination: str | os.PathLike[str], *, who: str) -> dict[str, Any]:
        """One archive (database snapshot + files + SHA-256 manifest), consistent while the app keeps working."""
        from coomet_lab.repository.backup import make_backup

        return make_backup(self.store, Path(destination), who=who)

    @staticmethod
    def restore(archive: str | os.PathLike[str], *, who: str, root: str | os.PathLike[str] | None = None,
                force: bool = False) -> dict[str, Any]:
        """Replace the repository in ``root`` with a backup, after verifying the archive completely.

        Refuses a non-empty repository unless ``force`` (the old one is then kept beside it, renamed) and one that
        an application instance holds open.
        """
        from coomet_lab.repository.backup import restore_backup

        return restore_backup(archive, root=Path(root) if root is not None else default_root(), who=who, force=force)
