"""Use cases the desktop application calls (from a background thread): the only API ``ui`` needs from the core
besides the model, the field specs and the tables."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coomet_lab.dcc.io import document as documents
from coomet_lab.dcc.model import Certificate, Text
from coomet_lab.kernel.config import LabSettings
from coomet_lab.kernel.paths import shipped_dir

if TYPE_CHECKING:
    from coomet_lab.repository import CertificateRecord


@dataclass
class Template:
    path: Path
    names: dict[str, str]
    instrument_type: str

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.path.stem


def templates() -> list[Template]:
    """The instrument-type templates shipped with the application (``resources/templates/index.json``)."""
    folder = shipped_dir("resources") / "templates"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [Template(folder / entry["file"], entry["name"], entry.get("type", "")) for entry in index["templates"]]


def new_from_template(source: Path | Certificate, settings: LabSettings, today: dt.date | None = None
                      ) -> Certificate:
    """A new certificate from a template or an earlier certificate: today's dates, the next number, our lab.

    ``source`` is a file (certificate document or DCC) or a certificate already loaded, e.g. an instrument-type
    template kept in the repository; a loaded one is copied, never changed.
    """
    if isinstance(source, Certificate):
        certificate = documents.loads(documents.dumps(source))
    else:
        certificate = documents.load_document(source) if source.suffix == ".json" else _from_dcc(source)
    day = (today or dt.date.today()).isoformat()
    assert certificate.administrative_data is not None and certificate.administrative_data.core_data is not None
    core = certificate.administrative_data.core_data
    core.begin_performance_date = core.end_performance_date = core.issue_date = day
    core.receipt_date = None
    core.report_amended_substituted = None
    core.previous_report = None
    core.unique_identifier = settings.next_identifier((today or dt.date.today()).year)
    certificate.signatures = []
    if settings.configured:
        apply_lab_identity(certificate, settings)
    return certificate


def _from_dcc(path: Path) -> Certificate:
    from coomet_lab.dcc.io.reader import read_certificate_file

    return read_certificate_file(path)


def apply_lab_identity(certificate: Certificate, settings: LabSettings) -> None:
    """Write the laboratory's own name, accreditation and address (from the settings) into a certificate."""
    from coomet_lab.dcc.editing.fields import FIELDS_BY_KEY

    languages = certificate.languages or ["en"]
    names = {lang: settings.lab_name.get(lang) or next(iter(settings.lab_name.values())) for lang in languages}
    lab_contact = FIELDS_BY_KEY["lab.name"]
    for lang, name in names.items():
        lab_contact.set(certificate, lang, name)
    for key, value in (("lab.code", settings.accreditation), ("lab.street", settings.street),
                       ("lab.street_no", settings.street_no), ("lab.post_code", settings.post_code),
                       ("lab.city", settings.city), ("lab.country", settings.country),
                       ("lab.email", settings.e_mail)):
        FIELDS_BY_KEY[key].set(certificate, None, value)


@dataclass
class IssueResult:
    identifier: str
    signed_xml: bytes
    report: object  # coomet_lab.trust.VerificationReport
    pdf: bytes | None = None
    record: CertificateRecord | None = None
    document: object | None = None  # coomet_lab.trust.SignedDocument (None for a record found already stored)


def signature_verifier(trust=None):  # noqa: ANN001,ANN201
    """The repository's (verdict, detail) view of :func:`coomet_lab.trust.verify_xml` with the lab's anchors."""
    from coomet_lab.trust import verify_xml

    def verify(data: bytes) -> tuple[str, str]:
        report = verify_xml(data, trust=trust, large=True)
        return report.verdict, report.summary()

    return verify


def check_traceability(repository, certificate: Certificate):  # noqa: ANN001,ANN201
    """The traceability of the certificate's reference standards, as issuing will judge it."""
    return repository.standards.check_traceability(certificate)


