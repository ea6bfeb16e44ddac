"""Import of DCCs and PDF twins made by others, full-text search, and the repo command line."""

from __future__ import annotations

import json

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.repository import Repository
from coomet_lab.repository.search import LikeSearch, fts_query

from tests.helpers import EX01, EX02, EX05, run_cli, run_cli_json
from tests.repo_support import issue_new, make_twin, raw_db, register_standards, thermometer


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        yield repository


def _stored_state(repo):
    db = raw_db(repo.root)
    counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("certificates", "files", "audit_log")]
    return counts, sorted(repo.store.files.iter_hashes())


def test_import_dccs_of_any_3x_version_with_signature_verdicts(repo):
    calls = []

    def verifier(data: bytes) -> tuple[str, str]:
        calls.append(len(data))
        return "intact-untrusted", "signed by PTB test certificate; CA not trusted"

    outcomes = repo.certificates.import_files([EX01, EX02, EX05], who="ann", verify_signature=verifier)
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert [o.signature_verdict for o in outcomes] == ["unsigned", "intact-untrusted", "unsigned"]
    assert len(calls) == 1  # only the signed file goes to the verifier
    old = repo.certificates.get(outcomes[2].certificate_id)
    assert (old.kind, old.schema_version, old.validation) == ("received", "3.1.1", "valid")
    assert repo.certificates.bytes(old.id)[0] == EX05.read_bytes()
    again = repo.certificates.import_files([EX05], who="ann")[0]
    assert again.status == "duplicate" and again.certificate_id == old.id
    renumbered = EX02.read_bytes().replace(b"<dcc:uniqueIdentifier>1234", b"<dcc:uniqueIdentifier>12345")
    no_verifier = repo.certificates.import_bytes(renumbered, source="copy.xml", who="ann")
    assert no_verifier.signature_verdict == "not checked"


def test_a_failing_verifier_is_a_verdict_not_a_lost_import(repo):
    def broken(data: bytes) -> tuple[str, str]:
        raise RuntimeError("no trust store")

    outcome = repo.certificates.import_files([EX02], who="ann", verify_signature=broken)[0]
    assert outcome.status == "imported" and outcome.signature_verdict == "unverifiable"


def test_an_invalid_dcc_is_kept_with_its_verdict(repo, tmp_path):
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(EX01.read_bytes().replace(b"<dcc:endPerformanceDate>1957-08-13",
                                                  b"<dcc:endPerformanceDate>1957-08-01"))
    outcome = repo.certificates.import_files([invalid], who="ann")[0]
    assert outcome.status == "imported" and outcome.validation.startswith("invalid: ")


def test_nothing_that_fails_to_parse_is_half_imported(repo, tmp_path):
    before = _stored_state(repo)
    bad = {"truncated.xml": EX01.read_bytes()[:5000], "empty.xml": b"", "html.xml": b"<html><body/></html>",
           "entity.xml": b'<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', "notwin.pdf": make_twin(b"<x/>", name="a.txt"),
           "broken.pdf": b"%PDF-1.7\n garbage", "future.xml": EX01.read_bytes().replace(b'schemaVersion="3.3.0"',
                                                                                      b'schemaVersion="9.9.9"')}
    paths = []
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    outcomes = repo.certificates.import_files([*paths, tmp_path / "missing.xml"], who="ann")
    assert [o.status for o in outcomes] == ["refused"] * 8, outcomes
    assert "no embedded dcc.xml" in outcomes[4].message and "cannot read" in outcomes[7].message
    assert _stored_state(repo) == before


def test_pdf_twins_are_stored_with_their_embedded_xml(repo, tmp_path):
    xml = to_bytes(thermometer("EXT-2026-1"))
    twin = tmp_path / "twin.pdf"
    twin.write_bytes(make_twin(xml))
    outcome = repo.certificates.import_files([twin], who="ann")[0]
    assert outcome.status == "imported" and outcome.unique_identifier == "EXT-2026-1"
    assert repo.certificates.bytes(outcome.certificate_id) == (xml, twin.read_bytes())
    # The XML alone first, its twin later: the twin is attached to the same record.
    other = to_bytes(thermometer("EXT-2026-2"))
    first = repo.certificates.import_bytes(other, source="ext2.xml", who="ann")
    attached = repo.certificates.import_bytes(make_twin(other), source="ext2.pdf", who="ann")
    assert attached.status == "twin attached" and attached.certificate_id == first.certificate_id
    assert repo.certificates.bytes(first.certificate_id)[1] is not None
    assert repo.verify().ok


def test_cli_import_exit_codes(repo, tmp_path):
    code, data = run_cli_json("repo", "import", "--json", EX01, EX05)
    assert code == 0 and [f["status"] for f in data["files"]] == ["imported", "imported"]
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(EX01.read_bytes().replace(b"<dcc:uniqueIdentifier>1234", b"<dcc:uniqueIdentifier>99")
                        .replace(b"<dcc:endPerformanceDate>1957-08-13", b"<dcc:endPerformanceDate>1957-08-01"))
    assert run_cli("repo", "import", invalid)[0] == 1
    broken = tmp_path / "broken.xml"
    broken.write_text("<dcc:digitalCalibrationCertificate")
    code, out, err = run_cli("repo", "import", broken, EX02)
    assert code == 2 and "REFUSED" in out and "Traceback" not in out + err


@pytest.fixture
def filled(repo):
    register_standards(repo)
    issue_new(repo, "UT-2026-00417")
    issue_new(repo, "UT-2026-00418")
    issue_new(repo, "UT-2025-00001")
    repo.certificates.import_files([EX05], who="ann")
    return repo


