#!/usr/bin/env bash
# Set up the virtual environment if needed and start COOMET Lab. Arguments go to coomet-lab
# (e.g. scripts/run-app.sh dcc validate FILE.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/coomet-lab "$@"
