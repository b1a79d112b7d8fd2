// The Secretariat decides with the evidence in view, in a browser at 1280 px and 390 px:
// the decision form shows the proposal, its scores and the evaluators' comments (unnamed);
// from there the proposal's evaluators page adds one member and removes another whose
// submitted evaluation is discarded only after a confirmation. Every page passes axe.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';
import { evaluationEdition, signedInMember } from '../support/evaluation.mjs';

describe('the Secretariat reviewing a proposal', () => {
  let server, browser;
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });

  for (const width of [1280, 390]) {
    test(`a decision form with scores and comments, then one evaluator added and one removed, at ${width} px`, { timeout: 180000 }, async () => {
      const setup = await evaluationEdition(server, { proposals: 3, members: 6, perProposal: 3 });
      const proposal = setup.proposals[0];
      const assigned = (await as('GET', `/api/v1/proposals/${proposal}/evaluators`)).json;
      const comments = ['Strong policy questions', 'The agenda needs work', 'Good mix of regions'];
      const scores = [5, 4, 5];
      for (const [i, e] of assigned.evaluators.entries()) {
        const v = await signedInMember(server, setup.members.find((m) => m.account === e.account));
        const r = await v.api('PUT', `/api/v1/editions/${setup.edition}/evaluations/${proposal}`, { scores: { overall: scores[i] }, comment: comments[i], submit: true, version: 0 });
        assert.equal(r.status, 200, r.text);
      }
      const { page, check, noScriptErrors } = await checkedPage(browser, { width });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check();

      // The decisions list links each proposal to its own decision form.
      await page.goto(`${server.base}/editions/${setup.edition}/decisions`);
      await check();
      await page.locator(`main a[href="/editions/${setup.edition}/decisions/${proposal}"]`).first().click();
      await page.getByRole('heading', { level: 1, name: /Decision on proposal/ }).waitFor();
      const context = page.locator('section.review-context');
      await context.getByRole('heading', { name: 'The proposal' }).waitFor();
      assert.match(await context.textContent(), /Mean\s+4\.67\s+of 3 submitted evaluations/);
      for (const [i, c] of comments.entries()) {
        await context.getByRole('heading', { name: `Evaluator ${i + 1}: score ${scores[i]}.00` }).waitFor();
        await context.getByText(c).waitFor();
      }
      for (const e of assigned.evaluators) assert.equal(await page.getByText(e.name).count(), 0, `${e.name} is not named`);
      await page.getByRole('radio', { name: 'Accepted', exact: true }).waitFor();
      await check();

      // The proposal's evaluators: add one member, then remove one who submitted.
      await context.getByRole('link', { name: 'Its evaluators' }).click();
      await page.getByRole('heading', { level: 1, name: /Evaluators of proposal/ }).waitFor();
      await check();
      const view = (await as('GET', `/api/v1/proposals/${proposal}/evaluators`)).json;
      const newcomer = view.candidates.find((c) => c.load < c.max_load);
      assert.ok(newcomer, 'a member with room on their list');
      await page.getByLabel('MAG member').selectOption(String(newcomer.account));
      await page.getByRole('button', { name: /^Add to proposal/ }).click();
      await page.getByRole('status').filter({ hasText: `${newcomer.name} now evaluates this proposal` }).waitFor();
      await page.getByRole('row', { name: new RegExp(newcomer.name) }).waitFor();
      await check();

      const leaving = assigned.evaluators[0];
      await page.getByRole('button', { name: `Remove ${leaving.name}` }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Rule “submitted evaluation”' });
      await refusal.waitFor();
      await check();
      await refusal.getByRole('button', { name: `Remove ${leaving.name} and discard their evaluation` }).click();
      await page.getByRole('status').filter({ hasText: `${leaving.name} no longer evaluates this proposal. Their evaluation was discarded` }).waitFor();
      assert.equal(await page.getByRole('row', { name: new RegExp(leaving.name) }).count(), 0);
      await check();

      // Below the minimum: refused, naming the rule.
      await page.getByRole('button', { name: `Remove ${assigned.evaluators[1].name}` }).click();
      await page.getByRole('alert').filter({ hasText: 'Rule “minimum evaluators”' }).waitFor();
      await check();
      noScriptErrors();
    });
  }

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
