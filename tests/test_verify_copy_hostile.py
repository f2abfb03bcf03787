"""verify_copy against a hostile copy or server: additions, symlinks, repeated manifest
lines, an edited manifest (signatures), cross-origin redirects, endless and trickling
bodies. Each is reported plainly, nothing is followed, nothing hangs."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time

import pytest
from support import ROOT, unzip

from eucj_bank.copies.manifest import http_get, sha256_hex

VERIFY = [sys.executable, str(ROOT / "scripts/verify_copy.py")]
SIGN = [sys.executable, str(ROOT / "scripts/sign_manifest.py")]


def _verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(VERIFY + list(args), capture_output=True, text=True, timeout=300)


@pytest.fixture
def copy(shipped, tmp_path):
    return unzip(shipped["zip"], tmp_path / "copy") / "eucj-resource-bank"


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    folder = tmp_path_factory.mktemp("key")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "agency", "-f", str(folder / "agency")],
                   check=True, stdin=subprocess.DEVNULL)
    return folder / "agency"


def test_an_added_file_and_a_symlink_fail_the_copy(copy, tmp_path):
    (copy / "stray.html").write_text("<p>added</p>", encoding="utf-8")
    secret = tmp_path / "outside-secret.txt"
    secret.write_text("OUTSIDE", encoding="utf-8")
    (copy / "about.html").unlink()
    (copy / "about.html").symlink_to(secret)
    result = _verify(str(copy))
    assert result.returncode == 1
    assert "added: stray.html" in result.stdout.splitlines()
    assert "symlink (refused, not followed): about.html" in result.stdout.splitlines()
    assert "changed: about.html" not in result.stdout  # never hashed what the link points to


def test_a_path_listed_twice_is_refused(copy):
    manifest = copy / "SHA256SUMS.txt"
    lines = manifest.read_text("utf-8").splitlines()
    manifest.write_text("\n".join(lines + [lines[0]]) + "\n", encoding="utf-8")
    result = _verify(str(copy))
    assert result.returncode == 1
    name = lines[0].split("  ", 1)[1]
    assert f":{len(lines) + 1}: {name} is listed twice (first at line 1)" in result.stderr


def test_unsigned_copy_is_said_plainly(copy):
    result = _verify(str(copy))
    assert result.returncode == 0 and "the manifest is not signed" in result.stderr


def test_signed_manifest_is_checked_against_the_agencys_key(copy, key, tmp_path):
    signed = subprocess.run(SIGN + [str(copy), "--key", str(key)], capture_output=True, text=True)
    assert signed.returncode == 0, signed.stderr
    assert (copy / "SHA256SUMS.txt.sig").is_file()
    ok = _verify(str(copy), "--public-key", f"{key}.pub")
    assert ok.returncode == 0 and "signature: valid" in ok.stderr, ok.stderr
    # an edited file with the manifest edited to match: the files agree, the signature does not
    page = copy / "catalogue.html"
    page.write_text(page.read_text("utf-8") + "<!-- edited -->", encoding="utf-8")
    manifest = copy / "SHA256SUMS.txt"
    text = manifest.read_text("utf-8")
    old = next(line for line in text.splitlines() if line.endswith("  catalogue.html"))
    manifest.write_text(text.replace(old, f"{sha256_hex(page.read_bytes())}  catalogue.html"), encoding="utf-8")
    forged = _verify(str(copy), "--public-key", f"{key}.pub")
    assert forged.returncode == 1 and "signature is not valid" in forged.stderr
    (copy / "SHA256SUMS.txt.sig").unlink()
    unsigned = _verify(str(copy), "--public-key", f"{key}.pub")
    assert unsigned.returncode == 1 and "the manifest is not signed" in unsigned.stderr


class _Hostile(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "http://example.invalid/SHA256SUMS.txt")
            self.end_headers()
        elif self.path.startswith("/endless"):
            self.send_response(200)
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"\0" * 65536)
            except OSError:
                pass
        else:  # trickle
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass


@pytest.fixture
def hostile_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_cross_origin_redirect_endless_and_trickling_bodies_are_refused(hostile_server):
    from urllib.error import HTTPError

    with pytest.raises(HTTPError, match="another origin"):
        http_get(hostile_server + "/redirect")
    with pytest.raises(OSError, match="more than 1048576 bytes"):
        http_get(hostile_server + "/endless", limit=1 << 20)
    start = time.monotonic()
    with pytest.raises(OSError, match="not received within 2 s"):
        http_get(hostile_server + "/trickle", deadline=2)
    assert time.monotonic() - start < 10
    result = _verify(hostile_server + "/redirect/")
    assert result.returncode == 1 and "another origin" in result.stderr

