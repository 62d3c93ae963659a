// SDG suggestions on a project page: the suggested goals and targets with
// their score and evidence (words of the description), and the accept /
// reject buttons, whose decision the API then reports.

import { apiJson, expect, visit } from '../lib.mjs';

export default [{
  name: 'sdg',
  async run({ page, base, shot }) {
    // A demonstration project about water in Senegal: its description has
    // words of goal 6, so the tagger suggests that goal.
    const found = await apiJson(base, '/api/v1/search?q=eau&country=SN&type=project');
    const hit = found.results.find((r) => r.type === 'project');
    expect(hit, 'no project about "eau" in SN');
    const api = await apiJson(base, `/api/v1/projects/${hit.id}/sdg`);
    const goals = api.suggestions.goals;
    expect(goals.length > 0, `no suggestion for project ${hit.id}: ${api.text}`);
    await visit(page, base, `/projets/${hit.id}`);
    const section = page.locator('section.sdg-review');
    await section.locator('li.sdg-suggestion').first().waitFor({ timeout: 5000 });
    const shown = await section.locator('li.sdg-suggestion').evaluateAll(
      (lis) => lis.map((li) => li.dataset.code));
    const personCodes = new Set(api.stored.filter((s) => s.origin === 'person').map((s) => s.code));
    for (const g of goals) {
      const code = String(g.goal);
      if (!personCodes.has(code)) expect(shown.includes(code), `goal ${code} not shown (${shown.join(', ')})`);
    }
    // Evidence: the words quoted come from the description.
    const quoted = await section.locator('.sdg-evidence q').allInnerTexts();
    expect(quoted.length > 0 && quoted.every((q) => api.text.includes(q)),
      `evidence not from the text: ${quoted.join(' | ')}`);

    // Accept the first one, reject the second (if any): the page and the
    // API agree.
    const first = section.locator('li.sdg-suggestion').first();
    const code = await first.getAttribute('data-code');
    await first.locator('button.sdg-accept').click();
    await first.locator('.sdg-status[data-status="accepted"]').waitFor({ timeout: 5000 });
    let after = await apiJson(base, `/api/v1/projects/${hit.id}/sdg`);
    expect(after.stored.some((s) => s.code === code && s.status === 'accepted'), `${code} not accepted in the API`);
    const items = section.locator('li.sdg-suggestion');
    if (await items.count() > 1) {
      const second = items.nth(1);
      const code2 = await second.getAttribute('data-code');
      await second.locator('button.sdg-reject').click();
      await second.locator('.sdg-status[data-status="rejected"]').waitFor({ timeout: 5000 });
      after = await apiJson(base, `/api/v1/projects/${hit.id}/sdg`);
      expect(after.stored.some((s) => s.code === code2 && s.status === 'rejected'), `${code2} not rejected in the API`);
    }
    await shot('sdg');
  },
}];
