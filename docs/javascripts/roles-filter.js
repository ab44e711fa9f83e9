/* The role inventory's filtering logic, as pure functions: no DOM, no page.
 *
 * roles.js reads the page, calls these and writes the page; tests/js/ runs them in Node.
 * A classic script (the site loads it with a plain <script>), so it attaches to
 * globalThis.TLRoles and, under Node, to module.exports.
 *
 * Words are folded, split and stemmed by the same rules as src/tltoolkit/words.py, which
 * finds at build time the synonym groups (data/synonyms.yml) each role's text mentions;
 * tests/js/fixtures/words.json holds cases both sides must pass.
 */
(function (root) {
  "use strict";

  // --- words --------------------------------------------------------------------

  /** Lower case without accents. */
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  /** The words of `text`, folded, in order; punctuation and hyphens separate words. */
  function tokens(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  const ALPHA = /^\p{L}+$/u;

  /** A light English stem, so coach, coaches, coaching and coached meet ("coach"). */
  function stem(word) {
    if (!ALPHA.test(word)) return word;
    if (word.length <= 3) return word.length === 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
    if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y";
    else if (word.endsWith("sses")) word = word.slice(0, -2);
    else if (word.endsWith("es") && /(s|x|z|ch|sh)$/.test(word.slice(0, -2))) word = word.slice(0, -2);
    else if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (word.endsWith("ied") && word.length > 4) word = word.slice(0, -3) + "y";
    else if (word.endsWith("ing") && word.length >= 6) word = word.slice(0, -3);
    else if (word.endsWith("ed") && word.length >= 5) word = word.slice(0, -2);
    const last = word[word.length - 1];
    if (word.length >= 4 && last === word[word.length - 2] && !"aeioulsz".includes(last)) word = word.slice(0, -1);
    if (word.length >= 4 && word.endsWith("e")) word = word.slice(0, -1);
    return word;
  }

  // --- the page's word index ------------------------------------------------------------

  /**
   * The index the page carries: `words` (the vocabulary rows point into), `groups` (each a list of
   * terms, words separated by spaces) and `stop` (words ignored when typed alone).
   */
  function createIndex(data) {
    const starts = new Map(); // first stem of a term -> [{ stems, group }], longest first
    (data.groups || []).forEach((terms, group) => {
      for (const term of terms) {
        const stems = tokens(term).map(stem);
        if (!stems.length) continue;
        if (!starts.has(stems[0])) starts.set(stems[0], []);
        starts.get(stems[0]).push({ stems: stems, group: group });
      }
    });
    for (const list of starts.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    const words = data.words || [];
    return { words: words, stems: words.map(stem), starts: starts, stop: new Set(data.stop || []), cache: new Map() };
  }

  /** A row's words, as the page writes them: base-36 numbers into the vocabulary. */
  function decodeNumbers(text) {
    return text ? Int32Array.from(text.split(" "), (n) => parseInt(n, 36)) : new Int32Array(0);
  }

  /**
   * What typed text asks for, in order: `{ group }` for a term of a synonym group (the longest
   * that fits, so "English learners" is one term), `{ word, ids }` for any other word, with the
   * mask of the vocabulary words it matches (that start with it, or share its stem).
   */
  function parseQuery(index, text) {
    const typed = tokens(text);
    const stems = typed.map(stem);
    const wanted = [];
    for (let i = 0; i < typed.length; ) {
      const term = (index.starts.get(stems[i]) || []).find((t) => t.stems.every((s, k) => stems[i + k] === s));
      if (term) {
        wanted.push({ group: term.group, text: typed.slice(i, i + term.stems.length).join(" ") });
        i += term.stems.length;
        continue;
      }
      if (!index.stop.has(typed[i])) wanted.push({ word: typed[i], ids: wordIds(index, typed[i], stems[i]) });
      i += 1;
    }
    return wanted;
  }

  /** Which vocabulary words a typed word matches, as a mask (1 = matches) indexed by word number. */
  function wordIds(index, word, stemmed) {
    if (!index.cache.has(word)) {
      const mask = new Uint8Array(index.words.length);
      index.words.forEach((w, id) => {
        if (w.startsWith(word) || index.stems[id] === stemmed) mask[id] = 1;
      });
      index.cache.set(word, mask);
    }
    return index.cache.get(word);
  }

  /** Whether a row ({ words: numbers, groups: numbers }) has everything the query asks for. */
  function matchesQuery(row, wanted) {
    return wanted.every((want) => ("group" in want ? row.groups.includes(want.group) : hasWord(row.words, want.ids)));
  }

  function hasWord(words, mask) {
    for (let i = 0; i < words.length; i++) if (mask[words[i]] === 1) return true;
    return false;
  }

  // --- the other filters ---------------------------------------------------------------

  /**
   * Rows that pass every filter. `filters`: { held, scope, selection, standard, filled } (values or
   * ""), `skills` (every one required) and `wanted` (from parseQuery).
   */
  function filterRows(rows, filters, skills, wanted) {
    return rows.filter(
      (row) =>
        ["held", "scope", "selection", "filled"].every((key) => !filters[key] || row[key] === filters[key]) &&
        (!filters.standard || row.standards.includes(filters.standard)) &&
        skills.every((skill) => row.skills.includes(skill)) &&
        matchesQuery(row, wanted),
    );
  }

  // --- sorting -------------------------------------------------------------------------

  /** The orders the inventory offers; "" is the page's own (by area, then the data file's order). */
  const titles = new Intl.Collator(undefined, { sensitivity: "base", numeric: true }); // one collator: fast on 5,000 rows
  const SORTS = {
    "": () => 0,
    title: (a, b) => titles.compare(a.title, b.title),
    held: (a, b) => a.heldRank - b.heldRank,
    filled: (a, b) => a.filledRank - b.filledRank,
  };

  /** `rows` in the order `key` names (unknown keys keep the page's order); ties keep the page's order. */
  function sortRows(rows, key) {
    const compare = SORTS[key] || SORTS[""];
    return rows.slice().sort((a, b) => compare(a, b) || a.index - b.index);
  }

  // --- saying what is shown ------------------------------------------------------------

  /**
   * The line printed above a filtered inventory: "Filtered: text 'coach', skill Data use, when
   * held: Partial release — 7 of 43 roles." `applied`: [label, value] pairs, in the form's order.
   */
  function describeFilters(applied, shown, total) {
    const roles = total + (total === 1 ? " role" : " roles");
    if (!applied.length) return "All " + roles + ".";
    const parts = applied.map(([label, value]) => label + " " + value);
    return "Filtered: " + parts.join(", ") + " \u2014 " + shown + " of " + roles + ".";
  }

  const api = { fold, tokens, stem, createIndex, decodeNumbers, parseQuery, matchesQuery, filterRows, sortRows, SORTS, describeFilters };
  root.TLRoles = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);
