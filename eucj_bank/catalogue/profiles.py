"""Site profiles: one agency's copy of the bank, described in a small YAML file.

A profile names the copy (site name in three languages, logo, colours, contact,
base URL) and chooses what it publishes: resources by agency, type and topic, and
internal resources only when it says so. Without a profile the full public bank
builds: profiles/full-bank.yml (`DEFAULT_PROFILE`). `load_profile` never raises on bad input: every mistake
comes back as a located `Problem`, like the catalogue's.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

from pydantic import StringConstraints, ValidationError

from .bank_description import is_bank_description
from .editor_checks import placeholder_problems
from .load import display_path, error_location, explain_error
from .messages import _
from .model import ID_PATTERN, Catalogue, Localized, NonEmpty, Resource, Strict, Term
from .problems import ERROR, WARNING, Problem, errors, sort_key
from .profile_safety import base_url_problem, logo_problem, plain_text_problem
from .validate import term_problem
from .vocab import LANGS, terms
from .yaml_source import SourceMap, load_yaml, read_text

# The profile of a build that names none: the full public bank. One file, so that the
# bank's own name and settings are written once, where agencies read them as an example.
DEFAULT_PROFILE = "profiles/full-bank.yml"

# Material 9's palette: the values its palette.css styles as `data-md-color-primary`
# and `data-md-color-accent` (tests/test_profiles.py checks them against the installed
# theme). A profile may also give `#rrggbb`, which becomes Material's `custom` colour.
MATERIAL_PRIMARY = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
                    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown",
                    "grey", "blue-grey", "black", "white")
MATERIAL_ACCENT = tuple(c for c in MATERIAL_PRIMARY if c not in ("brown", "grey", "blue-grey", "black", "white"))
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")

# the vocabulary each selection key draws from
SELECTION_VOCABS = {"agencies": "agencies", "types": "types", "topics": "topics"}
def _hints() -> dict[str, str]:
    return {"name": _("use lowercase latin letters, digits and single hyphens, e.g. probation-service"),
            "internal": _("write true or false")}


class Contact(Strict):
    name: Localized  # who answers questions about this copy, in each language
    email: NonEmpty | None = None
    phone: NonEmpty | None = None
    url: NonEmpty | None = None


class Colours(Strict):
    primary: NonEmpty | None = None
    accent: NonEmpty | None = None


class Selection(Strict):
    """Which resources a copy publishes. Each list given must share a value with the
    resource (a resource on any listed topic, say); lists left out select everything."""

    agencies: list[Term] = []
    types: list[Term] = []
    topics: list[Term] = []
    internal: bool = False  # publish internal (agency staff only) resources as well

    def admits(self, res: Resource) -> bool:
        # `res` may be a rejected entry's partial model (load._partial_resource): a field
        # can be missing or hold what YAML gave (a list for `type`), so read defensively.
        if getattr(res, "access", "public") != "public" and not self.internal:
            return False
        wanted = ((self.agencies, getattr(res, "agencies", [])), (self.types, [getattr(res, "type", None)]),
                  (self.topics, getattr(res, "topics", [])))
        return all(not chosen or set(chosen) & _terms(values) for chosen, values in wanted)


class Profile(Strict):
    name: Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
    site_name: Localized
    # What the pages say the copy is (search engines, link previews); the full bank's without it.
    description: Localized | None = None
    logo: NonEmpty | None = None  # after loading: the absolute path of the image
    colours: Colours | None = None
    contact: Contact | None = None
    base_url: NonEmpty | None = None  # after loading: ends with "/"
    include: Selection = Selection()

    @property
    def internal(self) -> bool:
        """True when this copy may carry internal resources: then every page says so."""
        return self.include.internal

    def select(self, catalogue: Catalogue) -> Catalogue:
        return Catalogue.model_construct(resources=[r for r in catalogue.resources if self.include.admits(r)])


def _terms(values: object) -> set[str]:
    return {v for v in values if isinstance(v, str)} if isinstance(values, list) else set()


def profile_path(root: Path, given: str | None) -> Path:
    """The profile a build uses: the one given (relative to the working directory), else the default."""
    return Path(given) if given else Path(root) / DEFAULT_PROFILE


@dataclass
class ProfileResult:
    profile: Profile | None
    problems: list[Problem] = field(default_factory=list)
    display: str = ""
    source_map: SourceMap | None = None

    @property
    def ok(self) -> bool:
        return self.profile is not None and not errors(self.problems)


def load_profile(path: Path, *, strict: bool = False) -> ProfileResult:
    """Load and check the profile at `path`; a logo is resolved against its folder.

    With `strict`, warnings (placeholder text, the default description) count as errors."""
    path = Path(path)
    display = display_path(path)
    if not path.is_file():
        return ProfileResult(None, [Problem(display, 1, 1, _("profile"), _("the file does not exist"),
                                            _("give the path of a profile, e.g. profiles/full-bank.yml"))], display)
    text, problems = read_text(path, display)
    if text is None:
        return ProfileResult(None, problems, display)
    data, smap, problems = load_yaml(text, display)
    if not isinstance(data, dict):
        if data is not None or not problems:
            problems.append(Problem(display, 1, 1, _("profile"), _("the profile must be a mapping of fields"),
                                    _("start with `name: <copy-name>` and `site_name:` (see profiles/full-bank.yml)")))
        return ProfileResult(None, problems, display, smap)
    checker = _Checker(display, smap, problems)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            checker.pydantic(err)
        profile = None
    if profile is not None:
        profile = checker.profile(profile, path.parent)
        checker.description(profile, path)
    problems.extend(placeholder_problems(data, smap, display, lambda p, _data: str(p[0]) if p else _("profile")))
    if strict:
        problems[:] = [dataclasses.replace(p, severity=ERROR) for p in problems]
    problems.sort(key=sort_key)
    return ProfileResult(profile if not errors(problems) else None, problems, display, smap)


def check_selection(result: ProfileResult, catalogue: Catalogue) -> list[Problem]:
    """An error when the profile's selection leaves the site empty."""
    if result.profile is None or result.profile.select(catalogue).resources:
        return []
    mark = result.source_map.locate(("include",), key=True) if result.source_map else None
    return [Problem(result.display or _("profile"), mark.line if mark else 1, mark.col if mark else 1, "include",
                    _("the profile selects no resource of the catalogue"),
                    _("widen `include:` (each list given must share a value with a resource), "
                      "or set `internal: true` if the copy is meant for internal resources"))]


