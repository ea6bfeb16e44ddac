"""Dialogs: new certificate from a template, laboratory settings, issuing (signature) and verification results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coomet_lab.config import LabSettings
from ui.i18n import LANGUAGES
from ui.i18n import tr




class TemplateDialog(QDialog):
    """Choose a template for the instrument type, or an earlier certificate."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        from coomet_lab.services import templates

        self.setWindowTitle(tr("New certificate"))
        self.chosen: Path | None = None
        self.list = QListWidget()
        self.list.setObjectName("templates")
        for template in templates():
            item = QListWidgetItem(template.name(language))
            item.setData(Qt.ItemDataRole.UserRole, str(template.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        earlier = QPushButton(tr("From an earlier certificate…"))
        earlier.clicked.connect(self._earlier)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Template for the instrument type:")))
        layout.addWidget(self.list)
        layout.addWidget(earlier)
        layout.addWidget(buttons)

    def _earlier(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Earlier certificate"), "",
                                              tr("Certificates (*.json *.xml)"))
        if path:
            self.chosen = Path(path)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if self.chosen is None and item is not None:
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        super().accept()


class SettingsDialog(QDialog):
    """Laboratory identity, signer, certificate languages and the interface language."""

    def __init__(self, settings: LabSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.settings = settings
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        rows = [
            ("lab_name_en", tr("Laboratory (English)"), settings.lab_name.get("en", "")),
            ("lab_name_local", tr("Laboratory (second language)"), _second_name(settings)),
            ("local_language", tr("Second language code"), _second_language(settings)),
            ("accreditation", tr("Accreditation reference"), settings.accreditation),
            ("street", tr("Street"), settings.street), ("street_no", tr("No."), settings.street_no),
            ("post_code", tr("Post code"), settings.post_code), ("city", tr("City"), settings.city),
            ("country", tr("Country code"), settings.country), ("e_mail", tr("E-mail"), settings.e_mail),
            ("languages", tr("Certificate languages"), ", ".join(settings.certificate_languages)),
            ("key_file", tr("Key file (PKCS#12)"), settings.key_file),
            ("pkcs11_module", tr("PKCS#11 module"), settings.pkcs11_module),
            ("token_label", tr("Token label"), settings.token_label),
            ("key_label", tr("Key label on the token"), settings.key_label),
            ("trust_anchor", tr("Lab CA certificate (trust anchor)"), settings.trust_anchor),
        ]
        for key, label, value in rows:
            edit = QLineEdit(value)
            edit.setObjectName(f"settings:{key}")
            self.edits[key] = edit
            form.addRow(label, edit)
        self.separator = QComboBox()
        self.separator.addItem(tr("dot (1.5)"), ".")
        self.separator.addItem(tr("comma (1,5)"), ",")
        self.separator.setCurrentIndex(1 if settings.decimal_separator == "," else 0)
        form.addRow(tr("Decimal separator when typing"), self.separator)
        self.language = QComboBox()
        self.language.setObjectName("settings:interface_language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.interface_language), 0))
        form.addRow(tr("Interface language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def result_settings(self) -> LabSettings:
        e = {k: v.text().strip() for k, v in self.edits.items()}
        names = {"en": e["lab_name_en"]} if e["lab_name_en"] else {}
        if e["lab_name_local"] and e["local_language"]:
            names[e["local_language"]] = e["lab_name_local"]
        languages = [x.strip() for x in e["languages"].replace(";", ",").split(",") if x.strip()] or ["en"]
        s = self.settings
        s.lab_name = names
        for key in ("accreditation", "street", "street_no", "post_code", "city", "country", "e_mail", "key_file",
                    "pkcs11_module", "token_label", "key_label", "trust_anchor"):
            setattr(s, key, e[key])
        s.certificate_languages = languages
        s.signer_kind = "token" if e["pkcs11_module"] else ("file" if e["key_file"] else "")
        s.decimal_separator = self.separator.currentData()
        s.interface_language = self.language.currentData()
        return s


def _second_language(settings: LabSettings) -> str:
    return next((k for k in settings.lab_name if k != "en"), "")


def _second_name(settings: LabSettings) -> str:
    language = _second_language(settings)
    return settings.lab_name.get(language, "") if language else ""


class IssueDialog(QDialog):
    """Who signs, in which role, with which secret (passphrase of the key file or PIN of the token)."""

    def __init__(self, settings: LabSettings, identifier: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Issue certificate {0}").format(identifier))
        token = settings.signer_kind == "token"
        source = (f"{settings.token_label} / {settings.key_label}" if token else settings.key_file) or tr("(none)")
        self.secret = QLineEdit()
        self.secret.setObjectName("issue:secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.roles = QButtonGroup(self)
        role_row = QHBoxLayout()
        for role, label in (("", tr("sole signer")), ("performer", tr("performed the calibration")),
                            ("approver", tr("approved"))):
            button = QRadioButton(label)
            button.setObjectName(f"issue:role:{role or 'none'}")
            button.setProperty("role", role)
            self.roles.addButton(button)
            role_row.addWidget(button)
        self.roles.buttons()[0].setChecked(True)
        form = QFormLayout()
        form.addRow(tr("Signing key"), QLabel(source))
        form.addRow(tr("Token PIN") if token else tr("Passphrase"), self.secret)
        form.addRow(tr("Role"), role_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign and issue"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Issuing validates the certificate, signs it and stores the signed file. An "
                                   "issued certificate cannot be changed, only amended.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def role(self) -> str | None:
        checked = self.roles.checkedButton()
        return (checked.property("role") or None) if checked else None


class ReportDialog(QDialog):
    """A verification report, readable."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        view = QPlainTextEdit(text)
        view.setObjectName("report:text")
        view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(720, 480)
