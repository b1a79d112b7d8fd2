// Live rooms in a browser, keyboard only, at 1280 px and 390 px: a newcomer finds the
// demo's meeting in progress from the edition page and reads the queue without signing
// in; the Secretariat opens a room and chairs it; a participant adds themselves and sees
// their position, while the chair's open page hears of it through its polite live region;
// the online moderator relays a request; the chair gives the floor, moves a request and
// announces the last call. Every page passes axe and never scrolls sideways.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer } from '../support/server.mjs';
import { api } from '../support/client.mjs';
import { proposer } from '../support/proposals.mjs';
import { launch, assertEveryVisitedPageChecked, submitSignIn, checkedPage } from '../support/browser.mjs';

const shots = process.env.CONVENE_SCREENSHOTS ?? '/tmp/convene-screenshots/live';
mkdirSync(shots, { recursive: true });

// Presses a button by keyboard: focus, then Enter.
async function press(locator) {
  await locator.focus();
  await locator.press('Enter');
}

describe('live rooms in a browser', () => {
  let server, browser, demo, demoRoom;
  before(async () => {
    server = await startServer('sqlite', { demo: true, demoProposals: 20 });
    browser = await launch();
    demo = (await api(server.base, 'GET', '/api/v1/editions')).json.editions.find((e) => e.name === 'IGF demo');
    demoRoom = (await api(server.base, 'GET', `/api/v1/editions/${demo.id}/live-rooms`)).json.rooms[0];
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    test(`a newcomer follows the demo meeting; the online moderator relays a request (${width} px)`, { timeout: 120000 }, async () => {
      const { page, check, noScriptErrors } = await checkedPage(browser, { width, shots });
      await page.goto(`${server.base}/editions/${demo.id}`);
      await check();
      await page.getByRole('link', { name: 'MAG open consultation' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'MAG open consultation' }).waitFor();
      await check('demo-room');
      const floor = await page.locator('#live-state').textContent();
      assert.match(floor, /has the floor/);
      assert.match(floor, /Agenda item 2: Intersessional work/);
      const now = (await api(server.base, 'GET', `/api/v1/editions/${demo.id}/live-rooms/${demoRoom.id}`)).json;
      assert.equal(await page.locator('ol.queue li').count(), now.waiting.length);
      // Captions at once: the meeting's turns so far, the one with the floor speaking last.
      const open = page.locator('#captions .caption-turn[data-caption-open] .caption-speaker');
      assert.equal((await open.textContent()).trim(), now.speaking.name.replace(/[a-z]/g, (c) => c.toUpperCase()));
      assert.ok(await page.locator('#captions .caption-turn').count() > 6);
      assert.equal(await page.locator('[role="status"][aria-live="polite"][data-live-topic]').count(), 1);

      await page.goto(server.base + '/login');
      await check();
      await submitSignIn(page, server.demoMember.email, server.demoMember.password);
      await check();
      await page.goto(`${server.base}/editions/${demo.id}/live-rooms/${demoRoom.id}`);
      await check();
      const name = `Remote Speaker ${width}`;
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Stakeholder group', { exact: true }).selectOption({ label: 'Academia' });
      await press(page.getByRole('button', { name: 'Add to the queue' }));
      await page.getByText('Done.').waitFor();
      await check();
      assert.match(await page.locator('ol.queue').textContent(), new RegExp(`${name} \\(Academia, online\\)`));
      assert.equal(await page.getByRole('heading', { name: 'Chair the room' }).count(), 0, 'a moderator does not chair');
      noScriptErrors();
    });

    test(`the Secretariat opens a room and chairs it; a participant asks for the floor (${width} px)`, { timeout: 120000 }, async () => {
      const chair = await checkedPage(browser, { width, shots });
      let page = chair.page;
      await page.goto(server.base + '/login');
      await chair.check();
      await submitSignIn(page, server.admin.email, server.admin.password);
      await chair.check();
      await page.goto(`${server.base}/editions/${demo.id}/live-rooms`);
      await chair.check('rooms');
      const title = `Coordination call ${width}`;
      await page.getByLabel('Title').fill(title);
      await press(page.getByRole('button', { name: 'Open the room' }));
      await page.locator('.error-summary').waitFor();
      await chair.check('rooms-errors');
      assert.match(await page.locator('.error-summary').textContent(), /Name at least one chair/);
      assert.equal(await page.getByLabel('Title').inputValue(), title, 'what was typed is kept');
      await page.getByLabel('Agenda items').fill('Opening\nReports from the intersessional work');
      await page.getByLabel(/^Chairs/).fill(server.admin.email);
      await press(page.getByRole('button', { name: 'Open the room' }));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await chair.check('chair-empty');
      const roomUrl = page.url();
      // The page's live channel is open before anyone asks.
      await page.waitForFunction(() => document.querySelector('[data-live-topic]')?.getAttribute('data-live') === 'websocket');

      const person = await proposer(server, `Pat Participant ${width}`);
      const participant = await checkedPage(browser, { width, shots });
      const p = participant.page;
      await p.goto(server.base + '/login');
      await participant.check();
      await submitSignIn(p, person.email, 'a long enough password');
      await participant.check();
      await p.goto(roomUrl);
      await participant.check();
      await p.getByLabel('Online').focus();
      await p.keyboard.press('Space');
      await p.getByLabel('Your stakeholder group').selectOption({ label: 'Civil Society' });
      await press(p.getByRole('button', { name: 'Add me to the queue' }));
      await p.getByText(/You are number 1 in the queue/).waitFor();
      await participant.check('participant');

      // The chair's page heard of it: the live region says so once, and the queue shows the request.
      await page.locator('[data-live-topic]').getByText('Nobody has the floor. 1 waiting.').waitFor();
      await page.locator('#live-state').getByText(`Pat Participant ${width}`).waitFor();
      await page.reload();
      await press(page.getByRole('button', { name: /^Point of order first/ }));
      await page.getByText('Done.').waitFor();
      await press(page.getByRole('button', { name: `Give the floor to Pat Participant ${width}` }));
      await page.getByText('Done.').waitFor();
      assert.match(await page.locator('#live-state').textContent(), new RegExp(`Pat Participant ${width}\\s+has the floor`));
      await page.getByLabel('Last call: seconds before the list closes').fill('45');
      await press(page.getByRole('button', { name: 'Announce the last call' }));
      await page.locator('.last-call').waitFor();
      await page.getByLabel('Speaking time allowed per turn, in seconds (0 for no limit)').fill('abc');
      await press(page.getByRole('button', { name: 'Set the time limit' }));
      await page.locator('.error-summary').waitFor();
      await chair.check('chair-error');
      await page.goto(roomUrl);
      await press(page.getByRole('button', { name: 'End the turn' }));
      await page.getByText('Done.').waitFor();
      await chair.check('chair');
      assert.match(await page.locator('#figures').textContent(), /Turns: 1\. Speaking time/);

      await p.goto(roomUrl);
      await participant.check();
      assert.match(await p.locator('#live-state').textContent(), /Last call/);
      chair.noScriptErrors();
      participant.noScriptErrors();
    });
  }

  test('every page visited was checked', assertEveryVisitedPageChecked);
});
