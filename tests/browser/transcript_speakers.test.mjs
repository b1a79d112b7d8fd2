// A new member of the Secretariat, in a browser, with the archive of an edition: searches
// a phrase and lands on its turn, links the chair's two labels to one person (a new
// person with her gender and country, then the other spelling from "People it may be"),
// and sees who speaks change: one speaker instead of two, and the share of women. axe
// passes on each page and nothing scrolls sideways at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, assertEveryVisitedPageChecked, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/transcript-speakers';
mkdirSync(shots, { recursive: true });

// Our own transcripts in the forum's format: the chair speaks as CHAIR AMINA DIALLO in
// one and as AMINA DIALLO in the other. Each width has its own edition and chair (a link
// holds in every edition).
const chairs = { 1280: 'Amina Diallo', 390: 'Fatou Ndiaye' };
const opening = (chair) => [
  'IGF 2038 - Day 1 - Main Hall - Opening of the Deltas Forum',
  '',
  `>> CHAIR ${chair.toUpperCase()}: Good morning and welcome to the deltas forum.`,
  '>> MODERATOR: Thank you, Chair.',
  '>> TOMAS NOVAK: Deltas feed half of the region.',
  `>> CHAIR ${chair.toUpperCase()}: Thank you.`,
  '',
].join('\n');
const closing = (chair) => [
  'IGF 2038 - Day 3 - Main Hall - Closing of the Deltas Forum',
  '',
  `>> ${chair.toUpperCase()}: We close the forum with the mangrove restoration plan.`,
  '>> TOMAS NOVAK: Thank you.',
  '',
].join('\n');

describe('linking the speakers of the archive in a browser', () => {
  let server, browser;
  const editions = {};

  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const as = (method, p, body, headers) => api(server.base, method, p, { token: server.admin.token, body, headers });
    for (const [width, chair] of Object.entries(chairs)) {
      const edition = (await as('POST', '/api/v1/editions', { name: `IGF Deltas ${width}`, year: 2038, start_date: '2038-06-01', end_date: '2038-06-04', time_zone: 'UTC', venue: 'Dakar' })).json.id;
      for (const text of [opening(chair), closing(chair)]) {
        const r = await as('POST', `/api/v1/editions/${edition}/transcripts`, text, { 'content-type': 'text/plain; charset=utf-8' });
        assert.equal(r.status, 201, r.text);
      }
      editions[width] = edition;
    }
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The rows of the statistics' table of speakers, as "name: turns".
  const speakerRows = async (page) => page.locator('table:has(caption:text("Every speaker"))').evaluate((table) => {
    const turns = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === 'Turns');
    return [...table.querySelectorAll('tbody tr')].map((r) => `${r.querySelector('th').firstChild.textContent.trim()}: ${r.children[turns].textContent.trim()}`);
  });

  for (const width of [1280, 390]) {
    test(`the Secretariat finds a phrase, links the chair's labels and sees who speaks change (${width} px)`, { timeout: 120000 }, async () => {
      const edition = editions[width], chair = chairs[width], label = chair.toUpperCase();
      const { page, check, context } = await signedInPage(browser, server.base, server.admin, { width, shots });
      await page.goto(`${server.base}/editions/${edition}/transcripts`);
      await check(`archive-${width}`);
      await page.getByLabel(`Search the transcripts of IGF Deltas ${width}`).fill('"mangrove restoration"');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.search-result mark');
      assert.deepEqual(await page.locator('.search-result mark').allInnerTexts(), ['mangrove restoration']);
      await check(`search-${width}`);
      await page.locator('.search-result a').first().click();
      await page.waitForURL(/\/transcripts\/\d+#turn-1$/);
      assert.match(await page.locator('#turn-1').innerText(), /mangrove restoration plan/);
      await check(`turn-${width}`);

      // Who speaks before: the chair is two speakers, and nobody's gender is known.
      await page.goto(`${server.base}/editions/${edition}/transcripts/statistics`);
      await check(`statistics-before-${width}`);
      const before = await speakerRows(page);
      assert.ok(before.includes(`CHAIR ${label}: 2`), before.join(', '));
      assert.ok(before.includes(`${label}: 1`), before.join(', '));

      // The speakers page: the chair's label, a new person with her gender and country.
      await page.getByRole('link', { name: /Link speakers to people/ }).click();
      await page.waitForURL(/\/transcripts\/speakers$/);
      await check(`speakers-${width}`);
      await page.getByRole('link', { name: `CHAIR ${label}`, exact: true }).click();
      await page.waitForURL(/\/transcripts\/speakers\/label\?key=/);
      await check(`label-${width}`);
      const form = page.locator('form:has(button:text("Add the person and link"))');
      assert.equal(await form.locator('input[name="name"]').inputValue(), chair);
      await form.getByLabel('Gender').selectOption('woman');
      await form.getByLabel('Country').selectOption('SN');
      await form.getByRole('button', { name: 'Add the person and link' }).click();
      await page.waitForSelector('.notice');
      assert.match(await page.locator('.notice').innerText(), /Linked/);

      // The other spelling: the person just added is the one it may be.
      await page.getByRole('link', { name: 'Speakers', exact: true }).click();
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.getByRole('button', { name: `Link to ${chair}` }).first().click();
      await page.waitForSelector('.notice');
      await check(`linked-${width}`);

      // Who speaks after: one speaker with both labels, and the share of women.
      await page.goto(`${server.base}/editions/${edition}/transcripts/statistics`);
      await check(`statistics-after-${width}`);
      const after = await speakerRows(page);
      assert.ok(after.includes(`${chair}: 3`), after.join(', '));
      assert.ok(!after.some((r) => r.startsWith(`CHAIR ${label}`)), after.join(', '));
      assert.match(await page.locator('main').innerText(), /Women/);
      await context.close();
    });
  }

  test('every page visited was checked', () => assertEveryVisitedPageChecked());
});
