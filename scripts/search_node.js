#!/usr/bin/env node
/*
 * Run the shipped search (the site's own worker: Material's, with our prelude, normaliser,
 * thesaurus and patch) under node against one language's built index.
 * Usage: node scripts/search_node.js SITE_DIR LANG < queries.json > results.json
 * queries.json: a JSON list of query strings; results.json: a list of
 * {query, locations (result groups, best first), note (what was searched instead)}, and
 * the wall and CPU milliseconds the worker took to set up its index (setupMs, setupCpuMs:
 * loading the index built at build time, eucj_bank/search/lunr_index.py).
 * The worker runs as in a browser: its message listeners and postMessage, importScripts of
 * the lunr language modules next to it. scripts/bench_search.py and the tests use it.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, lang] = process.argv.slice(2);
const root = lang === "en" ? site : path.join(site, lang);
const workerFile = path.join(site, "assets/javascripts/workers/eucj-search.js");
const listeners = [];
let answer = null;

globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { if (type === "message") listeners.push(fn); };
globalThis.postMessage = message => { answer = message; };
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.resolve(path.dirname(workerFile), url);
    vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  }
};
vm.runInThisContext(fs.readFileSync(workerFile, "utf8"), { filename: workerFile });

async function send(message) {
  answer = null;
  for (const fn of listeners) fn({ data: message });
  for (let i = 0; answer === null && i < 100000; i++) await new Promise(resolve => setImmediate(resolve));
  return answer;
}

(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(root, "search/search_index.json"), "utf8"));
  const started = process.hrtime.bigint(), cpu = process.cpuUsage();
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const setupMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu), setupCpuMs = (used.user + used.system) / 1000;
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const query of queries) {
    const t0 = process.hrtime.bigint();
    const reply = await send({ type: 2, data: query });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const groups = (reply.data && reply.data.items) || [];
    out.push({ query, ms, note: reply.data.eucj || null,
               locations: groups.map(group => group[0].location),
               texts: groups.slice(0, 3).map(group => group[0].text) });
  }
  process.stdout.write(JSON.stringify({ setupMs, setupCpuMs, results: out }));
})().catch(err => { console.error(err); process.exit(1); });
