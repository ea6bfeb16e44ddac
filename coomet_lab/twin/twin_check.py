"""Verifying a twin, all or nothing:

1. the PAdES signature is intact, its value verifies, it covers the whole file (nothing was added after signing),
   and its signer is trusted (pinned anchors only, valid now, not revoked where a CRL is known — the same rule as
   for the XML, checked by pyHanko's certvalidator *and* by the application's trust store);
2. the embedded ``dcc.xml`` (the associated file) verifies as a signed DCC on its own;
3. every page shows the SHA-256 of exactly that embedded file, and no other;
4. the pages say what the verified XML says: their numbers are recomputed from it, page by page
   (:mod:`coomet_lab.twin.pagecheck`: every result value printed as written, no number the DCC does not contain,
   the pages in order, fonts that draw what their text layer says).

Nothing is inflated beyond the caps of :mod:`coomet_lab.twin.limits` (a decompression bomb is refused by name).

Each failed check adds a plain reason; the verdict is ``valid`` only when every check passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from dataclasses import asdict, dataclass, field
from typing import Any

from coomet_lab.trust import CertInfo, TrustStore, VerificationReport
from coomet_lab.twin.errors import UnreadablePdfError
from coomet_lab.twin.pdfa import DCC_MIME, DCC_NAME


@dataclass
class PadesReport:
    """One PDF signature (its attribute ``field`` hides ``dataclasses.field`` in the class body, so the defaults
    below spell it out)."""

    field: str
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    coverage: str | None = None
    modification_level: str | None = None
    signer: CertInfo | None = None
    signing_time: str | None = None  # claimed by the signer
    reasons: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    reasons_integrity: list[str] = dataclasses.field(default_factory=list, repr=False)

    @property
    def sound(self) -> bool:
        """Intact, verifying and with no change after signing (trust aside)."""
        return self.intact and self.valid and not self.reasons_integrity

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("reasons_integrity")
        return out


@dataclass
class PdfVerificationReport:
    """The verdict on a twin, with every reason a person needs."""

    source: str
    pages: int = 0
    signatures: list[PadesReport] = field(default_factory=list)
    xml: VerificationReport | None = None
    embedded_sha256: str | None = None
    embedded: bytes | None = field(default=None, repr=False)  # the exact dcc.xml bytes the checks read
    pages_showing_hash: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.problems or any(not s.sound for s in self.signatures):
            return "invalid"
        if self.xml is not None and self.xml.verdict in ("invalid", "unverifiable"):
            return "invalid"
        if not self.signatures or self.xml is None or self.xml.verdict == "unsigned":
            return "unsigned"
        if any(not s.trusted for s in self.signatures) or self.xml.verdict != "valid":
            return "intact-untrusted"
        return "valid"

    @property
    def valid(self) -> bool:
        return self.verdict == "valid"

    @property
    def reasons(self) -> list[str]:
        """Why the twin is not valid (empty when it is)."""
        out = list(self.problems)
        if not self.signatures:
            out.append("the PDF carries no signature (PAdES)")
        for s in self.signatures:
            out += [f"PDF signature {s.field}: {r}" for r in s.reasons]
        if self.xml is not None and not self.xml.valid:
            out.append(f"embedded DCC: {self.xml.summary()}")
        return out

    def summary(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "valid"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source, "kind": "pdf-twin", "verdict": self.verdict, "valid": self.valid,
            "reasons": self.reasons, "notes": self.notes, "pages": self.pages,
            "embeddedSha256": self.embedded_sha256, "pagesShowingHash": self.pages_showing_hash,
            "pdfSignatures": [s.to_json() for s in self.signatures],
            "embeddedDcc": self.xml.to_json() if self.xml is not None else None,
        }


def embedded_dcc(data: bytes) -> bytes:
    """The DCC bytes a twin carries as its associated file ``dcc.xml``."""
    doc = _open(data, "input")
    with doc:
        xml, problems = _associated_dcc(doc)
    if xml is None:
        raise UnreadablePdfError("; ".join(problems))
    return xml


def verify_pdf(data: bytes, *, trust: TrustStore | None = None, source: str = "input") -> PdfVerificationReport:
    """Verify a twin (see the module docstring). Raises ``UnreadablePdfError`` for input that is not a PDF, and
    its ``PdfTooLargeError`` for one that is (or inflates to) more than a twin can be."""
    from coomet_lab.twin import pades  # noqa: F401 (quietens pyHanko's logging before it validates)

    trust = trust or TrustStore()
    report = PdfVerificationReport(source)
    doc = _open(data, source)
    with doc:
        report = _guarded(lambda: _verify_open(doc, data, trust, report), source, data)
        if any("memory limit" in str(w) for w in doc.get_warnings()):
            from coomet_lab.twin.limits import MAX_XML_BYTES, PdfTooLargeError

            raise PdfTooLargeError(f"{source}: a stream inflates to more than {MAX_XML_BYTES >> 20} MB, more than a "
                                   "twin ever holds: a decompression bomb; refused")
        return report


def _verify_open(doc, data: bytes, trust: TrustStore,  # noqa: ANN001
                 report: PdfVerificationReport) -> PdfVerificationReport:
    """Every check, while the file is open (the page checks read its fonts)."""
    from coomet_lab.twin.textscan import hashes_on_pages, page_texts

    source = report.source
    texts = []
    report.pages = len(doc.pages)
    if doc.is_encrypted:
        report.problems.append("the PDF is encrypted (a PDF/A twin never is)")
    if "/OCProperties" in doc.Root:
        report.problems.append("the PDF has optional content (layers), which can hide or show text depending on the "
                               "viewer; a twin has none")
    xml, problems = _associated_dcc(doc)
    report.problems += problems
    if xml is not None:
        report.embedded = xml
        report.embedded_sha256 = hashlib.sha256(xml).hexdigest()
        texts = page_texts(doc)
        shown = hashes_on_pages(doc, data, texts)
        report.pages_showing_hash = sum(1 for h in shown if h == {report.embedded_sha256})
        _compare_hashes(report, report.embedded_sha256, shown)
    report.signatures = _pades(data, trust, report)
    if xml is not None:
        report.xml = _verify_embedded(xml, trust, source, report)
        _check_pages(report, xml, texts)  # the fonts are read from the open file
    return report


def _guarded(work, source: str, data: bytes):  # noqa: ANN001, ANN202
    """qpdf's refusal to inflate past its limit (object streams, see limits.guard_qpdf) as a named refusal."""
    import pikepdf

    from coomet_lab.twin.limits import MAX_XML_BYTES, PdfTooLargeError, diagnose

    try:
        return work()
    except pikepdf.PdfError as exc:
        if "memory limit" in str(exc):
            raise PdfTooLargeError(f"{source}: a stream inflates to more than {MAX_XML_BYTES >> 20} MB, more than a "
                                   "twin ever holds: a decompression bomb; refused") from None
        diagnose(data, source)
        raise UnreadablePdfError(f"{source} cannot be read as a PDF: {exc}") from None


