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
 * scored with lunr's formula and numbers, so results are those of a built index. Word positions
 * are found when a result is shown, by Material's own tokenizer, for that page only.
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

  /* What lunr.Builder's add() and build() make, from the counts instead of the text. */
  function index(builder, prebuilt, docs) {
    const fields = Object.keys(builder._fields)
    const terms = prebuilt.terms
    const invertedIndex = Object.create(null)
    const postings = new Array(terms.length)
    for (let t = 0; t < terms.length; t++) {
      const posting = Object.create(null)
      posting._index = t
      for (const field of fields)
        posting[field] = Object.create(null)
      invertedIndex[terms[t]] = postings[t] = posting
    }
    const withTerm = new Uint32Array(terms.length)
    const lengths = fields.map(() => 0)
    for (let d = 0; d < docs.length; d++) {
      const ref = docs[d].location
      for (let f = 0; f < fields.length; f++) {
        const list = prebuilt.docs[d][f]
        for (let k = 0, t = 0; k < list.length; k++) {
          const step = list[k]
          t += step >> 1
          postings[t][fields[f]][ref] = NO_POSITIONS
          withTerm[t]++
          lengths[f] += step & 1 ? list[++k] : 1
        }
      }
    }
    const count = docs.length
    const average = lengths.map(length => length / count)
    const idf = new Float64Array(terms.length)
    for (let t = 0; t < terms.length; t++) {  // lunr.idf
      const x = (count - withTerm[t] + 0.5) / (withTerm[t] + 0.5)
      idf[t] = Math.log(1 + Math.abs(x))
    }
    const k1 = builder._k1, b = builder._b
    const fieldVectors = Object.create(null)
    for (let d = 0; d < docs.length; d++) {
      const docBoost = docs[d].boost || 1
      for (let f = 0; f < fields.length; f++) {
        const list = prebuilt.docs[d][f]
        let length = 0
        for (let k = 0; k < list.length; k++)
          length += list[k] & 1 ? list[++k] : 1
        const fieldBoost = builder._fields[fields[f]].boost || 1
        const elements = []
        for (let k = 0, t = 0; k < list.length; k++) {
          const step = list[k]
          t += step >> 1
          const tf = step & 1 ? list[++k] : 1
          // lunr.Builder.prototype.createFieldVectors
          let score = idf[t] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average[f])) + tf)
          score *= fieldBoost
          score *= docBoost
          elements.push(t, Math.round(score * 1000) / 1000)
        }
        fieldVectors[fields[f] + "/" + docs[d].location] = new lunr.Vector(elements)
      }
    }
    return new lunr.Index({
      invertedIndex,
      fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(invertedIndex).sort()),
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
