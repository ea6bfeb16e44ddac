"""Enveloped XAdES-BES (baseline B-B) signatures over a whole DCC, for one signer or for two in parallel.

Profile (SIGNING.md §1): ECDSA P-256 or RSA with SHA-256; exclusive C14N 1.0 without comments for SignedInfo and
declared as a Transform on every reference; three references (the document, ``xades:SignedProperties``,
``ds:KeyInfo``); SigningTime, SigningCertificateV2 (signer and issuer), SignerRoleV2 and DataObjectFormat;
KeyInfo with the signer and issuing CA certificates and no KeyValue; ``ds:Signature`` as the last child of the root.

Two signers (the person who performed the calibration and the one who approved it): an enveloped-signature
transform removes only *its own* signature, so a second signature appended later lands inside the first one's
digest and breaks it (SIGNING.md §8). Signatures made for two signers therefore use XPath Filter 2.0
(``subtract`` every signature directly under the root) instead: each covers the whole certificate except the
signatures, neither covers the other, and both verify in any order. A single signature keeps the common
enveloped-signature transform, which every DCC tool understands.

Why not signxml: it copies and re-parses the whole document (so it cannot sign a DCC with a value list over 10 MB,
and spends most of its time copying), and it cannot write or verify XPath filter transforms. Canonicalization is
libxml2's (through lxml), digests are hashlib's, signatures come from the :class:`Signer` backend; libxmlsec1
verifies every signature made here (our verifier, and the ``xmlsec1`` command in the tests).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from lxml import etree

from coomet_lab.trust.anchors import TrustStore, require_may_sign
from coomet_lab.trust.dsig import (
    DS,
    ENVELOPED,
    EXC_C14N,
    FILTER2,
    ROOT_SIGNATURES_XPATH,
    SIGNED_PROPERTIES_TYPE,
    XADES,
    all_ids,
    canonicalize,
    detached,
    ds,
    root_signatures,
    xades,
)
from coomet_lab.trust.errors import SigningError
from coomet_lab.trust.signers import SHA256_URI, Signer

ROLES = ("performer", "approver")


@dataclass(frozen=True)
class SignaturePlan:
    """How the next signature covers the document."""

    parallel: bool
    role: str | None


def plan_signature(root: etree._Element, role: str | None, parallel: bool | None = None) -> SignaturePlan:
    """One signer: enveloped. The performer (an approver follows) or any signature next to an existing one:
    parallel. Refuses to add to a signature that would break."""
    if role is not None and role not in ROLES:
        raise SigningError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    existing = root_signatures(root)
    if existing:
        single = [s for s in existing if not is_parallel_signature(s)]
        if single:
            raise SigningError(
                "the certificate already carries a signature made for a single signer; another signature would "
                "break it. Sign with --role performer first when a second person approves"
            )
        return SignaturePlan(parallel=True, role=role)
    return SignaturePlan(parallel=bool(parallel) if parallel is not None else role == "performer", role=role)


def is_parallel_signature(signature: etree._Element) -> bool:
    """Whether a signature's document reference subtracts every root-level signature (made for two signers)."""
    for reference in signature.iterfind(f"{ds('SignedInfo')}/{ds('Reference')}"):
        if reference.get("URI") == "":
            for transform in reference.iterfind(f"{ds('Transforms')}/{ds('Transform')}"):
                if transform.get("Algorithm") == FILTER2:
                    expressions = transform.findall(f"{{{FILTER2}}}XPath")
                    return len(expressions) == 1 and expressions[0].get("Filter") == "subtract" and (
                        (expressions[0].text or "").strip() == ROOT_SIGNATURES_XPATH)
    return False


def sign_tree(tree: etree._ElementTree, signer: Signer, *, role: str | None = None, parallel: bool | None = None,
              when: dt.datetime | None = None, trust: TrustStore | None = None) -> etree._Element:
    """Append a XAdES-BES signature to the DCC in ``tree`` and return it. The tree must not change afterwards.

    Every XML signature the application makes (a DCC, an export package's manifest) passes here, so the signing
    policy runs here and not in one convenience function: an expired, CA or non-signing certificate is refused,
    and with ``trust`` (anchors) an untrusted or revoked one too (:func:`~coomet_lab.trust.anchors.require_may_sign`).
    ``when`` is only the SigningTime written; the policy is always judged now."""
    require_may_sign(signer.certificate, list(signer.chain), trust)
    return _append_signature(tree, signer, role=role, parallel=parallel, when=when)


def _append_signature(tree: etree._ElementTree, signer: Signer, *, role: str | None, parallel: bool | None,
                      when: dt.datetime | None) -> etree._Element:
    """The signature itself, without the policy (tests forge refused signatures with it; nothing else may)."""
    root = tree.getroot()
    plan = plan_signature(root, role, parallel)
    sid = _unique_id(root)
    with detached(root_signatures(root)):
        document_digest = signer.digest(canonicalize(tree, EXC_C14N))

    signature = etree.SubElement(root, ds("Signature"), nsmap={"ds": DS}, Id=sid)
    signed_info = etree.SubElement(signature, ds("SignedInfo"))
    etree.SubElement(signed_info, ds("CanonicalizationMethod"), Algorithm=EXC_C14N)
    etree.SubElement(signed_info, ds("SignatureMethod"), Algorithm=signer.signature_method)
    document_ref = _reference(signed_info, "", f"{sid}-ref-document", signer, parallel=plan.parallel)
    _set_digest(document_ref, document_digest)
    properties_ref = _reference(signed_info, f"#{sid}-signed-properties", None, signer, type_=SIGNED_PROPERTIES_TYPE)
    key_info_ref = _reference(signed_info, f"#{sid}-key-info", None, signer)
    signature_value = etree.SubElement(signature, ds("SignatureValue"), Id=f"{sid}-value")
    key_info = _key_info(signature, f"{sid}-key-info", signer)
    signed_properties = _qualifying_properties(signature, sid, signer, plan.role, when)

    _set_digest(properties_ref, signer.digest(canonicalize(signed_properties, EXC_C14N)))
    _set_digest(key_info_ref, signer.digest(canonicalize(key_info, EXC_C14N)))
    signature_value.text = base64.b64encode(signer.sign(canonicalize(signed_info, EXC_C14N))).decode("ascii")
    return signature


