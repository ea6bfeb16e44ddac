"""The first run: a short wizard shown while the application's home has no settings file.

It asks who the laboratory is, which languages its certificates use, the interface language (switched live), how
it signs (a new lab key pair, a PKCS#12 from the lab's CA, or a PKCS#11 token) and where the DCC schemas come from
(the installer's bundled set, or a folder checked against the pins). Nothing is written into the home before
Finish, so Cancel leaves it as it was: new keys are made in a staging folder and moved in on Finish, a schema folder
is checked in a scratch store and installed on Finish. Finish writes the same :class:`LabSettings` the Settings
dialog writes, and everything here can be changed there later.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coomet_lab.kernel.config import LabSettings, save_settings, settings_path
from coomet_lab.kernel.paths import app_home

from ui.dialogs import KeyPairDialog, next_keys_folder
from ui.i18n import LANGUAGES, InterfaceLanguage, tr

NO_WIZARD_ENV = "COOMET_LAB_NO_WIZARD"
LANGUAGE_CODE = re.compile(r"[a-z]{2}")
COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def first_run_wanted(automated: bool) -> bool:
    """The wizard opens when the home has no settings, unless the start is automated (a screenshot, a benchmark)
    or ``COOMET_LAB_NO_WIZARD=1`` says not to."""
    if automated or os.environ.get(NO_WIZARD_ENV) == "1":
        return False
    return not settings_path().is_file()


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def _edit(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(f"first-run:{name}")
    return edit


class _Page(QWizardPage):
    """A page whose texts are set in :meth:`retranslate` (called again when the interface language changes) and
    whose :meth:`validatePage` shows what is wrong in red instead of advancing."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(f"first-run:{name}")
        self.problem = _problem_label(f"first-run:{name}:problem")

    def retranslate(self) -> None:
        raise NotImplementedError

    def refuse(self, message: str) -> bool:
        self.problem.setText(message)
        return False

    def accept_page(self) -> bool:
        self.problem.clear()
        return True


# ------------------------------------------------------------------------------------------------ identity


