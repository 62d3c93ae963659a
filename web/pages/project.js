// One project (/projets/{id}): description, themes, SDGs, participants,
// locations (with a map), funding lines with totals, exports.

import { getJsonCached } from '../api.js';
import { h, pageHeading, defList, section, demoBadge } from '../dom.js';
import { t, lang, codeLabel, formatPeriod, formatEuros, formatNumber } from '../i18n.js';
import { label, numericOf } from '../labels.js';
import { mapSection, dataTable } from '../maps/frame.js';
import { linkMap } from '../maps/world.js';
import { exportSection } from '../components/exports.js';
import { sdgReviewSection } from '../components/sdg_review.js';
import { eligibilitySection } from '../components/eligibility.js';
import { partnershipLinks } from '../maps/places.js';
import {
  coords, authorityLink, authorityHref, countryLink, projectTitle, partnershipName, themeChips, isFrench, loadRecord,
} from './records.js';

export async function render({ view, params }) {
  const id = params[0];
  const body = await loadRecord(view, `projects/${encodeURIComponent(id)}`, `${t('proj.title')} ${id}`);
  if (!body) return;
  // J + {title_en, description, description_en, beneficiaries, sdgs, dac,
  // locations, participants, funding} (docs/http.md)
  const p = body;
  const participants = p.participants ?? [];
  const locations = p.locations ?? [];
  const funding = p.funding ?? [];
  const description = (lang() === 'en' && p.description_en) || p.description;

  view.append(h('p', { class: 'breadcrumb' }, t('proj.title')),
    pageHeading(projectTitle(p), p.demo ? [' ', demoBadge()] : null));
  view.append(section(t('proj.title'), defList([
    [t('proj.ref'), p.ref],
    [t('proj.status'), p.status ? codeLabel('project_status', p.status) : null],
    [t('proj.period'), p.started_on || p.ended_on ? formatPeriod(p.started_on, p.ended_on) : null],
    [t('proj.partnership'), p.partnership_id != null ? partnershipLink(p.partnership_id) : null],
    [t('proj.beneficiaries'), p.beneficiaries],
    [t('proj.dac'), (p.dac ?? []).map((d) => (d.percentage != null ? `${d.code} (${formatNumber(d.percentage)} %)` : d.code)).join(', ')],
  ]), description ? [h('h3', {}, t('proj.description')), h('p', { class: 'description' }, description)] : null));

  const sdgs = (p.sdgs ?? []).filter((s) => s.status !== 'rejected');
  if ((p.themes ?? []).length || sdgs.length) {
    view.append(h('div', { class: 'columns' },
      section(t('proj.themes'), themeChips(p.themes) ?? t('none')),
      section(t('proj.sdgs'), sdgList(sdgs))));
  }
  view.append(sdgReviewSection(id));
  view.append(section(t('proj.funding'), fundingTable(funding)));
  if (funding.length) view.append(eligibilitySection(p.ref));
  view.append(h('div', { class: 'columns' },
    section(t('proj.participants'), participantList(participants)),
    section(t('proj.locations'), h('ul', { class: 'link-list' }, locations.map((l) => h('li', {},
      l.name ? `${l.name} — ` : '', countryLink(l.country)))))));
  view.append(locationsMap(participants, locations));

  view.append(exportSection({ project: id }, `coopatlas-projet-${id}`));
}

// A link to the project's partnership, named by its parties once fetched.
function partnershipLink(id) {
  const a = h('a', { href: `/partenariats/${id}` }, `${t('part.title')} #${id}`);
  getJsonCached(`partnerships/${encodeURIComponent(id)}`)
    .then((p) => { a.textContent = partnershipName(p); })
    .catch(() => { /* keep the number */ });
  return a;
}

function sdgList(sdgs) {
  if (!sdgs.length) return t('none');
  return h('ul', { class: 'chips' }, sdgs.map((s) => {
    const code = String(s.code ?? s);
    const goal = code.split('.')[0];
    return h('li', {}, h('a', { href: `/recherche?sdg=${encodeURIComponent(goal)}` },
      t('sdg.short', { code })),
    ` ${label('sdg', goal)}`,
    s.status === 'suggested' ? h('span', { class: 'muted' }, ` (${t('sdg.suggested')})`) : null);
  }));
}

// Participants are parties (authorities) or actors ({kind: "actor"}), each
// with its role.
function participantList(participants) {
  if (!participants.length) return t('none');
  return h('ul', { class: 'link-list participants' }, participants.map((x) => h('li', {},
    x.kind === 'actor' ? h('span', {}, x.name) : authorityLink(x),
    x.role ? h('span', { class: 'muted' }, ` — ${codeLabel('role', x.role)}`) : null)));
}

// Funding lines, amounts in euros, with a total per nature (planned/actual).
function fundingTable(lines) {
  if (!lines.length) return h('p', { class: 'muted' }, t('fund.none'));
  const rows = lines.map((f) => [
    f.funder || t('none'),
    codeLabel('mechanism', f.mechanism),
    String(f.year ?? ''),
    codeLabel('nature', f.nature),
    [formatEuros(f.amount_cents),
      f.currency && f.currency !== 'EUR' && f.original_amount
        ? h('div', { class: 'muted' }, t('fund.original', { amount: f.original_amount, currency: f.currency })) : null],
  ]);
  const table = dataTable(t('proj.funding'), [t('fund.funder'), t('fund.mechanism'), t('fund.year'), t('fund.nature'), t('fund.amount')],
    rows, { numericCols: [2, 4], className: 'funding', hideCaption: true });
  const totals = new Map();
  for (const f of lines) totals.set(f.nature, (totals.get(f.nature) ?? 0) + (f.amount_cents ?? 0));
  table.append(h('tfoot', {}, [...totals].map(([nature, cents]) => h('tr', {},
    h('th', { scope: 'row', colspan: '4' }, t('fund.totalNature', { nature: codeLabel('nature', nature) })),
    h('td', { class: 'num', dataset: { cents } }, formatEuros(cents))))));
  return h('div', { class: 'table-scroll' }, table);
}

// Lines from the French participants to the project's places.
function locationsMap(participants, locations) {
  const french = participants.filter(isFrench);
  const places = locations.filter((l) => coords(l));
  const rows = locations.map((l) => [l.name || t('none'), label('country', l.country)]);
  return mapSection({
    title: t('proj.map'),
    desc: t('proj.mapDesc', { from: french.map((f) => f.name).join(', '), n: places.length, total: locations.length }),
    table: rows.length ? dataTable(t('proj.locations'), [t('proj.locations'), t('table.country')], rows) : null,
    draw: async ({ title, desc }) => {
      const partners = places.map((l) => ({ ...l, kind: 'place', name: l.name || label('country', l.country) }));
      const links = await partnershipLinks([{ french, partners }], authorityHref);
      const highlight = new Set(locations.map((l) => numericOf(l.country)).filter(Boolean));
      return linkMap({ links, highlight, title, desc });
    },
  });
}
