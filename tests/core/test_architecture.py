"""The domain core never imports Qt or the ui package."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys

import coomet_lab
from tests.helpers import REPO


def _all_core_modules() -> list[str]:
    modules = pkgutil.walk_packages(coomet_lab.__path__, "coomet_lab.")
    return sorted(m.name for m in modules if not m.name.endswith("__main__"))


def test_every_core_module_imports_with_qt_unavailable():
    # A fresh interpreter where importing PySide6, shiboken6 or ui fails: any core module that needs them breaks.
    code = (
        "import sys, importlib\n"
        "for blocked in ('PySide6', 'shiboken6', 'ui'):\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {_all_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = [m for m, v in sys.modules.items() if v is not None and m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not leaked, leaked\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(REPO / ".venv" / "bin")) or shutil.which("lint-imports")
    assert lint, "import-linter is part of the test dependencies"
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout
