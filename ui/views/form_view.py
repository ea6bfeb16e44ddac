"""Forms for the administrative data, built from the core's field specs; widgets show the model, never a copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QWidget

from coomet_lab.dcc.editing.fields import FIELDS, FieldSpec, FieldValueError

from ui.document import DraftDocument

ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; }"


def field_label(spec: FieldSpec) -> str:
    """The field's label in the interface language (the English label is the translation source)."""
    return QCoreApplication.translate("Fields", spec.label)


def choice_label(value: str) -> str:
    """An enumeration value of the DCC as the interface language says it (the value itself is what is stored)."""
    return QCoreApplication.translate("Choices", value)


class FieldEditor:
    """One field in one certificate language: a line edit or a choice, bound to the model through the document."""

    def __init__(self, form: SectionForm, spec: FieldSpec, lang: str | None):
        self.form, self.spec, self.lang = form, spec, lang
        if spec.choices:
            combo = QComboBox()
            combo.addItem("", "")
            for choice in spec.choices:
                combo.addItem(choice_label(choice), choice)
            combo.activated.connect(lambda _i: self.commit(combo.currentData() or ""))
            self.widget: QComboBox | QLineEdit = combo
        else:
            edit = QLineEdit()
            if spec.kind == "date":
                edit.setPlaceholderText("YYYY-MM-DD")
            edit.editingFinished.connect(lambda: self.commit(edit.text()))
            self.widget = edit
        self.widget.setObjectName(f"field:{spec.key}:{lang or ''}")
        self.refresh()

    def refresh(self) -> None:
        value = self.spec.get(self.form.document.certificate, self.lang)
        if isinstance(self.widget, QComboBox):
            index = self.widget.findData(value)
            self.widget.setCurrentIndex(max(index, 0))
        elif self.widget.text() != value:
            self.widget.setText(value)
        self.set_error(None)

    def commit(self, text: str) -> None:
        try:
            self.form.document.set_field(self.spec, self.lang, text)
        except FieldValueError as exc:
            self.set_error(str(exc))
            self.form.problem.emit(str(exc))

    def set_error(self, message: str | None) -> None:
        if isinstance(self.widget, QLineEdit):
            self.widget.setStyleSheet(ERROR_STYLE if message else "")
            self.widget.setToolTip(message or "")


class SectionForm(QScrollArea):
    """All fields of one section (certificate, laboratory, customer...)."""

    problem = Signal(str)

    def __init__(self, document: DraftDocument, section: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.section = section
        self.editors: list[FieldEditor] = []
        self.setWidgetResizable(True)
        self._build()
        document.field_changed.connect(self._on_field_changed)

    def _build(self) -> None:
        content = QWidget()
        layout = QFormLayout(content)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: list[tuple[QLabel, FieldSpec, str | None]] = []
        for spec in (f for f in FIELDS if f.section == self.section):
            for lang in (self.document.languages if spec.multilingual else [None]):
                editor = FieldEditor(self, spec, lang)
                self.editors.append(editor)
                label = QLabel()
                label.setBuddy(editor.widget)
                self.labels.append((label, spec, lang))
                layout.addRow(label, editor.widget)
        self.retranslate()
        self.setWidget(content)

    def retranslate(self) -> None:
        for label, spec, lang in self.labels:
            required = " *" if spec.required else ""
            label.setText(f"{field_label(spec)}{f' ({lang})' if lang else ''}{required}")
        for editor in self.editors:
            if isinstance(editor.widget, QComboBox):
                for index in range(1, editor.widget.count()):
                    editor.widget.setItemText(index, choice_label(editor.widget.itemData(index)))

    def _on_field_changed(self, key: str) -> None:
        for editor in self.editors:
            if editor.spec.key == key or key.startswith("core.languages"):
                editor.refresh()

    def editor_for(self, key: str) -> FieldEditor | None:
        return next((e for e in self.editors if e.spec.key == key), None)

    def focus_field(self, key: str) -> bool:
        editor = self.editor_for(key)
        if editor is None:
            return False
        self.ensureWidgetVisible(editor.widget)
        editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
