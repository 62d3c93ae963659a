// Shared pieces of the record pages (authority, country, partnership,
// project): reading the API's records, which may embed authorities as
// objects ({id, kind, code, name, country, ...}), and rendering them as
// short cards and links.

import { getJson } from '../api.js';
import { h, demoBadge, limitList, loadingBox, pageHeading, errorBox } from '../dom.js';
import { t, lang, codeLabel, formatPeriod, formatEuros, formatNumber } from '../i18n.js';
import { label, loadLabels } from '../labels.js';

export { coords } from '../maps/places.js';

/**
 * Loads a record page's data (and the labels) while showing "loading";
 * on failure shows `heading` and why, and returns null.
 */
export async function loadRecord(view, apiPath, heading) {
  const loading = loadingBox();
  view.append(loading);
  try {
    const [body] = await Promise.all([getJson(apiPath), loadLabels()]);
    return body;
  } catch (e) {
    view.append(pageHeading(heading), errorBox(e.missingRoute ? t('error.unavailable', { path: `/api/v1/${apiPath}` })
      : e.status === 404 ? t('error.noRecord', { detail: e.message }) : t('error.load', { detail: e.message })));
    return null;
  } finally {
    loading.remove();
  }
}

/**
 * True for a French authority. Parties are {id, name, country, kind, code
 * (null abroad), departement?, region?}; actors have kind "actor".
 */
export function isFrench(ref) {
  return Boolean(ref && ref.kind !== 'actor' && ref.kind !== 'foreign' && ref.code && (ref.country ?? 'FR') === 'FR');
}

/** True for a foreign local authority. */
export function isForeign(ref) {
  return Boolean(ref && (ref.kind === 'foreign' || (ref.country && ref.country !== 'FR' && ref.kind !== 'actor')));
}

/**
 * The page of a party: French authorities by code, foreign ones by id
 * (/collectivites/etrangeres/{id}, as the search API links them).
 */
export function authorityHref(ref) {
  if (!ref) return null;
  if (ref.url) return ref.url;
  if (isFrench(ref)) return `/collectivites/${encodeURIComponent(ref.code)}`;
  if (isForeign(ref) && ref.id != null) return `/collectivites/etrangeres/${encodeURIComponent(ref.id)}`;
  return null;
}

/** A link (or text) to an authority, with its country or département. */
export function authorityLink(ref, { withPlace = true } = {}) {
  if (!ref) return t('none');
  if (typeof ref !== 'object') return String(ref);
  const name = ref.name ?? ref.label ?? ref.code ?? '?';
  const href = authorityHref(ref);
  // Where it is: its département in France; its region and country abroad.
  const place = !withPlace ? null
    : isFrench(ref) ? (ref.departement ? label('departement', ref.departement) : null)
      : [ref.region ?? ref.admin1_name, ref.country ? label('country', ref.country) : null].filter(Boolean).join(', ');
  return [href ? h('a', { href }, name) : h('span', {}, name),
    place ? h('span', { class: 'muted' }, ` (${place})`) : null];
}

/** A link to a country page. */
export function countryLink(iso) {
  return iso ? h('a', { href: `/pays/${encodeURIComponent(iso)}` }, label('country', iso)) : t('none');
}

/** The title of a project in the current language. */
export function projectTitle(p) {
  return (lang() === 'en' && p.title_en) || p.title || p.ref || `#${p.id}`;
}

/** A readable name for a partnership: its French and partner parties. */
export function partnershipName(p) {
  const names = (list) => (list ?? []).map((r) => (typeof r === 'object' ? r.name ?? r.code : r)).filter(Boolean).join(', ');
  const a = names(p.french);
  const b = names(p.partners);
  return a || b ? t('part.between', { a: a || '?', b: b || '?' }) : p.title ?? `${t('part.title')} #${p.id}`;
}

/** A list item for a partnership. */
export function partnershipCard(p) {
  const partnerCountries = [...new Set((p.partners ?? []).map((r) => r?.country).filter(Boolean))];
  return h('li', { class: 'card', dataset: { partnership: p.id } },
    h('a', { class: 'card-title', href: `/partenariats/${p.id}` }, partnershipName(p)),
    p.demo ? [' ', demoBadge()] : null,
    h('div', { class: 'card-meta' }, [
      codeLabel('partnership_kind', p.kind),
      p.status && p.status !== 'unknown' ? codeLabel('partnership_status', p.status) : null,
      partnerCountries.map((c) => label('country', c)).join(', '),
      p.signed_on || p.started_on ? formatPeriod(p.signed_on || p.started_on, p.ended_on) : null,
    ].filter(Boolean).join(' · ')));
}

/** A list item for a project. */
export function projectCard(p) {
  const countries = [...new Set((p.locations ?? []).map((l) => l.country).concat(p.countries ?? []).filter(Boolean))];
  return h('li', { class: 'card', dataset: { project: p.id } },
    h('a', { class: 'card-title', href: `/projets/${p.id}` }, projectTitle(p)),
    p.demo ? [' ', demoBadge()] : null,
    h('div', { class: 'card-meta' }, [
      p.status ? codeLabel('project_status', p.status) : null,
      countries.map((c) => label('country', c)).join(', '),
      p.started_on || p.ended_on ? formatPeriod(p.started_on, p.ended_on) : null,
      p.planned_cents ? t('count.planned', { amount: formatEuros(p.planned_cents, { decimals: 0 }) }) : null,
    ].filter(Boolean).join(' · ')));
}

/**
 * A <ul class="cards"> of items, or a "none" message. Pages list the first
 * records only (the API says how many there are in all: `total`); then a
 * note says so and links to the search (`more`) that gives them all.
 */
export function cardList(items, card, emptyText, { total, more } = {}) {
  if (!items.length) return h('p', { class: 'muted' }, emptyText);
  const list = limitList(h('ul', { class: 'cards' }, items.map(card)), 15);
  if (total == null || total <= items.length) return list;
  return h('div', {}, list, h('p', { class: 'muted list-more' },
    t('list.firstOf', { shown: formatNumber(items.length), total: formatNumber(total) }), ' ',
    more ? h('a', { href: more }, t('list.allInSearch')) : null));
}

/** Theme codes as chips with their labels, each linking to the search. */
export function themeChips(themes) {
  const list = (themes ?? []).map((x) => (typeof x === 'object' ? x : { value: x }));
  if (!list.length) return null;
  return h('ul', { class: 'chips' }, list.map((th) => {
    const code = th.value ?? th.code;
    const text = (lang() === 'en' && th.label_en) || th.label || label('theme', code);
    return h('li', {}, h('a', { href: `/recherche?theme=${encodeURIComponent(code)}` }, text),
      th.count != null ? h('span', { class: 'muted' }, ` (${th.count})`) : null);
  }));
}

/** True when any record of the lists is demonstration data. */
export function anyDemo(...lists) {
  return lists.some((l) => (Array.isArray(l) ? l : [l]).some((x) => x?.demo));
}
