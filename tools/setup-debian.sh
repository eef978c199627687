#!/usr/bin/env bash
# What a fresh Debian/Ubuntu machine lacks to run the app and its tests: Qt's system
# libraries (offscreen and xcb), a Times-compatible font, and LibreOffice/poppler for
# rendering exported documents in the tests. Safe to run again; does nothing off Debian.
set -euo pipefail
command -v apt-get >/dev/null || { echo "setup-debian: no apt-get here, skipping"; exit 0; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 xvfb
  fonts-liberation2
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
