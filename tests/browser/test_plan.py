"""The school's teacher-leadership plan (/plan/) in Chromium: what a principal does there, by
keyboard; suggestions that respect hours and who fills a role; totals and warnings; the plan kept
across a reload, exported and imported; bad files refused with the plan unchanged; the print view;
and proof that no request carries a name or leaves the site.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from test_accessibility import axe_script, blocking, report, run_axe  # noqa: F401 (axe_script is a fixture)

from tltoolkit import Catalog

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

STORAGE_KEY = "tltoolkit-plan"
NOT_PRINCIPAL = "union-building-rep"  # elected by union members: never suggested
DEFAULT_ROLE_HOURS = 2  # what suggestions count for a role with no weekly figure (plan README)

PEOPLE = [  # name, skills, hours a week they can give
    ("Ana Ruiz", ["data-use", "shared-leadership"], 3),
    ("Marcus Bell", ["improving-instruction", "adult-learning"], 2.5),
    ("Priya Natarajan", ["equity", "family-engagement"], 2),
    ("Tom O'Hara", ["shared-leadership"], 1),
    ("Lena Fischer", ["adult-learning"], 4),
    ("Kwame Mensah", ["data-use", "improving-instruction"], 2),
    ("Sofia Lindqvist", ["family-engagement", "adult-learning"], 3),
    ("Daniel Cho", ["data-use", "equity", "shared-leadership"], 1.5),
    ("Rachel Adeyemi", ["improving-instruction"], 0.5),
    ("José Álvarez", ["equity", "adult-learning", "improving-instruction"], 2),
    ("Hannah Weiss", ["shared-leadership", "improving-instruction"], 3),
    ("Omar Haddad", [], 1),
]
OPENINGS = [
    ("grade-level-team-leader", 4),
    ("data-team-facilitator", 1),
    ("new-teacher-mentor", 2),
    ("ilt-member", 3),
    ("family-engagement-lead", 1),
    (NOT_PRINCIPAL, 1),
    ("peer-observer", 2),
    ("school-climate-team-leader", 1),
]


def realistic_plan(assignments: list[dict] | None = None) -> dict:
    """A plan file as a principal's would look: 12 people, 8 roles, 15 places."""
    return {
        "format": "tltoolkit-plan",
        "version": 1,
        "school": "Lincoln Elementary",
        "year": "2027-28",
        "people": [
            {
                "id": f"p{i}",
                "name": name,
                "skills": skills,
                "hours_per_week": hours,
                "interests": "",
                "notes": "",
                "current_roles": [],
            }
            for i, (name, skills, hours) in enumerate(PEOPLE, start=1)
        ],
        "openings": [{"role": role, "count": count} for role, count in OPENINGS],
        "assignments": assignments or [],
    }


def open_planner(page: Page, plan: dict | None = None) -> None:
    """Open /plan/ (with `plan` saved in the browser first, as if made on an earlier visit)."""
    page.goto("plan/")
    if plan is not None:
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, json.dumps(plan)])
        page.reload()
    page.wait_for_selector("#tl-plan:not([hidden])")


def saved(page: Page) -> dict:
    text = page.evaluate("(key) => localStorage.getItem(key)", STORAGE_KEY)
    assert text, "the plan was not saved in the browser"
    return json.loads(text)


def import_file(page: Page, content: str | bytes, name: str = "plan.json") -> None:
    data = content.encode() if isinstance(content, str) else content
    page.get_by_label("Import plan file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": data}
    )


def role_hours(catalog: Catalog, role_id: str) -> float:
    """Weekly hours suggestions count for a role: the middle of its range, else the default."""
    hours = catalog.role[role_id].hours_per_week
    return (hours.low + hours.high) / 2 if hours else DEFAULT_ROLE_HOURS


# --- entering people and assigning, keyboard only -----------------------------------------------


