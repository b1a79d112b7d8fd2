// The Secretariat in a real browser, on the demo forum's finished round: finds a proposal
// by a word of its title from the edition's page, opens it, filters the evaluation sheet
// to the proposals the evaluators are divided on, pages past the end and back, and meets
// the same filter on screening, decisions and progress, on a desktop and on a phone. Every
// page passes axe, holds at 390 and 320 px and throws no script error.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked } from '../support/browser.mjs';

describe('the Secretariat\'s lists in a browser', () => {
  let server, browser, page, edition;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite', { demo: true });
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    await page.goto(server.base + '/login');
    await assertAccessible(page, checked);
    await page.getByLabel('E-mail').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    await assertAccessible(page, checked);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const main = () => page.locator('main');
  const rows = () => page.locator('tbody tr');

  test('a word of a title finds the proposal, and its title opens it', { timeout: 120000 }, async () => {
    await page.goto(server.base + '/editions');
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'IGF demo 2026', exact: true }).click();
    edition = page.url().match(/editions\/(\d+)/)[1];
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'search and filter the proposals' }).click();
    await assertAccessible(page, checked);
    assert.match(await page.locator('#list-count').innerText(), /^300 proposals; page 1 of 6$/);
    // A title from the third page, so finding it takes the search, not a glance.
    await page.getByRole('link', { name: 'Next page' }).first().click();
    await page.getByRole('link', { name: 'Next page' }).first().click();
    const title = await rows().nth(3).locator('th a').innerText();
    const word = title.split(/\W+/).filter((w) => w.length > 4).sort((a, b) => b.length - a.length)[0];
    await page.getByLabel('Words of the title, or the number').fill(word);
    await page.getByRole('button', { name: 'Show proposals' }).click();
    assert.equal(new URL(page.url()).searchParams.get('q'), word.toLowerCase(), 'the address keeps the search');
    assert.match(await page.locator('#list-count').innerText(), /^\d+ of 300 proposals/);
    await assertAccessible(page, checked);
    const found = page.getByRole('link', { name: title, exact: true });
    assert.ok(await found.count() >= 1, `"${title}" is found by "${word}"`);
    for (const shown of await rows().locator('th a').allInnerTexts()) assert.match(shown.toLowerCase(), new RegExp(word.toLowerCase()));
    await found.first().click();
    await page.waitForURL(/\/proposals\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
    await assertAccessible(page, checked);
  });

  test('the sheet filtered to divided proposals, on a phone too, and its download follows', { timeout: 120000 }, async () => {
    await page.goto(`${server.base}/editions/${edition}/proposals`);
    await page.getByRole('link', { name: 'Evaluation sheet' }).first().click();
    await assertAccessible(page, checked);
    const everything = await page.locator('#list-count').innerText();
    await page.getByText('Filters and sorting').click();
    await page.getByLabel(/Only divided proposals/).check();
    await page.getByLabel('Sort by').selectOption({ label: 'Disagreement (standard deviation)' });
    await page.getByLabel('Order').selectOption('desc');
    await page.getByRole('button', { name: 'Show proposals' }).click();
    assert.equal(new URL(page.url()).searchParams.get('divided'), '1');
    const count = await page.locator('#list-count').innerText();
    assert.notEqual(count, everything);
    const [matching] = count.match(/^\d+/);
    assert.ok(Number(matching) > 0);
    const deviations = await rows().locator('td:nth-child(8)').allInnerTexts();
    assert.equal(deviations.length, Math.min(50, Number(matching)));
    for (const d of deviations) assert.match(d, /^\d\.\d+ divided$/);
    const values = deviations.map((d) => parseFloat(d));
    assert.deepEqual(values, [...values].sort((a, b) => b - a), 'the most divided first');
    assert.ok(values.every((v) => v >= 1));
    assert.ok(await page.getByLabel(/Only divided proposals/).isChecked(), 'the form shows the filter in use');
    await assertAccessible(page, checked);
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    assert.match(csv, /divided=1/);

    await page.setViewportSize({ width: 390, height: 800 });
    await page.reload();
    assert.ok(await page.getByLabel(/Only divided proposals/).isVisible(), 'the filters in use stay open on a phone');
    await assertAccessible(page, checked);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('past the last page the list says so and leads back; unknown values are named', { timeout: 120000 }, async () => {
    await page.goto(`${server.base}/editions/${edition}/proposals?sort=title&page=40&status=bogus`);
    const notice = await page.locator('#ignored-filters').innerText();
    assert.match(notice, /Status \(status\)/);
    assert.match(await page.locator('#past-end').innerText(), /There is no page 40: this list ends at page 6/);
    await assertAccessible(page, checked);
    await page.getByRole('link', { name: 'Go to the last page (6)' }).click();
    assert.match(await page.locator('#list-count').innerText(), /page 6 of 6/);
    assert.equal(await rows().count(), 50);
  });

  test('screening, decisions and progress take the same filter; every title links', { timeout: 120000 }, async () => {
    await page.goto(`${server.base}/editions/${edition}/decisions?q=rights&sort=title`);
    await assertAccessible(page, checked);
    const titles = await page.locator('#proposals ~ .table-scroll tbody th a').allInnerTexts();
    assert.ok(titles.length > 0);
    for (const t of titles) assert.match(t.toLowerCase(), /rights/);
    await page.goto(`${server.base}/editions/${edition}/evaluation/progress?q=rights`);
    await assertAccessible(page, checked);
    await page.goto(`${server.base}/editions/${edition}/screening`);
    await page.getByRole('button', { name: /Run screening/ }).click();
    await page.goto(`${server.base}/editions/${edition}/screening?screening=declined&sort=title`);
    assert.match(await page.locator('#list-count').innerText(), /^\d+ of 300 proposals/);
    for (const verdict of await rows().filter({ has: page.locator('th a') }).locator('td:nth-child(3)').allInnerTexts())
      assert.doesNotMatch(verdict, /^Passed/);
    await assertAccessible(page, checked);
    assertEveryVisitedPageChecked();
  });
});
