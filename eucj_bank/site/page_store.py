"""Pages a build writes again unchanged, hard-linked from a store instead of written.

A build at N = 1,000 x 3 languages writes about 430 MB of HTML into a site folder that
MkDocs has just emptied; 290 MB of it are the documents' text pages (texts/, 134 MB) and
the 9,000 reading pages (155 MB), the same bytes build after build. On this machine's
ext4 the writing, not the rendering, was most of their cost: under the pressure of that
much dirty data each new file took about 1 ms to create (py-spy, `make bench`'s warm
build). The store (`.cache/pages/` under the catalogue's folder, gitignored) keeps each
page once under the SHA-256 of its bytes; the site gets a hard link to it, so a warm
build writes no page data at all.

A stored file is never changed: a page is always unlinked before it is written or
linked again (a quick pass of `make serve` writes over the served site), so no write
can reach a stored file through its link. Where hard links are not possible (another
file system, no permission), the page is written as before. After a whole build,
`prune` drops what it did not use.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

FOLDER = Path(".cache") / "pages"


class PageStore:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: set[str] = set()

    def write(self, target: Path, text: str) -> None:
        data = text.encode("utf-8")
        target.unlink(missing_ok=True)  # never write through a link into the store
        if self.folder is None:
            target.write_bytes(data)
            return
        key = hashlib.sha256(data).hexdigest()
        stored = self.folder / key[:2] / key
        self.used.add(key)
        try:
            if not stored.is_file():
                stored.parent.mkdir(parents=True, exist_ok=True)
                tmp = stored.with_name(f"{key}.{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(stored)  # atomic: a concurrent build links the whole page or none
            os.link(stored, target)
        except OSError:
            target.write_bytes(data)

    def hashes(self) -> dict[tuple[int, int], str]:
        """(device, inode) -> SHA-256 of every stored page (its name): the manifest need
        not read the site's links to them again."""
        if self.folder is None or not self.folder.is_dir():
            return {}
        found = {}
        for sub in self.folder.iterdir():
            for stored in sub.iterdir() if sub.is_dir() else ():
                if len(stored.name) == 64:  # not a .tmp of a build writing meanwhile
                    stat = stored.stat()
                    found[(stat.st_dev, stat.st_ino)] = stored.name
        return found

    def prune(self) -> int:
        """After a whole build: remove the stored pages it did not use; how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for sub in self.folder.iterdir():
            if not sub.is_dir():
                continue
            for stored in sub.iterdir():
                if stored.name not in self.used:
                    stored.unlink(missing_ok=True)
                    removed += 1
        return removed
