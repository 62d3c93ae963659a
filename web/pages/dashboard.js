// Dashboard (/tableau-de-bord?country=SN&theme=...&year=2024): the figures
// and charts of the reports (key figures, funding by source and mechanism,
// leverage with its definitions, planned against actual, partnerships and
// projects by theme and SDG, trend by year, top countries) for a scope
// chosen with filters. The filters are the query string, so each scope has
// a stable URL.
//
// Sources: /api/v1/finance (the funding figures; every filter narrows the
// lines, docs/finance.md) and /api/v1/search with type=project and
// type=partnership (counts and facets: the search has no authority filter).
// Each chart is a table of the figures it draws, the bars beside them.

import { getJson, getJsonCached } from '../api.js';
import { h, pageHeading, errorBox, section, loadingBox, demoBadge } from '../dom.js';
import { t, codeLabel, formatNumber, formatEuros, locale } from '../i18n.js';
import { loadLabels, label } from '../labels.js';
import { navigate } from '../router.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { worldChoropleth } from '../maps/world.js';
import { franceChoropleth } from '../maps/france.js';

const PATH = '/tableau-de-bord';
// The filters, in the order of the form; all go to /api/v1/finance, all but
// `authority` to /api/v1/search.
export const FILTERS = ['country', 'fr_region', 'departement', 'theme', 'year', 'authority'];
const SEARCH_FILTERS = FILTERS.filter((f) => f !== 'authority');
const FUNDER_TYPES = ['french_authority', 'partner_authority', 'state', 'public_body', 'eu', 'ngo', 'foundation', 'company', 'other'];
const TOP = 10; // rows of the theme, SDG and country charts
const MAX_YEARS = 15; // finance requests of the trend by year

/** The dashboard's URL for `filters` ({dim: value}). */
export function dashboardUrl(filters) {
  const p = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) p.set(f, filters[f]);
  const s = p.toString();
  return `${PATH}${s ? `?${s}` : ''}`;
}

function readFilters(query) {
  const out = {};
  for (const f of FILTERS) {
    const v = (query.get(f) ?? '').trim();
    if (v) out[f] = f === 'country' ? v.toUpperCase() : v;
  }
  return out;
}

