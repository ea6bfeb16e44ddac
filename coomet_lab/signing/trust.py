"""Trust anchors and revocation lists pinned in the application's home; certificate path validation.

Only certificates the laboratory put here (``coomet-lab trust add CA.pem``) or named for one call
(``--trust CA.pem``) are anchors. The operating system's CA bundle and certificates carried in a document never
are. Paths are validated with ``cryptography.x509.verification`` (WebPKI rules for CA certificates, KeyUsage with
digitalSignature or nonRepudiation for the signer); revocation is checked against imported CRLs wherever the
laboratory has one for an issuer, and the report says where it could not be checked.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.x509.verification import Criticality, ExtensionPolicy, PolicyBuilder, Store, VerificationError

from coomet_lab.atomic import write_bytes_atomic
from coomet_lab.paths import app_home
from coomet_lab.signing.errors import TrustStoreError
from coomet_lab.signing.pki import fingerprint


@dataclass(frozen=True)
class CertInfo:
    """A certificate as a person needs to see it."""

    subject: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    fingerprint: str

    @classmethod
    def of(cls, certificate: x509.Certificate) -> CertInfo:
        return cls(
            subject=certificate.subject.rfc4514_string(),
            issuer=certificate.issuer.rfc4514_string(),
            serial=format(certificate.serial_number, "x"),
            not_before=certificate.not_valid_before_utc.isoformat(),
            not_after=certificate.not_valid_after_utc.isoformat(),
            fingerprint=fingerprint(certificate),
        )


@dataclass
class PathResult:
    """Whether a signer certificate chains to a pinned anchor and may sign now."""

    trusted: bool
    chain: list[x509.Certificate] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _load_certificates(data: bytes, source: str) -> list[x509.Certificate]:
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise TrustStoreError(f"{source}: not a certificate ({exc})") from None


def _load_crl(data: bytes, source: str) -> x509.CertificateRevocationList:
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise TrustStoreError(f"{source}: not a certificate revocation list ({exc})") from None


class TrustStore:
    """``<home>/trust/anchors/*.pem`` and ``<home>/trust/crls/*.crl``, plus anchors added for one call."""

    def __init__(self, folder: Path | None = None, *, extra_anchors: list[x509.Certificate] | None = None):
        self.folder = folder if folder is not None else app_home() / "trust"
        self.extra_anchors = list(extra_anchors or [])

    @classmethod
    def with_files(cls, paths: list[str | os.PathLike[str]] | None, folder: Path | None = None) -> TrustStore:
        """The home's store plus the anchors in ``paths`` (``--trust CA.pem``) for this use only."""
        extra = []
        for path in paths or []:
            file = Path(path)
            try:
                extra.extend(_load_certificates(file.read_bytes(), str(file)))
            except OSError as exc:
                raise TrustStoreError(f"cannot read {file}: {exc.strerror or exc}") from None
        return cls(folder, extra_anchors=extra)

    # ------------------------------------------------------------------ anchors

    @property
    def _anchor_dir(self) -> Path:
        return self.folder / "anchors"

    @property
    def _crl_dir(self) -> Path:
        return self.folder / "crls"

    def anchors(self) -> list[x509.Certificate]:
        pinned = []
        if self._anchor_dir.is_dir():
            for file in sorted(self._anchor_dir.glob("*.pem")):
                pinned.extend(_load_certificates(file.read_bytes(), str(file)))
        return pinned + self.extra_anchors

    def add(self, data: bytes, source: str = "certificate") -> list[CertInfo]:
        """Pin CA certificates as trust anchors. Refuses certificates that are not CAs."""
        added = []
        for certificate in _load_certificates(data, source):
            try:
                constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
            except x509.ExtensionNotFound:
                constraints = None
            if constraints is None or not constraints.ca:
                raise TrustStoreError(f"{source}: {certificate.subject.rfc4514_string()} is not a CA certificate; "
                                      "only a certification authority can be a trust anchor")
            self._anchor_dir.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self._anchor_dir / f"{fingerprint(certificate)}.pem",
                               certificate.public_bytes(serialization.Encoding.PEM))
            added.append(CertInfo.of(certificate))
        return added

    def remove(self, selector: str) -> list[CertInfo]:
        """Remove pinned anchors whose fingerprint starts with, or whose subject contains, ``selector``."""
        removed = []
        if self._anchor_dir.is_dir():
            for file in sorted(self._anchor_dir.glob("*.pem")):
                for certificate in _load_certificates(file.read_bytes(), str(file)):
                    info = CertInfo.of(certificate)
                    if info.fingerprint.startswith(selector.lower()) or selector in info.subject:
                        file.unlink()
                        removed.append(info)
        if not removed:
            raise TrustStoreError(f"no trust anchor matches {selector!r} (see 'coomet-lab trust list')")
        return removed

    # ------------------------------------------------------------------ CRLs

    def add_crl(self, data: bytes, source: str = "CRL") -> str:
        """Import a CRL for offline revocation checks; it must be signed by a pinned anchor."""
        crl = _load_crl(data, source)
        issuer = next((a for a in self.anchors() if a.subject == crl.issuer and _crl_signed_by(crl, a)), None)
        if issuer is None:
            raise TrustStoreError(f"{source}: the CRL of {crl.issuer.rfc4514_string()} is not signed by a trust "
                                  "anchor; add the CA first")
        self._crl_dir.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(self._crl_dir / f"{fingerprint(issuer)}.crl", crl.public_bytes(serialization.Encoding.DER))
        return crl.issuer.rfc4514_string()

    def crl_for(self, issuer: x509.Certificate) -> x509.CertificateRevocationList | None:
        file = self._crl_dir / f"{fingerprint(issuer)}.crl"
        if not file.is_file():
            return None
        crl = _load_crl(file.read_bytes(), str(file))
        return crl if _crl_signed_by(crl, issuer) else None

    # ------------------------------------------------------------------ validation

    def validate(self, signer: x509.Certificate, intermediates: list[x509.Certificate],
                 at: dt.datetime | None = None) -> PathResult:
        """Does ``signer`` chain to a pinned anchor, is it valid at ``at`` (now) and allowed to sign, not revoked?"""
        moment = at or dt.datetime.now(dt.timezone.utc)
        result = PathResult(trusted=False)
        result.reasons.extend(_own_checks(signer, moment))
        anchors = self.anchors()
        if not anchors:
            result.reasons.append("no trust anchor is configured (coomet-lab trust add CA.pem, or --trust CA.pem)")
            return result
        if result.reasons:
            return result
        try:
            verifier = (
                PolicyBuilder().store(Store(anchors)).time(moment)
                .extension_policies(ca_policy=ExtensionPolicy.webpki_defaults_ca(), ee_policy=_signer_policy())
                .build_client_verifier()
            )
            verified = verifier.verify(signer, intermediates)
        except VerificationError as exc:
            result.reasons.append(_explain(signer, anchors, str(exc)))
            return result
        result.chain = list(verified.chain)
        result.reasons.extend(self._revocation(result.chain, moment, result.notes))
        result.trusted = not result.reasons
        return result

    def _revocation(self, chain: list[x509.Certificate], moment: dt.datetime, notes: list[str]) -> list[str]:
        problems = []
        for certificate, issuer in zip(chain, chain[1:]):
            crl = self.crl_for(issuer)
            name = certificate.subject.rfc4514_string()
            if crl is None:
                notes.append(f"revocation of {name} not checked: no CRL of {issuer.subject.rfc4514_string()} "
                             "is imported")
                continue
            revoked = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if revoked is not None and revoked.revocation_date_utc <= moment:
                problems.append(f"{name} was revoked on {revoked.revocation_date_utc.isoformat()}")
            elif crl.next_update_utc is not None and crl.next_update_utc < moment:
                notes.append(f"the CRL of {issuer.subject.rfc4514_string()} expired on "
                             f"{crl.next_update_utc.isoformat()}; revocation is as of that list")
        return problems


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def _crl_signed_by(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    try:
        return crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (InvalidSignature, TypeError, ValueError):
        return False


def _own_checks(signer: x509.Certificate, moment: dt.datetime) -> list[str]:
    # cryptography's messages do not say *why* a path failed when the leaf itself is the problem: say it plainly.
    reasons = []
    if moment > signer.not_valid_after_utc:
        reasons.append(f"the signer's certificate expired on {signer.not_valid_after_utc.date().isoformat()}")
    if moment < signer.not_valid_before_utc:
        reasons.append(f"the signer's certificate is not valid before {signer.not_valid_before_utc.isoformat()}")
    try:
        usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            reasons.append("the signer's certificate does not allow digital signatures (KeyUsage)")
    except x509.ExtensionNotFound:
        reasons.append("the signer's certificate has no KeyUsage, so it may not sign")
    return reasons


def _signer_policy() -> ExtensionPolicy:
    def usage_allows_signing(_policy, _certificate, usage: x509.KeyUsage) -> None:  # noqa: ANN001
        if not (usage.digital_signature or usage.content_commitment):
            raise ValueError("KeyUsage does not allow digital signatures")

    return ExtensionPolicy.permit_all().require_present(x509.KeyUsage, Criticality.AGNOSTIC, usage_allows_signing)


def _explain(signer: x509.Certificate, anchors: list[x509.Certificate], detail: str) -> str:
    namesakes = [a for a in anchors if a.subject == signer.issuer]
    if namesakes and not any(_issued_by(signer, a) for a in namesakes):
        return (f"the signer's certificate names {signer.issuer.rfc4514_string()} as issuer, but it was not signed by "
                "the trusted CA of that name (a different key: another CA using the same name)")
    if not namesakes:
        return (f"the signer's issuer {signer.issuer.rfc4514_string()} is not a trusted anchor and no chain to one "
                f"was found ({detail})")
    return f"the certificate path does not validate against the pinned anchors: {detail}"
