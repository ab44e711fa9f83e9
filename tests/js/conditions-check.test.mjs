// The school-conditions check's logic (docs/javascripts/conditions/check.js): the saved answers,
// the changes to them, and the action plan's order and status line.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { ROOT, deepFreeze } = require("./support.cjs");
const FILE = path.join(ROOT, "docs/javascripts/conditions/check.js");
const C = require(FILE);

const RATINGS = ["Not yet", "Getting started", "Partly in place", "Fully in place"];

/** A sign's key in makeData's data: made up, as the page only compares them (self_assessment.sign_key). */
const key = (id, i) => `${id}${i}0000000`.slice(0, 8);

/** Data in the shape content/self_assessment.py embeds: {id: number of signs, or their keys} in page order. */
function makeData(signs) {
  return deepFreeze({
    ratings: RATINGS,
    conditions: Object.entries(signs).map(([id, count]) => ({
      id,
      name: `Condition ${id}`,
      signs: Array.isArray(count) ? count : Array.from({ length: count }, (_, i) => key(id, i)),
      strategies: [`Try something for ${id}`, `Try another thing for ${id}`],
      links: [{ kind: "principal move", title: `A move for ${id}`, skill: "Using data" }],
    })),
  });
}

/** The whole toolkit's check data, written by tests/test_js_units.py (null when run by hand). */
function realData() {
  const file = process.env.TL_CONDITIONS_JSON;
  return file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf-8")) : null;
}

const data = makeData({ a: 3, b: 4, c: 2, d: 3, e: 1 });

function answer(list) {
  // list of [id, rating, ticked signs, note]
  let answers = C.emptyAnswers();
  for (const [id, rating, signs, note] of list) {
    for (const s of signs || []) answers = C.setSign(answers, data, id, key(id, s), true);
    answers = C.setRating(answers, data, id, rating);
    if (note) answers = C.setNote(answers, data, id, note);
  }
  return answers;
}

const ids = (entries) => entries.map((e) => e.id);

// --- the action plan's order --------------------------------------------------------------------

test("rated conditions come weakest first: by rating, then by the share of signs ticked", () => {
  const summary = C.summarize(
    answer([
      ["a", 3, [0]], // 3, 1/3
      ["b", 1, [0, 1]], // 1, 2/4
      ["c", 1, [0]], // 1, 1/2: same share as b, after it in page order
      ["d", 1, []], // 1, 0/3: weakest
      ["e", 4, [0]], // 4, 1/1: strongest
    ]),
    data,
  );
  assert.deepEqual(ids(summary.rated), ["d", "b", "c", "a", "e"]);
  assert.deepEqual(summary.unrated, []);
  assert.equal(summary.ratedCount, 5);
});

test("a share is compared, not a count: 1 of 4 signs is weaker than 1 of 2", () => {
  const summary = C.summarize(answer([["c", 2, [0]], ["b", 2, [3]]]), data);
  assert.deepEqual(ids(summary.rated), ["b", "c"]);
  assert.equal(summary.rated[0].share, 0.25);
});

test("unrated conditions are listed apart, as not yet rated, in page order, even with signs ticked", () => {
  const summary = C.summarize(answer([["b", 2, []], ["d", 0, [0, 1]]]), data);
  assert.deepEqual(ids(summary.rated), ["b"]);
  assert.deepEqual(ids(summary.unrated), ["a", "c", "d", "e"]);
  const d = summary.unrated.find((e) => e.id === "d");
  assert.equal(d.ratingLabel, "Not yet rated");
  assert.equal(C.signsText(d), "2 of 3 signs ticked");
});

test("each entry carries its rating's words, its strategies, links and trimmed note", () => {
  const summary = C.summarize(answer([["a", 2, [1], "  Ask the ILT in March \n"]]), data);
  const [a] = summary.rated;
  assert.equal(a.ratingLabel, "Getting started");
  assert.equal(a.note, "Ask the ILT in March");
  assert.deepEqual(a.strategies, data.conditions[0].strategies);
  assert.deepEqual(a.links, data.conditions[0].links);
});

test("the status line names how many are rated and the weakest", () => {
  assert.equal(C.statusText(C.summarize(C.emptyAnswers(), data)), "No condition rated yet. Rate one to start your action plan.");
  assert.equal(
    C.statusText(C.summarize(answer([["a", 3, [0]], ["e", 1, [0]]]), data)),
    "2 of 5 conditions rated. Weakest: Condition e (Not yet, 1 of 1 sign ticked).",
  );
  const all = answer(["a", "b", "c", "d", "e"].map((id) => [id, 4, []]));
  assert.match(C.statusText(C.summarize(all, data)), /^All 5 conditions rated\. Weakest: Condition a \(Fully in place, 0 of 3 signs ticked\)\.$/);
});

