"""The certificate editor: forms per section, the results tables, and the live validation panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QTabWidget, QVBoxLayout, QWidget

from coomet_lab.dcc.editing.fields import SECTIONS, field_for_path
from coomet_lab.dcc.validation.findings import Finding

from ui.document import DraftDocument
from ui.i18n import tr
from ui.models.findings_model import ROLE_FINDING, FindingsModel
from ui.views.form_view import SectionForm
from ui.views.results_view import ResultsPanel
from ui.views.standards_view import StandardsPanel

SECTION_TITLES = {
    "certificate": "Certificate",
    "laboratory": "Laboratory",
    "customer": "Customer",
    "item": "Instrument",
    "persons": "Persons",
    "statements": "Statements",
}




class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FindingsModel()
        self.summary = QLabel()
        self.summary.setObjectName("findings:summary")
        self.list = QListView()
        self.list.setObjectName("findings:list")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.activated.connect(lambda index: self.activated.emit(index.data(ROLE_FINDING)))
        self.list.clicked.connect(lambda index: self.activated.emit(index.data(ROLE_FINDING)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.show_pending()

    def show_pending(self) -> None:
        self.summary.setText(tr("Checking…"))

    def show_report(self, report) -> None:  # noqa: ANN001
        if isinstance(report, BaseException):
            self.model.set_findings([])
            self.summary.setText(tr("Cannot check: {0}").format(report))
            return
        self.model.set_findings(report.findings)
        errors = self.model.error_count()
        if errors:
            self.summary.setText(tr("{0} problem(s) to fix before issuing").format(errors))
        else:
            self.summary.setText(tr("Valid DCC {0}: ready to issue").format(report.schema_version))


class CertificateEditor(QWidget):
    """Everything about one open certificate."""

    message = Signal(str)
    title_changed = Signal(str)

    def __init__(self, document: DraftDocument, display_language: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        document.setParent(self)  # the document lives and dies with its editor tab
        self.display_language = display_language
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editor:sections")
        self.forms: dict[str, SectionForm] = {}
        for section in SECTIONS:
            form = SectionForm(document, section)
            form.problem.connect(self.message)
            self.forms[section] = form
            self.tabs.addTab(form, "")
        self.results = ResultsPanel(document, display_language)
        self.results.message.connect(self.message)
        self.tabs.addTab(self.results, "")
        self.standards = StandardsPanel(document)
        self.standards.message.connect(self.message)
        self.tabs.addTab(self.standards, "")
        self.findings = FindingsPanel()
        self.findings.activated.connect(self.navigate)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._columns: dict[str, tuple[int, int]] = {}
        document.validated.connect(self._on_validated)
        document.undo_stack.indexChanged.connect(self._on_edit)
        document.dirty_changed.connect(self._on_dirty_changed)
        document.reloaded.connect(self._on_reloaded)
        self.retranslate()
        document.validate_now()
        self.standards.refresh()

    def retranslate(self) -> None:
        for index, section in enumerate(SECTIONS):
            self.tabs.setTabText(index, tr(SECTION_TITLES[section]))
            self.forms[section].retranslate()
        self.tabs.setTabText(len(SECTIONS), tr("Results"))
        self.tabs.setTabText(len(SECTIONS) + 1, tr("Standards"))
        self.results.retranslate()
        self.standards.retranslate()
        if self.document.last_report is not None:
            self.findings.show_report(self.document.last_report)

    def _on_edit(self, _index: int) -> None:
        self.findings.show_pending()

    def _on_reloaded(self) -> None:
        for form in self.forms.values():
            for editor in form.editors:
                editor.refresh()
        for index in range(len(self.results.editors)):
            self.document.tables_changed.emit(index)

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.title_changed.emit(self.document.title + (" *" if dirty else ""))

    def show_results(self) -> None:
        self.tabs.setCurrentWidget(self.results)

    def _on_validated(self, report, columns) -> None:  # noqa: ANN001
        self._columns = columns
        self.findings.show_report(report)

    def navigate(self, finding: Finding | None) -> bool:
        """Bring the field or table cell a finding is about in front of the user."""
        if finding is None:
            return False
        spec = field_for_path(finding.path)
        if spec is not None:
            form = self.forms[spec.section]
            self.tabs.setCurrentWidget(form)
            return form.focus_field(spec.key)
        for path, (table, column) in sorted(self._columns.items(), key=lambda kv: -len(kv[0])):
            if finding.path and finding.path.startswith(path):
                self.tabs.setCurrentWidget(self.results)
                self.results.focus_column(table, column, _row_of(finding.message))
                return True
        return False


def _row_of(message: str) -> int:
    import re

    match = re.search(r"row (\d+)", message)
    return int(match.group(1)) - 1 if match else 0
