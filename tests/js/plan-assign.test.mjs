// Suggestions (docs/javascripts/plan/assign.js): what a principal relies on when they ask for them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { TLPlan, fixtureCatalog, realCatalog, makeCatalog, makePlan, deepFreeze, random } = require("./support.cjs");

const catalog = fixtureCatalog();

/** Hours a role takes as the suggestions count them (a role with no figure: the documented default). */
function hoursOf(cat, role) {
  const h = TLPlan.roleFacts(cat, role).hours;
  return h === null ? TLPlan.DEFAULT_ROLE_HOURS : h;
}

/** Each person's roles (plan and current) and hours, as suggestions count them. */
function loads(plan, cat) {
  const out = new Map(plan.people.map((p) => [p.id, { roles: (p.current_roles || []).slice(), hours: 0 }]));
  for (const a of plan.assignments) out.get(a.person).roles.push(a.role);
  for (const [, l] of out) l.hours = l.roles.reduce((sum, r) => sum + hoursOf(cat, r), 0);
  return out;
}

function limitOf(person, cat) {
  const max = cat.planning && cat.planning.max_hours_per_week;
  const own = person.hours_per_week === null ? (max ?? TLPlan.DEFAULT_PERSON_HOURS) : person.hours_per_week;
  return max === undefined || max === null ? own : Math.min(own, max);
}

/** A faculty of `n` with random skills and hours, and `places` spread over the catalog's roles. */
function randomPlan(cat, n, places, seed) {
  const rand = random(seed);
  const skills = cat.skills.map((s) => s.id);
  const people = Array.from({ length: n }, (_, i) => ({
    name: `Teacher ${i + 1}`,
    skills: skills.filter(() => rand() < 0.4),
    hours: rand() < 0.1 ? null : Math.floor(rand() * 12) / 2,
    current: rand() < 0.1 ? [cat.roles[Math.floor(rand() * cat.roles.length)].id] : [],
  }));
  const openings = {};
  for (let k = 0; k < places; k++) {
    const role = cat.roles[Math.floor(rand() * cat.roles.length)].id;
    openings[role] = (openings[role] || 0) + 1;
  }
  return makePlan(people, openings);
}

function checkInvariants(before, result, cat) {
  const { plan } = result;
  const people = new Map(plan.people.map((p) => [p.id, p]));
  // Nobody above what they can give (unless kept assignments already put them there).
  const keptLoads = loads({ ...before, assignments: before.assignments.filter((a) => a.locked) }, cat);
  for (const [id, l] of loads(plan, cat)) {
    const limit = limitOf(people.get(id), cat);
    const newRoles = result.added.filter((a) => a.person === id).length;
    if (newRoles) assert.ok(l.hours <= limit + 1e-9, `${id}: ${l.hours} hours against ${limit}`);
    else assert.ok(l.hours <= Math.max(limit, keptLoads.get(id).hours) + 1e-9);
  }
  // Never a role the principal does not fill, never someone without any of its skills, never the
  // same person twice in a role.
  const pairs = new Set();
  for (const a of result.added) {
    assert.ok(TLPlan.roleFacts(cat, a.role).principalFills, `${a.role} was suggested`);
    const needs = TLPlan.roleFacts(cat, a.role).skills;
    assert.ok(needs.some((s) => people.get(a.person).skills.includes(s)), `${a.person} has none of ${a.role}'s skills`);
    assert.ok(a.reasons.matched.length >= 1, `${a.person} for ${a.role}: no skill matched`);
    assert.ok(!(people.get(a.person).current_roles || []).includes(a.role), `${a.person} already holds ${a.role}`);
  }
  for (const a of plan.assignments) {
    const key = `${a.person}/${a.role}`;
    assert.ok(!pairs.has(key), `${key} twice`);
    pairs.add(key);
  }
  // No role filled beyond its openings.
  const summary = TLPlan.summarize(plan, cat);
  for (const o of summary.openings) assert.ok(o.filled <= Math.max(o.count, before.assignments.filter((a) => a.role === o.role && a.locked).length));
}