// --- changes --------------------------------------------------------------------------------------

test("changes return new answers and never change the ones given", () => {
  const before = deepFreeze(answer([["a", 2, [0]]]));
  const after = C.setSign(before, data, "a", key("a", 2), true);
  assert.deepEqual(C.answerFor(after, "a").signs, [key("a", 0), key("a", 2)]);
  assert.deepEqual(C.answerFor(before, "a").signs, [key("a", 0)]);
  assert.deepEqual(C.answerFor(C.setSign(after, data, "a", key("a", 0), false), "a").signs, [key("a", 2)]);
});

test("a condition with nothing ticked, rated or noted leaves no entry", () => {
  let answers = answer([["a", 2, [1]]]);
  answers = C.setRating(answers, data, "a", 0);
  answers = C.setSign(answers, data, "a", key("a", 1), false);
  assert.deepEqual(answers.answers, {});
  assert.deepEqual(C.answerFor(answers, "a"), { signs: [], rating: 0, note: "" });
});

test("ratings off the scale and signs that do not exist are not kept; an unknown condition is refused", () => {
  let answers = C.setRating(C.emptyAnswers(), data, "a", 7);
  assert.equal(C.answerFor(answers, "a").rating, 0);
  answers = C.setSign(answers, data, "a", key("a", 3), true); // a has signs 0..2
  answers = C.setSign(answers, data, "a", key("b", 0), true); // another condition's sign
  answers = C.setSign(answers, data, "a", 0, true); // a position, as version 1 saved
  assert.deepEqual(answers.answers, {});
  assert.throws(() => C.setRating(C.emptyAnswers(), data, "nope", 2), /no condition "nope"/);
});

test("a note is cut at the limit", () => {
  const answers = C.setNote(C.emptyAnswers(), data, "b", "x".repeat(C.NOTE_LIMIT + 50));
  assert.equal(C.answerFor(answers, "b").note.length, C.NOTE_LIMIT);
});

// --- saving and reading back ------------------------------------------------------------------------

test("answers survive saving and reading back, text identical", () => {
  const answers = answer([["c", 1, [1], "Talk to Ana"], ["a", 3, [0, 2]]]);
  const text = C.serializeAnswers(answers, data);
  const back = C.parseAnswers(text, data);
  assert.deepEqual(back, answers);
  assert.equal(C.serializeAnswers(back, data), text);
  // Conditions in page order, so the same answers give the same text.
  assert.deepEqual(Object.keys(JSON.parse(text).answers), ["a", "c"]);
});

test("saved text that is not ours, or broken, reads as no answers and never throws", () => {
  for (const text of [null, undefined, "", "{", "[]", "null", "42", '{"format":"tltoolkit-plan","version":1,"answers":{}}',
    '{"format":"tltoolkit-conditions","version":3,"answers":{"a":{"rating":2}}}', '{"format":"tltoolkit-conditions","version":2}',
    '{"format":"tltoolkit-conditions","version":2,"answers":[]}',
    "x".repeat(600 * 1024)]) {
    assert.deepEqual(C.parseAnswers(text, data), C.emptyAnswers(), String(text).slice(0, 40));
  }
});

test("reading back keeps what still fits the data and drops the rest", () => {
  const text = JSON.stringify({
    format: C.FORMAT,
    version: C.VERSION,
    answers: {
      a: { signs: [key("a", 2), key("a", 0), key("a", 2), key("a", 9), key("b", 1), 1, null, {}], rating: 3, note: 5 },
      gone: { signs: [0], rating: 2, note: "a condition the district removed" },
      b: { signs: "0", rating: "2", note: "<script>alert(1)</script>" },
      c: { rating: 0 },
    },
  });
  const back = C.parseAnswers(text, data);
  assert.deepEqual(back.answers, {
    a: { signs: [key("a", 0), key("a", 2)], rating: 3, note: "" },
    b: { signs: [], rating: 0, note: "<script>alert(1)</script>" }, // text, shown as text by the page
  });
});

