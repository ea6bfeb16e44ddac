"""Offline validation: the right schema by version, semantic rules, and bad input that changes nothing."""

from __future__ import annotations

import pytest

from coomet_lab.dcc.validation.validate import validate_bytes, validate_file
from coomet_lab.kernel.errors import UnsupportedVersionError, UnusableInputError, XmlSecurityError

from tests.helpers import EX01, EX02, EX05, replace_in


def codes(report):
    return [f.code for f in report.findings]


def test_public_examples_validate_each_against_its_own_version():
    for path, version in [(EX01, "3.3.0"), (EX02, "3.3.0"), (EX05, "3.1.1")]:
        report = validate_file(path)
        assert report.valid, report.errors()
        assert report.schema_version == version


def test_ptb_reference_document_is_clean():
    assert [f for f in validate_file(EX01).findings] == []


def test_a_311_document_rewritten_to_330_is_valid_against_330(tmp_path):
    upgraded = replace_in(EX05, 'schemaVersion="3.1.1"', 'schemaVersion="3.3.0"', tmp_path / "05.xml")
    assert validate_file(upgraded).valid


def test_a_document_is_never_validated_against_another_version(tmp_path):
    wrong = replace_in(EX01, 'schemaVersion="3.3.0"', 'schemaVersion="3.4.0"', tmp_path / "v.xml")
    with pytest.raises(UnsupportedVersionError, match="3.4.0"):
        validate_file(wrong)


def test_dangling_refid_is_an_error_although_libxml2_accepts_it(tmp_path):
    bad = replace_in(EX01, "<dcc:measurementResult>", '<dcc:measurementResult refId="nope">', tmp_path / "r.xml")
    report = validate_file(bad)
    assert not report.valid
    dangling = [f for f in report.findings if f.code == "rule.refid.dangling"]
    assert dangling and "nope" in dangling[0].message and dangling[0].line and dangling[0].path


def test_duplicate_id_is_reported_by_the_schema(tmp_path):
    text = EX01.read_text(encoding="utf-8")
    name = "twice"
    doubled = text.replace("<dcc:measurementResult>", f'<dcc:measurementResult id="{name}">', 1).replace(
        "<dcc:item>", f'<dcc:item id="{name}">', 1)
    report = validate_bytes(doubled.encode())
    assert not report.valid
    assert any(f.code.startswith("xsd.") and name in f.message for f in report.findings)


def test_invalid_unit_is_a_finding_with_line_and_path(tmp_path):
    bad = replace_in(EX01, "<si:unit>\\kelvin</si:unit>", "<si:unit>\\kelvn</si:unit>", tmp_path / "u.xml")
    report = validate_file(bad)
    finding = next(f for f in report.findings if f.code == "rule.unit.invalid")
    assert finding.line == 157 and finding.path.endswith("si:unit") and "\\kelvin" in finding.message


def test_decimal_comma_value_gets_a_plain_message(tmp_path):
    text = EX01.read_text(encoding="utf-8")
    start = text.index("<si:value>") + len("<si:value>")
    end = text.index("</si:value>", start)
    bad = text[:start] + "1,5e" + text[end:]
    report = validate_bytes(bad.encode())
    assert not report.valid
    finding = report.errors()[0]
    assert "'1,5e' is not allowed" in finding.message and "dot" in finding.message
    assert finding.line == text[:start].count("\n") + 1


def test_languages_missing_or_undeclared(tmp_path):
    undeclared = replace_in(EX01, '<dcc:content lang="en">', '<dcc:content lang="fr">', tmp_path / "l.xml")
    report = validate_file(undeclared)
    assert "rule.language.undeclared" in codes(report) and not report.valid
    missing = replace_in(EX01, '<dcc:content lang="en">Order no.</dcc:content>', "", tmp_path / "m.xml")
    report = validate_file(missing)
    assert "rule.language.missing_mandatory" in codes(report) and not report.valid


