// A proposer's own account in a real browser, on a phone's width and on a desktop's:
// confirm the address from the mail, change the password (a guessable one is named and
// refused), make a named API token that expires, see it once, and revoke it. A MAG
// member invited while holding an account accepts the invitation. Every page passes
// axe, raises no script error and never scrolls sideways at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll } from '../support/browser.mjs';
import { api } from '../support/client.mjs';
import { csrfPair, linkInMail } from '../support/proposals.mjs';

describe('an account of one\'s own in a browser', () => {
  let server, browser;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    test(`confirms the address, changes the password, makes and revokes a token at ${viewport.width} px`, { timeout: 90000 }, async () => {
      const email = `own.${viewport.width}@accounts.test`;
      const registered = await api(server.base, 'POST', '/api/v1/registrations', { body: { name: 'Ola Own', email, password: 'a long enough password' }, headers: csrfPair() });
      assert.equal(registered.status, 202);
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      const noScriptErrors = watchScriptErrors(page);
      const look = async () => { await assertAccessible(page, checked); await assertNoSidewaysScroll(page); };

      await page.goto(`${server.base}/verify/${await linkInMail(server, email)}`);
      await look();
      await page.getByLabel('Your password').fill('a long enough password');
      await page.getByRole('button', { name: 'Confirm my address' }).click();
      await page.waitForURL(/\/proposals\?verified=1$/);
      await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Your e-mail address is confirmed' }).waitFor());
      await look();

      await page.getByRole('link', { name: 'Your account' }).click();
      await page.waitForURL(/\/account$/);
      await look();
      await page.getByLabel('Current password').fill('a long enough password');
      await page.getByLabel('New password').fill('1234567890');
      await page.getByRole('button', { name: 'Change password' }).click();
      await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'among the first that attackers try' }).waitFor());
      await look();
      await page.getByLabel('Current password').fill('a long enough password');
      await page.getByLabel('New password').fill('tulips under the quiet bridge');
      await page.getByRole('button', { name: 'Change password' }).click();
      await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor());

      await page.getByLabel('Name of the token').fill('agenda script');
      await page.getByLabel('Days valid').fill('30');
      await page.getByLabel('Your password').fill('tulips under the quiet bridge');
      await page.getByRole('button', { name: 'Create a token' }).click();
      const token = await page.locator('code.token').textContent();
      assert.match(token, /^[0-9a-f]{64}$/);
      await look();
      assert.equal((await api(server.base, 'GET', '/api/v1/me', { token })).status, 200);
      await page.goto(`${server.base}/account`);
      assert.equal(await page.locator('code.token').count(), 0, 'shown only once');
      await page.getByRole('button', { name: 'Revoke agenda script' }).click();
      await page.waitForURL(/\/account$/);
      await assert.doesNotReject(page.getByText(/^revoked /).waitFor());
      await look();
      assert.equal((await api(server.base, 'GET', '/api/v1/me', { token })).status, 401);

      const edition = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: `MAG ${viewport.width}`, year: 2033, start_date: '2033-06-01', end_date: '2033-06-02', time_zone: 'UTC', venue: 'Lima' } });
      const invited = await api(server.base, 'POST', `/api/v1/editions/${edition.json.id}/members`, { token: server.admin.token, body: { name: 'Ola Own', email, stakeholder_group: 'academia', country: 'PE' } });
      assert.equal(invited.status, 202);
      await page.goto(`${server.base}/enrolment/${await linkInMail(server, email, 'enrolment')}`);
      await look();
      await page.getByRole('button', { name: `Join the MAG of MAG ${viewport.width}` }).click();
      await page.waitForURL(new RegExp(`/editions/${edition.json.id}/evaluations$`));
      await look();
      noScriptErrors();
      await context.close();
    });
  }

  test('without a mail server, the Secretariat reads the confirmation link in the outbox', { timeout: 60000 }, async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const noScriptErrors = watchScriptErrors(page);
    await page.goto(`${server.base}/register`);
    await page.locator('#field-name').fill('Dee Demo');
    await page.locator('#field-email').fill('dee@demo.test');
    await page.locator('#field-password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await assert.doesNotReject(page.getByRole('link', { name: 'mail outbox' }).waitFor());
    await assertAccessible(page, checked);
    await assertNoSidewaysScroll(page);
    const admin = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const desk = await admin.newPage();
    await desk.goto(`${server.base}/login`);
    await assertAccessible(desk, checked);
    await desk.getByLabel('E-mail').fill(server.admin.email);
    await desk.getByLabel('Password').fill(server.admin.password);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.waitForURL((url) => url.pathname !== '/login');
    await assertAccessible(desk, checked);
    await desk.goto(`${server.base}/admin/outbox`);
    await desk.getByText('Read the message').first().click();
    const body = await desk.locator('pre.mail-body').first().textContent();
    assert.match(body, /\/verify\/[0-9a-f]{64}/);
    await assertAccessible(desk, checked);
    noScriptErrors();
    await admin.close();
    await context.close();
  });

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