test("suggestions keep everyone within the hours they can give", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const plan = randomPlan(catalog, 12, 25, seed);
    const result = TLPlan.suggest(plan, catalog);
    checkInvariants(plan, result, catalog);
    assert.ok(result.added.length > 0);
    // The summary agrees: nobody suggested into an overload.
    const suggested = new Set(result.added.map((a) => a.person));
    for (const p of TLPlan.summarize(result.plan, catalog).people) if (suggested.has(p.id)) assert.equal(p.overloaded, false, p.id);
  }
});

test("hours decide: a person with too little time is passed over, even with the best skills", () => {
  const cat = makeCatalog({ lead: { skills: ["a", "b"], hours: 3 } });
  const plan = makePlan([{ name: "Expert", skills: ["a", "b"], hours: 2 }, { name: "Novice", skills: ["b"], hours: 3 }], { lead: 1 });
  const result = TLPlan.suggest(plan, cat);
  assert.deepEqual(result.added.map((a) => a.person), ["p2"]);
  assert.deepEqual(result.added[0].reasons, { matched: ["b"], missing: ["a"], hoursLeft: 0 });
  // Roles held outside the plan use up hours too.
  const busy = makePlan([{ name: "Expert", skills: ["a", "b"], hours: 4, current: ["other"] }], { lead: 1 });
  const cat2 = makeCatalog({ lead: { skills: ["a", "b"], hours: 3 }, other: { skills: ["a"], hours: 2 } });
  const none = TLPlan.suggest(busy, cat2);
  assert.deepEqual(none.added, []);
  assert.deepEqual(none.unfilled, [{ role: "lead", count: 1, why: "No one who could take it has 3 hours a week left for it; add people, give more hours, or assign by hand." }]);
});

test("never a role the principal does not fill, with the reason given", () => {
  const plan = makePlan(
    [{ name: "Ana", skills: ["shared-leadership", "equity"] }, { name: "Ben", skills: ["equity", "adult-learning"] }],
    { "union-building-rep": 1, "instructional-coach": 1, "peer-observer": 1 },
  );
  const result = TLPlan.suggest(plan, catalog);
  assert.deepEqual(result.added.map((a) => a.role), ["peer-observer"]);
  const why = Object.fromEntries(result.unfilled.map((u) => [u.role, u.why]));
  assert.match(why["union-building-rep"], /^The principal does not fill this role \(Elected by union members.*\), so it is never suggested\.$/);
  assert.match(why["instructional-coach"], /The principal does not fill this role/);
});

test("locked assignments stay; unlocked ones are suggested afresh unless kept by hand", () => {
  const cat = makeCatalog({ data: { skills: ["data"], hours: 1 }, family: { skills: ["family"], hours: 1 } });
  let plan = makePlan(
    [{ name: "Ana", skills: ["data"], hours: 1 }, { name: "Ben", skills: ["family"], hours: 1 }, { name: "Cy", skills: [], hours: 1 }],
    { data: 1, family: 1 },
  );
  // The principal put Cy (no data skills) in the data role and locked it; Ana in family, unlocked.
  plan = TLPlan.assign(plan, "p3", "data");
  plan = TLPlan.setLocked(plan, "p3", "data", true);
  plan = TLPlan.assign(plan, "p1", "family");
  const fresh = TLPlan.suggest(plan, cat);
  assert.deepEqual(fresh.plan.assignments, [
    { person: "p3", role: "data", locked: true },
    { person: "p2", role: "family", locked: false },
  ]);
  assert.deepEqual(fresh.removed, [{ person: "p1", role: "family" }]);
  // An unlocked assignment the suggestions bring back is not reported as removed.
  const same = TLPlan.suggest(fresh.plan, cat);
  assert.deepEqual(same.plan.assignments, fresh.plan.assignments);
  assert.deepEqual(same.removed, []);
  const manual = TLPlan.suggest(plan, cat, { keepManual: true });
  assert.deepEqual(manual.plan.assignments, plan.assignments);
  assert.deepEqual([manual.added, manual.removed], [[], []]);
});

