"""Validation findings: what is wrong, how bad, and where (line and element path)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from coomet_lab.dcc.model.binding import DCC_NS, DS_NS, SI_NS, XSI_NS

PREFIXES = {DCC_NS: "dcc", SI_NS: "si", DS_NS: "ds", XSI_NS: "xsi"}


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "information"


@dataclass(frozen=True)
class Finding:
    """One problem (or note) about a document. ``code`` is stable; ``message`` is plain English."""

    severity: Severity
    code: str
    message: str
    line: int | None = None
    path: str | None = None
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"severity": self.severity.value, "code": self.code, "message": self.message}
        if self.line is not None:
            out["line"] = self.line
        if self.path is not None:
            out["path"] = self.path
        if self.detail is not None:
            out["detail"] = self.detail
        return out

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{self.severity.value}: {where}{self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating one document against its schema and the semantic rules."""

    source: str
    schema_version: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "schemaVersion": self.schema_version,
            "valid": self.valid,
            "findings": [f.to_json() for f in self.findings],
        }


def readable_name(tag: str) -> str:
    """``{https://ptb.de/dcc}coreData`` → ``dcc:coreData``."""
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        prefix = PREFIXES.get(ns)
        return f"{prefix}:{local}" if prefix else f"{{{ns}}}{local}"
    return tag


def element_path(el: etree._Element) -> str:
    """A readable XPath such as
    ``/dcc:digitalCalibrationCertificate/dcc:measurementResults/dcc:measurementResult[2]``."""
    parts = []
    node: etree._Element | None = el
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        name = readable_name(node.tag)
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        parts.append(name)
        node = parent
    return "/" + "/".join(reversed(parts))
