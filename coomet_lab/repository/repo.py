"""The repository facade: the one API the desktop application and the command line use.

Thread safety: a :class:`Repository` may be shared by threads. Every method checks a connection out of the
engine's pool for its own duration and gives it back; writes start with ``BEGIN IMMEDIATE`` so they queue on the
database's write lock (and on other processes' writes) for at most ``busy_timeout`` seconds. Nothing here needs Qt.

Every write follows the same order: take the write lock, write content files (synced, read-only), insert the
rows, append the audit entries, commit, then move the audit head file forward. A crash at any point leaves either
the old state or the new one; at worst an orphan file that no row names.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select

from coomet_lab.dcc.io.document import dumps
from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.errors import (
    AmendmentError,
    CoometLabError,
    IssueRefusedError,
    RecordNotFoundError,
    RepositoryError,
    RepositoryStorageError,
    TraceabilityBlockedError,
    UnusableInputError,
)
from coomet_lab.kernel.paths import app_home
from coomet_lab.quantities.numbers import whole_number
from coomet_lab.repository import audit, migrations, schema, traceability
from coomet_lab.repository.amendment import amendment_identifier, check_amendment, make_amendment
from coomet_lab.repository.audit import Action, AuditEntry, PendingEntry
from coomet_lab.repository.engine import WRITE_OPTION, make_engine, sqlite_url, storage_error, translated_errors
from coomet_lab.repository.filestore import FileStore, sha256_hex
from coomet_lab.repository.importing import (
    FileInspector,
    Incoming,
    SignatureVerifier,
    embedded_dcc,
    file_verdict,
    is_pdf,
    read_incoming,
    signature_verdict,
)
from coomet_lab.repository.lock import InstanceLock
from coomet_lab.repository.records import (
    Calibration,
    CertificateRecord,
    Draft,
    ImportOutcome,
    SearchHit,
    Standard,
    VerifyReport,
)
from coomet_lab.repository.search import backend_for
from coomet_lab.repository.traceability import TraceabilityReport

DB_NAME = "repository.sqlite"
HEAD_NAME = "audit-head.json"
ORPHAN_GRACE_SECONDS = 600.0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def default_root() -> Path:
    return app_home() / "repository"


@dataclass
class _Tx:
    """One write transaction: its connection, its timestamp and the audit entries it will append."""

    conn: Connection
    now: str
    entries: list[PendingEntry] = field(default_factory=list)
    head: tuple[int, str] | None = None

    def log(self, action: str, who: str, subject: str, details: dict[str, Any] | None = None,
            rows: Iterable[tuple[Table, Any]] = ()) -> None:
        self.entries.append(PendingEntry(action, who, subject, dict(details or {}), list(rows)))


class Repository:
    """Drafts, issued and received certificates, registries, traceability, audit trail, search, backup."""

    def __init__(self, *, root: Path, engine: Engine, files: FileStore, busy_timeout: float,
                 clock: Callable[[], dt.datetime], lock: InstanceLock | None, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only
        self.engine = engine
        self.files = files
        self.busy_timeout = busy_timeout
        self._clock = clock
        self._lock = lock
        self._search = backend_for(engine.dialect.name)

    @property
    def verifications(self):  # noqa: ANN201
        """Verification records and the instrument-type register (:mod:`coomet_lab.repository.verifications`)."""
        from coomet_lab.repository.verifications import Verifications

        return Verifications(self)

    @property
    def outbox(self):  # noqa: ANN201
        """Export jobs to national registers and packages (:mod:`coomet_lab.repository.outbox`)."""
        from coomet_lab.repository.outbox import Outbox

        return Outbox(self)

    # ------------------------------------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, *, url: str | None = None, busy_timeout: float = 5.0,
             instance_lock: bool = False, clock: Callable[[], dt.datetime] | None = None,
             durable: bool = True) -> Repository:
        """Open (creating and migrating as needed) the repository in ``root`` (default: the app home's).

        ``url`` puts the database elsewhere (any SQLAlchemy URL; the files stay in ``root``). ``instance_lock``
        makes a second application instance fail with :class:`RepositoryInUseError` instead of sharing.
        """
        folder = Path(root) if root is not None else default_root()
        if url is None and (folder / DB_NAME).exists() and not os.access(folder, os.W_OK):
            return cls._open_read_only(folder, busy_timeout=busy_timeout, clock=clock)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, f"cannot create the repository folder {folder}") from exc
        lock = InstanceLock(folder / "instance.lock") if instance_lock else None
        if lock:
            lock.acquire()
        try:
            files = FileStore(folder / "files", durable=durable)
            files.ensure()
            engine = make_engine(url or sqlite_url(folder / DB_NAME), busy_timeout=busy_timeout)
            repo = cls(root=folder, engine=engine, files=files, busy_timeout=busy_timeout,
                       clock=clock or utc_now, lock=lock)
            with repo._write(f"cannot open the repository in {folder}") as tx:
                applied = migrations.migrate(tx.conn, tx.now)
                migrated = migrations.migration_entry(tx.conn, applied)
                if migrated is not None:
                    tx.entries.append(migrated)
        except BaseException:
            if lock:
                lock.release()
            raise
        with contextlib.suppress(OSError):
            files.remove_temporaries(older_than=ORPHAN_GRACE_SECONDS)
        return repo

    @classmethod
    def _open_read_only(cls, folder: Path, *, busy_timeout: float,
                        clock: Callable[[], dt.datetime] | None) -> Repository:
        """A repository in a folder we cannot write (read-only media or permissions): reading works, every
        change is refused with a clear message. SQLite cannot share a WAL database without writing its index
        file, so a read-only folder is opened as immutable: nobody can be writing to it through this folder."""
        engine = make_engine(f"sqlite+pysqlite:///file:{folder / DB_NAME}?mode=ro&immutable=1&uri=true",
                             busy_timeout=busy_timeout, read_only=True)
        repo = cls(root=folder, engine=engine, files=FileStore(folder / "files"), busy_timeout=busy_timeout,
                   clock=clock or utc_now, lock=None, read_only=True)
        with repo._read() as conn:
            version = migrations.current_version(conn)
        if version != migrations.LATEST:
            repo.close()
            raise RepositoryStorageError(f"the repository in {folder} is read-only and needs updating from schema "
                                         f"version {version} to {migrations.LATEST}")
        return repo

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def head_path(self) -> Path:
        return self.root / HEAD_NAME

    def now(self) -> str:
        return timestamp(self._clock())

    # --------------------------------------------------------------------------------------- transactions

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translated_errors(self.busy_timeout, "cannot read the repository"), self.engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def _write(self, where: str) -> Iterator[_Tx]:
        if self.read_only:
            raise RepositoryStorageError(f"{where}: the repository folder {self.root} is read-only")
        head = None
        with translated_errors(self.busy_timeout, where), self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                tx = _Tx(conn, self.now())
                yield tx
                if tx.entries:
                    head = tx.head = audit.append(conn, tx.entries, at=tx.now)
        if head is not None:
            self._write_head(*head)

    def _write_head(self, seq: int, digest: str) -> None:
        # Outside the database on purpose: removing entries from the end of the chain must leave a trace.
        # A head behind the database (a crash right after commit) is fine; one ahead of it is not.
        with contextlib.suppress(CoometLabError, OSError):
            current = read_head(self.head_path)
            if current and current[0] > seq:
                return
            write_bytes_atomic(self.head_path, json.dumps({"seq": seq, "hash": digest}).encode())

    # --------------------------------------------------------------------------------------------- drafts

    def create_draft(self, *, certificate: Certificate, who: str, instrument_type_id: int | None = None,
                     customer_id: int | None = None) -> Draft:
        """Store a new draft (a certificate document); logged as "draft created"."""
        document = dumps(certificate)
        with self._write("cannot create the draft") as tx:
            draft_id = self._insert_draft(tx, document, certificate.unique_identifier, who,
                                          instrument_type_id=instrument_type_id, customer_id=customer_id)
            tx.log(Action.DRAFT_CREATED, who, f"draft:{draft_id}", {"number": certificate.unique_identifier})
            return self._draft(tx.conn, draft_id)

    def _insert_draft(self, tx: _Tx, document: str, number: str | None, who: str, **extra: Any) -> int:
        result = tx.conn.execute(schema.drafts.insert().values(
            unique_identifier=number, document=document, revision=1, status="open", created_by=who,
            created_at=tx.now, updated_at=tx.now, **extra))
        return int(result.inserted_primary_key[0])

    def save_draft(self, *, draft_id: int, certificate: Certificate, expected_revision: int | None = None) -> Draft:
        """Autosave: replace the draft's document. With ``expected_revision``, refuse to overwrite a newer save."""
        document = dumps(certificate)
        with self._write("cannot save the draft") as tx:
            draft = self._draft(tx.conn, draft_id)
            if draft.status != "open":
                raise RepositoryError(f"draft {draft_id} is {draft.status}; it can no longer be changed")
            if expected_revision is not None and expected_revision != draft.revision:
                raise RepositoryError(f"draft {draft_id} was saved elsewhere in the meantime (revision "
                                      f"{draft.revision}, this copy is revision {expected_revision}); reload it")
            tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id).values(
                document=document, unique_identifier=certificate.unique_identifier,
                revision=draft.revision + 1, updated_at=tx.now))
            return self._draft(tx.conn, draft_id)

    def get_draft(self, draft_id: int) -> Draft:
        with self._read() as conn:
            return self._draft(conn, draft_id)

    def list_drafts(self, *, status: str | None = "open") -> list[Draft]:
        query = select(schema.drafts).order_by(schema.drafts.c.updated_at.desc())
        if status:
            query = query.where(schema.drafts.c.status == status)
        with self._read() as conn:
            return [Draft.from_row(r) for r in conn.execute(query).mappings()]

    def discard_draft(self, *, draft_id: int, who: str) -> None:
        with self._write("cannot discard the draft") as tx:
            draft = self._draft(tx.conn, draft_id)
            if draft.status != "open":
                raise RepositoryError(f"draft {draft_id} is {draft.status}; only an open draft can be discarded")
            tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id)
                            .values(status="discarded", updated_at=tx.now))
            tx.log(Action.DRAFT_DISCARDED, who, f"draft:{draft_id}", {"number": draft.unique_identifier})

    @staticmethod
    def _draft(conn: Connection, draft_id: int) -> Draft:
        row = conn.execute(select(schema.drafts).where(schema.drafts.c.id == draft_id)).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="draft", key=draft_id)
        return Draft.from_row(row)

    # ---------------------------------------------------------------------------------------------- issue

    def issue(self, *, draft_id: int, signed_xml: bytes | None = None, who: str, pdf: bytes | None = None,
              override_reason: str | None = None, key_id: str | None = None,
              verify_signature: SignatureVerifier | None = None, signed=None, twin=None,  # noqa: ANN001
              ) -> CertificateRecord:
        """Store the signed bytes of a draft as an issued certificate (and its PDF twin), immutably.

        Refuses XML that is invalid or not the draft's certificate, a twin whose embedded ``dcc.xml`` differs, a
        broken signature, an amendment that does not name what it replaces, and untraceable standards unless
        ``override_reason`` is given (recorded with ``who``).

        ``signed`` (a :class:`~coomet_lab.trust.SignedDocument`) and ``twin`` (the
        :class:`~coomet_lab.twin.make.Twin` made from it by ``make_signed_twin``) are stored as signing proved them:
        nothing is parsed, validated or verified again. Bytes given as ``signed_xml`` are checked in full.
        """
        incoming, verdict, key_id = self._issue_input(draft_id=draft_id, signed_xml=signed_xml, pdf=pdf, signed=signed,
                                                      twin=twin, key_id=key_id, verify_signature=verify_signature)
        with self._write("cannot issue the certificate") as tx:
            return self._issue_in(tx, draft_id, incoming, verdict, who, override_reason, key_id)

    def issue_many(self, items: Iterable[IssueItem], *, who: str) -> list[CertificateRecord | CoometLabError]:
        """Several typed issues (``IssueItem``: a SignedDocument and its twin) in one write transaction: one
        commit and one audit-head write for the lot, the batch's store step. Each item stays all-or-nothing on its
        own (a savepoint): a refused one leaves no row and no audit entry and is returned as its error, in place."""
        items = list(items)
        prepared: list[tuple[Incoming, tuple[str, str], str | None] | CoometLabError] = []
        for item in items:
            try:
                prepared.append(self._issue_input(draft_id=item.draft_id, signed_xml=None, pdf=None, signed=item.signed,
                                                  twin=item.twin, key_id=None, verify_signature=None))
            except CoometLabError as exc:
                prepared.append(exc)
        results: list[CertificateRecord | CoometLabError] = []
        with self._write("cannot issue the certificates") as tx:
            for item, ready in zip(items, prepared, strict=True):
                if isinstance(ready, CoometLabError):
                    results.append(ready)
                    continue
                logged = len(tx.entries)
                savepoint = tx.conn.begin_nested()
                try:
                    record = self._issue_in(tx, item.draft_id, ready[0], ready[1], who, item.override_reason,
                                            ready[2])
                except CoometLabError as exc:
                    savepoint.rollback()
                    del tx.entries[logged:]
                    results.append(exc)
                    continue
                savepoint.commit()
                results.append(record)
        return results

    def _issue_input(self, *, draft_id: int, signed_xml: bytes | None, pdf: bytes | None, signed, twin,  # noqa: ANN001
                     key_id: str | None, verify_signature: SignatureVerifier | None,
                     ) -> tuple[Incoming, tuple[str, str], str | None]:
        """What is to be stored and its signature verdict, checked before the write lock is taken."""
        if signed is not None:
            incoming = self._issuable_signed(signed, twin, pdf, signed_xml, draft_id)
            verdict, detail = signed.report.verdict, signed.report.summary()
            key_id = key_id or signed.signer_fingerprint[:16]
        else:
            if signed_xml is None:
                raise IssueRefusedError("nothing to issue: give the signed XML")
            incoming = self._issuable(signed_xml, twin.pdf if twin is not None else pdf, draft_id)
            verdict, detail = signature_verdict(signed_xml, incoming.signed, verify_signature)
        if verdict == "invalid":
            raise IssueRefusedError(f"the XML signature is invalid ({detail})")
        return incoming, (verdict, detail), key_id

    def _issue_in(self, tx: _Tx, draft_id: int, incoming: Incoming, verdict: tuple[str, str], who: str,
                  override_reason: str | None, key_id: str | None) -> CertificateRecord:
        """The issue itself, inside the caller's write transaction."""
        draft = self._draft(tx.conn, draft_id)
        number = incoming.fields.unique_identifier
        self._check_issuable_draft(tx.conn, draft, number)
        replaced = self._check_replaced(tx.conn, draft, incoming) if draft.amends_id else None
        report = traceability.check(tx.conn, incoming.certificate)
        if report.blocked and not (override_reason and override_reason.strip() and who):
            error = TraceabilityBlockedError(report.summary())
            error.report = report  # type: ignore[attr-defined]
            raise error
        cert_id = self._store_certificate(tx, incoming, kind="issued", who=who, validation=incoming.validation,
                                          verdict=verdict, amends_id=draft.amends_id,
                                          draft_id=draft_id, source_name=f"draft {draft_id}")
        self._record_traceability(tx.conn, cert_id, report)
        tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id).values(
            status="issued", certificate_id=cert_id, updated_at=tx.now))
        self._log_issue(tx, who, cert_id, incoming, report, override_reason, key_id, replaced)
        return self._certificate(tx.conn, cert_id)

    def _issuable(self, signed_xml: bytes, pdf: bytes | None, draft_id: int) -> Incoming:
        try:
            incoming = read_incoming(signed_xml, source=f"draft {draft_id}")
        except UnusableInputError as exc:
            raise IssueRefusedError(str(exc)) from None
        if incoming.pdf is not None:
            raise IssueRefusedError("signed_xml is a PDF; pass the XML and give the twin as pdf")
        if not incoming.validation.startswith("valid"):
            raise IssueRefusedError(f"the XML is {incoming.validation}"
                                    + (f": {incoming.errors[0]}" if incoming.errors else ""))
        if pdf is not None:
            if not is_pdf(pdf):
                raise IssueRefusedError("the PDF twin is not a PDF")
            try:
                embedded = embedded_dcc(pdf, "the PDF twin")
            except UnusableInputError as exc:
                raise IssueRefusedError(str(exc)) from None
            if embedded != signed_xml:
                raise IssueRefusedError("the PDF twin embeds a different dcc.xml than the signed XML being issued")
        return dataclasses.replace(incoming, pdf=pdf)

    @staticmethod
    def _issuable_signed(signed, twin, pdf: bytes | None, signed_xml: bytes | None,  # noqa: ANN001
                         draft_id: int) -> Incoming:
        """What signing proved, as the repository stores it: no parse, no XSD run, no signature verification."""
        from coomet_lab.repository.indexing import index_fields
        from coomet_lab.trust import SignedDocument

        if not isinstance(signed, SignedDocument):
            raise IssueRefusedError("signed must be the SignedDocument signing returned; give bytes as signed_xml")
        if signed_xml is not None and signed_xml != signed.xml:
            raise IssueRefusedError("signed_xml and the signed document differ")
        if twin is not None:
            if pdf is not None and pdf != twin.pdf:
                raise IssueRefusedError("pdf and the twin differ")
            if twin.draft or twin.sha256 != signed.sha256:
                raise IssueRefusedError("the PDF twin was not made from the signed XML being issued")
            pdf = twin.pdf
        elif pdf is not None:
            if not is_pdf(pdf):
                raise IssueRefusedError("the PDF twin is not a PDF")
            try:
                embedded = embedded_dcc(pdf, "the PDF twin")
            except UnusableInputError as exc:
                raise IssueRefusedError(str(exc)) from None
            if embedded != signed.xml:
                raise IssueRefusedError("the PDF twin embeds a different dcc.xml than the signed XML being issued")
        certificate = signed.certificate()
        if not certificate.unique_identifier:
            raise IssueRefusedError(f"draft {draft_id}: the DCC has no uniqueIdentifier")
        return Incoming(source=f"draft {draft_id}", xml=signed.xml, pdf=pdf, certificate=certificate,
                        fields=index_fields(certificate), validation="valid", errors=(), signed=True)

    def _check_issuable_draft(self, conn: Connection, draft: Draft, number: str) -> None:
        if draft.status != "open":
            raise IssueRefusedError(f"draft {draft.id} is {draft.status}")
        if number != draft.unique_identifier:
            raise IssueRefusedError(f"the signed XML is certificate {number!r}, the draft is "
                                    f"{draft.unique_identifier!r}")
        taken = conn.execute(select(schema.certificates.c.id).where(
            schema.certificates.c.kind == "issued", schema.certificates.c.unique_identifier == number)).first()
        if taken:
            raise IssueRefusedError(f"certificate {number} has already been issued (#{taken.id}); "
                                    "correct it with an amendment")

    def _check_replaced(self, conn: Connection, draft: Draft, incoming: Incoming) -> CertificateRecord:
        replaced = self._certificate(conn, draft.amends_id)  # type: ignore[arg-type]
        if replaced.status != "current":
            raise IssueRefusedError(f"{replaced.unique_identifier} has already been replaced")
        check_amendment(incoming.certificate, replaced_identifier=replaced.unique_identifier,
                        replaced_sha256=replaced.xml_sha256)
        return replaced

    def _log_issue(self, tx: _Tx, who: str, cert_id: int, incoming: Incoming, report: TraceabilityReport,
                   override_reason: str | None, key_id: str | None, replaced: CertificateRecord | None) -> None:
        subject = f"certificate:{cert_id}"
        number = incoming.fields.unique_identifier
        if key_id:
            tx.log(Action.KEY_USED, who, subject, {"key": key_id, "number": number})
        if report.blocked:
            tx.log(Action.OVERRIDE, who, subject, {"number": number, "reason": override_reason.strip(),
                                                   "findings": [f.message for f in report.blocking()]})
        rows: list[tuple[Table, Any]] = [(schema.certificates, cert_id), (schema.certificate_standards, cert_id)]
        if replaced is not None:
            tx.conn.execute(schema.certificates.update().where(schema.certificates.c.id == replaced.id)
                            .values(status="replaced", replaced_by_id=cert_id))
            rows.append((schema.certificates, replaced.id))
        details = {"number": number, "xml_sha256": sha256_hex(incoming.xml),
                   "pdf_sha256": sha256_hex(incoming.pdf) if incoming.pdf else None,
                   "traceability": [f.status for f in report.findings]}
        if replaced is not None:
            details["replaces"] = {"id": replaced.id, "number": replaced.unique_identifier}
        tx.log(Action.AMENDED if replaced else Action.ISSUED, who, subject, details, rows)

    def _store_certificate(self, tx: _Tx, incoming: Incoming, *, kind: str, who: str, validation: str,
                           verdict: tuple[str, str], source_name: str, amends_id: int | None = None,
                           draft_id: int | None = None) -> int:
        xml_sha = self._put_file(tx, incoming.xml, "application/xml")
        pdf_sha = self._put_file(tx, incoming.pdf, "application/pdf") if incoming.pdf else None
        values = incoming.fields.columns()
        result = tx.conn.execute(schema.certificates.insert().values(
            kind=kind, status="current", xml_sha256=xml_sha, pdf_sha256=pdf_sha, validation=validation,
            signature_verdict=verdict[0], signature_detail=verdict[1], amends_id=amends_id, draft_id=draft_id,
            source_name=source_name, stored_at=tx.now, stored_by=who, **values))
        cert_id = int(result.inserted_primary_key[0])
        self._search.index(tx.conn, cert_id, values)
        return cert_id

    def _put_file(self, tx: _Tx, data: bytes, media_type: str) -> str:
        digest = sha256_hex(data)
        self.files.put(data, digest)  # before the row that names it; synced
        exists = tx.conn.execute(select(schema.files.c.sha256).where(schema.files.c.sha256 == digest)).first()
        if not exists:
            tx.conn.execute(schema.files.insert().values(sha256=digest, size=len(data), media_type=media_type,
                                                         stored_at=tx.now))
        return digest

    @staticmethod
    def _record_traceability(conn: Connection, cert_id: int, report: TraceabilityReport) -> None:
        rows = [{"certificate_id": cert_id, "position": f.position, "equipment": f.equipment,
                 "standard_id": f.standard_id, "calibration_id": f.calibration_id, "status": f.status}
                for f in report.findings]
        if rows:
            conn.execute(schema.certificate_standards.insert(), rows)

    # --------------------------------------------------------------------------------------------- amend

    def amend(self, *, certificate_id: int, who: str, change: str = "amended") -> Draft:
        """A draft of the amendment replacing an issued certificate (new identifier, previousReport with hash)."""
        with self._write("cannot start the amendment") as tx:
            record = self._certificate(tx.conn, certificate_id)
            if record.kind != "issued":
                raise AmendmentError(f"{record.unique_identifier} was received from another laboratory; "
                                     "only certificates issued here can be amended")
            if record.status != "current":
                successor = self._certificate(tx.conn, record.replaced_by_id)  # type: ignore[arg-type]
                raise AmendmentError(f"{record.unique_identifier} has already been replaced by "
                                     f"{successor.unique_identifier}; amend that one instead")
            open_draft = tx.conn.execute(select(schema.drafts.c.id).where(
                schema.drafts.c.amends_id == certificate_id, schema.drafts.c.status == "open")).first()
            if open_draft:
                raise AmendmentError(f"an amendment of {record.unique_identifier} is already being prepared "
                                     f"(draft {open_draft.id})")
            new_number = self._amendment_number(tx.conn, record)
            from coomet_lab.dcc.io.reader import read_certificate_bytes

            original = read_certificate_bytes(self._verified_bytes(record.xml_sha256), large=True,
                                              source=record.unique_identifier)
            amendment = make_amendment(original, replaced_sha256=record.xml_sha256, new_identifier=new_number,
                                       change=change)
            draft_id = self._insert_draft(tx, dumps(amendment), new_number, who, amends_id=certificate_id)
            tx.log(Action.DRAFT_CREATED, who, f"draft:{draft_id}",
                   {"number": new_number, "amends": {"id": record.id, "number": record.unique_identifier}})
            return self._draft(tx.conn, draft_id)

    def _amendment_number(self, conn: Connection, record: CertificateRecord) -> str:
        depth, root = 1, record
        while root.amends_id is not None:
            root = self._certificate(conn, root.amends_id)
            depth += 1
        pattern = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "amendment_pattern")
                               ).scalar_one_or_none() or migrations.DEFAULT_AMENDMENT_PATTERN
        taken = set(conn.execute(select(schema.certificates.c.unique_identifier).where(
            schema.certificates.c.kind == "issued")).scalars())
        taken |= set(conn.execute(select(schema.drafts.c.unique_identifier).where(
            schema.drafts.c.status == "open")).scalars())
        return amendment_identifier(pattern, base=root.unique_identifier, n=depth, taken=taken)

    def set_amendment_pattern(self, *, pattern: str, who: str) -> None:
        """The identifier pattern of amendments: ``{base}`` is the first certificate's number, ``{n}`` the depth."""
        try:
            pattern.format(base="X", n=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise RepositoryError(f"amendment pattern {pattern!r} may use only {{base}} and {{n}} ({exc})") from None
        if "{n" not in pattern:
            raise RepositoryError(f"amendment pattern {pattern!r} must contain {{n}}")
        with self._write("cannot change the amendment pattern") as tx:
            tx.conn.execute(schema.meta.update().where(schema.meta.c.key == "amendment_pattern")
                            .values(value=pattern))
            tx.log(Action.RECORD_CHANGED, who, "meta:amendment_pattern", {"pattern": pattern},
                   [(schema.meta, "amendment_pattern")])

    # ----------------------------------------------------------------------------------- stored records

    def get_certificate(self, certificate_id: int) -> CertificateRecord:
        with self._read() as conn:
            return self._certificate(conn, certificate_id)

    def find(self, key: str | int) -> CertificateRecord:
        """A certificate by ``#id`` or by number (an issued one first, else the latest received); a plain number
        that no certificate carries is tried as an id."""
        text = str(key).strip()
        certs = schema.certificates
        with self._read() as conn:
            row = None
            if not text.startswith("#"):
                row = conn.execute(select(certs).where(certs.c.unique_identifier == text)
                                   .order_by((certs.c.kind == "issued").desc(), certs.c.id.desc())).mappings().first()
            key_id = whole_number(text.lstrip("#"))  # "#²" or 5,000 digits is no id (isdigit took them)
            if row is None and key_id is not None:
                row = conn.execute(select(certs).where(certs.c.id == key_id)).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="certificate", key=text)
        return CertificateRecord.from_row(row)

    def list_certificates(self, *, kind: str | None = None, status: str | None = None, limit: int = 100,
                          offset: int = 0) -> list[CertificateRecord]:
        """Newest first."""
        query = select(schema.certificates).order_by(schema.certificates.c.id.desc()).limit(limit).offset(offset)
        if kind:
            query = query.where(schema.certificates.c.kind == kind)
        if status:
            query = query.where(schema.certificates.c.status == status)
        with self._read() as conn:
            return [CertificateRecord.from_row(r) for r in conn.execute(query).mappings()]

    def count_certificates(self, *, kind: str | None = None) -> int:
        query = select(func.count()).select_from(schema.certificates)
        if kind:
            query = query.where(schema.certificates.c.kind == kind)
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def certificate_bytes(self, certificate_id: int) -> tuple[bytes, bytes | None]:
        """The stored XML and PDF twin, checked against their SHA-256 (a changed file raises RepositoryError)."""
        record = self.get_certificate(certificate_id)
        xml = self._verified_bytes(record.xml_sha256)
        pdf = self._verified_bytes(record.pdf_sha256) if record.pdf_sha256 else None
        return xml, pdf

    def open_certificate(self, certificate_id: int) -> tuple[CertificateRecord, Certificate]:
        """The record and its certificate read from the stored (verified) XML."""
        from coomet_lab.dcc.io.reader import read_certificate_bytes

        record = self.get_certificate(certificate_id)
        data = self._verified_bytes(record.xml_sha256)
        return record, read_certificate_bytes(data, large=True, source=record.unique_identifier)

    def _verified_bytes(self, sha256: str) -> bytes:
        try:
            data = self.files.read(sha256)
        except OSError as exc:
            raise RepositoryError(f"stored file {sha256} cannot be read ({exc.strerror or exc}); "
                                  "run `coomet-lab repo verify`") from None
        if sha256_hex(data) != sha256:
            raise RepositoryError(f"stored file {sha256} has been changed on disk; run `coomet-lab repo verify`")
        return data

    @staticmethod
    def _certificate(conn: Connection, certificate_id: int) -> CertificateRecord:
        row = conn.execute(select(schema.certificates).where(schema.certificates.c.id == certificate_id)
                           ).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="certificate", key=certificate_id)
        return CertificateRecord.from_row(row)

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Full-text search over number, customer, item, serial, type, dates, standards and issuer."""
        with self._read() as conn:
            return [SearchHit.from_row(r) for r in self._search.search(conn, text, limit)]

    # ----------------------------------------------------------------------------------- import & export

    def import_files(self, paths: Iterable[str | os.PathLike[str]], *, who: str,
                     verify_signature: SignatureVerifier | None = None,
                     inspect_file: FileInspector | None = None) -> list[ImportOutcome]:
        """Store DCCs (any 3.x) and PDF twins received from others; one outcome per file, each all-or-nothing.

        ``inspect_file`` (see :func:`coomet_lab.intake.inspection.file_inspector`) judges the whole file — for a twin its
        PAdES signature, embedded DCC and pages — and takes the place of ``verify_signature`` (the XML alone)."""
        outcomes = []
        for path in paths:
            source = str(path)
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                outcomes.append(ImportOutcome(source, "refused", f"cannot read the file ({exc.strerror or exc})"))
                continue
            outcomes.append(self.import_bytes(data, source=source, who=who, verify_signature=verify_signature,
                                              inspect_file=inspect_file))
        return outcomes

    def import_bytes(self, data: bytes, *, source: str, who: str,
                     verify_signature: SignatureVerifier | None = None,
                     inspect_file: FileInspector | None = None) -> ImportOutcome:
        """One received file. A twin is stored with the verdict of the whole twin; it is attached to an existing
        record only when that verdict is ``valid`` (a forged twin must never travel with a genuine record)."""
        try:
            incoming = read_incoming(data, source=source)
        except UnusableInputError as exc:
            return ImportOutcome(source, "refused", str(exc))
        if inspect_file is not None:
            verdict = file_verdict(data, source, inspect_file)
        else:
            verdict = signature_verdict(incoming.xml, incoming.signed, verify_signature)
        number = incoming.fields.unique_identifier
        with self._write(f"cannot import {source}") as tx:
            existing = tx.conn.execute(select(schema.certificates).where(
                schema.certificates.c.xml_sha256 == sha256_hex(incoming.xml))).mappings().first()
            if existing is not None:
                checked = verdict if inspect_file is not None else None
                return self._import_existing(tx, CertificateRecord.from_row(existing), incoming, who, checked)
            cert_id = self._store_certificate(tx, incoming, kind="received", who=who, verdict=verdict,
                                              validation=incoming.validation, source_name=Path(source).name)
            tx.log(Action.IMPORTED, who, f"certificate:{cert_id}",
                   {"number": number, "source": Path(source).name, "xml_sha256": sha256_hex(incoming.xml),
                    "pdf_sha256": sha256_hex(incoming.pdf) if incoming.pdf else None,
                    "validation": incoming.validation, "signature": verdict[0]},
                   [(schema.certificates, cert_id)])
            self._link_calibrations(tx, cert_id, incoming, who)
        return ImportOutcome(source, "imported", f"stored as #{cert_id} ({incoming.validation}; signature: "
                             f"{verdict[0]})", cert_id, number, incoming.validation, verdict[0])

    def _import_existing(self, tx: _Tx, record: CertificateRecord, incoming: Incoming, who: str,
                         checked: tuple[str, str] | None = None) -> ImportOutcome:
        where = f"already stored as #{record.id} ({record.kind})"
        if incoming.pdf is None or record.pdf_sha256 == sha256_hex(incoming.pdf):
            return ImportOutcome(incoming.source, "duplicate", where, record.id, record.unique_identifier,
                                 record.validation, record.signature_verdict)
        if record.pdf_sha256 is not None or record.kind != "received":
            return ImportOutcome(incoming.source, "refused", f"{where} with a different PDF twin",
                                 record.id, record.unique_identifier)
        if checked is not None and checked[0] != "valid":
            return ImportOutcome(incoming.source, "refused", f"the PDF twin is {checked[0]} ({checked[1]}); it is "
                                 f"not attached to #{record.id}", record.id, record.unique_identifier,
                                 record.validation, checked[0])
        pdf_sha = self._put_file(tx, incoming.pdf, "application/pdf")
        tx.conn.execute(schema.certificates.update().where(schema.certificates.c.id == record.id)
                        .values(pdf_sha256=pdf_sha))
        tx.log(Action.TWIN_ATTACHED, who, f"certificate:{record.id}", {"pdf_sha256": pdf_sha},
               [(schema.certificates, record.id)])
        return ImportOutcome(incoming.source, "twin attached", f"PDF twin added to #{record.id}", record.id,
                             record.unique_identifier, record.validation, record.signature_verdict)

    def _link_calibrations(self, tx: _Tx, cert_id: int, incoming: Incoming, who: str) -> None:
        """A received DCC that is the certificate of a registered calibration becomes that calibration's DCC."""
        cal, std = schema.standard_calibrations, schema.standards
        candidates = tx.conn.execute(
            select(cal.c.id, std.c.serial).join(std, std.c.id == cal.c.standard_id)
            .where(cal.c.certificate_number == incoming.fields.unique_identifier, cal.c.received_id.is_(None))
        ).all()
        for calibration_id, serial in candidates:
            if serial and incoming.fields.serial and serial != incoming.fields.serial:
                continue
            tx.conn.execute(cal.update().where(cal.c.id == calibration_id).values(received_id=cert_id))
            tx.log(Action.RECORD_CHANGED, who, f"standard_calibrations:{calibration_id}",
                   {"received_id": cert_id}, [(cal, calibration_id)])

    def export(self, *, certificate_id: int, directory: str | os.PathLike[str], who: str,
               inspect_file: FileInspector | None = None) -> ExportResult:
        """Write the stored XML (and PDF twin) into ``directory``, byte-identical; logged as "exported".

        A twin is handed out only when its verdict is ``valid``: the stored verdict of a received one, and (with
        ``inspect_file``) its verdict now. A withheld twin is named in the result's ``withheld`` and the log."""
        record = self.get_certificate(certificate_id)
        xml, pdf = self.certificate_bytes(certificate_id)
        withheld = self._twin_withheld(record, pdf, inspect_file) if pdf is not None else None
        folder = Path(directory)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, f"cannot create {folder}") from exc
        stem = safe_file_name(record.unique_identifier)
        written = ExportResult([folder / f"{stem}.xml"])
        write_bytes_atomic(written[0], xml)
        if pdf is not None and withheld is None:
            written.append(folder / f"{stem}.pdf")
            write_bytes_atomic(written[1], pdf)
        written.withheld = withheld
        details: dict[str, Any] = {"number": record.unique_identifier, "files": [p.name for p in written]}
        if withheld:
            details["twin_withheld"] = withheld
        with self._write("cannot record the export") as tx:
            tx.log(Action.EXPORTED, who, f"certificate:{certificate_id}", details)
        return written

    @staticmethod
    def _twin_withheld(record: CertificateRecord, pdf: bytes, inspect_file: FileInspector | None) -> str | None:
        """Why the stored twin must not be handed out (None: it may)."""
        if record.kind != "issued" and record.signature_verdict != "valid":
            return f"the PDF twin's verdict is {record.signature_verdict}"
        if inspect_file is not None:
            verdict, detail = file_verdict(pdf, f"{record.unique_identifier}.pdf", inspect_file)
            if verdict != "valid":
                return f"the PDF twin is {verdict} ({detail})"
        return None

    # ---------------------------------------------------------------------------------------- registries

    def _add_record(self, table: Table, values: dict[str, Any], who: str) -> int:
        with self._write(f"cannot add to {table.name}") as tx:
            stamps = {"created_at": tx.now}
            if "updated_at" in table.c:
                stamps["updated_at"] = tx.now
            key = int(tx.conn.execute(table.insert().values(**values, **stamps)).inserted_primary_key[0])
            tx.log(Action.RECORD_ADDED, who, f"{table.name}:{key}", {}, [(table, key)])
            return key

    def _change_record(self, table: Table, key: int, changes: dict[str, Any], who: str) -> None:
        unknown = set(changes) - {c.name for c in table.columns} | ({"id", "created_at"} & set(changes))
        if unknown:
            raise RepositoryError(f"cannot change {sorted(unknown)} of {table.name}")
        with self._write(f"cannot change {table.name} {key}") as tx:
            stamp = {"updated_at": tx.now} if "updated_at" in table.c else {}
            if tx.conn.execute(table.update().where(table.c.id == key).values(**changes, **stamp)).rowcount != 1:
                raise RecordNotFoundError(kind=table.name.rstrip("s"), key=key)
            tx.log(Action.RECORD_CHANGED, who, f"{table.name}:{key}", {"changed": sorted(changes)}, [(table, key)])

    def _rows(self, table: Table, order: Any) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [dict(r) for r in conn.execute(select(table).order_by(order)).mappings()]

    def add_customer(self, *, name: str, who: str, address: str | None = None, contact: str | None = None,
                     notes: str | None = None) -> int:
        return self._add_record(schema.customers, {"name": name, "address": address, "contact": contact,
                                                   "notes": notes}, who)

    def update_customer(self, *, customer_id: int, who: str, **changes: Any) -> None:
        self._change_record(schema.customers, customer_id, changes, who)

    def list_customers(self) -> list[dict[str, Any]]:
        return self._rows(schema.customers, schema.customers.c.name)

    def add_person(self, *, name: str, who: str, role: str | None = None, email: str | None = None,
                   key_id: str | None = None) -> int:
        """A person who signs certificates, with the key (fingerprint or token label) they sign with."""
        return self._add_record(schema.persons, {"name": name, "role": role, "email": email, "key_id": key_id}, who)

    def update_person(self, *, person_id: int, who: str, **changes: Any) -> None:
        self._change_record(schema.persons, person_id, changes, who)

    def list_persons(self) -> list[dict[str, Any]]:
        return self._rows(schema.persons, schema.persons.c.name)

    def add_instrument_type(self, *, name: str, who: str, type_code: str | None = None,
                            template: Certificate | None = None) -> int:
        """An instrument type with its certificate template (stored as a certificate document)."""
        return self._add_record(schema.instrument_types, {
            "name": name, "type_code": type_code, "template": dumps(template) if template else None}, who)

    def update_instrument_type(self, *, type_id: int, who: str, template: Certificate | None = None,
                               **changes: Any) -> None:
        if template is not None:
            changes["template"] = dumps(template)
        self._change_record(schema.instrument_types, type_id, changes, who)

    def list_instrument_types(self) -> list[dict[str, Any]]:
        return self._rows(schema.instrument_types, schema.instrument_types.c.name)

    def instrument_template(self, type_id: int) -> Certificate | None:
        from coomet_lab.dcc.io.document import loads

        with self._read() as conn:
            row = conn.execute(select(schema.instrument_types.c.template)
                               .where(schema.instrument_types.c.id == type_id)).first()
        if row is None:
            raise RecordNotFoundError(kind="instrument type", key=type_id)
        return loads(row.template, source=f"instrument type {type_id}") if row.template else None

    def add_standard(self, *, code: str, name: str, who: str, manufacturer: str | None = None,
                     model: str | None = None, serial: str | None = None, measuring_range: str | None = None,
                     notes: str | None = None) -> Standard:
        """Register a reference standard (``code``: the laboratory's own unique identifier for it)."""
        key = self._add_record(schema.standards, {
            "code": code, "name": name, "manufacturer": manufacturer, "model": model, "serial": serial,
            "measuring_range": measuring_range, "notes": notes}, who)
        return self.get_standard(key)

    def update_standard(self, *, standard_id: int, who: str, **changes: Any) -> Standard:
        self._change_record(schema.standards, standard_id, changes, who)
        return self.get_standard(standard_id)

    def get_standard(self, key: int | str) -> Standard:
        column = schema.standards.c.id if isinstance(key, int) else schema.standards.c.code
        with self._read() as conn:
            row = conn.execute(select(schema.standards).where(column == key)).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="standard", key=key)
        return Standard.from_row(row)

    def list_standards(self) -> list[Standard]:
        return [Standard.from_row(r) for r in self._rows(schema.standards, schema.standards.c.code)]

    def add_calibration(self, *, standard_id: int, certificate_number: str, issuer: str, calibration_date: str,
                        due_date: str, who: str, received_id: int | None = None) -> Calibration:
        """Record a calibration of a standard; ``received_id`` links its DCC (imported, kept with its verdict)."""
        if not (_is_date(calibration_date) and _is_date(due_date)) or due_date < calibration_date:
            raise RepositoryError(f"calibration dates must be YYYY-MM-DD with the due date ({due_date}) not "
                                  f"before the calibration date ({calibration_date})")
        if received_id is not None and self.get_certificate(received_id).kind != "received":
            raise RepositoryError(f"certificate #{received_id} was not received from a calibration laboratory")
        key = self._add_record(schema.standard_calibrations, {
            "standard_id": standard_id, "certificate_number": certificate_number, "issuer": issuer,
            "calibration_date": calibration_date, "due_date": due_date, "received_id": received_id}, who)
        return self.calibrations_of(standard_id, only=key)[0]

    def calibrations_of(self, standard_id: int, *, only: int | None = None) -> list[Calibration]:
        cal = schema.standard_calibrations
        query = select(cal).where(cal.c.standard_id == standard_id).order_by(cal.c.calibration_date.desc())
        if only is not None:
            query = query.where(cal.c.id == only)
        with self._read() as conn:
            return [Calibration.from_row(r) for r in conn.execute(query).mappings()]

    # -------------------------------------------------------------------------------------- traceability

    def check_traceability(self, certificate: Certificate, *, on_date: str | dt.date | None = None
                           ) -> TraceabilityReport:
        """Each measuring equipment: known, calibrated on the calibration date, certificate present."""
        with self._read() as conn:
            return traceability.check(conn, certificate, on_date)

    def fill_equipment(self, certificate: Certificate, *, on_date: str | dt.date | None = None
                       ) -> TraceabilityReport:
        """Fill each traceable equipment's ``certificate`` from the register (changes ``certificate`` in place)."""
        with self._read() as conn:
            return traceability.fill_equipment(conn, certificate, on_date)

    # --------------------------------------------------------------------------------------------- audit

    def log_event(self, *, action: str, who: str, subject: str = "", details: dict[str, Any] | None = None) -> int:
        """Append an entry for something done outside the repository (e.g. ``Action.KEY_USED`` when signing)."""
        if not action or not who:
            raise RepositoryError("an audit entry needs an action and who did it")
        with self._write("cannot write the audit trail") as tx:
            tx.log(action, who, subject, details)
        assert tx.head is not None
        return tx.head[0]

    def audit_head(self) -> tuple[int, str]:
        with self._read() as conn:
            return audit.head(conn)

    def audit_entries(self, *, since: int = 0, limit: int | None = None, subject: str | None = None
                      ) -> list[AuditEntry]:
        log = schema.audit_log
        query = select(log).where(log.c.seq > since).order_by(log.c.seq)
        if subject:
            query = query.where(log.c.subject == subject)
        if limit:
            query = query.limit(limit)
        with self._read() as conn:
            return [audit.entry_from_row(r) for r in conn.execute(query)]

    def verify(self, *, check_files: bool = True, anchors: Iterable[tuple[int, str]] = ()) -> VerifyReport:
        """Walk the audit chain, every audited unit and every stored file; report anything changed or missing.
        ``anchors``: heads (seq, hash) kept outside the repository that the chain must still contain."""
        from coomet_lab.repository.integrity import verify_repository

        return verify_repository(self, check_files=check_files, anchors=anchors)

    def repository_id(self) -> str:
        with self._read() as conn:
            return str(conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "repository_id")
                                    ).scalar_one_or_none() or "")

    def orphan_files(self, *, older_than: float = 0.0) -> list[str]:
        """Stored files no row names (left by a crash between writing a file and committing its row)."""
        import time

        with self._read() as conn:
            known = set(conn.execute(select(schema.files.c.sha256)).scalars())
        cutoff = time.time() - older_than
        orphans = []
        for digest in self.files.iter_hashes():
            if digest in known:
                continue
            with contextlib.suppress(OSError):
                if self.files.path_of(digest).stat().st_mtime <= cutoff:
                    orphans.append(digest)
        return sorted(orphans)

    def remove_orphans(self, *, who: str, older_than: float = ORPHAN_GRACE_SECONDS) -> list[str]:
        """Delete orphan files older than ``older_than`` seconds (younger ones may belong to a write in progress)."""
        with self._write("cannot remove orphan files") as tx:
            # Under the write lock no other writer is between writing a file and committing its row.
            known = set(tx.conn.execute(select(schema.files.c.sha256)).scalars())
            orphans = [d for d in self.orphan_files(older_than=older_than) if d not in known]
            self.files.remove(orphans)
            self.files.remove_temporaries(older_than=older_than)
            if orphans:
                tx.log(Action.ORPHANS_REMOVED, who, "files", {"sha256": orphans})
        return orphans

    # -------------------------------------------------------------------------------------------- backup

    def backup(self, destination: str | os.PathLike[str], *, who: str) -> dict[str, Any]:
        """One archive (database snapshot + files + SHA-256 manifest), consistent while the app keeps working."""
        from coomet_lab.repository.backup import make_backup

        return make_backup(self, Path(destination), who=who)

    @staticmethod
    def restore(archive: str | os.PathLike[str], *, who: str, root: str | os.PathLike[str] | None = None,
                force: bool = False) -> dict[str, Any]:
        """Replace the repository in ``root`` with a backup, after verifying the archive completely.

        Refuses a non-empty repository unless ``force`` (the old one is then kept beside it, renamed) and one that
        an application instance holds open.
        """
        from coomet_lab.repository.backup import restore_backup

        return restore_backup(archive, root=Path(root) if root is not None else default_root(), who=who, force=force)


@dataclass(frozen=True)
class IssueItem:
    """One certificate of a batch for :meth:`Repository.issue_many`: the typed results signing and the twin gave."""

    draft_id: int
    signed: Any  # coomet_lab.trust.SignedDocument
    twin: Any = None  # coomet_lab.twin.make.Twin made from it
    override_reason: str | None = None


class ExportResult(list):
    """The files :meth:`Repository.export` wrote (a list of paths), and why a twin was withheld, if it was."""

    withheld: str | None = None


def read_head(path: Path) -> tuple[int, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data["seq"]), str(data["hash"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return (-1, "")


def safe_file_name(text: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_.+" else "_" for ch in text).strip("._")
    return cleaned or "certificate"


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return len(text) == 10
