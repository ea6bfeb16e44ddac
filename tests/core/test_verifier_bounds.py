"""A verifier that cannot be fooled or stalled: every crafted file in tests/data/attacks/verifier/ gets its specific
message and exit code from the real command line, quickly, through ``verify``, ``repo import`` and ``pdf``.

The files are made by ``tests/data/attacks/verifier/make_attacks.py`` (signed ones with the committed test key in
``pki/``, see the README there). The time bound is only a safety net against a hang (each one used to run for
minutes or to end in "unexpected error"); the measured times are in the merge report.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from coomet_lab.kernel.errors import XmlSecurityError
from coomet_lab.kernel.xmlsafe import MAX_ATTRIBUTES, MAX_DEPTH, parse_bytes
from coomet_lab.trust import TrustStore, sign_xml, verify_xml

from tests.conftest import REPO

ATTACKS = REPO / "tests" / "data" / "attacks" / "verifier"
EXPECTED = json.loads((ATTACKS / "expected.json").read_text(encoding="utf-8"))
CA = ATTACKS / "pki" / "ca.pem"
BOUND_S = 10.0  # a safety net only; each takes well under 2 s


def _cases() -> list[tuple[str, dict]]:
    cases = []
    for name, entry in EXPECTED.items():
        cases.append((name, entry))
        cases.extend((name, extra) for extra in entry.get("also", []))
    return cases


def _command(command: str, file: Path, tmp: Path) -> list[str]:
    if command.startswith("verify"):
        return [*command.split(), "--trust", str(CA), str(file)]
    if command == "repo import":
        return ["repo", "--repository", str(tmp / "repo"), "import", str(file)]
    if command == "pdf":
        return ["pdf", "-o", str(tmp / "twin.pdf"), "--trust", str(CA), str(file)]
    raise AssertionError(f"unknown command {command!r} in expected.json")


@pytest.mark.parametrize("name, entry", _cases(), ids=[f"{n}:{e['command']}" for n, e in _cases()])
def test_every_crafted_file_gets_its_specific_message_quickly(name, entry, tmp_path, app_home):
    file = ATTACKS / name
    assert file.stat().st_size < 2 * 1024 * 1024
    env = {**os.environ, "PYTHONPATH": str(REPO), "COOMET_LAB_HOME": str(app_home)}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "coomet_lab", *_command(entry["command"], file, tmp_path)],
                              capture_output=True, text=True, env=env, timeout=BOUND_S * 3)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: {entry['command']} still running after {BOUND_S * 3:.0f} s")
    elapsed = time.monotonic() - started
    output = done.stdout + done.stderr
    assert "unexpected error" not in output and "Traceback" not in output, output
    assert done.returncode == entry["exit"], output
    assert entry["message"] in output, output
    assert elapsed < BOUND_S, f"{name}: {entry['command']} took {elapsed:.1f} s"
    if entry["command"] == "pdf":
        assert not (tmp_path / "twin.pdf").exists(), "a refused input must not leave a twin behind"


def test_the_attack_files_are_the_generated_ones():
    """expected.json names every crafted file, and every file it names is there."""
    assert set(EXPECTED) == {p.name for p in ATTACKS.glob("*.xml")}


# ---------------------------------------------------------------------------------------------- parse bounds


def test_attributes_per_element_are_capped_with_a_named_refusal():
    many = "".join(f' a{n}="1"' for n in range(MAX_ATTRIBUTES + 1))
    for large in (False, True):
        with pytest.raises(XmlSecurityError, match=f"element item has {MAX_ATTRIBUTES + 1} attributes; at most "
                                                   f"{MAX_ATTRIBUTES} are accepted"):
            parse_bytes(f"<root><item{many}/></root>".encode(), large=large)
    exactly = "".join(f' a{n}="1"' for n in range(MAX_ATTRIBUTES))
    assert len(parse_bytes(f"<root><item{exactly}/></root>".encode()).getroot()[0].attrib) == MAX_ATTRIBUTES


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 300, 3000])
@pytest.mark.parametrize("large", [False, True])
def test_element_depth_is_capped_with_the_same_named_refusal_in_both_modes(levels, large):
    data = b"<root>" + b"<x>" * levels + b"</x>" * levels + b"</root>"
    with pytest.raises(XmlSecurityError, match=f"nested more than {MAX_DEPTH} levels deep"):
        parse_bytes(data, large=large)


def test_the_deepest_accepted_document_parses():
    levels = MAX_DEPTH - 1  # plus the root
    data = b"<root>" + b"<x>" * levels + b"</x>" * levels + b"</root>"
    assert parse_bytes(data).getroot().tag == "root"


# ---------------------------------------------------------------------------------------------- verdicts


@pytest.fixture
def trust(test_pki) -> TrustStore:
    return TrustStore.with_files([test_pki.ca_pem])


def test_our_own_signatures_still_verify_and_their_coverage_is_computed(test_pki, unsigned_dcc, trust):
    single = verify_xml(sign_xml(unsigned_dcc, test_pki.signer("ec"), trust=trust), trust=trust)
    assert single.valid
    assert single.signatures[0].covers[0] == "the whole certificate except this signature"
    first = sign_xml(unsigned_dcc, test_pki.signer("ec"), trust=trust, role="performer")
    both = verify_xml(sign_xml(first, test_pki.signer("rsa"), trust=trust, role="approver"), trust=trust)
    assert both.valid and len(both.signatures) == 2
    assert all(s.covers[0] == "the whole certificate except its signatures" for s in both.signatures)


def test_a_trusted_signer_leaving_out_the_customer_is_not_valid_and_claims_no_coverage(trust):
    report = verify_xml((ATTACKS / "filter2-subtract-customer.xml").read_bytes(),
                        trust=TrustStore.with_files([CA]))
    signature = report.signatures[0]
    assert report.verdict == "unverifiable" and signature.status == "unverifiable"
    assert signature.covers == () and report.verified_xml is None
    assert "transform not supported" in signature.reasons[0]


@pytest.mark.parametrize("name", ["base64-certdigest.xml", "base64-digestvalue.xml", "base64-signaturevalue.xml",
                                  "base64-certificate.xml", "der-garbage-certificate.xml", "key-ed448.xml",
                                  "key-dsa.xml", "key-unknown-algorithm.xml", "certificate-duplicate-extension.xml"])
def test_malformed_values_and_unusable_keys_make_the_signature_invalid(name):
    report = verify_xml((ATTACKS / name).read_bytes(), trust=TrustStore.with_files([CA]))
    assert report.verdict == "invalid" and report.signatures[0].status == "invalid"
    assert report.signatures[0].intact is not True and report.verified_xml is None


def test_reports_are_immutable_results(signed_dcc, lab_trust):
    report = verify_xml(signed_dcc, trust=lab_trust)
    signature = report.signatures[0]
    assert report.valid and isinstance(report.signatures, tuple) and isinstance(report.problems, tuple)
    assert isinstance(signature.reasons, tuple) and isinstance(signature.covers, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        signature.status = "valid"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.signatures = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        report.problems.append("forged")  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        signature.reasons.append("forged")  # type: ignore[attr-defined]
    assert json.loads(json.dumps(report.to_json()))["verdict"] == "valid"
    assert "signature 1" in report.summary()


def test_a_verified_report_cannot_be_turned_valid_by_a_later_stage(signed_dcc, lab_trust):
    tampered = signed_dcc.replace(b"150.023", b"150.024", 1)
    report = verify_xml(tampered, trust=lab_trust)
    assert report.verdict == "invalid"
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.signatures[0].intact = True  # type: ignore[misc]
    assert report.verdict == "invalid" and report.verified_xml is None


def test_a_document_of_many_elements_still_parses(unsigned_dcc):
    """The bounds are per element and per depth, not on size: a long DCC is not refused."""
    root = etree.fromstring(unsigned_dcc)
    comment = etree.SubElement(root, "{https://ptb.de/dcc}comment")
    for n in range(50_000):
        etree.SubElement(comment, "item", n=str(n))
    assert parse_bytes(etree.tostring(root)).getroot() is not None


def _with_document_transform(signed: bytes, signer, algorithm: str, xpath: str | None) -> bytes:  # noqa: ANN001
    """Our signature with its document transform replaced (as another tool would write it), SignedInfo re-signed."""
    import base64

    from coomet_lab.trust.dsig import DS, canonicalize

    root = etree.fromstring(signed)
    signature = root[-1]
    ns = {"ds": DS}
    transform = signature.find("ds:SignedInfo/ds:Reference[@URI='']/ds:Transforms/ds:Transform", ns)
    transform.set("Algorithm", algorithm)
    if xpath is not None:
        etree.SubElement(transform, f"{{{DS}}}XPath").text = xpath
    signed_info = signature.find("ds:SignedInfo", ns)
    signature.find("ds:SignatureValue", ns).text = base64.b64encode(signer.sign(canonicalize(signed_info))).decode()
    return etree.tostring(root)


def test_the_common_xpath_transform_of_other_tools_is_carried_out_not_evaluated(test_pki, unsigned_dcc, trust):
    from coomet_lab.trust.dsig import XPATH1

    signer = test_pki.signer("ec")
    signed = sign_xml(unsigned_dcc, signer, trust=trust)
    same = verify_xml(_with_document_transform(signed, signer, XPATH1, "not(ancestor-or-self::ds:Signature)"),
                      trust=trust)
    assert same.valid and same.signatures[0].covers[0] == "the whole certificate except its signatures"
    other = verify_xml(_with_document_transform(signed, signer, XPATH1, "count(//*) > 0 or //dcc:customer"),
                       trust=trust)
    assert other.verdict == "unverifiable"
    assert "the XPath expression 'count(//*) > 0 or //dcc:customer' is not one" in other.signatures[0].reasons[0]
