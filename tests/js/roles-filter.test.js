// The role inventory's filtering logic (docs/javascripts/roles-filter.js) in Node, without a browser.
// Run: node --test tests/js/   (tests/test_js_roles_filter.py runs it under pytest).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const R = require("../../docs/javascripts/roles-filter.js");

const WORDS = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "words.json"), "utf8"));

// A small inventory, written the way the page carries it: a vocabulary, and per role the numbers
// of its words and of the synonym groups its text mentions (found at build time by words.py).
const GROUPS = [
  ["english learner", "el", "ell", "esl", "multilingual learner"],
  ["special education", "sped", "iep"],
  ["plc", "professional learning community"],
];
const TEXTS = {
  "el-specialist": { text: "Teaches English learners and multilingual learners", groups: [0] },
  "team-leader": { text: "Keeps the grade team working well together", groups: [] },
  coach: { text: "Coaches teachers in coaching cycles", groups: [] },
  "plc-facilitator": { text: "Facilitates a professional learning community", groups: [2] },
  inclusion: { text: "Supports students with an IEP in general classrooms", groups: [1] },
  elections: { text: "Elected by colleagues for elementary schools", groups: [] },
};

function pageOf(texts, groups) {
  const vocabulary = [];
  const rows = Object.entries(texts).map(([id, { text, groups: found }], index) => {
    const words = [...new Set(R.tokens(text))].map((word) => {
      if (!vocabulary.includes(word)) vocabulary.push(word);
      return vocabulary.indexOf(word).toString(36);
    });
    return { id, index, words: R.decodeNumbers(words.join(" ")), groups: found };
  });
  return { index: R.createIndex({ words: vocabulary, groups, stop: ["a", "and", "the", "in", "for", "by"] }), rows };
}

const { index, rows } = pageOf(TEXTS, GROUPS);
const NO_FILTERS = { held: "", scope: "", selection: "", standard: "", filled: "" };

function found(typed) {
  return R.filterRows(rows, NO_FILTERS, [], R.parseQuery(index, typed)).map((row) => row.id);
}

test("folding, splitting and stemming pass the cases shared with words.py", () => {
  for (const [text, tokens, stems] of WORDS.cases) {
    assert.deepEqual(R.tokens(text), tokens, text);
    assert.deepEqual(R.tokens(text).map(R.stem), stems, text);
  }
});

test("an acronym finds the roles that spell the term out, never letters inside a word", () => {
  assert.deepEqual(found("ELL"), ["el-specialist"]);
  assert.deepEqual(found("esl"), ["el-specialist"]);
  assert.deepEqual(found("EL"), ["el-specialist"]); // not "elected" or "elementary"
  assert.deepEqual(found("SPED"), ["inclusion"]);
  assert.deepEqual(found("PLC"), ["plc-facilitator"]);
});

test("a phrase of a synonym group is one term, plural or not", () => {
  assert.deepEqual(found("English learner"), ["el-specialist"]);
  assert.deepEqual(found("english learners"), ["el-specialist"]);
  assert.deepEqual(found("special education"), ["inclusion"]);
  assert.deepEqual(found("professional learning communities"), ["plc-facilitator"]);
});

test("a word matches whole words and word starts, not letters inside a word", () => {
  assert.deepEqual(found("well"), ["team-leader"]);
  assert.deepEqual(found("ell"), ["el-specialist"]); // "well" holds "ell" but is another word
  assert.deepEqual(found("elem"), ["elections"]);
  assert.deepEqual(found("lect"), []);
});

test("plural and -ing forms meet their stem", () => {
  for (const typed of ["coach", "coaches", "coaching", "coached", "Coach"]) {
    assert.deepEqual(found(typed), ["coach"], typed);
  }
});

test("every typed word must match, and common words typed alone are ignored", () => {
  assert.deepEqual(found("coaching teachers"), ["coach"]);
  assert.deepEqual(found("coaching families"), []);
  assert.deepEqual(found("the"), rows.map((row) => row.id));
  assert.deepEqual(found(""), rows.map((row) => row.id));
});

test("typing a phrase word by word narrows without losing the role", () => {
  for (const typed of ["E", "En", "English", "English l", "English learn", "English learner"]) {
    assert.ok(found(typed).includes("el-specialist"), typed);
  }
});

test("the other filters and the ticked skills combine with the words", () => {
  const table = [
    { id: "a", held: "full-release", scope: "school", selection: "", filled: "principal", standards: ["x"], skills: ["data-use", "equity"], words: [], groups: [] },
    { id: "b", held: "partial-release", scope: "school", selection: "", filled: "election", standards: ["y"], skills: ["data-use"], words: [], groups: [] },
  ];
  const ids = (filters, skills) => R.filterRows(table, { ...NO_FILTERS, ...filters }, skills, []).map((row) => row.id);
  assert.deepEqual(ids({}, []), ["a", "b"]);
  assert.deepEqual(ids({ held: "partial-release" }, []), ["b"]);
  assert.deepEqual(ids({ standard: "x" }, []), ["a"]);
  assert.deepEqual(ids({ filled: "election" }, []), ["b"]);
  assert.deepEqual(ids({}, ["data-use", "equity"]), ["a"]);
  assert.deepEqual(ids({ scope: "district" }, []), []);
});

test("sorting by title, when held or who fills it keeps the page's order among equals", () => {
  const table = [
    { id: "m", index: 0, title: "Math coach", heldRank: 2, filledRank: 1 },
    { id: "a", index: 1, title: "advisory leader", heldRank: 1, filledRank: 1 },
    { id: "z", index: 2, title: "Zone lead", heldRank: 1, filledRank: 0 },
    { id: "t", index: 3, title: "Team 10 lead", heldRank: 3, filledRank: 0 },
    { id: "t2", index: 4, title: "Team 9 lead", heldRank: 2, filledRank: 1 },
  ];
  const order = (key) => R.sortRows(table, key).map((row) => row.id);
  assert.deepEqual(order(""), ["m", "a", "z", "t", "t2"]);
  assert.deepEqual(order("title"), ["a", "m", "t2", "t", "z"]); // case-blind, numbers by value
  assert.deepEqual(order("held"), ["a", "z", "m", "t2", "t"]);
  assert.deepEqual(order("filled"), ["z", "t", "m", "a", "t2"]);
  assert.deepEqual(order("no-such-order"), ["m", "a", "z", "t", "t2"]);
  assert.deepEqual(table.map((row) => row.id), ["m", "a", "z", "t", "t2"]); // the input is left as it was
});

test("the printed line says which filters are applied and how many roles show", () => {
  assert.equal(R.describeFilters([], 43, 43), "All 43 roles.");
  assert.equal(
    R.describeFilters([["text", "\u2018coach\u2019"], ["skill", "Using data"], ["when held:", "Partial release"]], 7, 43),
    "Filtered: text \u2018coach\u2019, skill Using data, when held: Partial release \u2014 7 of 43 roles.",
  );
  assert.equal(R.describeFilters([["scope:", "District"]], 0, 1), "Filtered: scope: District \u2014 0 of 1 role.");
});

test("the module attaches to the page's global object as a classic script", () => {
  assert.equal(globalThis.TLRoles, R);
});