export async function render({ view, query }) {
  const filters = readFilters(query);
  view.append(pageHeading(t('dash.title')), h('p', { class: 'lead' }, t('dash.intro')));
  try {
    const [stats] = await Promise.all([getJsonCached('stats'), loadLabels()]);
    statsCodes = {};
    for (const dim of SEARCH_FILTERS) statsCodes[dim] = (stats[`by_${dim}`] ?? []).map((b) => String(b.value));
    numericCodes = new Map((stats.by_country ?? []).filter((b) => b.numeric).map((b) => [String(b.value), b.numeric]));
  } catch {
    statsCodes = {}; // the lists stay empty; the URL's values still show
    numericCodes = new Map();
  }
  view.append(filterForm(filters), activeFilters(filters));
  const loading = loadingBox();
  view.append(loading);

  const scoped = Object.keys(filters).length > 0;
  const financeParams = scoped ? { ...filters } : { national: 1 };
  const searchParams = { per_page: 1 };
  for (const f of SEARCH_FILTERS) if (filters[f]) searchParams[f] = filters[f];
  let finance;
  let projects;
  let partnerships;
  try {
    [finance, projects, partnerships] = await Promise.all([
      getJson('finance', financeParams).catch((e) => {
        // No line in the scope: figures say so. An unknown authority,
        // country or theme is an error of the filter (shown below).
        if (e.status === 404 && /^no funding line/.test(e.message)) return { missing: e.message };
        throw e;
      }),
      getJson('search', { ...searchParams, type: 'project' }),
      getJson('search', { ...searchParams, type: 'partnership' }),
    ]);
  } catch (e) {
    loading.remove();
    view.append(errorBox([400, 404].includes(e.status) ? t('dash.badFilter', { detail: e.message }) : t('error.load', { detail: e.message })));
    return;
  }
  const years = finance.missing || filters.year ? [] : (finance.years ?? []).slice(-MAX_YEARS);
  let byYear = [];
  try {
    byYear = await Promise.all(years.map((year) => getJson('finance', { ...financeParams, year })
      .then((f) => [year, f]).catch((e) => (e.status === 404 ? [year, null] : Promise.reject(e)))));
  } catch (e) {
    loading.remove();
    view.append(errorBox(t('error.load', { detail: e.message })));
    return;
  }
  loading.remove();

  if (finance.demo || projects.results?.some((r) => r.demo)) {
    view.append(h('p', { class: 'notice notice-demo' }, demoBadge(), ' ', t('dash.demo')));
  }
  if (filters.authority) view.append(h('p', { class: 'notice' }, t('dash.authorityCounts')));
  view.append(keyFigures(finance, projects.total ?? 0, partnerships.total ?? 0));
  if (finance.missing) {
    view.append(h('p', { class: 'notice dash-nofunding', role: 'status' }, t('dash.noFunding')));
  } else {
    view.append(h('div', { class: 'two-cols' },
      sharesChart(t('dash.bySource'), 'by-source', finance, 'by_funder_type', (k) => funderLabel(k)),
      sharesChart(t('dash.byMechanism'), 'by-mechanism', finance, 'by_mechanism', (k) => codeLabel('mechanism', k))));
    view.append(plannedActual(finance), leverageTable(finance));
  }
  view.append(h('div', { class: 'two-cols' },
    countsChart(t('dash.byTheme'), 'by-theme', 'theme', projects, partnerships),
    countsChart(t('dash.bySdg'), 'by-sdg', 'sdg', projects, partnerships)));
  view.append(h('div', { class: 'two-cols' },
    trendChart(projects, partnerships, byYear),
    countsChart(t('dash.topCountries'), 'top-countries', 'country', projects, partnerships)));
  view.append(h('div', { class: 'maps-grid' },
    worldMap(projects, partnerships), franceMap(projects, partnerships)));
  view.append(reportLinks(filters));
}

// ---- maps ----------------------------------------------------------------

// ISO alpha-2 -> numeric (the world shapes' ids), from the stats.
let numericCodes = new Map();

