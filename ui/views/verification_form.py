"""One verification typed in: the instrument, the result, what it was verified with — checked while typing.

The type registration number looks the type up in the local register: its name and procedure are filled in and
the valid-until date follows from its interval (a date typed by hand is kept). Each field with a problem is
outlined and says why; the record can be saved only when the core's checks find no error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coomet_lab.jurisdictions.ru import Conditions, Means, VerificationRecord, check_record, valid_until
from coomet_lab.jurisdictions.ru.checks import TYPE_NUMBER

from ui.i18n import tr

ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; }"

# field name (as the core's checks name it) → label
TEXT_FIELDS = ("mitype_number", "type_title", "modification", "manufacture_num", "inventory_num", "manufacture_year",
               "owner", "vrf_date", "valid_date", "sticker_num", "reasons", "doc_title", "metrologist", "etalons",
               "temperature", "pressure", "humidity", "sign_cipher")


def field_labels() -> dict[str, str]:
    return {
        "mitype_number": tr("Type registration number"), "type_title": tr("Type name"),
        "modification": tr("Modification"), "manufacture_num": tr("Serial number"),
        "inventory_num": tr("Inventory number"), "manufacture_year": tr("Year of manufacture"),
        "owner": tr("Owner"), "vrf_date": tr("Verification date"), "valid_date": tr("Valid until"),
        "sticker_num": tr("Sticker number"), "reasons": tr("Reasons for unfitness"),
        "doc_title": tr("Verification procedure"), "metrologist": tr("Verifier"),
        "etalons": tr("Standards (register numbers, separated by ;)"), "temperature": tr("Temperature"),
        "pressure": tr("Pressure"), "humidity": tr("Humidity"), "sign_cipher": tr("Mark cipher"),
    }


class VerificationForm(QDialog):
    """A new verification record, or a correction of one not yet exported."""

    recorded = Signal(object)  # the VerificationRecord accepted

    def __init__(self, *, lookup=None, record: VerificationRecord | None = None, cipher: str = "",  # noqa: ANN001
                 verifier: str = "", today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New verification") if record is None else tr("Correct verification"))
        self.lookup = lookup  # reg_number → InstrumentType | None (the local register)
        self.today = today
        self._valid_typed = bool(record and record.valid_date)
        self.edits: dict[str, QLineEdit] = {}
        labels = field_labels()
        self.labels = {}
        form_instrument, form_result, form_means = QFormLayout(), QFormLayout(), QFormLayout()
        placement = {"mitype_number": form_instrument, "type_title": form_instrument,
                     "modification": form_instrument, "manufacture_num": form_instrument,
                     "inventory_num": form_instrument, "manufacture_year": form_instrument, "owner": form_instrument,
                     "vrf_date": form_result, "valid_date": form_result, "sticker_num": form_result,
                     "reasons": form_result, "doc_title": form_means, "metrologist": form_means,
                     "etalons": form_means, "temperature": form_means, "pressure": form_means,
                     "humidity": form_means, "sign_cipher": form_result}
        self.kind = QComboBox()
        self.kind.setObjectName("verification:type")
        self.kind.addItem(tr("periodic"), 2)
        self.kind.addItem(tr("primary"), 1)
        self.fit, self.unfit = QRadioButton(tr("fit for use")), QRadioButton(tr("unfit"))
        self.fit.setObjectName("verification:fit")
        self.unfit.setObjectName("verification:unfit")
        group = QButtonGroup(self)
        group.addButton(self.fit)
        group.addButton(self.unfit)
        self.fit.setChecked(True)
        self.sign_pass = QCheckBox(tr("mark in the passport"))
        self.sign_mi = QCheckBox(tr("mark on the instrument"))
        self.calibration = QCheckBox(tr("calibration results used"))
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"verification:{name}")
            edit.textChanged.connect(self.recheck)
            self.edits[name] = edit
            label = QLabel(labels[name])
            self.labels[name] = label
            if name == "vrf_date":
                placement[name].addRow(tr("Kind of verification"), self.kind)
                edit.setPlaceholderText("YYYY-MM-DD")
            if name == "sticker_num":
                row = QHBoxLayout()
                row.addWidget(self.fit)
                row.addWidget(self.unfit)
                row.addStretch(1)
                placement[name].addRow(tr("Result"), row)
                marks = QHBoxLayout()
                for box in (self.sign_pass, self.sign_mi, self.calibration):
                    marks.addWidget(box)
                marks.addStretch(1)
                placement[name].addRow("", marks)
            placement[name].addRow(label, edit)
        self.edits["valid_date"].setPlaceholderText(tr("from the type's interval"))
        self.edits["valid_date"].textEdited.connect(lambda _t: setattr(self, "_valid_typed", True))
        # On every change, not only when the field is left: a pasted number or date takes effect at once.
        self.edits["mitype_number"].textChanged.connect(self._look_up_type)
        self.edits["vrf_date"].textChanged.connect(self._fill_valid_until)
        for widget in (self.kind, self.fit, self.unfit, self.sign_pass, self.sign_mi, self.calibration):
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.toggled
            signal.connect(self.recheck)
        self.fit.toggled.connect(self._show_result_fields)
        self.type_info = QLabel()
        self.type_info.setObjectName("verification:type_info")
        self.type_info.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("verification:problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for title, form in ((tr("Instrument"), form_instrument), (tr("Result"), form_result),
                            (tr("Procedure, standards and conditions"), form_means)):
            section = QGroupBox(title)
            section.setLayout(form)
            layout.addWidget(section)
        layout.addWidget(self.type_info)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._fill(record, cipher, verifier)
        self._show_result_fields()
        self.recheck()

    # ------------------------------------------------------------------ the record

    def _fill(self, record: VerificationRecord | None, cipher: str, verifier: str) -> None:
        if record is None:
            self.edits["sign_cipher"].setText(cipher)
            self.edits["metrologist"].setText(verifier)
            self.edits["modification"].setText("-")
            self.edits["vrf_date"].setText((self.today or dt.date.today()).isoformat())
            return
        for name in TEXT_FIELDS:
            if name == "etalons":
                self.edits[name].setText("; ".join(record.means.etalons))
            elif name in ("temperature", "pressure", "humidity"):
                self.edits[name].setText(getattr(record.conditions, name))
            else:
                self.edits[name].setText(getattr(record, name))
        self.kind.setCurrentIndex(max(self.kind.findData(record.verification_type), 0))
        (self.fit if record.applicable else self.unfit).setChecked(True)
        self.sign_pass.setChecked(record.sign_pass)
        self.sign_mi.setChecked(record.sign_mi)
        self.calibration.setChecked(record.calibration)
        self._original = record

    def record(self) -> VerificationRecord:
        """What the form says, as the core's record (other means of an existing record are kept)."""
        text = {name: edit.text().strip() for name, edit in self.edits.items()}
        original = getattr(self, "_original", None)
        means = Means(**{**(original.means.__dict__ if original else {}),
                         "etalons": [e.strip() for e in text["etalons"].split(";") if e.strip()]})
        conditions = Conditions(text["temperature"], text["pressure"], text["humidity"],
                                original.conditions.other if original else "")
        fit = self.fit.isChecked()
        # The record's text fields, named at run time (TEXT_FIELDS): mypy cannot match them to its parameters.
        values: dict[str, Any] = {name: text[name] for name in TEXT_FIELDS
                  if name not in ("etalons", "temperature", "pressure", "humidity")}
        record = VerificationRecord(**values, verification_type=self.kind.currentData(),
                                    calibration=self.calibration.isChecked(), applicable=fit,
                                    sign_pass=fit and self.sign_pass.isChecked(),
                                    sign_mi=fit and self.sign_mi.isChecked(), means=means, conditions=conditions)
        if original is not None:
            for name in ("etalon_reg_number", "structure", "brief_characteristics", "additional_info", "protocol"):
                setattr(record, name, getattr(original, name))
        if not fit:
            record.sticker_num = ""
            record.valid_date = ""
        else:
            record.reasons = ""
        return record

    # ------------------------------------------------------------------ live checking

    def recheck(self) -> list:
        problems = check_record(self.record(), today=self.today)
        errors = [p for p in problems if p.severity == "error"]
        by_field: dict[str, list[str]] = {}
        for problem in errors:
            by_field.setdefault(problem.field, []).append(problem.message)
        for name, edit in self.edits.items():
            messages = by_field.get(name, [])
            edit.setStyleSheet(ERROR_STYLE if messages else "")
            edit.setToolTip("\n".join(messages))
        labels = field_labels()
        self.problems.setText("\n".join(f"{labels.get(p.field, p.field)}: {p.message}" for p in errors[:6]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        return errors

    def _show_result_fields(self) -> None:
        fit = self.fit.isChecked()
        for name, visible in (("sticker_num", fit), ("valid_date", fit), ("reasons", not fit)):
            self.edits[name].setVisible(visible)
            self.labels[name].setVisible(visible)
        for box in (self.sign_pass, self.sign_mi):
            box.setVisible(fit)

    def _look_up_type(self) -> None:
        number = self.edits["mitype_number"].text().strip()
        known = self.lookup(number) if self.lookup and TYPE_NUMBER.fullmatch(number) else None
        if known is None:
            self.type_info.setText(tr("Not in the local type register.") if number and self.lookup else "")
            return
        if not self.edits["type_title"].text().strip():
            self.edits["type_title"].setText(known.name)
        if not self.edits["doc_title"].text().strip() and known.procedure:
            self.edits["doc_title"].setText(known.procedure)
        interval = known.interval_text or (tr("primary verification only") if not known.periodic else "")
        self.type_info.setText(tr("{0}: {1}; interval {2}").format(known.reg_number, known.name, interval or "—"))
        self._fill_valid_until()

    def _fill_valid_until(self) -> None:
        """Valid until = verification date + the type's interval − 1 day, unless a date was typed by hand."""
        if self._valid_typed or not self.fit.isChecked() or not self.lookup:
            return
        number = self.edits["mitype_number"].text().strip()
        known = self.lookup(number) if TYPE_NUMBER.fullmatch(number) else None
        if known is None or not known.periodic or not known.interval_months:
            return
        try:
            until = valid_until(self.edits["vrf_date"].text().strip(), known.interval_months)
        except ValueError:
            return
        self.edits["valid_date"].setText(until.isoformat())

    def accept(self) -> None:
        if self.recheck():
            return
        self.recorded.emit(self.record())
        super().accept()
