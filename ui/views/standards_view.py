"""Reference standards: those the certificate lists (with their traceability) and the laboratory's register."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coomet_lab.dcc.editing.fields import check_date

from ui.document import DraftDocument
from ui.i18n import tr
from ui.workers import run_in_background

if TYPE_CHECKING:
    from coomet_lab.app.listing import Calibration, Standard

EXPIRED = QColor(176, 0, 32)


class StandardsPanel(QWidget):
    message = Signal(str)

    def __init__(self, document: DraftDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.used = QTableWidget(0, 3)
        self.used.setObjectName("standards:used")
        self.register = QTableWidget(0, 5)
        self.register.setObjectName("standards:register")
        for table in (self.used, self.register):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.horizontalHeader().setStretchLastSection(True)
        self.use_button = QPushButton()
        self.use_button.setObjectName("standards:use")
        self.use_button.clicked.connect(self.use_selected)
        self.new_button = QPushButton()
        self.new_button.setObjectName("standards:new")
        self.new_button.clicked.connect(self.register_new)
        self.used_label, self.register_label = QLabel(), QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.used_label)
        layout.addWidget(self.used, 1)
        layout.addWidget(self.register_label)
        layout.addWidget(self.register, 2)
        layout.addLayout(buttons)
        self.standards: list[tuple[Standard, Calibration | None]] = []  # (Standard, current Calibration or None)
        self.retranslate()
        document.undo_stack.indexChanged.connect(self._on_edit)

    def retranslate(self) -> None:
        self.used_label.setText(tr("Reference standards listed in this certificate"))
        self.register_label.setText(tr("The laboratory's register (expired calibrations in red)"))
        self.use_button.setText(tr("Use in this certificate"))
        self.new_button.setText(tr("Register a standard…"))
        self.used.setHorizontalHeaderLabels([tr("Standard"), tr("Certificate"), tr("Traceability")])
        self.register.setHorizontalHeaderLabels([tr("Code"), tr("Standard"), tr("Serial number"),
                                                 tr("Certificate"), tr("Due")])

    def _on_edit(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the register and judge traceability off the GUI thread; show the result when it comes."""
        session = self.document.session
        if session is None:
            return
        from coomet_lab.dcc.io import document as documents

        snapshot = documents.loads(documents.dumps(self.document.certificate))

        def work():  # noqa: ANN202
            repository = session.repository()
            standards = [(s, next(iter(repository.standards.calibrations_of(s.id)), None))
                         for s in repository.standards.list()]
            return standards, repository.standards.check_traceability(snapshot)

        run_in_background(owner=self, fn=work, on_success=self._show)

    def _show(self, result) -> None:  # noqa: ANN001
        import shiboken6

        if not shiboken6.isValid(self):
            return
        self.standards, report = result
        self.used.setRowCount(len(report.findings))
        for row, finding in enumerate(report.findings):
            cells = [finding.equipment, finding.certificate_number or "", finding.message]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if finding.blocking:
                    item.setForeground(QBrush(EXPIRED))
                self.used.setItem(row, column, item)
        today = dt.date.today().isoformat()
        self.register.setRowCount(len(self.standards))
        for row, (standard, calibration) in enumerate(self.standards):
            due = calibration.due_date if calibration else ""
            cells = [standard.code, standard.name, standard.serial or "",
                     calibration.certificate_number if calibration else tr("no calibration"), due]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not calibration or due < today:
                    item.setForeground(QBrush(EXPIRED))
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.register.setItem(row, column, item)

    def use_selected(self) -> None:
        from coomet_lab.app.services import add_equipment, equipment_from_standard

        row = self.register.currentRow()
        if row < 0 or row >= len(self.standards):
            return
        standard, calibration = self.standards[row]
        entry = equipment_from_standard(standard, calibration, self.document.languages)
        self.document.edit_model(tr("use standard {0}").format(standard.code),
                                 lambda: add_equipment(self.document.certificate, entry))
        self.message.emit(tr("{0} added to the certificate").format(standard.name))

    def register_new(self) -> None:
        dialog = StandardDialog(self)
        if not dialog.exec():
            return
        values = dialog.values()
        session = self.document.session

        def work():  # noqa: ANN202
            repository = session.repository()
            standard = repository.standards.add(code=values["code"], name=values["name"], who=session.who,
                                                manufacturer=values["manufacturer"] or None,
                                                model=values["model"] or None, serial=values["serial"] or None)
            repository.standards.add_calibration(standard_id=standard.id, certificate_number=values["certificate"],
                                                 issuer=values["issuer"], calibration_date=values["calibrated"],
                                                 due_date=values["due"], who=session.who)
            return standard

        run_in_background(owner=self, fn=work, on_success=lambda _s: self.refresh(),
                          on_error=lambda exc: self.message.emit(str(exc)))


class StandardDialog(QDialog):
    FIELDS = ("code", "name", "manufacturer", "model", "serial", "certificate", "issuer", "calibrated", "due")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Register a reference standard"))
        labels = {"code": tr("Laboratory code"), "name": tr("Name"), "manufacturer": tr("Manufacturer"),
                  "model": tr("Type / model"), "serial": tr("Serial number"), "certificate": tr("Certificate number"),
                  "issuer": tr("Issued by"), "calibrated": tr("Calibrated on"), "due": tr("Calibration due")}
        self.edits = {key: QLineEdit() for key in self.FIELDS}
        form = QFormLayout()
        for key in self.FIELDS:
            self.edits[key].setObjectName(f"standard:{key}")
            if key in ("calibrated", "due"):
                self.edits[key].setPlaceholderText("YYYY-MM-DD")
            form.addRow(labels[key], self.edits[key])
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def accept(self) -> None:
        values = self.values()
        missing = [k for k in ("code", "name", "certificate", "issuer", "calibrated", "due") if not values[k]]
        problem = (tr("fill in: {0}").format(", ".join(missing)) if missing
                   else check_date(values["calibrated"]) or check_date(values["due"]))
        if not problem and values["due"] < values["calibrated"]:
            problem = tr("the due date is before the calibration date")
        if problem:
            self.problem.setText(problem)
            return
        super().accept()
