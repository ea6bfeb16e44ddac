"""Versioned schema migrations, from the first release on.

Each migration runs once, in its own write transaction, and is recorded in ``schema_migrations``. A repository
written by a newer application (a higher version than this one knows) is refused rather than guessed at.
Migration 1 creates the tables of ``schema.py`` as they were at version 1: ``tests/core/test_repo_migrations.py``
pins that shape, so changing a table means adding a migration, never editing this one.

SQLite gets more than portable tables: the FTS5 search index and triggers that refuse, at the database level,
to delete or rewrite stored certificates, files and audit entries (a guard against bugs; tampering with a database
tool is caught by ``verify``, which also checks that these triggers are still in place).

``verify`` compares every schema object of the database (tables, indexes, triggers, views) with what these
migrations create (:func:`expected_schema`): an added trigger or view, a dropped or redefined index is a finding.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, create_engine, select

from coomet_lab.kernel.errors import RepositoryError
from coomet_lab.repository import schema

DEFAULT_AMENDMENT_PATTERN = "{base}-A{n}"

FTS_COLUMNS = ("number", "customer", "item", "serial", "type", "dates", "standards", "issuer")

_IMMUTABLE_CERTIFICATE_COLUMNS = [
    c.name for c in schema.certificates.columns if c.name not in ("status", "replaced_by_id", "pdf_sha256")
]

SQLITE_TRIGGERS = {
    "certificates_never_deleted":
        "CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates "
        "BEGIN SELECT RAISE(ABORT, 'stored certificates are never deleted'); END",
    "certificates_immutable":
        "CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates WHEN "
        + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _IMMUTABLE_CERTIFICATE_COLUMNS)
        + " OR (OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256)"
        " OR (OLD.status = 'replaced' AND NEW.status IS NOT 'replaced')"
        " OR (OLD.replaced_by_id IS NOT NULL AND NEW.replaced_by_id IS NOT OLD.replaced_by_id)"
        " BEGIN SELECT RAISE(ABORT, 'a stored certificate cannot be changed'); END",
    "files_immutable":
        "CREATE TRIGGER files_immutable BEFORE UPDATE ON files "
        "BEGIN SELECT RAISE(ABORT, 'stored files cannot be changed'); END",
    "files_never_deleted":
        "CREATE TRIGGER files_never_deleted BEFORE DELETE ON files "
        "BEGIN SELECT RAISE(ABORT, 'stored files are never deleted'); END",
    "audit_append_only_update":
        "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "audit_append_only_delete":
        "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection, str], None]


def _m001_initial(conn: Connection, now: str) -> None:
    schema.metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE certificate_fts USING fts5({', '.join(FTS_COLUMNS)}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        for ddl in SQLITE_TRIGGERS.values():
            conn.exec_driver_sql(ddl)
    conn.execute(schema.meta.insert(), [
        {"key": "repository_id", "value": str(uuid.uuid4())},
        {"key": "created_at", "value": now},
        {"key": "amendment_pattern", "value": DEFAULT_AMENDMENT_PATTERN},
    ])


SQLITE_TRIGGERS_V2 = {
    "verifications_never_deleted":
        "CREATE TRIGGER verifications_never_deleted BEFORE DELETE ON verifications "
        "BEGIN SELECT RAISE(ABORT, 'verification records are never deleted (withdraw them)'); END",
    "verifications_frozen_once_exported":
        "CREATE TRIGGER verifications_frozen_once_exported BEFORE UPDATE ON verifications WHEN "
        "OLD.status NOT IN ('recorded', 'rejected') AND (NEW.record IS NOT OLD.record "
        "OR NEW.record_sha256 IS NOT OLD.record_sha256 OR NEW.mitype_number IS NOT OLD.mitype_number "
        "OR NEW.instrument IS NOT OLD.instrument OR NEW.vrf_date IS NOT OLD.vrf_date) "
        "BEGIN SELECT RAISE(ABORT, 'an exported verification record cannot be changed'); END",
    "outbox_files_fixed":
        "CREATE TRIGGER outbox_files_fixed BEFORE UPDATE ON outbox_files WHEN NEW.name IS NOT OLD.name "
        "OR NEW.sha256 IS NOT OLD.sha256 OR NEW.job_id IS NOT OLD.job_id OR NEW.records IS NOT OLD.records "
        "OR (OLD.reply_sha256 IS NOT NULL AND NEW.reply_sha256 IS NOT OLD.reply_sha256) "
        "BEGIN SELECT RAISE(ABORT, 'an exported file cannot be changed'); END",
    "outbox_files_never_deleted":
        "CREATE TRIGGER outbox_files_never_deleted BEFORE DELETE ON outbox_files "
        "BEGIN SELECT RAISE(ABORT, 'exported files are never forgotten'); END",
}


def _m002_verifications(conn: Connection, now: str) -> None:
    schema.metadata_v2.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE mi_type_fts USING fts5(reg_number, name, designation, "
                             "manufacturer, tokenize = 'unicode61 remove_diacritics 2')")
        for ddl in SQLITE_TRIGGERS_V2.values():
            conn.exec_driver_sql(ddl)


def _m003_coverage(conn: Connection, now: str) -> None:
    """No new tables: from version 3 the audit chain also covers the settings, schema versions, certificates'
    standards, export items and the type register (``schema.COVERED_SINCE_V3``). Their state when an existing
    repository is upgraded is recorded once, by the "schema migrated" entry (:func:`migration_entry`)."""


MIGRATIONS: list[Migration] = [
    Migration(1, "initial: records, files, registries, drafts, audit trail, search", _m001_initial),
    Migration(2, "verifications, instrument-type register, export outbox", _m002_verifications),
    Migration(3, "audit trail covers settings, schema versions, certificate standards, export items, type register",
              _m003_coverage),
]
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_migrations"):
        return 0
    versions: Sequence[int] = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(conn: Connection, now: str) -> list[int]:
    """Apply every pending migration (inside the caller's write transaction); returns the versions applied."""
    version = current_version(conn)
    if version > LATEST:
        raise RepositoryError(
            f"this repository has schema version {version}, newer than this application understands ({LATEST}); "
            "update COOMET Lab to open it"
        )
    if version == 0:
        schema.schema_migrations.create(conn, checkfirst=True)
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        migration.apply(conn, now)
        conn.execute(schema.schema_migrations.insert().values(
            version=migration.version, name=migration.name, applied_at=now))
        applied.append(migration.version)
    return applied


def migration_entry(conn: Connection, applied: list[int], actor: str = "coomet-lab"):  # noqa: ANN201
    """The "schema migrated" audit entry for migrations just applied to a repository that has an audit trail.

    It records the new schema versions and the settings; the upgrade to version 3 also records, once, the state of
    everything the audit trail did not cover before (from then on each change is recorded where it is made). A new
    repository has no trail yet: its first entry records them (``audit.append``).
    """
    from coomet_lab.repository import audit

    if not applied or audit.head(conn)[0] == 0:
        return None
    names = list(schema.COVERED_SINCE_V3) if 3 in applied else ["meta", "schema_migrations"]
    rows = audit.units_of(conn, names)
    return audit.PendingEntry(audit.Action.MIGRATED, actor, "repository", {"versions": applied}, rows)


def normalized_sql(sql: str | None) -> str | None:
    """A schema object's SQL with runs of white space made one space (SQLite keeps the text as it was given)."""
    return " ".join(sql.split()) if sql is not None else None


@functools.lru_cache(maxsize=1)
def expected_schema() -> frozenset[tuple[str, str, str, str | None]]:
    """(type, name, table, SQL) of every object the migrations create in SQLite, built once in memory."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            migrate(conn, "1970-01-01T00:00:00.000Z")
            rows: Sequence[Any] = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    finally:
        engine.dispose()
    return frozenset((t, n, tbl, normalized_sql(sql)) for t, n, tbl, sql in rows)
