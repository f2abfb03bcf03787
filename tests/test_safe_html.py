"""The one sanitiser for untrusted HTML (resource Markdown, extracted documents)."""

from __future__ import annotations

import pytest

from eucj_bank.catalogue.safe_html import sanitise_html

KEPT = [
    ('<h2 id="part-1">Part</h2>', '<h2 id="part-1">Part</h2>'),
    ("<table><tr><th>a</th><td>b</td></tr></table>", "<table><tbody><tr><th>a</th><td>b</td></tr></tbody></table>"),
    ('<a href="#top">up</a>', '<a href="#top" rel="noopener noreferrer">up</a>'),
    ('<a href="../resources/x.html">x</a>', '<a href="../resources/x.html" rel="noopener noreferrer">x</a>'),
    ('<a href="https://example.org/">e</a>', '<a href="https://example.org/" rel="noopener noreferrer">e</a>'),
    ('<p lang="kk">Қазақша</p>', '<p lang="kk">Қазақша</p>'),
]

REMOVED = [
    "<script>alert(1)</script>",
    "<style>body{display:none}</style>",
    '<img src="x" onerror="alert(1)">',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object>',
    '<form action="https://example.org"><input name="a"></form>',
    "<!-- a comment -->",
]


@pytest.mark.parametrize(("given", "expected"), KEPT)
def test_document_structure_stays(given, expected):
    assert sanitise_html(given) == expected


@pytest.mark.parametrize("given", REMOVED)
def test_active_content_goes_with_its_payload(given):
    assert sanitise_html(given) == ""


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                  "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"])
def test_links_keep_only_web_and_local_addresses(href):
    out = sanitise_html(f'<a href="{href}">link</a>')
    assert "href" not in out and "link" in out


def test_event_and_style_attributes_go():
    assert sanitise_html('<p onclick="alert(1)" style="color:red" class="x">t</p>') == '<p class="x">t</p>'
