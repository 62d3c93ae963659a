// Client-side routes. The server answers index.html for every path without
// an extension, so each page has a stable URL; links between pages are
// followed here without reloading (history API), and full loads work too.

import { h } from './dom.js';
import { t } from './i18n.js';

const ROUTES = [
  [/^\/$/, () => import('./pages/home.js')],
  [/^\/recherche\/?$/, () => import('./pages/search.js')],
  [/^\/collectivites\/etrangeres\/([^/]+)\/?$/, () => import('./pages/foreign.js')],
  [/^\/collectivites\/([^/]+)\/?$/, () => import('./pages/authority.js')],
  [/^\/pays\/([^/]+)\/?$/, () => import('./pages/country.js')],
  [/^\/partenariats\/([^/]+)\/?$/, () => import('./pages/partnership.js')],
  [/^\/projets\/([^/]+)\/?$/, () => import('./pages/project.js')],
  [/^\/tableau-de-bord\/?$/, () => import('./pages/dashboard.js')],
];

let main = null;
let onRoute = () => {};
let renderSeq = 0;
let rendered = ''; // path and query of the page on screen

/** Starts routing into `mainEl`; `hook(url)` runs on every route change. */
export function startRouter(mainEl, hook) {
  main = mainEl;
  onRoute = hook ?? onRoute;
  document.addEventListener('click', interceptLinks);
  // popstate also fires for in-page anchors (the skip link): re-render only
  // when the page itself changed.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== rendered) render({ focus: true });
  });
  return render({ focus: false });
}

/** Goes to `url` (same origin) and renders it. */
export function navigate(url, { replace = false } = {}) {
  const u = new URL(url, location.href);
  if (u.origin !== location.origin || !isPage(u.pathname)) {
    location.assign(u.href);
    return Promise.resolve();
  }
  history[replace ? 'replaceState' : 'pushState'](null, '', u.pathname + u.search + u.hash);
  return render({ focus: true });
}

/** Renders the current location again (e.g. after a language switch). */
export function rerender() {
  return render({ focus: false });
}

function isPage(pathname) {
  return !/^\/(api|vendor|data)\//.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname);
}

function interceptLinks(e) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest?.('a[href]');
  if (!a || a.hasAttribute('download') || (a.getAttribute('target') ?? '') !== '') return;
  const u = new URL(a.getAttribute('href'), location.href);
  if (u.origin !== location.origin || !isPage(u.pathname)) return;
  // An in-page anchor (#main): let the browser scroll.
  if (u.pathname === location.pathname && u.search === location.search && u.hash) return;
  e.preventDefault();
  navigate(u.href);
}

async function render({ focus }) {
  const seq = ++renderSeq;
  rendered = location.pathname + location.search;
  const path = decodeURIComponent(location.pathname);
  const query = new URLSearchParams(location.search);
  onRoute(location);
  // Each render writes into its own container: a slower, superseded render
  // writes into a detached node and is never seen.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'true');
  main.dataset.state = 'loading';
  let page = null;
  let params = [];
  for (const [re, load] of ROUTES) {
    const m = re.exec(path);
    if (m) { page = load; params = m.slice(1); break; }
  }
  try {
    const mod = page ? await page() : await import('./pages/notfound.js');
    await mod.render({ view, params, query });
  } catch (e) {
    console.warn('page:', e);
    view.replaceChildren(h('h1', { tabindex: '-1' }, t('error.title')),
      h('div', { class: 'notice notice-error', role: 'alert' }, t('error.load', { detail: e.message })));
  }
  if (seq !== renderSeq) return;
  main.removeAttribute('aria-busy');
  main.dataset.state = 'ready';
  if (focus) {
    window.scrollTo(0, 0);
    // Move focus to the new page's heading so screen readers announce it.
    view.querySelector('h1')?.focus({ preventScroll: true });
  }
}
