"""Verifying signed DCCs: intact, trusted, allowed to sign, not revoked — and nothing shown that was not signed.

Every root-level ``ds:Signature`` is checked on its own:

* **intact** — every reference digest is recomputed from its declared transforms (only well-understood ones are
  accepted) and the signature value is checked over the canonical SignedInfo with ``cryptography``. The canonical
  bytes of the document reference are kept as the *verified content*: values, dates and names are read from them,
  never from the file as it lies (a comment inside a value, a forged unsigned SigningTime or a second
  QualifyingProperties cannot change what is shown). The tests cross-check this path with libxmlsec1 (the
  ``xmlsec1`` command) and with signxml;
* **trusted** — the signer's certificate chains to an anchor pinned in the trust store (never the system bundle,
  never a certificate taken from the document), is valid now, allows digital signatures and is not revoked by an
  imported CRL. The claimed signing time is reported, never used as the validation time.

Third-party signatures (plain XML-DSig, other canonicalizations) are reported as honestly: what is intact, what is
trusted and what cannot be checked (SHA-1, unsupported transforms).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from lxml import etree

from coomet_lab.dcc.reader import check_root
from coomet_lab.signing.trust import CertInfo, TrustStore
from coomet_lab.signing.xmltools import (
    C14N_METHODS,
    DS,
    ENVELOPED,
    FILTER2,
    SIGNED_PROPERTIES_TYPE,
    XADES,
    XPATH1,
    all_ids,
    canonicalize,
    detached,
    ds,
    root_signatures,
)
from coomet_lab.xmlsafe import parse_bytes

XADES_141 = "http://uri.etsi.org/01903/v1.4.1#"
DIGESTS = {
    "http://www.w3.org/2001/04/xmlenc#sha256": hashlib.sha256,
    "http://www.w3.org/2001/04/xmldsig-more#sha384": hashlib.sha384,
    "http://www.w3.org/2001/04/xmlenc#sha512": hashlib.sha512,
}
SHA1_DIGEST = "http://www.w3.org/2000/09/xmldsig#sha1"
SIGNATURE_METHODS = {
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
}
SHA1_SIGNATURE_METHODS = {
    "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1",
    "http://www.w3.org/2000/09/xmldsig#dsa-sha1",
}
XPATH1_NOT_SIGNATURE = "not(ancestor-or-self::ds:Signature)"


@dataclass
class SignatureReport:
    """The verdict on one signature, with the reasons a person needs."""

    index: int
    id: str | None = None
    status: str = "invalid"  # valid | intact-untrusted | invalid | unverifiable
    intact: bool | None = None
    trusted: bool = False
    profile: str = "XML-DSig"
    signer: CertInfo | None = None
    role: str | None = None
    signing_time: str | None = None
    parallel: bool = False
    covers: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    verified_content: bytes | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("verified_content")
        return out


@dataclass
class VerificationReport:
    source: str
    signatures: list[SignatureReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.problems:
            return "invalid"
        if not self.signatures:
            return "unsigned"
        statuses = {s.status for s in self.signatures}
        for verdict in ("invalid", "unverifiable", "intact-untrusted"):
            if verdict in statuses:
                return verdict
        return "valid"

    @property
    def valid(self) -> bool:
        return self.verdict == "valid"

    @property
    def verified_xml(self) -> bytes | None:
        """The signed content (the certificate without its signatures), as canonical XML; None if not intact."""
        contents = [s.verified_content for s in self.signatures if s.intact and s.verified_content is not None]
        return contents[0] if contents and all(c == contents[0] for c in contents) else None

    def certificate(self):  # noqa: ANN201
        """The certificate model read from the verified content only."""
        from coomet_lab.dcc.reader import read_certificate_bytes

        data = self.verified_xml
        return None if data is None else read_certificate_bytes(data, large=True, source=f"{self.source} (signed)")

    def summary(self) -> str:
        if self.problems:
            return "; ".join(self.problems)
        if not self.signatures:
            return "the certificate is not signed"
        parts = []
        for s in self.signatures:
            who = s.signer.subject if s.signer else "unknown signer"
            why = f": {'; '.join(s.reasons)}" if s.reasons else ""
            parts.append(f"signature {s.index + 1} ({s.role or 'no role'}) by {who}: {s.status}{why}")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.source, "verdict": self.verdict, "problems": self.problems,
                "signatures": [s.to_json() for s in self.signatures]}


def verify_bytes(data: bytes, *, trust: TrustStore | None = None, large: bool = False, source: str = "input",
                 at: dt.datetime | None = None) -> VerificationReport:
    """Verify every signature of a DCC. Raises ``UnusableInputError`` for input that cannot be read."""
    tree = parse_bytes(data, large=large, source=source)
    check_root(tree.getroot(), source)
    return verify_tree(tree, trust=trust or TrustStore(), source=source, at=at)


def verify_tree(tree: etree._ElementTree, *, trust: TrustStore, source: str = "input",
                at: dt.datetime | None = None) -> VerificationReport:
    root = tree.getroot()
    report = VerificationReport(source)
    signatures = root_signatures(root)
    elsewhere = [s for s in root.iter(ds("Signature")) if s.getparent() is not root]
    if elsewhere:
        where = etree.QName(elsewhere[0].getparent()).localname
        report.problems.append(f"a signature was found inside dcc:{where}, not directly under the root; "
                               "signatures anywhere else are not accepted (a wrapped or moved signature)")
    duplicates = sorted(i for i, n in Counter(all_ids(root)).items() if n > 1)
    if duplicates:
        report.problems.append(f"the document repeats the Id {', '.join(duplicates)}: references to it are "
                               "ambiguous (a signature-wrapping attempt, or a broken document)")
    for index, signature in enumerate(signatures):
        report.signatures.append(_verify_one(tree, signature, index, trust, at, skip_crypto=bool(duplicates)))
    return report


# ------------------------------------------------------------------------------------------ one signature


def _verify_one(tree: etree._ElementTree, signature: etree._Element, index: int, trust: TrustStore,
                at: dt.datetime | None, skip_crypto: bool) -> SignatureReport:
    report = SignatureReport(index=index, id=signature.get("Id"))
    try:
        structure = _Structure.read(signature)
    except _Unsupported as exc:
        report.status, report.intact = "unverifiable", None
        report.reasons.append(str(exc))
        return report
    report.parallel = structure.parallel
    report.covers = structure.covers
    report.profile = "XAdES-BES" if structure.signed_properties is not None else "XML-DSig"
    certificates = _key_info_certificates(signature)
    signer_cert = _signer_certificate(structure, certificates)
    if signer_cert is None:
        report.reasons.append("the signature carries no certificate matching its signing certificate")
        report.status = "unverifiable" if not certificates else "invalid"
        return report
    report.signer = CertInfo.of(signer_cert)
    if skip_crypto:
        report.reasons.append("not checked: the document's Ids are ambiguous")
        return report
    document = _document_bytes(tree, signature, structure.document_reference)
    intact, reasons = _crypto_check(signature, structure, signer_cert, document)
    report.intact = intact
    report.reasons.extend(reasons)
    if intact:
        report.verified_content = document  # hashes to the signed digest: exactly what was signed
    if report.intact and structure.signed_properties is not None:
        _read_properties(report, structure, signer_cert)
    lt_certificates, lt_crls = _lt_values(structure) if report.intact else ([], [])
    path = trust.validate(signer_cert, [c for c in certificates + lt_certificates if c != signer_cert], at,
                          embedded_crls=lt_crls)
    report.trusted = path.trusted
    report.notes.extend(path.notes)
    if report.intact and not path.trusted:
        report.reasons.extend(path.reasons)
    if structure.sha1:
        report.reasons.append(f"it uses SHA-1 ({structure.sha1}), which is no longer accepted for signatures")
    report.status = _status(report, structure)
    return report


def _status(report: SignatureReport, structure: _Structure) -> str:
    if report.intact is False:
        return "invalid"
    if report.intact is None or structure.sha1:
        return "unverifiable"
    return "valid" if report.trusted and not report.reasons else "intact-untrusted"


class _Unsupported(Exception):
    """The signature uses something this verifier cannot check honestly."""


@dataclass
class _Reference:
    element: etree._Element
    uri: str
    transforms: list[tuple[str, etree._Element]]
    digest_method: str
    digest_value: bytes
    c14n: str


@dataclass
class _Structure:
    signed_info: etree._Element
    c14n: str
    signature_method: str
    document_reference: _Reference
    other_references: list[_Reference]
    signed_properties: etree._Element | None
    parallel: bool
    covers: list[str]
    sha1: str | None

    @classmethod
    def read(cls, signature: etree._Element) -> _Structure:
        signed_info = signature.find(ds("SignedInfo"))
        if signed_info is None:
            raise _Unsupported("the signature has no SignedInfo")
        c14n = _algorithm(signed_info, "CanonicalizationMethod")
        if c14n not in C14N_METHODS:
            raise _Unsupported(f"unsupported canonicalization {c14n}")
        method = _algorithm(signed_info, "SignatureMethod")
        sha1 = method if method in SHA1_SIGNATURE_METHODS else None
        if method not in SIGNATURE_METHODS and not sha1:
            raise _Unsupported(f"unsupported signature method {method}")
        references = [_read_reference(r) for r in signed_info.iterfind(ds("Reference"))]
        sha1 = sha1 or next((r.digest_method for r in references if r.digest_method == SHA1_DIGEST), None)
        documents = [r for r in references if r.uri == ""]
        if len(documents) != 1:
            raise _Unsupported(f"{len(documents)} references to the whole document; exactly one is required")
        others = [r for r in references if r.uri != ""]
        signed_properties = _signed_properties(signature, others)
        if any(r.uri.startswith("#") is False for r in others):
            raise _Unsupported("a reference points outside this document")
        parallel = any(t == FILTER2 for t, _ in documents[0].transforms)
        covers = ["the whole certificate except its signatures" if parallel else
                  "the whole certificate except this signature"]
        covers += ["the signing time, signer certificate and role (XAdES signed properties)"] * (
            signed_properties is not None)
        covers += ["the signer's certificates (KeyInfo)"] * any(
            _target(signature, r.uri) is not None and _target(signature, r.uri).tag == ds("KeyInfo") for r in others)
        return cls(signed_info, c14n, method, documents[0], others, signed_properties, parallel, covers, sha1)


def _algorithm(parent: etree._Element, local: str) -> str:
    el = parent.find(ds(local))
    if el is None or not el.get("Algorithm"):
        raise _Unsupported(f"the signature has no {local}")
    return el.get("Algorithm")


def _read_reference(reference: etree._Element) -> _Reference:
    uri = reference.get("URI")
    if uri is None:
        raise _Unsupported("a reference without URI")
    transforms = [(t.get("Algorithm") or "", t) for t in reference.iterfind(f"{ds('Transforms')}/{ds('Transform')}")]
    c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"  # the XML-DSig default after the transforms
    for algorithm, element in transforms:
        if algorithm in C14N_METHODS:
            c14n = algorithm
        elif algorithm == ENVELOPED or algorithm == FILTER2 and _filter2_ok(element) or (
                algorithm == XPATH1 and _xpath1_ok(element)):
            continue
        else:
            raise _Unsupported(f"the transform {algorithm} cannot be checked by this application")
    method_el = reference.find(ds("DigestMethod"))
    method = method_el.get("Algorithm") if method_el is not None else ""
    if method not in DIGESTS and method != SHA1_DIGEST:
        raise _Unsupported(f"unsupported digest method {method}")
    value_el = reference.find(ds("DigestValue"))
    try:
        value = base64.b64decode("".join((value_el.text or "").split()), validate=True) if value_el is not None else b""
    except ValueError:
        raise _Unsupported("a DigestValue is not base64") from None
    return _Reference(reference, uri, transforms, method, value, c14n)


def _filter2_ok(transform: etree._Element) -> bool:
    expressions = transform.findall(f"{{{FILTER2}}}XPath")
    return bool(expressions) and all(e.get("Filter") == "subtract" for e in expressions)


def _xpath1_ok(transform: etree._Element) -> bool:
    xpath = transform.find(ds("XPath"))
    return xpath is not None and " ".join((xpath.text or "").split()) == XPATH1_NOT_SIGNATURE and (
        xpath.nsmap.get("ds") == DS)


def _target(signature: etree._Element, uri: str) -> etree._Element | None:
    wanted = uri[1:]
    found = [el for el in signature.iter() if isinstance(el.tag, str) and wanted in (el.get("Id"), el.get("ID"))]
    return found[0] if len(found) == 1 else None


def _signed_properties(signature: etree._Element, references: list[_Reference]) -> etree._Element | None:
    """The SignedProperties a verified reference points to, inside this signature's own QualifyingProperties."""
    typed = [r for r in references if r.element.get("Type") == SIGNED_PROPERTIES_TYPE]
    if not typed:
        return None
    target = _target(signature, typed[0].uri)
    qualifying = target.getparent() if target is not None else None
    if (target is None or target.tag != f"{{{XADES}}}SignedProperties" or qualifying is None
            or qualifying.get("Target") != f"#{signature.get('Id')}"):
        raise _Unsupported("the XAdES signed properties are missing or do not belong to this signature")
    return target


