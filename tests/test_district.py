"""A district's settings (district.yml) and its data overlay: merge rules, and errors at the right file and line."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tltoolkit import DataErrors
from tltoolkit.source.district import contrast
from tltoolkit.source.load import load_toolkit
from tltoolkit.web.branding import footer_html, site_css
from tltoolkit.web.site import build_pages

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample-district"
MINIMAL_TEXT = (Path(__file__).parent / "fixtures" / "minimal" / "roles.yml").read_text()
MINIMAL_ROLE = yaml.safe_load((Path(__file__).parent / "fixtures" / "minimal" / "roles.yml").read_text())["roles"][0]

SETTINGS = """\
name: Lakeview School District
short_name: Lakeview
logo: logo.svg
colours:
  primary: "#0d47a1"
  accent: "#ad1457"
contact:
  name: Teacher Leadership Office
  email: leaders@lakeview.example.org
  phone: 555 010 3000
licence: Lakeview edition, CC BY 4.0.
paper: a4
overlay: data
"""


@pytest.fixture
def district(minimal_data: Path) -> Path:
    """tmp/data (the minimal toolkit data) and tmp/district/{district.yml, logo.svg, data/}."""
    folder = minimal_data.parent / "district"
    (folder / "data").mkdir(parents=True)
    (folder / "district.yml").write_text(SETTINGS)
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
    )
    return folder


def role(role_id: str, **changes: object) -> dict:
    return {**MINIMAL_ROLE, "id": role_id, **changes}


def write_roles(district: Path, *roles: dict) -> str:
    text = yaml.safe_dump({"roles": list(roles)}, sort_keys=False, width=1000)
    (district / "data" / "roles.yml").write_text(text)
    return text


def line_of(text: str, needle: str, nth: int = 1) -> int:
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text[:index].count("\n") + 1


def problems(data: Path, district: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_toolkit(data, district / "district.yml")
    return [str(error) for error in caught.value.errors]


def set_settings(district: Path, old: str, new: str) -> int:
    text = (district / "district.yml").read_text()
    assert old in text
    (district / "district.yml").write_text(text.replace(old, new, 1))
    return line_of(text, old)


def set_contact(district: Path, field: str, value: str) -> int:
    """Replace the contact with a name and `field`: `value` (quoted); returns the line of that field."""
    text = (district / "district.yml").read_text()
    block = re.search(r"^contact:\n(?:  .*\n)+", text, flags=re.M)
    assert block is not None
    new = (
        f"contact:\n  name: Teacher Leadership Office\n  {field}: {yaml.safe_dump(value, width=1000).splitlines()[0]}\n"
    )
    (district / "district.yml").write_text(text[: block.start()] + new + text[block.end() :])
    return line_of(text, "contact:") + 2


# --- overlay merge rules ------------------------------------------------------------


def test_same_id_replaces_the_whole_item_in_place_and_new_ids_are_added(minimal_data: Path, district: Path) -> None:
    write_roles(
        district,
        role("new-role", title="Lakeview literacy lead"),
        role("data-team-facilitator", title="Data inquiry lead", support=["Lakeview data academy"]),
    )
    catalog, settings = load_toolkit(minimal_data, district / "district.yml")
    assert [r.id for r in catalog.roles] == [
        "grade-level-team-leader",
        "data-team-facilitator",
        "assessment-coordinator",
        "new-role",
    ]
    replaced = catalog.role["data-team-facilitator"]
    assert replaced.title == "Data inquiry lead" and replaced.support == ["Lakeview data academy"]
    assert replaced.summary == MINIMAL_ROLE["summary"]  # whole item: nothing kept from the toolkit's entry
    assert catalog.origin("roles", "data-team-facilitator") == "district/data/roles.yml"
    assert catalog.origin("roles", "grade-level-team-leader") == "data/roles.yml"
    assert settings is not None and settings.site_name == "Lakeview Teacher Leadership Toolkit"


def test_moves_merge_by_skill_then_move_id_and_other_files_replace_whole(minimal_data: Path, district: Path) -> None:
    moves = yaml.safe_load((minimal_data / "principal_moves.yml").read_text())
    first = {**moves["principal_moves"][0]["moves"][0], "example": "Lakeview posts results within a day."}
    added = {**first, "id": "lakeview-data-days", "move": "Hold two district data days a year."}
    overlay = {"principal_moves": [{"skill": "data-use", "moves": [added, first]}]}
    (district / "data" / "principal_moves.yml").write_text(yaml.safe_dump(overlay, sort_keys=False))
    focus = (minimal_data / "focus_area.yml").read_text().replace("audience:", "audience: Lakeview principals. #", 1)
    (district / "data" / "focus_area.yml").write_text(focus)

    catalog, _ = load_toolkit(minimal_data, district / "district.yml")

    data_use = catalog.moves["data-use"]
    assert [m.id for m in data_use] == ["timely-data-access", "protect-inquiry-time", "lakeview-data-days"]
    assert data_use[0].example == "Lakeview posts results within a day."
    assert [m.id for m in catalog.moves["shared-leadership"]] == [
        "state-vision-and-roles-publicly",
        "name-authority-and-limits",
    ]
    assert catalog.focus_area.audience.startswith("Lakeview principals.")


def test_guides_replace_by_file_name_and_remove_drops_toolkit_items(minimal_data: Path, district: Path) -> None:
    guide = (minimal_data / "guides" / "clarifying-the-role.yml").read_text()
    (district / "data" / "guides").mkdir()
    (district / "data" / "guides" / "clarifying-the-role.yml").write_text(
        guide.replace("title: ", "title: Lakeview edition of ", 1)
    )
    set_settings(
        district,
        "overlay: data\n",
        "overlay: data\nremove:\n  roles: [assessment-coordinator]\n  conditions: [protected-time]\n",
    )

    catalog, _ = load_toolkit(minimal_data, district / "district.yml")

    assert catalog.guides[0].title.startswith("Lakeview edition of ")
    assert catalog.origin("guides", "clarifying-the-role") == "district/data/guides/clarifying-the-role.yml"
    assert "assessment-coordinator" not in catalog.role
    assert [c.id for c in catalog.conditions] == ["clear-vision-and-roles"]


# --- overlay errors point at the overlay file -------------------------------------------


def test_an_error_in_an_overlay_file_names_that_file_and_line(minimal_data: Path, district: Path) -> None:
    text = write_roles(district, role("new-role", title="New role", held="full-time"))
    line = line_of(text, "held: full-time")
    assert problems(minimal_data, district) == [
        f"district/data/roles.yml:{line}:3: roles[0].held: expected one of 'full-time-teaching', 'partial-release' or "
        "'full-release', got the text 'full-time' (did you mean 'full-time-teaching'?)"
    ]


def test_duplicate_ids_within_the_overlay_are_reported(minimal_data: Path, district: Path) -> None:
    text = write_roles(district, role("new-role", title="One"), role("new-role", title="Two"))
    first, second = line_of(text, "- id: new-role"), line_of(text, "- id: new-role", 2)
    assert problems(minimal_data, district) == [
        f"district/data/roles.yml:{second}:3: roles[1].id: duplicate role id 'new-role' (first used on line {first})"
    ]


def test_a_title_already_used_by_a_toolkit_role_names_both_files(minimal_data: Path, district: Path) -> None:
    text = write_roles(district, role("new-role", title="Data team facilitator"))
    toolkit = line_of((minimal_data / "roles.yml").read_text(), "title: Data team facilitator")
    assert problems(minimal_data, district) == [
        f"district/data/roles.yml:{line_of(text, 'title:')}:3: roles[0].title: duplicate role title "
        f"'data team facilitator' (first used on data/roles.yml line {toolkit})"
    ]


def test_references_are_checked_after_merging(minimal_data: Path, district: Path) -> None:
    text = write_roles(district, role("new-role", title="New role", skills=["data-use", "dta-use"]))
    set_settings(district, "overlay: data\n", "overlay: data\nremove:\n  roles: [data-team-facilitator]\n")
    guide = (minimal_data / "guides" / "clarifying-the-role.yml").read_text()
    assert problems(minimal_data, district) == sorted(
        [
            f"data/guides/clarifying-the-role.yml:{line_of(guide, '- data-team-facilitator')}:3: roles[1]: "
            "unknown role 'data-team-facilitator'",
            f"district/data/roles.yml:{line_of(text, '- dta-use')}:5: roles[0].skills[1]: unknown skill 'dta-use' "
            "(did you mean 'data-use'?)",
        ]
    )


def test_removing_what_the_toolkit_lacks_or_the_overlay_defines_is_an_error(minimal_data: Path, district: Path) -> None:
    write_roles(district, role("new-role", title="New role"))
    line = set_settings(
        district, "overlay: data\n", "overlay: data\nremove:\n  roles: [math-coach, new-role]\n  guides: [nope]\n"
    )
    assert problems(minimal_data, district) == [
        f"district/district.yml:{line + 2}:11: remove.roles[0]: the toolkit has no role 'math-coach' to remove",
        f"district/district.yml:{line + 2}:23: remove.roles[1]: role 'new-role' is removed here but the overlay defines it",
        f"district/district.yml:{line + 3}:12: remove.guides[0]: the toolkit has no guide 'nope' to remove",
    ]


def test_a_misnamed_overlay_file_is_reported_not_ignored(minimal_data: Path, district: Path) -> None:
    (district / "data" / "role.yml").write_text("roles: []\n")
    [message] = problems(minimal_data, district)
    assert message.startswith(
        "district/data/role.yml:1:1: not a toolkit data file; an overlay holds files named skills.yml, roles.yml"
    )


# --- settings errors -----------------------------------------------------------------


def test_suggested_shades_pass_the_check_they_are_suggested_for() -> None:
    assert contrast("#337d9e", "#ffffff") >= 4.5 > contrast("#4fc3f7", "#ffffff")
    assert contrast("#ad9136", "#ffffff") >= 3.0


EMAIL_HINT = (
    "is not a plain email address: write the address alone, like 'office@district.org' (no 'mailto:', "
    "'?', '&', commas, spaces or angle brackets)"
)
URL_HINT = (
    "is not a web address: write https:// and the site's name, like 'https://district.org/leaders', with no "
    "spaces, quotes or angle brackets"
)
PHONE_HINT = "is not a phone number: use digits, spaces and + ( ) - . only, with an optional 'ext 12' at the end"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'primary: "#0d47a1"',
            'primary: "navy"',
            "{line}:3: colours.primary: the text 'navy' is not a colour: write '#' "
            "and six hexadecimal digits, like '#1b5e20'",
        ),
        (
            'primary: "#0d47a1"',
            'primary: "#4fc3f7"',
            "{line}:3: colours.primary: white text on #4fc3f7 has a contrast of "
            "2.0:1, below the 4.5:1 that headers and links need (WCAG AA); a darker shade such as #337d9e works",
        ),
        (
            'accent: "#ad1457"',
            'accent: "#ffd54f"',
            "{line}:3: colours.accent: #ffd54f on white has a contrast of 1.4:1, "
            "below the 3.0:1 a hover colour needs; a darker shade such as #ad9136 works",
        ),
        (
            "email: leaders@lakeview.example.org",
            "email: leaders(at)lakeview",
            "{line}:3: contact.email: the text 'leaders(at)lakeview' " + EMAIL_HINT,
        ),
        (
            "logo: logo.svg",
            "logo: missing.svg",
            "{line}:1: logo: no logo file at 'missing.svg' (relative to district/district.yml)",
        ),
        (
            "logo: logo.svg",
            "logo: ../data/logo.svg",
            "{line}:1: logo: the logo '../data/logo.svg' must be inside the folder of district/district.yml",
        ),
        (
            "paper: a4",
            "paper: A4",
            "{line}:1: paper: expected one of 'letter' or 'a4', got the text 'A4' (did you mean 'a4'?)",
        ),
        (
            "short_name: Lakeview",
            "short_nam: Lakeview",
            "{line}:1: short_nam: unknown field 'short_nam' (did you mean 'short_name'?)",
        ),
    ],
)
def test_bad_settings_give_file_line_field_message(
    minimal_data: Path, district: Path, old: str, new: str, expected: str
) -> None:
    line = set_settings(district, old, new)
    assert problems(minimal_data, district) == ["district/district.yml:" + expected.format(line=line)]


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("email", "leaders@lakeview.example.org?bcc=someone@elsewhere.example", EMAIL_HINT),  # a hidden copy
        ("email", "leaders@lakeview.example.org&cc=x@y.example", EMAIL_HINT),
        ("email", "mailto:leaders@lakeview.example.org", EMAIL_HINT),
        ("email", "leaders@lakeview.example.org,boss@lakeview.example.org", EMAIL_HINT),
        ("email", "Leaders <leaders@lakeview.example.org>", EMAIL_HINT),
        ("email", "lead ers@lakeview.example.org", EMAIL_HINT),
        ("email", "leaders%3F@lakeview.example.org", EMAIL_HINT),
        ("url", "javascript:alert(1)", URL_HINT),
        ("url", "https://lakeview.example.org/a page", URL_HINT),
        ("url", 'https://lakeview.example.org/"onmouseover="alert(1)', URL_HINT),
        ("url", "https://lakeview.example.org/<script>", URL_HINT),
        ("url", "https://lakeview.example.org@evil.example/", URL_HINT),  # looks like one host, opens another
        ("url", "https://", URL_HINT),
        ("url", "lakeview.example.org", URL_HINT),
        ("phone", "555 010 3000 <b>", PHONE_HINT),
        ("phone", "call the front desk", PHONE_HINT),
        ("phone", "555-0100; ask for Sam", PHONE_HINT),
    ],
)
def test_contact_fields_accept_only_a_plain_address_number_or_page(
    minimal_data: Path, district: Path, field: str, value: str, hint: str
) -> None:
    line = set_contact(district, field, value)
    shown = value if len(value) <= 40 else value[:39] + "…"
    assert problems(minimal_data, district) == [
        f"district/district.yml:{line}:3: contact.{field}: the text {shown!r} {hint}"
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "teacher.leaders+site@lake-view.k12.example.us"),
        ("url", "https://lakeview.example.org:8443/leaders/?tab=roles&year=2026#contact"),
        ("url", "http://intranet.lakeview.example.org"),
        ("phone", "+1 (555) 010-3000 ext. 12"),
        ("phone", "555.010.3000"),
    ],
)
def test_ordinary_contact_details_are_accepted(minimal_data: Path, district: Path, field: str, value: str) -> None:
    set_contact(district, field, value)
    _, settings = load_toolkit(minimal_data, district / "district.yml")
    assert settings is not None and getattr(settings.settings.contact, field) == value


def test_one_pass_reports_every_settings_problem_with_the_data_and_overlay_problems(
    minimal_data: Path, district: Path
) -> None:
    """A wrong email and paper size do not hide the contrast, the logo or the overlay's own problems."""
    email = set_settings(
        district, "email: leaders@lakeview.example.org", "email: leaders@lakeview.example.org?bcc=x@y.example"
    )
    paper = set_settings(district, "paper: a4", "paper: A3")
    accent = set_settings(district, 'accent: "#ad1457"', 'accent: "#ffd54f"')
    logo = set_settings(district, "logo: logo.svg", "logo: missing.svg")
    overlay_roles = write_roles(district, role("new-role", title="New role", held="always"))
    roles = minimal_data / "roles.yml"
    roles.write_text(roles.read_text().replace("  held: full-time-teaching", "  held: sometimes", 1))

    with pytest.raises(DataErrors) as caught:
        load_toolkit(minimal_data, district / "district.yml")

    found = [str(error) for error in caught.value.errors]
    assert [f"{m.split(':')[0]}:{m.split(':')[1]}" for m in found] == [
        f"data/roles.yml:{line_of(roles.read_text(), 'held: sometimes')}",
        f"district/data/roles.yml:{line_of(overlay_roles, 'held: always')}",
        f"district/district.yml:{logo}",
        f"district/district.yml:{accent}",
        f"district/district.yml:{email}",
        f"district/district.yml:{paper}",
    ]
    assert "logo: no logo file at 'missing.svg'" in found[2] and "colours.accent: #ffd54f on white" in found[3]
    report = caught.value.report()
    assert report.startswith("6 problems found:\n") and "toolkit data" not in report


