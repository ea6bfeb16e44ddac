"""A calibration table of the certificate as a Qt table: one row per point, a column per quantity (and one for
its expanded uncertainty). Reads the core's value lists directly; every edit is an undo command on the document."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coomet_lab.dcc.editing.tables import EMPTY, Column, Table
from coomet_lab.kernel.errors import CoometLabError
from coomet_lab.quantities.numbers import parse_non_negative, parse_number

from ui.document import DraftDocument

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "value" or "uncertainty"
ROLE_COLUMN = Qt.ItemDataRole.UserRole + 2  # the core Column


class ResultsModel(QAbstractTableModel):
    edit_refused = Signal(str)

    def __init__(self, document: DraftDocument, table_index: int, display_language: str | None = None):
        super().__init__()
        self.document = document
        self.table_index = table_index
        self.display_language = display_language
        document.tables_changed.connect(self._on_tables_changed)

    # ------------------------------------------------------------------ layout

    @property
    def table(self) -> Table:
        return self.document.table(self.table_index)

    def layout(self) -> list[tuple[int, str]]:
        """(core column index, "value" | "uncertainty") for every visible column."""
        out = []
        for index, column in enumerate(self.table.columns):
            out.append((index, "value"))
            if column.uncertainties is not None:
                out.append((index, "uncertainty"))
        return out

    def column_at(self, section: int) -> tuple[Column, str]:
        index, kind = self.layout()[section]
        return self.table.columns[index], kind

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.table.row_count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.layout())

    # ------------------------------------------------------------------ data

    def _cell(self, column: Column, kind: str, row: int) -> str:
        items = column.values if kind == "value" else (column.uncertainties or [])
        if row >= len(items):
            return ""
        return "" if items[row] == EMPTY else items[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        column, kind = self.column_at(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self._cell(column, kind, index.row())
            if role == Qt.ItemDataRole.DisplayRole and self.document.decimal_separator == ",":
                return text.replace(".", ",")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._cell(column, kind, index.row()) == "":
            from PySide6.QtGui import QColor

            return QColor(255, 243, 205)  # empty cells stand out until they are filled
        if role == ROLE_KIND:
            return kind
        if role == ROLE_COLUMN:
            return column
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201,N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        column, kind = self.column_at(section)
        languages = [self.display_language] if self.display_language else []
        name = column.name(self.display_language, [*languages, *self.document.languages])
        unit = column.unit_symbol
        if kind == "uncertainty":
            k = column.coverage_factor or "?"
            return f"U (k = {k})\n{unit}" if unit else f"U (k = {k})"
        return f"{name}\n{unit}" if unit else name

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        column, _kind = self.column_at(index.column())
        return base | Qt.ItemFlag.ItemIsEditable if column.editable else base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001,N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column, kind = self.column_at(index.column())
        text = str(value).strip()
        separator = self.document.decimal_separator
        try:
            if text:
                (parse_number if kind == "value" else parse_non_negative)(text, decimal_separator=separator)
            row = index.row()
            setter = column.set_value if kind == "value" else column.set_uncertainty
            self.document.edit_table(self.table_index, f"edit cell {row + 1}",
                                     lambda: setter(row, text, decimal_separator=separator))
        except CoometLabError as exc:
            self.edit_refused.emit(str(exc))
            return False
        return True

    def _on_tables_changed(self, table_index: int) -> None:
        if table_index == self.table_index:
            self.beginResetModel()
            self.endResetModel()
