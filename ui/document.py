"""A certificate open in the editor: the core model, its undo stack, autosave into the repository's drafts, and
live validation."""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from coomet_lab.dcc.editing.fields import FieldSpec, FieldValueError
from coomet_lab.dcc.editing.tables import Table, tables_of
from coomet_lab.dcc.io import document as documents
from coomet_lab.dcc.model import Certificate

from ui.commands import ModelEditCommand, SetFieldCommand, TableEditCommand
from ui.workers import run_in_background

AUTOSAVE_DELAY_MS = 1500
VALIDATE_DELAY_MS = 350


class DraftDocument(QObject):
    field_changed = Signal(str)
    tables_changed = Signal(int)
    validated = Signal(object, object)  # ValidationReport (or an error), {element path: (table, column)}
    dirty_changed = Signal(bool)
    saved = Signal(str)
    save_failed = Signal(str)
    reloaded = Signal()

    def __init__(self, certificate: Certificate, *, session=None, draft_id: int | None = None,  # noqa: ANN001
                 revision: int | None = None, path: Path | None = None, decimal_separator: str = ".",
                 title: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.certificate = certificate
        self.session = session
        self.draft_id = draft_id
        self.revision = revision
        self.path = path
        self.title = title or (path.stem if path else certificate.unique_identifier or "new certificate")
        self.decimal_separator = decimal_separator
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._changed)
        self.last_report = None
        self._store_lock = threading.Lock()
        self._generation = 0  # reports of earlier states are dropped: the panel never shows stale findings
        self._autosave_timer = self._timer(AUTOSAVE_DELAY_MS, self.autosave)
        self._validate_timer = self._timer(VALIDATE_DELAY_MS, self.validate_now)

    def _timer(self, delay: int, slot) -> QTimer:  # noqa: ANN001
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def languages(self) -> list[str]:
        return self.certificate.languages or ["en"]

    def tables(self) -> list[Table]:
        return list(tables_of(self.certificate))

    def table(self, index: int) -> Table:
        return self.tables()[index]

    # ------------------------------------------------------------------ edits (each one an undo step)

    def set_field(self, spec: FieldSpec, lang: str | None, text: str) -> None:
        """Check typed text first (a bad value changes nothing), then apply it as an undoable edit."""
        value = text.strip()
        if spec.check and value:
            problem = spec.check(value)
            if problem:
                raise FieldValueError(problem, label=spec.label)
        if spec.choices and value and value not in spec.choices:
            raise FieldValueError(f"choose one of {', '.join(spec.choices)}", label=spec.label)
        if spec.get(self.certificate, lang) == value:
            return
        self.undo_stack.push(SetFieldCommand(self, spec, lang, value))

    def edit_table(self, index: int, text: str, operation) -> None:  # noqa: ANN001
        """Run a table edit as one undo step; if it raises, nothing changed and nothing is on the stack."""
        command = TableEditCommand(self, index, text, operation)
        command.redo()  # raises before the command reaches the stack
        self.undo_stack.push(_AlreadyDone(command))

    def edit_model(self, text: str, operation) -> None:  # noqa: ANN001
        """A structural edit of the certificate (add a standard, a person...) as one undo step."""
        command = ModelEditCommand(self, text, operation)
        command.redo()
        self.undo_stack.push(_AlreadyDone(command))

    def replace_certificate(self, certificate: Certificate) -> None:
        """Swap in another state of the certificate (undo of a structural edit); every view re-reads it."""
        self.certificate = certificate
        self.reloaded.emit()

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def _changed(self, _index: int = 0) -> None:
        self._autosave_timer.start()
        self._validate_timer.start()

    # ------------------------------------------------------------------ saving

    def autosave(self) -> None:
        """Keep the draft in the repository without a word from the user (after every pause in typing)."""
        if self.dirty:
            self.save_draft()

    def save_draft(self) -> None:
        """Store the current state as the repository draft, off the GUI thread; clean if nothing changed since."""
        if self.session is None or self.draft_id is None:
            return
        text = documents.dumps(self.certificate)  # a snapshot taken here: the model keeps changing meanwhile
        index = self.undo_stack.index()

        def done(draft) -> None:  # noqa: ANN001
            if not shiboken6.isValid(self):
                return
            if self.undo_stack.index() == index:
                self.undo_stack.setClean()
            self.saved.emit(f"draft {draft.id}")

        def failed(error) -> None:  # noqa: ANN001
            if shiboken6.isValid(self):
                self.save_failed.emit(str(error))

        run_in_background(owner=self, fn=lambda: self._store(text), on_success=done, on_error=failed)

    def save_now(self) -> None:
        """Store the draft before returning (closing or issuing must not lose the last second of typing)."""
        if self.session is None or self.draft_id is None:
            return
        self._store(documents.dumps(self.certificate))
        self.undo_stack.setClean()

    def _store(self, text: str):  # noqa: ANN202
        """One save at a time per draft, each expecting the revision the previous one produced (an autosave still
        running when the user saves would otherwise be refused as a conflicting edit)."""
        with self._store_lock:
            draft = self.session.repository().drafts.save(draft_id=self.draft_id, certificate=documents.loads(text),
                                                          expected_revision=self.revision)
            self.revision = draft.revision
            return draft

    def export(self, path: Path) -> Path:
        """Write the certificate document (JSON) to a file of the user's choosing."""
        documents.save_document(self.certificate, path)
        self.path = Path(path)
        return self.path

    # ------------------------------------------------------------------ validation

    def validate_now(self) -> None:
        """Serialize here (fast), validate off the GUI thread, deliver the report with the table map."""
        from coomet_lab.dcc.io.writer import serialize, to_element

        self._validate_timer.stop()
        self._generation += 1
        generation = self._generation
        element = to_element(self.certificate)
        columns = column_paths(element)
        data = serialize(element)

        def work():  # noqa: ANN202
            from coomet_lab.dcc.validation.validate import validate_bytes

            return validate_bytes(data, source=self.title)

        def done(report) -> None:  # noqa: ANN001
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the editor was closed, or the certificate changed since: a newer check is coming
            self.last_report = report
            self.validated.emit(report, columns)

        run_in_background(owner=self, fn=work, on_success=done, on_error=done)


class _AlreadyDone(QUndoCommand):
    """Puts an edit that already ran on the undo stack without running it a second time."""

    def __init__(self, command: TableEditCommand | ModelEditCommand):
        super().__init__(command.text())
        self.command = command
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.command.redo()

    def undo(self) -> None:
        self.command.undo()


def column_paths(root) -> dict[str, tuple[int, int]]:  # noqa: ANN001
    """Element path of every table column's quantity → (table index, column index), in the order tables_of
    finds them, so a finding's path leads to the column."""
    from coomet_lab.dcc.model.binding import dcc, si
    from coomet_lab.dcc.validation.findings import element_path

    out: dict[str, tuple[int, int]] = {}
    table_index = 0
    for result in root.iter(dcc("result")):
        data = result.find(dcc("data"))
        if data is None:
            continue
        for item in data:
            if item.tag != dcc("list"):
                continue
            quantities = [q for q in item.findall(dcc("quantity"))
                          if q.find(si("realListXMLList")) is not None
                          or q.find(f"{si('hybrid')}/{si('realListXMLList')}") is not None]
            if not quantities:
                continue
            for column_index, quantity in enumerate(quantities):
                out[element_path(quantity)] = (table_index, column_index)
            table_index += 1
    return out
