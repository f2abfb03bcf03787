"""The hosting guide's server configurations (deploy/), and nginx for real.

The configurations are the files the guide shows (it includes them), so what is
tested here is what an agency copies. nginx from Debian's package serves the shipped
site under a sub-path with the guide's headers, and Chromium uses it with zero
Content-Security-Policy violations.
"""

from __future__ import annotations

import contextlib
import html
import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import ROOT
from test_browser_site import _title_word, search

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS, vocabularies
from eucj_bank.copies.csp import policy_for

DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx/eucj-bank.conf"
HTACCESS = DEPLOY / "apache/.htaccess"
WEB_CONFIG = DEPLOY / "iis/web.config"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
SUB_PATH = "/bank/"

# Every type of file a copy holds: the bank's formats (vocabularies.yaml) and the site's own.
SITE_TYPES = {".html": "text/html", ".css": "text/css", ".js": "application/javascript",
              ".json": "application/json", ".xml": "text/xml", ".svg": "image/svg+xml", ".png": "image/png"}


def _expected_types() -> dict[str, str]:
    types = dict(SITE_TYPES)
    for spec in vocabularies()["formats"].values():
        for ext in spec["extensions"]:
            types[ext] = spec["mime"]
    return types


def _csp_nginx() -> str:
    return re.search(r'add_header Content-Security-Policy "([^"]+)" always;', NGINX_CONF.read_text("utf-8")).group(1)


def _csp_apache() -> str:
    return re.search(r'Header always set Content-Security-Policy "([^"]+)"', HTACCESS.read_text("utf-8")).group(1)


def _web_config() -> ET.Element:
    return ET.parse(WEB_CONFIG).getroot().find("system.webServer")


def _csp_iis() -> str:
    headers = _web_config().find("httpProtocol/customHeaders")
    return next(h.get("value") for h in headers.findall("add") if h.get("name") == "Content-Security-Policy")


def test_the_three_configurations_send_the_policy_the_site_satisfies(shipped):
    expected = policy_for(shipped["site"])
    assert _csp_nginx() == expected, "deploy/ is out of date: python scripts/csp_policy.py site/"
    assert _csp_apache() == expected
    assert _csp_iis() == expected
    assert "'unsafe-inline'" not in expected and "'unsafe-eval'" not in expected


def test_apache_and_iis_give_every_format_its_mime_type():
    htaccess = HTACCESS.read_text("utf-8")
    apache = {ext: mime for mime, exts in re.findall(r"^AddType (\S+) (.+)$", htaccess, re.M)
              for ext in exts.split()}
    iis = {m.get("fileExtension"): m.get("mimeType").split(";")[0]
           for m in _web_config().find("staticContent").findall("mimeMap")}
    removed = {r.get("fileExtension") for r in _web_config().find("staticContent").findall("remove")}
    for ext, mime in _expected_types().items():
        assert apache.get(ext) == mime, ("apache", ext)
        assert iis.get(ext) == mime, ("iis", ext)
    assert set(iis) <= removed, "IIS refuses a duplicate MIME entry (500.19): remove each one first"
    assert "." in iis, "IIS serves no extension-less file without a MIME type"
    assert re.search(r"^Options -Indexes$", htaccess, re.M)
    assert _web_config().find("directoryBrowse").get("enabled") == "false"


def test_the_guide_shows_the_tested_configurations():
    # pymdownx.snippets reads from deploy/ only (mkdocs.yml): paths are relative to it
    for lang in LANGS:
        guide = (ROOT / "docs" / lang / "hosting.md").read_text("utf-8")
        for conf in (NGINX_CONF, HTACCESS, WEB_CONFIG):
            assert f'--8<-- "{conf.relative_to(ROOT / "deploy").as_posix()}"' in guide, (lang, conf)


@pytest.mark.parametrize("lang", LANGS)
def test_the_built_guide_shows_each_configuration_whole(shipped, lang):
    page = (shipped["site"] / f"{LANG_ROOT[lang]}hosting.html").read_text("utf-8")
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", block))
              for block in re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S)]
    for conf in (NGINX_CONF, HTACCESS, WEB_CONFIG):
        assert any(conf.read_text("utf-8").strip() == block.strip() for block in blocks), (lang, conf)


# --- nginx, for real -------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{NGINX_CONF} no longer holds {old!r} once: update this test's template"
    return text.replace(old, new)


