"""A district's logo is untrusted input: hostile SVGs and broken PNGs are refused at district.yml's
`logo:` line, the outputs use the checked bytes, and every PDF references one copy of it."""

from __future__ import annotations

import io
import struct
import tempfile
import zlib
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from tltoolkit import DataErrors
from tltoolkit.documents import Settings, build_documents, plan
from tltoolkit.documents import build as build_mod
from tltoolkit.documents import pdf as pdf_mod
from tltoolkit.documents.fetcher import RefusedURL, SafeFetcher, logo_url
from tltoolkit.source.load import load_toolkit
from tltoolkit.source.logo import MAX_BYTES, Logo, read_logo

CASES = Path(__file__).parent / "cases" / "logos"
EXPECTED: dict[str, str] = yaml.safe_load((CASES / "expected.yml").read_text())
SETTINGS = """\
name: Lakeview School District
logo: {logo}
colours:
  primary: "#0d47a1"
"""
SMALL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#0d47a1"/></svg>'
)


def district_with(data: Path, name: str, content: bytes) -> Path:
    folder = data.parent / "district"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content)
    (folder / "district.yml").write_text(SETTINGS.format(logo=name))
    return folder / "district.yml"


def problems(data: Path, district_file: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_toolkit(data, district_file)
    return [str(error) for error in caught.value.errors]


def png(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0d47a1").save(buffer, "PNG")
    return buffer.getvalue()


def noisy_png() -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("L", (64, 64), bytes(range(256)) * 16).save(buffer, "PNG")
    return buffer.getvalue()


def with_header_size(data: bytes, width: int, height: int) -> bytes:
    """A PNG whose header claims another size (a decompression bomb's trick), with a valid checksum."""
    ihdr = data[12:29]
    fields = b"IHDR" + struct.pack(">II", width, height) + ihdr[12:]
    return data[:8] + struct.pack(">I", 13) + fields + struct.pack(">I", zlib.crc32(fields)) + data[33:]


# --- hostile SVGs ------------------------------------------------------------------------------------


def test_every_case_file_has_its_expected_message() -> None:
    assert sorted(p.name for p in CASES.glob("*.svg")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_svg_is_refused_at_the_logo_line_saying_what_is_not_allowed(minimal_data: Path, name: str) -> None:
    district_file = district_with(minimal_data, name, (CASES / name).read_bytes())
    assert problems(minimal_data, district_file) == [f"district/district.yml:2:1: logo: {EXPECTED[name]}"]


def test_a_drawing_program_export_is_accepted_and_published_without_editor_markup(minimal_data: Path) -> None:
    source = (CASES / "accepted" / "inkscape-export.svg").read_bytes()
    _, district = load_toolkit(minimal_data, district_with(minimal_data, "logo.svg", source))
    published = district.logo_image.data.decode()
    for gone in ("inkscape", "sodipodi", "rdf:", "<metadata", "<!--", "dc:title"):
        assert gone not in published
    for kept in (
        '<linearGradient id="sky"',
        'clip-path="url(#round)"',
        'xlink:href="#wave"',
        ".band { fill: url(#sky)",
        ">LSD</text>",
    ):
        assert kept in published
    assert read_logo(minimal_data.parent / "district" / "logo.svg", "logo.svg").data == district.logo_image.data


@pytest.mark.parametrize("name", sorted(p.name for p in (CASES / "accepted").glob("*.svg")))
def test_drawing_program_exports_are_accepted_without_doctype_or_comments(minimal_data: Path, name: str) -> None:
    source = (CASES / "accepted" / name).read_bytes()
    _, district = load_toolkit(minimal_data, district_with(minimal_data, "logo.svg", source))
    published = district.logo_image.data
    assert b"<!DOCTYPE" not in published and b"<!--" not in published
    declaration, svg = published.split(b"\n", 2)[:2]
    assert declaration == b"<?xml version='1.0' encoding='utf-8'?>" and svg.startswith(b"<svg ")
    assert b'xmlns="http://www.w3.org/2000/svg"' in svg


def test_the_outputs_use_the_checked_bytes_even_if_the_file_changes_afterwards(minimal_data: Path) -> None:
    district_file = district_with(minimal_data, "logo.svg", SMALL_SVG.encode())
    _, district = load_toolkit(minimal_data, district_file)
    checked = district.logo_image.data
    (district_file.parent / "logo.svg").write_text(SMALL_SVG.replace("<rect", "<script>window.__pwned=1</script><rect"))
    assert district.logo_image.data == checked and b"script" not in checked
    assert Settings.for_district(district).logo.data == checked


def test_logo_problems_are_reported_with_the_other_settings_problems(minimal_data: Path) -> None:
    district_file = district_with(minimal_data, "script.svg", (CASES / "script.svg").read_bytes())
    district_file.write_text(district_file.read_text().replace("#0d47a1", "#4fc3f7"))
    found = problems(minimal_data, district_file)
    assert [line.split(": ")[1] for line in found] == ["logo", "colours.primary"]  # in line order


# --- size, and PNGs -----------------------------------------------------------------------------------


def test_a_logo_over_the_size_limit_is_refused_naming_the_limit(minimal_data: Path) -> None:
    content = (SMALL_SVG + "<!-- " + "x" * 600 * 1024 + " -->").encode()
    district_file = district_with(minimal_data, "logo.svg", content)
    size = f"{len(content) / 1024:,.0f}"
    assert problems(minimal_data, district_file) == [
        f"district/district.yml:2:1: logo: logo.svg is {size} KB; a logo may be at most {MAX_BYTES // 1024} KB"
    ]


def test_a_small_png_is_published_as_it_is(minimal_data: Path) -> None:
    data = png()
    _, district = load_toolkit(minimal_data, district_with(minimal_data, "logo.png", data))
    assert district.logo_image.data == data and district.logo_image.media_type == "image/png"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "logo.png is not a PNG image (its first bytes are not a PNG signature)",
        ),
        (noisy_png()[: len(noisy_png()) // 2], "logo.png is not a readable PNG image"),
        (
            with_header_size(png(), 100_000, 100_000),
            "logo.png is 100000 x 100000 pixels; a logo may be at most 4096 x 4096",
        ),
    ],
    ids=["svg-named-png", "truncated", "huge-header"],
)
def test_a_broken_or_oversized_png_is_refused(minimal_data: Path, content: bytes, expected: str) -> None:
    (message,) = problems(minimal_data, district_with(minimal_data, "logo.png", content))
    assert message.startswith(f"district/district.yml:2:1: logo: {expected}")


# --- one copy for every document, and loud failures ----------------------------------------------------


def test_print_html_references_the_logo_by_its_hash_not_its_bytes(catalog) -> None:
    small = read_logo_bytes(SMALL_SVG.encode())
    large = read_logo_bytes((SMALL_SVG.replace("</svg>", "") + '<path d="' + "M0 0h1" * 60_000 + '"/></svg>').encode())
    assert len(large.data) > 300_000
    jobs_small = plan(catalog, Settings(logo=small))
    jobs_large = plan(catalog, Settings(logo=large))
    pdfs = [(a, b) for a, b in zip(jobs_small, jobs_large, strict=True) if a.suffix == ".pdf"]
    # The render input of each of the N documents is the same size whatever the logo weighs.
    assert [len(str(a.payload)) for a, _ in pdfs] == [len(str(b.payload)) for _, b in pdfs]
    for _, job in pdfs:
        assert logo_url(large.digest, ".svg") in str(job.payload) and "base64" not in str(job.payload)
    assert all(a.key != b.key for a, b in pdfs)  # a new logo still renders every PDF again


def read_logo_bytes(data: bytes) -> Logo:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "logo.svg"
        path.write_bytes(data)
        return read_logo(path, "logo.svg")


def test_documents_draw_the_logo_from_one_copy(minimal_catalog, tmp_path: Path) -> None:
    logo = read_logo_bytes(SMALL_SVG.replace("#0d47a1", "#c0ffee").encode())  # a colour nothing else uses
    settings = Settings(logo=logo, workers=1)
    build_documents(minimal_catalog, tmp_path / "out", tmp_path / "cache", settings)  # every kind, few of each
    assert [p.name for p in (tmp_path / "cache" / "logo").iterdir()] == [f"{logo.digest}.svg"]
    for name in ("principal-moves.pdf", "school-conditions.pdf"):
        content = PdfReader(tmp_path / "out" / name).pages[0].get_contents().get_data()
        assert b"0.752941 1 0.933333 rg" in content  # the logo's fill, drawn in the running header


def test_a_logo_copy_removed_during_the_build_stops_it_naming_the_document(
    catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = read_logo_bytes(SMALL_SVG.encode())
    monkeypatch.setattr(build_mod, "keep_logo", lambda store, logo: None)  # as if the copy vanished
    with pytest.raises(
        RefusedURL, match=r"^(job-descriptions|guides)/[\w-]+\.pdf: the district logo is missing from .*logo"
    ):
        build_documents(catalog, tmp_path / "out", tmp_path / "cache", Settings(logo=logo, workers=1))


def test_a_logo_copy_changed_after_the_check_is_refused(tmp_path: Path) -> None:
    logo = read_logo_bytes(SMALL_SVG.encode())
    (tmp_path / f"{logo.digest}.svg").write_text(SMALL_SVG.replace("<rect", "<script>x</script><rect"))
    fetcher = SafeFetcher([tmp_path], logo_dir=tmp_path)
    with pytest.raises(RefusedURL, match="changed after it was checked"):
        fetcher.fetch(logo_url(logo.digest, ".svg"))
    with pytest.raises(RefusedURL, match="not one this build wrote"):
        fetcher.fetch("district-logo:../../etc/passwd")


def test_an_image_weasyprint_cannot_draw_fails_instead_of_vanishing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(png()[:40])
    html = f"<!doctype html><html lang='en'><head><title>t</title></head><body><img src='{broken.as_uri()}' alt=''></body></html>"
    with pytest.raises(RefusedURL, match="Failed to load image"):
        pdf_mod.render_pdf(html, "guide", "letter", tmp_path / "out.pdf", roots=(tmp_path,))


def test_the_settings_field_states_the_limits() -> None:
    from tltoolkit.source.models import DistrictFile

    description = DistrictFile.model_fields["logo"].description
    assert f"at most {MAX_BYTES // 1024} KB" in description and "4096 x 4096 pixels" in description


def test_the_build_reports_a_refused_document_as_an_error_naming_it(tmp_path: Path) -> None:
    """What on_post_build does with the documents' RefusedURL: MkDocs's plain build error, no traceback."""
    import importlib.util
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location(
        "toolkit_hook_logo", Path(__file__).parents[1] / "hooks" / "toolkit.py"
    )
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    def wait() -> None:
        raise RefusedURL("guides/all-guides.pdf: the district logo is missing from /x/logo (removed during the build?)")

    from tltoolkit.web.build import SiteBuild

    build = object.__new__(SiteBuild)  # the build's state; only the documents under way matter here
    build._pending = SimpleNamespace(in_background=False, wait=wait)
    hook._build = build
    with pytest.raises(PluginError, match=r"^documents: guides/all-guides\.pdf: the district logo is missing"):
        hook.on_post_build(SimpleNamespace())
