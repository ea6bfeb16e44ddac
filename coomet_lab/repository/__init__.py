"""The local repository: drafts, issued and received certificates, reference standards and traceability,
amendments, a hash-chained audit trail, full-text search, import, export and backup (docs/repository.md)."""

from coomet_lab.repository.audit import Action, AuditEntry
from coomet_lab.repository.certificates import ExportResult
from coomet_lab.repository.importing import SignatureVerifier
from coomet_lab.repository.issuing import IssueItem
from coomet_lab.repository.records import (
    Calibration,
    CertificateRecord,
    Draft,
    ImportOutcome,
    Problem,
    SearchHit,
    Standard,
    VerifyReport,
)
from coomet_lab.repository.repo import Repository
from coomet_lab.repository.store import Store, default_root
from coomet_lab.repository.traceability import TraceabilityFinding, TraceabilityReport

__all__ = [
    "Action",
    "AuditEntry",
    "Calibration",
    "CertificateRecord",
    "Draft",
    "ExportResult",
    "ImportOutcome",
    "IssueItem",
    "Problem",
    "Repository",
    "SearchHit",
    "SignatureVerifier",
    "Standard",
    "Store",
    "TraceabilityFinding",
    "TraceabilityReport",
    "VerifyReport",
    "default_root",
]
