"""An OAI-PMH Static Repository (the OAI's one-file XML format for sites without a
server, https://www.openarchives.org/OAI/2.0/guidelines-static-repository.htm): every
published resource as an `oai_dc` record, its titles, summaries, types, topics and
rights in English, Russian and Kazakh, each with `xml:lang`.

A harvester reaches a static repository through a gateway that needs its address, and
the format requires an administrator's e-mail: the file is written only for a copy with
both (profile `base_url` and `contact.email`); `oai_repository` says why not otherwise.
Datestamps are days (the granularity the format allows), the later of the document's
date and the day it was added, as in the Atom feeds; no build date, so builds stay
reproducible.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from ..catalogue.model import Catalogue, Resource
from ..catalogue.names import VOCAB as AUTHORS
from ..catalogue.names import author_name
from ..catalogue.text import plain
from ..catalogue.vocab import LANGS, label, terms, vocabularies
from .citation_record import page_address

OAI_FILE = "data/oai-static-repository.xml"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def datestamp(res: Resource) -> str:
    parts = (res.date.split("-") + ["01", "01"])[:3]
    return max(filter(None, ["-".join(parts), res.added]))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 forbids


def _dc(name: str, value: str, lang: str | None = None) -> str:
    attr = f" xml:lang={quoteattr(lang)}" if lang else ""
    return f"<dc:{name}{attr}>{escape(' '.join(_NOT_XML.sub('', value).split()))}</dc:{name}>"


def _localized(name: str, text) -> list[str]:
    return [_dc(name, plain(getattr(text, lang)), lang) for lang in LANGS if getattr(text, lang)]


def dc_record(res: Resource, publisher: dict[str, str], site_url: str) -> str:
    """The `oai_dc:dc` element of one resource."""
    out = _localized("title", res.title)
    for value in res.authors:  # a vocabulary author in each language, a name written out once
        out += ([_dc("creator", author_name(value, lang), lang) for lang in LANGS] if value in terms(AUTHORS)
                else [_dc("creator", value)])
    out += [_dc("subject", label("topics", topic, lang), lang) for topic in res.topics for lang in LANGS]
    out += _localized("description", res.summary)
    out += [_dc("publisher", publisher[lang], lang) for lang in LANGS]
    out.append(_dc("date", res.date))
    out.append(_dc("type", "Text"))  # the DCMI Type of every resource of the bank
    out += [_dc("type", label("types", res.type, lang), lang) for lang in LANGS]
    formats = vocabularies()["formats"]
    out += [_dc("format", mime) for mime in dict.fromkeys(formats[ref.format]["mime"] for ref in res.files)]
    out += [_dc("identifier", page_address(res, lang, site_url)) for lang in LANGS]
    out += [_dc("language", lang) for lang in (res.file_langs() or LANGS)]
    out += [_dc("rights", label("licences", res.licence, lang), lang) for lang in LANGS]
    return (f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}" xsi:schemaLocation="{OAI_DC} '
            f'http://www.openarchives.org/OAI/2.0/oai_dc.xsd">\n          ' + "\n          ".join(out)
            + "\n        </oai_dc:dc>")


def oai_repository(catalogue: Catalogue, publisher: dict[str, str], site_url: str, admin_email: str) -> str:
    """The static repository's XML; "" when the copy has no address or no e-mail (see above)."""
    if not site_url or not admin_email or not catalogue.resources:
        return ""  # the format needs an address, an e-mail and at least one record
    host = urlsplit(site_url).hostname or "eucj-resource-bank"
    stamps = [datestamp(res) for res in catalogue.resources] or ["2015-01-01"]
    records = []
    for res in catalogue.resources:
        records.append(f"""    <oai:record>
      <oai:header>
        <oai:identifier>{escape(f"oai:{host}:{res.id}")}</oai:identifier>
        <oai:datestamp>{datestamp(res)}</oai:datestamp>
      </oai:header>
      <oai:metadata>
        {dc_record(res, publisher, site_url)}
      </oai:metadata>
    </oai:record>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Repository xmlns="{SR}" xmlns:oai="{OAI}" xmlns:xsi="{XSI}"
  xsi:schemaLocation="{SR} http://www.openarchives.org/OAI/2.0/static-repository.xsd">
  <Identify>
    <oai:repositoryName>{escape(publisher["en"])}</oai:repositoryName>
    <oai:baseURL>{escape(site_url.rstrip("/") + "/" + OAI_FILE)}</oai:baseURL>
    <oai:protocolVersion>2.0</oai:protocolVersion>
    <oai:adminEmail>{escape(admin_email)}</oai:adminEmail>
    <oai:earliestDatestamp>{min(stamps)}</oai:earliestDatestamp>
    <oai:deletedRecord>no</oai:deletedRecord>
    <oai:granularity>YYYY-MM-DD</oai:granularity>
  </Identify>
  <ListMetadataFormats>
    <oai:metadataFormat>
      <oai:metadataPrefix>oai_dc</oai:metadataPrefix>
      <oai:schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</oai:schema>
      <oai:metadataNamespace>{OAI_DC}</oai:metadataNamespace>
    </oai:metadataFormat>
  </ListMetadataFormats>
  <ListRecords metadataPrefix="oai_dc">
{chr(10).join(records)}
  </ListRecords>
</Repository>
"""


def write_oai_repository(catalogue: Catalogue, site_dir: Path, publisher: dict[str, str], site_url: str,
                         admin_email: str) -> Path | None:
    text = oai_repository(catalogue, publisher, site_url, admin_email)
    if not text:
        return None
    path = site_dir / OAI_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
