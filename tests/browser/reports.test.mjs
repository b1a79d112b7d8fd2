// A rapporteur files a session's reports in a browser, keyboard and mouse, at 1280 px and
// 390 px: from the public session page to the filing page, the short report with two key
// messages, the full report over its word limit (named, what was typed kept), then the
// gender report card and filing; the report then reads on the session page. Every page
// passes axe and never scrolls sideways; screenshots are kept. The Secretariat's pages
// (template and deadlines, compliance, the list, an imported report) are checked too.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, cli } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { publishedSession, sessionPeople } from '../support/reports.mjs';
import { launch, assertEveryVisitedPageChecked, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/reports';
mkdirSync(shots, { recursive: true });

const words = (n) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('filing session reports in a browser', () => {
  let server, browser, rita, people, imported;
  const sessions = {};
  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    rita = await proposer(server, 'Rita Rapporteur');
    const olu = await proposer(server, 'Olu Organiser');
    ({ people } = await sessionPeople(server, { organiser: olu, rapporteur: rita }));
    sessions[1280] = await publishedSession(server, { name: 'IGF 2027', year: 2027, code: 'WS7', people });
    sessions[390] = await publishedSession(server, { name: 'IGF 2028', year: 2028, code: 'WS8', people });
    // An imported report of a past year, from the forum's published page.
    const file = join(mkdtempSync(join(tmpdir(), 'convene-reports-')), 'page.txt');
    writeFileSync(file, '(No.85) Quo Vadis IGF\nWorkshop Theme:\nTaking Stock\nConcise Description of Workshop:\nWhere the forum goes.\nOrganiser(s) Name:\nExample Caucus [Civil Society]\nSubmitted Workshop Panelists:\nMs. Ana Lima, Professor, University [Confirmed, Civil Society, WEOG]\nModerator: Ben Okafor, Institute [Confirmed, Technical Community, African]\nName of Remote Moderator(s):\nMs. Cai Wen [Civil Society, Asia Pacific]\nGender Report Card\nPlease estimate the overall number of women participants present at the session:\nThere were more women than men\nTo what extent did the session discuss gender equality and/or women\'s empowerment?:\nIt was mentioned briefly\nReported by:\nAna Lima\nA brief substantive summary and the main issues that were raised:\nWe talked about the future.\nConclusions and further comments:\nWe agreed on little.\n');
    imported = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF People').id;
    cli(server.databaseUrl, ['import', 'workshop-page', file, '--into', String(imported)]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`the rapporteur files the short and the full report (${width} px)`, { timeout: 120000 }, async () => {
      const s = sessions[width];
      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, rita, { width, shots });
      await page.goto(`${server.base}/editions/${s.edition}/programme/${s.code}`);
      await check('session');
      await page.getByRole('link', { name: "File the session's report" }).click();
      await page.getByRole('heading', { level: 1, name: /The report of/ }).waitFor();
      await check('file');
      assert.match(await page.getByLabel('Speakers', { exact: true }).inputValue(), /Speaker 1/, 'the speakers come prefilled');

      await page.getByLabel('Key message 1').fill('Local funds connect rural schools.');
      await page.getByLabel('Key message 2').fill('Teachers need training as much as links.');
      await page.getByRole('button', { name: 'File the short report' }).click();
      await page.getByText('Filed: the report is on the session\'s page.').waitFor();
      await check('short-filed');

      await page.getByLabel('Key issues').fill(words(301));
      await page.getByLabel('Discussions').fill('Participants asked about **costs**.\n\n- satellites\n- community networks');
      await page.getByRole('button', { name: 'File the full report' }).click();
      await page.getByText(/Key issues has 301 words; the limit is 300/).first().waitFor();
      await check('full-over-limit');
      assert.match(await page.getByLabel('Discussions').inputValue(), /community networks/, 'what was typed is kept');
      await page.getByLabel('Key issues').fill('Affordability. Skills. Content in local languages.');
      await page.getByLabel('More than half of the participants were women').check();
      await page.getByLabel('It was mentioned in the discussion').check();
      await page.getByRole('button', { name: 'File the full report' }).click();
      await page.getByText('Filed: the report is on the session\'s page.').waitFor();
      await check('full-filed');

      await page.getByRole('link', { name: new RegExp(s.code) }).first().click();
      await page.getByRole('heading', { level: 2, name: 'Report' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Gender report card' }).waitFor();
      const report = await page.locator('section[aria-labelledby="report"]').textContent();
      assert.match(report, /Local funds connect rural schools/);
      assert.match(report, /More than half of the participants were women/);
      assert.match(report, /Rita Rapporteur/);
      await check('session-with-report');
      noScriptErrors();
    });
  }

  for (const width of [1280, 390]) {
    test(`the Secretariat's pages: template and deadlines, compliance, the reports and an imported one (${width} px)`, { timeout: 120000 }, async () => {
      const s = sessions[width];
      const { page, check, noScriptErrors } = await signedInPage(browser, server.base, { email: server.admin.email, password: server.admin.password }, { width, shots });
      await page.goto(`${server.base}/editions/${s.edition}/reports/settings`);
      await check('settings');
      await page.getByLabel('Short report due (hours after the session\'s end)').fill('soon');
      await page.getByRole('button', { name: 'Save the template and deadlines' }).click();
      await page.getByText('Give a whole number').first().waitFor();
      await check('settings-error');
      await page.getByLabel('Short report due (hours after the session\'s end)').fill('6');
      await page.getByRole('button', { name: 'Save the template and deadlines' }).click();
      await page.getByText('Saved.').waitFor();
      await page.goto(`${server.base}/editions/${s.edition}/reports/compliance`);
      await check('compliance');
      await page.goto(`${server.base}/editions/${s.edition}/reports`);
      await check('reports');
      await page.goto(`${server.base}/editions/${imported}/reports/imported/85`);
      await page.getByRole('heading', { level: 3, name: 'Gender report card' }).waitFor();
      await check('imported');
      noScriptErrors();
    });
  }

  test('every page visited was checked', () => assertEveryVisitedPageChecked());
});
