"""Signing with a hardware token, tested for real against SoftHSM2 with non-extractable keys."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from coomet_lab.signing import TokenKey, TrustStore, WrongSecretError, open_signer, sign_xml, verify_xml
from coomet_lab.signing import pki as lab_pki
from tests.helpers import run_cli

TOKEN, PIN, SO_PIN = "lab-token", "4711", "12345678"
MODULE_CANDIDATES = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                     "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so"]


def softhsm_module() -> str:
    module = next((m for m in MODULE_CANDIDATES if Path(m).is_file()), None)
    assert module and shutil.which("softhsm2-util"), (
        "SoftHSM2 (Debian package softhsm2) is needed: scripts/system-deps.sh installs it")
    return module


@pytest.fixture(scope="session")
def token(tmp_path_factory, test_pki) -> str:
    """A SoftHSM2 token with an EC and an RSA key generated on it (sensitive, not extractable) and their
    certificates issued by the test lab CA."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
    from pkcs11.util.rsa import encode_rsa_public_key

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    config = folder / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(config)  # read by the module when it is first loaded in this process
    module = softhsm_module()
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN, "--pin", PIN],
                   check=True, capture_output=True)
    token = pkcs11.lib(module).get_token(token_label=TOKEN)
    private = {Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False, Attribute.SIGN: True}
    with token.open(rw=True, user_pin=PIN) as session:
        params = session.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        ec_public, _ = params.generate_keypair(store=True, label="signer-ec", id=b"\x01", private_template=private)
        rsa_public, _ = session.generate_keypair(KeyType.RSA, 3072, store=True, label="signer-rsa", id=b"\x02",
                                                 private_template=private)
        for label, public_der in (("signer-ec", encode_ec_public_key(ec_public)),
                                  ("signer-rsa", encode_rsa_public_key(rsa_public))):
            public_key = (serialization.load_der_public_key(public_der) if label.endswith("ec")
                          else serialization.load_der_public_key(_rsa_spki(public_der)))
            certificate = lab_pki.issue_signer_certificate(
                ca_key=test_pki.ca_key, ca_certificate=test_pki.ca_certificate,
                subject=x509.Name.from_rfc4514_string(f"CN=Token {label},O=Test Lab"), public_key=public_key)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: label, Attribute.ID: b"\x01" if label.endswith("ec") else b"\x02",
                Attribute.SUBJECT: certificate.subject.public_bytes(),
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            })
        ca = test_pki.ca_certificate
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "lab-ca", Attribute.SUBJECT: ca.subject.public_bytes(),
            Attribute.VALUE: ca.public_bytes(serialization.Encoding.DER),
        })
    return module


def _rsa_spki(pkcs1_der: bytes) -> bytes:
    """python-pkcs11 encodes an RSA public key as PKCS#1; wrap it in SubjectPublicKeyInfo for cryptography."""
    from asn1crypto import keys

    return keys.PublicKeyInfo({"algorithm": {"algorithm": "rsa"},
                               "public_key": keys.RSAPublicKey.load(pkcs1_der)}).dump()


@pytest.mark.parametrize("label", ["signer-ec", "signer-rsa"])
def test_token_signature_verifies(token, test_pki, unsigned_dcc, label):
    trust = TrustStore.with_files([test_pki.ca_pem])
    signer = open_signer(TokenKey(token, TOKEN, label), PIN)
    try:
        signed = sign_xml(unsigned_dcc, signer, trust=trust)
    finally:
        signer.close()
    report = verify_xml(signed, trust=trust)
    assert report.valid, report.summary()
    assert report.signatures[0].signer.subject == f"CN=Token {label},O=Test Lab"


def test_the_private_key_cannot_leave_the_token(token):
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    with pkcs11.lib(token).get_token(token_label=TOKEN).open(user_pin=PIN) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label="signer-ec")
        assert key[Attribute.EXTRACTABLE] is False and key[Attribute.SENSITIVE] is True
        with pytest.raises(pkcs11.AttributeSensitive):
            key[Attribute.VALUE]


def test_wrong_pin_and_wrong_labels_are_clear_errors(token):
    with pytest.raises(WrongSecretError, match="wrong PIN"):
        open_signer(TokenKey(token, TOKEN, "signer-ec"), "0000")
    with pytest.raises(Exception, match="no single private key labelled 'nope'"):
        open_signer(TokenKey(token, TOKEN, "nope"), PIN)
    with pytest.raises(Exception, match="no single token labelled 'other'"):
        open_signer(TokenKey(token, "other", "signer-ec"), PIN)


def test_sign_with_a_token_from_the_command_line(token, test_pki, tmp_path, monkeypatch):
    from coomet_lab.dcc.writer import to_bytes
    from coomet_lab.document import load_document
    from tests.helpers import THERMOMETER

    source = tmp_path / "in.xml"
    source.write_bytes(to_bytes(load_document(THERMOMETER)))
    monkeypatch.setenv("TOKEN_PIN", PIN)
    code, out, err = run_cli("sign", source, "-o", tmp_path / "out.xml", "--pkcs11", token, "--token", TOKEN,
                             "--key-label", "signer-ec", "--pin-env", "TOKEN_PIN", "--trust", test_pki.ca_pem)
    assert code == 0, err
    code, out, _ = run_cli("verify", tmp_path / "out.xml", "--trust", test_pki.ca_pem)
    assert code == 0 and "Token signer-ec" in out