// Projects + partnerships per value of a facet of both searches.
function summed(dim, projects, partnerships) {
  const out = new Map();
  for (const body of [projects, partnerships]) {
    for (const item of body.facets?.[dim] ?? []) {
      const value = String(item.value);
      out.set(value, (out.get(value) ?? 0) + item.count);
    }
  }
  return [...out].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function worldMap(projects, partnerships) {
  const counts = summed('country', projects, partnerships).filter(([code]) => code !== 'FR');
  const href = (code) => `/pays/${encodeURIComponent(code)}`;
  const values = new Map(counts.filter(([code]) => numericCodes.has(code)).map(([code, count]) =>
    [numericCodes.get(code), { count, label: label('country', code), href: href(code) }]));
  const rows = counts.map(([code, count]) => [h('a', { href: href(code) }, label('country', code)), formatNumber(count)]);
  return mapSection({
    title: t('dash.map.world'), desc: t('dash.map.worldDesc'), className: 'map-block-world dash-map-world',
    table: dataTable(t('dash.map.world'), [t('table.country'), t('dash.col.records')], rows, { numericCols: [1] }),
    draw: ({ title, desc }) => worldChoropleth({ values, title, desc, titleKey: 'dash.map.shape' }),
  });
}

function franceMap(projects, partnerships) {
  const counts = summed('departement', projects, partnerships);
  const href = (code) => dashboardUrl({ departement: code });
  const values = new Map(counts.map(([code, count]) => [code, { count, label: label('departement', code), href: href(code) }]));
  const rows = counts.map(([code, count]) => [h('a', { href: href(code) }, label('departement', code)), code, formatNumber(count)]);
  return mapSection({
    title: t('dash.map.france'), desc: t('dash.map.franceDesc'), className: 'map-block-france dash-map-france',
    table: dataTable(t('dash.map.france'), [t('table.departement'), t('table.code'), t('dash.col.records')], rows, { numericCols: [2] }),
    draw: ({ title, desc }) => franceChoropleth({ values, title, desc, titleKey: 'dash.map.shapeDep' }),
  });
}

// ---- filters -------------------------------------------------------------

// The codes of each filter's list: those the stats count (the same
// response labels.js loads, remembered by getJsonCached).
let statsCodes = {};

function options(dim) {
  const codes = statsCodes[dim] ?? [];
  if (dim === 'year') return [...codes].sort((a, b) => Number(b) - Number(a)).map((y) => [y, y]);
  return codes.map((code) => [code, label(dim, code)]).sort((a, b) => a[1].localeCompare(b[1], locale()));
}

function filterForm(filters) {
  const fields = FILTERS.map((dim) => {
    const id = `dash-${dim}`;
    let control;
    if (dim === 'authority') {
      control = h('input', {
        id, name: dim, type: 'text', inputmode: 'numeric', maxlength: 20, autocomplete: 'off',
        value: filters[dim] ?? '', 'aria-describedby': `${id}-hint`,
      });
    } else {
      const list = options(dim);
      // A value from the URL that the lists do not know stays selectable.
      if (filters[dim] && !list.some(([v]) => v === filters[dim])) list.unshift([filters[dim], filters[dim]]);
      control = h('select', { id, name: dim },
        h('option', { value: '' }, t('dash.all')),
        list.map(([value, text]) => h('option', { value, selected: value === filters[dim] ? true : null }, text)));
    }
    return h('div', { class: 'dash-field' },
      h('label', { for: id }, t(`dash.filter.${dim}`)), control,
      dim === 'authority' ? h('p', { id: `${id}-hint`, class: 'muted dash-hint' }, t('dash.authorityHint')) : null);
  });
  const form = h('form', { class: 'dash-filters', action: PATH, method: 'get', 'aria-labelledby': 'dash-filters-h' },
    h('h2', { id: 'dash-filters-h' }, t('dash.filters')),
    h('div', { class: 'dash-fields' }, fields),
    h('p', {}, h('button', { type: 'submit' }, t('dash.apply'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const dim of FILTERS) next[dim] = String(form.elements[dim].value ?? '').trim();
    navigate(dashboardUrl(next));
  });
  return form;
}

function filterText(dim, value) {
  return t('results.filter', { facet: t(`dash.filter.${dim}`), value: ['authority', 'year'].includes(dim) ? value : label(dim, value) });
}

function activeFilters(filters) {
  const dims = FILTERS.filter((f) => filters[f]);
  if (!dims.length) return h('p', { class: 'muted' }, t('dash.national'));
  return h('nav', { class: 'filters', 'aria-label': t('results.active') },
    h('ul', { class: 'active-filters' },
      dims.map((dim) => h('li', {}, h('a', {
        href: dashboardUrl({ ...filters, [dim]: '' }),
        'aria-label': t('results.remove', { label: filterText(dim, filters[dim]) }),
      }, filterText(dim, filters[dim]), ' ✕'))),
      h('li', {}, h('a', { href: PATH }, t('results.clear')))));
}

// ---- figures and charts --------------------------------------------------

function ratio(v) {
  if (v == null) return t('none');
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

function percent(v) {
  if (v == null) return t('none');
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

function euros(cents) {
  return formatEuros(cents, { decimals: 0 });
}

function funderLabel(key) {
  return FUNDER_TYPES.includes(key) ? t(`dash.funder.${key}`) : key;
}

function keyFigures(finance, projectCount, partnershipCount) {
  const f = finance.missing ? null : finance;
  const items = [
    ['projects', projectCount, formatNumber(projectCount)],
    ['partnerships', partnershipCount, formatNumber(partnershipCount)],
  ];
  if (f) {
    items.push(
      ['planned', f.planned.total_cents, euros(f.planned.total_cents)],
      ['actual', f.actual.total_cents, euros(f.actual.total_cents)],
      ['execution', f.execution.value, percent(f.execution.value)],
      ['state', f.planned.state_support_cents, euros(f.planned.state_support_cents)],
      ['own', f.planned.french_own_cents, euros(f.planned.french_own_cents)],
      ['budget_per_state_euro', f.planned.leverage.budget_per_state_euro.value, ratio(f.planned.leverage.budget_per_state_euro.value)],
      ['other_per_own_euro', f.planned.leverage.other_per_own_euro.value, ratio(f.planned.leverage.other_per_own_euro.value)],
    );
  }
  return h('section', { class: 'figures', 'aria-labelledby': 'dash-figures-h' },
    h('h2', { id: 'dash-figures-h' }, t('home.figures')),
    h('ul', {}, items.map(([key, raw, text]) => h('li', { class: 'figure', dataset: { figure: key, value: raw ?? '' } },
      h('span', { class: 'figure-value' }, text),
      h('span', { class: 'figure-label' }, t(`dash.fig.${key}`))))));
}

/** A bar (decorative: the figure is in the same row, as text). */
function bar(value, max, cls = '') {
  const w = max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
  return h('span', { class: `meter ${cls}`, 'aria-hidden': 'true' }, h('span', { style: `width:${w.toFixed(1)}%` }));
}

/** A chart as a table: caption, headings, rows of cells; numeric columns right-aligned. */
function chartTable(id, caption, headings, rows, numericCols) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data dash-chart', id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headings.map((x, i) => h('th', { scope: 'col', class: numericCols.includes(i) ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => (i === 0
      ? h('th', { scope: 'row' }, cell)
      : h('td', { class: numericCols.includes(i) ? 'num' : null }, cell))))))));
}

