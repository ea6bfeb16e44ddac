"""The export outbox: every export job passes pending → written → submitted → confirmed, and survives a crash.

An Arshin export reserves its records and keeps the exact files it made (in the file store) in ONE transaction;
only then are the files written to the chosen folder and the job marked written. A crash in between leaves a
pending job that the next export (or ``outbox write``) writes again, byte for byte: nothing is exported twice by
accident and nothing is lost. A person marks files as uploaded (submitted); Arshin's reply protocol, imported,
gives each record its Arshin number (confirmed) or its reason for refusal (rejected: the record can be corrected
and goes out again in a new job).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, func, select

from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import schema
from coomet_lab.repository.certificates import Certificates, safe_file_name
from coomet_lab.repository.filestore import sha256_hex
from coomet_lab.repository.store import Store, inserted_id
from coomet_lab.repository.verifications import (
    CONFIRMED,
    EXPORTED,
    RECORDED,
    REJECTED,
    SUBMITTED,
    RowProblem,
    VerificationRecordError,
    Verifications,
    _stored,
)

PENDING, WRITTEN = "pending", "written"
ARSHIN = "arshin"  # the register of an Arshin job (outbox_jobs.target; registers.register(ARSHIN))


class OutboxError(RepositoryError):
    code = "outbox.refused"


@dataclass(frozen=True)
class OutboxFile:
    id: int
    job_id: int
    name: str
    sha256: str
    records: int
    status: str
    reply_sha256: str | None
    counts: dict[str, int] = field(default_factory=dict)  # item state → number of records

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class OutboxJob:
    id: int
    target: str
    profile: str
    status: str
    directory: str
    records: int
    created_by: str
    created_at: str
    updated_at: str
    files: list[OutboxFile]

    def to_json(self) -> dict[str, Any]:
        return {**{k: v for k, v in self.__dict__.items() if k != "files"},
                "files": [f.to_json() for f in self.files]}


@dataclass
class ConfirmReport:
    file: str
    confirmed: list[tuple[int, str, str]] = field(default_factory=list)  # (verification id, globalID, certNum)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (verification id, reason)
    warnings: list[str] = field(default_factory=list)
    already_imported: bool = False


class Outbox:
    """``repository.outbox``."""

    def __init__(self, store: Store, *, certificates: Certificates, verifications: Verifications) -> None:
        self.store = store
        self.certificates = certificates
        self.verifications = verifications

    # ---------------------------------------------------------------------------------------- Arshin export

    def export_arshin(self, directory: str | Path, *, who: str, since: str | None = None,
                      profile: str | None = None, schema_check: bool = True) -> list[OutboxJob]:
        """Write Arshin import files for every recorded verification not yet exported (since a date).

        Pending jobs of earlier, interrupted exports are written first. Returns the jobs written now (an empty
        list when there was nothing to export). Any record that fails the checks stops the export before anything
        is reserved or written; the error lists each record and field.
        """
        from coomet_lab.registers import register
        from coomet_lab.registers.base import RegisterExportError

        arshin = register(ARSHIN)
        done = self.write_pending(who=who)
        chosen = profile or arshin.default_profile
        if chosen not in arshin.profiles():
            known = ", ".join(sorted(arshin.profiles()))
            raise RegisterExportError(f"unknown Arshin format {chosen!r}; known: {known}")
        candidates = self.verifications.list(status=RECORDED, since=since, limit=None)
        if not candidates:
            return done
        candidates.sort(key=lambda s: s.id)
        try:
            files = arshin.render([(s.id, s.record) for s in candidates], profile=chosen, schema_check=schema_check)
        except RegisterExportError as exc:
            raise VerificationRecordError(f"nothing exported: {exc}", [
                RowProblem(cast(int, key), problem.field, problem.message) for key, problem in exc.problems]) from exc
        job_id = self._reserve(files, chosen, Path(directory), who, {s.id for s in candidates})
        done.append(self.write_job(job_id, who=who))
        return done

    def _reserve(self, files, profile: str, directory: Path, who: str, expected: set[int]) -> int:  # noqa: ANN001
        """Record the job, its files (kept in the file store) and items; reserve the records — one transaction."""
        for rendered in files:
            self.store.files.put(rendered.data, rendered.sha256)
        records = sum(len(f.keys) for f in files)
        with self.store.write("cannot record the export") as tx:
            conn = tx.conn
            job_id = inserted_id(conn.execute(schema.outbox_jobs.insert().values(
                target=ARSHIN, profile=profile, status=PENDING, directory=str(directory.resolve()),
                records=records, created_by=who, created_at=tx.now, updated_at=tx.now)))
            file_ids: list[int] = []
            for number, rendered in enumerate(files, start=1):
                self._file_row(conn, rendered.sha256, len(rendered.data), "application/xml", tx.now)
                file_id = inserted_id(conn.execute(schema.outbox_files.insert().values(
                    job_id=job_id, name=f"arshin-{job_id:05d}-part-{number:03d}.xml", sha256=rendered.sha256,
                    records=len(rendered.keys), status=PENDING, updated_at=tx.now)))
                file_ids.append(file_id)
                conn.execute(schema.outbox_items.insert(), [
                    {"file_id": file_id, "position": position, "verification_id": key, "state": EXPORTED}
                    for position, key in enumerate(rendered.keys, start=1)])
            table = schema.verifications
            ids = sorted(expected)
            changed = 0
            for start in range(0, len(ids), 500):
                changed += conn.execute(table.update().where(table.c.id.in_(ids[start:start + 500]),
                                                             table.c.status == RECORDED)
                                        .values(status=EXPORTED, updated_at=tx.now)).rowcount
            if changed != len(ids):
                raise OutboxError("the records changed while the export was prepared (another window or command "
                                  "exported or corrected them); nothing was exported, run the export again")
            tx.log("exported", who, f"outbox:{job_id}", {"target": ARSHIN, "profile": profile,
                                                          "records": records, "files": len(files)},
                   [(schema.outbox_jobs, job_id), *((schema.outbox_files, f) for f in file_ids),
                    *((schema.outbox_items, f) for f in file_ids), *((table, key) for key in ids)])
            return job_id

    @staticmethod
    def _file_row(conn: Connection, digest: str, size: int, media_type: str, now: str) -> None:
        exists = conn.execute(select(schema.files.c.sha256).where(schema.files.c.sha256 == digest)).first()
        if exists is None:
            conn.execute(schema.files.insert().values(sha256=digest, size=size, media_type=media_type,
                                                      stored_at=now))

    def write_job(self, job_id: int, *, who: str, directory: str | Path | None = None) -> OutboxJob:
        """Write a job's files (from the file store, byte-identical) and its manifest; pending becomes written."""
        job = self.job(job_id)
        folder = Path(directory or job.directory)
        folder.mkdir(parents=True, exist_ok=True)
        for item in job.files:
            data = self.store.files.read(item.sha256)
            target = folder / item.name
            if target.exists() and target.read_bytes() != data:
                raise OutboxError(f"{target} exists with other content; nothing was overwritten (write the job "
                                  f"elsewhere: 'coomet-lab outbox write {job_id} -o DIR')")
            write_bytes_atomic(target, data)
        if job.target == ARSHIN:
            write_bytes_atomic(folder / f"arshin-{job_id:05d}-manifest.json", self.manifest(job_id))
        if job.status == PENDING:
            with self.store.write("cannot record the written export") as tx:
                tx.conn.execute(schema.outbox_jobs.update().where(schema.outbox_jobs.c.id == job_id)
                                .values(status=WRITTEN, directory=str(folder.resolve()), updated_at=tx.now))
                file_ids = [f.id for f in job.files]
                tx.conn.execute(schema.outbox_files.update().where(schema.outbox_files.c.id.in_(file_ids))
                                .values(status=WRITTEN, updated_at=tx.now))
                tx.log("export written", who, f"outbox:{job_id}", {"directory": str(folder.resolve())},
                       [(schema.outbox_jobs, job_id), *((schema.outbox_files, f) for f in file_ids)])
        return self.job(job_id)

    def write_pending(self, *, who: str) -> list[OutboxJob]:
        """Finish exports a crash interrupted (their files never reached the folder)."""
        return [self.write_job(job.id, who=who) for job in self.jobs(status=PENDING)]

    def manifest(self, job_id: int) -> bytes:
        """What went where: file names, hashes, and each record's position (Arshin's corrId) per file."""
        from coomet_lab._version import __version__

        job = self.job(job_id)
        with self.store.read() as conn:
            items = conn.execute(select(schema.outbox_items.c.file_id, schema.outbox_items.c.position,
                                        schema.outbox_items.c.verification_id)
                                 .where(schema.outbox_items.c.file_id.in_([f.id for f in job.files]))
                                 .order_by(schema.outbox_items.c.file_id, schema.outbox_items.c.position)).all()
        by_file: dict[int, list[dict[str, int]]] = {}
        for item in items:
            by_file.setdefault(item.file_id, []).append({"corrId": item.position, "record": item.verification_id})
        data = {"job": job.id, "target": job.target, "profile": job.profile, "created_at": job.created_at,
                "created_by": job.created_by, "application": f"COOMET Lab {__version__}",
                "files": [{"name": f.name, "sha256": f.sha256, "records": by_file.get(f.id, [])} for f in job.files]}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    # ---------------------------------------------------------------------------------------- packages

    def export_package(self, directory: str | Path, *, who: str, signer, certificate_ids: list[int] | None = None,  # noqa: ANN001
                       since: str | None = None, lab: str = "") -> OutboxJob | None:
        """A signed package of issued certificates (XML and PDF twin) for a register without its own format.

        Without ``certificate_ids``, every current issued certificate (issued on or after ``since``) that no
        earlier package carried goes in. Returns the job, or None when there was nothing to send.
        """
        import datetime as dt

        from coomet_lab._version import __version__
        from coomet_lab.registers.package import PackageEntry, build_package

        chosen = self._package_candidates(certificate_ids, since)
        if not chosen:
            return None
        entries = []
        for record in chosen:
            xml, pdf = self.certificates.bytes(record.id)
            stem = f"certificates/{safe_file_name(record.unique_identifier)}"
            entries.append(PackageEntry(f"{stem}.xml", xml, "dcc", record.unique_identifier))
            if pdf is not None:
                entries.append(PackageEntry(f"{stem}.pdf", pdf, "pdf", record.unique_identifier))
        data = build_package(entries, signer=signer, created=dt.datetime.now(dt.timezone.utc), made_by=who,
                             lab=lab, application=f"COOMET Lab {__version__}")
        digest = sha256_hex(data)
        self.store.files.put(data, digest)
        with self.store.write("cannot record the package") as tx:
            job_id = inserted_id(tx.conn.execute(schema.outbox_jobs.insert().values(
                target="package", profile="coomet-lab-package-1", status=PENDING,
                directory=str(Path(directory).resolve()), records=len(chosen), created_by=who, created_at=tx.now,
                updated_at=tx.now)))
            self._file_row(tx.conn, digest, len(data), "application/zip", tx.now)
            file_id = inserted_id(tx.conn.execute(schema.outbox_files.insert().values(
                job_id=job_id, name=f"package-{job_id:05d}.zip", sha256=digest, records=len(chosen),
                status=PENDING, updated_at=tx.now)))
            tx.conn.execute(schema.outbox_items.insert(), [
                {"file_id": file_id, "position": n, "certificate_id": record.id, "state": EXPORTED}
                for n, record in enumerate(chosen, start=1)])
            tx.log("exported", who, f"outbox:{job_id}", {"target": "package", "certificates": len(chosen),
                                                          "sha256": digest},
                   [(schema.outbox_jobs, job_id), (schema.outbox_files, file_id), (schema.outbox_items, file_id)])
        return self.write_job(job_id, who=who)

    def _package_candidates(self, certificate_ids: list[int] | None, since: str | None) -> list:
        if certificate_ids:
            records = [self.certificates.get(key) for key in certificate_ids]
            foreign = [r.unique_identifier for r in records if r.kind != "issued"]
            if foreign:
                raise OutboxError(f"only certificates issued here are packaged, not {', '.join(foreign)}")
            return records
        with self.store.read() as conn:
            sent: set[int] = set(conn.execute(select(schema.outbox_items.c.certificate_id)
                                              .where(schema.outbox_items.c.certificate_id.is_not(None))).scalars())
        records = self.certificates.list(kind="issued", status="current", limit=100_000)
        return sorted((r for r in records if r.id not in sent and (not since or r.issue_date >= since)),
                      key=lambda r: r.id)

    def mark_confirmed(self, job_id: int, *, who: str, note: str) -> OutboxJob:
        """For a target that sends no reply: a person confirms the register received the package."""
        if not note.strip():
            raise OutboxError("say how the receipt was confirmed (e.g. the register's acknowledgement number)")
        with self.store.write("cannot confirm the job") as tx:
            job = tx.conn.execute(select(schema.outbox_jobs).where(schema.outbox_jobs.c.id == job_id)).first()
            if job is None:
                raise RecordNotFoundError(kind="outbox job", key=job_id)
            if job.target == ARSHIN:
                raise OutboxError("an Arshin job is confirmed by importing Arshin's reply protocol")
            if job.status != SUBMITTED:
                raise OutboxError(f"job {job_id} is {job.status}: it can be confirmed once it was delivered "
                                  "(marked as submitted)")
            file_ids: list[int] = list(tx.conn.execute(select(schema.outbox_files.c.id)
                                                       .where(schema.outbox_files.c.job_id == job_id)).scalars())
            for file_id in file_ids:
                self._set_file(tx.conn, file_id, CONFIRMED, tx.now)
                tx.conn.execute(schema.outbox_items.update().where(schema.outbox_items.c.file_id == file_id)
                                .values(state=CONFIRMED, message=note))
            self._update_job_status(tx.conn, job_id, tx.now)
            tx.log("export confirmed", who, f"outbox:{job_id}", {"note": note},
                   [(schema.outbox_jobs, job_id), *((schema.outbox_files, f) for f in file_ids),
                    *((schema.outbox_items, f) for f in file_ids)])
        return self.job(job_id)

    # ---------------------------------------------------------------------------------------- submitted

    def mark_submitted(self, *, who: str, job_id: int | None = None, file_name: str | None = None) -> list[str]:
        """A person uploaded these files to Arshin: their records wait for the reply."""
        with self.store.write("cannot mark the upload") as tx:
            chosen = self._choose_files(tx.conn, job_id, file_name)
            waiting = [f for f in chosen if f.status == WRITTEN]
            if not waiting:
                states = ", ".join(f"{f.name}: {f.status}" for f in chosen)
                raise OutboxError(f"nothing to mark as uploaded ({states}); a file must be written first, and is "
                                  "marked once")
            for item in waiting:
                self._set_file(tx.conn, item.id, SUBMITTED, tx.now)
                self._set_records(tx.conn, item.id, EXPORTED, SUBMITTED, tx.now)
            jobs = sorted({f.job_id for f in waiting})
            for job in jobs:
                self._update_job_status(tx.conn, job, tx.now)
            tx.log("export submitted", who, ",".join(f"outbox:{j}" for j in jobs),
                   {"files": [f.name for f in waiting]},
                   [*((schema.outbox_files, f.id) for f in waiting), *((schema.outbox_jobs, j) for j in jobs),
                    *((schema.verifications, v) for v in self._records_of(tx.conn, [f.id for f in waiting]))])
            return [f.name for f in waiting]

    def _choose_files(self, conn: Connection, job_id: int | None, file_name: str | None) -> list[OutboxFile]:
        table = schema.outbox_files
        query = select(table)
        if file_name:
            query = query.where(table.c.name == Path(file_name).name)
        elif job_id is not None:
            query = query.where(table.c.job_id == job_id)
        else:
            raise OutboxError("name a job or a file")
        rows = [_file(r) for r in conn.execute(query.order_by(table.c.id)).mappings()]
        if not rows:
            raise RecordNotFoundError(kind="exported file" if file_name else "outbox job", key=file_name or job_id)
        return rows

    @staticmethod
    def _set_file(conn: Connection, file_id: int, status: str, now: str, **extra: Any) -> None:
        conn.execute(schema.outbox_files.update().where(schema.outbox_files.c.id == file_id)
                     .values(status=status, updated_at=now, **extra))

    @staticmethod
    def _records_of(conn: Connection, file_ids: list[int]) -> list[int]:
        return list(conn.execute(select(schema.outbox_items.c.verification_id)
                                 .where(schema.outbox_items.c.file_id.in_(file_ids),
                                        schema.outbox_items.c.verification_id.is_not(None))).scalars())

    def _set_records(self, conn: Connection, file_id: int, before: str, after: str, now: str) -> None:
        ids = self._records_of(conn, [file_id])
        table = schema.verifications
        for start in range(0, len(ids), 500):
            conn.execute(table.update().where(table.c.id.in_(ids[start:start + 500]), table.c.status == before)
                         .values(status=after, updated_at=now))

    @staticmethod
    def _update_job_status(conn: Connection, job_id: int, now: str) -> None:
        states: set[str] = set(conn.execute(select(schema.outbox_files.c.status)
                                            .where(schema.outbox_files.c.job_id == job_id)).scalars())
        status = next((s for s in (PENDING, WRITTEN) if s in states), None)
        if status is None:
            status = CONFIRMED if states == {CONFIRMED} else (
                SUBMITTED if CONFIRMED not in states else "partly confirmed")
        conn.execute(schema.outbox_jobs.update().where(schema.outbox_jobs.c.id == job_id)
                     .values(status=status, updated_at=now))

    # ---------------------------------------------------------------------------------------- confirmed

    def confirm(self, reply: bytes, *, who: str, file_name: str | None = None,
                source: str = "reply") -> ConfirmReport:
        """Import Arshin's reply protocol for one uploaded file: Arshin numbers in, rejections marked."""
        from coomet_lab.registers import register

        parsed = register(ARSHIN).read_reply(reply, source=source)
        digest = sha256_hex(reply)
        with self.store.write("cannot import the reply") as tx:
            conn = tx.conn
            answered_before = conn.execute(select(schema.outbox_files.c.name).where(
                schema.outbox_files.c.reply_sha256 == digest)).scalar()
            if answered_before is not None:  # the same reply again: nothing to do, whichever file was named
                return ConfirmReport(answered_before, already_imported=True)
            target = self._file_for_reply(conn, parsed, file_name)
            report = ConfirmReport(target.name)
            if target.reply_sha256 is not None:
                raise OutboxError(f"{target.name} already has a different reply imported; a file is confirmed once")
            items = {row.position: row for row in conn.execute(
                select(schema.outbox_items).where(schema.outbox_items.c.file_id == target.id))}
            unknown = [e.corr_id for e in parsed.entries if e.corr_id not in items]
            if unknown:
                raise OutboxError(f"the reply names record position(s) {unknown[:10]} that {target.name} does not "
                                  f"have ({target.records} records): is it the reply to another file?")
            self.store.files.put(reply, digest)
            self._file_row(conn, digest, len(reply), "application/xml", tx.now)
            touched = self._apply_reply(conn, parsed, items, report, tx.now)
            answered = {e.corr_id for e in parsed.entries}
            complete = answered >= set(items)
            self._set_file(conn, target.id, CONFIRMED if complete else SUBMITTED, tx.now, reply_sha256=digest)
            if not complete:
                report.warnings.append(f"the reply answers {len(answered)} of {len(items)} records; the others "
                                       "still wait")
            self._update_job_status(conn, target.job_id, tx.now)
            tx.log("arshin reply imported", who, f"outbox:{target.job_id}",
                   {"file": target.name, "reply_sha256": digest, "source": source,
                    "confirmed": len(report.confirmed), "rejected": len(report.rejected)},
                   [(schema.outbox_files, target.id), (schema.outbox_jobs, target.job_id),
                    (schema.outbox_items, target.id), *((schema.verifications, v) for v in touched)])
            return report

    def _file_for_reply(self, conn: Connection, parsed, file_name: str | None) -> OutboxFile:  # noqa: ANN001
        if file_name:
            return self._choose_files(conn, None, file_name)[0]
        needed = max((e.corr_id for e in parsed.entries), default=0)
        candidates = [_file(r) for r in conn.execute(select(schema.outbox_files).where(
            schema.outbox_files.c.status.in_([WRITTEN, SUBMITTED]))).mappings()]
        fitting = [f for f in candidates if f.records == len(parsed.entries) and f.records >= needed]
        if len(fitting) == 1:
            return fitting[0]
        names = ", ".join(f.name for f in fitting or candidates) or "none are waiting"
        raise OutboxError(f"say which uploaded file this reply answers (--file NAME); candidates: {names}")

    def _apply_reply(self, conn: Connection, parsed, items: dict, report: ConfirmReport,  # noqa: ANN001
                     now: str) -> list[int]:
        from coomet_lab.registers import register

        arshin = register(ARSHIN)
        table = schema.verifications
        touched = []
        for entry in parsed.entries:
            item = items[entry.corr_id]
            stored = _stored(conn.execute(select(table).where(table.c.id == item.verification_id)).mappings().one())
            if entry.error is None:
                for warning in arshin.check_reply_line(entry, stored.record):
                    report.warnings.append(f"record #{stored.id} (position {entry.corr_id}): {warning}")
                values = {"state": CONFIRMED, "global_id": entry.global_id, "cert_num": entry.cert_num}
                record_values = {"status": CONFIRMED, "global_id": entry.global_id, "cert_num": entry.cert_num,
                                 "reply_message": None}
                report.confirmed.append((stored.id, entry.global_id or "", entry.cert_num or ""))
            else:
                values = {"state": REJECTED, "message": entry.error}
                record_values = {"status": REJECTED, "reply_message": entry.error}
                report.rejected.append((stored.id, entry.error))
            conn.execute(schema.outbox_items.update().where(schema.outbox_items.c.file_id == item.file_id,
                                                            schema.outbox_items.c.position == item.position)
                         .values(**values))
            conn.execute(table.update().where(table.c.id == stored.id).values(**record_values, updated_at=now))
            touched.append(stored.id)
        return touched

    # ---------------------------------------------------------------------------------------- reading

    def job(self, job_id: int) -> OutboxJob:
        jobs = self.jobs(job_id=job_id)
        if not jobs:
            raise RecordNotFoundError(kind="outbox job", key=job_id)
        return jobs[0]

    def jobs(self, *, status: str | None = None, job_id: int | None = None) -> list[OutboxJob]:
        table = schema.outbox_jobs
        query = select(table).order_by(table.c.id.desc())
        if status:
            query = query.where(table.c.status == status)
        if job_id is not None:
            query = query.where(table.c.id == job_id)
        with self.store.read() as conn:
            jobs = list(conn.execute(query).mappings())
            ids = [j["id"] for j in jobs]
            files = [_file(r) for r in conn.execute(select(schema.outbox_files).where(
                schema.outbox_files.c.job_id.in_(ids)).order_by(schema.outbox_files.c.id)).mappings()] if ids else []
            counts: dict[int, dict[str, int]] = {}
            if files:
                for file_id, state, number in cast("Iterable[tuple[int, str, int]]", conn.execute(
                        select(schema.outbox_items.c.file_id, schema.outbox_items.c.state, func.count())
                        .where(schema.outbox_items.c.file_id.in_([f.id for f in files]))
                        .group_by(schema.outbox_items.c.file_id, schema.outbox_items.c.state))):
                    counts.setdefault(file_id, {})[state] = number
        by_job: dict[int, list[OutboxFile]] = {}
        for f in files:
            by_job.setdefault(f.job_id, []).append(OutboxFile(**{**f.__dict__, "counts": counts.get(f.id, {})}))
        return [OutboxJob(**{**j, "files": by_job.get(j["id"], [])}) for j in jobs]


def _file(row: Any) -> OutboxFile:
    return OutboxFile(id=row["id"], job_id=row["job_id"], name=row["name"], sha256=row["sha256"],
                      records=row["records"], status=row["status"], reply_sha256=row["reply_sha256"])