class _Checker:
    def __init__(self, display: str, smap: SourceMap, problems: list[Problem]):
        self.display, self.smap, self.problems = display, smap, problems

    def add(self, path: tuple, message: str, hint: str, *, key: bool = False, severity: str = ERROR) -> None:
        mark = self.smap.locate(path, key=key)
        where = str(path[0]) if path else _("profile")
        self.problems.append(Problem(self.display, mark.line, mark.col, where, message, hint, severity))

    def pydantic(self, err: dict) -> None:
        loc = error_location(err, frozenset({"Colours", "Contact", "Selection"}))
        message, hint = explain_error(err, loc, suggest=_suggest_field, field_hints=_hints(),
                                      reference=_("the comments of profiles/full-bank.yml"))
        self.add(loc, message, hint, key=err["type"] == "extra_forbidden")

    def profile(self, profile: Profile, folder: Path) -> Profile:
        self.all_languages(("site_name",), profile.site_name,
                           _("each language's pages show their own site name in the header and title"))
        for lang in ("en", "ru", "kk"):
            name = getattr(profile.site_name, lang)
            why = plain_text_problem(name, f"site_name.{lang}") if name else None
            if why:
                self.add(("site_name", lang), why,
                         _("write the name as plain text; for quotes use « » or ’"))
        if profile.description:
            self.all_languages(("description",), profile.description,
                               _("each language's pages describe the copy in their own language"))
        if profile.contact:
            self.all_languages(("contact", "name"), profile.contact.name, _("the footer shows it in each language"))
            self.contact(profile.contact)
        for key, vocab in SELECTION_VOCABS.items():
            for i, term in enumerate(getattr(profile.include, key)):
                self.term(("include", key, i), f"include.{key}[{i}]", vocab, term)
        if profile.colours:
            self.colour(("colours", "primary"), profile.colours.primary, MATERIAL_PRIMARY)
            self.colour(("colours", "accent"), profile.colours.accent, MATERIAL_ACCENT)
        update = {}
        if profile.logo:
            logo = self.logo(profile.logo, folder)
            update["logo"] = str(logo) if logo else None
        if profile.base_url:
            update["base_url"] = self.base_url(profile.base_url)
        return profile.model_copy(update=update)

    def all_languages(self, path: tuple, text: Localized, why: str) -> None:
        dotted = ".".join(path)
        for lang in text.missing():
            self.add(path, _("{field} is missing", field=f"{dotted}.{lang}"),
                     _("add {field}: {why}", field=f"{dotted}.{lang}", why=why), key=True)

    def term(self, path: tuple, dotted: str, vocab: str, value: str) -> None:
        if value in terms(vocab):
            return
        self.add(path, *term_problem(dotted, vocab, value))

    def colour(self, path: tuple, value: str | None, names: tuple[str, ...]) -> None:
        if value is None or value in names or HEX_COLOUR.match(value):
            return
        guess = difflib.get_close_matches(value.replace(" ", "-"), names, n=1, cutoff=0.6)
        self.add(path, _("{field} '{value}' is not a colour the theme knows", field=".".join(path), value=value),
                 (_("did you mean '{term}'?", term=guess[0]) + " " if guess else "") +
                 _("Write #rrggbb (e.g. \"#1b5e20\", in quotes) or one of: {names}", names=", ".join(names)))

    def logo(self, value: str, folder: Path) -> Path | None:
        refused = logo_problem(value, folder)
        if refused:
            self.add(("logo",), *refused)
            return None
        target = (folder / value).resolve()
        if not target.is_file():
            self.add(("logo",), _("the logo {path} does not exist", path=value),
                     _("give the image's path from the profile's folder ({folder})", folder=display_path(folder)))
            return None
        if target.suffix.lower() not in LOGO_SUFFIXES:
            self.add(("logo",), _("the logo {path} is not an image the site can show", path=value),
                     _("use a file ending in {endings}", endings=", ".join(LOGO_SUFFIXES)))
            return None
        return target

    def base_url(self, value: str) -> str:
        parsed = urlparse(value)
        basic = parsed.scheme in ("http", "https") and parsed.netloc and not parsed.query and not parsed.fragment
        if not basic:
            self.add(("base_url",), _("base_url {value} is not an http(s) address of a folder", value=repr(value)),
                     _("write the address the copy is served at, e.g. https://intranet.example.kz/bank/, "
                       "or remove base_url for a copy that works at any address"))
        elif base_url_problem(value, "base_url"):
            self.add(("base_url",), base_url_problem(value, "base_url"),
                     _("write the address the copy is served at, e.g. https://intranet.example.kz/bank/, "
                       "or remove base_url for a copy that works at any address"))
        return value if value.endswith("/") else value + "/"

    def description(self, profile: Profile, path: Path) -> None:
        """A copy other than the full bank must say what it is, or it describes itself as the full bank."""
        if path.resolve() == (Path(__file__).parents[2] / DEFAULT_PROFILE).resolve():
            return
        if profile.description is None:
            self.add(("description",), _("the profile has no description: its pages describe it as the full bank"),
                     _("add `description: {{en: ..., ru: ..., kk: ...}}`: one sentence on what this copy holds"),
                     severity=WARNING)
            return
        for lang in LANGS:
            text = getattr(profile.description, lang)
            if text and is_bank_description(text):
                self.add(("description", lang),
                         _("this description is the full bank's: the copy's pages would describe it as the full bank"),
                         _("write one sentence on what this copy holds and for whom"), severity=WARNING)

    def contact(self, contact: Contact) -> None:
        if contact.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", contact.email):
            self.add(("contact", "email"), _("contact.email {value} is not an e-mail address",
                                             value=repr(contact.email)),
                     _("write it as name@agency.kz, or remove it"))
        if contact.url and urlparse(contact.url).scheme not in ("http", "https"):
            self.add(("contact", "url"), _("contact.url {value} is not an http(s) address", value=repr(contact.url)),
                     _("write the full address, starting with https://"))


def _suggest_field(loc: tuple) -> str | None:
    models = {"colours": Colours, "contact": Contact, "include": Selection, "site_name": Localized}
    model = models.get(str(loc[0]), Profile) if len(loc) > 1 else Profile
    if len(loc) > 2 and loc[0] == "contact":
        model = Localized
    match = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
    return match[0] if match else None
