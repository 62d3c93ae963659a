// World maps: a choropleth (countries shaded by a count) and a link map
// (lines from French authorities to their partners). SVG, drawn with
// d3-geo; shapes carry <title>s, the SVG a title and description.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadLibs, loadWorld } from './vendor.js';
import { makeScale, legend, NO_DATA } from './scale.js';

const W = 960;
const H = 500;

// An <svg role="img"> with its accessible name and description.
export function svgRoot(className, { title, desc, width = W, height = H }) {
  return h('svg:svg', {
    class: `map ${className}`, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${title}. ${desc}`, 'data-no-data-fill': NO_DATA,
    preserveAspectRatio: 'xMidYMid meet', focusable: 'false',
  }, h('svg:title', {}, title), h('svg:desc', {}, desc));
}

/**
 * A shape: a <path> with a <title>, inside an <a> when it has a link.
 * Links are kept out of the tab order: the table beside the map holds the
 * same links for keyboard and screen-reader users.
 */
export function shape(d, { fill, title, href, className = '', dataset = {} }) {
  const path = h('svg:path', { d, fill, class: `shape ${className}`, dataset }, h('svg:title', {}, title));
  return href ? h('svg:a', { href, tabindex: '-1', class: 'shape-link' }, path) : path;
}

/**
 * Countries shaded by count.
 *   values: Map of ISO numeric code -> {count, label, href}
 *   titleKey: i18n key for a shape's title ({name}, {n})
 */
export async function worldChoropleth({ values, title, desc, titleKey = 'map.shape.country' }) {
  const [{ d3 }, features] = await Promise.all([loadLibs(), loadWorld()]);
  const scale = makeScale([...values.values()].map((v) => v.count));
  // Fit the width; the height follows the shapes (no empty band where
  // Antarctica would be).
  const all = { type: 'FeatureCollection', features };
  const projection = d3.geoNaturalEarth1().fitWidth(W - 8, all);
  const path = d3.geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(all);
  projection.translate(projection.translate().map((v, i) => v + (i === 0 ? 4 : 4 - y0)));
  const svg = svgRoot('map-world', { title, desc, height: Math.ceil(y1 - y0 + 8) });
  const g = h('svg:g', { class: 'countries' });
  for (const f of features) {
    const v = values.get(f.id);
    const name = v?.label ?? f.properties?.name ?? '';
    g.append(shape(path(f), {
      fill: v ? scale.color(v.count) : NO_DATA,
      title: v ? t(titleKey, { name, n: v.count }) : `${name} : ${t('map.nodata')}`,
      href: v?.href,
      dataset: { id: f.id ?? '' },
    }));
  }
  svg.append(g);
  const drawnIds = new Set(features.map((f) => f.id));
  const missing = [...values.keys()].filter((k) => !drawnIds.has(k));
  return { svg, legend: legend(scale), missing };
}

/**
 * Lines from French authorities to partners.
 *   links: [{from: {lng, lat, name}, to: {lng, lat, name, href}}]
 *   highlight: Set of ISO numeric codes of countries to shade (partners')
 *   home: Set of ISO numeric codes shaded as the origin (France: '250')
 *   points: [{lng, lat, name, href, french: bool}] drawn without lines
 */
export async function linkMap({ links, points: dots0 = [], highlight = new Set(), home = new Set(['250']), title, desc }) {
  const [{ d3 }, features] = await Promise.all([loadLibs(), loadWorld()]);
  const points = links.flatMap((l) => [[l.from.lng, l.from.lat], [l.to.lng, l.to.lat]])
    .concat(dots0.map((p) => [p.lng, p.lat]));
  // Fit the view to the ends of the lines (with some room around them), or
  // to the highlighted countries and France when nothing is placed.
  let fitTo;
  if (points.length) {
    const [x0, y0, x1, y1] = [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])),
      Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
    const padX = Math.max(6, (x1 - x0) * 0.12);
    const padY = Math.max(4, (y1 - y0) * 0.12);
    fitTo = { type: 'MultiPoint', coordinates: [[x0 - padX, y0 - padY], [x1 + padX, y1 + padY], [x0 - padX, y1 + padY], [x1 + padX, y0 - padY]] };
  } else {
    const chosen = features.filter((f) => highlight.has(f.id) || home.has(f.id));
    fitTo = { type: 'FeatureCollection', features: chosen.length ? chosen : features };
  }
  const projection = d3.geoNaturalEarth1().fitExtent([[10, 10], [W - 10, H - 10]], fitTo);
  const path = d3.geoPath(projection);
  const svg = svgRoot('map-links', { title, desc });
  const g = h('svg:g', { class: 'countries' });
  for (const f of features) {
    const fill = home.has(f.id) ? '#9dbfe9' : highlight.has(f.id) ? '#cfe0f5' : NO_DATA;
    g.append(h('svg:path', { d: path(f), fill, class: 'shape' }, h('svg:title', {}, f.properties?.name ?? '')));
  }
  svg.append(g);
  const lines = h('svg:g', { class: 'links' });
  const dots = h('svg:g', { class: 'dots' });
  const seen = new Set();
  const ends = links.flatMap((l) => [[l.from, 'dot-fr'], [l.to, 'dot-partner']])
    .concat(dots0.map((p) => [p, p.french ? 'dot-fr' : 'dot-partner']));
  for (const l of links) {
    const d = path({ type: 'LineString', coordinates: [[l.from.lng, l.from.lat], [l.to.lng, l.to.lat]] });
    if (d) lines.append(h('svg:path', { d, class: 'link' }, h('svg:title', {}, `${l.from.name} – ${l.to.name}`)));
  }
  for (const [end, cls] of ends) {
    const key = `${end.lng},${end.lat},${end.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [x, y] = projection([end.lng, end.lat]) ?? [];
    if (!Number.isFinite(x)) continue;
    const dot = h('svg:circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: cls === 'dot-fr' ? 5 : 4, class: `dot ${cls}` },
      h('svg:title', {}, end.name));
    dots.append(end.href ? h('svg:a', { href: end.href, tabindex: '-1' }, dot) : dot);
  }
  svg.append(lines, dots);
  return { svg };
}
