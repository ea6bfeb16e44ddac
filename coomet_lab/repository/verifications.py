"""Verification records and the instrument-type register in the repository.

A record is stored as the canonical JSON of :class:`~coomet_lab.jurisdictions.ru.VerificationRecord` with its SHA-256
and index columns. Recording is all or nothing: a batch with one bad row stores nothing (unless the caller asks to
keep the good rows), and the same instrument verified on the same day cannot be recorded twice. A record can be
corrected until it is exported (and again after Arshin rejected it); after that it is frozen, at the database level
too. Every change is one audit entry that carries the hash of every row it touched.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, tuple_

from coomet_lab.jurisdictions.ru import (
    Batch,
    InstrumentType,
    RowProblem,
    VerificationRecord,
    check_record,
    errors,
    read_batch,
    read_snapshot,
    records_from_rows,
)
from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import schema
from coomet_lab.repository.audit import canonical
from coomet_lab.repository.store import Store

RECORDED, EXPORTED, SUBMITTED, CONFIRMED, REJECTED, WITHDRAWN = (
    "recorded", "exported", "submitted", "confirmed", "rejected", "withdrawn")
EDITABLE = (RECORDED, REJECTED)


class VerificationRecordError(RepositoryError):
    """Verification records were refused; ``problems`` says which line or record and which field."""

    code = "verification.refused"
    template = "{detail}"

    def __init__(self, detail: str, problems: Sequence[RowProblem] = ()) -> None:
        super().__init__(detail)
        self.problems = list(problems)


@dataclass(frozen=True)
class StoredVerification:
    id: int
    status: str
    record: VerificationRecord
    source: str
    global_id: str | None
    cert_num: str | None
    reply_message: str | None
    certificate_id: int | None
    created_by: str
    created_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "record": self.record.to_json(), "source": self.source,
                "global_id": self.global_id, "cert_num": self.cert_num, "reply_message": self.reply_message,
                "certificate_id": self.certificate_id, "created_by": self.created_by,
                "created_at": self.created_at, "updated_at": self.updated_at}


@dataclass
class ImportReport:
    source: str
    recorded: list[int] = field(default_factory=list)  # ids of the new records
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0

    @property
    def refused_lines(self) -> set[int]:
        return {p.line for p in self.problems if p.severity == "error"}


def record_text(record: VerificationRecord) -> str:
    return canonical(record.to_json()).decode("utf-8")


def _columns(record: VerificationRecord) -> dict[str, Any]:
    text = record_text(record)
    kind, instrument, date = record.identity
    return {"mitype_number": kind, "instrument": instrument, "vrf_date": date,
            "applicable": int(record.applicable), "owner": record.owner, "sign_cipher": record.sign_cipher,
            "record": text, "record_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _stored(row: Any) -> StoredVerification:
    import json

    return StoredVerification(
        id=row["id"], status=row["status"], record=VerificationRecord.from_json(json.loads(row["record"])),
        source=row["source"], global_id=row["global_id"], cert_num=row["cert_num"],
        reply_message=row["reply_message"], certificate_id=row["certificate_id"], created_by=row["created_by"],
        created_at=row["created_at"], updated_at=row["updated_at"])


class Verifications:
    """``repository.verifications``: record, correct, withdraw, list; the type register."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------------------------------ recording

    def import_batch(self, path: str | Path, *, who: str, keep_good_rows: bool = False,
                     today: dt.date | None = None) -> ImportReport:
        """Record every row of a CSV/XLSX batch; with any bad row nothing is recorded unless ``keep_good_rows``."""
        source = Path(path).name
        numbers = self._type_lookup()
        batch = read_batch(path, lookup=numbers.get, today=today)
        return self._record_batch(batch, source=source, who=who, keep_good_rows=keep_good_rows)

    def check_rows(self, rows: Sequence[tuple[int, dict[str, str]]], *, source: str,
                   today: dt.date | None = None) -> Batch:
        """Check table rows (line, column → text) as a batch import would, with the type register: nothing stored.

        The desktop app's batch table calls this after every edit of a cell.
        """
        return records_from_rows(rows, source=source, lookup=self._type_lookup().get, today=today)

    def import_rows(self, rows: Sequence[tuple[int, dict[str, str]]], *, source: str, who: str,
                    keep_good_rows: bool = False, today: dt.date | None = None) -> ImportReport:
        """Record table rows (e.g. a batch corrected in the desktop app) exactly as :meth:`import_batch` would."""
        batch = self.check_rows(rows, source=source, today=today)
        return self._record_batch(batch, source=source, who=who, keep_good_rows=keep_good_rows)

    def record(self, records: Sequence[VerificationRecord], *, who: str, source: str = "form",
               today: dt.date | None = None) -> list[int]:
        """Record verifications typed into a form (checked like a batch, all or nothing)."""
        batch = Batch(source)
        for index, record in enumerate(records, start=1):
            batch.records.append((index, record))
            batch.problems.extend(RowProblem(index, p.field, p.message, p.severity)
                                  for p in check_record(record, today=today))
        report = self._record_batch(batch, source=source, who=who, keep_good_rows=False)
        return report.recorded

    def _record_batch(self, batch: Batch, *, source: str, who: str, keep_good_rows: bool) -> ImportReport:
        report = ImportReport(source, problems=list(batch.problems), rows=len(batch.records) + len(
            {p.line for p in batch.problems} - {line for line, _r in batch.records}))
        with self.store.write("cannot record the verifications") as tx:
            report.problems.extend(self._already_recorded(tx.conn, batch.records))
            report.problems.sort(key=lambda p: p.line)
            refused = report.refused_lines
            if refused and not keep_good_rows:
                raise VerificationRecordError(
                    f"{source}: nothing recorded: {len(refused)} of {report.rows} row(s) have errors",
                    report.problems)
            good = [(line, record) for line, record in batch.records if line not in refused]
            if not good:
                return report
            rows = [{**_columns(record), "status": RECORDED, "source": source, "created_by": who,
                     "created_at": tx.now, "updated_at": tx.now} for _line, record in good]
            table = schema.verifications
            result = tx.conn.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), rows)
            report.recorded = list(result.scalars())
            tx.log("verifications recorded", who, f"batch:{source}",
                   {"count": len(rows), "refused_lines": sorted(refused)},
                   [(schema.verifications, key) for key in report.recorded])
        return report

    @staticmethod
    def _already_recorded(conn: Connection, records: Iterable[tuple[int, VerificationRecord]],
                          exclude: int | None = None) -> list[RowProblem]:
        keys: dict[tuple[str, str, str], list[int]] = {}
        for line, record in records:
            keys.setdefault(record.identity, []).append(line)
        if not keys:
            return []
        table = schema.verifications
        found: list[Any] = []
        key_list = list(keys)
        for start in range(0, len(key_list), 300):  # SQLite caps the number of bound parameters
            chunk = key_list[start:start + 300]
            found += conn.execute(select(table.c.id, table.c.mitype_number, table.c.instrument, table.c.vrf_date)
                                  .where(tuple_(table.c.mitype_number, table.c.instrument, table.c.vrf_date)
                                         .in_(chunk), table.c.status != WITHDRAWN, table.c.id != (exclude or 0))
                                  ).all()
        return [RowProblem(line, "manufacture_num", f"this verification is already recorded (record #{row.id})")
                for row in found for line in keys[(row.mitype_number, row.instrument, row.vrf_date)]]

    # ------------------------------------------------------------------------------------------ changing

    def correct(self, verification_id: int, record: VerificationRecord, *, who: str,
                today: dt.date | None = None) -> StoredVerification:
        """Replace a record that has not been exported yet (or that Arshin rejected: it goes back to recorded)."""
        problems = errors(check_record(record, today=today))
        if problems:
            raise VerificationRecordError(f"verification #{verification_id} not changed: "
                                          + "; ".join(map(str, problems)),
                                          [RowProblem(verification_id, p.field, p.message) for p in problems])
        with self.store.write(f"cannot change verification #{verification_id}") as tx:
            current = self._get(tx.conn, verification_id)
            if current.status not in EDITABLE:
                raise VerificationRecordError(f"verification #{verification_id} is {current.status}: only a "
                                              "recorded or rejected verification can be corrected")
            clash = self._already_recorded(tx.conn, [(verification_id, record)], exclude=verification_id)
            if clash:
                raise VerificationRecordError(f"verification #{verification_id} not changed: {clash[0].message}",
                                              clash)
            tx.conn.execute(schema.verifications.update().where(schema.verifications.c.id == verification_id)
                            .values(**_columns(record), status=RECORDED, reply_message=None, updated_at=tx.now))
            tx.log("verification corrected", who, f"verifications:{verification_id}",
                   {"was": current.status}, [(schema.verifications, verification_id)])
            return self._get(tx.conn, verification_id)

    def withdraw(self, verification_id: int, *, who: str, reason: str) -> None:
        """A record entered by mistake leaves every list and export; it stays in the repository, marked."""
        if not reason.strip():
            raise VerificationRecordError("withdrawing a verification needs a reason")
        with self.store.write(f"cannot withdraw verification #{verification_id}") as tx:
            current = self._get(tx.conn, verification_id)
            if current.status not in EDITABLE:
                raise VerificationRecordError(f"verification #{verification_id} is {current.status}: only a "
                                              "recorded or rejected verification can be withdrawn")
            tx.conn.execute(schema.verifications.update().where(schema.verifications.c.id == verification_id)
                            .values(status=WITHDRAWN, updated_at=tx.now))
            tx.log("verification withdrawn", who, f"verifications:{verification_id}", {"reason": reason},
                   [(schema.verifications, verification_id)])

    def link_certificate(self, verification_id: int, certificate_id: int, *, who: str) -> StoredVerification:
        """Remember the issued certificate or notice of a verification (one audit entry).

        Allowed in every state but withdrawn: only the link changes, never the record, which stays frozen once
        exported (the database trigger watches the record and its identity columns, not this one). A verification
        has one certificate or notice: linking a second one is refused.
        """
        with self.store.write(f"cannot link verification #{verification_id}") as tx:
            current = self._get(tx.conn, verification_id)
            if current.status == WITHDRAWN:
                raise VerificationRecordError(f"verification #{verification_id} is withdrawn: it gets no certificate")
            if current.certificate_id not in (None, certificate_id):
                raise VerificationRecordError(f"verification #{verification_id} already has certificate "
                                              f"#{current.certificate_id}")
            number = tx.conn.execute(select(schema.certificates.c.unique_identifier)
                                     .where(schema.certificates.c.id == certificate_id)).scalar_one_or_none()
            if number is None:
                raise RecordNotFoundError(kind="certificate", key=certificate_id)
            tx.conn.execute(schema.verifications.update().where(schema.verifications.c.id == verification_id)
                            .values(certificate_id=certificate_id, updated_at=tx.now))
            tx.log("verification certificate issued", who, f"verifications:{verification_id}",
                   {"certificate_id": certificate_id, "number": number}, [(schema.verifications, verification_id)])
            return self._get(tx.conn, verification_id)

    # ------------------------------------------------------------------------------------------ reading

    def get(self, verification_id: int) -> StoredVerification:
        with self.store.read() as conn:
            return self._get(conn, verification_id)

    @staticmethod
    def _get(conn: Connection, verification_id: int) -> StoredVerification:
        row = conn.execute(select(schema.verifications).where(schema.verifications.c.id == verification_id)
                           ).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="verification", key=verification_id)
        return _stored(row)

    def list(self, *, status: str | Sequence[str] | None = None, since: str | None = None,
             limit: int | None = 1000) -> list[StoredVerification]:
        table = schema.verifications
        query = select(table).order_by(table.c.vrf_date.desc(), table.c.id.desc())
        if status:
            query = query.where(table.c.status.in_([status] if isinstance(status, str) else list(status)))
        else:
            query = query.where(table.c.status != WITHDRAWN)
        if since:
            query = query.where(table.c.vrf_date >= since)
        if limit:
            query = query.limit(limit)
        with self.store.read() as conn:
            return [_stored(row) for row in conn.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        table = schema.verifications
        with self.store.read() as conn:
            return dict(conn.execute(select(table.c.status, func.count()).group_by(table.c.status)).all())

    # ------------------------------------------------------------------------------------------ type register

    def import_types(self, path: str | Path, *, who: str) -> int:
        """Add or replace the types of a register snapshot (CSV or JSON); a bad snapshot changes nothing."""
        types = read_snapshot(path)
        table = schema.mi_types
        with self.store.write("cannot import the type register") as tx:
            numbers = [t.reg_number for t in types]
            for start in range(0, len(numbers), 500):
                tx.conn.execute(table.delete().where(table.c.reg_number.in_(numbers[start:start + 500])))
            tx.conn.execute(table.insert(), [self._type_row(t, Path(path).name, tx.now) for t in types])
            if tx.conn.dialect.name == "sqlite":
                for start in range(0, len(numbers), 500):
                    chunk = numbers[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    tx.conn.exec_driver_sql(f"DELETE FROM mi_type_fts WHERE reg_number IN ({marks})", tuple(chunk))
                tx.conn.exec_driver_sql(
                    "INSERT INTO mi_type_fts (reg_number, name, designation, manufacturer) VALUES (?, ?, ?, ?)",
                    [(t.reg_number, t.name, t.designation, t.manufacturer) for t in types])
            tx.log("type register imported", who, f"snapshot:{Path(path).name}", {"types": len(types)},
                   [(table, schema.WHOLE_TABLE)])
        return len(types)

    @staticmethod
    def _type_row(t: InstrumentType, source: str, now: str) -> dict[str, Any]:
        return {"reg_number": t.reg_number, "name": t.name, "designation": t.designation,
                "manufacturer": t.manufacturer, "interval_text": t.interval_text,
                "interval_months": t.interval_months, "periodic": int(t.periodic), "procedure": t.procedure,
                "source": source, "imported_at": now}

    def find_type(self, reg_number: str) -> InstrumentType | None:
        with self.store.read() as conn:
            row = conn.execute(select(schema.mi_types).where(schema.mi_types.c.reg_number == reg_number.strip())
                               ).mappings().first()
        return _type(row) if row else None

    def _type_lookup(self) -> dict[str, InstrumentType]:
        with self.store.read() as conn:
            return {row["reg_number"]: _type(row) for row in conn.execute(select(schema.mi_types)).mappings()}

    def search_types(self, text: str, *, limit: int = 50) -> builtins.list[InstrumentType]:
        """Types whose number, name, designation or manufacturer match (word prefixes; a number exactly)."""
        words = [w for w in text.replace('"', " ").split() if w]
        if not words:
            return []
        table = schema.mi_types
        with self.store.read() as conn:
            if conn.dialect.name == "sqlite":
                match = " ".join(f'"{w}"*' for w in words)
                numbers = [r[0] for r in conn.exec_driver_sql(
                    "SELECT reg_number FROM mi_type_fts WHERE mi_type_fts MATCH ? ORDER BY rank LIMIT ?",
                    (match, limit))]
                rows = {r["reg_number"]: r for r in conn.execute(
                    select(table).where(table.c.reg_number.in_(numbers))).mappings()}
                return [_type(rows[n]) for n in numbers if n in rows]
            pattern = f"%{text.strip()}%"
            return [_type(r) for r in conn.execute(select(table).where(
                table.c.reg_number.ilike(pattern) | table.c.name.ilike(pattern)
                | table.c.designation.ilike(pattern)).limit(limit)).mappings()]


def _type(row: Any) -> InstrumentType:
    return InstrumentType(row["reg_number"], row["name"], row["designation"], row["manufacturer"],
                          row["interval_text"], row["interval_months"], bool(row["periodic"]), row["procedure"])
