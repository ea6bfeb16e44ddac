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

Nothing from the document is *evaluated*: the only transforms accepted are the ones this application writes (and the
common fixed ``not(ancestor-or-self::ds:Signature)`` XPath of other tools), compared as strings and carried out by
fixed code, so an XPath expression in a file can neither run for minutes nor leave out a part of the certificate.
What a signature covers is derived from what was digested. Counts are bounded (references, signatures,
certificates), malformed values make the signature *invalid* with their own reason, and the reports are frozen:
built here from local state, then never changed by a later stage.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from lxml import etree

from coomet_lab.dcc.io.reader import check_root
from coomet_lab.kernel.xmlsafe import parse_bytes
from coomet_lab.trust.anchors import CertInfo, TrustStore
from coomet_lab.trust.dsig import (
    C14N10,
    C14N_METHODS,
    DS,
    ENVELOPED,
    FILTER2,
    ROOT_SIGNATURES_XPATH,
    SIGNED_PROPERTIES_TYPE,
    XADES,
    XPATH1,
    all_ids,
    canonicalize,
    detached,
    ds,
    root_signatures,
)

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
# Bounds on what one document may ask of the verifier. We write at most 3 references per signature and 2
# signatures per DCC, with 2 certificates each; the limits leave room for other tools and stop a file of 5,000
# references (over a minute) or thousands of certificates.
MAX_REFERENCES = 32
MAX_SIGNATURES = 16
MAX_CERTIFICATES = 16
# libxml2's inclusive canonicalization (C14N 1.0/1.1, which some other tools use) costs about
# elements × (namespaces in scope)² steps: 50,000 elements under 256 declared namespaces took 30 s, against 0.1 s
# for exclusive c14n. A DCC of 1,000,000 elements with 12 namespaces stays under this budget (about 2 s).
INCLUSIVE_C14N_BUDGET = 200_000_000
# The transforms that remove signatures from the document before it is digested, and what each one leaves out.
LEAVES_OUT = {
    ENVELOPED: "the whole certificate except this signature",
    FILTER2: "the whole certificate except its signatures",
    XPATH1: "the whole certificate except its signatures",
}
_KEY_NAMES = ((ed448.Ed448PublicKey, "an Ed448"), (ed25519.Ed25519PublicKey, "an Ed25519"), (dsa.DSAPublicKey, "a DSA"),
              (x448.X448PublicKey, "an X448"), (x25519.X25519PublicKey, "an X25519"))


@dataclass(frozen=True)
class SignatureReport:
    """The verdict on one signature, with the reasons a person needs. Built only by this module, then frozen."""

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
    covers: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    verified_content: bytes | None = field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("verified_content")
        return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}


@dataclass(frozen=True)
class VerificationReport:
    """The verdict on a whole document: computed from the frozen signature reports, so it cannot be altered."""

    source: str
    signatures: tuple[SignatureReport, ...] = ()
    problems: tuple[str, ...] = ()

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
        from coomet_lab.dcc.io.reader import read_certificate_bytes

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
        return {"file": self.source, "verdict": self.verdict, "problems": list(self.problems),
                "signatures": [s.to_json() for s in self.signatures]}


@dataclass
class _Draft:
    """The verifier's working state for one signature; frozen into a :class:`SignatureReport` at the end."""

    index: int
    id: str | None
    status: str = "invalid"
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
    verified_content: bytes | None = None

    def freeze(self) -> SignatureReport:
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in vars(self).items()}
        return SignatureReport(**values)


def verify_bytes(data: bytes, *, trust: TrustStore | None = None, large: bool = False, source: str = "input",
                 at: dt.datetime | None = None) -> VerificationReport:
    """Verify every signature of a DCC. Raises ``UnusableInputError`` for input that cannot be read."""
    tree = parse_bytes(data, large=large, source=source)
    check_root(tree.getroot(), source)
    return verify_tree(tree, trust=trust or TrustStore(), source=source, at=at)


