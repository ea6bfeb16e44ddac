"""One door for data from outside: a file someone hands us is recognised and verified here, and nowhere else.

``coomet-lab verify``, ``coomet-lab repo import`` and the desktop's verify / drag-and-drop all call
:func:`inspect`, so the same file gets the same verdict whichever way it comes in. Before this door existed the
repository's import checked only the XML inside a PDF twin and stored a twin with forged pages or an impostor's
PAdES signature as "signature: valid", while ``verify`` called it invalid.

Recognised kinds:

* ``dcc`` — DCC XML: every XML signature (:func:`coomet_lab.trust.verify_xml`);
* ``pdf-twin`` — a PDF: the PAdES signature, the embedded ``dcc.xml`` and the pages
  (:func:`coomet_lab.twin.twin_check.verify_pdf`, all or nothing);
* ``package`` — a signed export package (:func:`coomet_lab.registers.package.verify_package`).

Input that is none of these raises :class:`~coomet_lab.kernel.errors.UnusableInputError` (exit 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import coomet_lab.jurisdictions  # noqa: F401 (registers the national twin forms the page check needs)
from coomet_lab.trust import TrustStore

DCC, PDF_TWIN, PACKAGE = "dcc", "pdf-twin", "package"
PDF_MAGIC, ZIP_MAGIC = b"%PDF", b"PK\x03\x04"


@dataclass(frozen=True)
class Inspection:
    """The one verdict on a file from outside, with the typed report it rests on.

    ``xml`` is the DCC exactly as verified (the file itself, or the ``dcc.xml`` a twin embeds; None for a package
    or a twin without one); ``pdf`` is the twin's bytes for a PDF.
    """

    source: str
    kind: str  # dcc | pdf-twin | package
    verdict: str  # valid | intact-untrusted | unsigned | invalid | unverifiable
    report: Any = field(repr=False)  # VerificationReport | PdfVerificationReport | PackageReport
    xml: bytes | None = field(default=None, repr=False)
    pdf: bytes | None = field(default=None, repr=False)

    @property
    def valid(self) -> bool:
        return self.verdict == "valid"

    def summary(self) -> str:
        """Why (in one line): the report's own summary, or the package's problems."""
        if self.kind == PACKAGE:
            return "; ".join(self.report.problems) or self.verdict
        return self.report.summary()

    def to_json(self) -> dict[str, Any]:
        if self.kind == PACKAGE:
            report = self.report
            return {"source": self.source, "kind": PACKAGE, "verdict": report.verdict, "problems": report.problems,
                    "signer": report.signer, "created": report.created, "files": report.files}
        return self.report.to_json()


def kind_of(data: bytes) -> str:
    """What the bytes are, by their first bytes (never by the file name)."""
    head = data[:1024].lstrip()
    if head.startswith(PDF_MAGIC):
        return PDF_TWIN
    if data.startswith(ZIP_MAGIC):
        return PACKAGE
    return DCC


def inspect(data: bytes, *, trust: TrustStore | None, source: str, large: bool = False) -> Inspection:
    """Recognise and verify a file from outside; the only entry point for verifying outside data."""
    trust = trust if trust is not None else TrustStore()
    kind = kind_of(data)
    if kind == PDF_TWIN:
        from coomet_lab.twin.twin_check import verify_pdf

        twin_report = verify_pdf(data, trust=trust, source=source)
        return Inspection(source, PDF_TWIN, twin_report.verdict, twin_report, twin_report.embedded, data)
    if kind == PACKAGE:
        from coomet_lab.registers.package import verify_package

        package_report = verify_package(data, trust=trust, source=source)
        return Inspection(source, PACKAGE, package_report.verdict, package_report)
    from coomet_lab.trust import verify_xml

    report = verify_xml(data, trust=trust, large=large, source=source)
    return Inspection(source, DCC, report.verdict, report, data)


FileInspector = Callable[[bytes, str], tuple[str, str]]


def file_inspector(trust: TrustStore | None) -> FileInspector:
    """The repository's (verdict, detail) view of :func:`inspect`: what ``repo import`` records and what decides
    whether a twin may be attached to a record or handed out by ``repo export``."""

    def check(data: bytes, source: str) -> tuple[str, str]:
        result = inspect(data, trust=trust, source=source, large=True)
        return result.verdict, result.summary()

    return check


__all__ = ["DCC", "PACKAGE", "PDF_TWIN", "FileInspector", "Inspection", "file_inspector", "inspect", "kind_of"]
