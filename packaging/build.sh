#!/usr/bin/env bash
# Build the Linux one-folder bundle dist/coomet-lab/ with PyInstaller.
#   packaging/build.sh                 build (makes .venv-build on first use)
#   packaging/build.sh --smoke         build, then run packaging/smoke-test.sh on the result
# PTB's schema set is taken from ../shared/schemas/dcc (or COOMET_LAB_SCHEMA_SOURCE) and installed through the
# app's own pinned install into a staging home, which is then bundled: the installed app validates offline at once.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv-build"
SCHEMA_SOURCE="${COOMET_LAB_SCHEMA_SOURCE:-$ROOT/../shared/schemas/dcc}"
STAGE="$ROOT/build/stage"
started=$(date +%s)

if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating the build environment in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the dependencies changed, so a rebuild is quick.
stamp="$VENV/.coomet-lab-installed-app,packaging"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "== installing .[app,packaging]"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[app,packaging]"
    touch "$stamp"
fi

echo "== compiling the interface translations"
"$VENV/bin/python" -m ui.i18n >/dev/null

echo "== staging PTB's DCC schema set from $SCHEMA_SOURCE (pinned install)"
rm -rf "$STAGE"
mkdir -p "$STAGE"
COOMET_LAB_HOME="$STAGE" "$VENV/bin/coomet-lab" schemas install "$SCHEMA_SOURCE"

echo "== PyInstaller"
rm -rf "$ROOT/dist/coomet-lab"
COOMET_LAB_STAGED_SCHEMAS="$STAGE/schemas/dcc" "$VENV/bin/python" -m PyInstaller --noconfirm --clean \
    --log-level WARN --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/coomet-lab.spec

echo "== built $ROOT/dist/coomet-lab in $(( $(date +%s) - started )) s, $(du -sh "$ROOT/dist/coomet-lab" | cut -f1)"
if [ "${1:-}" = "--smoke" ]; then
    bash packaging/smoke-test.sh "$ROOT/dist/coomet-lab/coomet-lab"
fi
