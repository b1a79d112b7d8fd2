// The captioner's page in a browser, keyboard only: the captioner picks the speaker who
// has the floor and types two ">> NAME:" turns; the connection drops (the captions API
// fails for a while), the page keeps the chunks (across a reload too) and says they wait,
// then sends them when it comes back: the stored text has each chunk once. The chair
// creates a captioner token for CART software. axe-clean, at 1280 px and 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, signedInPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/captions';
mkdirSync(shots, { recursive: true });

async function press(locator) {
  await locator.focus();
  await locator.press('Enter');
}

function applied(chunks) {
  let t = '';
  for (const c of chunks) for (const ch of c.text) t = ch === '\b' ? [...t].slice(0, -1).join('') : t + ch;
  return t;
}

describe('the captioner\'s page in a browser', () => {
  let server, browser, edition, room, chair, captioner;
  const writeUrl = () => `${server.base}/editions/${edition}/live-rooms/${room}/captions/write`;
  const pull = async () => (await api(server.base, 'GET', `/api/v1/editions/${edition}/live-rooms/${room}/captions`)).json;

  before(async () => {
    server = await startServer('sqlite');
    browser = await launch();
    const e = await api(server.base, 'POST', '/api/v1/editions', { token: server.admin.token, body: { name: 'IGF Captions', year: 2035, start_date: '2035-06-01', end_date: '2035-06-04', time_zone: 'UTC', venue: 'Geneva' } });
    edition = e.json.id;
    chair = await proposer(server, 'Chris Chair');
    captioner = await proposer(server, 'Cathy Captioner');
    const ana = await proposer(server, 'Ana Onsite');
    const ben = await proposer(server, 'Ben Online');
    room = (await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms`, { token: server.admin.token, body: { title: 'MAG open consultation', chairs: [chair.email], captioners: [captioner.email] } })).json.id;
    const path = `/api/v1/editions/${edition}/live-rooms/${room}`;
    await api(server.base, 'POST', path + '/queue', { token: ana.token, body: { where: 'onsite' } });
    await api(server.base, 'POST', path + '/queue', { token: ben.token, body: { where: 'online' } });
    await api(server.base, 'POST', path + '/chair', { token: chair.token, body: { action: 'next' } });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the captioner types two turns; a dropped connection loses nothing and duplicates nothing', { timeout: 120000 }, async () => {
    const { page, check, noScriptErrors } = await signedInPage(browser, server.base, captioner, { width: 1280, shots });
    await page.goto(writeUrl());
    await check('captioner');
    const status = page.locator('#caption-status');
    const speaker = page.getByLabel('Speaker');
    await speaker.focus();
    await speaker.selectOption({ label: 'Ana Onsite (has the floor)' });
    await press(page.getByRole('button', { name: 'Insert the speaker' }));
    await page.keyboard.type('Good morning everyone.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('caption-status').textContent === 'All sent.');
    assert.equal(applied((await pull()).chunks), '>> ANA ONSITE: Good morning everyone.\n');

    // The connection drops: every push fails until it comes back.
    const api = `**/api/v1/editions/${edition}/live-rooms/${room}/captions`;
    await page.route(api, (route) => route.abort('internetdisconnected'));
    await speaker.focus();
    await speaker.selectOption({ label: 'Ben Online (waiting)' });
    await press(page.getByRole('button', { name: 'Insert the speaker' }));
    await page.keyboard.type('Thank you, chair.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Waiting to send \(\d+\)\.$/.test(document.getElementById('caption-status').textContent));
    await page.keyboard.type('One more point.');
    await press(page.getByRole('button', { name: 'Send' }));
    await page.waitForFunction(() => /^Waiting to send \([2-9]\)\.$/.test(document.getElementById('caption-status').textContent));
    // A reload keeps what waits.
    await page.reload();
    await check();
    await page.waitForFunction(() => /^Waiting to send \([2-9]\)\.$/.test(document.getElementById('caption-status').textContent));
    assert.equal(applied((await pull()).chunks), '>> ANA ONSITE: Good morning everyone.\n', 'nothing got through');
    await page.unroute(api);
    await page.waitForFunction(() => document.getElementById('caption-status').textContent === 'All sent.', null, { timeout: 30000 });
    const stored = await pull();
    assert.equal(applied(stored.chunks), '>> ANA ONSITE: Good morning everyone.\n>> BEN ONLINE: Thank you, chair.\nOne more point.');
    const sequences = stored.chunks.map((c) => c.sequence);
    assert.deepEqual(sequences, sequences.map((_, i) => i + 1), 'each chunk once, in order');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    noScriptErrors();
  });

  test('a second captioner takes over while the first page is still open: nothing is lost', { timeout: 120000 }, async () => {
    const { page, check, noScriptErrors } = await signedInPage(browser, server.base, captioner, { width: 1280, shots });
    await page.goto(writeUrl());
    await check();
    // Meanwhile the second captioner (here the chair) sends the number this page would use.
    const last = (await pull()).chunks.at(-1).sequence;
    const other = await api(server.base, 'POST', `/api/v1/editions/${edition}/live-rooms/${room}/captions`,
      { token: chair.token, body: { sequence: last + 1, language: 'en', text: '\n>> CHRIS CHAIR: Over to you.' } });
    assert.equal(other.status, 200, other.text);
    await page.getByLabel('Captions', { exact: true }).focus();
    await page.keyboard.type('Still here.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('caption-status').textContent === 'All sent.');
    const stored = await pull();
    const text = applied(stored.chunks);
    assert.match(text, /Over to you\./);
    assert.match(text, /Still here\./);
    const sequences = stored.chunks.map((c) => c.sequence);
    assert.deepEqual(sequences, sequences.map((_, i) => i + 1), 'each chunk once, in order');
    noScriptErrors();
  });

  test('at 390 px: the chair creates a token for captioning software, shown once', { timeout: 120000 }, async () => {
    const { page, check, noScriptErrors } = await signedInPage(browser, server.base, chair, { width: 390, shots });
    await page.goto(writeUrl());
    await check('captioner-chair');
    await page.getByLabel('Label').fill('CART writer');
    await press(page.getByRole('button', { name: 'Create a token' }));
    await page.getByText('Copy it now: it is shown only once.').waitFor();
    await check('captioner-token');
    const token = await page.locator('#new-token').textContent();
    assert.match(token, /^[0-9a-f]{64}$/);
    const r = await fetch(`${server.base}/api/v1/captions?token=${token}&seq=99&lang=en`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    assert.equal(r.status, 200);
    await page.goto(writeUrl());
    await check();
    assert.ok(!(await page.content()).includes(token), 'shown once');
    assert.match(await page.locator('#tokens table').textContent(), /CART writer/);
    noScriptErrors();
  });

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
