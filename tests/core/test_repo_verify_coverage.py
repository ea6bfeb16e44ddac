"""`repo verify` sees every change that alters what the lab asserts, made with sqlite3 directly as an attacker with
file access would: export items, the type register, certificates' standards, the search indexes, settings, schema
versions, any schema object (trigger, view, index), and an audit trail cut short with its head file rewritten
(caught by a head kept outside the repository: `repo head`, `repo verify --expect-head` / `--anchor`).

The database edits are the SQL files of tests/data/attacks/audit/, each with its expected exit code and message in
expected.json; they run against a copy of one lab repository built once per module.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from coomet_lab.repository import Repository

from tests.conftest import ARSHIN, SCHEMAS
from tests.core.test_verification_records import DATA, TODAY, fit_record
from tests.helpers import REPO, run_cli
from tests.repo_support import issue_new, raw_db, register_standards

ATTACKS = REPO / "tests" / "data" / "attacks" / "audit"
EXPECTED = json.loads((ATTACKS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One lab repository: two traced issued certificates, the type register, three exported verifications."""
    home = tmp_path_factory.mktemp("lab-template")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COOMET_LAB_HOME", str(home))
        mp.setenv("COOMET_LAB_SCHEMAS", str(SCHEMAS))
        mp.setenv("COOMET_LAB_ARSHIN_SCHEMAS", str(ARSHIN))
        with Repository.open() as repo:
            register_standards(repo)
            issue_new(repo, "UT-A1", pdf=True)
            issue_new(repo, "UT-A2")
            repo.verifications.import_types(DATA / "types.csv", who="test")
            repo.verifications.record([fit_record(manufacture_num=f"SN{n}") for n in (1, 2, 3)], who="Иванов И.И.",
                                      today=TODAY)
            (job,) = repo.outbox.export_arshin(home / "out", who="Иванов И.И.")
            assert job.files[0].name == "arshin-00001-part-001.xml" and job.records == 3
            repo.certificates.set_amendment_pattern(pattern="{base}-A{n}", who="test")
            report = repo.verify()
            assert report.ok, report.problems
    return home / "repository"


@pytest.fixture
def lab(template, app_home) -> Path:
    root = app_home / "repository"
    shutil.copytree(template, root)
    return root


def _sql(root: Path, script: str) -> None:
    db = raw_db(root)
    try:
        db.executescript(script)
    finally:
        db.close()


def _verify(*extra: str) -> tuple[int, list[str], str]:
    code, out, err = run_cli("repo", "verify", *extra)
    return code, [line for line in out.splitlines() if line.startswith("PROBLEM")], out + err


def test_the_lab_repository_verifies(lab):
    code, problems, out = _verify()
    assert code == 0 and problems == [] and out.splitlines()[-1].startswith("OK: "), out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_database_edit_is_found(lab, name):
    expected = EXPECTED[name]
    assert expected["command"] == "repo verify"
    _sql(lab, (ATTACKS / name).read_text(encoding="utf-8"))
    started = time.monotonic()
    code, problems, out = _verify()
    assert time.monotonic() - started < 10  # a safety net only; timings are in the report
    assert code == expected["exit"], out
    assert any(expected["message"] in p for p in problems), (expected["message"], problems)


def test_while_another_program_writes_only_the_index_internals_check_is_skipped(lab):
    with Repository.open(lab) as repo:
        holder = raw_db(lab)
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock for the whole verify
        try:
            started = time.monotonic()
            report = repo.verify()
            assert time.monotonic() - started < 5
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    assert report.ok, report.problems
    assert {n.code for n in report.notes} == {"search.not_checked"}


def test_the_attack_list_is_complete():
    assert sorted(p.name for p in ATTACKS.glob("*.sql")) == sorted(EXPECTED)


# ----------------------------------------------------------------------------------------------- the head


