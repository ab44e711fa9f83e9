/*
 * Site search from the index built with the site (src/tltoolkit/web/search_prebuilt.py).
 *
 * The build puts this before Material's search worker and changes two places in that worker:
 * where it builds its lunr index (`this.index = lunr(function () {...})` becomes
 * `this.index = __tlSearch(config, docs, this.table)(function () {...})`), and where it reads a
 * result's word positions for highlighting (a position not stored is asked of
 * `__tlSearch.positions`). Without a prebuilt index that goes with the search index (its config
 * names it by a key), `__tlSearch` returns `lunr` itself and the worker builds as it always did.
 *
 * The prebuilt index (search/search_prebuilt.json) is fetched as soon as the worker starts, in
 * parallel with the page fetching and reading search_index.json, and made ready for use before
 * the page's setup message arrives; messages wait until it is (or it failed). The offline copy,
 * which cannot fetch, has it inside its search index instead.
 *
 * With one, Material's own setup still runs on a lunr builder (fields, boosts, pipeline, tokenizer,
 * separator), but the builder is given no documents: the index is made from the prebuilt counts,
 * scored with lunr's formula and numbers, so results are those of a built index. What a query
 * reads of it (a word's postings, a page field's scored vector, the token set of all its words)
 * is made when first read (the token set just after ready), so search is ready without making all
 * of it. Word positions are found after ready, in slices, or when a
 * result is shown, by Material's own tokenizer, for that page only.
 */
