// Type-ahead on a search input (/api/v1/suggest), following the ARIA 1.2
// combobox pattern: the input keeps focus, arrows move an active option
// (aria-activedescendant), Enter opens it, Escape closes the list. Without
// a suggestion chosen, the form submits as usual (full search).

import { getJson } from '../api.js';
import { h, debounce, safeSnippet } from '../dom.js';
import { t } from '../i18n.js';
import { label } from '../labels.js';

const MIN_CHARS = 2;

// A suggestion's second line: the API's detail, else its countries and year.
function detailOf(it) {
  if (it.detail) return it.detail;
  const countries = (it.countries ?? []).filter((c) => c !== 'FR').map((c) => label('country', c));
  return [countries.join(', '), it.year ?? ''].filter(Boolean).join(' · ');
}

/**
 * Turns `input` into a combobox. `go(url)` opens a suggestion (client-side
 * navigation). Returns a function that closes the list.
 */
export function attachSuggest(input, go) {
  const listId = `${input.id}-suggestions`;
  // data-i18n*: applyStatic() translates these again on a language switch.
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true,
    'aria-label': t('search.label'), 'data-i18n-attr': 'aria-label:search.label' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const hint = h('p', { id: `${input.id}-hint`, class: 'visually-hidden', 'data-i18n': 'suggest.hint' }, t('suggest.hint'));
  input.after(list, status, hint);
  input.setAttribute('aria-describedby', hint.id);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');

  let items = [];
  let active = -1;
  let controller = null;
  let unavailable = false; // the server has no /suggest route (yet)

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setActive = (i) => {
    const options = list.querySelectorAll('[role=option]');
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const open = (i) => {
    const item = items[i];
    if (!item?.url) return;
    close();
    go(item.url);
  };

  const show = (results) => {
    items = results;
    list.replaceChildren(...results.map((it, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion',
      // mousedown, not click: fires before the input's blur closes the list
      onmousedown: (e) => { e.preventDefault(); open(i); },
    },
    // The label with the typed letters highlighted when the API sends a
    // snippet (escaped text with <mark>), else as plain text.
    h('span', { class: 'suggestion-label' }, it.snippet ? safeSnippet(it.snippet) : it.label ?? it.title ?? ''),
    detailOf(it) ? h('span', { class: 'suggestion-detail' }, detailOf(it)) : null,
    h('span', { class: `tag tag-${it.type}` }, t(`type.${it.type}`)),
    it.demo ? h('span', { class: 'badge badge-demo' }, t('demo.badge')) : null)));
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    active = -1;
    status.textContent = results.length ? t('suggest.count', { n: results.length }) : t('suggest.none');
  };

  const fetchSuggestions = debounce(async () => {
    const q = input.value.trim();
    controller?.abort();
    if (q.length < MIN_CHARS || unavailable) { close(); return; }
    controller = new AbortController();
    try {
      const body = await getJson('suggest', { q }, { signal: controller.signal });
      if (input.value.trim() !== q) return; // typed on meanwhile
      // {query, results: [...]} (as /search), or a bare list as docs/http.md
      // first described it.
      show(Array.isArray(body) ? body : body.results ?? []);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 404) unavailable = true; // no type-ahead on this server
      close();
    }
  }, 150);

  input.addEventListener('input', fetchSuggestions);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setActive((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      open(active);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return close;
}
