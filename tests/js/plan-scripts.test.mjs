// The two files load as classic browser scripts (no modules: Chromium refuses those from file://).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { ROOT, fixtureCatalog } = require("./support.cjs");
const read = (name) => fs.readFileSync(path.join(ROOT, "docs/javascripts/plan", name), "utf-8");

test("as <script> tags in a page, model.js then assign.js give window.TLPlan with every function", () => {
  // A page's global scope: no module, no require, no process.
  const window = {};
  window.window = window;
  window.globalThis = window;
  const context = vm.createContext(window);
  vm.runInContext(read("model.js"), context, { filename: "model.js" });
  vm.runInContext(read("assign.js"), context, { filename: "assign.js" });
  const T = window.TLPlan;
  for (const name of ["emptyPlan", "parsePlan", "serializePlan", "addPerson", "updatePerson", "removePerson", "setOpening", "assign", "unassign", "setLocked", "peopleFromText", "roleFacts", "summarize", "assignmentsCsv", "suggest"]) {
    assert.equal(typeof T[name], "function", name);
  }
  const catalog = fixtureCatalog();
  let plan = T.peopleFromText(T.emptyPlan(), "Ana Ruiz\t3\nBen Okafor\t2");
  plan = T.updatePerson(plan, plan.people[0].id, { skills: ["data-use"] }); // a suggestion needs a matching skill
  plan = T.setOpening(plan, "data-team-facilitator", 1);
  const result = T.suggest(plan, catalog);
  assert.equal(result.added.length, 1);
  assert.equal(T.parsePlan(T.serializePlan(result.plan), catalog).ok, true);
});

test("the scripts use nothing a page from file:// cannot have", () => {
  for (const name of ["model.js", "assign.js"]) {
    const text = read(name);
    assert.doesNotMatch(text, /^\s*(import|export)\s/m, `${name} is a module`);
    assert.doesNotMatch(text, /\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|localStorage|document)\b/, `${name} reaches outside its inputs`);
  }
});