def _check_pages(report: PdfVerificationReport, xml: bytes, texts: list) -> None:
    """The pages against the verified XML (pagecheck); against the file's own XML for a draft (unsigned)."""
    from coomet_lab.twin.pagecheck import check_pages

    if not texts:
        return
    verified = report.xml.verified_xml if report.xml is not None else None
    if report.xml is not None and report.xml.signatures and verified is None:
        return  # the XML's signature failed: that is the reason; there is no signed content to compare with
    content = verified if verified is not None else xml
    certificate = None
    try:
        from coomet_lab.dcc.io.reader import read_certificate_bytes

        certificate = read_certificate_bytes(content, large=True, source=f"{report.source}#{DCC_NAME}")
    except Exception:  # noqa: BLE001 (an unreadable DCC is already a reason of the XML check)
        return
    extra = [x for s in (report.xml.signatures if report.xml is not None else [])
             for x in ((s.signer.subject if s.signer else ""), s.signing_time or "", s.role or "")]
    problems, notes = check_pages(texts, content, identifier=certificate.unique_identifier, extra_texts=extra,
                                  verification=_states_a_decision(certificate))
    report.problems += problems
    report.notes += notes


def _states_a_decision(certificate) -> bool:  # noqa: ANN001
    """A jurisdiction's form that prints a decision (fit / unfit), not the measured values (twin.forms)."""
    from coomet_lab.twin.forms import form_for

    form = form_for(certificate)
    return form is not None and not form.prints_values


def _open(data: bytes, source: str):  # noqa: ANN202
    import pikepdf

    from coomet_lab.twin.limits import check_input_size, guard_qpdf

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadablePdfError(f"{source} is not a PDF")
    check_input_size(data, source)
    guard_qpdf()
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise UnreadablePdfError(f"{source} is an encrypted PDF (a PDF/A twin never is)") from None
    except pikepdf.PdfError as exc:
        from coomet_lab.twin.limits import diagnose

        diagnose(data, source)  # a bomb qpdf refused to inflate is named as such
        raise UnreadablePdfError(f"{source} cannot be read as a PDF: {exc}") from None


