"""The certificate model: one dataclass per DCC element type, bound declaratively to XML (see ``binding``)."""

from coomet_lab.dcc.model.admin import (
    AdministrativeData,
    CalibrationLaboratory,
    CoreData,
    Item,
    ItemList,
    PerformanceLocation,
    RefTypeDefinition,
    ReportAmendedSubstituted,
    RespPerson,
    Statement,
)
from coomet_lab.dcc.model.binding import Extras, Node, RawXml, Ref, Tagged
from coomet_lab.dcc.model.certificate import CURRENT_SCHEMA_VERSION, Certificate, Comment
from coomet_lab.dcc.model.common import (
    ByteData,
    Contact,
    EquipmentClass,
    Formula,
    Hash,
    Identification,
    LangString,
    Location,
    PositionCoordinates,
    RichContent,
    Software,
    Text,
    XmlBlob,
)
from coomet_lab.dcc.model.results import (
    Condition,
    Data,
    DccList,
    MeasurementResult,
    MeasurementResults,
    MeasuringEquipment,
    MeasuringEquipments,
    PrimitiveQuantity,
    Quantity,
    RelativeUncertainty,
    Result,
    UsedMethod,
    iter_quantities,
)
from coomet_lab.dcc.model.si import (
    CoverageInterval,
    CoverageIntervalMU,
    CoverageIntervalMUXMLList,
    CoverageIntervalXMLList,
    ExpandedMU,
    ExpandedMUXMLList,
    ExpandedUnc,
    ExpandedUncXMLList,
    MeasurementUncertaintyUnivariate,
    MeasurementUncertaintyUnivariateXMLList,
    SiConstant,
    SiHybrid,
    SiReal,
    SiRealListXMLList,
    StandardMU,
    StandardMUXMLList,
    tokens,
)

# The public names: every class re-exported above and, as before, the submodules (so ``import *`` is unchanged).
__all__ = [
    "AdministrativeData", "ByteData", "CURRENT_SCHEMA_VERSION", "CalibrationLaboratory", "Certificate", "Comment",
    "Condition", "Contact", "CoreData", "CoverageInterval", "CoverageIntervalMU", "CoverageIntervalMUXMLList",
    "CoverageIntervalXMLList", "Data", "DccList", "EquipmentClass", "ExpandedMU", "ExpandedMUXMLList", "ExpandedUnc",
    "ExpandedUncXMLList", "Extras", "Formula", "Hash", "Identification", "Item", "ItemList", "LangString", "Location",
    "MeasurementResult", "MeasurementResults", "MeasurementUncertaintyUnivariate",
    "MeasurementUncertaintyUnivariateXMLList", "MeasuringEquipment", "MeasuringEquipments", "Node",
    "PerformanceLocation", "PositionCoordinates", "PrimitiveQuantity", "Quantity", "RawXml", "Ref", "RefTypeDefinition",
    "RelativeUncertainty", "ReportAmendedSubstituted", "RespPerson", "Result", "RichContent", "SiConstant", "SiHybrid",
    "SiReal", "SiRealListXMLList", "Software", "StandardMU", "StandardMUXMLList", "Statement", "Tagged", "Text",
    "UsedMethod", "XmlBlob", "admin", "binding", "certificate", "common", "iter_quantities", "results", "si", "tokens",
]
