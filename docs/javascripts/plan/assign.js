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

  // --- min-cost flow --------------------------------------------------------------------------

  /** A flow network with integer capacities and non-negative costs, in flat arrays. */
  function Network(nodes, edgeHint) {
    this.n = nodes;
    this.head = new Int32Array(nodes).fill(-1);
    this.to = [];
    this.cap = [];
    this.cost = [];
    this.next = [];
    this.edgeHint = edgeHint;
  }

  /** Add an edge and its reverse; returns the edge's index (its reverse is index ^ 1). */
  Network.prototype.add = function (from, to, cap, cost) {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  };

  /**
   * Successive shortest paths with potentials (Dijkstra on reduced costs): sends as much flow as
   * possible from s to t at the least total cost. Every path here carries one unit (source edges
   * have capacity 1). Ties in Dijkstra go to the lower node number, so the result is deterministic.
   */
  Network.prototype.minCostMaxFlow = function (s, t) {
    const n = this.n;
    const to = Int32Array.from(this.to);
    const cap = Int32Array.from(this.cap);
    const cost = Float64Array.from(this.cost);
    const next = Int32Array.from(this.next);
    const head = this.head;
    const dual = new Float64Array(n);
    const dist = new Float64Array(n);
    const prevEdge = new Int32Array(n);
    const visited = new Uint8Array(n);
    const heap = new MinHeap(n * 4);
    let flow = 0;
    for (;;) {
      dist.fill(Infinity);
      visited.fill(0);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size) {
        const v = heap.popNode();
        if (visited[v]) continue;
        visited[v] = 1;
        if (v === t) break;
        const dv = dist[v];
        const pv = dual[v];
        for (let e = head[v]; e !== -1; e = next[e]) {
          if (!cap[e]) continue;
          const w = to[e];
          const reduced = cost[e] - dual[w] + pv;
          if (dist[w] - dv > reduced) {
            dist[w] = dv + reduced;
            prevEdge[w] = e;
            heap.push(dist[w], w);
          }
        }
      }
      if (!visited[t]) break;
      const dt = dist[t];
      for (let v = 0; v < n; v++) if (visited[v]) dual[v] -= dt - dist[v];
      for (let v = t; v !== s; v = to[prevEdge[v] ^ 1]) {
        cap[prevEdge[v]] -= 1;
        cap[prevEdge[v] ^ 1] += 1;
      }
      flow += 1;
    }
    this.residual = cap;
    return flow;
  };

  /** Whether the edge (an index from `add`) carries flow after minCostMaxFlow. */
  Network.prototype.used = function (e) {
    return this.residual[e] === 0 && this.cap[e] > 0;
  };

  /** A binary heap of (key, node), smaller key first, then smaller node. */
  function MinHeap(capacity) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
    this.size = 0;
  }

  MinHeap.prototype.clear = function () {
    this.size = 0;
  };

  MinHeap.prototype.less = function (i, j) {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
  };

  MinHeap.prototype.swap = function (i, j) {
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const v = this.nodes[i];
    this.nodes[i] = this.nodes[j];
    this.nodes[j] = v;
  };

  MinHeap.prototype.push = function (key, node) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  };

  MinHeap.prototype.popNode = function () {
    const top = this.nodes[0];
    this.size -= 1;
    if (this.size > 0) {
      this.keys[0] = this.keys[this.size];
      this.nodes[0] = this.nodes[this.size];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  };

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
    const kept = plan.assignments.filter((a) => personIds.has(a.person) && (keepAll || a.locked));
    const removed = plan.assignments
      .filter((a) => personIds.has(a.person) && !(keepAll || a.locked))
      .map((a) => ({ person: a.person, role: a.role }));

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
    const added = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const activeRoles = roles.filter((r) => open.get(r) > 0);
      if (!activeRoles.length) break;
      const got = solveRound(people, activeRoles, open, state, facts, roleHours);
      if (!got.length) break;
      for (const { person, role } of got) {
        const s = state.get(person);
        s.holds.add(role);
        s.load += roleHours(role);
        open.set(role, open.get(role) - 1);
        added.push({ person, role });
      }
    }

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
      if (left > 0) unfilled.push({ role, count: left, why: whyOpen(role, people, state, roleHours, facts) });
    }
    unfilled.sort((x, y) => openingOrder.get(x.role) - openingOrder.get(y.role));

    const next = {
      format: plan.format,
      version: plan.version,
      school: plan.school,
      year: plan.year,
      people: plan.people.slice(),
      openings: plan.openings.slice(),
      assignments: kept.concat(addedOut.map(({ person, role }) => ({ person, role, locked: false }))),
    };
    return { plan: next, added: addedOut, unfilled, removed };
  }

  /** One round: a min-cost max-flow from people (one role each) to roles (their open places). */
  function solveRound(people, roles, open, state, facts, roleHours) {
    const P = people.length;
    const R = roles.length;
    const source = 0;
    const sink = P + R + 1;
    const candidates = [];
    let maxBase = 0;
    people.forEach((p, i) => {
      const s = state.get(p.id);
      roles.forEach((role, j) => {
        if (s.holds.has(role) || s.load + roleHours(role) > s.limit + EPSILON) return;
        const base = mismatch(facts(role).skills, s.skills) + EXTRA_ROLE_COST * s.holds.size;
        maxBase = Math.max(maxBase, base);
        candidates.push({ i, j, base });
      });
    });
    if (!candidates.length) return [];
    // Ties go to lower person ids, then role ids: a tie-break term too small to outweigh a cost
    // difference of 1 (scaled above the largest possible sum of tie terms), if numbers stay exact.
    const places = Math.min(P, roles.reduce((sum, r) => sum + open.get(r), 0));
    let scale = places * P * R + 1;
    if ((maxBase + 1) * scale * (places + 1) > Number.MAX_SAFE_INTEGER) scale = 0;
    const net = new Network(P + R + 2);
    for (let i = 0; i < P; i++) net.add(source, 1 + i, 1, 0);
    for (let j = 0; j < R; j++) net.add(1 + P + j, sink, open.get(roles[j]), 0);
    const edges = candidates.map(({ i, j, base }) => net.add(1 + i, 1 + P + j, 1, scale ? base * scale + i * R + j : base));
    net.minCostMaxFlow(source, sink);
    const got = [];
    candidates.forEach(({ i, j }, k) => {
      if (net.used(edges[k])) got.push({ person: people[i].id, role: roles[j] });
    });
    return got;
  }

  function whyOpen(role, people, state, roleHours, facts) {
    if (!people.length) return "There is no one in the plan yet.";
    const free = people.filter((p) => !state.get(p.id).holds.has(role));
    if (!free.length) return "Everyone in the plan already holds this role.";
    const hours = roleHours(role);
    const basis = facts(role).hours === null ? " (assumed: the role gives no weekly figure)" : "";
    return `No one else has ${hoursText(hours)} a week left for it${basis}; add people, give more hours, or assign by hand.`;
  }

  const api = { suggest, SKILL_WEIGHTS, EXTRA_ROLE_COST, DEFAULT_ROLE_HOURS, DEFAULT_PERSON_HOURS };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TLPlan = Object.assign(root.TLPlan || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this);
