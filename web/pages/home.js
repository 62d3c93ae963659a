// Home page: key figures, the world map of partnerships by country, the
// map of France of engaged authorities by département (overseas in insets),
// each with its table, and the main themes.

import { getJsonCached } from '../api.js';
import { h, pageHeading, errorBox, section } from '../dom.js';
import { t, itemLabel, formatNumber, formatEuros } from '../i18n.js';
import { loadLabels } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { worldChoropleth } from '../maps/world.js';
import { franceChoropleth } from '../maps/france.js';

const MAPPED_DEPARTEMENT = /^(\d{2}|2[AB]|97[1-46])$/;

const FIGURES = ['partnerships', 'french_authorities', 'foreign_authorities', 'countries', 'projects', 'funding_planned_cents'];

export async function render({ view }) {
  view.append(pageHeading(t('home.title')), h('p', { class: 'lead' }, t('home.intro')));
  let stats;
  try {
    [stats] = await Promise.all([getJsonCached('stats'), loadLabels()]);
  } catch (e) {
    view.append(errorBox(t('error.load', { detail: e.message })));
    return;
  }
  const totals = stats.totals ?? {};
  if (totals.demo_records > 0) {
    view.append(h('p', { class: 'notice notice-demo' },
      h('span', { class: 'badge badge-demo' }, t('demo.badge')), ' ',
      t('demo.notice', { n: formatNumber(totals.demo_records) })));
  }
  view.append(keyFigures(totals));
  view.append(h('div', { class: 'maps-grid' }, worldBlock(stats.by_country ?? []), franceBlock(stats.by_departement ?? [])));
  view.append(h('div', { class: 'two-cols' },
    barList(t('home.themes'), stats.by_theme ?? [], 'theme', 'theme'),
    barList(t('home.kinds'), stats.by_partnership_kind ?? [], 'partnership_kind', 'partnership_kind')));
}

function keyFigures(totals) {
  const items = FIGURES.filter((k) => k in totals).map((k) => h('li', { class: 'figure', dataset: { figure: k, value: totals[k] } },
    h('span', { class: 'figure-value' }, k.endsWith('_cents') ? formatEuros(totals[k], { decimals: 0 }) : formatNumber(totals[k])),
    h('span', { class: 'figure-label' }, t(`fig.${k}`))));
  return h('section', { class: 'figures', 'aria-labelledby': 'figures-h' },
    h('h2', { id: 'figures-h', class: 'visually-hidden' }, t('home.figures')),
    h('ul', {}, items));
}

function worldBlock(byCountry) {
  const values = new Map(byCountry.filter((c) => c.numeric).map((c) =>
    [c.numeric, { count: c.count, label: itemLabel(c), href: `/pays/${c.value}` }]));
  const cells = new Map(); // numeric code -> count cell, to mark "not on the map"
  const rows = byCountry.map((c) => {
    const cell = h('span', {}, formatNumber(c.count));
    cells.set(c.numeric, cell);
    return [h('a', { href: `/pays/${c.value}` }, itemLabel(c)), cell];
  });
  return mapSection({
    title: t('map.world.title'), desc: t('map.world.desc'), className: 'map-block-world',
    table: dataTable(t('map.world.title'), [t('table.country'), t('table.partnerships')], rows, { numericCols: [1] }),
    draw: async ({ title, desc }) => {
      const drawn = await worldChoropleth({ values, title, desc });
      // Small countries (Malta, Monaco…) have no shape at this scale.
      for (const code of drawn.missing) cells.get(code)?.append(h('span', { class: 'muted' }, ` (${t('map.offmap')})`));
      return drawn;
    },
  });
}

function franceBlock(byDepartement) {
  const href = (code) => `/recherche?departement=${encodeURIComponent(code)}`;
  const values = new Map(byDepartement.map((d) => [d.value, { count: d.count, label: itemLabel(d), href: href(d.value) }]));
  const sorted = [...byDepartement].sort((a, b) => a.value.localeCompare(b.value));
  const rows = sorted.map((d) => [
    h('a', { href: href(d.value) }, itemLabel(d)),
    d.value,
    [formatNumber(d.count), MAPPED_DEPARTEMENT.test(d.value) ? null : h('span', { class: 'muted' }, ` (${t('map.offmap')})`)],
  ]);
  return mapSection({
    title: t('map.france.title'), desc: t('map.france.desc'), className: 'map-block-france',
    table: dataTable(t('map.france.title'), [t('table.departement'), t('table.code'), t('table.authorities')], rows, { numericCols: [2] }),
    draw: ({ title, desc }) => franceChoropleth({ values, title, desc }),
  });
}

// A short ranked list with proportional bars, each linking to the search.
function barList(title, buckets, family, param) {
  const top = buckets.slice(0, 10);
  const max = Math.max(1, ...top.map((b) => b.count));
  return section(title, h('ol', { class: 'bars' }, top.map((b) => h('li', {},
    h('a', { href: `/recherche?${param}=${encodeURIComponent(b.value)}` }, itemLabel(b, family)),
    h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: `width:${(100 * b.count / max).toFixed(1)}%` })),
    h('span', { class: 'meter-count' }, formatNumber(b.count))))));
}
