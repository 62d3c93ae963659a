// A country (/pays/{iso}): its partner authorities, the French authorities
// active there, themes, a map, exports.

import { h, pageHeading, defList, section, demoBadge, limitList } from '../dom.js';
import { t, lang, codeLabel, formatNumber } from '../i18n.js';
import { label, bucket, numericOf } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { linkMap } from '../maps/world.js';
import { exportSection } from '../components/exports.js';
import { partnershipLinks } from '../maps/places.js';
import {
  authorityLink, authorityHref, partnershipCard, projectCard, cardList, themeChips, anyDemo, loadRecord,
} from './records.js';

export async function render({ view, params }) {
  const iso = params[0].toUpperCase();
  const body = await loadRecord(view, `countries/${encodeURIComponent(iso)}`, label('country', iso) || iso);
  if (!body) return;
  // {alpha2, name, name_en, world_region, partner_authorities,
  //  french_authorities, themes, partnerships, projects} (docs/http.md)
  const name = (lang() === 'en' && body.name_en) || body.name || label('country', iso);
  const partners = body.partner_authorities ?? [];
  const french = body.french_authorities ?? [];
  const partnerships = body.partnerships ?? [];
  const projects = body.projects ?? [];
  const themes = body.themes ?? [];
  const demo = anyDemo(partnerships, projects);
  const stat = bucket('country', iso);

  view.append(pageHeading(name, demo ? [' ', demoBadge()] : null));
  view.append(section(t('country.summary'), defList([
    ['ISO 3166', iso],
    [t('country.region'), body.world_region ? codeLabel('world_region', body.world_region) : null],
    [t('table.partnerships'), formatNumber(body.partnerships_total ?? stat?.count ?? partnerships.length)],
  ])));
  view.append(countryMap(iso, name, partners, partnerships));
  view.append(h('div', { class: 'columns' },
    section(t('country.partners', { n: formatNumber(partners.length) }), authorityList(partners, 'partner-list')),
    section(t('country.french', { n: formatNumber(french.length) }), authorityList(french, 'french-list'))));
  if (themes.length) view.append(section(t('country.themes'), h('div', { class: 'themes' }, themeChips(themes))));
  view.append(h('div', { class: 'columns' },
    section(t('country.partnerships', { n: formatNumber(body.partnerships_total ?? partnerships.length) }),
      cardList(partnerships, partnershipCard, t('auth.noPartnerships'),
        { total: body.partnerships_total, more: `/recherche?type=partnership&country=${encodeURIComponent(iso)}` })),
    section(t('country.projects', { n: formatNumber(body.projects_total ?? projects.length) }),
      cardList(projects, projectCard, t('auth.noProjects'),
        { total: body.projects_total, more: `/recherche?type=project&country=${encodeURIComponent(iso)}` }))));
  view.append(exportSection({ country: iso }, `coopatlas-${iso}`));
}

function authorityList(list, cls) {
  if (!list.length) return h('p', { class: 'muted' }, t('country.none'));
  // Each with its number of partnerships and projects in the country.
  const counts = (a) => [
    typeof a.partnerships === 'number' ? t('count.partnerships', { n: formatNumber(a.partnerships) }) : null,
    a.projects ? t('count.projects', { n: formatNumber(a.projects) }) : null,
  ].filter(Boolean).join(', ');
  return limitList(h('ul', { class: `link-list ${cls}` }, list.map((a) => h('li', {}, authorityLink(a),
    counts(a) ? h('span', { class: 'muted' }, ` · ${counts(a)}`) : null,
    a.demo ? [' ', demoBadge()] : null))), 20);
}

// France and the country, with a line for each partnership whose two
// parties can be placed.
function countryMap(iso, name, partners, partnerships) {
  const numeric = numericOf(iso);
  const rows = partners.map((a) => [authorityLink(a, { withPlace: false }), a.region ?? '']);
  return mapSection({
    title: t('auth.map'),
    desc: t('map.links.descPendingCountry', { name }),
    table: rows.length ? dataTable(t('part.partners'), [t('part.partners'), t('auth.admin1')], rows) : null,
    draw: async ({ title }) => {
      const links = await partnershipLinks(partnerships, authorityHref);
      const desc = t('map.links.descCountry', { name, n: links.length });
      return { ...(await linkMap({ links, highlight: new Set(numeric ? [numeric] : []), title, desc })), desc };
    },
  });
}
