#!/usr/bin/env bash
# Debian packages the tests drive for real: chromium (Playwright is pointed at
# /usr/bin/chromium; browsers are never downloaded), node (lunr.js tests) and nginx
# (the hosting guide's configuration, started by tests/test_hosting.py on 127.0.0.1),
# linkchecker (tests/test_audits.py: every link of the site and of the offline copy) and a
# Java runtime for the Nu HTML checker (npm vnu-jar; tests/test_audits.py, make audit).
# LibreOffice (real DOCX/ODT/PDF files for tests/test_extraction.py and the reading
# pages), Tesseract with Russian, Kazakh and English data (scans read with OCR), and
# the DejaVu font the test scans are drawn with.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx)
command -v linkchecker >/dev/null || need+=(linkchecker)
command -v java >/dev/null || need+=(default-jre-headless)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
for data in eng rus kaz; do
  [ -f "/usr/share/tesseract-ocr/5/tessdata/$data.traineddata" ] || need+=("tesseract-ocr-$data")
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# ssh-keygen -Y sign/verify: the signed manifest of a copy (scripts/verify_copy.py)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