test("recorded choices for roles the planner cannot suggest stay, locked or not", () => {
  let plan = makePlan([{ name: "Ana", skills: ["equity"] }, { name: "Ben", skills: ["adult-learning"] }], { "union-building-rep": 1, "peer-observer": 1 });
  plan = TLPlan.assign(plan, "p1", "union-building-rep"); // elected by members; recorded by hand
  plan = TLPlan.assign(plan, "p2", "reading-recovery-lead"); // from an older inventory
  const result = TLPlan.suggest(plan, catalog);
  assert.deepEqual(result.plan.assignments.slice(0, 2), plan.assignments);
  assert.deepEqual(result.removed, []);
  assert.equal(result.added.length, 1);
});

test("roles spread: with enough skilled people, nobody gets two roles while a skilled person has none", () => {
  const cat = makeCatalog({
    r1: { skills: ["x"], hours: 1 },
    r2: { skills: ["x"], hours: 1 },
    r3: { skills: ["x", "y"], hours: 1 },
  });
  // The first person is the best fit for everything and has time for all of it.
  const plan = makePlan(
    [{ name: "Star", skills: ["x", "y"], hours: 10 }, { name: "B", skills: ["x"], hours: 2 }, { name: "C", skills: ["x"], hours: 2 }, { name: "D", skills: ["x", "y"], hours: 2 }],
    { r1: 2, r2: 1, r3: 1 },
  );
  const result = TLPlan.suggest(plan, cat);
  const counts = new Map();
  for (const a of result.added) counts.set(a.person, (counts.get(a.person) || 0) + 1);
  assert.deepEqual(Array.from(counts.values()), [1, 1, 1, 1]);
  // And on larger random faculties: if someone without any role brings every skill of a role and
  // has the hours for it, nobody holds that role as a second role.
  for (let seed = 1; seed <= 15; seed++) {
    const big = randomPlan(catalog, 30, 30, 100 + seed);
    const out = TLPlan.suggest(big, catalog);
    const l = loads(out.plan, catalog);
    const people = new Map(out.plan.people.map((p) => [p.id, p]));
    for (const a of out.added) {
      if (l.get(a.person).roles.length < 2) continue;
      const needs = TLPlan.roleFacts(catalog, a.role).skills;
      for (const [id, load] of l) {
        if (load.roles.length) continue;
        const p = people.get(id);
        const fits = hoursOf(catalog, a.role) <= limitOf(p, catalog) + 1e-9 && needs.every((s) => p.skills.includes(s));
        assert.ok(!fits, `seed ${seed}: ${a.person} got ${a.role} as a second role while ${id} has none and fits it`);
      }
    }
  }
});

test("no one gets a second new role that someone with no role at all could have taken", () => {
  // Whatever the skills: of one person's new roles, only the first can be one a person with no
  // role could take (the rounds fill every place they can with people who have none first);
  // "could take": the hours fit and they bring at least one of the role's skills.
  for (let seed = 1; seed <= 25; seed++) {
    const plan = randomPlan(catalog, 25, 40, 300 + seed);
    const out = TLPlan.suggest(plan, catalog);
    const l = loads(out.plan, catalog);
    const idle = out.plan.people.filter((p) => l.get(p.id).roles.length === 0);
    const byPerson = new Map();
    for (const a of out.added) byPerson.set(a.person, (byPerson.get(a.person) || []).concat(a.role));
    for (const [person, roles] of byPerson) {
      if (roles.length < 2) continue;
      for (const b of idle) {
        const takable = roles.filter(
          (r) => hoursOf(catalog, r) <= limitOf(b, catalog) + 1e-9 && TLPlan.roleFacts(catalog, r).skills.some((s) => b.skills.includes(s)),
        );
        assert.ok(takable.length <= 1, `seed ${seed}: ${person} got ${roles.join(", ")}; ${b.id} has no role and could take ${takable.join(", ")}`);
      }
    }
  }
});

