// A reader in Tokyo sees each time in the venue's zone (Oslo) and UTC, written by the
// server, and their own time added by the page's script, with no script error; without
// JavaScript the Oslo and UTC times stand alone.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { launch, newContext, assertAccessible, assertEveryVisitedPageChecked } from '../support/browser.mjs';
import { workshop, openCall, proposer } from '../support/proposals.mjs';
import { venueTime } from '../support/times.mjs';

const password = 'a long enough password';

// The reader's own time as the script writes it, computed here with Node's Intl.
function tokyoTime(iso) {
  const p = {};
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const part of format.formatToParts(new Date(iso))) p[part.type] = part.value;
  return ` · ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} (your time, Tokyo)`;
}

describe('times in a reader\'s own zone', () => {
  let server, browser, edition, account, proposal;
  const checked = new Set();
  before(async () => {
    server = await startServer('sqlite');
    edition = await openCall(server, { name: 'IGF Oslo', timeZone: 'Europe/Oslo' });
    account = await proposer(server, 'Toshi Tokyo');
    proposal = (await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: account.token, body: workshop('Access') })).json.id;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page) {
    await page.goto(server.base + '/login');
    if (page.context().__scripted !== false) await assertAccessible(page, checked);
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  test('in Tokyo, each time gets the reader\'s own beside Oslo and UTC, and every page passes axe', { timeout: 120000 }, async () => {
    const context = await newContext(browser, { timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page);
    await assertAccessible(page, checked);
    for (const path of [`/proposals/${proposal}`, `/editions/${edition}`, '/proposals', `/proposals/${proposal}/revisions`, `/proposals/${proposal}/edit`]) {
      await page.goto(server.base + path);
      const marked = page.locator('main time[datetime], main [data-utc]');
      assert.ok(await marked.count() > 0, `${path} shows a time`);
      const notes = page.locator('main .local-time');
      await notes.first().waitFor();
      assert.equal(await notes.count(), await marked.count(), `${path}: each time has the reader's own`);
      for (let i = 0; i < await marked.count(); i++) {
        const el = marked.nth(i);
        const iso = (await el.getAttribute('datetime')) ?? (await el.getAttribute('data-utc'));
        const zone = await el.getAttribute('data-zone');
        if (await el.evaluate((e) => e.tagName === 'TIME')) assert.equal(await el.textContent(), venueTime(iso, zone, zone === 'UTC' ? null : 'Oslo'));
        const note = await el.evaluate((e) => e.nextElementSibling?.textContent);
        assert.equal(note, tokyoTime(iso), `${path}: the Tokyo time after ${iso}`);
      }
      await assertAccessible(page, checked);
    }
    await context.close();
  });

  test('a reader at the venue, or without JavaScript, sees Oslo and UTC only', { timeout: 60000 }, async () => {
    const inOslo = await newContext(browser, { timezoneId: 'Europe/Oslo' });
    const page = await inOslo.newPage();
    await signIn(page);
    await page.goto(`${server.base}/proposals/${proposal}`);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('main .local-time').count(), 0, 'the venue\'s time is the reader\'s');
    assert.match(await page.locator('main time').first().textContent(), /\(Oslo time\) · (\d{1,2} \w+ \d{4}, )?\d\d:\d\d UTC$/);
    await assertAccessible(page, checked);
    await inOslo.close();

    const noScript = await newContext(browser, { timezoneId: 'Asia/Tokyo', javaScriptEnabled: false });
    noScript.__scripted = false;  // nothing to measure without JavaScript
    const bare = await noScript.newPage();
    await signIn(bare);
    await bare.goto(`${server.base}/proposals/${proposal}`);
    assert.equal(await bare.locator('main .local-time').count(), 0);
    const time = bare.locator('main time').first();
    assert.equal(await time.textContent(), venueTime(await time.getAttribute('datetime'), 'Europe/Oslo', 'Oslo'));
    await noScript.close();
  });

  test('every page visited was checked', (t) => {
    t.diagnostic(`checked: ${assertEveryVisitedPageChecked().join(' ')}`);
  });
});
