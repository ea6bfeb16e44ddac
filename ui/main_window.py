"""The main window: the repository (drafts, issued, received) as the first tab, one tab per open certificate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coomet_lab._version import __version__
from coomet_lab.kernel.config import save_settings
from coomet_lab.kernel.errors import CoometLabError

from ui.document import DraftDocument
from ui.i18n import LANGUAGES, InterfaceLanguage, tr
from ui.session import Session
from ui.views.editor import CertificateEditor
from ui.views.repository_view import RepositoryView, rows_from_repository
from ui.workers import run_in_background


class HomePage(QWidget):
    """What the technician sees first: what to do, and the repository."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self.setObjectName("start")
        self.title = QLabel()
        self.title.setObjectName("start:title")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, handler in (("new", window.new_certificate), ("open", window.open_dialog),
                             ("import", window.import_dialog), ("verify", window.verify_dialog),
                             ("settings", window.edit_settings)):
            button = QPushButton()
            button.setObjectName(f"start:{key}")
            button.clicked.connect(handler)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.repository = RepositoryView()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.repository, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("<b>COOMET Lab</b> — digital calibration certificates, offline: fill in, check, "
                              "sign, keep."))
        texts = {"new": tr("New certificate…"), "open": tr("Open a file…"), "import": tr("Import received…"),
                 "verify": tr("Verify…"), "settings": tr("Settings…")}
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.repository.retranslate()


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    repository_shown = Signal(int)  # entries now in the list

    def __init__(self, session: Session, languages: InterfaceLanguage):
        super().__init__()
        self.session = session
        self.languages = languages
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.home = HomePage(self)
        self.home.repository.open_requested.connect(self.open_row)
        self.home.repository.amend_requested.connect(self.amend_row)
        self.home.repository.export_requested.connect(self.export_row)
        self.home.repository.discard_requested.connect(self.discard_row)
        self.home.repository.refresh_requested.connect(self.refresh_repository)
        self.tabs.addTab(self.home, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        from ui.verification_desk import VerificationDesk

        self.verification = VerificationDesk(self)
        self.tabs.addTab(self.verification.panel, "")
        self.tabs.tabBar().setTabButton(1, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_progress()
        self.retranslate()
        self.resize(1180, 780)
        self.last_issue = None
        self.last_verification = None
        self.last_export = None

    @property
    def settings(self):  # noqa: ANN201
        return self.session.settings

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
                       a("save_as", self.export_document, QKeySequence.StandardKey.SaveAs),
                       a("export_xml", self.export_xml),
                       a("import", self.import_dialog),
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
        for action in (a("validate", self.validate_current, "F5"), a("issue", self.issue_current, "Ctrl+Return"),
                       a("template", self.save_as_template)):
            self.menus["certificate"].addAction(action)
        for action in (a("verify", self.verify_dialog), a("check_repository", self.check_repository),
                       a("schemas", self.install_schemas_dialog), a("settings", self.edit_settings)):
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

    def _build_progress(self) -> None:
        """A busy bar and what it is busy with, while the person waits for work running in the background."""
        from PySide6.QtWidgets import QProgressBar

        from ui.workers import activity

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)  # signing and rendering report no steps: an honest "working" bar
        self.progress.setMaximumWidth(160)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress:label")
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)
        self._show_activity("")
        activity.changed.connect(self._show_activity)

    def _show_activity(self, label: str) -> None:
        self.progress_label.setText(label)
        self.progress.setVisible(bool(label))

    def retranslate(self) -> None:
        self.setWindowTitle(tr("COOMET Lab"))
        titles = {"file": tr("&File"), "edit": tr("&Edit"), "certificate": tr("&Certificate"), "tools": tr("&Tools"),
                  "view": tr("&Language"), "help": tr("&Help")}
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        texts = {"new": tr("&New from template…"), "open": tr("&Open…"), "save": tr("&Save draft"),
                 "save_as": tr("Save draft &as file…"), "export_xml": tr("&Export DCC XML…"),
                 "import": tr("&Import received certificates…"), "close_tab": tr("&Close"), "quit": tr("&Quit"),
                 "validate": tr("&Check now"), "issue": tr("&Issue (sign)…"), "template": tr("Save as &template…"),
                 "verify": tr("&Verify a certificate…"), "check_repository": tr("Check the &repository"),
                 "schemas": tr("Install DCC &schemas from a folder…"), "settings": tr("&Settings…"),
                 "about": tr("&About")}
        for key, text in texts.items():
            self.actions_by_key[key].setText(text)
        self.tabs.setTabText(0, tr("Repository"))
        self.tabs.setTabText(1, tr("Verifications"))
        self.verification.panel.retranslate()
        self.home.retranslate()
        for editor in self.editors():
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

    # ------------------------------------------------------------------ the repository list

    def refresh_repository(self) -> None:
        kind, text = self.home.repository.query
        session = self.session
        run_in_background(owner=self, fn=lambda: rows_from_repository(session.repository(), kind, text),
                          on_success=self._show_rows,
                          on_error=lambda exc: self.show_error(tr("The repository cannot be read"), str(exc)))

    def _show_rows(self, rows) -> None:  # noqa: ANN001
        self.home.repository.show_rows(rows)
        self.repository_shown.emit(len(rows))

    def open_row(self, row) -> None:  # noqa: ANN001
        if row.kind == "draft":
            self.open_draft(row.key)
            return
        session = self.session

        def work():  # noqa: ANN202
            repository = session.repository()
            xml, pdf = repository.certificates.bytes(row.key)
            return repository.certificates.get(row.key), xml, pdf

        run_in_background(owner=self, fn=work, on_success=self._show_stored, label=tr("Opening…"),
                          on_error=lambda exc: self.show_error(tr("Cannot open"), str(exc)))

    def _show_stored(self, result) -> None:  # noqa: ANN001
        record, xml, pdf = result
        if pdf is None:
            self._show_verification(verify_file(xml, trust=self.session.trust(), source=record.unique_identifier))
            return
        self.preview(record.unique_identifier, pdf, xml)

    def amend_row(self, row) -> None:  # noqa: ANN001
        if row.kind != "issued":
            self.show_error(tr("Cannot amend"), tr("Only certificates issued here can be amended."))
            return
        session = self.session

        def amended(draft) -> None:  # noqa: ANN001
            self.open_draft(draft.id)
            self.refresh_repository()

        run_in_background(owner=self,
                          fn=lambda: session.repository().certificates.amend(certificate_id=row.key, who=session.who),
                          label=tr("Creating the amendment…"),
                          on_success=amended,
                          on_error=lambda exc: self.show_error(tr("Cannot amend"), str(exc)))

    def export_row(self, row) -> None:  # noqa: ANN001
        if row.kind == "draft":
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Export to folder"))
        if folder:
            self.export_to(row, folder)

    def export_to(self, row, folder: str | Path) -> None:  # noqa: ANN001
        """The stored files, byte-identical; a twin whose verdict is not valid (now) is withheld and said so."""
        session = self.session

        def work():  # noqa: ANN202
            from coomet_lab.intake.inspection import file_inspector

            return session.repository().certificates.export(certificate_id=row.key, directory=folder, who=session.who,
                                                            inspect_file=file_inspector(session.trust()))

        def done(paths) -> None:  # noqa: ANN001
            self.last_export = paths
            self._status(tr("Exported {0} file(s) to {1}").format(len(paths), folder))
            if getattr(paths, "withheld", None):
                self.show_error(tr("PDF twin not exported"), paths.withheld)

        run_in_background(owner=self, fn=work, label=tr("Exporting…"), on_success=done,
                          on_error=lambda exc: self.show_error(tr("Not exported"), str(exc)))

    def discard_row(self, row) -> None:  # noqa: ANN001
        """A draft nobody needs leaves the list (the audit trail keeps that it existed and who discarded it)."""
        if row.kind != "draft":
            self.show_error(tr("Cannot discard"), tr("Issued and received certificates are kept for good."))
            return
        answer = QMessageBox.question(self, tr("Discard draft"),
                                      tr("Discard the draft {0}? This cannot be undone.").format(row.number),
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        for editor in self.editors():
            if editor.document.draft_id == row.key:
                editor.document.undo_stack.setClean()
                self.close_tab(self.tabs.indexOf(editor))
        try:
            self.session.repository().drafts.discard(draft_id=row.key, who=self.session.who)
        except CoometLabError as exc:
            self.show_error(tr("Cannot discard"), str(exc))
        self.refresh_repository()

    def check_repository(self) -> None:
        session = self.session

        def done(report) -> None:  # noqa: ANN001
            from ui.dialogs import ReportDialog

            text = repository_check_text(report)
            self.report_dialog = ReportDialog(tr("Repository check"), text, self)
            self.report_dialog.show()

        run_in_background(owner=self, fn=lambda: session.repository().verify(), on_success=done,
                          label=tr("Checking the repository…"),
                          on_error=lambda exc: self.show_error(tr("Repository check"), str(exc)))

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
        document.save_failed.connect(self._on_save_failed)
        self.undo_group.addStack(document.undo_stack)
        index = self.tabs.addTab(editor, document.title + (" *" if document.dirty else ""))
        self.tabs.setCurrentIndex(index)
        if document.draft_id is not None:
            self.session.draft_opened(document.draft_id)
        return editor

    def document_for(self, certificate, *, draft_id: int | None, revision: int | None,  # noqa: ANN001
                     title: str = "") -> DraftDocument:
        return DraftDocument(certificate, session=self.session, draft_id=draft_id, revision=revision,
                             decimal_separator=self.settings.decimal_separator,
                             title=title or certificate.unique_identifier or tr("new certificate"))

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_save_failed(self, text: str) -> None:
        self.show_error(tr("The draft was not saved"), text)

    def _on_editor_title(self, title: str) -> None:
        index = self.tabs.indexOf(cast(QWidget, self.sender()))  # connected only to editors' title signals
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _on_tab_changed(self, _index: int) -> None:
        editor = self.current_editor()
        # Qt takes no stack (nullptr) when no editor is shown; PySide6's stub types the argument as required.
        self.undo_group.setActiveStack(editor.document.undo_stack if editor else None)  # type: ignore[arg-type]
        desk = getattr(self, "verification", None)  # tabs change while the window is being built
        if desk is not None and self.tabs.currentWidget() is desk.panel:
            desk.refresh()

    def status_message(self, text: str) -> None:
        self._status(text)

    def show_report(self, title: str, text: str) -> None:
        from ui.dialogs import ReportDialog

        self.report_dialog = ReportDialog(title, text, self)
        self.report_dialog.show()

    def new_certificate(self) -> None:
        from ui.dialogs import TemplateDialog

        dialog = TemplateDialog(self.languages.current, self.session, self)
        if dialog.exec() and (dialog.chosen or dialog.chosen_type):
            self.new_from(dialog.chosen, instrument_type=dialog.chosen_type)

    def new_from(self, path: Path | None, *, instrument_type: int | None = None) -> CertificateEditor | None:
        """A new draft from a shipped template, a saved instrument-type template or an earlier certificate."""
        from coomet_lab.app.services import new_from_template

        repository = self.session.repository()
        try:
            source = repository.instrument_types.template(instrument_type) if instrument_type is not None else path
            if source is None:
                self.show_error(tr("Cannot start a certificate"), tr("This instrument type has no template yet."))
                return None
            certificate = new_from_template(source, self.settings, dt.date.today())
            draft = repository.drafts.create(certificate=certificate, who=self.session.who,
                                             instrument_type_id=instrument_type)
        except CoometLabError as exc:
            self.show_error(tr("Cannot start a certificate"), str(exc))
            return None
        # The number is taken when the work starts, so two drafts never share one; a discarded draft leaves a
        # gap that the audit trail explains.
        self.settings.next_number += 1
        save_settings(self.settings)
        document = self.document_for(certificate, draft_id=draft.id, revision=draft.revision)
        editor = self.open_document(document)
        self.refresh_repository()
        return editor

    def open_draft(self, draft_id: int) -> CertificateEditor | None:
        for editor in self.editors():
            if editor.document.draft_id == draft_id:
                self.tabs.setCurrentWidget(editor)
                return editor
        try:
            draft = self.session.repository().drafts.get(draft_id)
            certificate = draft.certificate()
        except CoometLabError as exc:
            self.show_error(tr("Cannot open the draft"), str(exc))
            return None
        return self.open_document(self.document_for(certificate, draft_id=draft.id, revision=draft.revision))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open"), "", tr("Certificates (*.json *.xml *.pdf)"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> CertificateEditor | None:
        """A certificate document (JSON) or a DCC becomes a new draft of it; a PDF twin is verified."""
        if path.suffix.lower() == ".pdf":
            self.verify_path(path)
            return None
        try:
            if path.suffix.lower() == ".json":
                from coomet_lab.dcc.io.document import load_document

                certificate = load_document(path)
            else:
                from coomet_lab.dcc.io.reader import read_certificate_file

                certificate = read_certificate_file(path)
                certificate.signatures = []
            draft = self.session.repository().drafts.create(certificate=certificate, who=self.session.who)
        except CoometLabError as exc:
            self.show_error(tr("Cannot open {0}").format(path.name), str(exc))
            return None
        document = self.document_for(certificate, draft_id=draft.id, revision=draft.revision, title=path.stem)
        document.path = path if path.suffix.lower() == ".json" else None
        self.refresh_repository()
        return self.open_document(document)

    def save_current(self) -> bool:
        editor = self.current_editor()
        if editor is None:
            return False
        editor.document.save_draft()
        return True

    def export_document(self) -> bool:
        editor = self.current_editor()
        if editor is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self, tr("Save draft as file"), f"{editor.document.title}.json",
                                              tr("Certificate documents (*.json)"))
        if not path:
            return False
        try:
            editor.document.export(Path(path))
        except (CoometLabError, OSError) as exc:
            self.show_error(tr("Not saved"), str(exc))
            return False
        self._status(tr("Saved {0}").format(path))
        return True

    def export_xml(self) -> None:
        editor = self.current_editor()
        if editor is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export DCC XML"), f"{editor.document.title}.xml",
                                              tr("DCC (*.xml)"))
        if path:
            from coomet_lab.dcc.io.writer import write_certificate

            try:
                write_certificate(editor.document.certificate, path)
            except CoometLabError as exc:
                self.show_error(tr("Not exported"), str(exc))

    def save_as_template(self) -> None:
        editor = self.current_editor()
        if editor is None:
            return
        name, ok = QInputDialog.getText(self, tr("Save as template"), tr("Name of the instrument type:"))
        if not ok or not name.strip():
            return
        from coomet_lab.dcc.io import document as documents

        template = documents.loads(documents.dumps(editor.document.certificate))
        session = self.session
        run_in_background(owner=self, fn=
            lambda: session.repository().instrument_types.add(name=name.strip(), who=session.who, template=template),
            on_success=lambda _t: self._status(tr("Template “{0}” saved").format(name.strip())),
            on_error=lambda exc: self.show_error(tr("Template not saved"), str(exc)))

    def close_tab(self, index: int) -> bool:
        widget = self.tabs.widget(index)
        if not isinstance(widget, CertificateEditor):
            return False
        if widget.document.dirty and not self._confirm_discard([widget]):
            return False
        if widget.document.draft_id is not None:
            self.session.draft_closed(widget.document.draft_id)
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
                try:
                    editor.document.save_now()
                except CoometLabError as exc:
                    self.show_error(tr("The draft was not saved"), str(exc))
                    return False
        return True

    def closeEvent(self, event) -> None:  # noqa: ANN001,N802
        dirty = [e for e in self.editors() if e.document.dirty]
        if dirty and not self._confirm_discard(dirty):
            event.ignore()
            return
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(60_000)  # a certificate being issued is finished, not cut
        self.session.close()
        event.accept()

    def offer_restore(self) -> int:
        """After a crash: the drafts open when the previous session ended are offered back."""
        left_open = Session.drafts_left_open()
        if not left_open:
            return 0
        answer = QMessageBox.question(
            self, tr("Restore unsaved work?"),
            tr("COOMET Lab was not closed properly. Reopen the {0} certificate(s) you were working on?").format(
                len(left_open)))
        restored = 0
        if answer == QMessageBox.StandardButton.Yes:
            for draft_id in left_open:
                if self.open_draft(draft_id) is not None:
                    restored += 1
        return restored

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
            self.show_error(tr("Not ready to issue"), tr("Fix the problems listed under the certificate first."))
            return
        if not self.settings.signer_kind:
            self.show_error(tr("No signing key"), tr("Choose a key file or a token in Settings first."))
            return
        traceability = self.session.repository().standards.check_traceability(editor.document.certificate)
        dialog = IssueDialog(self.settings, editor.document.title, traceability, self,
                             secret_needed=not self.session.signer_open())
        if dialog.exec():
            self.issue(editor, dialog.secret.text(), dialog.role, dialog.override_reason)

    def issue(self, editor: CertificateEditor, secret: str, role: str | None,
              override_reason: str | None = None) -> None:
        """Traceability → sign the DCC → signed PDF twin → store, off the GUI thread; then show the twin."""
        session = self.session
        document = editor.document
        self._status(tr("Signing…"))
        try:
            document.save_now()
        except CoometLabError as exc:
            self.show_error(tr("Not issued"), str(exc))
            return
        from coomet_lab.dcc.io import document as documents

        certificate = documents.loads(documents.dumps(document.certificate))
        draft_id = document.draft_id

        def work():  # noqa: ANN202
            from coomet_lab.app.services import issue

            with session.signing(secret) as signer:  # opened once per session, not for every certificate
                return issue(certificate, signer, role=role, trust=session.trust(), repository=session.repository(),
                             draft_id=draft_id, who=session.who, override_reason=override_reason)

        def failed(exc) -> None:  # noqa: ANN001
            editor.setEnabled(True)
            self.show_error(tr("Not issued"), str(exc))

        editor.setEnabled(False)  # what is being signed must not change under the signature
        run_in_background(owner=self, fn=work, on_success=lambda result: self._issued(editor, result),
                          label=tr("Signing and issuing…"), on_error=failed)

    def issue_verification(self, stored) -> None:  # noqa: ANN001
        """A verification record → its certificate of verification or notice of unfitness, signed and stored."""
        from ui.dialogs import VerificationIssueDialog

        if not self.settings.signer_kind:
            self.show_error(tr("No signing key"), tr("Choose a key file or a token in Settings first."))
            return
        traceability = self._verification_traceability(stored)
        dialog = VerificationIssueDialog(self.settings, stored, traceability, self,
                                         secret_needed=not self.session.signer_open())
        if dialog.exec():
            self.issue_verification_with(stored, number=dialog.number.text(), secret=dialog.secret.text(),
                                         role=dialog.role, head=dialog.head.text(),
                                         head_position=dialog.head_position.text(),
                                         override_reason=dialog.override_reason)

    def _verification_traceability(self, stored):  # noqa: ANN001,ANN202
        """What issuing will find about the standards used, shown before the passphrase is asked for."""
        import datetime as dt

        from coomet_lab.jurisdictions.ru.certificate import verification_certificate

        try:
            draft = verification_certificate(stored.record, settings=self.settings, number=stored.cert_num or "-",
                                             issue_date=dt.date.today().isoformat())
            return self.session.repository().standards.check_traceability(draft)
        except (CoometLabError, ValueError):
            return None  # the record's own problems are reported when issuing

    def issue_verification_with(self, stored, *, number: str, secret: str, role: str | None = None,  # noqa: ANN001
                                head: str = "", head_position: str = "", override_reason: str | None = None) -> None:
        import datetime as dt

        settings, session = self.settings, self.session

        def work():  # noqa: ANN202
            from coomet_lab.app.services import issue_verification

            with session.signing(secret) as signer:
                return issue_verification(stored, signer, settings=settings, number=number,
                                          issue_date=dt.date.today().isoformat(), trust=session.trust(),
                                          repository=session.repository(), who=session.who, role=role,
                                          fif_record=stored.global_id or "", head=head,
                                          head_position=head_position, override_reason=override_reason)

        def done(result) -> None:  # noqa: ANN001
            self.last_issue = result
            self.refresh_repository()
            self.verification.refresh()
            self._status(tr("Issued {0}").format(result.identifier))
            if result.pdf is not None:
                self.preview(result.identifier, result.pdf, result.signed_xml)

        run_in_background(owner=self, fn=work, on_success=done, label=tr("Signing and issuing…"),
                          on_error=lambda exc: self.show_error(tr("Not issued"), str(exc)))

    def _issued(self, editor: CertificateEditor, result) -> None:  # noqa: ANN001
        self.last_issue = result
        editor.document.undo_stack.setClean()
        self.close_tab(self.tabs.indexOf(editor))
        self.refresh_repository()
        self._status(tr("Issued {0}").format(result.identifier))
        if result.pdf is not None:
            self.preview(result.identifier, result.pdf, result.signed_xml)

    def preview(self, identifier: str, pdf: bytes, xml: bytes | None) -> None:
        from ui.views.pdf_preview import PdfPreview

        self.preview_dialog = PdfPreview(tr("Certificate {0}").format(identifier), pdf, xml, identifier, self)
        self.preview_dialog.show()

    def verify_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Verify"), "", tr("Signed certificates (*.xml *.pdf)"))
        if path:
            self.verify_path(Path(path))

    def verify_path(self, path: Path) -> None:
        """A file handed to the desktop (open or drop): judged by the one door, the verdict ``verify`` gives."""
        trust = self.session.trust()

        def work():  # noqa: ANN202
            return verify_file(path.read_bytes(), trust=trust, source=str(path))

        run_in_background(owner=self, fn=work, on_success=self._show_verification, label=tr("Verifying…"),
                          on_error=lambda exc: self.show_error(tr("Cannot verify {0}").format(path.name), str(exc)))

    def _show_verification(self, report) -> None:  # noqa: ANN001
        from ui.dialogs import ReportDialog

        self.last_verification = report
        self.report_dialog = ReportDialog(tr("Verification"), verification_text(report), self)
        self.report_dialog.show()

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Import received certificates"), "",
                                                tr("Certificates (*.xml *.pdf)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        session = self.session

        def work():  # noqa: ANN202
            from coomet_lab.intake.inspection import file_inspector

            return session.repository().certificates.import_files(paths, who=session.who,
                                                                  inspect_file=file_inspector(session.trust()))

        def done(outcomes) -> None:  # noqa: ANN001
            self.last_import = outcomes
            self.refresh_repository()
            self._status("; ".join(f"{Path(o.source).name}: {o.status}" for o in outcomes))

        run_in_background(owner=self, fn=work, on_success=done, label=tr("Importing…"),
                          on_error=lambda exc: self.show_error(tr("Not imported"), str(exc)))

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001,N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001,N802
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in (".xml", ".pdf", ".zip"):
                self.verify_path(path)
            elif path.suffix.lower() == ".json":
                self.open_path(path)

    # ------------------------------------------------------------------ settings and help

    def install_schemas_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder with PTB's DCC schemas"))
        if folder:
            self.install_schemas(Path(folder))

    def install_schemas(self, folder: Path) -> None:
        """PTB's schema set from a folder (a USB stick on an offline workstation) into the store, every file
        checked against its pinned SHA-256; then every open certificate is checked again."""

        def work():  # noqa: ANN202
            from coomet_lab.dcc.validation.schema_store import SchemaStore

            return SchemaStore.default().install_from(folder)

        def done(result) -> None:  # noqa: ANN001
            self._status(tr("DCC schemas {0} installed").format(", ".join(result.installed_versions)))
            for editor in self.editors():
                editor.document.validate_now()

        run_in_background(owner=self, fn=work, on_success=done, label=tr("Installing schemas…"),
                          on_error=lambda exc: self.show_error(tr("Schemas not installed"), str(exc)))

    def edit_settings(self) -> None:
        from ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.session.settings = dialog.result_settings()
            save_settings(self.settings)
            if self.settings.interface_language != self.languages.current:
                self.languages.switch(self.settings.interface_language)

    def about(self) -> None:
        QMessageBox.about(self, tr("About COOMET Lab"),
                          tr("COOMET Lab {0}\nDigital calibration certificates (PTB DCC 3.3.0), offline.").format(
                              __version__))

    def show_error(self, title: str, text: str) -> None:
        self.statusBar().showMessage(f"{title}: {text}", 15000)
        app = QApplication.instance()
        assert app is not None  # a window exists only inside a running application
        if not app.property("quiet_errors"):
            QMessageBox.warning(self, title, text)


def open_lab_signer(settings, secret: str):  # noqa: ANN001,ANN201
    """The signer the settings name (key file or token), opened with the passphrase or PIN; off the GUI thread."""
    from coomet_lab.trust import KeyFile, TokenKey, open_signer

    source = (TokenKey(settings.pkcs11_module, settings.token_label, settings.key_label)
              if settings.signer_kind == "token" else KeyFile(Path(settings.key_file)))
    return open_signer(source, secret)


def repository_check_text(report) -> str:  # noqa: ANN001
    """What ``repo verify`` found, for a person: the verdict, then each problem with its place."""
    lines = [tr("The repository is intact.") if report.ok else
             tr("{0} problem(s) found: the repository has been changed outside the application.").format(
                 len(report.problems))]
    lines.append(tr("{0} audit entries, {1} records, {2} files ({3} bytes) checked in {4:.2f} s").format(
        report.entries, report.records, report.files, report.bytes, report.seconds))
    lines.extend(f"✗ {p.message}" for p in report.problems)
    lines.extend(f"• {n.message}" for n in report.notes)
    return "\n".join(lines)


def verify_file(data: bytes, *, trust, source: str):  # noqa: ANN001,ANN201
    """The desktop's verification of a file (opened, dropped or stored):
    :func:`coomet_lab.intake.inspection.inspect`."""
    from coomet_lab.intake.inspection import inspect

    return inspect(data, trust=trust, source=source)


def verification_text(report) -> str:  # noqa: ANN001
    """A verification (an Inspection, or an XML / PDF twin report) as a person reads it."""
    from coomet_lab.intake.inspection import PACKAGE, Inspection

    if isinstance(report, Inspection):
        if report.kind == PACKAGE:
            return "\n".join([tr("Verdict: {0}").format(report.verdict), *report.report.problems])
        report = report.report
    lines = [tr("Verdict: {0}").format(report.verdict)]
    xml_report = getattr(report, "xml", None)
    if xml_report is not None:
        lines.extend(getattr(report, "reasons", []))
        report_for_signatures = xml_report
    else:
        report_for_signatures = report
    for s in report_for_signatures.signatures:
        lines.append(tr("Signature {0}: {1}").format(s.index + 1, s.status))
        if s.signer:
            lines.append("  " + tr("signed by: {0}").format(s.signer.subject))
        if s.role:
            lines.append("  " + tr("role: {0}").format(s.role))
        if s.signing_time:
            lines.append("  " + tr("signing time (claimed): {0}").format(s.signing_time))
        lines.extend("  " + r for r in s.reasons)
    lines.extend(getattr(report_for_signatures, "problems", []))
    certificate = report_for_signatures.certificate() if report_for_signatures.verified_xml else None
    if certificate is not None:
        core = certificate.administrative_data.core_data
        lines.append(tr("What it says: certificate {0}, calibrated {1} to {2}").format(
            core.unique_identifier, core.begin_performance_date, core.end_performance_date))
    return "\n".join(lines)
