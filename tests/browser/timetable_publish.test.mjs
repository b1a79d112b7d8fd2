// Publishing in a browser, at 1280 px and 390 px: the Secretariat publishes a draft in
// which a published session moved, sees the change waiting on the changes page; the
// organiser opens the mailed link (no account) and accepts; the Secretariat finds the new
// version and compares it with the one before. Every page passes axe and never scrolls
// sideways; screenshots of each page are kept in /tmp/publish-shots.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { linkInMail } from '../support/proposals.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';

const shots = process.env.SCREENSHOTS ?? '/tmp/publish-shots';
const minutes = (local) => Date.parse(local + ':00Z') / 60000;
const local = (m) => new Date(m * 60000).toISOString().slice(0, 16);

describe('publishing the timetable and an organiser consenting', () => {
  let server, browser, edition;
  const used = new Set();
  const as = (method, path, body) => api(server.base, method, `/api/v1/editions/${edition}${path}`, { token: server.admin.token, body });
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer('sqlite', { demo: true, demoProposals: 40 });
    browser = await launch();
    edition = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027').id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`publish, accept by the mailed link, compare versions at ${width} px`, { timeout: 120000 }, async () => {
      const s = (await as('GET', '/timetable')).json.sessions
        .find((x) => x.placement && !x.fixed && x.code !== 'OP1' && !used.has(x.id));
      used.add(s.id);
      const to = local(minutes(s.placement.start) + 60);
      assert.equal((await as('POST', '/timetable/moves', { session: s.id, room: s.placement.room, start: to, version: s.version })).status, 200);

      const { context, page, check, noScriptErrors } = await checkedPage(browser, { width, shots });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await check();

      await page.goto(`${server.base}/editions/${edition}`);
      await check();
      await page.getByRole('link', { name: /^Publishing: the published timetable/ }).click();
      await page.getByRole('heading', { level: 1, name: /Published timetable of/ }).waitFor();
      await check('versions');
      assert.match(await page.locator('main').textContent(), /Published sessions moved, each sent to its organisers for consent .*: 1/);
      await page.getByRole('button', { name: 'Publish the timetable' }).click();
      await page.getByRole('heading', { level: 1, name: /Changes awaiting consent/ }).waitFor();
      await check('changes');
      const section = page.locator('section.change', { hasText: s.code });
      assert.match(await section.textContent(), new RegExp(`${to.slice(11)}`));

      // The organiser, without an account, opens the link of the mail.
      const change = (await as('GET', '/timetable/changes')).json.changes.find((c) => c.session === s.id);
      const token = await linkInMail(server, change.asked[0].email, 'consent');
      const organiser = await (await newContext(browser, { viewport: { width, height: 900 } })).newPage();
      await organiser.goto(`${server.base}/consent/${token}`);
      await organiser.getByRole('heading', { level: 1, name: new RegExp(`A change to your session ${s.code}`) }).waitFor();
      await assertAccessible(organiser);
      await assertNoSidewaysScroll(organiser);
      await organiser.screenshot({ path: `${shots}/consent-${width}.png`, fullPage: true });
      assert.ok((await organiser.locator('main').textContent()).includes(change.to.text));
      await organiser.getByRole('button', { name: 'Accept the change' }).click();
      await organiser.getByText(/Thank you, .*: you accepted\./).waitFor();
      await assertAccessible(organiser);
      await organiser.screenshot({ path: `${shots}/consent-accepted-${width}.png`, fullPage: true });

      // The Secretariat sees the new version and compares it with the one before.
      await page.goto(`${server.base}/editions/${edition}/timetable/versions`);
      await check('versions-after');
      const newest = (await as('GET', '/timetable/versions')).json.versions[0].number;
      await page.getByRole('link', { name: `Version ${newest - 1} to ${newest}` }).click();
      await page.getByRole('heading', { level: 1, name: `Version ${newest - 1} to version ${newest}` }).waitFor();
      await check('diff');
      const row = page.locator('main table tr', { hasText: s.code });
      assert.ok((await row.textContent()).includes(change.to.text));
      await page.getByLabel('From version').selectOption(String(1));
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.getByRole('heading', { level: 1, name: `Version 1 to version ${newest}` }).waitFor();
      await check('diff-from-1');
      noScriptErrors();
      await context.close();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
