/* Role explorer: filters on the role inventory (/roles/) and skill matching (/roles/match/).
 *
 * Plain script, no dependencies; it runs on every page and does nothing unless the page has
 * the explorer's elements. Both pages work without it: the whole table and list show and the
 * controls stay hidden. The state of the controls is kept in the URL query string
 * (?text=...&skill=...&held=...&sort=...; not "q", which Material's search reads), so a view can be
 * bookmarked, shared and reloaded.
 */
(function () {
  "use strict";

  // --- shared helpers --------------------------------------------------------

  /** Lower case without accents, as the `search_text` filter writes data-text in the page. */
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function checkedValues(form, name) {
    return Array.from(form.querySelectorAll("input[name='" + name + "']:checked"), (box) => box.value);
  }

  /** The controls' values as a query string: only what differs from "no filter". */
  function formQuery(form) {
    const params = new URLSearchParams();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        if (el.checked) params.append(el.name, el.value);
      } else if (el.value.trim()) {
        params.set(el.name, el.value.trim());
      }
    }
    return params.toString();
  }

  /** Set the controls from the page's URL; values the page does not offer are ignored. */
  function readUrl(form) {
    const params = new URLSearchParams(window.location.search);
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        el.checked = params.getAll(el.name).includes(el.value);
      } else if (el.tagName === "SELECT") {
        const value = params.get(el.name) || "";
        el.value = Array.from(el.options).some((option) => option.value === value) ? value : "";
      } else if (el.type === "search" || el.type === "text") {
        el.value = params.get(el.name) || "";
      }
    }
  }

  function writeUrl(query) {
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function clearForm(form) {
    for (const el of form.elements) {
      if (el.type === "checkbox") el.checked = false;
      else if (el.name && !("tlKeep" in el.dataset)) el.value = ""; // the sort order is not a filter
    }
  }

  /** Wire a form: apply(query) runs once per distinct state, on input, reset and page load. */
  function connect(form, apply) {
    let last = null;
    const update = () => {
      const query = formQuery(form);
      if (query === last) return;
      last = query;
      apply();
      writeUrl(query);
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      clearForm(form);
      update();
    });
    readUrl(form);
    form.hidden = false;
    update();
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  /** Rows shown at once; more behind a "show all" button, so a district's 5,000 roles stay quick. */
  const LIMIT = 100;

  /** The "show all" button after a table or list: shown while matches exceed the limit. */
  function moreButton(id, onShowAll) {
    const box = document.getElementById(id);
    const button = box.querySelector("button");
    button.addEventListener("click", onShowAll);
    return (hiddenCount, total) => {
      box.hidden = hiddenCount === 0;
      button.textContent = "Show all " + total + " (" + hiddenCount + " more)";
    };
  }

  /**
   * Make `wanted` (in order) the children of `list`. Rows that do not show are taken out of the
   * page rather than hidden, so the browser lays out only what is shown, however long the data.
   */
  function display(list, wanted) {
    const current = list.children;
    if (current.length === wanted.length && wanted.every((item, i) => item.el === current[i])) return;
    list.replaceChildren(...wanted.map((item) => item.el));
  }

  function focusFirstOf(items) {
    const link = items.length ? items[0].el.querySelector("a") : null;
    if (link) link.focus();
  }

  // --- filtering the inventory -------------------------------------------------
  // The logic lives in roles-filter.js (TLRoles), tested in Node; this part reads and writes the page.

  function initFilters(form, table, logic) {
    const body = table.tBodies[0];
    const indexData = document.getElementById("tl-roles-index");
    const index = logic.createIndex(indexData ? JSON.parse(indexData.textContent) : {});
    const rank = (select) => Object.fromEntries(Array.from(select.options, (option, i) => [option.value, i]));
    const heldRank = rank(form.elements.held);
    const filledRank = rank(form.elements.filled);
    const rows = Array.from(body.rows, (tr, i) => ({
      el: tr,
      index: i,
      title: tr.cells[0].querySelector("a").textContent,
      skills: tr.dataset.skills.split(" "),
      standards: tr.dataset.standards.split(" "),
      held: tr.dataset.held,
      scope: tr.dataset.scope,
      selection: tr.dataset.selection,
      filled: tr.dataset.filled,
      heldRank: heldRank[tr.dataset.held],
      filledRank: filledRank[tr.dataset.filled],
      words: logic.decodeNumbers(tr.dataset.words),
      groups: logic.decodeNumbers(tr.dataset.groups),
    }));
    const count = document.getElementById("tl-roles-count");
    const applied = document.getElementById("tl-roles-applied");
    const headers = Array.from(table.tHead.rows[0].cells);
    const fields = form.elements;
    let limit = LIMIT;
    let matching = rows;
    const more = moreButton("tl-roles-more", () => {
      const first = matching.slice(limit);
      limit = Infinity;
      render();
      focusFirstOf(first);
    });
    // A printed inventory lists every matching role, not the first hundred.
    window.addEventListener("beforeprint", () => {
      if (matching.length > limit) {
        limit = Infinity;
        render();
      }
    });

    function render() {
      const shown = Math.min(matching.length, limit);
      display(body, matching.slice(0, shown));
      more(matching.length - shown, matching.length);
      const n = matching.length;
      const total = plural(rows.length, "role");
      count.textContent =
        n === 0
          ? "No role matches these filters. Clear one to see more."
          : shown < n
            ? n + " of " + total + " match; showing the first " + shown + "."
            : n === rows.length
              ? "Showing all " + total + "."
              : "Showing " + n + " of " + total + ".";
    }

    /** [label, value] for each filter in use, in the form's order, for the printed line. */
    function appliedFilters() {
      const list = [];
      const text = fields.text.value.trim();
      if (text) list.push(["text", "\u2018" + text + "\u2019"]);
      for (const box of form.querySelectorAll("input[name='skill']:checked")) {
        list.push(["skill", box.parentElement.textContent.trim()]);
      }
      for (const name of ["held", "scope", "selection", "standard", "filled"]) {
        const select = fields[name];
        if (select && select.value) {
          const label = form.querySelector("label[for='" + select.id + "']").textContent.trim();
          list.push([label.toLowerCase() + ":", select.options[select.selectedIndex].textContent.trim()]);
        }
      }
      return list;
    }

    connect(form, () => {
      const filters = {};
      for (const name of ["held", "scope", "selection", "standard", "filled"]) filters[name] = fields[name] ? fields[name].value : "";
      const wanted = logic.parseQuery(index, fields.text.value);
      const sort = fields.sort ? fields.sort.value : "";
      matching = logic.sortRows(logic.filterRows(rows, filters, checkedValues(form, "skill"), wanted), sort);
      for (const th of headers) {
        if ("sort" in th.dataset && th.dataset.sort === sort) th.setAttribute("aria-sort", "ascending");
        else th.removeAttribute("aria-sort");
      }
      applied.textContent = logic.describeFilters(appliedFilters(), matching.length, rows.length);
      applied.hidden = false;
      limit = LIMIT;
      render();
    });
  }

  // --- matching roles to skills ---------------------------------------------------

  function initMatch(form, list) {
    const names = {};
    for (const box of form.querySelectorAll("input[name='skill']")) {
      names[box.value] = box.parentElement.textContent.trim();
    }
    const items = Array.from(list.children, (li, index) => {
      const why = li.querySelector(".tl-why");
      // Only roles the principal fills are ranked (elected, rotating, panel and district roles are listed apart).
      const appointed = !li.dataset.filledBy || li.dataset.filledBy === "principal";
      return { el: li, index: index, skills: li.dataset.skills.split(" "), why: why, plain: why.textContent, key: "", appointed: appointed };
    });
    const status = document.getElementById("tl-match-status");
    const summary = document.getElementById("tl-match-summary");
    let limit = LIMIT;
    let ranked = items;
    let ranking = false;
    const more = moreButton("tl-match-more", () => {
      const first = ranked.slice(limit);
      limit = Infinity;
      render();
      focusFirstOf(first);
    });

    function render() {
      const wanted = ranked.slice(0, limit);
      for (const item of wanted) explain(item, ranking);
      display(list, wanted);
      more(ranked.length - wanted.length, ranked.length);
    }

    connect(form, () => {
      const chosen = checkedValues(form, "skill");
      const ticked = new Set(chosen);
      ranking = chosen.length > 0;
      limit = LIMIT;
      if (!ranking) {
        ranked = items;
        render();
        status.textContent = "Tick one or more skills to rank the " + plural(items.length, "role") + ".";
        summary.hidden = true;
        return;
      }
      let complete = 0;
      ranked = [];
      for (const item of items) {
        if (!item.appointed) continue;
        item.matched = item.skills.filter((skill) => ticked.has(skill));
        if (!item.matched.length) continue;
        item.missing = item.skills.filter((skill) => !ticked.has(skill));
        if (item.matched.length === chosen.length) complete += 1;
        ranked.push(item);
      }
      ranked.sort(
        (a, b) => b.matched.length - a.matched.length || a.missing.length - b.missing.length || a.index - b.index,
      );
      render();
      const fitting = ranked.length;
      const verb = (n) => (n === 1 ? " draws" : " draw");
      status.textContent =
        chosen.length === 1
          ? plural(fitting, "role") + verb(fitting) + " on the ticked skill. Best fit first."
          : plural(fitting, "role") + verb(fitting) + " on at least one ticked skill; " +
            (complete === 0 ? "none draws" : complete + verb(complete)) +
            (chosen.length === 2 ? " on both" : " on all " + chosen.length) + ". Best fit first.";
      summary.textContent = "Skills present: " + chosen.map((id) => names[id]).join(", ") + ".";
      summary.hidden = false;
    });

    /** "Matches 2 of its 3 skills. Matched: A, B. Missing: C." or the page's own text when nothing is ticked. */
    function explain(item, ranking) {
      const key = ranking ? item.matched.join(" ") + "|" + item.missing.join(" ") : "";
      if (key === item.key) return;
      item.key = key;
      item.why.textContent = "";
      if (!ranking) {
        item.why.textContent = item.plain;
        return;
      }
      const fit = document.createElement("span");
      fit.className = "tl-fit" + (item.missing.length === 0 ? " tl-fit--full" : "");
      fit.textContent = "Matches " + item.matched.length + " of its " + plural(item.skills.length, "skill");
      item.why.append(fit, " ");
      part("Matched", item.matched);
      part("Missing", item.missing);

      function part(label, ids) {
        const strong = document.createElement("strong");
        strong.textContent = label + ":";
        item.why.append(strong, " " + (ids.length ? ids.map((id) => names[id]).join(", ") : "none") + ". ");
      }
    }

    form.querySelector("[data-tl-action='print']").addEventListener("click", () => window.print());
    const copied = document.getElementById("tl-match-copied");
    form.querySelector("[data-tl-action='copy']").addEventListener("click", () => {
      const url = window.location.href;
      const done = () => (copied.textContent = "Link copied.");
      const failed = () => (copied.textContent = "Copy this link: " + url);
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, failed);
      else failed();
    });
  }

  // --- start ------------------------------------------------------------------

  const filters = document.getElementById("tl-role-filters");
  const table = document.getElementById("tl-roles");
  if (filters && table && window.TLRoles) initFilters(filters, table, window.TLRoles);

  const match = document.getElementById("tl-match");
  const results = document.getElementById("tl-match-results");
  if (match && results) initMatch(match, results);
})();
