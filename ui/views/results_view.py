"""The results tab: every calibration table of the certificate, editable like a spreadsheet.

Paste a block from Excel or LibreOffice (tab-separated text), import CSV or XLSX, add or remove rows, change a
column's unit (dimension-checked), round a row to GUM — each action one undo step, each bad input refused whole.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTransposeProxyModel, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coomet_lab.kernel.errors import CoometLabError
from coomet_lab.quantities.units import format_unit, parse_unit

from ui.document import DraftDocument
from ui.i18n import tr
from ui.models.results_model import ResultsModel

COMMON_UNITS = ["°C", "K", "mV", "V", "µV", "A", "mA", "Ω", "kΩ", "Pa", "kPa", "MPa", "bar", "hPa", "%", "m",
                "mm", "µm", "kg", "g", "mg", "s", "Hz", "N", "N·m", "m/s", "L", "mL", "ppm"]




def parse_clipboard(text: str) -> list[list[str]]:
    """Rows and cells of what a spreadsheet puts on the clipboard (tab-separated, one row per line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    return [line.split("\t") for line in lines] if text.strip() else []


def read_table_file(path: Path) -> list[list[str]]:
    """Cells of a CSV (comma or semicolon) or XLSX file, as text exactly as stored."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        return [["" if c.value is None else _cell_text(c.value, getattr(c, "number_format", "General"))
                 for c in row] for row in sheet.iter_rows()]
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _cell_text(value, number_format: str = "General") -> str:  # noqa: ANN001
    """A spreadsheet cell as the technician saw it.

    XLSX stores numbers as binary doubles: repr() gives the shortest text that reads back as the same double, which
    is what was typed (10.0021, never 10.002099999); a fixed number format such as ``0.000`` restores the trailing
    zeros the sheet displayed (1.500). Text cells come through untouched.
    """
    import re
    from decimal import Decimal

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    text = repr(value) if isinstance(value, float) else str(value)
    fixed = re.fullmatch(r"(?:#,##)?0\.(0+)", number_format or "")
    if fixed and "e" not in text.lower():
        text = format(Decimal(text).quantize(Decimal(1).scaleb(-len(fixed.group(1)))), "f")
    return text


class ResultsTableView(QTableView):
    pasted = Signal(list)  # rows of cells

    def keyPressEvent(self, event) -> None:  # noqa: ANN001,N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasted.emit(parse_clipboard(QGuiApplication.clipboard().text()))
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> None:
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        rows: dict[int, list[str]] = {}
        for index in indexes:
            rows.setdefault(index.row(), []).append(index.data() or "")
        QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in rows.values()))


class TableEditor(QGroupBox):
    """One table: the grid, its units and its actions."""

    message = Signal(str)

    def __init__(self, document: DraftDocument, index: int, display_language: str | None):
        super().__init__()
        self.document, self.index = document, index
        self.model = ResultsModel(document, index, display_language)
        self.model.edit_refused.connect(self.message)
        self.view = ResultsTableView()
        self.view.setObjectName(f"results:{index}")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.pasted.connect(self.paste)
        self.transposed = QTransposeProxyModel(self)
        self.transposed.setSourceModel(self.model)
        self.as_rows = QCheckBox()
        self.as_rows.setObjectName(f"results:{index}:as_rows")
        self.as_rows.toggled.connect(self.show_quantities_as_rows)
        self._kept: tuple[int, int] | None = None
        self.model.modelAboutToBeReset.connect(self._keep_current)
        self.model.modelReset.connect(self._restore_current)
        self.units = QFormLayout()
        self.unit_edits: list[QLineEdit] = []
        buttons = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}  # not "actions": that would hide QWidget.actions()
        for key, handler in (("add", self.add_row), ("remove", self.remove_row), ("import", self.import_file),
                             ("round", self.round_row)):
            button = QPushButton()
            button.setObjectName(f"results:{index}:{key}")
            button.clicked.connect(handler)
            self.action_buttons[key] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.as_rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(self.units)
        layout.addLayout(buttons)
        self._build_units()
        self.retranslate()
        self.view.setMinimumHeight(160)

    def retranslate(self) -> None:
        table = self.document.table(self.index)
        self.setTitle(table.name(self.model.display_language, self.document.languages))
        texts = {"add": tr("Add row"), "remove": tr("Remove row"), "import": tr("Import CSV/XLSX…"),
                 "round": tr("Round to GUM")}
        for key, button in self.action_buttons.items():
            button.setText(texts[key])
        self.as_rows.setText(tr("Quantities as rows"))
        for edit, label in zip(self.unit_edits, self._unit_labels, strict=True):
            label.setText(tr("Unit of “{0}”").format(edit.property("column_name")))

    def _build_units(self) -> None:
        self._unit_labels: list[QLabel] = []
        completer = QCompleter(COMMON_UNITS)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        for column_index, column in enumerate(self.document.table(self.index).columns):
            edit = QLineEdit(column.unit_symbol)
            edit.setObjectName(f"results:{self.index}:unit:{column_index}")
            edit.setProperty("column_name", column.name(self.model.display_language, self.document.languages))
            edit.setCompleter(completer)
            edit.setEnabled(column.editable)
            edit.editingFinished.connect(lambda e=edit, i=column_index: self.set_unit(i, e))
            label = QLabel()
            self._unit_labels.append(label)
            self.unit_edits.append(edit)
            self.units.addRow(label, edit)

    # ------------------------------------------------------------------ orientation

    def show_quantities_as_rows(self, as_rows: bool) -> None:
        """Long tables read best with quantities as columns, wide ones (many points) with quantities as rows; the
        data and every action stay the same, only the view turns."""
        current = self.current()
        self.view.setModel(self.transposed if as_rows else self.model)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if as_rows else QHeaderView.ResizeMode.Stretch)
        if current.isValid():
            self.set_current(current.row(), current.column())

    def _keep_current(self) -> None:
        current = self.current()
        self._kept = (current.row(), current.column()) if current.isValid() else None

    def _restore_current(self) -> None:
        """An edit re-reads the table: the cursor stays where the technician was typing."""
        if self._kept and self._kept[0] < self.model.rowCount() and self._kept[1] < self.model.columnCount():
            self.set_current(*self._kept)

    def current(self) -> QModelIndex:
        """The selected cell in the table's own terms (row = point, column = quantity or its uncertainty)."""
        index = self.view.currentIndex()
        return self.transposed.mapToSource(index) if self.view.model() is self.transposed else index

    def set_current(self, row: int, section: int) -> None:
        index = self.model.index(row, section)
        self.view.setCurrentIndex(self.transposed.mapFromSource(index) if self.view.model() is self.transposed
                                  else index)

    # ------------------------------------------------------------------ actions

    def _run(self, text: str, operation) -> bool:  # noqa: ANN001
        try:
            self.document.edit_table(self.index, text, operation)
            return True
        except CoometLabError as exc:
            self.message.emit(str(exc))
            return False

    def set_unit(self, column_index: int, edit: QLineEdit) -> None:
        column = self.document.table(self.index).columns[column_index]
        typed = edit.text().strip()
        if typed == column.unit_symbol or not typed:
            edit.setText(column.unit_symbol)
            return
        previous = parse_unit(column.unit) if column.unit else None
        if self._run(tr("change unit"), lambda: column.set_unit(typed, like=previous)):
            edit.setText(format_unit(self.document.table(self.index).columns[column_index].unit))
        else:
            edit.setText(column.unit_symbol)

    def paste(self, block: list[list[str]]) -> None:
        if not block:
            return
        if self.view.model() is self.transposed:  # the spreadsheet's rows are quantities: turn the block too
            width = max(len(r) for r in block)
            block = [list(cells) for cells in zip(*[r + [""] * (width - len(r)) for r in block], strict=True)]
        current = self.current()
        top = max(current.row(), 0)
        left = max(current.column(), 0)
        targets = self.model.layout()[left:]
        separator = self.document.decimal_separator
        if self._run(tr("paste"), lambda: self.document.table(self.index).paste_cells(
                block, top, targets, decimal_separator=separator)):
            self.message.emit(tr("{0} rows pasted").format(len(block)))

    def add_row(self) -> None:
        self._run(tr("add row"), lambda: self.document.table(self.index).insert_row())

    def remove_row(self) -> None:
        row = self.current().row()
        if row >= 0:
            self._run(tr("remove row"), lambda: self.document.table(self.index).remove_row(row))

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import values"), "",
                                                  tr("Tables (*.csv *.xlsx *.txt)"))
        if not path:
            return
        try:
            rows = read_table_file(Path(path))
        except (OSError, ValueError, csv.Error) as exc:
            self.message.emit(tr("cannot read {0}: {1}").format(path, exc))
            return
        body = [r for r in rows if any(c.strip() for c in r)]
        if body and not _numeric_row(body[0]):
            body = body[1:]  # a header row
        table = self.document.table(self.index)
        if self._run(tr("import"), lambda: _replace_rows(table, body, self.model.layout(),
                                                         self.document.decimal_separator)):
            self.message.emit(tr("{0} rows imported from {1}").format(len(body), Path(path).name))

    def round_row(self) -> None:
        from coomet_lab.quantities.uncertainty import round_result

        table = self.document.table(self.index)
        layout = self.model.layout()
        current = self.current()
        if current.row() < 0:
            return
        column_index, _ = layout[max(current.column(), 0)]
        column = table.columns[column_index]
        if column.uncertainties is None:
            self.message.emit(tr("this column has no uncertainty to round to"))
            return
        row = current.row()
        rounded = round_result(column.values[row], column.uncertainties[row])
        if not rounded.changed:
            self.message.emit(tr("already rounded: {0} ± {1}").format(rounded.value, rounded.uncertainty))
            return

        def apply() -> None:
            column.set_value(row, rounded.value)
            column.set_uncertainty(row, rounded.uncertainty)

        if self._run(tr("round to GUM"), apply):
            self.message.emit(tr("rounded to {0} ± {1}").format(rounded.value, rounded.uncertainty))


