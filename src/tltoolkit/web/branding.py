"""What a district's settings change on the website: the colour stylesheet and the footer.

The MkDocs hook applies these (site name, logo, palette, footer); nothing here imports MkDocs.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..source.district import SLATE, UI_CONTRAST, WHITE, Brand, District, readable

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


def html_text(text: str) -> Markup:
    """`text` escaped once, as Markup: the theme prints it as is, and its `| e` leaves it alone."""
    return Markup(escape(text, quote=True))


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
    """'(555) 010-4200 ext. 7' -> '5550104200,7': what a tel: link dials (a leading + kept; the
    extension after a pause, which phones dial once the call connects)."""
    number, _, extension = phone.partition("ext")
    digits = ("+" if number.strip().startswith("+") else "") + "".join(ch for ch in number if ch.isdigit())
    extension = "".join(ch for ch in extension if ch.isdigit())
    return f"{digits},{extension}" if extension else digits
