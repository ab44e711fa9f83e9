/* The school-conditions check (/conditions/): the answers (read, check, write), changes to them,
 * and the action plan's order and status line.
 *
 * A classic script (Chromium refuses module scripts from file://) that adds its functions to
 * window.TLConditions, and a CommonJS module in Node for the unit tests. No dependencies, no
 * network, no DOM. Every function is pure: answers and data passed in are never changed.
 *
 * `data` is the object the page embeds (content/self_assessment.py):
 *   {ratings: ["Not yet", ...], conditions: [{id, name, signs, strategies, links: [{kind, title, skill}]}]}
 * where a condition's `signs` are its signs' keys in page order (a short hash of each sign's text,
 * `sign_key` in self_assessment.py; the boxes' `data-sign`).
 * The answers, as the page saves them in the browser:
 *   {format: "tltoolkit-conditions", version: 2, answers: {<condition id>: {signs: ["3fa2c1d0"], rating: 2, note: ""}}}
 * `signs` holds the keys of the ticked signs, so a tick follows its sign's text when a district
 * reorders or edits the signs (an edited sign has a new key: its old tick is dropped, never moved
 * to another sign); `rating` 1 to 4 (the scale's position) or 0 for not rated. A condition with
 * nothing ticked, rated or noted has no entry. Version 1 saved the ticked signs' positions: read
 * back, its ratings and notes are kept and its ticks dropped (the list may have changed since).
 */
