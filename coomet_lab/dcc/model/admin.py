"""Ring 1 of a DCC: administrative data (software, core data, items, laboratory, persons, customer, statements)."""

from __future__ import annotations

from dataclasses import dataclass

from coomet_lab.dcc.model.binding import Node, Ref, dcc, elem, elems, leaf, leafs, text, wrapped
from coomet_lab.dcc.model.common import (
    ByteData,
    Contact,
    EquipmentClass,
    Hash,
    Identification,
    Location,
    RichContent,
    Software,
    Text,
)


@dataclass(kw_only=True)
class RefTypeDefinition(Ref):
    """``dcc:refTypeDefinition``: declares a refType vocabulary (``basic``, ``gp``...) the certificate uses."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    namespace: str | None = leaf(dcc("namespace"))
    link: str | None = leaf(dcc("link"))
    release: str | None = leaf(dcc("release"))
    value: str | None = leaf(dcc("value"))
    procedure: str | None = leaf(dcc("procedure"))


@dataclass(kw_only=True)
class PerformanceLocation(Ref):
    """``dcc:performanceLocation``: laboratory, customer, laboratoryBranch, customerBranch or other."""

    value: str = text()


@dataclass(kw_only=True)
class ReportAmendedSubstituted(Ref):
    type_of_change: str | None = leaf(dcc("typeOfChange"))
    replaced_unique_identifier: str | None = leaf(dcc("replacedUniqueIdentifier"))


@dataclass(kw_only=True)
class CoreData(Node):
    """``dcc:coreData``: country, languages, certificate number, dates, location, amendment data."""

    country_code: str | None = leaf(dcc("countryCodeISO3166_1"))
    used_languages: list[str] = leafs(dcc("usedLangCodeISO639_1"))
    mandatory_languages: list[str] = leafs(dcc("mandatoryLangCodeISO639_1"))
    unique_identifier: str | None = leaf(dcc("uniqueIdentifier"))
    identifications: list[Identification] = wrapped(dcc("identifications"), dcc("identification"), Identification)
    receipt_date: str | None = leaf(dcc("receiptDate"))
    begin_performance_date: str | None = leaf(dcc("beginPerformanceDate"))
    end_performance_date: str | None = leaf(dcc("endPerformanceDate"))
    performance_location: PerformanceLocation | None = elem(dcc("performanceLocation"), PerformanceLocation)
    issue_date: str | None = leaf(dcc("issueDate"))
    report_amended_substituted: ReportAmendedSubstituted | None = elem(
        dcc("reportAmendedSubstituted"), ReportAmendedSubstituted
    )
    previous_report: Hash | None = elem(dcc("previousReport"), Hash)


@dataclass(kw_only=True)
class Item(Ref):
    """``dcc:item``: the calibrated object (name, manufacturer, model, serial and other numbers, sub-items)."""

    name: Text | None = elem(dcc("name"), Text)
    equipment_classes: list[EquipmentClass] = elems(dcc("equipmentClass"), EquipmentClass)
    description: RichContent | None = elem(dcc("description"), RichContent)
    owner: Contact | None = elem(dcc("owner"), Contact)
    installed_softwares: list[Software] = wrapped(dcc("installedSoftwares"), dcc("software"), Software)
    manufacturer: Contact | None = elem(dcc("manufacturer"), Contact)
    model: str | None = leaf(dcc("model"))
    identifications: list[Identification] = wrapped(dcc("identifications"), dcc("identification"), Identification)
    item_quantities: list[Node] = wrapped(dcc("itemQuantities"), dcc("itemQuantity"), "PrimitiveQuantity")
    sub_items: ItemList | None = elem(dcc("subItems"), "ItemList")

    def identification(self, name_contains: str) -> str | None:
        """The value of the first identification whose name (in any language) contains ``name_contains``."""
        needle = name_contains.casefold()
        for ident in self.identifications:
            names = ident.name.contents if ident.name else []
            if any(needle in c.value.casefold() for c in names):
                return ident.value
        return None


@dataclass(kw_only=True)
class ItemList(Ref):
    """``dcc:items`` (and ``dcc:subItems``)."""

    name: Text | None = elem(dcc("name"), Text)
    equipment_classes: list[EquipmentClass] = elems(dcc("equipmentClass"), EquipmentClass)
    description: RichContent | None = elem(dcc("description"), RichContent)
    owner: Contact | None = elem(dcc("owner"), Contact)
    manufacturer: Contact | None = elem(dcc("manufacturer"), Contact)
    identifications: list[Identification] = wrapped(dcc("identifications"), dcc("identification"), Identification)
    items: list[Item] = elems(dcc("item"), Item)


@dataclass(kw_only=True)
class CalibrationLaboratory(Node):
    calibration_laboratory_code: str | None = leaf(dcc("calibrationLaboratoryCode"))
    contact: Contact | None = elem(dcc("contact"), Contact)
    crypt_electronic_seal: str | None = leaf(dcc("cryptElectronicSeal"))
    crypt_electronic_signature: str | None = leaf(dcc("cryptElectronicSignature"))
    crypt_electronic_time_stamp: str | None = leaf(dcc("cryptElectronicTimeStamp"))


@dataclass(kw_only=True)
class RespPerson(Ref):
    """``dcc:respPerson``: a person responsible for the certificate, with role and main-signer flag."""

    person: Contact | None = elem(dcc("person"), Contact)
    description: RichContent | None = elem(dcc("description"), RichContent)
    role: str | None = leaf(dcc("role"))
    main_signer: str | None = leaf(dcc("mainSigner"))
    crypt_electronic_seal: str | None = leaf(dcc("cryptElectronicSeal"))
    crypt_electronic_signature: str | None = leaf(dcc("cryptElectronicSignature"))
    crypt_electronic_time_stamp: str | None = leaf(dcc("cryptElectronicTimeStamp"))


@dataclass(kw_only=True)
class Statement(Ref):
    """``dcc:statementMetaDataType``: statements (conformity, decision rule, traceability...) and metadata."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    country_codes: list[str] = leafs(dcc("countryCodeISO3166_1"))
    convention: str | None = leaf(dcc("convention"))
    traceable: str | None = leaf(dcc("traceable"))
    norms: list[str] = leafs(dcc("norm"))
    references: list[str] = leafs(dcc("reference"))
    links: list[str] = leafs(dcc("link"))
    declaration: RichContent | None = elem(dcc("declaration"), RichContent)
    valid: str | None = leaf(dcc("valid"))
    valid_xml_list: str | None = leaf(dcc("validXMLList"))
    date: str | None = leaf(dcc("date"))
    period: str | None = leaf(dcc("period"))
    resp_authority: Contact | None = elem(dcc("respAuthority"), Contact)
    conformity: str | None = leaf(dcc("conformity"))
    conformity_xml_list: str | None = leaf(dcc("conformityXMLList"))
    data: Node | None = elem(dcc("data"), "Data")
    non_si_definition: str | None = leaf(dcc("nonSIDefinition"))
    non_si_unit: str | None = leaf(dcc("nonSIUnit"))
    location: Location | None = elem(dcc("location"), Location)


