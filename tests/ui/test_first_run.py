"""The first-run wizard, offscreen: an air-gapped set-up from an empty home, Cancel, and the refusals."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SCHEMAS
from tests.ui.conftest import wait_idle

PASSPHRASE = "first run passphrase"


@pytest.fixture
def empty_home(app_home, monkeypatch):
    """The tests' home without the shared schema override: the wizard must see (and fill) the home's own store."""
    monkeypatch.delenv("COOMET_LAB_SCHEMAS", raising=False)
    monkeypatch.delenv("COOMET_LAB_NO_WIZARD", raising=False)
    assert not any(app_home.iterdir())
    return app_home


@pytest.fixture
def languages(qapp):
    from ui.i18n import InterfaceLanguage

    qapp.setProperty("quiet_errors", True)
    languages = InterfaceLanguage(qapp)
    languages.switch("en")
    yield languages
    languages.switch("en")


@pytest.fixture
def wizard(qtbot, empty_home, languages):
    from ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(languages)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wait_idle(qtbot)
    wizard.signing.discard_staging()


def fill_identity(wizard) -> None:
    edits = wizard.identity.edits
    edits["name_en"].setText("Metrology Centre UralTest")
    edits["name_local"].setText("Метрологический центр «УралТест»")
    edits["accreditation"].setText("RA.RU.311234")
    edits["city"].setText("Екатеринбург")
    edits["country"].setText("RU")
    edits["sign_cipher"].setText("УТ")


def create_keys(qtbot, wizard, passphrase=PASSPHRASE, repeat=PASSPHRASE):
    dialog = wizard.signing.create_keys()
    dialog.person.setText("Anna Smirnova")
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(repeat)
    dialog.accept()
    return dialog


def go_to(wizard, page) -> None:
    while wizard.currentPage() is not page:
        before = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not before, before.problem.text()


def test_air_gapped_first_run_sets_up_settings_keys_and_schemas(qtbot, wizard, empty_home, languages):
    from coomet_lab.dcc.validation.schema_store import SchemaStore
    from coomet_lab.kernel.config import load_settings
    from coomet_lab.trust import keys as pki

    from ui.main_window import MainWindow
    from ui.session import Session

    fill_identity(wizard)
    go_to(wizard, wizard.language_page)
    assert wizard.language_page.certificate_languages.text() == "ru, en"
    go_to(wizard, wizard.signing)
    create_keys(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.signing.keys is not None, timeout=30_000)
    assert "Anna Smirnova" in wizard.signing.created.text()
    assert not (empty_home / "keys").exists()  # staged until Finish
    go_to(wizard, wizard.schemas)
    wizard.schemas.folder.setText(str(SCHEMAS))
    wizard.accept()

    assert wizard.result() == wizard.DialogCode.Accepted
    settings = load_settings()
    assert settings.lab_name == {"en": "Metrology Centre UralTest", "ru": "Метрологический центр «УралТест»"}
    assert settings.certificate_languages == ["ru", "en"] and settings.mandatory_languages == ["ru"]
    assert settings.sign_cipher == "УТ" and settings.signer_kind == "file"
    assert settings.signer_name == {"ru": "Anna Smirnova", "en": "Anna Smirnova"}
    assert settings.key_file == str(empty_home / "keys" / "1" / "signer.p12")
    assert pki.load_pkcs12(settings.key_file, PASSPHRASE).certificate is not None
    assert (empty_home / "keys" / "1" / "lab-ca.pem").read_text().startswith("-----BEGIN CERTIFICATE")
    assert settings.trust_anchor == str(empty_home / "keys" / "1" / "lab-ca.pem")
    assert (empty_home / "schemas" / "dcc" / "3.3.0" / "dcc.xsd").is_file()
    assert "3.3.0" in SchemaStore.default().installed_versions()

    window = MainWindow(Session(settings), languages)
    qtbot.addWidget(window)
    window.show()
    window.refresh_repository()
    assert window.isVisible()
    wait_idle(qtbot)
    window.session.close()


def test_cancel_leaves_the_home_untouched(qtbot, wizard, empty_home):
    fill_identity(wizard)
    go_to(wizard, wizard.signing)
    create_keys(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.signing.keys is not None, timeout=30_000)
    staging = wizard.signing.staging
    wizard.reject()
    assert list(empty_home.iterdir()) == []
    assert not staging.exists()


def test_empty_lab_name_is_refused(wizard):
    wizard.next()
    assert wizard.currentPage() is wizard.identity
    assert "Name the laboratory" in wizard.identity.problem.text()


def test_latin_letters_in_the_cipher_are_refused(wizard):
    fill_identity(wizard)
    wizard.identity.edits["sign_cipher"].setText("YT")  # Latin look-alikes
    wizard.next()
    assert wizard.currentPage() is wizard.identity
    assert "Cyrillic" in wizard.identity.problem.text()


def test_mismatched_passphrases_make_no_keys(qtbot, wizard):
    fill_identity(wizard)
    go_to(wizard, wizard.signing)
    dialog = create_keys(qtbot, wizard, repeat=PASSPHRASE + " typo")
    assert "differ" in dialog.problem.text()
    assert dialog.isVisible()
    dialog.reject()
    wizard.next()
    assert wizard.currentPage() is wizard.signing
    assert "Create the key pair first" in wizard.signing.problem.text()


def test_schema_folder_with_a_bad_hash_is_refused(qtbot, wizard, empty_home, tmp_path):
    tampered = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, tampered)
    with (tampered / "3.3.0" / "dcc.xsd").open("ab") as xsd:
        xsd.write(b"<!-- changed -->")
    fill_identity(wizard)
    wizard.signing.modes["later"].setChecked(True)
    go_to(wizard, wizard.schemas)
    wizard.schemas.folder.setText(str(tampered))
    wizard.accept()
    assert wizard.isVisible() and wizard.currentPage() is wizard.schemas
    assert "does not match the pinned" in wizard.schemas.problem.text()
    assert list(empty_home.iterdir()) == []


def test_pkcs12_with_a_wrong_passphrase_is_refused(qtbot, wizard, empty_home, tmp_path):
    from coomet_lab.kernel.config import load_settings
    from coomet_lab.trust import keys as pki

    issued = pki.init_lab(lab="Outside CA", person="Ivan Petrov", out=tmp_path / "ca", passphrase=PASSPHRASE)
    fill_identity(wizard)
    go_to(wizard, wizard.signing)
    wizard.signing.modes["import"].setChecked(True)
    wizard.signing.p12_file.setText(str(issued.signer_path))
    wizard.signing.p12_passphrase.setText("not the passphrase")
    wizard.next()
    assert wizard.currentPage() is wizard.signing
    assert "wrong passphrase" in wizard.signing.problem.text()

    wizard.signing.p12_passphrase.setText(PASSPHRASE)
    go_to(wizard, wizard.schemas)
    assert wizard.signing.person.text() == "Ivan Petrov"
    wizard.accept()
    settings = load_settings()
    assert settings.signer_kind == "file" and settings.key_file == str(empty_home / "keys" / "1" / "signer.p12")


def test_the_wizard_opens_only_for_an_empty_home_and_a_person(empty_home, monkeypatch):
    from coomet_lab.kernel.config import LabSettings, save_settings

    from ui.first_run import first_run_wanted

    assert first_run_wanted(automated=False)
    assert not first_run_wanted(automated=True)
    monkeypatch.setenv("COOMET_LAB_NO_WIZARD", "1")
    assert not first_run_wanted(automated=False)
    monkeypatch.delenv("COOMET_LAB_NO_WIZARD")
    save_settings(LabSettings(lab_name={"en": "Lab"}))
    assert not first_run_wanted(automated=False)


def test_the_interface_language_switches_live(wizard, languages):
    fill_identity(wizard)
    go_to(wizard, wizard.language_page)
    combo = wizard.language_page.interface
    combo.setCurrentIndex(combo.findData("ru"))
    assert languages.current == "ru"
    wizard.reject()
    assert languages.current == "en"  # Cancel puts the language back


def test_a_pkcs11_token_needs_its_module_and_labels(wizard, empty_home, tmp_path):
    from coomet_lab.kernel.config import load_settings

    fill_identity(wizard)
    go_to(wizard, wizard.signing)
    wizard.signing.modes["token"].setChecked(True)
    wizard.signing.module.setText(str(tmp_path / "missing-pkcs11.so"))
    wizard.next()
    assert wizard.currentPage() is wizard.signing
    assert "PKCS#11 module" in wizard.signing.problem.text()

    module = tmp_path / "vendor-pkcs11.so"
    module.write_bytes(b"\x7fELF")  # only its presence is checked here; the token is opened when signing
    wizard.signing.module.setText(str(module))
    wizard.signing.token_label.setText("LabToken")
    wizard.signing.key_label.setText("signer")
    go_to(wizard, wizard.schemas)
    wizard.accept()
    settings = load_settings()
    assert (settings.signer_kind, settings.pkcs11_module, settings.token_label, settings.key_label) == (
        "token", str(module), "LabToken", "signer")
    assert not (empty_home / "keys").exists()


@pytest.mark.parametrize("argv, shown", [([], True), (["--quit-when-ready"], False)])
def test_the_desktop_start_opens_the_wizard_for_an_empty_home(qtbot, empty_home, monkeypatch, argv, shown):
    """ui.app.run with the event loop stubbed: the wizard's settings reach the main window; automation skips it."""
    from PySide6.QtWidgets import QApplication

    from coomet_lab.kernel.config import LabSettings

    import ui.first_run
    from ui import app as desktop
    from ui.main_window import MainWindow

    opened, windows = [], []
    monkeypatch.setattr(ui.first_run, "run_first_run",
                        lambda languages: opened.append(languages) or LabSettings(lab_name={"en": "Wizard Lab"}))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(MainWindow, "show", lambda self: windows.append(self))
    assert desktop.run(argv) == 0
    assert bool(opened) == shown
    assert windows and windows[0].settings.configured == shown
    wait_idle(qtbot)
    windows[0].session.close()
    windows[0].deleteLater()


def test_settings_edit_the_cipher_the_wizard_asks_for(qtbot, empty_home):
    """Everything the wizard asks can be changed later in Settings, the verification-mark cipher included."""
    from coomet_lab.kernel.config import LabSettings

    from ui.dialogs import SettingsDialog

    dialog = SettingsDialog(LabSettings(lab_name={"en": "Lab"}, sign_cipher="УТ"))
    qtbot.addWidget(dialog)
    assert dialog.edits["sign_cipher"].text() == "УТ"
    dialog.edits["sign_cipher"].setText("ФБУ")
    assert dialog.result_settings().sign_cipher == "ФБУ"
