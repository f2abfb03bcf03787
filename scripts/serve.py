#!/usr/bin/env python3
"""Preview the site while editing (`make serve`): MkDocs' live server that shows a failed
build as a page in the browser, in the editor's language, and recovers on the next save.

Usage: make serve   (or: python3 scripts/serve.py [--dev-addr 127.0.0.1:8000] [--lang ru])

`mkdocs serve` alone leaves the browser waiting when a build fails: its server holds every
request until a build succeeds (mkdocs/livereload: `_visible_epoch` stays behind
`_wanted_epoch`), and a failed first build stops it altogether. Here the build function
MkDocs' serve command calls is wrapped: a failed build replaces the preview's files with
one page naming the problems (also served for every other address, as the 404 page), and
counts as a finished build, so the browser gets an answer and reloads when the next one
succeeds.
"""

from __future__ import annotations

import _venv

_venv.ensure("serve")

import argparse  # noqa: E402
import logging  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from mkdocs import exceptions  # noqa: E402
from mkdocs.commands import serve as mkdocs_serve  # noqa: E402

from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.site.build_error_page import render_build_error_page  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.eucj.serve")
_build = mkdocs_serve.build


def write_error_site(site_dir: Path, message: str) -> None:
    """Replace the preview's files with the error page, at / and for every other address."""
    for child in site_dir.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    page = render_build_error_page(message, round(time.monotonic() * 1000))
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")


def build_or_error_page(config, **kwargs) -> None:
    try:
        _build(config, **kwargs)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # PluginError, Abort (SystemExit), anything a hook raised
        # MkDocs turns a hook's PluginError into Abort("Aborted with a BuildError!") after
        # logging it: the located messages are in the exception it was raised from.
        cause = exc.__context__ if isinstance(exc, exceptions.Abort) and exc.__context__ else exc
        message = str(cause) or type(cause).__name__
        write_error_site(Path(config.site_dir), message)
        log.error(_("The site cannot be built: the browser shows why. Waiting for the next save."))


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Preview the site while editing"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=_("address and port to serve on"))
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    mkdocs_serve.build = build_or_error_page
    mkdocs_serve.serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
