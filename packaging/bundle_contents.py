"""What goes into the frozen bundle besides the Python code, shared by the Linux and Windows spec files.

The spec files import this module (PyInstaller runs them with SPECPATH set); nothing here imports Qt. Every
folder lands where ``coomet_lab.kernel.paths.shipped_dir`` and the schema store look in a frozen bundle
(``sys._MEIPASS``): ``resources/``, ``schemas/``, ``schema-store/dcc/`` and ``fonts/``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# build.sh installs PTB's schema set here with the app's own pinned install (coomet-lab schemas install).
STAGED_SCHEMAS = Path(os.environ.get("COOMET_LAB_STAGED_SCHEMAS",
                                    ROOT / "build" / "stage" / "schemas" / "dcc")).resolve()

# Never imported at run time: matplotlib only lends its DejaVu fonts (copied as files below), the rest are
# optional back-ends that the analysis would otherwise drag in through optional imports.
EXCLUDES = [
    "matplotlib", "numpy", "tkinter", "_tkinter", "IPython", "jupyter_client", "pytest", "hypothesis",
    "PIL.ImageTk",
    # Only reachable through optional imports; with them in, PyInstaller's runtime hooks import pkg_resources and
    # setuptools at every start (a quarter of a second of the frozen --version).
    "setuptools", "pkg_resources", "_distutils_hack", "distutils",
    # (fontTools stays: verifying a twin compares each page font's glyphs with the shipped DejaVu outlines.
    # pyHanko's aiohttp client stays too: pyhanko's timestamps package imports it unconditionally.)
]

# Data the analysis collects but the app never reads: pycountry's gettext catalogues (only the ISO codes are used)
# and Qt's own translations other than the interface languages (qtbase_ru is loaded by ui.i18n).
UNUSED_DATA_PREFIXES = ("pycountry/locales/",)
QT_TRANSLATIONS = "PySide6/Qt/translations/"
INTERFACE_LANGUAGES = ("ru",)


# Qt's virtual keyboard input plugin (PySide6-Addons, where QtPdf now comes from) and the QML/Quick libraries only
# it needs: the app has no QML, and with them in the bundle grew by 18 MB.
UNUSED_QT_BINARIES = re.compile(r"(^|/)(lib)?(qtvirtualkeyboardplugin|Qt6(Quick|Qml|VirtualKeyboard)\w*)\.")


def keep(entry: tuple) -> bool:
    """Whether one (bundle path, source, type) entry of the analysis is worth shipping."""
    name = entry[0].replace("\\", "/")
    if name.startswith(UNUSED_DATA_PREFIXES) or UNUSED_QT_BINARIES.search(name):
        return False
    if name.startswith(QT_TRANSLATIONS):
        return any(name.endswith(f"_{language}.qm") for language in INTERFACE_LANGUAGES)
    return True




def hidden_imports() -> list[str]:
    """Modules imported by name at run time, which PyInstaller's analysis cannot see: reportlab loads its
    barcode (the twin's QR code) and the keyring its back-ends that way."""
    from PyInstaller.utils.hooks import collect_submodules

    return collect_submodules("reportlab.graphics.barcode") + collect_submodules("keyring.backends")


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs for PyInstaller's Analysis(datas=...)."""
    pairs = _resources() + _schema_pins() + _schema_store() + _fonts()
    pairs.append((str(ROOT / "coomet_lab" / "data"), "coomet_lab/data"))
    return pairs


def _resources() -> list[tuple[str, str]]:
    """Templates and the compiled translations; the Qt Linguist sources (.ts) stay out."""
    qm = sorted((ROOT / "resources" / "translations").glob("*.qm"))
    if not qm:
        raise SystemExit("no compiled translations: run 'python -m ui.i18n' first (build.sh does)")
    pairs = [(str(path), "resources/translations") for path in qm]
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and "translations" not in path.parts:
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def _schema_pins() -> list[tuple[str, str]]:
    return [(str(path), "schemas") for path in sorted((ROOT / "schemas").glob("*")) if path.is_file()]


def _schema_store() -> list[tuple[str, str]]:
    """PTB's schema set as installed by the app itself, so the installed app validates offline at once."""
    if not (STAGED_SCHEMAS / "3.3.0" / "dcc.xsd").is_file():
        raise SystemExit(f"no staged schema store in {STAGED_SCHEMAS}: run packaging/build.sh, which installs it")
    return [(str(STAGED_SCHEMAS), "schema-store/dcc")]


def _fonts() -> list[tuple[str, str]]:
    """The twin's DejaVu fonts, found where the app itself finds them (matplotlib's data in the build venv)."""
    from coomet_lab.twin.fonts import resolve_fonts

    fonts = resolve_fonts()
    return [(str(path), "fonts") for path in fonts.files().values()]
