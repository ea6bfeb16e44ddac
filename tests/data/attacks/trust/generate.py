"""Regenerate the trust-policy attack files (run from the repository root):

    PYTHONPATH=. python tests/data/attacks/trust/generate.py

Keys are derived from fixed numbers and certificates, CRLs and XML signatures use deterministic ECDSA (RFC 6979),
fixed serials, dates and signature Ids, so the certificates, CRLs and signed XML come out byte for byte the same.
Only the PKCS#12 files differ between runs (cryptography picks their salts). Everything here is a test key.
"""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import sys
import uuid
from pathlib import Path

from asn1crypto import core as asn1_core
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from lxml import etree

HERE = Path(__file__).resolve().parent
PKI = HERE / "pki"
PASSPHRASE = "attack passphrase 1"
START = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
END = dt.datetime(2046, 1, 1, tzinfo=dt.timezone.utc)
SIGNING_TIME = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Trust Attack Lab")])


def key(seed: int, curve: ec.EllipticCurve = ec.SECP256R1()) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(seed, curve)


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def usage(**on: bool) -> x509.KeyUsage:
    fields = ["digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
              "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"]
    return x509.KeyUsage(**{f: on.get(f, False) for f in fields})


def ca(seed: int, common: str, serial: int, *, cert_sign: bool = True) -> tuple[ec.EllipticCurvePrivateKey,
                                                                               x509.Certificate]:
    private = key(seed, ec.SECP384R1())
    subject = name(common)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(private.public_key())
        .serial_number(serial).not_valid_before(START).not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(usage(key_cert_sign=cert_sign, crl_sign=True, digital_signature=not cert_sign), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(private.public_key()), critical=False)
        .sign(private, hashes.SHA384(), ecdsa_deterministic=True)
    )
    return private, certificate


def leaf(issuer_key, issuer: x509.Certificate, seed: int, common: str, serial: int, *,  # noqa: ANN001
         ca_flag: bool = False, key_usage: x509.KeyUsage | None = None, eku: list | None = None,
         start: dt.datetime = START, end: dt.datetime = END) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    private = key(seed)
    builder = (
        x509.CertificateBuilder().subject_name(name(common)).issuer_name(issuer.subject)
        .public_key(private.public_key()).serial_number(serial).not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca_flag, path_length=None), critical=True)
        .add_extension(key_usage or usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(private.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
            issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value), critical=False)
    )
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    return private, builder.sign(issuer_key, hashes.SHA384(), ecdsa_deterministic=True)


def crl(issuer_key, issuer: x509.Certificate, number: int, revoked: list[int], when: dt.datetime) -> bytes:  # noqa: ANN001
    builder = (x509.CertificateRevocationListBuilder().issuer_name(issuer.subject).last_update(when)
               .next_update(END).add_extension(x509.CRLNumber(number), critical=False))
    for serial in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build())
    return builder.sign(issuer_key, hashes.SHA384(), ecdsa_deterministic=True).public_bytes(serialization.Encoding.DER)


def p12(private, certificate: x509.Certificate, chain: list[x509.Certificate]) -> bytes:  # noqa: ANN001
    from coomet_lab.trust import keys as pki

    return pki.pkcs12_bytes("attack", private, certificate, chain, PASSPHRASE)


def resigned(template: x509.Certificate, issuer_key, mutate) -> bytes:  # noqa: ANN001
    """``template`` with its TBS changed by ``mutate`` and signed again (cryptography cannot build such files)."""
    parsed = asn1_x509.Certificate.load(template.public_bytes(serialization.Encoding.DER))
    tbs = mutate(parsed["tbs_certificate"])
    signature = issuer_key.sign(tbs, ec.ECDSA(hashes.SHA384(), deterministic_signing=True))
    body = tbs + parsed["signature_algorithm"].dump() + asn1_core.OctetBitString(signature).dump()
    der = b"\x30" + _length(len(body)) + body
    return b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der) + b"-----END CERTIFICATE-----\n"


def _length(n: int) -> bytes:
    if n < 128:
        return bytes([n])
    size = (n.bit_length() + 7) // 8
    return bytes([0x80 | size]) + n.to_bytes(size, "big")


def duplicate_extension(tbs) -> bytes:  # noqa: ANN001
    extensions = tbs["extensions"]
    extensions.append(asn1_x509.Extension.load(extensions[-1].dump()))
    return tbs.dump(force=True)


