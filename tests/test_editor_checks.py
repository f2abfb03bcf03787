"""What editors miss: unlisted files, placeholder text, internal ids in public text, a profile
without its own description. Warnings in the editor's language; errors under --strict."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.profiles import load_profile

SCRIPT = ROOT / "scripts/validate_catalogue.py"
ENV = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "EUCJ_PROFILE")}

ENTRY = """  - id: {id}
    type: checklist
    title: {{en: "{title}", ru: "Название", kk: "Атауы"}}
    summary: {{en: "{summary}", ru: "Описание.", kk: "Сипаттама."}}
    date: "2016-05-20"
    agencies: [mia-probation]
    topics: [probation]
    audience: [trainers]
    licence: cc-by-4.0
    access: {access}
    availability: in-bank
    files:
      - {{path: files/{id}/doc.en.txt, lang: en, format: txt, sha256: {sha}}}
"""


def _bank(tmp_path, *entries: dict) -> tuple:
    text = "resources:\n"
    for entry in entries:
        folder = tmp_path / "files" / entry["id"]
        folder.mkdir(parents=True)
        (folder / "doc.en.txt").write_text("Text.", encoding="utf-8")
        sha = hashlib.sha256(b"Text.").hexdigest()
        text += ENTRY.format(sha=sha, **{"title": "Title", "summary": "Summary.", "access": "public", **entry})
    path = tmp_path / "resource_catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _validate(path, *args):
    return subprocess.run([sys.executable, str(SCRIPT), str(path), *args], capture_output=True, text=True,
                          env=ENV, cwd=path.parent)


def test_a_sound_bank_has_no_warning(tmp_path):
    result = load_catalogue(_bank(tmp_path, {"id": "a"}))
    assert result.ok and result.problems == []


def test_a_file_in_the_folder_but_not_listed_is_a_warning_and_an_error_when_strict(tmp_path):
    path = _bank(tmp_path, {"id": "a"})
    (tmp_path / "files/a/doc.ru.docx").write_bytes(b"not listed")
    result = _validate(path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "resource_catalog.yaml:13:5: warning: resources[0] 'a': the file files/a/doc.ru.docx is in the resource's "
        "folder but not listed - add it under `files:` (path, lang, format, sha256), or delete it if it does not "
        "belong to this resource"]
    strict = _validate(path, "--strict", "--lang", "ru")
    assert strict.returncode == 1
    assert strict.stdout.splitlines() == [
        "resource_catalog.yaml:13:5: resources[0] 'a': файл files/a/doc.ru.docx лежит в папке ресурса, но не "
        "перечислен — добавьте его в `files:` (path, lang, format, sha256) или удалите, если он не относится к "
        "этому ресурсу"]


def test_a_listed_file_is_not_called_unlisted_when_another_file_of_the_entry_is_wrong(tmp_path):
    # One bad value under `files:` rejects the whole list; the files it names are still listed.
    path = _bank(tmp_path, {"id": "a"})
    text = path.read_text("utf-8").replace("format: txt, sha256:", "format: txt, sha256: abc, x:")
    path.write_text(text + "      - {path: files/a/doc.en.txt, lang: fr, format: txt}\n", encoding="utf-8")
    messages = [p.message for p in load_catalogue(path).problems]
    assert any("sha256 has an invalid value 'abc'" in m for m in messages)
    assert not [m for m in messages if "not listed" in m]


@pytest.mark.parametrize("text", ["[To be filled in: the summary]", "Summary. TODO: shorten", "Lorem ipsum dolor."])
def test_placeholder_text_in_the_catalogue_is_a_warning(tmp_path, text):
    path = _bank(tmp_path, {"id": "a", "summary": text})
    result = load_catalogue(path)
    assert result.ok
    [problem] = result.problems
    assert (problem.severity, problem.line, problem.col) == ("warning", 5, 19)
    assert problem.message.startswith("summary.en still holds placeholder text")
    assert not load_catalogue(path, strict=True).ok


def test_an_internal_id_named_in_public_text_is_a_warning(tmp_path):
    path = _bank(tmp_path, {"id": "staff-manual", "access": "internal"},
                 {"id": "public-guide", "summary": "Shorter than the staff-manual, for everyone."})
    result = _validate(path, "--lang", "kk")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "resource_catalog.yaml:18:19: ескерту: resources[1] 'public-guide': summary.en ішкі «staff-manual» "
        "ресурсын атайды — жария көшірмелер ішкі ресурстарды ашпауы керек: id-ді мәтіннен алып тастаңыз немесе "
        "бұл жазбаны да ішкі етіңіз"]
    assert _validate(path, "--strict").returncode == 1


def test_the_probation_profile_still_holds_its_placeholders(tmp_path):
    """The shipped profile waits for the service's contact: a warning now, an error under --strict."""
    loaded = load_profile(ROOT / "profiles/probation-service.yml")
    assert loaded.ok
    placeholders = [p for p in loaded.problems if "placeholder" in p.message]
    assert [p.line for p in placeholders] == [33, 34, 35] and all(p.severity == "warning" for p in placeholders)
    assert not load_profile(ROOT / "profiles/probation-service.yml", strict=True).ok


def test_a_profile_without_its_own_description_is_a_warning(tmp_path):
    path = tmp_path / "copy.yml"
    path.write_text("name: copy\nsite_name: {en: Copy, ru: Копия, kk: Көшірме}\n", encoding="utf-8")
    loaded = load_profile(path)
    assert loaded.ok
    assert [(p.severity, p.where, p.message) for p in loaded.problems] == [
        ("warning", "description", "the profile has no description: its pages describe it as the full bank")]
    assert not load_profile(path, strict=True).ok
    assert load_profile(ROOT / "profiles/full-bank.yml").problems == []  # the full bank is the default


def test_a_profile_that_reuses_the_full_banks_description_is_a_warning(tmp_path):
    """A copy that pasted the bank's own description (mkdocs.yml) would call itself the full bank."""
    import yaml

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    english = yaml.safe_load(config.split("\nsite_url:")[0])["site_description"]
    russian = next(line.split(": ", 1)[1] for line in config.splitlines()
                   if line.strip().startswith("site_description: Банк"))
    path = tmp_path / "copy.yml"
    path.write_text("name: copy\nsite_name: {en: Copy, ru: Копия, kk: Көшірме}\ndescription:\n"
                    f"  en: '  {english.upper()} '\n  ru: {russian}\n  kk: Пробация қызметіне арналған материалдар\n",
                    encoding="utf-8")
    loaded = load_profile(path)
    assert loaded.ok
    assert [(p.line, p.col, p.severity, p.where) for p in loaded.problems] == [
        (4, 7, "warning", "description"), (5, 7, "warning", "description")]
    assert not load_profile(path, strict=True).ok
    result = subprocess.run([sys.executable, str(SCRIPT), "--profile", str(path), "--lang", "ru"],
                            capture_output=True, text=True, cwd=ROOT, env=ENV)
    assert "это описание полного банка: страницы копии будут описывать её как полный банк" in result.stdout
    assert load_profile(ROOT / "profiles/probation-service.yml").ok
    assert not [p for p in load_profile(ROOT / "profiles/probation-service.yml").problems if p.where == "description"]
