"""``repo verify``: recompute the audit chain, every audited row and every stored file, and report differences.

Read in one snapshot, so it can run while the application works. Problems (exit 1) are changes nobody recorded:
an edited, removed or reordered audit entry, a row that differs from the hash its last audit entry recorded, a row
without an entry or an entry whose row is gone, a changed or missing file, a removed database guard. Notes are
harmless leftovers of interrupted writes (orphan files), which are never counted as records.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from coomet_lab.repository import audit, schema
from coomet_lab.repository.filestore import file_sha256
from coomet_lab.repository.migrations import SQLITE_TRIGGERS, SQLITE_TRIGGERS_V2
from coomet_lab.repository.records import Problem, VerifyReport

if TYPE_CHECKING:
    from coomet_lab.repository.repo import Repository


def verify_repository(repo: Repository, *, check_files: bool = True) -> VerifyReport:
    from coomet_lab.repository.repo import read_head

    started = time.perf_counter()
    report = VerifyReport()
    with repo._read() as conn:  # noqa: SLF001 (one snapshot for the whole walk)
        _integrity(conn, report)
        latest = _walk_chain(conn, report)
        _check_rows(conn, report, latest)
        if check_files:
            _check_files(conn, repo, report)
        known = set(conn.execute(select(schema.files.c.sha256)).scalars())
        _check_head(conn, read_head(repo.head_path), report)
    for digest in sorted(set(repo.files.iter_hashes()) - known):
        report.notes.append(Problem("file.orphan", f"orphan file {digest}: no record names it (left by an "
                                    "interrupted write; `repo clean` removes it)", digest))
    for path in repo.files.leftover_temporaries():
        report.notes.append(Problem("file.temporary", f"unfinished temporary file {path.name}", path.name))
    report.seconds = time.perf_counter() - started
    return report


def _integrity(conn: Connection, report: VerifyReport) -> None:
    if conn.dialect.name != "sqlite":
        return
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    if result != ["ok"]:
        report.problems.append(Problem("db.integrity", "the database file is damaged: " + "; ".join(result[:5])))
    present = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
    for name in {**SQLITE_TRIGGERS, **SQLITE_TRIGGERS_V2}:
        if name not in present:
            report.problems.append(Problem("db.guard_removed", f"the database guard {name!r} has been removed "
                                           "(someone changed the database with another tool)", name))


def _walk_chain(conn: Connection, report: VerifyReport) -> dict[tuple[str, int], tuple[str, int]]:
    """Check every entry; return, per audited row, the hash its latest entry recorded (and that entry's seq)."""
    log = schema.audit_log
    seq_of_hash = {digest: seq for digest, seq in conn.execute(select(log.c.entry_hash, log.c.seq))}
    latest: dict[tuple[str, int], tuple[str, int]] = {}
    expected, prev = 1, audit.GENESIS
    for row in conn.execute(select(log).order_by(log.c.seq)):
        report.entries += 1
        gap = row.seq != expected
        if row.seq > expected:
            missing = f"#{expected}" if row.seq == expected + 1 else f"#{expected} to #{row.seq - 1}"
            report.problems.append(Problem("audit.removed", f"audit entries {missing} are missing (removed "
                                           "from the trail)", f"audit:{expected}"))
        recomputed = audit.entry_hash(row.seq, row.at, row.actor, row.action, row.subject, row.details,
                                      row.prev_hash)
        if recomputed != row.entry_hash:
            report.problems.append(Problem("audit.changed", f"audit entry #{row.seq} ({row.action}, {row.at}) was "
                                           "changed: its content no longer matches its hash", f"audit:{row.seq}"))
        elif row.prev_hash != prev and not gap:
            after = seq_of_hash.get(row.prev_hash)
            where = f"it was written after entry #{after}" if after else "its predecessor is not in the trail"
            report.problems.append(Problem("audit.reordered", f"audit entry #{row.seq} is out of order: {where}, "
                                           f"not after #{row.seq - 1}", f"audit:{row.seq}"))
        prev, expected = row.entry_hash, row.seq + 1
        for state in _rows_of(row.details):
            latest[(state["table"], int(state["id"]))] = (state["hash"], row.seq)
    report.head = prev
    return latest


def _rows_of(details: str) -> list[dict[str, Any]]:
    try:
        rows = json.loads(details).get("rows", [])
        return [r for r in rows if isinstance(r, dict) and {"table", "id", "hash"} <= set(r)]
    except (ValueError, AttributeError):
        return []


def _check_rows(conn: Connection, report: VerifyReport,
                latest: dict[tuple[str, int], tuple[str, int]]) -> None:
    for name, table in schema.AUDITED_TABLES.items():
        for row in conn.execute(select(table)).mappings():
            report.records += 1
            key = (name, row["id"])
            what = _describe(name, row)
            recorded = latest.pop(key, None)
            if recorded is None:
                report.problems.append(Problem("row.unrecorded", f"{what} is not in the audit trail (added outside "
                                               "the application)", f"{name}:{row['id']}"))
            elif audit.row_hash(table, row) != recorded[0]:
                report.problems.append(Problem("row.changed", f"{what} was changed outside the application (it "
                                               f"differs from audit entry #{recorded[1]})", f"{name}:{row['id']}"))
    for (name, key), (_hash, seq) in sorted(latest.items()):
        report.problems.append(Problem("row.removed", f"{name} row {key}, recorded by audit entry #{seq}, is "
                                       "missing (deleted)", f"{name}:{key}"))


def _describe(name: str, row: Any) -> str:
    if name == "certificates":
        return f"certificate #{row['id']} ({row['unique_identifier']})"
    if name == "verifications":
        return f"verification #{row['id']} ({row['mitype_number']} № {row['instrument']}, {row['vrf_date']})"
    label = row.get("code") or row.get("name") or row.get("certificate_number") or ""
    return f"{name} row {row['id']}" + (f" ({label})" if label else "")


def _check_files(conn: Connection, repo: Repository, report: VerifyReport) -> None:
    owners: dict[str, str] = {}
    for cert in conn.execute(select(schema.certificates.c.id, schema.certificates.c.unique_identifier,
                                    schema.certificates.c.xml_sha256, schema.certificates.c.pdf_sha256)):
        for digest, kind in ((cert.xml_sha256, "XML"), (cert.pdf_sha256, "PDF")):
            if digest:
                owners.setdefault(digest, f"the {kind} of certificate #{cert.id} ({cert.unique_identifier})")
    registered = set()
    for row in conn.execute(select(schema.files)):
        registered.add(row.sha256)
        what = owners.get(row.sha256, f"file {row.sha256}")
        path = repo.files.path_of(row.sha256)
        try:
            size = path.stat().st_size
            actual = file_sha256(path)
        except FileNotFoundError:
            report.problems.append(Problem("file.missing", f"{what} is missing: {path}", row.sha256))
            continue
        except OSError as exc:
            report.problems.append(Problem("file.unreadable", f"{what} cannot be read: {exc}", row.sha256))
            continue
        report.files += 1
        report.bytes += size
        if actual != row.sha256 or size != row.size:
            report.problems.append(Problem("file.changed", f"{what} was changed on disk: its SHA-256 is now "
                                           f"{actual}, stored as {row.sha256}", row.sha256))
    for digest in sorted(set(owners) - registered):
        report.problems.append(Problem("file.unregistered", f"{owners[digest]} names file {digest}, which has "
                                       "no file row", digest))


def _check_head(conn: Connection, head: tuple[int, str] | None, report: VerifyReport) -> None:
    if head is None:
        if report.entries:
            report.notes.append(Problem("audit.head_missing", "the audit head file is missing (written after each "
                                        "change; an interrupted write can leave it behind)"))
        return
    seq, digest = head
    last = conn.execute(select(func.max(schema.audit_log.c.seq))).scalar() or 0
    if seq < 0:
        report.problems.append(Problem("audit.head_damaged", "the audit head file is damaged"))
    elif seq > last:
        report.problems.append(Problem("audit.truncated", f"the audit trail ends at #{last} but entry "
                                       f"#{seq} was recorded: entries were removed from the end"))
    elif seq > 0:
        log = schema.audit_log
        stored = conn.execute(select(log.c.entry_hash).where(log.c.seq == seq)).scalar_one_or_none()
        if stored != digest:
            report.problems.append(Problem("audit.rewritten", f"audit entry #{seq} is not the one recorded in the "
                                           "head file: the trail was rewritten"))
