// Authority page: Rennes (35238) with its identity, partnerships, projects,
// peers, the map of its partnerships and working export links.

import { apiJson, expect, mapCounts, visit } from '../lib.mjs';

const CODE = '35238';

export default [{
  name: 'authority',
  async run({ page, base, shot }) {
    const api = await apiJson(base, `/api/v1/authorities/${CODE}`);
    await visit(page, base, `/collectivites/${CODE}`);

    const h1 = await page.locator('h1').innerText();
    expect(h1.includes(api.name), `<h1> "${h1}" does not name ${api.name}`);
    const partnerships = await page.locator('.card[data-partnership]').count();
    expect(partnerships === api.partnerships.length && partnerships > 0,
      `${partnerships} partnerships listed, the API gives ${api.partnerships.length}`);
    const projects = await page.locator('.card[data-project]').count();
    expect(projects === (api.projects ?? []).length, `${projects} projects listed, the API gives ${api.projects?.length}`);
    const peers = api.peers ?? [];
    expect(peers.length > 0, 'the API gives no peers for Rennes');
    const shownPeers = await page.locator('.peers li').count();
    expect(shownPeers === peers.length, `${shownPeers} peers listed, the API gives ${peers.length}`);
    const firstPeer = peers[0].authority;
    const firstShown = await page.locator('.peers li a').first();
    expect((await firstShown.innerText()) === firstPeer.name, `first peer shown is not ${firstPeer.name}`);
    expect((await firstShown.getAttribute('href')) === `/collectivites/${firstPeer.code}`, 'peer link');
    // Long lists show their first items and a button for the rest.
    const more = page.locator('.peers + button.facet-more');
    if (await more.count()) {
      expect(await page.locator('.peers > li:visible').count() < peers.length, 'all peers shown before "show more"');
      await more.click();
      expect(await more.getAttribute('aria-expanded') === 'true', '"show more" not expanded');
      expect(await page.locator('.peers > li:visible').count() === peers.length, 'not all peers shown after "show more"');
    }

    // Demonstration records are marked.
    const demo = [...api.partnerships, ...(api.projects ?? [])].some((r) => r.demo);
    if (demo) expect(await page.locator('h1 .badge-demo').isVisible(), 'demonstration data not marked');

    // The map: drawn, with lines when partners are placed.
    const map = await mapCounts(page, 'svg.map-links');
    expect(map.paths > 100, 'the partnerships map has no countries');
    // Partners are placed from their own coordinates (or looked up): Leuven is.
    expect(await page.locator('svg.map-links path.link').count() > 0, 'no partnership line drawn');

    // Export links, each naming the authority; one of them downloads.
    const hrefs = await page.$$eval('a.export-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length >= 4, `${hrefs.length} export links`);
    expect(hrefs.every((h) => h.startsWith('/api/v1/export?') && h.includes(`authority=${CODE}`)), `export links: ${hrefs.join(' ')}`);
    const res = await fetch(base + hrefs[0], { signal: AbortSignal.timeout(15_000) });
    expect(res.ok && (await res.text()).length > 0, `${hrefs[0]}: HTTP ${res.status}`);
    const iati = hrefs.find((h) => h.includes('format=iati'));
    expect(iati, 'no IATI export link');
    const xml = await (await fetch(base + iati, { signal: AbortSignal.timeout(15_000) })).text();
    expect(xml.includes('<iati-activities version="2.03">'), `${iati}: not an IATI file`);
    await shot('authority-rennes');
  },
}];
