"""D-SI 2.x quantities (``si:`` namespace): single values, value lists, hybrids, constants and uncertainties.

Numbers are kept as the exact text they were written with: ``value`` holds ``"10.0021"``, never a float, and a
value list holds its space-separated text. :mod:`coomet_lab.quantities` turns typed input into these strings.
Parts of D-SI the application does not edit (complex numbers, element-per-value lists, multivariate regions) are
kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coomet_lab.dcc.model.binding import Node, elem, leaf, mixed, raw, si


@dataclass(kw_only=True)
class ExpandedMU(Node):
    """``si:expandedMU``: expanded uncertainty U with coverage factor k and coverage probability p."""

    value_expanded_mu: str | None = leaf(si("valueExpandedMU"))
    coverage_factor: str | None = leaf(si("coverageFactor"))
    coverage_probability: str | None = leaf(si("coverageProbability"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class StandardMU(Node):
    """``si:standardMU``: standard uncertainty u."""

    value_standard_mu: str | None = leaf(si("valueStandardMU"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class CoverageIntervalMU(Node):
    value_standard_mu: str | None = leaf(si("valueStandardMU"))
    interval_min: str | None = leaf(si("intervalMin"))
    interval_max: str | None = leaf(si("intervalMax"))
    coverage_probability: str | None = leaf(si("coverageProbability"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class MeasurementUncertaintyUnivariate(Node):
    """``si:measurementUncertaintyUnivariate`` (D-SI 2.2): exactly one of the three forms."""

    standard_mu: StandardMU | None = elem(si("standardMU"), StandardMU)
    expanded_mu: ExpandedMU | None = elem(si("expandedMU"), ExpandedMU)
    coverage_interval_mu: CoverageIntervalMU | None = elem(si("coverageIntervalMU"), CoverageIntervalMU)


@dataclass(kw_only=True)
class ExpandedUnc(Node):
    """``si:expandedUnc``: the deprecated (but widespread) D-SI 1.x/2.0 expanded uncertainty."""

    uncertainty: str | None = leaf(si("uncertainty"))
    coverage_factor: str | None = leaf(si("coverageFactor"))
    coverage_probability: str | None = leaf(si("coverageProbability"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class CoverageInterval(Node):
    """``si:coverageInterval`` (deprecated)."""

    standard_unc: str | None = leaf(si("standardUnc"))
    interval_min: str | None = leaf(si("intervalMin"))
    interval_max: str | None = leaf(si("intervalMax"))
    coverage_probability: str | None = leaf(si("coverageProbability"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class SiReal(Node):
    """``si:real``: one value with its unit and, optionally, its uncertainty."""

    label: str | None = leaf(si("label"))
    quantity_type_qudt: str | None = leaf(si("quantityTypeQUDT"))
    value: str | None = leaf(si("value"))
    unit: str | None = leaf(si("unit"))
    significant_digit: str | None = leaf(si("significantDigit"))
    date_time: str | None = leaf(si("dateTime"))
    measurement_uncertainty_univariate: MeasurementUncertaintyUnivariate | None = elem(
        si("measurementUncertaintyUnivariate"), MeasurementUncertaintyUnivariate
    )
    expanded_unc: ExpandedUnc | None = elem(si("expandedUnc"), ExpandedUnc)
    coverage_interval: CoverageInterval | None = elem(si("coverageInterval"), CoverageInterval)


@dataclass(kw_only=True)
class SiConstant(Node):
    """``si:constant``: a value with an optional standard uncertainty (physical constants, nominal values)."""

    label: str | None = leaf(si("label"))
    quantity_type_qudt: str | None = leaf(si("quantityTypeQUDT"))
    value: str | None = leaf(si("value"))
    unit: str | None = leaf(si("unit"))
    significant_digit: str | None = leaf(si("significantDigit"))
    date_time: str | None = leaf(si("dateTime"))
    value_standard_mu: str | None = leaf(si("valueStandardMU"))
    uncertainty: str | None = leaf(si("uncertainty"))
    distribution: str | None = leaf(si("distribution"))


@dataclass(kw_only=True)
class ExpandedMUXMLList(Node):
    value_expanded_mu_xml_list: str | None = leaf(si("valueExpandedMUXMLList"))
    coverage_factor_xml_list: str | None = leaf(si("coverageFactorXMLList"))
    coverage_probability_xml_list: str | None = leaf(si("coverageProbabilityXMLList"))
    distribution_xml_list: str | None = leaf(si("distributionXMLList"))


@dataclass(kw_only=True)
class StandardMUXMLList(Node):
    value_standard_mu_xml_list: str | None = leaf(si("valueStandardMUXMLList"))
    distribution_xml_list: str | None = leaf(si("distributionXMLList"))


@dataclass(kw_only=True)
class CoverageIntervalMUXMLList(Node):
    value_standard_mu_xml_list: str | None = leaf(si("valueStandardMUXMLList"))
    interval_min_xml_list: str | None = leaf(si("intervalMinXMLList"))
    interval_max_xml_list: str | None = leaf(si("intervalMaxXMLList"))
    coverage_probability_xml_list: str | None = leaf(si("coverageProbabilityXMLList"))
    distribution_xml_list: str | None = leaf(si("distributionXMLList"))


@dataclass(kw_only=True)
class MeasurementUncertaintyUnivariateXMLList(Node):
    standard_mu_xml_list: StandardMUXMLList | None = elem(si("standardMUXMLList"), StandardMUXMLList)
    expanded_mu_xml_list: ExpandedMUXMLList | None = elem(si("expandedMUXMLList"), ExpandedMUXMLList)
    coverage_interval_mu_xml_list: CoverageIntervalMUXMLList | None = elem(
        si("coverageIntervalMUXMLList"), CoverageIntervalMUXMLList
    )


@dataclass(kw_only=True)
class ExpandedUncXMLList(Node):
    """``si:expandedUncXMLList`` (deprecated list form of :class:`ExpandedUnc`)."""

    uncertainty_xml_list: str | None = leaf(si("uncertaintyXMLList"))
    coverage_factor_xml_list: str | None = leaf(si("coverageFactorXMLList"))
    coverage_probability_xml_list: str | None = leaf(si("coverageProbabilityXMLList"))
    distribution_xml_list: str | None = leaf(si("distributionXMLList"))


@dataclass(kw_only=True)
class CoverageIntervalXMLList(Node):
    standard_unc_xml_list: str | None = leaf(si("standardUncXMLList"))
    interval_min_xml_list: str | None = leaf(si("intervalMinXMLList"))
    interval_max_xml_list: str | None = leaf(si("intervalMaxXMLList"))
    coverage_probability_xml_list: str | None = leaf(si("coverageProbabilityXMLList"))
    distribution_xml_list: str | None = leaf(si("distributionXMLList"))


@dataclass(kw_only=True)
class SiRealListXMLList(Node):
    """``si:realListXMLList``: a column of values in one element, the usual way to write a calibration table.

    Every ``*_xml_list`` field is the exact space-separated text; use :func:`tokens` to split it.
    """

    label_xml_list: str | None = leaf(si("labelXMLList"))
    quantity_type_qudt_xml_list: str | None = leaf(si("quantityTypeQUDTXMLList"))
    value_xml_list: str | None = leaf(si("valueXMLList"))
    unit_xml_list: str | None = leaf(si("unitXMLList"))
    significant_digit_xml_list: str | None = leaf(si("significantDigitXMLList"))
    date_time_xml_list: str | None = leaf(si("dateTimeXMLList"))
    measurement_uncertainty_univariate_xml_list: MeasurementUncertaintyUnivariateXMLList | None = elem(
        si("measurementUncertaintyUnivariateXMLList"), MeasurementUncertaintyUnivariateXMLList
    )
    expanded_unc_xml_list: ExpandedUncXMLList | None = elem(si("expandedUncXMLList"), ExpandedUncXMLList)
    coverage_interval_xml_list: CoverageIntervalXMLList | None = elem(
        si("coverageIntervalXMLList"), CoverageIntervalXMLList
    )
    measurement_uncertainty_multivariate_xml_list: object | None = raw(si("measurementUncertaintyMultivariateXMLList"))
    ellipsoidal_region_xml_list: object | None = raw(si("ellipsoidalRegionXMLList"))
    rectangular_region_xml_list: object | None = raw(si("rectangularRegionXMLList"))

    @property
    def values(self) -> list[str]:
        return tokens(self.value_xml_list)

    @property
    def units(self) -> list[str]:
        return tokens(self.unit_xml_list)


@dataclass(kw_only=True)
class SiHybrid(Node):
    """``si:hybrid``: the same quantity stated in several units (for example K and °C)."""

    items: list[SiReal | SiRealListXMLList | SiConstant] = mixed(
        {si("real"): SiReal, si("realListXMLList"): SiRealListXMLList, si("constant"): SiConstant}, key="items"
    )


_XML_SPACE = re.compile(r"[ \t\n\r]+")


def tokens(xml_list: str | None) -> list[str]:
    """The items of an XML list value, split on XML whitespace exactly as XML Schema reads ``xs:list``."""
    if not xml_list:
        return []
    if xml_list.isascii():
        # The only ASCII characters str.split() treats as space beyond XML's four are control characters that
        # XML 1.0 forbids, so on text read from XML the fast C split gives the same items.
        return xml_list.split()
    return [t for t in _XML_SPACE.split(xml_list) if t]
