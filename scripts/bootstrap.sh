#!/usr/bin/env bash
# Create (or update) the project's virtual environment in .venv and install COOMET Lab into it.
#   scripts/bootstrap.sh            the application
#   scripts/bootstrap.sh test       the application and everything the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
"$PYTHON" - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"COOMET Lab needs Python 3.11 or newer; {sys.executable} is {sys.version.split()[0]}")
PY

if [ ! -x .venv/bin/python ]; then
    echo "creating the virtual environment in .venv"
    "$PYTHON" -m venv .venv
fi

extras="app"
[ "${1:-}" = "test" ] && extras="app,test"

# Reinstall only when the dependencies changed, so a second start is quick.
stamp=".venv/.coomet-lab-installed-$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    # QtPdf used to come from PySide6-Pdf (6.12 only); it now comes from PySide6-Addons, which ships the same files:
    # remove the old package first, or uninstalling it later would delete Addons' QtPdf.
    if .venv/bin/python -m pip show --quiet PySide6-Pdf >/dev/null 2>&1; then
        .venv/bin/python -m pip uninstall --quiet --yes PySide6-Pdf
    fi
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
    touch "$stamp"
fi

# The interface translations are compiled from their Qt Linguist sources.
.venv/bin/python -m ui.i18n >/dev/null