(function (root) {
  "use strict";

  const FORMAT = "tltoolkit-conditions";
  const VERSION = 2;
  const POSITION_VERSION = 1; // ticks saved by position: read, ticks dropped
  const NOTE_LIMIT = 2000;
  const TEXT_LIMIT = 512 * 1024; // a saved text longer than this is not ours: it is ignored
  const KEY_PREFIX = "tltoolkit-conditions:";

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /** The storage key for the site whose root is at `sitePath` (a URL path): two sites on
   * one origin (two districts under one host) keep their answers apart. */
  function storageKey(sitePath) {
    return KEY_PREFIX + (String(sitePath || "/").replace(/\/*$/, "/"));
  }

  function emptyAnswers() {
    return { format: FORMAT, version: VERSION, answers: {} };
  }

  function conditionsOf(data) {
    return (data && Array.isArray(data.conditions) ? data.conditions : []);
  }

  /** A condition's sign keys in page order (none when the data gives no list). */
  function signKeys(condition) {
    return Array.isArray(condition.signs) ? condition.signs.filter((key) => typeof key === "string") : [];
  }

  function scaleLength(data) {
    return data && Array.isArray(data.ratings) ? data.ratings.length : 0;
  }

  function cleanNote(value) {
    return typeof value === "string" ? value.slice(0, NOTE_LIMIT) : "";
  }

  /** One condition's answer kept only as far as it fits the data: keys of signs it has, once
   * each, in page order; a rating on the scale; a note of at most NOTE_LIMIT characters. */
  function cleanAnswer(raw, condition, scale) {
    const answer = { signs: [], rating: 0, note: "" };
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return answer;
    if (Array.isArray(raw.signs)) {
      const ticked = new Set(raw.signs);
      answer.signs = signKeys(condition).filter((key) => ticked.has(key));
    }
    if (Number.isInteger(raw.rating) && raw.rating >= 1 && raw.rating <= scale) answer.rating = raw.rating;
    answer.note = cleanNote(raw.note);
    return answer;
  }

  function isBlank(answer) {
    return answer.signs.length === 0 && answer.rating === 0 && answer.note.trim() === "";
  }

  /**
   * Saved text back to answers: {answers, droppedTicks}. Never throws: text that is not our format
   * gives empty answers; answers for conditions the data no longer has are dropped, the rest
   * cleaned (cleanAnswer). Ticks saved by position (version 1) are dropped, as the signs may have
   * been reordered or edited since: `droppedTicks` counts them, for the page to say so.
   */
  function readAnswers(text, data) {
    const result = { answers: emptyAnswers(), droppedTicks: 0 };
    if (typeof text !== "string" || text.length > TEXT_LIMIT) return result;
    let raw;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return result;
    }
    if (!raw || raw.format !== FORMAT || !raw.answers || typeof raw.answers !== "object" || Array.isArray(raw.answers)) {
      return result;
    }
    const byPosition = raw.version === POSITION_VERSION;
    if (raw.version !== VERSION && !byPosition) return result;
    const scale = scaleLength(data);
    for (const condition of conditionsOf(data)) {
      if (!has(raw.answers, condition.id)) continue;
      let saved = raw.answers[condition.id];
      if (byPosition && saved && typeof saved === "object" && !Array.isArray(saved)) {
        if (Array.isArray(saved.signs)) result.droppedTicks += saved.signs.filter((i) => Number.isInteger(i)).length;
        saved = Object.assign({}, saved, { signs: [] });
      }
      const answer = cleanAnswer(saved, condition, scale);
      if (!isBlank(answer)) result.answers.answers[condition.id] = answer;
    }
    return result;
  }

  /** Saved text back to answers (readAnswers without the count of dropped ticks). */
  function parseAnswers(text, data) {
    return readAnswers(text, data).answers;
  }

  /** Answers as saved: conditions in the data's order, so the same answers give the same text. */
  function serializeAnswers(answers, data) {
    const ordered = {};
    for (const condition of conditionsOf(data)) {
      if (answers && answers.answers && has(answers.answers, condition.id)) ordered[condition.id] = answers.answers[condition.id];
    }
    return JSON.stringify({ format: FORMAT, version: VERSION, answers: ordered });
  }

  /** One condition's answer (an empty one when it has none). */
  function answerFor(answers, id) {
    const found = answers && answers.answers && has(answers.answers, id) ? answers.answers[id] : null;
    return found ? { signs: found.signs.slice(), rating: found.rating, note: found.note } : { signs: [], rating: 0, note: "" };
  }

  function findCondition(data, id) {
    const condition = conditionsOf(data).find((c) => c.id === id);
    if (!condition) throw new Error("There is no condition " + JSON.stringify(id) + " in this toolkit.");
    return condition;
  }

  function withAnswer(answers, data, id, change) {
    const condition = findCondition(data, id);
    const next = cleanAnswer(Object.assign(answerFor(answers, id), change), condition, scaleLength(data));
    const result = { format: FORMAT, version: VERSION, answers: Object.assign({}, answers && answers.answers) };
    if (isBlank(next)) delete result.answers[id];
    else result.answers[id] = next;
    return result;
  }

  /** Tick or untick the sign with key `key` (its `data-sign`) of condition `id`. */
  function setSign(answers, data, id, key, ticked) {
    const signs = answerFor(answers, id).signs.filter((k) => k !== key);
    if (ticked) signs.push(key);
    return withAnswer(answers, data, id, { signs });
  }

  /** Rate condition `id`: 1 to the scale's length, or 0 for not rated. */
  function setRating(answers, data, id, rating) {
    return withAnswer(answers, data, id, { rating: Number(rating) || 0 });
  }

  function setNote(answers, data, id, note) {
    return withAnswer(answers, data, id, { note: String(note) });
  }

  /** Weakest first: lower rating, then a smaller share of signs ticked, then the data's order. */
  function compareEntries(a, b) {
    return a.rating - b.rating || a.share - b.share || a.position - b.position;
  }

  /**
   * The action plan: `rated` (weakest first, compareEntries) and `unrated` (the data's order), each
   * entry {id, name, position, rating, ratingLabel, ticked, signs, share, note, strategies, links},
   * plus `total` conditions and `ratedCount`.
   */
  function summarize(answers, data) {
    const ratings = data && Array.isArray(data.ratings) ? data.ratings : [];
    const entries = conditionsOf(data).map((condition, position) => {
      const answer = answerFor(answers, condition.id);
      const signs = signKeys(condition).length;
      return {
        id: condition.id,
        name: condition.name,
        position,
        rating: answer.rating,
        ratingLabel: answer.rating ? ratings[answer.rating - 1] : "Not yet rated",
        ticked: answer.signs.length,
        signs,
        share: signs ? answer.signs.length / signs : 0,
        note: answer.note.trim(),
        strategies: condition.strategies || [],
        links: condition.links || [],
      };
    });
    const rated = entries.filter((e) => e.rating > 0).sort(compareEntries);
    const unrated = entries.filter((e) => e.rating === 0);
    return { rated, unrated, total: entries.length, ratedCount: rated.length };
  }

  function signsText(entry) {
    return entry.ticked + " of " + entry.signs + (entry.signs === 1 ? " sign" : " signs") + " ticked";
  }

  /** One sentence for the page's polite live region: how many are rated, and the weakest. */
  function statusText(summary) {
    if (summary.total === 0) return "There are no conditions to rate.";
    if (summary.ratedCount === 0) return "No condition rated yet. Rate one to start your action plan.";
    const weakest = summary.rated[0];
    const count = summary.ratedCount === summary.total
      ? "All " + summary.total + " conditions rated."
      : summary.ratedCount + " of " + summary.total + " conditions rated.";
    return count + " Weakest: " + weakest.name + " (" + weakest.ratingLabel + ", " + signsText(weakest) + ").";
  }

  const api = {
    FORMAT, VERSION, NOTE_LIMIT, KEY_PREFIX,
    storageKey, emptyAnswers, readAnswers, parseAnswers, serializeAnswers, answerFor, signKeys,
    setSign, setRating, setNote, compareEntries, summarize, signsText, statusText,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TLConditions = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
