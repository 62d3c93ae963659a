// First paint of the home page in Debian's Chromium, beside a baseline run
// in the same browser: a one-paragraph data: page (the browser's own
// floor). Prints the median and 90th percentile of first-contentful-paint
// over N fresh page loads (cache disabled).
//   node bench/first_paint.mjs --binary build/release/coopatlas --source . [--runs 20]
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { CHROMIUM, CHROMIUM_ARGS, makeDatabase, removeDir, startServer, stopProcess }
  from '../tests/browser/lib.mjs';

const { values } = parseArgs({ options: {
  binary: { type: 'string' }, source: { type: 'string', default: '.' },
  runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

async function paint(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/*', (route) => route.continue());  // no cache reuse
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    const done = () => {
      const e = performance.getEntriesByName('first-contentful-paint')[0];
      if (e) resolve(e.startTime); else setTimeout(done, 20);
    };
    done();
  }));
  await context.close();
  return fcp;
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms`;
}

const { dir, db } = await makeDatabase(values.binary, values.source);
const server = await startServer(values.binary, values.source, db);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const home = [], floor = [];
  for (let i = 0; i < runs; i++) {
    home.push(await paint(browser, server.url + '/'));
    floor.push(await paint(browser, 'data:text/html,<p>coopatlas</p>'));
  }
  console.log(`home page first-contentful-paint: ${stats(home)} (${runs} loads)`);
  console.log(`baseline (one-paragraph page):    ${stats(floor)}`);
} finally {
  await browser.close();
  await stopProcess(server.proc);
  await removeDir(dir);
}
