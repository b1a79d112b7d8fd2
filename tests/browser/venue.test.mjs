// A new Secretariat officer sets up the venue in a browser, at 1280 px and 390 px: from the
// edition page to the venue, adds a room with its features and windows by keyboard, is
// told by name what is wrong with a bad window (the text typed kept), fixes it, and edits
// the room. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';

describe('the Secretariat setting up the venue', () => {
  let server, browser, demo;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    demo = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`adds and edits a room at ${width} px`, { timeout: 120000 }, async () => {
      const { page, check, noScriptErrors } = await checkedPage(browser, { width });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check();

      await page.goto(`${server.base}/editions/${demo.id}`);
      await check();
      await page.getByRole('link', { name: /Venue: rooms/ }).click();
      await page.getByRole('heading', { level: 1, name: /Venue of/ }).waitFor();
      await check();
      assert.match(await page.locator('main table').textContent(), /Main Hall/);

      const name = `Open Forum Room ${width}`;
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Seats').fill('120');
      await page.getByLabel('Captioning').check();
      await page.getByLabel('Streaming').check();
      await page.getByLabel('Open windows').fill('2027-06-16 09:00-12:00\n2027-06-16 11:00-13:00');
      await page.getByLabel('Open windows').press('Tab');
      await page.getByRole('button', { name: 'Add the room' }).press('Enter');
      await page.locator('.error-summary, [role="alert"]').first().waitFor();
      await check();
      assert.match(await page.locator('main').textContent(), /overlaps the one starting 2027-06-16T09:00/);
      assert.equal(await page.getByLabel('Name').inputValue(), name, 'what was typed is kept');

      await page.getByLabel('Open windows').fill('2027-06-16 09:00-12:00\n2027-06-16 14:00-17:00');
      await page.getByRole('button', { name: 'Add the room' }).click();
      await page.getByText('The room is saved.').waitFor();
      await check();
      const row = page.locator('main table tr', { hasText: name });
      assert.match(await row.textContent(), /Captioning, Streaming/);

      await row.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await check();
      await page.getByLabel('Seats').fill('150');
      await page.getByRole('button', { name: 'Save the room' }).click();
      await page.getByText('The room is saved.').waitFor();
      assert.match(await page.locator('main table tr', { hasText: name }).textContent(), /150/);
      noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