test("someone already holding a role is passed over for an equal fit who holds none", () => {
  const cat = makeCatalog({ lead: { skills: ["x"], hours: 1 }, other: { skills: ["x"], hours: 1 } });
  // Ana (p1, first in ties) is already a leader outside the plan; Ben is not.
  const plan = makePlan([{ name: "Ana", skills: ["x"], hours: 5, current: ["other"] }, { name: "Ben", skills: ["x"], hours: 5 }], { lead: 1 });
  assert.deepEqual(TLPlan.suggest(plan, cat).added.map((a) => a.person), ["p2"]);
  // The same with a locked assignment in the plan instead of a current role.
  let locked = makePlan([{ name: "Ana", skills: ["x"], hours: 5 }, { name: "Ben", skills: ["x"], hours: 5 }], { lead: 1, other: 1 });
  locked = TLPlan.setLocked(TLPlan.assign(locked, "p1", "other"), "p1", "other", true);
  assert.deepEqual(TLPlan.suggest(locked, cat).added.map((a) => a.person), ["p2"]);
  // But a clearly better fit still gets it: Ben lacks the central skill.
  const cat2 = makeCatalog({ lead: { skills: ["x", "y"], hours: 1 }, other: { skills: ["x"], hours: 1 } });
  const better = makePlan([{ name: "Ana", skills: ["x", "y"], hours: 5, current: ["other"] }, { name: "Ben", skills: [], hours: 5 }], { lead: 1 });
  assert.deepEqual(TLPlan.suggest(better, cat2).added.map((a) => a.person), ["p1"]);
});

test("a suggestion rests on at least one of the role's skills; with none on the list, the place stays open and says so", () => {
  const cat = makeCatalog({ lead: { skills: ["a", "b"], hours: 1 }, other: { skills: ["c"], hours: 1 } });
  // Nobody brings a or b: no one is suggested, however much time they have, and the reason says
  // what is missing and what to do.
  const nobody = makePlan([{ name: "Ana", skills: ["c"], hours: 10 }, { name: "Ben", skills: [], hours: 10 }], { lead: 2, other: 1 });
  const result = TLPlan.suggest(nobody, cat);
  assert.deepEqual(result.added.map(({ person, role }) => [person, role]), [["p1", "other"]]);
  assert.deepEqual(result.unfilled, [
    {
      role: "lead",
      count: 2,
      why: "No one on your list has these skills yet (A or B): edit a person to tick the skills they bring, add someone who has them, or assign someone by hand.",
    },
  ]);
  // Before, a free person with none of the skills (cost 6 + 4) beat a skilled one already holding
  // a role (cost 7): now only the skilled one is suggested, the other ranking rules unchanged.
  const busy = makePlan([{ name: "Star", skills: ["a"], hours: 5, current: ["other"] }, { name: "Idle", skills: ["c"], hours: 5 }], { lead: 1 });
  const picked = TLPlan.suggest(busy, cat).added;
  assert.deepEqual(picked.map((a) => [a.person, a.reasons.matched]), [["p1", ["a"]]]);
  // The only people with the skills already hold the role: said as such.
  const held = makePlan([{ name: "Star", skills: ["b"], hours: 5 }, { name: "Idle", skills: ["c"], hours: 5 }], { lead: 2 }, [{ person: "p1", role: "lead", locked: true }]);
  assert.match(TLPlan.suggest(held, cat).unfilled[0].why, /^Everyone on your list with these skills \(A or B\) already holds this role; /);
  // Real skill names, from the catalog.
  const empty = makePlan([{ name: "Omar", skills: [] }], { "data-team-facilitator": 1 });
  assert.match(TLPlan.suggest(empty, catalog).unfilled[0].why, /^No one on your list has these skills yet \(Using data, Facilitating adult learning or Leading for equity\)/);
});

/**
 * The best total skill cost over every way of giving each role (one place each) to a different
 * person who brings at least one of its skills.
 */
function bruteForce(plan, cat, roles) {
  const people = plan.people;
  let best = Infinity;
  let bestFilled = -1;
  const cost = (p, role) =>
    TLPlan.roleFacts(cat, role).skills.reduce((sum, s, i) => sum + (p.skills.includes(s) ? 0 : TLPlan.SKILL_WEIGHTS[i] ?? 1), 0);
  const walk = (k, used, filled, total) => {
    if (k === roles.length) {
      if (filled > bestFilled || (filled === bestFilled && total < best)) [bestFilled, best] = [filled, total];
      return;
    }
    walk(k + 1, used, filled, total); // leave the role open
    people.forEach((p, i) => {
      if (used & (1 << i) || hoursOf(cat, roles[k]) > p.hours_per_week) return;
      if (!TLPlan.roleFacts(cat, roles[k]).skills.some((s) => p.skills.includes(s))) return;
      walk(k + 1, used | (1 << i), filled + 1, total + cost(p, roles[k]));
    });
  };
  walk(0, 0, 0, 0);
  return { filled: bestFilled, cost: best };
}