def verify_tree(tree: etree._ElementTree, *, trust: TrustStore, source: str = "input",
                at: dt.datetime | None = None) -> VerificationReport:
    """Verify every root-level signature of a parsed tree (parse it with
    :func:`coomet_lab.kernel.xmlsafe.parse_bytes`)."""
    root = tree.getroot()
    problems: list[str] = []
    signatures = root_signatures(root)
    if len(signatures) > MAX_SIGNATURES:
        problems.append(f"the document carries {len(signatures)} signatures; at most {MAX_SIGNATURES} are accepted, "
                        "so none was checked")
        return VerificationReport(source, (), tuple(problems))
    elsewhere = [s for s in root.iter(ds("Signature")) if s.getparent() is not root]
    if elsewhere:
        where = etree.QName(elsewhere[0].getparent()).localname
        problems.append(f"a signature was found inside dcc:{where}, not directly under the root; "
                        "signatures anywhere else are not accepted (a wrapped or moved signature)")
    duplicates = sorted(i for i, n in Counter(all_ids(root)).items() if n > 1)
    if duplicates:
        problems.append(f"the document repeats the Id {', '.join(duplicates)}: references to it are "
                        "ambiguous (a signature-wrapping attempt, or a broken document)")
    reports = tuple(_verify_one(tree, signature, index, trust, at, skip_crypto=bool(duplicates))
                    for index, signature in enumerate(signatures))
    return VerificationReport(source, reports, tuple(problems))


# ------------------------------------------------------------------------------------------ one signature


def _verify_one(tree: etree._ElementTree, signature: etree._Element, index: int, trust: TrustStore,
                at: dt.datetime | None, skip_crypto: bool) -> SignatureReport:
    report = _Draft(index=index, id=signature.get("Id"))
    try:
        _check(tree, signature, report, trust, at, skip_crypto)
    except _Unsupported as exc:
        report.status, report.intact, report.covers = "unverifiable", None, []
        report.reasons.append(str(exc))
    except _Invalid as exc:
        report.status, report.intact, report.covers, report.verified_content = "invalid", False, [], None
        report.reasons.append(str(exc))
    return report.freeze()


def _check(tree: etree._ElementTree, signature: etree._Element, report: _Draft, trust: TrustStore,
           at: dt.datetime | None, skip_crypto: bool) -> None:
    structure = _Structure.read(signature)
    report.parallel = structure.parallel
    report.profile = "XAdES-BES" if structure.signed_properties is not None else "XML-DSig"
    certificates = _key_info_certificates(signature)
    signer_cert = _signer_certificate(structure, certificates)
    if signer_cert is None:
        report.reasons.append("the signature carries no certificate matching its signing certificate")
        report.status = "unverifiable" if not certificates else "invalid"
        return
    report.signer = CertInfo.of(signer_cert)
    if "#dsa-" in structure.signature_method:
        raise _Unsupported("DSA signatures (legacy XML-DSig) are not checked by this application")
    _require_supported_key(signer_cert)
    if skip_crypto:
        report.reasons.append("not checked: the document's Ids are ambiguous")
        return
    _inclusive_c14n_bounded(tree, signature, structure)
    document = _document_bytes(tree, signature, structure.document_reference)
    intact, reasons, covered = _crypto_check(signature, structure, signer_cert, document)
    report.intact = intact
    report.reasons.extend(reasons)
    report.covers = covered
    if intact:
        report.verified_content = document  # hashes to the signed digest: exactly what was signed
    if report.intact and structure.signed_properties is not None:
        _read_properties(report, structure)
    lt_certificates, lt_crls = _lt_values(structure) if report.intact else ([], [])
    try:
        path = trust.validate(signer_cert, [c for c in certificates + lt_certificates if c != signer_cert], at,
                              embedded_crls=lt_crls)
    except (ValueError, UnsupportedAlgorithm) as exc:  # a certificate cryptography's path builder cannot use
        raise _Invalid(f"the signer's certificate chain cannot be checked ({exc})") from None
    report.trusted = path.trusted
    report.notes.extend(path.notes)
    if report.intact and not path.trusted:
        report.reasons.extend(path.reasons)
    if structure.sha1:
        report.reasons.append(f"it uses SHA-1 ({structure.sha1}), which is no longer accepted for signatures")
    report.status = _status(report, structure)


def _status(report: _Draft, structure: _Structure) -> str:
    if report.intact is False:
        return "invalid"
    if report.intact is None or structure.sha1:
        return "unverifiable"
    return "valid" if report.trusted and not report.reasons else "intact-untrusted"


class _Unsupported(Exception):
    """The signature uses something this verifier cannot check honestly (reported as unverifiable)."""


class _Invalid(Exception):
    """The signature is malformed or exceeds a bound (reported as invalid, with this reason)."""


@dataclass
class _Reference:
    element: etree._Element
    uri: str
    removal: str | None  # the transform that leaves signatures out (document reference only), see LEAVES_OUT
    digest_method: str
    digest_value: bytes
    c14n: str


