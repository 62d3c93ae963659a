// Helpers of the browser tests: the temporary database, the coopatlas
// server, Chromium, and per-scenario pages that record console errors and
// any request to another host. Every wait here is bounded.

import { spawn, spawnSync } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.COOPATLAS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A failed expectation: the scenario stops and reports `message`. */
export class Failure extends Error {}

/** Throws a Failure unless `cond` holds. */
export function expect(cond, message) {
  if (!cond) throw new Failure(message);
}

/** Rejects after `ms` with `what` if `promise` has not settled. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** True if the Chromium binary exists and is executable. */
export async function haveChromium() {
  try { await access(CHROMIUM, constants.X_OK); return true; } catch { return false; }
}

/**
 * Creates a temporary database as the README does: init, Wikipedia twin
 * towns, demonstration projects with their funding. Returns {dir, db}.
 */
export async function makeDatabase(binary, source) {
  const dir = await mkdtemp(path.join(tmpdir(), 'coopatlas-browser-'));
  const db = path.join(dir, 'atlas.db');
  // Paths relative to the source folder (the working directory), as in
  // the README: the records keep them as their source.
  const steps = [
    ['init', '--db', db, '--reference', source, '-q'],
    ['import', 'twinnings', '--db', db, 'third_party/twin-towns/wikipedia-twin-towns.csv', '-q'],
    ['import', 'projects', '--db', db, '--demo', 'data/demo/projets.csv',
      '--funding', 'data/demo/financements.csv', '-q'],
  ];
  for (const args of steps) {
    let r = spawnSync(binary, args, { cwd: source, encoding: 'utf8', timeout: 300_000 });
    // A binary being relinked at that moment (a build in another terminal):
    // wait a little and try again.
    for (let i = 0; i < 5 && ['EACCES', 'ETXTBSY'].includes(r.error?.code); i++) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      r = spawnSync(binary, args, { cwd: source, encoding: 'utf8', timeout: 300_000 });
    }
    if (r.status !== 0) {
      await removeDir(dir);
      throw new Error(`coopatlas ${args.slice(0, 2).join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}`);
    }
  }
  return { dir, db };
}

/**
 * Starts `coopatlas serve --port 0` and waits (bounded) for its line
 * "coopatlas: serving <db> on http://127.0.0.1:PORT/". Returns {url, proc}.
 */
export function startServer(binary, source, db) {
  const proc = spawn(binary, ['serve', '--port', '0', '--db', db, '--web-root', path.join(source, 'web')],
    { cwd: source, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const ready = new Promise((resolve, reject) => {
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /serving .* on (http:\/\/[^\s/]+:\d+)\/?/.exec(log);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`coopatlas serve exited (${code}): ${log}`)));
    proc.on('error', reject);
  });
  return withTimeout(ready, 30_000, 'coopatlas serve to start').then((url) => ({ url, proc }));
}

/** Stops a child process: SIGTERM, then SIGKILL after 3 s. */
export async function stopProcess(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  try {
    await withTimeout(exited, 3000, 'server to stop');
  } catch {
    proc.kill('SIGKILL');
    await withTimeout(exited, 3000, 'server to die').catch(() => {});
  }
}

/** Removes a directory, ignoring errors. */
export async function removeDir(dir) {
  if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
}

/** GETs JSON from the server under test (Node's fetch, bounded). */
export async function apiJson(base, pathAndQuery) {
  const res = await fetch(base + pathAndQuery, { signal: AbortSignal.timeout(15_000) });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Failure(`${pathAndQuery}: HTTP ${res.status} ${body?.detail ?? ''}`);
  return body;
}

/**
 * A fresh browser context and page for one scenario. Records console
 * errors, uncaught exceptions and requests to any other host than the
 * server's; `problems()` lists them.
 */
export async function openPage(browser, base, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const allowed = new URL(base).host;
  const issues = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (['data:', 'blob:', 'about:'].includes(u.protocol)) return;
    if (u.host !== allowed) issues.push(`request to another host: ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') issues.push(`console error: ${msg.text()} (${msg.location()?.url ?? ''})`);
  });
  page.on('pageerror', (err) => issues.push(`uncaught exception: ${err.message}`));
  return {
    context, page,
    problems: () => issues.slice(),
    close: () => withTimeout(context.close(), 10_000, 'context to close').catch(() => {}),
  };
}

/** Goes to `pathAndQuery` and waits until the page's view is rendered. */
export async function visit(page, base, pathAndQuery) {
  await page.goto(base + pathAndQuery, { waitUntil: 'domcontentloaded' });
  await waitReady(page);
}

/** Waits (at most `ms`) until every map of the page is drawn or has failed. */
export async function mapsSettled(page, ms = 15_000) {
  await page.waitForFunction(() => !document.querySelector('.map-holder[aria-busy]'), null, { timeout: ms });
}

/** Waits until <main> says the current view is rendered. */
export async function waitReady(page) {
  await page.waitForSelector('main[data-state="ready"]', { timeout: 15_000 });
}

/**
 * Waits for the map `selector` (an <svg>) to be drawn and returns
 * {paths, painted}: its shapes, and those whose fill is not the "no data"
 * colour the map declares in data-no-data-fill.
 */
export async function mapCounts(page, selector) {
  await page.waitForSelector(`${selector} path.shape`, { timeout: 15_000 });
  return page.$eval(selector, (svg) => {
    const noData = svg.getAttribute('data-no-data-fill');
    const shapes = [...svg.querySelectorAll('path.shape')];
    return {
      paths: shapes.length,
      painted: shapes.filter((p) => p.getAttribute('fill') && p.getAttribute('fill') !== noData).length,
      titled: shapes.filter((p) => p.querySelector('title')?.textContent).length,
      label: svg.getAttribute('aria-label') ?? '',
    };
  });
}
