// The eligibility panel of a project page: DEMO-0106 (Maroc, an ODA-eligible
// country; the ministry asks 55 % of 190,000 €, data/demo/SOURCE.md) fails
// the 2025 call's 50 % ceiling (at most 95,000 €) and meets 2024's 70 %
// (133,000 €).

import { apiJson, expect, visit } from '../lib.mjs';

async function waitOutcome(page) {
  await page.locator('.eligibility-outcome').waitFor();
}

export default [{
  name: 'eligibility',
  async run({ page, base, shot }) {
    const found = await apiJson(base, '/api/v1/search?q=produits+agricoles+Agadir&type=project');
    const hit = found.results.find((r) => r.type === 'project');
    expect(hit, 'DEMO-0106 not found');
    const project = await apiJson(base, `/api/v1/projects/${hit.id}`);
    expect(project.ref === 'DEMO-0106', `found ${project.ref}`);
    await visit(page, base, `/projets/${hit.id}`);
    const panel = page.locator('section.eligibility');
    await panel.waitFor();
    await waitOutcome(page);
    expect((await page.locator('#eligibility-call').inputValue()) === 'generaliste-2025', 'newest call first');
    expect(await page.locator('.outcome-not_eligible').count() === 1, 'DEMO-0106 should not be eligible in 2025');
    expect(await page.locator('tr.rule-failed').count() === 1, 'one rule should fail in 2025');
    expect((await page.locator('.max-grant').getAttribute('data-cents')) === '9500000', 'max grant 2025');
    await shot('eligibility-2025');

    await page.locator('#eligibility-call').selectOption('generaliste-2024');
    await page.locator('.outcome-to_confirm').waitFor();
    expect(await page.locator('tr.rule-failed').count() === 0, 'no rule should fail in 2024');
    expect((await page.locator('.max-grant').getAttribute('data-cents')) === '13300000', 'max grant 2024');
  },
}];
