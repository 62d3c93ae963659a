// Colour classes of the choropleths and their legend. Classes are built on
// "nice" breaks (1, 2, 5, 10, 20, 50…) near the quantiles of the counts, so
// that a few very large values (Germany, the United Kingdom) do not wash
// out every other country.

import { h } from '../dom.js';
import { t, formatNumber } from '../i18n.js';

/** Fill of shapes without data; tests tell drawn data from it. */
export const NO_DATA = '#e8e8e8';

// Light to dark blue; every class differs from NO_DATA by hue or lightness,
// and the legend repeats them with their ranges.
const PALETTE = ['#cfe0f5', '#9dbfe9', '#6a9bd8', '#3c74c0', '#1f4f9c', '#0c2d6b'];

function nice(x) {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/**
 * A scale over positive counts: {color(n), classes: [{from, to, color}]}.
 * Counts of 0 or missing get NO_DATA.
 */
export function makeScale(counts) {
  const values = counts.filter((n) => n > 0).sort((a, b) => a - b);
  const breaks = [1];
  if (values.length) {
    const k = Math.min(PALETTE.length, Math.max(1, new Set(values).size));
    for (let i = 1; i < k; i++) {
      const q = values[Math.floor((i / k) * (values.length - 1))];
      const b = nice(q);
      if (b > breaks[breaks.length - 1] && b <= values[values.length - 1]) breaks.push(b);
    }
  }
  const max = values[values.length - 1] ?? 1;
  const colors = spread(breaks.length);
  const classes = breaks.map((from, i) => ({
    from, to: i + 1 < breaks.length ? breaks[i + 1] - 1 : max, color: colors[i],
  }));
  const color = (n) => {
    if (!(n > 0)) return NO_DATA;
    for (let i = classes.length - 1; i >= 0; i--) if (n >= classes[i].from) return classes[i].color;
    return classes[0].color;
  };
  return { color, classes };
}

// n colours spread over the palette, always ending on the darkest.
function spread(n) {
  if (n >= PALETTE.length) return PALETTE.slice();
  return Array.from({ length: n }, (_, i) =>
    PALETTE[n === 1 ? PALETTE.length - 2 : Math.round((i * (PALETTE.length - 1)) / (n - 1))]);
}

/** The legend: a list of swatches with their ranges, "no data" first. */
export function legend(scale, caption) {
  const item = (color, text) => h('li', {},
    h('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' }), text);
  return h('figure', { class: 'legend' },
    h('figcaption', {}, caption ?? t('map.legend')),
    h('ul', {},
      item(NO_DATA, t('map.nodata')),
      scale.classes.map((c) => item(c.color,
        c.from === c.to ? formatNumber(c.from) : `${formatNumber(c.from)} – ${formatNumber(c.to)}`))));
}
