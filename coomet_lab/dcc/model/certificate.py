"""The certificate aggregate: ``dcc:digitalCalibrationCertificate``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coomet_lab.dcc.model.admin import AdministrativeData
from coomet_lab.dcc.model.binding import DS_NS, XSI_NS, Node, RawXml, any_elements, attr, dcc, elem, raws
from coomet_lab.dcc.model.common import ByteData
from coomet_lab.dcc.model.results import MeasurementResults, Quantity, iter_quantities

CURRENT_SCHEMA_VERSION = "3.3.0"
SCHEMA_LOCATION_TEMPLATE = "https://ptb.de/dcc https://ptb.de/dcc/v{version}/dcc.xsd"


@dataclass(kw_only=True)
class Comment(Node):
    """``dcc:comment``: anything a laboratory wants to add, kept verbatim."""

    content: list[RawXml] = any_elements(key="any")


@dataclass(kw_only=True)
class Certificate(Node):
    """A Digital Calibration Certificate: administrative data, results, comment, document, signatures.

    Signatures are kept verbatim: they belong to the exact bytes they were made over, so a certificate read from
    a signed file and written again no longer carries a valid signature (the writer drops them unless asked).
    """

    schema_version: str | None = attr("schemaVersion")
    schema_location: str | None = attr(f"{{{XSI_NS}}}schemaLocation", key="@xsi:schemaLocation")
    administrative_data: AdministrativeData | None = elem(dcc("administrativeData"), AdministrativeData)
    measurement_results: MeasurementResults | None = elem(dcc("measurementResults"), MeasurementResults)
    comment: Comment | None = elem(dcc("comment"), Comment)
    document: ByteData | None = elem(dcc("document"), ByteData)
    signatures: list[RawXml] = raws(f"{{{DS_NS}}}Signature")

    @property
    def unique_identifier(self) -> str | None:
        core = self.administrative_data.core_data if self.administrative_data else None
        return core.unique_identifier if core else None

    @property
    def languages(self) -> list[str]:
        core = self.administrative_data.core_data if self.administrative_data else None
        return list(core.used_languages) if core else []

    def quantities(self) -> Iterator[Quantity]:
        """Every quantity in every result, in document order."""
        if not self.measurement_results:
            return
        for measurement_result in self.measurement_results.results:
            for result in measurement_result.results:
                yield from iter_quantities(result.data)
