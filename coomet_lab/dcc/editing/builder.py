"""Convenience constructors for the parts of a certificate a laboratory fills in every time.

Each takes plain Python values (texts as ``{"en": ..., "ru": ...}`` mappings or strings) and returns model nodes;
numbers and units go through the same checks as typed input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coomet_lab._version import __version__
from coomet_lab.dcc.model import (
    AdministrativeData,
    CalibrationLaboratory,
    Certificate,
    Condition,
    Contact,
    CoreData,
    Data,
    Hash,
    Identification,
    Item,
    ItemList,
    Location,
    MeasurementResults,
    MeasuringEquipment,
    PerformanceLocation,
    Quantity,
    RespPerson,
    RichContent,
    SiReal,
    Software,
    Statement,
    Text,
    UsedMethod,
)
from coomet_lab.dcc.model.certificate import CURRENT_SCHEMA_VERSION, SCHEMA_LOCATION_TEMPLATE
from coomet_lab.dcc.model.si import ExpandedMU, MeasurementUncertaintyUnivariate
from coomet_lab.quantities.numbers import parse_number
from coomet_lab.quantities.uncertainty import ExpandedUncertainty
from coomet_lab.quantities.units import parse_unit

TextInput = Mapping[str, str] | str


def software_entry() -> Software:
    """This application, as the DCC's ``dccSoftware`` names it (release in PTB's ``v1.2.3`` form)."""
    return Software(name=Text.of("COOMET Lab"), release=f"v{__version__}", type="application")


def new_certificate(
    *,
    unique_identifier: str,
    country: str,
    languages: Sequence[str],
    mandatory_languages: Sequence[str] | None = None,
    begin: str,
    end: str,
    issue: str | None = None,
    receipt: str | None = None,
    performance_location: str = "laboratory",
) -> Certificate:
    """An empty DCC 3.3.0 with its core data; add laboratory, items, persons, customer and results."""
    return Certificate(
        schema_version=CURRENT_SCHEMA_VERSION,
        schema_location=SCHEMA_LOCATION_TEMPLATE.format(version=CURRENT_SCHEMA_VERSION),
        administrative_data=AdministrativeData(
            dcc_software=[software_entry()],
            core_data=CoreData(
                country_code=country,
                used_languages=list(languages),
                mandatory_languages=list(mandatory_languages or languages[:1]),
                unique_identifier=unique_identifier,
                receipt_date=receipt,
                begin_performance_date=begin,
                end_performance_date=end,
                performance_location=PerformanceLocation(value=performance_location),
                issue_date=issue,
            ),
            items=ItemList(items=[]),
        ),
        measurement_results=MeasurementResults(results=[]),
    )


def contact(
    name: TextInput,
    *,
    street: str | None = None,
    street_no: str | None = None,
    post_code: str | None = None,
    city: str | None = None,
    country: str | None = None,
    e_mail: str | None = None,
    phone: str | None = None,
) -> Contact:
    parts = {"street": street, "streetNo": street_no, "postCode": post_code, "city": city, "countryCode": country}
    given = {k: v for k, v in parts.items() if v}
    return Contact(
        name=Text.of(name), e_mail=e_mail, phone=phone, location=Location.of(**given) if given else None
    )


def identification(issuer: str, value: str, name: TextInput) -> Identification:
    return Identification(issuer=issuer, value=value, name=Text.of(name))


def item(
    name: TextInput,
    *,
    manufacturer: TextInput | None = None,
    model: str | None = None,
    identifications: Sequence[Identification] = (),
    description: TextInput | None = None,
) -> Item:
    return Item(
        name=Text.of(name),
        description=RichContent.of(description) if description else None,
        manufacturer=Contact(name=Text.of(manufacturer)) if manufacturer else None,
        model=model,
        identifications=list(identifications),
    )


def laboratory(code: str | None, contact_: Contact) -> CalibrationLaboratory:
    return CalibrationLaboratory(calibration_laboratory_code=code, contact=contact_)


def person(name: TextInput, role: str, *, main_signer: bool = False, e_mail: str | None = None) -> RespPerson:
    return RespPerson(
        person=Contact(name=Text.of(name), e_mail=e_mail), role=role, main_signer="true" if main_signer else None
    )


def method(name: TextInput, *, norms: Sequence[str] = (), description: TextInput | None = None,
           ref_type: str | None = None) -> UsedMethod:
    return UsedMethod(
        ref_type=ref_type, name=Text.of(name), description=RichContent.of(description) if description else None,
        norms=list(norms),
    )


def real(value: str, unit: str, uncertainty: ExpandedUncertainty | None = None) -> SiReal:
    """A single value with unit and optional expanded uncertainty, checked like typed input."""
    return SiReal(
        value=parse_number(value),
        unit=parse_unit(unit).dsi,
        measurement_uncertainty_univariate=MeasurementUncertaintyUnivariate(
            expanded_mu=ExpandedMU(
                value_expanded_mu=uncertainty.value,
                coverage_factor=uncertainty.coverage_factor,
                coverage_probability=uncertainty.coverage_probability,
                distribution=uncertainty.distribution,
            )
        ) if uncertainty else None,
    )


def equipment(
    name: TextInput,
    *,
    certificate_id: str,
    certificate_issuer: TextInput,
    certificate_hash: str | None = None,
    manufacturer: TextInput | None = None,
    model: str | None = None,
    identifications: Sequence[Identification] = (),
    ref_type: str | None = "basic_standardUsed",
    id: str | None = None,
) -> MeasuringEquipment:
    """A reference standard with the certificate that makes it traceable.

    ``certificate_hash`` is the SHA-256 of the standard's own DCC when the laboratory has it; otherwise the hash
    field names the certificate number only (``procedure`` says which).
    """
    return MeasuringEquipment(
        id=id,
        ref_type=ref_type,
        name=Text.of(name),
        certificate=Hash(
            referral=Text.of(certificate_issuer),
            referral_id=certificate_id,
            procedure="SHA-256" if certificate_hash else "none",
            value=certificate_hash or "unknown",
        ),
        manufacturer=Contact(name=Text.of(manufacturer)) if manufacturer else None,
        model=model,
        identifications=list(identifications),
    )


def condition(name: TextInput, value: str, unit: str, uncertainty: ExpandedUncertainty | None = None,
              *, ref_type: str | None = None) -> Condition:
    """An influence condition such as the ambient temperature during the calibration."""
    return Condition(
        ref_type=ref_type,
        name=Text.of(name),
        data=Data(items=[Quantity(real=real(value, unit, uncertainty))]),
    )


def statement(
    name: TextInput,
    declaration: TextInput,
    *,
    ref_type: str | None = None,
    norms: Sequence[str] = (),
    conformity: str | None = None,
    traceable: bool | None = None,
    date: str | None = None,
) -> Statement:
    return Statement(
        ref_type=ref_type,
        name=Text.of(name),
        norms=list(norms),
        traceable=None if traceable is None else ("true" if traceable else "false"),
        declaration=RichContent.of(declaration),
        date=date,
        conformity=conformity,
    )
