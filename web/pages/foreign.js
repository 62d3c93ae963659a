// A foreign local authority (/collectivites/etrangeres/{id}): where it is,
// its French partners on a map, its partnerships and projects.

import { h, pageHeading, defList, section, demoBadge } from '../dom.js';
import { t, codeLabel, formatNumber } from '../i18n.js';
import { numericOf } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { linkMap } from '../maps/world.js';
import { partnershipLinks } from '../maps/places.js';
import { exportSection } from '../components/exports.js';
import {
  authorityLink, authorityHref, countryLink, partnershipCard, projectCard, cardList, anyDemo, loadRecord,
} from './records.js';

export async function render({ view, params }) {
  const fid = params[0];
  const body = await loadRecord(view, `authorities/foreign/${encodeURIComponent(fid)}`, t('type.foreign_authority'));
  if (!body) return;
  // {id, name, kind, country, region, lat, lng, demo, partnerships, projects}
  const partnerships = body.partnerships ?? [];
  const projects = body.projects ?? [];
  const demo = body.demo || anyDemo(partnerships, projects);
  view.append(h('p', { class: 'breadcrumb' }, t('type.foreign_authority')),
    pageHeading(body.name, demo ? [' ', demoBadge()] : null));
  view.append(section(t('auth.identity'), defList([
    [t('auth.kind'), codeLabel('authority_kind', body.kind)],
    [t('auth.country'), countryLink(body.country)],
    [t('auth.admin1'), body.region],
  ])));

  const french = [...new Map(partnerships.flatMap((p) => p.french ?? []).map((f) => [f.code ?? f.id, f])).values()];
  const me = { ...body, kind: 'foreign' };
  view.append(mapSection({
    title: t('auth.map'),
    desc: t('map.links.descPending', { from: body.name }),
    table: french.length ? dataTable(t('part.french'), [t('part.french')], french.map((f) => [authorityLink(f)])) : null,
    draw: async ({ title }) => {
      const links = await partnershipLinks(partnerships.map((p) => ({ french: p.french ?? [], partners: [me] })), authorityHref);
      const desc = t('map.links.desc', { from: body.name, n: new Set(links.map((l) => l.from.name)).size, total: french.length });
      return { ...(await linkMap({ links, highlight: new Set([numericOf(body.country)].filter(Boolean)), title, desc })), desc };
    },
  }));
  view.append(h('div', { class: 'columns' },
    section(t('auth.partnerships', { n: formatNumber(body.partnerships_total ?? partnerships.length) }),
      cardList(partnerships, partnershipCard, t('auth.noPartnerships'),
        { total: body.partnerships_total, more: `/recherche?type=partnership&q=${encodeURIComponent(body.name ?? '')}` })),
    section(t('auth.projects', { n: formatNumber(body.projects_total ?? projects.length) }),
      cardList(projects, projectCard, t('auth.noProjects'),
        { total: body.projects_total, more: `/recherche?type=project&q=${encodeURIComponent(body.name ?? '')}` }))));
  if (body.country) view.append(exportSection({ country: body.country }, `coopatlas-${body.country}`));
}
