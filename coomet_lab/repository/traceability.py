"""Traceability of a certificate to the laboratory's reference standards (ISO/IEC 17025 §6.4, §6.5).

Every ``dcc:measuringEquipment`` of a certificate is matched to a registered standard (by serial number or the
laboratory's code among its identifications, narrowed by model; else by the certificate number it cites) and
checked on the calibration date: a calibration must cover that date. Unknown, expired, not yet calibrated or
never calibrated standards block issuing; a calibration without its own DCC in the repository is noted only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from coomet_lab.dcc.model import Certificate, Hash, MeasuringEquipment, Text
from coomet_lab.repository.indexing import equipment_label, iter_equipment
from coomet_lab.repository.schema import certificates, standard_calibrations, standards

BLOCKING = frozenset({"unknown", "ambiguous", "expired", "not-yet-calibrated", "no-calibration", "no-date"})


@dataclass(frozen=True)
class TraceabilityFinding:
    position: int
    equipment: str
    status: str  # ok | ok-without-dcc | unknown | ambiguous | expired | not-yet-calibrated | no-calibration | no-date
    message: str
    standard_id: int | None = None
    standard_code: str | None = None
    calibration_id: int | None = None
    certificate_number: str | None = None
    issuer: str | None = None
    dcc_sha256: str | None = None

    @property
    def blocking(self) -> bool:
        return self.status in BLOCKING

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "blocking": self.blocking}


@dataclass(frozen=True)
class TraceabilityReport:
    on_date: str | None
    findings: list[TraceabilityFinding] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(f.blocking for f in self.findings)

    def blocking(self) -> list[TraceabilityFinding]:
        return [f for f in self.findings if f.blocking]

    def summary(self) -> str:
        bad = self.blocking()
        if not self.findings:
            return "the certificate lists no measuring equipment"
        if not bad:
            return f"all {len(self.findings)} standards traceable on {self.on_date}"
        return "; ".join(f"{f.equipment}: {f.message}" for f in bad)

    def to_json(self) -> dict[str, Any]:
        return {"on_date": self.on_date, "blocked": self.blocked, "findings": [f.to_json() for f in self.findings]}


def calibration_date_of(certificate: Certificate) -> str | None:
    """The date the standards must be valid on: end of performance, else its begin, else the issue date."""
    admin = certificate.administrative_data
    core = admin.core_data if admin else None
    if core is None:
        return None
    for value in (core.end_performance_date, core.begin_performance_date, core.issue_date):
        if value:
            return value[:10]
    return None


def check(conn: Connection, certificate: Certificate, on_date: str | dt.date | None = None) -> TraceabilityReport:
    date = _as_date_text(on_date) or calibration_date_of(certificate)
    findings = [_check_one(conn, position, equipment, date)
                for position, equipment in enumerate(iter_equipment(certificate))]
    return TraceabilityReport(on_date=date, findings=findings)


def fill_equipment(conn: Connection, certificate: Certificate,
                   on_date: str | dt.date | None = None) -> TraceabilityReport:
    """Write each traceable standard's certificate (number, issuer, SHA-256 of its DCC when stored) into the DCC."""
    report = check(conn, certificate, on_date)
    for finding, equipment in zip(report.findings, iter_equipment(certificate), strict=True):
        if finding.status in ("ok", "ok-without-dcc"):
            equipment.certificate = _filled_hash(equipment.certificate, finding)
    return report


def _filled_hash(existing: Hash | None, finding: TraceabilityFinding) -> Hash:
    issuer = finding.issuer or ""
    referral = existing.referral if existing and existing.referral else None
    if referral is None or not any(c.value.strip().casefold() == issuer.casefold() for c in referral.contents):
        referral = Text.of(issuer)
    if finding.dcc_sha256:
        procedure, value = "SHA-256", finding.dcc_sha256
    elif existing and existing.procedure and existing.value and existing.procedure != "SHA-256":
        procedure, value = existing.procedure, existing.value
    else:
        procedure, value = "none", "unknown"
    result = existing or Hash()
    result.referral, result.referral_id = referral, finding.certificate_number
    result.procedure, result.value = procedure, value
    return result


