// The caption viewers in a browser: a captioner pushes two speaker turns through the API
// while a viewer has the full-screen view and another the room's page open; both show
// them as turns, and the hidden polite region reads them. The viewer's live connection is
// cut while more chunks come: after it reconnects each chunk shows once, backspaces
// applied. A reader who scrolled up keeps their place until they jump to the latest. Size
// and contrast change by keyboard and stay after a reload; axe passes at each contrast;
// nothing scrolls sideways at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, checkedPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/captions';
mkdirSync(shots, { recursive: true });

// Every WebSocket the page opens, so that a test can cut them.
function recordSockets() {
  const Native = window.WebSocket;
  window.recordedSockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.recordedSockets.push(this);
    }
  };
}

describe('caption viewers in a browser', () => {
  let server, browser, edition, room, captioner, sequence = 0;
  const viewPath = () => `/editions/${edition}/live-rooms/${room}/captions`;
  const push = async (text) => {
    sequence += 1;
    const r = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms/${room}/captions`, { token: captioner.token, body: { sequence, language: 'en', text } });
    assert.equal(r.status, 200, r.text);
  };
  const lastShown = (page) => page.locator('.caption-log').getAttribute('data-caption-last');

  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Captions', year: 2036, start_date: '2036-06-01', end_date: '2036-06-04', time_zone: 'UTC', venue: 'Geneva' } });
    edition = e.json.id;
    const chair = await proposer(server, 'Chris Chair');
    captioner = await proposer(server, 'Cap Tioner');
    const opened = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, {
      token: server.admin.token, body: { title: 'Open consultation', chairs: [chair.email], captioners: [captioner.email] },
    });
    room = opened.json.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('two turns reach the full-screen view, the room page and the live region; a cut connection resumes without loss or doubles', { timeout: 120000 }, async () => {
    const viewer = await checkedPage(browser, { width: 1280, shots });
    await viewer.context.addInitScript(recordSockets);
    const page = viewer.page;
    await page.goto(server.base + viewPath() + '?language=en');
    await viewer.check('captions-empty');
    await page.locator('.caption-log[data-live="websocket"]').waitFor();
    const roomPage = await checkedPage(browser, { width: 1280, shots });
    await roomPage.page.goto(`${server.base}/editions/${edition}/live-rooms/${room}`);
    await roomPage.check();
    await roomPage.page.locator('#captions .caption-log[data-live]').waitFor();

    await push('>> CHRIS CHAIR: Good morning, everyone.');
    await push(' Welcome to the consultation.\n');
    await push('>> ANA ONSITE: Thank you, Chair. I speak for civil society.\n');
    for (const p of [page, roomPage.page]) {
      await p.locator('.caption-speaker', { hasText: 'ANA ONSITE' }).waitFor();
      const log = await p.locator('.caption-log').innerText();
      assert.match(log, /CHRIS CHAIR\s+Good morning, everyone. Welcome to the consultation.\s+ANA ONSITE\s+Thank you, Chair. I speak for civil society./);
    }
    const announcer = page.locator('[data-caption-announcer]');
    const said = () => announcer.evaluate((a) => [...a.querySelectorAll('p')].map((p) => p.textContent).join(' '));
    await page.waitForFunction(() => /ANA ONSITE: Thank you, Chair\. I speak for civil society\./.test(document.querySelector('[data-caption-announcer]').textContent), null, { timeout: 10000 });
    const spoken = await said();
    assert.match(spoken, /CHRIS CHAIR: Good morning, everyone\. Welcome to the consultation\./, 'whole sentences, with the speaker');
    assert.ok(await announcer.evaluate((a) => a.querySelectorAll('p').length <= 3), 'a few messages, not one a chunk');
    assert.equal(await announcer.getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('[role="log"]').count(), 1);
    await viewer.check('captions-two-turns');

    // Cut the live connection; chunks pushed meanwhile come back by position, once each.
    await page.evaluate(() => window.recordedSockets.forEach((s) => s.close()));
    await page.locator('.caption-log:not([data-live])').waitFor();
    await push('>> CHRIS CHAIR: Next, the hubs.');
    await push(' Tunis, go ahxx\b\bead.\n');
    await push('>> TUNIS HUB: Hello from Tunis.\n');
    await page.locator('.caption-log[data-live="websocket"]').waitFor({ timeout: 10000 });
    await page.waitForFunction((n) => document.querySelector('.caption-log').getAttribute('data-caption-last') === String(n), sequence, { timeout: 10000 });
    await push('>> CHRIS CHAIR: Thank you, Tunis.\n');
    await page.waitForFunction((n) => document.querySelector('.caption-log').getAttribute('data-caption-last') === String(n), sequence, { timeout: 10000 });
    const text = await page.locator('.caption-log').innerText();
    assert.equal(text.split('Next, the hubs.').length, 2, text);
    assert.equal(text.split('Hello from Tunis.').length, 2, text);
    assert.match(text, /Next, the hubs\. Tunis, go ahead\./, 'backspaces applied');
    assert.equal(await page.locator('.caption-speaker').count(), 5);
    assert.equal(await lastShown(page), String(sequence));
    viewer.noScriptErrors();
    roomPage.noScriptErrors();
    await roomPage.context.close();
    await viewer.context.close();
  });

  test('a reader who scrolled up keeps their place until they jump to the latest', { timeout: 120000 }, async () => {
    const viewer = await checkedPage(browser, { width: 1280, height: 600, shots });
    const page = viewer.page;
    for (let i = 1; i <= 12; i++) await push(`>> SPEAKER ${i}: Statement number ${i}, long enough to fill a line or two of the view.\n`);
    await page.goto(server.base + viewPath());
    await viewer.check();
    await page.locator('.caption-log[data-live]').waitFor();
    const log = page.locator('.caption-log');
    const atEnd = () => log.evaluate((l) => l.scrollHeight - l.scrollTop - l.clientHeight < 24 || `${l.scrollHeight} ${l.scrollTop} ${l.clientHeight}`);
    assert.equal(await atEnd(), true, 'opens at the latest');
    await log.evaluate((l) => { l.scrollTop = 0; });
    await push('>> LATE SPEAKER: A late word.\n');
    await page.locator('.caption-speaker', { hasText: 'LATE SPEAKER' }).waitFor();
    assert.equal(await log.evaluate((l) => l.scrollTop), 0, 'the reader keeps their place');
    const jump = page.getByRole('button', { name: 'New captions below: jump to the latest' });
    await jump.waitFor();
    await jump.focus();
    await page.keyboard.press('Enter');
    assert.equal(await atEnd(), true, 'at the latest after the jump');
    assert.ok(await jump.isHidden(), 'the button goes once used');
    await viewer.context.close();
  });

  for (const width of [1280, 390]) {
    test(`size and contrast by keyboard, kept after a reload; axe at each contrast (${width} px)`, { timeout: 120000 }, async () => {
      const viewer = await checkedPage(browser, { width, shots });
      const page = viewer.page;
      await page.goto(server.base + viewPath());
      await viewer.check(`captions-light`);
      const body = page.locator('body');
      assert.match(await body.getAttribute('class'), /caption-size-3/);
      await page.getByRole('link', { name: 'A+ larger text' }).focus();
      await page.keyboard.press('Enter');
      assert.match(await body.getAttribute('class'), /caption-size-4/);
      assert.match(page.url(), /size=4/);
      await page.getByRole('link', { name: 'A− smaller text' }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert.match(await body.getAttribute('class'), /caption-size-2/);
      for (const [label, code] of [['Light on dark', 'dark'], ['Yellow on black', 'yellow']]) {
        await page.getByRole('link', { name: label }).focus();
        await page.keyboard.press('Enter');
        assert.match(await body.getAttribute('class'), new RegExp(`contrast-${code}`));
        assert.equal(await page.getByRole('link', { name: label }).getAttribute('aria-current'), 'true');
        await viewer.check(`captions-${code}`);
      }
      await page.goto(server.base + viewPath());
      await viewer.check();
      assert.match(await body.getAttribute('class'), /caption-size-2/, 'the size is remembered');
      assert.match(await body.getAttribute('class'), /contrast-yellow/, 'the contrast is remembered');
      await viewer.context.close();

      // Without JavaScript the controls are links that reload the page.
      const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const still = await plain.newPage();
      await still.goto(server.base + viewPath());
      await still.getByRole('link', { name: 'A+ larger text' }).click();
      assert.match(await still.locator('body').getAttribute('class'), /caption-size-4/);
      await still.getByRole('link', { name: 'Yellow on black' }).click();
      assert.match(await still.locator('body').getAttribute('class'), /contrast-yellow caption-size-4/);
      assert.match(await still.locator('.caption-log').innerText(), /LATE SPEAKER/);
      await plain.close();

      const roomPage = await checkedPage(browser, { width, shots });
      await roomPage.page.goto(`${server.base}/editions/${edition}/live-rooms/${room}`);
      await roomPage.page.locator('#captions').scrollIntoViewIfNeeded();
      await roomPage.check('room-captions');
      await roomPage.context.close();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
