"""A batch of verifications (CSV or XLSX) shown as a table before anything is recorded.

Cells with a problem are red and say why; the technician can correct them in place (every edit re-checks the
whole batch, duplicates included) and record the batch when it is clean — or, deliberately, only its good rows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coomet_lab.jurisdictions.ru import COLUMNS, Batch

from ui.i18n import tr

BAD = QColor(255, 205, 210)
WARN = QColor(255, 243, 205)


class BatchModel(QAbstractTableModel):
    """The rows of a batch file (line → column → text) and the problems the core finds in them."""

    checked = Signal(object)  # the core's Batch after each check

    def __init__(self, rows: list[tuple[int, dict[str, str]]], check) -> None:  # noqa: ANN001
        super().__init__()
        self.rows = [(line, dict(row)) for line, row in rows]
        self.check = check  # rows → Batch
        self.batch: Batch | None = None
        self.problems: dict[tuple[int, str], list[str]] = {}
        self.warnings: dict[tuple[int, str], list[str]] = {}
        self.recheck()

    def recheck(self) -> None:
        self.batch = self.check(self.rows)
        self.problems, self.warnings = {}, {}
        for problem in self.batch.problems:
            target = self.problems if problem.severity == "error" else self.warnings
            target.setdefault((problem.line, problem.field), []).append(problem.message)
        self.checked.emit(self.batch)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        line, row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        key = (line, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.get(column, "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return BAD if key in self.problems else (WARN if key in self.warnings else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            messages = self.problems.get(key, []) + self.warnings.get(key, [])
            return "\n".join(messages) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201,N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return str(self.rows[section][0])  # the line in the file, as the problems name it

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable if index.isValid() else super().flags(index)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001,N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        _line, row = self.rows[index.row()]
        row[COLUMNS[index.column()]] = str(value).strip()
        self.beginResetModel()  # a fix in one row can clear (or create) a duplicate in another
        self.recheck()
        self.endResetModel()
        return True

    def row_problems(self, row: int) -> list[str]:
        line = self.rows[row][0]
        return [f"{column}: {message}" for (bad_line, column), messages in sorted(self.problems.items())
                if bad_line == line for message in messages]


class BatchDialog(QDialog):
    """Check, correct and record a batch file."""

    def __init__(self, path: Path, rows: list[tuple[int, dict[str, str]]], check, record,  # noqa: ANN001
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Batch {0}").format(path.name))
        self.path = path
        self.record = record  # (rows, keep_good_rows) → starts recording
        self.model = BatchModel(rows, check)
        self.view = QTableView()
        self.view.setObjectName("batch:table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.resizeColumnsToContents()
        self.summary = QLabel()
        self.summary.setObjectName("batch:summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_all = QPushButton(tr("Record all"))
        self.record_all.setObjectName("batch:record_all")
        self.record_good = QPushButton(tr("Record only the good rows"))
        self.record_good.setObjectName("batch:record_good")
        self.buttons.addButton(self.record_all, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.record_good, QDialogButtonBox.ButtonRole.ActionRole)
        self.record_all.clicked.connect(lambda: self._record(False))
        self.record_good.clicked.connect(lambda: self._record(True))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Red cells have a problem (hover for why); correct them here or in the file. "
                                   "Nothing is recorded until you say so.")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.model.checked.connect(self._summarize)
        self._summarize(self.model.batch)
        self.resize(1100, 600)

    def _summarize(self, batch) -> None:  # noqa: ANN001
        total, bad = len(self.model.rows), len(batch.bad_lines)
        self.summary.setText(tr("{0} row(s): {1} ready, {2} with problems").format(total, total - bad, bad))
        self.record_all.setEnabled(bad == 0 and total > 0)
        self.record_good.setEnabled(0 < bad < total)

    def _record(self, keep_good_rows: bool) -> None:
        self.record(self.model.rows, keep_good_rows)
        self.accept()