class IdentityPage(_Page):
    FIELDS = ("name_en", "name_local", "local_language", "accreditation", "street", "street_no", "post_code", "city",
              "country", "e_mail", "sign_cipher")

    def __init__(self):
        super().__init__("identity")
        self.edits = {key: _edit(key) for key in self.FIELDS}
        self.edits["local_language"].setText("ru")
        self.labels = {key: QLabel() for key in self.FIELDS}
        form = QFormLayout()
        for key in self.FIELDS:
            form.addRow(self.labels[key], self.edits[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Your laboratory"))
        self.setSubTitle(tr("As it appears on every certificate. You can change it later in Settings."))
        texts = {"name_en": tr("Laboratory (English)"), "name_local": tr("Laboratory (second language)"),
                 "local_language": tr("Second language code"), "accreditation": tr("Accreditation reference"),
                 "street": tr("Street"), "street_no": tr("No."), "post_code": tr("Post code"), "city": tr("City"),
                 "country": tr("Country code"), "e_mail": tr("E-mail"),
                 "sign_cipher": tr("Verification-mark cipher")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.edits["sign_cipher"].setPlaceholderText(tr("one to three Cyrillic capitals, e.g. ФБУ"))

    def value(self, key: str) -> str:
        return self.edits[key].text().strip()

    def lab_names(self) -> dict[str, str]:
        names = {"en": self.value("name_en")} if self.value("name_en") else {}
        if self.value("name_local"):
            names[self.value("local_language")] = self.value("name_local")
        return names

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        from coomet_lab.jurisdictions.ru.checks import CIPHER

        if not self.value("name_en") and not self.value("name_local"):
            return self.refuse(tr("Name the laboratory (in English, in the second language, or both)."))
        if self.value("name_local") and not LANGUAGE_CODE.fullmatch(self.value("local_language")):
            return self.refuse(tr("The second language code is two small letters, e.g. ru."))
        if self.value("country") and not COUNTRY_CODE.fullmatch(self.value("country")):
            return self.refuse(tr("The country code is two capital letters, e.g. RU."))
        if self.value("sign_cipher") and not CIPHER.fullmatch(self.value("sign_cipher")):
            return self.refuse(tr("The verification-mark cipher is one to three Cyrillic capitals А–Я."))
        return self.accept_page()


# ------------------------------------------------------------------------------------------------ languages


class LanguagesPage(_Page):
    def __init__(self, languages: InterfaceLanguage, identity: IdentityPage):
        super().__init__("languages")
        self.languages, self.identity = languages, identity
        self.certificate_languages = _edit("certificate_languages")
        self.interface = QComboBox()
        self.interface.setObjectName("first-run:interface_language")
        for code, name in LANGUAGES.items():
            self.interface.addItem(name, code)
        self.interface.setCurrentIndex(max(self.interface.findData(languages.current), 0))
        # Live, as the Language menu does: the rest of the wizard is read in the chosen language.
        self.interface.currentIndexChanged.connect(lambda _i: self.languages.switch(self.interface.currentData()))
        self.certificate_label, self.interface_label, self.hint = QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.certificate_label, self.certificate_languages)
        form.addRow(self.interface_label, self.interface)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Languages"))
        self.setSubTitle(tr("The languages of your certificates, and of this application."))
        self.certificate_label.setText(tr("Certificate languages"))
        self.interface_label.setText(tr("Interface language"))
        self.hint.setText(tr("Two-letter codes separated by commas, the mandatory language first (e.g. ru, en)."))

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        if not self.certificate_languages.text().strip():
            names = self.identity.lab_names()
            self.certificate_languages.setText(", ".join([c for c in names if c != "en"] + ["en"]))

    def codes(self) -> list[str]:
        text = self.certificate_languages.text().replace(";", ",")
        return list(dict.fromkeys(code.strip() for code in text.split(",") if code.strip()))

    def validatePage(self) -> bool:  # noqa: N802
        codes = self.codes()
        if not codes:
            return self.refuse(tr("Give at least one certificate language."))
        wrong = [code for code in codes if not LANGUAGE_CODE.fullmatch(code)]
        if wrong:
            return self.refuse(tr("Not a two-letter language code: {0}").format(", ".join(wrong)))
        return self.accept_page()


# ------------------------------------------------------------------------------------------------ signing


class SigningPage(_Page):
    """How the lab signs. A new key pair is made by the same dialog (and ``pki.init_lab``) as in Settings, in a
    staging folder until Finish."""

    MODES = ("create", "import", "token", "later")

    def __init__(self, identity: IdentityPage):
        super().__init__("signing")
        self.identity = identity
        self.staging: Path | None = None
        self.keys = None  # LabPki made in the staging folder
        self.key_dialog: KeyPairDialog | None = None
        self.mode_buttons = QButtonGroup(self)
        self.modes: dict[str, QRadioButton] = {}
        for mode in self.MODES:
            button = QRadioButton()
            button.setObjectName(f"first-run:signing:{mode}")
            self.modes[mode] = button
            self.mode_buttons.addButton(button)
        self.modes["create"].setChecked(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("first-run:create_keys")
        self.create_button.clicked.connect(self.create_keys)
        self.created = QLabel()
        self.created.setObjectName("first-run:created")
        self.created.setWordWrap(True)
        self.p12_file, self.p12_passphrase = _edit("p12_file"), _edit("p12_passphrase")
        self.p12_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose_p12)
        self.module, self.token_label, self.key_label = _edit("pkcs11_module"), _edit("token_label"), _edit("key_label")
        self.person = _edit("signer_name")
        self.labels = {key: QLabel() for key in ("p12_file", "p12_passphrase", "module", "token", "key", "person")}
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.modes["create"])
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.created, 1)
        layout.addLayout(row)
        layout.addWidget(self.modes["import"])
        p12 = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.p12_file, 1)
        file_row.addWidget(self.browse)
        p12.addRow(self.labels["p12_file"], file_row)
        p12.addRow(self.labels["p12_passphrase"], self.p12_passphrase)
        layout.addLayout(p12)
        layout.addWidget(self.modes["token"])
        token = QFormLayout()
        token.addRow(self.labels["module"], self.module)
        token.addRow(self.labels["token"], self.token_label)
        token.addRow(self.labels["key"], self.key_label)
        layout.addLayout(token)
        layout.addWidget(self.modes["later"])
        person = QFormLayout()
        person.addRow(self.labels["person"], self.person)
        layout.addLayout(person)
        layout.addWidget(self.problem)

    def retranslate(self) -> None:
        self.setTitle(tr("Signing"))
        self.setSubTitle(tr("Certificates are signed with the laboratory's key. Choose where it comes from."))
        self.modes["create"].setText(tr("Create a lab key pair (a lab CA and the signing key of one person)"))
        self.modes["import"].setText(tr("Import a PKCS#12 file (.p12, .pfx) issued by the lab's CA"))
        self.modes["token"].setText(tr("Use a PKCS#11 token or smart card"))
        self.modes["later"].setText(tr("Later, in Settings"))
        self.create_button.setText(tr("Create a lab key pair…"))
        self.browse.setText(tr("Choose…"))
        for key, text in (("p12_file", tr("Key file (PKCS#12)")), ("p12_passphrase", tr("Passphrase")),
                          ("module", tr("PKCS#11 module")), ("token", tr("Token label")),
                          ("key", tr("Key label on the token")), ("person", tr("Signer (person)"))):
            self.labels[key].setText(text)

    def mode(self) -> str:
        return next(mode for mode, button in self.modes.items() if button.isChecked())

    def create_keys(self) -> KeyPairDialog:
        self.modes["create"].setChecked(True)
        self.discard_staging()  # a second key pair replaces the first, which was never used
        self.keys = None
        names = self.identity.lab_names()
        lab = names.get("en") or next(iter(names.values()), "")
        self.key_dialog = KeyPairDialog(lab, self.person.text().strip(), self, make_keys=self._make_staged_keys)
        self.key_dialog.created.connect(self._keys_created)
        self.key_dialog.open()
        return self.key_dialog

    def _make_staged_keys(self, lab: str, person: str, passphrase: str):  # noqa: ANN202 (runs in the background)
        from coomet_lab.trust import keys as pki

        staging = Path(tempfile.mkdtemp(prefix="coomet-lab-first-run-"))
        self.staging = staging
        return pki.init_lab(lab=lab, person=person, out=staging / "keys", passphrase=passphrase)

    def _keys_created(self, keys, person: str) -> None:  # noqa: ANN001
        self.keys = keys
        self.person.setText(person)
        self.created.setText(tr("Created: the signing key of {0}, valid until {1}.").format(
            person, keys.signer_certificate.not_valid_after_utc.date()))
        self.problem.clear()

    def _choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Key file (PKCS#12)"), "", tr("PKCS#12 (*.p12 *.pfx)"))
        if path:
            self.modes["import"].setChecked(True)
            self.p12_file.setText(path)

    def validatePage(self) -> bool:  # noqa: N802
        check = {"create": self._check_created, "import": self._check_p12, "token": self._check_token,
                 "later": lambda: ""}[self.mode()]
        message = check()
        return self.refuse(message) if message else self.accept_page()

    def _check_created(self) -> str:
        return "" if self.keys is not None else tr("Create the key pair first (or choose another way to sign).")

    def _check_p12(self) -> str:
        from coomet_lab.kernel.errors import CoometLabError
        from coomet_lab.trust import keys as pki

        path = Path(self.p12_file.text().strip())
        if not path.is_file():
            return tr("Choose the PKCS#12 file your CA issued.")
        try:
            bundle = pki.check_imported_pkcs12(path, self.p12_passphrase.text())
        except (CoometLabError, ValueError, OSError) as exc:
            return tr("The key file cannot be used: {0}").format(exc)
        if not self.person.text().strip():
            self.person.setText(_common_name(bundle.certificate))
        return ""

    def _check_token(self) -> str:
        if not Path(self.module.text().strip()).is_file():
            return tr("Choose the PKCS#11 module (a .so or .dll file from the token's maker).")
        if not self.token_label.text().strip() or not self.key_label.text().strip():
            return tr("Give the token label and the label of the key on it.")
        return ""

    def discard_staging(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def _common_name(certificate) -> str:  # noqa: ANN001
    from cryptography.x509.oid import NameOID

    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


# ------------------------------------------------------------------------------------------------ schemas


class SchemasPage(_Page):
    """Which DCC versions validate offline already (the installer bundles PTB's set), and optionally a folder to
    install from; the folder is checked against the pins in a scratch store, so a bad file is refused here."""

    def __init__(self):
        super().__init__("schemas")
        self.available = QLabel()
        self.available.setObjectName("first-run:schemas:available")
        self.available.setWordWrap(True)
        self.folder = _edit("schema_folder")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose)
        self.folder_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.folder_label, row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.available)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("DCC schemas"))
        self.setSubTitle(tr("Certificates are validated offline against PTB's schemas."))
        self.folder_label.setText(tr("Install from a folder (optional)"))
        self.browse.setText(tr("Choose…"))
        self.available.setText(self._available_text())

    def initializePage(self) -> None:  # noqa: N802
        self.available.setText(self._available_text())

    def _available_text(self) -> str:
        from coomet_lab.dcc.validation.schema_store import SchemaStore

        installed = [s for s in SchemaStore.default().status() if s.complete]
        if not installed:
            return tr("No schema set is available yet: choose the folder with PTB's schemas (a USB stick will do), "
                      "or install them later from the Tools menu.")
        versions = ", ".join(s.version for s in installed)
        return tr("Available now, without the internet: DCC {0}.").format(versions)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder with PTB's DCC schemas"))
        if folder:
            self.folder.setText(folder)

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def validatePage(self) -> bool:  # noqa: N802
        folder = self.chosen_folder()
        if folder is None:
            return self.accept_page()
        message = check_schema_folder(folder)
        return self.refuse(message) if message else self.accept_page()


