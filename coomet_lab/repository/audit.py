"""The audit trail: an append-only, hash-chained log of every action that matters.

Entry ``n`` stores ``prev_hash`` (the ``entry_hash`` of entry ``n-1``; 64 zeros for the first) and its own
``entry_hash`` = SHA-256 of the canonical JSON of everything in it, sequence number included. Changing an entry
breaks its own hash; removing or reordering entries breaks the sequence and the chain; removing entries from the
end is caught by the head file (``audit-head.json``), written after each commit outside the database.

Entries that change a record carry the SHA-256 of that record's row after the change (``rows``), so ``verify``
can tell a row changed with a database tool from one changed by the application. What a "record" is per table
(a row, or a group of rows hashed together) is ``schema.COVERED``. The first entry of a repository also carries
its settings (``meta``) and schema versions: the first migration writes them before any entry exists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from coomet_lab.repository.schema import COVERED, WHOLE_TABLE, Coverage, audit_log

GENESIS = "0" * 64


class Action:
    """The actions recorded (``action`` column)."""

    DRAFT_CREATED = "draft created"
    DRAFT_DISCARDED = "draft discarded"
    ISSUED = "issued"
    AMENDED = "amended"
    AMENDMENT_STARTED = "amendment started"
    OVERRIDE = "override given"
    KEY_USED = "key used"
    IMPORTED = "imported"
    TWIN_ATTACHED = "twin attached"
    EXPORTED = "exported"
    BACKUP = "backup made"
    RESTORED = "restored"
    RECORD_ADDED = "record added"
    RECORD_CHANGED = "record changed"
    ORPHANS_REMOVED = "orphans removed"
    MIGRATED = "schema migrated"


def canonical(value: Any) -> bytes:
    """Deterministic JSON bytes: sorted keys, no spaces, UTF-8. Only str, int, bool, None, lists and dicts."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def row_hash(table: Table, row: Mapping[Any, Any]) -> str:
    content = {"table": table.name, "row": {c.name: row[c.name] for c in table.columns}}
    return hashlib.sha256(canonical(content)).hexdigest()


def group_hash(table: Table, key: Any, rows: Iterable[Mapping[Any, Any]]) -> str:
    """One hash over every row of a group (rows in primary-key order): adding, removing, changing or swapping a
    row of the group changes it."""
    content = {"table": table.name, "key": key, "rows": [[row[c.name] for c in table.columns] for row in rows]}
    return hashlib.sha256(canonical(content)).hexdigest()


def _pk_order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def iter_units(conn: Connection, name: str) -> Iterator[tuple[Any, str, Mapping[Any, Any] | None]]:
    """Every audited unit of a covered table as it is now: (key, hash, the row for a single-row unit)."""
    coverage = COVERED[name]
    table = coverage.table
    if coverage.key is None:  # a group that is the whole table
        rows = list(conn.execute(select(table).order_by(*_pk_order(table))).mappings())
        if rows:
            yield WHOLE_TABLE, group_hash(table, WHOLE_TABLE, rows), None
        return
    key = coverage.key
    if not coverage.grouped:
        for row in conn.execute(select(table)).mappings():
            yield row[key], row_hash(table, row), row
        return
    column = table.c[key]
    current: Any = None
    group: list[Mapping[Any, Any]] = []
    for row in conn.execute(select(table).order_by(column, *_pk_order(table))).mappings():
        if group and row[key] != current:
            yield current, group_hash(table, current, group), None
            group = []
        current = row[key]
        group.append(row)
    if group:
        yield current, group_hash(table, current, group), None


def empty_unit_hash(coverage: Coverage, key: Any) -> str | None:
    """The hash a group has once all its rows are gone (a group may legitimately be empty); None for a row."""
    return group_hash(coverage.table, key, []) if coverage.grouped else None


def entry_hash(seq: int, at: str, actor: str, action: str, subject: str, details: str, prev_hash: str) -> str:
    content = {"seq": seq, "at": at, "actor": actor, "action": action, "subject": subject,
               "details": details, "prev": prev_hash}
    return hashlib.sha256(canonical(content)).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "who": self.actor, "action": self.action,
                "subject": self.subject, "details": self.details, "hash": self.entry_hash}


