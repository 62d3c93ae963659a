// Where to draw the parties of partnerships. A party's own coordinates
// ({lat, lng}) are used when the API gives them; otherwise:
//  - a foreign authority is looked up (/api/v1/authorities/foreign/{id},
//    which has GeoNames coordinates when the place is known);
//  - a French authority is drawn at the centre of its département (or of
//    its région for a région), from the map of France.

import { getJsonCached } from '../api.js';
import { loadLibs, loadFrance } from './vendor.js';

const MAX_LOOKUPS = 60; // foreign look-ups per map, at most
const PARALLEL = 6;

/** Coordinates of a record, or null: {lat, lng} | {latitude, longitude} | {location}. */
export function coords(x) {
  if (!x) return null;
  const src = x.location && typeof x.location === 'object' ? x.location : x;
  const lat = src.lat ?? src.latitude;
  const lng = src.lng ?? src.lon ?? src.longitude;
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/** The key a party is known by in placeAll's answer. */
export const partyKey = (p) => `${p.kind === 'foreign' || !p.code ? 'f' : 'fr'}:${p.id ?? p.code ?? `${p.name}@${p.lat},${p.lng}`}`;

/**
 * Places the parties: a Map from partyKey to {lat, lng}; parties that
 * cannot be placed are left out.
 */
export async function placeAll(parties) {
  const out = new Map();
  const foreign = [];
  const french = [];
  for (const p of parties) {
    if (!p || out.has(partyKey(p))) continue;
    const c = coords(p);
    if (c) out.set(partyKey(p), c);
    else if (p.kind === 'foreign' && p.id != null) foreign.push(p);
    else if (p.code && p.kind !== 'actor') french.push(p);
  }
  await Promise.all([placeForeign(dedupe(foreign).slice(0, MAX_LOOKUPS), out), placeFrench(dedupe(french), out)]);
  return out;
}

function dedupe(list) {
  return [...new Map(list.map((p) => [partyKey(p), p])).values()];
}

async function placeForeign(list, out) {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const p = list[next++];
      try {
        const c = coords(await getJsonCached(`authorities/foreign/${encodeURIComponent(p.id)}`));
        if (c) out.set(partyKey(p), c);
      } catch { /* not placed */ }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function placeFrench(list, out) {
  if (!list.length) return;
  const [{ d3 }, { departements, regions }] = await Promise.all([loadLibs(), loadFrance()]);
  const centre = (features, code) => {
    const f = features.find((x) => x.properties.code === code);
    if (!f) return null;
    const [lng, lat] = d3.geoCentroid(f);
    return { lat, lng };
  };
  for (const p of list) {
    const c = p.kind === 'region' ? centre(regions, p.code)
      : p.kind === 'departement' ? centre(departements, p.code)
        : p.departement ? centre(departements, p.departement) : null;
    if (c) out.set(partyKey(p), c);
  }
}

/**
 * The lines of a list of partnerships: one per (French party, partner)
 * pair whose two ends can be placed. `href(party)` gives a link for a dot.
 */
export async function partnershipLinks(partnerships, href = () => null) {
  const parties = partnerships.flatMap((p) => [...(p.french ?? []), ...(p.partners ?? [])]);
  const placed = await placeAll(parties);
  const links = [];
  for (const p of partnerships) {
    for (const f of p.french ?? []) {
      const a = placed.get(partyKey(f));
      if (!a) continue;
      for (const r of p.partners ?? []) {
        const b = placed.get(partyKey(r));
        if (b) links.push({ from: { ...a, name: f.name, href: href(f) }, to: { ...b, name: r.name, href: href(r) } });
      }
    }
  }
  return links;
}
