// The Secretariat blocks and unblocks someone in a browser, at 1280 px and 390 px: from the
// list of accounts to the person's page, is told by name that a reason is needed, blocks
// with one (the person's request for the floor leaves the live room's queue), sees the
// block in the history, and unblocks. The blocked person trying to sign in is told the
// account is blocked. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, signedInPage, submitSignIn } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/blocks';
mkdirSync(shots, { recursive: true });

describe('the Secretariat blocking and unblocking an account', () => {
  let server, browser, edition, room;
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const token = server.admin.token;
    edition = (await api(server.base, 'POST', '/api/v1/editions', { token, body: { name: 'IGF Browser Blocks', year: 2037, start_date: '2037-06-01', end_date: '2037-06-03', time_zone: 'UTC', venue: 'Kyoto' } })).json.id;
    const chair = await proposer(server, 'Cleo Chair');
    room = (await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, { token, body: { title: 'Open consultation', chairs: [chair.email] } })).json.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`blocks and unblocks at ${width} px`, { timeout: 120000 }, async () => {
      // A long address, as some are, must wrap on a phone.
      const person = await proposer(server, `Bea Blockworthy-Longname ${width}`);
      const queue = `/api/v1/editions/${edition}/live-rooms/${room}`;
      assert.equal((await api(server.base, 'POST', `${queue}/queue`, { token: person.token, body: { where: 'online' } })).status, 201);

      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, server.admin, { width, shots });
      await page.getByRole('link', { name: 'Accounts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      await check('accounts');
      await page.getByRole('link', { name: person.name }).click();
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
      await check('account');
      assert.match(await page.locator('main').textContent(), /never been blocked/);

      // No reason: named, by keyboard.
      await page.getByRole('button', { name: 'Block this account' }).press('Enter');
      await page.locator('.error-summary').waitFor();
      await check('account-no-reason');
      assert.match(await page.locator('.error-summary').textContent(), /Reason is required/);

      const reason = 'Posted the private addresses of other participants in the chat.';
      await page.getByLabel('Reason for blocking').fill(reason);
      await page.getByRole('button', { name: 'Block this account' }).click();
      await page.getByText('The account is blocked.').waitFor();
      await check('account-blocked');
      const history = await page.locator('main table').textContent();
      assert.ok(history.includes(reason), history);
      assert.match(history, /Ada Admin/);
      assert.match(history, /still blocked/);
      const state = (await api(server.base, 'GET', queue)).json;
      assert.ok(!state.waiting.some((w) => w.name === person.name), 'the request for the floor is withdrawn');

      // The person, in another browser, is told the account is blocked, and not why.
      const own = await checkedPage(browser, { width });
      await own.page.goto(server.base + '/login');
      await own.page.getByLabel('E-mail').fill(person.email);
      await own.page.getByLabel('Password').fill('a long enough password');
      await own.page.getByRole('button', { name: 'Sign in' }).click();
      await own.page.getByText('This account is blocked and cannot sign in.').waitFor();
      await own.check();
      assert.ok(!(await own.page.locator('main').textContent()).includes(reason));
      await own.context.close();

      await page.getByLabel('Reason for unblocking').fill('It was somebody else using a shared computer.');
      await page.getByRole('button', { name: 'Unblock this account' }).click();
      await page.getByText('The account is unblocked.').waitFor();
      await check('account-unblocked');
      assert.match(await page.locator('main table').textContent(), /shared computer/);
      await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      assert.match(await page.locator('main tr', { hasText: person.name }).textContent(), /Active/);
      noScriptErrors();

      // Signing in works again.
      const again = await checkedPage(browser, { width });
      await again.page.goto(server.base + '/login');
      await submitSignIn(again.page, person.email, 'a long enough password');
      await again.check();
      await again.context.close();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