def test_people_are_entered_and_assigned_by_keyboard_only(page: Page, catalog: Catalog) -> None:
    open_planner(page)
    keyboard = page.keyboard
    page.get_by_label("School", exact=True).focus()
    keyboard.type("Lincoln Elementary")
    keyboard.press("Tab")
    keyboard.type("2027-28")
    keyboard.press("Tab")  # into the person form: the name field
    for name, hours, ticks in [("Ana Ruiz", "3", 2), ('<img src=x onerror="window.__pwned=1">', "2", 1)]:
        assert page.evaluate("() => document.activeElement.id") == "tl-plan-name"
        keyboard.type(name)
        keyboard.press("Tab")
        keyboard.type(hours)
        keyboard.press("Tab")  # interests
        keyboard.type("coaching")
        for _ in range(ticks):  # tick the first skills
            keyboard.press("Tab")
            keyboard.press("Space")
        keyboard.press("Enter")  # Enter in a form submits it; focus comes back to the name field
    people = saved(page)["people"]
    assert [p["name"] for p in people] == ["Ana Ruiz", '<img src=x onerror="window.__pwned=1">']
    skills = [s.id for s in catalog.skills]
    assert people[0]["skills"] == skills[:2] and people[0]["hours_per_week"] == 3
    assert people[1]["skills"] == skills[:1]
    assert saved(page)["school"] == "Lincoln Elementary" and saved(page)["year"] == "2027-28"
    # A name is text on the page, never markup.
    assert page.locator("#tl-plan-people").get_by_text('<img src=x onerror="window.__pwned=1">').count() == 1
    assert page.evaluate("() => window.__pwned === undefined")

    # Two places for grade-level team leaders, typed into the role's count field.
    role = catalog.role["grade-level-team-leader"]
    page.get_by_label(f"Places to fill: {role.title}").focus()
    keyboard.press("Control+A")
    keyboard.type("2")
    keyboard.press("Tab")
    assert saved(page)["openings"] == [{"role": role.id, "count": 2}]

    # Choose Ana for an open place by typing her name in the menu, assign with Enter.
    picker = page.get_by_label(f"Person for an open place as {role.title}")
    picker.focus()
    keyboard.type("Ana")
    assert picker.input_value() == "p1"
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert saved(page)["assignments"] == [{"person": "p1", "role": role.id, "locked": False}]
    # Focus stays on the role's Assign button (one place is still open) for the next person.
    assert page.evaluate("() => document.activeElement.dataset.key") == f"assign:{role.id}"
    keyboard.press("Shift+Tab")
    keyboard.press("ArrowDown")  # the only other person left in the menu
    keyboard.press("Tab")
    keyboard.press("Enter")
    assert [a["person"] for a in saved(page)["assignments"]] == ["p1", "p2"]
    # No place left: the Assign button is gone and focus waits on the role's heading.
    assert page.evaluate("() => document.activeElement.dataset.heading") == role.id

    # Lock Ana's place with the keyboard.
    lock = page.get_by_label(f"Locked: Ana Ruiz as {role.title}")
    lock.focus()
    keyboard.press("Space")
    assert saved(page)["assignments"][0]["locked"] is True
    assert page.evaluate("() => document.activeElement.dataset.key") == f"lock:p1:{role.id}"

    # Edit Ana by keyboard: her card's Edit button fills the form.
    page.get_by_role("button", name="Edit Ana Ruiz").focus()
    keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "tl-plan-name"
    keyboard.press("Control+A")
    keyboard.type("Ana Ruiz-Soto")
    keyboard.press("Enter")
    assert saved(page)["people"][0]["name"] == "Ana Ruiz-Soto"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Edit Ana Ruiz-Soto"

    # Remove the second person, then undo it.
    page.get_by_role("button", name='Remove <img src=x onerror="window.__pwned=1">', exact=True).focus()
    keyboard.press("Enter")
    assert [p["id"] for p in saved(page)["people"]] == ["p1"]
    assert saved(page)["assignments"] == [{"person": "p1", "role": role.id, "locked": True}]
    assert "Removed" in page.locator("#tl-plan-message").inner_text()
    page.get_by_role("button", name="Undo").focus()
    keyboard.press("Enter")
    assert [p["id"] for p in saved(page)["people"]] == ["p1", "p2"]
    assert len(saved(page)["assignments"]) == 2


