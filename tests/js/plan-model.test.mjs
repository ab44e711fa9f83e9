// The plan file, the state helpers, role facts, the summary and the CSV (docs/javascripts/plan/model.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { FIXTURES, TLPlan, fixtureCatalog, makeCatalog, makePlan, deepFreeze, readCsv } = require("./support.cjs");

const catalog = fixtureCatalog();
const plansDir = path.join(FIXTURES, "plans");
const readPlan = (kind, name) => fs.readFileSync(path.join(plansDir, kind, name), "utf-8");
const files = (kind) => fs.readdirSync(path.join(plansDir, kind)).filter((f) => f.endsWith(".json")).sort();

function parseOk(text, cat = catalog) {
  const result = TLPlan.parsePlan(text, cat);
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  return result;
}

function parseFails(text, cat = catalog) {
  const result = TLPlan.parsePlan(text, cat);
  assert.equal(result.ok, false, "the file was accepted");
  assert.equal("plan" in result, false, "a refused file must not give a plan");
  assert.ok(result.errors.length > 0);
  for (const e of result.errors) assert.equal(typeof e.message, "string");
  return result.errors;
}

const messages = (errors) => errors.map((e) => e.message).join("\n");

// --- reading and writing the plan file -----------------------------------------------------

test("an empty plan survives writing and reading back", () => {
  const text = TLPlan.serializePlan(TLPlan.emptyPlan());
  const { plan, warnings } = parseOk(text);
  assert.deepEqual(plan, TLPlan.emptyPlan());
  assert.deepEqual(warnings, []);
});

test("every valid example plan reads, and writing it back gives the same plan", () => {
  for (const name of files("valid")) {
    const { plan } = parseOk(readPlan("valid", name));
    const again = parseOk(TLPlan.serializePlan(plan)).plan;
    assert.deepEqual(again, plan, name);
    assert.equal(TLPlan.serializePlan(again), TLPlan.serializePlan(plan), name);
  }
});

test("the written file has the same key order whatever order the file was in", () => {
  const plan = parseOk(readPlan("valid", "lincoln.json")).plan;
  const shuffled = {
    assignments: plan.assignments.map((a) => ({ locked: a.locked, role: a.role, person: a.person })),
    openings: plan.openings.map((o) => ({ count: o.count, role: o.role })),
    people: plan.people.map((p) => Object.fromEntries(Object.entries(p).reverse())),
    year: plan.year,
    version: 1,
    school: plan.school,
    format: "tltoolkit-plan",
  };
  const text = TLPlan.serializePlan(parseOk(JSON.stringify(shuffled)).plan);
  assert.equal(text, TLPlan.serializePlan(plan));
  assert.deepEqual(Object.keys(JSON.parse(text)), ["format", "version", "school", "year", "people", "openings", "assignments"]);
  assert.deepEqual(Object.keys(JSON.parse(text).people[0]), ["id", "name", "skills", "hours_per_week", "interests", "notes", "current_roles"]);
  assert.ok(text.endsWith("}\n") && text.includes('\n  "people": [\n'), "two-space indent and a final newline");
});

test("optional fields get their defaults, and current_roles may be left out", () => {
  const { plan } = parseOk(readPlan("valid", "minimal.json"));
  assert.deepEqual(plan.people[0], { id: "p1", name: "Ana Ruiz", skills: [], hours_per_week: null, interests: "", notes: "", current_roles: [] });
  assert.equal(plan.school, "");
});

test("roles unknown to this inventory are kept and flagged, through reading and writing", () => {
  const first = parseOk(readPlan("valid", "older-inventory.json"));
  const flagged = messages(first.warnings);
  assert.match(flagged, /openings\[0\]\.role: role 'reading-recovery-lead' is not in this inventory/);
  assert.match(flagged, /people\[0\]\.current_roles\[0\]: role 'literacy-committee-chair' is not in this inventory/);
  const text = TLPlan.serializePlan(first.plan);
  assert.ok(text.includes('"reading-recovery-lead"') && text.includes('"literacy-committee-chair"'));
  const second = parseOk(text);
  assert.deepEqual(second.plan.assignments, [{ person: "p1", role: "reading-recovery-lead", locked: true }]);
  assert.equal(second.warnings.length, first.warnings.length);
  const summary = TLPlan.summarize(second.plan, catalog);
  const unknown = summary.warnings.filter((w) => w.kind === "unknown-role").map((w) => w.role);
  assert.deepEqual(unknown, ["reading-recovery-lead", "literacy-committee-chair"]);
});