@pytest.mark.parametrize(("query", "expected"), [
    ("UT-2026*", {"UT-2026-00417", "UT-2026-00418"}),
    ("UT-2026-00417", {"UT-2026-00417"}),
    ("ut-2025*", {"UT-2025-00001"}),
    ("уралхим", {"UT-2026-00417", "UT-2026-00418", "UT-2025-00001"}),
    ("Uralkhim 00418", {"UT-2026-00418"}),
    ("99999-999", {"75999PTB20"}),
    ("ETS-100", {"UT-2026-00417", "UT-2026-00418", "UT-2025-00001"}),
    ("412345678", {"UT-2026-00417", "UT-2026-00418", "UT-2025-00001"}),
    ("2020-08-08", {"75999PTB20"}),
    ("vacuum*", set()),
    ('"quoted AND (odd) NEAR stuff', set()),
    ("   ", set()),
])
def test_search(filled, query, expected):
    assert {h.unique_identifier for h in filled.certificates.search(query)} == expected


def test_search_ranks_the_certificate_number_first_and_reports_status(filled):
    original = filled.certificates.find("UT-2026-00417")
    draft = filled.certificates.amend(certificate_id=original.id, who="ann")
    filled.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(draft.certificate()), who="ann")
    hits = filled.certificates.search("UT-2026-00417*")
    assert [h.unique_identifier for h in hits][0] == "UT-2026-00417"
    assert {h.unique_identifier: h.status for h in hits} == {"UT-2026-00417": "replaced", "UT-2026-00417-A1": "current"}


def test_like_fallback_finds_the_same_for_plain_terms(filled):
    with filled.store.read() as conn:  # the seam a server database would use
        like = {r.unique_identifier for r in LikeSearch().search(conn, "UT-2026 uralkhim", 50)}
    assert like == {h.unique_identifier for h in filled.certificates.search("UT-2026* uralkhim")}


def test_fts_query_quotes_every_term():
    assert fts_query('UT-2026* a"b') == '"UT-2026"* AND "a""b"'
    assert fts_query("- * ()") is None


def test_cli_search_list_show(filled):
    code, out, _ = run_cli("repo", "search", "UT-2026*")
    assert code == 0 and "UT-2026-00417" in out and "2 found" in out
    code, data = run_cli_json("repo", "search", "--json", "99999-999")
    assert code == 0 and data["hits"][0]["unique_identifier"] == "75999PTB20"
    code, data = run_cli_json("repo", "list", "--json", "--kind", "issued")
    assert code == 0 and data["total"] == 3
    code, out, _ = run_cli("repo", "show", "UT-2026-00418")
    assert code == 0 and "xml_sha256" in out and "issued by technician" in out
    code, data = run_cli_json("repo", "show", "--json", "#4")
    assert data["certificate"]["unique_identifier"] == "75999PTB20"
    code, _, err = run_cli("repo", "show", "NOPE")
    assert code == 2 and "no certificate 'NOPE'" in err


def test_cli_export_writes_byte_identical_files(filled, tmp_path):
    code, out, _ = run_cli("repo", "export", "75999PTB20", "-o", tmp_path / "out")
    assert code == 0
    assert (tmp_path / "out" / "75999PTB20.xml").read_bytes() == EX05.read_bytes()
    code, data = run_cli_json("repo", "log", "--json")
    assert data["entries"][-1]["action"] == "exported"
    assert json.dumps(data)  # plain JSON


def test_a_number_stored_twice_with_other_content_is_warned_about_and_marked(filled, tmp_path):
    """Issue 12: a second certificate with a number already stored (received or issued) came in without a word."""
    import re

    other = tmp_path / "same-number.xml"
    other.write_bytes(EX05.read_bytes().replace(b"<dcc:uniqueIdentifier>75999PTB20",
                                                b"<dcc:uniqueIdentifier>UT-2026-00417"))
    again = tmp_path / "again.xml"
    again.write_bytes(EX05.read_bytes().replace(b"2020-08-08", b"2020-08-09", 1))
    issued = filled.certificates.find("UT-2026-00417").id
    received = filled.certificates.find("75999PTB20").id
    unrelated = filled.certificates.find("UT-2026-00418").id
    code, out, _ = run_cli("repo", "import", other)
    assert "IMPORTED" in out and f"number UT-2026-00417 also used by #{issued} (issued)" in out
    clash = int(re.search(r"stored as #(\d+)", out).group(1))
    code, data = run_cli_json("repo", "import", "--json", again)
    [outcome] = data["files"]
    assert outcome["status"] == "imported" and outcome["also_used_by"] == [received]
    assert f"number 75999PTB20 also used by #{received} (received)" in outcome["message"]
    new = outcome["certificate_id"]
    code, out, _ = run_cli("repo", "show", f"#{issued}")
    assert code == 0 and f"number also used by #{clash} (received)" in out
    code, data = run_cli_json("repo", "show", "--json", f"#{new}")
    assert data["also_used_by"] == [received]
    code, out, _ = run_cli("repo", "list")
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("#")}
    assert f"number also used by #{new}" in lines[f"#{received}"] and "also used by" not in lines[f"#{unrelated}"]
    code, data = run_cli_json("repo", "list", "--json")
    assert {c["id"]: c["also_used_by"] for c in data["certificates"]}[issued] == [clash]
    # The same file again is a duplicate, not a second use of the number.
    code, data = run_cli_json("repo", "import", "--json", again)
    assert data["files"][0]["status"] == "duplicate"
