// The Secretariat officer's first session, in a real browser: sign in with the keyboard,
// create an edition and a theme, add a MAG member, sign out. Every page passes axe.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked } from '../support/browser.mjs';

describe('the Secretariat in a browser', () => {
  let server, browser;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite', { demo: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a wrong password shows an error the screen reader announces', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/login');
    await assertAccessible(page, checked);
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'The e-mail address or the password is wrong.' }).waitFor());
    assert.equal(await page.getByLabel('E-mail').inputValue(), server.admin.email);
    await assertAccessible(page, checked);
    await context.close();
  });

  test('sign in with the keyboard, create an edition and a theme, add a MAG member, sign out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/');
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'Sign in' }).click();

    // Keyboard only: the skip link first, then the form fields in order.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
    await page.keyboard.type(server.admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(server.base + '/');
    await assert.doesNotReject(page.getByText('Signed in as Ada Admin').waitFor());
    await assertAccessible(page, checked);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Editions' }).click();
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'Create an edition' }).click();
    await assertAccessible(page, checked);

    // A mistake first: the form comes back with the values and the errors.
    await page.getByLabel('Name').fill('IGF 2029');
    await page.getByLabel('Year').fill('2029');
    await page.getByRole('button', { name: 'Create edition' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor());
    assert.equal(await page.getByLabel('Name').inputValue(), 'IGF 2029');
    await assertAccessible(page, checked);

    await page.getByLabel('First day').fill('2029-12-01');
    await page.getByLabel('Last day').fill('2029-12-04');
    await page.getByLabel('Time zone of the venue').fill('Asia/Riyadh');
    await page.getByLabel(/^Venue/).fill('King Abdulaziz International Conference Center');
    await page.getByRole('button', { name: 'Create edition' }).click();
    await page.getByRole('heading', { level: 1, name: 'IGF 2029' }).waitFor();
    await assertAccessible(page, checked);

    await page.getByLabel('Theme name').fill('Universal Access and Meaningful Connectivity');
    await page.getByLabel('Description').fill('Affordable access for the next billion users.');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.getByText('Affordable access for the next billion users.').waitFor();
    await assertAccessible(page, checked);

    await page.getByRole('link', { name: 'manage MAG members' }).click();
    await assertAccessible(page, checked);
    await page.getByLabel('Full name').fill('Mariana Castillo');
    await page.getByLabel('E-mail').fill('mariana.castillo@example.org');
    await page.getByLabel('Organisation').fill('Universidad Digital');
    await page.getByLabel('Country').selectOption('UY');
    await page.getByLabel('Stakeholder group').selectOption('academia');
    await page.getByLabel('Gender (optional)').selectOption('woman');
    await page.getByRole('button', { name: 'Add MAG member' }).click();
    await page.getByRole('status').filter({ hasText: 'Mariana Castillo is now a MAG member' }).waitFor();
    await assertAccessible(page, checked);
    assert.ok(await page.getByRole('cell', { name: 'Uruguay' }).isVisible());

    await page.getByRole('link', { name: 'Audit log' }).click();
    await assertAccessible(page, checked);
    assert.ok(await page.getByRole('cell', { name: 'member.add' }).isVisible());
    await page.getByRole('link', { name: 'Accounts' }).click();
    await assertAccessible(page, checked);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  test('the demo edition page works and passes axe', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/editions');
    await page.getByRole('link', { name: 'IGF demo', exact: true }).click();
    await assertAccessible(page, checked);
    assert.ok(await page.getByRole('cell', { name: 'Main Hall' }).isVisible());
    await page.goto(server.base + '/no/such/page');
    await assertAccessible(page, checked);
    await context.close();
  });

  test('the editions page announces a new edition live, over a WebSocket', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/editions');
    await page.locator('[data-live="websocket"]').waitFor({ state: 'attached' });
    const response = await fetch(server.base + '/api/v1/editions', {
      method: 'POST', headers: { authorization: `Bearer ${server.admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'IGF 2040', year: 2040, start_date: '2040-01-01', end_date: '2040-01-02', time_zone: 'UTC', venue: 'Online' }),
    });
    assert.equal(response.status, 201);
    await page.getByRole('status').getByText('A new edition was created: IGF 2040. Reload the page to see it.').waitFor();
    await assertAccessible(page, checked);
    await context.close();
  });

  test('screening: run it, read the reasons, override one verdict with a justification', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/login');
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(server.base + '/editions');
    await page.getByRole('link', { name: 'IGF demo', exact: true }).click();
    await page.getByRole('link', { name: 'screening' }).click();
    await assertAccessible(page, checked);

    // The rules on their own page: a wrong number is named and kept, a good one saved.
    await page.getByRole('link', { name: 'see or change the rules' }).click();
    await assertAccessible(page, checked);
    await page.getByLabel('Confirmed speakers a proposal needs at least').fill('three');
    await page.getByLabel('Speakers must not all be of one gender').check();
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('alert').filter({ hasText: 'Confirmed speakers a proposal needs at least: give a whole number' }).waitFor();
    assert.equal(await page.getByLabel('Confirmed speakers a proposal needs at least').inputValue(), 'three');
    assert.equal(await page.getByLabel('Speakers must not all be of one gender').isChecked(), true, 'the ticked box stays ticked');
    await assertAccessible(page, checked);
    await page.getByLabel('Confirmed speakers a proposal needs at least').fill('2');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('status').filter({ hasText: 'The rules are saved' }).waitFor();
    assert.equal(await page.getByLabel('Confirmed speakers a proposal needs at least').inputValue(), '2');
    assert.equal(await page.getByLabel('Speakers must not all be of one gender').isChecked(), true);
    await page.getByLabel('Speakers must not all be of one gender').uncheck();
    await page.getByLabel('Confirmed speakers a proposal needs at least').fill('3');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('status').filter({ hasText: 'The rules are saved' }).waitFor();
    await page.getByRole('link', { name: 'Back to screening' }).click();
    await page.getByRole('button', { name: 'Run screening' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    await assertAccessible(page, checked);
    const row = page.locator('tbody tr', { has: page.locator('strong', { hasText: 'Declined' }) }).first();
    await row.getByRole('link', { name: /Review/ }).click();
    await assertAccessible(page, checked);
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await assertAccessible(page, checked);
    await page.getByLabel('It passes').check();
    await page.getByLabel(/^Justification/).fill('The missing field was sent by e-mail before the deadline.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Secretariat: The missing field was sent by e-mail before the deadline.').waitFor();
    await assertAccessible(page, checked);

    // The call's settings and the evaluation round: many checkboxes and radios, each beside its words.
    const edition = page.url().match(/editions\/(\d+)/)[1];
    await page.goto(`${server.base}/editions/${edition}/call`);
    await assertAccessible(page, checked);
    const box = await page.getByLabel('Workshop', { exact: true }).boundingBox();
    const words = await page.locator('label[for="type-workshop"]').boundingBox();
    assert.ok(words.x - (box.x + box.width) < 12, `the Workshop box is ${words.x - (box.x + box.width)} px from its label`);
    await page.goto(`${server.base}/editions/${edition}/evaluation`);
    await assertAccessible(page, checked);
    await context.close();
  });

  test('without JavaScript the same flow works', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.base + '/login');
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as Ada Admin').waitFor();
    await page.goto(server.base + '/editions/new');
    await page.getByLabel('Name').fill('No-JS edition');
    await page.getByLabel('Year').fill('2030');
    await page.getByLabel('First day').fill('2030-05-01');
    await page.getByLabel('Last day').fill('2030-05-02');
    await page.getByLabel('Time zone of the venue').fill('UTC');
    await page.getByLabel(/^Venue/).fill('Online');
    await page.getByRole('button', { name: 'Create edition' }).click();
    await page.getByRole('heading', { level: 1, name: 'No-JS edition' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  test('every page visited was checked by axe', () => {
    for (const path of ['/', '/login', '/editions', '/editions/new', '/admin/audit', '/admin/accounts', '/editions/1/screening'])
      assert.ok(checked.has(path), `${path} was not checked`);
  });

  test('every page visited was checked: axe, no sideways scroll at 390 and 320 px, tables in their region, boxes by their labels, no script error', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
