"""Ring 2 of a DCC: measurement results, with methods, software, equipment, conditions and quantities."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coomet_lab.dcc.model.admin import Statement
from coomet_lab.dcc.model.binding import Node, Ref, dcc, elem, elems, leaf, leafs, mixed, raw, si, wrapped
from coomet_lab.dcc.model.common import (
    ByteData,
    Contact,
    EquipmentClass,
    Formula,
    Hash,
    Identification,
    RichContent,
    Software,
    Text,
    XmlBlob,
)
from coomet_lab.dcc.model.si import SiConstant, SiHybrid, SiReal, SiRealListXMLList


@dataclass(kw_only=True)
class PrimitiveQuantity(Ref):
    """``dcc:primitiveQuantityType``: a quantity of an item, a method or a piece of equipment."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    no_quantity: RichContent | None = elem(dcc("noQuantity"), RichContent)
    chars_xml_list: str | None = leaf(dcc("charsXMLList"))
    real: SiReal | None = elem(si("real"), SiReal)
    hybrid: SiHybrid | None = elem(si("hybrid"), SiHybrid)
    complex: object | None = raw(si("complex"))
    constant: SiConstant | None = elem(si("constant"), SiConstant)
    real_list_xml_list: SiRealListXMLList | None = elem(si("realListXMLList"), SiRealListXMLList)
    complex_list_xml_list: object | None = raw(si("complexListXMLList"))


@dataclass(kw_only=True)
class UsedMethod(Ref):
    """``dcc:usedMethod``: a calibration procedure or standard followed."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    norms: list[str] = leafs(dcc("norm"))
    references: list[str] = leafs(dcc("reference"))
    links: list[str] = leafs(dcc("link"))
    used_method_quantities: list[PrimitiveQuantity] = wrapped(
        dcc("usedMethodQuantities"), dcc("usedMethodQuantity"), PrimitiveQuantity
    )


@dataclass(kw_only=True)
class MeasuringEquipment(Ref):
    """``dcc:measuringEquipment``: a reference standard or instrument used, with its own certificate."""

    name: Text | None = elem(dcc("name"), Text)
    equipment_classes: list[EquipmentClass] = elems(dcc("equipmentClass"), EquipmentClass)
    description: RichContent | None = elem(dcc("description"), RichContent)
    certificate: Hash | None = elem(dcc("certificate"), Hash)
    manufacturer: Contact | None = elem(dcc("manufacturer"), Contact)
    model: str | None = leaf(dcc("model"))
    identifications: list[Identification] = wrapped(dcc("identifications"), dcc("identification"), Identification)
    quantities: list[PrimitiveQuantity] = wrapped(
        dcc("measuringEquipmentQuantities"), dcc("measuringEquipmentQuantity"), PrimitiveQuantity
    )
    installed_software: list[Software] = wrapped(dcc("installedSoftware"), dcc("software"), Software)


@dataclass(kw_only=True)
class MeasuringEquipments(Node):
    """``dcc:measuringEquipments``: a described group of equipment."""

    name: Text | None = elem(dcc("name"), Text)
    equipment_classes: list[EquipmentClass] = elems(dcc("equipmentClass"), EquipmentClass)
    description: RichContent | None = elem(dcc("description"), RichContent)
    owner: Contact | None = elem(dcc("owner"), Contact)
    identifications: list[Identification] = wrapped(dcc("identifications"), dcc("identification"), Identification)
    equipment: list[MeasuringEquipment] = elems(dcc("measuringEquipment"), MeasuringEquipment)


@dataclass(kw_only=True)
class Condition(Ref):
    """``dcc:influenceCondition``: ambient temperature, humidity, pressure... during the calibration."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    status: str | None = leaf(dcc("status"))
    certificate: Hash | None = elem(dcc("certificate"), Hash)
    data: Data | None = elem(dcc("data"), "Data")


@dataclass(kw_only=True)
class RelativeUncertainty(Node):
    relative_uncertainty_xml_list: SiRealListXMLList | None = elem(
        dcc("relativeUncertaintyXmlList"), SiRealListXMLList
    )
    relative_uncertainty_single: SiReal | None = elem(dcc("relativeUncertaintySingle"), SiReal)