def _numeric_row(cells: list[str]) -> bool:
    from coomet_lab.quantities.numbers import parse_number

    try:
        for cell in cells:
            if cell.strip():
                parse_number(cell, decimal_separator=",")
        return True
    except CoometLabError:
        return False


def _replace_rows(table, rows: list[list[str]], layout, separator: str) -> None:  # noqa: ANN001
    while table.row_count > 0:
        table.remove_row(table.row_count - 1)
    table.paste_cells(rows, 0, layout, decimal_separator=separator)


class ResultsPanel(QScrollArea):
    message = Signal(str)

    def __init__(self, document: DraftDocument, display_language: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.document = document
        self.editors: list[TableEditor] = []
        content = QWidget()
        layout = QVBoxLayout(content)
        for index in range(len(document.tables())):
            editor = TableEditor(document, index, display_language)
            editor.message.connect(self.message)
            self.editors.append(editor)
            layout.addWidget(editor)
        if not self.editors:
            layout.addWidget(QLabel(tr("This certificate has no calibration table.")))
        layout.addStretch(1)
        self.setWidget(content)

    def retranslate(self) -> None:
        for editor in self.editors:
            editor.retranslate()

    def focus_column(self, table_index: int, column_index: int, row: int = 0) -> None:
        editor = self.editors[table_index]
        layout = editor.model.layout()
        section = next((i for i, (c, _k) in enumerate(layout) if c == column_index), 0)
        self.ensureWidgetVisible(editor)
        editor.view.setFocus()
        editor.set_current(min(row, max(editor.model.rowCount() - 1, 0)), section)