@dataclass
class _Structure:
    signed_info: etree._Element
    c14n: str
    signature_method: str
    signature_value: bytes
    document_reference: _Reference
    other_references: list[_Reference]
    signed_properties: etree._Element | None
    parallel: bool
    sha1: str | None

    @classmethod
    def read(cls, signature: etree._Element) -> _Structure:
        signed_info = signature.find(ds("SignedInfo"))
        if signed_info is None:
            raise _Unsupported("the signature has no SignedInfo")
        c14n = _algorithm(signed_info, "CanonicalizationMethod")
        if c14n not in C14N_METHODS or _has_children(signed_info.find(ds("CanonicalizationMethod"))):
            raise _Unsupported(f"unsupported canonicalization {c14n}")
        method = _algorithm(signed_info, "SignatureMethod")
        sha1 = method if method in SHA1_SIGNATURE_METHODS else None
        if method not in SIGNATURE_METHODS and not sha1:
            raise _Unsupported(f"unsupported signature method {method}")
        elements = signed_info.findall(ds("Reference"))
        if len(elements) > MAX_REFERENCES:
            raise _Invalid(f"the signature has {len(elements)} references; at most {MAX_REFERENCES} are accepted")
        references = [_read_reference(r, number) for number, r in enumerate(elements, 1)]
        sha1 = sha1 or next((r.digest_method for r in references if r.digest_method == SHA1_DIGEST), None)
        documents = [r for r in references if r.uri == ""]
        if len(documents) != 1:
            raise _Unsupported(f"{len(documents)} references to the whole document; exactly one is required")
        others = [r for r in references if r.uri != ""]
        if any(not r.uri.startswith("#") for r in others):
            raise _Unsupported("a reference points outside this document")
        signed_properties = _signed_properties(signature, others)
        value_el = signature.find(ds("SignatureValue"))
        if value_el is None:
            raise _Invalid("the signature has no SignatureValue")
        value = _base64(value_el.text, "the SignatureValue")
        return cls(signed_info, c14n, method, value, documents[0], others, signed_properties,
                   documents[0].removal == FILTER2, sha1)


def _algorithm(parent: etree._Element, local: str) -> str:
    el = parent.find(ds(local))
    if el is None or not el.get("Algorithm"):
        raise _Unsupported(f"the signature has no {local}")
    return el.get("Algorithm")


def _has_children(el: etree._Element | None) -> bool:
    """Whether a transform or method carries parameters (comments count: they would hide text)."""
    return el is not None and len(el) > 0


def _base64(text: str | None, what: str) -> bytes:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except ValueError:
        raise _Invalid(f"{what} is not valid base64") from None


def _shown(text: str) -> str:
    return repr(text if len(text) <= 100 else text[:100] + "…")


def _read_reference(reference: etree._Element, number: int) -> _Reference:
    """A reference whose transforms are exactly ones this verifier carries out itself, never evaluated."""
    uri = reference.get("URI")
    if uri is None:
        raise _Unsupported("a reference without URI")
    transforms = reference.findall(f"{ds('Transforms')}/{ds('Transform')}")
    c14n, removal = C14N10, None  # C14N 1.0: the XML-DSig default after the transforms
    for position, transform in enumerate(transforms):
        algorithm = transform.get("Algorithm") or ""
        last = position == len(transforms) - 1
        if algorithm in C14N_METHODS and last and not _has_children(transform):
            c14n = algorithm
        elif algorithm in LEAVES_OUT and position == 0 and uri == "":
            _check_removal(algorithm, transform)
            removal = algorithm
        elif algorithm in C14N_METHODS or algorithm in LEAVES_OUT:
            raise _Unsupported(f"transform not supported: the transform {algorithm} in that place of reference "
                               f"{number} cannot be checked by this application")
        else:
            raise _Unsupported(f"transform not supported: the transform {algorithm or '(none)'} cannot be checked "
                               "by this application")
    method_el = reference.find(ds("DigestMethod"))
    method = method_el.get("Algorithm") if method_el is not None else ""
    if method not in DIGESTS and method != SHA1_DIGEST:
        raise _Unsupported(f"unsupported digest method {method}")
    value_el = reference.find(ds("DigestValue"))
    value = _base64(value_el.text if value_el is not None else "", f"the DigestValue of reference {number}")
    return _Reference(reference, uri, removal, method, value, c14n)