@dataclass(kw_only=True)
class Quantity(Ref):
    """``dcc:quantity``: one named quantity: a value, a column of values, a hybrid, a constant, or text."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    no_quantity: RichContent | None = elem(dcc("noQuantity"), RichContent)
    chars_xml_list: str | None = leaf(dcc("charsXMLList"))
    real: SiReal | None = elem(si("real"), SiReal)
    si_list: object | None = raw(si("list"))
    hybrid: SiHybrid | None = elem(si("hybrid"), SiHybrid)
    complex: object | None = raw(si("complex"))
    constant: SiConstant | None = elem(si("constant"), SiConstant)
    real_list_xml_list: SiRealListXMLList | None = elem(si("realListXMLList"), SiRealListXMLList)
    complex_list_xml_list: object | None = raw(si("complexListXMLList"))
    relative_uncertainty: RelativeUncertainty | None = elem(dcc("relativeUncertainty"), RelativeUncertainty)
    used_methods: list[UsedMethod] = wrapped(dcc("usedMethods"), dcc("usedMethod"), UsedMethod)
    used_software: list[Software] = wrapped(dcc("usedSoftware"), dcc("software"), Software)
    measuring_equipments: MeasuringEquipments | None = elem(dcc("measuringEquipments"), MeasuringEquipments)
    influence_conditions: list[Condition] = wrapped(dcc("influenceConditions"), dcc("influenceCondition"), Condition)
    measurement_meta_data: list[Statement] = wrapped(dcc("measurementMetaData"), dcc("metaData"), Statement)

    def ref_types(self) -> list[str]:
        return self.ref_type.split() if self.ref_type else []


@dataclass(kw_only=True)
class DccList(Ref):
    """``dcc:list``: a group of quantities (the columns of a table) or of further lists."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    date_time: str | None = leaf(dcc("dateTime"))
    date_time_xml_list: str | None = leaf(dcc("dateTimeXMLList"))
    items: list[DccList | Quantity] = mixed({dcc("list"): "DccList", dcc("quantity"): Quantity}, key="items")
    used_methods: list[UsedMethod] = wrapped(dcc("usedMethods"), dcc("usedMethod"), UsedMethod)
    used_software: list[Software] = wrapped(dcc("usedSoftware"), dcc("software"), Software)
    measuring_equipments: MeasuringEquipments | None = elem(dcc("measuringEquipments"), MeasuringEquipments)
    influence_conditions: list[Condition] = wrapped(dcc("influenceConditions"), dcc("influenceCondition"), Condition)
    measurement_meta_data: list[Statement] = wrapped(dcc("measurementMetaData"), dcc("metaData"), Statement)


@dataclass(kw_only=True)
class Data(Ref):
    """``dcc:data``: texts, formulas, files, foreign XML, quantities and lists, in any mix."""

    items: list[RichContent | Formula | ByteData | XmlBlob | Quantity | DccList] = mixed(
        {
            dcc("text"): RichContent,
            dcc("formula"): Formula,
            dcc("byteData"): ByteData,
            dcc("xml"): XmlBlob,
            dcc("quantity"): Quantity,
            dcc("list"): DccList,
        },
        key="items",
    )


@dataclass(kw_only=True)
class Result(Ref):
    """``dcc:result``: a named block of data, typically one calibration table."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    data: Data | None = elem(dcc("data"), Data)


@dataclass(kw_only=True)
class MeasurementResult(Ref):
    """``dcc:measurementResult``: results with the methods, equipment and conditions behind them."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), RichContent)
    used_methods: list[UsedMethod] = wrapped(dcc("usedMethods"), dcc("usedMethod"), UsedMethod)
    used_software: list[Software] = wrapped(dcc("usedSoftware"), dcc("software"), Software)
    measuring_equipments: MeasuringEquipments | None = elem(dcc("measuringEquipments"), MeasuringEquipments)
    influence_conditions: list[Condition] = wrapped(dcc("influenceConditions"), dcc("influenceCondition"), Condition)
    results: list[Result] = wrapped(dcc("results"), dcc("result"), Result)
    measurement_meta_data: list[Statement] = wrapped(dcc("measurementMetaData"), dcc("metaData"), Statement)


@dataclass(kw_only=True)
class MeasurementResults(Node):
    """``dcc:measurementResults``; DCC 3.3.0 allows methods, equipment and conditions shared by all results."""

    used_methods: list[UsedMethod] = wrapped(dcc("usedMethods"), dcc("usedMethod"), UsedMethod)
    used_software: list[Software] = wrapped(dcc("usedSoftware"), dcc("software"), Software)
    measuring_equipments: MeasuringEquipments | None = elem(dcc("measuringEquipments"), MeasuringEquipments)
    influence_conditions: list[Condition] = wrapped(dcc("influenceConditions"), dcc("influenceCondition"), Condition)
    measurement_meta_data: list[Statement] = wrapped(dcc("measurementMetaData"), dcc("metaData"), Statement)
    results: list[MeasurementResult] = elems(dcc("measurementResult"), MeasurementResult)


def iter_quantities(node: Data | DccList | None) -> Iterator[Quantity]:
    """Every quantity inside a data block or list, depth first, in document order."""
    if node is None:
        return
    for item in node.items:
        if isinstance(item, Quantity):
            yield item
        elif isinstance(item, DccList):
            yield from iter_quantities(item)
