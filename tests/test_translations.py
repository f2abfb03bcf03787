"""The five source documents in Russian and Kazakh: files of the same resources,
recorded as translations, shown as such on every resource page and in the exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.site.ui import t

NOTICE = {"ru": "Перевод подготовлен для банка ресурсов EUCJ. Аутентичным является текст оригинала на английском языке.",
          "kk": "Бұл аударма EUCJ ресурстар банкі үшін жасалды. Түпнұсқа мәтін — ағылшын тіліндегі мәтін."}


def _translated():
    catalogue = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue
    return [res for res in catalogue.resources if any(f.translation_of for f in res.files)]


def test_every_english_source_has_a_russian_and_a_kazakh_translation_with_its_notice():
    resources = _translated()
    assert len(resources) == 5
    for res in resources:
        by_lang = {f.lang: f for f in res.files}
        assert set(by_lang) == set(LANGS)
        for lang in ("ru", "kk"):
            ref = by_lang[lang]
            assert ref.translation_of == by_lang["en"].path and ref.sha256
            text = (ROOT / ref.path).read_text("utf-8")
            assert text.splitlines()[0] == NOTICE[lang]
            assert re.search("[а-яё]" if lang == "ru" else "[әіңғүұқөһ]", text, re.I)
            # paragraph by paragraph: the notice, then as many paragraphs as the original
            original = (ROOT / by_lang["en"].path).read_text("utf-8")
            assert len([p for p in text.splitlines() if p.strip()]) == len(
                [p for p in original.splitlines() if p.strip()]) + 1, ref.path


def test_resource_pages_say_translation_and_no_longer_say_not_in_your_language(shipped):
    site = Path(shipped["site"])
    for res in _translated():
        for lang in LANGS:
            folder = site / ("" if lang == "en" else lang) / "resources"
            html = (folder / f"{res.id}.html").read_text("utf-8")
            assert t("no_file_in_language", lang) not in html
            original = next(f for f in res.files if f.lang == "en")
            note = t("translation_label", lang, language={"en": "English", "ru": "Английский",
                                                           "kk": "Ағылшын тілі"}[lang], name=Path(original.path).name)
            assert html.count(note) == 2, (res.id, lang)  # the ru and the kk file


def test_exports_record_the_translation(shipped):
    data = Path(shipped["site"]) / "data"
    records = {r["id"]: r for r in json.loads((data / "catalogue.json").read_text("utf-8"))["resources"]}
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO((data / "catalogue.csv").read_text("utf-8-sig")))}
    for res in _translated():
        files = records[res.id]["files"]
        assert [f.get("translation_of") for f in files] == [f.translation_of for f in res.files]
        cells = rows[res.id]["file_translation_of"].split(" | ")
        assert cells == [f.translation_of or "" for f in res.files]
