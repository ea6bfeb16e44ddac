"""The store: drafts, issuing exact bytes, immutability, files on disk, export, threads."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.kernel.errors import IssueRefusedError, RecordNotFoundError, RepositoryError
from coomet_lab.repository import Repository

from tests.repo_support import issue_new, make_twin, raw_db, register_standards, thermometer, with_signature


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        register_standards(repository)
        yield repository


def test_open_creates_a_wal_database_with_migrations_in_the_app_home(app_home):
    with Repository.open() as repo:
        assert repo.root == app_home / "repository"
    db = raw_db(app_home / "repository")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall() == [(1,), (2,), (3,)]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Repository.open() as again:  # a second open migrates nothing and keeps the identity
        assert again.certificates.count() == 0


def test_drafts_autosave_with_revisions_and_refuse_a_stale_copy(repo):
    draft = repo.drafts.create(certificate=thermometer("UT-1"), who="ann")
    assert (draft.revision, draft.status, draft.unique_identifier) == (1, "open", "UT-1")
    changed = draft.certificate()
    changed.administrative_data.core_data.unique_identifier = "UT-2"
    saved = repo.drafts.save(draft_id=draft.id, certificate=changed, expected_revision=1)
    assert saved.revision == 2 and saved.certificate().unique_identifier == "UT-2"
    with pytest.raises(RepositoryError, match="saved elsewhere"):
        repo.drafts.save(draft_id=draft.id, certificate=changed, expected_revision=1)
    assert [d.id for d in repo.drafts.list()] == [draft.id]
    repo.drafts.discard(draft_id=draft.id, who="ann")
    assert repo.drafts.list() == [] and repo.drafts.get(draft.id).status == "discarded"
    with pytest.raises(RecordNotFoundError):
        repo.drafts.get(999)


def test_issue_keeps_the_exact_bytes_and_their_hash(repo):
    certificate = thermometer("UT-2026-1")
    draft = repo.drafts.create(certificate=certificate, who="ann")
    xml = to_bytes(certificate)
    twin = make_twin(xml)
    record = repo.certificates.issue(draft_id=draft.id, signed_xml=xml, pdf=twin, who="ann", key_id="key-ann")
    assert record.kind == "issued" and record.status == "current"
    assert record.xml_sha256 == hashlib.sha256(xml).hexdigest()
    assert record.pdf_sha256 == hashlib.sha256(twin).hexdigest()
    assert repo.certificates.bytes(record.id) == (xml, twin)
    assert (record.customer, record.serial, record.calibration_date) == ("АО «Уралхим» / Uralkhim JSC", "20417",
                                                                         "2026-11-19")
    assert repo.drafts.get(draft.id).status == "issued"
    stored = repo.store.files.path_of(record.xml_sha256)
    assert stored.read_bytes() == xml and not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    actions = [e.action for e in repo.audit.entries(subject=f"certificate:{record.id}")]
    assert actions == ["key used", "issued"]


def test_issue_refuses_what_is_not_the_drafts_valid_certificate(repo):
    certificate = thermometer("UT-R")
    draft = repo.drafts.create(certificate=certificate, who="ann")
    xml = to_bytes(certificate)
    with pytest.raises(IssueRefusedError, match="the signed XML is certificate 'UT-OTHER'"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(thermometer("UT-OTHER")), who="ann")
    invalid = xml.replace(b"<dcc:endPerformanceDate>2026-11-19", b"<dcc:endPerformanceDate>2026-11-01")
    with pytest.raises(IssueRefusedError, match="invalid"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=invalid, who="ann")
    with pytest.raises(IssueRefusedError, match="not a DCC|not well-formed|cannot|XML"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=b"<html/>", who="ann")
    with pytest.raises(IssueRefusedError, match="different dcc.xml"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=xml, pdf=make_twin(xml + b"\n"), who="ann")
    with pytest.raises(IssueRefusedError, match="signature is invalid"):
        signed = with_signature(xml)
        repo.certificates.issue(draft_id=draft.id, signed_xml=signed, who="ann",
                                verify_signature=lambda data: ("invalid", "digest mismatch"))
    assert repo.certificates.count() == 0 and repo.drafts.get(draft.id).status == "open"
    repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann")
    with pytest.raises(IssueRefusedError, match="draft .* is issued"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann")
    again = repo.drafts.create(certificate=thermometer("UT-R"), who="ann")
    with pytest.raises(IssueRefusedError, match="already been issued"):
        repo.certificates.issue(draft_id=again.id, signed_xml=xml, who="ann")


def test_signature_verdict_is_kept(repo):
    certificate = thermometer("UT-SIG")
    draft = repo.drafts.create(certificate=certificate, who="ann")
    signed = with_signature(to_bytes(certificate))
    seen = []

    def verifier(data: bytes) -> tuple[str, str]:
        seen.append(data)
        return "intact-untrusted", "intact, signer not in the trust list"

    record = repo.certificates.issue(draft_id=draft.id, signed_xml=signed, who="ann", verify_signature=verifier)
    assert seen == [signed]
    assert (record.signature_verdict, record.signature_detail) == ("intact-untrusted",
                                                                  "intact, signer not in the trust list")
    unsigned = issue_new(repo, "UT-UNSIGNED")
    assert unsigned.signature_verdict == "unsigned"


def test_the_database_itself_refuses_to_change_or_delete_records(repo, app_home):
    record = issue_new(repo, "UT-IMM")
    db = raw_db(app_home / "repository")
    for statement in ("UPDATE certificates SET customer = 'x'", "DELETE FROM certificates",
                      "UPDATE certificates SET status = 'current', xml_sha256 = 'x'", "DELETE FROM audit_log",
                      "UPDATE audit_log SET actor = 'mallory'", "DELETE FROM files", "UPDATE files SET size = 1"):
        with pytest.raises(sqlite3.DatabaseError, match="never deleted|cannot be changed|append-only"):
            db.execute(statement)
    assert repo.certificates.get(record.id) == record
    assert repo.verify().ok


def test_find_list_and_export_byte_identical(repo, tmp_path):
    first = issue_new(repo, "UT-E1", pdf=True)
    second = issue_new(repo, "UT-E2")
    assert repo.certificates.find("UT-E1") == first and repo.certificates.find(f"#{second.id}") == second
    assert repo.certificates.find(str(second.id)).id == second.id
    with pytest.raises(RecordNotFoundError):
        repo.certificates.find("UT-NONE")
    assert [r.unique_identifier for r in repo.certificates.list()] == ["UT-E2", "UT-E1"]
    written = repo.certificates.export(certificate_id=first.id, directory=tmp_path / "out", who="ann")
    xml, pdf = repo.certificates.bytes(first.id)
    assert [p.name for p in written] == ["UT-E1.xml", "UT-E1.pdf"]
    assert written[0].read_bytes() == xml and written[1].read_bytes() == pdf
    assert repo.audit.entries()[-1].action == "exported"


def test_a_changed_file_is_never_served(repo):
    record = issue_new(repo, "UT-SERVE")
    path = repo.store.files.path_of(record.xml_sha256)
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes().replace(b"UT-SERVE", b"UT-EVIL!"))
    with pytest.raises(RepositoryError, match="changed on disk"):
        repo.certificates.bytes(record.id)


def test_threads_share_one_repository(repo):
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            for n in range(3):
                issue_new(repo, f"UT-T{index}-{n}")
                repo.certificates.search(f"UT-T{index}*")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert repo.certificates.count(kind="issued") == 12
    report = repo.verify()
    assert report.ok, report.problems