def test_a_settings_problem_does_not_hide_a_syntax_error_in_the_overlay(minimal_data: Path, district: Path) -> None:
    set_settings(district, "paper: a4", "paper: A3")
    (district / "data" / "roles.yml").write_text("roles:\n  - id: new-role\n   title: New role\n")
    assert [m.split(":")[:2] for m in problems(minimal_data, district)] == [
        ["district/data/roles.yml", "3"],
        ["district/district.yml", str(line_of(SETTINGS, "paper:"))],
    ]


def test_colors_is_accepted_as_the_same_setting_as_colours(minimal_data: Path, district: Path) -> None:
    set_settings(district, "colours:", "colors:")
    _, settings = load_toolkit(minimal_data, district / "district.yml")
    assert settings is not None and settings.brand is not None
    assert (settings.brand.primary, settings.brand.accent) == ("#0d47a1", "#ad1457")
    line = set_settings(district, 'primary: "#0d47a1"', 'primary: "#4fc3f7"')
    [message] = problems(minimal_data, district)
    assert message.startswith(
        f"district/district.yml:{line}:3: colors.primary: white text on #4fc3f7 has a contrast of 2.0:1"
    )


@pytest.mark.parametrize("primary", ['"#0d47a1"', '"blue"'])
def test_colours_and_colors_together_is_an_error_at_the_second(
    minimal_data: Path, district: Path, primary: str
) -> None:
    line = set_settings(district, "paper: a4\n", f"paper: a4\ncolors:\n  primary: {primary}\n") + 1
    found = problems(minimal_data, district)
    both = (
        f"district/district.yml:{line}:1: colors: give the colours once, as 'colours' or as 'colors', not both "
        "(they are the same setting)"
    )
    assert found == [both]  # the second spelling is left out, not also checked or called unknown