test("a file that is not JSON is refused with the line and column", () => {
  const text = '{\n  "format": "tltoolkit-plan",\n  "version": 1,\n  "people": [,]\n}\n';
  const errors = parseFails(text);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^The file is not valid JSON at line 4, column 14: /);
  assert.match(parseFails('{"format": "tltoolkit-plan",')[0].message, /not valid JSON/);
  assert.match(parseFails("")[0].message, /not valid JSON/);
});

test("every refused example names its problem and gives no plan", () => {
  const expected = {
    "bad-person-id.json": /people\[0\]\.id: '<p1>' is not a usable id/,
    "bad-role-id.json": /openings\[0\]\.role: 'Grade Level Team Leader' is not a role id/,
    "blank-name.json": /people\[0\]\.name: is empty/,
    "count-fraction.json": /openings\[0\]\.count: should be a whole number, not 2\.5/,
    "count-zero.json": /openings\[0\]\.count: is 0; it should be from 1 to 500/,
    "hours-as-text.json": /people\[0\]\.hours_per_week: should be a number of hours .*not text/,
    "hours-too-many.json": /people\[0\]\.hours_per_week: is 61; it should be from 0 to 60/,
    "locked-as-text.json": /assignments\[0\]\.locked: should be true or false, not text/,
    "missing-people.json": /^people: this field is required but missing/,
    "name-too-long.json": /people\[0\]\.name: is 201 characters long; at most 200/,
    "name-with-line-break.json": /people\[0\]\.name: contains a line break/,
    "no-version.json": /^version: the plan file's version is missing; this planner reads version 1/,
    "people-not-a-list.json": /^people: should be a list, not an object/,
    "person-without-name.json": /people\[0\]\.name: this field is required but missing/,
    "repeated-skill.json": /people\[0\]\.skills\[1\]: 'data-use' is listed twice/,
    "too-many-people.json": /^people: has 1,001 entries; at most 1,000 are allowed/,
    "unknown-field.json": /people\[0\]\.hours: unknown field 'hours' \(did you mean 'hours_per_week'\?\)/,
    "version-2.json": /^version: the plan file's version is '2'; this planner reads version 1/,
    "wrong-format.json": /^format: the file says format 'tltoolkit-roles'; a school plan file says "format": "tltoolkit-plan"/,
    "unknown-skill.json": /^people\[0\]\.skills\[0\]: unknown skill 'dta-use' \(did you mean 'data-use'\?\)$/,
    "unknown-person.json": /^assignments\[0\]\.person: no person has the id 'p2' \(did you mean 'p1'\?\)$/,
    "duplicate-person-ids.json": /^people\[1\]\.id: the id 'p1' is used by an earlier person too/,
    "role-opened-twice.json": /^openings\[1\]\.role: 'grade-level-team-leader' has an opening already/,
    "assigned-twice.json": /^assignments\[1\]: 'p1' is assigned to 'data-team-facilitator' twice/,
  };
  const seen = [];
  for (const kind of ["invalid", "invalid-references"]) {
    for (const name of files(kind)) {
      seen.push(name);
      assert.ok(expected[name], `no expectation for ${kind}/${name}`);
      const errors = parseFails(readPlan(kind, name));
      assert.match(messages(errors), expected[name], `${kind}/${name}`);
    }
  }
  assert.deepEqual(seen.sort(), Object.keys(expected).sort());
});

test("a file with several problems lists them all at once, each with its path", () => {
  const text = JSON.stringify({
    format: "tltoolkit-plan",
    version: 1,
    people: [
      { id: "p1", name: "Ana Ruiz", skills: ["dta-use"] },
      { id: "p2", name: "Ben Okafor", hours_per_week: -1 },
    ],
    openings: [{ role: "grade-level-team-leader", count: "five" }],
    assignments: [{ person: "p3", role: "data-team-facilitator" }],
  });
  const errors = parseFails(text);
  assert.deepEqual(
    errors.map((e) => e.path),
    ["people[0].skills[0]", "people[1].hours_per_week", "openings[0].count", "assignments[0].person"],
  );
  for (const e of errors) assert.ok(e.message.startsWith(e.path + ": "), e.message);
});

