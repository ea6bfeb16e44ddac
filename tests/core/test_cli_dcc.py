"""The command-line contract other checks rely on: exit codes, JSON, atomic output."""

from __future__ import annotations

import json

from lxml import etree

from coomet_lab.dcc.upgrade import measurement_facts

from tests.helpers import EX01, EX02, EX05, PRESSURE, THERMOMETER, replace_in, run_cli, run_cli_json


def test_validate_exit_codes(tmp_path):
    assert run_cli("dcc", "validate", EX01, EX05)[0] == 0
    invalid = replace_in(EX01, "<dcc:endPerformanceDate>1957-08-13", "<dcc:endPerformanceDate>1957-08-01",
                         tmp_path / "invalid.xml")
    code, out, _ = run_cli("dcc", "validate", EX01, invalid)
    assert code == 1 and "INVALID" in out and "ends (1957-08-01) before it begins" in out
    broken = tmp_path / "broken.xml"
    broken.write_text("<dcc:digitalCalibrationCertificate")
    assert run_cli("dcc", "validate", invalid, broken)[0] == 2


def test_validate_json_lists_findings_with_location(tmp_path):
    invalid = replace_in(EX01, "<dcc:measurementResult>", '<dcc:measurementResult refId="ghost">', tmp_path / "r.xml")
    code, data = run_cli_json("dcc", "validate", "--json", invalid)
    assert code == 1 and data["valid"] is False
    finding = next(f for f in data["files"][0]["findings"] if f["code"] == "rule.refid.dangling")
    assert finding["severity"] == "error" and finding["line"] > 1 and finding["path"].startswith("/dcc:")


def test_validate_json_reports_unusable_files(tmp_path):
    nothing = tmp_path / "nothing.xml"
    nothing.write_bytes(b"")
    code, data = run_cli_json("dcc", "validate", "--json", nothing)
    assert code == 2 and data["files"][0]["unusable"] and "empty" in data["files"][0]["error"]


def test_missing_file_is_unusable_not_a_traceback(tmp_path):
    code, out, _err = run_cli("dcc", "validate", tmp_path / "missing.xml")
    assert code == 2 and "cannot read" in out and "Traceback" not in out


def test_upgrade_311_to_330_keeps_every_value(tmp_path):
    out = tmp_path / "05-330.xml"
    code, stdout, _ = run_cli("dcc", "upgrade", EX05, "-o", out)
    assert code == 0, stdout
    assert etree.parse(str(out)).getroot().get("schemaVersion") == "3.3.0"
    assert run_cli("dcc", "validate", out)[0] == 0
    assert measurement_facts(etree.parse(str(out)).getroot()) == measurement_facts(etree.parse(str(EX05)).getroot())


def test_upgrade_removes_signatures_and_says_so(tmp_path):
    out = tmp_path / "02.xml"
    code, stdout, _ = run_cli("dcc", "upgrade", EX02, "-o", out)
    assert code == 0 and "signed again" in stdout
    assert b"Signature" not in out.read_bytes()


def test_build_examples_to_valid_330(tmp_path):
    for doc in (THERMOMETER, PRESSURE):
        out = tmp_path / (doc.stem + ".xml")
        code, stdout, _ = run_cli("dcc", "build", doc, "-o", out)
        assert code == 0, stdout
        assert f"{out}: valid (DCC 3.3.0)" in stdout


def test_build_refuses_invalid_output_and_leaves_no_file(tmp_path):
    data = json.loads(THERMOMETER.read_text(encoding="utf-8"))
    data["certificate"]["administrativeData"]["coreData"]["endPerformanceDate"] = "2026-11-01"
    doc = tmp_path / "bad.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.xml"
    code, stdout, err = run_cli("dcc", "build", doc, "-o", out)
    assert code == 1 and "nothing was written" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [doc]


def test_build_reports_a_malformed_document_with_its_path(tmp_path):
    doc = tmp_path / "typo.json"
    data = json.loads(THERMOMETER.read_text(encoding="utf-8"))
    data["certificate"]["administrativeData"]["coreData"]["uniqueIdentifer"] = "x"
    doc.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("dcc", "build", doc, "-o", tmp_path / "o.xml")
    assert code == 2 and "unknown key 'uniqueIdentifer'" in err and "coreData" in err


def test_output_into_a_missing_folder_fails_cleanly(tmp_path):
    code, _, err = run_cli("dcc", "build", THERMOMETER, "-o", tmp_path / "no" / "such" / "out.xml")
    assert code == 2 and "cannot write" in err
