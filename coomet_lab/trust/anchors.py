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
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.verification import Criticality, ExtensionPolicy, PolicyBuilder, Store, VerificationError

from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.paths import app_home
from coomet_lab.trust.errors import SigningError, TrustStoreError
from coomet_lab.trust.keys import certificate_defect, fingerprint, signer_certificate_problems

MIN_SELECTOR = 4  # `trust remove ""` once matched (and removed) every anchor


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
    """Every certificate in a PEM or DER file, each parsed completely (extensions, key, signature algorithm)."""
    try:
        if b"-----BEGIN" in data:
            certificates = x509.load_pem_x509_certificates(data)
        else:
            certificates = [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise TrustStoreError(f"{source}: not a certificate in PEM or DER form ({exc})") from None
    for certificate in certificates:
        defect = certificate_defect(certificate)
        if defect:
            raise TrustStoreError(f"{source}: the certificate {_subject(certificate)} cannot be used: {defect}")
    return certificates


def _subject(certificate: x509.Certificate) -> str:
    try:
        return certificate.subject.rfc4514_string()
    except ValueError:
        return "(unreadable name)"


def _load_crl(data: bytes, source: str) -> x509.CertificateRevocationList:
    try:
        if b"-----BEGIN" in data:
            crl = x509.load_pem_x509_crl(data)
        else:
            crl = x509.load_der_x509_crl(data)
        crl.extensions  # noqa: B018 (parsed lazily otherwise: a broken CRL would fail at every later check)
        list(crl)
        crl.signature_hash_algorithm  # noqa: B018
    except (ValueError, x509.DuplicateExtension, UnsupportedAlgorithm) as exc:
        raise TrustStoreError(f"{source}: not a usable certificate revocation list in PEM or DER form "
                              f"({exc})") from None
    return crl


def require_anchor(certificate: x509.Certificate, source: str) -> None:
    """A trust anchor must be a CA: BasicConstraints CA:TRUE and KeyUsage keyCertSign, wherever it comes from
    (``trust add``, ``--trust``, ``TrustStore(extra_anchors=...)``)."""
    name = _subject(certificate)
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or not constraints.ca:
        raise TrustStoreError(f"{source}: {name} is not a CA certificate (no BasicConstraints CA:TRUE); only a "
                              "certification authority can be a trust anchor")
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.key_cert_sign:
        raise TrustStoreError(f"{source}: {name} may not sign certificates (KeyUsage without keyCertSign); only a "
                              "certification authority can be a trust anchor")


@dataclass(frozen=True)
class PinnedFile:
    """One file in the anchors folder: its certificates, or why it cannot be read (shown, removable by name)."""

    path: Path
    certificates: list[x509.Certificate]
    problem: str | None = None


def _crl_order(crl: x509.CertificateRevocationList) -> tuple[int, dt.datetime]:
    try:
        number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        number = -1
    return number, crl.last_update_utc


class TrustStore:
    """``<home>/trust/anchors/*.pem`` and ``<home>/trust/crls/*.crl``, plus anchors added for one call."""

    def __init__(self, folder: Path | None = None, *, extra_anchors: list[x509.Certificate] | None = None):
        self.folder = folder if folder is not None else app_home() / "trust"
        self.extra_anchors = list(extra_anchors or [])
        for certificate in self.extra_anchors:
            defect = certificate_defect(certificate)
            if defect:
                raise TrustStoreError(f"the anchor {_subject(certificate)} cannot be used: {defect}")
            require_anchor(certificate, "extra trust anchor")

    @classmethod
    def with_files(cls, paths: list[str | os.PathLike[str]] | None, folder: Path | None = None) -> TrustStore:
        """The home's store plus the anchors in ``paths`` (``--trust CA.pem``) for this use only."""
        extra = []
        for path in paths or []:
            file = Path(path)
            try:
                certificates = _load_certificates(file.read_bytes(), str(file))
            except OSError as exc:
                raise TrustStoreError(f"cannot read {file}: {exc.strerror or exc}") from None
            for certificate in certificates:
                require_anchor(certificate, f"--trust {file}")
            extra.extend(certificates)
        return cls(folder, extra_anchors=extra)

    # ------------------------------------------------------------------ anchors

    @property
    def _anchor_dir(self) -> Path:
        return self.folder / "anchors"

    @property
    def _crl_dir(self) -> Path:
        return self.folder / "crls"

    def pinned_files(self) -> list[PinnedFile]:
        """Every file in the anchors folder; one that cannot be read (or is no CA) is reported, not fatal."""
        files = []
        if self._anchor_dir.is_dir():
            for file in sorted(self._anchor_dir.glob("*.pem")):
                try:
                    certificates = _load_certificates(file.read_bytes(), file.name)
                    for certificate in certificates:
                        require_anchor(certificate, file.name)
                    files.append(PinnedFile(file, certificates))
                except (OSError, TrustStoreError) as exc:
                    files.append(PinnedFile(file, [], str(exc)))
        return files

    def anchors(self) -> list[x509.Certificate]:
        """Pinned and per-call anchors; an unreadable pinned file anchors nothing (``trust list`` shows it)."""
        pinned = [c for f in self.pinned_files() for c in f.certificates]
        return pinned + self.extra_anchors

    def add(self, data: bytes, source: str = "certificate") -> list[CertInfo]:
        """Pin CA certificates as trust anchors. Refuses anything but complete, parseable CA certificates, and
        checks every certificate of the file before it pins any."""
        certificates = _load_certificates(data, source)
        for certificate in certificates:
            require_anchor(certificate, source)
        added = []
        for certificate in certificates:
            self._anchor_dir.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self._anchor_dir / f"{fingerprint(certificate)}.pem",
                               certificate.public_bytes(serialization.Encoding.PEM))
            added.append(CertInfo.of(certificate))
        return added

    def remove(self, selector: str, *, every: bool = False) -> list[str]:
        """Remove pinned anchors whose fingerprint (or file name) starts with, or whose subject contains,
        ``selector``. Refuses a selector shorter than :data:`MIN_SELECTOR` and, unless ``every``, one that matches
        several anchors. Returns what was removed, as a person reads it."""
        wanted = selector.strip()
        if len(wanted) < MIN_SELECTOR:
            raise TrustStoreError(f"the selector {selector!r} is too short: give at least {MIN_SELECTOR} characters "
                                  "of a fingerprint or of the anchor's name (see 'coomet-lab trust list')")
        matches: list[tuple[Path, str]] = []
        for pinned in self.pinned_files():
            if pinned.problem is not None:
                if pinned.path.name.startswith(wanted.lower()) or pinned.path.name == wanted:
                    matches.append((pinned.path, f"{pinned.path.name} (unreadable)"))
                continue
            infos = [CertInfo.of(c) for c in pinned.certificates]
            if any(i.fingerprint.startswith(wanted.lower()) or wanted in i.subject for i in infos):
                matches.append((pinned.path, ", ".join(i.subject for i in infos)))
        if not matches:
            raise TrustStoreError(f"no trust anchor matches {selector!r} (see 'coomet-lab trust list')")
        if len(matches) > 1 and not every:
            raise TrustStoreError(f"{len(matches)} trust anchors match {selector!r}; nothing was removed. Give a "
                                  "longer selector (a fingerprint prefix), or --all to remove all of them")
        for path, _ in matches:
            path.unlink()
        return [label for _, label in matches]

    # ------------------------------------------------------------------ CRLs

    def add_crl(self, data: bytes, source: str = "CRL") -> str:
        """Import a CRL for offline revocation checks. It must be signed by a pinned anchor (CRLs of other CAs are
        not accepted), and CRLs only move forward: a higher CRLNumber, or with equal or no numbers a later
        thisUpdate, than the one already imported; an older or the same list is refused (it would un-revoke)."""
        crl = _load_crl(data, source)
        issuer = next((a for a in self.anchors() if a.subject == crl.issuer and _crl_signed_by(crl, a)), None)
        if issuer is None:
            raise TrustStoreError(f"{source}: the CRL of {crl.issuer.rfc4514_string()} is not signed by a trust "
                                  "anchor; only CRLs issued by a pinned trust anchor are accepted (add the CA "
                                  "first with 'coomet-lab trust add CA.pem')")
        current = self.crl_for(issuer)
        if current is not None:
            new_order, old_order = _crl_order(crl), _crl_order(current)
            if new_order <= old_order:
                what = "the same as" if new_order == old_order else "older than"
                raise TrustStoreError(
                    f"{source}: this CRL of {crl.issuer.rfc4514_string()} (CRLNumber {_number(new_order)}, "
                    f"thisUpdate {crl.last_update_utc.isoformat()}) is {what} the one already imported "
                    f"(CRLNumber {_number(old_order)}, thisUpdate {current.last_update_utc.isoformat()}); "
                    "revocation lists only move forward, nothing was changed")
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
                 at: dt.datetime | None = None, *,
                 embedded_crls: list[x509.CertificateRevocationList] | None = None) -> PathResult:
        """Does ``signer`` chain to a pinned anchor, is it valid at ``at`` (now) and allowed to sign, not revoked?

        ``embedded_crls`` are CRLs carried in the signature (XAdES-LT ``RevocationValues``). Each counts only if
        its signature verifies with the key of the issuer in the validated chain, and it can only revoke: a CRL
        from a document never makes anything trusted nor replaces an imported one."""
        moment = at or dt.datetime.now(dt.timezone.utc)
        result = PathResult(trusted=False)
        result.reasons.extend(signer_certificate_problems(signer, moment))
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
        result.reasons.extend(_embedded_revocation(result.chain, moment, embedded_crls or [], result.notes))
        result.trusted = not result.reasons
        return result

    def _revocation(self, chain: list[x509.Certificate], moment: dt.datetime, notes: list[str]) -> list[str]:
        problems = []
        for certificate, issuer in zip(chain, chain[1:], strict=False):
            try:
                crl = self.crl_for(issuer)
            except TrustStoreError as exc:
                crl = None
                notes.append(f"the imported CRL cannot be read: {exc}")
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


