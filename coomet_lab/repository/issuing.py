"""Issuing: what is checked before the write lock is taken, and the issue itself inside a write transaction.

Also the one way a certificate's bytes, row and search entry are stored (``store_certificate``), shared with
the import of received certificates.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from coomet_lab.kernel.errors import IssueRefusedError, TraceabilityBlockedError, UnusableInputError
from coomet_lab.repository import schema, traceability
from coomet_lab.repository.amendment import check_amendment
from coomet_lab.repository.audit import Action
from coomet_lab.repository.drafts import draft_row
from coomet_lab.repository.filestore import sha256_hex
from coomet_lab.repository.importing import (
    Incoming,
    SignatureVerifier,
    embedded_dcc,
    is_pdf,
    read_incoming,
    signature_verdict,
)
from coomet_lab.repository.records import CertificateRecord, Draft, certificate_row
from coomet_lab.repository.store import Store, Tx
from coomet_lab.repository.traceability import TraceabilityReport

Prepared = tuple[Incoming, tuple[str, str], str | None]  # what is stored, its signature verdict, the key used


@dataclass(frozen=True)
class IssueItem:
    """One certificate of a batch for ``repo.certificates.issue_many``: the typed results signing and the twin
    gave."""

    draft_id: int
    signed: Any  # coomet_lab.trust.SignedDocument
    twin: Any = None  # coomet_lab.twin.make.Twin made from it
    override_reason: str | None = None


def prepare(*, draft_id: int, signed_xml: bytes | None, pdf: bytes | None, signed: Any, twin: Any,
            key_id: str | None, verify_signature: SignatureVerifier | None) -> Prepared:
    """What is to be stored and its signature verdict, checked before the write lock is taken."""
    if signed is not None:
        incoming = _issuable_signed(signed, twin, pdf, signed_xml, draft_id)
        verdict, detail = signed.report.verdict, signed.report.summary()
        key_id = key_id or signed.signer_fingerprint[:16]
    else:
        if signed_xml is None:
            raise IssueRefusedError("nothing to issue: give the signed XML")
        incoming = _issuable(signed_xml, twin.pdf if twin is not None else pdf, draft_id)
        verdict, detail = signature_verdict(signed_xml, incoming.signed, verify_signature)
    if verdict == "invalid":
        raise IssueRefusedError(f"the XML signature is invalid ({detail})")
    return incoming, (verdict, detail), key_id


def issue_in(store: Store, tx: Tx, draft_id: int, prepared: Prepared, who: str,
             override_reason: str | None) -> CertificateRecord:
    """The issue itself, inside the caller's write transaction."""
    incoming, verdict, key_id = prepared
    draft = draft_row(tx.conn, draft_id)
    number = incoming.fields.unique_identifier
    _check_issuable_draft(tx.conn, draft, number)
    replaced = _check_replaced(tx.conn, draft, incoming) if draft.amends_id else None
    report = traceability.check(tx.conn, incoming.certificate)
    if report.blocked and not (override_reason and override_reason.strip() and who):
        error = TraceabilityBlockedError(report.summary())
        error.report = report  # type: ignore[attr-defined]
        raise error
    cert_id = store_certificate(store, tx, incoming, kind="issued", who=who, validation=incoming.validation,
                                verdict=verdict, amends_id=draft.amends_id,
                                draft_id=draft_id, source_name=f"draft {draft_id}")
    _record_traceability(tx.conn, cert_id, report)
    tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id).values(
        status="issued", certificate_id=cert_id, updated_at=tx.now))
    _log_issue(tx, who, cert_id, incoming, report, override_reason, key_id, replaced)
    return certificate_row(tx.conn, cert_id)


