#!/usr/bin/env bash
# Set up everything on a fresh machine and run the whole test suite: system packages (when root), the virtual
# environment, then pytest. Extra arguments go to pytest (e.g. scripts/run-tests.sh -k units).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/bootstrap.sh test
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m pytest "$@"
