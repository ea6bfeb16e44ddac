"""The fast path for long value lists gives exactly the verdicts of full libxml2 validation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from coomet_lab.dcc.io.document import load_document
from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.validation import xsd
from coomet_lab.dcc.validation.schema_store import SchemaStore

from tests.helpers import SCHEMAS, THERMOMETER

TOKENS = st.one_of(
    st.from_regex(r"\A[-+]?(\d{0,3}\.\d{1,3}|\d{1,3}\.?\d{0,3})([eE][-+]?\d{1,3})?\Z"),
    st.sampled_from(["NaN", "-NaN", "INF", "nan", "1e", ".", "+", "-", "1,5", "0x1", "١٢", "１", "1e999", "00.00",
                     "1.", ".1", "+.5e-3", "2", "0.95", "1.0", "0", "1", "1.000", "10"]),
    st.text(alphabet="0123456789.eE+-NaI ", min_size=1, max_size=6),
)
SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", " \u00a0"])


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return SchemaStore([SCHEMAS]).schema("3.3.0")


@pytest.fixture(scope="module")
def thermometer_xml() -> bytes:
    # The deviation column of the thermometer example carries value, unit, U, k and p lists.
    return to_bytes(load_document(THERMOMETER))


def _document_with(xml: bytes, kind_tag: str, text: str) -> etree._ElementTree:
    tree = etree.ElementTree(etree.fromstring(xml))
    found = tree.getroot().findall(f".//{{https://ptb.de/si}}{kind_tag}")
    found[-1].text = text
    return tree


def _verdicts(schema, tree) -> tuple[bool, bool]:
    full = schema.validate(tree)
    saved = xsd.FAST_PATH_MIN_CHARS
    xsd.FAST_PATH_MIN_CHARS = 0  # take the fast path for every list, however short
    try:
        fast = not xsd.validate_xsd(schema, tree, "3.3.0")
    finally:
        xsd.FAST_PATH_MIN_CHARS = saved
    return full, fast


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["valueXMLList", "unitXMLList", "valueExpandedMUXMLList", "coverageFactorXMLList",
                     "coverageProbabilityXMLList"]),
    st.lists(TOKENS, max_size=6),
    SEPARATORS,
    st.sampled_from(["", " ", "\n  "]),
)
def test_fast_path_verdict_equals_full_validation(schema, thermometer_xml, tag, items, separator, padding):
    text = padding + separator.join(items) + padding
    tree = _document_with(thermometer_xml, tag, text)
    full, fast = _verdicts(schema, tree)
    assert fast == full, (tag, text)


def test_fast_path_leaves_the_document_unchanged(schema, thermometer_xml):
    tree = _document_with(thermometer_xml, "valueXMLList", " ".join(["1.5"] * 20000))
    before = etree.tostring(tree)
    xsd.validate_xsd(schema, tree, "3.3.0")
    assert etree.tostring(tree) == before


def test_fast_path_errors_are_libxml2s_own_when_a_long_list_is_bad(schema, thermometer_xml):
    tree = _document_with(thermometer_xml, "valueXMLList", " ".join(["1.5"] * 20000 + ["1,5"]))
    findings = xsd.validate_xsd(schema, tree, "3.3.0")
    schema.validate(tree)
    assert [f.detail for f in findings] == [e.message for e in schema.error_log]


def test_every_fast_path_element_has_the_item_type_assumed_wherever_it_is_declared():
    """Read D-SI 2.2.1 itself: each list element the fast path handles must have one item pattern everywhere."""
    si_xsd = etree.parse(str(SCHEMAS / "3.3.0" / "SI_Format.xsd"))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    patterns = {}
    for simple in si_xsd.iterfind(".//xs:simpleType[@name]", ns):
        item = simple.find("xs:list", ns)
        if item is not None:
            item_type = item.get("itemType").split(":")[-1]
            base = si_xsd.find(f".//xs:simpleType[@name='{item_type}']//xs:pattern", ns)
            patterns[simple.get("name")] = base.get("value") if base is not None else "anystring"
    expected = {
        "decimal": r"[-+]?((\d*\.\d+)|(\d+\.\d*)|(\d+\.?))([Ee][-+]?\d+)?|NaN",
        "unsigned": r"\+?((\d*\.\d+)|(\d+\.\d*)|(\d+\.?))([Ee][-+]?\d+)?|NaN",
        "coverage_factor": r"\+?(([1-9]\d*\.\d*)|([1-9]\d*))|NaN",
        "probability": r"\+?((0(\.\d*)?)|(1(\.0*)?))|NaN",
        "string": "anystring",
    }
    for tag, kind in xsd.LIST_ITEM_KIND.items():
        local = tag.split("}")[1]
        declared = si_xsd.findall(f".//xs:element[@name='{local}']", ns)
        assert declared, local
        for decl in declared:
            type_name = decl.get("type").split(":")[-1]
            assert re.sub(r"\s", "", patterns[type_name]) == expected[kind], (local, type_name)
