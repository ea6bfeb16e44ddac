"""Writes the crafted inputs of tests/data/attacks/verifier/ (run from the repository root:
``PYTHONPATH=. python tests/data/attacks/verifier/make_attacks.py``).

Signed files are signed with the committed throw-away test key in ``pki/`` (RSA-3072: PKCS#1 v1.5 signatures are
deterministic, so with the fixed Id and signing time below the output is byte-for-byte reproducible). The PKI is
made once (``--new-pki``) with the application's own ``coomet_lab.trust.keys`` and then kept.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ed448, padding
from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

# The script runs without PYTHONPATH too: coomet_lab is imported only after the repository root is on sys.path
# (the line above), hence the E402 exceptions.
from coomet_lab.trust import keys as pki  # noqa: E402
from coomet_lab.trust import xades  # noqa: E402
from coomet_lab.trust.dsig import DS, EXC_C14N, FILTER2, XADES, canonicalize, detached  # noqa: E402
from coomet_lab.trust.signers import RSA_SHA256_URI, SHA256_URI  # noqa: E402

NS = {"ds": DS, "xades": XADES, "dcc": "https://ptb.de/dcc", "f2": FILTER2}
WHEN = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.timezone.utc)
PKI = HERE / "pki"


def new_pki() -> None:
    """A lab CA (valid 30 years) and an RSA-3072 signer it issued (valid 30 years). Test keys only."""
    PKI.mkdir(exist_ok=True)
    ca_key, ca = pki.make_ca("Verifier Attack Test Lab", years=30)
    key = pki.new_key("rsa")
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "Attack Test Signer"),
                      x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "Verifier Attack Test Lab")])
    cert = pki.issue_signer_certificate(ca_key=ca_key, ca_certificate=ca, subject=name, public_key=key.public_key(),
                                        not_before=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), years=30)
    (PKI / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (PKI / "signer.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (PKI / "signer-key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))


class PemSigner:
    """The committed test key as a :class:`coomet_lab.trust.signers.Signer`."""

    digest_method = SHA256_URI
    signature_method = RSA_SHA256_URI
    key_type = "rsa"

    def __init__(self) -> None:
        self.key = serialization.load_pem_private_key((PKI / "signer-key.pem").read_bytes(), None)
        self.certificate = x509.load_pem_x509_certificate((PKI / "signer.pem").read_bytes())
        self.chain = [self.certificate, x509.load_pem_x509_certificate((PKI / "ca.pem").read_bytes())]

    def digest(self, data: bytes) -> bytes:
        return hashlib.sha256(data).digest()

    def sign(self, signed_info: bytes) -> bytes:
        return self.key.sign(signed_info, padding.PKCS1v15(), hashes.SHA256())

    def close(self) -> None:
        pass


def unsigned() -> etree._ElementTree:
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.kernel.xmlsafe import parse_bytes

    return parse_bytes(to_bytes(load_document(ROOT / "examples" / "thermometer-pt100-ru-en.json")))


def signed(parallel: bool = False) -> etree._ElementTree:
    tree = unsigned()
    xades._unique_id = lambda root: "sig-attack"  # a fixed Id: reproducible files
    xades.sign_tree(tree, PemSigner(), parallel=parallel, when=WHEN)
    return tree


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def resign(tree: etree._ElementTree, signature: etree._Element, *, left_out: list[etree._Element]) -> None:
    """Recompute the document digest over the document without ``left_out`` and sign SignedInfo again: what a
    trusted signer who cheats (or a buggy third-party tool) would produce."""
    signer = PemSigner()
    with detached(left_out):
        digest = signer.digest(canonicalize(tree, EXC_C14N))
    signed_info = signature.find("ds:SignedInfo", NS)
    signed_info.find("ds:Reference[@URI='']/ds:DigestValue", NS).text = b64(digest)
    signature.find("ds:SignatureValue", NS).text = b64(signer.sign(canonicalize(signed_info, EXC_C14N)))


def with_filter(expressions: list[str], extra_ns: dict[str, str] | None = None,
                junk_elements: int = 0) -> etree._ElementTree:
    """A parallel signature whose Filter 2.0 transform carries the given subtract expressions (not re-signed: an
    attacker without a key; the expressions are what matters)."""
    tree = signed(parallel=True)
    signature = tree.getroot()[-1]
    transform = signature.find(f".//ds:Transform[@Algorithm='{FILTER2}']", NS)
    for old in transform:
        transform.remove(old)
    for text in expressions:
        xpath = etree.SubElement(transform, f"{{{FILTER2}}}XPath", nsmap={"dsig-xpath": FILTER2, **(extra_ns or {})},
                                 Filter="subtract")
        xpath.text = text
    if junk_elements:
        obj = etree.SubElement(signature, f"{{{DS}}}Object")
        for _ in range(junk_elements):
            etree.SubElement(obj, f"{{{DS}}}x")
    return tree


def cheating_subtract(expression: str, left_out: str) -> etree._ElementTree:
    """Signed by the trusted test signer, leaving out ``left_out`` (and the signatures)."""
    tree = with_filter([expression])
    signature = tree.getroot()[-1]
    resign(tree, signature, left_out=[signature, *tree.getroot().xpath(left_out, namespaces=NS)])
    return tree


def replace_signer_certificate(der: bytes) -> etree._ElementTree:
    """The signer's KeyInfo certificate swapped for ``der``, and SigningCertificateV2 pointed at it."""
    tree = signed()
    signature = tree.getroot()[-1]
    signature.find("ds:KeyInfo/ds:X509Data/ds:X509Certificate", NS).text = b64(der)
    digest = signature.find(".//xades:SigningCertificateV2/xades:Cert/xades:CertDigest/ds:DigestValue", NS)
    digest.text = b64(hashlib.sha256(der).digest())
    return tree