def test_a_pasted_list_of_names_adds_people(page: Page) -> None:
    open_planner(page)
    page.get_by_label("Paste a list of names, one a line").fill("Ana Ruiz\nMarcus Bell, 2\n\nana ruiz\n")
    page.get_by_role("button", name="Add these names").click()
    people = saved(page)["people"]
    assert [(p["name"], p["hours_per_week"]) for p in people] == [("Ana Ruiz", None), ("Marcus Bell", 2)]
    assert "Added 2 people" in page.locator("#tl-plan-message").inner_text()


def test_roles_are_filtered_and_those_the_principal_does_not_fill_are_marked(page: Page, catalog: Catalog) -> None:
    open_planner(page)
    page.get_by_label("Filter roles by title or summary").fill("union")
    cards = page.locator("#tl-plan-roles > li")
    expected = [r for r in catalog.roles if all(w in f"{r.title} {r.summary} {r.id}".lower() for w in ["union"])]
    assert cards.count() == len(expected) >= 1
    union = page.locator(f'#tl-plan-roles > li[data-role="{NOT_PRINCIPAL}"]')
    assert "Not suggested" in union.inner_text()
    count = (
        f"{len(expected)} role{'s' if len(expected) > 1 else ''} match{'es' if len(expected) == 1 else ''} the filter"
    )
    assert page.locator("#tl-plan-role-count").inner_text().startswith(count)


# --- suggestions -----------------------------------------------------------------------------------


def test_suggestions_respect_hours_and_never_fill_a_role_the_principal_does_not(page: Page, catalog: Catalog) -> None:
    open_planner(page, realistic_plan())
    page.get_by_role("button", name="Suggest people for open places").click()
    plan = saved(page)
    assignments = plan["assignments"]
    assert len(assignments) >= 8, "most places are filled"
    assert not [a for a in assignments if catalog.role[a["role"]].filled_by != "principal"]
    hours = {p["id"]: p["hours_per_week"] for p in plan["people"]}
    load: dict[str, float] = {}
    for a in assignments:
        load[a["person"]] = load.get(a["person"], 0) + role_hours(catalog, a["role"])
    over = {person: (taken, hours[person]) for person, taken in load.items() if taken > hours[person] + 1e-9}
    assert not over, f"people given more hours than they can give: {over}"
    # Each suggestion says why: the skills matched and missing, the hours left.
    why = page.locator(".tl-plan-why")
    assert why.count() == len(assignments)
    assert "h a week still free" in why.first.inner_text()
    # The elected role stays open and says why.
    union = page.locator(f'[data-heading="{NOT_PRINCIPAL}"]').locator("xpath=..")
    assert "0 of 1 filled, 1 open" in union.inner_text()
    assert "the principal does not fill it" in union.inner_text()
    assert "overloaded" not in " ".join(page.locator("#tl-plan-warnings li").all_inner_texts()).lower()


def test_no_one_is_suggested_for_a_role_whose_skills_no_one_on_the_list_brings(page: Page, catalog: Catalog) -> None:
    role = catalog.role["family-engagement-lead"]
    needs = set(role.skills)
    # Everyone on the list brings skills, just none this role draws on, and has hours to spare.
    people = [(name, [s for s in skills if s not in needs] or ["data-use"], 5) for name, skills, _ in PEOPLE[:5]]
    assert not any(needs & set(skills) for _, skills, _ in people)
    plan = {
        **realistic_plan(),
        "people": [
            dict(realistic_plan()["people"][i], skills=skills, hours_per_week=hours)
            for i, (_, skills, hours) in enumerate(people)
        ],
        "openings": [{"role": role.id, "count": 1}],
    }
    open_planner(page, plan)
    page.get_by_role("button", name="Suggest people for open places").click()
    assert saved(page)["assignments"] == [], "nobody is suggested without one of the role's skills"
    message = page.locator("#tl-plan-message").inner_text()
    assert "No one on your list has these skills yet" in message
    assert catalog.skill[role.skills[0]].name in message, "the message names the skills"
    assert "assign someone by hand" in message


