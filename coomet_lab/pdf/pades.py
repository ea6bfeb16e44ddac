"""PAdES B-B signatures on the twin (pyHanko), with the same keys and tokens that sign the XML.

pyHanko signs through an adapter over the application's own :class:`~coomet_lab.signing.Signer`, so a key file,
a PKCS#11 token (SoftHSM2, smart cards) or a backend added later signs the PDF exactly as it signs the DCC, after
the same pre-flight: pyHanko itself would sign with an expired certificate without a word.

PDF/A: pyHanko rewrites ``/Producer`` when it signs, giving Info ``"<old>; pyHanko x"`` and XMP ``"pyHanko x"``,
which PDF/A forbids. Setting Producer in both to pyHanko's own vendor string first makes it leave them alone.
"""

from __future__ import annotations

import io
import logging

from coomet_lab.pdf.errors import PdfTwinError
from coomet_lab.signing import Signer, TrustStore, preflight

FIELD_NAME = "LabSignature"

for _name in ("pyhanko", "pyhanko_certvalidator"):
    # pyHanko logs expected validation failures with tracebacks; the reports carry the reasons instead.
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def vendor() -> str:
    """pyHanko's Producer string (``pyHanko 0.38.0``): the twin carries it in Info and XMP before signing."""
    from pyhanko.pdf_utils.metadata.model import VENDOR

    return VENDOR


def asn1_certificate(certificate):  # noqa: ANN001, ANN201
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _backend_signer(signer: Signer):  # noqa: ANN202
    """A pyHanko signer that asks the application's Signer for the signature value."""
    from asn1crypto import algos
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    from pyhanko.sign.signers import Signer as PyHankoSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    if signer.key_type not in ("ec", "rsa"):
        raise PdfTwinError(f"PAdES signing with a {signer.key_type} key is not supported (pyHanko has no such "
                           "algorithm); the DCC itself can still be signed")
    mechanism = algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa" if signer.key_type == "ec" else "sha256_rsa"})

    class BackendSigner(PyHankoSigner):
        async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
            if digest_algorithm.lower() != "sha256":
                raise PdfTwinError(f"the key signs with SHA-256 only, not {digest_algorithm}")
            if dry_run:  # pyHanko measures the space to reserve; a token is not asked to sign twice
                return b"\x00" * 512
            value = signer.sign(data)
            if signer.key_type == "ec":  # XML-DSig wants r‖s, CMS wants DER
                size = len(value) // 2
                return encode_dss_signature(int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big"))
            return value

    return BackendSigner(
        signing_cert=asn1_certificate(signer.certificate), signature_mechanism=mechanism,
        cert_registry=SimpleCertificateStore.from_certs([asn1_certificate(c) for c in signer.chain]),
    )


def sign_pdf(pdf: bytes, signer: Signer, *, trust: TrustStore | None = None, reason: str | None = None,
             location: str | None = None) -> bytes:
    """PAdES B-B (``/ETSI.CAdES.detached``, SHA-256) in an incremental update, invisible signature field.

    Refuses what the XML signer refuses (expired, not yet valid, untrusted or revoked certificates) and checks the
    new signature before returning it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    from coomet_lab.signing import SigningError

    preflight(signer, trust)
    pdf = _producer_for_signing(pdf)
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES, reason=reason, location=location)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        pdf_signer = signers.PdfSigner(meta, _backend_signer(signer))
        signed = pdf_signer.sign_pdf(writer).getvalue()
    except PdfTwinError:
        raise
    except Exception as exc:  # noqa: BLE001 (a token error, a PDF pyHanko cannot read...)
        raise SigningError(f"the PDF could not be signed: {exc}") from None
    _check_new_signature(signed, signer)
    return signed


def _producer_for_signing(pdf: bytes) -> bytes:
    """Set Producer in Info and XMP to pyHanko's vendor string, unless it is already (see the module docstring)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            producer = vendor()
            if str(doc.docinfo.get("/Producer", "")) == producer and meta.get("pdf:Producer") == producer:
                return pdf
            doc.docinfo["/Producer"] = producer
            meta["pdf:Producer"] = producer
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _check_new_signature(signed: bytes, signer: Signer) -> None:
    """The signature just made must be intact and cover the whole file (trust is the verifier's question: here
    the signer's own chain is the anchor, never the operating system's list)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from coomet_lab.signing import SigningError

    roots = [asn1_certificate(c) for c in signer.chain] or [asn1_certificate(signer.certificate)]
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(embedded[-1], context) if embedded else None
    if status is None or not status.intact or not status.valid or status.coverage.name != "ENTIRE_FILE":
        raise SigningError("the new PDF signature does not verify; nothing was written")
