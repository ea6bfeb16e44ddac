"""Signatures are real: XAdES-BES profile, verification by three independent implementations, two roles."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.trust import SigningError, TrustStore, sign_xml, verify_xml
from coomet_lab.trust.dsig import DS, EXC_C14N, FILTER2, XADES

from tests.helpers import EX02, EX05

NS = {"ds": DS, "xades": XADES}


@pytest.fixture
def trust(test_pki) -> TrustStore:
    return TrustStore.with_files([test_pki.ca_pem])


def signed_with(test_pki, unsigned_dcc, name="ec", **kwargs) -> bytes:
    return sign_xml(unsigned_dcc, test_pki.signer(name), trust=TrustStore.with_files([test_pki.ca_pem]), **kwargs)


def xmlsec1_verifies(path, ca_pem, node_id=None) -> subprocess.CompletedProcess:
    """Debian's xmlsec1 (libxmlsec1 1.2.x): an implementation independent of this application's signer."""
    tool = shutil.which("xmlsec1")
    assert tool, "xmlsec1 (Debian package xmlsec1) is needed: scripts/system-deps.sh installs it"
    command = [tool, "--verify", "--enabled-reference-uris", "empty,same-doc",
               "--id-attr:Id", f"{XADES}:SignedProperties", "--id-attr:Id", f"{DS}:KeyInfo",
               "--id-attr:Id", f"{DS}:Signature", "--trusted-pem", str(ca_pem)]
    if node_id:
        command += ["--node-id", node_id]
    return subprocess.run([*command, str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("key", ["ec", "rsa"])
def test_sign_and_verify_round_trip(test_pki, unsigned_dcc, trust, key):
    signed = signed_with(test_pki, unsigned_dcc, key)
    report = verify_xml(signed, trust=trust)
    assert report.valid, report.summary()
    signature = report.signatures[0]
    assert signature.profile == "XAdES-BES" and signature.intact and signature.trusted
    assert signature.signer.subject == f"O=Test Lab,CN=Signer {key}"
    assert signature.signing_time.endswith("Z")
    assert report.certificate().unique_identifier == "UT-2026-00417"


def test_signed_dcc_is_still_schema_valid(test_pki, unsigned_dcc):
    report = validate_bytes(signed_with(test_pki, unsigned_dcc))
    assert report.valid, report.errors()


def test_profile_of_the_signature(test_pki, unsigned_dcc):
    root = etree.fromstring(signed_with(test_pki, unsigned_dcc, role="approver"))
    signature = root[-1]
    assert signature.tag == f"{{{DS}}}Signature", "the signature is the last child of the root"
    references = signature.findall("ds:SignedInfo/ds:Reference", NS)
    assert len(references) == 3
    for reference in references:
        transforms = [t.get("Algorithm") for t in reference.findall("ds:Transforms/ds:Transform", NS)]
        assert transforms[-1] == EXC_C14N, "every reference declares exclusive c14n (SIGNING.md §4)"
    assert signature.find("ds:SignedInfo/ds:CanonicalizationMethod", NS).get("Algorithm") == EXC_C14N
    assert signature.find(".//ds:KeyValue", NS) is None
    assert len(signature.findall("ds:KeyInfo/ds:X509Data/ds:X509Certificate", NS)) == 2, "leaf and issuing CA"
    properties = signature.find(".//xades:SignedSignatureProperties", NS)
    assert [etree.QName(c).localname for c in properties] == ["SigningTime", "SigningCertificateV2", "SignerRoleV2"]
    assert properties.find(".//xades:ClaimedRole", NS).text == "approver"
    assert signature.find(".//xades:DataObjectFormat/xades:MimeType", NS).text == "text/xml"


def test_qualifying_properties_follow_the_etsi_schema(test_pki, unsigned_dcc):
    from importlib import resources

    schemas = resources.files("signxml.xades.schemas")
    with resources.as_file(schemas) as folder:
        schema = etree.XMLSchema(etree.parse(str(folder / "XAdES01903v132-201601.xsd")))
    root = etree.fromstring(signed_with(test_pki, unsigned_dcc, role="performer"))
    qualifying = root.find(".//xades:QualifyingProperties", NS)
    assert schema.validate(etree.ElementTree(qualifying)), schema.error_log


def test_libxmlsec1_command_line_verifies_our_signature(test_pki, unsigned_dcc, tmp_path):
    for key in ("ec", "rsa"):
        path = tmp_path / f"{key}.xml"
        path.write_bytes(signed_with(test_pki, unsigned_dcc, key))
        result = xmlsec1_verifies(path, test_pki.ca_pem)
        assert result.returncode == 0 and "OK" in result.stdout + result.stderr, result.stderr


def test_libxmlsec1_rejects_a_tampered_file(test_pki, unsigned_dcc, tmp_path):
    path = tmp_path / "tampered.xml"
    path.write_bytes(signed_with(test_pki, unsigned_dcc).replace(b"150.023", b"150.024"))
    assert xmlsec1_verifies(path, test_pki.ca_pem).returncode != 0


def test_signxml_verifies_our_single_signature(test_pki, unsigned_dcc):
    """signxml (pure Python, what PTB's dcclib uses) is a third, independent implementation."""
    from signxml.xades import XAdESSignatureConfiguration, XAdESVerifier

    config = XAdESSignatureConfiguration(location="./", expect_references=3)
    results = XAdESVerifier().verify(signed_with(test_pki, unsigned_dcc), ca_pem_file=str(test_pki.ca_pem),
                                     expect_config=config)
    assert len(results) == 3


def test_two_roles_both_verify_and_neither_breaks_the_other(test_pki, unsigned_dcc, trust, tmp_path):
    performer = sign_xml(unsigned_dcc, test_pki.signer("ec"), role="performer", trust=trust)
    both = sign_xml(performer, test_pki.signer("rsa"), role="approver", trust=trust)
    report = verify_xml(both, trust=trust)
    assert report.valid, report.summary()
    assert [s.role for s in report.signatures] == ["performer", "approver"]
    assert all(s.parallel for s in report.signatures)
    assert report.verified_xml is not None
    path = tmp_path / "both.xml"
    path.write_bytes(both)
    for signature in etree.fromstring(both).findall("ds:Signature", NS):
        transform = signature.find("ds:SignedInfo/ds:Reference/ds:Transforms/ds:Transform", NS)
        assert transform.get("Algorithm") == FILTER2
        result = xmlsec1_verifies(path, test_pki.ca_pem, node_id=signature.get("Id"))
        assert result.returncode == 0, result.stderr


def test_a_second_signature_on_a_single_signer_certificate_is_refused(test_pki, unsigned_dcc, trust):
    single = sign_xml(unsigned_dcc, test_pki.signer("ec"), trust=trust)
    with pytest.raises(SigningError, match="would break it"):
        sign_xml(single, test_pki.signer("rsa"), role="approver", trust=trust)


def test_invalid_or_old_dccs_are_not_signed(test_pki, unsigned_dcc, trust):
    with pytest.raises(SigningError, match="DCC 3.1.1.*Upgrade"):
        sign_xml(EX05.read_bytes(), test_pki.signer("ec"), trust=trust)
    broken = unsigned_dcc.replace(b"<dcc:endPerformanceDate>2026-11-19", b"<dcc:endPerformanceDate>2026-11-01")
    with pytest.raises(SigningError, match="not a valid DCC"):
        sign_xml(broken, test_pki.signer("ec"), trust=trust)


@pytest.mark.parametrize("name, message", [("expired", "expired"), ("future", "not valid before"),
                                           ("revoked", "revoked")])
def test_signing_with_a_certificate_that_may_not_sign_is_refused(test_pki, unsigned_dcc, name, message, app_home):
    trust = TrustStore.with_files([test_pki.ca_pem])
    trust.add(test_pki.ca_pem.read_bytes())
    trust.add_crl(test_pki.crl.read_bytes())
    with pytest.raises(SigningError, match=message):
        sign_xml(unsigned_dcc, test_pki.signer(name), trust=trust)


def test_third_party_plain_xmldsig_is_intact_but_not_trusted():
    report = verify_xml(EX02.read_bytes())
    assert report.verdict == "intact-untrusted"
    signature = report.signatures[0]
    assert signature.intact and not signature.trusted and signature.profile == "XML-DSig"
    assert "PTB" in signature.signer.subject
    assert report.certificate().unique_identifier == "1234"


def test_a_document_without_signature_is_reported_unsigned(unsigned_dcc):
    report = verify_xml(unsigned_dcc)
    assert report.verdict == "unsigned" and not report.valid
