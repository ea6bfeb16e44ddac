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


def compiled_translation(language: str) -> Path | None:
    """The .qm file of one interface language: the shipped one (built at set-up, or carried by the wheel), else one
    compiled from the shipped .ts source into the user's home (a wheel built without running ``python -m ui.i18n``
    first carries only the sources). None when neither exists or the compiler is missing."""
    source = translations_dir() / f"coomet_lab_{language}.ts"
    shipped = source.with_suffix(".qm")
    if shipped.is_file():
        return shipped
    if not source.is_file():
        return None
    from coomet_lab.kernel.paths import app_home

    target = app_home() / "translations" / shipped.name
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    lrelease = _lrelease()
    if lrelease is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], capture_output=True)
    return target if result.returncode == 0 and target.is_file() else None


def _lrelease() -> str | None:
    return shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease")


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
            compiled = compiled_translation(language)
            if compiled is None or not own.load(str(compiled)):
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
    lrelease = _lrelease()
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
