#!/usr/bin/env python3
"""Preview the site while editing (`make serve`): MkDocs' live server that shows a failed
build as a page in the browser, in the editor's language, recovers on the next save, and
serves the page of an edited resource in seconds.

Usage: make serve   (or: python3 scripts/serve.py [--dev-addr 127.0.0.1:8000] [--lang ru])

Errors: `mkdocs serve` alone leaves the browser waiting when a build fails: its server
holds every request until a build succeeds (mkdocs/livereload: `_visible_epoch` stays
behind `_wanted_epoch`), and a failed first build stops it altogether. Here a failed
build replaces the preview's files with one page naming the problems (also served for
every other address, as the 404 page), and counts as a finished build, so the browser
gets an answer and reloads when the next one succeeds.

Speed: rebuilding the whole site after each save took 21.5 s at 1,000 resources. When
only the catalogue changed since a successful build, a quick pass builds the pages the
edit changes (eucj_bank/copies/preview_plan.py, scripts/_quick_pass.py) over the served
site; then a full build runs in another process, into a second directory, and replaces
the served site when it is done, unless another save came first (that one starts
anew). So the edited resource's pages, the pages listing it and the search index are
right after the quick pass, and every other file (open data, feeds, sitemaps, full-text
shards, the manifest) once the full build is served.
"""

from __future__ import annotations

import _venv

_venv.ensure("serve")

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import watchdog.events  # noqa: E402
import _quick_pass  # noqa: E402
from mkdocs import exceptions  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.livereload import LiveReloadServer, _serve_url, _timestamp  # noqa: E402

from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.site.build_error_page import render_build_error_page  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.eucj.serve")


def write_error_site(site_dir: Path, message: str) -> None:
    """Replace the preview's files with the error page, at / and for every other address."""
    for child in site_dir.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    page = render_build_error_page(message, round(time.monotonic() * 1000))
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")


def build_or_error_page(config, **kwargs) -> bool:
    """Build; on failure write the error page instead. True when the site was built."""
    try:
        build(config, **kwargs)
        return True
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # PluginError, Abort (SystemExit), anything a hook raised
        # MkDocs turns a hook's PluginError into Abort("Aborted with a BuildError!") after
        # logging it: the located messages are in the exception it was raised from.
        cause = exc.__context__ if isinstance(exc, exceptions.Abort) and exc.__context__ else exc
        message = str(cause) or type(cause).__name__
        write_error_site(Path(config.site_dir), message)
        log.error(_("The site cannot be built: the browser shows why. Waiting for the next save."))
        return False


class _Server(LiveReloadServer):
    """MkDocs' live-reload server that remembers which files changed since the last build."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changed: set[str] = set()

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        """MkDocs' watch (1.6.1), whose callback also notes the changed file."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event):
            if event.is_directory:
                return
            with self._rebuild_cond:
                self.changed.update(p for p in (event.src_path, getattr(event, "dest_path", "")) if p)
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def swap_in(self, root: str) -> None:
        """Serve `root` from now on; open pages reload."""
        with self._epoch_cond:
            self.root = root
            self._wanted_epoch = self._visible_epoch = _timestamp()
            self._epoch_cond.notify_all()


