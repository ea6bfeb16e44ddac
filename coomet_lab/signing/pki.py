"""A laboratory PKI in a minute: a lab root CA, signer certificates, CSRs, CRLs, encrypted PKCS#12 files.

Keys are generated with ``cryptography`` and written only inside PKCS#12 files encrypted with PBES2
(AES-256-CBC) and PBKDF2-HMAC-SHA256 at 600,000 rounds (SIGNING.md §11), never as plain PEM.
Certificates look like real CA-issued ones (critical BasicConstraints, KeyUsage, SKI/AKI), because verifiers
built on ``cryptography.x509.verification`` (signxml, ours) apply WebPKI rules to CA certificates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from coomet_lab.atomic import write_bytes_atomic
from coomet_lab.signing.errors import KeyError_, WrongSecretError

KDF_ROUNDS = 600_000
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
MIN_PASSPHRASE = 8

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def new_key(key_type: str = "ec") -> PrivateKey:
    """ECDSA P-256 (default) or RSA-3072."""
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    raise KeyError_(f"unknown key type {key_type!r} (use 'ec' or 'rsa')")


def _name(common_name: str, organisation: str | None = None, country: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    if country:
        parts.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country))
    return x509.Name(parts)


def _hash_for(key: PrivateKey) -> hashes.HashAlgorithm:
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.key_size >= 384:
        return hashes.SHA384()
    return hashes.SHA256()


def crl_distribution_point(ca_certificate: x509.Certificate) -> str:
    """An offline CRL location naming the CA. Its presence tells verifiers that revocation applies to the
    certificate; the CRL itself is imported into the trust store (``coomet-lab trust add-crl``)."""
    ski = ca_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest.hex()
    return f"urn:coomet-lab:crl:{ski}"


def make_ca(lab: str, *, country: str | None = None, years: int = 10) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A laboratory root CA (ECDSA P-384, path length 0: it issues signer certificates only)."""
    key = ec.generate_private_key(ec.SECP384R1())
    name = _name(f"{lab} Root CA", lab, country)
    now = _utcnow()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA384())
    )
    return key, certificate


def _key_usage(*, cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign, content_commitment=not cert_sign, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=cert_sign, crl_sign=cert_sign,
        encipher_only=False, decipher_only=False,
    )


def issue_signer_certificate(
    *,
    ca_key: PrivateKey,
    ca_certificate: x509.Certificate,
    subject: x509.Name,
    public_key,  # noqa: ANN001 (any public key cryptography supports, also one from a token)
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    years: int = 2,
) -> x509.Certificate:
    """A document-signing certificate for a person, issued by the lab CA."""
    now = _utcnow()
    start = not_before or now - dt.timedelta(minutes=5)
    end = not_after or now + dt.timedelta(days=365 * years)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                ca_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints([x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(crl_distribution_point(ca_certificate))],
                relative_name=None, reasons=None, crl_issuer=None,
            )]),
            critical=False,
        )
        .sign(ca_key, _hash_for(ca_key))
    )


def make_crl(
    ca_key: PrivateKey, ca_certificate: x509.Certificate, revoked: list[tuple[int, dt.datetime]] = (), *,
    number: int = 1, days: int = 30,
) -> x509.CertificateRevocationList:
    """A CRL of the lab CA listing (serial, revocation date) pairs."""
    now = _utcnow()
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_certificate.subject)
        .last_update(now - dt.timedelta(minutes=5))
        .next_update(now + dt.timedelta(days=days))
        .add_extension(x509.CRLNumber(number), critical=False)
    )
    for serial, when in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    return builder.sign(ca_key, _hash_for(ca_key))


# ------------------------------------------------------------------------------------------------ PKCS#12


def _encryption(passphrase: str) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyError_(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


def pkcs12_bytes(name: str, key: PrivateKey, certificate: x509.Certificate | None,
                 chain: list[x509.Certificate], passphrase: str) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, chain or None, _encryption(passphrase)
    )


@dataclass
class KeyBundle:
    """What a PKCS#12 file holds once opened: the private key (in memory only), its certificate and chain."""

    key: PrivateKey
    certificate: x509.Certificate | None
    chain: list[x509.Certificate]


