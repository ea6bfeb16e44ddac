"""The registers: customers, persons who sign, instrument types with templates, standards; every change audited."""

from __future__ import annotations

import pytest

from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import Action, Repository

from tests.helpers import run_cli
from tests.repo_support import raw_db, thermometer


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        yield repository


def test_registers_are_kept_and_every_change_is_audited(repo):
    customer = repo.customers.add(name="АО «Уралхим»", address="Пермь", who="clerk")
    repo.customers.update(customer_id=customer, contact="+7 342 000", who="clerk")
    person = repo.persons.add(name="И. Петров", role="head of laboratory", key_id="SHA256:ab12", who="admin")
    type_id = repo.instrument_types.add(name="Pt100 thermometer", type_code="12345-67", template=thermometer(),
                                        who="admin")
    standard = repo.standards.add(code="ETS-100/1021", name="ETS-100", serial="1021", who="m")
    repo.standards.update(standard_id=standard.id, measuring_range="-50…450 °C", who="m")
    assert repo.customers.list()[0]["contact"] == "+7 342 000"
    assert repo.persons.list()[0]["key_id"] == "SHA256:ab12" and person == 1
    assert repo.instrument_types.template(type_id).unique_identifier == "UT-2026-00417"
    assert repo.standards.get("ETS-100/1021").measuring_range == "-50…450 °C"
    subjects = [(e.action, e.subject) for e in repo.audit.entries()]
    assert subjects == [("record added", "customers:1"), ("record changed", "customers:1"),
                        ("record added", "persons:1"), ("record added", "instrument_types:1"),
                        ("record added", "standards:1"), ("record changed", "standards:1")]
    assert repo.verify().ok
    db = raw_db(repo.root)
    db.execute("UPDATE persons SET key_id = 'SHA256:evil'")
    assert [p.code for p in repo.verify().problems] == ["row.changed"]


def test_register_errors_are_plain(repo):
    repo.standards.add(code="S1", name="one", who="m")
    with pytest.raises(RepositoryError, match="UNIQUE"):
        repo.standards.add(code="S1", name="again", who="m")
    with pytest.raises(RepositoryError, match="cannot change \\['id'\\]"):
        repo.standards.update(standard_id=1, id=5, who="m")
    with pytest.raises(RecordNotFoundError):
        repo.customers.update(customer_id=42, name="x", who="m")
    with pytest.raises(RecordNotFoundError):
        repo.standards.get("nope")
    with pytest.raises(RepositoryError, match="needs an action and who"):
        repo.audit.log_event(action=Action.KEY_USED, who="")
    assert repo.audit.log_event(action=Action.KEY_USED, who="ann", subject="key:lab") == 2


def test_orphans_are_reported_and_cleaned_never_counted(repo):
    orphan = repo.store.files.put(b"<left by a crash between file and row/>")
    report = repo.verify()
    assert report.ok and [n.code for n in report.notes] == ["file.orphan"]
    assert repo.audit.orphan_files() == [orphan] and repo.certificates.count() == 0
    assert repo.audit.remove_orphans(who="ann", older_than=3600) == []  # too young: may belong to a write in progress
    code, out, _ = run_cli("repo", "clean", "--min-age", "0")
    assert code == 0 and "removed 1 orphan file" in out
    assert repo.verify().notes == [] and repo.audit.entries()[-1].action == "orphans removed"