@dataclass
class PendingEntry:
    """An entry being prepared inside a write transaction; rows are hashed just before it is appended."""

    action: str
    actor: str
    subject: str
    details: dict[str, Any] = field(default_factory=dict)
    rows: list[tuple[Table, Any]] = field(default_factory=list)  # (table, key): see schema.COVERED


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        select(audit_log.c.seq, audit_log.c.entry_hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.entry_hash) if row else (0, GENESIS)


def append(conn: Connection, entries: Iterable[PendingEntry], *, at: str) -> tuple[int, str]:
    """Append entries in order (inside the caller's write transaction); returns the new head."""
    if conn.dialect.name == "postgresql":
        # SQLite's BEGIN IMMEDIATE already serialises writers; a server needs the chain's head locked explicitly.
        conn.exec_driver_sql("LOCK TABLE audit_log IN EXCLUSIVE MODE")
    seq, prev = head(conn)
    entries = list(entries)
    if seq == 0 and entries:  # the first entry also records what the first migration wrote
        first = entries[0]
        entries[0] = PendingEntry(first.action, first.actor, first.subject, first.details,
                                  creation_rows(conn) + first.rows)
    for entry in entries:
        details = dict(entry.details)
        if entry.rows:
            details["rows"] = _row_states(conn, entry.rows)
        details_text = canonical(details).decode("utf-8")
        seq += 1
        digest = entry_hash(seq, at, entry.actor, entry.action, entry.subject, details_text, prev)
        conn.execute(audit_log.insert().values(
            seq=seq, at=at, actor=entry.actor, action=entry.action, subject=entry.subject,
            details=details_text, prev_hash=prev, entry_hash=digest,
        ))
        prev = digest
    return seq, prev


def creation_rows(conn: Connection) -> list[tuple[Table, Any]]:
    """The settings and schema versions the first migration wrote, before any entry could record them: the
    repository's first entry carries them."""
    from coomet_lab.repository.schema import meta, schema_migrations

    names: list[str] = list(conn.execute(select(meta.c.key).order_by(meta.c.key)).scalars())
    numbers: list[int] = list(conn.execute(
        select(schema_migrations.c.version).order_by(schema_migrations.c.version)).scalars())
    return [(meta, k) for k in names] + [(schema_migrations, v) for v in numbers]


def units_of(conn: Connection, names: Iterable[str]) -> list[tuple[Table, Any]]:
    """Every unit of these covered tables as they are now (to record a baseline of them)."""
    return [(COVERED[name].table, key) for name in names for key, _digest, _row in iter_units(conn, name)]


def _row_states(conn: Connection, rows: list[tuple[Table, Any]]) -> list[dict[str, Any]]:
    """Each unit's hash, in the order given; fetched in chunks (an export touches 50,000 rows in one entry)."""
    wanted: dict[str, tuple[Table, set[Any]]] = {}
    for table, key in rows:
        wanted.setdefault(table.name, (table, set()))[1].add(key)
    hashes: dict[tuple[str, Any], str] = {}
    for name, (table, keys) in wanted.items():
        coverage = COVERED.get(name, Coverage(table, "id"))
        if coverage.grouped and coverage.key is None:
            rows_now = list(conn.execute(select(table).order_by(*_pk_order(table))).mappings())
            hashes[(name, WHOLE_TABLE)] = group_hash(table, WHOLE_TABLE, rows_now)
            continue
        assert coverage.key is not None  # only a whole-table group has none
        unit_key = coverage.key
        column = table.c[unit_key]
        ordered = sorted(keys)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            query = select(table).where(column.in_(chunk))
            if not coverage.grouped:
                for row in conn.execute(query).mappings():
                    hashes[(name, row[unit_key])] = row_hash(table, row)
                continue
            groups: dict[Any, list[Mapping[Any, Any]]] = {key: [] for key in chunk}
            for row in conn.execute(query.order_by(column, *_pk_order(table))).mappings():
                groups[row[unit_key]].append(row)
            for key, group in groups.items():
                hashes[(name, key)] = group_hash(table, key, group)
    missing = [(t.name, k) for t, k in rows if (t.name, k) not in hashes]
    if missing:
        raise LookupError(f"audit: rows {missing[:5]} do not exist")
    return [{"table": table.name, "id": key, "hash": hashes[(table.name, key)]} for table, key in rows]


def entry_from_row(row: Any) -> AuditEntry:
    return AuditEntry(seq=row.seq, at=row.at, actor=row.actor, action=row.action, subject=row.subject,
                      details=json.loads(row.details), prev_hash=row.prev_hash, entry_hash=row.entry_hash)
