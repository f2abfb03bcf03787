"""Run by tests/test_serve.py in its own process (the quick pass wraps MkDocs functions):
build a catalogue fully into `quick/`, then for each edit apply it to the catalogue,
run the preview's quick pass over `quick/` (as scripts/serve.py does) and a full build
of the edited catalogue into `full-N/`. Prints one JSON line per edit: the plan's pages,
and whether the whole catalogue was loaded again or the changed entry alone.

Usage: quick_pass_run.py CATALOGUE WORKDIR EDITS.json   (EDITS: a list of [old, new] texts)
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import _quick_pass  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from eucj_bank.catalogue import load as catalogue_load  # noqa: E402
from eucj_bank.copies import build_session  # noqa: E402

SERVE_URL = "http://127.0.0.1:8000/"


def run_build(site: Path, quick: bool) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    _quick_pass.prepare(quick)
    build(config, serve_url=SERVE_URL)
    if quick:
        _quick_pass.remove_pages(site)


def main() -> int:
    catalogue, work, edits = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text("utf-8"))
    assert _quick_pass.install()
    full_loads = []
    real_load = catalogue_load.load_catalogue

    def counted(*args, **kwargs):
        full_loads.append(1)
        return real_load(*args, **kwargs)

    build_session.load_catalogue = counted
    run_build(work / "quick", quick=False)
    for n, (old, new) in enumerate(edits):
        text = catalogue.read_text("utf-8")
        assert old in text, old
        catalogue.write_text(text.replace(old, new, 1), "utf-8")
        full_loads.clear()
        run_build(work / "quick", quick=True)
        plan = build_session.current().preview
        print(json.dumps({"pages": sorted(plan.pages) if plan else None, "whole_load": bool(full_loads)}), flush=True)
        shutil.rmtree(work / f"full-{n}", ignore_errors=True)
        shutil.copytree(work / "quick", work / f"quick-{n}")
        run_build(work / f"full-{n}", quick=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