def _associated_dcc(doc) -> tuple[bytes | None, list[str]]:  # noqa: ANN001
    """``dcc.xml`` from ``/Root /AF`` (AFRelationship Source, text/xml), agreeing with the EmbeddedFiles tree."""
    import pikepdf
    from pikepdf import Name

    files = list(doc.Root.get(Name.AF, []))
    named = [f for f in files if str(f.get(Name.UF, f.get(Name.F, ""))) == DCC_NAME]
    if not named:
        return None, [f"the PDF has no associated file {DCC_NAME} (it is not a DCC twin)"]
    if len(named) > 1:
        return None, [f"the PDF has {len(named)} associated files named {DCC_NAME}; which one is meant is unclear"]
    spec = named[0]
    problems = []
    if spec.get(Name.AFRelationship) != Name.Source:
        problems.append(f"{DCC_NAME} is not marked as the source of the document (AFRelationship "
                        f"{spec.get(Name.AFRelationship)})")
    streams = spec.get(Name.EF, {})
    stream = streams.get(Name.UF, streams.get(Name.F))
    if stream is None:
        return None, problems + [f"{DCC_NAME} has no embedded file stream"]
    from coomet_lab.twin.limits import MAX_XML_BYTES, PdfTooLargeError, read_stream

    params = stream.get(Name.Params)
    declared = params.get(Name.Size) if isinstance(params, pikepdf.Dictionary) else None
    if isinstance(declared, int | pikepdf.Object) and _whole(declared) > MAX_XML_BYTES:
        raise PdfTooLargeError(f"{DCC_NAME} declares {_whole(declared) >> 20} MB, "
                               f"more than the {MAX_XML_BYTES >> 20} MB "
                               "a DCC may have; refused")
    try:
        xml = read_stream(stream, limit=MAX_XML_BYTES, what=f"the embedded {DCC_NAME}")
        if Name.F in streams and Name.UF in streams and streams.F.objgen != streams.UF.objgen and read_stream(
                streams.F, limit=MAX_XML_BYTES, what=f"the embedded {DCC_NAME}") != read_stream(
                streams.UF, limit=MAX_XML_BYTES, what=f"the embedded {DCC_NAME}"):
            problems.append(f"{DCC_NAME} carries two different contents (/F and /UF)")
    except PdfTooLargeError:
        raise
    except Exception as exc:  # noqa: BLE001 (a damaged stream is a finding, not a crash)
        return None, problems + [f"{DCC_NAME} cannot be read: {exc}"]
    if str(stream.get(Name.Subtype, "")) != "/" + DCC_MIME.replace("/", "#2F") and str(
            stream.get(Name.Subtype, "")) != "/" + DCC_MIME:
        problems.append(f"{DCC_NAME} is not declared as {DCC_MIME}")
    listed = doc.attachments.get(DCC_NAME) if DCC_NAME in doc.attachments else None
    if listed is None or listed.obj.objgen != spec.objgen:
        problems.append(f"the attachment list and the associated file {DCC_NAME} are not the same file")
    return xml, problems


def _whole(value) -> int:  # noqa: ANN001
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _compare_hashes(report: PdfVerificationReport, expected: str, shown: list[set[str]]) -> None:
    missing = [i + 1 for i, h in enumerate(shown) if expected not in h]
    others = sorted({x for h in shown for x in h if x != expected})
    if missing:
        report.problems.append(f"the SHA-256 of the embedded DCC ({expected[:16]}…) is not printed on page"
                               f"{'s' if len(missing) > 1 else ''} {_ranges(missing)}")
    if others:
        report.problems.append(f"the pages show another SHA-256 ({others[0][:16]}…) than the embedded DCC's: "
                               "the pages were not rendered from the DCC inside")


def _ranges(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (f" … ({len(numbers)} pages)" if len(numbers) > 10 else "")


def _verify_embedded(xml: bytes, trust: TrustStore, source: str, report: PdfVerificationReport):  # noqa: ANN202
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import verify_xml

    try:
        return verify_xml(xml, trust=trust, large=True, source=f"{source}#{DCC_NAME}")
    except UnusableInputError as exc:
        report.problems.append(f"the embedded {DCC_NAME} cannot be read as a DCC: {exc}")
        return None


# ------------------------------------------------------------------------------------------------ PAdES


def _pades(data: bytes, trust: TrustStore, report: PdfVerificationReport) -> list[PadesReport]:
    from pyhanko.pdf_utils.misc import PdfDecodeLimitError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from coomet_lab.twin.limits import pyhanko_limits

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False, decode_limits=pyhanko_limits())
        embedded = list(reader.embedded_signatures)
    except PdfDecodeLimitError as exc:
        report.problems.append(f"the PDF's signature structure is not read: a stream inflates beyond the limit "
                               f"(a decompression bomb): {exc}")
        return []
    except Exception as exc:  # noqa: BLE001 (pyHanko's reader errors are many; the structure is damaged)
        report.problems.append(f"the PDF's signature structure cannot be read: {exc}")
        return []
    return [_one_signature(signature, trust) for signature in embedded]


