// A map block: heading, a placeholder where the map is drawn
// asynchronously, and the accessible alternative (a table with the same
// figures in a <details>). The text and the table are in the page at once;
// the map comes when its libraries and shapes have loaded.

import { h } from '../dom.js';
import { t } from '../i18n.js';

let seq = 0;

/**
 * Returns a <section> at once and draws into it later.
 *   title, desc: heading and the map's description (the SVG's <desc>)
 *   table: an HTMLTableElement (or null) with the same figures
 *   draw: async ({title, desc}) => {svg, legend?, desc?} — builds the map
 *     (a `desc` returned replaces the one shown)
 */
export function mapSection({ title, desc, table, draw, className = '' }) {
  const id = `map${++seq}`;
  const holder = h('div', { class: 'map-holder', 'aria-busy': 'true' },
    h('p', { class: 'loading' }, t('map.loading')));
  const sec = h('section', { class: `panel map-block ${className}`, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    h('p', { class: 'map-desc', id: `${id}-d` }, desc),
    holder,
    table ? h('details', { class: 'map-table' }, h('summary', {}, t('map.table')),
      h('div', { class: 'table-scroll' }, table)) : null);
  // Drawing waits for the next frame so that the text paints first.
  requestAnimationFrame(async () => {
    try {
      const drawn = await draw({ title, desc });
      holder.replaceChildren(drawn.svg, drawn.legend ?? '');
      // A description known only once the map is drawn (how many placed).
      if (drawn.desc) sec.querySelector('.map-desc').textContent = drawn.desc;
    } catch (e) {
      console.warn('map:', e);
      holder.replaceChildren(h('p', { class: 'notice' }, t('map.error', { detail: e.message })));
    } finally {
      holder.removeAttribute('aria-busy');
    }
  });
  return sec;
}

/**
 * A simple data table: caption, column headings and rows of cells (strings
 * or nodes). The first cell of each row is a row header.
 */
export function dataTable(caption, headings, rows, { numericCols = [], className = '', hideCaption = false } = {}) {
  return h('table', { class: `data ${className}` },
    h('caption', { class: hideCaption ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, headings.map((x, i) =>
      h('th', { scope: 'col', class: numericCols.includes(i) ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => (i === 0
      ? h('th', { scope: 'row' }, cell)
      : h('td', { class: numericCols.includes(i) ? 'num' : null }, cell)))))));
}
