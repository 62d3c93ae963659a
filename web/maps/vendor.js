// The map libraries and shapes, loaded on demand (after the page's text has
// painted) from this server only:
//  - d3-geo as an ES module (/vendor/d3-geo/dist/d3-geo.min.mjs; its import
//    of 'd3-array' is resolved by the import map in index.html);
//  - topojson-client, which only ships UMD: a classic <script> whose global
//    `topojson` we use;
//  - world shapes (world-atlas, Natural Earth 1:110m) and France
//    (départements and régions, with the overseas départements).

import { getStaticJson } from '../api.js';

const TOPOJSON_URL = '/vendor/topojson-client/dist/topojson-client.min.js';
const WORLD_URL = '/vendor/world-atlas/countries-110m.json';
const FRANCE_URL = '/data/france-departements-regions.topo.json';

let libs = null;

/** {d3, topojson}: d3-geo's exports and the topojson-client global. */
export function loadLibs() {
  libs ??= Promise.all([import('d3-geo'), loadClassicScript(TOPOJSON_URL, 'topojson')])
    .then(([d3, topojson]) => ({ d3, topojson }));
  libs.catch(() => { libs = null; });
  return libs;
}

function loadClassicScript(src, globalName) {
  if (globalThis[globalName]) return Promise.resolve(globalThis[globalName]);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => (globalThis[globalName] ? resolve(globalThis[globalName])
      : reject(new Error(`${src} did not define ${globalName}`)));
    s.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(s);
  });
}

let world = null;
let france = null;

/** World countries as GeoJSON features, each with `id` = ISO numeric. */
export function loadWorld() {
  world ??= Promise.all([loadLibs(), getStaticJson(WORLD_URL)]).then(([{ d3, topojson }, topo]) => {
    const fc = topojson.feature(topo, topo.objects.countries);
    for (const f of fc.features) {
      // Natural Earth leaves Kosovo without a numeric code: use XK's
      // user-assigned code, as the API does.
      if (!f.id && f.properties?.name === 'Kosovo') f.id = '983';
    }
    return fc.features.filter((f) => f.id !== '010'); // no Antarctica
  });
  world.catch(() => { world = null; });
  return world;
}

/** {departements, regions}: France's features, properties {code, nom}. */
export function loadFrance() {
  france ??= Promise.all([loadLibs(), getStaticJson(FRANCE_URL)]).then(([{ d3, topojson }, topo]) => ({
    departements: topojson.feature(topo, topo.objects.departements).features.map((f) => rewind(d3, f)),
    regions: topojson.feature(topo, topo.objects.regions).features.map((f) => rewind(d3, f)),
  }));
  france.catch(() => { france = null; });
  return france;
}

/**
 * d3-geo wants spherical polygons wound clockwise; shapes converted from
 * RFC 7946 GeoJSON are counter-clockwise and would cover the whole globe.
 * A polygon larger than a hemisphere is such a one: reverse its rings.
 */
function rewind(d3, feature) {
  const fix = (poly) => (d3.geoArea({ type: 'Polygon', coordinates: poly }) > 2 * Math.PI
    ? poly.map((ring) => ring.slice().reverse()) : poly);
  const g = feature.geometry;
  if (!g) return feature;
  const geometry = g.type === 'Polygon' ? { ...g, coordinates: fix(g.coordinates) }
    : g.type === 'MultiPolygon' ? { ...g, coordinates: g.coordinates.map(fix) } : g;
  return { ...feature, geometry };
}
