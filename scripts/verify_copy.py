#!/usr/bin/env python3
"""Check a copy of the bank against its manifest (SHA256SUMS.txt); name every missing or changed file.

Usage: python3 scripts/verify_copy.py TARGET [--manifest FILE_OR_URL] [--lang ru]
                                       [--public-key KEY.pub | --allowed-signers FILE --identity NAME]
TARGET is an unpacked copy (a folder) or the address of a served copy (http(s)://.../).
The manifest is the copy's own SHA256SUMS.txt unless --manifest names another one,
such as the one published with the release or taken from the offline zip.
With the agency's public key, the manifest's signature (SHA256SUMS.txt.sig beside it,
made by `make site` with EUCJ_SIGNING_KEY) must be valid; without one, the report says
whether the copy is signed at all.
Exit status: 0 when every listed file is present and unchanged, nothing is added, no
file is a symlink and (with a key) the signature is valid; 1 otherwise.
"""

from __future__ import annotations

import _venv

_venv.ensure("site")

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.error import URLError  # noqa: E402

from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.copies.manifest import (  # noqa: E402
    MANIFEST_NAME,
    ManifestError,
    http_get,
    parse_manifest,
    verify_directory,
    verify_served,
)
from eucj_bank.copies.signature import SIGNATURE_SUFFIX, verify  # noqa: E402


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _read_bytes(source: str) -> bytes:
    if _is_url(source):
        return http_get(source)
    path = Path(source)
    if path.is_symlink():
        raise OSError(_("{source} is a symlink, refused", source=source))
    return path.read_bytes()


def _signature(source: str, data: bytes, args) -> tuple[bool, str]:
    """(whether the check passes, what to say about the signature)."""
    try:
        signature = _read_bytes(source + SIGNATURE_SUFFIX)
    except (OSError, URLError):
        signature = None
    keyed = bool(args.public_key or args.allowed_signers)
    if signature is None:
        if keyed:
            return False, _("error") + ": " + _("the manifest is not signed (no {signature}); it cannot be trusted",
                                                signature=source + SIGNATURE_SUFFIX)
        return True, _("note") + ": " + _("the manifest is not signed: this check shows the copy matches its "
                                         "manifest, not who made it")
    if not keyed:
        return True, _("note") + ": " + _("the manifest is signed; give the agency's key (--public-key) "
                                          "to check that it made it")
    ok, words = verify(data, signature, public_key=Path(args.public_key) if args.public_key else None,
                       allowed_signers=Path(args.allowed_signers) if args.allowed_signers else None,
                       identity=args.identity)
    if ok:
        return True, _("signature: valid ({words})", words=words)
    return False, _("error") + ": " + _("the manifest's signature is not valid for this key ({words})", words=words)


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Check a copy of the bank against its manifest"))
    parser.add_argument("target", help=_("folder of an unpacked copy, or http(s) address of a served one"))
    parser.add_argument("--manifest", help=_("manifest to check against (default: the copy's own {name})",
                                             name=MANIFEST_NAME))
    parser.add_argument("--public-key", help=_("the agency's public SSH key (.pub): the manifest must be signed by it"))
    parser.add_argument("--allowed-signers", help=_("an OpenSSH allowed_signers file (with --identity)"))
    parser.add_argument("--identity", default="eucj-bank-signer", help=_("the signer's name in --allowed-signers"))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    error = _("error") + ": "
    served = _is_url(args.target)
    base = args.target if not served or args.target.endswith("/") else args.target + "/"
    if not served and not Path(base).is_dir():
        print(error + _("{path} is not a folder (give the unpacked copy's folder or an http(s) address)",
                                path=base), file=sys.stderr)
        return 1
    source = args.manifest or (base + MANIFEST_NAME if served else str(Path(base) / MANIFEST_NAME))
    try:
        data = _read_bytes(source)
        entries = parse_manifest(data.decode("utf-8"), source)
    except (OSError, URLError, UnicodeDecodeError) as exc:
        print(error + _("cannot read the manifest {source}: {reason}", source=source,
                                reason=getattr(exc, "reason", exc)), file=sys.stderr)
        return 1
    except ManifestError as exc:
        print(error + str(exc), file=sys.stderr)
        return 1
    signed_ok, signature_words = _signature(source, data, args)
    report = verify_served(base, entries) if served else verify_directory(Path(base), entries)
    for name in report.missing:
        print(_("missing: {name}", name=name))
    for name in report.changed:
        print(_("changed: {name}", name=name))
    for name, why in report.unreadable:
        print(_("unreadable: {name} ({reason})", name=name, reason=why))
    for name in report.added:
        print(_("added: {name}", name=name))
    for name in report.links:
        print(_("symlink (refused, not followed): {name}", name=name))
    for name in report.unlisted:
        print(_("not in the manifest (left alone): {name}", name=name))
    print(signature_words, file=sys.stderr)
    problems = len(report.missing) + len(report.changed) + len(report.unreadable)
    if problems or report.added or report.links:
        print(_("{target}: files missing, changed or unreadable: {problems} of {checked} "
                "(missing: {missing}, changed: {changed}), added: {added}, symlinks: {links}", target=base,
                problems=problems, checked=report.checked, missing=len(report.missing),
                changed=len(report.changed), added=len(report.added), links=len(report.links)),
              file=sys.stderr)
        return 1
    if not signed_ok:
        return 1
    print(_("{target}: all {checked} files match {source}", target=base, source=source,
            checked=report.checked), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