test("a person with a wrong field still counts for assignments, so one mistake gives one message", () => {
  const text = JSON.stringify({
    format: "tltoolkit-plan",
    version: 1,
    people: [{ id: "p1", name: "Ana Ruiz", hours_per_week: "3" }],
    openings: [],
    assignments: [{ person: "p1", role: "data-team-facilitator" }],
  });
  assert.deepEqual(parseFails(text).map((e) => e.path), ["people[0].hours_per_week"]);
});

// A generous timeout as a guard against a hang (not a speed goal).
test("hostile files are refused: too big, too deep, a prototype key, thousands of unknown ids", { timeout: 30000 }, () => {
  const huge = '{"format": "tltoolkit-plan", "version": 1, "notes": "' + "x".repeat(2 * 1024 * 1024) + '"}';
  assert.match(parseFails(huge)[0].message, /at most 2 MB/);
  parseFails("[".repeat(100000) + "]".repeat(100000));
  assert.match(parseFails("[".repeat(100000))[0].message, /not valid JSON at line 1, column 100001/);
  const proto = '{"format": "tltoolkit-plan", "version": 1, "people": [], "openings": [], "assignments": [], "__proto__": {"polluted": 1}}';
  assert.match(messages(parseFails(proto)), /unknown field '__proto__'/);
  assert.equal({}.polluted, undefined);
  // Many errors are cut to a readable list that says how many more there were.
  const many = JSON.stringify({
    format: "tltoolkit-plan",
    version: 1,
    people: Array.from({ length: 80 }, (_, i) => ({ id: `p${i}`, name: "", skills: [] })),
    openings: [],
    assignments: [],
  });
  const errors = parseFails(many);
  assert.equal(errors.length, 51);
  assert.match(errors[50].message, /and 30 more problems/);
  // Warnings too: 5,000 assignments to roles of another inventory are kept, the list is cut.
  const people = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, name: `Teacher ${i}` }));
  const assignments = Array.from({ length: 5000 }, (_, i) => ({ person: `p${i % 500}`, role: `retired-role-number-${i}` }));
  const { plan, warnings } = parseOk(JSON.stringify({ format: "tltoolkit-plan", version: 1, people, openings: [], assignments }));
  assert.equal(plan.assignments.length, 5000);
  assert.equal(warnings.length, 51);
  assert.match(warnings[50].message, /and \d+ more warnings/);
});

test("names typed or pasted lose control characters (a saved plan must read back)", () => {
  let plan = TLPlan.addPerson(TLPlan.emptyPlan(), { name: "Ana\u0000 Ruiz\u0007" });
  plan = TLPlan.peopleFromText(plan, "Ben\u001bOkafor\t2\n");
  assert.deepEqual(plan.people.map((p) => p.name), ["Ana Ruiz", "Ben Okafor"]);
  assert.equal(parseOk(TLPlan.serializePlan(plan)).plan.people.length, 2);
});

test("a refused import leaves the plan that was open as it was", () => {
  const current = deepFreeze(parseOk(readPlan("valid", "lincoln.json")).plan);
  const before = TLPlan.serializePlan(current);
  for (const name of files("invalid")) TLPlan.parsePlan(readPlan("invalid", name), catalog);
  assert.equal(TLPlan.serializePlan(current), before);
});

// --- state helpers -------------------------------------------------------------------------