def _number(order: tuple[int, dt.datetime]) -> str:
    return "none" if order[0] < 0 else str(order[0])


def _embedded_revocation(chain: list[x509.Certificate], moment: dt.datetime,
                         crls: list[x509.CertificateRevocationList], notes: list[str]) -> list[str]:
    """Revocations listed in CRLs the signature carries, for the certificates of the validated chain only."""
    problems = []
    readable = []
    for crl in crls:
        try:
            _load_crl(crl.public_bytes(serialization.Encoding.DER), "a revocation list in the signature")
            readable.append(crl)
        except (TrustStoreError, ValueError):
            notes.append("a revocation list carried in the signature cannot be read; it was ignored")
    for certificate, issuer in zip(chain, chain[1:], strict=False):
        for crl in readable:
            if crl.issuer != issuer.subject:
                continue
            if not _crl_signed_by(crl, issuer):
                notes.append(f"a revocation list in the signature claims to be from {issuer.subject.rfc4514_string()} "
                             "but is not signed by it; it was ignored")
                continue
            name = certificate.subject.rfc4514_string()
            unchecked = f"revocation of {name} not checked: no CRL of {issuer.subject.rfc4514_string()} is imported"
            if unchecked in notes:
                notes.remove(unchecked)
                notes.append(f"revocation of {name} checked only against the revocation list carried in the "
                             f"signature (thisUpdate {crl.last_update_utc.isoformat()}); none is imported here")
            revoked = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if revoked is not None and revoked.revocation_date_utc <= moment:
                problems.append(f"{name} was revoked on {revoked.revocation_date_utc.isoformat()} (revocation list "
                                "carried in the signature)")
                break
    return problems


def require_may_sign(certificate: x509.Certificate, chain: list[x509.Certificate], trust: TrustStore | None,
                     at: dt.datetime | None = None) -> None:
    """The signing policy, run inside every signing path (XAdES ``sign_tree``, PAdES ``sign_pdf``): the
    certificate is valid now, an end entity, allows digital signatures and document signing, and — when a trust
    store with anchors is given — chains to it and is not revoked by an imported CRL. Raises ``SigningError``."""
    moment = at or dt.datetime.now(dt.timezone.utc)
    problems = signer_certificate_problems(certificate, moment)
    if problems:
        raise SigningError(f"this key may not sign: {'; '.join(problems)}; nothing was signed")
    if trust is not None and trust.anchors():
        path = trust.validate(certificate, chain, moment)
        if not path.trusted:
            raise SigningError(f"the signing certificate is not trusted here: {'; '.join(path.reasons)}")


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
