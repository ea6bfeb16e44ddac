"""Amendments: issued certificates are never changed; a new one names the one it replaces, by hash."""

from __future__ import annotations

import hashlib

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.kernel.errors import AmendmentError, IssueRefusedError, RepositoryError
from coomet_lab.repository import Repository

from tests.helpers import EX01
from tests.repo_support import issue_new, register_standards


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        register_standards(repository)
        yield repository


def _issue_draft(repo, draft, who="ann"):
    return repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(draft.certificate()), who=who)


def test_amendment_draft_names_the_replaced_certificate_by_hash(repo):
    original = issue_new(repo, "UT-2026-00417")
    original_xml, _ = repo.certificates.bytes(original.id)
    draft = repo.certificates.amend(certificate_id=original.id, who="ann")
    assert draft.unique_identifier == "UT-2026-00417-A1" and draft.amends_id == original.id
    core = draft.certificate().administrative_data.core_data
    assert core.report_amended_substituted.type_of_change == "amended"
    assert core.report_amended_substituted.replaced_unique_identifier == "UT-2026-00417"
    previous = core.previous_report
    assert (previous.referral_id, previous.procedure) == ("UT-2026-00417", "SHA-256")
    assert previous.value == hashlib.sha256(original_xml).hexdigest()
    assert "UT-2026-00417" in previous.referral.get("en") and previous.referral.get("ru")
    assert core.issue_date is None
    report = validate_bytes(to_bytes(draft.certificate()))
    assert report.valid, [str(f) for f in report.findings]


def test_issuing_the_amendment_marks_the_original_replaced_never_changed(repo):
    original = issue_new(repo, "UT-9")
    original_bytes = repo.certificates.bytes(original.id)
    amendment = _issue_draft(repo, repo.certificates.amend(certificate_id=original.id, who="ann"))
    assert amendment.amends_id == original.id and amendment.unique_identifier == "UT-9-A1"
    replaced = repo.certificates.get(original.id)
    assert (replaced.status, replaced.replaced_by_id) == ("replaced", amendment.id)
    assert {k: v for k, v in replaced.to_json().items() if k not in ("status", "replaced_by_id")} == \
           {k: v for k, v in original.to_json().items() if k not in ("status", "replaced_by_id")}
    assert repo.certificates.bytes(original.id) == original_bytes
    entry = repo.audit.entries(subject=f"certificate:{amendment.id}")[-1]
    assert entry.action == "amended" and entry.details["replaces"] == {"id": original.id, "number": "UT-9"}
    second = _issue_draft(repo, repo.certificates.amend(certificate_id=amendment.id, who="ann", change="substituted"))
    assert second.unique_identifier == "UT-9-A2"
    assert repo.verify().ok


def test_only_a_current_issued_certificate_is_amended_once_at_a_time(repo):
    original = issue_new(repo, "UT-10")
    draft = repo.certificates.amend(certificate_id=original.id, who="ann")
    with pytest.raises(AmendmentError, match=f"already being prepared \\(draft {draft.id}\\)"):
        repo.certificates.amend(certificate_id=original.id, who="ann")
    amendment = _issue_draft(repo, draft)
    with pytest.raises(AmendmentError, match="already been replaced by UT-10-A1"):
        repo.certificates.amend(certificate_id=original.id, who="ann")
    received = repo.certificates.import_files([EX01], who="ann")[0]
    with pytest.raises(AmendmentError, match="received from another laboratory"):
        repo.certificates.amend(certificate_id=received.certificate_id, who="ann")
    assert amendment.status == "current"


def test_an_amendment_without_the_right_previous_report_is_refused(repo):
    original = issue_new(repo, "UT-11")
    draft = repo.certificates.amend(certificate_id=original.id, who="ann")
    certificate = draft.certificate()
    certificate.administrative_data.core_data.previous_report.value = "0" * 64
    with pytest.raises(IssueRefusedError, match="previousReport must carry the SHA-256"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="ann")
    certificate.administrative_data.core_data.report_amended_substituted = None
    certificate.administrative_data.core_data.previous_report = None
    with pytest.raises(IssueRefusedError, match="must name the certificate it replaces"):
        repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="ann")
    assert repo.certificates.get(original.id).status == "current"


def test_the_amendment_number_pattern_is_configurable(repo):
    original = issue_new(repo, "UT-12")
    with pytest.raises(RepositoryError, match="must contain"):
        repo.certificates.set_amendment_pattern(pattern="{base}-rev", who="admin")
    repo.certificates.set_amendment_pattern(pattern="{base}/изм.{n}", who="admin")
    assert repo.certificates.amend(certificate_id=original.id, who="ann").unique_identifier == "UT-12/изм.1"


def test_a_taken_amendment_number_is_skipped(repo):
    issue_new(repo, "UT-13-A1")  # somebody numbered a certificate like an amendment
    original = issue_new(repo, "UT-13")
    assert repo.certificates.amend(certificate_id=original.id, who="ann").unique_identifier == "UT-13-A2"
