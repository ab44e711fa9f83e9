/* The school's teacher-leadership plan (/plan/): the page half.
 *
 * Reads the DOM, calls the pure functions of model.js and assign.js (globalThis.TLPlan) and
 * writes the DOM. The plan is one plain object in the published plan-file format; every change
 * makes a new one, which is drawn, saved to localStorage and kept for "Undo". Nothing is ever
 * sent anywhere: no fetch, no request, and the page works from file://. Text from the plan or
 * the inventory only ever reaches the page as textContent, never as markup.
 */
(function () {
  "use strict";

  const root = document.getElementById("tl-plan");
  const catalogElement = document.getElementById("tl-plan-catalog");
  if (!root || !catalogElement) return; // another page of the site

  const T = globalThis.TLPlan;
  const STORAGE_KEY = "tltoolkit-plan";
  const ROLE_LIST_LIMIT = 60; // roles drawn at once in "Roles to fill"; the filter narrows the rest

  const $ = (id) => document.getElementById(id);
  const ui = {
    school: $("tl-plan-school"),
    year: $("tl-plan-year"),
    personForm: $("tl-plan-person-form"),
    personTitle: $("tl-plan-person-legend"),
    name: $("tl-plan-name"),
    hours: $("tl-plan-hours"),
    interests: $("tl-plan-interests"),
    skills: $("tl-plan-skills"),
    personSubmit: $("tl-plan-person-submit"),
    personCancel: $("tl-plan-person-cancel"),
    pasteForm: $("tl-plan-paste-form"),
    paste: $("tl-plan-paste"),
    people: $("tl-plan-people"),
    roleFilter: $("tl-plan-role-filter"),
    roleCount: $("tl-plan-role-count"),
    roleChosen: $("tl-plan-role-chosen"),
    roles: $("tl-plan-roles"),
    suggest: $("tl-plan-suggest"),
    unassignUnlocked: $("tl-plan-unassign-unlocked"),
    openings: $("tl-plan-openings"),
    status: $("tl-plan-status"),
    totals: $("tl-plan-totals"),
    warnings: $("tl-plan-warnings"),
    load: $("tl-plan-load"),
    exportPlan: $("tl-plan-export"),
    exportCsv: $("tl-plan-csv"),
    print: $("tl-plan-print"),
    clear: $("tl-plan-clear"),
    importFile: $("tl-plan-import"),
    confirm: $("tl-plan-confirm"),
    confirmYes: $("tl-plan-confirm-yes"),
    confirmNo: $("tl-plan-confirm-no"),
    alert: $("tl-plan-alert"),
    message: $("tl-plan-message"),
    messageBar: $("tl-plan-message-bar"),
    undo: $("tl-plan-undo"),
    dismiss: $("tl-plan-dismiss"),
    printTitle: $("tl-plan-print-title"),
  };

  let catalog;
  try {
    catalog = JSON.parse(catalogElement.textContent);
  } catch (error) {
    return; // the page keeps its "needs JavaScript" state; nothing to plan with
  }
  if (!T) {
    root.hidden = false;
    root.replaceChildren(el("p", { class: "tl-notice", role: "alert" }, "The planner's scripts did not load; reload the page."));
    return;
  }

  // --- the inventory -----------------------------------------------------------

  const roleById = new Map(catalog.roles.map((role) => [role.id, role]));
  const skillName = new Map(catalog.skills.map((skill) => [skill.id, skill.name]));
  const labels = catalog.labels || {};
  const planning = catalog.planning || null;

  function roleTitle(id) {
    const role = roleById.get(id);
    return role ? role.title : id + " (not in this inventory)";
  }

  function suggestible(role) {
    return role.filled_by === "principal";
  }

  function whoFills(role) {
    const by = (labels.filled_by && labels.filled_by[role.filled_by]) || role.filled_by;
    return (role.filled_by_note || "Filled by: " + by).replace(/\.$/, "") + ". Not suggested: the principal does not fill it.";
  }

  function hoursOfRole(role) {
    const local = planning && planning.roles && planning.roles[role.id];
    if (local && typeof local.hours_per_week === "number") return number(local.hours_per_week) + " h a week (district)";
    const hours = role.hours_per_week;
    if (!hours) return role.held === "full-release" ? null : "Hours not given";
    return (hours.low === hours.high ? number(hours.low) : number(hours.low) + "–" + number(hours.high)) + " h a week";
  }

  function skillNames(ids) {
    return (ids || []).map((id) => skillName.get(id) || id).join(", ");
  }

  // --- small DOM helpers ---------------------------------------------------------

  /** An element with attributes (class, data-*, aria-*, properties for value/checked) and text children. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "value" || name === "checked" || name === "selected" || name === "disabled") node[name] = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  function number(value) {
    return Math.round(value * 100) / 100 + "";
  }

  function plural(count, word, many) {
    return count + " " + (count === 1 ? word : many || word + "s");
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat("en-US", { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 }).format(amount);
    } catch (error) {
      return number(amount) + " " + (currency || "");
    }
  }

  /** Keep keyboard focus on "the same" control after a list is drawn again (controls carry data-key). */
  function withFocusKept(draw, fallback) {
    const active = document.activeElement;
    const key = active && active.dataset ? active.dataset.key : null;
    draw();
    if (!key) return;
    const again = root.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (again) again.focus();
    else if (fallback && fallback(key)) fallback(key).focus();
  }

  // --- state: one plan object, saved on every change, one step of undo -------------

  let plan = T.emptyPlan();
  let undoPlan = null;
  let reasons = new Map(); // "person|role" -> why the last suggestion put them there (not saved)
  let editing = null; // id of the person in the form, or null when adding
  let storageBroken = false;

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /** Run one of TLPlan's changes on a copy of the plan; they may return the new plan, {ok, plan} or change the copy. */
  function attempt(change) {
    const draft = clone(plan);
    const result = change(draft);
    if (result && typeof result === "object") {
      if (result.ok === false) throw new Error(problems(result.errors || [result.error || result.message || "not possible"]));
      if (result.plan) return result.plan;
      if (Array.isArray(result.people) && Array.isArray(result.openings)) return result;
    }
    return draft;
  }

  function problems(list) {
    // TLPlan's messages are whole sentences that already name the path.
    return list.map((p) => (typeof p === "string" ? p : p.message)).join("; ");
  }

  /** Make a change, draw it, save it; `message` is announced; `undoable` offers Undo. Returns success. */
  function commit(change, message, options) {
    let next;
    try {
      next = typeof change === "function" ? attempt(change) : change;
    } catch (error) {
      say(error.message || String(error));
      return false;
    }
    const before = plan;
    plan = next;
    undoPlan = options && options.undoable ? before : null;
    save();
    render(options && options.rolesToo);
    if (message !== undefined) say(message, Boolean(undoPlan));
    return true;
  }

  function save() {
    try {
      window.localStorage.setItem(STORAGE_KEY, T.serializePlan(plan));
      storageBroken = false;
    } catch (error) {
      if (!storageBroken) say("This browser did not let the page save the plan (" + error.name + "). Export a plan file to keep it.");
      storageBroken = true;
    }
  }

  function restore() {
    let text = null;
    try {
      text = window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      say("This browser does not let the page keep a plan between visits; export a plan file to keep it.");
      return;
    }
    if (!text) return;
    const parsed = T.parsePlan(text, catalog);
    if (parsed.ok) {
      plan = parsed.plan;
      return;
    }
    // Keep what could not be read, so starting a new plan does not overwrite it for good.
    try {
      window.localStorage.setItem(STORAGE_KEY + ":unreadable", text);
    } catch (error) {
      /* nothing more to do */
    }
    showAlert("The plan saved in this browser could not be read, so the planner starts empty:", parsed.errors);
  }

  let focusBeforeMessage = null; // where Close sends focus back to

  function say(text, offerUndo) {
    const active = document.activeElement;
    if (active && root.contains(active) && !ui.messageBar.contains(active)) focusBeforeMessage = active;
    ui.message.textContent = text;
    ui.undo.hidden = !offerUndo;
    ui.messageBar.classList.toggle("tl-plan-message--shown", Boolean(text));
  }

  function showAlert(intro, errors) {
    ui.alert.replaceChildren();
    if (!intro) return;
    ui.alert.append(el("p", {}, intro));
    if (errors && errors.length) ui.alert.append(el("ul", {}, errors.map((e) => el("li", {}, problems([e])))));
  }

  // --- drawing -------------------------------------------------------------------

  function render(rolesToo) {
    if (document.activeElement !== ui.school) ui.school.value = plan.school || "";
    if (document.activeElement !== ui.year) ui.year.value = plan.year || "";
    const summary = T.summarize(plan, catalog);
    renderPeople(summary);
    if (rolesToo) renderRoles();
    else markChosenRoles();
    renderOpenings(summary);
    renderSummary(summary);
    const named = [plan.school, plan.year].filter(Boolean).join(", ");
    ui.printTitle.textContent = "Teacher-leadership plan" + (named ? ": " + named : "");
  }

  function rolesHeld(personId) {
    return plan.assignments.filter((a) => a.person === personId).map((a) => roleTitle(a.role));
  }

  function renderPeople(summary) {
    const load = new Map(summary.people.map((p) => [p.id, p]));
    withFocusKept(
      () => {
        ui.people.replaceChildren(
          ...plan.people.map((person) => {
            const held = rolesHeld(person.id);
            const info = load.get(person.id);
            return el(
              "li",
              { class: "tl-plan-card" + (info && info.overloaded ? " tl-plan-card--warn" : "") },
              el("p", { class: "tl-plan-card__title" }, person.name),
              el(
                "dl",
                { class: "tl-plan-facts" },
                el("dt", {}, "Skills"),
                el("dd", {}, skillNames(person.skills) || "None given"),
                el("dt", {}, "Can give"),
                el("dd", {}, typeof person.hours_per_week === "number" ? number(person.hours_per_week) + " h a week" : "Not given"),
                person.interests ? [el("dt", {}, "Interests"), el("dd", {}, person.interests)] : null,
                el("dt", {}, "Roles"),
                el("dd", {}, held.length ? held.join(", ") : "None yet"),
                (person.current_roles || []).length
                  ? [el("dt", {}, "Already holds"), el("dd", {}, person.current_roles.map(roleTitle).join(", "))]
                  : null
              ),
              el(
                "div",
                { class: "tl-plan-buttons" },
                el("button", { type: "button", class: "md-button", "data-key": "edit:" + person.id, "data-edit": person.id, "aria-label": "Edit " + person.name }, "Edit"),
                el("button", { type: "button", class: "md-button", "data-key": "remove:" + person.id, "data-remove": person.id, "aria-label": "Remove " + person.name }, "Remove")
              )
            );
          })
        );
        if (!plan.people.length) ui.people.append(el("li", { class: "tl-plan-empty" }, "No people yet. Add them with the form above or paste a list of names."));
      },
      () => ui.name
    );
  }

  function countOf(roleId) {
    const opening = plan.openings.find((o) => o.role === roleId);
    return opening ? opening.count : 0;
  }

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function renderRoles() {
    const words = fold(ui.roleFilter.value).split(/\s+/).filter(Boolean);
    const matches = (role) => {
      const text = fold(role.title + " " + role.summary + " " + role.id);
      return words.every((word) => text.includes(word));
    };
    const chosen = plan.openings.map((o) => o.role);
    // Roles already chosen come first (unknown ones from an older inventory too), then the rest.
    const unknown = chosen.filter((id) => !roleById.has(id)).map((id) => ({ id, unknown: true }));
    const onlyChosen = ui.roleChosen.checked;
    const known = catalog.roles.filter((role) => matches(role) && (!onlyChosen || countOf(role.id) > 0));
    known.sort((a, b) => (countOf(b.id) > 0) - (countOf(a.id) > 0));
    const all = unknown.concat(known);
    const shown = all.slice(0, ROLE_LIST_LIMIT);
    withFocusKept(() => ui.roles.replaceChildren(...shown.map(roleCard)));
    const what = onlyChosen ? " chosen" : "";
    ui.roleCount.textContent =
      (words.length
        ? plural(known.length, "role") + what + " match" + (known.length === 1 ? "es" : "") + " the filter"
        : onlyChosen
          ? plural(known.length, "role") + " chosen"
          : plural(catalog.roles.length, "role") + " in the inventory") +
      (all.length > shown.length ? "; the first " + shown.length + " are shown: type in the filter to find others." : ".");
  }

  function roleCard(role) {
    const count = countOf(role.id);
    const inputId = "tl-plan-count-" + role.id;
    if (role.unknown) {
      return el(
        "li",
        { class: "tl-plan-card tl-plan-card--chosen tl-plan-card--warn", "data-role": role.id },
        el(
          "div",
          {},
          el("p", { class: "tl-plan-card__title" }, role.id),
          el("p", { class: "tl-plan-flag" }, "Not in this inventory: the plan came from an older or another district's list. It is kept; check the role's id or set its places to 0.")
        ),
        el("p", { class: "tl-field tl-plan-count" }, el("label", { for: inputId }, "Places for " + role.id), countInput(inputId, role.id, count))
      );
    }
    return el(
      "li",
      { class: "tl-plan-card" + (count > 0 ? " tl-plan-card--chosen" : "") + (suggestible(role) ? "" : " tl-plan-card--other"), "data-role": role.id },
      el(
        "div",
        {},
        el("p", { class: "tl-plan-card__title" }, role.title),
        el("p", { class: "tl-plan-card__meta" }, [(labels.held && labels.held[role.held]) || role.held, hoursOfRole(role), "Skills: " + skillNames(role.skills)].filter(Boolean).join(" · ")),
        suggestible(role) ? null : el("p", { class: "tl-plan-flag" }, whoFills(role))
      ),
      el("p", { class: "tl-field tl-plan-count" }, el("label", { for: inputId }, "Places to fill", el("span", { class: "tl-visually-hidden" }, ": " + role.title)), countInput(inputId, role.id, count))
    );
  }

  function countInput(id, roleId, count) {
    return el("input", { type: "number", id, min: 0, max: 500, step: 1, inputmode: "numeric", value: String(count), "data-key": "count:" + roleId, "data-count": roleId });
  }

  function markChosenRoles() {
    for (const card of ui.roles.querySelectorAll("[data-role]")) {
      const count = countOf(card.dataset.role);
      card.classList.toggle("tl-plan-card--chosen", count > 0);
      const input = card.querySelector("input[data-count]");
      if (input && document.activeElement !== input) input.value = String(count);
    }
  }

  function renderOpenings(summary) {
    const byRole = new Map();
    for (const opening of summary.openings) byRole.set(opening.role, opening);
    for (const a of plan.assignments) if (!byRole.has(a.role)) byRole.set(a.role, { role: a.role, count: 0, filled: 0, open: 0 });
    const people = [...plan.people].sort((a, b) => a.name.localeCompare(b.name));
    const left = new Map(summary.people.map((p) => [p.id, typeof p.limit === "number" ? p.limit - p.hours : null]));
    const nameOf = new Map(plan.people.map((p) => [p.id, p.name]));
    withFocusKept(
      () => {
        ui.openings.replaceChildren();
        if (!byRole.size) {
          ui.openings.append(el("p", { class: "tl-plan-empty" }, "No roles chosen yet: set the places to fill under “Roles to fill this year”."));
          return;
        }
        for (const opening of byRole.values()) ui.openings.append(openingCard(opening, people, left, nameOf));
      },
      (key) => {
        const role = key.split(":").pop(); // every key in this list ends with the role's id
        return ui.openings.querySelector('[data-heading="' + CSS.escape(role) + '"]');
      }
    );
  }

  function openingCard(opening, people, left, nameOf) {
    const role = roleById.get(opening.role);
    const title = roleTitle(opening.role);
    const here = plan.assignments.filter((a) => a.role === opening.role);
    const open = Math.max(0, opening.count - here.length);
    const headingId = "tl-plan-opening-" + opening.role;
    const card = el(
      "section",
      { class: "tl-plan-opening" + (open ? " tl-plan-opening--open" : ""), "aria-labelledby": headingId },
      el("h3", { id: headingId, tabindex: -1, "data-heading": opening.role }, title),
      el("p", { class: "tl-plan-card__meta" }, here.length + " of " + opening.count + " filled" + (open ? ", " + open + " open" : "") + (role ? " · " + hoursOfRole(role) : ""))
    );
    if (!role) card.append(el("p", { class: "tl-plan-flag" }, "Not in this inventory (kept from the plan file); suggestions leave it alone."));
    else if (!suggestible(role)) card.append(el("p", { class: "tl-plan-flag" }, whoFills(role)));
    if (here.length) {
      card.append(
        el(
          "ul",
          { class: "tl-plan-assigned", "aria-label": "Assigned to " + title },
          here.map((a) => {
            const name = nameOf.get(a.person) || a.person;
            const why = reasons.get(a.person + "|" + a.role);
            const lockId = "tl-plan-lock-" + a.person + "-" + a.role;
            return el(
              "li",
              { class: a.locked ? "tl-plan-locked" : null },
              el("span", { class: "tl-plan-assigned__name" }, name, a.locked ? el("span", { class: "tl-print-only" }, " (locked)") : null),
              why ? el("span", { class: "tl-plan-why" }, whyText(why)) : null,
              el(
                "span",
                { class: "tl-plan-assigned__controls tl-plan-controls" },
                el("input", { type: "checkbox", id: lockId, checked: Boolean(a.locked), "data-key": "lock:" + a.person + ":" + a.role, "data-lock": a.person, "data-role": a.role }),
                el("label", { for: lockId }, "Locked", el("span", { class: "tl-visually-hidden" }, ": " + name + " as " + title)),
                el("button", { type: "button", class: "md-button", "data-key": "unassign:" + a.person + ":" + a.role, "data-unassign": a.person, "data-role": a.role, "aria-label": "Remove " + name + " from " + title }, "Remove")
              )
            );
          })
        )
      );
    }
    if (open) {
      const free = people.filter((p) => !here.some((a) => a.person === p.id));
      const selectId = "tl-plan-pick-" + opening.role;
      card.append(
        el(
          "div",
          { class: "tl-plan-pick tl-plan-controls" },
          el("label", { for: selectId }, "Person for an open place", el("span", { class: "tl-visually-hidden" }, " as " + title)),
          el(
            "select",
            { id: selectId, "data-key": "pick:" + opening.role, "data-pick": opening.role },
            el("option", { value: "" }, free.length ? "Choose a person" : "No one left to choose"),
            free.map((p) => el("option", { value: p.id }, p.name + hoursLeftText(left.get(p.id))))
          ),
          el("button", { type: "button", class: "md-button", "data-key": "assign:" + opening.role, "data-assign": opening.role }, "Assign", el("span", { class: "tl-visually-hidden" }, " as " + title))
        )
      );
    }
    return card;
  }

  function hoursLeftText(hoursLeft) {
    if (typeof hoursLeft !== "number" || Number.isNaN(hoursLeft)) return "";
    return hoursLeft < 0 ? " (over by " + number(-hoursLeft) + " h)" : " (" + number(hoursLeft) + " h left)";
  }

  function whyText(why) {
    const parts = [];
    // The planner suggests only people with at least one of the role's skills (assign.js).
    if (why.matched && why.matched.length) parts.push("brings " + skillNames(why.matched));
    if (why.missing && why.missing.length) parts.push("missing " + skillNames(why.missing));
    if (typeof why.hoursLeft === "number") parts.push(number(why.hoursLeft) + " h a week still free" + (why.assumedHours ? " (their hours are not given, so a usual amount was assumed)" : ""));
    return "Suggested: " + parts.join("; ") + ".";
  }

  let lastStatus = "";

  function renderSummary(summary) {
    const places = summary.filled + summary.open;
    const rows = [
      ["Places filled", summary.filled + " of " + places + (summary.open ? " (" + summary.open + " open)" : "")],
      ["Teacher leaders", String(summary.leaders)],
      ["Hours a week, all roles", number(summary.totalHours || 0)],
      ["Release time, in full-time teachers", number(summary.releaseFte || 0)],
    ];
    if (typeof summary.stipendTotal === "number") rows.push(["Stipends a year", money(summary.stipendTotal, summary.currency)]);
    else rows.push(["Stipends a year", "No amounts set", "Your district's settings give no stipend amounts for these roles."]);
    // One div per term and value: pairs stay together when the grid wraps.
    ui.totals.replaceChildren(
      ...rows.map(([term, value, note]) => el("div", {}, el("dt", {}, term), el("dd", {}, value), note ? el("dd", { class: "tl-plan-note" }, note) : null))
    );

    const warnings = summary.warnings || [];
    ui.warnings.replaceChildren(...warnings.map((w) => el("li", { class: "tl-plan-warning tl-plan-warning--" + w.kind }, w.message)));
    if (!warnings.length) ui.warnings.append(el("li", { class: "tl-plan-empty" }, "No warnings."));

    ui.load.replaceChildren(
      ...summary.people.map((p) =>
        el(
          "li",
          { class: "tl-plan-card" + (p.overloaded ? " tl-plan-card--warn" : "") },
          el("p", { class: "tl-plan-card__title" }, p.name),
          el("p", {}, p.roles.length ? p.roles.map(roleTitle).join(", ") : "No role"),
          el("p", { class: "tl-plan-hours" }, number(p.hours) + " h a week" + (typeof p.capacity === "number" ? " of the " + number(p.capacity) + " they can give" : " (what they can give is not recorded)") + (p.overloaded ? ": too much" : ""))
        )
      )
    );
    if (!summary.people.length) ui.load.append(el("li", { class: "tl-plan-empty" }, "No people yet."));

    const status =
      (places ? summary.filled + " of " + places + " places filled" + (summary.open ? ", " + summary.open + " open" : "") : "No places to fill yet") +
      "; " + plural(summary.leaders, "teacher leader") + "; " + plural(warnings.length, "warning") + ".";
    if (status !== lastStatus) ui.status.textContent = lastStatus = status; // announced only when it changes
  }

  // --- people --------------------------------------------------------------------

  function drawSkillBoxes() {
    ui.skills.append(
      ...catalog.skills.map((skill) =>
        el("label", {}, el("input", { type: "checkbox", name: "skill", value: skill.id }), " " + skill.name)
      )
    );
  }

  function formPerson() {
    const hours = ui.hours.value.trim() === "" ? null : Number(ui.hours.value);
    return {
      name: ui.name.value.trim(),
      skills: Array.from(ui.skills.querySelectorAll("input:checked"), (box) => box.value),
      hours_per_week: hours,
      interests: ui.interests.value.trim(),
    };
  }

  function resetForm() {
    editing = null;
    ui.personForm.reset();
    ui.personTitle.textContent = "Add a person";
    ui.personSubmit.textContent = "Add person";
    ui.personCancel.hidden = true;
  }

  function startEditing(id) {
    const person = plan.people.find((p) => p.id === id);
    if (!person) return;
    editing = id;
    ui.name.value = person.name;
    ui.hours.value = typeof person.hours_per_week === "number" ? String(person.hours_per_week) : "";
    ui.interests.value = person.interests || "";
    for (const box of ui.skills.querySelectorAll("input")) box.checked = (person.skills || []).includes(box.value);
    ui.personTitle.textContent = "Edit " + person.name;
    ui.personSubmit.textContent = "Save changes";
    ui.personCancel.hidden = false;
    ui.name.focus();
  }

  ui.personForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const person = formPerson();
    if (!person.name) {
      say("Type a name first.");
      ui.name.focus();
      return;
    }
    if (person.hours_per_week !== null && !(person.hours_per_week >= 0 && person.hours_per_week <= 60)) {
      say("Hours a week must be a number from 0 to 60.");
      ui.hours.focus();
      return;
    }
    if (editing) {
      const id = editing;
      if (commit((p) => T.updatePerson(p, id, person), "Saved " + person.name + ".")) {
        resetForm();
        const button = root.querySelector('[data-edit="' + CSS.escape(id) + '"]');
        (button || ui.name).focus();
      }
    } else if (commit((p) => T.addPerson(p, person), "Added " + person.name + "; " + plural(plan.people.length + 1, "person", "people") + " in the plan.")) {
      resetForm();
      ui.name.focus();
    }
  });

  ui.personCancel.addEventListener("click", () => {
    const id = editing;
    resetForm();
    const button = id && root.querySelector('[data-edit="' + CSS.escape(id) + '"]');
    (button || ui.name).focus();
  });

  ui.pasteForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.paste.value;
    if (!text.trim()) {
      say("Paste or type names, one a line, first.");
      ui.paste.focus();
      return;
    }
    const before = plan.people.length;
    const done = commit(
      (p) => {
        const result = T.peopleFromText(p, text);
        if (Array.isArray(result)) return result.reduce((acc, person) => T.addPerson(acc, person) || acc, p);
        return result;
      },
      undefined,
      { undoable: true }
    );
    if (done) {
      const added = plan.people.length - before;
      say("Added " + plural(added, "person", "people") + "; " + plural(plan.people.length, "person", "people") + " in the plan. Edit each to add skills and hours.", true);
      ui.paste.value = "";
    }
  });

  ui.people.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.edit) startEditing(button.dataset.edit);
    if (button.dataset.remove) {
      const id = button.dataset.remove;
      const person = plan.people.find((p) => p.id === id);
      const count = plan.assignments.filter((a) => a.person === id).length;
      const index = plan.people.indexOf(person);
      if (editing === id) resetForm();
      if (commit((p) => T.removePerson(p, id), "Removed " + (person ? person.name : id) + (count ? " and " + plural(count, "assignment") : "") + ".", { undoable: true })) {
        // Focus the next person's Edit button, else the Undo button.
        const next = plan.people[Math.min(index, plan.people.length - 1)];
        const target = next && root.querySelector('[data-edit="' + CSS.escape(next.id) + '"]');
        (target || ui.undo).focus();
      }
    }
  });

  // --- school, year, roles ----------------------------------------------------------

  for (const [input, field] of [[ui.school, "school"], [ui.year, "year"]]) {
    input.addEventListener("input", () => {
      const value = input.value;
      commit((p) => {
        p[field] = value;
        return p;
      });
    });
  }

  ui.roleFilter.addEventListener("input", renderRoles);
  ui.roleChosen.addEventListener("change", renderRoles);

  ui.roles.addEventListener("input", (event) => {
    const input = event.target;
    if (!input.dataset.count) return;
    if (input.value.trim() === "") return; // typing: wait for a number
    const count = Number(input.value);
    if (!Number.isInteger(count) || count < 0 || count > 500) {
      say("Places must be a whole number from 0 to 500.");
      return;
    }
    const roleId = input.dataset.count;
    if (count === countOf(roleId)) return;
    commit((p) => T.setOpening(p, roleId, count), plural(count, "place") + " for " + roleTitle(roleId) + ".");
  });

  // --- assignments --------------------------------------------------------------------

  ui.openings.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.assign) {
      const roleId = button.dataset.assign;
      const select = ui.openings.querySelector('[data-pick="' + CSS.escape(roleId) + '"]');
      const personId = select && select.value;
      if (!personId) {
        say("Choose a person first.");
        if (select) select.focus();
        return;
      }
      const name = (plan.people.find((p) => p.id === personId) || {}).name || personId;
      commit((p) => T.assign(p, personId, roleId), name + " assigned as " + roleTitle(roleId) + ".", { undoable: true });
    }
    if (button.dataset.unassign) {
      const personId = button.dataset.unassign;
      const roleId = button.dataset.role;
      const name = (plan.people.find((p) => p.id === personId) || {}).name || personId;
      reasons.delete(personId + "|" + roleId);
      commit((p) => T.unassign(p, personId, roleId), name + " removed from " + roleTitle(roleId) + ".", { undoable: true });
    }
  });

  ui.openings.addEventListener("change", (event) => {
    const box = event.target;
    if (!box.dataset.lock) return;
    const personId = box.dataset.lock;
    const roleId = box.dataset.role;
    const name = (plan.people.find((p) => p.id === personId) || {}).name || personId;
    commit((p) => T.setLocked(p, personId, roleId, box.checked), (box.checked ? "Locked " : "Unlocked ") + name + " as " + roleTitle(roleId) + ".");
  });

  ui.suggest.addEventListener("click", () => {
    // Suggestions replace unlocked assignments to roles they fill; people recorded by hand in
    // roles they do not (elected, district-chosen, older inventory) stay (assign.js).
    let result;
    try {
      result = T.suggest(plan, catalog, {});
    } catch (error) {
      say(error.message || String(error));
      return;
    }
    for (const added of result.added) reasons.set(added.person + "|" + added.role, added.reasons || {});
    const open = result.unfilled.reduce((sum, u) => sum + (u.count || 0), 0);
    const why = result.unfilled.map((u) => roleTitle(u.role) + ": " + u.why).join("; ");
    const message = result.added.length
      ? "Suggested " + plural(result.added.length, "assignment") + "." + (open ? " " + plural(open, "place") + " still open (" + why + ")." : " Every place is filled.")
      : open
        ? "No suggestion possible for the " + plural(open, "open place") + " (" + why + ")."
        : "No open places to suggest for.";
    const replaced = (result.removed || []).length;
    const note = replaced ? " It replaced " + plural(replaced, "earlier unlocked assignment") + "." : "";
    commit(result.plan, message + note, { undoable: result.added.length > 0 || replaced > 0 });
  });

  ui.unassignUnlocked.addEventListener("click", () => {
    const loose = plan.assignments.filter((a) => !a.locked);
    if (!loose.length) {
      say("No unlocked assignments to remove.");
      return;
    }
    commit((p) => loose.reduce((acc, a) => attemptOn(acc, (x) => T.unassign(x, a.person, a.role)), p), "Removed " + plural(loose.length, "unlocked assignment") + ".", { undoable: true });
  });

  /** Apply a TLPlan change to `draft` itself, whichever way the function returns its result. */
  function attemptOn(draft, change) {
    const result = change(draft);
    if (result && typeof result === "object") {
      if (result.ok === false) throw new Error(problems(result.errors || [result.message || "not possible"]));
      if (result.plan) return result.plan;
      if (Array.isArray(result.people)) return result;
    }
    return draft;
  }

  // --- keep and share ---------------------------------------------------------------------

  function fileStem() {
    const words = [plan.school, plan.year].filter(Boolean).join(" ");
    const slug = fold(words).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return "teacher-leadership-plan" + (slug ? "-" + slug : "");
  }

  function download(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  ui.exportPlan.addEventListener("click", () => {
    download(T.serializePlan(plan), fileStem() + ".json", "application/json");
    say("Plan file saved to your downloads. Keep it safe: it holds the names in the plan.");
  });

  ui.exportCsv.addEventListener("click", () => {
    download(T.assignmentsCsv(plan, catalog), fileStem() + ".csv", "text/csv");
    say("Assignments saved to your downloads as a CSV file.");
  });

  ui.print.addEventListener("click", () => window.print());

  ui.importFile.addEventListener("change", () => {
    const file = ui.importFile.files && ui.importFile.files[0];
    if (!file) return;
    file.text().then(
      (text) => {
        ui.importFile.value = "";
        const parsed = T.parsePlan(text, catalog);
        if (!parsed.ok) {
          showAlert("“" + file.name + "” was not imported; your current plan is unchanged:", parsed.errors);
          say("");
          return;
        }
        showAlert("");
        reasons = new Map();
        resetForm();
        const warnings = (parsed.warnings || []).map((w) => (typeof w === "string" ? w : w.message)).join(" ");
        commit(parsed.plan, "Imported “" + file.name + "”: " + plural(parsed.plan.people.length, "person", "people") + ", " + plural(parsed.plan.openings.length, "role") + "." + (warnings ? " " + warnings : ""), {
          undoable: true,
          rolesToo: true,
        });
      },
      (error) => showAlert("“" + file.name + "” could not be read (" + error.name + "); your current plan is unchanged.")
    );
  });

  ui.clear.addEventListener("click", () => {
    ui.confirm.hidden = false;
    ui.confirmNo.focus();
  });
  ui.confirmNo.addEventListener("click", () => {
    ui.confirm.hidden = true;
    ui.clear.focus();
  });
  ui.confirmYes.addEventListener("click", () => {
    ui.confirm.hidden = true;
    reasons = new Map();
    resetForm();
    commit(T.emptyPlan(), "The plan is cleared from this browser.", { undoable: true, rolesToo: true });
    ui.undo.focus();
  });

  ui.undo.addEventListener("click", () => {
    if (!undoPlan) return;
    const back = undoPlan;
    commit(back, "Undone.", { rolesToo: true });
    ui.name.focus();
  });

  ui.dismiss.addEventListener("click", () => {
    const back = focusBeforeMessage && focusBeforeMessage.isConnected ? focusBeforeMessage : ui.name;
    say("");
    back.focus();
  });

  // Another tab changed the plan: show the same plan here.
  window.addEventListener("storage", (event) => {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    const parsed = T.parsePlan(event.newValue, catalog);
    if (parsed.ok) {
      plan = parsed.plan;
      render(true);
    }
  });

  // --- start ---------------------------------------------------------------------------

  drawSkillBoxes();
  restore();
  root.hidden = false;
  render(true);
})();
