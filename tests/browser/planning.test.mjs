// A Secretariat officer plans the regional IGF's programme in a browser, at 1280 px and
// 390 px: from the edition page to the planning page, creates the closing session by
// keyboard (told by name what is wrong first, the text typed kept), records a time a
// speaker cannot be there and an online speaker's time zone, and removes the time again.
// Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';

describe('the Secretariat planning the programme', () => {
  let server, browser, edition;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`creates a session and records who cannot come at ${width} px`, { timeout: 120000 }, async () => {
      const { page, check, noScriptErrors } = await checkedPage(browser, { width });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check();

      await page.goto(`${server.base}/editions/${edition.id}`);
      await check();
      await page.getByRole('link', { name: /^Planning/ }).click();
      await check();
      const code = `CL${width}`;
      await page.getByLabel('Code').fill(code);
      await page.getByLabel('Title').fill('Closing ceremony');
      await page.getByLabel('Duration (minutes)').fill('an hour');
      await page.getByLabel('Interpretation', { exact: true }).check();
      await page.getByLabel('People', { exact: true }).fill(`${server.demoMember.email}, host`);
      await page.getByRole('button', { name: 'Create the session' }).click();
      await check();
      const summary = page.getByRole('alert');
      await assert.doesNotReject(summary.getByText('Give a whole number').waitFor());
      await assert.doesNotReject(summary.getByText(/"host" is not a role/).waitFor());
      assert.equal(await page.getByLabel('Title').inputValue(), 'Closing ceremony', 'what was typed is kept');
      await page.screenshot({ path: `/tmp/shots/planning-errors-${width}.png`, fullPage: true });

      await page.getByLabel('Duration (minutes)').fill('60');
      await page.getByLabel('People', { exact: true }).fill(`${server.demoMember.email}, speaker`);
      await page.getByLabel('Fixed room').selectOption({ label: 'Main Hall' });
      await page.getByLabel('Fixed start').fill('2027-04-22 15:00');
      await page.getByRole('button', { name: 'Create the session' }).click();
      await check();
      await assert.doesNotReject(page.getByRole('status').getByText('Saved.').waitFor());

      await page.getByLabel('Their e-mail address').first().fill(server.demoMember.email);
      await page.getByLabel('From').fill('2027-04-20 09:00');
      await page.getByLabel('To').fill('2027-04-20 12:00');
      await page.getByRole('button', { name: 'Add the time' }).click();
      await check();
      const table = page.getByRole('table', { name: /cannot be there/ });
      await assert.doesNotReject(table.getByRole('cell', { name: '2027-04-20 09:00' }).first().waitFor());

      await page.getByLabel('Their e-mail address').last().fill(server.demoMember.email);
      await page.getByLabel('Time zone').fill('Pacific/Auckland');
      await page.getByRole('button', { name: 'Save the time zone' }).click();
      await check();
      await assert.doesNotReject(page.getByText(/Pacific\/Auckland/).first().waitFor());
      await page.screenshot({ path: `/tmp/shots/planning-${width}.png`, fullPage: true });

      await page.getByRole('button', { name: /^Remove/ }).first().click();
      await check();
      await assert.doesNotReject(page.getByText('Nobody has said they cannot be there.').waitFor());
      noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