test("people get the next free id, and removing someone removes their assignments", () => {
  let plan = makePlan([{ name: "Ana Ruiz" }, { name: "Ben Okafor" }, { name: "Chloé Dubois" }]);
  assert.deepEqual(plan.people.map((p) => p.id), ["p1", "p2", "p3"]);
  plan = TLPlan.assign(plan, "p2", "data-team-facilitator");
  plan = TLPlan.assign(plan, "p1", "data-team-facilitator");
  plan = TLPlan.removePerson(plan, "p2");
  assert.deepEqual(plan.people.map((p) => p.id), ["p1", "p3"]);
  assert.deepEqual(plan.assignments, [{ person: "p1", role: "data-team-facilitator", locked: false }]);
  plan = TLPlan.addPerson(plan, { name: "  Dev   Patel " });
  assert.equal(plan.people.at(-1).id, "p4");
  assert.equal(plan.people.at(-1).name, "Dev Patel");
  plan = TLPlan.updatePerson(plan, "p4", { hours_per_week: 2.5, skills: ["equity"] });
  assert.deepEqual(plan.people.at(-1), { id: "p4", name: "Dev Patel", skills: ["equity"], hours_per_week: 2.5, interests: "", notes: "", current_roles: [] });
  assert.throws(() => TLPlan.addPerson(plan, { name: "   " }), /needs a name/);
  assert.throws(() => TLPlan.updatePerson(plan, "p4", { hours_per_week: 99 }), /from 0 to 60/);
  assert.throws(() => TLPlan.assign(plan, "p99", "data-team-facilitator"), /No person in the plan has the id 'p99'/);
});

test("helpers never change the plan they are given", () => {
  const plan = deepFreeze(parseOk(readPlan("valid", "lincoln.json")).plan);
  const before = TLPlan.serializePlan(plan);
  const after = [
    TLPlan.addPerson(plan, { name: "Dev Patel" }),
    TLPlan.updatePerson(plan, "p1", { name: "Ana María Ruiz" }),
    TLPlan.removePerson(plan, "p2"),
    TLPlan.setOpening(plan, "grade-level-team-leader", 0),
    TLPlan.setOpening(plan, "peer-observer", 2),
    TLPlan.assign(plan, "p3", "data-team-facilitator"),
    TLPlan.unassign(plan, "p1", "data-team-facilitator"),
    TLPlan.setLocked(plan, "p2", "grade-level-team-leader", true),
    TLPlan.peopleFromText(plan, "Dev Patel\t2"),
    TLPlan.suggest(plan, catalog).plan,
  ];
  assert.equal(TLPlan.serializePlan(plan), before);
  for (const next of after) assert.notEqual(TLPlan.serializePlan(next), before);
});

test("openings: assigning makes room, lowering a count keeps locked people first, 0 removes the role", () => {
  let plan = makePlan([{ name: "A" }, { name: "B" }, { name: "C" }], { "grade-level-team-leader": 1 });
  plan = TLPlan.assign(plan, "p1", "grade-level-team-leader");
  plan = TLPlan.assign(plan, "p2", "grade-level-team-leader");
  plan = TLPlan.assign(plan, "p3", "grade-level-team-leader");
  assert.deepEqual(plan.openings, [{ role: "grade-level-team-leader", count: 3 }]);
  assert.equal(TLPlan.assign(plan, "p1", "grade-level-team-leader"), plan, "a second time changes nothing");
  plan = TLPlan.setLocked(plan, "p3", "grade-level-team-leader", true);
  plan = TLPlan.setOpening(plan, "grade-level-team-leader", 2);
  assert.deepEqual(plan.assignments.map((a) => a.person), ["p1", "p3"]);
  plan = TLPlan.unassign(plan, "p1", "grade-level-team-leader");
  assert.deepEqual(TLPlan.summarize(plan, catalog).openings, [{ role: "grade-level-team-leader", count: 2, filled: 1, open: 1 }]);
  plan = TLPlan.setOpening(plan, "grade-level-team-leader", 0);
  assert.deepEqual(plan.openings, []);
  assert.deepEqual(plan.assignments, []);
  assert.throws(() => TLPlan.setOpening(plan, "grade-level-team-leader", 1.5), /whole number/);
});

test("pasting cells from a spreadsheet: the header row skipped, name first, hours last", () => {
  const plan = TLPlan.peopleFromText(TLPlan.emptyPlan(), "Name\tGrade\tHours\nAna Ruiz\tGrade 3\t2.5\nBen Okafor\tGrade 4\t\n");
  assert.deepEqual(plan.people.map((p) => [p.name, p.hours_per_week]), [["Ana Ruiz", 2.5], ["Ben Okafor", null]]);
});

