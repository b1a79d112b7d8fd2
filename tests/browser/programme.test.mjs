// A participant in a browser, at 1280 px and 390 px: from the demo edition's page to the
// programme, filters by day and theme (first without JavaScript: the filters are a plain
// GET form), opens sessions, marks three with "I plan to attend", finds them in the
// agenda in time order and removes one. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked, watchScriptErrors, assertNoSidewaysScroll, submitSignIn, checkedPage } from '../support/browser.mjs';

const shots = process.env.SCREENSHOTS_DIR ?? '/tmp/convene-screenshots/programme';

describe('a participant and the public programme', () => {
  let server, browser, demo, sessions;
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    demo = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'Regional IGF demo 2027');
    sessions = (await api(server.base, 'GET', `/api/v1/editions/${demo.id}/programme`)).json.sessions;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('filters by day and theme without JavaScript', { timeout: 60000 }, async () => {
    const page = await (await newContext(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 900 } })).newPage();
    const s = sessions.find((x) => x.theme) ?? sessions[0];
    await page.goto(`${server.base}/editions/${demo.id}/programme`);
    await page.locator(`nav[aria-label="Days"] a[href$="day=${s.day}"]`).click();
    await page.waitForURL((u) => u.searchParams.get('day') === s.day);
    if (s.theme) await page.getByLabel('Theme').selectOption(s.theme);
    await page.getByRole('button', { name: 'Show sessions' }).click();
    await page.waitForURL((u) => u.searchParams.get('day') === s.day && (!s.theme || u.searchParams.get('theme') === s.theme));
    const expected = sessions.filter((x) => x.day === s.day && (!s.theme || x.theme === s.theme)).map((x) => x.code);
    const shown = await page.locator('.programme-list strong:not(.attending)').allTextContents();
    assert.deepEqual(shown, expected);
  });

  for (const width of [1280, 390]) {
    test(`marks three sessions and finds them in the agenda at ${width} px`, { timeout: 180000 }, async () => {
      const person = await proposer(server, `Pia Participant ${width}`);
      const { page, check, noScriptErrors } = await checkedPage(browser, { width, shots });
      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, person.email, 'a long enough password');
      await check();

      await page.goto(`${server.base}/editions/${demo.id}`);
      await check();
      await page.getByRole('link', { name: /The programme: sessions by day/ }).click();
      await page.getByRole('heading', { level: 1, name: /Programme of/ }).waitFor();
      await check('programme');

      const s = sessions.find((x) => x.theme) ?? sessions[0];
      await page.locator(`nav[aria-label="Days"] a[href$="day=${s.day}"]`).click();
      await page.waitForURL((u) => u.searchParams.get('day') === s.day);
      if (s.theme) {
        await page.getByLabel('Theme').selectOption(s.theme);
        await page.getByRole('button', { name: 'Show sessions' }).click();
        await page.waitForURL((u) => u.searchParams.has('theme'));
      }
      await check('programme-filtered');

      const chosen = [sessions[0], sessions[Math.floor(sessions.length / 2)], sessions[sessions.length - 1]];
      for (const [i, c] of chosen.entries()) {
        await page.goto(`${server.base}/editions/${demo.id}/programme?q=${encodeURIComponent(c.code)}`);
        await page.getByRole('link', { name: new RegExp(`^${c.code} `) }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(c.code) }).waitFor();
        if (i === 0) await check('session');
        else await check();
        await page.getByRole('button', { name: 'I plan to attend' }).click();
        await page.getByText('You plan to attend.').waitFor();
        await check(i === 0 ? 'session-marked' : undefined);
      }
      await page.goto(`${server.base}/editions/${demo.id}/programme`);
      assert.equal(await page.locator('.programme-list .attending').count(), 3);
      await page.getByRole('link', { name: 'Your agenda' }).click();
      await page.getByRole('heading', { level: 1, name: /Your agenda/ }).waitFor();
      await check('agenda');
      const listed = await page.locator('.agenda > li > a strong').allTextContents();
      assert.deepEqual(listed, chosen.map((c) => c.code), 'in time order');
      assert.ok(await page.getByRole('link', { name: /calendar feed/ }).count());
      await page.getByRole('button', { name: new RegExp(`Remove ${chosen[1].code}`) }).click();
      await page.getByRole('heading', { level: 1, name: /Your agenda/ }).waitFor();
      assert.deepEqual(await page.locator('.agenda > li > a strong').allTextContents(), [chosen[0].code, chosen[2].code]);
      await check();
      noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
