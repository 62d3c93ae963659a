#!/usr/bin/env node
// Browser tests of the coopatlas web interface.
//
//   node tests/browser/run.mjs --binary build/debug/coopatlas --source . --artifacts DIR
//       [--only NAME[,NAME]] [--url http://127.0.0.1:8080]
//
// Creates a temporary database (init, twin towns, demonstration projects),
// starts `coopatlas serve --port 0`, drives Debian's Chromium with
// playwright-core (never downloading a browser) through each scenario, and
// saves a screenshot of each page in DIR. With --url, uses a server that
// is already running instead (no database is created).
// Prints "N passed, M failed" last; exits non-zero on any failure.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHROMIUM, CHROMIUM_ARGS, Failure, haveChromium, makeDatabase, startServer, stopProcess,
  removeDir, openPage, withTimeout, mapsSettled,
} from './lib.mjs';
import { scenarios } from './scenarios/index.mjs';

const SCENARIO_TIMEOUT_MS = 90_000;
const TOTAL_TIMEOUT_MS = 15 * 60_000;

const { values: opts } = parseArgs({
  options: {
    binary: { type: 'string' },
    source: { type: 'string', default: process.cwd() },
    artifacts: { type: 'string' },
    only: { type: 'string' },
    url: { type: 'string' },
  },
});

let server = null;
let browser = null;
let dbDir = null;

async function cleanup() {
  if (browser) await withTimeout(browser.close(), 10_000, 'browser to close').catch(() => {});
  browser = null;
  await stopProcess(server?.proc);
  server = null;
  await removeDir(dbDir);
  dbDir = null;
}

let finished = false;
function finish(passed, failed) {
  if (finished) return; // one summary line, even when interrupted
  finished = true;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

// Whatever happens (signal, hang), the server and the browser are stopped.
let passedSoFar = 0;
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    stopping = true;
    console.error(`browser tests: ${sig}, stopping`);
    await cleanup();
    finish(passedSoFar, 1);
    process.exit(1);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`browser tests: no result after ${TOTAL_TIMEOUT_MS / 1000} s, giving up`);
  await cleanup();
  finish(0, 1);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

async function main() {
  if (!opts.url && !opts.binary) {
    console.error('usage: node tests/browser/run.mjs --binary PATH_TO_coopatlas --source SRC --artifacts DIR');
    finish(0, 1);
    return;
  }
  if (!(await haveChromium())) {
    console.error(`browser tests: no Chromium at ${CHROMIUM}: install Debian's chromium: make setup`);
    finish(0, 1);
    return;
  }
  const source = path.resolve(opts.source);
  const artifacts = path.resolve(opts.artifacts ?? path.join(source, 'build', 'browser-artifacts'));
  await mkdir(artifacts, { recursive: true });
  const only = opts.only ? new Set(opts.only.split(',')) : null;
  const chosen = scenarios.filter((s) => !only || only.has(s.name));

  let passed = 0;
  let failed = 0;
  try {
    let base = opts.url?.replace(/\/$/, '');
    if (!base) {
      const binary = path.resolve(opts.binary);
      const made = await makeDatabase(binary, source);
      dbDir = made.dir;
      server = await startServer(binary, source, made.db);
      base = server.url;
    }
    console.log(`browser tests: ${base}, artifacts in ${artifacts}`);
    // playwright-core only: it drives the system's Chromium, downloads nothing.
    const { chromium } = await import('playwright-core');
    browser = await withTimeout(chromium.launch({
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // our handlers clean up
    }),
      30_000, 'Chromium to start');

    for (const scenario of chosen) {
      if (stopping) break;
      const started = Date.now();
      const tab = await openPage(browser, base, scenario.viewport);
      // Screenshots wait for the maps (bounded), then capture the whole page.
      const shot = async (name) => {
        await mapsSettled(tab.page).catch(() => {});
        await withTimeout(tab.page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true }),
          20_000, `screenshot ${name}`);
      };
      let error = null;
      try {
        await withTimeout(scenario.run({ page: tab.page, base, shot, source }), SCENARIO_TIMEOUT_MS, scenario.name);
      } catch (e) {
        error = e;
        await shot(`${scenario.name}-failure`).catch(() => {});
      }
      const problems = tab.problems();
      await tab.close();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!error && !problems.length) {
        passed++;
        passedSoFar = passed;
        console.log(`ok   ${scenario.name} (${seconds} s)`);
      } else {
        failed++;
        console.log(`FAIL ${scenario.name} (${seconds} s)`);
        if (error) console.log(`     ${error instanceof Failure ? '' : 'error: '}${error.message.split('\n')[0]}`);
        for (const p of problems.slice(0, 10)) console.log(`     ${p}`);
      }
    }
  } catch (e) {
    if (!stopping) console.error(`browser tests: ${e.message.split('\n')[0]}`);
    failed += Math.max(1, chosen.length - passed - failed);
  } finally {
    await cleanup();
  }
  finish(passed, failed);
}

main().catch(async (e) => {
  console.error(e);
  await cleanup();
  finish(0, 1);
});
