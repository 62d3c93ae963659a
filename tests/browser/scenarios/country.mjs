// Country page: Sénégal (SN) with its partner authorities, the French
// authorities active there, themes, map and export links.

import { apiJson, expect, mapCounts, visit } from '../lib.mjs';

export default [{
  name: 'country',
  async run({ page, base, shot }) {
    const api = await apiJson(base, '/api/v1/countries/SN');
    const partners = api.partner_authorities;
    const french = api.french_authorities;
    await visit(page, base, '/pays/SN');

    const h1 = await page.locator('h1').innerText();
    expect(h1.includes('Sénégal'), `<h1> is "${h1}"`);
    const shownPartners = await page.locator('.partner-list > li').count();
    expect(partners.length > 0 && shownPartners === partners.length,
      `${shownPartners} partner authorities listed, the API gives ${partners.length}`);
    const shownFrench = await page.locator('.french-list > li').count();
    expect(french.length > 0 && shownFrench === french.length,
      `${shownFrench} French authorities listed, the API gives ${french.length}`);
    // French authorities link to their pages.
    const href = await page.locator('.french-list a').first().getAttribute('href');
    expect(/^\/collectivites\/[0-9AB]+$/.test(href ?? ''), `French authority link "${href}"`);
    if ((api.themes ?? []).length) {
      expect(await page.locator('.themes li').count() === api.themes.length, 'themes missing');
    }
    const map = await mapCounts(page, 'svg.map-links');
    expect(map.painted > 0, 'the country map shades nothing');
    const hrefs = await page.$$eval('a.export-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length >= 4 && hrefs.every((h) => h.includes('country=SN')), `export links: ${hrefs.join(' ')}`);
    // The country's report, in three formats; the printable one answers.
    const reports = await page.$$eval('a.report-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(reports.length === 3 && reports.every((h) => h.startsWith('/api/v1/report?country=SN&format=')),
      `report links: ${reports.join(' ')}`);
    const report = await page.request.get(base + reports[0]);
    expect(report.status() === 200 && (report.headers()['content-type'] ?? '').startsWith('text/html'),
      `${reports[0]}: ${report.status()} ${report.headers()['content-type']}`);
    await shot('country-sn');
  },
}];
