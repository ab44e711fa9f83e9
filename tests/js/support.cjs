/* Shared by the planner's unit tests: the scripts as Node loads them, the catalogs, small helpers. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");
const PLAN_DIR = path.join(ROOT, "docs/javascripts/plan");
const FIXTURES = path.join(__dirname, "fixtures");
const TLPlan = Object.assign({}, require(path.join(PLAN_DIR, "model.js")), require(path.join(PLAN_DIR, "assign.js")));

/** Eleven real roles from downloads/roles.json with a sample district planning block. */
function fixtureCatalog() {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "catalog.json"), "utf-8"));
}

/** The whole roles.json of the toolkit's data, when tests/test_js_units.py provides it (else null). */
function realCatalog() {
  const file = process.env.TL_ROLES_JSON;
  return file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf-8")) : null;
}

/** A catalog of made-up roles in the roles.json shape: {id: {skills, hours, filled_by?, held?}}. */
function makeCatalog(roles, planning) {
  const skillIds = new Set();
  for (const r of Object.values(roles)) r.skills.forEach((s) => skillIds.add(s));
  return {
    skills: Array.from(skillIds, (id) => ({ id, name: id.toUpperCase() })),
    roles: Object.entries(roles).map(([id, r]) => ({
      id,
      title: `Role ${id}`,
      held: r.held || "full-time-teaching",
      filled_by: r.filled_by || "principal",
      filled_by_note: r.filled_by_note || null,
      skills: r.skills,
      hours_per_week: r.hours === null ? null : { low: r.hours, high: r.hours, basis: "duties", sources: [] },
      release_periods: r.release_periods || null,
      release_share: r.release_share || null,
      pay: ["stipend"],
    })),
    planning: planning === undefined ? null : planning,
  };
}

/** A plan from short descriptions: people [{name, skills, hours, current}], openings {role: count}. */
function makePlan(people, openings, assignments) {
  let plan = TLPlan.emptyPlan();
  for (const p of people) {
    plan = TLPlan.addPerson(plan, { name: p.name, skills: p.skills || [], hours_per_week: p.hours === undefined ? 10 : p.hours, current_roles: p.current || [] });
  }
  for (const [role, count] of Object.entries(openings || {})) plan = TLPlan.setOpening(plan, role, count);
  for (const a of assignments || []) {
    plan = TLPlan.assign(plan, a.person, a.role);
    if (a.locked) plan = TLPlan.setLocked(plan, a.person, a.role, true);
  }
  return plan;
}

function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

/** A small deterministic random number generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Read CSV text (RFC 4180 quoting) into rows of cells. */
function readCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push(row.concat(cell));
  return rows;
}

module.exports = { ROOT, FIXTURES, TLPlan, fixtureCatalog, realCatalog, makeCatalog, makePlan, deepFreeze, random, readCsv };