test("pasting a list of names: hours after a tab or comma, blanks and repeats skipped", () => {
  let plan = makePlan([{ name: "Ana Ruiz" }]);
  const text = "Ben Okafor\t4\n\n  Ruiz, Ana  \nCHLOE dubois, 2.5\nBen Okafor\nana ruiz\nChloé Dubois\nDev Patel, ninety\nEve Stone\t99\r\nFay Wu,3\n";
  plan = TLPlan.peopleFromText(plan, text);
  assert.deepEqual(
    plan.people.map((p) => [p.id, p.name, p.hours_per_week]),
    [
      ["p1", "Ana Ruiz", 10],
      ["p2", "Ben Okafor", 4],
      ["p3", "Ruiz, Ana", null],
      ["p4", "CHLOE dubois", 2.5],
      ["p5", "Dev Patel, ninety", null],
      ["p6", "Eve Stone", null],
      ["p7", "Fay Wu", 3],
    ],
  );
});

// --- role facts ----------------------------------------------------------------------------

test("role facts: the district's hours first, else the midpoint of the role's range, else none", () => {
  const glt = TLPlan.roleFacts(catalog, "grade-level-team-leader");
  assert.equal(glt.hours, 2);
  assert.equal(glt.hoursBasis, "district");
  assert.equal(glt.stipend, 1200);
  assert.equal(glt.principalFills, true);
  const mentor = TLPlan.roleFacts(catalog, "new-teacher-mentor");
  assert.equal(mentor.hours, 1.5);
  assert.equal(mentor.hoursBasis, "estimate");
  assert.equal(mentor.stipend, null);
  const host = TLPlan.roleFacts(catalog, "lab-classroom-host");
  assert.equal(host.hours, null);
  assert.equal(host.hoursBasis, null);
  const union = TLPlan.roleFacts(catalog, "union-building-rep");
  assert.equal(union.principalFills, false);
  assert.match(union.filledByNote, /union/i);
  const unknown = TLPlan.roleFacts(catalog, "reading-recovery-lead");
  assert.deepEqual([unknown.known, unknown.principalFills, unknown.hours, unknown.releaseFte], [false, false, null, 0]);
});

test("role facts: release as a share of a full-time teacher", () => {
  // District periods over the district's periods a day; else the role's periods; else the role's share.
  assert.equal(TLPlan.roleFacts(catalog, "department-head").releaseFte, 1 / 6);
  assert.equal(TLPlan.roleFacts(catalog, "assessment-coordinator").releaseFte, 1.5 / 6);
  assert.equal(TLPlan.roleFacts(catalog, "literacy-coach").releaseFte, 0.5);
  assert.equal(TLPlan.roleFacts(catalog, "instructional-coach").releaseFte, 1);
  assert.equal(TLPlan.roleFacts(catalog, "grade-level-team-leader").releaseFte, 0);
  // A district that releases a period for a role the toolkit holds alongside teaching.
  const released = { ...catalog, planning: { ...catalog.planning, roles: { "new-teacher-mentor": { release_periods: 2 } } } };
  assert.equal(TLPlan.roleFacts(released, "new-teacher-mentor").releaseFte, 2 / 6);
  // Without the district's periods a day, released periods cannot become a share: said, not guessed.
  const noPeriods = { ...catalog, planning: null };
  const facts = TLPlan.roleFacts(noPeriods, "assessment-coordinator");
  assert.deepEqual([facts.releaseFte, facts.releaseUnknown], [0, true]);
});

// --- the summary ---------------------------------------------------------------------------

function lincoln() {
  return parseOk(readPlan("valid", "lincoln.json")).plan;
}

