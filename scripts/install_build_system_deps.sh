#!/usr/bin/env bash
# Debian packages the site build needs: PyICU (collation, eucj_bank/catalogue/collation.py)
# is compiled against the system's ICU when pip installs it, which needs the ICU headers,
# pkg-config to find them and a C++ compiler. Nothing is installed when they are present.
set -euo pipefail
need=()
pkg-config --exists icu-i18n 2>/dev/null || need+=(libicu-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v g++ >/dev/null || need+=(g++)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
