"""A district's logo, checked once and published as checked: inert drawing markup or a sane PNG.

The logo is untrusted input like the rest of district.yml. The site serves it from its own
address (and as the favicon) and every PDF draws it, so an SVG that could run script, load
another file or expand entities would act in the site's origin or ask other hosts for
files. `read_logo` reads the file once and either returns a `Logo` (the bytes every output
uses; the file is never read again) or raises `LogoError` with a sentence saying exactly
what is not allowed.

Hostile SVG is rejected, not quietly cleaned: the district then sees what its file holds and
fixes it, and the logo it sees on the site is the file it keeps. What is published is the
checked tree written out again by lxml (no comments, no editor metadata), so browsers read
exactly what was checked.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MAX_BYTES = 512 * 1024  # 512 KB: a logo is a few KB; anything larger multiplies in every output
MAX_PIXELS = 4096  # PNG width and height, and an SVG's width and height, at most this
MAX_ELEMENTS = 10_000
MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What drawing programs add for themselves; inert, left out of the published copy.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Flows/1.0/",
    "http://ns.adobe.com/ImageReplacement/1.0/",
    "http://ns.adobe.com/GenericCustomNamespace/1.0/",
    "http://ns.adobe.com/XPath/1.0/",
    "http://www.bohemiancoding.com/sketch/ns",
}

# Drawing elements. Not here, on purpose: script, foreignObject, a, image, feImage, iframe,
# embed, object, animate/set (they can change href), font-face and anything else.
ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style", "switch",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow", "feFlood",
    "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
    "feMorphology", "feOffset",
}  # fmt: skip

# Geometry and presentation attributes (SVG 1.1/2). Event handlers (on*) are never allowed.
ATTRIBUTES = {
    "id", "class", "style", "lang", "role", "tabindex", "focusable", "version", "baseProfile",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "dx", "dy",
    "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio", "transform",
    "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
    "offset", "gradientUnits", "gradientTransform", "spreadMethod",
    "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
    "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
    "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type", "values",
    "operator", "k1", "k2", "k3", "k4", "radius", "tableValues", "slope", "intercept", "amplitude",
    "exponent", "edgeMode",
    "requiredFeatures", "requiredExtensions", "systemLanguage", "enable-background", "href",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity",
    "clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end",
    "color", "display", "visibility", "overflow", "vector-effect", "shape-rendering", "text-rendering",
    "image-rendering", "color-interpolation", "color-interpolation-filters", "color-rendering",
    "paint-order", "mix-blend-mode", "isolation", "stop-color", "stop-opacity", "flood-color",
    "flood-opacity", "lighting-color",
    "font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant",
    "font-weight", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi",
    "kerning", "glyph-orientation-vertical", "glyph-orientation-horizontal",
}  # fmt: skip

# In a style sheet or attribute: url(...) may only name an element of the logo itself.
_URL = re.compile(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_CSS_BANNED = re.compile(
    r"@import|@font-face|@namespace|expression\s*\(|(?:image|image-set|cross-fade|element|paint)\s*\(|-moz-binding|behavior\s*:|\\",
    re.IGNORECASE,
)
_URL_CALL = re.compile(r"url\s*\(", re.IGNORECASE)
# Names and labels, not CSS: their values are not checked as style.
_NOT_CSS = {"id", "class", "lang", "role", "href", "title"}
_LOCAL = re.compile(r"#[A-Za-z_][\w.:-]*")
_NUMBER = re.compile(r"\s*([0-9.]+(?:e[+-]?\d+)?)\s*(px)?\s*$", re.IGNORECASE)


class LogoError(ValueError):
    """The logo file cannot be published; the message says why, in the district's terms."""