def _key_info_certificates(signature: etree._Element) -> list[x509.Certificate]:
    certificates = []
    for el in signature.iterfind(f"{ds('KeyInfo')}/{ds('X509Data')}/{ds('X509Certificate')}"):
        try:
            certificates.append(x509.load_der_x509_certificate(base64.b64decode("".join((el.text or "").split()))))
        except ValueError:
            continue
    return certificates


def _signer_certificate(structure: _Structure, certificates: list[x509.Certificate]) -> x509.Certificate | None:
    """XAdES names its signing certificate by digest; plain XML-DSig: the certificate whose key verifies."""
    if structure.signed_properties is not None:
        digests = _signing_certificate_digests(structure.signed_properties)
        for certificate in certificates:
            der = certificate.public_bytes(serialization.Encoding.DER)
            if any(hashlib.new(name, der).digest() == value for name, value in digests):
                return certificate
        return None
    for certificate in certificates:
        if _signature_ok_with(structure, certificate):
            return certificate
    return certificates[0] if certificates else None


def _signing_certificate_digests(properties: etree._Element) -> list[tuple[str, bytes]]:
    names = {"http://www.w3.org/2001/04/xmlenc#sha256": "sha256", "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
             "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384", SHA1_DIGEST: "sha1"}
    out = []
    for digest in properties.iter(f"{{{XADES}}}CertDigest"):
        method = digest.find(ds("DigestMethod"))
        value = digest.find(ds("DigestValue"))
        if method is not None and value is not None and method.get("Algorithm") in names:
            out.append((names[method.get("Algorithm")], base64.b64decode("".join((value.text or "").split()))))
    return out


