// Search page (/recherche?q=...&country=SN&theme=...&sort=date&page=2).
// The whole state is in the query string: every facet value, sort option
// and page is a plain link to another URL, so results can be shared,
// bookmarked and opened in a new tab.

import { getJson } from '../api.js';
import { h, pageHeading, errorBox, safeSnippet, demoBadge, loadingBox } from '../dom.js';
import { t, itemLabel, formatNumber } from '../i18n.js';
import { loadLabels, label, numericOf } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { worldChoropleth } from '../maps/world.js';
import { exportSection } from '../components/exports.js';

// Filters of the API (docs/http.md), in the order the facets are shown.
export const DIMENSIONS = ['type', 'country', 'world_region', 'fr_region', 'departement',
  'authority_kind', 'partnership_kind', 'theme', 'sdg', 'year'];
const PASSED = ['q', 'sort', 'page', 'per_page', ...DIMENSIONS];
const FACET_SHOWN = 8; // values shown before "show more"

/** The URL of the search with `query` changed by `change(params)`. */
function searchUrl(query, change) {
  const p = new URLSearchParams(query);
  change(p);
  const s = p.toString();
  return `/recherche${s ? `?${s}` : ''}`;
}

/** The URL with `value` of `dim` added or removed (back to page 1). */
function toggleUrl(query, dim, value) {
  return searchUrl(query, (p) => {
    const values = p.getAll(dim);
    p.delete(dim);
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    for (const v of next) p.append(dim, v);
    p.delete('page');
  });
}

export async function render({ view, query }) {
  const q = query.get('q')?.trim() ?? '';
  view.append(pageHeading(q ? t('results.for', { q }) : t('results.title')));
  const loading = loadingBox();
  view.append(loading);
  const params = {};
  for (const k of PASSED) {
    const values = query.getAll(k).filter((v) => v !== '');
    if (values.length) params[k] = k === 'q' ? values[0] : values;
  }
  let body;
  try {
    [body] = await Promise.all([getJson('search', params), loadLabels()]);
  } catch (e) {
    loading.remove();
    view.append(errorBox(e.missingRoute ? t('error.unavailable', { path: '/api/v1/search' })
      : t('error.load', { detail: e.message })));
    return;
  }
  loading.remove();
  const facets = body.facets ?? {};
  view.append(...[
    h('p', { class: 'result-count', role: 'status' }, t('results.count', { n: formatNumber(body.total ?? 0) })),
    activeFilters(query, facets),
    h('div', { class: 'search-layout' },
      facetPanel(query, facets),
      h('div', { class: 'search-main' },
        sortLinks(query),
        resultList(body.results ?? []),
        pager(query, body),
        resultsMap(query, facets.country ?? []),
        searchExports(query))),
  ].filter(Boolean));
}

// Exports of the records behind the search: the export filters by one
// country (not by the words of the search), so the links carry the country
// when exactly one is selected.
function searchExports(query) {
  const countries = query.getAll('country').filter((v) => v !== '');
  const filters = countries.length === 1 ? { country: countries[0] } : {};
  return exportSection(filters, `coopatlas-${filters.country ?? 'tout'}`);
}

// The label of a facet value: the API's, else ours.
function facetLabel(dim, item) {
  if (item.label_en || (item.label && item.label !== String(item.value))) return itemLabel(item, dim);
  if (['country', 'theme', 'sdg', 'fr_region', 'departement', 'world_region'].includes(dim)) {
    return label(dim, item.value);
  }
  return itemLabel(item, dim);
}

function activeFilters(query, facets) {
  const active = DIMENSIONS.flatMap((dim) => query.getAll(dim).map((value) => [dim, value]));
  if (!active.length) return null;
  const labelOf = (dim, value) => {
    const item = (facets[dim] ?? []).find((f) => String(f.value) === value);
    return t('results.filter', { facet: t(`facet.${dim}`), value: facetLabel(dim, item ?? { value }) });
  };
  return h('nav', { class: 'filters', 'aria-label': t('results.active') },
    h('ul', { class: 'active-filters' },
      active.map(([dim, value]) => h('li', {}, h('a', {
        href: toggleUrl(query, dim, value), 'aria-label': t('results.remove', { label: labelOf(dim, value) }),
      }, labelOf(dim, value), ' ✕'))),
      h('li', {}, h('a', { href: searchUrl(query, (p) => { for (const d of DIMENSIONS) p.delete(d); p.delete('page'); }) },
        t('results.clear')))));
}

