"""The repository as the first tab: drafts, issued and received certificates, searchable and sortable."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr


@dataclass(frozen=True)
class Row:
    """One line of the list: a draft or a stored certificate (the repository's own record behind it)."""

    kind: str  # draft | issued | received
    key: int
    number: str
    status: str
    customer: str
    item: str
    serial: str
    date: str
    record: object


def rows_from_repository(repository, kind: str, text: str, limit: int = 500) -> list[Row]:  # noqa: ANN001
    """What the list shows, read off the GUI thread."""
    rows: list[Row] = []
    if text.strip():
        for hit in repository.certificates.search(text, limit=limit):
            if kind in ("all", hit.kind):
                rows.append(Row(hit.kind, hit.id, hit.unique_identifier, hit.status, hit.customer, hit.item,
                                hit.serial, hit.issue_date or hit.calibration_date, hit))
        return rows
    if kind in ("all", "draft"):
        for draft in repository.drafts.list(status="open"):
            fields = _draft_fields(draft)
            rows.append(Row("draft", draft.id, draft.unique_identifier or "", "open", fields.get("customer", ""),
                            fields.get("item", ""), fields.get("serial", ""), draft.updated_at[:10], draft))
    if kind != "draft":
        for record in repository.certificates.list(kind=None if kind == "all" else kind, limit=limit):
            rows.append(Row(record.kind, record.id, record.unique_identifier, record.status, record.customer,
                            record.item, record.serial, record.issue_date or record.calibration_date, record))
    return rows


def _draft_fields(draft) -> dict[str, str]:  # noqa: ANN001
    """Customer, item and serial of a draft, as the list shows them for issued certificates."""
    from coomet_lab.app.listing import draft_fields

    return draft_fields(draft)


COLUMNS = ("number", "kind", "status", "customer", "item", "serial", "date")


class RepositoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = COLUMNS[index.column()]
            if column == "kind":
                return {"draft": tr("draft"), "issued": tr("issued"), "received": tr("received")}[row.kind]
            if column == "status":
                return {"open": tr("open"), "current": tr("current"), "replaced": tr("replaced")}.get(row.status,
                                                                                                        row.status)
            return getattr(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201,N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {"number": tr("Number"), "kind": tr("Kind"), "status": tr("Status"), "customer": tr("Customer"),
                "item": tr("Instrument"), "serial": tr("Serial number"), "date": tr("Date")}[COLUMNS[section]]


class RepositoryView(QWidget):
    """Search box, kind filter, the list, and what can be done with the selected line."""

    open_requested = Signal(object)  # Row
    amend_requested = Signal(object)
    export_requested = Signal(object)
    discard_requested = Signal(object)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("repository")
        self.model = RepositoryModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("repository:search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh_requested)
        self.kind = QComboBox()
        self.kind.setObjectName("repository:kind")
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        self.table = QTableView()
        self.table.setObjectName("repository:table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # widths from the first 100 rows: 500 rows would cost 0.3 s
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self._emit(self.open_requested))
        self.status = QLabel()
        self.status.setObjectName("repository:status")
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, signal in (("open", self.open_requested), ("amend", self.amend_requested),
                            ("export", self.export_requested), ("discard", self.discard_requested)):
            button = QPushButton()
            button.setObjectName(f"repository:{key}")
            button.clicked.connect(lambda _c=False, s=signal: self._emit(s))
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        self.top_layout = QVBoxLayout(self)
        self.top_layout.addLayout(top)
        self.top_layout.addWidget(self.table, 1)
        self.top_layout.addLayout(actions)
        self.top_layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Search: number, customer, instrument, serial number, standard…"))
        current = self.kind.currentData() or "all"
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, label in (("all", tr("All")), ("draft", tr("Drafts")), ("issued", tr("Issued")),
                           ("received", tr("Received"))):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)
        texts = {"open": tr("Open"), "amend": tr("Amend…"), "export": tr("Export files…"),
                 "discard": tr("Discard draft…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])

    @property
    def query(self) -> tuple[str, str]:
        return self.kind.currentData() or "all", self.search.text()

    def show_rows(self, rows: list[Row]) -> None:
        self.model.set_rows(rows)
        self.status.setText(tr("{0} entries").format(len(rows)))

    def selected(self) -> Row | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _emit(self, signal) -> None:  # noqa: ANN001
        row = self.selected()
        if row is not None:
            signal.emit(row)
