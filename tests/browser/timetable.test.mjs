// A new Secretariat officer plans the programme in a browser, at 1280 px and 390 px: from
// the edition page to the timetable, brings in the accepted sessions, completes the
// timetable with the solver (no conflict), then moves two sessions by keyboard, the
// second onto the first's room and time, and sees the conflicts the move causes at once.
// Every page passes axe and never scrolls sideways; screenshots are kept for a look.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/timetable';

describe('the Secretariat planning the timetable', () => {
  let server, browser, edition;
  const as = (method, path, body) => api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: server.admin.token, body });
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer('sqlite', { demo: true, demoProposals: 40 });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo 2026').id;
    assert.equal((await as('POST', '/selection')).status, 200);
    assert.ok((await as('POST', '/decisions/from-selection')).json.recorded > 0);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`completes the timetable and moves two sessions by keyboard at ${width} px`, { timeout: 180000 }, async () => {
      const { page, check, noScriptErrors } = await checkedPage(browser, { width, shots });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check();

      await page.goto(`${server.base}/editions/${edition}`);
      await check();
      await page.getByRole('link', { name: /Timetable: the grid/ }).click();
      await page.getByRole('heading', { level: 1, name: /Timetable of/ }).waitFor();
      await check();

      await page.getByRole('button', { name: 'Bring in accepted sessions' }).click();
      await page.getByText(/Accepted sessions brought in/).waitFor();
      await check();

      await page.getByLabel('Free to move').check();
      await page.getByRole('button', { name: 'Complete the timetable' }).click();
      await page.getByRole('heading', { name: 'The solver completed the timetable' }).waitFor();
      await check('grid');
      assert.match(await page.locator('#result').textContent(), /\d+ sessions placed, 0 left off the grid/);
      assert.match(await page.locator('main').textContent(), /No conflict: every placed session keeps every rule/);
      const table = page.getByRole('table', { name: /\d{1,2} \w+ \d{4} by room and hour/ });
      assert.ok(await table.getByRole('columnheader').count() > 2, 'rooms as column headers');
      assert.ok(await table.getByRole('rowheader', { name: '09:00' }).count() === 1, 'hours as row headers');

      // First move: the first session of the grid, by keyboard, to another room and start.
      const first = table.locator('.slot a').first();
      const firstCode = (await first.textContent()).trim();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${firstCode}:`) }).waitFor();
      await check('session');
      const rooms = await page.getByLabel('Room', { exact: true }).locator('option').allTextContents();
      const target = rooms.at(-1);
      await page.getByLabel('Room', { exact: true }).focus();
      await page.getByLabel('Room', { exact: true }).selectOption({ label: target });
      await page.getByLabel('Start (venue time)').focus();
      await page.keyboard.press('End');
      const start = await page.getByLabel('Start (venue time)').inputValue();
      await page.getByRole('button', { name: `Move ${firstCode}` }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#moved').waitFor();
      await check();
      assert.match(await page.locator('#moved').textContent(), new RegExp(`${firstCode}\\s+is now at ${target.replace(/ \(.*/, '')}`));

      // Second move: another session onto the same room and start; the conflict shows at once.
      await page.goto(`${server.base}/editions/${edition}/timetable?day=${start.slice(0, 10)}`);
      await check();
      const second = page.locator('.slot a').filter({ hasNotText: firstCode }).first();
      const secondCode = (await second.textContent()).trim();
      await second.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${secondCode}:`) }).waitFor();
      await check();
      await page.getByLabel('Room', { exact: true }).selectOption({ label: target });
      await page.getByLabel('Start (venue time)').selectOption(start);
      await page.getByRole('button', { name: `Move ${secondCode}` }).press('Enter');
      await page.locator('#moved').waitFor();
      await check('moved');
      const moved = await page.locator('#moved').textContent();
      assert.match(moved, /It is in these conflicts/);
      assert.match(moved, new RegExp(`${firstCode} and ${secondCode}|${secondCode} and ${firstCode}`));
      assert.match(await page.locator('#conflicts + h3').textContent(), /Conflicts to resolve \([1-9]/);

      // The settings the solver weighs, with a bad weight named and what was typed kept.
      await page.getByRole('link', { name: 'Timetable settings' }).click();
      await page.getByRole('heading', { level: 1, name: /Timetable settings of/ }).waitFor();
      await check('settings');
      await page.getByLabel(/Each seat short/).fill('lots');
      await page.getByRole('button', { name: 'Save the settings' }).press('Enter');
      await page.locator('.error-summary').waitFor();
      await check();
      assert.equal(await page.getByLabel(/Each seat short/).inputValue(), 'lots');
      await page.getByLabel(/Each seat short/).fill('2');
      await page.getByRole('button', { name: 'Save the settings' }).click();
      await page.getByText('The settings are saved.').waitFor();
      await check();
      noScriptErrors();
    });
  }

  test('drag and drop, as an enhancement, sends the same move', { timeout: 120000 }, async () => {
    const page = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    const noScriptErrors = watchScriptErrors(page);
    await page.goto(server.base + '/login');
    await assertAccessible(page);
    await submitSignIn(page, server.admin.email, server.admin.password);
    await assertAccessible(page);
    await page.goto(`${server.base}/editions/${edition}/timetable`);
    await assertAccessible(page);
    const slot = page.locator('.slot[draggable=true]').first();
    const code = (await slot.locator('a').textContent()).trim();
    const target = page.locator('td[data-room]').nth(1);
    const room = await target.getAttribute('data-room');
    const start = await target.getAttribute('data-start');
    await slot.dragTo(target);
    await page.locator('#moved').waitFor();
    await assertAccessible(page);
    assert.match(await page.locator('#moved').textContent(), new RegExp(`${code}\\s+is now at .*${start.slice(11)}`));
    const moved = (await as('GET', '/timetable')).json.sessions.find((x) => x.code === code);
    assert.deepEqual(moved.placement, { room: Number(room), start });
    noScriptErrors();
  });

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
