"""The whole build works with the network off, and tries no connection.

Two independent checks of a real `mkdocs build` of the shipped catalogue:
1. An audit hook (PEP 578), installed through sitecustomize in the build's process,
   records every socket connection, name lookup, URL request and subprocess, and
   refuses the network ones. Works without privileges.
2. The same build inside a network namespace with no interface but loopback
   (`unshare --net`, or `unshare -rn` without root), when the system allows one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from support import ROOT, build_command, build_env

AUDIT_HOOK = '''
import os, sys
_LOG = os.environ["EUCJ_AUDIT_LOG"]
_NETWORK = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
            "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto", "socket.sendmsg",
            "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect")
_PROCESSES = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn")

def _record(line):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(line + "\\n")

def _hook(event, args):
    if event in _NETWORK:
        _record(f"NETWORK {event} {args!r}")
        raise ConnectionRefusedError(f"the build tried the network: {event} {args!r}")
    if event in _PROCESSES:
        _record(f"PROCESS {event} {args!r}")

_record(f"INSTALLED {sys.argv!r}")
sys.addaudithook(_hook)
'''


def _audited(tmp_path, cmd: list[str], **env: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    hook_dir = tmp_path / "audit"
    hook_dir.mkdir(exist_ok=True)
    (hook_dir / "sitecustomize.py").write_text(AUDIT_HOOK, encoding="utf-8")
    log = tmp_path / "audit.log"
    log.unlink(missing_ok=True)
    full_env = build_env(**env, EUCJ_AUDIT_LOG=str(log), PYTHONPATH=str(hook_dir))
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        full_env.pop(proxy, None)
    result = subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True)
    return result, log.read_text("utf-8").splitlines() if log.exists() else []


def test_the_audit_hook_sees_a_connection(tmp_path):
    """The harness itself: a connection attempt is recorded and refused."""
    for probe, event in [("import socket; socket.socket().connect(('127.0.0.1', 9))", "socket.connect"),
                         ("import urllib.request; urllib.request.urlopen('http://example.org/')", "urllib.Request")]:
        result, lines = _audited(tmp_path, [sys.executable, "-c", probe])
        assert result.returncode != 0 and "the build tried the network" in result.stderr
        assert any(line.startswith(f"NETWORK {event}") for line in lines), lines


def test_build_tries_no_connection(tmp_path):
    site = tmp_path / "site"
    result, lines = _audited(tmp_path, build_command(site))
    assert result.returncode == 0, result.stderr
    assert lines and lines[0].startswith("INSTALLED"), "the audit hook did not run in the build"
    assert not [line for line in lines if line.startswith("NETWORK")]
    # Nor does it run another program, which could reach the network unseen.
    assert not [line for line in lines if line.startswith("PROCESS")]
    assert (site / "index.html").is_file() and (site / "kk/search/search_index.js").is_file()


def _unshare_prefix() -> list[str] | None:
    if not shutil.which("unshare"):
        return None
    for prefix in (["unshare", "--net"], ["unshare", "-rn"]):
        if subprocess.run(prefix + ["true"], capture_output=True).returncode == 0:
            return prefix
    return None


def test_build_in_a_network_namespace_gives_the_same_site(tmp_path):
    prefix = _unshare_prefix()
    if prefix is None:
        pytest.skip("this system allows no network namespace (unshare --net / -rn); the audit-hook test stands")
    check = subprocess.run(prefix + [sys.executable, "-c", "import socket; socket.create_connection(('1.1.1.1', 53), 3)"],
                           capture_output=True, text=True)
    assert check.returncode != 0, "the namespace still reaches the network"
    sites = {}
    for name, wrap in (("offline", prefix), ("online", [])):
        sites[name] = tmp_path / name
        result = subprocess.run(wrap + build_command(sites[name]), cwd=ROOT, env=build_env(),
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    files = {name: {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
             for name, site in sites.items()}
    assert files["offline"] == files["online"]
    assert os.path.getsize(sites["offline"] / "index.html") > 0
