"""Legal metrology in the main window: verification records, the export outbox and the type register.

The panel only shows what the repository says and asks the main window (through signals) to act: reads and writes
run off the GUI thread there, like everything else that touches the repository.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

RECORD_COLUMNS = ("id", "status", "arshin", "vrf_date", "type", "serial", "owner", "result", "valid_date")
STATUS_COLOURS = {"rejected": QColor(176, 0, 32), "confirmed": QColor(0, 110, 60)}


def status_label(status: str) -> str:
    return {"recorded": tr("recorded"), "exported": tr("exported"), "submitted": tr("uploaded"),
            "confirmed": tr("confirmed"), "rejected": tr("rejected"), "withdrawn": tr("withdrawn"),
            "pending": tr("pending"), "written": tr("written"), "partly confirmed": tr("partly confirmed"),
            }.get(status, status)


class RecordsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []  # StoredVerification

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(RECORD_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        stored = self.rows[index.row()]
        column = RECORD_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(stored, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return STATUS_COLOURS.get(stored.status)
        if role == Qt.ItemDataRole.ToolTipRole and stored.reply_message:
            return stored.reply_message
        if role == Qt.ItemDataRole.UserRole:
            return stored
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return Qt.SortOrder.DescendingOrder
        return None

    @staticmethod
    def _text(stored, column: str):  # noqa: ANN001,ANN205
        record = stored.record
        if column == "id":
            return stored.id
        if column == "status":
            return status_label(stored.status)
        if column == "type":
            return " ".join(x for x in (record.mitype_number, record.type_title) if x)
        if column == "serial":
            return record.manufacture_num or record.inventory_num or record.etalon_reg_number
        if column == "result":
            return tr("fit") if record.applicable else tr("unfit")
        if column == "arshin":
            return stored.cert_num or ""
        return getattr(record, column, "")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201,N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {"id": "#", "status": tr("Status"), "vrf_date": tr("Verified"), "type": tr("Type"),
                "serial": tr("Serial number"), "owner": tr("Owner"), "result": tr("Result"),
                "valid_date": tr("Valid until"), "arshin": tr("Arshin number")}[RECORD_COLUMNS[section]]


class RecordsPage(QWidget):
    new_requested = Signal()
    batch_requested = Signal()
    correct_requested = Signal(object)
    withdraw_requested = Signal(object)
    issue_requested = Signal(object)
    refresh_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.model = RecordsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.status = QComboBox()
        self.status.setObjectName("verifications:status")
        self.status.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        self.table = QTableView()
        self.table.setObjectName("verifications:table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(100)  # widths from the first 100 rows: a day's batch is thousands
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.correct_requested))
        self.counts = QLabel()
        self.counts.setObjectName("verifications:counts")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, handler in (("new", self.new_requested.emit), ("batch", self.batch_requested.emit),
                             ("correct", lambda: self._emit(self.correct_requested)),
                             ("withdraw", lambda: self._emit(self.withdraw_requested)),
                             ("issue", lambda: self._emit(self.issue_requested))):
            button = QPushButton()
            button.setObjectName(f"verifications:{key}")
            button.clicked.connect(handler)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"new": tr("New verification…"), "batch": tr("Import a batch (CSV/XLSX)…"),
                 "correct": tr("Correct…"), "withdraw": tr("Withdraw…"), "issue": tr("Issue certificate…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(tr("All"), "")
        for status in ("recorded", "exported", "submitted", "confirmed", "rejected"):
            self.status.addItem(status_label(status), status)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status.blockSignals(False)

    def show_records(self, rows: list, counts: dict[str, int]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for name in ("type", "owner"):  # long names are elided, so Arshin's number stays in sight
            column = RECORD_COLUMNS.index(name)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 230))
        summary = ", ".join(f"{status_label(s)}: {n}" for s, n in sorted(counts.items()) if s != "withdrawn")
        self.counts.setText(tr("{0} shown. {1}").format(len(rows), summary))

    def selected(self):  # noqa: ANN201
        index = self.table.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _emit(self, signal) -> None:  # noqa: ANN001
        stored = self.selected()
        if stored is not None:
            signal.emit(stored)


class OutboxPage(QWidget):
    export_requested = Signal()
    submit_requested = Signal(object)  # OutboxJob or OutboxFile
    reply_requested = Signal()
    rewrite_requested = Signal(object)  # OutboxJob

    def __init__(self) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setObjectName("outbox:tree")
        self.tree.setColumnCount(4)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, handler in (("export", self.export_requested.emit), ("submit", self._submit),
                             ("reply", self.reply_requested.emit), ("rewrite", self._rewrite)):
            button = QPushButton()
            button.setObjectName(f"outbox:{key}")
            button.clicked.connect(handler)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"export": tr("Export to Arshin…"), "submit": tr("Mark as uploaded"),
                 "reply": tr("Import Arshin's reply…"), "rewrite": tr("Write the files again…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.tree.setHeaderLabels([tr("Job / file"), tr("Status"), tr("Records"), tr("Folder")])
        self.note.setText(tr("Upload the written files in Arshin's personal account (module «Поверки»), mark them "
                             "as uploaded, then import the reply protocol Arshin gives back: it brings each "
                             "record's Arshin number."))

    def show_jobs(self, jobs: list) -> None:
        self.tree.clear()
        for job in jobs:
            top = QTreeWidgetItem([tr("Job {0} ({1}, {2})").format(job.id, job.target, job.created_at[:16]),
                                   status_label(job.status), str(job.records), job.directory])
            top.setData(0, Qt.ItemDataRole.UserRole, job)
            for item in job.files:
                states = ", ".join(f"{status_label(s)} {n}" for s, n in sorted(item.counts.items()))
                child = QTreeWidgetItem([item.name, status_label(item.status), states, ""])
                child.setData(0, Qt.ItemDataRole.UserRole, item)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def selected(self):  # noqa: ANN201
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _submit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.submit_requested.emit(chosen)

    def _rewrite(self) -> None:
        chosen = self.selected()
        if chosen is not None and hasattr(chosen, "files"):
            self.rewrite_requested.emit(chosen)


class TypesPage(QWidget):
    search_requested = Signal(str)
    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.search.setObjectName("types:search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.import_button = QPushButton()
        self.import_button.setObjectName("types:import")
        self.import_button.clicked.connect(self.import_requested.emit)
        self.tree = QTreeWidget()
        self.tree.setObjectName("types:list")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(5)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Search the type register: number, name, designation, manufacturer"))
        self.import_button.setText(tr("Import a register snapshot…"))
        self.tree.setHeaderLabels([tr("Number"), tr("Name"), tr("Designation"), tr("Manufacturer"),
                                   tr("Interval")])

    def show_types(self, types: list) -> None:
        self.tree.clear()
        for t in types:
            interval = t.interval_text or (tr("primary verification only") if not t.periodic else "")
            self.tree.addTopLevelItem(QTreeWidgetItem([t.reg_number, t.name, t.designation, t.manufacturer,
                                                       interval]))
        for column in range(5):
            self.tree.resizeColumnToContents(column)


class VerificationPanel(QTabWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("verification")
        self.records, self.outbox, self.types = RecordsPage(), OutboxPage(), TypesPage()
        for page in (self.records, self.outbox, self.types):
            self.addTab(page, "")
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate((tr("Records"), tr("Outbox"), tr("Type register"))):
            self.setTabText(index, text)
        for page in (self.records, self.outbox, self.types):
            page.retranslate()
