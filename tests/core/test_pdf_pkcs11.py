"""The twin signed with keys that never leave a token (SoftHSM2): the same keys and tokens as the XML."""

from __future__ import annotations

import pytest

from coomet_lab.trust import TokenKey, open_signer, sign_xml
from coomet_lab.twin import make_twin, verify_pdf

from tests.conftest import PIN, TOKEN
from tests.helpers import run_cli


@pytest.mark.parametrize("label", ["signer-ec", "signer-rsa"])
def test_a_token_signs_the_dcc_and_its_twin(token, unsigned_dcc, lab_trust, label):
    signer = open_signer(TokenKey(token, TOKEN, label), PIN)
    try:
        signed = sign_xml(unsigned_dcc, signer, trust=lab_trust)
        twin = make_twin(signed, signer=signer, trust=lab_trust)
    finally:
        signer.close()
    report = verify_pdf(twin.pdf, trust=lab_trust)
    assert report.valid, report.summary()
    assert report.signatures[0].signer.subject == f"CN=Token {label},O=Test Lab"


def test_pdf_with_a_token_from_the_command_line(token, signed_dcc, test_pki, tmp_path, monkeypatch):
    (tmp_path / "signed.xml").write_bytes(signed_dcc)
    monkeypatch.setenv("TOKEN_PIN", PIN)
    code, out, err = run_cli("pdf", tmp_path / "signed.xml", "-o", tmp_path / "twin.pdf", "--sign", "--pkcs11", token,
                             "--token", TOKEN, "--key-label", "signer-ec", "--pin-env", "TOKEN_PIN",
                             "--trust", test_pki.ca_pem)
    assert code == 0, err
    code, out, _ = run_cli("verify", tmp_path / "twin.pdf", "--trust", test_pki.ca_pem)
    assert code == 0 and "CN=Token signer-ec" in out