def test_settings_and_data_problems_are_reported_together(minimal_data: Path, district: Path) -> None:
    set_settings(district, 'primary: "#0d47a1"', 'primary: "blue"')
    roles = minimal_data / "roles.yml"
    roles.write_text(roles.read_text().replace("  held: full-time-teaching", "  held: sometimes", 1))
    found = problems(minimal_data, district)
    assert [m.split(":")[0] for m in found] == ["data/roles.yml", "district/district.yml"]


# --- what the settings change ---------------------------------------------------------


def test_site_colours_and_footer_come_from_the_settings(minimal_data: Path, district: Path) -> None:
    _, settings = load_toolkit(minimal_data, district / "district.yml")
    assert settings is not None and settings.brand is not None
    css = site_css(settings.brand)
    assert "--md-primary-fg-color: #0d47a1;" in css and "--md-accent-fg-color: #ad1457;" in css
    dark_link = (
        css.split("[data-md-color-scheme=slate][data-md-color-primary=custom]")[1].split(":")[1].split(";")[0].strip()
    )
    assert contrast(dark_link, "#1e2029") >= 4.5  # links stay readable in the dark scheme
    footer = footer_html(settings)
    assert "Lakeview edition, CC BY 4.0." in footer
    assert '<a href="mailto:leaders@lakeview.example.org">' in footer and 'href="tel:5550103000"' in footer


