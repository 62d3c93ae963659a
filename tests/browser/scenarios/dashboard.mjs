// Dashboard (/tableau-de-bord): with the demonstration data its key figures
// are those of /api/v1/finance and /api/v1/search; choosing a country with
// the keyboard puts it in the URL and changes the figures to the API's for
// that country; filters combine (country + theme); the maps paint exactly
// the countries and départements of the scope's search facets; the
// "Rapport" links carry the scope; the language switch translates the page
// and keeps the filters; on a phone nothing overflows sideways.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apiJson, expect, mapCounts, visit, waitReady } from '../lib.mjs';

const digits = (s) => s.replace(/\D/g, '');

// What the page must show for a query string (without "?"), from the API.
async function expected(base, qs) {
  const params = new URLSearchParams(qs);
  const finance = await apiJson(base, `/api/v1/finance?${qs || 'national=1'}`);
  params.delete('authority');
  const rest = params.toString();
  const projects = await apiJson(base, `/api/v1/search?type=project&per_page=1${rest ? `&${rest}` : ''}`);
  const partnerships = await apiJson(base, `/api/v1/search?type=partnership&per_page=1${rest ? `&${rest}` : ''}`);
  return { finance, projects: projects.total, partnerships: partnerships.total };
}

// The maps: the world map paints the countries (other than France, with a
// shape) of the projects' and partnerships' country facets, the France map
// their départements, and a shape's title gives the summed count.
async function checkMaps(page, base, qs, source, what) {
  const world = JSON.parse(await readFile(path.join(source, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
  const shapes = new Set(world.objects.countries.geometries
    .map((g) => g.id ?? (g.properties?.name === 'Kosovo' ? '983' : null)).filter(Boolean));
  const france = JSON.parse(await readFile(path.join(source, 'web/data/france-departements-regions.topo.json'), 'utf8'));
  const depShapes = new Set(france.objects.departements.geometries.map((g) => g.properties.code));
  const stats = await apiJson(base, '/api/v1/stats');
  const numeric = new Map(stats.by_country.map((c) => [c.value, c.numeric]));
  const params = new URLSearchParams(qs);
  params.delete('authority');
  const rest = params.toString();
  const sums = { country: new Map(), departement: new Map() };
  for (const type of ['project', 'partnership']) {
    const body = await apiJson(base, `/api/v1/search?type=${type}&per_page=1${rest ? `&${rest}` : ''}`);
    for (const dim of Object.keys(sums)) {
      for (const f of body.facets[dim] ?? []) sums[dim].set(f.value, (sums[dim].get(f.value) ?? 0) + f.count);
    }
  }
  const countries = [...sums.country].filter(([c]) => c !== 'FR' && shapes.has(numeric.get(c)));
  const w = await mapCounts(page, '.dash-map-world svg.map-world');
  expect(w.painted === countries.length, `${what}: world map paints ${w.painted} countries, the facets ${countries.length}`);
  expect(w.titled === w.paths, `${what}: world shapes without <title>`);
  const [top, n] = countries.sort((a, b) => b[1] - a[1])[0];
  const title = await page.locator(`.dash-map-world path[data-id="${numeric.get(top)}"] title`).textContent();
  expect(title.includes(String(n)), `${what}: ${top} titled "${title}", want ${n}`);
  const f = await mapCounts(page, '.dash-map-france svg.map-france');
  const deps = [...sums.departement.keys()].filter((d) => depShapes.has(d)).length;
  expect(f.painted === deps, `${what}: France map paints ${f.painted} départements, the facets ${deps}`);
  expect(f.titled === f.paths, `${what}: France shapes without <title>`);
}

async function figures(page) {
  return page.$$eval('[data-figure]', (els) => Object.fromEntries(els.map((el) => [el.dataset.figure,
    { value: el.dataset.value, text: el.querySelector('.figure-value').textContent }])));
}

// The figures shown equal the API's: raw values and the euros as text
// (whole euros: the cents rounded).
async function checkFigures(page, want, what) {
  const f = await figures(page);
  const { planned, actual } = want.finance;
  expect(f.projects?.value === String(want.projects), `${what}: ${f.projects?.value} projects, the API ${want.projects}`);
  expect(f.partnerships?.value === String(want.partnerships),
    `${what}: ${f.partnerships?.value} partnerships, the API ${want.partnerships}`);
  expect(f.planned?.value === String(planned.total_cents), `${what}: planned ${f.planned?.value}, the API ${planned.total_cents}`);
  expect(digits(f.planned.text) === String(Math.round(planned.total_cents / 100)),
    `${what}: planned shown as "${f.planned.text}", the API ${planned.total_cents} cents`);
  expect(f.actual?.value === String(actual.total_cents), `${what}: actual ${f.actual?.value}, the API ${actual.total_cents}`);
  expect(f.state?.value === String(planned.state_support_cents), `${what}: State support ${f.state?.value}`);
  expect(f.own?.value === String(planned.french_own_cents), `${what}: own funds ${f.own?.value}`);
  const lev = planned.leverage.budget_per_state_euro.value;
  expect(f.budget_per_state_euro?.value === (lev == null ? '' : String(lev)),
    `${what}: leverage ${f.budget_per_state_euro?.value}, the API ${lev}`);
  // Funding by source: one row per funder type of the planned or actual lines.
  const types = new Set([...Object.keys(planned.by_funder_type), ...Object.keys(actual.by_funder_type)]);
  const rows = await page.locator('#by-source tbody tr').count();
  expect(rows === types.size, `${what}: ${rows} rows of funding by source, the API has ${types.size} funder types`);
  return f;
}

export default [{
  name: 'dashboard',
  async run({ page, base, shot, source }) {
    const national = await expected(base, '');
    expect(national.projects > 0 && national.finance.planned.total_cents > 0, 'the demo data has no projects or funding');
    await visit(page, base, '/');
    // The navigation leads there.
    await page.click('[data-nav="dashboard"]');
    await page.waitForURL(/\/tableau-de-bord$/, { timeout: 10_000 });
    await waitReady(page);
    expect(await page.locator('h1').innerText() === 'Tableau de bord', 'h1 of the dashboard');
    expect(await page.getAttribute('[data-nav="dashboard"]', 'aria-current') === 'page', 'the nav link is not marked current');
    await checkFigures(page, national, 'national');
    expect(await page.locator('.notice-demo').count() === 1, 'no demonstration notice');
    for (const id of ['by-mechanism', 'leverage', 'planned-actual', 'by-theme', 'by-sdg', 'trend', 'top-countries']) {
      expect(await page.locator(`#${id} tbody tr`).count() > 0, `chart table #${id} is empty`);
    }
    // The trend has a row per year of the funding lines.
    const trendYears = await page.$$eval('#trend tbody th', (ths) => ths.map((th) => th.textContent));
    expect(national.finance.years.every((y) => trendYears.includes(String(y))),
      `trend years ${trendYears.join(' ')}, funding years ${national.finance.years.join(' ')}`);
    // Every field has a label.
    const unlabelled = await page.$$eval('.dash-filters select, .dash-filters input',
      (els) => els.filter((el) => !el.labels?.length).map((el) => el.id));
    expect(unlabelled.length === 0, `fields without a label: ${unlabelled.join(' ')}`);
    await checkMaps(page, base, '', source, 'national');
    const report = await page.getAttribute('a.report-link[data-format="html"]', 'href');
    expect(report === '/api/v1/report?national=1&format=html', `national report link ${report}`);
    await shot('dashboard');

    // A country chosen with the keyboard: the URL and the figures follow.
    await page.focus('#dash-country');
    await page.selectOption('#dash-country', 'SN');
    await page.focus('.dash-filters button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tableau-de-bord\?country=SN$/, { timeout: 10_000 });
    await waitReady(page);
    const sn = await expected(base, 'country=SN');
    expect(sn.finance.planned.total_cents !== national.finance.planned.total_cents, 'SN has the national total');
    await checkFigures(page, sn, 'country=SN');
    expect(await page.inputValue('#dash-country') === 'SN', 'the country is not shown selected');
    await checkMaps(page, base, 'country=SN', source, 'country=SN');
    expect(await page.locator('.active-filters a').count() === 2, 'no active-filter chip (and "clear")');
    const reports = await page.$$eval('a.report-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(reports.length === 3 && reports.every((r) => r.startsWith('/api/v1/report?country=SN&format=')),
      `report links ${reports.join(' ')}`);
    const res = await page.request.get(base + reports[0]);
    expect(res.status() === 200, `${reports[0]} answered ${res.status()}`);

    // Filters combine: a country and a theme (the stable URL, loaded directly).
    const theme = (sn.projects > 0 ? (await apiJson(base, '/api/v1/search?type=project&per_page=1&country=SN')).facets.theme : [])[0]?.value;
    expect(theme, 'no theme among the projects in SN');
    const qs = `country=SN&theme=${encodeURIComponent(theme)}`;
    await visit(page, base, `/tableau-de-bord?${qs}`);
    const both = await expected(base, qs);
    await checkFigures(page, both, qs);
    expect(both.projects <= sn.projects, 'country and theme gives more projects than the country');
    expect(await page.locator('.dash-noreport').count() === 1, 'a report link for two scopes, which the API cannot make');
    await shot('dashboard-sn-theme');

    // The language switch translates the page and keeps the filters.
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"]', { timeout: 10_000 });
    await waitReady(page);
    expect(await page.locator('h1').innerText() === 'Dashboard', 'h1 not in English');
    expect(await page.locator('[data-nav="dashboard"]').innerText() === 'Dashboard', 'nav not in English');
    expect(await page.locator('[data-figure="projects"] .figure-label').innerText() === 'projects', 'figure label not in English');
    expect(await page.locator('label[for="dash-country"]').innerText() === 'Country', 'filter label not in English');
    expect(page.url().endsWith(`/tableau-de-bord?${qs}`), `URL changed: ${page.url()}`);
    await checkFigures(page, both, `${qs} in English`);
    await shot('dashboard-en');
    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="fr"]', { timeout: 10_000 });
    await waitReady(page);
  },
}, {
  name: 'dashboard-phone',
  viewport: { width: 360, height: 780 },
  async run({ page, base, shot }) {
    await visit(page, base, '/tableau-de-bord?year=2024');
    const want = await expected(base, 'year=2024');
    await checkFigures(page, want, 'year=2024 on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await shot('dashboard-phone');
  },
}];