_HASHES = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


def _signature_ok_with(structure: _Structure, certificate: x509.Certificate) -> bool:
    """Whether the SignatureValue is a signature of the canonical SignedInfo by this certificate's key."""
    algorithm = _HASHES.get(structure.signature_method.rsplit("-", 1)[-1])  # ...#ecdsa-sha256 → sha256
    value_el = structure.signed_info.getparent().find(ds("SignatureValue"))
    if algorithm is None or value_el is None:
        return False
    try:
        value = base64.b64decode("".join((value_el.text or "").split()), validate=True)
    except ValueError:
        return False
    signed_info = canonicalize(structure.signed_info, structure.c14n)
    key = certificate.public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey) and "ecdsa" in structure.signature_method:
            size = (key.curve.key_size + 7) // 8
            if len(value) != 2 * size:
                return False
            der = encode_dss_signature(int.from_bytes(value[:size], "big"), int.from_bytes(value[size:], "big"))
            key.verify(der, signed_info, ec.ECDSA(algorithm()))
        elif isinstance(key, rsa.RSAPublicKey) and "rsa" in structure.signature_method:
            key.verify(value, signed_info, padding.PKCS1v15(), algorithm())
        else:
            return False
        return True
    except InvalidSignature:
        return False


def _crypto_check(signature: etree._Element, structure: _Structure, certificate: x509.Certificate,
                  document: bytes | None) -> tuple[bool, list[str]]:
    """Every reference digest recomputed from its declared transforms, and the signature value over SignedInfo.

    libxmlsec1 does the same work several times slower on an element-heavy certificate (its enveloped transform
    tests every node against a node set); the tests prove this path agrees with it and with signxml.
    """
    reasons = _what_changed(signature, structure, document)
    if not _signature_ok_with(structure, certificate):
        reasons.append("the signature value does not match the signed information (altered, or made with another "
                       "key than the signing certificate's)")
    return not reasons, reasons


