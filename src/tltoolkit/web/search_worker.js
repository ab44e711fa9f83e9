/*
 * Site search from the index built with the site (src/tltoolkit/web/search_prebuilt.py).
 *
 * The build puts this before Material's search worker and changes two places in that worker:
 * where it builds its lunr index (`this.index = lunr(function () {...})` becomes
 * `this.index = __tlSearch(config, docs, this.table)(function () {...})`), and where it reads a
 * result's word positions for highlighting (a position not stored is asked of
 * `__tlSearch.positions`). Without a prebuilt index in the search index's config, `__tlSearch`
 * returns `lunr` itself and the worker builds as it always did.
 *
 * With one, Material's own setup still runs on a lunr builder (fields, boosts, pipeline, tokenizer,
 * separator), but the builder is given no documents: the index is made from the prebuilt counts,
 * scored with lunr's formula and numbers, so results are those of a built index. What a query
 * reads of it (a word's postings, a page field's scored vector) is made when first read, so search
 * is ready without making all of it. Word positions are found after ready, in slices, or when a
 * result is shown, by Material's own tokenizer, for that page only.
 */
self.__tlSearch = (() => {
  "use strict"

  const FORMAT = 1
  const NO_POSITIONS = Object.freeze(Object.create(null))
  let current = null

  function search(config, docs, table) {
    const prebuilt = config.index
    current = null
    if (!prebuilt || prebuilt.version !== FORMAT || prebuilt.docs.length !== docs.length)
      return lunr
    return configure => lunr(function (builder) {
      this.add = () => {}  // the documents are counted already
      configure.call(this, builder)
      const stages = this.pipeline._stack.map(fn => fn.label).join()
      if (stages !== "stopWordFilter" || this.searchPipeline._stack.length)
        throw new Error(`prebuilt search index: made for the stopWordFilter pipeline, not ${stages}`)
      current = { docs, byLocation: null, table, tokenize: this.tokenizer, words: new Map() }
      this.build = () => {
        const built = index(this, prebuilt, docs)
        setTimeout(locate, 0, current, Object.keys(this._fields), 0)
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

  /* What lunr.Builder's add() and build() make, from the counts instead of the text. Only what
     every query needs is made at once (each word's number and document count, each field's
     length, the token set); a word's postings and a page field's scored vector are made the
     first time a query reads them, with the same keys, order and numbers as lunr's. */
  function index(builder, prebuilt, docs) {
    const fields = Object.keys(builder._fields)
    const terms = prebuilt.terms
    const F = fields.length, D = docs.length, T = terms.length
    // Where each page field's list starts in one flat array, its length, each word's document count.
    let size = 0
    for (let d = 0; d < D; d++)
      for (let f = 0; f < F; f++)
        size += prebuilt.docs[d][f].length
    const flat = new Uint32Array(size)
    const start = new Uint32Array(D * F + 1)
    const length = new Uint32Array(D * F)
    const withTerm = new Uint32Array(T + 1)  // then, shifted, where each word's postings start
    const lengths = new Float64Array(F)
    for (let d = 0, at = 0; d < D; d++)
      for (let f = 0; f < F; f++) {
        const list = prebuilt.docs[d][f]
        start[d * F + f] = at
        let words = 0
        for (let k = 0, t = 0; k < list.length; k++) {
          const step = flat[at++] = list[k]
          t += step >> 1
          withTerm[t + 1]++
          words += step & 1 ? (flat[at++] = list[++k]) : 1
        }
        length[d * F + f] = words
        lengths[f] += words
      }
    start[D * F] = size
    const idf = new Float64Array(T)
    for (let t = 0; t < T; t++) {  // lunr.idf
      const x = (D - withTerm[t + 1] + 0.5) / (withTerm[t + 1] + 0.5)
      idf[t] = Math.log(1 + Math.abs(x))
    }
    // Each word's page fields (page * fields + field), in page order: lunr's postings, transposed.
    for (let t = 0; t < T; t++)
      withTerm[t + 1] += withTerm[t]
    const holders = new Uint32Array(withTerm[T])
    const next = withTerm.slice(0, T)
    for (let df = 0; df < D * F; df++)
      for (let k = start[df], t = 0; k < start[df + 1]; k++) {
        const step = flat[k]
        t += step >> 1
        holders[next[t]++] = df
        if (step & 1)
          k++
      }
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
    for (let t = 0; t < T; t++) {
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
      if (f === undefined || d === undefined)
        return undefined
      const df = d * F + f, docBoost = docs[d].boost || 1
      const elements = []
      for (let k = start[df], t = 0; k < start[df + 1]; k++) {
        const step = flat[k]
        t += step >> 1
        const tf = step & 1 ? flat[++k] : 1
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
    return new lunr.Index({
      invertedIndex,
      fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms.slice().sort()),
      fields,
      pipeline: builder.searchPipeline
    })
  }

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