test("ticks follow the sign's text: reordered signs keep them, an edited sign loses its tick, no other sign gains one", () => {
  // The toolkit's list, then a district's overlay that reorders it and rewords one sign.
  const before = makeData({ a: ["k-plan", "k-time", "k-voice"], b: 2 });
  let answers = C.emptyAnswers();
  answers = C.setSign(answers, before, "a", "k-plan", true);
  answers = C.setSign(answers, before, "a", "k-voice", true);
  answers = C.setRating(answers, before, "a", 2);
  const text = C.serializeAnswers(answers, before);
  const reordered = makeData({ a: ["k-voice", "k-plan", "k-time"], b: 2 });
  const back = C.readAnswers(text, reordered);
  assert.equal(back.droppedTicks, 0);
  assert.deepEqual(C.answerFor(back.answers, "a"), { signs: ["k-voice", "k-plan"], rating: 2, note: "" });
  assert.equal(C.signsText(C.summarize(back.answers, reordered).rated[0]), "2 of 3 signs ticked");
  // "k-voice" reworded: a new key, so its tick is gone and lands nowhere else.
  const edited = makeData({ a: ["k-plan", "k-time", "k-voice-2026"], b: 2 });
  assert.deepEqual(C.answerFor(C.parseAnswers(text, edited), "a").signs, ["k-plan"]);
});

test("ticks saved by position (version 1) are dropped and counted; ratings and notes stay", () => {
  const old = JSON.stringify({
    format: C.FORMAT,
    version: 1,
    answers: { a: { signs: [0, 2], rating: 3, note: "Ask the ILT" }, b: { signs: [1], rating: 0, note: "" }, gone: { signs: [0], rating: 1, note: "" } },
  });
  const back = C.readAnswers(old, data);
  assert.equal(back.droppedTicks, 3); // the removed condition's tick is not counted
  assert.deepEqual(back.answers.answers, { a: { signs: [], rating: 3, note: "Ask the ILT" } });
  assert.deepEqual(C.parseAnswers(old, data), back.answers);
  // Saved again, the answers are in the current form, and read back nothing is dropped.
  const again = C.readAnswers(C.serializeAnswers(back.answers, data), data);
  assert.equal(JSON.parse(C.serializeAnswers(back.answers, data)).version, C.VERSION);
  assert.deepEqual(again, { answers: back.answers, droppedTicks: 0 });
});

test("two sites on one host keep their answers under different keys", () => {
  assert.equal(C.storageKey("/district-a/"), "tltoolkit-conditions:/district-a/");
  assert.notEqual(C.storageKey("/district-a/"), C.storageKey("/district-b/"));
  assert.equal(C.storageKey("/district-a"), C.storageKey("/district-a/"));
  assert.equal(C.storageKey(""), "tltoolkit-conditions:/");
});

// --- the real data and the script as a page loads it ---------------------------------------------------

test("with the toolkit's own conditions, every one is listed once, rated or not", (t) => {
  const real = realData();
  if (!real) return t.skip("TL_CONDITIONS_JSON not set (tests/test_js_units.py sets it)");
  assert.deepEqual(real.ratings, RATINGS);
  assert.ok(real.conditions.length >= 5);
  let answers = C.emptyAnswers();
  real.conditions.forEach((c, i) => {
    if (i % 2 === 0) answers = C.setRating(answers, real, c.id, 1 + (i % real.ratings.length));
  });
  const summary = C.summarize(answers, real);
  const listed = [...ids(summary.rated), ...ids(summary.unrated)].sort();
  assert.deepEqual(listed, real.conditions.map((c) => c.id).sort());
  for (let i = 1; i < summary.rated.length; i++) assert.ok(C.compareEntries(summary.rated[i - 1], summary.rated[i]) < 0);
  // Moves are linked through see_also: some conditions have them.
  assert.ok(real.conditions.some((c) => c.links.some((l) => l.kind === "principal move")));
  // Every sign has its own key within its condition.
  for (const c of real.conditions) {
    assert.ok(c.signs.length >= 1 && c.signs.every((k) => /^[0-9a-f]{8}(-\d+)?$/.test(k)), c.id);
    assert.equal(new Set(c.signs).size, c.signs.length, c.id);
  }
});

test("as a <script> in a page, check.js gives window.TLConditions and reaches nothing outside its inputs", () => {
  const text = fs.readFileSync(FILE, "utf-8");
  const window = {};
  window.window = window;
  window.globalThis = window;
  vm.runInContext(text, vm.createContext(window), { filename: "check.js" });
  for (const name of ["parseAnswers", "serializeAnswers", "setSign", "setRating", "setNote", "summarize", "statusText", "storageKey"]) {
    assert.equal(typeof window.TLConditions[name], "function", name);
  }
  assert.doesNotMatch(text, /^\s*(import|export)\s/m, "check.js is a module");
  assert.doesNotMatch(text, /\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|localStorage|document)\b/);
});
