// Small DOM helpers. Text always goes in as text (textContent), never as
// HTML; the one exception, search snippets, goes through safeSnippet().

import { t } from './i18n.js';

/**
 * Creates an element: h('a', {href: '/x', class: 'y'}, 'text', child, ...).
 * Attributes set to null/false are skipped; `on*` functions become listeners;
 * children may be strings, nodes, arrays, or null (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/**
 * A search snippet as DOM nodes. The API sends HTML-escaped text in which
 * <mark>…</mark> is the only tag: we split on exactly those two tags,
 * unescape the entities of the text pieces and insert everything as text
 * nodes and <mark> elements. Nothing else can become markup.
 */
export function safeSnippet(escaped) {
  const frag = document.createDocumentFragment();
  const parts = String(escaped ?? '').split(/(<mark>|<\/mark>)/);
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') { mark = document.createElement('mark'); continue; }
    if (part === '</mark>') { if (mark) frag.append(mark); mark = null; continue; }
    const text = document.createTextNode(unescapeHtml(part));
    (mark ?? frag).append(text);
  }
  if (mark) frag.append(mark);
  return frag;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescapeHtml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The "Données de démonstration" badge. */
export function demoBadge() {
  return h('span', { class: 'badge badge-demo' }, t('demo.badge'));
}

/** A <dl> from [term, value] pairs; pairs with an empty value are skipped. */
export function defList(pairs, attrs = {}) {
  const dl = h('dl', { class: 'facts', ...attrs });
  for (const [term, value] of pairs) {
    if (value == null || value === '' || (Array.isArray(value) && !value.length)) continue;
    dl.append(h('div', {}, h('dt', {}, term), h('dd', {}, value)));
  }
  return dl;
}

/** A titled section: <section aria-labelledby><h2 id>…</h2>…</section>. */
let sectionSeq = 0;
export function section(title, ...children) {
  const id = `s${++sectionSeq}`;
  return h('section', { 'aria-labelledby': id, class: 'panel' },
    h('h2', { id }, title), ...children);
}

/** An error message box (role=alert). */
export function errorBox(message) {
  return h('div', { class: 'notice notice-error', role: 'alert' }, message);
}

/** A "loading" placeholder that screen readers announce politely. */
export function loadingBox() {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

/** A list of links (or text when there is no url). */
export function linkList(items, render, attrs = {}) {
  return h('ul', { class: 'link-list', ...attrs }, items.map((it) => h('li', {}, render(it))));
}

/** Debounces fn by `ms`. */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** The page's <h1> (focusable by script), also setting document.title. */
export function pageHeading(text, ...extra) {
  document.title = `${text} — coopatlas`;
  return h('h1', { tabindex: '-1' }, text, ...extra);
}

/**
 * Shows the first `limit` items of a list and a "show more" button for the
 * rest (aria-expanded, aria-controls). Returns [list, button] or [list].
 */
let listSeq = 0;
export function limitList(list, limit = 12) {
  const items = [...list.children];
  if (items.length <= limit + 2) return [list];
  list.id ||= `list${++listSeq}`;
  const rest = items.slice(limit);
  const button = h('button', { type: 'button', class: 'facet-more', 'aria-expanded': 'false', 'aria-controls': list.id });
  const set = (open) => {
    for (const li of rest) li.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? t('results.less') : t('results.more', { n: rest.length });
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  set(false);
  return [list, button];
}
