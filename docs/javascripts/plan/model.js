/* The school plan's data: the plan file (parse, check, write), pure state helpers, role facts,
 * the summary (load, cost, gaps, warnings) and the CSV of assignments.
 *
 * A classic script (Chromium refuses module scripts from file://) that adds its functions to
 * window.TLPlan, and a CommonJS module in Node for the unit tests. No dependencies, no network.
 * Every function is pure: plans and catalogs passed in are never changed. See README.md here.
 */
(function (root) {
  "use strict";

  const FORMAT = "tltoolkit-plan";
  const VERSION = 1;
  const SUPPORTED_VERSIONS = [1];
  // Bounds so that a hostile or corrupt file cannot hang the page (and match schemas/plan.schema.json).
  const LIMITS = Object.freeze({
    fileChars: 2 * 1024 * 1024,
    people: 1000,
    openings: 1000,
    assignments: 5000,
    name: 200,
    text: 3000,
    personId: 40,
    roleId: 80,
    skillsPerPerson: 20,
    currentRoles: 20,
    countPerOpening: 500,
    hours: 60,
    errors: 50,
  });
  const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // Control characters (tab, line breaks and the rest) have no place in a one-line name.
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
  const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
  const EPSILON = 1e-9;

  const KEYS = {
    plan: ["format", "version", "school", "year", "people", "openings", "assignments"],
    person: ["id", "name", "skills", "hours_per_week", "interests", "notes", "current_roles"],
    opening: ["role", "count"],
    assignment: ["person", "role", "locked"],
  };

  // --- catalog access -------------------------------------------------------------------------

  const indexes = new WeakMap();

  /** Roles and skills by id, built once per catalog object. */
  function indexOf(catalog) {
    if (!catalog || typeof catalog !== "object") return { roles: new Map(), skills: new Map(), skillOrder: [] };
    let index = indexes.get(catalog);
    if (!index) {
      index = {
        roles: new Map((catalog.roles || []).map((role) => [role.id, role])),
        skills: new Map((catalog.skills || []).map((skill) => [skill.id, skill])),
        skillOrder: (catalog.skills || []).map((skill) => skill.id),
      };
      indexes.set(catalog, index);
    }
    return index;
  }

  function planning(catalog) {
    return (catalog && catalog.planning) || null;
  }

  function isNumber(value) {
    return typeof value === "number" && Number.isFinite(value);
  }

  /** What the planner needs to know about one role, from the role's facts and the district's figures. */
  function roleFacts(catalog, roleId) {
    const role = indexOf(catalog).roles.get(roleId);
    const plan = planning(catalog);
    const local = (plan && plan.roles && Object.prototype.hasOwnProperty.call(plan.roles, roleId) && plan.roles[roleId]) || {};
    const facts = {
      hours: null,
      hoursBasis: null,
      releaseFte: 0,
      releaseUnknown: false,
      stipend: isNumber(local.stipend) ? local.stipend : null,
      principalFills: false,
      known: Boolean(role),
      title: role ? role.title : roleId,
      filledBy: role ? role.filled_by : null,
      filledByNote: role ? role.filled_by_note || null : null,
      skills: role ? role.skills.slice() : [],
    };
    if (!role) return facts;
    facts.principalFills = role.filled_by === "principal";
    if (isNumber(local.hours_per_week)) {
      facts.hours = local.hours_per_week;
      facts.hoursBasis = "district";
    } else if (role.hours_per_week) {
      facts.hours = (role.hours_per_week.low + role.hours_per_week.high) / 2;
      facts.hoursBasis = "estimate";
    }
    // Release: the district's periods first (they may release a role the toolkit holds alongside
    // teaching), then the role's own periods or share of the day.
    const perDay = plan && isNumber(plan.periods_per_day) ? plan.periods_per_day : null;
    const rolePeriods = role.release_periods ? (role.release_periods.low + role.release_periods.high) / 2 : null;
    const periods = isNumber(local.release_periods) ? local.release_periods : role.held === "partial-release" ? rolePeriods : null;
    if (role.held === "full-release") facts.releaseFte = 1;
    else if (periods !== null && perDay) facts.releaseFte = Math.min(1, periods / perDay);
    else if (role.held === "partial-release" && isNumber(role.release_share)) facts.releaseFte = role.release_share;
    else if (periods) facts.releaseUnknown = true;
    return facts;
  }

  // --- small helpers --------------------------------------------------------------------------

  /** Ids compared with their numbers in order: p2 before p10; then plain code-point order. */
  function compareIds(a, b) {
    const pa = String(a).match(/\d+|\D+/g) || [];
    const pb = String(b).match(/\d+|\D+/g) || [];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const x = pa[i];
      const y = pb[i];
      if (x === y) continue;
      const nx = /^\d/.test(x);
      const ny = /^\d/.test(y);
      if (nx && ny) {
        const diff = Number(x) - Number(y);
        if (diff) return diff;
        return x.length - y.length;
      }
      return x < y ? -1 : 1;
    }
    return pa.length - pb.length;
  }

  function cleanName(name) {
    return String(name).replace(/\s+/g, " ").trim();
  }

  /** A name typed or pasted into the page: control characters become spaces (a name is one line). */
  function cleanTypedName(name) {
    return cleanName(String(name).replace(CONTROL_ALL, " "));
  }

  function fold(text) {
    return cleanName(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function quote(value) {
    const text = String(value);
    return "'" + (text.length > 60 ? text.slice(0, 57) + "..." : text) + "'";
  }

  /** Edit distance, for "did you mean" (ids are short; stops early when clearly far). */
  function distance(a, b) {
    if (Math.abs(a.length - b.length) > 3) return 99;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function didYouMean(value, known) {
    if (typeof value !== "string" || value.length > 100) return "";
    // A shortened name ('hours' for 'hours_per_week') is the likeliest slip.
    const longer = value.length >= 3 ? Array.from(known).find((candidate) => candidate.startsWith(value)) : undefined;
    if (longer !== undefined) return ` (did you mean '${longer}'?)`;
    let best = null;
    let bestDistance = Infinity;
    for (const candidate of known) {
      const d = distance(value, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? ` (did you mean '${best}'?)` : "";
  }

  function typeName(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    if (typeof value === "string") return "text";
    if (typeof value === "boolean") return "true/false";
    return typeof value === "number" ? "a number" : typeof value;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // --- the plan file: parse and check ---------------------------------------------------------

  function emptyPlan() {
    return { format: FORMAT, version: VERSION, school: "", year: "", people: [], openings: [], assignments: [] };
  }

  /**
   * Where and why text is not JSON, in plain words: {pos, reason}, or null when it is valid.
   * Browsers word JSON.parse errors differently (and some give no position), so the planner
   * finds the place itself. Iterative, so a deeply nested file cannot exhaust the stack.
   */
  function locateJsonError(text) {
    const n = text.length;
    const stack = [];
    const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    let i = 0;
    let state = "value";
    const at = (reason) => ({ pos: i, reason });
    const shown = (c) => (c === undefined ? "the end of the file" : c === "\n" ? "a line break" : `'${c}'`);
    const string = () => {
      i++;
      for (;;) {
        const c = text[i];
        if (c === undefined) return at("text in quotes is not closed");
        if (c === '"') {
          i++;
          return null;
        }
        if (c === "\\") {
          const e = text[i + 1];
          if (e === "u" ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e || "x")) {
            return at("a backslash in text must start an escape such as \\n or \\\"");
          }
          i += e === "u" ? 6 : 2;
          continue;
        }
        if (c < " ") return at("a line break or tab inside quotes must be written as \\n or \\t");
        i++;
      }
    };
    for (;;) {
      while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
      const c = text[i];
      if (state === "value" || state === "first-value") {
        if (state === "first-value" && c === "]") {
          i++;
          stack.pop();
          state = "after";
        } else if (c === "{" || c === "[") {
          i++;
          stack.push(c);
          state = c === "{" ? "first-key" : "first-value";
        } else if (c === '"') {
          const problem = string();
          if (problem) return problem;
          state = "after";
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return at(`${shown(c)} does not start a number`);
          i = NUMBER.lastIndex;
          state = "after";
        } else if (text.startsWith("true", i) || text.startsWith("null", i) || text.startsWith("false", i)) {
          i += text[i] === "f" ? 5 : 4;
          state = "after";
        } else {
          return at(c === undefined ? "the file ends where a value should be" : `unexpected ${shown(c)} where a value should be`);
        }
      } else if (state === "after") {
        const top = stack[stack.length - 1];
        if (top === undefined) return i < n ? at(`unexpected ${shown(c)} after the end of the data`) : null;
        const close = top === "{" ? "}" : "]";
        if (c === ",") {
          i++;
          state = top === "{" ? "key" : "value";
        } else if (c === close) {
          i++;
          stack.pop();
        } else {
          return at(`expected ',' or '${close}' but found ${shown(c)}`);
        }
      } else {
        // "key" or "first-key": a field name in quotes, then a colon.
        if (state === "first-key" && c === "}") {
          i++;
          stack.pop();
          state = "after";
          continue;
        }
        if (c !== '"') return at(`expected a field name in double quotes but found ${shown(c)}`);
        const problem = string();
        if (problem) return problem;
        while (i < n && " \t\n\r".includes(text[i])) i++;
        if (text[i] !== ":") return at(`expected ':' after the field name but found ${shown(text[i])}`);
        i++;
        state = "value";
      }
    }
  }

  function lineColumn(text, pos) {
    const lines = text.slice(0, pos).split("\n");
    return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
  }

  /**
   * Read a plan file's text. Returns {ok: true, plan, warnings} or {ok: false, errors}; a plan is
   * returned only when there is no error, so nothing half-read can replace the current plan.
   */
  function parsePlan(text, catalog) {
    if (typeof text !== "string") return fail([problem("", "The plan file could not be read as text.")]);
    if (text.length > LIMITS.fileChars) {
      const size = (text.length / (1024 * 1024)).toFixed(1);
      return fail([problem("", `The file is ${size} MB; a plan file is at most 2 MB, so this is not one.`)]);
    }
    let data;
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
      data = JSON.parse(json);
    } catch (error) {
      const found = locateJsonError(json);
      const where = found ? ` at ${lineColumn(json, found.pos)}: ${found.reason}` : `: ${error && error.message}`;
      return fail([problem("", `The file is not valid JSON${where}.`)]);
    }
    if (!isObject(data)) {
      return fail([problem("", `The file holds ${typeName(data)}, not a plan (a plan file is a JSON object).`)]);
    }
    if (data.format !== FORMAT) {
      const said = data.format === undefined ? "has no 'format' field" : `says format ${quote(data.format)}`;
      return fail([problem("format", `format: the file ${said}; a school plan file says "format": "${FORMAT}".`)]);
    }
    if (!SUPPORTED_VERSIONS.includes(data.version)) {
      const said = data.version === undefined ? "is missing" : `is ${quote(JSON.stringify(data.version))}`;
      return fail([
        problem("version", `version: the plan file's version ${said}; this planner reads version ${SUPPORTED_VERSIONS.join(", ")}.`),
      ]);
    }
    const check = new Checker(catalog);
    const plan = check.plan(data);
    if (check.errors.length) return fail(check.finishedErrors());
    return { ok: true, plan, warnings: capped(check.warnings, "warning") };
  }

  function problem(path, message) {
    return { path, message };
  }

  function fail(errors) {
    return { ok: false, errors };
  }

  /** Collects every problem in one pass; builds a fresh plan (never shares the parsed objects). */
  function Checker(catalog) {
    this.index = indexOf(catalog);
    this.hasCatalog = Boolean(catalog && catalog.roles);
    this.errors = [];
    this.warnings = [];
    this.hints = 0;
  }

  /** " (did you mean ...?)" for the first 100 unknown values only, so a hostile file stays quick. */
  Checker.prototype.hint = function (value, known) {
    if (this.hints >= 100) return "";
    this.hints += 1;
    return didYouMean(value, known);
  };

  Checker.prototype.error = function (path, message) {
    this.errors.push(problem(path, `${path}: ${message}`));
  };

  Checker.prototype.warn = function (path, message) {
    this.warnings.push(problem(path, `${path}: ${message}`));
  };

  /** At most LIMITS.errors entries, the last saying how many more there were. */
  function capped(list, what) {
    if (list.length <= LIMITS.errors) return list;
    const more = list.length - LIMITS.errors;
    return list.slice(0, LIMITS.errors).concat(problem("", `... and ${more} more ${what}${more === 1 ? "" : "s"}.`));
  }

  Checker.prototype.finishedErrors = function () {
    return capped(this.errors, "problem");
  };

  Checker.prototype.fields = function (path, value, allowed, required) {
    if (!isObject(value)) {
      this.error(path, `should be an object with ${required.map((k) => `'${k}'`).join(", ")}, not ${typeName(value)}`);
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(path ? `${path}.${key}` : key, `unknown field ${quote(key)}${this.hint(key, allowed)}`);
      }
    }
    for (const key of required) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) {
        this.error(path ? `${path}.${key}` : key, "this field is required but missing");
      }
    }
    return true;
  };

  Checker.prototype.text = function (path, value, max, fallback) {
    if (value === undefined) return fallback;
    if (typeof value !== "string") {
      this.error(path, `should be text, not ${typeName(value)}`);
      return fallback;
    }
    if (value.length > max) {
      this.error(path, `is ${value.length} characters long; at most ${max.toLocaleString("en-US")} are allowed`);
      return fallback;
    }
    return value;
  };

  Checker.prototype.list = function (path, value, max, required) {
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      if (value !== undefined) this.error(path, `should be a list, not ${typeName(value)}`);
      return null;
    }
    if (value.length > max) {
      this.error(path, `has ${value.length.toLocaleString("en-US")} entries; at most ${max.toLocaleString("en-US")} are allowed`);
      return null;
    }
    return value;
  };

  Checker.prototype.roleId = function (path, value) {
    if (typeof value !== "string") {
      this.error(path, `should be a role id (text), not ${typeName(value)}`);
      return null;
    }
    if (value.length > LIMITS.roleId || !SLUG.test(value)) {
      this.error(path, `${quote(value)} is not a role id (lowercase words joined by '-', e.g. 'grade-level-team-leader')`);
      return null;
    }
    if (this.hasCatalog && !this.index.roles.has(value)) {
      const hint = this.hint(value, this.index.roles.keys());
      this.warn(
        path,
        `role ${quote(value)} is not in this inventory${hint}; it is kept, but the planner cannot count its hours or suggest anyone for it`,
      );
    }
    return value;
  };

  Checker.prototype.plan = function (data) {
    this.fields("", data, KEYS.plan, ["format", "version", "people", "openings", "assignments"]);
    const plan = emptyPlan();
    plan.school = cleanLine(this.text("school", data.school, LIMITS.name, ""));
    plan.year = cleanLine(this.text("year", data.year, LIMITS.name, ""));
    const people = this.list("people", data.people, LIMITS.people, true) || [];
    const ids = new Set();
    people.forEach((person, i) => {
      const checked = this.person(`people[${i}]`, person);
      // A usable id counts even when other fields are wrong, so assignments to that person are not reported too.
      if (checked.id === null) return;
      if (ids.has(checked.id)) {
        this.error(`people[${i}].id`, `the id ${quote(checked.id)} is used by an earlier person too; each person needs their own id`);
        return;
      }
      ids.add(checked.id);
      if (checked.ok) plan.people.push(checked.person);
    });
    const openings = this.list("openings", data.openings, LIMITS.openings, true) || [];
    const openingRoles = new Map();
    openings.forEach((opening, i) => {
      const path = `openings[${i}]`;
      if (!this.fields(path, opening, KEYS.opening, KEYS.opening)) return;
      const role = opening.role === undefined ? null : this.roleId(`${path}.role`, opening.role);
      const count = opening.count;
      let countOk = false;
      if (count !== undefined) {
        if (!Number.isInteger(count)) this.error(`${path}.count`, `should be a whole number, not ${typeof count === "number" ? count : typeName(count)}`);
        else if (count < 1 || count > LIMITS.countPerOpening) this.error(`${path}.count`, `is ${count}; it should be from 1 to ${LIMITS.countPerOpening}`);
        else countOk = true;
      }
      if (role === null || !countOk) return;
      if (openingRoles.has(role)) {
        this.error(`${path}.role`, `${quote(role)} has an opening already (openings[${openingRoles.get(role)}]); give the role once, with its count`);
        return;
      }
      openingRoles.set(role, i);
      plan.openings.push({ role, count });
    });
    const assignments = this.list("assignments", data.assignments, LIMITS.assignments, true) || [];
    const pairs = new Set();
    assignments.forEach((assignment, i) => {
      const path = `assignments[${i}]`;
      if (!this.fields(path, assignment, KEYS.assignment, ["person", "role"])) return;
      let person = null;
      if (assignment.person !== undefined) {
        if (typeof assignment.person !== "string") this.error(`${path}.person`, `should be a person's id (text), not ${typeName(assignment.person)}`);
        else if (!ids.has(assignment.person)) {
          this.error(`${path}.person`, `no person has the id ${quote(assignment.person)}${this.hint(assignment.person, ids)}`);
        } else person = assignment.person;
      }
      const role = assignment.role === undefined ? null : this.roleId(`${path}.role`, assignment.role);
      let locked = false;
      if (assignment.locked !== undefined) {
        if (typeof assignment.locked !== "boolean") this.error(`${path}.locked`, `should be true or false, not ${typeName(assignment.locked)}`);
        else locked = assignment.locked;
      }
      if (person === null || role === null) return;
      const pair = person + "\u0000" + role;
      if (pairs.has(pair)) {
        this.error(path, `${quote(person)} is assigned to ${quote(role)} twice; a person holds a role once`);
        return;
      }
      pairs.add(pair);
      plan.assignments.push({ person, role, locked });
    });
    this.overfilled(plan);
    return plan;
  };

  /** A role with more people assigned than it has openings: kept, with a warning. */
  Checker.prototype.overfilled = function (plan) {
    const counts = new Map(plan.openings.map((o) => [o.role, o.count]));
    const assigned = new Map();
    for (const a of plan.assignments) assigned.set(a.role, (assigned.get(a.role) || 0) + 1);
    for (const [role, n] of assigned) {
      const count = counts.get(role) || 0;
      if (n > count) {
        this.warnings.push(
          problem("assignments", `assignments: ${n} ${n === 1 ? "person is" : "people are"} assigned to ${quote(role)}, which has ${count} opening${count === 1 ? "" : "s"}; all are kept`),
        );
      }
    }
  };

  Checker.prototype.person = function (path, value) {
    if (!this.fields(path, value, KEYS.person, ["id", "name"])) return { id: null, ok: false };
    const before = this.errors.length;
    const person = { id: null, name: null, skills: [], hours_per_week: null, interests: "", notes: "", current_roles: [] };
    if (value.id !== undefined) {
      if (typeof value.id !== "string") this.error(`${path}.id`, `should be text, not ${typeName(value.id)}`);
      else if (value.id.length > LIMITS.personId || !PERSON_ID.test(value.id)) {
        this.error(`${path}.id`, `${quote(value.id)} is not a usable id: letters, digits, '_', '-' or '.', at most ${LIMITS.personId} characters, e.g. 'p1'`);
      } else person.id = value.id;
    }
    if (value.name !== undefined) {
      const name = this.text(`${path}.name`, value.name, LIMITS.name, null);
      if (name !== null) {
        if (!name.trim()) this.error(`${path}.name`, "is empty; every person needs a name");
        else if (CONTROL.test(name)) this.error(`${path}.name`, "contains a line break or another control character; a name is one line");
        else person.name = cleanName(name);
      }
    }
    const skills = this.list(`${path}.skills`, value.skills, LIMITS.skillsPerPerson, false) || [];
    const seenSkills = new Set();
    skills.forEach((skill, j) => {
      const at = `${path}.skills[${j}]`;
      if (typeof skill !== "string") this.error(at, `should be a skill id (text), not ${typeName(skill)}`);
      else if (this.hasCatalog && !this.index.skills.has(skill)) {
        this.error(at, `unknown skill ${quote(skill)}${this.hint(skill, this.index.skillOrder)}`);
      } else if (seenSkills.has(skill)) this.error(at, `${quote(skill)} is listed twice`);
      else {
        seenSkills.add(skill);
        person.skills.push(skill);
      }
    });
    const hours = value.hours_per_week;
    if (hours !== undefined && hours !== null) {
      if (!isNumber(hours)) this.error(`${path}.hours_per_week`, `should be a number of hours (or null when not known), not ${typeName(hours)}`);
      else if (hours < 0 || hours > LIMITS.hours) this.error(`${path}.hours_per_week`, `is ${hours}; it should be from 0 to ${LIMITS.hours} hours a week`);
      else person.hours_per_week = hours;
    }
    person.interests = this.text(`${path}.interests`, value.interests, LIMITS.text, "");
    person.notes = this.text(`${path}.notes`, value.notes, LIMITS.text, "");
    const current = this.list(`${path}.current_roles`, value.current_roles, LIMITS.currentRoles, false) || [];
    const seenRoles = new Set();
    current.forEach((role, j) => {
      const id = this.roleId(`${path}.current_roles[${j}]`, role);
      if (id === null) return;
      if (seenRoles.has(id)) this.error(`${path}.current_roles[${j}]`, `${quote(id)} is listed twice`);
      else {
        seenRoles.add(id);
        person.current_roles.push(id);
      }
    });
    return { id: person.id, ok: this.errors.length === before && person.id !== null && person.name !== null, person };
  };

  function cleanLine(text) {
    return CONTROL.test(text) ? cleanTypedName(text) : text;
  }

  /** The plan as file text: every field, always in the same order, two-space indent, final newline. */
  function serializePlan(plan) {
    const ordered = {
      format: FORMAT,
      version: VERSION,
      school: plan.school || "",
      year: plan.year || "",
      people: (plan.people || []).map((p) => ({
        id: p.id,
        name: p.name,
        skills: (p.skills || []).slice(),
        hours_per_week: isNumber(p.hours_per_week) ? p.hours_per_week : null,
        interests: p.interests || "",
        notes: p.notes || "",
        current_roles: (p.current_roles || []).slice(),
      })),
      openings: (plan.openings || []).map((o) => ({ role: o.role, count: o.count })),
      assignments: (plan.assignments || []).map((a) => ({ person: a.person, role: a.role, locked: Boolean(a.locked) })),
    };
    return JSON.stringify(ordered, null, 2) + "\n";
  }

  // --- pure state helpers ---------------------------------------------------------------------

  function copyPlan(plan) {
    return {
      format: FORMAT,
      version: VERSION,
      school: plan.school || "",
      year: plan.year || "",
      people: plan.people.slice(),
      openings: plan.openings.slice(),
      assignments: plan.assignments.slice(),
    };
  }

  function findPerson(plan, personId) {
    return plan.people.find((p) => p.id === personId);
  }

  function requirePerson(plan, personId) {
    const person = findPerson(plan, personId);
    if (!person) throw new Error(`No person in the plan has the id '${personId}'.`);
    return person;
  }

  /** A person record from the fields given (plan-file names), checked; `base` fills what is left out. */
  function personRecord(fields, base) {
    const person = Object.assign({ skills: [], hours_per_week: null, interests: "", notes: "", current_roles: [] }, base || {});
    for (const key of Object.keys(fields || {})) {
      if (!KEYS.person.includes(key) || key === "id") throw new Error(`A person has no field '${key}' that can be set.`);
    }
    const f = fields || {};
    if (f.name !== undefined || !base) {
      const name = cleanTypedName(f.name === undefined ? "" : f.name);
      if (!name) throw new Error("Every person needs a name.");
      if (name.length > LIMITS.name) throw new Error(`A name is at most ${LIMITS.name} characters.`);
      person.name = name;
    }
    if (f.skills !== undefined) person.skills = Array.from(new Set(f.skills.map(String)));
    if (f.hours_per_week !== undefined) {
      const hours = f.hours_per_week;
      if (hours !== null && (!isNumber(hours) || hours < 0 || hours > LIMITS.hours)) {
        throw new Error(`Hours a week should be a number from 0 to ${LIMITS.hours}.`);
      }
      person.hours_per_week = hours;
    }
    for (const key of ["interests", "notes"]) {
      if (f[key] !== undefined) {
        const text = String(f[key]);
        if (text.length > LIMITS.text) throw new Error(`${key === "notes" ? "Notes" : "Interests"} are at most ${LIMITS.text} characters.`);
        person[key] = text;
      }
    }
    if (f.current_roles !== undefined) person.current_roles = Array.from(new Set(f.current_roles.map(String)));
    // The plan file's field order, so a person looks the same however it was made.
    const ordered = {};
    for (const key of KEYS.person) if (person[key] !== undefined) ordered[key] = person[key];
    return ordered;
  }

  function nextPersonId(plan) {
    let highest = 0;
    for (const p of plan.people) {
      const m = /^p(\d{1,9})$/.exec(p.id);
      if (m) highest = Math.max(highest, Number(m[1]));
    }
    return "p" + (highest + 1);
  }

  function addPerson(plan, person) {
    if (plan.people.length >= LIMITS.people) throw new Error(`A plan holds at most ${LIMITS.people} people.`);
    const record = personRecord(person);
    const next = copyPlan(plan);
    next.people.push(Object.assign({ id: nextPersonId(plan) }, record));
    return next;
  }

  function updatePerson(plan, personId, changes) {
    const person = requirePerson(plan, personId);
    const updated = personRecord(changes, person);
    const next = copyPlan(plan);
    next.people = plan.people.map((p) => (p.id === personId ? updated : p));
    return next;
  }

  function removePerson(plan, personId) {
    if (!findPerson(plan, personId)) return plan;
    const next = copyPlan(plan);
    next.people = plan.people.filter((p) => p.id !== personId);
    next.assignments = plan.assignments.filter((a) => a.person !== personId);
    return next;
  }

  function setOpening(plan, roleId, count) {
    if (!Number.isInteger(count) || count < 0 || count > LIMITS.countPerOpening) {
      throw new Error(`The number of places should be a whole number from 0 to ${LIMITS.countPerOpening}.`);
    }
    if (typeof roleId !== "string" || !SLUG.test(roleId)) throw new Error(`'${roleId}' is not a role id.`);
    const next = copyPlan(plan);
    const at = plan.openings.findIndex((o) => o.role === roleId);
    if (count === 0) {
      if (at >= 0) next.openings.splice(at, 1);
    } else if (at >= 0) {
      next.openings[at] = { role: roleId, count };
    } else {
      if (plan.openings.length >= LIMITS.openings) throw new Error(`A plan holds at most ${LIMITS.openings} openings.`);
      next.openings.push({ role: roleId, count });
    }
    // Keep filled <= count: locked assignments first, then the earliest.
    const held = plan.assignments.filter((a) => a.role === roleId);
    if (held.length > count) {
      const keep = new Set(held.filter((a) => a.locked).concat(held.filter((a) => !a.locked)).slice(0, count));
      next.assignments = plan.assignments.filter((a) => a.role !== roleId || keep.has(a));
    }
    if (at < 0 && count === 0 && held.length === 0) return plan;
    return next;
  }

  function assign(plan, personId, roleId) {
    requirePerson(plan, personId);
    if (typeof roleId !== "string" || !SLUG.test(roleId)) throw new Error(`'${roleId}' is not a role id.`);
    if (plan.assignments.some((a) => a.person === personId && a.role === roleId)) return plan;
    if (plan.assignments.length >= LIMITS.assignments) throw new Error(`A plan holds at most ${LIMITS.assignments} assignments.`);
    const filled = plan.assignments.filter((a) => a.role === roleId).length;
    const opening = plan.openings.find((o) => o.role === roleId);
    let next = copyPlan(plan);
    if (!opening || opening.count <= filled) next = setOpening(next, roleId, filled + 1);
    next.assignments.push({ person: personId, role: roleId, locked: false });
    return next;
  }

  function unassign(plan, personId, roleId) {
    if (!plan.assignments.some((a) => a.person === personId && a.role === roleId)) return plan;
    const next = copyPlan(plan);
    next.assignments = plan.assignments.filter((a) => !(a.person === personId && a.role === roleId));
    return next;
  }

  function setLocked(plan, personId, roleId, locked) {
    const at = plan.assignments.findIndex((a) => a.person === personId && a.role === roleId);
    if (at < 0 || plan.assignments[at].locked === Boolean(locked)) return plan;
    const next = copyPlan(plan);
    next.assignments[at] = { person: personId, role: roleId, locked: Boolean(locked) };
    return next;
  }

  /** Split "Name<TAB>3", "Name, 3" or "Name" into name and hours (null when not given or not usable). */
  function splitLine(line) {
    let name = line;
    let hours = null;
    let tail = null;
    if (line.includes("\t")) {
      // Cells pasted from a spreadsheet: the name first, the hours last (columns between are ignored).
      const cells = line.split("\t");
      name = cells[0];
      tail = cells.length > 1 ? cells[cells.length - 1] : null;
    } else {
      const comma = line.lastIndexOf(",");
      if (comma >= 0 && /^\s*\d+(?:\.\d+)?\s*$/.test(line.slice(comma + 1))) {
        name = line.slice(0, comma);
        tail = line.slice(comma + 1);
      }
    }
    if (tail !== null && /^\s*\d+(?:[.,]\d+)?\s*$/.test(tail)) {
      const value = Number(tail.trim().replace(",", "."));
      if (value >= 0 && value <= LIMITS.hours) hours = value;
    }
    return { name: cleanTypedName(name), hours };
  }

  function peopleFromText(plan, text) {
    const seen = new Set(plan.people.map((p) => fold(p.name)));
    let next = plan;
    String(text).split(/\r\n|\r|\n/).forEach((line, i) => {
      if (next.people.length >= LIMITS.people) return;
      const { name, hours } = splitLine(line);
      // A spreadsheet's header row ("Name", "Name<TAB>Hours") is not a person.
      if (i === 0 && /^(full )?names?$/i.test(name)) return;
      if (!name || name.length > LIMITS.name || seen.has(fold(name))) return;
      seen.add(fold(name));
      next = addPerson(next, { name, hours_per_week: hours });
    });
    return next;
  }

  /** "Elected by union members in the building" (the role's note), or "chosen by election". */
  function whoFills(facts) {
    if (facts.filledByNote) return facts.filledByNote.replace(/\.$/, "");
    return `chosen by ${facts.filledBy === "district" ? "the district" : facts.filledBy === "committee" ? "a selection panel" : facts.filledBy}`;
  }

  // --- the summary ----------------------------------------------------------------------------

  function round2(value) {
    return Math.round(value * 100) / 100;
  }

  function formatHours(value) {
    const rounded = round2(value);
    return `${rounded} hour${rounded === 1 ? "" : "s"}`;
  }

  /** Load, cost, gaps and warnings of a plan, for the page's tables and live regions. */
  function summarize(plan, catalog) {
    const index = indexOf(catalog);
    const district = planning(catalog);
    const maxHours = district && isNumber(district.max_hours_per_week) ? district.max_hours_per_week : null;
    const factsCache = new Map();
    const facts = (roleId) => {
      if (!factsCache.has(roleId)) factsCache.set(roleId, roleFacts(catalog, roleId));
      return factsCache.get(roleId);
    };
    const title = (roleId) => facts(roleId).title;
    const warnings = { overloaded: [], concentration: [], "not-principal-filled": [], "unknown-role": [], "open-role": [], "uncovered-skill": [] };

    const byPerson = new Map(plan.people.map((p) => [p.id, []]));
    const byRole = new Map();
    for (const a of plan.assignments) {
      if (byPerson.has(a.person)) byPerson.get(a.person).push(a.role);
      byRole.set(a.role, (byRole.get(a.role) || 0) + 1);
    }

    // Openings, then roles someone holds without an opening.
    const openings = plan.openings.map((o) => {
      const filled = byRole.get(o.role) || 0;
      return { role: o.role, count: o.count, filled, open: Math.max(0, o.count - filled) };
    });
    const listed = new Set(plan.openings.map((o) => o.role));
    for (const [role, filled] of byRole) if (!listed.has(role)) openings.push({ role, count: 0, filled, open: 0 });
    const filledTotal = openings.reduce((sum, o) => sum + o.filled, 0);

    const people = plan.people.map((p) => {
      const roles = byPerson.get(p.id);
      const currentRoles = (p.current_roles || []).filter((r) => !roles.includes(r));
      let hours = 0;
      const unknownHours = [];
      for (const role of roles.concat(currentRoles)) {
        const h = facts(role).hours;
        if (h === null) unknownHours.push(role);
        else hours += h;
      }
      hours = round2(hours);
      const capacity = isNumber(p.hours_per_week) ? p.hours_per_week : null;
      const limit = capacity === null ? maxHours : maxHours === null ? capacity : Math.min(capacity, maxHours);
      const overloaded = limit !== null && hours > limit + EPSILON;
      if (overloaded) {
        const reason =
          capacity !== null && hours > capacity + EPSILON
            ? `above the ${formatHours(capacity)} they can give`
            : `above the district's limit of ${formatHours(maxHours)}`;
        warnings.overloaded.push({
          kind: "overloaded",
          person: p.id,
          message: `${p.name}: ${formatHours(hours)} a week in teacher-leader roles, ${reason}.`,
        });
      }
      const held = roles.length + currentRoles.length;
      if (held >= 3 || (filledTotal >= 4 && roles.length * 2 >= filledTotal)) {
        const why =
          held >= 3
            ? `holds ${held} roles${currentRoles.length ? ` (${currentRoles.length} held already outside this plan)` : ""}`
            : `holds ${roles.length} of the plan's ${filledTotal} filled places`;
        warnings.concentration.push({
          kind: "concentration",
          person: p.id,
          message: `${p.name} ${why}: much of the school's teacher leadership depends on one person.`,
        });
      }
      return { id: p.id, name: p.name, roles, currentRoles, hours, capacity, limit, overloaded, unknownHours };
    });

    const names = new Map(plan.people.map((p) => [p.id, p.name]));
    for (const a of plan.assignments) {
      const f = facts(a.role);
      if (f.known && !f.principalFills) {
        const who = whoFills(f);
        warnings["not-principal-filled"].push({
          kind: "not-principal-filled",
          person: a.person,
          role: a.role,
          message: `${names.get(a.person) || a.person} in ${f.title}: the principal does not fill this role (${who}); keep it only if that choice has been made.`,
        });
      }
    }

    const mentioned = new Set();
    const unknown = [];
    const note = (role) => {
      if (mentioned.has(role)) return;
      mentioned.add(role);
      if (!index.roles.has(role)) unknown.push(role);
    };
    plan.openings.forEach((o) => note(o.role));
    plan.assignments.forEach((a) => note(a.role));
    plan.people.forEach((p) => (p.current_roles || []).forEach(note));
    for (const role of unknown) {
      warnings["unknown-role"].push({
        kind: "unknown-role",
        role,
        message: `'${role}' is not in this inventory (perhaps from an older one): it is kept, but its hours, release and pay are not counted.`,
      });
    }

    for (const o of openings) {
      if (o.open > 0) {
        const f = facts(o.role);
        // Suggestions never fill these: say who does, so the principal records the outcome.
        const note = f.known && !f.principalFills ? ` The principal does not fill this role (${whoFills(f)}); record who is chosen.` : "";
        warnings["open-role"].push({
          kind: "open-role",
          role: o.role,
          message: `${title(o.role)}: ${o.open} of ${o.count} place${o.count === 1 ? "" : "s"} open.${note}`,
        });
      }
    }

    // Skills the plan's roles draw on that nobody assigned brings.
    const needed = new Set();
    for (const o of openings) for (const skill of facts(o.role).skills) needed.add(skill);
    const brought = new Set();
    for (const p of plan.people) if (byPerson.get(p.id).length) (p.skills || []).forEach((s) => brought.add(s));
    const uncoveredSkills = index.skillOrder.filter((s) => needed.has(s) && !brought.has(s));
    for (const skill of uncoveredSkills) {
      const name = index.skills.get(skill).name;
      warnings["uncovered-skill"].push({
        kind: "uncovered-skill",
        skill,
        message: `${name}: the roles in this plan draw on it, and no one assigned brings it.`,
      });
    }

    let totalHours = 0;
    let releaseFte = 0;
    let stipendTotal = 0;
    let anyStipend = false;
    const unknownHours = [];
    const stipendMissing = [];
    const releaseUnknown = [];
    const add = (list, role) => list.includes(role) || list.push(role);
    for (const a of plan.assignments) {
      if (!byPerson.has(a.person)) continue;
      const f = facts(a.role);
      if (f.hours === null) add(unknownHours, a.role);
      else totalHours += f.hours;
      releaseFte += f.releaseFte;
      if (f.releaseUnknown) add(releaseUnknown, a.role);
      if (f.stipend === null) add(stipendMissing, a.role);
      else {
        stipendTotal += f.stipend;
        anyStipend = true;
      }
    }

    const leaders = plan.people.filter((p) => byPerson.get(p.id).length > 0).length;
    return {
      people,
      openings,
      filled: filledTotal,
      open: openings.reduce((sum, o) => sum + o.open, 0),
      leaders,
      totalHours: round2(totalHours),
      releaseFte: round2(releaseFte),
      stipendTotal: anyStipend ? round2(stipendTotal) : null,
      stipendMissing: anyStipend ? stipendMissing : [],
      currency: district ? district.currency || "USD" : null,
      unknownHours,
      releaseUnknown,
      uncoveredSkills,
      warnings: [].concat(...Object.values(warnings)),
    };
  }

  // --- CSV ------------------------------------------------------------------------------------

  const FORMULA_START = /^[=+\-@\t\r]/;

  /** One CSV cell: formula characters made literal with an apostrophe, quoted when needed. */
  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function assignmentsCsv(plan, catalog) {
    const rows = [["Person", "Role", "Role ID", "Hours a week", "Locked"]];
    const order = new Map(plan.people.map((p, i) => [p.id, i]));
    const names = new Map(plan.people.map((p) => [p.id, p.name]));
    const assignments = plan.assignments
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => order.has(a.person))
      .sort((x, y) => order.get(x.a.person) - order.get(y.a.person) || x.i - y.i);
    for (const { a } of assignments) {
      const f = roleFacts(catalog, a.role);
      rows.push([names.get(a.person), f.title, a.role, f.hours === null ? "" : String(round2(f.hours)), a.locked ? "yes" : "no"]);
    }
    return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  const api = {
    FORMAT,
    VERSION,
    LIMITS,
    emptyPlan,
    parsePlan,
    serializePlan,
    addPerson,
    updatePerson,
    removePerson,
    setOpening,
    assign,
    unassign,
    setLocked,
    peopleFromText,
    roleFacts,
    summarize,
    assignmentsCsv,
    compareIds,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TLPlan = Object.assign(root.TLPlan || {}, api);
})(typeof globalThis !== "undefined" ? globalThis : this);
