"""What a resource's search result shows, and the index from disk that holds no more.

A resource's search entry (eucj_bank/site/resource_page.py) is indexed whole: its summary's
paragraphs, its facts (type · date · agencies · topics · ...) and what it is found by but
never shown as (identifier, file names). Its result shows the title, then «type · date»,
then a snippet of the summary cut at the first space after SNIPPET_CHARS characters, with
«…»: on a 360 px phone the whole summary made one result fill the screen. `shown` makes
that text, as one paragraph: Material's worker shows only the paragraphs of a text that
hold a highlighted word (at most two), so a display of several paragraphs would vary.

When the lunr index built at build time travels with the search index, the worker
searches that index, not the texts, and gives each resource entry its `shown` text before
Material's worker reads them (search_worker.js, `display`, is the twin); highlighting then
works on what is shown. search_index.js, the index read from disk, holds those texts
already (`for_disk`): at 5,000 resources the whole texts were most of the 9 MB a first
search from disk parsed. search_index.json keeps them whole: a preview's quick pass has
the browser build its index from them.
"""

from __future__ import annotations

import re

SNIPPET_CHARS = 160
SHOWN = "eucjShown"  # config key: the resource entries hold their shown texts already
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
# a tag, an entity (one character), a run of spaces, or other text
_TOKEN = re.compile(r"(<[^>]*>)|(&#?[A-Za-z0-9]+;)|(\s+)|([^<&\s]+|[<&])")
_FACTS = " · "
_VOID = {"br", "hr", "img", "wbr"}


def is_resource_entry(location: str) -> bool:
    return location.startswith("resources/") and "#" not in location


def snippet(html: str, limit: int = SNIPPET_CHARS) -> tuple[str, bool]:
    """`html` up to the first space after `limit` visible characters, its open tags
    closed; and whether it was cut there."""
    out: list[str] = []
    open_tags: list[str] = []
    count = 0
    for tag, entity, space, text in _TOKEN.findall(html):
        if tag:
            name = re.match(r"</?\s*([A-Za-z0-9]*)", tag).group(1).lower()
            if tag.startswith("</"):
                if name in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name)]
            elif name and name not in _VOID and not tag.endswith("/>"):
                open_tags.append(name)
            out.append(tag)
        elif space:
            if count >= limit:
                return "".join(out) + "".join(f"</{name}>" for name in reversed(open_tags)), True
            out.append(space)
            count += 1
        else:
            out.append(entity or text)
            count += 1 if entity else len(text)
    return "".join(out), False


def _parts(text: str) -> tuple[list[str], str] | None:
    """A resource entry's summary paragraphs and its facts, or None if it is not one
    (summary, facts, found-by: three paragraphs at least)."""
    paragraphs = _PARAGRAPH.findall(text)
    if len(paragraphs) < 3:
        return None
    return paragraphs[:-2], paragraphs[-2]


def shown(text: str) -> str:
    """What the result of a resource entry shows of its text: «type · date», then the
    summary's snippet, in one paragraph; other texts as they are."""
    parts = _parts(text)
    if parts is None:
        return text
    summary, facts = parts
    facts = _FACTS.join(facts.split(_FACTS)[:2])
    cut, was_cut = snippet(" ".join(p.strip() for p in summary))
    return f"<p>{facts}<br/>{cut}{'…' if was_cut else ''}</p>" if cut.strip() else f"<p>{facts}</p>"


def for_disk(index: dict) -> dict:
    """The index for file://: resource entries hold what their results show, if the
    lunr index built at build time is there to search (else the texts are searched)."""
    if "eucjIndex" not in index.get("config", {}):
        return index
    docs = [{**doc, "text": shown(doc["text"])} if is_resource_entry(doc.get("location", "")) else doc
            for doc in index.get("docs", [])]
    # SHOWN in the config: the worker need not make these texts again (5 ms at 5,000 resources)
    return {**index, "config": {**index["config"], SHOWN: True}, "docs": docs}
