#!/usr/bin/env bash
# Debian packages the tests drive for real: chromium (Playwright is pointed at
# /usr/bin/chromium; browsers are never downloaded), node (lunr.js tests) and nginx
# (the hosting guide's configuration, started by tests/test_hosting.py on 127.0.0.1).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx)
# ssh-keygen -Y sign/verify: the signed manifest of a copy (scripts/verify_copy.py)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
