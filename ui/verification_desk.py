"""What the verification tab does: it asks the repository (off the GUI thread) and shows the answers.

Kept apart from the main window so each stays readable; every method that takes a path has a dialog-free entry
point, so the tests drive the same code a person does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from coomet_lab.kernel.errors import CoometLabError

from ui.i18n import tr
from ui.views.verification_view import VerificationPanel
from ui.workers import run_in_background

if TYPE_CHECKING:
    from ui.views.verification_batch import BatchDialog
    from ui.views.verification_form import VerificationForm


class VerificationDesk(QObject):
    def __init__(self, window) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window = window
        self.panel = VerificationPanel()
        self.last_export: list = []
        self.last_reply = None
        self.form: VerificationForm | None = None
        self.batch_dialog: BatchDialog | None = None
        records, outbox, types = self.panel.records, self.panel.outbox, self.panel.types
        records.refresh_requested.connect(self.refresh)
        records.new_requested.connect(self.new_verification)
        records.batch_requested.connect(self.batch_dialog_for_file)
        records.correct_requested.connect(self.correct)
        records.withdraw_requested.connect(self.withdraw)
        records.issue_requested.connect(self.issue)
        outbox.export_requested.connect(self.export_dialog)
        outbox.submit_requested.connect(self.submit)
        outbox.reply_requested.connect(self.reply_dialog)
        outbox.rewrite_requested.connect(self.rewrite_dialog)
        types.search_requested.connect(self.search_types)
        types.import_requested.connect(self.import_types_dialog)

    @property
    def session(self):  # noqa: ANN201
        return self.window.session

    def _run(self, work, done=None, *, label: str = "", failed_title: str = "") -> None:  # noqa: ANN001
        run_in_background(owner=self, fn=work, on_success=done, label=label,
                          on_error=lambda exc: self.window.show_error(failed_title or tr("Verification record"),
                                                                      str(exc)))

    # ------------------------------------------------------------------ lists

    def refresh(self) -> None:
        session, status = self.session, self.panel.records.status.currentData() or None

        def work():  # noqa: ANN202
            store = session.repository().verifications
            return store.list(status=status, limit=2000), store.counts(), session.repository().outbox.jobs()

        def done(result) -> None:  # noqa: ANN001
            rows, counts, jobs = result
            self.panel.records.show_records(rows, counts)
            self.panel.outbox.show_jobs(jobs)

        self._run(work, done, failed_title=tr("The repository cannot be read"))

    # ------------------------------------------------------------------ one record

    def _lookup(self, number: str):  # noqa: ANN202
        try:
            return self.session.repository().verifications.find_type(number)
        except CoometLabError:
            return None

    def new_verification(self):  # noqa: ANN201
        from ui.views.verification_form import VerificationForm

        settings = self.session.settings
        self.form = VerificationForm(lookup=self._lookup, cipher=settings.sign_cipher,
                                     verifier=self.session.who, parent=self.window)
        self.form.recorded.connect(self._record_new)
        self.form.open()
        return self.form

    def _record_new(self, record) -> None:  # noqa: ANN001
        session = self.session

        def recorded(ids) -> None:  # noqa: ANN001
            self.window.status_message(tr("Verification #{0} recorded").format(ids[0]))
            self.refresh()

        self._run(lambda: session.repository().verifications.record([record], who=session.who), recorded,
                  label=tr("Recording…"), failed_title=tr("Not recorded"))

    def correct(self, stored):  # noqa: ANN001,ANN201
        from ui.views.verification_form import VerificationForm

        if stored.status not in ("recorded", "rejected"):
            self.window.show_error(tr("Cannot correct"), tr("Verification #{0} has been exported; Arshin keeps "
                                                            "what was sent.").format(stored.id))
            return None
        self.form = VerificationForm(lookup=self._lookup, record=stored.record, parent=self.window)
        session = self.session
        self.form.recorded.connect(lambda record: self._run(
            lambda: session.repository().verifications.correct(stored.id, record, who=session.who),
            lambda _s: self.refresh(), label=tr("Recording…"), failed_title=tr("Not corrected")))
        self.form.open()
        return self.form

    def withdraw(self, stored, reason: str | None = None) -> None:  # noqa: ANN001
        if reason is None:
            reason, ok = QInputDialog.getText(self.window, tr("Withdraw verification"),
                                              tr("Why is verification #{0} withdrawn?").format(stored.id))
            if not ok:
                return
        session = self.session
        self._run(lambda: session.repository().verifications.withdraw(stored.id, who=session.who, reason=reason),
                  lambda _r: self.refresh(), failed_title=tr("Not withdrawn"))

    def issue(self, stored) -> None:  # noqa: ANN001
        self.window.issue_verification(stored)

    # ------------------------------------------------------------------ batches

    def batch_dialog_for_file(self, path: str | Path | None = None):  # noqa: ANN201
        from coomet_lab.jurisdictions.ru import read_rows

        from ui.views.verification_batch import BatchDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, tr("Batch of verifications"), "",
                                                  tr("Tables (*.csv *.xlsx)"))
            if not path:
                return None
        path = Path(path)
        try:
            rows = read_rows(path)
        except CoometLabError as exc:
            self.window.show_error(tr("Cannot read {0}").format(path.name), str(exc))
            return None
        store = self.session.repository().verifications
        self.batch_dialog = BatchDialog(path, rows, lambda current: store.check_rows(current, source=path.name),
                                        lambda current, keep: self._record_rows(path.name, current, keep),
                                        self.window)
        self.batch_dialog.open()
        return self.batch_dialog

    def _record_rows(self, source: str, rows, keep_good_rows: bool) -> None:  # noqa: ANN001
        session = self.session
        snapshot = [(line, dict(row)) for line, row in rows]

        def done(report) -> None:  # noqa: ANN001
            self.last_import = report
            refused = len(report.refused_lines)
            self.window.status_message(tr("{0} verification(s) recorded from {1}; {2} row(s) left out").format(
                len(report.recorded), source, refused))
            self.refresh()

        self._run(lambda: session.repository().verifications.import_rows(
            snapshot, source=source, who=session.who, keep_good_rows=keep_good_rows), done,
            label=tr("Recording…"), failed_title=tr("Not recorded"))

    # ------------------------------------------------------------------ outbox

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, tr("Folder for the Arshin files"))
        if folder:
            self.export(Path(folder))

    def export(self, folder: Path) -> None:
        session = self.session

        def done(jobs) -> None:  # noqa: ANN001
            self.last_export = jobs
            files = [f for job in jobs for f in job.files]
            self.window.status_message(tr("{0} file(s) written to {1}").format(len(files), folder) if files
                                       else tr("Nothing to export: every record has been exported"))
            self.refresh()

        def failed(exc) -> None:  # noqa: ANN001
            problems = getattr(exc, "problems", [])
            text = str(exc) + "".join(f"\n#{p.line} {p.field}: {p.message}" for p in problems[:50])
            self.window.show_report(tr("Not exported"), text)

        run_in_background(owner=self, fn=lambda: session.repository().outbox.export_arshin(folder, who=session.who),
                          on_success=done, on_error=failed, label=tr("Exporting to Arshin…"))

    def submit(self, chosen) -> None:  # noqa: ANN001
        session = self.session
        job_id, name = (chosen.id, None) if hasattr(chosen, "files") else (None, chosen.name)

        def marked(names) -> None:  # noqa: ANN001
            self.window.status_message(tr("Marked as uploaded: {0}").format(", ".join(names)))
            self.refresh()

        self._run(lambda: session.repository().outbox.mark_submitted(who=session.who, job_id=job_id, file_name=name),
                  marked, failed_title=tr("Not marked"))

    def reply_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Arshin's reply protocol"), "", tr("XML (*.xml)"))
        if path:
            self.import_reply(Path(path))

    def import_reply(self, path: Path, file_name: str | None = None) -> None:
        session = self.session

        def work():  # noqa: ANN202
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise OSError(tr("cannot read {0}: {1}").format(path, exc.strerror or exc)) from exc
            return session.repository().outbox.confirm(data, who=session.who, file_name=file_name, source=path.name)

        def done(report) -> None:  # noqa: ANN001
            self.last_reply = report
            lines = [tr("{0}: {1} confirmed, {2} rejected").format(report.file, len(report.confirmed),
                                                                   len(report.rejected))]
            if report.already_imported:
                lines = [tr("This reply was already imported for {0}; nothing changed.").format(report.file)]
            lines += [tr("#{0} rejected: {1}").format(key, reason) for key, reason in report.rejected]
            lines += report.warnings
            self.window.show_report(tr("Arshin's reply"), "\n".join(lines))
            self.refresh()

        self._run(work, done, label=tr("Importing the reply…"), failed_title=tr("Reply not imported"))

    def rewrite_dialog(self, job) -> None:  # noqa: ANN001
        folder = QFileDialog.getExistingDirectory(self.window, tr("Write the files of job {0} to").format(job.id))
        if folder:
            session = self.session
            self._run(lambda: session.repository().outbox.write_job(job.id, who=session.who, directory=folder),
                      lambda _j: self.window.status_message(tr("Files of job {0} written to {1}").format(job.id,
                                                                                                         folder)),
                      failed_title=tr("Not written"))

    # ------------------------------------------------------------------ the type register

    def search_types(self, text: str) -> None:
        session = self.session
        self._run(lambda: session.repository().verifications.search_types(text, limit=200),
                  self.panel.types.show_types)

    def import_types_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Type register snapshot"), "",
                                              tr("Snapshots (*.csv *.json)"))
        if path:
            self.import_types(Path(path))

    def import_types(self, path: Path) -> None:
        session = self.session
        self._run(lambda: session.repository().verifications.import_types(path, who=session.who),
                  lambda count: self.window.status_message(tr("{0} instrument type(s) imported").format(count)),
                  label=tr("Importing the type register…"), failed_title=tr("Register not imported"))
