#!/usr/bin/env bash
# Smoke test of the FROZEN application only (never the source tree or a venv), in an empty temporary home:
#   packaging/smoke-test.sh [dist/coomet-lab/coomet-lab]
# Starts the desktop offscreen (screenshot, then ready), creates keys, builds and validates a sample certificate
# with the bundled schemas, signs it, renders and signs the PDF twin, and verifies both. Any failure stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="$(realpath "${1:-$ROOT/dist/coomet-lab/coomet-lab}")"
EXAMPLE="$ROOT/examples/thermometer-pt100-ru-en.json"
[ -x "$APP" ] || { echo "SMOKE FAIL: no executable at $APP (run packaging/build.sh)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/home" "$WORK/user"
# Nothing from this machine's setup leaks in: an empty app home, an empty user home, no Python paths.
export COOMET_LAB_HOME="$WORK/home" HOME="$WORK/user" XDG_CONFIG_HOME="$WORK/user/.config"
export XDG_DATA_HOME="$WORK/user/.local/share" QT_QPA_PLATFORM=offscreen
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV COOMET_LAB_SCHEMAS COOMET_LAB_FONTS
export SMOKE_PASSPHRASE="smoke test passphrase 2026"
cd "$WORK"

step=0
run() {  # run NAME EXPECTED-TEXT COMMAND...: the command must succeed and print the expected text
    local name="$1" expected="$2"
    shift 2
    step=$((step + 1))
    local started=$(date +%s.%N) output
    if ! output="$("$@" 2>&1)"; then
        printf '%s\n' "$output" >&2
        echo "SMOKE FAIL at step $step ($name): exit status non-zero" >&2
        exit 1
    fi
    if ! grep -q -- "$expected" <<<"$output"; then
        printf '%s\n' "$output" >&2
        echo "SMOKE FAIL at step $step ($name): expected '$expected' in the output" >&2
        exit 1
    fi
    printf 'ok %2d  %-28s %5.2f s  %s\n' "$step" "$name" "$(echo "$(date +%s.%N) - $started" | bc)" \
        "$(grep -m1 -- "$expected" <<<"$output" | cut -c1-90)"
}

VERSION="$(cd "$ROOT" && sed -n 's/^__version__ = "\(.*\)"/\1/p' coomet_lab/_version.py)"
run "version" "coomet-lab $VERSION" "$APP" --version
run "bundled schemas (empty home)" "DCC 3.3.0 (D-SI 2.2.1): installed" "$APP" schemas list
run "desktop screenshot" "screenshot written" "$APP" --screenshot "$WORK/window.png"
[ -s "$WORK/window.png" ] && head -c 8 "$WORK/window.png" | grep -q PNG || { echo "SMOKE FAIL: no PNG" >&2; exit 1; }
run "desktop ready" "^ready" "$APP" --quit-when-ready
run "keys init" "signer key + certificate" "$APP" keys init --lab "Smoke Test Lab" --person "Anna Smirnova" \
    --out keys --passphrase-env SMOKE_PASSPHRASE
run "dcc build" "valid (DCC 3.3.0)" "$APP" dcc build "$EXAMPLE" -o cert.xml
run "dcc validate" "cert.xml: valid (DCC 3.3.0)" "$APP" dcc validate cert.xml
run "sign (XAdES)" "signed cert.xml -> signed.xml" "$APP" sign cert.xml -o signed.xml --key keys/signer.p12 \
    --passphrase-env SMOKE_PASSPHRASE --trust keys/lab-ca.pem
run "pdf twin (PAdES)" "PDF signed (PAdES" "$APP" pdf signed.xml -o twin.pdf --sign --key keys/signer.p12 \
    --passphrase-env SMOKE_PASSPHRASE --trust keys/lab-ca.pem
run "verify signed DCC" "signed.xml: VALID" "$APP" verify signed.xml --trust keys/lab-ca.pem
run "verify PDF twin" "twin.pdf: VALID" "$APP" verify twin.pdf --trust keys/lab-ca.pem
[ -z "$(ls -A "$COOMET_LAB_HOME/schemas" 2>/dev/null)" ] || { echo "SMOKE FAIL: schemas were copied into the home" >&2; exit 1; }
echo "SMOKE OK: $step steps passed with $APP"