def _check_removal(algorithm: str, transform: etree._Element) -> None:
    """Only the exact XPath texts we write (Filter 2.0) or other tools commonly write (XPath 1.0) are accepted."""
    if algorithm == ENVELOPED:
        if _has_children(transform):
            raise _Unsupported("transform not supported: an enveloped-signature transform with parameters")
        return
    ours = ROOT_SIGNATURES_XPATH if algorithm == FILTER2 else XPATH1_NOT_SIGNATURE
    kind = "XPath Filter 2.0" if algorithm == FILTER2 else "XPath"
    expressions = list(transform)
    expected_tag = f"{{{FILTER2}}}XPath" if algorithm == FILTER2 else ds("XPath")
    if len(expressions) != 1 or expressions[0].tag != expected_tag:
        raise _Unsupported(f"transform not supported: an {kind} transform with {len(expressions)} expressions; "
                           f"this application checks only {ours!r} (it writes that one)")
    expression = expressions[0]
    if algorithm == FILTER2 and expression.get("Filter") != "subtract":
        raise _Unsupported(f"transform not supported: an XPath Filter 2.0 {expression.get('Filter')!r} filter; "
                           f"this application checks only 'subtract' of {ours!r}")
    text = " ".join((expression.text or "").split())
    if len(expression) or text != ours:
        raise _Unsupported(f"transform not supported: the {kind} expression {_shown(text)} is not one this "
                           f"application writes, so it was not evaluated (only {ours!r} is checked)")
    if expression.nsmap.get("ds") != DS:
        raise _Unsupported(f"transform not supported: the {kind} expression's ds: prefix is not the XML-DSig "
                           "namespace")


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
    """Every KeyInfo certificate, each one readable to the end (cryptography parses lazily: a duplicate extension
    or an unknown key algorithm surfaces only when used), or the signature is invalid with that reason."""
    elements = signature.findall(f"{ds('KeyInfo')}/{ds('X509Data')}/{ds('X509Certificate')}")
    if len(elements) > MAX_CERTIFICATES:
        raise _Invalid(f"the KeyInfo carries {len(elements)} certificates; at most {MAX_CERTIFICATES} are accepted")
    certificates = []
    for number, el in enumerate(elements, 1):
        what = f"KeyInfo certificate {number}"
        der = _base64(el.text, what)
        try:
            certificate = x509.load_der_x509_certificate(der)
        except ValueError:
            raise _Invalid(f"{what} is not a readable X.509 certificate") from None
        try:
            certificate.public_key()
        except (UnsupportedAlgorithm, ValueError):
            raise _Invalid(f"{what} has a key of an unknown algorithm, or a damaged key") from None
        try:
            certificate.extensions  # noqa: B018 (parsed on first access)
            CertInfo.of(certificate)
        except (ValueError, x509.DuplicateExtension, x509.UnsupportedGeneralNameType) as exc:
            raise _Invalid(f"{what} is malformed ({exc})") from None
        certificates.append(certificate)
    return certificates


def _require_supported_key(certificate: x509.Certificate) -> None:
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        name = next((n for t, n in _KEY_NAMES if isinstance(key, t)), f"a {type(key).__name__}")
        raise _Invalid(f"the signer's certificate has {name} key; only RSA and ECDSA keys are accepted")


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
    entries = list(properties.iter(f"{{{XADES}}}CertDigest"))
    if len(entries) > MAX_CERTIFICATES:
        raise _Invalid(f"the signed properties name {len(entries)} certificates; at most {MAX_CERTIFICATES} are "
                       "accepted")
    out = []
    for digest in entries:
        method = digest.find(ds("DigestMethod"))
        value = digest.find(ds("DigestValue"))
        if method is not None and value is not None and method.get("Algorithm") in names:
            out.append((names[method.get("Algorithm")],
                        _base64(value.text, "a CertDigest DigestValue of the signed properties")))
    return out


_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512,
}


def _signature_ok_with(structure: _Structure, certificate: x509.Certificate) -> bool:
    """Whether the SignatureValue is a signature of the canonical SignedInfo by this certificate's key."""
    algorithm = _HASHES.get(structure.signature_method.rsplit("-", 1)[-1])  # ...#ecdsa-sha256 → sha256
    if algorithm is None:
        return False
    value = structure.signature_value
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
    except (InvalidSignature, ValueError):
        return False


def _crypto_check(signature: etree._Element, structure: _Structure, certificate: x509.Certificate,
                  document: bytes | None) -> tuple[bool, list[str], list[str]]:
    """Every reference digest recomputed from its declared transforms, and the signature value over SignedInfo.

    Returns (intact, reasons, what the matching digests cover). libxmlsec1 does the same work several times slower
    on an element-heavy certificate (its enveloped transform tests every node against a node set); the tests prove
    this path agrees with it and with signxml.
    """
    reasons, covered = _what_changed(signature, structure, document)
    if not _signature_ok_with(structure, certificate):
        reasons.append("the signature value does not match the signed information (altered, or made with another "
                       "key than the signing certificate's)")
        covered = []
    return not reasons, reasons, covered


