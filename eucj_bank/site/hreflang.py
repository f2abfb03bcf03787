"""The hreflang links in a page's head: absolute, or none.

Material writes `<link rel="alternate" href="../ru/page.html" hreflang="ru">` for each
language, relative. Search engines accept only absolute hreflang addresses, and
Material's bundle fetches `sitemap.xml` next to each of them on every page load, then
cannot read our sitemaps' relative addresses: three useless requests of about 36 kB per
page on a phone. A copy with a base URL gets absolute links (its sitemaps are absolute
too, so the bundle can map pages to their translations); a copy without one gets none
(the language switcher in the header links each page to its translations anyway).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

# From a line's start (MULTILINE): a leading `[ \t]*` tried at every position rescanned each
# run of indentation, 0.6 ms a page, 1.9 s of a build at N = 1,000 (py-spy).
_LINK = re.compile(r'^[ \t]*<link rel="alternate" href="([^"]*)" hreflang="([a-z]{2})">\n?', re.MULTILINE)


def hreflang_links(page_html: str, page_url: str, site_url: str) -> str:
    """`page_html` with its hreflang links absolute (`site_url` given) or removed.
    `page_url`: the page's address below the site root ("ru/catalogue.html")."""
    if not site_url:
        return _LINK.sub("", page_html)
    here = urljoin(site_url.rstrip("/") + "/", page_url)
    return _LINK.sub(lambda m: m.group(0).replace(f'href="{m.group(1)}"', f'href="{urljoin(here, m.group(1))}"'),
                     page_html)