def _what_changed(signature: etree._Element, structure: _Structure, document: bytes | None) -> list[str]:
    reasons = []
    if document is None or _digest(structure.document_reference, document) != structure.document_reference.digest_value:
        reasons.append("the certificate was changed after it was signed (the digest of the document does not match)")
    for reference in structure.other_references:
        target = _target(signature, reference.uri)
        if target is None:
            reasons.append(f"the reference {reference.uri} points to nothing (or to more than one element)")
        elif _digest(reference, canonicalize(target, reference.c14n)) != reference.digest_value:
            what = ("the signed properties (signing time, signer, role)"
                    if target.tag == f"{{{XADES}}}SignedProperties" else f"{reference.uri}")
            reasons.append(f"{what} changed after signing")
    return reasons


def _digest(reference: _Reference, data: bytes) -> bytes:
    if reference.digest_method == SHA1_DIGEST:
        return hashlib.sha1(data, usedforsecurity=False).digest()
    return DIGESTS[reference.digest_method](data).digest()


def _document_bytes(tree: etree._ElementTree, signature: etree._Element, reference: _Reference) -> bytes | None:
    """The canonical bytes the document reference covers, computed here from its declared transforms."""
    root = tree.getroot()
    removed: list[etree._Element] = []
    for algorithm, transform in reference.transforms:
        if algorithm == ENVELOPED:
            removed.append(signature)
        elif algorithm == XPATH1:
            removed.extend(root.iter(ds("Signature")))
        elif algorithm == FILTER2:
            for expression in transform.findall(f"{{{FILTER2}}}XPath"):
                namespaces = {k: v for k, v in expression.nsmap.items() if k}
                try:
                    found = tree.xpath(expression.text or "", namespaces=namespaces)
                except etree.XPathError:
                    return None
                if not all(isinstance(n, etree._Element) for n in found):
                    return None
                removed.extend(found)
    outermost = [el for el in dict.fromkeys(removed) if not any(a in removed for a in el.iterancestors())]
    with detached(outermost):
        return canonicalize(tree, reference.c14n)