def _what_changed(signature: etree._Element, structure: _Structure,
                  document: bytes | None) -> tuple[list[str], list[str]]:
    reasons, covered = [], []
    reference = structure.document_reference
    if document is None or _digest(reference, document) != reference.digest_value:
        reasons.append("the certificate was changed after it was signed (the digest of the document does not match)")
    else:
        covered.append(LEAVES_OUT.get(reference.removal or "", "the whole certificate, with its signatures"))
    for reference in structure.other_references:
        target = _target(signature, reference.uri)
        if target is None:
            reasons.append(f"the reference {reference.uri} points to nothing (or to more than one element)")
        elif _digest(reference, canonicalize(target, reference.c14n)) != reference.digest_value:
            what = ("the signed properties (signing time, signer, role)"
                    if target.tag == f"{{{XADES}}}SignedProperties" else f"{reference.uri}")
            reasons.append(f"{what} changed after signing")
        elif target.tag == f"{{{XADES}}}SignedProperties":
            covered.append("the signing time, signer certificate and role (XAdES signed properties)")
        elif target.tag == ds("KeyInfo"):
            covered.append("the signer's certificates (KeyInfo)")
    return reasons, covered


def _inclusive_c14n_bounded(tree: etree._ElementTree, signature: etree._Element, structure: _Structure) -> None:
    """Refuse (as not checkable) an inclusive canonicalization that would run for minutes; exclusive is linear."""
    uses = [(tree.getroot(), structure.document_reference.c14n), (structure.signed_info, structure.c14n)]
    uses += [(_target(signature, r.uri), r.c14n) for r in structure.other_references]
    inclusive = [node for node, method in uses if node is not None and not C14N_METHODS[method][0]]
    if not inclusive:
        return
    prefixes = {prefix for _event, (prefix, _uri) in etree.iterwalk(tree, events=("start-ns",))}
    in_scope = len(prefixes) + 1  # and xml:
    for node in inclusive:
        elements = int(node.xpath("count(descendant-or-self::*)"))
        if elements * in_scope * in_scope > INCLUSIVE_C14N_BUDGET:
            raise _Unsupported(f"not checked: inclusive canonicalization of {elements} elements under {in_scope} "
                               "namespaces would take minutes (the document declares too many namespaces for it)")


def _digest(reference: _Reference, data: bytes) -> bytes:
    if reference.digest_method == SHA1_DIGEST:
        return hashlib.sha1(data, usedforsecurity=False).digest()
    return DIGESTS[reference.digest_method](data).digest()


def _document_bytes(tree: etree._ElementTree, signature: etree._Element, reference: _Reference) -> bytes:
    """The canonical bytes the document reference covers: the document without what its (allow-listed) removal
    transform leaves out, computed by fixed code; no expression from the document is evaluated."""
    root = tree.getroot()
    removed: list[etree._Element] = []
    if reference.removal == ENVELOPED:
        removed = [signature]
    elif reference.removal == FILTER2:  # subtract /*/ds:Signature
        removed = root_signatures(root)
    elif reference.removal == XPATH1:  # not(ancestor-or-self::ds:Signature)
        removed = list(root.iter(ds("Signature")))
    outermost = [el for el in removed if not any(a in removed for a in el.iterancestors())]
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
    values = f"{unsigned}/{{{XADES}}}CertificateValues/{{{XADES}}}EncapsulatedX509Certificate"
    for el in list(qualifying.iterfind(values))[:MAX_CERTIFICATES]:
        try:
            certificates.append(x509.load_der_x509_certificate(base64.b64decode("".join((el.text or "").split()))))
        except ValueError:
            continue
    path = f"{unsigned}/{{{XADES}}}RevocationValues/{{{XADES}}}CRLValues/{{{XADES}}}EncapsulatedCRLValue"
    for el in list(qualifying.iterfind(path))[:MAX_CERTIFICATES]:
        try:
            crls.append(x509.load_der_x509_crl(base64.b64decode("".join((el.text or "").split()))))
        except ValueError:
            continue
    return certificates, crls


def _read_properties(report: _Draft, structure: _Structure) -> None:
    """Signing time and role, read from the canonical form of the verified SignedProperties only."""
    properties = etree.fromstring(canonicalize(structure.signed_properties, structure.c14n))
    time = properties.find(f".//{{{XADES}}}SigningTime")
    report.signing_time = "".join(time.itertext()).strip() if time is not None else None
    roles = properties.findall(f".//{{{XADES}}}ClaimedRole")
    report.role = ", ".join("".join(r.itertext()).strip() for r in roles) or None
