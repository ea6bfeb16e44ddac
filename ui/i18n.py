"""Interface languages: Qt Linguist translations (``resources/translations/*.ts`` sources, ``.qm`` built from them),
switched while the application runs. The certificate's own languages are document data, not the interface's.

    python -m ui.i18n            # build the .qm files next to the .ts sources (the bootstrap script does this)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coomet_lab.kernel.paths import shipped_dir

LANGUAGES = {"en": "English", "ru": "Русский"}


def translations_dir() -> Path:
    return shipped_dir("resources") / "translations"


class InterfaceLanguage:
    """Installs and swaps the application's translators; Qt then tells every widget to retranslate itself."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.current = "en"
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> bool:
        if language not in LANGUAGES:
            return False
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        if language != "en":
            own = QTranslator(self.app)
            if not own.load(str(translations_dir() / f"coomet_lab_{language}.qm")):
                return False
            qt = QTranslator(self.app)
            if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt)
            self._installed.append(own)
        for translator in self._installed:
            self.app.installTranslator(translator)
        self.current = language
        QLocale.setDefault(QLocale(language))
        return True


def build_translations() -> list[Path]:
    """Compile every .ts source to .qm with pyside6-lrelease."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    built = []
    for source in sorted(translations_dir().glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)
        built.append(target)
    return built


def tr(text: str) -> str:
    """Translate interface text (one context for the whole interface: Qt Linguist's lupdate puts module-level
    ``tr("...")`` calls there)."""
    return QCoreApplication.translate("", text)


if __name__ == "__main__":
    for path in build_translations():
        print(f"built {path}")
