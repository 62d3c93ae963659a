// The map of France by département: metropolitan France in a conformal
// conic projection (close to Lambert-93) and the five overseas départements
// (Guadeloupe 971, Martinique 972, Guyane 973, La Réunion 974, Mayotte 976)
// each in its own inset below, each inset with its own projection.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadLibs, loadFrance } from './vendor.js';
import { makeScale, legend, NO_DATA } from './scale.js';
import { svgRoot, shape } from './world.js';

export const DROM = ['971', '972', '973', '974', '976'];

const W = 600;
const METRO_H = 560;
const INSET = 120; // width of an inset box (5 × 120 = W)
const H = METRO_H + INSET + 8;
const IDF = ['75', '92', '93', '94']; // Paris and the petite couronne
const ZOOM = 130; // side of the Île-de-France zoom box

/**
 * Départements shaded by count.
 *   values: Map of code -> {count, label, href}
 */
export async function franceChoropleth({ values, title, desc, titleKey = 'map.shape.departement' }) {
  const [{ d3 }, { departements, regions }] = await Promise.all([loadLibs(), loadFrance()]);
  const scale = makeScale([...values.values()].map((v) => v.count));
  const svg = svgRoot('map-france', { title, desc, width: W, height: H });

  // `className` 'shape' for the map's own shapes; the Île-de-France zoom
  // repeats some départements as 'zoom-shape' (not counted twice).
  const draw = (g, features, path, className = '') => {
    for (const f of features) {
      const code = f.properties.code;
      const v = values.get(code);
      const name = f.properties.nom;
      const el = shape(path(f), {
        fill: v ? scale.color(v.count) : NO_DATA,
        title: t(titleKey, { name, code, n: v?.count ?? 0 }),
        href: v?.href,
        dataset: { code },
      });
      if (className) {
        const p = el.tagName === 'path' ? el : el.querySelector('path');
        p.setAttribute('class', className);
      }
      g.append(el);
    }
  };

  // Metropolitan France (and Corsica).
  const metro = departements.filter((f) => !DROM.includes(f.properties.code));
  const projection = d3.geoConicConformal().parallels([44, 49]).rotate([-3, 0])
    .fitExtent([[8, 8], [W - 8, METRO_H - 8]], { type: 'FeatureCollection', features: metro });
  const path = d3.geoPath(projection);
  const gMetro = h('svg:g', { class: 'departements' });
  draw(gMetro, metro, path);
  // Région borders over the départements, for orientation.
  const metroRegions = regions.filter((f) => f.properties.code.length === 2 && +f.properties.code > 10);
  const gRegions = h('svg:g', { class: 'regions', 'aria-hidden': 'true' },
    metroRegions.map((f) => h('svg:path', { d: path(f), class: 'region-border' })));
  svg.append(gMetro, gRegions);

  // Paris and the petite couronne, enlarged in the top-left corner (over
  // the Channel): they are too small to see or click on the main map.
  const idf = departements.filter((f) => IDF.includes(f.properties.code));
  if (idf.length) {
    const [x0, y0, size] = [8, 8, ZOOM];
    const p = d3.geoPath(d3.geoConicConformal().parallels([44, 49]).rotate([-3, 0])
      .fitExtent([[x0 + 6, y0 + 6], [x0 + size - 6, y0 + size - 20]], { type: 'FeatureCollection', features: idf }));
    const g = h('svg:g', { class: 'inset inset-idf' },
      h('svg:rect', { x: x0, y: y0, width: size, height: size, class: 'inset-frame', rx: 4 }));
    draw(g, idf, p, 'zoom-shape');
    g.append(h('svg:text', { x: x0 + size / 2, y: y0 + size - 6, class: 'inset-label', 'text-anchor': 'middle' },
      t('map.paris')));
    svg.append(g);
  }

  // Insets, left to right in code order.
  DROM.forEach((code, i) => {
    const f = departements.find((x) => x.properties.code === code);
    if (!f) return;
    const x0 = i * INSET;
    const y0 = METRO_H + 4;
    const box = [[x0 + 8, y0 + 6], [x0 + INSET - 8, y0 + INSET - 22]];
    const p = d3.geoPath(d3.geoMercator().fitExtent(box, f));
    const g = h('svg:g', { class: 'inset', dataset: { code } },
      h('svg:rect', { x: x0 + 3, y: y0, width: INSET - 6, height: INSET, class: 'inset-frame', rx: 4 }));
    draw(g, [f], p);
    g.append(h('svg:text', { x: x0 + INSET / 2, y: y0 + INSET - 6, class: 'inset-label', 'text-anchor': 'middle' },
      f.properties.nom));
    svg.append(g);
  });
  return { svg, legend: legend(scale) };
}