function sharesChart(title, id, finance, key, labelOf) {
  const planned = finance.planned[key] ?? {};
  const actual = finance.actual[key] ?? {};
  const keys = [...new Set([...Object.keys(planned), ...Object.keys(actual)])]
    .sort((a, b) => (planned[b]?.cents ?? 0) - (planned[a]?.cents ?? 0));
  const max = Math.max(1, ...keys.map((k) => planned[k]?.cents ?? 0));
  const rows = keys.map((k) => [labelOf(k),
    [bar(planned[k]?.cents ?? 0, max), ' ', euros(planned[k]?.cents ?? 0)],
    percent(planned[k]?.share), euros(actual[k]?.cents ?? 0)]);
  return section(title, chartTable(id, title,
    [t('dash.col.source'), t('dash.col.planned'), t('dash.col.share'), t('dash.col.actual')], rows, [1, 2, 3]));
}

function leverageTable(finance) {
  const lev = (c, k) => c.leverage[k];
  const rows = ['budget_per_state_euro', 'other_per_own_euro'].map((k) => [
    t(`dash.lev.${k}`), ratio(lev(finance.planned, k).value), ratio(lev(finance.actual, k).value)]);
  return section(t('dash.leverage'),
    chartTable('leverage', t('dash.leverage'), [t('dash.col.ratio'), t('dash.col.planned'), t('dash.col.actual')], rows, [1, 2]),
    h('dl', { class: 'dash-defs' },
      ['budget_per_state_euro', 'other_per_own_euro'].map((k) => [
        h('dt', {}, t(`dash.lev.${k}`)), h('dd', {}, t(`dash.def.${k}`))])),
    h('p', { class: 'muted' }, t('dash.def.none')));
}

function plannedActual(finance) {
  const p = finance.planned;
  const a = finance.actual;
  const lines = [
    ['total', p.total_cents, a.total_cents],
    ['own', p.french_own_cents, a.french_own_cents],
    ['cash', p.french_cash_cents, a.french_cash_cents],
    ['in_kind', p.french_in_kind_cents, a.french_in_kind_cents],
    ['one_percent', p.french_one_percent_cents, a.french_one_percent_cents],
    ['state', p.state_support_cents, a.state_support_cents],
  ];
  const max = Math.max(1, p.total_cents, a.total_cents);
  const rows = lines.map(([k, pv, av]) => [t(`dash.pa.${k}`),
    [bar(pv, max), ' ', euros(pv)], [bar(av, max, 'meter-actual'), ' ', euros(av)], percent(pv > 0 ? av / pv : null)]);
  return section(t('dash.plannedActual'),
    chartTable('planned-actual', t('dash.plannedActual'),
      [t('dash.col.amount'), t('dash.col.planned'), t('dash.col.actual'), t('dash.col.execution')], rows, [1, 2, 3]));
}

