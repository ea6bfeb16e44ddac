"""Traceability: every standard known, calibrated on the calibration date, its certificate on record."""

from __future__ import annotations

import hashlib

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.kernel.errors import RepositoryError, TraceabilityBlockedError
from coomet_lab.repository import Repository

from tests.repo_support import register_standards, thermometer


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        yield repository


def _statuses(report):
    return [f.status for f in report.findings]


def test_unknown_standards_block_issuing_without_a_recorded_override(repo):
    certificate = thermometer("UT-T1")
    report = repo.standards.check_traceability(certificate)
    assert report.on_date == "2026-11-19" and _statuses(report) == ["unknown", "unknown"] and report.blocked
    draft = repo.drafts.create(certificate=certificate, who="ann")
    with pytest.raises(TraceabilityBlockedError, match="not in the laboratory's register") as caught:
        repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="ann")
    assert caught.value.report.blocked
    with pytest.raises(TraceabilityBlockedError):
        repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="ann", override_reason="   ")
    record = repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="head of lab",
                                     override_reason="standards registered on paper, register being migrated")
    override = next(e for e in repo.audit.entries() if e.action == "override given")
    assert override.actor == "head of lab" and override.subject == f"certificate:{record.id}"
    assert override.details["reason"] == "standards registered on paper, register being migrated"
    assert len(override.details["findings"]) == 2


def test_expired_and_not_yet_calibrated_standards_block(repo):
    register_standards(repo, due="2026-11-18")  # ETS-100 expires the day before the calibration
    report = repo.standards.check_traceability(thermometer("UT-T2"))
    assert _statuses(report) == ["expired", "ok-without-dcc"]
    assert "calibration expired on 2026-11-18" in report.findings[0].message and report.blocked
    early = repo.standards.check_traceability(thermometer("UT-T3"), on_date="2026-01-10")
    assert _statuses(early) == ["not-yet-calibrated", "not-yet-calibrated"]
    ok = repo.standards.check_traceability(thermometer("UT-T4"), on_date="2026-11-18")
    assert _statuses(ok) == ["ok-without-dcc", "ok-without-dcc"] and not ok.blocked


def test_a_standard_without_calibrations_blocks(repo):
    repo.standards.add(code="ETS-100/1021", name="ETS-100", serial="1021", who="m")
    repo.standards.add(code="MIT/2288", name="MIT", serial="2288", who="m")
    assert _statuses(repo.standards.check_traceability(thermometer())) == ["no-calibration", "no-calibration"]


def test_fill_equipment_writes_numbers_and_the_hash_of_the_standards_own_dcc(repo):
    register_standards(repo)
    # The ETS-100's own DCC arrives from the calibration laboratory and is linked to its calibration.
    standard_dcc = to_bytes(thermometer("С-ВЯ/12-03-2026/412345678"))
    outcome = repo.certificates.import_bytes(standard_dcc, source="ets100.xml", who="m")
    assert outcome.status == "imported"
    certificate = thermometer("UT-T5")
    certificate.measurement_results.results[0].measuring_equipments.equipment[0].certificate = None
    report = repo.standards.fill_equipment(certificate)
    assert _statuses(report) == ["ok-without-dcc", "ok-without-dcc"]  # serial 20417 ≠ 1021: not linked

    ets = repo.standards.get("ETS-100/1021")
    calibration = repo.standards.calibrations_of(ets.id)[0]
    with pytest.raises(RepositoryError):
        repo.standards.add_calibration(standard_id=ets.id, certificate_number="x", issuer="y",
                                       calibration_date="2026-05-01", due_date="2026-04-01", who="m")
    repo.standards.add_calibration(standard_id=ets.id, certificate_number="С-ВЯ/12-03-2026/412345678", issuer="ВНИИМ",
                                   calibration_date="2026-03-13", due_date="2027-03-12", who="m",
                                   received_id=outcome.certificate_id)
    assert calibration.received_id is None
    report = repo.standards.fill_equipment(certificate)
    assert _statuses(report) == ["ok", "ok-without-dcc"]
    first, second = certificate.measurement_results.results[0].measuring_equipments.equipment
    assert first.certificate.referral_id == "С-ВЯ/12-03-2026/412345678"
    assert (first.certificate.procedure, first.certificate.value) == ("SHA-256",
                                                                      hashlib.sha256(standard_dcc).hexdigest())
    assert first.certificate.referral.get() == "ВНИИМ"
    assert (second.certificate.procedure, second.certificate.value) == ("none", "unknown")
    assert second.certificate.referral.get("en") == "FBU UralTest"  # kept: it names the issuer already
    assert validate_bytes(to_bytes(certificate)).valid


def test_an_imported_dcc_links_itself_to_the_calibration_it_certifies(repo):
    register_standards(repo)
    ets = repo.standards.get("ETS-100/1021")
    standard_certificate = thermometer("С-ВЯ/12-03-2026/412345678")
    standard_certificate.administrative_data.items.items[0].identifications[0].value = "1021"
    outcome = repo.certificates.import_bytes(to_bytes(standard_certificate), source="ets.xml", who="m")
    assert repo.standards.calibrations_of(ets.id)[0].received_id == outcome.certificate_id
    assert _statuses(repo.standards.check_traceability(thermometer())) == ["ok", "ok-without-dcc"]
    assert repo.verify().ok


def test_the_issued_certificate_records_its_standards(repo, app_home):
    register_standards(repo)
    certificate = thermometer("UT-T6")
    repo.standards.fill_equipment(certificate)
    draft = repo.drafts.create(certificate=certificate, who="ann")
    record = repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(certificate), who="ann")
    from tests.repo_support import raw_db

    rows = raw_db(app_home / "repository").execute(
        "SELECT position, standard_id, status FROM certificate_standards WHERE certificate_id = ?",
        (record.id,)).fetchall()
    assert [(r[0], r[2]) for r in rows] == [(0, "ok-without-dcc"), (1, "ok-without-dcc")]
    assert "ETS-100" in record.standards and "С-ВЯ/04-04-2026/412399001" in record.standards
