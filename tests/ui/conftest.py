"""The real application, offscreen: a main window in a temporary home with laboratory settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from coomet_lab.kernel.config import LabSettings, save_settings  # noqa: E402

PASSPHRASE = "window test passphrase"


@pytest.fixture
def lab_keys(tmp_path, app_home):
    from coomet_lab.trust import keys as pki

    return pki.init_lab(lab="UralTest", person="Anna Smirnova", out=tmp_path / "keys", passphrase=PASSPHRASE)


@pytest.fixture
def settings(app_home, lab_keys) -> LabSettings:
    settings = LabSettings(
        lab_name={"en": "Metrology Centre UralTest", "ru": "Метрологический центр «УралТест»"},
        accreditation="RA.RU.311234", street="ул. Студенческая", street_no="1", post_code="620049",
        city="Екатеринбург", country="RU", certificate_languages=["ru", "en"], mandatory_languages=["ru"],
        number_pattern="UT-{year}-{seq:05d}", next_number=7, signer_kind="file", key_file=str(lab_keys.signer_path),
        trust_anchor=str(lab_keys.ca_certificate_path),
    )
    save_settings(settings)
    return settings


@pytest.fixture
def window(qtbot, settings):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import InterfaceLanguage
    from ui.main_window import MainWindow
    from ui.session import Session

    app = QApplication.instance()
    app.setProperty("quiet_errors", True)  # errors go to the status bar instead of modal boxes
    languages = InterfaceLanguage(app)
    languages.switch("en")
    main = MainWindow(Session(settings), languages)
    qtbot.addWidget(main)
    main.show()
    main.refresh_repository()
    yield main
    for editor in main.editors():
        editor.document.undo_stack.setClean()
    wait_idle(qtbot)
    main.session.close()
    languages.switch("en")


def wait_idle(qtbot, timeout=20_000):
    """Let background work (autosave, validation, repository reads) finish and deliver its results."""
    from ui.workers import busy

    qtbot.waitUntil(lambda: not busy(), timeout=timeout)
    qtbot.wait(20)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal message box would block an offscreen test forever: answer 'Discard' and record the question."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple] = []

    def answer(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "warning", answer)
    monkeypatch.setattr(QMessageBox, "about", answer)
    return asked
