"""What a profile changes in the theme: site name, logo, colours, footer contact, banner.

Material takes named colours as they are; a `#rrggbb` colour becomes Material's
`custom` colour, defined by a generated stylesheet (a file, not an inline style, so
the Content-Security-Policy of the hosting guide needs no 'unsafe-inline').
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue.profiles import HEX_COLOUR, Profile
from .ui import t

COLOUR_CSS = "assets/stylesheets/eucj-colours.css"
LOGO_BASENAME = "assets/images/eucj-logo"


def palette(profile: Profile) -> dict[str, str]:
    """The Material `theme.palette` entries the profile sets (none when it sets no colour)."""
    out = {}
    colours = profile.colours
    for key in ("primary", "accent"):
        value = getattr(colours, key) if colours else None
        if value:
            out[key] = "custom" if HEX_COLOUR.match(value) else value
    return out


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _mix(hex_colour: str, towards: int, amount: float) -> str:
    return "#" + "".join(f"{round(c + (towards - c) * amount):02x}" for c in _rgb(hex_colour))


def _luminance(hex_colour: str) -> float:
    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(hex_colour: str) -> str:
    """White or black text, whichever contrasts more with the colour (WCAG 2 ratio)."""
    lum = _luminance(hex_colour)
    return "#ffffff" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) else "#000000de"


def _custom_rule(kind: str, colour: str | None, variables: dict[str, str]) -> str | None:
    """Material's `[data-md-color-<kind>=custom]` rule. In the values, `{c}` is the colour,
    `{light}`/`{dark}` its lighter and darker shades, `{on}` the text colour readable on it.
    None when the profile sets no valid colour."""
    if not colour or not HEX_COLOUR.match(colour):
        return None
    c = colour.lower()
    shades = {"c": c, "light": _mix(c, 255, 0.3), "dark": _mix(c, 0, 0.3), "on": text_on(c)}
    body = "".join(f"  {name}: {value.format(**shades)};\n" for name, value in variables.items())
    return f"[data-md-color-{kind}=custom] {{\n{body}}}\n"


def colour_css(profile: Profile) -> str | None:
    """The stylesheet defining Material's `custom` colours, if the profile uses any."""
    colours = profile.colours
    if not colours:
        return None
    rules = [rule for rule in (
        _custom_rule("primary", colours.primary, {
            "--md-primary-fg-color": "{c}",
            "--md-primary-fg-color--light": "{light}",
            "--md-primary-fg-color--dark": "{dark}",
            "--md-primary-bg-color": "{on}",
            "--md-primary-bg-color--light": "{on}b3",
            "--md-typeset-a-color": "{c}",
        }),
        _custom_rule("accent", colours.accent, {
            "--md-accent-fg-color": "{c}",
            "--md-accent-fg-color--transparent": "{c}1a",
            "--md-accent-bg-color": "{on}",
            "--md-accent-bg-color--light": "{on}b3",
        }),
    ) if rule]
    if not rules:
        return None
    return f"/* Generated from the site profile {profile.name}: Material's custom colours. */\n" + "".join(rules)


def logo_target(profile: Profile) -> str | None:
    """Where the profile's logo goes in the site (a path relative to the site root)."""
    return LOGO_BASENAME + Path(profile.logo).suffix.lower() if profile.logo else None


def page_values(profile: Profile, lang: str) -> dict:
    """What the templates (overrides/) show in `lang`: all texts already in that language."""
    values: dict = {"site_name": profile.site_name.get(lang)[0], "internal_banner": None, "contact": None}
    if profile.description:
        values["description"] = profile.description.get(lang)[0]
    if profile.internal:
        values["internal_banner"] = t("internal_copy_banner", lang)
    if profile.contact:
        contact = profile.contact
        values["contact"] = {"heading": t("contact_heading", lang), "name": contact.name.get(lang)[0],
                             "email": contact.email, "phone": contact.phone, "url": contact.url}
    return values
