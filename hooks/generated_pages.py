"""MkDocs hook: announce the generated pages (resource, catalogue, browse) to MkDocs.

The pages exist only in memory (never written into docs/). They are added for all
three languages before static-i18n sorts files per language (priority 0 > -100), so
it can pair each page with its translations for the language switcher.

static-i18n (1.3) only handles files with a real path under docs_dir (it calls
`is_relative_to(file.abs_src_path, docs_dir)`, which fails on `File.generated`'s
None), so each page is announced at the docs_dir path it would have; nothing reads
that path. Its text is set by i18n_adapter.py once static-i18n has chosen this
build's language, so only the pages of that language are rendered.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from eucj_bank.copies import build_session


def on_files(files, config):
    # a preview's quick pass (scripts/serve.py) announces only the pages it builds
    for src_uri in build_session.current().announced_pages():
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files