function suggestedCost(result, plan, cat) {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  return result.added.reduce(
    (sum, a) => sum + TLPlan.roleFacts(cat, a.role).skills.reduce((s, skill, i) => s + (people.get(a.person).skills.includes(skill) ? 0 : TLPlan.SKILL_WEIGHTS[i]), 0),
    0,
  );
}

test("optimal, not first-come: the flow beats a greedy first match on a crafted case", () => {
  // Greedy in opening order gives the coaching role to Ana (she has coaching, and data too) and
  // leaves Ben, who has only coaching, for the data role he cannot do. The best plan swaps them.
  const cat = makeCatalog({ coach: { skills: ["coaching"], hours: 1 }, data: { skills: ["data"], hours: 1 } });
  const plan = makePlan([{ name: "Ana", skills: ["coaching", "data"], hours: 1 }, { name: "Ben", skills: ["coaching"], hours: 1 }], { coach: 1, data: 1 });
  const greedy = [];
  const used = new Set();
  for (const o of plan.openings) {
    const pick = plan.people.find((p) => !used.has(p.id) && TLPlan.roleFacts(cat, o.role).skills.every((s) => p.skills.includes(s)))
      || plan.people.find((p) => !used.has(p.id));
    used.add(pick.id);
    greedy.push({ person: pick.id, role: o.role });
  }
  assert.deepEqual(greedy, [{ person: "p1", role: "coach" }, { person: "p2", role: "data" }]);
  const result = TLPlan.suggest(plan, cat);
  assert.deepEqual(result.added.map(({ person, role }) => ({ person, role })), [{ person: "p2", role: "coach" }, { person: "p1", role: "data" }]);
  assert.deepEqual(result.added.map((a) => a.reasons.missing), [[], []]);
});

test("optimal on small random cases: the same total as trying every assignment", () => {
  const cat = makeCatalog({
    a: { skills: ["s1", "s2", "s3"], hours: 1 },
    b: { skills: ["s2", "s4"], hours: 1 },
    c: { skills: ["s3", "s1"], hours: 1 },
    d: { skills: ["s4", "s5", "s1", "s2"], hours: 1 },
  });
  const skills = ["s1", "s2", "s3", "s4", "s5"];
  for (let seed = 1; seed <= 40; seed++) {
    const rand = random(seed);
    // Hours for one role at most (or none), so each person takes at most one: a pure assignment problem.
    const people = Array.from({ length: 3 + Math.floor(rand() * 3) }, (_, i) => ({
      name: `T${i}`,
      skills: skills.filter(() => rand() < 0.4),
      hours: rand() < 0.2 ? 0 : 1.5,
    }));
    const plan = makePlan(people, { a: 1, b: 1, c: 1, d: 1 });
    const result = TLPlan.suggest(plan, cat);
    const best = bruteForce(plan, cat, ["a", "b", "c", "d"]);
    assert.equal(result.added.length, best.filled, `seed ${seed}: places filled`);
    assert.equal(suggestedCost(result, plan, cat), best.cost, `seed ${seed}: total skill cost`);
  }
});

test("the same input gives the same suggestions, whatever order people were entered in", () => {
  const plan = randomPlan(catalog, 40, 60, 7);
  const first = TLPlan.suggest(plan, catalog);
  const second = TLPlan.suggest(JSON.parse(JSON.stringify(plan)), catalog);
  assert.deepEqual(second, first);
  const reversed = { ...plan, people: plan.people.slice().reverse(), openings: plan.openings.slice() };
  const third = TLPlan.suggest(reversed, catalog);
  const pairs = (r) => r.added.map((a) => `${a.person}/${a.role}`).sort();
  assert.deepEqual(pairs(third), pairs(first));
});

test("ties go to the lower person id (p2 before p10)", () => {
  const cat = makeCatalog({ lead: { skills: ["x"], hours: 1 } });
  const people = Array.from({ length: 12 }, (_, i) => ({ name: `T${i + 1}`, skills: ["x"], hours: 2 }));
  let plan = makePlan(people, { lead: 2 });
  plan = TLPlan.removePerson(plan, "p1");
  assert.deepEqual(TLPlan.suggest(plan, cat).added.map((a) => a.person), ["p2", "p3"]);
  plan = { ...plan, people: plan.people.slice().reverse() };
  assert.deepEqual(TLPlan.suggest(plan, cat).added.map((a) => a.person), ["p2", "p3"]);
});

