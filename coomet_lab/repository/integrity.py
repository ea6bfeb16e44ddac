"""``repo verify``: recompute the audit chain, every audited unit and every stored file, and report differences.

Read in one snapshot, so it can run while the application works. Problems (exit 1) are changes nobody recorded:
an edited, removed or reordered audit entry, a unit (a row, or a group of rows: ``schema.COVERED``) that differs
from the hash its last audit entry recorded, a unit without an entry or an entry whose unit is gone, a changed or
missing file, a schema object (table, index, trigger, view) that the migrations did not create or created
differently, a search index that no longer matches the certificates, a missing head file, a chain that does not
contain an externally anchored head. Notes are harmless leftovers of interrupted writes (orphan files), which are
never counted as records.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.repository import audit, schema
from coomet_lab.repository.filestore import file_sha256
from coomet_lab.repository.migrations import (
    FTS_COLUMNS,
    SQLITE_TRIGGERS,
    SQLITE_TRIGGERS_V2,
    expected_schema,
    normalized_sql,
)
from coomet_lab.repository.records import Problem, VerifyReport
from coomet_lab.repository.store import HEAD_NAME, Store, read_head

# Objects SQLite makes itself when asked for statistics (ANALYZE): harmless, never compared.
_IGNORED_OBJECTS = ("sqlite_stat",)
_FTS_SHADOW = ("certificate_fts_", "mi_type_fts_")
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)  # primary result codes: another connection holds the lock
_RECORDED_BY_FIRST_ENTRY = ("meta", "schema_migrations")
_MI_TYPE_FTS_COLUMNS = ("reg_number", "name", "designation", "manufacturer")


def verify_repository(repo: Store, *, check_files: bool = True,
                      anchors: Iterable[tuple[int, str]] = ()) -> VerifyReport:
    """Everything ``repo verify`` checks; ``anchors`` are heads (seq, hash) kept outside the repository that the
    chain must still contain, unchanged (they prove the end was not cut off and the head file rewritten)."""
    started = time.perf_counter()
    report = VerifyReport()
    with repo.read() as conn:  # one snapshot for the whole walk
        _integrity(conn, report)
        latest, hashes = _walk_chain(conn, report)
        _check_units(conn, report, latest)
        _check_search(conn, report)
        if check_files:
            _check_files(conn, repo, report)
        known: set[str] = set(conn.execute(select(schema.files.c.sha256)).scalars())
        _check_head(conn, read_head(repo.head_path), report, HEAD_NAME)
        for anchor in anchors:
            _check_anchor(hashes, anchor, report)
    _check_search_internals(repo, report)
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
    _check_schema_objects(conn, report)


def _check_schema_objects(conn: Connection, report: VerifyReport) -> None:
    """The full set of schema objects must be the one the migrations create: a trigger, view or index added,
    dropped or redefined with a database tool changes what the database does behind the application's back."""
    rows: Sequence[Any] = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    actual = {(t, n): (tbl, normalized_sql(sql)) for t, n, tbl, sql in rows if not n.startswith(_IGNORED_OBJECTS)}
    expected = {(t, n): (tbl, sql) for t, n, tbl, sql in expected_schema()}
    guards = {**SQLITE_TRIGGERS, **SQLITE_TRIGGERS_V2}
    for kind, name in sorted(expected.keys() - actual.keys()):
        if kind == "trigger" and name in guards:
            report.problems.append(Problem("db.guard_removed", f"the database guard {name!r} has been removed "
                                           "(someone changed the database with another tool)", name))
        else:
            report.problems.append(Problem("db.object_removed", f"the database's {kind} {name!r} has been removed "
                                           "(someone changed the database with another tool)", name))
    for kind, name in sorted(actual.keys() - expected.keys()):
        table = actual[(kind, name)][0]
        report.problems.append(Problem("db.object_added", f"the database has a {kind} {name!r} (on {table}) that "
                                       "the application did not create (added with another tool)", name))
    for key in sorted(expected.keys() & actual.keys()):
        if key[1].startswith(_FTS_SHADOW) and key[0] == "table":
            continue  # FTS5's own tables, laid out by the SQLite version that made them; FTS5 checks them itself
        if expected[key] != actual[key]:
            kind, name = key
            report.problems.append(Problem("db.object_changed", f"the database's {kind} {name!r} was redefined: it "
                                           "differs from the one the application created (changed with another "
                                           "tool)", name))