def test_resuggesting_keeps_locked_assignments_and_who_holds_an_elected_role(page: Page, catalog: Catalog) -> None:
    # Omar has none of the role's skills: the planner would never pick him, but he is locked in.
    locked = {"person": "p12", "role": "ilt-member", "locked": True}
    # Priya was elected building representative: recorded by hand, not locked, and kept.
    elected = {"person": "p3", "role": NOT_PRINCIPAL, "locked": False}
    open_planner(page, realistic_plan([locked, elected]))
    page.get_by_role("button", name="Suggest people for open places").click()
    first = saved(page)["assignments"]
    page.get_by_role("button", name="Suggest people for open places").click()
    assert locked in saved(page)["assignments"] and elected in saved(page)["assignments"]
    assert saved(page)["assignments"] == first, "the same plan gives the same suggestions"
    assert page.get_by_label(f"Locked: Omar Haddad as {catalog.role['ilt-member'].title}").is_checked()


# --- totals and warnings -----------------------------------------------------------------------------


def test_totals_and_an_overloaded_person_is_warned(page: Page, catalog: Catalog) -> None:
    # Tom can give 1 hour; two roles of about 0.875 and 0.3 hours are put on him by hand.
    assignments = [
        {"person": "p4", "role": "data-team-facilitator", "locked": False},
        {"person": "p4", "role": "peer-observer", "locked": False},
        {"person": "p1", "role": "grade-level-team-leader", "locked": True},
    ]
    open_planner(page, realistic_plan(assignments))
    # Each tile is a <div> holding its <dt>, its value <dd> and sometimes a note <dd>.
    totals = dict(
        page.locator("#tl-plan-totals > div").evaluate_all(
            "tiles => tiles.map(t => [t.querySelector('dt').innerText, t.querySelector('dd').innerText])"
        )
    )
    assert totals["Places filled"] == "3 of 15 (12 open)"
    assert totals["Teacher leaders"] == "2"
    assert float(totals["Hours a week, all roles"]) == pytest.approx(0.875 + 0.3 + 1.75, abs=0.01)
    status = page.locator("#tl-plan-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("3 of 15 places filled, 12 open; 2 teacher leaders;")
    warnings = page.locator("#tl-plan-warnings li").all_inner_texts()
    assert any("Tom O'Hara" in w for w in warnings), warnings
    tom = page.locator("#tl-plan-load li", has_text="Tom O'Hara")
    assert "too much" in tom.inner_text()
    assert "tl-plan-card--warn" in (tom.get_attribute("class") or "")
    # Unassigning Tom from one role updates the status and the warnings.
    page.get_by_role("button", name=f"Remove Tom O'Hara from {catalog.role['peer-observer'].title}").click()
    assert status.inner_text().startswith("2 of 15 places filled, 13 open;")
    assert "too much" not in page.locator("#tl-plan-load li", has_text="Tom O'Hara").inner_text()


# --- keeping the plan -----------------------------------------------------------------------------------


def test_reload_keeps_the_plan(page: Page) -> None:
    open_planner(page)
    page.get_by_label("School", exact=True).fill("Lincoln Elementary")
    page.get_by_label("Name", exact=True).fill("Ana Ruiz")
    page.get_by_role("button", name="Add person").click()
    page.reload()
    page.wait_for_selector("#tl-plan:not([hidden])")
    assert page.get_by_label("School", exact=True).input_value() == "Lincoln Elementary"
    assert page.locator("#tl-plan-people").get_by_text("Ana Ruiz", exact=True).count() == 1


def test_export_then_import_gives_the_same_plan(page: Page, tmp_path: Path) -> None:
    open_planner(page, realistic_plan())
    page.get_by_role("button", name="Suggest people for open places").click()
    before = saved(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export plan file").click()
    download = info.value
    assert download.suggested_filename == "teacher-leadership-plan-lincoln-elementary-2027-28.json"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported == before
    # Clear (with confirmation), then import the file back.
    page.get_by_role("button", name="Clear plan").click()
    page.get_by_role("button", name="Clear the plan").click()
    assert saved(page)["people"] == []
    import_file(page, path.read_bytes())
    page.wait_for_function("() => document.querySelectorAll('#tl-plan-people > li.tl-plan-card').length === 12")
    assert saved(page) == before
    assert page.locator("#tl-plan-alert").inner_text() == ""


def test_export_csv_lists_the_assignments(page: Page, tmp_path: Path, catalog: Catalog) -> None:
    open_planner(page, realistic_plan([{"person": "p1", "role": "data-team-facilitator", "locked": True}]))
    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    path = tmp_path / "plan.csv"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    assert info.value.suggested_filename.endswith(".csv")
    assert f"Ana Ruiz,{catalog.role['data-team-facilitator'].title},data-team-facilitator" in text


def test_clearing_asks_first(page: Page) -> None:
    open_planner(page, realistic_plan())
    page.get_by_role("button", name="Clear plan").click()
    page.get_by_role("button", name="Keep the plan").click()
    assert len(saved(page)["people"]) == 12
    page.get_by_role("button", name="Clear plan").click()
    page.get_by_role("button", name="Clear the plan").click()
    assert saved(page)["people"] == []
    page.get_by_role("button", name="Undo").click()
    assert len(saved(page)["people"]) == 12
    page.get_by_role("button", name="Close this message").click()
    assert not page.locator("#tl-plan-message-bar").is_visible()


BAD_IMPORTS = {
    "not JSON": ('{"format": "tltoolkit-plan",', "JSON"),
    "wrong format": (json.dumps({**realistic_plan(), "format": "spreadsheet"}), "format"),
    "wrong version": (json.dumps({**realistic_plan(), "version": 2}), "version"),
    "unknown skill": (
        json.dumps({**realistic_plan(), "people": [{"id": "p1", "name": "Ana", "skills": ["dta-use"]}]}),
        "dta-use",
    ),
    "unknown person": (
        json.dumps({**realistic_plan(), "assignments": [{"person": "p99", "role": "ilt-member", "locked": False}]}),
        "p99",
    ),
}


@pytest.mark.parametrize("case", list(BAD_IMPORTS))
def test_a_bad_import_says_why_and_leaves_the_plan_unchanged(page: Page, case: str) -> None:
    text, named = BAD_IMPORTS[case]
    open_planner(page, realistic_plan([{"person": "p1", "role": "ilt-member", "locked": True}]))
    before = saved(page)
    cards = page.locator("#tl-plan-people > li.tl-plan-card").count()
    import_file(page, text, name="bad.json")
    alert = page.locator("#tl-plan-alert")
    alert.locator("li").first.wait_for()
    assert alert.get_attribute("role") == "alert"
    message = alert.inner_text()
    assert "“bad.json” was not imported; your current plan is unchanged" in message
    assert named in message, message
    assert saved(page) == before
    assert page.locator("#tl-plan-people > li.tl-plan-card").count() == cards == 12


def test_an_unknown_role_from_an_older_inventory_is_kept_and_flagged(page: Page) -> None:
    open_planner(page)
    plan = realistic_plan([{"person": "p2", "role": "retired-role", "locked": False}])
    plan["openings"].append({"role": "retired-role", "count": 2})
    import_file(page, json.dumps(plan))
    page.wait_for_function("() => document.querySelectorAll('#tl-plan-people > li.tl-plan-card').length === 12")
    assert {"role": "retired-role", "count": 2} in saved(page)["openings"]
    assert {"person": "p2", "role": "retired-role", "locked": False} in saved(page)["assignments"]
    assert "retired-role" in page.locator("#tl-plan-message").inner_text()
    assert "Not in this inventory" in page.locator('#tl-plan-roles > li[data-role="retired-role"]').inner_text()
    assert any("retired-role" in w for w in page.locator("#tl-plan-warnings li").all_inner_texts())
    # Suggestions leave it alone: the one open place stays open.
    page.get_by_role("button", name="Suggest people for open places").click()
    assert [a["person"] for a in saved(page)["assignments"] if a["role"] == "retired-role"] == ["p2"]


# --- printing, phones, accessibility ------------------------------------------------------------------


def test_the_print_view_shows_the_plan_without_controls(page: Page) -> None:
    open_planner(page, realistic_plan())
    page.get_by_role("button", name="Suggest people for open places").click()
    page.emulate_media(media="print")
    title = page.locator("#tl-plan-print-title")
    assert title.is_visible() and title.inner_text() == "Teacher-leadership plan: Lincoln Elementary, 2027-28"
    visible = page.evaluate(
        """() => [...document.querySelectorAll('#tl-plan button, #tl-plan input, #tl-plan select, #tl-plan textarea')]
              .filter((el) => el.getClientRects().length > 0).map((el) => el.id || el.outerHTML.slice(0, 60))"""
    )
    assert visible == []
    assert not page.locator(".md-header").is_visible() and not page.locator(".tl-plan-private").is_visible()
    assert page.locator("#tl-plan-openings .tl-plan-assigned li").first.is_visible()
    assert page.locator("#tl-plan-totals").is_visible() and page.locator("#tl-plan-load").is_visible()
    assert not page.get_by_role("heading", name="People", exact=True).is_visible()


def test_phone_width_has_no_sideways_scroll(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_planner(page, realistic_plan())
        page.get_by_role("button", name="Suggest people for open places").click()
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], width
        # Cards stack: one column.
        lefts = page.evaluate(
            "() => [...document.querySelectorAll('#tl-plan-people > li')].map((li) => li.getBoundingClientRect().left)"
        )
        assert len(set(lefts)) == 1
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_filled_plan_has_no_serious_accessibility_violations(
    browser: Browser,
    base_url: str,
    axe_script: str,  # noqa: F811 (the fixture imported above)
    scheme: str,
) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_planner(page, realistic_plan([{"person": "p4", "role": "ilt-member", "locked": True}]))
        page.get_by_role("button", name="Suggest people for open places").click()
        page.get_by_role("button", name="Clear plan").click()  # the confirmation showing
        import_file(page, "not json", name="bad.json")  # the alert showing
        page.locator("#tl-plan-alert li").first.wait_for()
        violations = blocking(run_axe(page, axe_script))
    finally:
        context.close()
    assert not violations, f"plan ({scheme}):\n{report(violations)}"


# --- privacy ----------------------------------------------------------------------------------------------


def test_no_request_carries_plan_data_or_leaves_the_site(page: Page, base_url: str, tmp_path: Path) -> None:
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    open_planner(page)
    names = ["Zelda Quarterman", "Ignatius Pemberton-Vale"]
    page.get_by_label("School", exact=True).fill("Hollowbrook Academy")
    for name in names:
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label("Hours a week they can give").fill("3")
        page.get_by_role("button", name="Add person").click()
    page.get_by_label("Places to fill: Grade-level team leader").fill("2")
    page.get_by_role("button", name="Suggest people for open places").click()
    page.reload()
    page.wait_for_selector("#tl-plan:not([hidden])")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export plan file").click()
    path = tmp_path / "plan.json"
    info.value.save_as(path)
    with page.expect_download():
        page.get_by_role("button", name="Export CSV").click()
    import_file(page, path.read_bytes())
    page.wait_for_function("() => document.querySelectorAll('#tl-plan-people > li.tl-plan-card').length === 2")
    page.goto("roles/")  # and on to another page of the site
    assert len(requests) > 5
    site = urlsplit(base_url)
    for url, body in requests:
        for secret in [*names, "Hollowbrook", "Zelda", "Quarterman", "Pemberton"]:
            assert secret not in url and secret not in body, f"{url} carries {secret!r}"
        parts = urlsplit(url.removeprefix("blob:"))
        assert (parts.scheme, parts.netloc) == (site.scheme, site.netloc), f"{url} leaves the site"


def test_without_javascript_the_page_says_what_it_does_and_what_it_needs(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("plan/")
        text = page.locator("article").inner_text()
        assert "Names never leave this computer." in text
        assert "The planner needs JavaScript, which is turned off in this browser." in text
        assert not page.locator("#tl-plan").is_visible()
    finally:
        context.close()
