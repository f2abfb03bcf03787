"""`make bench` keeps working: the benchmark builds a small synthetic bank and the naive
setup for real, measures both (Chromium from disk included) and a rebuild under
`mkdocs serve`. Its figures are printed, not asserted: speed targets live in the
benchmark, not in tests."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from support import ROOT, build_env

from eucj_bank.bench.naive_site import write_naive_project
from eucj_bank.bench.synthetic import generate_catalogue
from eucj_bank.catalogue.load import load_catalogue


def test_synthetic_catalogue_is_valid_and_realistic(tmp_path):
    path = generate_catalogue(12, tmp_path, ROOT)
    result = load_catalogue(path, tmp_path, strict=True)
    assert result.ok, "\n".join(map(str, result.problems))
    assert len(result.catalogue.resources) == 12
    for res in result.catalogue.resources:
        assert {f.lang for f in res.files} == {"en", "ru", "kk"}
        for lang in ("en", "ru", "kk"):
            assert res.summary.get(lang)[1] == lang and len(res.summary.get(lang)[0].split()) > 15
    kk = " ".join(r.summary.get("kk")[0] for r in result.catalogue.resources)
    assert re.search("[әғқңөұүһі]", kk), "Kazakh summaries must be Kazakh text"


def test_naive_project_lists_every_page_and_uses_default_search(tmp_path):
    catalogue = generate_catalogue(3, tmp_path / "catalogue", ROOT)
    config = yaml.safe_load(write_naive_project(catalogue, tmp_path / "naive").read_text("utf-8"))
    assert "nav" not in config and "hooks" not in config  # MkDocs' default nav: every page
    assert config["plugins"][0] == "search"
    assert "reconfigure_search" not in config["plugins"][1]["i18n"]  # static-i18n's default: merged index
    pages = sorted(p.relative_to(tmp_path / "naive" / "docs").as_posix()
                   for p in (tmp_path / "naive" / "docs").rglob("resources/*.md"))
    assert len(pages) == 9 and pages[0] == "en/resources/synthetic-00000.md"


@pytest.mark.browser
def test_benchmark_runs_end_to_end():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/benchmark.py"), "6", "--naive-max", "6",
                             "--serve", "6"], cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for expected in ("N = 6 resources", "bank:", "naive setup:", "bank / naive", "build time:",
                     "search index en", "keystroke to results, kk",
                     "first click in the search box to results (index loading included, the query pasted at once), ru",
                     "first search of a visit typed after the click (0.15 s a letter), keystroke to results, kk",
                     "time per resource",
                     "make serve at N = 6"):
        assert expected in out, f"{expected!r} missing from:\n{out}"
    builds = [float(s) for s in re.findall(r"build (\d+\.\d) s", out)]
    assert len(builds) == 2 and all(s > 0 for s in builds)
    rebuild = re.search(r"page served with it after (\d+\.\d) s", out)
    assert rebuild, out
