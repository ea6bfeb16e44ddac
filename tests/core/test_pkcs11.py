"""Signing with a hardware token, tested for real against SoftHSM2 with non-extractable keys."""

from __future__ import annotations

import pytest

from coomet_lab.trust import TokenKey, TrustStore, WrongSecretError, open_signer, sign_xml, verify_xml

from tests.conftest import PIN, TOKEN
from tests.helpers import run_cli


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
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    from tests.helpers import THERMOMETER

    source = tmp_path / "in.xml"
    source.write_bytes(to_bytes(load_document(THERMOMETER)))
    monkeypatch.setenv("TOKEN_PIN", PIN)
    code, out, err = run_cli("sign", source, "-o", tmp_path / "out.xml", "--pkcs11", token, "--token", TOKEN,
                             "--key-label", "signer-ec", "--pin-env", "TOKEN_PIN", "--trust", test_pki.ca_pem)
    assert code == 0, err
    code, out, _ = run_cli("verify", tmp_path / "out.xml", "--trust", test_pki.ca_pem)
    assert code == 0 and "Token signer-ec" in out