def store_certificate(store: Store, tx: Tx, incoming: Incoming, *, kind: str, who: str, validation: str,
                      verdict: tuple[str, str], source_name: str, amends_id: int | None = None,
                      draft_id: int | None = None) -> int:
    """The certificate's files, its row and its search entry; its id."""
    xml_sha = store.put_file(tx, incoming.xml, "application/xml")
    pdf_sha = store.put_file(tx, incoming.pdf, "application/pdf") if incoming.pdf else None
    values = incoming.fields.columns()
    result = tx.conn.execute(schema.certificates.insert().values(
        kind=kind, status="current", xml_sha256=xml_sha, pdf_sha256=pdf_sha, validation=validation,
        signature_verdict=verdict[0], signature_detail=verdict[1], amends_id=amends_id, draft_id=draft_id,
        source_name=source_name, stored_at=tx.now, stored_by=who, **values))
    key = result.inserted_primary_key
    assert key is not None
    cert_id = int(key[0])
    store.search_backend.index(tx.conn, cert_id, values)
    return cert_id


def _issuable(signed_xml: bytes, pdf: bytes | None, draft_id: int) -> Incoming:
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
        _check_twin_embeds(pdf, signed_xml)
    return dataclasses.replace(incoming, pdf=pdf)


def _check_twin_embeds(pdf: bytes, xml: bytes) -> None:
    if not is_pdf(pdf):
        raise IssueRefusedError("the PDF twin is not a PDF")
    try:
        embedded = embedded_dcc(pdf, "the PDF twin")
    except UnusableInputError as exc:
        raise IssueRefusedError(str(exc)) from None
    if embedded != xml:
        raise IssueRefusedError("the PDF twin embeds a different dcc.xml than the signed XML being issued")


def _issuable_signed(signed: Any, twin: Any, pdf: bytes | None, signed_xml: bytes | None, draft_id: int) -> Incoming:
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
        _check_twin_embeds(pdf, signed.xml)
    certificate = signed.certificate()
    if not certificate.unique_identifier:
        raise IssueRefusedError(f"draft {draft_id}: the DCC has no uniqueIdentifier")
    return Incoming(source=f"draft {draft_id}", xml=signed.xml, pdf=pdf, certificate=certificate,
                    fields=index_fields(certificate), validation="valid", errors=(), signed=True)


def _check_issuable_draft(conn: Connection, draft: Draft, number: str) -> None:
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


def _check_replaced(conn: Connection, draft: Draft, incoming: Incoming) -> CertificateRecord:
    replaced = certificate_row(conn, draft.amends_id)  # type: ignore[arg-type]
    if replaced.status != "current":
        raise IssueRefusedError(f"{replaced.unique_identifier} has already been replaced")
    check_amendment(incoming.certificate, replaced_identifier=replaced.unique_identifier,
                    replaced_sha256=replaced.xml_sha256)
    return replaced


def _log_issue(tx: Tx, who: str, cert_id: int, incoming: Incoming, report: TraceabilityReport,
               override_reason: str | None, key_id: str | None, replaced: CertificateRecord | None) -> None:
    subject = f"certificate:{cert_id}"
    number = incoming.fields.unique_identifier
    if key_id:
        tx.log(Action.KEY_USED, who, subject, {"key": key_id, "number": number})
    if report.blocked:
        tx.log(Action.OVERRIDE, who, subject, {"number": number, "reason": (override_reason or "").strip(),
                                               "findings": [f.message for f in report.blocking()]})
    rows: list[tuple[Table, Any]] = [(schema.certificates, cert_id), (schema.certificate_standards, cert_id)]
    if replaced is not None:
        tx.conn.execute(schema.certificates.update().where(schema.certificates.c.id == replaced.id)
                        .values(status="replaced", replaced_by_id=cert_id))
        rows.append((schema.certificates, replaced.id))
    details: dict[str, Any] = {"number": number, "xml_sha256": sha256_hex(incoming.xml),
                               "pdf_sha256": sha256_hex(incoming.pdf) if incoming.pdf else None,
                               "traceability": [f.status for f in report.findings]}
    if replaced is not None:
        details["replaces"] = {"id": replaced.id, "number": replaced.unique_identifier}
    tx.log(Action.AMENDED if replaced else Action.ISSUED, who, subject, details, rows)


def _record_traceability(conn: Connection, cert_id: int, report: TraceabilityReport) -> None:
    rows = [{"certificate_id": cert_id, "position": f.position, "equipment": f.equipment,
             "standard_id": f.standard_id, "calibration_id": f.calibration_id, "status": f.status}
            for f in report.findings]
    if rows:
        conn.execute(schema.certificate_standards.insert(), rows)
