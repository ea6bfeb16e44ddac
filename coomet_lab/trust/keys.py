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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.trust.errors import KeyError_, WrongSecretError

KDF_ROUNDS = 600_000
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
MIN_PASSPHRASE = 8
# A PKCS#12 file names its own MAC iteration count; 2^31 rounds keep cryptography busy for hours before it can
# say "wrong passphrase". We write 600,000 (KDF_ROUNDS); real files from CAs and tokens stay far below this cap.
MAX_PKCS12_ITERATIONS = 10_000_000

# ExtendedKeyUsage purposes that fit signing documents (docs/signing.md, "Signer policy"). A signer certificate
# without ExtendedKeyUsage is not limited; one with it must name at least one of these (serverAuth, codeSigning,
# clientAuth or timeStamping alone are certificates for other jobs).
DOCUMENT_SIGNING_EKUS: dict[ObjectIdentifier, str] = {
    ExtendedKeyUsageOID.EMAIL_PROTECTION: "emailProtection",
    DOCUMENT_SIGNING: "documentSigning",
    ObjectIdentifier("1.3.6.1.4.1.311.10.3.12"): "Microsoft document signing",
    ObjectIdentifier("1.2.840.113583.1.1.5"): "Adobe authentic documents",
    ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE: "anyExtendedKeyUsage",
}

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey  # the keys this application makes and signs with


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


def _hash_for(key: PrivateKey) -> hashes.SHA256 | hashes.SHA384:
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.key_size >= 384:
        return hashes.SHA384()
    return hashes.SHA256()


def crl_distribution_point(ca_certificate: x509.Certificate) -> str:
    """An offline CRL location naming the CA. Its presence tells verifiers that revocation applies to the
    certificate; the CRL itself is imported into the trust store (``coomet-lab trust add-crl``)."""
    ski = ca_certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest.hex()
    return f"urn:coomet-lab:crl:{ski}"


def make_ca(lab: str, *, country: str | None = None,
            years: int = 10) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
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
    ca_key: PrivateKey, ca_certificate: x509.Certificate, revoked: Sequence[tuple[int, dt.datetime]] = (), *,
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

    key: PrivateKeyTypes  # any key a PKCS#12 file can hold; the signers accept ECDSA and RSA only
    certificate: x509.Certificate | None
    chain: list[x509.Certificate]


def check_pkcs12_structure(data: bytes, source: str) -> None:
    """Read the outer PKCS#12 structure with asn1crypto before cryptography opens it: a file that is not PKCS#12
    gets its own message, and a MAC iteration count above :data:`MAX_PKCS12_ITERATIONS` is refused instead of
    hanging the program (the count is chosen by whoever made the file)."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx["version"].native  # noqa: B018 (forces the parse)
        mac_data = pfx["mac_data"]
        iterations = None if mac_data.native is None else int(mac_data["iterations"].native)
    except (ValueError, TypeError, KeyError) as exc:
        raise KeyError_(f"{source} is not a PKCS#12 key file (.p12/.pfx): {exc}") from None
    if iterations is not None and iterations > MAX_PKCS12_ITERATIONS:
        raise KeyError_(f"{source}: the PKCS#12 file asks for {iterations:,} MAC iterations (more than "
                        f"{MAX_PKCS12_ITERATIONS:,}); it is refused, opening it would take hours")


def load_pkcs12(path: str | os.PathLike[str], passphrase: str) -> KeyBundle:
    """Open an encrypted PKCS#12 file; a wrong passphrase is a clear error, not a traceback."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise KeyError_(f"cannot read the key file {file}: {exc.strerror or exc}") from None
    check_pkcs12_structure(data, str(file))
    try:
        loaded = pkcs12.load_pkcs12(data, passphrase.encode("utf-8"))
    except ValueError:
        raise WrongSecretError(f"{file}: wrong passphrase, or not a PKCS#12 key file") from None
    except UnsupportedAlgorithm as exc:
        raise KeyError_(f"{file}: the key or certificate uses an algorithm this application cannot use ({exc})") \
            from None
    if loaded.key is None:
        raise KeyError_(f"{file} holds no private key")
    certificate = loaded.cert.certificate if loaded.cert else None
    for cert in [certificate, *(c.certificate for c in loaded.additional_certs)]:
        if cert is None:
            continue
        defect = certificate_defect(cert)
        if defect:
            raise KeyError_(f"{file}: the certificate {cert.subject.rfc4514_string()} cannot be used: {defect}")
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
    for certificate in certificates:
        defect = certificate_defect(certificate)
        if defect:
            raise KeyError_(f"the certificate {certificate.subject.rfc4514_string()} cannot be used: {defect}")
    leaf = next((c for c in certificates if _same_key(c.public_key(), bundle.key.public_key())), None)
    if leaf is None:
        raise KeyError_("none of the certificates belongs to this key (was it issued for this CSR?)")
    require_signing_usage(leaf)
    chain = [c for c in certificates if c is not leaf]
    target = Path(out)
    if target.exists():
        raise KeyError_(f"refusing to overwrite {target}")
    if not isinstance(bundle.key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):  # as FileSigner refuses it
        raise KeyError_(f"{key_file}: unsupported key type {type(bundle.key).__name__}")
    name = leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    common_name = str(name[0].value) if name else "signer"  # a commonName is a string (bytes are for other OIDs)
    write_bytes_atomic(target, pkcs12_bytes(common_name, bundle.key, leaf, chain, passphrase))
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


