"""Each page's contents list (Material's secondary navigation) names the page's sections."""

from __future__ import annotations

import re

import pytest

from eucj_bank.site.page_toc import page_headings

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


def _toc_anchors(html: str) -> list[str]:
    nav = re.search(r'<nav class="md-nav md-nav--secondary"[^>]*>(.*?)</nav>\s*</div>\s*</div>\s*</div>', html, re.S)
    assert nav, "no contents list"
    return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', nav.group(1))


def test_headings_nest_by_level():
    tree = page_headings('<h1 id="t">T</h1><h2 id="a">A &amp; B</h2><h3 id="a1">A1</h3><h2 id="b">B</h2><h3>none</h3>')
    assert [(h.id, [c.id for c in h.children]) for h in tree] == [("t", ["a", "b"])]
    assert tree[0].children[0].title == "A &amp; B" and tree[0].children[0].children[0].id == "a1"


def _tree(headings) -> list:
    return [(h.level, h.id, h.title, _tree(h.children)) for h in headings]


@pytest.mark.parametrize("page", [
    '<p>x</p><h2 id="a" title="1>0">A <em>b</em></h2><table><tr><td>1</td></tr></table><H3 ID="c">C</H3>',
    '<h2 id="a">open<h3 id="b">B</h3></h2><h1\nid="t">T &lt; U</h1 ><h4 id="d">D</h4><h2>no id</h2>',
    '<!-- <h2 id="hidden">H</h2> --><h2 id="shown">S</h2>',
    '<script>var s = "<h2 id=\'x\'>X</h2>";</script><h3 id="y">Y</h3>',
])
def test_headings_read_from_the_headings_alone_are_those_of_the_whole_page(page):
    """page_headings cuts the headings out before parsing: the same as parsing the page."""
    from eucj_bank.site import page_toc

    parser = page_toc._Headings()
    parser.feed(page)
    parser.close()
    assert _tree(page_headings(page)) == _tree(_nest(parser.found))


def _nest(found) -> list:
    top, stack = [], []
    for heading in found:
        heading.children = []
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else top).append(heading)
        stack.append(heading)
    return top


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_contents_lists_cover_the_whole_page(shipped, lang):
    root = shipped["site"] / LANG_ROOT[lang]
    checklist = _toc_anchors((root / "resources" / "epr-checklist.html").read_text("utf-8"))
    assert {"summary", "about-resource", "downloads", "checklist", "cite"} <= set(checklist), checklist
    sections = ["records", "rights-complaints", "assessment", "supervision", "cooperation", "staff", "development"]
    assert [a for a in checklist if a in sections] == sections, checklist
    home = _toc_anchors((root / "index.html").read_text("utf-8"))
    assert "recently-added" in home, home
    resource = _toc_anchors((root / "resources" / "project-aims-and-objectives.html").read_text("utf-8"))
    assert {"summary", "about-resource", "downloads", "cite", "related"} <= set(resource), resource


def test_hreflang_links_are_absolute_or_absent():
    from eucj_bank.site.hreflang import hreflang_links
    head = ('<head>\n  <link rel="alternate" href="../catalogue.html" hreflang="en">\n'
            '  <link rel="alternate" href="catalogue.html" hreflang="ru">\n'
            '  <link rel="alternate" type="application/atom+xml" href="feed.xml">\n</head>')
    assert hreflang_links(head, "ru/catalogue.html", "") == (
        '<head>\n  <link rel="alternate" type="application/atom+xml" href="feed.xml">\n</head>')
    absolute = hreflang_links(head, "ru/catalogue.html", "https://bank.example.kz/eucj")
    assert 'href="https://bank.example.kz/eucj/catalogue.html" hreflang="en"' in absolute
    assert 'href="https://bank.example.kz/eucj/ru/catalogue.html" hreflang="ru"' in absolute
    assert 'href="feed.xml"' in absolute


def test_pages_of_a_copy_without_address_have_no_relative_hreflang(shipped):
    html = (shipped["site"] / "kk" / "catalogue.html").read_text("utf-8")
    assert 'rel="alternate" href="../catalogue.html" hreflang' not in html
    assert 'hreflang="ru" class="md-select__link"' in html  # the switcher stays