def issue(certificate: Certificate, signer, *, role: str | None, trust, repository=None,  # noqa: ANN001
          draft_id: int | None = None, who: str = "", override_reason: str | None = None,
          with_pdf: bool = True, pdf_reason: str | None = None) -> IssueResult:
    """Issue a certificate: traceability → sign the DCC → PDF twin signed with the same key → store.

    The traceability check comes first, so a blocked certificate is never signed; an override needs a reason and
    a person and is recorded in the audit trail. The exact signed bytes are kept (never re-serialized).
    """
    from coomet_lab.kernel.errors import TraceabilityBlockedError

    if repository is not None:
        report = repository.standards.fill_equipment(certificate)
        if report.blocked and not (override_reason and override_reason.strip()):
            error = TraceabilityBlockedError(report.summary())
            error.report = report  # type: ignore[attr-defined]
            raise error
    return _issue_checked(certificate, signer, role=role, trust=trust, repository=repository, draft_id=draft_id,
                          who=who, override_reason=override_reason, with_pdf=with_pdf, pdf_reason=pdf_reason)


def _issue_checked(certificate: Certificate, signer, *, role: str | None, trust, repository=None,  # noqa: ANN001
                   draft_id: int | None = None, who: str = "", override_reason: str | None = None,
                   with_pdf: bool = True, pdf_reason: str | None = None) -> IssueResult:
    """Sign → twin → store, each stage taking the typed result of the one before (see
    :mod:`coomet_lab.trust.results`): two XML parses, one XSD run, one signature verification per issue."""
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import sign_document

    identifier = certificate.unique_identifier or "certificate"
    signed = sign_document(to_bytes(certificate), signer, role=role, trust=trust, source=identifier)
    twin = None
    if with_pdf:
        from coomet_lab.twin.make import make_signed_twin

        twin = make_signed_twin(signed, signer=signer, trust=trust, reason=pdf_reason)
    record = None
    if repository is not None and draft_id is not None:
        record = repository.certificates.issue(draft_id=draft_id, signed=signed, twin=twin, who=who,
                                               override_reason=override_reason)
    return IssueResult(identifier, signed.xml, signed.report, twin.pdf if twin else None, record, signed)


@dataclass(frozen=True)
class BatchOutcome:
    """One certificate of :func:`issue_batch`: its record, or the error that refused it (nothing stored then)."""

    draft_id: int
    identifier: str
    record: CertificateRecord | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def issue_batch(drafts, key, secret: str | None, *, trust, repository, who: str,  # noqa: ANN001
                role: str | None = None, workers: int = 2, chunk: int = 50, pdf_reason: str | None = None,
                signer=None) -> list[BatchOutcome]:  # noqa: ANN001
    """Issue many drafts (``[(draft_id, certificate), ...]``): traceability, sign, twin, store.

    Signing and rendering run in a pool of ``workers`` processes when the key is a key file (each process opens
    its own copy of the key; the passphrase travels to them through the pool's pipe, never to a file); a
    PKCS#11 token cannot be shared between processes, so with a token (or an already open ``signer``) it all
    runs here. One writer (this process) stores the results in transactions of ``chunk`` certificates
    (:meth:`~coomet_lab.repository.certificates.Certificates.issue_many`: each certificate still all-or-nothing on
    its own).
    A blocked traceability is refused for that certificate (a batch takes no overrides).
    """
    from coomet_lab.repository.issuing import IssueItem
    from coomet_lab.trust import KeyFile

    drafts = list(drafts)
    # The traceability check runs as the certificates are handed out (in the pool's feeding thread), so it
    # overlaps the workers' start and work instead of delaying them.
    checked = _traceable(drafts, repository)
    if signer is None and isinstance(key, KeyFile) and workers > 1 and len(drafts) > 1:
        results = _pooled_results(checked, key, secret, trust, role, workers, pdf_reason)
    else:
        results = _local_results(checked, signer, key, secret, trust, role, pdf_reason)
    outcomes: list[BatchOutcome] = []
    pending: list[tuple[int, str, tuple]] = []

    def store() -> None:
        items = [IssueItem(draft_id, signed, twin) for draft_id, _, (signed, twin) in pending
                 if not isinstance(signed, Exception)]
        stored = iter(repository.certificates.issue_many(items, who=who) if items else ())
        for draft_id, identifier, (signed, _twin) in pending:
            result = signed if isinstance(signed, Exception) else next(stored)
            outcomes.append(BatchOutcome(draft_id, identifier, error=result) if isinstance(result, Exception)
                            else BatchOutcome(draft_id, identifier, record=result))
        pending.clear()

    for (draft_id, certificate), result in zip(drafts, results, strict=True):
        pending.append((draft_id, certificate.unique_identifier or "", result))
        if len(pending) >= chunk:
            store()
    store()
    return outcomes


