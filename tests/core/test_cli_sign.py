"""Keys, trust, sign and verify from the command line."""

from __future__ import annotations

import json

import pytest
from asn1crypto import pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from coomet_lab.trust import keys as pki

from tests.helpers import EX05, THERMOMETER, run_cli

PASSPHRASE = "long enough passphrase"


@pytest.fixture
def lab(tmp_path, monkeypatch):
    monkeypatch.setenv("KEY_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "pki"
    code, stdout, err = run_cli("keys", "init", "--lab", "Metrology Centre", "--person", "Anna Smirnova",
                                "--out", out, "--passphrase-env", "KEY_PASSPHRASE")
    assert code == 0, err
    return out


@pytest.fixture
def dcc(tmp_path) -> str:
    out = tmp_path / "certificate.xml"
    assert run_cli("dcc", "build", THERMOMETER, "-o", out)[0] == 0
    return out


def key_encryption(p12_bytes: bytes) -> tuple[str, str, int]:
    """(scheme, cipher, PBKDF2 iterations) of the private key inside a PKCS#12 file."""
    pfx = pkcs12.Pfx.load(p12_bytes)
    for info in pkcs12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native):
        if info["content_type"].native != "data":
            continue
        for bag in pkcs12.SafeContents.load(info["content"].native):
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                algorithm = bag["bag_value"]["encryption_algorithm"]
                params = algorithm["parameters"]
                return (algorithm["algorithm"].native, params["encryption_scheme"]["algorithm"].native,
                        params["key_derivation_func"]["parameters"]["iteration_count"].native)
    raise AssertionError("no shrouded key bag")


