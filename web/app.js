// Entry point: the shared header (language switch, search with type-ahead,
// navigation) and the router that renders each page into <main>.

import { applyStatic, lang, setLang } from './i18n.js';
import { startRouter, navigate, rerender } from './router.js';
import { attachSuggest } from './components/suggest.js';
import { loadLabels } from './labels.js';

const input = document.getElementById('q');
const form = document.getElementById('site-search');
const langButton = document.getElementById('lang-switch');

applyStatic();
langButton.lang = lang() === 'fr' ? 'en' : 'fr';

// Language switch: persisted, reflected in <html lang>, page re-rendered.
langButton.addEventListener('click', async () => {
  setLang(lang() === 'fr' ? 'en' : 'fr');
  langButton.lang = lang() === 'fr' ? 'en' : 'fr';
  await rerender();
  langButton.focus();
});

// The search form: a client-side navigation to /recherche?q=...
const closeSuggestions = attachSuggest(input, (url) => navigate(url));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  closeSuggestions();
  const q = input.value.trim();
  navigate(q ? `/recherche?q=${encodeURIComponent(q)}` : '/recherche');
});

// On each route: mark the current navigation link, keep the query in the box.
function onRoute(loc) {
  const section = loc.pathname === '/' ? 'home' : loc.pathname.startsWith('/recherche') ? 'search'
    : loc.pathname.startsWith('/tableau-de-bord') ? 'dashboard' : '';
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (section === 'search') input.value = new URLSearchParams(loc.search).get('q') ?? '';
  else if (document.activeElement !== input) input.value = '';
}

loadLabels(); // country and theme labels, shared by every page (one request)
startRouter(document.getElementById('main'), onRoute);
