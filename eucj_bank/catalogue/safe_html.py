"""Untrusted HTML made safe to publish: what a resource's Markdown renders to, and what
text extraction produces from a document.

One policy, applied by Ammonia (nh3), a well-kept allow-list sanitiser: document
structure (headings, paragraphs, lists, tables, quotes, code, emphasis) stays; every
other element is dropped (script, style, iframe, object, form, svg, img and the like,
with the content of script and style); event attributes and inline style go; links
keep only http(s), relative and in-page addresses (`javascript:`, `data:` and every
other scheme are removed) and get `rel="noopener noreferrer"`.
"""

from __future__ import annotations

import nh3

_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "q", "cite",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "span", "div", "section", "figure", "figcaption",
}
_ATTRIBUTES = {
    "*": {"id", "lang", "title", "dir"},
    "a": {"href", "hreflang"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    # Code highlighting and admonitions render as classes; classes carry no behaviour.
    "span": {"class"}, "code": {"class"}, "pre": {"class"}, "div": {"class"}, "p": {"class"},
}
_SCHEMES = {"http", "https"}


def sanitise_html(html: str) -> str:
    """`html` with only the document structure this module's policy allows."""
    return nh3.clean(html, tags=_TAGS, clean_content_tags={"script", "style"}, attributes=_ATTRIBUTES,
                     url_schemes=_SCHEMES, link_rel="noopener noreferrer", strip_comments=True)
