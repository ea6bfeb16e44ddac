"""``coomet-lab pdf`` and ``coomet-lab verify TWIN.pdf`` from the command line, with their exit codes."""

from __future__ import annotations

import json

from tests.helpers import THERMOMETER, run_cli
from tests.pki import PASSPHRASE


def _signed_xml(tmp_path, test_pki, monkeypatch):  # noqa: ANN001, ANN202
    monkeypatch.setenv("KEY_PASS", PASSPHRASE)
    assert run_cli("dcc", "build", THERMOMETER, "-o", tmp_path / "t.xml")[0] == 0
    code, _, err = run_cli("sign", tmp_path / "t.xml", "-o", tmp_path / "signed.xml", "--key",
                           test_pki.signers["ec"], "--passphrase-env", "KEY_PASS", "--trust", test_pki.ca_pem)
    assert code == 0, err
    return tmp_path / "signed.xml"


def test_pdf_sign_and_verify_end_to_end(tmp_path, test_pki, monkeypatch):
    signed = _signed_xml(tmp_path, test_pki, monkeypatch)
    out = tmp_path / "twin.pdf"
    code, stdout, err = run_cli("pdf", signed, "-o", out, "--sign", "--key", test_pki.signers["ec"],
                                "--passphrase-env", "KEY_PASS", "--trust", test_pki.ca_pem)
    assert code == 0, err
    assert "UT-2026-00417" in stdout and "PAdES B-B" in stdout and out.read_bytes().startswith(b"%PDF-1.7")
    code, stdout, _ = run_cli("verify", out, "--trust", test_pki.ca_pem)
    assert code == 0 and "VALID (PDF twin" in stdout and "printed on 3 of 3 pages" in stdout
    code, stdout, _ = run_cli("verify", out, "--trust", test_pki.ca_pem, "--json")
    report = json.loads(stdout)
    assert code == 0 and report["verdict"] == "valid" and report["kind"] == "pdf-twin"
    assert report["pdfSignatures"][0]["coverage"] == "ENTIRE_FILE"
    assert report["embeddedDcc"]["verdict"] == "valid"


def test_verify_with_the_wrong_ca_exits_1(tmp_path, test_pki, monkeypatch):
    signed = _signed_xml(tmp_path, test_pki, monkeypatch)
    run_cli("pdf", signed, "-o", tmp_path / "twin.pdf", "--key", test_pki.signers["ec"], "--passphrase-env",
            "KEY_PASS", "--trust", test_pki.ca_pem)
    code, stdout, _ = run_cli("verify", tmp_path / "twin.pdf", "--trust", test_pki.other_ca_pem, "--json")
    assert code == 1 and json.loads(stdout)["verdict"] == "intact-untrusted"


def test_a_draft_is_written_and_does_not_verify(tmp_path, test_pki):
    assert run_cli("dcc", "build", THERMOMETER, "-o", tmp_path / "t.xml")[0] == 0
    code, stdout, _ = run_cli("pdf", tmp_path / "t.xml", "-o", tmp_path / "draft.pdf")
    assert code == 0 and "DRAFT" in stdout
    code, stdout, _ = run_cli("verify", tmp_path / "draft.pdf", "--trust", test_pki.ca_pem)
    assert code == 1 and "UNSIGNED" in stdout


def test_a_draft_is_not_signed_as_a_pdf(tmp_path, test_pki, monkeypatch):
    monkeypatch.setenv("KEY_PASS", PASSPHRASE)
    run_cli("dcc", "build", THERMOMETER, "-o", tmp_path / "t.xml")
    code, _, err = run_cli("pdf", tmp_path / "t.xml", "-o", tmp_path / "x.pdf", "--sign", "--key",
                           test_pki.signers["ec"], "--passphrase-env", "KEY_PASS")
    assert code == 2 and "Sign the DCC first" in err and not (tmp_path / "x.pdf").exists()


def test_an_expired_key_is_refused_and_nothing_is_written(tmp_path, test_pki, monkeypatch):
    signed = _signed_xml(tmp_path, test_pki, monkeypatch)
    code, _, err = run_cli("pdf", signed, "-o", tmp_path / "x.pdf", "--sign", "--key", test_pki.signers["expired"],
                           "--passphrase-env", "KEY_PASS", "--trust", test_pki.ca_pem)
    assert code == 2 and "expired" in err and "Traceback" not in err and not (tmp_path / "x.pdf").exists()


def test_an_invalid_dcc_is_refused_with_findings(tmp_path):
    run_cli("dcc", "build", THERMOMETER, "-o", tmp_path / "t.xml")
    broken = tmp_path / "broken.xml"
    broken.write_bytes((tmp_path / "t.xml").read_bytes().replace(b"<dcc:uniqueIdentifier>UT-2026-00417",
                                                                b"<dcc:uniqueIdentifier> UT-2026-00417"))
    code, _, err = run_cli("pdf", broken, "-o", tmp_path / "x.pdf")
    assert code == 1 and "REFUSED" in err and "uniqueIdentifier" in err and "nothing was written" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unusable_input_exits_2(tmp_path):
    (tmp_path / "x.xml").write_text("not xml at all")
    code, _, err = run_cli("pdf", tmp_path / "x.xml", "-o", tmp_path / "x.pdf")
    assert code == 2 and "Traceback" not in err
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    code, _, err = run_cli("verify", tmp_path / "bad.pdf")
    assert code == 2 and "cannot be read as a PDF" in err