def test_dates_must_be_consistent(tmp_path):
    bad = replace_in(EX01, "<dcc:endPerformanceDate>1957-08-13", "<dcc:endPerformanceDate>1957-08-12",
                     tmp_path / "d.xml")
    report = validate_file(bad)
    assert "rule.date.order" in codes(report) and not report.valid


def test_list_lengths_must_agree(tmp_path):
    text = EX01.read_text(encoding="utf-8")
    bad = text.replace("<si:uncertaintyXMLList>0.061</si:uncertaintyXMLList>",
                       "<si:uncertaintyXMLList>0.061 0.05</si:uncertaintyXMLList>")
    report = validate_bytes(bad.encode())
    finding = next(f for f in report.findings if f.code == "rule.list.length")
    assert "2 entries for 5 values" in finding.message and not report.valid


def test_every_quantity_needs_a_method_and_conditions():
    text = EX01.read_text(encoding="utf-8")
    import re

    stripped = re.sub(r"<dcc:usedMethods>.*?</dcc:usedMethods>", "", text, flags=re.S)
    report = validate_bytes(stripped.encode())
    assert "rule.quantity.method" in codes(report)


def test_coverage_factor_below_one_is_explained(tmp_path):
    text = EX01.read_text(encoding="utf-8")
    assert "<si:coverageFactor>2</si:coverageFactor>" in text or "<si:coverageFactorXMLList>2" in text
    bad = text.replace("<si:coverageFactorXMLList>2", "<si:coverageFactorXMLList>0.5", 1)
    report = validate_bytes(bad.encode())
    assert any("coverage factor k must be a number of at least 1" in f.message for f in report.errors())


# ------------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not xml at all", "not well-formed"),
        (b"", "empty"),
        (b"<?xml version='1.0'?><dcc:digitalCalibrationCertificate xmlns:dcc='urn:wrong' schemaVersion='3.3.0'/>",
         "namespace"),
        (b"<html/>", "not a DCC"),
        (b"<dcc:digitalCalibrationCertificate xmlns:dcc='https://ptb.de/dcc'/>", "no schemaVersion"),
    ],
)
def test_unusable_input_is_refused_with_a_reason(content, message):
    with pytest.raises(UnusableInputError, match=message):
        validate_bytes(content)


def test_billion_laughs_is_refused_quickly():
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&j;</r>'.encode()
    with pytest.raises(XmlSecurityError):
        validate_bytes(bomb)


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<dcc:digitalCalibrationCertificate xmlns:dcc="https://ptb.de/dcc" schemaVersion="3.3.0">&x;'
           "</dcc:digitalCalibrationCertificate>").encode()
    with pytest.raises(XmlSecurityError, match="DTD") as info:
        validate_bytes(xxe)
    assert "TOP-SECRET" not in str(info.value)


def test_a_dtd_is_refused_even_without_entities():
    doc = EX01.read_bytes().replace(b"?>", b'?><!DOCTYPE dcc:digitalCalibrationCertificate SYSTEM "x.dtd">', 1)
    with pytest.raises(XmlSecurityError, match="DTD"):
        validate_bytes(doc)


def test_a_200_mb_file_is_refused_unless_opened_as_large(tmp_path):
    big = tmp_path / "big.xml"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: the size check must come before reading
    with pytest.raises(XmlSecurityError, match="200.0 MB.*--large"):
        validate_file(big)


def test_a_text_node_over_10_mb_needs_large_mode():
    text = EX01.read_text(encoding="utf-8")
    start = text.index("<si:valueXMLList>") + len("<si:valueXMLList>")
    end = text.index("</si:valueXMLList>", start)
    values = " ".join(["1.0"] * 3_000_000)  # 12 MB in one text node
    doc = (text[:start] + values + text[end:]).encode()
    with pytest.raises(XmlSecurityError, match="10 MB.*--large"):
        validate_bytes(doc)
    report = validate_bytes(doc, large=True)
    assert "rule.hybrid.length" in codes(report)  # parsed deliberately, and 3,000,000 K values vs 5 in °C
