#!/usr/bin/env bash
# Debian packages the tests drive for real: chromium (Playwright is pointed at
# /usr/bin/chromium; browsers are never downloaded) and node (lunr.js tests).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
