// Project and partnership pages: a demonstration project about water in
// Senegal (funding lines in euros, French formatting, totals, themes,
// participants, the demonstration badge), then its partnership.

import { apiJson, expect, visit } from '../lib.mjs';

// "8 300,00 €" with any of the spaces French formatting uses.
const FRENCH_EUROS = /^-?\d{1,3}([\s\u00a0\u202f]\d{3})*,\d{2}[\s\u00a0\u202f]€$/;

async function aProject(base) {
  const found = await apiJson(base, '/api/v1/search?q=eau&country=SN&type=project');
  const hit = found.results.find((r) => r.type === 'project');
  expect(hit, 'no project about "eau" in SN');
  return hit;
}

export default [{
  name: 'project',
  async run({ page, base, shot }) {
    const hit = await aProject(base);
    const api = await apiJson(base, `/api/v1/projects/${hit.id}`);
    const p = api;
    await visit(page, base, `/projets/${hit.id}`);
    const h1 = await page.locator('h1').innerText();
    expect(h1.includes(p.title), `<h1> "${h1}"`);
    if (p.demo) expect(await page.locator('h1 .badge-demo').isVisible(), 'demonstration project not marked');

    const funding = p.funding;
    const rows = await page.locator('table.funding tbody tr').count();
    expect(funding.length > 0 && rows === funding.length, `${rows} funding lines shown, the API gives ${funding.length}`);
    const amounts = await page.$$eval('table.funding tbody tr td:last-child', (tds) => tds.map((td) => td.firstChild.textContent));
    expect(amounts.every((a) => FRENCH_EUROS.test(a)), `amounts not in French format: ${amounts.join(' | ')}`);
    const totalCents = await page.$$eval('table.funding tfoot td[data-cents]', (tds) => tds.reduce((s, td) => s + Number(td.dataset.cents), 0));
    const sum = funding.reduce((s, f) => s + f.amount_cents, 0);
    expect(totalCents === sum, `totals ${totalCents} ≠ sum of the lines ${sum}`);
    if ((p.themes ?? []).length) expect(await page.locator('.chips a[href^="/recherche?theme="]').count() === p.themes.length, 'themes missing');
    expect(await page.locator('a.export-link').count() >= 4, 'no export links');
    // The IATI button downloads this project as an IATI 2.03 activity.
    const iati = await page.getAttribute('a.export-link[data-format="iati"]', 'href');
    expect(iati && iati.includes(`project=${hit.id}`), `IATI export link: ${iati}`);
    const xml = await (await fetch(base + iati, { signal: AbortSignal.timeout(15_000) })).text();
    expect(xml.includes('<iati-activities version="2.03">') && xml.split('<iati-activity ').length === 2,
      `${iati}: not one IATI activity`);
    await shot('project');
  },
}, {
  name: 'partnership',
  async run({ page, base, shot }) {
    const hit = await aProject(base);
    const project = await apiJson(base, `/api/v1/projects/${hit.id}`);
    const pid = project.partnership_id;
    expect(pid != null, 'the project has no partnership');
    const api = await apiJson(base, `/api/v1/partnerships/${pid}`);
    const p = api;
    await visit(page, base, `/partenariats/${pid}`);
    for (const r of [...(p.french ?? []), ...(p.partners ?? [])]) {
      expect(await page.locator('main .link-list li', { hasText: r.name }).count() > 0, `party ${r.name} not listed`);
    }
    const projects = api.projects;
    expect(await page.locator('.card[data-project]').count() === projects.length, 'projects of the partnership not all listed');
    if (p.demo || projects.some((x) => x.demo)) expect(await page.locator('h1 .badge-demo').isVisible(), 'demonstration data not marked');
    await shot('partnership');
  },
}];