function countsChart(title, id, dim, projects, partnerships) {
  const merged = new Map();
  for (const [which, body] of [['projects', projects], ['partnerships', partnerships]]) {
    for (const item of body.facets?.[dim] ?? []) {
      const value = String(item.value);
      const row = merged.get(value) ?? { value, projects: 0, partnerships: 0, item };
      row[which] = item.count;
      merged.set(value, row);
    }
  }
  const rows = [...merged.values()].sort((a, b) => (b.projects + b.partnerships) - (a.projects + a.partnerships)).slice(0, TOP);
  if (!rows.length) return section(title, h('p', { class: 'muted' }, t('dash.noData')));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.projects, r.partnerships)));
  const name = (r) => (dim === 'sdg' ? t('sdg.short', { code: r.value }) + ' · ' : '') + label(dim, r.value);
  return section(title, chartTable(id, title, [t(`dash.filter.${dim}`) ?? '', t('dash.col.projects'), t('dash.col.partnerships')],
    rows.map((r) => [name(r),
      [bar(r.projects, max), ' ', formatNumber(r.projects)],
      [bar(r.partnerships, max, 'meter-actual'), ' ', formatNumber(r.partnerships)]]), [1, 2]));
}

function trendChart(projects, partnerships, byYear) {
  const title = t('dash.trend');
  const years = new Map();
  const row = (y) => {
    const key = String(y);
    if (!years.has(key)) years.set(key, { year: key, projects: 0, partnerships: 0, planned: null, actual: null });
    return years.get(key);
  };
  for (const item of projects.facets?.year ?? []) row(item.value).projects = item.count;
  for (const item of partnerships.facets?.year ?? []) row(item.value).partnerships = item.count;
  for (const [year, f] of byYear) {
    const r = row(year);
    r.planned = f ? f.planned.total_cents : 0;
    r.actual = f ? f.actual.total_cents : 0;
  }
  const rows = [...years.values()].sort((a, b) => Number(a.year) - Number(b.year));
  if (!rows.length) return section(title, h('p', { class: 'muted' }, t('dash.noData')));
  const maxCount = Math.max(1, ...rows.map((r) => r.projects));
  const maxCents = Math.max(1, ...rows.map((r) => r.planned ?? 0));
  return section(title, chartTable('trend', title,
    [t('dash.filter.year'), t('dash.col.projects'), t('dash.col.partnerships'), t('dash.col.planned'), t('dash.col.actual')],
    rows.map((r) => [r.year,
      [bar(r.projects, maxCount), ' ', formatNumber(r.projects)],
      formatNumber(r.partnerships),
      r.planned == null ? t('none') : [bar(r.planned, maxCents), ' ', euros(r.planned)],
      r.actual == null ? t('none') : euros(r.actual)]), [1, 2, 3, 4]),
    byYear.length ? null : h('p', { class: 'muted' }, t('dash.trendOneYear')));
}

// The report of the same scope, when /api/v1/report can make it: one of
// authority, country or theme (or none: national), with the year.
function reportLinks(filters) {
  const scopes = ['authority', 'country', 'theme'].filter((k) => filters[k]);
  const other = ['fr_region', 'departement'].some((k) => filters[k]);
  let body;
  if (scopes.length > 1 || other) {
    body = h('p', { class: 'muted dash-noreport' }, t('dash.noReport'));
  } else {
    const p = new URLSearchParams();
    if (scopes.length) p.set(scopes[0], filters[scopes[0]]);
    else p.set('national', '1');
    if (filters.year) p.set('year', filters.year);
    const base = `/api/v1/report?${p.toString()}`;
    body = h('ul', { class: 'exports reports' }, [['html', 'report.html'], ['pdf', 'report.pdf'], ['xlsx', 'report.xlsx']]
      .map(([format, key]) => h('li', {}, h('a', {
        href: `${base}&format=${format}`, class: 'report-link', dataset: { format },
        ...(format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: `coopatlas-rapport.${format}` }),
      }, t(key)))));
  }
  return section(t('report.title'), body);
}