def _cut_the_end(root: Path, entries: int) -> int:
    """Drop the last ``entries`` audit entries and rewrite audit-head.json to the new last one, consistently."""
    db = raw_db(root)
    try:
        db.execute("DROP TRIGGER audit_append_only_delete")
        last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE seq > ?", (last - entries,))
        seq, digest = db.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        db.execute("CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
    finally:
        db.close()
    (root / "audit-head.json").write_text(json.dumps({"seq": seq, "hash": digest}))
    return last


def _head() -> str:
    code, out, _ = run_cli("repo", "head")
    assert code == 0
    return out.splitlines()[0]


def test_repo_head_prints_the_head_to_keep_elsewhere(lab, tmp_path):
    with Repository.open() as repo:
        seq, digest = repo.audit.head()
    assert _head() == f"{seq}:{digest}"
    code, out, _ = run_cli("repo", "head", "-o", tmp_path / "anchor.json")
    assert code == 0 and "--expect-head" in out
    anchor = json.loads((tmp_path / "anchor.json").read_text())
    assert (anchor["seq"], anchor["hash"]) == (seq, digest) and anchor["repository_id"]
    code, problems, out = _verify("--expect-head", f"{seq}:{digest}", "--anchor", str(tmp_path / "anchor.json"))
    assert code == 0 and problems == [] and f"anchored head #{seq}: in the trail, unchanged" in out


def test_a_cut_trail_with_a_rewritten_head_is_found_by_the_anchored_head(lab, tmp_path):
    head = _head()
    run_cli("repo", "head", "-o", tmp_path / "anchor.json")
    last = _cut_the_end(lab, 3)
    code, problems, out = _verify("--expect-head", head)
    assert code == 1, out
    assert any(f"the audit trail ends at #{last - 3} but the anchored head is #{last}" in p
               and "entries were removed from the end (and the head file rewritten to match)" in p
               for p in problems), problems
    code, problems, _ = _verify("--anchor", str(tmp_path / "anchor.json"))
    assert code == 1 and any(f"anchored head is #{last}" in p for p in problems), problems


def test_a_rewritten_trail_is_found_by_the_anchored_head(lab):
    # The forger cuts the end, then appends entries of their own with valid hashes: the anchored entry differs.
    head = _head()
    seq = int(head.split(":")[0])
    _cut_the_end(lab, 2)
    with Repository.open() as repo:
        for n in range(3):
            repo.audit.log_event(action="key used", who="mallory", subject=f"key:{n}")
    code, problems, out = _verify("--expect-head", head)
    assert code == 1, out
    assert any(f"audit entry #{seq} is not the anchored one" in p and "the trail was rewritten" in p
               for p in problems), problems


def test_a_missing_head_file_is_a_problem(lab):
    (lab / "audit-head.json").unlink()
    code, problems, _ = _verify()
    assert code == 1 and any("the audit head file audit-head.json is missing" in p for p in problems), problems


@pytest.mark.parametrize("given", ["12", "12:abc", "x:" + "a" * 64, ""])
def test_an_unusable_expected_head_is_refused(lab, given):
    code, _problems, out = _verify("--expect-head", given)
    assert code == 2 and "is not SEQ:HASH" in out, out


def test_an_anchor_of_another_repository_is_refused(lab, tmp_path):
    (tmp_path / "anchor.json").write_text(json.dumps({"repository_id": "someone-else", "seq": 1, "hash": "a" * 64}))
    code, _problems, out = _verify("--anchor", str(tmp_path / "anchor.json"))
    assert code == 2 and "belongs to repository someone-else, not to this one" in out, out
    code, _problems, out = _verify("--anchor", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot be read" in out, out


def test_a_removed_schema_version_is_not_laundered_by_the_migration_it_triggers(lab):
    # Deleting version 3 makes the next open run migration 3 again, whose entry records the state anew.
    _sql(lab, "UPDATE certificate_standards SET status = 'ok' WHERE certificate_id = 1;"
              "DELETE FROM schema_migrations WHERE version = 3;")
    code, problems, out = _verify()
    assert code == 1, out
    assert any("schema version 3 was recorded as applied before" in p for p in problems), problems


# ----------------------------------------------------------------------------------- an older repository


@pytest.fixture
def version_2_repository(app_home) -> Path:
    """A repository written by the application before migration 3 (tests/data/attacks/audit/README.md)."""
    root = app_home / "repository"
    with zipfile.ZipFile(ATTACKS / "version-2-repository.zip") as archive:
        archive.extractall(root)
    for path in (root / "files").rglob("*"):
        if path.is_file():
            path.chmod(0o444)
    db = sqlite3.connect(root / "repository.sqlite")
    assert db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 2
    db.close()
    return root


def test_a_version_2_repository_is_upgraded_and_its_old_chain_still_verifies(version_2_repository):
    code, problems, out = _verify()
    assert code == 0 and problems == [], out
    with Repository.open() as repo:
        migrated = [e for e in repo.audit.entries() if e.action == "schema migrated"]
        assert [e.details["versions"] for e in migrated] == [[3]]
        tables = {r["table"] for r in migrated[0].details["rows"]}
        assert {"meta", "schema_migrations", "certificate_standards", "outbox_items", "mi_types"} <= tables


def test_after_the_upgrade_the_newly_covered_tables_are_guarded(version_2_repository):
    assert _verify()[0] == 0  # the upgrade records the state once
    _sql(version_2_repository, (ATTACKS / "swapped-outbox-items.sql").read_text()
         + (ATTACKS / "changed-certificate-standards.sql").read_text())
    code, problems, _ = _verify()
    assert code == 1
    assert any("the record list of exported file #1" in p for p in problems), problems
    assert any("the reference standards of certificate #1" in p for p in problems), problems
