// Home page: key figures equal /api/v1/stats, both maps drawn from the real
// data (every country and département with data painted), the accessible
// alternatives present, and clicks on the maps going to the right pages.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apiJson, expect, mapCounts, visit } from '../lib.mjs';

const FIGURES = ['partnerships', 'french_authorities', 'foreign_authorities', 'countries', 'projects', 'funding_planned_cents'];

// The ids of the shapes each map can draw.
async function shapeIds(source) {
  const world = JSON.parse(await readFile(path.join(source, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
  const countries = new Set(world.objects.countries.geometries
    .map((g) => g.id ?? (g.properties?.name === 'Kosovo' ? '983' : null)).filter(Boolean));
  const france = JSON.parse(await readFile(path.join(source, 'web/data/france-departements-regions.topo.json'), 'utf8'));
  const departements = new Set(france.objects.departements.geometries.map((g) => g.properties.code));
  return { countries, departements };
}

const digits = (s) => s.replace(/\D/g, '');

export default [{
  name: 'home',
  async run({ page, base, shot, source }) {
    const stats = await apiJson(base, '/api/v1/stats');
    const ids = await shapeIds(source);
    await visit(page, base, '/');

    // Text first: the first paint comes within a second.
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    expect(fcp !== null && fcp < 1000, `first contentful paint after ${fcp} ms (want < 1000)`);
    expect(await page.locator('h1').isVisible(), 'no visible <h1>');

    // Key figures = /api/v1/stats totals.
    for (const key of FIGURES.filter((k) => k in stats.totals)) {
      const fig = page.locator(`[data-figure="${key}"]`);
      expect(await fig.count() === 1, `no key figure ${key}`);
      const shown = digits(await fig.locator('.figure-value').innerText());
      const want = key.endsWith('_cents') ? String(Math.round(stats.totals[key] / 100)) : String(stats.totals[key]);
      expect(shown === want, `key figure ${key}: shows ${shown}, /api/v1/stats says ${want}`);
    }
    if (stats.totals.demo_records > 0) {
      expect(await page.locator('.notice-demo .badge-demo').isVisible(), 'demonstration data not marked on the home page');
    }

    // World map: every country with partnerships (and a shape) is painted.
    const world = await mapCounts(page, 'svg.map-world');
    const wantCountries = stats.by_country.filter((c) => c.count > 0 && ids.countries.has(c.numeric)).length;
    expect(world.painted === wantCountries, `world map: ${world.painted} countries painted, want ${wantCountries}`);
    expect(world.titled === world.paths, `world map: ${world.paths - world.titled} shapes without <title>`);
    expect(world.label.length > 20, 'world map without an accessible name');

    // France: every département with engaged authorities (and a shape).
    const france = await mapCounts(page, 'svg.map-france');
    const wantDeps = stats.by_departement.filter((d) => d.count > 0 && ids.departements.has(d.value)).length;
    expect(france.painted === wantDeps, `France map: ${france.painted} départements painted, want ${wantDeps}`);
    expect(france.paths === ids.departements.size, `France map: ${france.paths} shapes, want ${ids.departements.size}`);
    for (const drom of ['971', '972', '973', '974', '976']) {
      expect(await page.locator(`svg.map-france g.inset[data-code="${drom}"] path.shape`).count() === 1, `no inset for ${drom}`);
    }
    expect(france.titled === france.paths, 'France map: shapes without <title>');

    // The tables with the same figures, and the legends.
    const worldRows = await page.locator('.map-block-world details table tbody tr').count();
    expect(worldRows === stats.by_country.length, `world table: ${worldRows} rows, want ${stats.by_country.length}`);
    const depRows = await page.locator('.map-block-france details table tbody tr').count();
    expect(depRows === stats.by_departement.length, `département table: ${depRows} rows, want ${stats.by_departement.length}`);
    expect(await page.locator('.legend').count() === 2, 'a map without its legend');
    await shot('home');

    // Clicking a country opens its page; a département, the search.
    const sn = stats.by_country.find((c) => c.value === 'SN') ?? stats.by_country[0];
    await page.locator(`svg.map-world path[data-id="${sn.numeric}"]`).click();
    await page.waitForURL(`**/pays/${sn.value}`, { timeout: 10_000 });
    await page.goBack();
    await page.waitForSelector('svg.map-france path.shape', { timeout: 15_000 });
    const dep = stats.by_departement.find((d) => d.value === '35') ?? stats.by_departement[0];
    await page.locator(`svg.map-france path[data-code="${dep.value}"]`).click();
    await page.waitForURL(`**/recherche?departement=${dep.value}`, { timeout: 10_000 });
  },
}];