@dataclass(kw_only=True)
class AdministrativeData(Node):
    """``dcc:administrativeData`` (``xs:all``: its children may come in any order)."""

    UNORDERED = True
    dcc_software: list[Software] = wrapped(dcc("dccSoftware"), dcc("software"), Software)
    ref_type_definitions: list[RefTypeDefinition] = wrapped(
        dcc("refTypeDefinitions"), dcc("refTypeDefinition"), RefTypeDefinition
    )
    core_data: CoreData | None = elem(dcc("coreData"), CoreData)
    items: ItemList | None = elem(dcc("items"), ItemList)
    calibration_laboratory: CalibrationLaboratory | None = elem(dcc("calibrationLaboratory"), CalibrationLaboratory)
    resp_persons: list[RespPerson] = wrapped(dcc("respPersons"), dcc("respPerson"), RespPerson)
    customer: Contact | None = elem(dcc("customer"), Contact)
    statements: list[Statement] = wrapped(dcc("statements"), dcc("statement"), Statement)


__all__ = [
    "AdministrativeData",
    "ByteData",
    "CalibrationLaboratory",
    "CoreData",
    "Item",
    "ItemList",
    "PerformanceLocation",
    "RefTypeDefinition",
    "ReportAmendedSubstituted",
    "RespPerson",
    "Statement",
]