test("totals: hours, release in full-time equivalents and stipends from the district's amounts", () => {
  let plan = lincoln();
  plan = TLPlan.assign(plan, "p3", "department-head");
  plan = TLPlan.assign(plan, "p3", "literacy-coach");
  const s = TLPlan.summarize(plan, catalog);
  // data-team-facilitator 0.875 (midpoint), grade-level-team-leader 2 (district), department-head 2, literacy-coach none.
  assert.equal(s.totalHours, 4.88);
  assert.equal(s.releaseFte, Math.round((1 / 6 + 0.5) * 100) / 100);
  assert.equal(s.stipendTotal, 800 + 1200 + 2500);
  assert.deepEqual(s.stipendMissing, ["literacy-coach"]);
  assert.equal(s.currency, "USD");
  assert.equal(s.filled, 4);
  assert.equal(s.leaders, 3);
  assert.deepEqual(s.unknownHours, ["literacy-coach"]);
  const ben = s.people.find((p) => p.id === "p2");
  // Ben: grade-level team leader (2) and peer observer held outside the plan (0.3).
  assert.deepEqual([ben.roles, ben.currentRoles, ben.hours, ben.capacity], [["grade-level-team-leader"], ["peer-observer"], 2.3, 4]);
  assert.deepEqual(s.openings.slice(0, 3), [
    { role: "grade-level-team-leader", count: 5, filled: 1, open: 4 },
    { role: "data-team-facilitator", count: 1, filled: 1, open: 0 },
    { role: "new-teacher-mentor", count: 2, filled: 0, open: 2 },
  ]);
  assert.equal(s.open, 6);
});

test("stipend totals only when the district gives amounts", () => {
  const plan = lincoln();
  const withoutDistrict = TLPlan.summarize(plan, { ...catalog, planning: null });
  assert.equal(withoutDistrict.stipendTotal, null);
  assert.equal(withoutDistrict.currency, null);
  const noAmounts = TLPlan.summarize(plan, { ...catalog, planning: { currency: "CAD", periods_per_day: 6, roles: {} } });
  assert.equal(noAmounts.stipendTotal, null);
  assert.equal(noAmounts.currency, "CAD");
  // Hours without the district's figures: the role's own midpoint (grade-level team leader 1.75).
  assert.equal(withoutDistrict.totalHours, 0.88 + 1.75);
});

test("warnings: overloaded, one person many roles, roles not the principal's, open places, skills nobody brings", () => {
  let plan = lincoln();
  plan = TLPlan.assign(plan, "p1", "grade-level-team-leader");
  plan = TLPlan.assign(plan, "p1", "family-engagement-lead");
  plan = TLPlan.assign(plan, "p3", "union-building-rep");
  const s = TLPlan.summarize(plan, catalog);
  const kinds = (kind) => s.warnings.filter((w) => w.kind === kind);
  // Ana: 0.875 + 2 + 2 = 4.875 hours against the 3 she can give, in three roles.
  assert.deepEqual(kinds("overloaded").map((w) => w.person), ["p1"]);
  assert.match(kinds("overloaded")[0].message, /Ana Ruiz: 4\.88 hours a week .* above the 3 hours they can give/);
  assert.equal(s.people[0].overloaded, true);
  assert.deepEqual(kinds("concentration").map((w) => w.person), ["p1"]);
  assert.deepEqual(kinds("not-principal-filled").map((w) => [w.person, w.role]), [["p3", "union-building-rep"]]);
  assert.match(kinds("not-principal-filled")[0].message, /the principal does not fill this role/);
  assert.deepEqual(kinds("open-role").map((w) => w.role), ["grade-level-team-leader", "new-teacher-mentor"]);
  const elected = TLPlan.summarize(TLPlan.setOpening(plan, "union-building-rep", 2), catalog).warnings.filter((w) => w.kind === "open-role");
  assert.match(elected.at(-1).message, /^Union building representative: 1 of 2 places open\. The principal does not fill this role \(Elected by union members.*\); record who is chosen\.$/);
  // Family engagement is drawn on by the family engagement lead; nobody assigned brings it (Chloé, in a
  // role of her own, brings adult learning).
  assert.deepEqual(s.uncoveredSkills, ["family-engagement"]);
  assert.deepEqual(kinds("uncovered-skill").map((w) => w.skill), s.uncoveredSkills);
  // Grouped by kind, in the documented order.
  const order = ["overloaded", "concentration", "not-principal-filled", "unknown-role", "open-role", "uncovered-skill"];
  const seen = s.warnings.map((w) => order.indexOf(w.kind));
  assert.deepEqual(seen, seen.slice().sort((a, b) => a - b));
});