def load_pkcs12(path: str | os.PathLike[str], passphrase: str) -> KeyBundle:
    """Open an encrypted PKCS#12 file; a wrong passphrase is a clear error, not a traceback."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise KeyError_(f"cannot read the key file {file}: {exc.strerror or exc}") from None
    try:
        loaded = pkcs12.load_pkcs12(data, passphrase.encode("utf-8"))
    except ValueError:
        raise WrongSecretError(f"{file}: wrong passphrase, or not a PKCS#12 key file") from None
    if loaded.key is None:
        raise KeyError_(f"{file} holds no private key")
    certificate = loaded.cert.certificate if loaded.cert else None
    return KeyBundle(loaded.key, certificate, [c.certificate for c in loaded.additional_certs])


# --------------------------------------------------------------------------------------- lab set-up


@dataclass
class LabPki:
    ca_certificate_path: Path
    ca_key_path: Path
    signer_path: Path
    crl_path: Path
    signer_certificate: x509.Certificate


def init_lab(
    *, lab: str, person: str, out: str | os.PathLike[str], passphrase: str, key_type: str = "ec",
    country: str | None = None,
) -> LabPki:
    """Create ``lab-ca.pem`` (trust anchor), ``lab-ca.p12`` (the CA key, encrypted), ``signer.p12`` (the person's
    key, certificate and chain, encrypted) and ``lab-ca.crl`` (an empty CRL) in ``out``. Refuses to overwrite."""
    check_new_passphrase(passphrase)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    targets = {name: folder / name for name in ("lab-ca.pem", "lab-ca.p12", "signer.p12", "lab-ca.crl")}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing:
        raise KeyError_(f"refusing to overwrite existing key material: {', '.join(existing)}")
    ca_key, ca_certificate = make_ca(lab, country=country)
    signer_key = new_key(key_type)
    signer_certificate = issue_signer_certificate(
        ca_key=ca_key, ca_certificate=ca_certificate, subject=_name(person, lab, country),
        public_key=signer_key.public_key(),
    )
    write_bytes_atomic(targets["lab-ca.pem"], ca_certificate.public_bytes(serialization.Encoding.PEM))
    write_bytes_atomic(targets["lab-ca.p12"], pkcs12_bytes(f"{lab} Root CA", ca_key, ca_certificate, [], passphrase))
    write_bytes_atomic(targets["signer.p12"],
                       pkcs12_bytes(person, signer_key, signer_certificate, [ca_certificate], passphrase))
    write_bytes_atomic(targets["lab-ca.crl"],
                       make_crl(ca_key, ca_certificate).public_bytes(serialization.Encoding.DER))
    for secret_file in (targets["lab-ca.p12"], targets["signer.p12"]):
        os.chmod(secret_file, 0o600)
    return LabPki(targets["lab-ca.pem"], targets["lab-ca.p12"], targets["signer.p12"], targets["lab-ca.crl"],
                  signer_certificate)


def make_csr(*, person: str, lab: str | None, out: str | os.PathLike[str], passphrase: str,
             key_type: str = "ec", country: str | None = None) -> tuple[Path, Path]:
    """For a lab whose certificates come from an outside or national CA: a new key (kept encrypted in
    ``signer-key.p12``) and a CSR (``signer.csr.pem``) to send to that CA."""
    check_new_passphrase(passphrase)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    key_path, csr_path = folder / "signer-key.p12", folder / "signer.csr.pem"
    if key_path.exists() or csr_path.exists():
        raise KeyError_(f"refusing to overwrite {key_path} or {csr_path}")
    key = new_key(key_type)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_name(person, lab, country))
        .add_extension(_key_usage(), critical=True)
        .sign(key, hashes.SHA256())
    )
    write_bytes_atomic(key_path, pkcs12_bytes(person, key, None, [], passphrase))
    os.chmod(key_path, 0o600)
    write_bytes_atomic(csr_path, csr.public_bytes(serialization.Encoding.PEM))
    return key_path, csr_path


def combine_issued_certificate(*, key_file: str | os.PathLike[str], certificates_pem: bytes, passphrase: str,
                               out: str | os.PathLike[str]) -> Path:
    """Join the certificate an outside CA issued for our CSR (with its chain) and our key into ``signer.p12``."""
    bundle = load_pkcs12(key_file, passphrase)
    try:
        certificates = x509.load_pem_x509_certificates(certificates_pem)
    except ValueError as exc:
        raise KeyError_(f"not a PEM certificate file: {exc}") from None
    leaf = next((c for c in certificates if _same_key(c.public_key(), bundle.key.public_key())), None)
    if leaf is None:
        raise KeyError_("none of the certificates belongs to this key (was it issued for this CSR?)")
    require_signing_usage(leaf)
    chain = [c for c in certificates if c is not leaf]
    target = Path(out)
    if target.exists():
        raise KeyError_(f"refusing to overwrite {target}")
    name = leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    write_bytes_atomic(target, pkcs12_bytes(name[0].value if name else "signer", bundle.key, leaf, chain, passphrase))
    os.chmod(target, 0o600)
    return target


def check_imported_pkcs12(path: str | os.PathLike[str], passphrase: str) -> KeyBundle:
    """Check a PKCS#12 issued by the lab's CA: it opens, holds a key and its certificate, and may sign."""
    bundle = load_pkcs12(path, passphrase)
    if bundle.certificate is None:
        raise KeyError_(f"{path} holds a key but no certificate")
    if not _same_key(bundle.certificate.public_key(), bundle.key.public_key()):
        raise KeyError_(f"{path}: the certificate does not belong to the key")
    require_signing_usage(bundle.certificate)
    return bundle


def require_signing_usage(certificate: x509.Certificate) -> None:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        raise KeyError_("the certificate has no KeyUsage extension, so it may not sign documents") from None
    if not (usage.digital_signature or usage.content_commitment):
        raise KeyError_("the certificate's KeyUsage does not allow digital signatures")


def _same_key(a, b) -> bool:  # noqa: ANN001
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    return a.public_bytes(serialization.Encoding.DER, fmt) == b.public_bytes(serialization.Encoding.DER, fmt)


def fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()
