"""Signing and trust: lab keys, XAdES signatures on DCCs, PKCS#11 tokens, and verification that cannot be fooled.

The API the desktop application and the PDF twin use:

* :func:`sign_document` — validate, sign (XAdES-BES, enveloped; parallel for two roles), verify at once, and
  return a frozen :class:`SignedDocument` (what the twin and the repository take without proving it again);
* :func:`sign_xml` — the same, returning the signed bytes only;
* :func:`verify_xml` — the verdict on every signature, and the verified content to read values from;
* :class:`TrustStore`, :func:`open_signer` with :class:`KeyFile` / :class:`TokenKey`, and ``pki`` for keys.
"""

from __future__ import annotations

import datetime as dt

from coomet_lab.trust.anchors import CertInfo, TrustStore
from coomet_lab.trust.errors import KeyError_, SigningError, TrustStoreError, WrongSecretError
from coomet_lab.trust.results import SignedDocument
from coomet_lab.trust.signature_check import SignatureReport, VerificationReport, verify_bytes
from coomet_lab.trust.signers import KeyFile, KeySource, Signer, TokenKey, open_signer, register_backend

SIGNABLE_VERSION = "3.3.0"


def sign_xml(data: bytes, signer: Signer, *, role: str | None = None, parallel: bool | None = None,
             trust: TrustStore | None = None, large: bool = False, source: str = "input",
             when: dt.datetime | None = None) -> bytes:
    """Sign a valid DCC 3.3.0 and return the signed bytes, after proving the new signature verifies.

    A thin wrapper over :func:`sign_document` for callers that want bytes only (``coomet-lab sign``)."""
    return sign_document(data, signer, role=role, parallel=parallel, trust=trust, large=large, source=source,
                         when=when).xml


def sign_document(data: bytes, signer: Signer, *, role: str | None = None, parallel: bool | None = None,
                  trust: TrustStore | None = None, large: bool = False, source: str = "input",
                  when: dt.datetime | None = None) -> SignedDocument:
    """Sign a valid DCC 3.3.0; the result carries the signed bytes, the tree they were parsed from for the
    self-check and its verification report, so later stages (twin, repository) need not prove it again.

    Two parses (the input, and the exact signed bytes for the self-check), one XSD run, one verification."""
    from lxml import etree

    from coomet_lab.dcc.io.reader import check_root
    from coomet_lab.dcc.validation.validate import validate_tree
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.keys import fingerprint
    from coomet_lab.trust.results import _make
    from coomet_lab.trust.signature_check import verify_tree
    from coomet_lab.trust.xades import sign_tree

    tree = parse_bytes(data, large=large, source=source)
    root = tree.getroot()
    check_root(root, source)
    version = root.get("schemaVersion")
    if version != SIGNABLE_VERSION:
        raise SigningError(f"{source} is a DCC {version}; only DCC {SIGNABLE_VERSION} is signed. Upgrade it first "
                           "('coomet-lab dcc upgrade', or 'sign --upgrade')")
    report = validate_tree(tree, source=source)
    if not report.valid:
        first = "; ".join(str(f) for f in report.errors()[:3])
        raise SigningError(f"{source} is not a valid DCC, so it is not signed: {first}")
    sign_tree(tree, signer, role=role, parallel=parallel, when=when, trust=trust)  # runs the signing policy
    signed = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    # The exact bytes are parsed back and verified: what is checked is what is written, not the tree in memory.
    signed_tree = parse_bytes(signed, large=True, source=source)
    check = verify_tree(signed_tree, trust=trust or TrustStore(extra_anchors=[]), source=source)
    if not check.signatures or not check.signatures[-1].intact:
        raise SigningError("the new signature does not verify; nothing was written "
                           f"({'; '.join(check.signatures[-1].reasons) if check.signatures else 'no signature'})")
    return _make(signed, signed_tree, check, signer_fingerprint=fingerprint(signer.certificate), source=source)


def preflight(signer: Signer, trust: TrustStore | None) -> None:
    """The signing policy for paths that do not go through ``xades.sign_tree`` (PAdES): expired, not yet valid,
    CA, non-signing or wrong-purpose certificates are refused, untrusted or revoked ones where ``trust`` has anchors."""
    from coomet_lab.trust.anchors import require_may_sign

    require_may_sign(signer.certificate, list(signer.chain), trust)


def verify_xml(data: bytes, *, trust: TrustStore | None = None, large: bool = False,
               source: str = "input") -> VerificationReport:
    """Verify every signature of a DCC against the trust store (see :mod:`coomet_lab.trust.signature_check`)."""
    return verify_bytes(data, trust=trust, large=large, source=source)


__all__ = [
    "CertInfo", "KeyError_", "KeyFile", "KeySource", "SignatureReport", "SignedDocument", "Signer", "SigningError",
    "TokenKey", "TrustStore", "TrustStoreError", "VerificationReport", "WrongSecretError", "open_signer", "preflight",
    "register_backend", "sign_document", "sign_xml", "verify_xml",
]