def self_signed(key, public_key=None) -> bytes:  # noqa: ANN001
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "Attack Test Signer")])
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
               .public_key(public_key or key.public_key()).serial_number(1)
               .not_valid_before(dt.datetime(2026, 1, 1)).not_valid_after(dt.datetime(2056, 1, 1)))
    algorithm = None if isinstance(key, ed448.Ed448PrivateKey) else hashes.SHA256()
    return builder.sign(key, algorithm).public_bytes(serialization.Encoding.DER)


def unknown_key_oid() -> bytes:
    """The signer's certificate with its key algorithm OID (id-ecPublicKey / rsaEncryption) made unknown."""
    der = PemSigner().certificate.public_bytes(serialization.Encoding.DER)
    rsa_oid = bytes.fromhex("06092a864886f70d010101")  # 1.2.840.113549.1.1.1
    assert rsa_oid in der
    return der.replace(rsa_oid, bytes.fromhex("06092a864886f70d01017f"), 1)


def duplicate_extension() -> bytes:
    """The signer's certificate with its BasicConstraints extension repeated (re-signed by nobody)."""
    from asn1crypto import x509 as asn1

    der = PemSigner().certificate.public_bytes(serialization.Encoding.DER)
    cert = asn1.Certificate.load(der)
    tbs = cert["tbs_certificate"]
    extensions = list(tbs["extensions"])
    tbs["extensions"] = asn1.Extensions([*extensions, extensions[0]])
    return asn1.Certificate({"tbs_certificate": tbs, "signature_algorithm": cert["signature_algorithm"],
                             "signature_value": cert["signature_value"]}).dump(force=True)


def set_text(tree: etree._ElementTree, path: str, text: str) -> etree._ElementTree:
    tree.getroot()[-1].find(path, NS).text = text
    return tree


def set_filter(tree: etree._ElementTree, kind: str) -> etree._ElementTree:
    tree.getroot()[-1].find(".//f2:XPath", NS).set("Filter", kind)
    return tree


def many_references(count: int) -> etree._ElementTree:
    tree = signed()
    signed_info = tree.getroot()[-1].find("ds:SignedInfo", NS)
    key_info_ref = signed_info.findall("ds:Reference", NS)[-1]
    for _ in range(count):
        signed_info.append(etree.fromstring(etree.tostring(key_info_ref)))
    return tree


def many_signatures(count: int) -> etree._ElementTree:
    tree = signed()
    root = tree.getroot()
    text = etree.tostring(root[-1]).decode("utf-8")
    for n in range(1, count):
        root.append(etree.fromstring(text.replace("sig-attack", f"sig-attack{n}")))
    return tree


def many_attributes(count: int) -> bytes:
    tree = signed()
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    attributes = "".join(f' a{n}="1"' for n in range(count)).encode("ascii")
    return data.replace(b"<dcc:administrativeData", b"<dcc:administrativeData" + attributes, 1)


