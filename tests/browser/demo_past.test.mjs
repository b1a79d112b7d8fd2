// The demo's past edition in a browser, at 1280 px and 390 px: the Secretariat reads last
// year's reports (filed, late, missing), their compliance, a session's page with its report
// and its feedback results, the published messages of the year, and this year's screening
// of the proposal declined for a missing report. Every page passes axe, never scrolls
// sideways and raises no script error; screenshots are kept in
// /tmp/convene-screenshots/demo-past.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { launch, signedInPage, assertEveryVisitedPageChecked } from '../support/browser.mjs';
import { api } from '../support/client.mjs';

const shots = process.env.SCREENSHOTS_DIR ?? '/tmp/convene-screenshots/demo-past';

describe("the demo's past edition, as the Secretariat reads it", () => {
  let server, browser, past, current, rated, declined;
  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer('sqlite', { demo: true });
    browser = await launch();
    const as = (path, opts = {}) => api(server.base, opts.method ?? 'GET', path, { token: server.admin.token, ...opts });
    const editions = (await api(server.base, 'GET', '/api/v1/editions')).json.editions;
    past = editions.find((e) => e.name === 'Regional IGF demo 2026').id;
    current = editions.find((e) => e.name === 'IGF demo').id;
    const compliance = (await as(`/api/v1/editions/${past}/reports/compliance`)).json;
    const filed = new Set(compliance.sessions.filter((s) => s.full === 'filed').map((s) => s.code));
    rated = (await as(`/api/v1/editions/${past}/feedback`)).json.sessions.find((s) => s.count > 0 && filed.has(s.code)).code;
    const run = (await as(`/api/v1/editions/${current}/screening`, { method: 'POST' })).json.results;
    declined = run.find((r) => r.failures.some((f) => f.code === 'missing_previous_report')).proposal;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`reports, compliance, a session, its feedback, the messages and the screening, at ${width} px`, { timeout: 180000 }, async () => {
      const { page, check, noScriptErrors, context } = await signedInPage(browser, server.base, server.admin, { width, shots });
      const visit = async (path, name, text) => {
        await page.goto(server.base + path);
        await page.getByText(text).first().waitFor();
        await check(name);
      };
      await visit(`/editions/${past}/reports`, 'reports', 'Full report: Filed late');
      await visit(`/editions/${past}/reports/compliance`, 'compliance', 'Reports: filed, late, missing');
      await visit(`/editions/${past}/programme/${rated}`, 'session', 'Gender report card');
      await visit(`/editions/${past}/programme/${rated}/feedback`, 'feedback', 'How useful was this session? The ratings given');
      await visit(`/editions/${past}/messages`, 'messages', 'Diverging views');
      await visit(`/editions/${past}/messages/document`, 'document', 'Diverging views');
      await visit(`/editions/${current}/screening/${declined}`, 'screening', 'filed no report');
      noScriptErrors();
      await context.close();
    });
  }

  test('every page visited was checked', () => {
    assert.ok(assertEveryVisitedPageChecked().length >= 8);
  });
});