test("the district's weekly limit overloads a person even within their own hours", () => {
  let plan = makePlan([{ name: "Ana Ruiz", hours: 10 }]);
  plan = TLPlan.assign(plan, "p1", "grade-level-team-leader");
  plan = TLPlan.assign(plan, "p1", "family-engagement-lead");
  plan = TLPlan.assign(plan, "p1", "department-head"); // 2 + 2 + 2 = 6: at the limit of 6
  assert.equal(TLPlan.summarize(plan, catalog).people[0].overloaded, false);
  plan = TLPlan.assign(plan, "p1", "peer-observer"); // 6.3
  const s = TLPlan.summarize(plan, catalog);
  assert.equal(s.people[0].overloaded, true);
  assert.equal(s.people[0].limit, 6);
  assert.match(s.warnings[0].message, /above the district's limit of 6 hours/);
});

test("concentration: half the filled places on one person is flagged in a plan of four or more", () => {
  const people = [{ name: "A" }, { name: "B" }, { name: "C" }];
  let plan = makePlan(people);
  plan = TLPlan.assign(plan, "p1", "grade-level-team-leader");
  plan = TLPlan.assign(plan, "p1", "data-team-facilitator");
  plan = TLPlan.assign(plan, "p2", "new-teacher-mentor");
  // 2 of 3 places: too small a plan to call it concentration.
  assert.equal(TLPlan.summarize(plan, catalog).warnings.filter((w) => w.kind === "concentration").length, 0);
  plan = TLPlan.assign(plan, "p3", "peer-observer");
  const flagged = TLPlan.summarize(plan, catalog).warnings.filter((w) => w.kind === "concentration");
  assert.deepEqual(flagged.map((w) => w.person), ["p1"]);
  assert.match(flagged[0].message, /holds 2 of the plan's 4 filled places/);
});

test("a catalog made of other roles works the same way (a district's own inventory)", () => {
  const own = makeCatalog({ "reading-lead": { skills: ["literacy"], hours: 3 } }, { currency: "EUR", roles: { "reading-lead": { stipend: 900 } } });
  let plan = makePlan([{ name: "Ana Ruiz", skills: ["literacy"] }]);
  plan = TLPlan.assign(plan, "p1", "reading-lead");
  const s = TLPlan.summarize(plan, own);
  assert.deepEqual([s.totalHours, s.stipendTotal, s.currency, s.uncoveredSkills], [3, 900, "EUR", []]);
});

// --- CSV -----------------------------------------------------------------------------------

test("CSV of assignments: header, quoting, and formulas made harmless", () => {
  let plan = TLPlan.emptyPlan();
  for (const name of ['Ruiz, Ana "Annie"', "=HYPERLINK(\"http://x\")", "+1 Okafor", "-Dubois", "@Patel", "Plain Name"]) {
    plan = TLPlan.addPerson(plan, { name });
  }
  plan.people.forEach((p) => {
    plan = TLPlan.assign(plan, p.id, "grade-level-team-leader");
  });
  plan = TLPlan.assign(plan, "p1", "reading-recovery-lead");
  plan = TLPlan.setLocked(plan, "p6", "grade-level-team-leader", true);
  const text = TLPlan.assignmentsCsv(plan, catalog);
  assert.ok(text.startsWith("\ufeffPerson,Role,Role ID,Hours a week,Locked\r\n"));
  assert.ok(text.endsWith("\r\n"));
  const rows = readCsv(text.slice(1));
  assert.deepEqual(rows, [
    ["Person", "Role", "Role ID", "Hours a week", "Locked"],
    ['Ruiz, Ana "Annie"', "Grade-level team leader", "grade-level-team-leader", "2", "no"],
    ['Ruiz, Ana "Annie"', "reading-recovery-lead", "reading-recovery-lead", "", "no"],
    ["'=HYPERLINK(\"http://x\")", "Grade-level team leader", "grade-level-team-leader", "2", "no"],
    ["'+1 Okafor", "Grade-level team leader", "grade-level-team-leader", "2", "no"],
    ["'-Dubois", "Grade-level team leader", "grade-level-team-leader", "2", "no"],
    ["'@Patel", "Grade-level team leader", "grade-level-team-leader", "2", "no"],
    ["Plain Name", "Grade-level team leader", "grade-level-team-leader", "2", "yes"],
  ]);
  assert.ok(text.includes('"Ruiz, Ana ""Annie"""'), "quotes doubled inside a quoted cell");
});
