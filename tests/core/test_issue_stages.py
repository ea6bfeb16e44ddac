"""Issuing passes typed, frozen results from stage to stage (sign → twin → store), so nothing is parsed, validated
or verified twice; the batch use case gives the same records as issuing one by one."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from coomet_lab.app import services
from coomet_lab.intake.inspection import inspect
from coomet_lab.kernel.errors import IssueRefusedError
from coomet_lab.repository import Repository
from coomet_lab.trust import KeyFile, SignedDocument, sign_document, sign_xml

from tests.counting import counting
from tests.pki import PASSPHRASE
from tests.repo_support import register_standards, thermometer


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        register_standards(repository)
        yield repository


def _draft(repo, number: str):  # noqa: ANN202
    certificate = thermometer(number)
    return repo.drafts.create(certificate=certificate, who="technician").id, certificate


def test_one_issue_parses_twice_validates_once_and_verifies_once(repo, test_pki, lab_trust):
    signer = test_pki.signer("ec")
    draft_id, certificate = _draft(repo, "UT-2026-00001")
    services.issue(certificate, signer, role=None, trust=lab_trust, repository=repo, draft_id=draft_id, who="t")
    draft_id, certificate = _draft(repo, "UT-2026-00002")
    with counting() as counts:
        result = services.issue(certificate, signer, role=None, trust=lab_trust, repository=repo,
                                draft_id=draft_id, who="technician")
    # Before the typed results: 8 parses, 3 XSD runs, 4 signature verifications per issue.
    assert counts == {"parse": 2, "xsd": 1, "verify": 1}, counts
    assert result.record.signature_verdict == "valid" and result.record.validation == "valid"
    xml, pdf = repo.certificates.bytes(result.record.id)
    assert xml == result.signed_xml and pdf == result.pdf
    # What was stored without being checked again is what the one door calls valid.
    assert inspect(xml, trust=lab_trust, source="stored.xml").valid
    twin = inspect(pdf, trust=lab_trust, source="stored.pdf")
    assert twin.valid and twin.xml == xml, twin.summary()
    assert repo.verify().ok


def test_outside_code_cannot_make_a_signed_document(test_pki, lab_trust):
    signed = sign_document(_unsigned(), test_pki.signer("ec"), trust=lab_trust)
    assert signed.verdict == "valid" and signed.identifier and len(signed.signer_fingerprint) == 64
    with pytest.raises(TypeError, match="only by coomet_lab.trust.sign_document"):
        SignedDocument(b"<forged/>", "X", signed.report, "00" * 32, "00" * 32, "x", _tree=signed.tree())
    with pytest.raises(TypeError, match="only by coomet_lab.trust.sign_document"):
        dataclasses.replace(signed, xml=b"<forged/>")
    with pytest.raises(dataclasses.FrozenInstanceError):
        signed.xml = b"<forged/>"  # type: ignore[misc]
    copy = pickle.loads(pickle.dumps(signed))  # a batch worker → the writer: bytes and report travel
    assert copy.xml == signed.xml and copy.verdict == "valid"
    assert sign_xml(_unsigned(), test_pki.signer("ec"), trust=lab_trust).startswith(b"<?xml")


def _unsigned() -> bytes:
    from coomet_lab.dcc.io.writer import to_bytes

    return to_bytes(thermometer("UT-2026-00077"))


def test_the_repository_refuses_what_is_not_a_signed_document(repo, signed_dcc):
    draft_id, _ = _draft(repo, "UT-2026-00003")
    with pytest.raises(IssueRefusedError, match="must be the SignedDocument"):
        repo.certificates.issue(draft_id=draft_id, signed=signed_dcc, who="t")


def test_a_twin_of_another_document_is_refused(repo, test_pki, lab_trust):
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.twin.make import make_signed_twin

    signer = test_pki.signer("ec")
    draft_id, certificate = _draft(repo, "UT-2026-00004")
    repo.standards.fill_equipment(certificate)
    signed = sign_document(to_bytes(certificate), signer, trust=lab_trust)
    other = sign_document(to_bytes(thermometer("UT-2026-00005")), signer, trust=lab_trust)
    with pytest.raises(IssueRefusedError, match="not made from the signed XML"):
        repo.certificates.issue(draft_id=draft_id, signed=signed,
                                twin=make_signed_twin(other, signer=signer, trust=lab_trust), who="t")
    assert repo.certificates.count() == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_issues_every_certificate_and_refuses_a_repeated_one_alone(repo, test_pki, lab_trust, workers):
    drafts = [_draft(repo, f"UT-2026-{n:05d}") for n in range(10, 15)]
    drafts.insert(2, drafts[0])  # the same draft twice: the second is refused, the others are stored
    outcomes = services.issue_batch(drafts, KeyFile(test_pki.signers["ec"]), PASSPHRASE, trust=lab_trust,
                                    repository=repo, who="technician", workers=workers, chunk=3)
    assert [o.ok for o in outcomes] == [True, True, False, True, True, True]
    assert "is issued" in str(outcomes[2].error)
    assert repo.certificates.count(kind="issued") == 5
    for outcome in outcomes[:2]:
        xml, pdf = repo.certificates.bytes(outcome.record.id)
        assert outcome.record.signature_verdict == "valid"
        assert inspect(pdf, trust=lab_trust, source="batch.pdf").valid
    assert repo.verify().ok
    assert sum(1 for e in repo.audit.entries() if e.action == "issued") == 5


def test_a_batch_with_a_wrong_passphrase_signs_nothing(repo, test_pki, lab_trust):
    from coomet_lab.trust import WrongSecretError

    drafts = [_draft(repo, f"UT-2026-{n:05d}") for n in range(20, 23)]
    with pytest.raises(WrongSecretError):
        services.issue_batch(drafts, KeyFile(test_pki.signers["ec"]), "not the passphrase", trust=lab_trust,
                             repository=repo, who="technician", workers=2)
    assert repo.certificates.count() == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_refuses_a_certificate_whose_standards_are_not_traceable(repo, test_pki, lab_trust, workers):
    from coomet_lab.kernel.errors import TraceabilityBlockedError

    drafts = [_draft(repo, "UT-2026-00030")]
    late = thermometer("UT-2026-00031", calibration_date="2028-01-10")  # after the standards' due date
    drafts.append((repo.drafts.create(certificate=late, who="technician").id, late))
    drafts.append(_draft(repo, "UT-2026-00032"))
    outcomes = services.issue_batch(drafts, KeyFile(test_pki.signers["ec"]), PASSPHRASE, trust=lab_trust,
                                    repository=repo, who="technician", workers=workers)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert isinstance(outcomes[1].error, TraceabilityBlockedError) and outcomes[1].identifier == "UT-2026-00031"
    assert [r.unique_identifier for r in repo.certificates.list()] == ["UT-2026-00032", "UT-2026-00030"]