def _walk_chain(conn: Connection, report: VerifyReport
                ) -> tuple[dict[tuple[str, Any], tuple[str, int]], dict[int, str]]:
    """Check every entry; return, per audited unit, the hash its latest entry recorded (and that entry's seq),
    and each entry's hash by seq."""
    log = schema.audit_log
    seq_of_hash: dict[str, int] = {r.entry_hash: r.seq for r in conn.execute(select(log.c.entry_hash, log.c.seq))}
    hashes = {seq: digest for digest, seq in seq_of_hash.items()}
    latest: dict[tuple[str, Any], tuple[str, int]] = {}
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
        if row.action == audit.Action.MIGRATED:
            _check_migrated_once(row, latest, report)
        for state in _rows_of(row.details):
            latest[(state["table"], state["id"])] = (state["hash"], row.seq)
    report.head = prev
    return latest, hashes


def _check_migrated_once(row: Any, latest: dict[tuple[str, Any], tuple[str, int]], report: VerifyReport) -> None:
    """A migration runs once. One applied again means its schema_migrations row was deleted, which re-runs it and
    records the state anew: that must not launder changes made before."""
    try:
        versions = json.loads(row.details).get("versions", [])
    except (ValueError, AttributeError):
        return
    for version in versions if isinstance(versions, list) else []:
        before = latest.get(("schema_migrations", version))
        if before is not None:
            report.problems.append(Problem("audit.migrated_twice", f"audit entry #{row.seq} applies schema version "
                                           f"{version} again, but schema version {version} was recorded as applied "
                                           f"before (entry #{before[1]}): its record was deleted outside the "
                                           "application, and changes made before may be hidden", f"audit:{row.seq}"))


def _rows_of(details: str) -> list[dict[str, Any]]:
    try:
        rows = json.loads(details).get("rows", [])
        return [r for r in rows if isinstance(r, dict) and {"table", "id", "hash"} <= set(r)
                and isinstance(r["id"], (int, str))]
    except (ValueError, AttributeError):
        return []


