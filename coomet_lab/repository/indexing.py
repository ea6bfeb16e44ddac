"""What the repository indexes from a certificate: number, customer, item, serial, type, dates and standards."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coomet_lab.dcc.model import Certificate, DccList, Identification, MeasuringEquipment, Quantity, RichContent, Text
from coomet_lab.dcc.model.results import Data

SERIAL_WORDS = ("serial", "заводск", "serien", "fabrik", "s/n", "sn")


@dataclass(frozen=True)
class IndexFields:
    unique_identifier: str
    schema_version: str
    languages: str
    customer: str
    item: str
    model: str
    serial: str
    issuer_lab: str
    issue_date: str
    calibration_date: str
    begin_date: str
    standards: str

    def columns(self) -> dict[str, str]:
        return dict(self.__dict__)


def all_text(text: Text | RichContent | None) -> str:
    """Every language of a text, distinct, joined with `` / `` (``Термометр / Thermometer``)."""
    if text is None:
        return ""
    parts = text.contents if isinstance(text, Text) else [i for i in text.items if hasattr(i, "lang")]
    seen: list[str] = []
    for part in parts:
        value = " ".join(str(part.value).split())  # type: ignore[union-attr]  # parts have a value, filtered above
        if value and value not in seen:
            seen.append(value)
    return " / ".join(seen)


def serial_of(identifications: list[Identification]) -> str:
    """The serial number: an identification named like one, else the manufacturer's, else the first."""
    for ident in identifications:
        name = all_text(ident.name).casefold()
        if ident.value and any(word in name for word in SERIAL_WORDS):
            return ident.value
    for ident in identifications:
        if ident.issuer == "manufacturer" and ident.value:
            return ident.value
    return next((i.value for i in identifications if i.value), "")


def iter_equipment(certificate: Certificate) -> Iterator[MeasuringEquipment]:
    """Every ``dcc:measuringEquipment`` in the certificate, at any level, in document order."""
    results = certificate.measurement_results
    if results is None:
        return
    if results.measuring_equipments:
        yield from results.measuring_equipments.equipment
    for measurement in results.results:
        if measurement.measuring_equipments:
            yield from measurement.measuring_equipments.equipment
        for result in measurement.results:
            yield from _equipment_in(result.data)


def _equipment_in(node: Data | DccList | Quantity | None) -> Iterator[MeasuringEquipment]:
    if node is None:
        return
    equipments = getattr(node, "measuring_equipments", None)
    if equipments:
        yield from equipments.equipment
    for item in getattr(node, "items", []):
        if isinstance(item, (DccList, Quantity)):
            yield from _equipment_in(item)


def equipment_label(equipment: MeasuringEquipment) -> str:
    parts = [all_text(equipment.name), equipment.model or "", serial_of(equipment.identifications)]
    label = " ".join(p for p in parts if p)
    return label or (equipment.id or "equipment")


def index_fields(certificate: Certificate) -> IndexFields:
    admin = certificate.administrative_data
    core = admin.core_data if admin else None
    items = admin.items.items if admin and admin.items else []
    first = items[0] if items else None
    lab = admin.calibration_laboratory if admin else None
    standards = []
    for equipment in iter_equipment(certificate):
        reference = equipment.certificate.referral_id if equipment.certificate else None
        standards.append(" ".join(p for p in (equipment_label(equipment), reference) if p))
    return IndexFields(
        unique_identifier=(core.unique_identifier if core else None) or "",
        schema_version=certificate.schema_version or "",
        languages=" ".join(certificate.languages),
        customer=all_text(admin.customer.name) if admin and admin.customer else "",
        item="; ".join(all_text(i.name) for i in items if i.name),
        model=(first.model or "") if first else "",
        serial=serial_of(first.identifications) if first else "",
        issuer_lab=all_text(lab.contact.name) if lab and lab.contact else "",
        issue_date=(core.issue_date or "") if core else "",
        calibration_date=(core.end_performance_date or "") if core else "",
        begin_date=(core.begin_performance_date or "") if core else "",
        standards="; ".join(standards),
    )
