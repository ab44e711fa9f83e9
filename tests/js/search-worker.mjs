// Runs a Material search worker outside a browser: node search-worker.mjs WORKER INDEX QUERY...
// Sets up the worker with INDEX (a search_index.json), as Material's page does, then prints the
// worker's answer to each query, one JSON line each. Used by tests/test_search_prebuilt.py.
import fs from "node:fs"
import vm from "node:vm"

const [worker, indexFile, ...queries] = process.argv.slice(2)
let handler = null
let answer = null
globalThis.self = globalThis
globalThis.addEventListener = (type, fn) => { handler = fn }
globalThis.postMessage = message => { answer = message }
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker })

const { config, docs } = JSON.parse(fs.readFileSync(indexFile, "utf8"))
const SETUP = 0, READY = 1, QUERY = 2
await handler({ data: { type: SETUP, data: { config, docs, options: { suggest: true } } } })
if (answer?.type !== READY)
  throw new Error(`the worker did not get ready: ${JSON.stringify(answer)}`)
for (const query of queries) {
  answer = null
  await handler({ data: { type: QUERY, data: query } })
  console.log(JSON.stringify(answer))
}