def _check_units(conn: Connection, report: VerifyReport, latest: dict[tuple[str, Any], tuple[str, int]]) -> None:
    labels: dict[str, dict[Any, str]] = {}  # names of certificates and exported files, for the messages
    for name in schema.COVERED:
        for key, digest, row in audit.iter_units(conn, name):
            report.records += 1
            if row is not None and name in ("certificates", "outbox_files"):
                labels.setdefault(name, {})[key] = row["unique_identifier" if name == "certificates" else "name"]
            what = _describe(name, key, row, labels)
            recorded = latest.pop((name, key), None)
            if recorded is None:
                if not report.entries and name in _RECORDED_BY_FIRST_ENTRY:
                    continue  # a new repository: its first entry will record them
                report.problems.append(Problem("row.unrecorded", f"{what} is not in the audit trail (added outside "
                                               "the application)", f"{name}:{key}"))
            elif digest != recorded[0]:
                report.problems.append(Problem("row.changed", f"{what} was changed outside the application (it "
                                               f"differs from audit entry #{recorded[1]})", f"{name}:{key}"))
    for (name, key), (digest, seq) in sorted(latest.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        covered = schema.COVERED.get(name)
        if covered is None or digest == audit.empty_unit_hash(covered, key):
            continue  # a table no longer covered, or a group recorded as empty: nothing should be there
        what = (f"{name} row {key}" if covered.key == "id" else _describe(name, key, None, labels))
        report.problems.append(Problem("row.removed", f"{what}, recorded by audit entry #{seq}, is missing "
                                       "(deleted)", f"{name}:{key}"))


def _describe(name: str, key: Any, row: Any, labels: dict[str, dict[Any, str]]) -> str:
    if name == "certificates":
        return f"certificate #{row['id']} ({row['unique_identifier']})"
    if name == "verifications":
        return f"verification #{row['id']} ({row['mitype_number']} № {row['instrument']}, {row['vrf_date']})"
    if name == "meta":
        return f"the setting {key!r} (meta)"
    if name == "schema_migrations":
        return f"schema version {key} (schema_migrations)"
    if name == "certificate_standards":
        number = labels.get("certificates", {}).get(key)
        return f"the reference standards of certificate #{key}" + (f" ({number})" if number else "") + \
            " (certificate_standards)"
    if name == "outbox_items":
        file_name = labels.get("outbox_files", {}).get(key)
        return f"the record list of exported file #{key}" + (f" ({file_name})" if file_name else "") + \
            " (outbox_items: which record went out at which position)"
    if name == "mi_types":
        return "the instrument-type register (mi_types)"
    label = (row.get("code") or row.get("name") or row.get("certificate_number") or "") if row is not None else ""
    return f"{name} row {key}" + (f" ({label})" if label else "")


def _check_search(conn: Connection, report: VerifyReport) -> None:
    """The search index is derived from the certificate rows: rebuild each entry and compare (a certificate no
    longer found, or found under a false name, is a problem)."""
    if conn.dialect.name != "sqlite":
        return
    from coomet_lab.repository.search import fts_row

    fields = [c for c in schema.certificates.columns.keys() if c in _INDEXED]
    indexed = {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(
        f"SELECT rowid, {', '.join(FTS_COLUMNS)} FROM certificate_fts")}
    certs = schema.certificates
    for row in conn.execute(select(certs.c.id, certs.c.unique_identifier, *(certs.c[c] for c in fields))).mappings():
        wanted = fts_row(row["id"], {c: row[c] for c in fields})
        expected = tuple(wanted[c] for c in FTS_COLUMNS)
        actual = indexed.pop(row["id"], None)
        what = f"certificate #{row['id']} ({row['unique_identifier']})"
        if actual is None:
            report.problems.append(Problem("search.missing", f"{what} is missing from the search index: a search "
                                           "no longer finds it (changed outside the application)",
                                           f"certificates:{row['id']}"))
        elif actual != expected:
            differing = [c for c, a, e in zip(FTS_COLUMNS, actual, expected, strict=True) if a != e]
            report.problems.append(Problem("search.changed", f"the search index entry of {what} differs from the "
                                           f"certificate ({', '.join(differing)}): it is found under false terms "
                                           "(changed outside the application)", f"certificates:{row['id']}"))
    for rowid, values in sorted(indexed.items()):
        report.problems.append(Problem("search.extra", f"the search index has an entry #{rowid} ({values[0]}) for "
                                       "which no certificate exists (added outside the application)",
                                       f"certificate_fts:{rowid}"))
    if conn.dialect.has_table(conn, "mi_types"):
        types: list[tuple[Any, ...]] = [
            tuple(r) for r in conn.execute(select(*(schema.mi_types.c[c] for c in _MI_TYPE_FTS_COLUMNS)))]
        entries: list[tuple[Any, ...]] = [
            tuple(r) for r in conn.exec_driver_sql(f"SELECT {', '.join(_MI_TYPE_FTS_COLUMNS)} FROM mi_type_fts")]
        if sorted(types) != sorted(entries):
            wrong = sorted(set(types) ^ set(entries))[:3] or sorted(entries)[:1]
            report.problems.append(Problem("search.types_changed", "the search index of the instrument-type register "
                                           "differs from the register (" + ", ".join(w[0] for w in wrong)
                                           + "): a type search gives false results (changed outside the "
                                           "application)", "mi_type_fts"))


_INDEXED = ("unique_identifier", "schema_version", "languages", "customer", "item", "model", "serial", "issuer_lab",
            "issue_date", "calibration_date", "begin_date", "standards")


def _check_search_internals(repo: Store, report: VerifyReport) -> None:
    """FTS5's own check of its inverted index against its stored text (a tampered index blob). SQLite runs it as
    a statement that takes the write lock, so it runs after the snapshot, waits at most a quarter second for that
    lock and is skipped (a note) when the repository is read-only or another program is writing. The application's
    writes wait for it meanwhile (about 0.4 s per 20,000 certificates), well within their busy timeout."""
    if repo.engine.dialect.name != "sqlite" or repo.read_only:
        return
    raw = repo.engine.raw_connection()
    try:
        raw.execute("PRAGMA busy_timeout = 250")
        for table in ("certificate_fts", "mi_type_fts"):
            try:
                raw.execute("BEGIN IMMEDIATE")
                try:
                    raw.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
                finally:
                    raw.execute("ROLLBACK")
            except sqlite3.OperationalError as exc:
                if (exc.sqlite_errorcode & 0xFF) in _BUSY or "no such table" in str(exc):
                    report.notes.append(Problem("search.not_checked", f"the internals of the search index {table} "
                                                f"were not checked ({exc}); run verify again later", table))
                    continue
                report.problems.append(Problem("search.damaged", f"the search index {table} is damaged or was "
                                               f"changed outside the application ({exc})", table))
            except sqlite3.DatabaseError as exc:
                report.problems.append(Problem("search.damaged", f"the search index {table} is damaged or was "
                                               f"changed outside the application ({exc})", table))
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(repo.busy_timeout * 1000)}")
        raw.close()


def _check_files(conn: Connection, repo: Store, report: VerifyReport) -> None:
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