def _unique_id(root: etree._Element) -> str:
    taken = set(all_ids(root))
    while True:
        candidate = f"sig-{uuid.uuid4().hex[:16]}"
        if not any(i.startswith(candidate) for i in taken):
            return candidate


def _reference(signed_info: etree._Element, uri: str, id_: str | None, signer: Signer, *, parallel: bool = False,
               type_: str | None = None) -> etree._Element:
    reference = etree.SubElement(signed_info, ds("Reference"), URI=uri)
    if id_:
        reference.set("Id", id_)
    if type_:
        reference.set("Type", type_)
    transforms = etree.SubElement(reference, ds("Transforms"))
    if uri == "":
        if parallel:
            transform = etree.SubElement(transforms, ds("Transform"), Algorithm=FILTER2)
            xpath = etree.SubElement(transform, f"{{{FILTER2}}}XPath", nsmap={"dsig-xpath": FILTER2}, Filter="subtract")
            xpath.text = ROOT_SIGNATURES_XPATH
        else:
            etree.SubElement(transforms, ds("Transform"), Algorithm=ENVELOPED)
    # Declared on every reference, also the XAdES ones: signxml 5.2 leaves it out there, and verifiers then
    # apply their own default canonicalization (SIGNING.md §4).
    etree.SubElement(transforms, ds("Transform"), Algorithm=EXC_C14N)
    etree.SubElement(reference, ds("DigestMethod"), Algorithm=signer.digest_method)
    etree.SubElement(reference, ds("DigestValue"))
    return reference


def _set_digest(reference: etree._Element, digest: bytes) -> None:
    reference.find(ds("DigestValue")).text = base64.b64encode(digest).decode("ascii")


def _key_info(signature: etree._Element, id_: str, signer: Signer) -> etree._Element:
    key_info = etree.SubElement(signature, ds("KeyInfo"), Id=id_)
    x509_data = etree.SubElement(key_info, ds("X509Data"))
    for certificate in [signer.certificate, *_issuers(signer)]:
        der = certificate.public_bytes(serialization.Encoding.DER)
        etree.SubElement(x509_data, ds("X509Certificate")).text = base64.b64encode(der).decode("ascii")
    return key_info


def _issuers(signer: Signer) -> list:
    """The signer's issuing CA (and any intermediates), so a verifier pinning only the root can build the path."""
    return [c for c in signer.chain if c.subject != signer.certificate.subject]


def _qualifying_properties(signature: etree._Element, sid: str, signer: Signer, role: str | None,
                           when: dt.datetime | None) -> etree._Element:
    obj = etree.SubElement(signature, ds("Object"))
    qualifying = etree.SubElement(obj, xades("QualifyingProperties"), nsmap={"xades": XADES}, Target=f"#{sid}")
    signed = etree.SubElement(qualifying, xades("SignedProperties"), Id=f"{sid}-signed-properties")
    signature_properties = etree.SubElement(signed, xades("SignedSignatureProperties"))
    moment = (when or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    etree.SubElement(signature_properties, xades("SigningTime")).text = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    signing_certificate = etree.SubElement(signature_properties, xades("SigningCertificateV2"))
    for certificate in [signer.certificate, *_issuers(signer)]:
        _cert_entry(signing_certificate, certificate)
    if role:
        role_v2 = etree.SubElement(signature_properties, xades("SignerRoleV2"))
        claimed = etree.SubElement(role_v2, xades("ClaimedRoles"))
        etree.SubElement(claimed, xades("ClaimedRole")).text = role
    data_properties = etree.SubElement(signed, xades("SignedDataObjectProperties"))
    data_format = etree.SubElement(data_properties, xades("DataObjectFormat"), ObjectReference=f"#{sid}-ref-document")
    etree.SubElement(data_format, xades("MimeType")).text = "text/xml"
    return signed


def _cert_entry(parent: etree._Element, certificate) -> None:  # noqa: ANN001
    from asn1crypto import cms
    from asn1crypto import x509 as asn1_x509

    cert = etree.SubElement(parent, xades("Cert"))
    digest = etree.SubElement(cert, xades("CertDigest"))
    etree.SubElement(digest, ds("DigestMethod"), Algorithm=SHA256_URI)
    der = certificate.public_bytes(serialization.Encoding.DER)
    etree.SubElement(digest, ds("DigestValue")).text = base64.b64encode(hashlib.sha256(der).digest()).decode("ascii")
    parsed = asn1_x509.Certificate.load(der)
    issuer_serial = cms.IssuerSerial({
        "issuer": asn1_x509.GeneralNames([asn1_x509.GeneralName(name="directory_name", value=parsed.issuer)]),
        "serial": parsed.serial_number,
    })
    etree.SubElement(cert, xades("IssuerSerialV2")).text = base64.b64encode(issuer_serial.dump()).decode("ascii")
