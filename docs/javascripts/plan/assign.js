/* Suggestions for the school plan: fill open places with the best-fit people, within each
 * person's hours, spreading roles across people, never a role the principal does not fill.
 *
 * Classic script after model.js (adds TLPlan.suggest); a CommonJS module in Node. Pure: the
 * plan passed in is not changed. The method, the costs and their reasons are in README.md here.
 */
(function (root) {
  "use strict";

  const model = typeof module === "object" && module.exports ? require("./model.js") : root.TLPlan;

  // Cost of each of a role's skills the person lacks, by the skill's place in the role's list
  // (most central first); skills past the fourth cost 1.
  const SKILL_WEIGHTS = [6, 4, 3, 2];
  // Cost for each role a person already holds: just above missing the central skill, so a
  // second role goes to someone only when they fit clearly better than anyone with none.
  const EXTRA_ROLE_COST = 7;
  // Hours a week assumed for a role with no weekly figure (seasonal work, unknown role).
  const DEFAULT_ROLE_HOURS = 2;
  // Hours a week assumed for a person whose hours are not given, when the district sets no limit.
  const DEFAULT_PERSON_HOURS = 3;
  const EPSILON = 1e-9;
  const MAX_ROUNDS = 100;

  function isNumber(value) {
    return typeof value === "number" && Number.isFinite(value);
  }

  function round2(value) {
    return Math.round(value * 100) / 100;
  }

  // --- min-cost flow ---------------------------------------------------------------------------

  /**
   * One round's min-cost max-flow: source -> people (capacity 1) -> roles -> sink (capacity
   * `cap[r]`, the role's open places), edge costs `cost[p * R + r]` (Infinity: no edge).
   * Returns each person's role (-1 for none).
   *
   * Successive shortest paths with potentials. A path from the source enters a free person,
   * then alternates role -> a person holding it this round -> another role, and ends at a role
   * with a free place. People in the middle of a path only move from one role to another and
   * their potentials cancel out, so Dijkstra runs on the roles alone (dense, R is small) and one
   * augmentation costs about people x roles steps. Ties go to the lower role, then the lower
   * person, so the result is deterministic.
   */
  function minCostAssignment(P, R, cost, cap) {
    const assigned = new Int32Array(P).fill(-1);
    const load = new Int32Array(R);
    const potential = new Float64Array(R);
    let sinkPotential = 0;
    const dist = new Float64Array(R);
    const done = new Uint8Array(R);
    const prevPerson = new Int32Array(R);
    const prevRole = new Int32Array(R);
    const firstInRole = new Int32Array(R);
    const nextInRole = new Int32Array(P);
    // Each role's cheapest free person. Potentials shift a role's column evenly, so this only
    // changes when that person is placed (and a placed person stays placed in this round).
    const freeCost = new Float64Array(R).fill(Infinity);
    const freeBest = new Int32Array(R).fill(-1);
    const cheapestFree = (r) => {
      freeCost[r] = Infinity;
      freeBest[r] = -1;
      for (let p = 0; p < P; p++) {
        if (assigned[p] === -1 && cost[p * R + r] < freeCost[r]) {
          freeCost[r] = cost[p * R + r];
          freeBest[r] = p;
        }
      }
    };
    for (let r = 0; r < R; r++) cheapestFree(r);
    for (;;) {
      // Who holds each role this round, lowest person first.
      firstInRole.fill(-1);
      for (let p = P - 1; p >= 0; p--) {
        const r = assigned[p];
        if (r >= 0) {
          nextInRole[p] = firstInRole[r];
          firstInRole[r] = p;
        }
      }
      // Reduced distances from the source to each role through its cheapest free person.
      done.fill(0);
      for (let r = 0; r < R; r++) {
        dist[r] = freeCost[r] - potential[r];
        prevPerson[r] = freeBest[r];
        prevRole[r] = -1;
      }
      // Dense Dijkstra over the roles, the sink included: stop as soon as the sink is nearest.
      let end = -1;
      let toSink = Infinity;
      for (let k = 0; k < R; k++) {
        let u = -1;
        let best = Infinity;
        for (let r = 0; r < R; r++) {
          if (!done[r] && dist[r] < best) {
            best = dist[r];
            u = r;
          }
        }
        if (u < 0 || toSink <= best) break;
        done[u] = 1;
        if (load[u] < cap[u]) {
          const d = best + potential[u] - sinkPotential;
          if (d < toSink) {
            toSink = d;
            end = u;
          }
        }
        // From role u, one of its people moves to another role r.
        for (let p = firstInRole[u]; p !== -1; p = nextInRole[p]) {
          const row = p * R;
          const base = best - cost[row + u] + potential[u];
          for (let r = 0; r < R; r++) {
            if (done[r]) continue;
            const d = base + cost[row + r] - potential[r];
            if (d < dist[r]) {
              dist[r] = d;
              prevPerson[r] = p;
              prevRole[r] = u;
            }
          }
        }
      }
      if (end < 0) break;
      // Potentials stay feasible when capped at the sink's distance (roles not reached before the
      // sink are at least that far).
      for (let r = 0; r < R; r++) potential[r] += Math.min(dist[r], toSink);
      sinkPotential += toSink;
      let start = -1;
      for (let r = end; r !== -1; ) {
        const p = prevPerson[r];
        const from = prevRole[r];
        assigned[p] = r;
        if (from === -1) start = p;
        r = from;
      }
      load[end] += 1;
      for (let r = 0; r < R; r++) if (freeBest[r] === start) cheapestFree(r);
    }
    return assigned;
  }

  // --- suggestions ----------------------------------------------------------------------------

  function mismatch(roleSkills, personSkills) {
    let cost = 0;
    roleSkills.forEach((skill, i) => {
      if (!personSkills.has(skill)) cost += i < SKILL_WEIGHTS.length ? SKILL_WEIGHTS[i] : 1;
    });
    return cost;
  }

  function hoursText(hours) {
    return `${round2(hours)} hour${round2(hours) === 1 ? "" : "s"}`;
  }

  /**
   * Fill the plan's open places. Returns {plan, added, unfilled, removed}; see README.md.
   * options.keepManual: keep every existing assignment, not only the locked ones.
   */
  function suggest(plan, catalog, options) {
    const keepAll = Boolean(options && options.keepManual);
    const district = (catalog && catalog.planning) || null;
    const maxHours = district && isNumber(district.max_hours_per_week) ? district.max_hours_per_week : null;
    const factsCache = new Map();
    const facts = (roleId) => {
      if (!factsCache.has(roleId)) factsCache.set(roleId, model.roleFacts(catalog, roleId));
      return factsCache.get(roleId);
    };
    const roleHours = (roleId) => {
      const h = facts(roleId).hours;
      return h === null ? DEFAULT_ROLE_HOURS : h;
    };

    const personIds = new Set(plan.people.map((p) => p.id));
    // Kept: locked assignments, every one with keepManual, and always those to roles the planner
    // cannot suggest (not filled by the principal, or not in this inventory): they record a
    // choice made elsewhere, which suggesting afresh could only lose.
    const keeps = (a) => keepAll || a.locked || !(facts(a.role).known && facts(a.role).principalFills);
    const kept = plan.assignments.filter((a) => personIds.has(a.person) && keeps(a));
    const dropped = plan.assignments.filter((a) => personIds.has(a.person) && !keeps(a));

    // Each person's budget, load and roles held (kept assignments and roles held outside the plan).
    const people = plan.people.slice().sort((a, b) => model.compareIds(a.id, b.id));
    const state = new Map();
    for (const p of people) {
      const assumed = !isNumber(p.hours_per_week);
      const own = assumed ? (maxHours === null ? DEFAULT_PERSON_HOURS : maxHours) : p.hours_per_week;
      const holds = new Set(p.current_roles || []);
      state.set(p.id, {
        person: p,
        limit: maxHours === null ? own : Math.min(own, maxHours),
        assumed,
        load: 0,
        holds,
        skills: new Set(p.skills || []),
      });
    }
    for (const a of kept) state.get(a.person).holds.add(a.role);
    for (const s of state.values()) for (const role of s.holds) s.load += roleHours(role);

    // Open places per role the planner may fill; the rest are reported with the reason.
    const filledByKept = new Map();
    for (const a of kept) filledByKept.set(a.role, (filledByKept.get(a.role) || 0) + 1);
    const openingOrder = new Map(plan.openings.map((o, i) => [o.role, i]));
    const open = new Map();
    const unfilled = [];
    for (const o of plan.openings) {
      const count = o.count - (filledByKept.get(o.role) || 0);
      if (count <= 0) continue;
      const f = facts(o.role);
      if (!f.known) {
        unfilled.push({ role: o.role, count, why: "This role is not in the current inventory, so the planner cannot suggest anyone; assign someone by hand." });
      } else if (!f.principalFills) {
        const who = f.filledByNote ? f.filledByNote.replace(/\.$/, "") : `filled by ${f.filledBy}`;
        unfilled.push({ role: o.role, count, why: `The principal does not fill this role (${who}), so it is never suggested.` });
      } else {
        open.set(o.role, count);
      }
    }
    const roles = Array.from(open.keys()).sort(model.compareIds);

    // Rounds: each person takes at most one more role per round, so a person-role edge exists
    // only when the role fits the hours they have left, and every flow respects hours exactly.
    const P = people.length;
    const R = roles.length;
    const hoursOfRole = Float64Array.from(roles, roleHours);
    const fit = new Int32Array(P * R); // skill mismatch, fixed for the whole run
    // Whether the person brings at least one of the role's skills: a suggestion is never made
    // without one (a principal could not defend it); the costs then rank those who do.
    const brings = new Uint8Array(P * R);
    const holds = new Uint8Array(P * R);
    const load = new Float64Array(P);
    const limit = new Float64Array(P);
    const held = new Int32Array(P);
    people.forEach((p, i) => {
      const s = state.get(p.id);
      load[i] = s.load;
      limit[i] = s.limit;
      held[i] = s.holds.size;
      roles.forEach((role, j) => {
        fit[i * R + j] = mismatch(facts(role).skills, s.skills);
        brings[i * R + j] = facts(role).skills.some((skill) => s.skills.has(skill)) ? 1 : 0;
        holds[i * R + j] = s.holds.has(role) ? 1 : 0;
      });
    });
    const places = Int32Array.from(roles, (r) => open.get(r));
    const added = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const got = solveRound({ P, R, fit, brings, holds, load, limit, held, hoursOfRole, places });
      if (!got.length) break;
      for (const [i, j] of got) {
        holds[i * R + j] = 1;
        load[i] += hoursOfRole[j];
        held[i] += 1;
        places[j] -= 1;
        const s = state.get(people[i].id);
        s.holds.add(roles[j]);
        s.load = load[i];
        added.push({ person: people[i].id, role: roles[j] });
      }
    }
    roles.forEach((role, j) => open.set(role, places[j]));

    const addedOut = added
      .sort((x, y) => openingOrder.get(x.role) - openingOrder.get(y.role) || model.compareIds(x.person, y.person))
      .map(({ person, role }) => {
        const s = state.get(person);
        const roleSkills = facts(role).skills;
        const reasons = {
          matched: roleSkills.filter((skill) => s.skills.has(skill)),
          missing: roleSkills.filter((skill) => !s.skills.has(skill)),
          hoursLeft: round2(Math.max(0, s.limit - s.load)),
        };
        if (s.assumed) reasons.assumedHours = true;
        return { person, role, reasons };
      });

    for (const role of roles) {
      const left = open.get(role);
      if (left > 0) unfilled.push({ role, count: left, why: whyOpen(role, people, state, roleHours, facts, catalog) });
    }
    unfilled.sort((x, y) => openingOrder.get(x.role) - openingOrder.get(y.role));

    const next = {
      format: model.FORMAT,
      version: model.VERSION,
      school: plan.school || "",
      year: plan.year || "",
      people: plan.people.slice(),
      openings: plan.openings.slice(),
      assignments: kept.concat(addedOut.map(({ person, role }) => ({ person, role, locked: false }))),
    };
    // Earlier unlocked assignments that the new suggestions did not bring back.
    const again = new Set(addedOut.map((a) => a.person + "\u0000" + a.role));
    const removed = dropped.filter((a) => !again.has(a.person + "\u0000" + a.role)).map((a) => ({ person: a.person, role: a.role }));
    return { plan: next, added: addedOut, unfilled, removed };
  }

  /**
   * One round: a min-cost max-flow from people (one role each) to roles (their open places).
   * Returns [person index, role index] pairs.
   */
  function solveRound({ P, R, fit, brings, holds, load, limit, held, hoursOfRole, places }) {
    // Only roles with places left take part (columns renumbered), so the search stays small.
    const active = [];
    for (let j = 0; j < R; j++) if (places[j] > 0) active.push(j);
    const A = active.length;
    if (!A) return [];
    const cost = new Float64Array(P * A).fill(Infinity);
    let maxBase = 0;
    let edges = 0;
    for (let i = 0; i < P; i++) {
      for (let k = 0; k < A; k++) {
        const j = active[k];
        if (!brings[i * R + j] || holds[i * R + j] || load[i] + hoursOfRole[j] > limit[i] + EPSILON) continue;
        const base = fit[i * R + j] + EXTRA_ROLE_COST * held[i];
        cost[i * A + k] = base;
        if (base > maxBase) maxBase = base;
        edges += 1;
      }
    }
    if (!edges) return [];
    // Ties go to lower person ids, then role ids: a tie-break term too small to outweigh a cost
    // difference of 1 (scaled above the largest possible sum of tie terms), if numbers stay exact.
    let total = 0;
    for (const j of active) total += places[j];
    const flow = Math.min(P, total);
    const scale = flow * P * R + 1;
    if ((maxBase + 1) * scale * (flow + 1) <= Number.MAX_SAFE_INTEGER) {
      for (let i = 0; i < P; i++) {
        for (let k = 0; k < A; k++) {
          const at = i * A + k;
          if (cost[at] !== Infinity) cost[at] = cost[at] * scale + i * R + active[k];
        }
      }
    }
    const assigned = minCostAssignment(P, A, cost, Int32Array.from(active, (j) => places[j]));
    const got = [];
    for (let i = 0; i < P; i++) if (assigned[i] >= 0) got.push([i, active[assigned[i]]]);
    return got;
  }

  /** The skills' names from the catalog (the id when it has none), joined "A, B or C". */
  function skillList(ids, catalog) {
    const names = new Map(((catalog && catalog.skills) || []).map((s) => [s.id, s.name]));
    const words = ids.map((id) => names.get(id) || id);
    return words.length < 2 ? words.join("") : words.slice(0, -1).join(", ") + " or " + words[words.length - 1];
  }

  function whyOpen(role, people, state, roleHours, facts, catalog) {
    if (!people.length) return "There is no one in the plan yet.";
    const free = people.filter((p) => !state.get(p.id).holds.has(role));
    if (!free.length) return "Everyone in the plan already holds this role.";
    const skills = facts(role).skills;
    if (!skills.length) return "This role lists no skills, so the planner cannot judge who fits it; assign someone by hand.";
    const bringsOne = (p) => skills.some((skill) => state.get(p.id).skills.has(skill));
    const what = skillList(skills, catalog);
    if (!people.some(bringsOne)) {
      return `No one on your list has these skills yet (${what}): edit a person to tick the skills they bring, add someone who has them, or assign someone by hand.`;
    }
    if (!free.some(bringsOne)) {
      return `Everyone on your list with these skills (${what}) already holds this role; add people who have them, or assign someone by hand.`;
    }
    const hours = roleHours(role);
    const basis = facts(role).hours === null ? " (assumed: the role gives no weekly figure)" : "";
    return `No one who could take it has ${hoursText(hours)} a week left for it${basis}; add people, give more hours, or assign by hand.`;
  }

  const api = { suggest, SKILL_WEIGHTS, EXTRA_ROLE_COST, DEFAULT_ROLE_HOURS, DEFAULT_PERSON_HOURS };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TLPlan = Object.assign(root.TLPlan || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this);