def _check_head(conn: Connection, head: tuple[int, str] | None, report: VerifyReport, head_name: str) -> None:
    if head is None:
        if report.entries:
            report.problems.append(Problem("audit.head_missing", f"the audit head file {head_name} is missing: "
                                           "entries removed from the end of the trail could not be noticed (compare "
                                           "with a head kept elsewhere: `repo verify --expect-head SEQ:HASH`)"))
        return
    seq, digest = head
    last = conn.execute(select(func.max(schema.audit_log.c.seq))).scalar() or 0
    if seq < 0:
        report.problems.append(Problem("audit.head_damaged", f"the audit head file {head_name} is damaged"))
    elif seq > last:
        report.problems.append(Problem("audit.truncated", f"the audit trail ends at #{last} but entry "
                                       f"#{seq} was recorded: entries were removed from the end"))
    elif seq > 0:
        log = schema.audit_log
        stored = conn.execute(select(log.c.entry_hash).where(log.c.seq == seq)).scalar_one_or_none()
        if stored != digest:
            report.problems.append(Problem("audit.rewritten", f"audit entry #{seq} is not the one recorded in the "
                                           "head file: the trail was rewritten"))


def _check_anchor(hashes: dict[int, str], anchor: tuple[int, str], report: VerifyReport) -> None:
    """The chain must still hold the anchored entry with the anchored hash. Since each entry's hash covers its
    predecessor's, that proves every entry up to it is unchanged; the walk has already checked the rest."""
    seq, digest = anchor
    last = max(hashes, default=0)
    label = f"{seq}:{digest}"
    if seq == 0 and digest == audit.GENESIS:
        return  # the head of an empty trail: nothing to prove
    if seq > last:
        report.problems.append(Problem("audit.anchor_truncated", f"the audit trail ends at #{last} but the anchored "
                                       f"head is #{seq} ({label}): entries were removed from the end (and the head "
                                       "file rewritten to match)", f"audit:{seq}"))
    elif hashes.get(seq) is None:
        report.problems.append(Problem("audit.anchor_missing", f"the anchored audit entry #{seq} ({label}) is not in "
                                       "the trail: it was removed", f"audit:{seq}"))
    elif hashes[seq] != digest:
        report.problems.append(Problem("audit.anchor_rewritten", f"audit entry #{seq} is not the anchored one "
                                       f"({label}; the trail has {hashes[seq]}): the trail was rewritten",
                                       f"audit:{seq}"))


# ------------------------------------------------------------------------------------------- external anchors
# The head file lives beside the database, so someone who can rewrite both can cut entries off the end unseen.
# A head kept elsewhere (written down, e-mailed, printed, on another medium) closes that: `repo head` gives it,
# `repo verify --expect-head SEQ:HASH` or `--anchor FILE` proves the chain still holds it.

ANCHOR_FORMAT = "coomet-lab audit head"


def parse_anchor(text: str, *, source: str = "the expected head") -> tuple[int, str]:
    """``SEQ:HASH`` (as `repo head` prints it) → (seq, hash); anything else is unusable input."""
    seq, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not sep or not seq.strip().isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise UnusableInputError(f"{source} is not SEQ:HASH (an entry number, a colon and the 64 hex digits of "
                                 f"its hash, as `coomet-lab repo head` prints it): {text.strip()[:80]!r}")
    return int(seq), digest


def read_anchor_file(path: str | Path) -> tuple[tuple[int, str], str | None]:
    """An anchor file (written by `repo head -o`, or a copy of audit-head.json, or a line SEQ:HASH):
    the head and, when the file names it, the repository it belongs to."""
    source = f"the anchor file {path}"
    try:
        raw = Path(path).read_bytes()[:65536].decode("utf-8")
    except OSError as exc:
        raise UnusableInputError(f"{source} cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UnusableInputError(f"{source} is not text") from None
    try:
        data = json.loads(raw)
    except ValueError:
        return parse_anchor(raw, source=source), None
    if not isinstance(data, dict) or "seq" not in data or "hash" not in data:
        raise UnusableInputError(f"{source} is JSON without the head's \"seq\" and \"hash\"")
    repository = data.get("repository_id")
    return parse_anchor(f"{data['seq']}:{data['hash']}", source=source), str(repository) if repository else None


def anchor_document(repository_id: str, head: tuple[int, str], at: str) -> bytes:
    """What `repo head -o FILE` writes: the head, the repository it belongs to and when it was taken."""
    data = {"format": ANCHOR_FORMAT, "repository_id": repository_id, "seq": head[0], "hash": head[1], "taken_at": at}
    return (json.dumps(data, indent=1) + "\n").encode("utf-8")
