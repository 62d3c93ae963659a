// Export links (/api/v1/export, as `coopatlas export`): the files of the
// records a page shows, filtered by authority or country.

import { exportUrl } from '../api.js';
import { h, section } from '../dom.js';
import { t } from '../i18n.js';

const FORMATS = [
  ['csv', {}, 'export.csv', 'csv'],
  ['csv', { excel: 1 }, 'export.excel', 'csv'],
  ['xlsx', {}, 'export.xlsx', 'xlsx'],
  ['json', {}, 'export.json', 'json'],
  ['geojson', {}, 'export.geojson', 'geojson'],
  ['iati', {}, 'export.iati', 'xml'],
];

/** A section of export links; `filters` e.g. {authority: '35238'}. */
export function exportSection(filters, basename) {
  const links = FORMATS.map(([format, extra, key, ext]) => h('li', {},
    h('a', {
      href: exportUrl(format, filters, extra),
      download: `${basename}${extra.excel ? '-excel' : ''}.${ext}`,
      class: 'export-link', dataset: { format },
    }, t(key))));
  return section(t('export.title'), h('p', {}, t('export.intro')), h('ul', { class: 'exports' }, links));
}
