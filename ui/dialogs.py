"""Dialogs: new certificate from a template, laboratory settings, issuing (signature) and verification results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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

from coomet_lab.kernel.config import LabSettings

from ui.i18n import LANGUAGES, tr
from ui.workers import run_in_background


class TemplateDialog(QDialog):
    """Choose a template for the instrument type (shipped, or saved in the repository), or an earlier certificate."""

    def __init__(self, language: str, session=None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        from coomet_lab.app.services import templates

        self.setWindowTitle(tr("New certificate"))
        self.chosen: Path | None = None
        self.chosen_type: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("templates")
        for template in templates():
            self._add(template.name(language), ("file", str(template.path)))
        for row in _saved_types(session):
            self._add(tr("{0} (saved template)").format(row["name"]), ("type", row["id"]))
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

    def _add(self, text: str, choice: tuple) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, choice)
        self.list.addItem(item)

    def _earlier(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Earlier certificate"), "",
                                              tr("Certificates (*.json *.xml)"))
        if path:
            self.chosen = Path(path)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if self.chosen is None and item is not None:
            kind, value = item.data(Qt.ItemDataRole.UserRole)
            if kind == "type":
                self.chosen_type = int(value)
            else:
                self.chosen = Path(value)
        super().accept()


def _saved_types(session) -> list[dict]:  # noqa: ANN001
    """Instrument types with a template saved in the repository (none if the repository cannot be read)."""
    if session is None:
        return []
    from coomet_lab.kernel.errors import CoometLabError

    try:
        return [row for row in session.repository().instrument_types.list() if row.get("template")]
    except CoometLabError:
        return []


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
            ("sign_cipher", tr("Verification-mark cipher"), settings.sign_cipher),
            ("languages", tr("Certificate languages"), ", ".join(settings.certificate_languages)),
            ("signer_name", tr("Signer (person)"), _first(settings.signer_name)),
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
        self.make_keys = QPushButton(tr("Create a lab key pair…"))
        self.make_keys.setObjectName("settings:make_keys")
        self.make_keys.clicked.connect(self.create_keys)
        form.addRow("", self.make_keys)
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

    def create_keys(self) -> KeyPairDialog | None:
        """A lab without a PKI gets a root CA and a signer key (``keys init``) and both are filled in here."""
        dialog = KeyPairDialog(self.edits["lab_name_en"].text().strip() or self.edits["lab_name_local"].text(),
                               self.edits["signer_name"].text().strip(), self)
        dialog.created.connect(self.use_keys)
        dialog.open()
        return dialog

    def use_keys(self, keys, person: str) -> None:  # noqa: ANN001
        self.edits["key_file"].setText(str(keys.signer_path))
        self.edits["trust_anchor"].setText(str(keys.ca_certificate_path))
        self.edits["pkcs11_module"].clear()
        if not self.edits["signer_name"].text().strip():
            self.edits["signer_name"].setText(person)

    def result_settings(self) -> LabSettings:
        e = {k: v.text().strip() for k, v in self.edits.items()}
        names = {"en": e["lab_name_en"]} if e["lab_name_en"] else {}
        if e["lab_name_local"] and e["local_language"]:
            names[e["local_language"]] = e["lab_name_local"]
        languages = [x.strip() for x in e["languages"].replace(";", ",").split(",") if x.strip()] or ["en"]
        s = self.settings
        s.lab_name = names
        for key in ("accreditation", "street", "street_no", "post_code", "city", "country", "e_mail", "key_file",
                    "pkcs11_module", "token_label", "key_label", "trust_anchor", "sign_cipher"):
            setattr(s, key, e[key])
        s.signer_name = {language: e["signer_name"] for language in languages} if e["signer_name"] else {}
        s.certificate_languages = languages
        s.signer_kind = "token" if e["pkcs11_module"] else ("file" if e["key_file"] else "")
        s.decimal_separator = self.separator.currentData()
        s.interface_language = self.language.currentData()
        return s


def _first(names: dict[str, str]) -> str:
    return next(iter(names.values()), "") if names else ""


class KeyPairDialog(QDialog):
    """``keys init`` for a person at the keyboard: a lab root CA and the person's signing key, both encrypted
    with a passphrase typed twice, in a new folder of the app's home."""

    created = Signal(object, str)  # LabPki, the person's name

    def __init__(self, lab: str, person: str, parent: QWidget | None = None, make_keys=None):  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(tr("Create a lab key pair"))
        self.keys = None
        # (lab, person, passphrase) -> LabPki; the first-run wizard makes them in a staging folder instead.
        self.make_keys = make_keys or _init_keys
        self.lab, self.person = QLineEdit(lab), QLineEdit(person)
        self.passphrase, self.repeat = QLineEdit(), QLineEdit()
        for key, edit in (("lab", self.lab), ("person", self.person), ("passphrase", self.passphrase),
                          ("repeat", self.repeat)):
            edit.setObjectName(f"keys:{key}")
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("keys:problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Laboratory"), self.lab)
        form.addRow(tr("Person who signs"), self.person)
        form.addRow(tr("Passphrase"), self.passphrase)
        form.addRow(tr("Passphrase again"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The private keys are stored encrypted with this passphrase; nobody can recover "
                                   "a forgotten one.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        from coomet_lab.kernel.errors import CoometLabError
        from coomet_lab.trust.keys import check_new_passphrase

        lab, person, passphrase = self.lab.text().strip(), self.person.text().strip(), self.passphrase.text()
        try:
            if not lab or not person:
                raise ValueError(tr("name the laboratory and the person who signs"))
            if passphrase != self.repeat.text():
                raise ValueError(tr("the two passphrases differ"))
            check_new_passphrase(passphrase)
        except (CoometLabError, ValueError) as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText(tr("Creating the keys…"))
        self.buttons.setEnabled(False)
        run_in_background(owner=self, fn=lambda: self.make_keys(lab, person, passphrase), label=tr("Creating keys…"),
                          on_success=lambda keys: self._done(keys, person), on_error=self._failed)

    def _done(self, keys, person: str) -> None:  # noqa: ANN001
        self.keys = keys
        self.created.emit(keys, person)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(str(exc))


def _init_keys(lab: str, person: str, passphrase: str):  # noqa: ANN202
    """Keys in ``keys/<n>`` of the app's home: a new folder each time, so nothing existing is ever overwritten."""
    from coomet_lab.kernel.paths import app_home
    from coomet_lab.trust import keys as pki

    return pki.init_lab(lab=lab, person=person, out=next_keys_folder(app_home()), passphrase=passphrase)


def next_keys_folder(home: Path) -> Path:
    """``keys/<n>`` of the home with the first unused ``n`` (not created here)."""
    root = home / "keys"
    number = 1
    while (root / str(number)).exists():
        number += 1
    return root / str(number)


def _second_language(settings: LabSettings) -> str:
    return next((k for k in settings.lab_name if k != "en"), "")


def _second_name(settings: LabSettings) -> str:
    language = _second_language(settings)
    return settings.lab_name.get(language, "") if language else ""


class IssueDialog(QDialog):
    """Who signs, in which role, with which secret; and what the traceability check found.

    When a reference standard is unknown or its calibration has expired, issuing is blocked unless the person
    writes the reason for overriding it; the reason goes into the audit trail.
    """

    def __init__(self, settings: LabSettings, identifier: str, traceability=None,  # noqa: ANN001
                 parent: QWidget | None = None, *, secret_needed: bool = True):
        super().__init__(parent)
        self.setWindowTitle(tr("Issue certificate {0}").format(identifier))
        self.blocked = bool(traceability is not None and traceability.blocked)
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
        self.form = form = QFormLayout()
        form.addRow(tr("Signing key"), QLabel(source))
        form.addRow(tr("Token PIN") if token else tr("Passphrase"), self.secret)
        form.setRowVisible(self.secret, secret_needed)  # the key is open for this session: nothing to ask
        form.addRow(tr("Role"), role_row)
        self.traceability = QLabel(traceability_text(traceability))
        self.traceability.setObjectName("issue:traceability")
        self.traceability.setWordWrap(True)
        self.override = QLineEdit()
        self.override.setObjectName("issue:override")
        self.override.setPlaceholderText(tr("Why the certificate may be issued all the same"))
        self.override.setVisible(self.blocked)
        override_label = QLabel(tr("Override reason"))
        override_label.setVisible(self.blocked)
        form.addRow(tr("Reference standards"), self.traceability)
        form.addRow(override_label, self.override)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Sign and issue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.override.textChanged.connect(self._update_ok)
        self._update_ok()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Issuing validates the certificate, signs it and stores the signed file. An "
                                   "issued certificate cannot be changed, only amended.")))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        self.ok.setEnabled(not self.blocked or bool(self.override.text().strip()))

    @property
    def role(self) -> str | None:
        checked = self.roles.checkedButton()
        return (checked.property("role") or None) if checked else None

    @property
    def override_reason(self) -> str | None:
        return self.override.text().strip() or None if self.blocked else None


