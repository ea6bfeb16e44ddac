"""Upgrading a DCC 3.0.0–3.2.1 document to 3.3.0 through the model, with proof that no measurement was lost.

DCC 3.3.0 is a superset of real 3.x documents, so the upgrade rewrites the version and schema location and leaves
the content alone. Signatures cannot survive (the version attribute is signed content): they are removed and
reported, and the upgraded certificate must be signed again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from coomet_lab.dcc.io.reader import certificate_from_tree
from coomet_lab.dcc.io.writer import to_element
from coomet_lab.dcc.model import CURRENT_SCHEMA_VERSION, Certificate
from coomet_lab.dcc.model.binding import SI_NS
from coomet_lab.dcc.model.certificate import SCHEMA_LOCATION_TEMPLATE

_MEASUREMENT_LEAVES = {
    f"{{{SI_NS}}}{name}"
    for name in (
        "value", "valueXMLList", "unit", "unitXMLList", "listUnit", "valueExpandedMU", "valueExpandedMUXMLList",
        "valueStandardMU", "valueStandardMUXMLList", "uncertainty", "uncertaintyXMLList", "standardUnc",
        "standardUncXMLList", "coverageFactor", "coverageFactorXMLList", "coverageProbability",
        "coverageProbabilityXMLList", "intervalMin", "intervalMax", "intervalMinXMLList", "intervalMaxXMLList",
        "valueReal", "valueImag", "valueRealXMLList", "valueImagXMLList", "valueMagnitude", "valuePhase",
        "valueMagnitudeXMLList", "valuePhaseXMLList", "unitPhase", "unitPhaseXMLList",
    )
}


@dataclass
class UpgradeResult:
    certificate: Certificate
    element: etree._Element
    from_version: str | None
    removed_signatures: int = 0
    notes: list[str] = field(default_factory=list)


def measurement_facts(root: etree._Element) -> Counter[tuple[str, str]]:
    """Every value, unit and uncertainty item in a document, counted (XML lists split into items)."""
    facts: Counter[tuple[str, str]] = Counter()
    for el in root.iter(*_MEASUREMENT_LEAVES):
        local = etree.QName(el).localname
        for item in "".join(el.itertext()).split():
            facts[(local, item)] += 1
    return facts


def upgrade_tree(tree: etree._ElementTree, source: str = "input") -> UpgradeResult:
    """Read any DCC 3.x tree into the model and write it as 3.3.0; raises if a measurement would be lost."""
    certificate = certificate_from_tree(tree, source)
    from_version = certificate.schema_version
    removed = len(certificate.signatures)
    certificate.signatures = []
    certificate.schema_version = CURRENT_SCHEMA_VERSION
    certificate.schema_location = SCHEMA_LOCATION_TEMPLATE.format(version=CURRENT_SCHEMA_VERSION)
    element = to_element(certificate)
    result = UpgradeResult(certificate, element, from_version, removed)
    if removed:
        result.notes.append(
            f"removed {removed} signature(s): upgrading changes signed content, so the 3.3.0 certificate must be "
            "signed again"
        )
    lost = measurement_facts(tree.getroot()) - measurement_facts(element)
    if lost:
        sample = ", ".join(f"{tag} {value!r}" for (tag, value) in list(lost)[:5])
        raise AssertionError(f"the upgrade would lose measurement data ({sample}); nothing was written")
    return result
