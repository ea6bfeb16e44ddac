"""Attacks that must fail: each test would pass if the check it targets were missing (SIGNING.md §6)."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.trust import TrustStore, sign_xml, verify_xml
from coomet_lab.trust.dsig import DS, XADES

NS = {"ds": DS, "xades": XADES, "dcc": "https://ptb.de/dcc", "si": "https://ptb.de/si"}


@pytest.fixture
def trust(test_pki) -> TrustStore:
    return TrustStore.with_files([test_pki.ca_pem])


@pytest.fixture
def signed(test_pki, unsigned_dcc, trust) -> bytes:
    return sign_xml(unsigned_dcc, test_pki.signer("ec"), trust=trust, role="approver")


def reasons(report) -> str:
    return " | ".join([*report.problems, *(r for s in report.signatures for r in s.reasons)])


@pytest.mark.parametrize(
    "original, forged, what",
    [
        (b"150.023", b"150.024", "value"),
        (b"0.025 0.020 0.020 0.025 0.030", b"0.025 0.020 0.020 0.025 0.020", "uncertainty"),
        (b"<dcc:issueDate>2026-11-20", b"<dcc:issueDate>2026-11-21", "date"),
    ],
)
def test_changing_one_digit_is_detected(signed, trust, original, forged, what):
    assert original in signed
    report = verify_xml(signed.replace(original, forged, 1), trust=trust)
    assert report.verdict == "invalid", what
    assert "changed after it was signed" in reasons(report)


def test_a_forged_signing_time_in_signed_properties_is_detected(signed, trust):
    root = etree.fromstring(signed)
    time = root.find(".//xades:SigningTime", NS)
    time.text = "2019-01-01T00:00:00Z"
    report = verify_xml(etree.tostring(root), trust=trust)
    assert report.verdict == "invalid" and "signed properties" in reasons(report)


def test_signature_moved_into_comment_is_rejected(signed, trust):
    root = etree.fromstring(signed)
    signature = root[-1]
    root.remove(signature)
    comment = etree.Element("{https://ptb.de/dcc}comment")
    comment.append(signature)
    root.insert(2, comment)
    report = verify_xml(etree.tostring(root), trust=trust)
    assert report.verdict == "invalid" and "inside dcc:comment" in reasons(report)


def test_wrapping_a_signed_dcc_inside_a_forged_one_is_rejected(signed, unsigned_dcc, trust):
    forged = etree.fromstring(unsigned_dcc.replace(b"150.023", b"999.999"))
    comment = etree.SubElement(forged, "{https://ptb.de/dcc}comment")
    forged.insert(2, comment)
    comment.append(etree.fromstring(signed))
    report = verify_xml(etree.tostring(forged), trust=trust)
    assert not report.valid and report.verdict == "invalid"


def test_duplicate_ids_are_rejected(signed, trust):
    root = etree.fromstring(signed)
    properties = root.find(".//xades:SignedProperties", NS)
    decoy = etree.SubElement(root.find("dcc:administrativeData/dcc:coreData", NS), "{urn:x}decoy",
                             Id=properties.get("Id"))
    decoy.text = "forged"
    report = verify_xml(etree.tostring(root), trust=trust)
    assert report.verdict == "invalid" and "repeats the Id" in reasons(report)


def test_a_comment_injected_inside_a_value_cannot_change_what_is_shown(signed, trust):
    tampered = signed.replace(b"150.023", b"150.0<!-- x -->23", 1)
    report = verify_xml(tampered, trust=trust)
    assert report.valid, "canonicalization drops comments, so the signature still holds"
    naive = etree.fromstring(tampered).find(".//si:valueXMLList", NS).text
    assert naive.endswith("150.0"), "reading the file naively would show a truncated value"
    shown = report.certificate()
    values = [c.real_list_xml_list.value_xml_list for c in shown.quantities() if c.real_list_xml_list]
    assert values[0].endswith("150.023")


def test_forged_unsigned_properties_do_not_change_the_signing_time(signed, trust):
    root = etree.fromstring(signed)
    real = root.find(".//xades:SigningTime", NS).text
    signature = root[-1]
    forged_object = etree.Element(f"{{{DS}}}Object")
    qualifying = etree.SubElement(forged_object, f"{{{XADES}}}QualifyingProperties", Target="#" + signature.get("Id"))
    unsigned = etree.SubElement(qualifying, f"{{{XADES}}}UnsignedProperties")
    etree.SubElement(unsigned, f"{{{XADES}}}SigningTime").text = "2019-01-01T00:00:00Z"
    signature.insert(3, forged_object)
    report = verify_xml(etree.tostring(root), trust=trust)
    assert report.signatures[0].signing_time == real
    assert report.signatures[0].intact


def test_same_subject_name_under_another_ca_is_not_trusted(test_pki, unsigned_dcc):
    trust = TrustStore.with_files([test_pki.ca_pem])
    forged = sign_xml(unsigned_dcc, test_pki.signer("impostor"), trust=TrustStore.with_files([test_pki.other_ca_pem]))
    report = verify_xml(forged, trust=trust)
    assert report.verdict == "intact-untrusted"
    assert "not signed by the trusted CA of that name" in reasons(report)


def test_the_document_certificate_is_never_an_anchor(signed):
    report = verify_xml(signed, trust=TrustStore(extra_anchors=[]))
    assert report.verdict == "intact-untrusted" and "no trust anchor" in reasons(report)


@pytest.mark.parametrize("name, message", [("expired", "expired"), ("future", "not valid before")])
def test_expired_and_not_yet_valid_signers_are_rejected(test_pki, unsigned_dcc, name, message, trust):
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.xades import _append_signature

    # Signed behind the application's back (its signing policy, in sign_tree, refuses these certificates).
    tree = parse_bytes(unsigned_dcc)
    _append_signature(tree, test_pki.signer(name), role=None, parallel=None,
                      when=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    report = verify_xml(etree.tostring(tree), trust=trust)
    assert report.verdict == "intact-untrusted" and message in reasons(report)


def test_a_revoked_signer_is_rejected_where_a_crl_is_known(test_pki, unsigned_dcc, app_home):
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.xades import sign_tree

    tree = parse_bytes(unsigned_dcc)
    sign_tree(tree, test_pki.signer("revoked"))
    data = etree.tostring(tree)
    trust = TrustStore()
    trust.add(test_pki.ca_pem.read_bytes())
    before = verify_xml(data, trust=trust)
    assert before.valid and "not checked" in before.signatures[0].notes[0]
    trust.add_crl(test_pki.crl.read_bytes())
    after = verify_xml(data, trust=trust)
    assert after.verdict == "intact-untrusted" and "was revoked" in reasons(after)


@pytest.mark.parametrize(
    "prolog",
    [b'<!DOCTYPE dcc:digitalCalibrationCertificate [<!ENTITY e "x">]>',
     b'<!DOCTYPE dcc:digitalCalibrationCertificate SYSTEM "http://example.invalid/a.dtd">'],
)
def test_dtds_and_entities_in_a_signed_file_are_refused(signed, trust, prolog):
    with pytest.raises(UnusableInputError, match="DTD"):
        verify_xml(signed.replace(b"?>", b"?>" + prolog, 1), trust=trust)


def test_sha1_signatures_are_not_accepted(signed, trust):
    root = etree.fromstring(signed)
    for method in root.iter(f"{{{DS}}}DigestMethod"):
        if method.getparent().tag == f"{{{DS}}}Reference":
            method.set("Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1")
    report = verify_xml(etree.tostring(root), trust=trust)
    assert not report.valid and "SHA-1" in reasons(report) + report.summary() or report.verdict == "invalid"


def test_an_unknown_transform_is_reported_as_not_checkable(signed, trust):
    root = etree.fromstring(signed)
    transform = root.find(".//ds:Reference/ds:Transforms/ds:Transform", NS)
    transform.set("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116")
    report = verify_xml(etree.tostring(root), trust=trust)
    assert report.verdict == "unverifiable" and "cannot be checked" in reasons(report)