def unknown_key(tbs) -> bytes:  # noqa: ANN001
    """The subject key replaced by a GOST R 34.10-2012-256 one (an algorithm cryptography does not know)."""
    algorithm = b"\x30\x0a" + asn1_core.ObjectIdentifier("1.2.643.7.1.1.1.1").dump()
    body = algorithm + asn1_core.OctetBitString(b"\x04\x40" + bytes(range(64))).dump()
    old = tbs["subject_public_key_info"].dump()
    content = tbs.contents.replace(old, b"\x30" + _length(len(body)) + body)
    return b"\x30" + _length(len(content)) + content


class DeterministicSigner:
    """A duck-typed :class:`coomet_lab.trust.Signer` with RFC 6979 ECDSA, for reproducible attack files."""

    digest_method = "http://www.w3.org/2001/04/xmlenc#sha256"
    signature_method = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
    key_type = "ec"

    def __init__(self, private, certificate, chain):  # noqa: ANN001
        self._key, self.certificate, self.chain = private, certificate, chain

    def digest(self, data: bytes) -> bytes:
        import hashlib

        return hashlib.sha256(data).digest()

    def sign(self, signed_info: bytes) -> bytes:
        r, s = decode_dss_signature(self._key.sign(signed_info, ec.ECDSA(hashes.SHA256(), deterministic_signing=True)))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def close(self) -> None:
        pass


def signed_dcc(unsigned: bytes, signer: DeterministicSigner, number: int) -> etree._ElementTree:
    """Signed with the policy bypassed (``_append_signature``): these are signatures the application refuses to make."""
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust import xades

    tree = parse_bytes(unsigned)
    original = xades.uuid.uuid4
    xades.uuid.uuid4 = lambda: uuid.UUID(int=number)
    try:
        xades._append_signature(tree, signer, role=None, parallel=None, when=SIGNING_TIME)  # noqa: SLF001
    finally:
        xades.uuid.uuid4 = original
    return tree