def deep(levels: int) -> bytes:
    data = etree.tostring(signed(), xml_declaration=True, encoding="UTF-8")
    nest = b"<dcc:comment>" + b"<x>" * levels + b"</x>" * levels + b"</dcc:comment>"
    return data.replace(b"</dcc:measurementResults>", b"</dcc:measurementResults>" + nest, 1)


def inclusive_namespaces(declared: int, elements: int) -> bytes:
    """A document reference canonicalized with inclusive C14N 1.0 under many namespaces (quadratic in libxml2)."""
    tree = signed()
    signature = tree.getroot()[-1]
    transform = signature.find("ds:SignedInfo/ds:Reference[@URI='']/ds:Transforms/"
                               f"ds:Transform[@Algorithm='{EXC_C14N}']", NS)
    transform.set("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    declarations = "".join(f' xmlns:n{i}="urn:attack:{i}"' for i in range(declared)).encode("ascii")
    data = data.replace(b"<dcc:digitalCalibrationCertificate", b"<dcc:digitalCalibrationCertificate" + declarations, 1)
    filler = b"<dcc:comment><w>" + b"<z/>" * elements + b"</w></dcc:comment>"
    return data.replace(b"</dcc:measurementResults>", b"</dcc:measurementResults>" + filler, 1)


NESTED_COUNT = "//*[count(//*[count(//*) > 0]) > 0]"
REGEX = "//*[re:test(string(.), '^(a+)+$')]"


def files() -> dict[str, bytes | etree._ElementTree]:
    regex = with_filter([REGEX], {"re": "http://exslt.org/regular-expressions"})
    etree.SubElement(regex.getroot()[-1], f"{{{DS}}}Object").text = "a" * 40 + "!"
    return {
        "filter2-nested-count.xml": with_filter([NESTED_COUNT], junk_elements=1500),
        "filter2-exslt-regex.xml": regex,
        "filter2-subtract-customer.xml": cheating_subtract("//dcc:customer | /*/ds:Signature", "//dcc:customer"),
        "filter2-subtract-results.xml": cheating_subtract("/*/ds:Signature | //dcc:results", "//dcc:results"),
        "filter2-two-expressions.xml": with_filter(["/*/ds:Signature", "//dcc:customer"]),
        "filter2-number.xml": with_filter(["count(//*)"]),
        "filter2-boolean.xml": with_filter(["true()"]),
        "filter2-intersect.xml": set_filter(with_filter(["/*/ds:Signature"]), "intersect"),
        "attributes-100k.xml": many_attributes(100_000),
        "c14n-inclusive-namespaces.xml": inclusive_namespaces(250, 50_000),
        "depth-200.xml": deep(200),
        "depth-300.xml": deep(300),
        "references-5000.xml": many_references(5000),
        "signatures-17.xml": many_signatures(17),
        "base64-certdigest.xml": set_text(signed(), ".//xades:CertDigest/ds:DigestValue", "abc"),
        "base64-digestvalue.xml": set_text(signed(), "ds:SignedInfo/ds:Reference/ds:DigestValue", "abc"),
        "base64-signaturevalue.xml": set_text(signed(), "ds:SignatureValue", "abc"),
        "base64-certificate.xml": set_text(signed(), "ds:KeyInfo/ds:X509Data/ds:X509Certificate", "abc"),
        "der-garbage-certificate.xml": replace_signer_certificate(b"\x30\x82\x01\x00garbage" * 20),
        "key-ed448.xml": replace_signer_certificate(
            self_signed(ed448.Ed448PrivateKey.from_private_bytes(bytes(range(57))))),
        "key-dsa.xml": replace_signer_certificate(self_signed(dsa.generate_private_key(2048))),
        "key-unknown-algorithm.xml": replace_signer_certificate(unknown_key_oid()),
        "certificate-duplicate-extension.xml": replace_signer_certificate(duplicate_extension()),
    }


def main() -> None:
    if "--new-pki" in sys.argv or not (PKI / "signer-key.pem").exists():
        new_pki()
    for name, content in files().items():
        data = content if isinstance(content, bytes) else etree.tostring(content, xml_declaration=True,
                                                                          encoding="UTF-8")
        assert len(data) < 2 * 1024 * 1024, name
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
