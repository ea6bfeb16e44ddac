"""Use cases the desktop application calls (from a background thread): the only API ``ui`` needs from the core
besides the model, the field specs and the tables."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from coomet_lab import document as documents
from coomet_lab.config import LabSettings
from coomet_lab.model import Certificate, Text
from coomet_lab.paths import shipped_dir


@dataclass
class Template:
    path: Path
    names: dict[str, str]
    instrument_type: str

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.path.stem


def templates() -> list[Template]:
    """The instrument-type templates shipped with the application (``resources/templates/index.json``)."""
    folder = shipped_dir("resources") / "templates"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [Template(folder / entry["file"], entry["name"], entry.get("type", "")) for entry in index["templates"]]


def new_from_template(path: Path, settings: LabSettings, today: dt.date | None = None) -> Certificate:
    """A new certificate from a template or an earlier certificate: today's dates, the next number, our lab."""
    certificate = documents.load_document(path) if path.suffix == ".json" else _from_dcc(path)
    day = (today or dt.date.today()).isoformat()
    core = certificate.administrative_data.core_data
    core.begin_performance_date = core.end_performance_date = core.issue_date = day
    core.receipt_date = None
    core.report_amended_substituted = None
    core.previous_report = None
    core.unique_identifier = settings.next_identifier((today or dt.date.today()).year)
    certificate.signatures = []
    if settings.configured:
        apply_lab_identity(certificate, settings)
    return certificate


def _from_dcc(path: Path) -> Certificate:
    from coomet_lab.dcc.reader import read_certificate_file

    return read_certificate_file(path)


def apply_lab_identity(certificate: Certificate, settings: LabSettings) -> None:
    """Write the laboratory's own name, accreditation and address (from the settings) into a certificate."""
    from coomet_lab.editing import FIELDS_BY_KEY

    languages = certificate.languages or ["en"]
    names = {lang: settings.lab_name.get(lang) or next(iter(settings.lab_name.values())) for lang in languages}
    lab_contact = FIELDS_BY_KEY["lab.name"]
    for lang, name in names.items():
        lab_contact.set(certificate, lang, name)
    for key, value in (("lab.code", settings.accreditation), ("lab.street", settings.street),
                       ("lab.street_no", settings.street_no), ("lab.post_code", settings.post_code),
                       ("lab.city", settings.city), ("lab.country", settings.country),
                       ("lab.email", settings.e_mail)):
        FIELDS_BY_KEY[key].set(certificate, None, value)


@dataclass
class IssueResult:
    identifier: str
    signed_xml: bytes
    report: object  # coomet_lab.signing.VerificationReport


def issue(certificate: Certificate, signer, *, role: str | None, trust) -> IssueResult:  # noqa: ANN001
    """Validate, sign and verify a certificate; returns the exact signed bytes (never re-serialize them)."""
    from coomet_lab.dcc.writer import to_bytes
    from coomet_lab.signing import sign_xml, verify_xml

    signed = sign_xml(to_bytes(certificate), signer, role=role, trust=trust, source=certificate.unique_identifier
                      or "certificate")
    report = verify_xml(signed, trust=trust)
    return IssueResult(certificate.unique_identifier or "", signed, report)


def display_name(text: Text | None, language: str, fallback: list[str]) -> str:
    return (text.get(language, fallback) if text else None) or ""
