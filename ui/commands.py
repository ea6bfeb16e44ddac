"""Undo commands: thin wrappers that call the core and keep only the values before and after."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from coomet_lab.dcc.editing.fields import FieldSpec

if TYPE_CHECKING:
    from ui.document import DraftDocument

# What Table.snapshot returns and Table.restore takes: the list texts of every quantity.
_Snapshot = list[tuple[str | None, str | None, str | None, str | None, str | None]]


class SetFieldCommand(QUndoCommand):
    """One form field in one language."""

    def __init__(self, document: DraftDocument, spec: FieldSpec, lang: str | None, new: str):
        super().__init__(spec.label)
        self.document, self.spec, self.lang = document, spec, lang
        self.old = spec.get(document.certificate, lang)
        self.new = new

    def redo(self) -> None:
        self.spec.set(self.document.certificate, self.lang, self.new)
        self.document.field_changed.emit(self.spec.key)

    def undo(self) -> None:
        self.spec.set(self.document.certificate, self.lang, self.old)
        self.document.field_changed.emit(self.spec.key)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        # Typing in one field is one undo step, not one per keystroke.
        if isinstance(other, SetFieldCommand) and (other.spec.key, other.lang) == (self.spec.key, self.lang):
            self.new = other.new
            return True
        return False


class TableEditCommand(QUndoCommand):
    """Any edit of a results table (cells, paste, rows, units, rounding): the operation runs once, undo and redo
    restore the exact list texts captured before and after it."""

    def __init__(self, document: DraftDocument, table_index: int, text: str, operation: Callable[[], object]):
        super().__init__(text)
        self.document, self.table_index, self.operation = document, table_index, operation
        self.before: _Snapshot | None = None
        self.after: _Snapshot | None = None

    def redo(self) -> None:
        table = self.document.table(self.table_index)
        if self.after is None:
            self.before = table.snapshot()
            try:
                self.operation()
            except BaseException:
                table.restore(self.before)
                raise
            self.after = table.snapshot()
        else:
            table.restore(self.after)
        self.document.tables_changed.emit(self.table_index)

    def undo(self) -> None:
        assert self.before is not None  # the undo stack runs redo before any undo
        self.document.table(self.table_index).restore(self.before)
        self.document.tables_changed.emit(self.table_index)


class ModelEditCommand(QUndoCommand):
    """A structural edit: the certificate document before and after (exact JSON text, so nothing drifts)."""

    def __init__(self, document: DraftDocument, text: str, operation: Callable[[], object]):
        super().__init__(text)
        self.document, self.operation = document, operation
        self.before: str | None = None
        self.after: str | None = None

    def redo(self) -> None:
        from coomet_lab.dcc.io import document as documents

        if self.after is None:
            self.before = documents.dumps(self.document.certificate)
            self.operation()
            self.after = documents.dumps(self.document.certificate)
            self.document.reloaded.emit()
        else:
            self.document.replace_certificate(documents.loads(self.after))

    def undo(self) -> None:
        from coomet_lab.dcc.io import document as documents

        assert self.before is not None  # the undo stack runs redo before any undo
        self.document.replace_certificate(documents.loads(self.before))
