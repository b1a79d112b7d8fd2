// Searching the transcripts in a browser: a reader searches from an edition's archive,
// narrows the results with the filters, follows a result to its turn, and reads a refused
// search's error on its field; the same works with JavaScript off (a GET form). axe passes
// on each page and nothing scrolls sideways at 390 px, with a turn of one very long word.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage, newContext } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/transcript-search';
mkdirSync(shots, { recursive: true });

// Our own transcripts in the forum's format.
const lakes = [
  'IGF 2036 - Day 1 - Salle IV - Open Forum on Lakes',
  '',
  '2 June 2036',
  '',
  '>> CHAIR NOOR SALEH: Bonjour à tous. La coopération régionale sur les lacs avance déjà.',
  '>> WANG FANG: 我们讨论互联网治理论坛的未来和湖泊合作。',
  '>> MARTA McKINNON: Lake co-operation needs data: https://example.org/' + 'x'.repeat(300),
  '>> LAYLA HASSAN: التعاون في مُنْتَدَى حَوْكَمَةِ الْإِنْتَرْنِتْ',
  '>> CHAIR NOOR SALEH: ' + 'We thank every speaker for the lake report. '.repeat(30),
  '',
].join('\n');

const glaciers = [
  'IGF 2037 - Day 3 - Main Hall - Workshop on Glaciers',
  '',
  '9 May 2037',
  '',
  '>> MODERATOR: Glaciers and lake co-operation, again.',
  '>> IVAN PETROV: Ёлка и озеро.',
  '',
].join('\n');

describe('searching the transcripts in a browser', () => {
  let server, browser, e1;

  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const as = (method, p, body, headers) => api(server.base, method, p, { token: server.admin.token, body, headers });
    e1 = (await as('POST', '/api/v1/editions', { name: 'IGF Lakes', year: 2036, start_date: '2036-06-01', end_date: '2036-06-04', time_zone: 'UTC', venue: 'Geneva' })).json.id;
    const e2 = (await as('POST', '/api/v1/editions', { name: 'IGF Glaciers', year: 2037, start_date: '2037-05-07', end_date: '2037-05-10', time_zone: 'UTC', venue: 'Lima' })).json.id;
    for (const [edition, text] of [[e1, lakes], [e2, glaciers]]) {
      const r = await as('POST', `/api/v1/editions/${edition}/transcripts`, text, { 'content-type': 'text/plain; charset=utf-8' });
      assert.equal(r.status, 201, r.text);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a reader searches from the archive, filters, and lands on the turn (${width} px)`, { timeout: 120000 }, async () => {
      const { page, check, context } = await checkedPage(browser, { width, shots });
      await page.goto(`${server.base}/editions/${e1}/transcripts`);
      await check(`archive-${width}`);
      await page.getByLabel('Search the transcripts of IGF Lakes').fill('cooperation regionale');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/transcripts\/search\?edition=\d+&q=cooperation\+regionale$/);
      assert.deepEqual(await page.locator('.search-result mark').allInnerTexts(), ['coopération régionale']);
      await check(`results-${width}`);

      // Every edition, a lake: several results; then only the Main Hall.
      await page.getByLabel('Words to find').fill('lake co-operation');
      await page.getByLabel('Edition').selectOption({ label: 'Any edition' });
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.search-result');
      assert.equal(await page.locator('.search-result').count(), 2);
      // The filters fold away when none is in use.
      assert.equal(await page.getByLabel('Room').isVisible(), false);
      await page.getByText('Filters', { exact: true }).click();
      await page.getByLabel('Room').selectOption('Main Hall');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/room=Main\+Hall/);
      assert.equal(await page.locator('.search-result').count(), 1);
      assert.match(await page.locator('.search-result').innerText(), /Workshop on Glaciers/);
      await check(`filtered-${width}`);
      await page.getByRole('link', { name: 'Clear the filters' }).click();
      await page.waitForURL(/\/transcripts\/search\?q=lake/);

      // Chinese, found as a phrase; the result leads to its turn.
      await page.getByLabel('Words to find').fill('湖泊合作');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.search-result mark');
      assert.deepEqual(await page.locator('.search-result mark').allInnerTexts(), ['湖泊合作']);
      await check(`chinese-${width}`);
      await page.locator('.search-result a').first().click();
      await page.waitForURL(/\/transcripts\/\d+#turn-2$/);
      assert.ok(await page.locator('#turn-2').isVisible());
      await check(`turn-${width}`);

      // A search of only left-out words: the error on its field, the words kept.
      await page.goto(`${server.base}/transcripts/search`);
      await page.getByLabel('Words to find').fill('-lake');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.error-summary');
      assert.equal(await page.getByLabel('Words to find').inputValue(), '-lake');
      await check(`error-${width}`);
      // The long turn is cut around its word; nothing scrolls sideways.
      await page.getByLabel('Words to find').fill('report');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.search-result');
      assert.match(await page.locator('.search-excerpt').innerText(), /…$/);
      await page.getByLabel('Words to find').fill('example');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForSelector('.search-result');
      await check(`long-word-${width}`);
      await context.close();
    });
  }

  test('the search works without JavaScript', { timeout: 60000 }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.base}/transcripts/search`);
    await page.getByLabel('Words to find').fill('ЕЛКА');
    await page.getByLabel('Words to find').press('Enter');
    await page.waitForSelector('.search-result');
    assert.deepEqual(await page.locator('.search-result mark').allInnerTexts(), ['Ёлка']);
    await context.close();
  });

  test('every page visited was checked', () => assertEveryVisitedPageChecked());
});
