"""A throw-away test PKI built with the application's own PKI code (SIGNING.md §10): a lab CA with signers
(ECDSA P-256 and RSA-3072), an expired, a not-yet-valid and a revoked signer, and another CA with the same name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from coomet_lab.trust import keys as pki
from coomet_lab.trust.signers import FileSigner

PASSPHRASE = "test passphrase 1"
NOW = dt.datetime.now(dt.timezone.utc)


@dataclass
class TestPki:
    folder: Path
    ca_pem: Path
    crl: Path
    signers: dict[str, Path] = field(default_factory=dict)
    ca_key: object = None
    ca_certificate: x509.Certificate | None = None
    other_ca_pem: Path | None = None

    def signer(self, name: str = "ec") -> FileSigner:
        return FileSigner(self.signers[name], PASSPHRASE)


def subject(person: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, person),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Lab")])


def build(folder: Path) -> TestPki:
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca = pki.make_ca("Test Lab")
    result = TestPki(folder, folder / "lab-ca.pem", folder / "lab-ca.crl", ca_key=ca_key, ca_certificate=ca)
    result.ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    variants = {
        "ec": ("ec", {}),
        "rsa": ("rsa", {}),
        "expired": ("ec", {"not_before": NOW - dt.timedelta(days=400), "not_after": NOW - dt.timedelta(days=1)}),
        "future": ("ec", {"not_before": NOW + dt.timedelta(days=10), "not_after": NOW + dt.timedelta(days=400)}),
        "revoked": ("ec", {}),
    }
    certificates = {}
    for name, (key_type, validity) in variants.items():
        key = pki.new_key(key_type)
        certificate = pki.issue_signer_certificate(ca_key=ca_key, ca_certificate=ca, subject=subject(f"Signer {name}"),
                                                   public_key=key.public_key(), **validity)
        certificates[name] = certificate
        path = folder / f"{name}.p12"
        path.write_bytes(pki.pkcs12_bytes(name, key, certificate, [ca], PASSPHRASE))
        result.signers[name] = path
    crl = pki.make_crl(ca_key, ca, [(certificates["revoked"].serial_number, NOW - dt.timedelta(hours=1))])
    result.crl.write_bytes(crl.public_bytes(serialization.Encoding.DER))
    # Another CA with exactly the same name as the lab CA, and a signer with the same name as "ec".
    other_key, other_ca = pki.make_ca("Test Lab")
    key = pki.new_key("ec")
    impostor = pki.issue_signer_certificate(ca_key=other_key, ca_certificate=other_ca, subject=subject("Signer ec"),
                                            public_key=key.public_key())
    result.signers["impostor"] = folder / "impostor.p12"
    result.signers["impostor"].write_bytes(pki.pkcs12_bytes("impostor", key, impostor, [other_ca], PASSPHRASE))
    result.other_ca_pem = folder / "other-ca.pem"
    result.other_ca_pem.write_bytes(other_ca.public_bytes(serialization.Encoding.PEM))
    return result