@contextlib.contextmanager
def _nginx(site: Path, workdir: Path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing: run `make test-deps` (Debian package nginx)")
    port = _free_port()
    conf = NGINX_CONF.read_text("utf-8")
    conf = _replace_once(conf, "listen 80;", f"listen 127.0.0.1:{port};")
    conf = _replace_once(conf, "alias /srv/eucj-bank/;", f"alias {site}/;")
    conf = _replace_once(conf, "location /bank/ {", f"location {SUB_PATH} {{")
    (workdir / "eucj-bank.conf").write_text(conf, encoding="utf-8")
    shutil.copy("/etc/nginx/mime.types", workdir / "mime.types")  # Debian's, as a real server has
    # As root, nginx's workers would drop to `nobody`, who cannot read pytest's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"{user}worker_processes 1;\nerror_log {workdir}/error.log;\npid {workdir}/nginx.pid;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n  access_log off;\n  include {workdir}/eucj-bank.conf;\n}}\n", encoding="utf-8")
    check = subprocess.run([nginx, "-t", "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    stderr = workdir / "stderr.log"
    with open(stderr, "wb") as err:
        proc = subprocess.Popen([nginx, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            assert proc.poll() is None, stderr.read_text()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}{SUB_PATH}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def nginx_site(shipped, tmp_path_factory):
    with _nginx(shipped["site"], tmp_path_factory.mktemp("nginx")) as base:
        yield base


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, b""


def test_nginx_serves_every_type_with_its_mime_type_and_the_guides_headers(nginx_site, shipped):
    site = shipped["site"]
    by_ext: dict[str, Path] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            by_ext.setdefault(path.suffix, path)
    expected = _expected_types()
    checked = []
    for ext, path in by_ext.items():
        if ext not in expected:
            continue
        status, headers, body = _get(nginx_site + path.relative_to(site).as_posix())
        assert status == 200 and body == path.read_bytes(), path
        assert headers.get_content_type() == expected[ext], (path, headers["Content-Type"])
        if expected[ext].startswith("text/") or ext in (".js", ".json"):
            assert headers.get_content_charset() == "utf-8", (path, headers["Content-Type"])
        assert headers["Content-Security-Policy"] == _csp_nginx()
        assert headers["X-Content-Type-Options"] == "nosniff"
        hashed = re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", path.name)
        assert headers["Cache-Control"] == ("public, max-age=31536000, immutable" if hashed else "no-cache"), path
        checked.append(ext)
    assert {".html", ".js", ".css", ".json", ".txt", ".md"} <= set(checked), checked


def _gzip_types_nginx() -> set[str]:
    line = re.search(r"^\s*gzip_types ([^;]+);", NGINX_CONF.read_text("utf-8"), re.M)
    return set(line.group(1).split()) | {"text/html"}  # nginx always compresses text/html


def test_apache_and_iis_compress_what_nginx_compresses():
    deflate = re.search(r"<IfModule mod_deflate.c>\s*AddOutputFilterByType DEFLATE ([^\n]+)",
                        HTACCESS.read_text("utf-8"))
    assert deflate and set(deflate.group(1).split()) == _gzip_types_nginx()
    compression = _web_config().find("urlCompression")
    assert compression is not None and compression.get("doStaticCompression") == "true"


def test_nginx_compresses_text_for_a_browser_that_accepts_gzip(nginx_site, shipped):
    """Pages, scripts, styles and search indexes travel compressed; the bytes are the file's."""
    import gzip

    site = shipped["site"]
    compressible = {ext for ext, mime in SITE_TYPES.items() if mime in _gzip_types_nginx()}
    samples = [p for p in sorted(site.rglob("*"))
               if p.is_file() and p.suffix in compressible and p.stat().st_size > 4096]
    by_ext: dict[str, Path] = {}
    for path in samples:
        by_ext.setdefault(path.suffix, path)
    assert {".html", ".js", ".css", ".json"} <= set(by_ext), sorted(by_ext)
    for path in by_ext.values():
        request = urllib.request.Request(nginx_site + path.relative_to(site).as_posix(),
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip", path
            assert "Accept-Encoding" in response.headers["Vary"], path
        assert gzip.decompress(body) == path.read_bytes(), path
        assert len(body) < 0.5 * path.stat().st_size, (path, len(body))
    png = next(site.rglob("*.png"), None)
    if png is not None:  # images are already compressed: sent as they are
        request = urllib.request.Request(nginx_site + png.relative_to(site).as_posix(),
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] is None


def test_nginx_lists_no_directory_and_serves_no_dot_file(nginx_site, shipped):
    assert _get(nginx_site + "files/")[0] == 403
    assert _get(nginx_site + "assets/javascripts/")[0] == 403
    assert _get(nginx_site + ".htaccess")[0] in (403, 404)
    status, _, body = _get(nginx_site)
    assert status == 200 and body == (shipped["site"] / "index.html").read_bytes()


def test_a_served_copy_verifies_against_its_manifest(nginx_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/verify_copy.py"), nginx_site],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"{msg.text} ({msg.location.get('url')})")
            if msg.type == "error" else None)
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    yield page
    assert not errors, errors


def _no_violation(page) -> None:
    assert page.evaluate("window.__csp") == [], page.url
    assert not page.page_errors, page.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_pages_and_search_work_under_the_guides_policy(csp_page, nginx_site, shipped, lang):
    page = csp_page
    for name in ("index", "catalogue", "browse/topic", "hosting"):
        response = page.goto(f"{nginx_site}{LANG_ROOT[lang]}{name}.html")
        assert response.status == 200 and response.headers["content-security-policy"] == _csp_nginx()
        page.wait_for_load_state("load")
        _no_violation(page)
    word, rid = _title_word(shipped, lang)
    page.goto(f"{nginx_site}{LANG_ROOT[lang]}index.html")
    hrefs = search(page, word)
    assert f"{nginx_site}{LANG_ROOT[lang]}resources/{rid}.html" in hrefs, (word, hrefs)
    page.goto(hrefs[0])
    _no_violation(page)


@pytest.mark.browser
def test_a_download_works_under_the_guides_policy(csp_page, nginx_site, shipped):
    page = csp_page
    rid = next(r.id for r in load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue.resources if r.files)
    page.goto(f"{nginx_site}ru/catalogue.html")
    page.click(f"table.eucj-catalogue a[href='resources/{rid}.html']")
    page.wait_for_load_state("load")
    link = page.locator("ul.eucj-downloads a[download]").first
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url.removeprefix(nginx_site)),
                                               link.get_attribute("href")))
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes() == (shipped["site"] / target).read_bytes()
    _no_violation(page)
