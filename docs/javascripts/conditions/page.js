/* The school-conditions check (/conditions/): the page half.
 *
 * Shows the rating and note under each condition and the action plan, reads and writes the
 * inputs, calls the pure functions of check.js (globalThis.TLConditions) and keeps the answers in
 * localStorage under a key of this site's own. Nothing is ever sent anywhere, and from file://
 * without storage the check still works for as long as the page is open. Text from the data or
 * the answers reaches the page as textContent only, never as markup.
 */
(function () {
  "use strict";

  const plan = document.getElementById("tl-cc-plan");
  const dataElement = document.getElementById("tl-cc-data");
  if (!plan || !dataElement) return; // another page of the site

  const T = globalThis.TLConditions;
  const $ = (id) => document.getElementById(id);
  const ui = {
    intro: $("tl-cc-intro"),
    storage: $("tl-cc-storage"),
    migrated: $("tl-cc-migrated"),
    status: $("tl-cc-status"),
    list: $("tl-cc-list"),
    unrated: $("tl-cc-unrated"),
    unratedList: $("tl-cc-unrated-list"),
    print: $("tl-cc-print"),
    clear: $("tl-cc-clear"),
    confirm: $("tl-cc-confirm"),
    confirmYes: $("tl-cc-confirm-yes"),
    confirmNo: $("tl-cc-confirm-no"),
    message: $("tl-cc-message"),
  };

  let data;
  try {
    data = JSON.parse(dataElement.textContent);
  } catch (error) {
    return; // the page stays as it reads without JavaScript
  }
  if (!T) return;

  // The site's root, from this script's own address (…/javascripts/conditions/page.js), so the
  // key is the same on every page address and differs between two sites on one host.
  const script = document.currentScript;
  const siteRoot = script && script.src ? new URL("../../", script.src).pathname : "/";
  const KEY = T.storageKey(siteRoot);

  // --- storage: absent or refused (file://, private modes, full) is said once, never thrown ---------

  let storage = null;
  try {
    storage = window.localStorage;
    const probe = KEY + ":probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (error) {
    storage = null;
  }

  function noStorage(why) {
    storage = null;
    ui.storage.textContent = why + " Your answers stay while this page is open; print the action plan to keep them.";
    ui.storage.hidden = false;
  }

  let answers = T.emptyAnswers();
  let droppedTicks = 0;
  if (storage) {
    try {
      const read = T.readAnswers(storage.getItem(KEY), data);
      answers = read.answers;
      droppedTicks = read.droppedTicks;
    } catch (error) {
      answers = T.emptyAnswers();
    }
  } else {
    noStorage("This browser does not let the page keep your answers (as often for a page opened from a file).");
  }

  function save() {
    if (!storage) return;
    try {
      if (Object.keys(answers.answers).length) storage.setItem(KEY, T.serializeAnswers(answers, data));
      else storage.removeItem(KEY);
    } catch (error) {
      noStorage("This browser stopped letting the page keep your answers.");
    }
  }

  // Ticks an earlier version of the page saved by their place in the list: dropped (the signs may
  // have been reordered or edited since), said once, and the answers saved in the current form.
  if (droppedTicks && ui.migrated) {
    ui.migrated.textContent =
      "The ticked signs saved by an earlier version of this page were cleared, as the list of signs may have changed since; your ratings and notes are kept. Tick the signs again.";
    ui.migrated.hidden = false;
    save();
  }

  // --- the inputs -----------------------------------------------------------------

  const inputs = (selector) => Array.from(document.querySelectorAll(selector));

  /** Every box, rating and note as the answers say. */
  function fill() {
    for (const box of inputs("input[type=checkbox][data-condition]")) {
      box.checked = T.answerFor(answers, box.dataset.condition).signs.includes(box.dataset.sign);
    }
    for (const radio of inputs("input[type=radio][data-condition]")) {
      radio.checked = Number(radio.value) === T.answerFor(answers, radio.dataset.condition).rating;
    }
    for (const note of inputs("textarea[data-condition]")) {
      note.value = T.answerFor(answers, note.dataset.condition).note;
    }
  }

  function change(event) {
    const target = event.target;
    const id = target && target.dataset ? target.dataset.condition : null;
    if (!id) return;
    try {
      if (target.type === "checkbox") answers = T.setSign(answers, data, id, target.dataset.sign, target.checked);
      else if (target.type === "radio") answers = T.setRating(answers, data, id, Number(target.value));
      else if (target.tagName === "TEXTAREA") answers = T.setNote(answers, data, id, target.value);
      else return;
    } catch (error) {
      return; // an input the data does not know (edited page): nothing to keep
    }
    save();
    draw();
  }

  // --- the action plan ------------------------------------------------------------

  /** An element with attributes and text children (strings become text, never markup). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** The hrefs MkDocs wrote in the condition's "See also" list, one per link in the data. */
  function hrefs(id) {
    const block = $("tl-cc-links-" + id);
    return block ? Array.from(block.querySelectorAll("a[href]"), (a) => a.getAttribute("href")) : [];
  }

  function linkItem(link, href) {
    const title = href ? el("a", { href }, link.title) : link.title;
    return el("li", null, link.skill ? link.skill + ": " : "", title);
  }

  function linkLists(entry) {
    const found = hrefs(entry.id);
    const usable = found.length === entry.links.length; // else show the titles without links
    const moves = [];
    const others = [];
    entry.links.forEach((link, i) => {
      const item = linkItem(link, usable ? found[i] : null);
      (link.kind === "principal move" ? moves : others).push(item);
    });
    return [
      moves.length ? [el("p", { class: "tl-cc-sub" }, "Principal moves that help"), el("ul", null, moves)] : null,
      others.length ? [el("p", { class: "tl-cc-sub" }, "Also see"), el("ul", null, others)] : null,
    ];
  }

  function ratedItem(entry) {
    return el(
      "li",
      { class: "tl-cc-item tl-cc-item--" + entry.rating, "data-condition": entry.id },
      el("h3", null, el("a", { href: "#" + entry.id }, entry.name)),
      el("p", { class: "tl-cc-meta" }, el("strong", null, entry.rating + " " + entry.ratingLabel), " · " + T.signsText(entry)),
      entry.note ? el("p", { class: "tl-cc-note" }, el("strong", null, "Our note: "), entry.note) : null,
      el("p", { class: "tl-cc-sub" }, "Strategies to try"),
      el("ul", null, entry.strategies.map((s) => el("li", null, s))),
      linkLists(entry),
      el("p", { class: "tl-cc-who" }, el("span", null, "Who:"), el("span", { class: "tl-cc-blank" }), el("span", null, "By when:"), el("span", { class: "tl-cc-blank" })),
    );
  }

  function unratedItem(entry) {
    // Under the heading "Not yet rated": the name, and the signs ticked so far if any.
    const ticked = entry.ticked ? " (" + T.signsText(entry) + ")" : "";
    return el("li", { "data-condition": entry.id }, el("a", { href: "#" + entry.id }, entry.name), ticked);
  }

  function draw() {
    const summary = T.summarize(answers, data);
    ui.list.replaceChildren(...summary.rated.map(ratedItem));
    ui.list.hidden = summary.rated.length === 0;
    ui.unratedList.replaceChildren(...summary.unrated.map(unratedItem));
    ui.unrated.hidden = summary.unrated.length === 0;
    const status = T.statusText(summary);
    if (ui.status.textContent !== status) ui.status.textContent = status; // the same text is not announced again
  }

  // --- start over, print ---------------------------------------------------------------

  function askToClear() {
    ui.message.textContent = "";
    ui.confirm.hidden = false;
    ui.confirmNo.focus();
  }

  function closeConfirm() {
    ui.confirm.hidden = true;
    ui.clear.focus();
  }

  function clearAll() {
    answers = T.emptyAnswers();
    save();
    fill();
    draw();
    closeConfirm();
    ui.message.textContent = "Your answers were cleared from this browser.";
  }

  // --- start ---------------------------------------------------------------------------

  fill();
  draw();
  for (const block of inputs(".tl-cc-answer")) block.hidden = false;
  ui.intro.hidden = false;
  plan.hidden = false;

  document.addEventListener("change", change);
  document.addEventListener("input", (event) => {
    if (event.target && event.target.tagName === "TEXTAREA") change(event);
  });
  ui.print.addEventListener("click", () => window.print());
  ui.clear.addEventListener("click", askToClear);
  ui.confirmNo.addEventListener("click", closeConfirm);
  ui.confirmYes.addEventListener("click", clearAll);
  ui.confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeConfirm();
  });
  // Answers changed in another tab of the same site.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY || !storage) return;
    answers = T.parseAnswers(event.newValue, data);
    fill();
    draw();
  });
})();