def check_schema_folder(folder: Path) -> str:
    """'' when the folder holds a complete pinned schema set, else why not (the pinned install into a scratch
    store: the very check the real install makes, without touching the home)."""
    from coomet_lab.dcc.validation.schema_store import SchemaStore
    from coomet_lab.kernel.errors import CoometLabError

    with tempfile.TemporaryDirectory(prefix="coomet-lab-schema-check-") as scratch:
        try:
            SchemaStore([Path(scratch)]).install_from(folder)
        except (CoometLabError, OSError) as exc:
            return tr("These schemas cannot be installed: {0}").format(exc)
    return ""


# ------------------------------------------------------------------------------------------------ the wizard


class FirstRunWizard(QWizard):
    """The pages in order; Finish moves the staged keys in, installs a chosen schema folder and saves settings."""

    def __init__(self, languages: InterfaceLanguage, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first-run")
        self.languages = languages
        self.starting_language = languages.current
        self.settings: LabSettings | None = None
        self.identity = IdentityPage()
        self.language_page = LanguagesPage(languages, self.identity)
        self.signing = SigningPage(self.identity)
        self.schemas = SchemasPage()
        for page in self.pages():
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.retranslate()

    def pages(self) -> list[_Page]:
        return [self.identity, self.language_page, self.signing, self.schemas]

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Welcome to COOMET Lab"))
        for page in self.pages():
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        from coomet_lab.kernel.errors import CoometLabError

        # QWizard validates the last page only after accept() is called; nothing is written before it passes.
        if not self.validateCurrentPage():
            return
        try:
            self.settings = self.commit()
        except (CoometLabError, OSError) as exc:
            self.schemas.refuse(tr("The set-up could not be saved: {0}").format(exc))
            return
        self.signing.discard_staging()
        super().accept()

    def reject(self) -> None:
        self.signing.discard_staging()
        if self.languages.current != self.starting_language:
            self.languages.switch(self.starting_language)
        super().reject()

    def commit(self) -> LabSettings:
        """Write everything into the home: the signing key, the schema set, then the settings (last, so a home
        with settings is always a finished set-up)."""
        home = app_home()
        settings = self.result_settings()
        self._install_signer(home, settings)
        folder = self.schemas.chosen_folder()
        if folder is not None:
            from coomet_lab.dcc.validation.schema_store import SchemaStore

            # The same pinned install as Settings' "Install DCC schemas"; quick (a few small files), so not in
            # the background.
            SchemaStore.default().install_from(folder)
        save_settings(settings, home)
        return settings

    def result_settings(self) -> LabSettings:
        identity = self.identity
        settings = LabSettings(lab_name=identity.lab_names(), certificate_languages=self.language_page.codes(),
                               interface_language=self.languages.current)
        settings.mandatory_languages = settings.certificate_languages[:1]
        for key in ("accreditation", "street", "street_no", "post_code", "city", "country", "e_mail", "sign_cipher"):
            setattr(settings, key, identity.value(key))
        person = self.signing.person.text().strip()
        settings.signer_name = {language: person for language in settings.certificate_languages} if person else {}
        return settings

    def _install_signer(self, home: Path, settings: LabSettings) -> None:
        mode = self.signing.mode()
        if mode == "create" and self.signing.keys is not None:
            target = next_keys_folder(home)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(self.signing.keys.signer_path.parent), str(target))
            settings.signer_kind, settings.key_file = "file", str(target / "signer.p12")
            settings.trust_anchor = str(target / "lab-ca.pem")
        elif mode == "import":
            source = Path(self.signing.p12_file.text().strip())
            target = next_keys_folder(home) / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            target.chmod(0o600)
            settings.signer_kind, settings.key_file = "file", str(target)
        elif mode == "token":
            settings.signer_kind = "token"
            settings.pkcs11_module = self.signing.module.text().strip()
            settings.token_label = self.signing.token_label.text().strip()
            settings.key_label = self.signing.key_label.text().strip()


def run_first_run(languages: InterfaceLanguage) -> LabSettings | None:
    """Show the wizard (modal); the settings it saved, or None when it was cancelled."""
    wizard = FirstRunWizard(languages)
    wizard.resize(720, 560)
    wizard.exec()
    return wizard.settings
