// The reports' statistics and the compliance page's reminders in a browser at 1280 px and
// 390 px: with the server's clock two hours before a short report's deadline, the
// Secretariat presses "Send due reminders now" (the server's own run is off here) and
// reads what was queued, a second press sends nothing; then anyone reads the figures of
// the edition and across editions, charts with their tables. Every page passes axe, never
// scrolls sideways, its charts are readable; screenshots are kept.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { publishedSession, sessionPeople } from '../support/reports.mjs';
import { launch, assertEveryVisitedPageChecked, signedInPage, checkedPage, assertChartsReadable } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/report-statistics';
mkdirSync(shots, { recursive: true });

describe('report reminders and statistics in a browser', () => {
  let server, browser, rita, s, other;
  const as = (who, method, path, body) => api(server.base, method, path, { token: who?.token, body });
  const setClock = async (iso) => {
    const now = (await as(server.admin, 'POST', '/_test/clock', { advance_seconds: 0 })).json.now;
    await as(server.admin, 'POST', '/_test/clock', { advance_seconds: Math.round((Date.parse(iso) - Date.parse(now)) / 1000) });
  };
  before(async () => {
    server = await startServer('sqlite', { testHooks: true, args: ['--reminder-seconds', '0'] });
    browser = await launch();
    rita = await proposer(server, 'Rita Rapporteur');
    const olu = await proposer(server, 'Olu Organiser');
    const { people } = await sessionPeople(server, { organiser: olu, rapporteur: rita });
    s = await publishedSession(server, { name: 'IGF 2030', year: 2030, code: 'WS9', people });
    other = await publishedSession(server, { name: 'IGF 2031', year: 2031, code: 'WS1', people });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the Secretariat sends the due reminders from the compliance page (1280 px)', { timeout: 120000 }, async () => {
    await setClock('2030-06-02T21:30:00Z');
    const { page, check, noScriptErrors } = await signedInPage(browser, server.base, { email: server.admin.email, password: server.admin.password }, { width: 1280, shots });
    await page.goto(`${server.base}/editions/${s.edition}/reports/compliance`);
    await check('compliance');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await page.getByText('Reminders queued in the outbox now: 2 (sessions reminded: 1).').waitFor();
    await check('compliance-reminded');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await page.getByText('No reminder was due: nothing was sent.').waitFor();
    assert.match(await page.locator('main').textContent(), /2 sent so far/);
    noScriptErrors();
  });

  test('the same at 390 px, for another edition', { timeout: 120000 }, async () => {
    await setClock('2031-06-02T21:30:00Z');
    const { page, check, noScriptErrors } = await signedInPage(browser, server.base, { email: server.admin.email, password: server.admin.password }, { width: 390, shots });
    await page.goto(`${server.base}/editions/${other.edition}/reports/compliance`);
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await page.getByText('Reminders queued in the outbox now: 2 (sessions reminded: 1).').waitFor();
    await check('compliance-reminded');
    noScriptErrors();
  });

  for (const width of [1280, 390]) {
    test(`anyone reads the reports' figures per edition and across editions (${width} px)`, { timeout: 120000 }, async () => {
      if (width === 1280) {
        await setClock('2031-06-02T22:00:00Z');
        const report = (x) => `/api/v1/editions/${x.edition}/programme/${x.code}/report`;
        let r = await as(rita, 'PUT', `${report(other)}/short`, { version: 0, key_messages: ['Access matters'], file: true });
        assert.equal(r.status, 200, r.text);
        r = await as(rita, 'PUT', `${report(other)}/full`, { version: 0, fields: { key_issues: 'Issues' }, women_present: 'about_a_third', gender_discussed: 'main_topic', file: true });
        assert.equal(r.status, 200, r.text);
      }
      const { page, check, noScriptErrors } = await checkedPage(browser, { width, shots });
      await page.goto(`${server.base}/editions/${other.edition}/reports/statistics`);
      await page.getByRole('heading', { level: 1, name: 'Session reports in figures' }).waitFor();
      await check('statistics');
      await assertChartsReadable(page);
      const women = page.getByRole('table', { name: 'Women present: the numbers' });
      assert.match(await women.textContent(), /About a third\s*1\s*100\.0%/);
      await page.getByRole('link', { name: 'All editions' }).click();
      await page.getByRole('heading', { level: 1, name: 'Session reports across editions' }).waitFor();
      await check('across');
      await assertChartsReadable(page);
      assert.match(await page.getByRole('table', { name: /Full reports edition by edition/ }).textContent(), /IGF 2031[\s\S]*IGF 2030/);
      noScriptErrors();
    });
  }

  test('every page visited was checked', () => assertEveryVisitedPageChecked());
});