@dataclass(frozen=True)
class _Blocked:
    """A certificate of a batch whose standards are not traceable: it is not signed (it travels to a worker as
    this marker, so the results stay in the order of the drafts)."""

    summary: str


def _traceable(drafts, repository):  # noqa: ANN001,ANN202
    for _draft_id, certificate in drafts:
        report = repository.standards.fill_equipment(certificate)
        yield _Blocked(report.summary()) if report.blocked else certificate


def _sign_and_twin(certificate: Certificate | _Blocked, signer, trust, role: str | None,  # noqa: ANN001
                   pdf_reason: str | None):  # noqa: ANN202
    """One certificate's CPU work: sign (typed result) and its signed twin; an error is returned, not raised."""
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.kernel.errors import CoometLabError, TraceabilityBlockedError
    from coomet_lab.trust import sign_document
    from coomet_lab.twin.make import make_signed_twin

    if isinstance(certificate, _Blocked):
        return TraceabilityBlockedError(certificate.summary), None

    identifier = certificate.unique_identifier or "certificate"
    try:
        signed = sign_document(to_bytes(certificate), signer, role=role, trust=trust, source=identifier)
        return signed, make_signed_twin(signed, signer=signer, trust=trust, reason=pdf_reason)
    except CoometLabError as exc:
        return exc, None


def _local_results(certificates, signer, key, secret, trust, role, pdf_reason):  # noqa: ANN001,ANN202
    from coomet_lab.trust import open_signer

    own = signer is None
    signer = signer if signer is not None else open_signer(key, secret)
    try:
        for certificate in certificates:
            yield _sign_and_twin(certificate, signer, trust, role, pdf_reason)
    finally:
        if own:
            signer.close()


_WORKER: dict[str, Any] = {}


def _worker_start(key_path: str, secret: str, trust_folder: str | None, anchors: list[bytes],
                  role: str | None, pdf_reason: str | None) -> None:
    """A pool process: open the key file once, for every certificate this process will sign."""
    from cryptography import x509

    from coomet_lab.trust import KeyFile, TrustStore, open_signer

    _WORKER["signer"] = open_signer(KeyFile(Path(key_path)), secret)
    _WORKER["trust"] = TrustStore(Path(trust_folder) if trust_folder else None,
                                  extra_anchors=[x509.load_der_x509_certificate(a) for a in anchors])
    _WORKER["role"], _WORKER["reason"] = role, pdf_reason


def _worker_issue(certificate: Certificate | _Blocked):  # noqa: ANN202
    return _sign_and_twin(certificate, _WORKER["signer"], _WORKER["trust"], _WORKER["role"], _WORKER["reason"])


