// Labels of the atlas's codes (countries, themes, SDGs, régions,
// départements) taken from /api/v1/stats, which lists each with its French
// and English label; fetched once per visit.

import { getJsonCached } from './api.js';
import { itemLabel, locale } from './i18n.js';

let tables = null; // dimension -> Map(code -> bucket), once loaded
let loading = null;

/** Loads the lookup tables (safe to call many times). Never rejects. */
export function loadLabels() {
  loading ??= getJsonCached('stats').then((stats) => {
    const next = {};
    for (const [key, list] of Object.entries(stats)) {
      if (key.startsWith('by_') && Array.isArray(list)) next[key.slice(3)] = new Map(list.map((b) => [String(b.value), b]));
    }
    tables = next;
    return tables;
  }).catch(() => {
    loading = null; // labels fall back to the codes; retry next time
    return {};
  });
  return loading;
}

/** The stats bucket of a code in a dimension (country, theme, sdg, ...). */
export function bucket(dimension, code) {
  return tables?.[dimension]?.get(String(code)) ?? null;
}

/** The label of a code in a dimension, in the current language. */
export function label(dimension, code) {
  const b = bucket(dimension, code);
  if (b) return itemLabel(b);
  // Countries without partnerships (France itself…): the browser's names.
  if (dimension === 'country' && /^[A-Z]{2}$/.test(code ?? '')) {
    try { return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) ?? code; } catch { /* fall through */ }
  }
  return String(code ?? '');
}

/** ISO 3166 numeric code (world-atlas ids) of an alpha-2 code, if known. */
export function numericOf(alpha2) {
  return bucket('country', alpha2)?.numeric ?? null;
}

/** Alpha-2 code of a numeric one, if known. */
export function alpha2Of(numeric) {
  for (const b of tables?.country?.values() ?? []) if (b.numeric === numeric) return b.value;
  return null;
}
