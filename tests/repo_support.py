"""Helpers for the repository tests: real repositories in the test's own app home, real certificates, real PDFs."""

from __future__ import annotations

import copy
import io
import sqlite3
from pathlib import Path

from coomet_lab.dcc.io.document import load_document
from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.model import Certificate
from coomet_lab.repository import CertificateRecord, Repository

from tests.helpers import THERMOMETER

_BASE: Certificate | None = None


def thermometer(number: str = "UT-2026-00417", *, calibration_date: str | None = None) -> Certificate:
    """The thermometer example (two standards: ETS-100 s/n 1021, MIT 8.10 s/n 2288) with another number."""
    global _BASE
    if _BASE is None:
        _BASE = load_document(THERMOMETER)
    certificate = copy.deepcopy(_BASE)
    core = certificate.administrative_data.core_data
    core.unique_identifier = number
    if calibration_date:
        core.begin_performance_date = core.end_performance_date = calibration_date
        core.receipt_date = calibration_date
        core.issue_date = calibration_date
    return certificate


def register_standards(repo: Repository, *, due: str = "2027-03-12", who: str = "metrologist") -> None:
    """Register the thermometer example's two standards with calibrations valid on its date (2026-11-19)."""
    ets = repo.standards.add(code="ETS-100/1021", name="Reference thermometer ETS-100", model="ЭТС-100",
                             serial="1021", measuring_range="-50…450 °C", who=who)
    mit = repo.standards.add(code="MIT-8.10/2288", name="Thermometer bridge MIT 8.10", model="МИТ 8.10",
                             serial="2288", who=who)
    repo.standards.add_calibration(standard_id=ets.id, certificate_number="С-ВЯ/12-03-2026/412345678",
                                   issuer="ФГУП «ВНИИМ им. Д. И. Менделеева»", calibration_date="2026-03-12",
                                   due_date=due, who=who)
    repo.standards.add_calibration(standard_id=mit.id, certificate_number="С-ВЯ/04-04-2026/412399001",
                                   issuer="ФБУ «УРАЛТЕСТ»", calibration_date="2026-04-04", due_date="2027-04-03",
                                   who=who)


def issue_new(repo: Repository, number: str, *, who: str = "technician", pdf: bool = False,
              **issue_options) -> CertificateRecord:
    """Draft → XML (standing in for the signed bytes the service layer passes) → issued."""
    certificate = thermometer(number)
    draft = repo.drafts.create(certificate=certificate, who=who)
    xml = to_bytes(certificate)
    return repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who=who, pdf=make_twin(xml) if pdf else None,
                                   **issue_options)


def make_twin(xml: bytes, *, name: str = "dcc.xml") -> bytes:
    """A real (minimal) PDF with ``xml`` embedded as an associated file, as a PDF twin carries it."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    spec = pikepdf.AttachedFileSpec(pdf, xml, filename=name, mime_type="text/xml",
                                    relationship=pikepdf.Name.Source)
    pdf.attachments[name] = spec
    pdf.Root.AF = pikepdf.Array([spec.obj])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def raw_db(repo_root: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as a person with a database tool would open the file."""
    conn = sqlite3.connect(repo_root / "repository.sqlite", isolation_level=None)
    return conn


def with_signature(xml: bytes) -> bytes:
    """``xml`` carrying a schema-valid ``ds:Signature`` (PTB's, from example 02: structurally fine, not over this
    content), as a signed file looks to the repository; what the signature is worth is the verifier's verdict."""
    from lxml import etree

    from tests.helpers import EX02

    signature = etree.parse(str(EX02)).getroot().find("{http://www.w3.org/2000/09/xmldsig#}Signature")
    closing = b"</dcc:digitalCalibrationCertificate>"
    assert closing in xml
    return xml.replace(closing, etree.tostring(signature) + closing)
