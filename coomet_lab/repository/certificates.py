"""``repo.certificates``: issued and received certificates — issue, amend, import, export, find, open, search.

An issued certificate is the exact signed bytes (and the PDF twin) with their SHA-256; it is never changed, only
replaced by an identified amendment. Received certificates keep their validation and signature verdicts.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, func, select

from coomet_lab.dcc.io.document import dumps
from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.errors import (
    AmendmentError,
    CoometLabError,
    RecordNotFoundError,
    RepositoryError,
    UnusableInputError,
)
from coomet_lab.quantities.numbers import whole_number
from coomet_lab.repository import issuing, migrations, schema
from coomet_lab.repository.amendment import amendment_identifier, make_amendment
from coomet_lab.repository.audit import Action
from coomet_lab.repository.drafts import draft_row, insert_draft
from coomet_lab.repository.engine import storage_error
from coomet_lab.repository.filestore import sha256_hex
from coomet_lab.repository.importing import (
    FileInspector,
    Incoming,
    SignatureVerifier,
    file_verdict,
    read_incoming,
    signature_verdict,
)
from coomet_lab.repository.issuing import IssueItem, Prepared
from coomet_lab.repository.records import CertificateRecord, Draft, ImportOutcome, SearchHit, certificate_row
from coomet_lab.repository.store import Store, Tx


class ExportResult(list):
    """The files ``repo.certificates.export`` wrote (a list of paths), and why a twin was withheld, if it was."""

    withheld: str | None = None


class Certificates:
    """``repo.certificates``: get, find, list, count, bytes, open, search; issue, issue_many, amend,
    set_amendment_pattern; import_files, import_bytes, export."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ----------------------------------------------------------------------------------- stored records

    def get(self, certificate_id: int) -> CertificateRecord:
        with self.store.read() as conn:
            return certificate_row(conn, certificate_id)

    def find(self, key: str | int) -> CertificateRecord:
        """A certificate by ``#id`` or by number (an issued one first, else the latest received); a plain number
        that no certificate carries is tried as an id."""
        text = str(key).strip()
        certs = schema.certificates
        with self.store.read() as conn:
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

    def list(self, *, kind: str | None = None, status: str | None = None, limit: int = 100,
             offset: int = 0) -> builtins.list[CertificateRecord]:
        """Newest first."""
        query = select(schema.certificates).order_by(schema.certificates.c.id.desc()).limit(limit).offset(offset)
        if kind:
            query = query.where(schema.certificates.c.kind == kind)
        if status:
            query = query.where(schema.certificates.c.status == status)
        with self.store.read() as conn:
            return [CertificateRecord.from_row(r) for r in conn.execute(query).mappings()]

    def count(self, *, kind: str | None = None) -> int:
        query = select(func.count()).select_from(schema.certificates)
        if kind:
            query = query.where(schema.certificates.c.kind == kind)
        with self.store.read() as conn:
            return int(conn.execute(query).scalar_one())

    def bytes(self, certificate_id: int) -> tuple[builtins.bytes, builtins.bytes | None]:
        """The stored XML and PDF twin, checked against their SHA-256 (a changed file raises RepositoryError)."""
        record = self.get(certificate_id)
        xml = self.store.verified_bytes(record.xml_sha256)
        pdf = self.store.verified_bytes(record.pdf_sha256) if record.pdf_sha256 else None
        return xml, pdf

    def open(self, certificate_id: int) -> tuple[CertificateRecord, Certificate]:
        """The record and its certificate read from the stored (verified) XML."""
        from coomet_lab.dcc.io.reader import read_certificate_bytes

        record = self.get(certificate_id)
        data = self.store.verified_bytes(record.xml_sha256)
        return record, read_certificate_bytes(data, large=True, source=record.unique_identifier)

    def same_number(self, certificate_ids: Iterable[int]) -> dict[int, builtins.list[tuple[int, str]]]:
        """For each given certificate, the others stored with the same number, as (id, kind): two received
        certificates, or a received and an issued one, that share a ``uniqueIdentifier`` with other content."""
        ids = sorted(set(certificate_ids))
        found: dict[int, builtins.list[tuple[int, str]]] = {}
        if not ids:
            return found
        with self.store.read() as conn:
            for chunk in range(0, len(ids), 500):
                for mine, other, kind in conn.execute(_same_number_query(ids[chunk:chunk + 500])):
                    found.setdefault(mine, []).append((other, kind))
        return found

    def search(self, text: str, *, limit: int = 50) -> builtins.list[SearchHit]:
        """Full-text search over number, customer, item, serial, type, dates, standards and issuer."""
        with self.store.read() as conn:
            return [SearchHit.from_row(r) for r in self.store.search_backend.search(conn, text, limit)]

    # ---------------------------------------------------------------------------------------------- issue

    def issue(self, *, draft_id: int, signed_xml: builtins.bytes | None = None, who: str,
              pdf: builtins.bytes | None = None, override_reason: str | None = None, key_id: str | None = None,
              verify_signature: SignatureVerifier | None = None, signed: Any = None, twin: Any = None,
              ) -> CertificateRecord:
        """Store the signed bytes of a draft as an issued certificate (and its PDF twin), immutably.

        Refuses XML that is invalid or not the draft's certificate, a twin whose embedded ``dcc.xml`` differs, a
        broken signature, an amendment that does not name what it replaces, and untraceable standards unless
        ``override_reason`` is given (recorded with ``who``).

        ``signed`` (a :class:`~coomet_lab.trust.SignedDocument`) and ``twin`` (the
        :class:`~coomet_lab.twin.make.Twin` made from it by ``make_signed_twin``) are stored as signing proved them:
        nothing is parsed, validated or verified again. Bytes given as ``signed_xml`` are checked in full.
        """
        prepared = issuing.prepare(draft_id=draft_id, signed_xml=signed_xml, pdf=pdf, signed=signed, twin=twin,
                                   key_id=key_id, verify_signature=verify_signature)
        with self.store.write("cannot issue the certificate") as tx:
            return issuing.issue_in(self.store, tx, draft_id, prepared, who, override_reason)

    def issue_many(self, items: Iterable[IssueItem], *, who: str) -> builtins.list[CertificateRecord | CoometLabError]:
        """Several typed issues (``IssueItem``: a SignedDocument and its twin) in one write transaction: one
        commit and one audit-head write for the lot, the batch's store step. Each item stays all-or-nothing on its
        own (a savepoint): a refused one leaves no row and no audit entry and is returned as its error, in place."""
        items = [*items]
        prepared: builtins.list[Prepared | CoometLabError] = []
        for item in items:
            try:
                prepared.append(issuing.prepare(draft_id=item.draft_id, signed_xml=None, pdf=None, signed=item.signed,
                                                twin=item.twin, key_id=None, verify_signature=None))
            except CoometLabError as exc:
                prepared.append(exc)
        results: builtins.list[CertificateRecord | CoometLabError] = []
        with self.store.write("cannot issue the certificates") as tx:
            for item, ready in zip(items, prepared, strict=True):
                if isinstance(ready, CoometLabError):
                    results.append(ready)
                    continue
                logged = len(tx.entries)
                savepoint = tx.conn.begin_nested()
                try:
                    record = issuing.issue_in(self.store, tx, item.draft_id, ready, who, item.override_reason)
                except CoometLabError as exc:
                    savepoint.rollback()
                    del tx.entries[logged:]
                    results.append(exc)
                    continue
                savepoint.commit()
                results.append(record)
        return results

    # --------------------------------------------------------------------------------------------- amend

    def amend(self, *, certificate_id: int, who: str, change: str = "amended") -> Draft:
        """A draft of the amendment replacing an issued certificate (new identifier, previousReport with hash)."""
        with self.store.write("cannot start the amendment") as tx:
            record = certificate_row(tx.conn, certificate_id)
            if record.kind != "issued":
                raise AmendmentError(f"{record.unique_identifier} was received from another laboratory; "
                                     "only certificates issued here can be amended")
            if record.status != "current":
                successor = certificate_row(tx.conn, record.replaced_by_id)  # type: ignore[arg-type]
                raise AmendmentError(f"{record.unique_identifier} has already been replaced by "
                                     f"{successor.unique_identifier}; amend that one instead")
            open_draft = tx.conn.execute(select(schema.drafts.c.id).where(
                schema.drafts.c.amends_id == certificate_id, schema.drafts.c.status == "open")).first()
            if open_draft:
                raise AmendmentError(f"an amendment of {record.unique_identifier} is already being prepared "
                                     f"(draft {open_draft.id})")
            new_number = _amendment_number(tx.conn, record)
            from coomet_lab.dcc.io.reader import read_certificate_bytes

            original = read_certificate_bytes(self.store.verified_bytes(record.xml_sha256), large=True,
                                              source=record.unique_identifier)
            amendment = make_amendment(original, replaced_sha256=record.xml_sha256, new_identifier=new_number,
                                       change=change)
            draft_id = insert_draft(tx, dumps(amendment), new_number, who, amends_id=certificate_id)
            tx.log(Action.DRAFT_CREATED, who, f"draft:{draft_id}",
                   {"number": new_number, "amends": {"id": record.id, "number": record.unique_identifier}})
            return draft_row(tx.conn, draft_id)

    def set_amendment_pattern(self, *, pattern: str, who: str) -> None:
        """The identifier pattern of amendments: ``{base}`` is the first certificate's number, ``{n}`` the depth."""
        try:
            pattern.format(base="X", n=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise RepositoryError(f"amendment pattern {pattern!r} may use only {{base}} and {{n}} ({exc})") from None
        if "{n" not in pattern:
            raise RepositoryError(f"amendment pattern {pattern!r} must contain {{n}}")
        with self.store.write("cannot change the amendment pattern") as tx:
            tx.conn.execute(schema.meta.update().where(schema.meta.c.key == "amendment_pattern")
                            .values(value=pattern))
            tx.log(Action.RECORD_CHANGED, who, "meta:amendment_pattern", {"pattern": pattern},
                   [(schema.meta, "amendment_pattern")])

    # ----------------------------------------------------------------------------------- import & export

    def import_files(self, paths: Iterable[str | os.PathLike[str]], *, who: str,
                     verify_signature: SignatureVerifier | None = None,
                     inspect_file: FileInspector | None = None) -> builtins.list[ImportOutcome]:
        """Store DCCs (any 3.x) and PDF twins received from others; one outcome per file, each all-or-nothing.

        ``inspect_file`` (see :func:`coomet_lab.intake.inspection.file_inspector`) judges the whole file — for a
        twin its PAdES signature, embedded DCC and pages — and takes the place of ``verify_signature`` (the XML
        alone)."""
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

    def import_bytes(self, data: builtins.bytes, *, source: str, who: str,
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
        with self.store.write(f"cannot import {source}") as tx:
            existing = tx.conn.execute(select(schema.certificates).where(
                schema.certificates.c.xml_sha256 == sha256_hex(incoming.xml))).mappings().first()
            if existing is not None:
                checked = verdict if inspect_file is not None else None
                return self._import_existing(tx, CertificateRecord.from_row(existing), incoming, who, checked)
            cert_id = issuing.store_certificate(self.store, tx, incoming, kind="received", who=who, verdict=verdict,
                                                validation=incoming.validation, source_name=Path(source).name)
            tx.log(Action.IMPORTED, who, f"certificate:{cert_id}",
                   {"number": number, "source": Path(source).name, "xml_sha256": sha256_hex(incoming.xml),
                    "pdf_sha256": sha256_hex(incoming.pdf) if incoming.pdf else None,
                    "validation": incoming.validation, "signature": verdict[0]},
                   [(schema.certificates, cert_id)])
            _link_calibrations(tx, cert_id, incoming, who)
            others = [(other, kind) for _, other, kind in tx.conn.execute(_same_number_query([cert_id]))]
        message = f"stored as #{cert_id} ({incoming.validation}; signature: {verdict[0]})"
        if others:
            # The same file again is a duplicate (above); this is another certificate carrying the same number.
            message += f"; warning: number {number} also used by {used_by(others)}"
        return ImportOutcome(source, "imported", message, cert_id, number, incoming.validation, verdict[0],
                             tuple(other for other, _ in others))

    def _import_existing(self, tx: Tx, record: CertificateRecord, incoming: Incoming, who: str,
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
        pdf_sha = self.store.put_file(tx, incoming.pdf, "application/pdf")
        tx.conn.execute(schema.certificates.update().where(schema.certificates.c.id == record.id)
                        .values(pdf_sha256=pdf_sha))
        tx.log(Action.TWIN_ATTACHED, who, f"certificate:{record.id}", {"pdf_sha256": pdf_sha},
               [(schema.certificates, record.id)])
        return ImportOutcome(incoming.source, "twin attached", f"PDF twin added to #{record.id}", record.id,
                             record.unique_identifier, record.validation, record.signature_verdict)

    def export(self, *, certificate_id: int, directory: str | os.PathLike[str], who: str,
               inspect_file: FileInspector | None = None) -> ExportResult:
        """Write the stored XML (and PDF twin) into ``directory``, byte-identical; logged as "exported".

        A twin is handed out only when its verdict is ``valid``: the stored verdict of a received one, and (with
        ``inspect_file``) its verdict now. A withheld twin is named in the result's ``withheld`` and the log."""
        record = self.get(certificate_id)
        xml, pdf = self.bytes(certificate_id)
        withheld = _twin_withheld(record, pdf, inspect_file) if pdf is not None else None
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
        with self.store.write("cannot record the export") as tx:
            tx.log(Action.EXPORTED, who, f"certificate:{certificate_id}", details)
        return written


def used_by(others: Iterable[tuple[int, str]]) -> str:
    """``#4 (received), #1 (issued)``: the other certificates that carry a number."""
    return ", ".join(f"#{other} ({kind})" for other, kind in others)


def _same_number_query(ids: builtins.list[int]) -> Select[int, int, str]:
    mine, other = schema.certificates.alias("mine"), schema.certificates.alias("other")
    return (select(mine.c.id, other.c.id, other.c.kind)
            .join(other, (other.c.unique_identifier == mine.c.unique_identifier) & (other.c.id != mine.c.id))
            .where(mine.c.id.in_(ids)).order_by(mine.c.id, other.c.id))


def safe_file_name(text: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_.+" else "_" for ch in text).strip("._")
    return cleaned or "certificate"


def _amendment_number(conn: Connection, record: CertificateRecord) -> str:
    depth, root = 1, record
    while root.amends_id is not None:
        root = certificate_row(conn, root.amends_id)
        depth += 1
    pattern = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "amendment_pattern")
                           ).scalar_one_or_none() or migrations.DEFAULT_AMENDMENT_PATTERN
    taken: set[str] = set(conn.execute(select(schema.certificates.c.unique_identifier).where(
        schema.certificates.c.kind == "issued")).scalars())
    taken |= set(conn.execute(select(schema.drafts.c.unique_identifier).where(
        schema.drafts.c.status == "open")).scalars())
    return amendment_identifier(pattern, base=root.unique_identifier, n=depth, taken=taken)


def _link_calibrations(tx: Tx, cert_id: int, incoming: Incoming, who: str) -> None:
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


def _twin_withheld(record: CertificateRecord, pdf: bytes, inspect_file: FileInspector | None) -> str | None:
    """Why the stored twin must not be handed out (None: it may)."""
    if record.kind != "issued" and record.signature_verdict != "valid":
        return f"the PDF twin's verdict is {record.signature_verdict}"
    if inspect_file is not None:
        verdict, detail = file_verdict(pdf, f"{record.unique_identifier}.pdf", inspect_file)
        if verdict != "valid":
            return f"the PDF twin is {verdict} ({detail})"
    return None
