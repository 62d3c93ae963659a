// Search: "eau" gives results with highlighted snippets (only <mark> as
// markup), a facet for every dimension the API answers, a map of the
// results; clicking the Sénégal facet keeps only results in SN; sorting
// and paging are links with the state in the URL.

import { apiJson, expect, mapCounts, visit, waitReady } from '../lib.mjs';

const digits = (s) => s.replace(/\D/g, '');

export default [{
  name: 'search',
  async run({ page, base, shot }) {
    const api = await apiJson(base, '/api/v1/search?q=eau');
    expect(api.total > 0, '/api/v1/search?q=eau has no results');
    await visit(page, base, '/recherche?q=eau');
    expect(await page.inputValue('#q') === 'eau', 'the search box does not show the query');

    const count = digits(await page.locator('.result-count').innerText());
    expect(count === String(api.total), `shows ${count} results, the API ${api.total}`);
    const shown = await page.locator('.result').count();
    expect(shown === api.results.length, `${shown} results listed, the API gave ${api.results.length}`);

    // Snippets: <mark> and text only.
    const snippets = await page.$$eval('.result .snippet', (els) => els.map((el) => ({
      marks: el.querySelectorAll('mark').length,
      others: [...el.querySelectorAll('*')].filter((x) => x.tagName !== 'MARK').length,
    })));
    expect(snippets.some((s) => s.marks > 0), 'no highlighted word in the snippets');
    expect(snippets.every((s) => s.others === 0), 'a snippet holds markup other than <mark>');

    // A facet group per non-empty dimension, with every value and count.
    for (const [dim, values] of Object.entries(api.facets ?? {})) {
      if (!values.length) continue;
      const links = await page.locator(`[data-facet="${dim}"]`).count();
      expect(links === values.length, `facet ${dim}: ${links} values shown, the API gave ${values.length}`);
    }
    const sn = (api.facets.country ?? []).find((c) => c.value === 'SN');
    expect(sn, 'no Sénégal (SN) in the country facet of "eau"');

    const map = await mapCounts(page, '.search-main svg.map-world');
    expect(map.painted > 0, 'the results map paints no country');
    await shot('search-eau');

    // Filter on Sénégal.
    await page.locator('[data-facet="country"][data-value="SN"]').click();
    await page.waitForURL(/[?&]country=SN(&|$)/, { timeout: 10_000 });
    await waitReady(page);
    const apiSn = await apiJson(base, '/api/v1/search?q=eau&country=SN');
    const countSn = digits(await page.locator('.result-count').innerText());
    expect(countSn === String(apiSn.total), `with country=SN shows ${countSn}, the API ${apiSn.total}`);
    expect(apiSn.total === sn.count, `facet said ${sn.count} in SN, the filtered search ${apiSn.total}`);
    const countries = await page.$$eval('.result', (els) => els.map((el) => el.dataset.countries));
    expect(countries.length > 0, 'no results in SN');
    expect(countries.every((c) => c.split(' ').includes('SN')), `a result outside SN: ${countries.join(' | ')}`);
    expect(await page.getAttribute('[data-facet="country"][data-value="SN"]', 'aria-current') === 'true',
      'the active facet is not marked');
    expect(await page.locator('.active-filters a').count() >= 1, 'no active-filter chip');
    // The IATI button exports the projects of the selected country.
    const iati = await page.getAttribute('a.export-link[data-format="iati"]', 'href');
    expect(iati && iati.includes('country=SN'), `IATI export link: ${iati}`);
    await shot('search-eau-sn');

    // Sort by date: a link, state in the URL.
    await page.locator('[data-sort="date"]').click();
    await page.waitForURL(/sort=date/, { timeout: 10_000 });
    await waitReady(page);
    expect(new URL(page.url()).searchParams.get('country') === 'SN', 'sorting dropped the filter');

    // Paging, when there is more than a page of "eau".
    if (api.total > api.per_page) {
      await page.goto(`${base}/recherche?q=eau`);
      await waitReady(page);
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(/page=2/, { timeout: 10_000 });
      await waitReady(page);
      expect(await page.locator('.pager [aria-current="page"]').innerText() === '2', 'page 2 not current');
    }
  },
}];
