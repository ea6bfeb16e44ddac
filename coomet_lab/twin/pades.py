"""PAdES B-B signatures on the twin (pyHanko), with the same keys and tokens that sign the XML.

pyHanko signs through an adapter over the application's own :class:`~coomet_lab.trust.Signer`, so a key file,
a PKCS#11 token (SoftHSM2, smart cards) or a backend added later signs the PDF exactly as it signs the DCC, after
the same pre-flight: pyHanko itself would sign with an expired certificate without a word.

PDF/A: pyHanko rewrites ``/Producer`` when it signs, giving Info ``"<old>; pyHanko x"`` and XMP ``"pyHanko x"``,
which PDF/A forbids. Setting Producer in both to pyHanko's own vendor string first makes it leave them alone.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import weakref
from dataclasses import dataclass
from typing import Any

from coomet_lab.trust import Signer, TrustStore, preflight
from coomet_lab.twin.errors import PdfTwinError

FIELD_NAME = "LabSignature"
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")

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


@dataclass
class _Prepared:
    """What signing with one application Signer needs, built once per Signer and process (see ``_prepared``)."""

    identity: tuple[bytes, ...]  # DER of the certificate and chain it was built for
    signer: Any  # the pyHanko signer over the application's Signer
    bytes_reserved: int | None = None  # space for the CMS, measured by pyHanko's dry run the first time


# One prepared pyHanko signer per application Signer: the asn1crypto certificates, the certificate store and the
# size of the signature container are the same for every document that key signs in this process.
_PREPARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _identity(signer: Signer) -> tuple[bytes, ...]:
    from cryptography.hazmat.primitives import serialization

    return tuple(c.public_bytes(serialization.Encoding.DER) for c in [signer.certificate, *signer.chain])


def _prepared(signer: Signer) -> _Prepared:
    """The cached pyHanko signer for ``signer``, rebuilt if its certificates changed; signers that cannot be
    weakly referenced (a backend's own class) get a fresh one each time."""
    identity = _identity(signer)
    try:
        cached = _PREPARED.get(signer)
    except TypeError:  # not hashable / not weakly referenceable
        return _Prepared(identity, _backend_signer(signer))
    if cached is None or cached.identity != identity:
        cached = _Prepared(identity, _backend_signer(signer))
        try:
            _PREPARED[signer] = cached
        except TypeError:
            pass
    return cached


def _backend_signer(signer: Signer):  # noqa: ANN202
    """A pyHanko signer that asks the application's Signer for the signature value.

    It holds the application's Signer weakly (the cache above is keyed by it), and remembers the last CMS it made
    with the document digest it signed, so the new signature can be checked without reading the PDF again."""
    from asn1crypto import algos
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    from pyhanko.sign.attributes import CMSAttributeProvider, SigningCertificateV2Provider
    from pyhanko.sign.general import as_signing_certificate_v2
    from pyhanko.sign.signers import Signer as PyHankoSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    if signer.key_type not in ("ec", "rsa"):
        raise PdfTwinError(f"PAdES signing with a {signer.key_type} key is not supported (pyHanko has no such "
                           "algorithm); the DCC itself can still be signed")
    mechanism = algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa" if signer.key_type == "ec" else "sha256_rsa"})
    owner = weakref.ref(signer)
    key_type = signer.key_type

    class BackendSigner(PyHankoSigner):
        # Per thread: (document digest, CMS ContentInfo) of the last real signature, so two threads signing
        # with one key each check their own.
        made = threading.local()

        @property
        def last(self) -> tuple[bytes, Any] | None:
            return getattr(self.made, "value", None)

        @last.setter
        def last(self, value: tuple[bytes, Any] | None) -> None:
            self.made.value = value

        async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
            if digest_algorithm.lower() != "sha256":
                raise PdfTwinError(f"the key signs with SHA-256 only, not {digest_algorithm}")
            if dry_run:  # pyHanko measures the space to reserve; a token is not asked to sign twice
                return b"\x00" * 512
            app_signer = owner()
            if app_signer is None:
                raise PdfTwinError("the key was closed before the PDF was signed")
            value = app_signer.sign(data)
            if key_type == "ec":  # XML-DSig wants r‖s, CMS wants DER
                size = len(value) // 2
                return encode_dss_signature(int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big"))
            return value

        def _signed_attr_providers(self, *args: Any, **kwargs: Any):  # noqa: ANN202 (pyHanko's internal API)
            # asn1crypto encodes a structure built in Python again, with everything in it, each time its bytes
            # are asked for, and sorting the DER SET of signed attributes asks often: pyHanko's freshly built
            # signing-certificate-v2 value was encoded hundreds of times per signature (about 4 ms). The same
            # value, built once for this key and read back from its DER, is used instead. Should pyHanko rename
            # this method, its own providers are used as they are (slower, same signature).
            for provider in super()._signed_attr_providers(*args, **kwargs):
                if isinstance(provider, SigningCertificateV2Provider) and provider.signing_cert is self.signing_cert:
                    yield frozen_certificate_attribute
                else:
                    yield provider

        async def async_sign(self, data_digest: bytes, digest_algorithm: str, dry_run: bool = False,  # noqa: ANN201
                             *args: Any, **kwargs: Any):
            self.last = None
            result = await super().async_sign(data_digest, digest_algorithm, dry_run, *args, **kwargs)
            if not dry_run:
                self.last = (data_digest, result)
            return result

    class FrozenSigningCertificate(CMSAttributeProvider):
        attribute_type = "signing_certificate_v2"

        def __init__(self, value: Any):
            self.value = value

        async def build_attr_value(self, dry_run: bool = False) -> Any:
            return self.value

    signing_cert = asn1_certificate(signer.certificate)
    value = as_signing_certificate_v2(signing_cert)
    frozen_certificate_attribute = FrozenSigningCertificate(type(value).load(value.dump()))
    return BackendSigner(
        signing_cert=signing_cert, signature_mechanism=mechanism,
        cert_registry=SimpleCertificateStore.from_certs([asn1_certificate(c) for c in signer.chain]),
    )


def sign_pdf(pdf: bytes, signer: Signer, *, trust: TrustStore | None = None, reason: str | None = None,
             location: str | None = None) -> bytes:
    """PAdES B-B (``/ETSI.CAdES.detached``, SHA-256) in an incremental update, invisible signature field.

    Refuses what the XML signer refuses (expired, not yet valid, untrusted or revoked certificates) and checks the
    new signature before returning it. The pyHanko signer and the size reserved for the signature are prepared once
    per key and reused for every document it signs (pyHanko's dry-run signature would otherwise double the work)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    from coomet_lab.trust import SigningError

    preflight(signer, trust)
    pdf = _producer_for_signing(pdf)
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES, reason=reason, location=location)
    prepared = _prepared(signer)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        pdf_signer = signers.PdfSigner(meta, prepared.signer)
        if prepared.bytes_reserved is None:
            prepared.bytes_reserved = _reserve(pdf_signer)
        signed = pdf_signer.sign_pdf(writer, bytes_reserved=prepared.bytes_reserved).getvalue()
    except PdfTwinError:
        raise
    except Exception as exc:  # noqa: BLE001 (a token error, a PDF pyHanko cannot read...)
        raise SigningError(f"the PDF could not be signed: {exc}") from None
    _check_new_signature(signed, len(pdf), prepared.signer, signer)
    return signed


def _reserve(pdf_signer) -> int:  # noqa: ANN001
    """The bytes to reserve for the signature container, as pyHanko estimates them (a dry-run CMS with a
    512-byte placeholder signature, hex-encoded, plus pyHanko's 50 % margin): the same for every document."""
    import asyncio
    import datetime as dt

    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    async def estimate() -> int:
        digest = hashlib.sha256().digest()
        cms = await pdf_signer.signer.async_sign(
            digest, "sha256", dry_run=True, use_pades=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.timezone.utc)))
        length = len(cms.dump()) * 2
        return length + 2 * (length // 4)

    return asyncio.run(estimate())


def _producer_for_signing(pdf: bytes) -> bytes:
    """Set Producer in Info and XMP to pyHanko's vendor string, unless it is already (see the module docstring)."""
    import pikepdf

    producer = vendor()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if str(doc.docinfo.get("/Producer", "")) == producer and _xmp_producer(doc) == producer:
            return pdf  # the twin as make_twin renders it for signing: nothing to change, nothing to save
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            if str(doc.docinfo.get("/Producer", "")) == producer and meta.get("pdf:Producer") == producer:
                return pdf
            doc.docinfo["/Producer"] = producer
            meta["pdf:Producer"] = producer
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _xmp_producer(doc) -> str | None:  # noqa: ANN001
    """``pdf:Producer`` of the XMP packet when it is stated exactly once, read with lxml alone (pikepdf's metadata
    model costs a millisecond or two to set up); None when absent, repeated or unreadable (pikepdf decides then)."""
    from lxml import etree

    stream = doc.Root.get("/Metadata")
    if stream is None:
        return None
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(stream.read_bytes(), parser)
    except Exception:  # noqa: BLE001 (damaged XMP: the slow path decides)
        return None
    found = root.xpath("//@pdf:Producer | //pdf:Producer", namespaces={"pdf": "http://ns.adobe.com/pdf/1.3/"})
    if len(found) != 1:
        return None
    value = found[0]
    return str(value) if isinstance(value, str) else (value.text or "")


def _check_new_signature(signed: bytes, original_length: int, backend, signer: Signer) -> None:  # noqa: ANN001
    """The signature just made must be intact, its value valid for the signer's certificate, and cover the whole
    file except its own ``/Contents`` (trust is the verifier's question).

    Checked on the bytes returned, without parsing the PDF again: the CMS pyHanko wrote is found where the new
    revision's ``/ByteRange`` says, the SHA-256 of everything outside that gap is the digest that was signed, and
    pyHanko's ``validate_sig_integrity`` checks the messageDigest attribute and the signature value."""
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    from coomet_lab.trust import SigningError

    failed = SigningError("the new PDF signature does not verify; nothing was written")
    made = backend.last
    backend.last = None
    if made is None:
        raise failed
    digest, cms = made
    ranges = _BYTE_RANGE.findall(signed, original_length)
    if len(ranges) != 1:
        raise failed
    start, end, rest = (int(v) for v in ranges[0])
    contents = b"<" + cms.dump().hex().encode("ascii")
    if (end + rest != len(signed) or signed[start:start + len(contents)].lower() != contents
            or signed[start + len(contents):end - 1].strip(b"0") or signed[end - 1:end] != b">"):
        raise failed
    covered = hashlib.sha256(memoryview(signed)[:start])
    covered.update(memoryview(signed)[end:])
    if covered.digest() != digest:
        raise failed
    signer_info = cms["content"]["signer_infos"][0]
    intact, valid = validate_sig_integrity(signer_info, asn1_certificate(signer.certificate), "data", digest)
    if not (intact and valid):
        raise failed
