"""What a district's settings change on the website: the colour stylesheet and the footer.

The MkDocs hook applies these (site name, logo, palette, footer); nothing here imports MkDocs.
"""

from __future__ import annotations

from html import escape

from ..district import SLATE, UI_CONTRAST, WHITE, Brand, District, readable

STYLESHEET = "stylesheets/district.css"  # generated; linked through extra_css
LOGO = "assets/district-logo"  # + the logo's suffix


def site_css(brand: Brand) -> str:
    """Material's colour variables for `primary: custom` and `accent: custom`, in both schemes."""
    accent_dark = readable(brand.accent, SLATE, UI_CONTRAST, towards=WHITE)
    return f"""/* Generated from the district's colours in district.yml; do not edit. */
[data-md-color-primary=custom] {{
  --md-primary-fg-color: {brand.primary};
  --md-primary-fg-color--light: {brand.primary_light};
  --md-primary-fg-color--dark: {brand.primary_dark};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffb3;
  --md-typeset-a-color: {brand.primary};
}}
[data-md-color-accent=custom] {{
  --md-accent-fg-color: {brand.accent};
  --md-accent-fg-color--transparent: {brand.accent}1a;
  --md-accent-bg-color: #ffffff;
  --md-accent-bg-color--light: #ffffffb3;
}}
[data-md-color-scheme=slate][data-md-color-primary=custom] {{
  --md-typeset-a-color: {brand.link_on_dark};
}}
[data-md-color-scheme=slate][data-md-color-accent=custom] {{
  --md-accent-fg-color: {accent_dark};
  --md-accent-fg-color--transparent: {accent_dark}1a;
}}
"""


def footer_html(district: District) -> str:
    """The licence line and the contact, as HTML for the footer (every value escaped)."""
    lines = []
    if district.settings.licence:
        lines.append(f'<span class="tl-licence">{escape(district.settings.licence)}</span>')
    contact = district.settings.contact
    if contact:
        parts = [escape(contact.name)]
        if contact.email:
            parts.append(f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>')
        if contact.phone:
            parts.append(f'<a href="tel:{escape(_dialable(contact.phone))}">{escape(contact.phone)}</a>')
        if contact.url:
            parts.append(f'<a href="{escape(contact.url)}">{escape(contact.url)}</a>')
        lines.append(f'<span class="tl-contact">Questions about this toolkit: {" · ".join(parts)}</span>')
    return "<br>".join(lines)


def _dialable(phone: str) -> str:
    """'(555) 010-4200' -> '5550104200': what a tel: link dials (a leading + kept)."""
    return ("+" if phone.strip().startswith("+") else "") + "".join(ch for ch in phone if ch.isdigit())
