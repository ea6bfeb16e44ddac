"""The audit trail and `repo verify`: every tampering is found, with a message that says what (exit 1)."""

from __future__ import annotations

import json
import os

import pytest

from coomet_lab.repository import Action, Repository

from tests.helpers import EX05, run_cli
from tests.repo_support import issue_new, raw_db, register_standards


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        register_standards(repository)
        issue_new(repository, "UT-A1", pdf=True)
        issue_new(repository, "UT-A2")
        repository.certificates.import_files([EX05], who="ann")
        yield repository


@pytest.fixture
def db(app_home):
    conn = raw_db(app_home / "repository")
    yield conn
    conn.close()


def _problems(*codes_and_texts: str) -> list[str]:
    code, out, _ = run_cli("repo", "verify")
    assert code == 1, out
    assert out.splitlines()[-1].startswith("FAILED")
    problems = [line for line in out.splitlines() if line.startswith("PROBLEM")]
    for text in codes_and_texts:
        assert any(text in p for p in problems), (text, problems)
    return problems


def test_a_clean_repository_verifies(repo):
    code, out, _ = run_cli("repo", "verify")
    assert code == 0 and out.startswith("OK: ") and "entries/s" in out and "MB/s" in out
    entries = repo.audit.entries()
    assert entries[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.entry_hash for a, b in zip(entries, entries[1:], strict=False))
    assert json.loads((repo.root / "audit-head.json").read_text())["seq"] == entries[-1].seq


def test_every_action_is_recorded_with_who_and_when(repo, tmp_path):
    repo.audit.log_event(action=Action.KEY_USED, who="ann", subject="key:lab-2026", details={"purpose": "test"})
    actions = [(e.action, e.actor) for e in repo.audit.entries()]
    assert ("issued", "technician") in actions and ("imported", "ann") in actions
    assert ("record added", "metrologist") in actions and actions[-1] == ("key used", "ann")
    assert all(e.at.endswith("Z") and "T" in e.at for e in repo.audit.entries())


def test_a_changed_certificate_row_is_found(repo, db):
    db.execute("DROP TRIGGER certificates_immutable")
    db.execute("UPDATE certificates SET customer = 'Someone else' WHERE unique_identifier = 'UT-A1'")
    _problems("certificate #1 (UT-A1) was changed outside the application",
              "the database guard 'certificates_immutable' has been removed")


def test_a_changed_registry_row_is_found(repo, db):
    db.execute("UPDATE standard_calibrations SET due_date = '2099-01-01' WHERE id = 1")
    _problems("standard_calibrations row 1 (С-ВЯ/12-03-2026/412345678) was changed outside the application")


def test_a_row_inserted_behind_the_apps_back_is_found(repo, db):
    db.execute("INSERT INTO standards (code, name, active, created_at, updated_at) "
               "VALUES ('FAKE', 'forged standard', 1, '2026', '2026')")
    _problems("standards row 3 (FAKE) is not in the audit trail")


def test_a_changed_file_is_found(repo):
    record = repo.certificates.find("UT-A2")
    path = repo.store.files.path_of(record.xml_sha256)
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes().replace(b"20417", b"20418"))
    _problems(f"the XML of certificate #{record.id} (UT-A2) was changed on disk")


def test_a_removed_file_is_found(repo):
    record = repo.certificates.find("UT-A1")
    repo.store.files.path_of(record.pdf_sha256).unlink()
    _problems(f"the PDF of certificate #{record.id} (UT-A1) is missing")


def test_a_changed_audit_entry_is_found(repo, db):
    db.execute("DROP TRIGGER audit_append_only_update")
    db.execute("UPDATE audit_log SET actor = 'somebody else' WHERE seq = 5")
    _problems("audit entry #5", "was changed: its content no longer matches its hash")


def test_a_removed_audit_entry_is_found(repo, db):
    db.execute("DROP TRIGGER audit_append_only_delete")
    db.execute("DELETE FROM audit_log WHERE seq = 3")
    _problems("audit entries #3 are missing (removed from the trail)")


def test_reordered_audit_entries_are_found(repo, db):
    db.execute("DROP TRIGGER audit_append_only_update")
    db.execute("UPDATE audit_log SET seq = -1 WHERE seq = 4")
    db.execute("UPDATE audit_log SET seq = 4 WHERE seq = 5")
    db.execute("UPDATE audit_log SET seq = 5 WHERE seq = -1")
    problems = _problems("audit entry #4", "audit entry #5")
    assert any("out of order" in p or "changed" in p for p in problems)


def test_reordering_with_rehashed_entries_is_still_found(repo, db):
    # A careful forger recomputes the hashes of the swapped entries; the chain still shows the order.
    from coomet_lab.repository.audit import entry_hash

    db.execute("DROP TRIGGER audit_append_only_update")
    rows = {r[0]: r for r in db.execute("SELECT seq, at, actor, action, subject, details, prev_hash FROM audit_log")}
    for new_seq, old in ((4, rows[5]), (5, rows[4])):
        digest = entry_hash(new_seq, *old[1:7])
        db.execute("UPDATE audit_log SET seq = ?, entry_hash = ? WHERE seq = ? AND at = ? AND details = ?",
                   (-new_seq, digest, old[0], old[1], old[5]))
    db.execute("UPDATE audit_log SET seq = -seq WHERE seq < 0")
    _problems("audit entry #5 is out of order: it was written after entry #3, not after #4",
              "audit entry #4 is out of order: its predecessor is not in the trail")


def test_entries_removed_from_the_end_are_found(repo, db):
    db.execute("DROP TRIGGER audit_append_only_delete")
    last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    db.execute("DELETE FROM audit_log WHERE seq = ?", (last,))
    _problems(f"the audit trail ends at #{last - 1} but entry #{last} was recorded: entries were removed from the end")


def test_a_removed_certificate_row_is_found(repo, db):
    db.execute("DROP TRIGGER certificates_never_deleted")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM certificate_fts WHERE rowid = 2")
    db.execute("DELETE FROM certificate_standards WHERE certificate_id = 2")
    db.execute("DELETE FROM certificates WHERE id = 2")
    _problems("certificates row 2, recorded by audit entry", "is missing (deleted)")


def test_verify_json(repo):
    code, out, _ = run_cli("repo", "verify", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["entries"] >= 7 and data["files"] == 4 and data["problems"] == []
