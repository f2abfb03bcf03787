"""One date for a whole build, so that two builds of a commit are byte-identical.

MkDocs (1.6, mkdocs/utils/__init__.py `get_build_datetime`) dates every page with
the day of the build: sitemap.xml's <lastmod> and the gzip header of sitemap.xml.gz
(`get_build_timestamp`) change from one day to the next. Both honour
SOURCE_DATE_EPOCH (reproducible-builds.org); we set it, when the caller has not, to
the time of the last commit: the date of what is built, not of when.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

# Outside a git checkout (a source tarball): the day the EUCJ project closed.
FALLBACK_EPOCH = 1539475200  # 2018-10-14T00:00:00Z


def last_commit_epoch(root: Path) -> int | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = out.stdout.strip()
    return int(value) if out.returncode == 0 and value.isdigit() else None


def source_date_epoch(root: Path, environ: dict) -> str:
    """The SOURCE_DATE_EPOCH to build with: the caller's, else the last commit's."""
    given = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    return str(last_commit_epoch(root) or FALLBACK_EPOCH)