def _one_signature(signature, trust: TrustStore) -> PadesReport:  # noqa: ANN001
    from pyhanko.sign.validation import validate_pdf_signature

    result = PadesReport(field=signature.field_name)
    try:
        certificate = _crypto_certificate(signature.signer_cert)
        intermediates = [_crypto_certificate(c) for c in signature.other_embedded_certs]
    except Exception as exc:  # noqa: BLE001
        result.reasons.append(f"the signature carries no readable signer certificate ({exc})")
        result.reasons_integrity.append("no certificate")
        return result
    result.signer = CertInfo.of(certificate)
    try:
        status = validate_pdf_signature(signature, _validation_context(trust, certificate, intermediates))
    except Exception as exc:  # noqa: BLE001
        result.reasons.append(f"the signature cannot be validated: {exc}")
        result.reasons_integrity.append("cannot be validated")
        return result
    result.intact, result.valid = bool(status.intact), bool(status.valid)
    result.coverage = status.coverage.name if status.coverage is not None else None
    result.modification_level = status.modification_level.name if status.modification_level is not None else None
    if status.signer_reported_dt is not None:
        result.signing_time = status.signer_reported_dt.isoformat()
    _integrity_reasons(result, status)
    _trust(result, status, trust, certificate, intermediates)
    return result


def _integrity_reasons(result: PadesReport, status) -> None:  # noqa: ANN001
    problems = []
    if not result.intact:
        problems.append("the signed bytes of the PDF were changed after signing (the document digest does not match)")
    elif not result.valid:
        problems.append("the signature value does not verify with the signer's key")
    if result.coverage != "ENTIRE_FILE":
        problems.append(f"the signature does not cover the whole file ({result.coverage}): something was added "
                        "after signing")
    if result.modification_level not in (None, "NONE"):
        problems.append(f"the file was modified after signing (modification level {result.modification_level}"
                        f"{'' if status.docmdp_ok else ', not permitted'})")
    result.reasons += problems
    result.reasons_integrity += problems


def _trust(result: PadesReport, status, trust: TrustStore, certificate, intermediates) -> None:  # noqa: ANN001
    path = trust.validate(certificate, intermediates)
    result.notes += path.notes
    ours = path.trusted
    theirs = bool(status.trusted) and not status.revoked
    result.trusted = ours and theirs
    if not ours:
        result.reasons += path.reasons
    elif not theirs:
        why = status.trust_problem_indic.name if status.trust_problem_indic is not None else "untrusted"
        result.reasons.append(f"pyHanko's path validation does not trust the signer ({why})")


def _crypto_certificate(certificate):  # noqa: ANN001, ANN202
    from cryptography import x509

    return x509.load_der_x509_certificate(certificate.dump())


def _validation_context(trust: TrustStore, certificate, intermediates):  # noqa: ANN001, ANN202
    """Pinned anchors only, nothing fetched; revocation required where the lab has the issuer's CRL (the rule of
    the XML verifier), not checked where it has none (the trust store's own check then notes that)."""
    from asn1crypto import crl as asn1_crl
    from cryptography.hazmat.primitives import serialization
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.policy_decl import (
        CertRevTrustPolicy,
        RevocationCheckingPolicy,
        RevocationCheckingRule,
    )

    from coomet_lab.twin.pades import asn1_certificate

    anchors = trust.anchors()
    crls = {a: trust.crl_for(a) for a in anchors}
    issuer_crl = any(a.subject == certificate.issuer and crls[a] is not None for a in anchors)
    rule = RevocationCheckingRule.CRL_REQUIRED if issuer_crl else RevocationCheckingRule.NO_CHECK
    policy = CertRevTrustPolicy(RevocationCheckingPolicy(ee_certificate_rule=rule,
                                                         intermediate_ca_cert_rule=RevocationCheckingRule.NO_CHECK))
    return ValidationContext(
        trust_roots=[asn1_certificate(a) for a in anchors],
        other_certs=[asn1_certificate(c) for c in intermediates],
        crls=[asn1_crl.CertificateList.load(c.public_bytes(serialization.Encoding.DER)) for c in crls.values() if c],
        allow_fetching=False, revinfo_policy=policy, moment=dt.datetime.now(dt.timezone.utc),
    )
