"""Open data: the published catalogue as JSON, CSV, a Frictionless data package, its JSON
Schema and a DCAT description, so libraries and portals can harvest and cite the bank.

Everything reads the build's published catalogue (internal resources are never in it).
Addresses are relative to the site root unless the site has a `site_url`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..catalogue.model import Catalogue, Resource
from ..catalogue.names import author_names
from ..catalogue.schema import catalogue_schema
from ..catalogue.vocab import LANGS

DATA_DIR = "data"
LIST_SEPARATOR = " | "  # joins list values in one CSV cell (none of our values contain it)
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


def page_url(res: Resource, lang: str, site_url: str = "") -> str:
    base = site_url.rstrip("/") + "/" if site_url else ""
    return f"{base}{LANG_ROOT[lang]}resources/{res.id}.html"


def resource_record(res: Resource, site_url: str = "") -> dict:
    record = res.model_dump(mode="json", exclude_none=True)
    record["pages"] = {lang: page_url(res, lang, site_url) for lang in LANGS}
    if res.authors:  # `authors` holds vocabulary keys; their names in each language:
        record["author_names"] = {lang: author_names(res, lang) for lang in LANGS}
    return record


def catalogue_json(catalogue: Catalogue, site_url: str = "") -> str:
    data = {"resources": [resource_record(r, site_url) for r in catalogue.resources]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


CSV_FIELDS = (["id", "type", "date", "added"]
              + [f"{name}_{lang}" for name in ("title", "summary") for lang in LANGS]
              + ["agencies", "component", "activity", "objective", "topics", "audience", "authors", "licence",
                 "access", "availability", "holder_agency", "file_paths", "file_languages",
                 "file_translation_of", "links"]
              + [f"page_{lang}" for lang in LANGS])


def csv_row(res: Resource, site_url: str = "") -> dict[str, str]:
    join = LIST_SEPARATOR.join
    row = {"id": res.id, "type": res.type, "date": res.date, "added": res.added or "",
           "agencies": join(res.agencies), "component": res.component or "", "activity": res.activity or "",
           "objective": res.objective or "", "topics": join(res.topics), "audience": join(res.audience),
           "authors": join(author_names(res, "en")), "licence": res.licence, "access": res.access,
           "availability": res.availability, "holder_agency": res.holder.agency if res.holder else "",
           "file_paths": join(f.path for f in res.files), "file_languages": join(f.lang for f in res.files),
           # aligned with file_paths: the original a file translates, "" for an original
           "file_translation_of": join(f.translation_of or "" for f in res.files),
           "links": join(link.url for link in res.links)}
    for lang in LANGS:
        row[f"title_{lang}"] = getattr(res.title, lang) or ""
        row[f"summary_{lang}"] = getattr(res.summary, lang) or ""
        row[f"page_{lang}"] = page_url(res, lang, site_url)
    return row


def catalogue_csv(catalogue: Catalogue, site_url: str = "") -> str:
    """UTF-8 with a byte-order mark: spreadsheet software (Excel) needs it to read
    Cyrillic correctly; csv readers opened with encoding="utf-8-sig" ignore it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for res in catalogue.resources:
        writer.writerow({key: neutralise_cell(value) for key, value in csv_row(res, site_url).items()})
    return "\ufeff" + out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A cell a spreadsheet would run as a formula (=HYPERLINK(...), +, -, @, or a leading
    tab or carriage return before one) gets a leading apostrophe: shown as text, as typed."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def datapackage(catalogue: Catalogue) -> dict:
    fields = [{"name": name, "type": "string"} for name in CSV_FIELDS]
    return {
        "name": "eucj-resource-bank",
        "title": "EUCJ Resource Bank catalogue",
        "description": "Catalogue of the resource bank of the EU project Enhancing Criminal Justice in Kazakhstan",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {"name": "catalogue-csv", "type": "table", "path": "catalogue.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8-sig", "schema": {"fields": fields, "primaryKey": ["id"]}},
            {"name": "catalogue-json", "type": "json", "path": "catalogue.json", "format": "json",
             "mediatype": "application/json",
             "encoding": "utf-8"},
        ],
    }


def dcat(catalogue: Catalogue, site_url: str = "", oai: bool = False) -> dict:
    """`oai`: the copy has an OAI-PMH static repository (`oai_pmh`)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    dist = [("catalogue.json", "application/json"), ("catalogue.csv", "text/csv"),
            ("datapackage.json", "application/json"), ("resource_catalog.schema.json", "application/schema+json"),
            ("catalogue.bib", "application/x-bibtex"), ("catalogue.ris", "application/x-research-info-systems"),
            ("catalogue.csl.json", "application/vnd.citationstyles.csl+json")]
    dist += [("oai-static-repository.xml", "application/xml")] if oai else []
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/"},
        "@id": f"{base}{DATA_DIR}/dcat.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": [{"@value": "EUCJ Resource Bank", "@language": "en"},
                      {"@value": "Банк ресурсов EUCJ", "@language": "ru"},
                      {"@value": "EUCJ ресурстар банкі", "@language": "kk"}],
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{lang}"} for lang in LANGS],
        "dcat:dataset": [{
            "@id": f"{base}{DATA_DIR}/catalogue.json#dataset",
            "@type": "dcat:Dataset",
            "dct:title": "EUCJ Resource Bank catalogue",
            "dct:description": f"{len(catalogue.resources)} resources of the EU project Enhancing Criminal "
                               "Justice in Kazakhstan, described in English, Russian and Kazakh.",
            "dct:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
            "dcat:keyword": ["criminal justice", "probation", "Kazakhstan"],
            "dcat:distribution": [{"@type": "dcat:Distribution", "dcat:downloadURL": {"@id": f"{base}{DATA_DIR}/{name}"},
                                   "dcat:mediaType": media} for name, media in dist]
                                 + [{"@type": "dcat:Distribution",
                                     "dcat:downloadURL": {"@id": f"{base}{LANG_ROOT[lang]}feed.xml"},
                                     "dcat:mediaType": "application/atom+xml"} for lang in LANGS],
        }],
    }


def write_open_data(catalogue: Catalogue, site_dir: Path, site_url: str = "", oai: bool = False) -> list[Path]:
    folder = site_dir / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "catalogue.json": catalogue_json(catalogue, site_url),
        "catalogue.csv": catalogue_csv(catalogue, site_url),
        "datapackage.json": json.dumps(datapackage(catalogue), ensure_ascii=False, indent=1) + "\n",
        "resource_catalog.schema.json": json.dumps(catalogue_schema(), ensure_ascii=False, indent=2,
                                                   sort_keys=True) + "\n",
        "dcat.jsonld": json.dumps(dcat(catalogue, site_url, oai), ensure_ascii=False, indent=1) + "\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]
