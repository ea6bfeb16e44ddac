"""The main window: a start page (later the repository), one tab per open certificate, menus, drag and drop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coomet_lab._version import __version__
from coomet_lab.config import LabSettings, save_settings
from coomet_lab.errors import CoometLabError
from ui.document import DraftDocument, leftover_autosaves
from ui.i18n import LANGUAGES, InterfaceLanguage
from ui.views.editor import CertificateEditor
from ui.workers import run_in_background
from ui.i18n import tr




class StartPage(QWidget):
    def __init__(self, window: MainWindow):
        super().__init__()
        self.setObjectName("start")
        self.title = QLabel()
        self.title.setObjectName("start:title")
        self.title.setWordWrap(True)
        self.buttons = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for key, handler in (("new", window.new_certificate), ("open", window.open_dialog),
                             ("verify", window.verify_dialog), ("settings", window.edit_settings)):
            button = QPushButton()
            button.setObjectName(f"start:{key}")
            button.clicked.connect(handler)
            self.buttons[key] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("<h2>COOMET Lab</h2><p>Digital calibration certificates, offline: fill in, check, "
                              "sign, keep.</p>"))
        texts = {"new": tr("New certificate from a template…"), "open": tr("Open a certificate or draft…"),
                 "verify": tr("Verify a certificate received from elsewhere…"), "settings": tr("Settings…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, settings: LabSettings, languages: InterfaceLanguage):
        super().__init__()
        self.settings = settings
        self.languages = languages
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.start = StartPage(self)
        self.tabs.addTab(self.start, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)
        self._build_actions()
        self.retranslate()
        self.resize(1180, 780)

    # ------------------------------------------------------------------ actions and menus

    def _action(self, key: str, handler, shortcut=None) -> QAction:  # noqa: ANN001
        action = QAction(self)
        action.setObjectName(f"action:{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        self.actions_by_key[key] = action
        return action

    def _build_actions(self) -> None:
        self.actions_by_key: dict[str, QAction] = {}
        a = self._action
        self.menus = {name: self.menuBar().addMenu("") for name in ("file", "edit", "certificate", "tools", "view",
                                                                    "help")}
        for action in (a("new", self.new_certificate, QKeySequence.StandardKey.New),
                       a("open", self.open_dialog, QKeySequence.StandardKey.Open),
                       a("save", self.save_current, QKeySequence.StandardKey.Save),
                       a("save_as", self.save_current_as, QKeySequence.StandardKey.SaveAs),
                       a("export_xml", self.export_xml),
                       a("close_tab", lambda: self.close_tab(self.tabs.currentIndex()), QKeySequence.StandardKey.Close),
                       a("quit", self.close, QKeySequence.StandardKey.Quit)):
            self.menus["file"].addAction(action)
        undo = self.undo_group.createUndoAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        undo.setObjectName("action:undo")
        redo.setObjectName("action:redo")
        self.actions_by_key.update(undo=undo, redo=redo)
        self.menus["edit"].addActions([undo, redo])
        for action in (a("validate", self.validate_current, "F5"), a("issue", self.issue_current, "Ctrl+Return")):
            self.menus["certificate"].addAction(action)
        for action in (a("verify", self.verify_dialog), a("settings", self.edit_settings)):
            self.menus["tools"].addAction(action)
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"action:language:{code}")
            action.setChecked(code == self.languages.current)
            action.triggered.connect(lambda _checked, c=code: self.switch_language(c))
            self.language_group.addAction(action)
            self.menus["view"].addAction(action)
        self.menus["help"].addAction(a("about", self.about))

    def retranslate(self) -> None:
        self.setWindowTitle(tr("COOMET Lab"))
        titles = {"file": tr("&File"), "edit": tr("&Edit"), "certificate": tr("&Certificate"), "tools": tr("&Tools"),
                  "view": tr("&Language"), "help": tr("&Help")}
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        texts = {"new": tr("&New from template…"), "open": tr("&Open…"), "save": tr("&Save"),
                 "save_as": tr("Save &as…"), "export_xml": tr("&Export DCC XML…"), "close_tab": tr("&Close"),
                 "quit": tr("&Quit"), "validate": tr("&Check now"), "issue": tr("&Issue (sign)…"),
                 "verify": tr("&Verify a certificate…"), "settings": tr("&Settings…"), "about": tr("&About")}
        for key, text in texts.items():
            self.actions_by_key[key].setText(text)
        self.tabs.setTabText(0, tr("Start"))
        self.start.retranslate()
        for index in range(1, self.tabs.count()):
            editor = self.tabs.widget(index)
            if isinstance(editor, CertificateEditor):
                editor.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, code: str) -> None:
        if self.languages.switch(code):
            self.settings.interface_language = code
            save_settings(self.settings)
            self.language_changed.emit(code)

    # ------------------------------------------------------------------ documents

    def editors(self) -> list[CertificateEditor]:
        return [w for w in (self.tabs.widget(i) for i in range(self.tabs.count())) if isinstance(w, CertificateEditor)]

    def current_editor(self) -> CertificateEditor | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, CertificateEditor) else None

    def open_document(self, document: DraftDocument) -> CertificateEditor:
        editor = CertificateEditor(document, self.languages.current)
        editor.message.connect(self._status)
        editor.title_changed.connect(self._on_editor_title)
        self.undo_group.addStack(document.undo_stack)
        index = self.tabs.addTab(editor, document.title + (" *" if document.dirty else ""))
        self.tabs.setCurrentIndex(index)
        return editor

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_editor_title(self, title: str) -> None:
        index = self.tabs.indexOf(self.sender())
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _on_tab_changed(self, _index: int) -> None:
        editor = self.current_editor()
        self.undo_group.setActiveStack(editor.document.undo_stack if editor else None)

    def new_certificate(self) -> None:
        from ui.dialogs import TemplateDialog

        dialog = TemplateDialog(self.languages.current, self)
        if dialog.exec() and dialog.chosen:
            self.new_from(dialog.chosen)

    def new_from(self, path: Path) -> CertificateEditor | None:
        from coomet_lab.services import new_from_template

        try:
            certificate = new_from_template(path, self.settings, dt.date.today())
        except CoometLabError as exc:
            self.show_error(tr("Cannot use {0}").format(path.name), str(exc))
            return None
        document = DraftDocument(certificate, decimal_separator=self.settings.decimal_separator,
                                 title=certificate.unique_identifier or tr("new certificate"))
        document.undo_stack.resetClean()  # a new certificate is unsaved work from the start
        editor = self.open_document(document)
        document.autosave()
        return editor

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open"), "", tr("Certificates (*.json *.xml *.pdf)"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> CertificateEditor | None:
        """A draft (JSON) opens for editing; a DCC opens as a new draft of it; a PDF twin is verified."""
        if path.suffix.lower() == ".pdf":
            self.verify_path(path)
            return None
        try:
            if path.suffix.lower() == ".json":
                from coomet_lab.document import load_document

                certificate, own_path = load_document(path), path
            else:
                from coomet_lab.dcc.reader import read_certificate_file

                certificate, own_path = read_certificate_file(path), None
        except CoometLabError as exc:
            self.show_error(tr("Cannot open {0}").format(path.name), str(exc))
            return None
        document = DraftDocument(certificate, path=own_path, decimal_separator=self.settings.decimal_separator,
                                 title=path.stem)
        return self.open_document(document)

    def save_current(self) -> bool:
        editor = self.current_editor()
        if editor is None:
            return False
        if editor.document.path is None:
            return self.save_current_as()
        return self._save(editor.document, None)

    def save_current_as(self) -> bool:
        editor = self.current_editor()
        if editor is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self, tr("Save draft"), f"{editor.document.title}.json",
                                              tr("Certificate documents (*.json)"))
        return bool(path) and self._save(editor.document, Path(path))

    def _save(self, document: DraftDocument, path: Path | None) -> bool:
        try:
            document.save(path)
        except (CoometLabError, OSError) as exc:
            self.show_error(tr("Not saved"), str(exc))
            return False
        self.statusBar().showMessage(tr("Saved {0}").format(document.path), 5000)
        return True

    def export_xml(self) -> None:
        editor = self.current_editor()
        if editor is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export DCC XML"), f"{editor.document.title}.xml",
                                              tr("DCC (*.xml)"))
        if path:
            from coomet_lab.dcc.writer import write_certificate

            try:
                write_certificate(editor.document.certificate, path)
            except CoometLabError as exc:
                self.show_error(tr("Not exported"), str(exc))

    def close_tab(self, index: int) -> bool:
        widget = self.tabs.widget(index)
        if not isinstance(widget, CertificateEditor):
            return False
        if widget.document.dirty and not self._confirm_discard([widget]):
            return False
        widget.document.discard_autosave()
        self.undo_group.removeStack(widget.document.undo_stack)
        self.tabs.removeTab(index)
        widget.deleteLater()
        return True

    def _confirm_discard(self, editors: list[CertificateEditor]) -> bool:
        names = ", ".join(e.document.title for e in editors)
        answer = QMessageBox.question(
            self, tr("Unsaved changes"), tr("Save the changes to {0}?").format(names),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            for editor in editors:
                self.tabs.setCurrentWidget(editor)
                if not self.save_current():
                    return False
        return True

    def closeEvent(self, event) -> None:  # noqa: ANN001,N802
        dirty = [e for e in self.editors() if e.document.dirty]
        if dirty and not self._confirm_discard(dirty):
            event.ignore()
            return
        for editor in self.editors():
            editor.document.discard_autosave()
        event.accept()

    def offer_restore(self) -> int:
        """After a crash: drafts autosaved by the previous session are offered back."""
        leftovers = leftover_autosaves()
        if not leftovers:
            return 0
        answer = QMessageBox.question(
            self, tr("Restore unsaved work?"),
            tr("COOMET Lab was not closed properly. Restore {0} unsaved certificate(s)?").format(len(leftovers)))
        restored = 0
        for path in leftovers:
            if answer == QMessageBox.StandardButton.Yes and self.restore_autosave(path):
                restored += 1
            else:
                path.unlink(missing_ok=True)
        return restored

    def restore_autosave(self, path: Path) -> bool:
        from coomet_lab.document import load_document

        try:
            certificate = load_document(path)
        except CoometLabError:
            return False
        document = DraftDocument(certificate, decimal_separator=self.settings.decimal_separator,
                                 title=certificate.unique_identifier or path.stem)
        document.draft_id = path.stem
        document.undo_stack.resetClean()
        self.open_document(document)
        return True

    # ------------------------------------------------------------------ validation, issuing, verification

    def validate_current(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.document.validate_now()

    def issue_current(self) -> None:
        from ui.dialogs import IssueDialog

        editor = self.current_editor()
        if editor is None:
            return
        report = editor.document.last_report
        if report is None or isinstance(report, BaseException) or not report.valid:
            self.show_error(tr("Not ready to issue"),
                            tr("Fix the problems listed under the certificate first."))
            return
        if not self.settings.signer_kind:
            self.show_error(tr("No signing key"), tr("Choose a key file or a token in Settings first."))
            return
        dialog = IssueDialog(self.settings, editor.document.title, self)
        if dialog.exec():
            self.issue(editor, dialog.secret.text(), dialog.role)

    def issue(self, editor: CertificateEditor, secret: str, role: str | None) -> None:
        """Validate → sign → verify off the GUI thread, then keep the exact signed bytes."""
        settings = self.settings
        certificate = editor.document.certificate
        self.statusBar().showMessage(tr("Signing…"))

        def work():  # noqa: ANN202
            from coomet_lab.services import issue
            from coomet_lab.signing import KeyFile, TokenKey, TrustStore, open_signer

            source = (TokenKey(settings.pkcs11_module, settings.token_label, settings.key_label)
                      if settings.signer_kind == "token" else KeyFile(Path(settings.key_file)))
            trust = TrustStore.with_files([settings.trust_anchor] if settings.trust_anchor else [])
            signer = open_signer(source, secret)
            try:
                return issue(certificate, signer, role=role, trust=trust)
            finally:
                signer.close()

        run_in_background(work, on_success=lambda result: self._issued(editor, result),
                          on_error=lambda exc: self.show_error(tr("Not issued"), str(exc)))

    def _issued(self, editor: CertificateEditor, result) -> None:  # noqa: ANN001
        from coomet_lab.atomic import write_bytes_atomic
        from coomet_lab.paths import app_home

        folder = app_home() / "issued"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{_safe(result.identifier)}.xml"
        write_bytes_atomic(target, result.signed_xml)
        self.settings.next_number += 1
        save_settings(self.settings)
        editor.document.undo_stack.setClean()
        editor.document.discard_autosave()
        self.last_issued = target
        self.statusBar().showMessage(tr("Issued {0}: {1}").format(result.identifier, target), 10000)

    def verify_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Verify"), "", tr("Signed certificates (*.xml *.pdf)"))
        if path:
            self.verify_path(Path(path))

    def verify_path(self, path: Path) -> None:
        settings = self.settings

        def work():  # noqa: ANN202
            from coomet_lab.signing import TrustStore, verify_xml

            trust = TrustStore.with_files([settings.trust_anchor] if settings.trust_anchor else [])
            return verify_xml(path.read_bytes(), trust=trust, source=str(path))

        run_in_background(work, on_success=self._show_verification,
                          on_error=lambda exc: self.show_error(tr("Cannot verify {0}").format(path.name), str(exc)))

    def _show_verification(self, report) -> None:  # noqa: ANN001
        from ui.dialogs import ReportDialog

        self.last_verification = report
        lines = [tr("Verdict: {0}").format(report.verdict)]
        for s in report.signatures:
            lines.append(tr("Signature {0}: {1}").format(s.index + 1, s.status))
            if s.signer:
                lines.append("  " + tr("signed by: {0}").format(s.signer.subject))
            if s.role:
                lines.append("  " + tr("role: {0}").format(s.role))
            if s.signing_time:
                lines.append("  " + tr("signing time (claimed): {0}").format(s.signing_time))
            lines.extend("  " + r for r in s.reasons)
        lines.extend(report.problems)
        certificate = report.certificate() if report.verified_xml else None
        if certificate is not None:
            core = certificate.administrative_data.core_data
            lines.append(tr("What it says: certificate {0}, calibrated {1} to {2}").format(
                core.unique_identifier, core.begin_performance_date, core.end_performance_date))
        self.report_dialog = ReportDialog(tr("Verification"), "\n".join(lines), self)
        self.report_dialog.show()

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001,N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001,N802
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in (".xml", ".pdf"):
                self.verify_path(path)
            elif path.suffix.lower() == ".json":
                self.open_path(path)

    # ------------------------------------------------------------------ settings and help

    def edit_settings(self) -> None:
        from ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.settings = dialog.result_settings()
            save_settings(self.settings)
            if self.settings.interface_language != self.languages.current:
                self.languages.switch(self.settings.interface_language)

    def about(self) -> None:
        QMessageBox.about(self, tr("About COOMET Lab"),
                          tr("COOMET Lab {0}\nDigital calibration certificates (PTB DCC 3.3.0), offline.").format(
                              __version__))

    def show_error(self, title: str, text: str) -> None:
        self.statusBar().showMessage(f"{title}: {text}", 15000)
        if not QApplication.instance().property("quiet_errors"):
            QMessageBox.warning(self, title, text)


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "certificate"