def with_revocation_values(tree: etree._ElementTree, certificates: list[x509.Certificate], crls: list[bytes]) -> bytes:
    """XAdES-LT style unsigned properties: CertificateValues and RevocationValues/CRLValues."""
    xades_ns = "http://uri.etsi.org/01903/v1.3.2#"
    qualifying = tree.getroot().find(f".//{{{xades_ns}}}QualifyingProperties")
    unsigned = etree.SubElement(qualifying, f"{{{xades_ns}}}UnsignedProperties")
    properties = etree.SubElement(unsigned, f"{{{xades_ns}}}UnsignedSignatureProperties")
    values = etree.SubElement(properties, f"{{{xades_ns}}}CertificateValues")
    for certificate in certificates:
        der = certificate.public_bytes(serialization.Encoding.DER)
        etree.SubElement(values, f"{{{xades_ns}}}EncapsulatedX509Certificate").text = base64.b64encode(der).decode()
    revocation = etree.SubElement(properties, f"{{{xades_ns}}}RevocationValues")
    crl_values = etree.SubElement(revocation, f"{{{xades_ns}}}CRLValues")
    for data in crls:
        etree.SubElement(crl_values, f"{{{xades_ns}}}EncapsulatedCRLValue").text = base64.b64encode(data).decode()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def main() -> None:
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    PKI.mkdir(parents=True, exist_ok=True)
    root_key, root = ca(1001, "Trust Attack Lab Root CA", 0x1001)
    other_key, other = ca(1002, "Trust Attack Lab Second Root CA", 0x1002)
    _no_sign_key, ca_no_sign = ca(1003, "Trust Attack Lab CA without keyCertSign", 0x1003, cert_sign=False)
    ok_key, ok = leaf(root_key, root, 2001, "Signer ok", 0x2001,
                      eku=[ExtendedKeyUsageOID.EMAIL_PROTECTION, x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")])
    expired_key, expired = leaf(root_key, root, 2002, "Signer expired", 0x2002,
                                end=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    ca_leaf_key, ca_leaf = leaf(root_key, root, 2003, "Signer with CA:TRUE", 0x2003, ca_flag=True)
    no_ds_key, no_ds = leaf(root_key, root, 2004, "Signer without digitalSignature", 0x2004,
                            key_usage=usage(key_encipherment=True))
    tls_key, tls = leaf(root_key, root, 2005, "Signer for serverAuth", 0x2005,
                        eku=[ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CODE_SIGNING])
    revoked_key, revoked = leaf(root_key, root, 2006, "Signer revoked", 0x2006)

    (PKI / "root-ca.pem").write_bytes(pem(root))
    (PKI / "root-ca.key.pem").write_bytes(root_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (PKI / "second-ca.pem").write_bytes(pem(other))
    (PKI / "crl-2.crl").write_bytes(crl(root_key, root, 2, [revoked.serial_number],
                                        dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)))
    for label, private, certificate in [("ok", ok_key, ok), ("expired", expired_key, expired),
                                        ("ca", ca_leaf_key, ca_leaf), ("no-digital-signature", no_ds_key, no_ds),
                                        ("serverauth", tls_key, tls)]:
        (PKI / f"signer-{label}.p12").write_bytes(p12(private, certificate, [root]))

    unsigned = to_bytes(load_document(HERE.parents[3] / "examples" / "thermometer-pt100-ru-en.json"))
    (PKI / "dcc-unsigned.xml").write_bytes(unsigned)
    (PKI / "dcc-signed-ok.xml").write_bytes(etree.tostring(
        signed_dcc(unsigned, DeterministicSigner(ok_key, ok, [root]), 1), xml_declaration=True, encoding="UTF-8"))

    # trust add / --trust
    (HERE / "leaf-as-anchor.pem").write_bytes(pem(ok))
    (HERE / "trust-option-leaf.pem").write_bytes(pem(ok))
    (HERE / "ca-without-keycertsign.pem").write_bytes(pem(ca_no_sign))
    (HERE / "not-a-certificate.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nTUlJQm9vcHMgbm90IERFUg==\n"
                                                 b"-----END CERTIFICATE-----\n")
    (HERE / "duplicate-extension.pem").write_bytes(resigned(other, other_key, duplicate_extension))
    (HERE / "unknown-key-algorithm.pem").write_bytes(resigned(other, other_key, unknown_key))
    # trust add-crl
    (HERE / "not-a-crl.crl").write_bytes(b"-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n")
    (HERE / "older-crl.crl").write_bytes(crl(root_key, root, 1, [], dt.datetime(2026, 4, 1, tzinfo=dt.timezone.utc)))
    shutil.copyfile(PKI / "crl-2.crl", HERE / "same-crl.crl")
    (HERE / "crl-of-unpinned-ca.crl").write_bytes(crl(other_key, other, 5, [], START))
    # keys import
    (HERE / "not-a-pkcs12.p12").write_bytes(b"\x30\x03\x02\x01\x03")
    pfx = asn1_pkcs12.Pfx.load((PKI / "signer-ok.p12").read_bytes())
    pfx["mac_data"]["iterations"] = 2**31 - 1  # the largest count OpenSSL reads: ~6 minutes
    (HERE / "mac-iterations-2e31.p12").write_bytes(pfx.dump(force=True))
    shutil.copyfile(PKI / "signer-ca.p12", HERE / "ca-key-as-signer.p12")
    (HERE / "issued-duplicate-extension.pem").write_bytes(resigned(ok, root_key, duplicate_extension))
    (HERE / "issued-unknown-key-algorithm.pem").write_bytes(resigned(ok, root_key, unknown_key))
    (HERE / "issued-not-pem.pem").write_bytes(b"this is not a certificate\n")
    # verify: signatures the application refuses to make, or that a CRL in the document revokes
    (HERE / "signed-by-ca-key.xml").write_bytes(etree.tostring(
        signed_dcc(unsigned, DeterministicSigner(ca_leaf_key, ca_leaf, [root]), 2), xml_declaration=True,
        encoding="UTF-8"))
    (HERE / "signed-for-serverauth.xml").write_bytes(etree.tostring(
        signed_dcc(unsigned, DeterministicSigner(tls_key, tls, [root]), 3), xml_declaration=True, encoding="UTF-8"))
    (HERE / "lt-revoked-in-document.xml").write_bytes(with_revocation_values(
        signed_dcc(unsigned, DeterministicSigner(revoked_key, revoked, [root]), 4), [root],
        [(PKI / "crl-2.crl").read_bytes()]))
    forged_key, forged_root = ca(1009, "Trust Attack Lab Root CA", 0x1009)  # same name, other key
    (HERE / "lt-forged-crl-in-document.xml").write_bytes(with_revocation_values(
        signed_dcc(unsigned, DeterministicSigner(ok_key, ok, [root]), 5), [],
        [crl(forged_key, forged_root, 9, [ok.serial_number], START)]))
    print(f"written to {HERE}", file=sys.stderr)


if __name__ == "__main__":
    main()