self.__tlSearch = (() => {
  "use strict"

  const FORMAT = 2
  const FILE = "../../../search/search_prebuilt.json"  // from assets/javascripts/workers/
  const NO_POSITIONS = Object.freeze(Object.create(null))
  const QUERY = 2  // Material's SearchMessageType.QUERY
  // A query waits one task, so keystrokes already sent arrive first; one overtaken by a newer
  // query is not answered (the page shows only the newest answer anyway). Typing fast at 5,000
  // roles then costs one search at the end, not one per letter in a queue.
  const settle = () => new Promise(resolve => setTimeout(resolve, 0))
  let current = null
  let fetched = null  // the prebuilt index from FILE, prepared

  if (typeof location !== "undefined" && /^https?:$/.test(location.protocol) && typeof fetch === "function") {
    const arrived = fetch(new URL(FILE, location.href))
      .then(response => response.ok ? response.json() : null)
      .then(data => { fetched = prepare(data) })
      .catch(() => {})  // then the worker builds the index itself
    const listen = self.addEventListener
    self.addEventListener = (type, listener, options) => {
      if (type !== "message")
        return listen.call(self, type, listener, options)
      let queue = arrived  // one message at a time, in order, once the prebuilt index is here
      let asked = 0  // queries received so far
      return listen.call(self, type, event => {
        const query = event.data !== null && typeof event.data === "object" && event.data.type === QUERY
        const number = query ? ++asked : 0
        const done = queue
          .then(() => query && settle())
          .then(() => query && number !== asked ? undefined : listener.call(self, event))
        queue = done.catch(() => {})
        return done
      }, options)
    }
  }

  function search(config, docs, table) {
    const named = config.index
    current = null
    let prebuilt = null
    if (named && named.version === FORMAT)
      prebuilt = typeof named.counts === "string" ? prepare(named) : fetched
    if (!prebuilt || prebuilt.key !== named.key || prebuilt.docs !== docs.length)
      return lunr
    return configure => lunr(function (builder) {
      this.add = () => {}  // the documents are counted already
      configure.call(this, builder)
      const stages = this.pipeline._stack.map(fn => fn.label).join()
      if (stages !== "stopWordFilter" || this.searchPipeline._stack.length)
        throw new Error(`prebuilt search index: made for the stopWordFilter pipeline, not ${stages}`)
      if (Object.keys(this._fields).join() !== prebuilt.fields.join())
        throw new Error(`prebuilt search index: made for the fields ${prebuilt.fields}`)
      current = { docs, byLocation: null, table, tokenize: this.tokenizer, words: new Map() }
      this.build = () => {
        const built = index(this, prebuilt, docs)
        setTimeout(() => built.tokenSet, 0)
        setTimeout(locate, 0, current, prebuilt.fields, 0)
        return built
      }
    })
  }

  /* Once ready, in slices a query can come between: where the words sit in every page, as the
     built index would have had it (a result's highlighting then needs no more work). */
  function locate(state, fields, start) {
    if (state !== current)
      return
    const end = Math.min(start + 100, state.docs.length)
    for (let d = start; d < end; d++)
      for (const field of fields)
        if (state.docs[d][field] !== undefined)
          words(state, state.docs[d], field)
    if (end < state.docs.length)
      setTimeout(locate, 0, state, fields, end)
  }

  /* The words of a page's field and their positions (Material's tokenizer); fills Material's table. */
  function words(state, doc, field) {
    const key = [doc.location, field].join(":")
    let found = state.words.get(key)
    if (found === undefined) {
      state.table.set(key, lunr.tokenizer.table = [])
      const tokens = state.tokenize(doc[field])
      found = { words: tokens.map(token => token.str), positions: tokens.map(token => token.metadata.position) }
      state.words.set(key, found)
    }
    return found
  }

  /* What the index needs that does not depend on the pages' addresses or the builder's settings,
     made while the page is still busy: where each page field's counts start and how many words it
     has, each word's pages (lunr's postings, transposed) and idf. Null if the file is not a
     prebuilt index of this format. */
  function prepare(data) {
    if (!data || data.version !== FORMAT || typeof data.counts !== "string" || !Array.isArray(data.terms))
      return null
    const { terms, fields } = data
    const counts = numbers(data.counts)
    const F = fields.length, D = data.docs, T = terms.length
    const from = new Uint32Array(D * F), to = new Uint32Array(D * F)  // each page field's counts
    const length = new Uint32Array(D * F)
    const withTerm = new Uint32Array(T + 1)  // how many pages have word t, at t + 1; then where its pages start
    const lengths = new Float64Array(F)
    let at = 0
    for (let df = 0; df < D * F; df++) {
      from[df] = at + 1
      to[df] = at = at + 1 + counts[at]
      let words = 0
      for (let k = from[df], t = 0; k < to[df]; k++) {
        const step = counts[k]
        t += step >> 1
        withTerm[t + 1]++
        words += step & 1 ? counts[++k] : 1
      }
      length[df] = words
      lengths[df % F] += words
    }
    if (at !== counts.length || counts.length === 0 && D * F > 0)
      return null
    const idf = new Float64Array(T)
    for (let t = 0; t < T; t++) {  // lunr.idf
      const x = (D - withTerm[t + 1] + 0.5) / (withTerm[t + 1] + 0.5)
      idf[t] = Math.log(1 + Math.abs(x))
    }
    for (let t = 0; t < T; t++)
      withTerm[t + 1] += withTerm[t]
    const holders = new Uint32Array(withTerm[T])  // page * F + field, for each word in turn, in page order
    const next = withTerm.slice(0, T)
    for (let df = 0; df < D * F; df++)
      for (let k = from[df], t = 0; k < to[df]; k++) {
        const step = counts[k]
        t += step >> 1
        holders[next[t]++] = df
        if (step & 1)
          k++
      }
    return {
      key: data.key, docs: D, fields, terms, counts, from, to, length, lengths, withTerm, holders, idf,
      tokenSet: null  // made when first needed (index)
    }
  }

  /* The numbers written as text by search_prebuilt.py: base 32, first digit first, the last
     digit from "0".."O", any before it from "]".."|". */
  function numbers(text) {
    const out = new Uint32Array(text.length)
    let n = 0
    for (let i = 0, value = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 93 && c < 125) {
        value = value * 32 + c - 93
      } else if (c >= 48 && c < 80) {
        out[n++] = value * 32 + c - 48
        value = 0
      } else {
        return new Uint32Array(0)
      }
    }
    return out.subarray(0, n)
  }

  /* What lunr.Builder's add() and build() make, from the prepared counts instead of the text.
     A word's postings and a page field's scored vector are made the first time a query reads
     them, with the keys, order and numbers lunr's would have. */
  function index(builder, prebuilt, docs) {
    const { fields, terms, counts, from, to, length, lengths, withTerm, holders, idf } = prebuilt
    const F = fields.length, D = docs.length
    const refs = docs.map(doc => doc.location)

    const posting = Object.create(null)  // lunr's posting: { _index, [field]: { [ref]: metadata } }
    fields.forEach((field, f) => Object.defineProperty(posting, field, {
      get() {
        const found = Object.create(null)
        for (let k = withTerm[this._index]; k < withTerm[this._index + 1]; k++)
          if (holders[k] % F === f)
            found[refs[(holders[k] - f) / F]] = NO_POSITIONS
        Object.defineProperty(this, field, { value: found, writable: true, enumerable: true, configurable: true })
        return found
      }
    }))
    const invertedIndex = Object.create(null)
    for (let t = 0; t < terms.length; t++) {
      const entry = invertedIndex[terms[t]] = Object.create(posting)
      entry._index = t
    }

    const average = Array.from(lengths, total => total / D)
    const k1 = builder._k1, b = builder._b
    const boosts = fields.map(field => builder._fields[field].boost || 1)
    const byRef = new Map(refs.map((ref, d) => [ref, d]))
    const fieldIndex = new Map(fields.map((field, f) => [field, f]))
    const vectors = new Map()
    function vector(key) {  // lunr.Builder.prototype.createFieldVectors, for one page field
      let found = vectors.get(key)
      if (found !== undefined || typeof key !== "string")
        return found
      const cut = key.indexOf("/")
      const f = fieldIndex.get(key.slice(0, cut)), d = byRef.get(key.slice(cut + 1))
      if (cut < 0 || f === undefined || d === undefined)
        return undefined
      const df = d * F + f, docBoost = docs[d].boost || 1
      const elements = []
      for (let k = from[df], t = 0; k < to[df]; k++) {
        const step = counts[k]
        t += step >> 1
        const tf = step & 1 ? counts[++k] : 1
        let score = idf[t] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length[df] / average[f])) + tf)
        score *= boosts[f]
        score *= docBoost
        elements.push(t, Math.round(score * 1000) / 1000)
      }
      vectors.set(key, found = new lunr.Vector(elements))
      return found
    }
    let keys = null  // lunr's order: page by page, field by field
    const fieldVectors = new Proxy(Object.create(null), {
      get: (target, key) => vector(key),
      has: (target, key) => vector(key) !== undefined,
      ownKeys: () => keys ??= refs.flatMap(ref => fields.map(field => field + "/" + ref)),
      getOwnPropertyDescriptor: (target, key) => {
        const value = vector(key)
        return value && { value, writable: true, enumerable: true, configurable: true }
      }
    })
    const built = new lunr.Index({ invertedIndex, fieldVectors, tokenSet: null, fields, pipeline: builder.searchPipeline })
    // Every word, for a query to find those it matches: made by the first query, or just after ready.
    Object.defineProperty(built, "tokenSet", {
      get: () => prebuilt.tokenSet ??= lunr.TokenSet.fromArray(terms.slice().sort()),
      enumerable: true
    })
    return built
  }

  /* Whether the index of the last setup was made from the prebuilt one. */
  search.used = () => current !== null

  /* Where `term` sits in a page's field, as lunr would have stored it. */
  search.positions = (location, field, term) => {
    if (current === null)
      return []
    current.byLocation ??= new Map(current.docs.map(doc => [doc.location, doc]))
    const found = words(current, current.byLocation.get(location), field)
    const positions = []
    for (let i = 0; i < found.words.length; i++)
      if (found.words[i] === term)
        positions.push(found.positions[i])
    return positions
  }

  return search
})();