def test_keys_init_writes_only_encrypted_keys(lab):
    signer = (lab / "signer.p12").read_bytes()
    assert b"PRIVATE KEY" not in signer
    assert key_encryption(signer) == ("pbes2", "aes256_cbc", 600_000)
    assert key_encryption((lab / "lab-ca.p12").read_bytes())[2] == 600_000
    assert (lab / "signer.p12").stat().st_mode & 0o077 == 0, "key files are readable by their owner only"
    ca = x509.load_pem_x509_certificate((lab / "lab-ca.pem").read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    bundle = pki.load_pkcs12(lab / "signer.p12", PASSPHRASE)
    assert bundle.certificate.issuer == ca.subject and bundle.key.curve.name == "secp256r1"


def test_keys_init_refuses_short_passphrases_and_overwriting(lab, monkeypatch):
    monkeypatch.setenv("SHORT", "1234")
    code, _, err = run_cli("keys", "init", "--lab", "L", "--person", "P", "--out", lab.parent / "x",
                           "--passphrase-env", "SHORT")
    assert code == 2 and "at least 8 characters" in err
    code, _, err = run_cli("keys", "init", "--lab", "L", "--person", "P", "--out", lab,
                           "--passphrase-env", "KEY_PASSPHRASE")
    assert code == 2 and "refusing to overwrite" in err


def test_rsa_on_request(tmp_path, monkeypatch):
    monkeypatch.setenv("P", PASSPHRASE)
    assert run_cli("keys", "init", "--lab", "L", "--person", "P", "--out", tmp_path, "--rsa",
                   "--passphrase-env", "P")[0] == 0
    assert pki.load_pkcs12(tmp_path / "signer.p12", PASSPHRASE).key.key_size == 3072


def test_trust_sign_verify_end_to_end(lab, dcc, tmp_path):
    signed = tmp_path / "signed.xml"
    assert run_cli("trust", "add", lab / "lab-ca.pem")[0] == 0
    code, out, _ = run_cli("trust", "list")
    assert "Metrology Centre Root CA" in out
    code, out, err = run_cli("sign", dcc, "-o", signed, "--key", lab / "signer.p12",
                             "--passphrase-env", "KEY_PASSPHRASE", "--role", "performer")
    assert code == 0, err
    code, out, _ = run_cli("verify", signed)
    assert code == 0 and "VALID" in out and "performer" in out and "UT-2026-00417" in out
    code, data = run_cli("verify", signed, "--json")[0], json.loads(run_cli("verify", signed, "--json")[1])
    assert data["verdict"] == "valid" and data["signatures"][0]["role"] == "performer"
    assert run_cli("trust", "remove", "Metrology")[0] == 0
    code, out, _ = run_cli("verify", signed)
    assert code == 1 and "INTACT-UNTRUSTED" in out
    assert run_cli("verify", signed, "--trust", lab / "lab-ca.pem")[0] == 0


def test_revocation_list_import(lab, dcc, tmp_path):
    assert run_cli("trust", "add-crl", lab / "lab-ca.crl")[0] == 2, "a CRL needs its CA as anchor first"
    assert run_cli("trust", "add", lab / "lab-ca.pem")[0] == 0
    code, out, _ = run_cli("trust", "add-crl", lab / "lab-ca.crl")
    assert code == 0 and "imported" in out


def test_only_ca_certificates_become_anchors(lab, tmp_path):
    bundle = pki.load_pkcs12(lab / "signer.p12", PASSPHRASE)
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(bundle.certificate.public_bytes(serialization.Encoding.PEM))
    code, _, err = run_cli("trust", "add", leaf)
    assert code == 2 and "not a CA certificate" in err


def test_wrong_passphrase_missing_key_and_no_key(lab, dcc, tmp_path, monkeypatch):
    monkeypatch.setenv("WRONG", "not the passphrase")
    code, _, err = run_cli("sign", dcc, "-o", tmp_path / "o.xml", "--key", lab / "signer.p12",
                           "--passphrase-env", "WRONG")
    assert code == 2 and "wrong passphrase" in err and not (tmp_path / "o.xml").exists()
    code, _, err = run_cli("sign", dcc, "-o", tmp_path / "o.xml")
    assert code == 2 and "name the key" in err
    code, _, err = run_cli("sign", dcc, "-o", tmp_path / "o.xml", "--key", lab / "signer.p12",
                           "--passphrase-env", "UNSET_VARIABLE")
    assert code == 2 and "UNSET_VARIABLE is not set" in err


def test_older_dccs_are_signed_only_when_upgraded_explicitly(lab, tmp_path):
    out = tmp_path / "05-signed.xml"
    code, _, err = run_cli("sign", EX05, "-o", out, "--key", lab / "signer.p12", "--passphrase-env", "KEY_PASSPHRASE")
    assert code == 2 and "--upgrade" in err
    code, _, err = run_cli("sign", EX05, "-o", out, "--key", lab / "signer.p12", "--passphrase-env", "KEY_PASSPHRASE",
                           "--upgrade")
    assert code == 0, err
    assert run_cli("verify", out, "--trust", lab / "lab-ca.pem")[0] == 0


def test_csr_for_an_outside_ca_and_import_of_what_it_issued(tmp_path, monkeypatch, test_pki, dcc):
    monkeypatch.setenv("P", PASSPHRASE)
    code, out, err = run_cli("keys", "csr", "--person", "Ivan Petrov", "--lab", "Lab", "--out", tmp_path / "csr",
                             "--passphrase-env", "P")
    assert code == 0, err
    request = x509.load_pem_x509_csr((tmp_path / "csr" / "signer.csr.pem").read_bytes())
    assert request.is_signature_valid
    issued = pki.issue_signer_certificate(ca_key=test_pki.ca_key, ca_certificate=test_pki.ca_certificate,
                                          subject=request.subject, public_key=request.public_key())
    answer = tmp_path / "issued.pem"
    answer.write_bytes(issued.public_bytes(serialization.Encoding.PEM)
                       + test_pki.ca_certificate.public_bytes(serialization.Encoding.PEM))
    code, out, err = run_cli("keys", "import", answer, "--key", tmp_path / "csr" / "signer-key.p12",
                             "--out", tmp_path / "signer.p12", "--passphrase-env", "P")
    assert code == 0, err
    code, _, err = run_cli("sign", dcc, "-o", tmp_path / "s.xml", "--key", tmp_path / "signer.p12",
                           "--passphrase-env", "P", "--trust", test_pki.ca_pem)
    assert code == 0, err
    code, out, _ = run_cli("keys", "import", test_pki.signers["ec"], "--passphrase-env", "TEST_PKI_PASSPHRASE")
    assert code == 2


def test_import_of_a_pkcs12_issued_by_the_labs_ca(test_pki, monkeypatch, app_home):
    from tests.pki import PASSPHRASE as TEST_PASSPHRASE

    monkeypatch.setenv("P", TEST_PASSPHRASE)
    code, out, err = run_cli("keys", "import", test_pki.signers["rsa"], "--passphrase-env", "P")
    assert code == 0, err
    assert (app_home / "keys" / "rsa.p12").is_file()
    code, out, _ = run_cli("keys", "show", app_home / "keys" / "rsa.p12", "--passphrase-env", "P")
    assert "CN=Signer rsa" in out


def test_verify_exit_codes(dcc, tmp_path):
    assert run_cli("verify", dcc)[0] == 1, "unsigned is not valid"
    broken = tmp_path / "broken.xml"
    broken.write_text("<not closed")
    assert run_cli("verify", broken)[0] == 2
    assert run_cli("verify", tmp_path / "missing.xml")[0] == 2


def test_upgrading_a_signed_3_3_0_file_is_refused_unless_the_signatures_may_go(lab, dcc, tmp_path):
    """Issue 12: ``sign --upgrade`` on a signed 3.3.0 file used to drop the other party's signature silently."""
    key = ("--key", lab / "signer.p12", "--passphrase-env", "KEY_PASSPHRASE")
    signed = tmp_path / "signed.xml"
    assert run_cli("sign", dcc, "-o", signed, *key)[0] == 0
    out = tmp_path / "again.xml"
    code, _, err = run_cli("sign", signed, "-o", out, *key, "--upgrade")
    assert code == 2 and not out.exists()
    assert "already is DCC 3.3.0" in err and "1 signature" in err and "--drop-signatures" in err
    code, stdout, err = run_cli("sign", signed, "-o", out, *key, "--upgrade", "--drop-signatures")
    assert code == 0, err
    assert "removed 1 signature" in err and "Anna Smirnova" in err
    code, stdout, _ = run_cli("verify", out, "--trust", lab / "lab-ca.pem", "--json")
    assert code == 0 and len(json.loads(stdout)["signatures"]) == 1