def _as_date_text(value: str | dt.date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _check_one(conn: Connection, position: int, equipment: MeasuringEquipment, date: str | None) -> TraceabilityFinding:
    label = equipment_label(equipment)
    matches = _match(conn, equipment)
    if not matches:
        return TraceabilityFinding(position, label, "unknown", "not in the laboratory's register of standards")
    if len(matches) > 1:
        codes = ", ".join(m.code for m in matches)
        return TraceabilityFinding(position, label, "ambiguous", f"matches several registered standards ({codes})")
    standard = matches[0]
    base = {"standard_id": standard.id, "standard_code": standard.code}
    if date is None:
        return TraceabilityFinding(position, label, "no-date", "the certificate has no calibration date", **base)
    calibrations = conn.execute(
        select(standard_calibrations).where(standard_calibrations.c.standard_id == standard.id)
        .order_by(standard_calibrations.c.calibration_date.desc(), standard_calibrations.c.id.desc())
    ).mappings().all()
    if not calibrations:
        return TraceabilityFinding(position, label, "no-calibration",
                                   f"{standard.code}: no calibration certificate recorded", **base)
    valid = [c for c in calibrations if c["calibration_date"] <= date <= c["due_date"]]
    if not valid:
        earlier = [c for c in calibrations if c["calibration_date"] <= date]
        if earlier:
            last = earlier[0]
            return TraceabilityFinding(
                position, label, "expired",
                f"{standard.code}: calibration expired on {last['due_date']} (certificate "
                f"{last['certificate_number']}), before the calibration date {date}",
                calibration_id=last["id"], certificate_number=last["certificate_number"], issuer=last["issuer"], **base)
        return TraceabilityFinding(position, label, "not-yet-calibrated",
                                   f"{standard.code}: first calibrated after the calibration date {date}", **base)
    calibration = valid[0]
    dcc_sha = None
    if calibration["received_id"] is not None:
        dcc_sha = conn.execute(select(certificates.c.xml_sha256)
                               .where(certificates.c.id == calibration["received_id"])).scalar_one_or_none()
    cited = equipment.certificate.referral_id if equipment.certificate else None
    note = ""
    if cited and cited != calibration["certificate_number"] and cited.strip().casefold() != "unknown":
        note = f"; the certificate cites {cited}, the register has {calibration['certificate_number']}"
    status = "ok" if dcc_sha else "ok-without-dcc"
    message = (f"{standard.code}: calibrated {calibration['calibration_date']}, due {calibration['due_date']}, "
               f"certificate {calibration['certificate_number']}"
               + ("" if dcc_sha else " (its DCC is not in the repository)") + note)
    return TraceabilityFinding(position, label, status, message, calibration_id=calibration["id"],
                               certificate_number=calibration["certificate_number"], issuer=calibration["issuer"],
                               dcc_sha256=dcc_sha, **base)


def _match(conn: Connection, equipment: MeasuringEquipment) -> Sequence[Any]:
    values = {i.value.strip() for i in equipment.identifications if i.value and i.value.strip()}
    found: list[Any] = []
    if values:
        found = list(conn.execute(select(standards).where(
            standards.c.serial.in_(values) | standards.c.code.in_(values))))
        if len(found) > 1 and equipment.model:
            by_model = [s for s in found if (s.model or "").casefold() == equipment.model.casefold()]
            found = by_model or found
    if not found and equipment.certificate and equipment.certificate.referral_id:
        found = list(conn.execute(
            select(standards).join(standard_calibrations, standard_calibrations.c.standard_id == standards.c.id)
            .where(standard_calibrations.c.certificate_number == equipment.certificate.referral_id).distinct()))
    return found
