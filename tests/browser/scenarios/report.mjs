// The HTML report (coopatlas report / GET /api/v1/report): one
// self-contained file. Opened in Chromium it makes no request besides the
// document itself (not even to the same host), shows the demonstration
// banner, the key figures and its inline SVG charts.

import { expect } from '../lib.mjs';

export default [{
  name: 'report',
  async run({ page, base, shot }) {
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    const url = `${base}/api/v1/report?country=SN&format=html`;
    const res = await page.goto(url, { waitUntil: 'load' });
    expect(res.status() === 200, `report answered ${res.status()}`);
    await page.waitForTimeout(300); // anything lazy would have started by now
    const others = requests.filter((u) => u !== url);
    expect(others.length === 0, `the report requested: ${others.join(', ')}`);
    expect((await page.locator('h1').innerText()) === 'Sénégal', 'title');
    expect(await page.locator('.demo').isVisible(), 'no demonstration banner');
    expect(await page.locator('.figure').count() >= 4, 'key figures missing');
    expect(await page.locator('svg rect').count() > 0, 'no chart drawn');
    const projects = await page.locator('table tbody tr').count();
    expect(projects > 0, 'no list');
    await page.emulateMedia({ media: 'print' });
    await shot('report');
  },
}];
