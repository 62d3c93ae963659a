// Accessibility and small screens: the skip link is the first tab stop and
// moves focus to <main>; focus is visible; landmarks and labels exist; the
// home page fits 375 px without horizontal scrolling; the type-ahead works
// with the keyboard.

import { apiJson, expect, visit, waitReady } from '../lib.mjs';

export default [{
  name: 'keyboard',
  async run({ page, base }) {
    await visit(page, base, '/');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return { cls: el.className, outline: cs.outlineStyle, width: cs.outlineWidth, top: el.getBoundingClientRect().top };
    });
    expect(first.cls.includes('skip-link'), `first tab stop is "${first.cls}", not the skip link`);
    expect(first.outline !== 'none' && parseFloat(first.width) >= 2, 'no visible focus on the skip link');
    expect(first.top >= 0, 'the focused skip link stays off screen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id) === 'main', 'the skip link does not move focus to <main>');

    const landmarks = await page.evaluate(() => ({
      banner: !!document.querySelector('body > header'),
      nav: !!document.querySelector('nav[aria-label]'),
      main: document.querySelectorAll('main').length,
      search: !!document.querySelector('form[role="search"]'),
      footer: !!document.querySelector('body > footer'),
      label: document.querySelector('label[for="q"]')?.textContent.trim().length > 0,
      lang: document.documentElement.lang,
    }));
    expect(landmarks.banner && landmarks.nav && landmarks.main === 1 && landmarks.search && landmarks.footer && landmarks.label,
      `landmarks or labels missing: ${JSON.stringify(landmarks)}`);
  },
}, {
  name: 'mobile',
  viewport: { width: 375, height: 800 },
  async run({ page, base, shot }) {
    await visit(page, base, '/');
    await page.waitForSelector('svg.map-france path.shape', { timeout: 15_000 });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll <= widths.client + 1, `the home page is ${widths.scroll} px wide at 375 px`);
    expect(await page.locator('#q').isVisible(), 'no search box at 375 px');
    await shot('home-375');
  },
}, {
  name: 'suggest',
  async run({ page, base }) {
    const api = await apiJson(base, '/api/v1/suggest?q=renn');
    const items = Array.isArray(api) ? api : api.results;
    expect(items.length > 0, '/api/v1/suggest?q=renn suggests nothing');
    await visit(page, base, '/');
    await page.locator('#q').pressSequentially('renn', { delay: 30 });
    await page.waitForSelector('#q-suggestions [role="option"]', { timeout: 10_000 });
    expect(await page.getAttribute('#q', 'aria-expanded') === 'true', 'combobox not expanded');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#q', 'aria-activedescendant');
    expect(active, 'no active option after ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === new URL(items[0].url, base).pathname, { timeout: 10_000 });
    await waitReady(page);
  },
}];
