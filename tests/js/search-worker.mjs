// Runs a Material search worker outside a browser: node search-worker.mjs [--together] WORKER INDEX QUERY...
// Sets up the worker with INDEX (a search_index.json), as Material's page does, then prints the
// worker's answer to each query, one JSON line each, after a first line saying whether the site's
// worker made its index from the prebuilt one ({"prebuilt": true}; null for Material's own worker).
// With --together the queries are sent at once, as fast typing sends them, and every answer the
// worker posts is printed, however many there are.
// Used by tests/test_search_prebuilt.py.
// The worker runs as if served from a site's assets/javascripts/workers/: what it fetches from the
// site's search/ folder is read from INDEX's folder.
import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"

const together = process.argv[2] === "--together"
const [worker, indexFile, ...queries] = process.argv.slice(together ? 3 : 2)
const SITE = "http://site.invalid/"
let handler = null
let answer = null
globalThis.self = globalThis
globalThis.location = new URL("assets/javascripts/workers/search.js", SITE)
globalThis.fetch = async url => {
  const name = String(url).startsWith(SITE + "search/") ? String(url).slice(SITE.length + 7) : null
  const file = name && path.join(path.dirname(indexFile), name)
  const found = file !== null && fs.existsSync(file)
  return { ok: found, json: async () => JSON.parse(fs.readFileSync(file, "utf8")) }
}
globalThis.addEventListener = (type, fn) => { handler = fn }
globalThis.postMessage = message => { answer = message }
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker })

const { config, docs } = JSON.parse(fs.readFileSync(indexFile, "utf8"))
const SETUP = 0, READY = 1, QUERY = 2
await handler({ data: { type: SETUP, data: { config, docs, options: { suggest: true } } } })
if (answer?.type !== READY)
  throw new Error(`the worker did not get ready: ${JSON.stringify(answer)}`)
console.log(JSON.stringify({ prebuilt: globalThis.__tlSearch?.used() ?? null }))
if (together) {
  globalThis.postMessage = message => console.log(JSON.stringify(message))
  await Promise.all(queries.map(query => handler({ data: { type: QUERY, data: query } })))
} else {
  for (const query of queries) {
    answer = null
    await handler({ data: { type: QUERY, data: query } })
    console.log(JSON.stringify(answer))
  }
}
