// Language switch: French by default; the button switches the interface
// and the data labels to English, <html lang> follows, the choice survives
// a reload, and the button switches back.

import { expect, visit, waitReady } from '../lib.mjs';

async function texts(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelector('h1')?.textContent.trim(),
    nav: document.querySelector('[data-nav="home"]')?.textContent.trim(),
    button: document.getElementById('lang-switch')?.textContent.trim(),
    figure: document.querySelector('[data-figure="partnerships"] .figure-label')?.textContent.trim(),
    germany: [...document.querySelectorAll('.map-block-world tbody a')].find((a) => a.getAttribute('href') === '/pays/DE')?.textContent,
    stored: localStorage.getItem('coopatlas.lang'),
  }));
}

export default [{
  name: 'language',
  async run({ page, base, shot }) {
    await visit(page, base, '/');
    let s = await texts(page);
    expect(s.lang === 'fr' && s.h1 === 'Atlas de la coopération décentralisée' && s.nav === 'Accueil',
      `not French by default: ${JSON.stringify(s)}`);
    expect(s.button === 'English', `switch says "${s.button}"`);

    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"]', { timeout: 10_000 });
    await waitReady(page);
    s = await texts(page);
    expect(s.h1 === 'Atlas of decentralised cooperation' && s.nav === 'Home' && s.figure === 'partnerships',
      `not English after the switch: ${JSON.stringify(s)}`);
    expect(s.germany === 'Germany', `data labels not in English (Allemagne → "${s.germany}")`);
    expect(s.stored === 'en', 'the choice is not stored');
    expect(await page.evaluate(() => document.activeElement?.id) === 'lang-switch', 'focus lost after switching');
    await page.waitForSelector('svg.map-world path.shape', { timeout: 15_000 });
    await shot('home-en');

    await page.reload();
    await waitReady(page);
    s = await texts(page);
    expect(s.lang === 'en' && s.h1 === 'Atlas of decentralised cooperation', 'English not kept after a reload');

    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="fr"]', { timeout: 10_000 });
    await waitReady(page);
    s = await texts(page);
    expect(s.h1 === 'Atlas de la coopération décentralisée' && s.nav === 'Accueil' && s.button === 'English',
      `not back to French: ${JSON.stringify(s)}`);
  },
}];