class Preview:
    """The builds of one `make serve`: a quick pass after an edit of the catalogue alone,
    then a full build in the background that replaces the served site when done."""

    def __init__(self, config_file: str, quick: bool):
        self.config_file, self.serve_url, self.quick = config_file, "", quick
        self.root, self.spare = tempfile.mkdtemp(prefix="mkdocs_"), tempfile.mkdtemp(prefix="mkdocs_")
        self.complete = False  # the served directory holds a whole site (full build, maybe + quick passes)
        self.lock = threading.Lock()
        self.generation = 0
        self.background: subprocess.Popen | None = None
        self.server: _Server | None = None
        self.catalogue = ""

    def config(self, site_dir: str):
        config = load_config(config_file=self.config_file, site_dir=site_dir)
        config.site_url = self.serve_url
        return config

    def build(self, config=None) -> None:
        changed = set()
        if self.server is not None:
            with self.server._rebuild_cond:
                changed, self.server.changed = self.server.changed, set()
        with self.lock:
            self.generation += 1
            self._stop_background()
            root = self.root
        quick = self.quick and self.complete and bool(changed) and changed <= {self.catalogue}
        log.info("Building documentation..." if not quick else "Building the pages the edit changed...")
        config = config or self.config(root)
        _quick_pass.prepare(quick)
        start = time.monotonic()
        self.complete = build_or_error_page(config, serve_url=self.serve_url)
        if self.complete and _quick_pass.was_quick():
            _quick_pass.remove_pages(root)
            log.info(f"Quick pass done in {time.monotonic() - start:.2f} s; the full build follows")
            self._start_background()

    def _stop_background(self) -> None:
        if self.background is not None and self.background.poll() is None:
            self.background.terminate()
            self.background.wait()
        self.background = None

    def _start_background(self) -> None:
        with self.lock:
            generation, spare = self.generation, self.spare
            args = [sys.executable, __file__, "--build-into", spare, "--serve-url", self.serve_url,
                    "-f", self.config_file]
            self.background = process = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        threading.Thread(target=self._finish_background, args=(process, generation), daemon=True).start()

    def _finish_background(self, process: subprocess.Popen, generation: int) -> None:
        status = process.wait()
        with self.lock:
            if status not in (0, FAILED) or generation != self.generation or self.server is None:
                return  # stopped, or overtaken by a later save
            self.root, self.spare = self.spare, self.root
            self.complete = status == 0
            self.server.swap_in(self.root)
        if status == 0:
            log.info("The full build is served")
        else:  # a problem only the whole catalogue shows (the quick pass read one entry)
            log.error(_("The site cannot be built: the browser shows why. Waiting for the next save."))

    def error_page(self, code: int) -> bytes | None:
        page = Path(self.root, f"{code}.html")
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    def serve(self, host: str, port: int) -> None:
        config = load_config(config_file=self.config_file, site_dir=self.root)
        mount_path = urlsplit(config.site_url or "/").path  # as `mkdocs serve` does
        config.site_url = self.serve_url = _serve_url(host, port, mount_path)
        config.plugins.on_startup(command="serve", dirty=False)
        self.server = server = _Server(builder=self.build, host=host, port=port, root=self.root, mount_path=mount_path)
        server.error_handler = self.error_page
        try:
            self.build(config)
            server.watch(config.docs_dir)
            server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=self.build)
            for item in config.watch:
                server.watch(item)
            self.catalogue = _catalogue(config)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            with self.lock:
                self.generation += 1
                self._stop_background()
            config.plugins.on_shutdown()
            for directory in (self.root, self.spare):
                shutil.rmtree(directory, ignore_errors=True)


def _catalogue(config) -> str:
    """The catalogue's path as the watcher reports it (hooks/catalogue.py reads the same)."""
    given = os.environ.get("EUCJ_CATALOGUE") or Path(config.config_file_path).parent / config.extra.get(
        "catalogue", "resource_catalog.yaml")
    return os.path.abspath(given)


FAILED = 3  # the background full build's status when it wrote the error page


def build_into(site_dir: str, serve_url: str, config_file: str) -> int:
    """The background full build: the same configuration as the preview's, another directory."""
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.site_url = serve_url
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        return 0 if build_or_error_page(config, serve_url=serve_url) else FAILED
    finally:
        config.plugins.on_shutdown()


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Preview the site while editing"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=_("address and port to serve on"))
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--build-into", help=argparse.SUPPRESS)  # the background full build
    parser.add_argument("--serve-url", help=argparse.SUPPRESS)
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if args.build_into:
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        return build_into(args.build_into, args.serve_url, args.config_file)
    signal.signal(signal.SIGTERM, _interrupted)  # stop the background build and clean up, as on Ctrl-C
    host, _sep, port = args.dev_addr.rpartition(":")
    preview = Preview(args.config_file, quick=_quick_pass.install())
    preview.serve(host, int(port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