test("nobody is put in the same role twice; places nobody else can take stay open, with why", () => {
  const cat = makeCatalog({ mentor: { skills: ["x"], hours: 1 } });
  const plan = makePlan([{ name: "Ana", skills: ["x"], hours: 20 }], { mentor: 4 });
  const result = TLPlan.suggest(plan, cat);
  assert.deepEqual(result.added.map((a) => a.person), ["p1"]);
  assert.deepEqual(result.unfilled, [{ role: "mentor", count: 3, why: "Everyone in the plan already holds this role." }]);
});

test("reasons: skills matched and missing in the role's order, hours left after every suggestion", () => {
  const cat = makeCatalog({ lead: { skills: ["a", "b", "c"], hours: 1.5 }, helper: { skills: ["c"], hours: 1 } });
  const plan = makePlan([{ name: "Ana", skills: ["c", "a"], hours: 3 }], { lead: 1, helper: 1 });
  const result = TLPlan.suggest(plan, cat);
  assert.deepEqual(result.added, [
    { person: "p1", role: "lead", reasons: { matched: ["a", "c"], missing: ["b"], hoursLeft: 0.5 } },
    { person: "p1", role: "helper", reasons: { matched: ["c"], missing: [], hoursLeft: 0.5 } },
  ]);
});

test("unknown hours: a person without hours gets the district's limit or 3, a role without a figure 2", () => {
  const cat = makeCatalog({ big: { skills: ["x"], hours: 3.5 }, seasonal: { skills: ["x"], hours: null } });
  const plan = makePlan([{ name: "Ana", skills: ["x"], hours: null }], { big: 1, seasonal: 1 });
  const result = TLPlan.suggest(plan, cat);
  assert.deepEqual(result.added.map((a) => [a.role, a.reasons.hoursLeft, a.reasons.assumedHours]), [["seasonal", 1, true]]);
  assert.match(result.unfilled[0].why, /No one who could take it has 3\.5 hours a week left/);
  const withLimit = { ...cat, planning: { currency: "USD", max_hours_per_week: 6, roles: {} } };
  assert.deepEqual(TLPlan.suggest(plan, withLimit).added.map((a) => a.role).sort(), ["big", "seasonal"]);
});

test("a role from an older inventory stays open and in the plan, flagged", () => {
  const plan = makePlan([{ name: "Ana", skills: ["data-use"] }], { "reading-recovery-lead": 1, "data-team-facilitator": 1 });
  const result = TLPlan.suggest(plan, catalog);
  assert.deepEqual(result.added.map((a) => a.role), ["data-team-facilitator"]);
  assert.deepEqual(result.plan.openings, plan.openings);
  assert.match(result.unfilled[0].why, /not in the current inventory/);
});

test("suggest does not change the plan it is given", () => {
  const plan = deepFreeze(randomPlan(catalog, 10, 12, 3));
  const before = JSON.stringify(plan);
  TLPlan.suggest(plan, catalog);
  assert.equal(JSON.stringify(plan), before);
});

test("the toolkit's whole inventory: 150 people and 500 places, every rule holds", (t) => {
  const real = realCatalog();
  if (!real) {
    t.skip("TL_ROLES_JSON not set (tests/test_js_units.py builds roles.json from data/ and sets it)");
    return;
  }
  const plan = randomPlan(real, 150, 500, 11);
  const result = TLPlan.suggest(plan, real);
  checkInvariants(plan, result, real);
  assert.ok(result.added.length > 150, `only ${result.added.length} suggested`);
  const notPrincipal = real.roles.filter((r) => r.filled_by !== "principal").map((r) => r.id);
  assert.ok(notPrincipal.length > 0);
  assert.ok(result.unfilled.some((u) => notPrincipal.includes(u.role)));
  assert.equal(TLPlan.serializePlan(TLPlan.suggest(plan, real).plan), TLPlan.serializePlan(result.plan));
});