def certificate_defect(certificate: x509.Certificate, *, algorithms: bool = True) -> str | None:
    """Why a certificate cannot be used at all (None when it parses completely).

    cryptography parses extensions, the key and the signature algorithm only when asked; a certificate that is
    pinned or imported unchecked would then fail later in every listing or verification. Everything is read here.
    ``algorithms=False`` reads the extensions only: a signer backend registered for a national algorithm (GOST)
    holds a certificate whose key cryptography cannot read, and the signer policy is about usages, not keys.
    """
    try:
        certificate.extensions  # noqa: B018
    except x509.DuplicateExtension as exc:
        return f"it carries the extension {exc.oid.dotted_string} twice (each extension may appear once)"
    except (ValueError, UnsupportedAlgorithm) as exc:
        return f"an extension cannot be read ({exc})"
    if not algorithms:
        return None
    try:
        key = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm) as exc:
        return f"its public key algorithm is unknown or unsupported ({exc})"
    if not isinstance(key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        return f"its key is {type(key).__name__.lstrip('_')}; only RSA and ECDSA keys are supported"
    try:
        certificate.signature_hash_algorithm  # noqa: B018
    except (ValueError, UnsupportedAlgorithm) as exc:
        return f"its signature algorithm {certificate.signature_algorithm_oid.dotted_string} is unsupported ({exc})"
    return None


def signer_certificate_problems(certificate: x509.Certificate, at: dt.datetime | None = None) -> list[str]:
    """The signer policy (docs/signing.md): what forbids this certificate to sign documents, [] when nothing does.

    An end entity (no BasicConstraints CA:TRUE), KeyUsage with digitalSignature or nonRepudiation (we issue both),
    and, if it has an ExtendedKeyUsage, one of :data:`DOCUMENT_SIGNING_EKUS`. With ``at``, also valid then.
    """
    defect = certificate_defect(certificate, algorithms=False)
    if defect:
        return [f"the signer's certificate cannot be used: {defect}"]
    reasons = []
    if at is not None:
        if at > certificate.not_valid_after_utc:
            reasons.append(f"the signer's certificate expired on {certificate.not_valid_after_utc.date().isoformat()}")
        if at < certificate.not_valid_before_utc:
            reasons.append("the signer's certificate is not valid before "
                           f"{certificate.not_valid_before_utc.isoformat()}")
    extensions = certificate.extensions
    try:
        if extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            reasons.append("the signer's certificate is a CA certificate (BasicConstraints CA:TRUE); a CA key "
                           "signs certificates, not documents")
    except x509.ExtensionNotFound:
        pass
    try:
        usage = extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            reasons.append("the signer's certificate does not allow digital signatures (KeyUsage has neither "
                           "digitalSignature nor nonRepudiation)")
    except x509.ExtensionNotFound:
        reasons.append("the signer's certificate has no KeyUsage, so it may not sign")
    try:
        purposes = list(extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    except x509.ExtensionNotFound:
        purposes = None
    if purposes is not None and not any(p in DOCUMENT_SIGNING_EKUS for p in purposes):
        named = ", ".join(getattr(p, "_name", None) or p.dotted_string for p in purposes) or "nothing"
        reasons.append(f"the signer's certificate is meant for {named} (ExtendedKeyUsage), not for signing "
                       f"documents (accepted: {', '.join(DOCUMENT_SIGNING_EKUS.values())})")
    return reasons


def require_signing_usage(certificate: x509.Certificate) -> None:
    """The time-independent part of the signer policy, checked when a key is opened or imported."""
    problems = signer_certificate_problems(certificate)
    if problems:
        raise KeyError_("; ".join(problems))


def _same_key(a, b) -> bool:  # noqa: ANN001
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    return a.public_bytes(serialization.Encoding.DER, fmt) == b.public_bytes(serialization.Encoding.DER, fmt)


def fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()