@dataclass(frozen=True)
class Logo:
    """A checked logo: the bytes the site, favicon and PDFs use, and what they are."""

    data: bytes
    suffix: str  # ".svg" or ".png"

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.suffix]

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_logo(path: Path, shown: str) -> Logo:
    """Read and check the logo at `path` (`shown` names it in messages)."""
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise LogoError(f"the logo must be an .svg or .png image, not '{shown}'")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise LogoError(f"{shown} is {size / 1024:,.0f} KB; a logo may be at most {MAX_BYTES // 1024} KB")
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # never more, even if the file grew since stat()
    if len(data) > MAX_BYTES:
        raise LogoError(f"{shown} is larger than {MAX_BYTES // 1024} KB, the most a logo may be")
    if suffix == ".png":
        return Logo(check_png(data, shown), suffix)
    return Logo(check_svg(data, shown), suffix)


def check_png(data: bytes, shown: str) -> bytes:
    """`data` unchanged, once it is a whole PNG image of sane size."""
    from PIL import Image

    if not data.startswith(PNG_SIGNATURE):
        raise LogoError(f"{shown} is not a PNG image (its first bytes are not a PNG signature)")
    if data[12:16] != b"IHDR" or len(data) < 33:
        raise LogoError(f"{shown} is not a readable PNG image (it has no image header)")
    # The size from the header, before Pillow decodes anything (a tiny file can claim 100,000 x 100,000).
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if not (1 <= width <= MAX_PIXELS and 1 <= height <= MAX_PIXELS):
        raise LogoError(f"{shown} is {width} x {height} pixels; a logo may be at most {MAX_PIXELS} x {MAX_PIXELS}")
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.verify()  # every chunk's checksum
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.load()  # every pixel: a truncated or corrupt file fails here
    except Exception as exc:
        raise LogoError(f"{shown} is not a readable PNG image ({exc})") from None
    return data


