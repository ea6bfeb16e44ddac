#!/usr/bin/env bash
# Set up everything on a fresh machine and run the whole test suite: system packages (when root), the virtual
# environment, then pytest. Extra arguments go to pytest (e.g. scripts/run-tests.sh -k units).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/bootstrap.sh test
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# The installer build and its frozen smoke test (tests/installer) take about a minute: part of the whole suite.
# COOMET_LAB_TEST_FROZEN=0 skips them on a machine without access to PyPI.
export COOMET_LAB_TEST_FROZEN="${COOMET_LAB_TEST_FROZEN:-1}"
# The shape of the code is checked like its behaviour: lint, the layer contracts, the types, then every test.
echo "ruff, import-linter and mypy"
.venv/bin/ruff check --quiet .
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