function facetPanel(query, facets) {
  const groups = [];
  for (const dim of DIMENSIONS) {
    const items = facets[dim] ?? [];
    const selected = query.getAll(dim);
    if (!items.length && !selected.length) continue;
    const id = `facet-${dim}`;
    const lis = items.map((item, i) => {
      const value = String(item.value);
      const on = selected.includes(value);
      return h('li', { hidden: i >= FACET_SHOWN && !on ? true : null },
        h('a', { href: toggleUrl(query, dim, value), 'aria-current': on ? 'true' : null, dataset: { facet: dim, value } },
          h('span', {}, facetLabel(dim, item), on ? h('span', { class: 'visually-hidden' }, ` ${t('results.selected')}`) : null),
          h('span', { class: 'count' }, formatNumber(item.count))));
    });
    const list = h('ul', { id: `${id}-list` }, lis);
    const hiddenCount = lis.filter((li) => li.hidden).length;
    let more = null;
    if (hiddenCount) {
      more = h('button', { type: 'button', class: 'facet-more', 'aria-expanded': 'false', 'aria-controls': `${id}-list` },
        t('results.more', { n: hiddenCount }));
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') !== 'true';
        lis.forEach((li, i) => { if (i >= FACET_SHOWN && li.querySelector('[aria-current]') == null) li.hidden = !open; });
        more.setAttribute('aria-expanded', String(open));
        more.textContent = open ? t('results.less') : t('results.more', { n: hiddenCount });
      });
    }
    groups.push(h('section', { class: 'facet', 'aria-labelledby': `${id}-h` },
      h('h3', { id: `${id}-h` }, t(`facet.${dim}`)), list, more));
  }
  // Open beside the results on wide screens; folded above them on phones,
  // where the results would otherwise come after a long list of filters.
  const wide = window.matchMedia('(min-width: 56rem)').matches;
  return h('aside', { class: 'facets', 'aria-label': t('results.filters') },
    h('details', { open: wide || null }, h('summary', {}, h('h2', {}, t('results.filters'))), groups));
}

function sortLinks(query) {
  const current = query.get('sort') === 'date' ? 'date' : 'relevance';
  return h('p', { class: 'search-tools' },
    h('span', {}, `${t('results.sort')} `,
      ['relevance', 'date'].flatMap((s, i) => [i ? ' · ' : '',
        s === current
          ? h('strong', { 'aria-current': 'true' }, t(`sort.${s}`))
          : h('a', { href: searchUrl(query, (p) => { p.set('sort', s); p.delete('page'); }), dataset: { sort: s } }, t(`sort.${s}`))])));
}

function resultList(results) {
  if (!results.length) return h('p', { class: 'notice' }, t('results.none'));
  return h('ol', { class: 'results' }, results.map((r) => h('li', { class: 'result', dataset: { type: r.type, countries: (r.countries ?? []).join(' ') } },
    h('h3', {}, h('a', { href: r.url }, r.title ?? r.label ?? r.url), ' ',
      h('span', { class: `tag tag-${r.type}` }, t(`type.${r.type}`)),
      r.demo ? [' ', demoBadge()] : null),
    r.snippet ? h('p', { class: 'snippet' }, safeSnippet(r.snippet)) : null,
    h('p', { class: 'card-meta' },
      [(r.countries ?? []).map((c) => label('country', c)).join(', '), r.year ?? ''].filter(Boolean).join(' · ')))));
}

function pager(query, body) {
  const perPage = body.per_page || 20;
  const pages = Math.ceil((body.total ?? 0) / perPage);
  const page = body.page || 1;
  if (pages <= 1) return null;
  const link = (n, text, rel) => h('a', { href: searchUrl(query, (p) => p.set('page', String(n))), rel, 'aria-label': t('pager.page', { n }) }, text);
  const items = [];
  if (page > 1) items.push(h('a', { href: searchUrl(query, (p) => p.set('page', String(page - 1))), rel: 'prev' }, `‹ ${t('pager.prev')}`));
  // A window of pages around the current one, with the first and last.
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  let prev = 0;
  for (const n of shown) {
    if (n - prev > 1) items.push(h('span', { 'aria-hidden': 'true' }, '…'));
    items.push(n === page ? h('span', { 'aria-current': 'page' }, String(n)) : link(n, String(n)));
    prev = n;
  }
  if (page < pages) items.push(h('a', { href: searchUrl(query, (p) => p.set('page', String(page + 1))), rel: 'next' }, `${t('pager.next')} ›`));
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    h('p', { class: 'visually-hidden' }, t('pager.of', { page, pages })),
    h('ul', {}, items.map((x) => h('li', {}, x))));
}

function resultsMap(query, countryFacet) {
  if (!countryFacet.length) return null;
  const values = new Map();
  for (const c of countryFacet) {
    const numeric = c.numeric ?? numericOf(c.value);
    if (numeric) values.set(numeric, { count: c.count, label: facetLabel('country', c), href: toggleUrl(query, 'country', String(c.value)) });
  }
  const rows = countryFacet.map((c) => [
    h('a', { href: toggleUrl(query, 'country', String(c.value)) }, facetLabel('country', c)), formatNumber(c.count)]);
  return mapSection({
    title: t('results.map'), desc: t('results.mapDesc'),
    table: dataTable(t('results.map'), [t('table.country'), t('table.results')], rows, { numericCols: [1] }),
    draw: ({ title, desc }) => worldChoropleth({ values, title, desc, titleKey: 'map.shape.search' }),
  });
}