def check_svg(data: bytes, shown: str) -> bytes:
    """The SVG written out again from its checked tree; LogoError names the first thing not allowed."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
        remove_comments=True, remove_blank_text=False,
    )  # fmt: skip
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LogoError(f"{shown} is not a well-formed SVG file ({exc.msg})") from None
    _check_doctype(root.getroottree().docinfo, data, shown)
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if isinstance(sibling, etree._ProcessingInstruction):
            raise LogoError(
                f"{shown} has a processing instruction <?{sibling.target} ...?>; a logo may hold drawing elements only"
            )
    if root.tag != f"{{{SVG}}}svg":
        raise LogoError(f'{shown} is not an SVG image: its outer element must be <svg xmlns="{SVG}">')
    _check_size(root, shown)
    count = 0
    for node in list(root.iter()):
        count += 1
        if count > MAX_ELEMENTS:
            raise LogoError(f"{shown} has more than {MAX_ELEMENTS:,} elements, more than a logo needs")
        if isinstance(node, etree._Entity):
            raise LogoError(f"{shown} uses the entity &{node.name};; a logo may not use entities")
        if isinstance(node, etree._ProcessingInstruction):
            raise LogoError(
                f"{shown} has a processing instruction <?{node.target} ...?>; a logo may hold drawing elements only"
            )
        if not isinstance(node.tag, str):
            continue
        qname = etree.QName(node)
        if qname.namespace in EDITOR_NAMESPACES:
            node.getparent().remove(node)
            continue
        if qname.namespace != SVG or qname.localname not in ELEMENTS:
            raise LogoError(f"{shown} has {_element(node)}; a logo may hold drawing elements only")
        if qname.localname == "metadata":  # descriptions for editors: nothing to draw
            node.getparent().remove(node)
            continue
        element = qname.localname
        if element == "style":
            if len(node):
                raise LogoError(f"{shown} has elements inside a <style> element; a style sheet may hold only CSS")
            _check_css(node.text or "", shown, "a <style> element")
        _check_attributes(node, element, shown)
    etree.cleanup_namespaces(root)
    cleaned: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return cleaned + b"\n"


# The DOCTYPE drawing programs write (Illustrator, older Inkscape). Browsers and lxml here never
# load it; any other DOCTYPE, and any internal subset (entities, attribute defaults), is refused.
SVG_DOCTYPES = {
    "-//W3C//DTD SVG 1.0//EN",
    "-//W3C//DTD SVG 1.1//EN",
    "-//W3C//DTD SVG 1.1 Basic//EN",
    "-//W3C//DTD SVG 1.1 Tiny//EN",
}
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def _check_doctype(docinfo: etree.DocInfo, data: bytes, shown: str) -> None:
    if not docinfo.doctype:
        return
    dtd = docinfo.internalDTD
    declared = dtd is not None and (dtd.entities() or list(dtd.iterelements()))
    if declared or _INTERNAL_SUBSET.search(data):
        raise LogoError(f"{shown} declares entities or other DTD content in its <!DOCTYPE>; a logo may not")
    if docinfo.public_id not in SVG_DOCTYPES:
        named = docinfo.public_id or docinfo.system_url or docinfo.root_name
        raise LogoError(
            f"{shown} has the <!DOCTYPE> '{_short(named)}'; a logo may only have the standard SVG one, or none"
        )


def _check_attributes(node: etree._Element, element: str, shown: str) -> None:
    for attribute, value in list(node.attrib.items()):
        qname = etree.QName(attribute)
        name = qname.localname
        if qname.namespace in EDITOR_NAMESPACES:
            del node.attrib[attribute]
            continue
        where = f"<{element} {name if qname.namespace != XLINK else 'xlink:' + name}=...>"
        if name.lower().startswith("on"):
            raise LogoError(f"{shown} has an event handler {where}; a logo may not run script")
        if qname.namespace == XML and name in ("space", "lang"):
            continue
        allowed = (qname.namespace is None and (name in ATTRIBUTES or name.startswith(("aria-", "data-")))) or (
            qname.namespace == XLINK and name in ("href", "title")
        )
        if not allowed:
            raise LogoError(f"{shown} has the attribute {where}, which a logo's drawing does not need")
        if name == "href":
            if not _LOCAL.fullmatch(value.strip()):
                raise LogoError(
                    f"{shown} has {where} pointing at '{_short(value)}'; a logo may only refer to its own parts (#id)"
                )
        elif name == "style":
            _check_css(value, shown, f"the style of <{element}>")
        elif name not in _NOT_CSS and not name.startswith(("aria-", "data-")):
            _check_css(value, shown, where)  # presentation attributes are CSS values: fill="url(...)"


def _check_css(css: str, shown: str, where: str) -> None:
    if match := _CSS_BANNED.search(css):
        raise LogoError(
            f"{shown} has '{match.group(0)}' in {where}; a logo's CSS may not load files or escape characters"
        )
    _check_urls(css, shown, where)


def _check_urls(text: str, shown: str, where: str) -> None:
    for match in _URL.finditer(text):
        if not _LOCAL.fullmatch(match.group(2).strip()):
            raise LogoError(
                f"{shown} has url({_short(match.group(2))}) in {where}; a logo may only refer to its own parts (#id)"
            )
    # a url( that the pattern above did not read whole (an unclosed parenthesis): not CSS a logo needs
    if len(_URL.findall(text)) != len(_URL_CALL.findall(text)):
        raise LogoError(f"{shown} has an unusual 'url' in {where}; a logo may only refer to its own parts as url(#id)")


def _check_size(root: etree._Element, shown: str) -> None:
    """A width or height in pixels larger than any logo (a renderer may allocate it)."""
    for size in filter(None, (root.get("width"), root.get("height"))):
        if (match := _NUMBER.match(size)) and float(match.group(1)) > MAX_PIXELS:
            raise LogoError(
                f"{shown} declares a size of {size.strip()}; a logo may be at most {MAX_PIXELS} pixels across"
            )


def _element(node: etree._Element) -> str:
    """'a <script> element', 'an <image> element', 'a <h:script> element (namespace http://…)'."""
    qname = etree.QName(node)
    name = qname.localname if qname.namespace == SVG or node.prefix is None else f"{node.prefix}:{qname.localname}"
    where = "" if qname.namespace == SVG else f" (namespace {qname.namespace or 'none'})"
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} <{name}> element{where}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
