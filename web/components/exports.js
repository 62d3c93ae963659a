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
  // A report (key figures, charts, lists) of the authority or the country
  // the page is about: /api/v1/report, as `coopatlas report`.
  const scope = ['authority', 'country'].find((k) => filters[k]);
  const reports = scope ? [
    h('h3', {}, t('report.title')),
    h('ul', { class: 'exports reports' }, [['html', 'report.html'], ['pdf', 'report.pdf'], ['xlsx', 'report.xlsx']]
      .map(([format, key]) => h('li', {}, h('a', {
        href: `/api/v1/report?${scope}=${encodeURIComponent(filters[scope])}&format=${format}`,
        class: 'report-link', dataset: { format },
        ...(format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: `${basename}-rapport.${format}` }),
      }, t(key))))),
  ] : [];
  return section(t('export.title'), h('p', {}, t('export.intro')), h('ul', { class: 'exports' }, links), ...reports);
}
