"""The certificate model: one dataclass per DCC element type, bound declaratively to XML (see ``binding``)."""

from coomet_lab.model.admin import (
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
from coomet_lab.model.binding import Extras, Node, RawXml, Ref, Tagged
from coomet_lab.model.certificate import CURRENT_SCHEMA_VERSION, Certificate, Comment
from coomet_lab.model.common import (
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
from coomet_lab.model.results import (
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
from coomet_lab.model.si import (
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

__all__ = [name for name in dir() if not name.startswith("_")]