def test_stewardship_review_due_follows_the_district_setting(district: Path) -> None:
    from datetime import date

    from tltoolkit.content.stewardship import Review

    catalog, settings = load_toolkit(ROOT / "data", SAMPLE / "district.yml")
    assert settings is not None and settings.settings.review_after_months == 12
    pages = {
        p.uri: p.markdown for p in build_pages(catalog, Review(settings.settings.review_after_months, date(2027, 9, 1)))
    }
    assert (
        "Reviewed 20 August 2026 by Riverside Office of Teacher Leadership (review due)" in pages["roles/math-coach.md"]
    )
    assert (
        "For editors: this page is made from <code>examples/sample-district/data/roles.yml</code>"
        in pages["roles/math-coach.md"]
    )


def test_names_for_the_theme_read_as_typed_whether_or_not_it_escapes_them() -> None:
    """Material prints the site name raw in the title and header and through `| e` in the logo's title."""
    import jinja2

    from tltoolkit.web.branding import html_text

    typed = """Springfield "Eagles" & Co's &amp; <script>x</script>"""
    env = jinja2.Environment(autoescape=False)  # as MkDocs sets up Material's templates
    raw = env.from_string('<a title="{{ name }}">').render(name=html_text(typed))
    escaped = env.from_string('<a title="{{ name | e }}">').render(name=html_text(typed))
    assert raw == escaped  # escaped once either way
    assert html.unescape(raw.removeprefix('<a title="').removesuffix('">')) == typed
    assert raw.count('"') == 2 and "<script>" not in raw


def test_a_phone_extension_is_dialled_after_a_pause(minimal_data: Path, district: Path) -> None:
    set_contact(district, "phone", "+1 (555) 010-3000 ext. 12")
    _, settings = load_toolkit(minimal_data, district / "district.yml")
    assert settings is not None
    assert '<a href="tel:+15550103000,12">+1 (555) 010-3000 ext. 12</a>' in footer_html(settings)
