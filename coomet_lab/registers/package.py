"""A signed export package for registers without a format of their own: one ZIP that proves its own content.

    manifest.xml      every file with its size and SHA-256, who made the package and when; XAdES-signed
    SHA256SUMS        the same hashes for ``sha256sum -c`` on any machine
    certificates/...  the exact stored bytes (signed DCCs and PDF twins)

The ZIP is deterministic (sorted names, fixed timestamps, stored without compression for PDFs, deflated for XML),
so the same content gives the same bytes. :func:`verify_package` accepts a package only when the manifest's
signature verifies against the trust anchors and every file is present, listed and matches its hash — and
nothing else is in the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from coomet_lab.kernel.errors import UnusableInputError

NS = "urn:coomet-lab:export-package:1"
MANIFEST, SUMS = "manifest.xml", "SHA256SUMS"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip entries carry no real time: the manifest says when
MAX_ENTRIES, MAX_BYTES = 100_000, 4 * 1024**3


@dataclass(frozen=True)
class PackageEntry:
    name: str  # path inside the package, e.g. certificates/UT-2026-00417.xml
    data: bytes
    kind: str  # dcc | pdf | other
    certificate: str = ""  # the certificate number it belongs to


@dataclass
class PackageReport:
    source: str
    verdict: str = "invalid"  # valid | intact-untrusted | invalid
    problems: list[str] = field(default_factory=list)
    files: list[dict[str, str]] = field(default_factory=list)
    signer: str = ""
    created: str = ""

    @property
    def valid(self) -> bool:
        return self.verdict == "valid"


def build_package(entries: list[PackageEntry], *, signer, created: dt.datetime, made_by: str,  # noqa: ANN001
                  lab: str = "", application: str = "", trust=None) -> bytes:  # noqa: ANN001
    """The package bytes; the manifest is signed with ``signer`` (a key file or a token, like any signature).

    The signing policy of every signature applies (``sign_tree``): against ``trust``, by default the home's
    trust store, so an imported CRL that revokes the key stops the package too."""
    from coomet_lab.trust import TrustStore
    from coomet_lab.trust.xades import sign_tree

    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise UnusableInputError("two files in the package would have the same name")
    for name in names:
        if name in (MANIFEST, SUMS) or name.startswith("/") or ".." in name.split("/"):
            raise UnusableInputError(f"{name!r} cannot be a file name in a package")
    root = etree.Element(f"{{{NS}}}package", nsmap={None: NS},
                         created=created.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                         madeBy=made_by, laboratory=lab, application=application)
    for entry in sorted(entries, key=lambda e: e.name):
        etree.SubElement(root, f"{{{NS}}}file", name=entry.name, kind=entry.kind, certificate=entry.certificate,
                         size=str(len(entry.data)), sha256=hashlib.sha256(entry.data).hexdigest())
    tree = etree.ElementTree(root)
    sign_tree(tree, signer, trust=trust if trust is not None else TrustStore())
    manifest = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    sums = "".join(f"{hashlib.sha256(e.data).hexdigest()}  {e.name}\n" for e in sorted(entries, key=lambda e: e.name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(MANIFEST, manifest), (SUMS, sums.encode("utf-8")),
                           *sorted((e.name, e.data) for e in entries)]:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".pdf") else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def verify_package(data: bytes, *, trust=None, source: str = "package") -> PackageReport:  # noqa: ANN001
    """Signature of the manifest, then every file against it; anything unlisted or missing fails the package."""
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.signature_check import verify_tree

    report = PackageReport(source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise UnusableInputError(f"{source} is not a ZIP package: {exc}") from exc
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_BYTES:
        raise UnusableInputError(f"{source} is too large to be checked (a ZIP bomb?)")
    names = [i.filename for i in infos]
    if MANIFEST not in names:
        raise UnusableInputError(f"{source} has no {MANIFEST}: it is not a COOMET Lab package")
    tree = parse_bytes(archive.read(MANIFEST), source=f"{source}/{MANIFEST}")
    root = tree.getroot()
    if root.tag != f"{{{NS}}}package":
        raise UnusableInputError(f"{source}/{MANIFEST} is not a package manifest")
    from coomet_lab.trust import TrustStore

    signature = verify_tree(tree, trust=trust or TrustStore(), source=f"{source}/{MANIFEST}")
    if not signature.signatures:
        report.problems.append("the manifest is not signed")
    elif signature.verdict not in ("valid", "intact-untrusted"):
        report.problems.append("the manifest's signature does not verify: "
                               + "; ".join(r for s in signature.signatures for r in s.reasons))
    signed = signature.verified_xml
    if signed is None:
        report.verdict = "invalid"
        return report
    manifest = etree.fromstring(signed, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    report.created, report.signer = manifest.get("created", ""), _signer(signature)
    listed = {f.get("name"): f for f in manifest.iter(f"{{{NS}}}file")}
    for name in sorted(set(names) - set(listed) - {MANIFEST, SUMS}):
        report.problems.append(f"{name} is in the archive but not in the signed manifest")
    for name, entry in sorted(listed.items()):
        report.files.append({k: entry.get(k, "") for k in ("name", "kind", "certificate", "sha256", "size")})
        if name not in names:
            report.problems.append(f"{name} is listed in the manifest but missing from the archive")
            continue
        content = archive.read(name)
        if hashlib.sha256(content).hexdigest() != entry.get("sha256") or str(len(content)) != entry.get("size"):
            report.problems.append(f"{name} was changed: it does not match the manifest's SHA-256")
    if report.problems:
        report.verdict = "invalid"
    else:
        report.verdict = "valid" if signature.verdict == "valid" else "intact-untrusted"
    return report


def _signer(report) -> str:  # noqa: ANN001
    signer = report.signatures[0].signer if report.signatures else None
    return signer.subject if signer is not None else ""