def _pooled_results(certificates, key, secret, trust, role, workers, pdf_reason):  # noqa: ANN001,ANN202
    import multiprocessing

    from cryptography.hazmat.primitives import serialization

    from coomet_lab.trust import TrustStore, open_signer

    # Opened here first: a wrong passphrase is reported at once (a pool whose initializer fails restarts its
    # processes for ever instead of failing).
    open_signer(key, secret).close()
    trust = trust if trust is not None else TrustStore()
    anchors = [a.public_bytes(serialization.Encoding.DER) for a in trust.extra_anchors]
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt or hold a database
    with context.Pool(workers, initializer=_worker_start,
                      initargs=(str(key.path), secret, str(trust.folder), anchors, role, pdf_reason)) as pool:
        yield from pool.imap(_worker_issue, certificates, chunksize=4)


def issue_verification(stored_or_record, signer, *, settings: LabSettings, number: str,  # noqa: ANN001
                       issue_date: str, trust, repository=None, who: str = "",  # noqa: ANN001
                       role: str | None = None, fif_record: str = "", languages: list[str] | None = None,
                       head: str = "", head_position: str = "", verification_id: int | None = None,
                       override_reason: str | None = None, today: dt.date | None = None) -> IssueResult:
    """Issue the certificate of verification (fit) or notice of unfitness (unfit) of one verification record.

    ``stored_or_record`` is a :class:`~coomet_lab.jurisdictions.ru.VerificationRecord` or a stored verification
    (whose id is then linked unless ``verification_id`` says otherwise). The record is checked first and refused
    with every error, before anything is signed or stored; then the DCC is built, signed, given its signed twin and,
    with a ``repository``, stored as an issued certificate (draft, then issue, as for any certificate) and linked to
    the verification row. The reference standards must be traceable on the verification date, like any
    certificate's (``override_reason`` as in :func:`issue`).
    """
    from coomet_lab.jurisdictions.ru import RowProblem, VerificationRecord, check_record, errors
    from coomet_lab.jurisdictions.ru.certificate import verification_certificate
    from coomet_lab.kernel.errors import TraceabilityBlockedError, UnusableInputError
    from coomet_lab.repository.verifications import VerificationRecordError

    record = stored_or_record if isinstance(stored_or_record, VerificationRecord) else stored_or_record.record
    if verification_id is None and not isinstance(stored_or_record, VerificationRecord):
        verification_id = stored_or_record.id
    label = f"verification #{verification_id}" if verification_id is not None else (record.label or "verification")
    problems = errors(check_record(record, today=today))
    if problems:
        raise VerificationRecordError(f"{label} cannot be issued: " + "; ".join(map(str, problems)),
                                      [RowProblem(verification_id or 0, p.field, p.message) for p in problems])
    if not (number or "").strip():
        raise UnusableInputError(f"{label}: no certificate number: give the Arshin certificate (С-…) or notice (И-…) "
                                 "number")
    if repository is not None and verification_id is not None:
        _check_linkable(repository, verification_id, label)
        finished = _finish_interrupted_issue(repository, verification_id, number.strip(), record, trust, who)
        if finished is not None:
            return finished
    kind = repository.verifications.find_type(record.mitype_number) if (
        repository is not None and record.mitype_number) else None
    certificate = verification_certificate(record, settings=settings, number=number.strip(), issue_date=issue_date,
                                           languages=languages, head=head, head_position=head_position,
                                           fif_record=fif_record, instrument_type=kind)
    reason = f"{'Verification certificate' if record.applicable else 'Notice of unfitness'} {number.strip()}"
    if repository is None:
        return issue(certificate, signer, role=role, trust=trust, pdf_reason=reason)
    report = repository.standards.fill_equipment(certificate)  # before the draft: a blocked issue leaves nothing behind
    if report.blocked and not (override_reason and override_reason.strip()):
        error = TraceabilityBlockedError(report.summary())
        error.report = report  # type: ignore[attr-defined]
        raise error
    draft = repository.drafts.create(certificate=certificate, who=who)
    try:
        result = issue(certificate, signer, role=role, trust=trust, repository=repository, draft_id=draft.id,
                       who=who, override_reason=override_reason, pdf_reason=reason)
    except BaseException:
        repository.drafts.discard(draft_id=draft.id, who=who)
        raise
    if verification_id is not None:
        assert result.record is not None  # stored: a repository was given
        repository.verifications.link_certificate(verification_id, result.record.id, who=who)
    return result


