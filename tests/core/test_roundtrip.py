"""Model → XML → model → XML is identical; reading is lossless, also for what the model does not know."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from coomet_lab.dcc.io import document
from coomet_lab.dcc.io.reader import read_certificate_bytes, read_certificate_file
from coomet_lab.dcc.io.writer import to_bytes, to_element
from coomet_lab.dcc.model import Certificate
from coomet_lab.dcc.upgrade import measurement_facts

from tests.helpers import EX01, EX02, EX05, PRESSURE, THERMOMETER
from tests.strategies import certificates

SHARED = [EX01, EX02, EX05]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(certificates())
def test_model_xml_model_xml_is_identical(certificate: Certificate):
    first = to_bytes(certificate)
    again = read_certificate_bytes(first)
    second = to_bytes(again)
    assert second == first
    assert read_certificate_bytes(second) == again


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(certificates())
def test_model_json_model_is_identical(certificate: Certificate):
    text = document.dumps(certificate)
    assert document.loads(text) == certificate
    assert document.dumps(document.loads(text)) == text


@pytest.mark.parametrize("path", SHARED, ids=lambda p: p.name[:2])
def test_real_dccs_read_and_write_without_losing_a_value(path):
    certificate = read_certificate_file(path)
    written = to_element(certificate, keep_signatures=True)
    from lxml import etree

    original = etree.parse(str(path)).getroot()
    assert measurement_facts(written) == measurement_facts(original)
    assert read_certificate_bytes(to_bytes(certificate)) == read_certificate_file(path) or path == EX02


@pytest.mark.parametrize("path", SHARED, ids=lambda p: p.name[:2])
def test_real_dccs_are_fully_understood_by_the_model(path):
    """Nothing in PTB's examples ends up as unknown extras: the model covers real DCCs (comments and processing
    instructions are kept in the extras too, but they are not content the model fails to understand)."""
    from coomet_lab.dcc.io.bindio import is_misc
    from coomet_lab.dcc.model.binding import Node, binding_of

    unknown = []

    def walk(node: Node, where: str) -> None:
        extras = node.extras
        if extras and (extras.attrs or any(not is_misc(raw) for _, raw in extras.children)):
            unknown.append(where)
        for name, _spec in binding_of(type(node)).elements:
            value = getattr(node, name)
            for i, child in enumerate(value if isinstance(value, list) else [value]):
                if isinstance(child, Node):
                    walk(child, f"{where}.{name}[{i}]")

    walk(read_certificate_file(path), "certificate")
    assert unknown == []


def test_writing_is_deterministic():
    certificate = document.load_document(THERMOMETER)
    assert to_bytes(certificate) == to_bytes(document.load_document(THERMOMETER))


def test_unknown_elements_and_attributes_are_kept_where_they_were(tmp_path):
    text = EX01.read_text(encoding="utf-8")
    text = text.replace(
        "<dcc:uniqueIdentifier>1234</dcc:uniqueIdentifier>",
        '<dcc:uniqueIdentifier>1234</dcc:uniqueIdentifier><lab:batch xmlns:lab="urn:lab">B-17</lab:batch>',
    ).replace("<dcc:coreData>", '<dcc:coreData xmlns:lab="urn:lab" lab:origin="LIMS">', 1)
    certificate = read_certificate_bytes(text.encode())
    core = certificate.administrative_data.core_data
    assert core.extras.attrs == {"{urn:lab}origin": "LIMS"}
    assert [anchor for anchor, _ in core.extras.children] == ["unique_identifier"]
    out = to_bytes(certificate).decode()
    assert out.index("<dcc:uniqueIdentifier>") < out.index("B-17") < out.index("<dcc:identifications>")
    from lxml import etree

    written_core = etree.fromstring(out.encode()).find(".//{https://ptb.de/dcc}coreData")
    assert written_core.get("{urn:lab}origin") == "LIMS"
    again = to_bytes(read_certificate_bytes(out.encode()))
    assert read_certificate_bytes(out.encode()) == read_certificate_bytes(again)


def test_a_comment_inside_a_value_does_not_split_it():
    text = EX01.read_text(encoding="utf-8")
    first = text.index("<si:valueXMLList>") + len("<si:valueXMLList>")
    end = text.index("</si:valueXMLList>", first)
    original = text[first:end]
    injected = original[:3] + "<!-- x -->" + original[3:]
    certificate = read_certificate_bytes((text[:first] + injected + text[end:]).encode())
    values = next(c for c in certificate.quantities() if c.real_list_xml_list or c.hybrid)
    lists = [values.real_list_xml_list] if values.real_list_xml_list else values.hybrid.items
    assert lists[0].value_xml_list == original


def test_signatures_are_kept_on_request_and_dropped_by_default():
    certificate = read_certificate_file(EX02)
    assert len(certificate.signatures) == 1
    assert b"ds:Signature" not in to_bytes(certificate) and b"Signature" not in to_bytes(certificate)
    assert b"Signature" in to_bytes(certificate, keep_signatures=True)
    assert len(certificate.signatures) == 1


@pytest.mark.parametrize("path", [THERMOMETER, PRESSURE], ids=["thermometer", "pressure"])
def test_own_examples_survive_json_and_xml(path):
    certificate = document.load_document(path)
    assert document.dumps(certificate) == path.read_text(encoding="utf-8")
    assert read_certificate_bytes(to_bytes(certificate)) == certificate
