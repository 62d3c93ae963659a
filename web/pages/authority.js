// A French authority (/collectivites/{code}): identity, its partnerships
// drawn on a map (lines from the authority to its partners), its
// partnerships and projects, comparable authorities, exports.

import { h, pageHeading, defList, section, demoBadge, limitList } from '../dom.js';
import { t, lang, codeLabel, formatNumber } from '../i18n.js';
import { label, numericOf } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { linkMap } from '../maps/world.js';
import { exportSection } from '../components/exports.js';
import { partnershipLinks } from '../maps/places.js';
import {
  authorityLink, authorityHref, countryLink, partnershipCard, projectCard, cardList, anyDemo, loadRecord,
} from './records.js';

export async function render({ view, params }) {
  const code = params[0];
  const body = await loadRecord(view, `authorities/${encodeURIComponent(code)}`, code);
  if (!body) return;
  // {code, name, kind, departement, region, population, epci: [{siren,
  // name}], partnerships, projects, peers} (docs/http.md)
  const id = body;
  const partnerships = body.partnerships ?? [];
  const projects = body.projects ?? [];
  const demo = anyDemo(partnerships, projects);

  view.append(pageHeading(id.name ?? code, demo ? [' ', demoBadge()] : null));
  view.append(section(t('auth.identity'), defList([
    [t('auth.kind'), codeLabel('authority_kind', id.kind)],
    [t('auth.code'), id.code ?? code],
    [t('auth.departement'), id.departement
      ? h('a', { href: `/recherche?departement=${encodeURIComponent(id.departement)}` }, `${label('departement', id.departement)} (${id.departement})`) : null],
    [t('auth.region'), id.region ? label('fr_region', id.region) : null],
    [t('auth.population'), id.population != null ? formatNumber(id.population) : null],
    [t('auth.epci'), (body.epci ?? []).map((e, i) =>
      [i ? ', ' : '', h('a', { href: `/collectivites/${encodeURIComponent(e.siren)}` }, e.name ?? e.siren)])],
  ])));

  view.append(partnersMap(id, partnerships));
  view.append(h('div', { class: 'columns' },
    section(t('auth.partnerships', { n: formatNumber(body.partnerships_total ?? partnerships.length) }),
      cardList(partnerships, partnershipCard, t('auth.noPartnerships'),
        { total: body.partnerships_total, more: `/recherche?type=partnership&q=${encodeURIComponent(id.name ?? code)}` })),
    section(t('auth.projects', { n: formatNumber(body.projects_total ?? projects.length) }),
      cardList(projects, projectCard, t('auth.noProjects'),
        { total: body.projects_total, more: `/recherche?type=project&q=${encodeURIComponent(id.name ?? code)}` }))));
  if (body.peers) view.append(peersSection(body.peers));
  view.append(exportSection({ authority: id.code ?? code }, `coopatlas-${id.code ?? code}`));
}

// Lines from the authority to each partner that can be placed; the table
// lists every partner, placed or not.
function partnersMap(id, partnerships) {
  const partners = [...new Map(partnerships.flatMap((p) => p.partners ?? [])
    .filter((r) => r && typeof r === 'object').map((r) => [r.id ?? r.name, r])).values()];
  const highlight = new Set(partners.map((r) => numericOf(r.country)).filter(Boolean));
  const rows = partners.map((r) => [authorityLink(r, { withPlace: false }), countryLink(r.country)]);
  const me = { ...id, kind: id.kind ?? 'commune' };
  return mapSection({
    title: t('auth.map'),
    desc: t('map.links.descPending', { from: id.name ?? '' }),
    table: rows.length ? dataTable(t('part.partners'), [t('part.partners'), t('table.country')], rows) : null,
    draw: async ({ title }) => {
      // This authority stands for the French side of each of its partnerships.
      const links = await partnershipLinks(partnerships.map((p) => ({ french: [me], partners: p.partners ?? [] })), authorityHref);
      const desc = t('map.links.desc', { from: id.name ?? '', n: new Set(links.map((l) => l.to.name)).size, total: partners.length });
      return { ...(await linkMap({ links, highlight, title, desc })), desc };
    },
  });
}

// Peers: [{authority: party, score, reason, reason_en}], best first.
function peersSection(list) {
  const reasonOf = (p) => (lang() === 'en' && p.reason_en) || p.reason || '';
  return section(t('auth.peers'),
    h('p', { class: 'muted' }, t('auth.peersIntro')),
    list.length ? limitList(h('ul', { class: 'cards peers' }, list.map((p) => {
      const a = p.authority;
      return h('li', { class: 'card' },
        authorityLink({ country: 'FR', ...a }),
        a.kind ? h('span', { class: 'muted' }, ` · ${codeLabel('authority_kind', a.kind)}`) : null,
        reasonOf(p) ? h('div', { class: 'card-meta' }, reasonOf(p)) : null);
    })), 10)
      : h('p', { class: 'muted' }, t('auth.noPeers')));
}