def _lt_values(structure: _Structure) -> tuple[list[x509.Certificate], list[x509.CertificateRevocationList]]:
    """XAdES-LT ``CertificateValues`` and ``RevocationValues/CRLValues`` of the verified signature (the
    QualifyingProperties its verified SignedProperties belong to). Unreadable values are skipped; the trust store
    checks each CRL's signature against the validated chain and lets it only revoke (never trust)."""
    if structure.signed_properties is None:
        return [], []
    qualifying = structure.signed_properties.getparent()
    unsigned = f"{{{XADES}}}UnsignedProperties/{{{XADES}}}UnsignedSignatureProperties"
    certificates, crls = [], []
    for el in qualifying.iterfind(f"{unsigned}/{{{XADES}}}CertificateValues/{{{XADES}}}EncapsulatedX509Certificate"):
        try:
            certificates.append(x509.load_der_x509_certificate(base64.b64decode("".join((el.text or "").split()))))
        except ValueError:
            continue
    path = f"{unsigned}/{{{XADES}}}RevocationValues/{{{XADES}}}CRLValues/{{{XADES}}}EncapsulatedCRLValue"
    for el in qualifying.iterfind(path):
        try:
            crls.append(x509.load_der_x509_crl(base64.b64decode("".join((el.text or "").split()))))
        except ValueError:
            continue
    return certificates, crls


def _read_properties(report: SignatureReport, structure: _Structure, signer: x509.Certificate) -> None:
    """Signing time and role, read from the canonical form of the verified SignedProperties only."""
    properties = etree.fromstring(canonicalize(structure.signed_properties, structure.c14n))
    time = properties.find(f".//{{{XADES}}}SigningTime")
    report.signing_time = "".join(time.itertext()).strip() if time is not None else None
    roles = properties.findall(f".//{{{XADES}}}ClaimedRole")
    report.role = ", ".join("".join(r.itertext()).strip() for r in roles) or None
