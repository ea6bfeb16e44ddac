#!/usr/bin/env bash
# Debian packages the tests use: libxmlsec1's command line (independent signature check), SoftHSM2 (a PKCS#11
# token in software), poppler-utils (PDF pages to PNG and text), zbar-tools (reads the twin's QR code back), fonts
# and the libraries Qt needs offscreen.
# Installs what is missing when run as root (or with sudo); otherwise says what to install.
set -euo pipefail
packages=(xmlsec1 softhsm2 opensc poppler-utils zbar-tools fonts-dejavu-core libegl1 libgl1 libxkbcommon0 libfontconfig1
          libdbus-1-3 libglib2.0-0)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
    echo "please install: ${missing[*]}" >&2
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
        echo "please install (as root): apt-get install ${missing[*]}" >&2
        exit 0
    fi
fi
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
