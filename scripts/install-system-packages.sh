#!/usr/bin/env bash
# Debian packages the project needs beyond Python:
#   chromium        headless browser for the reader tests (Playwright drives it)
#   fonts-noto-cjk  Japanese glyphs for screenshots and the PDF
#   poppler-utils   pdftotext, pdffonts, pdftoppm for checking the PDF
#   libpango*, libharfbuzz-subset0  text layout and font subsetting for WeasyPrint (the PDF)
# Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
packages=(chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