class VerificationIssueDialog(IssueDialog):
    """Issuing a verification certificate or notice: as any certificate, plus its number and who heads the lab.

    The number is Arshin's once its reply was imported (the legal one, prefilled); before that a person types it.
    """

    def __init__(self, settings: LabSettings, stored, traceability=None,  # noqa: ANN001
                 parent: QWidget | None = None, *, secret_needed: bool = True):
        super().__init__(settings, stored.record.label, traceability, parent, secret_needed=secret_needed)
        fit = stored.record.applicable
        self.setWindowTitle((tr("Issue the certificate of verification for {0}") if fit else
                             tr("Issue the notice of unfitness for {0}")).format(stored.record.label))
        self.number = QLineEdit(stored.cert_num or "")
        self.number.setObjectName("issue:number")
        self.number.setPlaceholderText("С-ДГХ/20-11-2026/402123271" if fit else "И-ДГХ/20-11-2026/402123271")
        self.head = QLineEdit()
        self.head.setObjectName("issue:head")
        self.head_position = QLineEdit()
        self.head_position.setObjectName("issue:head_position")
        self.form.insertRow(0, tr("Number"), self.number)
        self.form.insertRow(1, tr("Head of the laboratory"), self.head)
        self.form.insertRow(2, tr("Position"), self.head_position)
        self.number.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        super()._update_ok()
        number = getattr(self, "number", None)
        if number is not None and not number.text().strip():
            self.ok.setEnabled(False)


def traceability_text(report) -> str:  # noqa: ANN001
    """The traceability findings as a person reads them: one line per reference standard."""
    if report is None or not report.findings:
        return tr("The certificate lists no reference standards.")
    marks = {True: "✗", False: "✓"}
    return "\n".join(f"{marks[f.blocking]} {f.equipment}: {f.message}" for f in report.findings)


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
