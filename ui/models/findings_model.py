"""Validation findings as a Qt list: severity first, then the plain message and the line."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from coomet_lab.dcc.validation.findings import Finding, Severity

ROLE_FINDING = Qt.ItemDataRole.UserRole + 1
COLORS = {Severity.ERROR: QColor(176, 0, 32), Severity.WARNING: QColor(160, 100, 0), Severity.INFO: QColor(60, 60, 60)}


def severity_label(severity: Severity) -> str:
    labels = {
        Severity.ERROR: QCoreApplication.translate("Findings", "Error"),
        Severity.WARNING: QCoreApplication.translate("Findings", "Warning"),
        Severity.INFO: QCoreApplication.translate("Findings", "Note"),
    }
    return labels[severity]


class FindingsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        self.findings = sorted(findings, key=lambda f: (order[f.severity], f.line or 0))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = QCoreApplication.translate("Findings", "line {0}").format(finding.line) if finding.line else ""
            return f"{severity_label(finding.severity)}: {finding.message}" + (f"  ({where})" if where else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            return COLORS[finding.severity]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (finding.path, finding.detail, finding.code) if x)
        if role == ROLE_FINDING:
            return finding
        return None

    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)
