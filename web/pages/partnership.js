// One partnership (/partenariats/{id}): kind, status, dates, its parties,
// a map of the link, its projects, exports.

import { h, pageHeading, defList, section, demoBadge } from '../dom.js';
import { t, codeLabel, formatDate, formatNumber } from '../i18n.js';
import { numericOf } from '../labels.js';
import { mapSection } from '../maps/frame.js';
import { linkMap } from '../maps/world.js';
import { exportSection } from '../components/exports.js';
import { partnershipLinks } from '../maps/places.js';
import {
  authorityLink, authorityHref, countryLink, partnershipName, projectCard, cardList, anyDemo, loadRecord,
} from './records.js';

export async function render({ view, params }) {
  const id = params[0];
  const body = await loadRecord(view, `partnerships/${encodeURIComponent(id)}`, `${t('part.title')} ${id}`);
  if (!body) return;
  // P + {object, started_on, ended_on, projects: [J]} (docs/http.md)
  const p = body;
  const french = p.french ?? [];
  const partners = p.partners ?? [];
  const projects = p.projects ?? [];
  const demo = anyDemo([p], projects);

  view.append(h('p', { class: 'breadcrumb' }, t('part.title')),
    pageHeading(partnershipName({ ...p, french, partners }), demo ? [' ', demoBadge()] : null));
  view.append(section(t('part.title'), defList([
    [t('part.kind'), codeLabel('partnership_kind', p.kind)],
    [t('part.status'), p.status ? codeLabel('partnership_status', p.status) : null],
    [t('part.signed'), p.signed_on ? formatDate(p.signed_on) : null],
    [t('part.started'), p.started_on ? formatDate(p.started_on) : null],
    [t('part.ended'), p.ended_on ? formatDate(p.ended_on) : null],
    [t('part.object'), p.object],
    [t('part.council'), p.council_ref],
    [t('part.commitments'), p.planned_commitments],
    [t('part.source'), p.source],
  ])));
  view.append(h('div', { class: 'columns' },
    section(t('part.french'), h('ul', { class: 'link-list' }, french.map((r) => h('li', {}, authorityLink(r))))),
    section(t('part.partners'), h('ul', { class: 'link-list' }, partners.map((r) => h('li', {},
      authorityLink(r, { withPlace: false }), ' — ', countryLink(r.country)))))));

  const from = french.map((f) => f.name).join(', ');
  view.append(mapSection({
    title: t('map.links.title'), desc: t('map.links.descPending', { from }), table: null,
    draw: async ({ title }) => {
      const links = await partnershipLinks([{ french, partners }], authorityHref);
      const desc = t('map.links.desc', { from, n: new Set(links.map((l) => l.to.name)).size, total: partners.length });
      const highlight = new Set(partners.map((r) => numericOf(r.country)).filter(Boolean));
      return { ...(await linkMap({ links, highlight, title, desc })), desc };
    },
  }));
  view.append(section(t('part.projects', { n: formatNumber(body.projects_total ?? projects.length) }),
    cardList(projects, projectCard, t('auth.noProjects'), { total: body.projects_total })));
  // This partnership and its projects.
  view.append(exportSection({ partnership: id }, `coopatlas-partenariat-${id}`));
}