def _finish_interrupted_issue(repository, verification_id: int, number: str, record, trust,  # noqa: ANN001
                              who: str) -> IssueResult | None:
    """An earlier issue stored this record's certificate but stopped before linking it (the app died between the
    two transactions): link the stored one instead of signing a second certificate with the same number."""
    from lxml import etree

    from coomet_lab.kernel.errors import RecordNotFoundError
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.repository.verifications import VerificationRecordError
    from coomet_lab.trust import verify_xml

    try:
        stored = repository.certificates.find(number)
    except RecordNotFoundError:
        return None
    if stored.kind != "issued" or stored.unique_identifier != number:
        return None
    xml, pdf = repository.certificates.bytes(stored.id)
    root = parse_bytes(xml, large=True).getroot()
    ns = {"dcc": root.nsmap.get("dcc") or etree.QName(root).namespace}
    serials = set(root.xpath("//dcc:items/dcc:item//dcc:identification/dcc:value/text()", namespaces=ns))
    performed = root.xpath("string(//dcc:coreData/dcc:endPerformanceDate)", namespaces=ns)
    instrument = record.manufacture_num or record.inventory_num or record.etalon_reg_number
    if instrument.strip() not in serials or performed != record.vrf_date:
        raise VerificationRecordError(f"{number} is already the number of certificate #{stored.id}, issued for "
                                      "another instrument or date: check the number")
    repository.verifications.link_certificate(verification_id, stored.id, who=who)
    return IssueResult(number, xml, verify_xml(xml, trust=trust), pdf, stored)


def _check_linkable(repository, verification_id: int, label: str) -> None:  # noqa: ANN001
    from coomet_lab.repository.verifications import WITHDRAWN, VerificationRecordError

    stored = repository.verifications.get(verification_id)
    if stored.status == WITHDRAWN:
        raise VerificationRecordError(f"{label} is withdrawn: it gets no certificate")
    if stored.certificate_id is not None:
        raise VerificationRecordError(f"{label} already has certificate #{stored.certificate_id}")


def equipment_from_standard(standard, calibration, languages: list[str]):  # noqa: ANN001,ANN201
    """A DCC measuring-equipment entry for a registered reference standard and its current calibration."""
    from coomet_lab.dcc.editing.builder import equipment, identification

    names = {"en": "Serial no.", "ru": "Заводской номер", "de": "Seriennummer"}
    serial_names = {lang: names.get(lang, names["en"]) for lang in languages}
    identifications = [identification("manufacturer", standard.serial, serial_names)] if standard.serial else []
    labels = {"en": "Laboratory code", "ru": "Код в лаборатории", "de": "Laborkennung"}
    identifications.append(identification("calibrationLaboratory", standard.code,
                                          {lang: labels.get(lang, labels["en"]) for lang in languages}))
    return equipment(
        {lang: standard.name for lang in languages}, certificate_id=calibration.certificate_number if calibration
        else "unknown", certificate_issuer=calibration.issuer if calibration else "unknown",
        manufacturer=standard.manufacturer, model=standard.model, identifications=identifications)


def add_equipment(certificate: Certificate, entry) -> None:  # noqa: ANN001
    """Add a measuring-equipment entry where the certificate keeps its equipment (global, else the first result)."""
    from coomet_lab.dcc.model import MeasuringEquipments

    results = certificate.measurement_results
    assert results is not None  # every certificate model has its measurement results
    holder = results if results.measuring_equipments is not None or not results.results else results.results[0]
    if holder.measuring_equipments is None:
        holder.measuring_equipments = MeasuringEquipments()
    holder.measuring_equipments.equipment.append(entry)


def display_name(text: Text | None, language: str, fallback: list[str]) -> str:
    return (text.get(language, fallback) if text else None) or ""
