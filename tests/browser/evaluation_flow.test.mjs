// A MAG member works through their list in a browser, at 1280 px and 390 px: "My
// evaluations" in the navigation, next and previous in the list's order, the error
// summary at the top with the focus on it, draft and submission stated apart, and the
// closed round read-only. Every page passes axe, no script error, no sideways scroll.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';
import { evaluationEdition } from '../support/evaluation.mjs';

describe('a MAG member moving through their list', () => {
  let server, browser;
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`next and previous, the error summary and the closed round at ${width} px`, { timeout: 180000 }, async () => {
      const setup = await evaluationEdition(server, { proposals: 5, members: 4 });
      const member = setup.members[0];
      const { page, check, noScriptErrors } = await checkedPage(browser, { width });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, member.email, member.password);
      await check();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My evaluations' }).click();
      await page.waitForURL(/\/evaluations$/);
      await check();
      const list = (await page.locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim());
      assert.ok(list.length >= 2, `the member has ${list.length} proposals`);

      await page.getByRole('link', { name: `Evaluate proposal ${list[0]}` }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`Evaluate proposal ${list[0]}`) }).waitFor();
      await check();
      const pager = page.getByRole('navigation', { name: 'Your list of proposals' });
      assert.equal(await pager.getByRole('link', { name: /^Previous/ }).count(), 0, 'no previous on the first');
      for (let i = 1; i < list.length; i++) {
        await pager.getByRole('link', { name: `Next: proposal ${list[i]}` }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(`Evaluate proposal ${list[i]}`) }).waitFor();
        assert.match(await pager.textContent(), new RegExp(`proposal ${i + 1} of ${list.length} on your list`));
      }
      assert.equal(await pager.getByRole('link', { name: /^Next/ }).count(), 0, 'no next on the last');
      await check();
      await pager.getByRole('link', { name: `Previous: proposal ${list[list.length - 2]}` }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`Evaluate proposal ${list[list.length - 2]}`) }).waitFor();

      // A low score without its reason: the summary is at the top and has the focus.
      await page.getByRole('radio', { name: '2', exact: true }).check();
      await page.getByRole('button', { name: 'Submit evaluation' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Not submitted: 1 problem to fix' });
      await summary.waitFor();
      // The browser applies autofocus at its next rendering step, not when the element
      // appears: wait for it rather than read the focus at once.
      await page.waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 5000 });
      const [summaryTop, formTop] = await page.evaluate(() => [document.getElementById('error-summary').getBoundingClientRect().top + window.scrollY, document.getElementById('your-evaluation').getBoundingClientRect().top + window.scrollY]);
      assert.ok(summaryTop < formTop && summaryTop < 400, `the summary is at the top (${summaryTop} px)`);
      await check();

      // A draft is said to be a draft; a submission, submitted.
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('status').filter({ hasText: `Draft of your evaluation of proposal ${list[list.length - 2]} saved. It is not submitted yet` }).waitFor();
      await page.getByRole('link', { name: `Evaluate proposal ${list[list.length - 2]}` }).click();
      await page.getByText('Draft saved, not submitted.').waitFor();
      await page.getByRole('radio', { name: '4', exact: true }).check();
      await page.getByRole('button', { name: 'Submit evaluation' }).click();
      await page.getByRole('status').filter({ hasText: `Your evaluation of proposal ${list[list.length - 2]} is submitted.` }).waitFor();
      await check();

      // The round closes: the list and the form are read-only.
      const closed = await api(server.base, 'POST', `/api/v1/editions/${setup.edition}/evaluation-round/close`, { token: server.admin.token, body: { confirm: true } });
      assert.ok(closed.status < 300, closed.text);
      await page.reload();
      assert.equal(await page.getByRole('link', { name: /^Evaluate/ }).count(), 0);
      assert.equal(await page.getByRole('link', { name: /^Declare a conflict/ }).count(), 0);
      await check();
      await page.getByRole('link', { name: `View proposal ${list[list.length - 2]} and your evaluation` }).click();
      await page.getByText('The round is closed: this page shows your evaluation as it stands').waitFor();
      assert.equal(await page.getByRole('radio', { name: '4', exact: true }).isChecked(), true);
      assert.equal(await page.getByRole('radio', { name: '4', exact: true }).isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: /Save draft|Submit/ }).count(), 0);
      await check();
      noScriptErrors();
    });
  }

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
